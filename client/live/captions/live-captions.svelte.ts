/**
 * The captions a reader holds of one channel: the latest finished lines (more on request) and
 * the line being typed. Reloaded on every (re-)entry, so nothing is missed across a reconnection;
 * switching channel starts again with the new channel's latest lines.
 */
import { CAPTION_LIMITS, type CaptionDraft, type CaptionSegment } from '../../../shared/captions.ts';
import { FLOOR_CHANNEL, type CaptionChannel } from '../../../shared/caption-channels.ts';
import type { LiveMeeting } from '../live-meeting.svelte.ts';
import { follow, leaveUnreadFloor, unfollow } from './caption-following.ts';

const ARRIVED_KEPT = 10;

export class LiveCaptions {
  segments = $state.raw<CaptionSegment[]>([]);
  draft = $state.raw<CaptionDraft | null>(null);
  /** Whether earlier lines exist than those held. */
  hasEarlier = $state(false);
  loadingEarlier = $state(false);
  /** The last few lines that arrived live (not loaded history): what screen readers are told. */
  arrived = $state.raw<CaptionSegment[]>([]);
  /** The channel read, and the meeting's channels (known once the first lines are loaded). */
  channel = $state<CaptionChannel>(FLOOR_CHANNEL);
  channels = $state.raw<CaptionChannel[]>([FLOOR_CHANNEL]);
  /** The channel the captioner writes to, for a captioner. */
  writes = $state<CaptionChannel | null>(null);
  #unlisten: (() => void) | undefined;

  constructor(
    private readonly live: LiveMeeting,
    channel: CaptionChannel = FLOOR_CHANNEL,
  ) {
    this.channel = channel;
  }

  /** Reads another channel from now on: its latest lines replace those held. */
  setChannel(channel: CaptionChannel): void {
    if (channel === this.channel) return;
    const socket = this.live.socket;
    const before = this.channel;
    this.channel = channel;
    this.segments = [];
    this.arrived = [];
    this.draft = null;
    this.hasEarlier = false;
    if (!socket || !this.#unlisten) return;
    follow(socket, channel);
    unfollow(socket, this.live.meetingId, before);
    void this.#loadLatest();
  }

  /** Starts listening; call from an effect that re-runs when `live.entered` changes. */
  attach(): () => void {
    const socket = this.live.socket;
    if (!socket) return () => {};
    const onDraft = ({ meetingId, channel, draft }: { meetingId: string; channel: CaptionChannel; draft: CaptionDraft | null }) => {
      if (meetingId === this.live.meetingId && channel === this.channel) this.draft = draft;
    };
    const onSegment = ({ meetingId, segment }: { meetingId: string; segment: CaptionSegment }) => {
      if (meetingId !== this.live.meetingId || segment.channel !== this.channel) return;
      this.segments = merge(this.segments, [segment]);
      this.arrived = [...this.arrived.slice(-(ARRIVED_KEPT - 1)), segment];
      if (this.draft && this.draft.startedAt <= segment.startedAt) this.draft = null;
    };
    socket.on('captions:draft', onDraft);
    socket.on('captions:segment', onSegment);
    this.#unlisten?.();
    follow(socket, this.channel);
    void this.#loadLatest();
    const unlisten = () => {
      socket.off('captions:draft', onDraft);
      socket.off('captions:segment', onSegment);
      unfollow(socket, this.live.meetingId, this.channel);
      if (this.#unlisten === unlisten) this.#unlisten = undefined;
    };
    this.#unlisten = unlisten;
    return unlisten;
  }

  async loadEarlier(): Promise<void> {
    const socket = this.live.socket;
    const first = this.segments[0];
    if (!socket || !first || this.loadingEarlier) return;
    this.loadingEarlier = true;
    try {
      const channel = this.channel;
      const result = await socket
        .timeout(10_000)
        .emitWithAck('captions:history', { meetingId: this.live.meetingId, channel, beforeSeq: first.seq });
      if (result.ok && channel === this.channel) {
        this.segments = merge(result.segments, this.segments);
        // Seqs run across the meeting's channels: a full batch may have more before it.
        this.hasEarlier = result.segments.length === CAPTION_LIMITS.history;
      }
    } catch {
      // Offline: the button stays, to try again.
    } finally {
      this.loadingEarlier = false;
    }
  }

  async #loadLatest(): Promise<void> {
    const socket = this.live.socket;
    if (!socket) return;
    const channel = this.channel;
    try {
      const result = await socket.timeout(10_000).emitWithAck('captions:history', { meetingId: this.live.meetingId, channel });
      if (channel !== this.channel) return;
      if (!result.ok) {
        // The meeting no longer has this channel: the floor, which every meeting has.
        if (result.code === 'invalid' && channel !== FLOOR_CHANNEL) this.setChannel(FLOOR_CHANNEL);
        return;
      }
      this.channels = result.channels;
      this.writes = result.writes;
      // More lines than one batch were missed while away: start again from the latest, so the
      // transcript never has a hole in it ("load earlier" fetches the rest).
      const held = this.segments.at(-1);
      const full = result.segments.length === CAPTION_LIMITS.recent;
      const gap = held !== undefined && full && result.segments[0]!.seq > held.seq;
      this.segments = merge(gap ? [] : this.segments, result.segments);
      this.draft = result.draft;
      this.hasEarlier = full || (held !== undefined && this.hasEarlier);
      // Every connection starts with the floor's captions: left when nothing on this page reads them.
      leaveUnreadFloor(socket, this.live.meetingId);
    } catch {
      // The next entry loads them.
    }
  }
}

/** Both lists joined in seq order, each line once. */
function merge(a: readonly CaptionSegment[], b: readonly CaptionSegment[]): CaptionSegment[] {
  const bySeq = new Map<number, CaptionSegment>();
  for (const segment of [...a, ...b]) bySeq.set(segment.seq, segment);
  return [...bySeq.values()].sort((x, y) => x.seq - y.seq);
}
