/**
 * The server's clock over the socket (`clock:ping`): a signed-in connection gets the server's
 * time, read between its request and the answer; a bad payload or a flood is refused.
 */
import { describe, expect, it } from 'vitest';
import { DRIVERS } from '../support/test-server.ts';
import { liveSuite } from '../support/live-suite.ts';
import { OffsetEstimator } from '../../shared/clock/index.ts';

describe.each(DRIVERS)('the server clock on %s', (driver) => {
  const live = liveSuite(driver);

  it('answers its time, read between the request and the answer', async () => {
    const socket = await live.secretariatSocket();
    const estimator = new OffsetEstimator();
    for (let ping = 0; ping < 5; ping++) {
      const sentAt = Date.now();
      const answer = await socket.timeout(5_000).emitWithAck('clock:ping', {});
      const receivedAt = Date.now();
      expect(answer.ok).toBe(true);
      if (!answer.ok) return;
      // The server runs on this machine's clock: its time lies within the round trip.
      expect(answer.serverTime).toBeGreaterThanOrEqual(sentAt);
      expect(answer.serverTime).toBeLessThanOrEqual(receivedAt);
      estimator.add({ sentAt, serverTime: answer.serverTime, receivedAt });
    }
    const best = estimator.best!;
    expect(Math.abs(best.offsetMs)).toBeLessThanOrEqual(best.roundTripMs / 2);
  });

  it('refuses a payload it does not know, and a flood of pings', async () => {
    const socket = await live.secretariatSocket();
    const bad = await socket.timeout(5_000).emitWithAck('clock:ping', { at: 1 } as never);
    expect(bad).toMatchObject({ ok: false, code: 'invalid' });
    const answers = [];
    for (let ping = 0; ping < 25; ping++) answers.push(await socket.timeout(5_000).emitWithAck('clock:ping', {}));
    expect(answers.filter((answer) => answer.ok)).toHaveLength(20);
    expect(answers.at(-1)).toMatchObject({ ok: false, code: 'rate-limited' });
    expect(socket.connected).toBe(true);
  });
});
