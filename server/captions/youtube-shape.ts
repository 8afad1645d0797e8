/**
 * YouTube Live's closed-caption ingestion shape: POST `<ingestion URL>&seq=N` (N rising by one
 * per caption, the same on a retry), a text/plain body of a UTC timestamp line
 * (`YYYY-MM-DDTHH:MM:SS.mmm`) followed by the caption's text (`<br>` for a line break in it).
 * YouTube refuses timestamps more than a minute off its own clock and answers with its time, so
 * each destination's clock offset is estimated from its answers and added to the timestamps.
 * An empty body is a heartbeat: it checks the address and the clock without showing anything.
 */

/** Within this of the platform's clock a timestamp is taken (YouTube: 60 s). */
export const YOUTUBE_CLOCK_WINDOW_MS = 60_000;

/** `2026-12-06T21:42:30.123`: the UTC time, to the millisecond, without a zone. */
export function youTubeTimestamp(ms: number): string {
  return new Date(ms).toISOString().slice(0, 23);
}

const TIMESTAMP = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?)Z?$/;

/** The instant a timestamp line names (UTC), or undefined when the line is not one. */
export function parseYouTubeTimestamp(line: string): number | undefined {
  const match = TIMESTAMP.exec(line.trim());
  if (!match) return undefined;
  const ms = Date.parse(`${match[1]}T${match[2]}Z`);
  return Number.isFinite(ms) ? ms : undefined;
}

/** The first timestamp line of an answer's body: the platform's clock when it answered. */
export function platformTime(body: string): number | undefined {
  for (const line of body.split(/\r?\n/)) {
    const ms = parseYouTubeTimestamp(line);
    if (ms !== undefined) return ms;
  }
  return undefined;
}

/** One caption's body: its timestamp line, then its text on one line (line breaks as `<br>`). */
export function youTubeBody(text: string, at: number): string {
  const line = text.replace(/\r\n|\r|\n/g, '<br>');
  return `${youTubeTimestamp(at)}\n${line}\n`;
}

/** The post's address: the ingestion URL with `seq` appended. */
export function youTubePostUrl(ingestionUrl: string, seq: number): string {
  const url = new URL(ingestionUrl);
  url.searchParams.set('seq', String(seq));
  return url.toString();
}

/**
 * The platform's clock minus ours, from one exchange: `sentAt` and `answeredAt` on our clock,
 * `platformAt` on theirs, taken as the midpoint of the exchange.
 */
export function clockOffset(sentAt: number, answeredAt: number, platformAt: number): number {
  return Math.round(platformAt - (sentAt + answeredAt) / 2);
}

/**
 * One destination's clock offset, estimated from its answers: the exchange with the shortest
 * round trip of the recent ones says it best (its midpoint is the least uncertain).
 */
export class ClockOffset {
  #samples: { offset: number; roundTrip: number }[] = [];

  constructor(private readonly keep = 8) {}

  /** Adds one exchange's estimate; returns the current offset. */
  add(sentAt: number, answeredAt: number, platformAt: number): number {
    this.#samples.push({ offset: clockOffset(sentAt, answeredAt, platformAt), roundTrip: Math.max(0, answeredAt - sentAt) });
    if (this.#samples.length > this.keep) this.#samples.shift();
    return this.offset;
  }

  /** A refusal that says the clock jumped: the old estimates no longer hold. */
  reset(): void {
    this.#samples = [];
  }

  get known(): boolean {
    return this.#samples.length > 0;
  }

  /** Platform minus ours, in ms (0 before any answer). */
  get offset(): number {
    let best: { offset: number; roundTrip: number } | undefined;
    for (const sample of this.#samples) if (!best || sample.roundTrip <= best.roundTrip) best = sample;
    return best?.offset ?? 0;
  }
}
