/**
 * Decides a command against the current state: the events it produces, or a refusal
 * with a reason a person can read. Pure, like the reducer; the server calls it under the
 * meeting's lock and stores the events before applying them.
 */
import type { MeetingAccessRole } from '../domain.ts';
import type { ErrorCode } from '../protocol.ts';
import { assertNever } from '../assert-never.ts';
import type { Command } from './commands.ts';
import { isLeading, mayCommand } from './permissions.ts';
import { insertionIndex, kindAtPosition } from './queue-order.ts';
import { queueOf } from './reducer.ts';
import { own } from '../own.ts';
import {
  DEFAULT_SETTINGS,
  holdingOf,
  type Actor,
  type AgendaItem,
  type AgendaItemInit,
  type ConsensusCall,
  type MeetingEventBody,
  type MeetingState,
  type Participant,
  type QueueEntry,
  type Speaker,
  type Speech,
  type SpeechKind,
} from './types.ts';

export class CommandRejected extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'CommandRejected';
  }
}

/** What the server knows of the meeting's set-up, needed only to open it. */
export interface MeetingSetup {
  title: string;
  plannedStart: number;
  plannedMinutes: number;
  agenda: AgendaItemInit[];
  participants: Participant[];
}

export interface DecisionContext {
  actor: Actor;
  role: MeetingAccessRole;
  /** Server time for the events. */
  at: number;
  /** Fresh ids for entries, speeches, items. */
  newId: (prefix: string) => string;
  /** Loaded by the server for `meeting.open` only. */
  setup?: MeetingSetup;
}

const reject = (code: ErrorCode, message: string): never => {
  throw new CommandRejected(code, message);
};

export function decide(state: MeetingState, command: Command, ctx: DecisionContext): MeetingEventBody[] {
  // R1: the role table.
  if (!mayCommand(ctx.role, command.type)) reject('forbidden', 'Your role in this meeting does not allow that.');
  if (command.type !== 'meeting.open' && state.phase !== 'open') {
    reject('conflict', state.phase === 'ended' ? 'The meeting has ended.' : 'The meeting has not been opened yet.');
  }

  switch (command.type) {
    case 'meeting.open': {
      if (state.phase !== 'not-opened') reject('conflict', state.phase === 'ended' ? 'The meeting has ended.' : 'The meeting is already open.');
      const setup = ctx.setup ?? reject('internal', 'The meeting set-up could not be loaded.');
      return [{ type: 'meeting.opened', ...setup, settings: DEFAULT_SETTINGS }];
    }
    case 'meeting.end':
      return [{ type: 'meeting.ended' }];

    case 'meeting.changeSettings': {
      const { type: _type, ...changes } = command;
      const settings = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
      if (Object.keys(settings).length === 0) reject('invalid', 'No setting was given.');
      return [{ type: 'meeting.settingsChanged', settings }];
    }

    case 'participant.setLocation': {
      // R3: people say where they are; the chair and secretariat may correct it.
      if (!isLeading(ctx.role) && command.participantId !== ctx.actor.participantId) {
        reject('forbidden', 'You can only say where you yourself are.');
      }
      if (!own(state.participants, command.participantId)) reject('not-found', 'That person is not on the roster.');
      return [{ type: 'participant.locationSet', participantId: command.participantId, location: command.location }];
    }

    case 'agenda.startItem': {
      const item = findItem(state, command.itemId);
      if (state.currentItemId === item.id) reject('conflict', `Item ${item.number} is already running.`);
      const current = state.currentItemId;
      // A1: moving on while people are queued needs the chair's confirmation.
      if (current !== null && queueOf(state, current).entries.length > 0 && !command.confirmed) {
        const waiting = queueOf(state, current).entries.length;
        reject('needs-confirmation', `${waiting} ${waiting === 1 ? 'person is' : 'people are'} still in the queue of this item. Move on anyway?`);
      }
      return [
        {
          type: 'agenda.itemStarted',
          itemId: item.id,
          previousItemStatus: current === null ? null : command.previousItemStatus,
        },
      ];
    }

    case 'agenda.markItem': {
      const item = findItem(state, command.itemId);
      if (item.status === command.status) reject('conflict', `Item ${item.number} is already ${command.status}.`);
      return [{ type: 'agenda.itemMarked', itemId: item.id, status: command.status }];
    }

    case 'agenda.addItem': {
      const afterItemId = command.afterItemId;
      if (afterItemId !== null) findItem(state, afterItemId);
      // Numbered after the highest item number, wherever it is placed ("7" for any other business after 6).
      const highest = Math.max(0, ...state.agenda.map((item) => Number.parseInt(item.number, 10)).filter(Number.isFinite));
      return [
        {
          type: 'agenda.itemAdded',
          item: { id: ctx.newId('a'), number: String(highest + 1), depth: 0, title: command.title, minutes: command.minutes },
          afterItemId,
        },
      ];
    }

    case 'agenda.addPresentation': {
      const item = findItem(state, command.itemId);
      let presenterName = command.presenterName;
      if (command.presenterId !== null) {
        presenterName ??= findParticipant(state, command.presenterId).name;
      }
      if (!presenterName) reject('invalid', 'Name the presenter.');
      return [
        {
          type: 'agenda.presentationAdded',
          itemId: item.id,
          presentation: {
            id: ctx.newId('p'),
            presenterId: command.presenterId,
            presenterName: presenterName!,
            title: command.title,
            minutes: command.minutes,
          },
        },
      ];
    }

    case 'queue.raiseHand': {
      const participantId = ctx.actor.participantId ?? reject('forbidden', 'Only people on the roster can raise a hand.');
      const participant = findParticipant(state, participantId);
      if (participant.role === 'observer' && !state.settings.observersMayRequestFloor) {
        reject('forbidden', 'Observers may not ask for the floor in this meeting.');
      }
      return [raiseHand(state, ctx, speakerOf(participant), command.kind, command.note, null)];
    }

    case 'queue.addOnBehalf': {
      let speaker: Speaker;
      if (command.participantId !== null) {
        const participant = findParticipant(state, command.participantId);
        speaker = speakerOf(participant);
        if (command.location) speaker = { ...speaker, location: command.location };
      } else {
        const name = command.name ?? reject('invalid', 'Give the name of the person to add.');
        speaker = { participantId: null, name, stakeholderGroup: null, region: null, location: command.location ?? 'room' };
      }
      return [raiseHand(state, ctx, speaker, command.kind, command.note, ctx.actor.name)];
    }

    case 'queue.editNote': {
      const { itemId, entry } = ownEntry(state, ctx, command.entryId);
      return [{ type: 'queue.noteEdited', itemId, entryId: entry.id, note: command.note }];
    }

    case 'queue.moveDown': {
      const { itemId, entry } = ownEntry(state, ctx, command.entryId);
      const entries = queueOf(state, itemId).entries;
      const index = entries.indexOf(entry);
      const next = entries[index + 1];
      if (!next || next.kind !== entry.kind) reject('conflict', 'You are already the last of your kind of request.');
      return [{ type: 'queue.entryMoved', itemId, entryId: entry.id, toIndex: index + 1, kind: entry.kind }];
    }

    case 'queue.move': {
      const { itemId, entry } = findEntry(state, command.entryId);
      const others = queueOf(state, itemId).entries.filter((other) => other.id !== entry.id);
      const toIndex = Math.min(command.toIndex, others.length);
      // Q6: moving across kinds changes the entry's kind, so the kinds stay in order.
      const kind = kindAtPosition(others, toIndex, entry.kind);
      return [{ type: 'queue.entryMoved', itemId, entryId: entry.id, toIndex, kind }];
    }

    case 'queue.withdraw': {
      const { itemId, entry } = ownEntry(state, ctx, command.entryId);
      const by = entry.participantId !== null && entry.participantId === ctx.actor.participantId ? 'self' : 'chair';
      return [{ type: 'queue.handLowered', itemId, entryId: entry.id, by }];
    }

    case 'queue.close': {
      const itemId = currentItemId(state);
      if (!queueOf(state, itemId).open) reject('conflict', 'The queue is already closed.');
      return [{ type: 'queue.closed', itemId }];
    }
    case 'queue.reopen': {
      const itemId = currentItemId(state);
      if (queueOf(state, itemId).open) reject('conflict', 'The queue is already open.');
      return [{ type: 'queue.reopened', itemId }];
    }
    case 'queue.clear': {
      const itemId = currentItemId(state);
      if (queueOf(state, itemId).entries.length === 0) reject('conflict', 'The queue is already empty.');
      return [{ type: 'queue.cleared', itemId }];
    }

    case 'floor.give': {
      // F2: the entry must still be queued: a stale "next" (it was given or withdrawn meanwhile) changes nothing.
      const { itemId, entry } = findEntry(state, command.entryId, 'That person is no longer in the queue.');
      return [
        floorGiven(state, ctx, entry, {
          itemId,
          kind: entry.kind,
          entryId: entry.id,
          presentationId: null,
          seconds: command.seconds,
        }),
      ];
    }

    case 'floor.giveTo': {
      const participant = findParticipant(state, command.participantId);
      const itemId = state.currentItemId;
      const queued = itemId === null ? undefined : queueOf(state, itemId).entries.find((entry) => entry.participantId === participant.id);
      return [
        floorGiven(state, ctx, queued ?? speakerOf(participant), {
          itemId,
          kind: queued?.kind ?? 'new-point',
          entryId: queued?.id ?? null,
          presentationId: null,
          seconds: command.seconds,
        }),
      ];
    }

    case 'floor.startPresentation': {
      const item = state.agenda.find((candidate) => candidate.presentations.some((p) => p.id === command.presentationId));
      const presentation = item?.presentations.find((p) => p.id === command.presentationId);
      if (!item || !presentation) return reject('not-found', 'That presentation is not on the agenda.');
      const participant = presentation.presenterId === null ? undefined : own(state.participants, presentation.presenterId);
      const speaker: Speaker = participant
        ? speakerOf(participant)
        : { participantId: null, name: presentation.presenterName, stakeholderGroup: null, region: null, location: 'remote' };
      return [
        floorGiven(state, ctx, speaker, {
          itemId: item.id,
          kind: 'presentation',
          entryId: null,
          presentationId: presentation.id,
          seconds: presentation.minutes * 60,
        }),
      ];
    }

    case 'floor.end': {
      const speech = floorSpeech(state, command.speechId);
      // F6: a speaker may say "I'm done"; only those who lead end someone else's speech.
      if (!isLeading(ctx.role) && (speech.participantId === null || speech.participantId !== ctx.actor.participantId)) {
        reject('forbidden', 'You can only end your own speech.');
      }
      return [{ type: 'floor.ended', speechId: command.speechId }];
    }

    case 'timer.pause': {
      const speech = floorSpeech(state, command.speechId);
      if (speech.timer.pausedAt !== null) reject('conflict', 'The timer is already paused.');
      return [{ type: 'timer.paused', speechId: speech.id }];
    }
    case 'timer.resume': {
      const speech = floorSpeech(state, command.speechId);
      if (speech.timer.pausedAt === null) reject('conflict', 'The timer is not paused.');
      return [{ type: 'timer.resumed', speechId: speech.id }];
    }
    case 'timer.extend': {
      const speech = floorSpeech(state, command.speechId);
      if (speech.timer.durationMs === null) reject('conflict', 'This speech has no time limit to extend.');
      return [{ type: 'timer.durationChanged', speechId: speech.id, durationMs: speech.timer.durationMs! + command.seconds * 1000 }];
    }
    case 'timer.setDuration': {
      const speech = floorSpeech(state, command.speechId);
      return [{ type: 'timer.durationChanged', speechId: speech.id, durationMs: command.seconds === null ? null : command.seconds * 1000 }];
    }

    case 'agenda.addProposal': {
      const item = findItem(state, command.itemId);
      return [{ type: 'agenda.proposalAdded', itemId: item.id, proposal: { id: ctx.newId('pr'), title: command.title } }];
    }

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
      if (!held) reject('conflict', command.holding === 'comment' ? 'There is no comment to withdraw.' : 'There is no position to withdraw.');
      return [
        { type: 'position.withdrawn', itemId: target.item.id, proposalId: command.proposalId, holderKey: holder.key, holding: command.holding },
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
      return [{ type: 'consensus.closed', callId: call.id, outcome: call.objections.length === 0 ? 'agreed-without-objection' : 'objections' }];
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

    case 'chat.post': {
      // H3: a muted person cannot post.
      if (ctx.actor.participantId !== null && state.chatMuted.includes(ctx.actor.participantId)) {
        reject('forbidden', 'The secretariat has muted you in the chat.');
      }
      return [
        {
          type: 'chat.posted',
          message: {
            id: ctx.newId('msg'),
            at: ctx.at,
            fromId: ctx.actor.participantId,
            fromName: ctx.actor.name,
            to: command.to,
            text: command.text,
            flaggedBy: null,
            itemId: state.currentItemId,
          },
        },
      ];
    }

    case 'chat.flag': {
      const message = state.chat.find((candidate) => candidate.id === command.messageId);
      if (!message) return reject('not-found', 'That message does not exist.');
      if ((message.flaggedBy !== null) === command.flagged) reject('conflict', command.flagged ? 'Already flagged.' : 'Not flagged.');
      return [{ type: 'chat.flagged', messageId: message.id, flaggedBy: command.flagged ? ctx.actor.name : null }];
    }

    case 'chat.mute':
      findParticipant(state, command.participantId);
      if (state.chatMuted.includes(command.participantId) === command.muted) {
        reject('conflict', command.muted ? 'Already muted.' : 'Not muted.');
      }
      return [{ type: 'chat.muteChanged', participantId: command.participantId, muted: command.muted }];

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
  if (!isLeading(ctx.role) && item && (item.status === 'done' || item.status === 'deferred')) {
    reject('conflict', `Item ${item.number} is closed: positions can no longer change.`);
  }
}

function findItem(state: MeetingState, itemId: string) {
  return state.agenda.find((item) => item.id === itemId) ?? reject('not-found', 'That agenda item does not exist.');
}

function findParticipant(state: MeetingState, participantId: string): Participant {
  return own(state.participants, participantId) ?? reject('not-found', 'That person is not on the roster.');
}

function currentItemId(state: MeetingState): string {
  return state.currentItemId ?? reject('conflict', 'No agenda item is running: the queue opens when the chair starts one.');
}

function findEntry(state: MeetingState, entryId: string, missing = 'That request to speak is no longer in the queue.') {
  for (const [itemId, queue] of Object.entries(state.queues)) {
    const entry = queue.entries.find((candidate) => candidate.id === entryId);
    if (entry) return { itemId, entry };
  }
  return reject('conflict', missing);
}

/** R2: participants act on their own hand only; the chair and secretariat on anyone's. */
function ownEntry(state: MeetingState, ctx: DecisionContext, entryId: string) {
  const found = findEntry(state, entryId);
  if (!isLeading(ctx.role) && found.entry.participantId !== ctx.actor.participantId) {
    reject('forbidden', 'That is not your request to speak.');
  }
  return found;
}

function floorSpeech(state: MeetingState, speechId: string): Speech {
  if (state.floor && state.floor.id === speechId) return state.floor;
  // F2: a speech that has ended is a stale command; one that never was is not found.
  if (!state.speeches.some((speech) => speech.id === speechId)) reject('not-found', 'That speech is not in the record.');
  return reject('conflict', 'That speech has already ended.');
}

export function speakerOf(participant: Participant): Speaker {
  return {
    participantId: participant.id,
    name: participant.name,
    stakeholderGroup: participant.stakeholderGroup,
    region: participant.region,
    location: participant.location ?? 'remote',
  };
}

/** Whether this person (by roster id, else by name) has already spoken on the item. */
export function hasSpokenOnItem(state: MeetingState, itemId: string, speaker: Pick<Speaker, 'participantId' | 'name'>): boolean {
  const same = (other: Speaker) =>
    speaker.participantId !== null ? other.participantId === speaker.participantId : other.participantId === null && other.name === speaker.name;
  return (
    state.speeches.some((speech) => speech.itemId === itemId && same(speech)) ||
    (state.floor !== null && state.floor.itemId === itemId && same(state.floor))
  );
}

function raiseHand(
  state: MeetingState,
  ctx: DecisionContext,
  speaker: Speaker,
  kind: SpeechKind,
  note: string,
  addedBy: string | null,
): MeetingEventBody {
  const itemId = currentItemId(state);
  const queue = queueOf(state, itemId);
  // Q7: a closed queue still takes points of order.
  if (!queue.open && kind !== 'point-of-order') reject('conflict', 'The queue is closed; only a point of order can be raised.');
  // Q3: one place per person in an item's queue.
  const already = queue.entries.some((entry) =>
    speaker.participantId !== null ? entry.participantId === speaker.participantId : entry.participantId === null && entry.name === speaker.name,
  );
  if (already) reject('conflict', `${addedBy ? speaker.name + ' is' : 'You are'} already in the queue.`);
  const entry: QueueEntry = {
    ...speaker,
    id: ctx.newId('q'),
    kind,
    note,
    raisedAt: ctx.at,
    addedBy,
    firstOnItem: !hasSpokenOnItem(state, itemId, speaker),
  };
  return { type: 'queue.handRaised', itemId, entry, index: insertionIndex(queue.entries, entry, state.settings) };
}

function floorGiven(
  state: MeetingState,
  ctx: DecisionContext,
  speaker: Speaker,
  options: {
    itemId: string | null;
    kind: Speech['kind'];
    entryId: string | null;
    presentationId: string | null;
    seconds: number | null | undefined;
  },
): MeetingEventBody {
  const seconds = options.seconds === undefined ? state.settings.defaultSpeechSeconds : options.seconds;
  const { participantId, name, stakeholderGroup, region, location } = speaker;
  return {
    type: 'floor.given',
    speech: {
      id: ctx.newId('s'),
      participantId,
      name,
      stakeholderGroup,
      region,
      location,
      itemId: options.itemId,
      kind: options.kind,
      presentationId: options.presentationId,
      entryId: options.entryId,
      startedAt: ctx.at,
      timer: { durationMs: seconds === null ? null : seconds * 1000, pausedAt: null, pausedMs: 0 },
      pauses: [],
    },
  };
}

/** The entry a "next speaker" button gives the floor to: the head of the current queue. */
export function nextEntry(state: MeetingState): QueueEntry | undefined {
  return state.currentItemId === null ? undefined : queueOf(state, state.currentItemId).entries[0];
}

