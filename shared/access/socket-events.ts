/** Who may send which socket event other than meeting commands (those are in ./commands.ts). */
import { ADMITTED_ROLES, meetingRule, type AccessRule } from './rules.ts';

/** Who may write captions: the captioner, and the secretariat standing in. */
export const CAPTION_WRITERS = ['captioner', 'secretariat'] as const;
const CAPTION_REFUSAL = 'Only the captioner writes captions.';

export const SOCKET_EVENT_ACCESS = {
  'meeting:enter': meetingRule(ADMITTED_ROLES, 'You are not admitted to this meeting.'),
  'meeting:sync': meetingRule(ADMITTED_ROLES, 'Enter the meeting first.'),
  'captions:history': meetingRule(ADMITTED_ROLES, 'Enter the meeting first.'),
  'captions:typing': meetingRule(CAPTION_WRITERS, CAPTION_REFUSAL),
  'captions:speaker': meetingRule(CAPTION_WRITERS, CAPTION_REFUSAL),
  'captions:unfollow': meetingRule(ADMITTED_ROLES, 'Enter the meeting first.'),
  'captions:channel': meetingRule(CAPTION_WRITERS, CAPTION_REFUSAL),
  // Captioning software may stream with the caption token in socket.io's `auth`, without a session.
  'captions:stream': { ...meetingRule(CAPTION_WRITERS, CAPTION_REFUSAL), captionFeed: true },
} as const satisfies Record<string, AccessRule>;

export type SocketEventName = keyof typeof SOCKET_EVENT_ACCESS;
