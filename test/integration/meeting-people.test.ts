/**
 * The meeting's people a page at a time: the meeting page carries counts only, and the list
 * comes in pages of at most 500, chair first, then by role and name; bad pages are refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { openJoinLink, signInFirstSecretariat } from '../support/meeting-fixtures.ts';
import { createBenchMeeting, type BenchMeeting } from '../bench/setup.ts';
import type { HttpClient } from '../support/http-client.ts';

describe('the people of a meeting of 450', () => {
  let server: TestServer;
  let meeting: BenchMeeting;
  let member: HttpClient;

  beforeAll(async () => {
    server = await startTestServer('pglite');
    meeting = await createBenchMeeting(await signInFirstSecretariat(server), 'Open consultation', 449);
    member = await openJoinLink(server.baseUrl, meeting.members[100]!.joinUrl);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('gives the meeting page the counts by role, without the list', async () => {
    const page = await member.get(`/api/meetings/${meeting.meetingId}/page`);
    expect(page.status).toBe(200);
    expect(page.body.people).toEqual({ total: 450, byRole: { chair: 1, member: 449 } });
    expect(page.body.participants).toBeUndefined();
    expect(JSON.stringify(page.body).length).toBeLessThan(5_000);
  });

  it('gives everyone in pages, chair first then by name, each person once', async () => {
    const seen: { name: string; role: string }[] = [];
    let from: number | null = 0;
    const sizes: number[] = [];
    while (from !== null) {
      const answer: { status: number; body: { total: number; people: { name: string; role: string }[]; next: number | null } } =
        await member.get(`/api/meetings/${meeting.meetingId}/people?from=${from}`);
      expect(answer.status).toBe(200);
      expect(answer.body.total).toBe(450);
      sizes.push(answer.body.people.length);
      seen.push(...answer.body.people);
      from = answer.body.next;
    }
    expect(sizes).toEqual([200, 200, 50]);
    expect(seen[0]).toMatchObject({ name: 'Bench Chair', role: 'chair' });
    const names = seen.slice(1).map((person) => person.name);
    expect(names).toEqual([...names].sort());
    expect(new Set(seen.map((person) => person.name)).size).toBe(450);
  });

  it.each([
    ['limit=0', /limit/],
    ['limit=501', /limit/],
    ['from=-1', /from/],
    ['from=abc', /from/],
  ])('refuses ?%s with the reason', async (query, field) => {
    const answer = await member.get(`/api/meetings/${meeting.meetingId}/people?${query}`);
    expect(answer.status).toBe(400);
    expect(JSON.stringify(answer.body)).toMatch(field);
  });

  it('answers 404 for a meeting the person is not admitted to', async () => {
    const elsewhere = await member.get('/api/meetings/m_not-this-meeting/people');
    expect(elsewhere.status).toBe(404);
  });
});
