/**
 * Hostile input, generated with fast-check (fixed seeds): random and malformed payloads to
 * every socket event and HTTP endpoint — wrong types, huge strings, deep nesting, unknown
 * event names, `__proto__` and `constructor` keys, invalid UTF-8. The server answers with
 * errors, never crashes or stalls, and the meeting's state and log are unchanged.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import type { HttpClient } from '../support/http-client.ts';
import { createMeeting, openJoinLink, signInFirstSecretariat } from '../support/meeting-fixtures.ts';
import { CLIENT_EVENT_SCHEMAS, PROTOCOL_VERSION } from '../../shared/protocol.ts';

const SEED = 20261123;

/** Anything JSON can carry, nested deeply at times, with keys that have hurt parsers before. */
const hostileValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    fc.double(),
    fc.integer(),
    fc.string(),
    fc.string({ minLength: 2_000, maxLength: 20_000 }),
    fc.constantFrom('__proto__', 'constructor', 'prototype', '../../etc/passwd', '<script>alert(1)</script>', '\u0000', '\uD800'),
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(
      fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'prototype', 'meetingId', 'command', 'type')),
      tie('value'),
      {
        maxKeys: 5,
      },
    ),
  ),
})).value;

/** Nested objects a thousand levels deep. */
function deeplyNested(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let level = 0; level < depth; level++) value = { a: value };
  return value;
}

describe('hostile input', () => {
  let server: TestServer;
  let secretariat: HttpClient;
  let meetingId: string;
  let socket: Socket;

  const truth = () => server.app.ctx.rooms.loaded(meetingId)!.state;

  beforeAll(async () => {
    server = await startTestServer('pglite');
    secretariat = await signInFirstSecretariat(server);
    meetingId = await createMeeting(secretariat, 'Hostile');
    await secretariat.put(`/api/meetings/${meetingId}/agenda`, { text: '1 - Adoption of agenda (5 minutes)' });
    const csv = ['name,stakeholder group,region,role', 'The chair,civil society,Africa,chair', 'A member,government,WEOG,member'].join(
      '\n',
    );
    const roster = (await secretariat.post(`/api/meetings/${meetingId}/roster/import`, { csv })).body.roster as { joinUrl: string }[];
    const member = await openJoinLink(server.baseUrl, roster[1]!.joinUrl);
    socket = io(server.baseUrl, {
      transports: ['websocket'],
      forceNew: true,
      reconnectionDelay: 50,
      extraHeaders: { origin: server.baseUrl, cookie: member.cookie! },
    });
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    expect(await socket.emitWithAck('meeting:enter', { meetingId, protocolVersion: PROTOCOL_VERSION })).toMatchObject({ ok: true });
    // The chair opens the meeting so that commands reach the decisions, not just the phase check.
    const chair = await openJoinLink(server.baseUrl, roster[0]!.joinUrl);
    const chairSocket = io(server.baseUrl, {
      transports: ['websocket'],
      forceNew: true,
      extraHeaders: { origin: server.baseUrl, cookie: chair.cookie! },
    });
    await new Promise<void>((resolve) => chairSocket.once('connect', () => resolve()));
    await chairSocket.emitWithAck('meeting:enter', { meetingId, protocolVersion: PROTOCOL_VERSION });
    await chairSocket.emitWithAck('meeting:command', { meetingId, commandId: 'open-meeting-1', command: { type: 'meeting.open' } });
    chairSocket.close();
  });
  afterAll(async () => {
    socket?.close();
    await server?.close();
  });

  async function ensureEntered(): Promise<void> {
    if (!socket.connected) await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    await socket.emitWithAck('meeting:enter', { meetingId, protocolVersion: PROTOCOL_VERSION });
  }

  /** Events that only read: a random payload may be valid for them, and reading changes nothing. */
  const READS = ['meeting:enter', 'meeting:sync', 'captions:history', 'clock:ping'];

  it('answers every socket event with a typed error for random payloads, and changes nothing', async () => {
    const before = structuredClone(truth());
    const events = [...Object.keys(CLIENT_EVENT_SCHEMAS), 'meeting:nonsense', '__proto__', 'constructor', 'disconnect'];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...events), hostileValue, async (event, payload) => {
        // Messages over the server's 64 KB limit close the connection instead (tried below).
        fc.pre((JSON.stringify(payload) ?? '').length < 60_000);
        await ensureEntered();
        // Unknown events get no answer: a short wait is enough to see that.
        const wait = Object.hasOwn(CLIENT_EVENT_SCHEMAS, event) ? 10_000 : 150;
        const answer = (await socket
          .timeout(wait)
          .emitWithAck(event as never, payload as never)
          .catch((error: Error) => error)) as { ok: boolean; code?: string } | Error;
        if (answer instanceof Error) {
          // Unknown events get no answer at all; known ones always answer.
          expect(Object.hasOwn(CLIENT_EVENT_SCHEMAS, event)).toBe(false);
        } else if (!READS.includes(event)) {
          // A random payload may happen to be a valid read ({} is a valid clock:ping); nothing else may succeed.
          expect(answer.ok).toBe(false);
        }
      }),
      { seed: SEED, numRuns: 400 },
    );
    // An oversized message: the server drops that connection, and answers again once it is back.
    const dropped = new Promise<void>((resolve) => socket.once('disconnect', () => resolve()));
    socket.emit('meeting:command', {
      meetingId,
      commandId: 'oversized-001',
      command: { type: 'chat.post', text: 'x'.repeat(200_000) },
    } as never);
    await dropped;
    await ensureEntered();
    const nested = await socket.emitWithAck('meeting:command', {
      meetingId,
      commandId: 'deep-nesting-1',
      command: deeplyNested(1_000),
    } as never);
    expect(nested).toMatchObject({ ok: false, code: 'invalid' });
    const polluted = await socket.emitWithAck(
      'meeting:command',
      JSON.parse(
        `{"meetingId":"${meetingId}","commandId":"polluted-0001","command":{"type":"queue.raiseHand","__proto__":{"admin":true}}}`,
      ),
    );
    expect(polluted).toMatchObject({ ok: false, code: 'invalid' });
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
    expect(truth()).toEqual(before);
  }, 120_000);

  it('answers every HTTP endpoint with a 4xx for random bodies, never a 5xx, and changes nothing', async () => {
    const before = structuredClone(truth());
    const meetingsBefore = (await secretariat.get('/api/meetings')).body.meetings.length;
    const routes = [
      ['POST', '/api/auth/login'],
      ['POST', '/api/setup'],
      ['POST', '/api/accounts'],
      ['POST', '/api/meetings'],
      ['POST', '/api/meetings/import'],
      ['PATCH', `/api/meetings/${meetingId}`],
      ['POST', `/api/meetings/${meetingId}/roster`],
      ['POST', `/api/meetings/${meetingId}/roster/import`],
      ['PUT', `/api/meetings/${meetingId}/agenda`],
      ['PUT', `/api/meetings/${meetingId}/observer-link`],
      ['POST', '/api/join'],
      ['POST', '/api/display'],
      ['POST', '/api/room'],
      ['POST', '/api/observe'],
      ['POST', `/api/meetings/${meetingId}/record/versions`],
      ['POST', `/api/meetings/${meetingId}/record/finalise`],
      ['PUT', `/api/meetings/${meetingId}/record/sharing`],
      ['DELETE', `/api/meetings/${meetingId}`],
    ] as const;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes), hostileValue, async ([method, path], body) => {
        const answer = await secretariat.request(method, path, JSON.stringify(body ?? null));
        expect(answer.status, `${method} ${path} ${JSON.stringify(body)?.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
        expect(answer.status).toBeLessThan(500);
        expect(typeof answer.body?.error).toBe('string');
      }),
      { seed: SEED, numRuns: 300 },
    );
    // Raw bytes that are not UTF-8, and bodies that are not JSON at all.
    for (const [method, path] of routes) {
      for (const body of [
        Buffer.from([0xff, 0xfe, 0x7b, 0x22, 0xc3, 0x28, 0x22, 0x7d]),
        Buffer.from('{"a":'),
        Buffer.alloc(2 * 1024 * 1024, 0x61),
      ]) {
        const response = await fetch(server.baseUrl + path, {
          method,
          headers: { origin: server.baseUrl, cookie: secretariat.cookie!, 'content-type': 'application/json' },
          body,
        });
        expect(response.status, `${method} ${path}`).toBeGreaterThanOrEqual(400);
        expect(response.status).toBeLessThan(500);
      }
    }
    expect(truth()).toEqual(before);
    expect((await secretariat.get('/api/meetings')).body.meetings).toHaveLength(meetingsBefore);
    expect((await secretariat.get('/api/health')).status).toBe(200);
  }, 180_000);
});
