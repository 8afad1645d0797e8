/**
 * Forwards the caption outbox to its destinations, one worker per destination with lines
 * waiting: lines in seq order, one at a time, the same seq on every retry, with exponential
 * back-off on every error and time-out. Zoom (and a generic URL) take Zoom's closed-caption API
 * shape (POST `<token URL>&seq=N&lang=…`, the text as text/plain UTF-8); YouTube takes its own
 * (server/captions/youtube-shape.ts): timestamped by the platform's clock, estimated from its
 * answers, with an empty heartbeat when forwarding to it begins and while it is idle. A line is
 * marked once accepted (2xx); after a restart the forwarder goes on from the outbox, and asks
 * Zoom's `GET …/closedcaption/seq` whether the one line in flight at the crash arrived (YouTube
 * takes a seq sent again once). One process forwards a destination at a time: the holder of its
 * lease. URLs are secrets and never logged.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../db/open.ts';
import { newId } from '../ids.ts';
import { classifyFailure } from './forwarding-errors.ts';
import * as store from './caption-destinations.ts';
import { ClockOffset, platformTime, youTubeBody, youTubePostUrl } from './youtube-shape.ts';

export interface ForwarderOptions {
  /** How long a destination has to answer a post. */
  timeoutMs: number;
  /** How long a claim on a destination lasts unless renewed (well over `timeoutMs`). */
  leaseMs: number;
  /** How often the outbox is looked at for lines other processes stored, or left after a restart. */
  pollMs: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** A YouTube destination nothing was sent to for this long is sent a heartbeat (and its clock checked). */
  heartbeatMs: number;
}

export const FORWARDING_DEFAULTS: ForwarderOptions = {
  timeoutMs: 5_000,
  leaseMs: 15_000,
  pollMs: 1_000,
  backoffBaseMs: 500,
  backoffMaxMs: 15_000,
  heartbeatMs: 30_000,
};

const DEFAULT_LANGUAGE = 'en-US';
const LANGUAGE_TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/** What is read of a YouTube answer: its timestamp line comes first. */
const ANSWER_BYTES = 4_096;

/** The start of an answer's body as text, the rest left unread: a destination cannot make the server hold a large one. */
async function firstBytes(response: Response, limit: number): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (size < limit) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
  }
  await reader.cancel();
  return new TextDecoder().decode(Buffer.concat(chunks).subarray(0, limit));
}

type SendResult = { ok: true } | { ok: false; status: number | null; timedOut: boolean };

/** The post's address: the token URL with `seq` and `lang` appended. */
export function postUrl(tokenUrl: string, seq: number, language: string | null): string {
  const url = new URL(tokenUrl);
  url.searchParams.set('seq', String(seq));
  url.searchParams.set('lang', language && LANGUAGE_TAG.test(language) ? language : DEFAULT_LANGUAGE);
  return url.toString();
}

/** Zoom's "last seq accepted" address: `…/closedcaption/seq` with the token's query. */
export function seqUrl(tokenUrl: string): string {
  const url = new URL(tokenUrl);
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/seq`;
  return url.toString();
}

export class CaptionForwarder {
  readonly #owner = newId('fw');
  readonly #workers = new Map<string, Promise<void>>();
  readonly #stop = new AbortController();
  #timer: ReturnType<typeof setTimeout> | undefined;
  #scanning: Promise<void> | undefined;
  #scanAgain = false;
  /** Wake-ups so far: a worker that found nothing just as lines were queued looks again. */
  #wakes = 0;
  /** Whether the last look at the outbox failed: an outage is logged once, not at every poll. */
  #unreadable = false;
  readonly #options: ForwarderOptions;
  /** Each YouTube destination's clock offset, and when this process last exchanged with it (its clock). */
  readonly #clocks = new Map<string, ClockOffset>();
  readonly #contactAt = new Map<string, number>();

  constructor(
    private readonly db: Database,
    private readonly log: FastifyBaseLogger,
    private readonly singleProcess: boolean,
    options: Partial<ForwarderOptions> = {},
  ) {
    this.#options = { ...FORWARDING_DEFAULTS, ...options };
  }

  async start(): Promise<void> {
    if (this.singleProcess) await store.releaseAllLeases(this.db);
    this.#schedule(0);
  }

  /** Lines were just queued: look at the outbox now rather than at the next poll. */
  wake(): void {
    if (this.#stop.signal.aborted) return;
    this.#wakes += 1;
    if (this.#scanning) {
      this.#scanAgain = true;
      return;
    }
    this.#schedule(0);
  }

  async stop(): Promise<void> {
    this.#stop.abort();
    clearTimeout(this.#timer);
    await this.#scanning;
    await Promise.allSettled(this.#workers.values());
    try {
      await store.releaseDestinations(this.db, this.#owner);
    } catch (error) {
      this.log.warn({ err: error }, 'caption forwarding: leases not released (they run out by themselves)');
    }
  }

  #schedule(delayMs: number): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#scanning = this.#scan().finally(() => {
        this.#scanning = undefined;
        if (this.#stop.signal.aborted) return;
        const again = this.#scanAgain;
        this.#scanAgain = false;
        this.#schedule(again ? 0 : this.#options.pollMs);
      });
    }, delayMs);
    this.#timer.unref?.();
  }

  async #scan(): Promise<void> {
    let ids: string[];
    try {
      const now = Date.now();
      const youTube = await store.youTubeDestinations(this.db);
      for (const id of this.#contactAt.keys()) if (!youTube.includes(id)) this.#contactAt.delete(id);
      const idle = youTube.filter((id) => this.#heartbeatDue(id, now));
      ids = [...new Set([...(await store.destinationsWithPending(this.db)), ...idle])];
      this.#unreadable = false;
    } catch (error) {
      if (!this.#unreadable) this.log.warn({ err: error }, 'caption forwarding: the outbox could not be read');
      this.#unreadable = true;
      return;
    }
    for (const id of ids) {
      if (this.#workers.has(id) || this.#stop.signal.aborted) continue;
      const worker = this.#work(id)
        .catch((error: unknown) => this.log.warn({ err: error, destinationId: id }, 'caption forwarding stopped for a while'))
        .then((wakesSeen) => {
          this.#workers.delete(id);
          if (wakesSeen !== undefined && wakesSeen !== this.#wakes) this.wake();
        });
      this.#workers.set(id, worker);
    }
  }

  /**
   * Sends the destination's waiting lines in order while this process holds its lease; resolves
   * to the wake-ups counted when it last found nothing waiting.
   */
  async #work(id: string): Promise<number | undefined> {
    const signal = this.#stop.signal;
    let failures = 0;
    // Whether the destination's own last seq must be asked before the next post (after a restart or a time-out).
    let unsure = true;
    while (!signal.aborted) {
      const destination = await store.claimDestination(this.db, id, this.#owner, this.#options.leaseMs);
      if (!destination) {
        // Gone, or forwarded by another process: if this one takes it over, it checks the clock first.
        this.#clocks.delete(id);
        this.#contactAt.set(id, Date.now());
        return undefined;
      }
      const wakes = this.#wakes;
      if (destination.kind === 'youtube' && (!this.#clocks.has(id) || this.#heartbeatDue(id, Date.now()))) {
        const beat = await this.#heartbeat(destination);
        if (signal.aborted) return undefined;
        if (beat.ok) await store.clearError(this.db, id, this.#owner);
        else await store.recordError(this.db, id, classifyFailure(destination.kind, beat.status, beat.timedOut), beat.status);
      }
      const row = await store.nextPending(this.db, id);
      if (!row) return wakes;
      if (unsure && destination.kind === 'zoom' && (await store.attemptedSeq(this.db, id)) === row.seq) {
        const accepted = await this.#lastAccepted(destination.url);
        if (accepted !== undefined && accepted >= row.seq) {
          // It arrived before the restart (or the time-out): marked, never sent twice.
          await store.markAccepted(this.db, id, this.#owner, row.seq, Date.now());
          unsure = false;
          continue;
        }
      }
      unsure = false;
      await store.noteAttempt(this.db, id, this.#owner, row.seq);
      const result = destination.kind === 'youtube' ? await this.#sendToYouTube(destination, row) : await this.#send(destination.url, row);
      if (signal.aborted) return undefined;
      if (result.ok) {
        failures = 0;
        await store.markAccepted(this.db, id, this.#owner, row.seq, Date.now());
        continue;
      }
      failures += 1;
      unsure = result.timedOut || result.status === null;
      await store.recordError(this.db, id, classifyFailure(destination.kind, result.status, result.timedOut), result.status);
      await this.#sleep(this.#backoff(failures));
    }
    return undefined;
  }

  async #send(tokenUrl: string, row: store.OutboxRow): Promise<SendResult> {
    const timeout = AbortSignal.timeout(this.#options.timeoutMs);
    try {
      const response = await fetch(postUrl(tokenUrl, row.seq, row.language), {
        method: 'POST',
        headers: { 'content-type': 'text/plain; charset=utf-8' },
        body: row.body,
        signal: AbortSignal.any([timeout, this.#stop.signal]),
        redirect: 'error',
      });
      await response.body?.cancel();
      return response.ok ? { ok: true } : { ok: false, status: response.status, timedOut: false };
    } catch {
      // The error may quote the address: it is not logged.
      return { ok: false, status: null, timedOut: timeout.aborted };
    }
  }

  #heartbeatDue(id: string, now: number): boolean {
    const at = this.#contactAt.get(id);
    return at === undefined || now - at >= this.#options.heartbeatMs;
  }

  /** An empty post: YouTube answers with its clock, and says whether it takes the address. */
  #heartbeat(destination: store.Destination): Promise<SendResult> {
    return this.#postToYouTube(destination, destination.lastAcceptedSeq, () => '');
  }

  /** One line to YouTube, timestamped by its clock as last estimated. */
  #sendToYouTube(destination: store.Destination, row: store.OutboxRow): Promise<SendResult> {
    return this.#postToYouTube(destination, row.seq, (platformNow) => youTubeBody(row.body, platformNow));
  }

  async #postToYouTube(destination: store.Destination, seq: number, body: (platformNow: number) => string): Promise<SendResult> {
    let clock = this.#clocks.get(destination.id);
    if (!clock) this.#clocks.set(destination.id, (clock = new ClockOffset()));
    const timeout = AbortSignal.timeout(this.#options.timeoutMs);
    const sentAt = Date.now();
    this.#contactAt.set(destination.id, sentAt);
    try {
      const response = await fetch(youTubePostUrl(destination.url, seq), {
        method: 'POST',
        headers: { 'content-type': 'text/plain; charset=utf-8' },
        body: body(sentAt + clock.offset),
        signal: AbortSignal.any([timeout, this.#stop.signal]),
        redirect: 'error',
      });
      const answer = await firstBytes(response, ANSWER_BYTES);
      const platformAt = platformTime(answer);
      if (platformAt !== undefined) {
        // A refusal that carries the platform's time may be one of the timestamp: go by this answer alone.
        if (!response.ok) clock.reset();
        clock.add(sentAt, Date.now(), platformAt);
      }
      return response.ok ? { ok: true } : { ok: false, status: response.status, timedOut: false };
    } catch {
      // The error may quote the address: it is not logged.
      return { ok: false, status: null, timedOut: timeout.aborted };
    }
  }

  /** Zoom's last accepted seq for the token, or undefined when it does not say. */
  async #lastAccepted(tokenUrl: string): Promise<number | undefined> {
    try {
      const response = await fetch(seqUrl(tokenUrl), {
        signal: AbortSignal.any([AbortSignal.timeout(this.#options.timeoutMs), this.#stop.signal]),
        redirect: 'error',
      });
      const text = (await response.text()).trim();
      if (!response.ok || !/^\d{1,15}$/.test(text)) return undefined;
      return Number(text);
    } catch {
      return undefined;
    }
  }

  #backoff(failures: number): number {
    const { backoffBaseMs, backoffMaxMs } = this.#options;
    const delay = Math.min(backoffMaxMs, backoffBaseMs * 2 ** Math.min(failures - 1, 20));
    return delay * (0.8 + Math.random() * 0.4);
  }

  #sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      const signal = this.#stop.signal;
      function done() {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        resolve();
      }
      signal.addEventListener('abort', done, { once: true });
    });
  }
}
