/**
 * Applies the events of the meeting itself and its roster (SPEC.md "Roles and ownership": R3).
 */
import { assertNever } from '../../assert-never.ts';
import { type MeetingState } from '../types.ts';
import { own } from '../../own.ts';
import { leaveCurrentItem, endFloor, mapQueues, type SectionEvent } from './common.ts';

export function applyMeeting(state: MeetingState, event: SectionEvent<'meeting' | 'participant'>): MeetingState {
  switch (event.type) {
    case 'meeting.opened':
      return {
        ...state,
        phase: 'open',
        openedAt: event.at,
        plannedStart: event.plannedStart,
        plannedMinutes: event.plannedMinutes,
        settings: event.settings,
        participants: Object.fromEntries(event.participants.map((participant) => [participant.id, participant])),
        agenda: event.agenda.map((item) => ({
          ...item,
          status: 'pending',
          usedMs: 0,
          activeSince: null,
          presentations: [],
          proposals: item.proposals ?? [],
          addedLive: false,
        })),
      };

    case 'meeting.ended': {
      const ended = endFloor(leaveCurrentItem(state, event.at, 'done'), event.at);
      return { ...ended, phase: 'ended', endedAt: event.at, currentItemId: null };
    }

    case 'meeting.settingsChanged':
      return { ...state, settings: { ...state.settings, ...event.settings } };

    case 'participant.joinedRoster':
    case 'participant.updated':
      return { ...state, participants: { ...state.participants, [event.participant.id]: event.participant } };

    case 'participant.leftRoster': {
      const { [event.participantId]: _removed, ...participants } = state.participants;
      return { ...state, participants };
    }

    case 'participant.locationSet': {
      // A copy without this person's roster entry (H2) still moves their queue entries.
      const participant = own(state.participants, event.participantId);
      const queues = mapQueues(state.queues, (queue) => ({
        ...queue,
        entries: queue.entries.map((entry) =>
          entry.participantId === event.participantId ? { ...entry, location: event.location } : entry,
        ),
      }));
      return {
        ...state,
        participants: participant
          ? { ...state.participants, [participant.id]: { ...participant, location: event.location } }
          : state.participants,
        queues,
      };
    }

    default:
      return assertNever(event);
  }
}
