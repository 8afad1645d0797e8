/**
 * The caption ingestion API for captioning software and CART services, shaped like
 * Zoom's and StreamText's: POST plain UTF-8 text (or JSON) to the meeting's caption URL
 * with its secret token and a rising `seq`; and the transcript downloads.
 */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.ts';
import { CAPTION_LIMITS, CaptionPostSchema } from '../../shared/captions.ts';
import { ROUTES } from '../../shared/http/routes.ts';
import { HttpError, notFound, parseInput } from '../http/errors.ts';
import { StorableText } from '../../shared/storable.ts';
import { download } from '../http/download.ts';
import { route } from '../http/route.ts';
import * as meetingStore from '../meetings/meeting-store.ts';
import type { CaptionFeeds } from './caption-feed.ts';
import { CaptionPostLimits } from './caption-limits.ts';
import { checkDownload } from '../limits/read-limits.ts';
import * as store from './caption-store.ts';
import { channelLanguage, DEFAULT_CAPTION_NOTICE, plainTranscript, srt, webVtt } from './transcript.ts';
import { FLOOR_CHANNEL, meetingChannels } from '../../shared/caption-channels.ts';

const utf8 = new TextDecoder('utf-8', { fatal: true });

export async function registerCaptionRoutes(app: FastifyInstance, ctx: AppContext, feeds: CaptionFeeds): Promise<void> {
  const limits = new CaptionPostLimits(ctx.config.captionPostsPerMinute);
  // Its own scope, so that plain text is read as bytes (to refuse invalid UTF-8) here only.
  await app.register(async (scope) => {
    scope.addContentTypeParser('text/plain', { parseAs: 'buffer' }, (_request, body, done) => {
      try {
        done(null, { text: utf8.decode(body as Buffer) });
      } catch {
        done(new HttpError(400, 'The caption text is not valid UTF-8.'), undefined);
      }
    });

    // The token is checked before anything is counted against the meeting: posts with a wrong token
    // (or an unreadable address) count against their own address only, never against the real captioning software.
    const refused = (request: { ip: string }, refusal: HttpError) => limits.refused(request.ip, refusal);
    route(
      scope,
      ctx,
      ROUTES.postCaptions,
      async ({ params: { meetingId }, query, request }) => {
        const meeting = await store.findMeetingByCaptionToken(ctx.db, meetingId, query.token);
        if (!meeting) {
          throw refused(
            request,
            new HttpError(403, 'This caption URL is not valid: check the token, or ask the secretariat for the current one.'),
          );
        }
        limits.accept(meetingId, query.token);
        // The token names the channel: each channel's captioning software has its own URL.
        // Attribution needs the live meeting (who has the floor, which item runs).
        await ctx.rooms.get(meetingId);
        const body = request.body as { text?: unknown } | undefined;
        const post = request.headers['content-type']?.startsWith('application/json')
          ? parseInput(CaptionPostSchema, body, 'The caption post')
          : {
              text: parseInput(StorableText, typeof body?.text === 'string' ? body.text : '', 'The caption post'),
              final: undefined,
              speaker: undefined,
              lang: undefined,
            };
        const applied = await feeds.get(meetingId, meeting.channel).ingest(post.text, {
          final: post.final ?? (query.final === '1' || query.final === 'true'),
          language: post.lang ?? query.lang ?? null,
          speakerName: post.speaker ?? query.speaker,
          seq: query.seq,
        });
        return { applied, ...(query.seq !== undefined && { seq: query.seq }) };
      },
      { bodyLimit: CAPTION_LIMITS.postBytes, refused },
    );
  });

  route(app, ctx, ROUTES.transcript, async ({ params: { meetingId, format }, query: { item, channel }, request, reply }) => {
    checkDownload(ctx, request);
    const meeting = await meetingStore.findMeeting(ctx.db, meetingId);
    if (!meeting) throw notFound('Meeting');
    // `?item=` names one agenda item of this meeting, or the address names nothing.
    if (item !== undefined && !(await meetingStore.listAgenda(ctx.db, meetingId)).some((agendaItem) => agendaItem.id === item)) {
      throw notFound('Agenda item');
    }
    const all = await store.allSegments(ctx.db, meetingId, channel);
    // A channel the meeting has, or had (its lines stay downloadable once it is dropped).
    if (!meetingChannels(meeting.captionLanguages).includes(channel) && all.length === 0) throw notFound('Caption channel');
    const segments = all.filter((segment) => item === undefined || segment.itemId === item);
    const lang = channelLanguage(channel);
    download(reply, `transcript-${meetingId}${channel === FLOOR_CHANNEL ? '' : `-${channel}`}${item ? `-${item}` : ''}.${format}`);
    switch (format) {
      case 'txt':
        return reply.type('text/plain; charset=utf-8').send(plainTranscript(meeting.title, DEFAULT_CAPTION_NOTICE, segments, channel));
      case 'vtt':
        return reply.type('text/vtt; charset=utf-8').send(webVtt(segments, lang));
      case 'srt':
        return reply.type('application/x-subrip; charset=utf-8').send(srt(segments));
      case 'json':
        return reply.type('application/json; charset=utf-8').send({ meetingId, title: meeting.title, channel, lang, segments });
    }
  });
}
