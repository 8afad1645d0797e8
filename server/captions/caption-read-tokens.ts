/**
 * The only module that reads and writes caption read tokens, and reads finished lines for them:
 * a token is stored as its SHA-256 only (shown once, when made), and revoking it deletes it, so
 * that every pull and every open stream refuses it from then on.
 */
import { and, asc, count, eq, gt } from 'drizzle-orm';
import type { Database } from '../db/open.ts';
import { captionReadTokens, captionSegments } from '../db/schema.ts';
import { newId, newToken, sha256 } from '../ids.ts';
import type { CaptionChannel } from '../../shared/caption-channels.ts';
import type { CaptionReadTokenView } from '../../shared/caption-read.ts';
import type { CaptionSegment } from '../../shared/captions.ts';
import { channelOf } from './caption-destinations.ts';

type TokenRow = typeof captionReadTokens.$inferSelect;

function view(row: TokenRow): CaptionReadTokenView {
  return { id: row.id, hint: row.hint, createdAt: row.createdAt.toISOString() };
}

export async function listReadTokens(db: Database, meetingId: string): Promise<CaptionReadTokenView[]> {
  const rows = await db
    .select()
    .from(captionReadTokens)
    .where(eq(captionReadTokens.meetingId, meetingId))
    .orderBy(asc(captionReadTokens.createdAt), asc(captionReadTokens.id));
  return rows.map(view);
}

export async function countReadTokens(db: Database, meetingId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(captionReadTokens).where(eq(captionReadTokens.meetingId, meetingId));
  return Number(row?.n ?? 0);
}

/** A new read token: the token itself is returned this once and stored only as its hash. */
export async function addReadToken(db: Database, meetingId: string): Promise<{ view: CaptionReadTokenView; token: string }> {
  const token = newToken();
  const [row] = await db
    .insert(captionReadTokens)
    .values({ id: newId('rt'), meetingId, tokenHash: sha256(token), hint: token.slice(-4) })
    .returning();
  return { view: view(row!), token };
}

export async function revokeReadToken(db: Database, meetingId: string, tokenId: string): Promise<boolean> {
  const rows = await db
    .delete(captionReadTokens)
    .where(and(eq(captionReadTokens.meetingId, meetingId), eq(captionReadTokens.id, tokenId)))
    .returning({ id: captionReadTokens.id });
  return rows.length > 0;
}

/** The token's id when `token` is a current read token of this meeting (and of no other). */
export async function findReadToken(db: Database, meetingId: string, token: string): Promise<string | undefined> {
  const [row] = await db
    .select({ id: captionReadTokens.id })
    .from(captionReadTokens)
    .where(and(eq(captionReadTokens.tokenHash, sha256(token)), eq(captionReadTokens.meetingId, meetingId)));
  return row?.id;
}

/** Whether the read token with this id still stands (an open stream asks at each look). */
export async function readTokenStands(db: Database, tokenId: string): Promise<boolean> {
  const [row] = await db.select({ id: captionReadTokens.id }).from(captionReadTokens).where(eq(captionReadTokens.id, tokenId));
  return row !== undefined;
}

/**
 * The meeting's finished lines after position `last`, at most `limit` of them looked at, with
 * those of `channel` kept; `through` is the last position looked at (where the reader goes on from).
 */
export async function linesAfter(
  db: Database,
  meetingId: string,
  channel: CaptionChannel,
  last: number,
  limit: number,
): Promise<{ lines: CaptionSegment[]; through: number; scanned: number }> {
  const rows = await db
    .select()
    .from(captionSegments)
    .where(and(eq(captionSegments.meetingId, meetingId), gt(captionSegments.seq, last)))
    .orderBy(asc(captionSegments.seq))
    .limit(limit);
  const segments = rows.map(({ meetingId: _meetingId, ...segment }) => segment);
  return {
    lines: segments.filter((segment) => channelOf(segment) === channel),
    through: segments.at(-1)?.seq ?? last,
    scanned: segments.length,
  };
}
