/**
 * Broadcast coalescing: a lone event goes out at once, a burst goes out together, at most one
 * broadcast per meeting per interval, and the interval grows with the meeting's audience so a
 * burst never asks for more than 20 000 deliveries a second. Timers are faked: no waiting.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MeetingEvent } from '../../shared/meeting/types.ts';
import { broadcastInterval, CoalescingBroadcaster } from '../../server/live/broadcast.ts';

const event = (seq: number) => ({ seq }) as unknown as MeetingEvent;

describe('broadcastInterval', () => {
  it('is 20 ms for small meetings and keeps large ones under 20 000 deliveries a second', () => {
    expect(broadcastInterval(0)).toBe(20);
    expect(broadcastInterval(25)).toBe(20);
    expect(broadcastInterval(400)).toBe(20);
    expect(broadcastInterval(2_000)).toBe(100);
    expect(broadcastInterval(5_000)).toBe(250);
    for (const audience of [1_000, 2_000, 5_000, 10_000])
      expect((audience * 1_000) / broadcastInterval(audience)).toBeLessThanOrEqual(20_000);
  });
});

describe('CoalescingBroadcaster', () => {
  let sent: { meetingId: string; seqs: number[]; at: number }[];

  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    sent = [];
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  const broadcaster = (interval: (meetingId: string) => number) =>
    new CoalescingBroadcaster(
      (meetingId, events) => sent.push({ meetingId, seqs: events.map((e) => e.seq), at: performance.now() }),
      interval,
    );

  it('sends a lone event at once, and a burst together, one broadcast per interval', () => {
    const b = broadcaster(() => 50);
    b.broadcast('m', [event(1)]);
    expect(sent).toEqual([{ meetingId: 'm', seqs: [1], at: 0 }]);
    // Ten hands in the next 40 ms: held, then sent together when the interval is over.
    for (let seq = 2; seq <= 11; seq++) {
      vi.advanceTimersByTime(4);
      b.broadcast('m', [event(seq)]);
    }
    expect(sent).toHaveLength(1);
    vi.advanceTimersByTime(10);
    expect(sent[1]).toEqual({ meetingId: 'm', seqs: [2, 3, 4, 5, 6, 7, 8, 9, 10, 11], at: 50 });
    // Quiet for a while: the next event goes at once again.
    vi.advanceTimersByTime(200);
    b.broadcast('m', [event(12)]);
    expect(sent[2]).toEqual({ meetingId: 'm', seqs: [12], at: 250 });
  });

  it('spaces each meeting by its own interval', () => {
    const b = broadcaster((meetingId) => (meetingId === 'large' ? 125 : 20));
    b.broadcast('large', [event(1)]);
    b.broadcast('small', [event(1)]);
    b.broadcast('large', [event(2)]);
    b.broadcast('small', [event(2)]);
    vi.advanceTimersByTime(20);
    expect(sent.filter((s) => s.meetingId === 'small').map((s) => s.at)).toEqual([0, 20]);
    expect(sent.filter((s) => s.meetingId === 'large')).toHaveLength(1);
    vi.advanceTimersByTime(105);
    expect(sent.filter((s) => s.meetingId === 'large')).toEqual([
      { meetingId: 'large', seqs: [1], at: 0 },
      { meetingId: 'large', seqs: [2], at: 125 },
    ]);
  });

  it('sends what is held when it closes: nothing acknowledged is left unsent', () => {
    const b = broadcaster(() => 1_000);
    b.broadcast('m', [event(1)]);
    b.broadcast('m', [event(2)]);
    b.close();
    expect(sent.map((s) => s.seqs)).toEqual([[1], [2]]);
  });
});
