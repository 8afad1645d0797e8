/**
 * The only module that reads and writes caption destinations and their outbox: the lines to
 * forward are queued in the transaction that stores them, claimed by one process at a time
 * (a lease on the destination, timed by the database's clock), and marked when accepted.
 */
import { and, asc, count, eq, isNull, lt, lte, min, or, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../db/open.ts';
import { captionDestinations, captionOutbox } from '../db/schema.ts';
import { newId } from '../ids.ts';
import type { CaptionSegment } from '../../shared/captions.ts';
import {
  maskUrl,
  type CaptionDestinationKind,
  type CaptionDestinationView,
  type ForwardingErrorCode,
} from '../../shared/caption-destinations.ts';
import type { CaptionChannel } from '../../shared/caption-channels.ts';
import { forwardingErrorMessage } from './forwarding-errors.ts';

type DestinationRow = typeof captionDestinations.$inferSelect;
export type OutboxRow = typeof captionOutbox.$inferSelect;

/** What the forwarder needs of a destination: where to send (the secret URL) and how. */
export interface Destination {
  id: string;
  kind: CaptionDestinationKind;
  url: string;
  lastAcceptedSeq: number;
}

export async function addDestination(
  db: Database,
  meetingId: string,
  destination: { kind: CaptionDestinationKind; url: string; channel: CaptionChannel },
): Promise<DestinationRow> {
  const [row] = await db
    .insert(captionDestinations)
    .values({ id: newId('cd'), meetingId, ...destination })
    .returning();
  return row!;
}

export async function countDestinations(db: Database, meetingId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(captionDestinations).where(eq(captionDestinations.meetingId, meetingId));
  return Number(row?.n ?? 0);
}

export async function removeDestination(db: Database, meetingId: string, destinationId: string): Promise<boolean> {
  const rows = await db
    .delete(captionDestinations)
    .where(and(eq(captionDestinations.meetingId, meetingId), eq(captionDestinations.id, destinationId)))
    .returning({ id: captionDestinations.id });
  return rows.length > 0;
}

export async function listDestinationViews(db: Database, meetingId: string): Promise<CaptionDestinationView[]> {
  const rows = await db
    .select()
    .from(captionDestinations)
    .where(eq(captionDestinations.meetingId, meetingId))
    .orderBy(asc(captionDestinations.createdAt), asc(captionDestinations.id));
  const pending = await db
    .select({ destinationId: captionOutbox.destinationId, n: count(), oldest: min(captionOutbox.createdAt) })
    .from(captionOutbox)
    .where(and(eq(captionOutbox.meetingId, meetingId), isNull(captionOutbox.sentAt)))
    .groupBy(captionOutbox.destinationId);
  const pendingOf = new Map(pending.map((row) => [row.destinationId, row]));
  return rows.map((row) => {
    const waiting = pendingOf.get(row.id);
    return destinationView(row, Number(waiting?.n ?? 0), waiting?.oldest == null ? null : Number(waiting.oldest));
  });
}

export function destinationView(row: DestinationRow, pending: number, oldestPendingAt: number | null = null): CaptionDestinationView {
  const code = row.lastErrorCode as ForwardingErrorCode | null;
  return {
    id: row.id,
    kind: row.kind,
    channel: row.channel as CaptionChannel,
    maskedUrl: maskUrl(row.url),
    createdAt: row.createdAt.toISOString(),
    lastAcceptedSeq: row.lastAcceptedSeq,
    pending,
    oldestPendingAt: oldestPendingAt === null ? null : new Date(oldestPendingAt).toISOString(),
    lagMs: row.lagMs,
    lastSentAt: row.lastSentAt?.toISOString() ?? null,
    lastError:
      code === null
        ? null
        : {
            code,
            status: row.lastErrorStatus,
            message: forwardingErrorMessage(code, row.lastErrorStatus, row.kind),
            at: (row.lastErrorAt ?? row.createdAt).toISOString(),
          },
  };
}

/** The caption channel a stored line was written to. */
export function channelOf(segment: CaptionSegment): CaptionChannel {
  return segment.channel;
}

/** Which destinations of the meeting take the lines of `channel`: the one place that says so. */
export function destinationsFor(meetingId: string, channel: CaptionChannel): SQL | undefined {
  return and(eq(captionDestinations.meetingId, meetingId), eq(captionDestinations.channel, channel));
}

/**
 * Queues freshly stored caption lines for the meeting's destinations of each line's channel, in
 * the caller's transaction (the one that stores them): each destination gives out its next seqs at once.
 */
export async function queueForDestinations(db: Database, meetingId: string, segments: CaptionSegment[]): Promise<number> {
  const byChannel = new Map<CaptionChannel, CaptionSegment[]>();
  for (const segment of segments) {
    const channel = channelOf(segment);
    byChannel.set(channel, [...(byChannel.get(channel) ?? []), segment]);
  }
  const now = Date.now();
  let queued = 0;
  for (const [channel, lines] of byChannel) {
    const taken = await db
      .update(captionDestinations)
      .set({ nextSeq: sql`${captionDestinations.nextSeq} + ${lines.length}` })
      .where(destinationsFor(meetingId, channel))
      .returning({ id: captionDestinations.id, nextSeq: captionDestinations.nextSeq });
    if (taken.length === 0) continue;
    const rows = taken.flatMap((destination) =>
      lines.map((segment, index) => ({
        destinationId: destination.id,
        seq: destination.nextSeq - lines.length + index,
        meetingId,
        captionSeq: segment.seq,
        body: segment.text,
        language: segment.language,
        createdAt: now,
      })),
    );
    await db.insert(captionOutbox).values(rows);
    queued += rows.length;
  }
  return queued;
}

/** Every YouTube destination, any meeting: each is sent a heartbeat when forwarding to it begins and when idle. */
export async function youTubeDestinations(db: Database): Promise<string[]> {
  const rows = await db.select({ id: captionDestinations.id }).from(captionDestinations).where(eq(captionDestinations.kind, 'youtube'));
  return rows.map((row) => row.id);
}

/** Destinations with lines waiting, any meeting. */
export async function destinationsWithPending(db: Database): Promise<string[]> {
  const rows = await db.selectDistinct({ id: captionOutbox.destinationId }).from(captionOutbox).where(isNull(captionOutbox.sentAt));
  return rows.map((row) => row.id);
}

/**
 * Takes (or keeps) the destination's lease for `owner` until `leaseMs` from now on the database's
 * clock; undefined when another process holds it, or the destination is gone.
 */
export async function claimDestination(db: Database, id: string, owner: string, leaseMs: number): Promise<Destination | undefined> {
  const [row] = await db
    .update(captionDestinations)
    .set({ leaseOwner: owner, leaseUntil: sql`now() + ${`${leaseMs} milliseconds`}::interval` })
    .where(
      and(
        eq(captionDestinations.id, id),
        or(
          isNull(captionDestinations.leaseOwner),
          eq(captionDestinations.leaseOwner, owner),
          lt(captionDestinations.leaseUntil, sql`now()`),
        ),
      ),
    )
    .returning({
      id: captionDestinations.id,
      kind: captionDestinations.kind,
      url: captionDestinations.url,
      lastAcceptedSeq: captionDestinations.lastAcceptedSeq,
    });
  return row;
}

/** Gives the lease up (a process stopping cleanly), so that another can go on at once. */
export async function releaseDestinations(db: Database, owner: string): Promise<void> {
  await db.update(captionDestinations).set({ leaseOwner: null, leaseUntil: null }).where(eq(captionDestinations.leaseOwner, owner));
}

export async function nextPending(db: Database, destinationId: string): Promise<OutboxRow | undefined> {
  const [row] = await db
    .select()
    .from(captionOutbox)
    .where(and(eq(captionOutbox.destinationId, destinationId), isNull(captionOutbox.sentAt)))
    .orderBy(asc(captionOutbox.seq))
    .limit(1);
  return row;
}

/** The destination accepted its lines up to `seq` (at `at`, server ms), while `owner` holds its lease. */
export async function markAccepted(db: Database, destinationId: string, owner: string, seq: number, at: number): Promise<void> {
  await db.transaction(async (tx) => {
    const [held] = await tx
      .select({ id: captionDestinations.id })
      .from(captionDestinations)
      .where(and(eq(captionDestinations.id, destinationId), eq(captionDestinations.leaseOwner, owner)))
      .for('update');
    if (!held) return;
    const marked = await tx
      .update(captionOutbox)
      .set({ sentAt: at })
      .where(and(eq(captionOutbox.destinationId, destinationId), lte(captionOutbox.seq, seq), isNull(captionOutbox.sentAt)))
      .returning({ seq: captionOutbox.seq, createdAt: captionOutbox.createdAt });
    const last = marked.reduce<(typeof marked)[number] | undefined>(
      (latest, row) => (latest && latest.seq > row.seq ? latest : row),
      undefined,
    );
    await tx
      .update(captionDestinations)
      .set({
        lastAcceptedSeq: sql`greatest(${captionDestinations.lastAcceptedSeq}, ${seq})`,
        ...(last && { lastSentAt: new Date(at), lagMs: Math.max(0, Math.min(at - last.createdAt, 2_147_483_647)) }),
        lastErrorCode: null,
        lastErrorStatus: null,
        lastErrorAt: null,
      })
      .where(eq(captionDestinations.id, destinationId));
  });
}

export async function recordError(db: Database, destinationId: string, code: ForwardingErrorCode, status: number | null): Promise<void> {
  await db
    .update(captionDestinations)
    .set({ lastErrorCode: code, lastErrorStatus: status, lastErrorAt: new Date() })
    .where(eq(captionDestinations.id, destinationId));
}

/** The destination answered (a heartbeat): the last error no longer holds. */
export async function clearError(db: Database, destinationId: string, owner: string): Promise<void> {
  await db
    .update(captionDestinations)
    .set({ lastErrorCode: null, lastErrorStatus: null, lastErrorAt: null })
    .where(and(eq(captionDestinations.id, destinationId), eq(captionDestinations.leaseOwner, owner)));
}

/** Notes the seq about to be sent, before it is sent: after a crash, only that one may have arrived unmarked. */
export async function noteAttempt(db: Database, destinationId: string, owner: string, seq: number): Promise<void> {
  await db
    .update(captionDestinations)
    .set({ attemptedSeq: seq })
    .where(and(eq(captionDestinations.id, destinationId), eq(captionDestinations.leaseOwner, owner)));
}

export async function attemptedSeq(db: Database, destinationId: string): Promise<number> {
  const [row] = await db
    .select({ seq: captionDestinations.attemptedSeq })
    .from(captionDestinations)
    .where(eq(captionDestinations.id, destinationId));
  return row?.seq ?? 0;
}

/** On a single-process database (PGlite's data folder is locked to one process), leases left by a stopped process are void. */
export async function releaseAllLeases(db: Database): Promise<void> {
  await db.update(captionDestinations).set({ leaseOwner: null, leaseUntil: null });
}
