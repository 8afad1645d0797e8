/**
 * The server's clock for every connection (`clock:ping`): screens measure their offset to it
 * from a few round trips and tick on its seconds, so nothing needs to be sent each second.
 */
import type { AppContext } from '../context.ts';
import { CommandRejected } from '../../shared/errors.ts';
import { handle, type MeetingServer } from './socket-server.ts';
import { SlidingWindow } from '../limits/rate-limiter.ts';

/** Pings one connection may send in ten seconds; a screen sends five at connect, three every few minutes. */
const PINGS_PER_10_SECONDS = 20;

export function registerClockHandlers(io: MeetingServer, ctx: AppContext): void {
  io.on('connection', (socket) => {
    const pings = new SlidingWindow(PINGS_PER_10_SECONDS, 10_000);
    handle(
      socket,
      'clock:ping',
      async () => {
        if (!pings.allow()) throw new CommandRejected('rate-limited', 'The clock is asked too often; wait a moment.');
        return { serverTime: Date.now() };
      },
      (error) => ctx.log.error({ err: error }, 'clock handler failed'),
    );
  });
}
