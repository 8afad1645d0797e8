/** Captions over the socket: the captioner's console types; everyone admitted reads the channels they follow. */
import type { AppContext } from '../context.ts';
import { CommandRejected } from '../../shared/errors.ts';
import { CAPTION_LIMITS } from '../../shared/captions.ts';
import type { CaptionChannel } from '../../shared/caption-channels.ts';
import { may } from '../../shared/access/rules.ts';
import { SOCKET_EVENT_ACCESS } from '../../shared/access/socket-events.ts';
import { captionChannelRoom, endSocket, handle, type MeetingServer, type MeetingSocket } from '../live/socket-server.ts';
import type { CaptionFeeds } from './caption-feed.ts';
import { CAPTION_TOKEN_ENDED, captionFeedChannel, type LiveAccess } from '../live/live-socket.ts';
import * as store from './caption-store.ts';
import { SlidingWindow } from '../limits/rate-limiter.ts';
import { checkSocketRead } from '../limits/read-limits.ts';
import { channelRefusal, noSuchChannel } from './caption-channel-refusals.ts';

/** Typing updates one connection may send per second; the console sends about five. */
const TYPING_PER_SECOND = 30;

export function registerCaptionHandlers(io: MeetingServer, ctx: AppContext, feeds: CaptionFeeds, access: LiveAccess): void {
  /**
   * Caption writes are judged by the writer's role at that moment (a captioner made observer stops at
   * once), and go to the writer's channel: a captioner's is the one they chose; the secretariat standing
   * in may write to any of the meeting's channels. Resolves to the channel written to.
   */
  async function writerChannel(
    socket: MeetingSocket,
    meetingId: string,
    event: 'captions:typing' | 'captions:speaker' | 'captions:stream' | 'captions:channel',
    asked: CaptionChannel | undefined,
  ): Promise<CaptionChannel> {
    const current = await access.current(socket, meetingId);
    const rule = SOCKET_EVENT_ACCESS[event];
    if (!may(current.role, rule)) throw new CommandRejected('forbidden', rule.refusal);
    const channels = (await store.captionChannelsOf(ctx.db, meetingId)) ?? [];
    const own =
      current.role === 'captioner' && current.participantId !== null
        ? await store.captionerChannel(ctx.db, meetingId, current.participantId)
        : undefined;
    const channel = asked ?? own ?? 'floor';
    if (!channels.includes(channel)) throw new CommandRejected('invalid', noSuchChannel(channel));
    if (own !== undefined && channel !== own && event !== 'captions:channel') throw new CommandRejected('forbidden', channelRefusal(own));
    return channel;
  }

  const { rooms } = ctx;
  io.on('connection', (socket) => {
    const unexpected = (error: unknown) => ctx.log.error({ err: error }, 'caption handler failed');
    const typing = new SlidingWindow(TYPING_PER_SECOND, 1000);

    handle(
      socket,
      'captions:typing',
      async ({ meetingId, channel: asked, text, final, lineId }) => {
        const channel = await writerChannel(socket, meetingId, 'captions:typing', asked);
        if (!typing.allow()) throw new CommandRejected('rate-limited', 'Captions are arriving too fast; slow down.');
        await feeds.get(meetingId, channel).setLine(text, final, lineId === undefined ? {} : { lineId });
        return {};
      },
      unexpected,
    );

    handle(
      socket,
      'captions:speaker',
      async ({ meetingId, channel: asked, speakerId, speakerName }) => {
        const channel = await writerChannel(socket, meetingId, 'captions:speaker', asked);
        await feeds.get(meetingId, channel).markSpeaker(speakerId, speakerName);
        return {};
      },
      unexpected,
    );

    handle(
      socket,
      'captions:channel',
      async ({ meetingId, channel: asked }) => {
        const channel = await writerChannel(socket, meetingId, 'captions:channel', asked);
        const { participantId, role } = await access.current(socket, meetingId);
        if (role === 'captioner' && participantId !== null) await store.setCaptionerChannel(ctx.db, meetingId, participantId, channel);
        return { channel };
      },
      unexpected,
    );

    handle(
      socket,
      'captions:stream',
      async ({ meetingId, channel: asked, text, final, speaker, lang }) => {
        let channel: CaptionChannel;
        if (socket.data.captionFeedOf !== meetingId) channel = await writerChannel(socket, meetingId, 'captions:stream', asked);
        else {
          const tokenChannel = await captionFeedChannel(ctx, socket, meetingId);
          if (tokenChannel === undefined) {
            // Rotated, or revoked with its captioner's link: refused, then told, then closed.
            setImmediate(() => endSocket(socket, CAPTION_TOKEN_ENDED));
            throw new CommandRejected('forbidden', CAPTION_TOKEN_ENDED);
          }
          if (asked !== undefined && asked !== tokenChannel) throw new CommandRejected('forbidden', channelRefusal(tokenChannel));
          channel = tokenChannel;
        }
        if (!typing.allow()) throw new CommandRejected('rate-limited', 'Captions are arriving too fast; slow down.');
        // Attribution needs the live meeting (who has the floor, which item runs).
        await rooms.get(meetingId);
        await feeds
          .get(meetingId, channel)
          .ingest(text, { final, ...(speaker !== undefined && { speakerName: speaker }), language: lang ?? null });
        return {};
      },
      unexpected,
    );

    handle(
      socket,
      'captions:history',
      async ({ meetingId, channel, beforeSeq }) => {
        if (!socket.data.meetings.has(meetingId)) throw new CommandRejected('forbidden', 'Enter the meeting first.');
        checkSocketRead(ctx, socket, socket.data.principal?.session.id);
        const channels = (await store.captionChannelsOf(ctx.db, meetingId)) ?? [];
        if (beforeSeq === undefined) {
          if (!channels.includes(channel)) throw new CommandRejected('invalid', noSuchChannel(channel));
          // Following first, then reading: no line falls between the two (duplicates are dropped by seq).
          await socket.join(captionChannelRoom(meetingId, channel));
        }
        const limit = beforeSeq === undefined ? CAPTION_LIMITS.recent : CAPTION_LIMITS.history;
        const segments = await store.segmentsBefore(ctx.db, meetingId, channel, limit, beforeSeq);
        const access = socket.data.meetings.get(meetingId);
        const writes =
          access?.role === 'captioner' && access.participantId !== null
            ? await store.captionerChannel(ctx.db, meetingId, access.participantId)
            : null;
        return { segments, draft: beforeSeq === undefined ? feeds.get(meetingId, channel).draft() : null, channels, writes };
      },
      unexpected,
    );

    handle(
      socket,
      'captions:unfollow',
      async ({ meetingId, channel }) => {
        if (!socket.data.meetings.has(meetingId)) throw new CommandRejected('forbidden', 'Enter the meeting first.');
        await socket.leave(captionChannelRoom(meetingId, channel));
        return {};
      },
      unexpected,
    );
  });
}
