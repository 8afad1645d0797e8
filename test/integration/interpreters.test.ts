/**
 * Interpreters against the real server, with real socket.io clients: "please speak slower" reaches
 * the chair with its sender and everyone else without (rule H3, checked on the payloads the
 * sockets receive), and prepared statements are attached and opened only by those rule S1 names.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, DRIVERS, type TestServer } from '../support/test-server.ts';
import type { HttpClient } from '../support/http-client.ts';
import { createMeeting, openJoinLink, signInFirstSecretariat } from '../support/meeting-fixtures.ts';
import { connectLive, waitUntil, type LiveClient } from '../support/live-client.ts';
import { TWO_ITEMS } from '../support/live-meeting-setup.ts';
import type { MeetingEvent } from '../../shared/meeting/types.ts';
import { STATEMENT_MAX_BYTES } from '../../shared/statements.ts';

const ROLES = ['chair', 'member', 'member', 'interpreter', 'captioner', 'observer'] as const;
const NAMES = ['Lynn Chair', 'Flávio Speaker', 'Mary Other', 'Amal Interpreter', 'Kirsty Captioner', 'Wim Observer'];
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

describe.each(DRIVERS)('interpreters (%s)', (driver) => {
  let server: TestServer;
  let meetingId: string;
  let secretariat: HttpClient;
  const browsers: HttpClient[] = [];
  const clients: LiveClient[] = [];
  const ids: string[] = [];
  /** Every `meeting:events` payload each socket received, as it arrived. */
  const received: MeetingEvent[][] = [];
  const [chair, speaker, other, interpreter, captioner, observer] = [0, 1, 2, 3, 4, 5];

  beforeAll(async () => {
    server = await startTestServer(driver);
    secretariat = await signInFirstSecretariat(server);
    meetingId = await createMeeting(secretariat, 'Interpreted meeting');
    await secretariat.put(`/api/meetings/${meetingId}/agenda`, { text: TWO_ITEMS });
    const csv = ['name,role,channel', ...ROLES.map((role, index) => `${NAMES[index]},${role},${role === 'interpreter' ? 'Arabic' : ''}`)];
    const roster = (await secretariat.post(`/api/meetings/${meetingId}/roster/import`, { csv: csv.join('\n') })).body.roster as {
      id: string;
      joinUrl: string;
      channel?: string;
    }[];
    expect(roster[interpreter]!.channel).toBe('ar');
    for (const entry of roster) {
      const browser = await openJoinLink(server.baseUrl, entry.joinUrl);
      const client = connectLive(server.baseUrl, browser, meetingId);
      const mine: MeetingEvent[] = [];
      client.socket.on('meeting:events', ({ events }) => mine.push(...events));
      browsers.push(browser);
      clients.push(client);
      received.push(mine);
      ids.push(entry.id);
    }
    await waitUntil(() => clients.every((client) => client.replica.status.state === 'live'), 'everyone connected');
    await clients[chair]!.command({ type: 'meeting.open' });
    await clients[chair]!.command({ type: 'agenda.startItem', itemId: clients[chair]!.replica.state!.agenda[0]!.id });
  });
  afterAll(async () => {
    for (const client of clients) client.close();
    await server?.close();
  });

  it('an interpreter cannot raise a hand or take a position; a member cannot ask for a slower pace', async () => {
    const hand = await clients[interpreter]!.replica.send({ type: 'queue.raiseHand' });
    expect(hand).toMatchObject({ ok: false, code: 'forbidden' });
    const itemId = clients[chair]!.replica.state!.currentItemId!;
    const position = await clients[interpreter]!.replica.send({ type: 'position.record', itemId, proposalId: null, stance: 'support' });
    expect(position).toMatchObject({ ok: false, code: 'forbidden' });
    const slower = await clients[speaker]!.replica.send({ type: 'interpretation.askSlower' });
    expect(slower).toMatchObject({ ok: false, code: 'forbidden' });
  });

  it('the chair sees who asked; the speaker and everyone else only the channel, never the sender', async () => {
    await clients[speaker]!.command({ type: 'queue.raiseHand' });
    const entryId = clients[chair]!.replica.state!.queues[clients[chair]!.replica.state!.currentItemId!]!.entries[0]!.id;
    await clients[chair]!.command({ type: 'floor.give', entryId });
    const seq = await clients[interpreter]!.command({ type: 'interpretation.askSlower' });
    await waitUntil(() => clients.every((client) => (client.replica.state?.seq ?? 0) >= seq), 'everyone has the signal');

    const asked = (index: number) => received[index]!.find((event) => event.type === 'interpretation.slowerAsked')!;
    expect(asked(chair).actor).toEqual({ participantId: ids[interpreter], name: 'Amal Interpreter' });
    expect(clients[chair]!.replica.state!.slowDown).toMatchObject({ channel: 'ar', fromId: ids[interpreter] });
    for (const index of [speaker, other, interpreter, captioner, observer]) {
      const raw = JSON.stringify(received[index]!.filter((event) => event.seq === seq));
      expect(raw, NAMES[index]).not.toContain('Amal');
      expect(raw, NAMES[index]).not.toContain(ids[interpreter]!);
      expect(asked(index)).toMatchObject({ type: 'interpretation.slowerAsked', channel: 'ar', actor: { participantId: null, name: '' } });
      expect(clients[index]!.replica.state!.slowDown).toMatchObject({ channel: 'ar', fromId: null });
    }
    // Nor in a fresh catch-up.
    const sync = await clients[speaker]!.socket.emitWithAck('meeting:sync', { meetingId, afterSeq: 0 });
    expect(JSON.stringify(sync)).not.toContain(ids[interpreter]!);

    // Again within 20 s: refused, nothing changes.
    const again = await clients[interpreter]!.replica.send({ type: 'interpretation.askSlower' });
    expect(again).toMatchObject({ ok: false, code: 'rate-limited' });

    const signalId = clients[chair]!.replica.state!.slowDown!.id;
    const passed = await clients[chair]!.command({ type: 'interpretation.passSlower', signalId });
    await waitUntil(() => (clients[speaker]!.replica.state?.seq ?? 0) >= passed, 'the speaker has it');
    expect(clients[speaker]!.replica.state!.slowDown!.passedAt).not.toBeNull();
    expect(JSON.stringify(received[speaker])).not.toContain('Amal');
    const refused = await clients[other]!.replica.send({ type: 'interpretation.passSlower', signalId });
    expect(refused).toMatchObject({ ok: false, code: 'forbidden' });
    await clients[chair]!.command({ type: 'interpretation.dismissSlower', signalId });
    expect(clients[chair]!.replica.state!.slowDown).toBeNull();
  });

  it('the speaker sets the floor language of their speech; another member cannot', async () => {
    const speechId = clients[chair]!.replica.state!.floor!.id;
    const seq = await clients[speaker]!.command({ type: 'floor.setLanguage', speechId, language: 'pt-BR' });
    await waitUntil(() => (clients[interpreter]!.replica.state?.seq ?? 0) >= seq, 'the interpreter has it');
    expect(clients[interpreter]!.replica.state!.floor!.language).toBe('pt-BR');
    expect(await clients[other]!.replica.send({ type: 'floor.setLanguage', speechId, language: 'fr' })).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    expect(await clients[speaker]!.replica.send({ type: 'floor.setLanguage', speechId, language: 'not a tag' })).toMatchObject({
      ok: false,
      code: 'invalid',
    });
  });

  async function upload(browser: HttpClient, targetId: string, body: Buffer, fileName = 'statement.pdf', type = 'application/pdf') {
    const response = await fetch(`${server.baseUrl}/api/meetings/${meetingId}/statements/${targetId}`, {
      method: 'PUT',
      headers: {
        origin: server.baseUrl,
        cookie: browser.cookie!,
        'content-type': type,
        'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      },
      body: new Uint8Array(body),
    });
    return { status: response.status, body: (await response.json()) as { error?: string; statement?: { fileName: string } } };
  }
  const file = (browser: HttpClient, targetId: string) => browser.get(`/api/meetings/${meetingId}/statements/${targetId}/file`);

  it('a prepared statement: its owner attaches it, bad files are refused, and only the chair, interpreters and captioners open it on the floor', async () => {
    await clients[other]!.command({ type: 'queue.raiseHand' });
    const state = () => clients[chair]!.replica.state!;
    const entryId = state().queues[state().currentItemId!]!.entries.find((entry) => entry.participantId === ids[other])!.id;

    // Someone else's entry, not a PDF or text, too large: refused, nothing stored.
    expect((await upload(browsers[speaker]!, entryId, PDF)).status).toBe(403);
    expect((await upload(browsers[interpreter]!, entryId, PDF)).status).toBe(403);
    expect(
      (await upload(browsers[other]!, entryId, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]), 'x.png', 'application/pdf')).status,
    ).toBe(415);
    expect((await upload(browsers[other]!, entryId, Buffer.alloc(STATEMENT_MAX_BYTES + 1, 0x41), 'big.txt', 'text/plain')).status).toBe(
      413,
    );
    expect((await file(browsers[chair]!, entryId)).status).toBe(404);

    const stored = await upload(browsers[other]!, entryId, PDF, 'Déclaration – Mary.pdf');
    expect(stored).toMatchObject({ status: 200, body: { statement: { fileName: 'Déclaration – Mary.pdf' } } });

    // Before Mary has the floor: her, the chair; not the interpreter, captioner or another member.
    expect((await file(browsers[other]!, entryId)).status).toBe(200);
    expect((await file(browsers[chair]!, entryId)).status).toBe(200);
    for (const index of [interpreter, captioner, speaker, observer])
      expect((await file(browsers[index]!, entryId)).status, NAMES[index]).toBe(403);

    await clients[chair]!.command({ type: 'floor.give', entryId });
    const opened = await file(browsers[interpreter]!, entryId);
    expect(opened.status).toBe(200);
    expect(opened.headers.get('content-type')).toBe('application/pdf');
    expect(opened.headers.get('content-disposition')).toContain("filename*=UTF-8''D%C3%A9claration");
    expect(String(opened.body)).toContain('%PDF-1.4');
    expect((await file(browsers[captioner]!, entryId)).status).toBe(200);
    expect((await browsers[interpreter]!.get(`/api/meetings/${meetingId}/statements/${entryId}`)).body.statement).toMatchObject({
      contentType: 'application/pdf',
      size: PDF.length,
    });
    for (const index of [speaker, observer]) expect((await file(browsers[index]!, entryId)).status, NAMES[index]).toBe(403);
    expect((await file(secretariat, entryId)).status).toBe(200);
  });
});
