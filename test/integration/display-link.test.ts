/**
 * Opening the room display link never ends the opener's own session: someone already in the
 * meeting (the secretariat checking the link) keeps theirs and is told to show the room's view;
 * a browser signed in for something else is refused until it confirms; a fresh browser becomes
 * the room display.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DRIVERS, startTestServer, type TestServer } from '../support/test-server.ts';
import { HttpClient } from '../support/http-client.ts';
import { addRoster, createMeeting, openJoinLink, signInFirstSecretariat } from '../support/meeting-fixtures.ts';

describe.each(DRIVERS)('the room display link (%s)', (driver) => {
  let server: TestServer;
  let secretariat: HttpClient;
  let meetingId: string;
  let token: string;
  let elsewhereJoinUrl: string;

  beforeAll(async () => {
    server = await startTestServer(driver);
    secretariat = await signInFirstSecretariat(server);
    meetingId = await createMeeting(secretariat, 'MAG Working Group on Strategy');
    const setup = (await secretariat.get(`/api/meetings/${meetingId}`)).body;
    token = new URL(setup.displayUrl as string).pathname.split('/').pop()!;
    const other = await createMeeting(secretariat, 'BPF Cybersecurity');
    const roster = await addRoster(secretariat, other);
    elsewhereJoinUrl = roster[0]!.joinUrl;
  });
  afterAll(async () => {
    await server?.close();
  });

  it('keeps the session of someone already in the meeting, who is shown the room view', async () => {
    const opened = await secretariat.post('/api/display', { token });
    expect(opened.status).toBe(200);
    expect(opened.body).toEqual({ meetingId, roomView: true });
    expect((await secretariat.get('/api/me')).body).toMatchObject({ kind: 'staff' });
    expect((await secretariat.get(`/api/meetings/${meetingId}`)).status).toBe(200);
  });

  it('asks a browser signed in for another meeting first, and changes nothing until it confirms', async () => {
    const browser = await openJoinLink(server.baseUrl, elsewhereJoinUrl);
    const before = (await browser.get('/api/me')).body;
    expect(before).toMatchObject({ kind: 'guest' });

    const refused = await browser.post('/api/display', { token });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatch(/would end that session/);
    expect((await browser.get('/api/me')).body).toEqual(before);

    const confirmed = await browser.post('/api/display', { token, replaceSession: true });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toEqual({ meetingId });
    expect((await browser.get('/api/me')).body).toMatchObject({ kind: 'guest', meetingId, role: 'display' });
  });

  it('turns a fresh browser into the room display, and refuses a wrong token or a bad field', async () => {
    const fresh = new HttpClient(server.baseUrl);
    expect((await fresh.post('/api/display', { token })).body).toEqual({ meetingId });
    expect((await fresh.get('/api/me')).body).toMatchObject({ role: 'display' });
    expect((await new HttpClient(server.baseUrl).post('/api/display', { token: 'x'.repeat(43) })).status).toBe(404);
    expect((await new HttpClient(server.baseUrl).post('/api/display', { token, replaceSession: 'yes' })).status).toBe(400);
  });
});
