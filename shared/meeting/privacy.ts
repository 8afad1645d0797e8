/**
 * What each person may receive of the log.
 *
 * H1: private messages to the secretariat reach their sender and the meeting's leads only;
 * everyone else gets the event's place in the log (so sequences stay whole) without its
 * content or its sender.
 *
 * H2: the roster goes whole to the leads only. Everyone else holds their own roster entry and
 * no one else's: the people they see are named where they appear (the floor, the queue,
 * positions, speeches), so what a participant receives on entering does not grow with the
 * roster. A change to someone else's entry reaches them as its bare place in the log; a
 * location change stays whole, since it moves that person's queue entries.
 *
 * H3: "please speak slower" reaches the leads with its sender; everyone else, the interpreter
 * who sent it included, gets it without: no name, no roster id, in the event or in the state.
 */
import type { MeetingEvent, MeetingState } from './types.ts';

export interface Audience {
  leading: boolean;
  participantId: string | null;
}

/** The sender of a private message, or undefined for an event everyone may see. */
export function privateSender(event: MeetingEvent): string | null | undefined {
  return event.type === 'chat.posted' && event.message.to === 'secretariat' ? event.message.fromId : undefined;
}

/** The roster entry a roster event is about, or undefined for other events (H2). */
export function rosterSubject(event: MeetingEvent): string | undefined {
  switch (event.type) {
    case 'participant.joinedRoster':
    case 'participant.updated':
      return event.participant.id;
    case 'participant.leftRoster':
      return event.participantId;
    default:
      return undefined;
  }
}

/** Whether the event's actor is known to the leads only (H3). */
export function isAnonymous(event: MeetingEvent): boolean {
  return event.type === 'interpretation.slowerAsked';
}

/** Whether the event is received differently by someone who is not a lead (H1, H2, H3). */
export function isGuarded(event: MeetingEvent): boolean {
  return privateSender(event) !== undefined || rosterSubject(event) !== undefined || event.type === 'meeting.opened' || isAnonymous(event);
}

/**
 * The people who receive a guarded event otherwise than everyone else does, besides the leads:
 * the sender of a private message, the person a roster change is about, and at the opening
 * everyone on the roster (each gets their own entry).
 */
export function receiversApart(event: MeetingEvent): string[] {
  if (event.type === 'meeting.opened') return event.participants.map((participant) => participant.id);
  const whole = privateSender(event) ?? rosterSubject(event);
  return typeof whole === 'string' ? [whole] : [];
}

export function eventFor(event: MeetingEvent, audience: Audience): MeetingEvent {
  if (audience.leading || !isGuarded(event)) return event;
  if (event.type === 'meeting.opened') {
    return { ...event, participants: event.participants.filter((participant) => participant.id === audience.participantId) };
  }
  if (isAnonymous(event)) return { ...event, actor: { participantId: null, name: '' } };
  return audience.participantId !== null && receiversApart(event).includes(audience.participantId) ? event : redacted(event);
}

/** The event's place in the log, without its content. */
export function redacted(event: MeetingEvent): MeetingEvent {
  return { type: 'log.withheld', seq: event.seq, at: event.at, actor: { participantId: null, name: '' } };
}

export function stateFor(state: MeetingState, audience: Audience): MeetingState {
  if (audience.leading) return state;
  const chat = state.chat.filter(
    (message) => message.to === 'everyone' || (message.fromId !== null && message.fromId === audience.participantId),
  );
  const self = audience.participantId === null ? undefined : state.participants[audience.participantId];
  const participants = self && Object.hasOwn(state.participants, self.id) ? { [self.id]: self } : {};
  // H3: the signal without its sender, and nobody's times of asking.
  const slowDown = state.slowDown ? { ...state.slowDown, fromId: null } : state.slowDown;
  return {
    ...state,
    chat,
    participants,
    ...(state.slowDown === undefined ? {} : { slowDown }),
    ...(state.slowerAskedAt ? { slowerAskedAt: {} } : {}),
  };
}
