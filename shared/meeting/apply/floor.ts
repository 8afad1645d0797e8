/**
 * Applies the floor's and timers' events (SPEC.md "Floor and timers": F1, F3, F4).
 */
import { assertNever } from '../../assert-never.ts';
import { type MeetingState } from '../types.ts';
import { endFloor, updateQueue, updateFloor, type SectionEvent } from './common.ts';

export function applyFloor(state: MeetingState, event: SectionEvent<'floor' | 'timer'>): MeetingState {
  switch (event.type) {
    case 'floor.given': {
      const ended = endFloor(state, event.at);
      const speech = event.speech;
      let next = ended;
      if (speech.entryId !== null && speech.itemId !== null) {
        next = updateQueue(next, speech.itemId, (queue) => ({
          ...queue,
          entries: queue.entries.filter((entry) => entry.id !== speech.entryId),
        }));
      }
      return { ...next, floor: speech };
    }

    case 'floor.ended':
      return endFloor(state, event.at);

    case 'floor.languageSet':
      return updateFloor(state, event.speechId, (speech) => ({ ...speech, language: event.language }));

    case 'timer.paused':
      return updateFloor(state, event.speechId, (speech) => ({
        ...speech,
        timer: { ...speech.timer, pausedAt: event.at },
        pauses: [...speech.pauses, { at: event.at, resumedAt: null }],
      }));

    case 'timer.resumed':
      return updateFloor(state, event.speechId, (speech) => {
        const pausedAt = speech.timer.pausedAt ?? event.at;
        return {
          ...speech,
          timer: { ...speech.timer, pausedAt: null, pausedMs: speech.timer.pausedMs + (event.at - pausedAt) },
          pauses: speech.pauses.map((pause) => (pause.resumedAt === null ? { ...pause, resumedAt: event.at } : pause)),
        };
      });

    case 'timer.durationChanged':
      return updateFloor(state, event.speechId, (speech) => ({
        ...speech,
        timer: { ...speech.timer, durationMs: event.durationMs },
      }));

    default:
      return assertNever(event);
  }
}
