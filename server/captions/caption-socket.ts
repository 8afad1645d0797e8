/** Captions over the socket: the captioner's console types; everyone admitted reads. */
import type { AppContext } from '../context.ts';
import { CommandRejected } from '../../shared/errors.ts';
import { CAPTION_LIMITS } from '../../shared/captions.ts';
import { may } from '../../shared/access/rules.ts';
import { SOCKET_EVENT_ACCESS } from '../../shared/access/socket-events.ts';
import { endSocket, handle, type MeetingServer, type MeetingSocket } from '../live/socket-server.ts';
import type { CaptionFeeds } from './caption-feed.ts';
import { CAPTION_TOKEN_ENDED, captionFeedValid, type LiveAccess } from '../live/live-socket.ts';
import * as store from './caption-store.ts';
import { SlidingWindow } from '../limits/rate-limiter.ts';
import { checkSocketRead } from '../limits/read-limits.ts';

/** Typing updates one connection may send per second; the console sends about five. */
const TYPING_PER_SECOND = 30;

export function registerCaptionHandlers(io: MeetingServer, ctx: AppContext, feeds: CaptionFeeds, access: LiveAccess): void {
  /** Caption writes are judged by the writer's role at that moment (a captioner made observer stops at once). */
  async function captionerAccess(
    socket: MeetingSocket,
    meetingId: string,
    event: 'captions:typing' | 'captions:speaker' | 'captions:stream',
  ) {
    const current = await access.current(socket, meetingId);
    const rule = SOCKET_EVENT_ACCESS[event];
    if (!may(current.role, rule)) throw new CommandRejected('forbidden', rule.refusal);
    return current;
  }

  const { rooms } = ctx;
  io.on('connection', (socket) => {
    const unexpected = (error: unknown) => ctx.log.error({ err: error }, 'caption handler failed');
    const typing = new SlidingWindow(TYPING_PER_SECOND, 1000);

    handle(
      socket,
      'captions:typing',
      async ({ meetingId, text, final, lineId }) => {
        await captionerAccess(socket, meetingId, 'captions:typing');
        if (!typing.allow()) throw new CommandRejected('rate-limited', 'Captions are arriving too fast; slow down.');
        await feeds.get(meetingId).setLine(text, final, lineId === undefined ? {} : { lineId });
        return {};
      },
      unexpected,
    );

    handle(
      socket,
      'captions:speaker',
      async ({ meetingId, speakerId, speakerName }) => {
        await captionerAccess(socket, meetingId, 'captions:speaker');
        await feeds.get(meetingId).markSpeaker(speakerId, speakerName);
        return {};
      },
      unexpected,
    );

    handle(
      socket,
      'captions:stream',
      async ({ meetingId, text, final, speaker, lang }) => {
        if (socket.data.captionFeedOf !== meetingId) await captionerAccess(socket, meetingId, 'captions:stream');
        else if (!(await captionFeedValid(ctx, socket, meetingId))) {
          // Rotated, or revoked with its captioner's link: refused, then told, then closed.
          setImmediate(() => endSocket(socket, CAPTION_TOKEN_ENDED));
          throw new CommandRejected('forbidden', CAPTION_TOKEN_ENDED);
        }
        if (!typing.allow()) throw new CommandRejected('rate-limited', 'Captions are arriving too fast; slow down.');
        // Attribution needs the live meeting (who has the floor, which item runs).
        await rooms.get(meetingId);
        await feeds.get(meetingId).ingest(text, { final, ...(speaker !== undefined && { speakerName: speaker }), language: lang ?? null });
        return {};
      },
      unexpected,
    );

    handle(
      socket,
      'captions:history',
      async ({ meetingId, beforeSeq }) => {
        if (!socket.data.meetings.has(meetingId)) throw new CommandRejected('forbidden', 'Enter the meeting first.');
        checkSocketRead(ctx, socket, socket.data.principal?.session.id);
        const limit = beforeSeq === undefined ? CAPTION_LIMITS.recent : CAPTION_LIMITS.history;
        const segments = await store.segmentsBefore(ctx.db, meetingId, limit, beforeSeq);
        return { segments, draft: beforeSeq === undefined ? feeds.get(meetingId).draft() : null };
      },
      unexpected,
    );
  });
}
