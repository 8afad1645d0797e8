/**
 * PostgreSQL unavailable for 10 s during a meeting: commands fail with a clear error,
 * nothing is half-applied, and the server recovers by itself without a restart.
 * Uses a throwaway cluster on its own port, so the machine's PostgreSQL is never touched.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { canRunThrowawayPostgres, startThrowawayPostgres, type ThrowawayPostgres } from '../support/throwaway-postgres.ts';
import { createMeeting, openJoinLink, signInFirstSecretariat } from '../support/meeting-fixtures.ts';
import { connectLive, waitForSeq, waitUntil, type LiveClient } from '../support/live-client.ts';
import { queueOf } from '../../shared/meeting/reducer.ts';
import { loadEvents } from '../../server/live/event-store.ts';

describe.runIf(process.env.TEST_DATABASE_URL && canRunThrowawayPostgres())('a database outage', () => {
  let cluster: ThrowawayPostgres | undefined;
  let server: TestServer | undefined;
  const clients: LiveClient[] = [];
  afterAll(async () => {
    for (const client of clients) client.close();
    await server?.close().catch(() => undefined);
    cluster?.destroy();
  });

  it('refuses commands clearly while PostgreSQL is down, half-applies nothing, and recovers by itself', async () => {
    cluster = await startThrowawayPostgres();
    server = await startTestServer('postgres', { databaseUrl: cluster.url });
    const secretariat = await signInFirstSecretariat(server);
    const meetingId = await createMeeting(secretariat);
    await secretariat.put(`/api/meetings/${meetingId}/agenda`, { text: '1 - Adoption of agenda (5 minutes)' });
    const csv = ['name,stakeholder group,region,role', 'The chair,civil society,Africa,chair', 'A member,government,WEOG,member'].join(
      '\n',
    );
    const roster = (await secretariat.post(`/api/meetings/${meetingId}/roster/import`, { csv })).body.roster as { joinUrl: string }[];
    for (const entry of roster) clients.push(connectLive(server.baseUrl, await openJoinLink(server.baseUrl, entry.joinUrl), meetingId));
    const [chair, member] = clients as [LiveClient, LiveClient];
    await waitUntil(() => clients.every((client) => client.replica.status.state === 'live'), 'connected');
    await chair.command({ type: 'meeting.open' });
    const itemId = chair.replica.state!.agenda[0]!.id;
    await chair.command({ type: 'agenda.startItem', itemId });
    const before = structuredClone(server.app.ctx.rooms.loaded(meetingId)!.state);

    cluster.stop();
    const outageStarted = Date.now();
    const refused = await member.replica.send({ type: 'queue.raiseHand', note: 'During the outage' });
    expect(refused).toMatchObject({ ok: false, code: 'unavailable' });
    expect((refused as { error: string }).error).toMatch(/database is unavailable; nothing was changed/);
    const page = await secretariat.get(`/api/meetings/${meetingId}`);
    expect(page.status).toBe(503);
    expect(page.body.error).toMatch(/database is unavailable/i);
    expect(server.app.ctx.rooms.loaded(meetingId)!.state).toEqual(before);

    // Ten seconds of outage in all, then PostgreSQL returns.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, 10_000 - (Date.now() - outageStarted))));
    cluster.start();

    const seq = await member.command({ type: 'queue.raiseHand', note: 'After the outage' });
    await waitForSeq([chair, member], seq);
    expect(queueOf(chair.replica.state!, itemId).entries.map((entry) => entry.note)).toEqual(['After the outage']);
    const stored = await loadEvents(server.app.database.db, meetingId);
    expect(stored.map(({ event }) => event.seq)).toEqual(Array.from({ length: seq }, (_, index) => index + 1));
    expect(stored.some(({ event }) => JSON.stringify(event).includes('During the outage'))).toBe(false);
    expect((await secretariat.get(`/api/meetings/${meetingId}`)).status).toBe(200);
  }, 120_000);
});
