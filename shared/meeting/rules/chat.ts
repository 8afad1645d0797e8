/**
 * The chat: posting, flagging for the minutes, muting (SPEC.md "Chat": H1–H3).
 */
import { assertNever } from '../../assert-never.ts';
import type { MeetingEventBody, MeetingState } from '../types.ts';
import { findParticipant, reject, type DecisionContext, type SectionCommand } from './common.ts';

export function decideChat(state: MeetingState, command: SectionCommand<'chat'>, ctx: DecisionContext): MeetingEventBody[] {
  switch (command.type) {
    case 'chat.post': {
      // H3: a muted person cannot post.
      if (ctx.actor.participantId !== null && state.chatMuted.includes(ctx.actor.participantId)) {
        reject('forbidden', 'The secretariat has muted you in the chat.');
      }
      return [
        {
          type: 'chat.posted',
          message: {
            id: ctx.newId('msg'),
            at: ctx.at,
            fromId: ctx.actor.participantId,
            fromName: ctx.actor.name,
            to: command.to,
            text: command.text,
            flaggedBy: null,
            itemId: state.currentItemId,
          },
        },
      ];
    }

    case 'chat.flag': {
      const message = state.chat.find((candidate) => candidate.id === command.messageId);
      if (!message) return reject('not-found', 'That message does not exist.');
      if ((message.flaggedBy !== null) === command.flagged) reject('conflict', command.flagged ? 'Already flagged.' : 'Not flagged.');
      return [{ type: 'chat.flagged', messageId: message.id, flaggedBy: command.flagged ? ctx.actor.name : null }];
    }

    case 'chat.mute':
      findParticipant(state, command.participantId);
      if (state.chatMuted.includes(command.participantId) === command.muted) {
        reject('conflict', command.muted ? 'Already muted.' : 'Not muted.');
      }
      return [{ type: 'chat.muteChanged', participantId: command.participantId, muted: command.muted }];

    default:
      return assertNever(command);
  }
}
