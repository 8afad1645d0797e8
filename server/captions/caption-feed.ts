/**
 * The caption feed of one channel of a meeting: the line being typed (from the captioner's console or
 * captioning software), finished lines stored as segments with their speaker and agenda
 * item, and the broadcasts. Each channel has its own line, so captioners on two channels never
 * overwrite each other; lines are numbered in one order across the meeting's channels. Typing is
 * announced at most every DRAFT_INTERVAL_MS per channel, however fast it comes, so a fast typist never floods a large meeting.
 */
import type { Database } from '../db/open.ts';
import { applyTyped, CAPTION_LIMITS, cleanLine, splitLongLine, type CaptionDraft, type CaptionSegment } from '../../shared/captions.ts';
import type { MeetingState } from '../../shared/meeting/types.ts';
import { uniqueViolation } from '../db/errors.ts';
import * as store from './caption-store.ts';
import { queueForDestinations } from './caption-destinations.ts';
import { FLOOR_CHANNEL, type CaptionChannel } from '../../shared/caption-channels.ts';

export const DRAFT_INTERVAL_MS = 150;
/** Tries at numbering finished lines when other processes store lines at the same moment. */
const MAX_NUMBERING_ATTEMPTS = 8;

export interface CaptionFeedDependencies {
  db: Database;
  stateOf(meetingId: string): MeetingState | undefined;
  /** May be dropped on a slow connection: the next one replaces it. */
  announceDraft(meetingId: string, channel: CaptionChannel, draft: CaptionDraft | null): void;
  announceSegment(meetingId: string, segment: CaptionSegment): void;
}

interface Line {
  text: string;
  startedAt: number;
  speakerId: string | null;
  speakerName: string | null;
  itemId: string | null;
  language: string | null;
}

/** The captioner's word on who speaks, valid while the same speech holds the floor. */
interface SpeakerMark {
  speakerId: string | null;
  speakerName: string;
  floorSpeechId: string | null;
}

export class CaptionFeed {
  #line: Line | undefined;
  #mark: SpeakerMark | undefined;
  #lastIngestSeq: number | undefined;
  #firstStart: number | undefined;
  /** Recently finished console lines, by the console's id. */
  readonly #finishedLines = new Set<string>();
  #draftTimer: ReturnType<typeof setTimeout> | undefined;
  #work: Promise<unknown> = Promise.resolve();

  constructor(
    readonly meetingId: string,
    readonly channel: CaptionChannel,
    private readonly deps: CaptionFeedDependencies,
  ) {}

  /**
   * The console's form: the whole current line as it now stands, ended when final. A line
   * emptied before it ends is dropped; a finished line sent again (same `lineId`) is stored once.
   */
  setLine(text: string, final: boolean, options: { language?: string | null; lineId?: string } = {}): Promise<void> {
    return this.#exclusive(async () => {
      if (options.lineId !== undefined && this.#finishedLines.has(options.lineId)) return;
      if (!final && text.trim() === '') {
        this.#line = undefined;
        this.#scheduleDraft();
        return;
      }
      this.#touchLine(text, options.language ?? null);
      if (!final) {
        this.#scheduleDraft();
        return;
      }
      await this.#finish([this.#line?.text ?? ''], undefined);
      if (options.lineId !== undefined) this.#rememberFinished(options.lineId);
    });
  }

  #rememberFinished(lineId: string): void {
    this.#finishedLines.add(lineId);
    if (this.#finishedLines.size > 1_000) this.#finishedLines.delete(this.#finishedLines.values().next().value!);
  }

  /**
   * Captioning software's form: text appended to the current line, with backspaces and
   * newlines applied. A post whose `seq` was applied already (a retry) changes nothing;
   * resolves to whether it was applied.
   */
  ingest(
    incoming: string,
    options: { final?: boolean; language?: string | null; speakerName?: string; seq?: number } = {},
  ): Promise<boolean> {
    return this.#exclusive(async () => {
      const { seq } = options;
      // A fast answer for a retry this process has seen; the database decides the rest.
      if (seq !== undefined && this.#lastIngestSeq !== undefined && seq <= this.#lastIngestSeq) return false;
      if (options.speakerName !== undefined) await this.#markSpeaker(null, options.speakerName);
      const before = this.#line && { ...this.#line };
      const language = options.language ?? null;
      const typed = applyTyped(this.#line?.text ?? '', incoming);
      const long = splitLongLine(typed.current);
      const ended = [...typed.ended, ...long.ended];
      const current = long.rest;
      const finished = options.final ? [...ended, current] : ended;
      let applied: boolean;
      if (finished.length > 0) {
        this.#touchLine(finished[0]!, language);
        applied = await this.#finish(finished, seq);
        if (applied && !options.final && current !== '') this.#touchLine(current, language);
      } else {
        applied =
          seq === undefined || (await this.deps.db.transaction((tx) => store.claimIngestSeq(tx, this.meetingId, this.channel, seq)));
        if (applied) this.#touchLine(current, language);
      }
      if (!applied) {
        // Another process took this seq first: the post was a retry, and changes nothing here.
        this.#line = before;
        return false;
      }
      if (seq !== undefined) this.#lastIngestSeq = seq;
      this.#scheduleDraft();
      return true;
    });
  }

  /** The captioner says who speaks now; null returns to whoever holds the floor. The line under way ends first. */
  markSpeaker(speakerId: string | null, speakerName: string | null): Promise<void> {
    return this.#exclusive(() => this.#markSpeaker(speakerId, speakerName));
  }

  draft(): CaptionDraft | null {
    return this.#line && this.#line.text !== ''
      ? { text: this.#line.text, startedAt: this.#line.startedAt, speakerName: this.#line.speakerName }
      : null;
  }

  close(): void {
    clearTimeout(this.#draftTimer);
  }

  async #markSpeaker(speakerId: string | null, speakerName: string | null): Promise<void> {
    const floorSpeechId = this.deps.stateOf(this.meetingId)?.floor?.id ?? null;
    const mark = this.#mark;
    const unchanged =
      speakerName === null
        ? mark === undefined
        : mark !== undefined && mark.speakerName === speakerName && mark.speakerId === speakerId && mark.floorSpeechId === floorSpeechId;
    if (unchanged) return;
    if (this.#line && cleanLine(this.#line.text) !== '') await this.#finish([this.#line.text], undefined);
    this.#line = undefined;
    this.#mark = speakerName === null ? undefined : { speakerId, speakerName, floorSpeechId };
  }

  /** Sets the line's text, starting a line (and its attribution) when none is under way. */
  #touchLine(text: string, language: string | null): void {
    if (!this.#line) {
      const state = this.deps.stateOf(this.meetingId);
      const floor = state?.floor ?? null;
      const mark = this.#mark && this.#mark.floorSpeechId === (floor?.id ?? null) ? this.#mark : undefined;
      this.#line = {
        text: '',
        startedAt: Date.now(),
        speakerId: mark ? mark.speakerId : (floor?.participantId ?? null),
        speakerName: mark ? mark.speakerName : (floor?.name ?? null),
        itemId: state?.currentItemId ?? null,
        language,
      };
    }
    // The console's lines are checked at the door; ingested lines are split before they get here.
    this.#line.text = text.slice(0, CAPTION_LIMITS.lineChars);
    if (language) this.#line.language = language;
  }

  /**
   * Stores finished lines (one transaction with the ingestion seq, when there is one) and
   * announces them; resolves to false when that seq was taken already. Caption numbers are
   * decided by the database, as the event log's are: when another process stored a line with
   * the same number first, the lines are numbered again after it.
   */
  async #finish(texts: string[], ingestSeq: number | undefined): Promise<boolean> {
    const line = this.#line;
    this.#line = undefined;
    const state = this.deps.stateOf(this.meetingId);
    const now = Date.now();
    // Times run from the meeting's opening; captions before it run from the first line.
    this.#firstStart ??= (await store.firstSegmentStart(this.deps.db, this.meetingId)) ?? line?.startedAt ?? now;
    const origin = state?.openedAt ?? this.#firstStart;
    const lines = texts.map(cleanLine).filter((text) => text !== '');
    const numbered = (first: number): CaptionSegment[] =>
      lines.map((text, index) => {
        const startedAt = line?.startedAt ?? now;
        return {
          seq: first + index,
          startedAt,
          endedAt: now,
          offsetMs: Math.max(0, startedAt - origin),
          itemId: line?.itemId ?? state?.currentItemId ?? null,
          speakerId: line?.speakerId ?? null,
          speakerName: line?.speakerName ?? null,
          text,
          language: line?.language ?? null,
          channel: this.channel,
        };
      });
    for (let attempt = 1; ; attempt++) {
      try {
        const stored = await this.deps.db.transaction(async (tx) => {
          // One writer of a meeting's captions at a time, in every process: the lock orders them, and
          // the next number is read after it, so no other process can take it before these lines are stored.
          await store.lockCaptionNumbering(tx, this.meetingId);
          if (ingestSeq !== undefined && !(await store.claimIngestSeq(tx, this.meetingId, this.channel, ingestSeq))) return undefined;
          const segments = numbered((await store.lastSegmentSeq(tx, this.meetingId)) + 1);
          for (const segment of segments) await store.insertSegment(tx, this.meetingId, segment);
          // Queued for the meeting's caption destinations with the lines themselves: stored together, or not at all.
          // Each destination takes the lines of its own channel.
          await queueForDestinations(tx, this.meetingId, segments);
          return segments;
        });
        if (!stored) return false;
        for (const segment of stored) this.deps.announceSegment(this.meetingId, segment);
        this.#scheduleDraft();
        return true;
      } catch (error) {
        // Not expected under the lock; a number taken in between all the same is decided again.
        if (uniqueViolation(error) === undefined || attempt >= MAX_NUMBERING_ATTEMPTS) throw error;
      }
    }
  }

  #scheduleDraft(): void {
    if (this.#draftTimer) return;
    this.#draftTimer = setTimeout(() => {
      this.#draftTimer = undefined;
      this.deps.announceDraft(this.meetingId, this.channel, this.draft());
    }, DRAFT_INTERVAL_MS);
  }

  #exclusive<T>(work: () => Promise<T>): Promise<T> {
    const result = this.#work.then(work, work);
    this.#work = result.catch(() => undefined);
    return result;
  }
}

/** The caption feeds of this process, one per channel of a meeting. */
export class CaptionFeeds {
  readonly #feeds = new Map<string, CaptionFeed>();

  constructor(private readonly deps: CaptionFeedDependencies) {}

  get(meetingId: string, channel: CaptionChannel = FLOOR_CHANNEL): CaptionFeed {
    const key = `${meetingId}:${channel}`;
    let feed = this.#feeds.get(key);
    if (!feed) {
      feed = new CaptionFeed(meetingId, channel, this.deps);
      this.#feeds.set(key, feed);
    }
    return feed;
  }

  close(): void {
    for (const feed of this.#feeds.values()) feed.close();
  }
}
