/**
 * Applies the queue's events (SPEC.md "Queue").
 */
import { assertNever } from '../../assert-never.ts';
import { type MeetingState } from '../types.ts';
import { updateQueue, type SectionEvent } from './common.ts';

export function applyQueue(state: MeetingState, event: SectionEvent<'queue'>): MeetingState {
  switch (event.type) {
    case 'queue.handRaised':
      return updateQueue(state, event.itemId, (queue) => {
        const entries = [...queue.entries];
        entries.splice(event.index, 0, event.entry);
        return { ...queue, entries };
      });

    case 'queue.noteEdited':
      return updateQueue(state, event.itemId, (queue) => ({
        ...queue,
        entries: queue.entries.map((entry) => (entry.id === event.entryId ? { ...entry, note: event.note } : entry)),
      }));

    case 'queue.entryMoved':
      return updateQueue(state, event.itemId, (queue) => {
        const entry = queue.entries.find((candidate) => candidate.id === event.entryId);
        if (!entry) return queue;
        const entries = queue.entries.filter((candidate) => candidate.id !== event.entryId);
        entries.splice(event.toIndex, 0, { ...entry, kind: event.kind });
        return { ...queue, entries };
      });

    case 'queue.handLowered':
      return updateQueue(state, event.itemId, (queue) => ({
        ...queue,
        entries: queue.entries.filter((entry) => entry.id !== event.entryId),
      }));

    case 'queue.languageSet':
      return updateQueue(state, event.itemId, (queue) => ({
        ...queue,
        entries: queue.entries.map((entry) => (entry.id === event.entryId ? { ...entry, language: event.language } : entry)),
      }));

    case 'queue.closed':
      return updateQueue(state, event.itemId, (queue) => ({ ...queue, open: false }));

    case 'queue.reopened':
      return updateQueue(state, event.itemId, (queue) => ({ ...queue, open: true }));

    case 'queue.cleared':
      return updateQueue(state, event.itemId, (queue) => ({ ...queue, entries: [] }));

    default:
      return assertNever(event);
  }
}
