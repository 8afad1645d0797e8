/** The only module that reads and writes caption segments and the ingestion sequence. */
import { and, asc, desc, eq, lt, sql } from 'drizzle-orm';
import type { Database } from '../db/open.ts';
import { captionSegments, meetings } from '../db/schema.ts';
import type { CaptionSegment } from '../../shared/captions.ts';

export async function insertSegment(db: Database, meetingId: string, segment: CaptionSegment): Promise<void> {
  await db.insert(captionSegments).values({ meetingId, ...segment });
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

export async function findMeetingByCaptionToken(db: Database, meetingId: string, token: string) {
  const [row] = await db
    .select({ id: meetings.id })
    .from(meetings)
    .where(and(eq(meetings.id, meetingId), eq(meetings.captionToken, token)));
  return row;
}

export async function ingestSeq(db: Database, meetingId: string): Promise<number> {
  const [row] = await db.select({ seq: meetings.captionLastSeq }).from(meetings).where(eq(meetings.id, meetingId));
  return row?.seq ?? 0;
}

export async function saveIngestSeq(db: Database, meetingId: string, seq: number): Promise<void> {
  await db.update(meetings).set({ captionLastSeq: seq }).where(eq(meetings.id, meetingId));
}
