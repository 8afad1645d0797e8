/** The only module that reads and writes caption segments and the ingestion sequence. */
import { createHash, timingSafeEqual } from 'node:crypto';
import { and, asc, desc, eq, isNotNull, lt, lte, sql } from 'drizzle-orm';
import type { Database } from '../db/open.ts';
import { captionIngestSeqs, captionSegments, meetings, rosterEntries } from '../db/schema.ts';
import { newToken } from '../ids.ts';
import type { CaptionSegment } from '../../shared/captions.ts';
import { FLOOR_CHANNEL, meetingChannels, type CaptionChannel, type UnLanguage } from '../../shared/caption-channels.ts';

export async function insertSegment(db: Database, meetingId: string, segment: CaptionSegment): Promise<void> {
  await db.insert(captionSegments).values({ meetingId, ...segment });
}

/**
 * Takes the meeting's row lock for the rest of the transaction, so that caption lines of one meeting
 * are numbered by one writer at a time across processes. `no key update` leaves other writes that
 * only refer to the meeting (events, roster) free.
 */
export async function lockCaptionNumbering(db: Database, meetingId: string): Promise<void> {
  await db.select({ id: meetings.id }).from(meetings).where(eq(meetings.id, meetingId)).for('no key update');
}

export async function lastSegmentSeq(db: Database, meetingId: string): Promise<number> {
  const [row] = await db
    .select({ seq: sql<number>`coalesce(max(${captionSegments.seq}), 0)` })
    .from(captionSegments)
    .where(eq(captionSegments.meetingId, meetingId));
  return Number(row?.seq ?? 0);
}

export async function firstSegmentStart(db: Database, meetingId: string): Promise<number | undefined> {
  const [row] = await db
    .select({ startedAt: captionSegments.startedAt })
    .from(captionSegments)
    .where(eq(captionSegments.meetingId, meetingId))
    .orderBy(asc(captionSegments.seq))
    .limit(1);
  return row?.startedAt;
}

/** The latest `limit` segments of a channel before `beforeSeq` (or the latest overall), oldest first. */
export async function segmentsBefore(
  db: Database,
  meetingId: string,
  channel: CaptionChannel,
  limit: number,
  beforeSeq?: number,
): Promise<CaptionSegment[]> {
  const rows = await db
    .select()
    .from(captionSegments)
    .where(
      and(
        eq(captionSegments.meetingId, meetingId),
        eq(captionSegments.channel, channel),
        beforeSeq === undefined ? undefined : lt(captionSegments.seq, beforeSeq),
      ),
    )
    .orderBy(desc(captionSegments.seq))
    .limit(limit);
  return rows.reverse().map(toSegment);
}

/** Every segment of the meeting in order, or of one of its channels. */
export async function allSegments(db: Database, meetingId: string, channel?: CaptionChannel): Promise<CaptionSegment[]> {
  const rows = await db
    .select()
    .from(captionSegments)
    .where(and(eq(captionSegments.meetingId, meetingId), channel === undefined ? undefined : eq(captionSegments.channel, channel)))
    .orderBy(asc(captionSegments.seq));
  return rows.map(toSegment);
}

/** How many lines each channel held at `asOf` (server ms): for the record's transcript annex. */
export async function captionLinesByChannel(db: Database, meetingId: string, asOf: number): Promise<Map<CaptionChannel, number>> {
  const rows = await db
    .select({ channel: captionSegments.channel, lines: sql<number>`count(*)` })
    .from(captionSegments)
    .where(and(eq(captionSegments.meetingId, meetingId), lte(captionSegments.endedAt, asOf)))
    .groupBy(captionSegments.channel);
  return new Map(rows.map((row) => [row.channel, Number(row.lines)]));
}

/** The meeting's caption channels (the floor first), or undefined when there is no such meeting. */
export async function captionChannelsOf(db: Database, meetingId: string): Promise<CaptionChannel[] | undefined> {
  const [row] = await db.select({ languages: meetings.captionLanguages }).from(meetings).where(eq(meetings.id, meetingId));
  return row && meetingChannels(row.languages);
}

/** The UN languages the meeting has channels for, besides the floor. */
export async function setCaptionLanguages(db: Database, meetingId: string, languages: UnLanguage[]): Promise<boolean> {
  const rows = await db
    .update(meetings)
    .set({ captionLanguages: meetingChannels(languages).filter((channel) => channel !== FLOOR_CHANNEL) as UnLanguage[] })
    .where(eq(meetings.id, meetingId))
    .returning({ id: meetings.id });
  return rows.length > 0;
}

/** What the room display shows. */
export async function setRoomCaptionChannels(db: Database, meetingId: string, channels: CaptionChannel[]): Promise<void> {
  await db.update(meetings).set({ roomCaptionChannels: channels }).where(eq(meetings.id, meetingId));
}

/** The channel a captioner writes to, kept with their roster entry. */
export async function setCaptionerChannel(db: Database, meetingId: string, participantId: string, channel: CaptionChannel): Promise<void> {
  await db
    .update(rosterEntries)
    .set({ captionChannel: channel })
    .where(and(eq(rosterEntries.meetingId, meetingId), eq(rosterEntries.id, participantId)));
}

export async function captionerChannel(db: Database, meetingId: string, participantId: string): Promise<CaptionChannel> {
  const [row] = await db
    .select({ channel: rosterEntries.captionChannel })
    .from(rosterEntries)
    .where(and(eq(rosterEntries.meetingId, meetingId), eq(rosterEntries.id, participantId)));
  return row?.channel ?? FLOOR_CHANNEL;
}

function toSegment(row: typeof captionSegments.$inferSelect): CaptionSegment {
  const { meetingId: _meetingId, ...segment } = row;
  return segment;
}

/**
 * A captioner's own caption token, derived from their personal join link: it stops with that
 * link (revoked or re-issued) and with their captioner role, and reveals nothing of the link.
 */
export function personalCaptionToken(joinToken: string): string {
  return createHash('sha256').update(`caption:${joinToken}`).digest('base64url');
}

function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * The caption token of one of the meeting's channels, for captioning software: the floor's is the
 * meeting's token itself, each language's is derived from it (so replacing it replaces them all).
 */
export function channelCaptionToken(meetingToken: string, channel: CaptionChannel): string {
  return channel === FLOOR_CHANNEL ? meetingToken : createHash('sha256').update(`caption:${meetingToken}:${channel}`).digest('base64url');
}

/**
 * The meeting and the channel `token` writes to, when it is a caption token valid for the meeting now:
 * the token of one of its channels (for captioning software, rotatable by the secretariat), or a current
 * captioner's personal one (writing to the channel the captioner chose, while the meeting has it).
 */
export async function findMeetingByCaptionToken(
  db: Database,
  meetingId: string,
  token: string,
): Promise<{ id: string; channel: CaptionChannel } | undefined> {
  const rows = await db
    .select({
      captionToken: meetings.captionToken,
      languages: meetings.captionLanguages,
      joinToken: rosterEntries.joinToken,
      channel: rosterEntries.captionChannel,
    })
    .from(meetings)
    .leftJoin(
      rosterEntries,
      and(eq(rosterEntries.meetingId, meetings.id), eq(rosterEntries.role, 'captioner'), isNotNull(rosterEntries.joinToken)),
    )
    .where(eq(meetings.id, meetingId));
  const first = rows[0];
  if (!first) return undefined;
  const channels = meetingChannels(first.languages);
  const meetingToken = first.captionToken;
  const own = meetingToken === null ? undefined : channels.find((channel) => sameToken(channelCaptionToken(meetingToken, channel), token));
  if (own) return { id: meetingId, channel: own };
  const personal = rows.find((row) => row.joinToken !== null && sameToken(personalCaptionToken(row.joinToken), token));
  return personal?.channel && channels.includes(personal.channel) ? { id: meetingId, channel: personal.channel } : undefined;
}

/** A new caption token for the meeting: the old one stops at once. */
export async function rotateCaptionToken(db: Database, meetingId: string): Promise<boolean> {
  const rows = await db.update(meetings).set({ captionToken: newToken() }).where(eq(meetings.id, meetingId)).returning({ id: meetings.id });
  return rows.length > 0;
}

/**
 * Takes `seq` as the last ingested caption post of the meeting's channel, when it is higher than
 * the one stored: false for a seq already taken (a retry, here or through another process).
 * Each channel's captioning software numbers its own posts.
 */
export async function claimIngestSeq(db: Database, meetingId: string, channel: CaptionChannel, seq: number): Promise<boolean> {
  const rows = await db
    .insert(captionIngestSeqs)
    .values({ meetingId, channel, lastSeq: seq })
    .onConflictDoUpdate({
      target: [captionIngestSeqs.meetingId, captionIngestSeqs.channel],
      set: { lastSeq: seq },
      setWhere: lt(captionIngestSeqs.lastSeq, seq),
    })
    .returning({ channel: captionIngestSeqs.channel });
  return rows.length > 0;
}
