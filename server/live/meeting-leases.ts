/**
 * One owner per live meeting when several processes share PostgreSQL: a lease row per meeting
 * (meeting_leases), timed by the database's clock so that the processes' clocks never matter.
 * The owner renews its leases every second; a lease it stops renewing (the process died) runs
 * out after a few seconds and the next process that needs the meeting takes it.
 *
 * A row rather than an advisory lock: any process can read who owns a meeting (it forwards its
 * clients' commands there), and a lease ends on time by itself, while a session lock lasts as long
 * as PostgreSQL thinks the owner's connection is open, which after a network fault can be minutes.
 */
import { and, eq, inArray, lt, or, sql } from 'drizzle-orm';
import type { Database } from '../db/open.ts';
import { meetingLeases } from '../db/schema.ts';

export interface LeaseTiming {
  /** How long a lease lasts after each renewal. */
  leaseMs: number;
  /** How often the owner renews its leases. */
  renewMs: number;
}

export const LEASE_TIMING: LeaseTiming = { leaseMs: 4_000, renewMs: 1_000 };

/** The meeting's owner: this process (`taken`: just now, so its replica must load the log first), or another. */
export type Ownership = { mine: true; taken: boolean } | { mine: false; owner: string };

/** Time this process leaves itself before a lease's end: it stops deciding a little early. */
const MARGIN_MS = 500;

export class MeetingLeases {
  /** Leases held: their term, and the local (monotonic) time until which this process may act on each. */
  readonly #held = new Map<string, { term: number; until: number }>();
  #timer: ReturnType<typeof setInterval> | undefined;
  #renewing: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Database,
    /** This process's id, unique per start. */
    readonly processId: string,
    private readonly timing: LeaseTiming = LEASE_TIMING,
    private readonly onError: (error: unknown) => void = () => {},
  ) {}

  start(): void {
    this.#timer ??= setInterval(() => {
      this.#renewing = this.#renew().catch(this.onError);
    }, this.timing.renewMs);
    this.#timer.unref();
  }

  /** Whether this process holds the meeting's lease now. */
  holds(meetingId: string): boolean {
    return (this.#held.get(meetingId)?.until ?? -Infinity) > performance.now();
  }

  /** Who owns the meeting now: this process if it holds the lease or can take it (free or run out). */
  async claim(meetingId: string): Promise<Ownership> {
    if (this.holds(meetingId)) return { mine: true, taken: false };
    const started = performance.now();
    const [taken] = await this.db
      .insert(meetingLeases)
      .values({ meetingId, owner: this.processId, term: 1, expiresAt: this.#expiry() })
      .onConflictDoUpdate({
        target: meetingLeases.meetingId,
        set: {
          owner: this.processId,
          term: sql`case when ${meetingLeases.owner} = ${this.processId} then ${meetingLeases.term} else ${meetingLeases.term} + 1 end`,
          expiresAt: this.#expiry(),
        },
        setWhere: or(eq(meetingLeases.owner, this.processId), lt(meetingLeases.expiresAt, sql`now()`)),
      })
      .returning({ term: meetingLeases.term });
    if (taken) {
      // Another process may have owned it in between (the term moved on): then the log has news.
      const before = this.#held.get(meetingId)?.term;
      this.#held.set(meetingId, { term: taken.term, until: started + this.timing.leaseMs - MARGIN_MS });
      return { mine: true, taken: before !== taken.term };
    }
    this.#held.delete(meetingId);
    const [row] = await this.db.select({ owner: meetingLeases.owner }).from(meetingLeases).where(eq(meetingLeases.meetingId, meetingId));
    // Released in between: the next attempt takes it.
    return { mine: false, owner: row?.owner ?? '' };
  }

  /** Gives up one meeting (forgotten by this process). */
  async release(meetingId: string): Promise<void> {
    if (!this.#held.delete(meetingId)) return;
    await this.db.delete(meetingLeases).where(and(eq(meetingLeases.meetingId, meetingId), eq(meetingLeases.owner, this.processId)));
  }

  /** Stops renewing and gives every lease up, so that another process can take over at once. */
  async close(): Promise<void> {
    clearInterval(this.#timer);
    await this.#renewing;
    this.#held.clear();
    await this.db.delete(meetingLeases).where(eq(meetingLeases.owner, this.processId));
  }

  async #renew(): Promise<void> {
    const ids = [...this.#held.keys()];
    if (ids.length === 0) return;
    const started = performance.now();
    const renewed = await this.db
      .update(meetingLeases)
      .set({ expiresAt: this.#expiry() })
      .where(and(eq(meetingLeases.owner, this.processId), inArray(meetingLeases.meetingId, ids)))
      .returning({ meetingId: meetingLeases.meetingId });
    const kept = new Set(renewed.map((row) => row.meetingId));
    for (const id of ids) {
      const held = this.#held.get(id);
      if (kept.has(id) && held) held.until = started + this.timing.leaseMs - MARGIN_MS;
      // Taken by another process (this one was too slow to renew): it decides from now on.
      else this.#held.delete(id);
    }
  }

  #expiry() {
    return sql`now() + ${`${this.timing.leaseMs} milliseconds`}::interval`;
  }
}
