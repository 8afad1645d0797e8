/**
 * Whether a stored event can still be applied. The reducer trusts events, since the server
 * decided them; a log written by an older version may still hold one that no decision would
 * produce today (a speaker looked up by `__proto__`). Replaying skips such an event, with a
 * log line, so that the meeting and its record still load.
 */
import { hasOwn } from '../../shared/own.ts';
import type { MeetingEvent, MeetingState } from '../../shared/meeting/types.ts';

/** A participant id as a decision produces it: null, or a string that is not an inherited property name. */
function isPersonRef(value: unknown): boolean {
  return value === null || (typeof value === 'string' && value !== '' && !(value in Object.prototype));
}

function isNamed(person: unknown): boolean {
  if (typeof person !== 'object' || person === null) return false;
  const { participantId, name } = person as { participantId?: unknown; name?: unknown };
  return isPersonRef(participantId) && typeof name === 'string';
}

/** Why the event cannot apply to `state`, or undefined when it can. */
export function storedEventProblem(state: MeetingState, event: MeetingEvent): string | undefined {
  switch (event.type) {
    case 'participant.locationSet':
    case 'chat.muteChanged':
      return typeof event.participantId === 'string' && hasOwn(state.participants, event.participantId)
        ? undefined
        : `names no one on the roster (${String(event.participantId)})`;
    case 'floor.given':
      return isNamed(event.speech) ? undefined : 'its speaker has no roster id or name';
    case 'queue.handRaised':
      return isNamed(event.entry) ? undefined : 'its person has no roster id or name';
    case 'position.recorded':
      return isNamed(event.position) && typeof event.position.holderKey === 'string' ? undefined : 'its holder has no roster id or name';
    case 'consensus.objected':
      return isNamed(event.objection) && typeof event.objection.holderKey === 'string' ? undefined : 'its holder has no roster id or name';
    case 'agenda.presentationAdded':
      return isPersonRef(event.presentation?.presenterId) && typeof event.presentation?.presenterName === 'string'
        ? undefined
        : 'its presenter has no roster id or name';
    default:
      return undefined;
  }
}
