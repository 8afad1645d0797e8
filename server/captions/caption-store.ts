/** The only module that reads and writes caption segments and the ingestion sequence. */
import { createHash, timingSafeEqual } from 'node:crypto';
import { and, asc, desc, eq, isNotNull, lt, sql } from 'drizzle-orm';
import type { Database } from '../db/open.ts';
import { captionSegments, meetings, rosterEntries } from '../db/schema.ts';
import { newToken } from '../ids.ts';
import type { CaptionSegment } from '../../shared/captions.ts';

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

/** The latest `limit` segments before `beforeSeq` (or the latest overall), oldest first. */
export async function segmentsBefore(db: Database, meetingId: string, limit: number, beforeSeq?: number): Promise<CaptionSegment[]> {
  const rows = await db
    .select()
    .from(captionSegments)
    .where(
      beforeSeq === undefined
        ? eq(captionSegments.meetingId, meetingId)
        : and(eq(captionSegments.meetingId, meetingId), lt(captionSegments.seq, beforeSeq)),
    )
    .orderBy(desc(captionSegments.seq))
    .limit(limit);
  return rows.reverse().map(toSegment);
}

export async function allSegments(db: Database, meetingId: string): Promise<CaptionSegment[]> {
  const rows = await db.select().from(captionSegments).where(eq(captionSegments.meetingId, meetingId)).orderBy(asc(captionSegments.seq));
  return rows.map(toSegment);
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
 * The meeting, when `token` is a caption token valid for it now: the meeting's own (for
 * captioning software, rotatable by the secretariat) or a current captioner's personal one.
 */
export async function findMeetingByCaptionToken(db: Database, meetingId: string, token: string) {
  const rows = await db
    .select({ captionToken: meetings.captionToken, joinToken: rosterEntries.joinToken })
    .from(meetings)
    .leftJoin(
      rosterEntries,
      and(eq(rosterEntries.meetingId, meetings.id), eq(rosterEntries.role, 'captioner'), isNotNull(rosterEntries.joinToken)),
    )
    .where(eq(meetings.id, meetingId));
  const valid = rows.some(
    (row) =>
      (row.captionToken !== null && sameToken(row.captionToken, token)) ||
      (row.joinToken !== null && sameToken(personalCaptionToken(row.joinToken), token)),
  );
  return valid ? { id: meetingId } : undefined;
}

/** A new caption token for the meeting: the old one stops at once. */
export async function rotateCaptionToken(db: Database, meetingId: string): Promise<boolean> {
  const rows = await db.update(meetings).set({ captionToken: newToken() }).where(eq(meetings.id, meetingId)).returning({ id: meetings.id });
  return rows.length > 0;
}

/**
 * Takes `seq` as the meeting's last ingested caption post, when it is higher than the one
 * stored: false for a seq already taken (a retry, here or through another process).
 */
export async function claimIngestSeq(db: Database, meetingId: string, seq: number): Promise<boolean> {
  const rows = await db
    .update(meetings)
    .set({ captionLastSeq: seq })
    .where(and(eq(meetings.id, meetingId), lt(meetings.captionLastSeq, seq)))
    .returning({ id: meetings.id });
  return rows.length > 0;
}
