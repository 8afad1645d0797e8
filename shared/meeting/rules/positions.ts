/**
 * Positions, consensus calls, decisions and action items (SPEC.md "Positions, consensus calls
 * and the record": P1–P4, C1–C3, D1).
 */
import { assertNever } from '../../assert-never.ts';
import { isLeading } from '../permissions.ts';
import { own } from '../../own.ts';
import { holdingOf, type AgendaItem, type ConsensusCall, type MeetingEventBody, type MeetingState, type Speaker } from '../types.ts';
import { findItem, findParticipant, reject, speakerOf, type DecisionContext, type SectionCommand } from './common.ts';

export function decidePositions(
  state: MeetingState,
  command: SectionCommand<'position' | 'consensus' | 'decision' | 'action'>,
  ctx: DecisionContext,
): MeetingEventBody[] {
  switch (command.type) {
    case 'position.record': {
      senderMayTakePositions(state, ctx);
      const target = findTarget(state, command.itemId, command.proposalId);
      const holder = positionHolder(state, ctx, command);
      mayTakePositions(state, ctx, holder.speaker, target.item);
      return [
        {
          type: 'position.recorded',
          position: {
            itemId: target.item.id,
            proposalId: command.proposalId,
            holderKey: holder.key,
            participantId: holder.speaker.participantId,
            name: holder.speaker.name,
            stakeholderGroup: holder.speaker.stakeholderGroup,
            stance: command.stance,
            text: command.text,
            at: ctx.at,
            recordedBy: holder.onBehalf ? ctx.actor.name : null,
            speechId: command.speechId ?? null,
          },
        },
      ];
    }

    case 'position.withdraw': {
      senderMayTakePositions(state, ctx);
      const target = findTarget(state, command.itemId, command.proposalId);
      const holder = positionHolder(state, ctx, command);
      // A lead may always remove what was recorded for someone, whatever the settings now say.
      if (!holder.onBehalf) mayTakePositions(state, ctx, holder.speaker, target.item);
      const held = state.positions.some(
        (position) =>
          position.itemId === target.item.id &&
          position.proposalId === command.proposalId &&
          position.holderKey === holder.key &&
          holdingOf(position.stance) === command.holding,
      );
      if (!held)
        reject('conflict', command.holding === 'comment' ? 'There is no comment to withdraw.' : 'There is no position to withdraw.');
      return [
        {
          type: 'position.withdrawn',
          itemId: target.item.id,
          proposalId: command.proposalId,
          holderKey: holder.key,
          holding: command.holding,
        },
      ];
    }

    case 'consensus.open': {
      const target = findTarget(state, command.itemId, command.proposalId);
      // C1: one consensus call at a time.
      if (openCall(state)) reject('conflict', 'A consensus call is already open: close it first.');
      const subject = target.proposal ? target.proposal.title : `item ${target.item.number}`;
      return [
        {
          type: 'consensus.opened',
          call: {
            id: ctx.newId('c'),
            itemId: target.item.id,
            proposalId: command.proposalId,
            question: command.question ?? `Any objections to ${subject}?`,
            openedAt: ctx.at,
            durationMs: command.seconds * 1000,
          },
        },
      ];
    }

    case 'consensus.object': {
      senderMayTakePositions(state, ctx);
      const call = findOpenCall(state, command.callId);
      const holder = positionHolder(state, ctx, command);
      mayTakePositions(state, ctx, holder.speaker, undefined);
      if (!holder.onBehalf) {
        // C2: participants object while the countdown runs; the secretariat may still enter objections raised in the room.
        if (ctx.at > call.openedAt + call.durationMs + OBJECTION_GRACE_MS) reject('conflict', 'The time to object has run out.');
      }
      return [
        {
          type: 'consensus.objected',
          callId: call.id,
          objection: {
            holderKey: holder.key,
            participantId: holder.speaker.participantId,
            name: holder.speaker.name,
            reason: command.reason,
            at: ctx.at,
            recordedBy: holder.onBehalf ? ctx.actor.name : null,
          },
        },
      ];
    }

    case 'consensus.withdrawObjection': {
      senderMayTakePositions(state, ctx);
      const call = findOpenCall(state, command.callId);
      const key = command.participantId === undefined && command.name === undefined ? ownKey(ctx) : positionHolder(state, ctx, command).key;
      if (!call.objections.some((objection) => objection.holderKey === key)) reject('conflict', 'There is no such objection to withdraw.');
      return [{ type: 'consensus.objectionWithdrawn', callId: call.id, holderKey: key }];
    }

    case 'consensus.close': {
      const call = findOpenCall(state, command.callId);
      return [
        { type: 'consensus.closed', callId: call.id, outcome: call.objections.length === 0 ? 'agreed-without-objection' : 'objections' },
      ];
    }

    case 'decision.record': {
      const target = findTarget(state, command.itemId, command.proposalId);
      return [
        {
          type: 'decision.recorded',
          decision: {
            id: ctx.newId('d'),
            itemId: target.item.id,
            proposalId: command.proposalId,
            kind: command.kind,
            text: command.text,
            at: ctx.at,
            recordedBy: ctx.actor.name,
          },
        },
      ];
    }

    case 'decision.remove':
      if (!state.decisions.some((decision) => decision.id === command.decisionId)) reject('not-found', 'That decision is not recorded.');
      return [{ type: 'decision.removed', decisionId: command.decisionId }];

    case 'action.record':
      if (command.itemId !== null) findItem(state, command.itemId);
      return [
        {
          type: 'action.recorded',
          action: {
            id: ctx.newId('ai'),
            itemId: command.itemId,
            what: command.what,
            who: command.who,
            due: command.due,
            at: ctx.at,
            recordedBy: ctx.actor.name,
          },
        },
      ];

    case 'action.remove':
      if (!state.actionItems.some((action) => action.id === command.actionId)) reject('not-found', 'That action item is not recorded.');
      return [{ type: 'action.removed', actionId: command.actionId }];

    default:
      return assertNever(command);
  }
}

/** Objections that arrive just after the countdown (network delay) still count. */
const OBJECTION_GRACE_MS = 2_000;

function findTarget(state: MeetingState, itemId: string, proposalId: string | null) {
  const item = findItem(state, itemId);
  const proposal = proposalId === null ? undefined : item.proposals.find((candidate) => candidate.id === proposalId);
  if (proposalId !== null && !proposal) reject('not-found', 'That proposal is not on this item.');
  return { item, proposal };
}

export function openCall(state: MeetingState): ConsensusCall | undefined {
  return state.consensusCalls.find((call) => call.closedAt === null);
}

function findOpenCall(state: MeetingState, callId: string): ConsensusCall {
  const call = state.consensusCalls.find((candidate) => candidate.id === callId);
  if (!call) return reject('not-found', 'That consensus call does not exist.');
  if (call.closedAt !== null) reject('conflict', 'This consensus call has closed.');
  return call;
}

/** The key a person's positions and objections are held under: their roster id, or their typed name. */
export function holderKeyOf(speaker: Pick<Speaker, 'participantId' | 'name'>): string {
  return speaker.participantId ?? `name:${speaker.name}`;
}

function ownKey(ctx: DecisionContext): string {
  return ctx.actor.participantId ?? reject('forbidden', 'Only people on the roster take positions.');
}

/**
 * Whose position a command is about (P2): one's own, or — for the chair and secretariat —
 * someone on the roster, someone typed in by name, or the speaker of a tagged speech.
 */
function positionHolder(
  state: MeetingState,
  ctx: DecisionContext,
  command: { participantId?: string; name?: string; speechId?: string },
): { key: string; speaker: Speaker; onBehalf: boolean } {
  let speaker: Speaker | undefined;
  if (command.speechId !== undefined) {
    const speech = [...state.speeches, ...(state.floor ? [state.floor] : [])].find((candidate) => candidate.id === command.speechId);
    speaker = speech ?? reject('not-found', 'That speech is not in the record.');
  } else if (command.participantId !== undefined) {
    speaker = speakerOf(findParticipant(state, command.participantId));
  } else if (command.name !== undefined) {
    speaker = { participantId: null, name: command.name, stakeholderGroup: null, region: null, location: 'room' };
  }
  const self = speaker === undefined || (speaker.participantId !== null && speaker.participantId === ctx.actor.participantId);
  if (self) {
    const participant = findParticipant(state, ownKey(ctx));
    return { key: participant.id, speaker: speakerOf(participant), onBehalf: false };
  }
  if (!isLeading(ctx.role)) reject('forbidden', 'Only the chair and the secretariat record positions for others.');
  return { key: holderKeyOf(speaker!), speaker: speaker!, onBehalf: true };
}

/** P3: an observer (unless the meeting allows it) or the captioner is refused before anything else is looked up. */
function senderMayTakePositions(state: MeetingState, ctx: DecisionContext): void {
  const sender = ctx.actor.participantId === null ? undefined : own(state.participants, ctx.actor.participantId);
  if (sender && !isLeading(ctx.role)) mayTakePositions(state, ctx, speakerOf(sender), undefined);
}

/**
 * P3/P4: whoever records it, a position is held by an observer only when the meeting allows it
 * and never by the captioner; on an item that is closed, only the chair and secretariat change positions.
 */
function mayTakePositions(state: MeetingState, ctx: DecisionContext, holder: Speaker, item: AgendaItem | undefined): void {
  const participant = holder.participantId === null ? undefined : own(state.participants, holder.participantId);
  if (participant?.role === 'observer' && !state.settings.observersMayTakePositions) {
    reject('forbidden', 'Observers may not take positions in this meeting.');
  }
  if (participant?.role === 'captioner') reject('forbidden', 'The captioner does not take positions.');
  if (participant?.role === 'interpreter') reject('forbidden', 'Interpreters do not take positions.');
  if (!isLeading(ctx.role) && item && (item.status === 'done' || item.status === 'deferred')) {
    reject('conflict', `Item ${item.number} is closed: positions can no longer change.`);
  }
}
