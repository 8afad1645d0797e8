/**
 * What each person may receive of the log (rule H1): private messages to the secretariat
 * reach their sender and the meeting's leads only; everyone else gets the event's place
 * in the log (so sequences stay whole) without its content or its sender.
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

export function eventFor(event: MeetingEvent, audience: Audience): MeetingEvent {
  const sender = privateSender(event);
  if (sender === undefined || audience.leading || (sender !== null && sender === audience.participantId)) return event;
  return redacted(event);
}

export function redacted(event: MeetingEvent): MeetingEvent {
  return { type: 'chat.privatePosted', seq: event.seq, at: event.at, actor: { participantId: null, name: '' } };
}

export function stateFor(state: MeetingState, audience: Audience): MeetingState {
  if (audience.leading) return state;
  const chat = state.chat.filter(
    (message) => message.to === 'everyone' || (message.fromId !== null && message.fromId === audience.participantId),
  );
  return chat.length === state.chat.length ? state : { ...state, chat };
}
