/**
 * Which caption channels the views of one page read over its connection (the room display may
 * show two): a channel is left on the server only when no view reads it any more.
 */
import { FLOOR_CHANNEL, type CaptionChannel } from '../../../shared/caption-channels.ts';
import type { MeetingSocketClient } from '../../../shared/sync/socket-io-adapter.ts';

const readers = new WeakMap<MeetingSocketClient, Map<CaptionChannel, number>>();

function countsOf(socket: MeetingSocketClient): Map<CaptionChannel, number> {
  let counts = readers.get(socket);
  if (!counts) {
    counts = new Map();
    readers.set(socket, counts);
  }
  return counts;
}

/** A view reads `channel` (the server is told when it asks for the channel's latest lines). */
export function follow(socket: MeetingSocketClient, channel: CaptionChannel): void {
  const counts = countsOf(socket);
  counts.set(channel, (counts.get(channel) ?? 0) + 1);
}

/** A view stops reading `channel`: the server stops sending it when no other view reads it. */
export function unfollow(socket: MeetingSocketClient, meetingId: string, channel: CaptionChannel): void {
  const counts = countsOf(socket);
  const left = (counts.get(channel) ?? 0) - 1;
  if (left > 0) counts.set(channel, left);
  else {
    counts.delete(channel);
    if (socket.connected) socket.emit('captions:unfollow', { meetingId, channel }, () => undefined);
  }
}

/** The floor, which every connection starts with, is left when no view of this page reads it. */
export function leaveUnreadFloor(socket: MeetingSocketClient, meetingId: string): void {
  if (!countsOf(socket).has(FLOOR_CHANNEL)) socket.emit('captions:unfollow', { meetingId, channel: FLOOR_CHANNEL }, () => undefined);
}
