/**
 * Applies the chat's events (SPEC.md "Chat").
 */
import { assertNever } from '../../assert-never.ts';
import { type MeetingState } from '../types.ts';
import type { SectionEvent } from './common.ts';

export function applyChat(state: MeetingState, event: SectionEvent<'chat'>): MeetingState {
  switch (event.type) {
    case 'chat.posted':
      return { ...state, chat: [...state.chat, event.message] };

    case 'chat.flagged':
      return {
        ...state,
        chat: state.chat.map((message) => (message.id === event.messageId ? { ...message, flaggedBy: event.flaggedBy } : message)),
      };

    case 'chat.muteChanged': {
      const others = state.chatMuted.filter((id) => id !== event.participantId);
      return { ...state, chatMuted: event.muted ? [...others, event.participantId] : others };
    }

    default:
      return assertNever(event);
  }
}
