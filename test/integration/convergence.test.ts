/**
 * Seeded convergence: several clients send random commands in random order while their
 * connections drop and return at random; when the dust settles, every client holds exactly
 * the server's state. Seeds are fixed; a seed that ever fails is kept below as a regression.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import type { HttpClient } from '../support/http-client.ts';
import { createMeeting, openJoinLink, signInFirstSecretariat } from '../support/meeting-fixtures.ts';
import { connectLive, waitUntil, type LiveClient } from '../support/live-client.ts';
import { queueOf } from '../../shared/meeting/reducer.ts';
import type { CommandInput } from '../../shared/meeting/commands.ts';
import type { MeetingState } from '../../shared/meeting/types.ts';
import { seenBy } from '../support/seen-by.ts';

/**
 * Fixed seeds, each a different interleaving of commands, drops and rejoins. A seed that ever
 * fails stays in REGRESSIONS for good, named after what it found (none has failed so far).
 * `CONVERGENCE_SEEDS=200 npx vitest run test/integration/convergence.test.ts` tries 200 more
 * random seeds and names each one it runs, so a failure can be kept.
 */
const REGRESSIONS: Record<string, number> = {};
const SAMPLES = [1, 7, 42, 1337, 20261123];
const extra = Array.from({ length: Number(process.env.CONVERGENCE_SEEDS ?? 0) || 0 }, () => Math.floor(Math.random() * 2 ** 31));
const SEEDS = [...Object.values(REGRESSIONS), ...SAMPLES, ...extra];

/** A small deterministic generator (mulberry32), so a seed replays the same run. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]! };
}

/** A command a person in this role might send now, sometimes a stale or impossible one. */
function randomCommand(rng: ReturnType<typeof random>, state: MeetingState, leading: boolean, participantId: string | null): CommandInput {
  const itemId = state.currentItemId ?? state.agenda[0]!.id;
  const queue = queueOf(state, itemId).entries;
  const someEntry = queue.length > 0 ? rng.pick(queue).id : 'q-gone';
  const own = queue.find((entry) => entry.participantId === participantId)?.id ?? 'q-gone';
  const proposal = state.agenda.find((item) => item.id === itemId)?.proposals[0]?.id ?? null;
  const participant: CommandInput[] = [
    { type: 'queue.raiseHand', kind: rng.pick(['new-point', 'reply', 'clarifying-question', 'point-of-order'] as const) },
    { type: 'queue.withdraw', entryId: own },
    { type: 'queue.editNote', entryId: own, note: `note ${Math.floor(rng.next() * 100)}` },
    { type: 'queue.moveDown', entryId: own },
    { type: 'position.record', itemId, proposalId: proposal, stance: rng.pick(['support', 'objection', 'comment'] as const) },
    { type: 'chat.post', text: `hello ${Math.floor(rng.next() * 100)}` },
  ];
  if (!leading) return rng.pick(participant);
  const lead: CommandInput[] = [
    { type: 'floor.give', entryId: someEntry },
    { type: 'floor.end', speechId: state.floor?.id ?? 's-gone' },
    { type: 'queue.move', entryId: someEntry, toIndex: Math.floor(rng.next() * 4) },
    { type: 'queue.close' },
    { type: 'queue.reopen' },
    { type: 'agenda.startItem', itemId: rng.pick(state.agenda).id, confirmed: true },
    { type: 'agenda.addProposal', itemId, title: `Proposal ${Math.floor(rng.next() * 100)}` },
    { type: 'timer.pause', speechId: state.floor?.id ?? 's-gone' },
    { type: 'timer.resume', speechId: state.floor?.id ?? 's-gone' },
    { type: 'meeting.changeSettings', alternateRoomAndRemote: rng.next() < 0.5 },
  ];
  return rng.pick([...lead, ...participant]);
}

describe('convergence under random commands and disconnects', () => {
  let server: TestServer;
  let secretariat: HttpClient;

  beforeAll(async () => {
    server = await startTestServer('pglite');
    secretariat = await signInFirstSecretariat(server);
  });
  afterAll(async () => {
    await server?.close();
  });

  it.each(SEEDS)(
    'seed %i: every client ends in the server state',
    async (seed) => {
      const rng = random(seed);
      const meetingId = await createMeeting(secretariat, `Convergence ${seed}`);
      await secretariat.put(`/api/meetings/${meetingId}/agenda`, {
        text: '1 - First (5 minutes)\n2 - Second (5 minutes)\n3 - Third (5 minutes)',
      });
      const csv = [
        'name,stakeholder group,region,role',
        'Chair,civil society,Africa,chair',
        'Co chair,government,WEOG,co-chair',
        ...[1, 2, 3, 4].map((n) => `Member ${n},private sector,Asia-Pacific,member`),
      ].join('\n');
      const roster = (await secretariat.post(`/api/meetings/${meetingId}/roster/import`, { csv })).body.roster as { joinUrl: string }[];
      const clients: LiveClient[] = [];
      for (const entry of roster) clients.push(connectLive(server.baseUrl, await openJoinLink(server.baseUrl, entry.joinUrl), meetingId));
      try {
        await waitUntil(() => clients.every((client) => client.replica.status.state === 'live'), 'connected');
        await clients[0]!.command({ type: 'meeting.open' });
        await clients[0]!.command({ type: 'agenda.startItem', itemId: clients[0]!.replica.state!.agenda[0]!.id });

        const sent: Promise<unknown>[] = [];
        for (let step = 0; step < 150; step++) {
          const index = Math.floor(rng.next() * clients.length);
          const client = clients[index]!;
          const roll = rng.next();
          if (roll < 0.06 && client.socket.connected) {
            client.socket.disconnect();
          } else if (roll < 0.14 && !client.socket.connected) {
            client.socket.connect();
          } else if (client.replica.state) {
            // Commands go out without waiting, so they interleave; a disconnected client sends once it is back.
            sent.push(client.replica.send(randomCommand(rng, client.replica.state, index < 2, client.replica.participantId)));
          }
          if (rng.next() < 0.3) await new Promise((resolve) => setTimeout(resolve, Math.floor(rng.next() * 15)));
        }
        for (const client of clients) if (!client.socket.connected) client.socket.connect();
        await Promise.all(sent);
        const truth = () => server.app.ctx.rooms.loaded(meetingId)!.state;
        await waitUntil(
          () => clients.every((client) => client.replica.status.state === 'live' && client.replica.state?.seq === truth().seq),
          'all caught up',
          20_000,
        );
        for (const client of clients) expect(client.replica.state).toEqual(seenBy(client, truth()));
        expect(truth().seq).toBeGreaterThan(10);
      } finally {
        for (const client of clients) client.close();
      }
    },
    60_000,
  );
});
