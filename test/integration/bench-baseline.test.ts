/**
 * The benchmark's bare socket.io server does the work EqualFloor does on the wire, so that
 * `npm run bench` compares like with like: it answers `meeting:enter` with the answer it was
 * given, and a burst of commands goes out in batches by EqualFloor's own coalescing — every
 * event once, in order, in fewer broadcasts than commands — and its figures include the
 * event-loop delay.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import { startBaseline, type BaselineServer } from '../bench/servers.ts';
import type { MeetingEvent } from '../../shared/meeting/types.ts';

const COMMANDS = 30;

describe('the bare socket.io server of the benchmark', () => {
  let baseline: BaselineServer;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    baseline = await startBaseline();
  });
  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await baseline?.stop();
  });

  it('answers the enter answer it was given and batches a burst as EqualFloor does', async () => {
    const enter = { ok: true, sync: { kind: 'snapshot', state: { seq: 7, note: 'captured from EqualFloor' } } };
    const event = { seq: 1, type: 'queue.handRaised', at: '2026-05-01T09:00:00.000Z' } as unknown as MeetingEvent;
    await baseline.setup({ enter, event });
    const received: number[][] = [[], [], []];
    for (const batches of received) {
      const socket = io(baseline.url, { transports: ['websocket'], forceNew: true });
      sockets.push(socket);
      socket.on('meeting:events', ({ events }: { events: MeetingEvent[] }) => batches.push(events.length));
      await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
      expect(await socket.emitWithAck('meeting:enter', { meetingId: 'baseline', afterSeq: 0 })).toEqual(enter);
    }

    const seen: number[] = [];
    sockets[0]!.on('meeting:events', ({ events }: { events: MeetingEvent[] }) => seen.push(...events.map((each) => each.seq)));
    await baseline.metrics(true);
    const acks = await Promise.all(Array.from({ length: COMMANDS }, () => sockets[1]!.emitWithAck('meeting:command', {})));
    expect(acks.map((ack: { seq: number }) => ack.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: COMMANDS }, (_, i) => i + 1));

    const deadline = Date.now() + 10_000;
    while (seen.length < COMMANDS && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(seen).toEqual(Array.from({ length: COMMANDS }, (_, i) => i + 1));
    for (const batches of received) {
      expect(batches.reduce((sum, size) => sum + size, 0)).toBe(COMMANDS);
      expect(batches.length).toBeLessThan(COMMANDS);
    }
    const figures = await baseline.metrics();
    expect(figures.connections).toBe(3);
    expect(figures.loopDelayMs?.p99).toBeGreaterThan(0);
  });
});
