/**
 * The captions a reader holds: the latest finished lines (more on request) and the line
 * being typed. Reloaded on every (re-)entry, so nothing is missed across a reconnection.
 */
import type { CaptionDraft, CaptionSegment } from '../../../shared/captions.ts';
import type { LiveMeeting } from '../live-meeting.svelte.ts';

const ARRIVED_KEPT = 10;

export class LiveCaptions {
  segments = $state.raw<CaptionSegment[]>([]);
  draft = $state.raw<CaptionDraft | null>(null);
  /** Whether earlier lines exist than those held. */
  hasEarlier = $state(false);
  loadingEarlier = $state(false);
  /** The last few lines that arrived live (not loaded history): what screen readers are told. */
  arrived = $state.raw<CaptionSegment[]>([]);
  #unlisten: (() => void) | undefined;

  constructor(private readonly live: LiveMeeting) {}

  /** Starts listening; call from an effect that re-runs when `live.entered` changes. */
  attach(): () => void {
    const socket = this.live.socket;
    if (!socket) return () => {};
    const onDraft = ({ meetingId, draft }: { meetingId: string; draft: CaptionDraft | null }) => {
      if (meetingId === this.live.meetingId) this.draft = draft;
    };
    const onSegment = ({ meetingId, segment }: { meetingId: string; segment: CaptionSegment }) => {
      if (meetingId !== this.live.meetingId) return;
      this.segments = merge(this.segments, [segment]);
      this.arrived = [...this.arrived.slice(-(ARRIVED_KEPT - 1)), segment];
      if (this.draft && this.draft.startedAt <= segment.startedAt) this.draft = null;
    };
    socket.on('captions:draft', onDraft);
    socket.on('captions:segment', onSegment);
    void this.#loadLatest();
    this.#unlisten?.();
    this.#unlisten = () => {
      socket.off('captions:draft', onDraft);
      socket.off('captions:segment', onSegment);
    };
    return this.#unlisten;
  }

  async loadEarlier(): Promise<void> {
    const socket = this.live.socket;
    const first = this.segments[0];
    if (!socket || !first || this.loadingEarlier) return;
    this.loadingEarlier = true;
    try {
      const result = await socket.timeout(10_000).emitWithAck('captions:history', { meetingId: this.live.meetingId, beforeSeq: first.seq });
      if (result.ok) {
        this.segments = merge(result.segments, this.segments);
        this.hasEarlier = result.segments.length > 0 && result.segments[0]!.seq > 1;
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
    try {
      const result = await socket.timeout(10_000).emitWithAck('captions:history', { meetingId: this.live.meetingId });
      if (!result.ok) return;
      // More lines than one batch were missed while away: start again from the latest, so the
      // transcript never has a hole in it ("load earlier" fetches the rest).
      const held = this.segments.at(-1);
      const gap = held !== undefined && result.segments.length > 0 && result.segments[0]!.seq > held.seq + 1;
      this.segments = merge(gap ? [] : this.segments, result.segments);
      this.draft = result.draft;
      this.hasEarlier = (this.segments[0]?.seq ?? 1) > 1;
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
