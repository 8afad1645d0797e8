/**
 * The agenda: running and marking items, items added live, presentations and proposals
 * (SPEC.md "Agenda": A1, A2, A5).
 */
import { assertNever } from '../../assert-never.ts';
import { queueOf } from '../reducer.ts';
import type { MeetingEventBody, MeetingState } from '../types.ts';
import { findItem, findParticipant, reject, type DecisionContext, type SectionCommand } from './common.ts';

export function decideAgenda(state: MeetingState, command: SectionCommand<'agenda'>, ctx: DecisionContext): MeetingEventBody[] {
  switch (command.type) {
    case 'agenda.startItem': {
      const item = findItem(state, command.itemId);
      if (state.currentItemId === item.id) reject('conflict', `Item ${item.number} is already running.`);
      const current = state.currentItemId;
      // A1: moving on while people are queued needs the chair's confirmation.
      if (current !== null && queueOf(state, current).entries.length > 0 && !command.confirmed) {
        const waiting = queueOf(state, current).entries.length;
        reject(
          'needs-confirmation',
          `${waiting} ${waiting === 1 ? 'person is' : 'people are'} still in the queue of this item. Move on anyway?`,
        );
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

    case 'agenda.addProposal': {
      const item = findItem(state, command.itemId);
      return [{ type: 'agenda.proposalAdded', itemId: item.id, proposal: { id: ctx.newId('pr'), title: command.title } }];
    }

    default:
      return assertNever(command);
  }
}
