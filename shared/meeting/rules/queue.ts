/**
 * The queue of an item: hands raised, added on behalf, moved, withdrawn; closing and clearing
 * (SPEC.md "Queue": Q1–Q9; R2, R4). The order itself is in `queue-order.ts` (Q1, Q2, Q4, Q5, Q6).
 */
import { assertNever } from '../../assert-never.ts';
import { kindAtPosition, insertionIndex } from '../queue-order.ts';
import { queueOf } from '../reducer.ts';
import type { MeetingEventBody, MeetingState, QueueEntry, Speaker, SpeechKind } from '../types.ts';
import {
  currentItemId,
  findEntry,
  findParticipant,
  hasSpokenOnItem,
  ownEntry,
  reject,
  speakerOf,
  type DecisionContext,
  type SectionCommand,
} from './common.ts';

export function decideQueue(state: MeetingState, command: SectionCommand<'queue'>, ctx: DecisionContext): MeetingEventBody[] {
  switch (command.type) {
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
      const events: MeetingEventBody[] = [];
      if (command.participantId !== null) {
        const participant = findParticipant(state, command.participantId);
        speaker = speakerOf(participant);
        if (command.location) speaker = { ...speaker, location: command.location };
        // Q8: someone who had not said where they are is there from then on (R3).
        if (command.location && participant.location === null) {
          events.push({ type: 'participant.locationSet', participantId: participant.id, location: command.location });
        }
      } else {
        const name = command.name ?? reject('invalid', 'Give the name of the person to add.');
        speaker = { participantId: null, name, stakeholderGroup: null, region: null, location: command.location ?? 'room' };
      }
      return [raiseHand(state, ctx, speaker, command.kind, command.note, ctx.actor.name), ...events];
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

    case 'queue.setLanguage': {
      // L1: one's own entry; the chair and secretariat any.
      const { itemId, entry } = ownEntry(state, ctx, command.entryId);
      return [{ type: 'queue.languageSet', itemId, entryId: entry.id, language: command.language }];
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

    default:
      return assertNever(command);
  }
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
    speaker.participantId !== null
      ? entry.participantId === speaker.participantId
      : entry.participantId === null && entry.name === speaker.name,
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

/** The entry a "next speaker" button gives the floor to: the head of the current queue. */
export function nextEntry(state: MeetingState): QueueEntry | undefined {
  return state.currentItemId === null ? undefined : queueOf(state, state.currentItemId).entries[0];
}
