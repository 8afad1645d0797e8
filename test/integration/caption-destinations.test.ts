/**
 * A meeting's caption destinations through the real server: each one numbers its own lines from
 * 1 (a destination added later starts at the lines after it), a removed or another meeting's
 * destination is not found, and a meeting has at most ten. The meeting's captioners see each
 * destination's state, without its id or its URL's secrets; a member does not.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DRIVERS, startTestServer, type TestServer } from '../support/test-server.ts';
import type { HttpClient } from '../support/http-client.ts';
import { createMeeting, openJoinLink, SAMPLE_ROSTER, signInFirstSecretariat } from '../support/meeting-fixtures.ts';
import { startZoomStandIn, type ZoomStandIn } from '../support/zoom-stand-in.ts';
import { MAX_DESTINATIONS_PER_MEETING } from '../../shared/caption-destinations.ts';

async function eventually(check: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe.each(DRIVERS)('caption destinations on %s', (driver) => {
  let server: TestServer;
  let secretariat: HttpClient;
  const standIns: ZoomStandIn[] = [];

  beforeAll(async () => {
    server = await startTestServer(driver);
    secretariat = await signInFirstSecretariat(server);
  });
  afterAll(async () => {
    await server?.close();
    for (const standIn of standIns) await standIn.close();
  });

  async function zoomMeeting() {
    const zoom = await startZoomStandIn({ slowMs: 7_000 });
    zoom.started = true;
    standIns.push(zoom);
    return zoom;
  }

  it('numbers each destination its own way, from the lines after it was added', async () => {
    const meetingId = await createMeeting(secretariat);
    const destinations = `/api/meetings/${meetingId}/caption-destinations`;
    const captionUrl = new URL((await secretariat.get(`/api/meetings/${meetingId}`)).body.captionUrl as string);
    const post = async (seq: number, text: string) => {
      const target = new URL(captionUrl);
      target.searchParams.set('seq', String(seq));
      target.searchParams.set('lang', 'fr-FR');
      const response = await fetch(target, { method: 'POST', headers: { 'content-type': 'text/plain; charset=utf-8' }, body: text });
      expect(response.status).toBe(200);
    };

    const first = await zoomMeeting();
    expect((await secretariat.post(destinations, { kind: 'zoom', url: first.tokenUrl })).status).toBe(201);
    // One post with two finished lines, then a line typed in two posts.
    await post(1, 'Bonjour à tous.\nMerci, Madame la Présidente.\n');
    await post(2, 'Je donne la ');
    await post(3, 'parole au Brésil.\n');
    await eventually(() => first.shown.length === 3, 'three lines at the first destination');

    const second = await zoomMeeting();
    expect((await secretariat.post(destinations, { kind: 'generic', url: second.tokenUrl })).status).toBe(201);
    await post(4, 'Merci.\n');
    await eventually(() => first.shown.length === 4 && second.shown.length === 1, 'the next line at both');

    expect(first.shown).toEqual([
      { seq: 1, lang: 'fr-FR', text: 'Bonjour à tous.' },
      { seq: 2, lang: 'fr-FR', text: 'Merci, Madame la Présidente.' },
      { seq: 3, lang: 'fr-FR', text: 'Je donne la parole au Brésil.' },
      { seq: 4, lang: 'fr-FR', text: 'Merci.' },
    ]);
    expect(second.shown).toEqual([{ seq: 1, lang: 'fr-FR', text: 'Merci.' }]);
    // Zoom shows a line before it answers: it is marked accepted a moment later.
    const accepted = async () => {
      const listed = (await secretariat.get(destinations)).body.destinations as { kind: string; lastAcceptedSeq: number }[];
      return listed.map(({ kind, lastAcceptedSeq }) => ({ kind, lastAcceptedSeq }));
    };
    await expect.poll(accepted, { timeout: 10_000 }).toEqual([
      { kind: 'zoom', lastAcceptedSeq: 4 },
      { kind: 'generic', lastAcceptedSeq: 1 },
    ]);
  });

  it("finds no destination that is removed or another meeting's, and takes at most ten", async () => {
    const meetingId = await createMeeting(secretariat);
    const otherId = await createMeeting(secretariat, 'Another meeting');
    const zoom = await zoomMeeting();
    const added = await secretariat.post(`/api/meetings/${otherId}/caption-destinations`, { kind: 'zoom', url: zoom.tokenUrl });
    const otherDestination = added.body.destination.id as string;
    expect((await secretariat.delete(`/api/meetings/${meetingId}/caption-destinations/${otherDestination}`)).status).toBe(404);
    expect((await secretariat.get(`/api/meetings/${otherId}/caption-destinations`)).body.destinations).toHaveLength(1);

    for (let n = 0; n < MAX_DESTINATIONS_PER_MEETING; n++) {
      expect((await secretariat.post(`/api/meetings/${meetingId}/caption-destinations`, { kind: 'zoom', url: zoom.tokenUrl })).status).toBe(
        201,
      );
    }
    const refused = await secretariat.post(`/api/meetings/${meetingId}/caption-destinations`, { kind: 'zoom', url: zoom.tokenUrl });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatch(/at most 10/);

    expect((await secretariat.delete(`/api/meetings/${otherId}/caption-destinations/${otherDestination}`)).status).toBe(204);
    expect((await secretariat.delete(`/api/meetings/${otherId}/caption-destinations/${otherDestination}`)).status).toBe(404);
  });

  it("shows the meeting's captioners each destination's state only, and refuses a member", async () => {
    const meetingId = await createMeeting(secretariat);
    const zoom = await zoomMeeting();
    expect((await secretariat.post(`/api/meetings/${meetingId}/caption-destinations`, { kind: 'zoom', url: zoom.tokenUrl })).status).toBe(
      201,
    );
    const joinUrlOf = async (person: Record<string, string>) => {
      const answer = await secretariat.post(`/api/meetings/${meetingId}/roster`, person);
      expect(answer.status, JSON.stringify(answer.body)).toBe(201);
      return answer.body.entry.joinUrl as string;
    };
    const member = await joinUrlOf({ ...SAMPLE_ROSTER[1] });
    const captioner = await joinUrlOf({ ...SAMPLE_ROSTER[2], name: 'Kimberly Schuster', role: 'captioner' });
    const forwarding = `/api/meetings/${meetingId}/caption-forwarding`;

    const seen = await (await openJoinLink(server.baseUrl, captioner)).get(forwarding);
    expect(seen.status).toBe(200);
    expect(seen.body.destinations).toEqual([
      {
        kind: 'zoom',
        channel: 'floor',
        maskedUrl: expect.stringMatching(/\/closedcaption\?id=…&ns=…&expire=…&spparams=…&signature=…$/),
        lastAcceptedSeq: 0,
        pending: 0,
        lagMs: null,
        lastError: null,
      },
    ]);
    expect(JSON.stringify(seen.body)).not.toContain(new URL(zoom.tokenUrl).searchParams.get('signature')!);
    expect((await secretariat.get(forwarding)).status).toBe(200);
    expect((await (await openJoinLink(server.baseUrl, member)).get(forwarding)).status).toBe(403);
  });
});
