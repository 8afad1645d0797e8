/**
 * Applies the agenda's events: items started, marked and added, presentations and proposals
 * (SPEC.md "Agenda": A2, A3, A5).
 */
import { assertNever } from '../../assert-never.ts';
import { type AgendaItem, type MeetingState } from '../types.ts';
import { leaveCurrentItem, updateItem, type SectionEvent } from './common.ts';

export function applyAgenda(state: MeetingState, event: SectionEvent<'agenda'>): MeetingState {
  switch (event.type) {
    case 'agenda.itemStarted': {
      const left = leaveCurrentItem(state, event.at, event.previousItemStatus);
      return {
        ...left,
        currentItemId: event.itemId,
        agenda: updateItem(left.agenda, event.itemId, (item) => ({ ...item, status: 'active', activeSince: event.at })),
      };
    }

    case 'agenda.itemMarked': {
      if (event.itemId === state.currentItemId) {
        // Marking the running item closes its stretch; the meeting then has no current item.
        return leaveCurrentItem({ ...state }, event.at, event.status, true);
      }
      return { ...state, agenda: updateItem(state.agenda, event.itemId, (item) => ({ ...item, status: event.status })) };
    }

    case 'agenda.itemAdded': {
      const item: AgendaItem = {
        ...event.item,
        status: 'pending',
        usedMs: 0,
        activeSince: null,
        presentations: [],
        proposals: [],
        addedLive: true,
      };
      const agenda = [...state.agenda];
      const afterIndex = event.afterItemId === null ? -1 : agenda.findIndex((other) => other.id === event.afterItemId);
      let index = afterIndex === -1 ? agenda.length : afterIndex + 1;
      // A5: after an item means after its sub-items too, which stay with their item.
      while (agenda[index]?.depth === 1) index++;
      agenda.splice(index, 0, item);
      return { ...state, agenda };
    }

    case 'agenda.presentationAdded':
      return {
        ...state,
        agenda: updateItem(state.agenda, event.itemId, (item) => ({
          ...item,
          presentations: [...item.presentations, { ...event.presentation, status: 'pending' }],
        })),
      };
    case 'agenda.proposalAdded':
      return {
        ...state,
        agenda: updateItem(state.agenda, event.itemId, (item) => ({ ...item, proposals: [...item.proposals, event.proposal] })),
      };

    default:
      return assertNever(event);
  }
}
