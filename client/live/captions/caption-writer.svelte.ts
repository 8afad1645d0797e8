/**
 * What the captioner's console sends: the whole current line as it stands (so corrections
 * are simple), at most every TYPING_INTERVAL_MS while typing and once more when typing
 * stops; a finished line; a speaker mark. Everything goes out in order, one at a time, each
 * waiting for its answer. Finished lines and marks typed while the connection is down wait
 * here and go out when the meeting is entered again (at least once: a line whose answer was
 * lost with the connection is sent again, and may then be stored twice). Of the states of
 * the line being typed only the latest matters: a newer one replaces one still waiting.
 */
import { FLOOR_CHANNEL, type CaptionChannel } from '../../../shared/caption-channels.ts';
import type { AckResult } from '../../../shared/protocol.ts';
import type { MeetingSocketClient } from '../../../shared/sync/socket-io-adapter.ts';
import type { LiveMeeting } from '../live-meeting.svelte.ts';

export const TYPING_INTERVAL_MS = 200;
/** After this long without an answer the console says the line is waiting. */
const SLOW_ANSWER_MS = 5_000;
const RETRY_MS = 1_500;

type Outgoing =
  | { kind: 'line'; text: string; final: boolean; lineId?: string }
  | { kind: 'speaker'; speakerId: string | null; speakerName: string | null };

export class CaptionWriter {
  /** The last refusal, in the server's words; cleared by the next success. */
  error = $state<string | undefined>();
  /** Finished lines and marks not yet acknowledged. */
  waiting = $state(0);
  /** The server has not answered the last message for a while (a slow or stalled connection). */
  stalled = $state(false);

  #outbox: Outgoing[] = [];
  #sending = false;
  #typed: string | undefined;
  #lastTypingAt = 0;
  #typingTimer: ReturnType<typeof setTimeout> | undefined;
  #retryTimer: ReturnType<typeof setTimeout> | undefined;
  #closed = false;

  /** The caption channel written to: the captioner's own, chosen in the console. */
  channel: CaptionChannel = FLOOR_CHANNEL;

  constructor(private readonly live: LiveMeeting) {}

  /** The line as it now stands: sent at once if none went out in the last interval, else at the interval's end. */
  typing(text: string): void {
    this.#typed = text;
    if (this.#typingTimer) return;
    const wait = this.#lastTypingAt + TYPING_INTERVAL_MS - Date.now();
    if (wait <= 0) this.#sendTyped();
    else this.#typingTimer = setTimeout(() => this.#sendTyped(), wait);
  }

  /** Ends the line: what was typed of it becomes a finished caption. */
  finish(text: string): void {
    this.#cancelTyping();
    if (text.trim() === '') return;
    // The id lets the server store a finished line once, even when it is sent again after a lost answer.
    this.#enqueue({ kind: 'line', text, final: true, lineId: crypto.randomUUID().replace(/-/g, '') });
  }

  /** Marks who speaks now (null: whoever has the floor). */
  markSpeaker(speakerId: string | null, speakerName: string | null): void {
    this.#cancelTyping();
    this.#enqueue({ kind: 'speaker', speakerId, speakerName });
  }

  /** Sends what waits: call when the meeting is (re-)entered. */
  resume(): void {
    void this.#flush();
  }

  close(): void {
    this.#closed = true;
    this.#cancelTyping();
    clearTimeout(this.#retryTimer);
  }

  #sendTyped(): void {
    this.#typingTimer = undefined;
    this.#lastTypingAt = Date.now();
    const text = this.#typed;
    this.#typed = undefined;
    if (text !== undefined) this.#enqueue({ kind: 'line', text, final: false });
  }

  #cancelTyping(): void {
    clearTimeout(this.#typingTimer);
    this.#typingTimer = undefined;
    this.#typed = undefined;
  }

  #enqueue(item: Outgoing): void {
    const last = this.#outbox.at(-1);
    // A line being typed that has not gone out yet is replaced by its newer state. The
    // first item may be in flight, so it is never replaced.
    if (isTyping(item) && last && isTyping(last) && this.#outbox.length > 1) this.#outbox[this.#outbox.length - 1] = item;
    else this.#outbox.push(item);
    this.#count();
    void this.#flush();
  }

  async #flush(): Promise<void> {
    if (this.#sending || this.#closed) return;
    this.#sending = true;
    try {
      while (this.#outbox.length > 0 && !this.#closed) {
        const socket = this.live.socket;
        if (!socket?.connected || this.live.status.state !== 'live') return;
        const item = this.#outbox[0]!;
        const result = await this.#send(socket, item);
        if (result === 'connection-lost') return;
        if (!result.ok && (result.code === 'rate-limited' || result.code === 'unavailable' || result.code === 'internal')) {
          // Nothing was changed: the same message goes again in a moment.
          this.error = result.error;
          this.#retryLater();
          return;
        }
        if (!result.ok && result.code === 'forbidden' && this.live.status.state !== 'live') {
          // Sent while the connection was being re-established: sent again once the meeting is entered.
          return;
        }
        this.#outbox.shift();
        this.#count();
        this.error = result.ok ? undefined : result.error;
      }
    } finally {
      this.#sending = false;
    }
  }

  /**
   * One message and its answer. A connection delivers in order and does not lose what it
   * carries, so a slow answer is waited for, never sent again (that would store the line
   * twice); only a lost connection leaves the message to be sent again after re-entry.
   */
  #send(socket: MeetingSocketClient, item: Outgoing): Promise<AckResult | 'connection-lost'> {
    return new Promise((resolve) => {
      let settled = false;
      const settle = (result: AckResult | 'connection-lost') => {
        if (settled) return;
        settled = true;
        socket.off('disconnect', onDisconnect);
        clearTimeout(slowTimer);
        this.stalled = false;
        resolve(result);
      };
      const onDisconnect = () => settle('connection-lost');
      const slowTimer = setTimeout(() => (this.stalled = true), SLOW_ANSWER_MS);
      socket.on('disconnect', onDisconnect);
      if (item.kind === 'line') {
        socket.emit(
          'captions:typing',
          {
            meetingId: this.live.meetingId,
            channel: this.channel,
            text: item.text,
            final: item.final,
            ...(item.lineId && { lineId: item.lineId }),
          },
          settle,
        );
      } else {
        socket.emit(
          'captions:speaker',
          { meetingId: this.live.meetingId, channel: this.channel, speakerId: item.speakerId, speakerName: item.speakerName },
          settle,
        );
      }
    });
  }

  #retryLater(): void {
    clearTimeout(this.#retryTimer);
    this.#retryTimer = setTimeout(() => void this.#flush(), RETRY_MS);
  }

  #count(): void {
    this.waiting = this.#outbox.filter((item) => !isTyping(item)).length;
  }
}

function isTyping(item: Outgoing): boolean {
  return item.kind === 'line' && !item.final;
}
