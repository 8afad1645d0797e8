/**
 * Downloads name their file safely: every download's Content-Disposition parses, with a plain
 * ASCII name; the transcript's `?item=` must be an agenda item of that meeting; bad characters
 * in an address are answered with the API's own error, never the framework's.
 */
import { describe, expect, it } from 'vitest';
import { request as httpRequest } from 'node:http';
import { parse } from 'content-disposition';
import { DRIVERS, type TestServer } from '../support/test-server.ts';
import { liveSuite } from '../support/live-suite.ts';
import { exportPaths } from '../support/live-meeting-setup.ts';

/** A request exactly as written, bytes the fetch API would refuse to send included. */
function rawGet(server: TestServer, path: string, cookie: string): Promise<{ status: number; body: string; type: string }> {
  const url = new URL(server.baseUrl);
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      { host: url.hostname, port: url.port, path, method: 'GET', headers: { cookie, origin: server.baseUrl }, insecureHTTPParser: true },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body, type: String(response.headers['content-type'] ?? '') }));
      },
    );
    request.on('error', reject);
    request.end();
  });
}

describe.each(DRIVERS)('downloads on %s', (driver) => {
  const live = liveSuite(driver);
  const meeting = live.suiteMeeting(1);

  it('names every download with a Content-Disposition that parses to a plain file name', async () => {
    for (const path of exportPaths(meeting.meetingId)) {
      const answer = await live.secretariat.get(path);
      expect(answer.status, path).toBe(200);
      const header = answer.headers.get('content-disposition');
      expect(header, path).toBeTruthy();
      const parsed = parse(header!);
      expect(parsed.type).toBe('attachment');
      expect(parsed.parameters.filename, path).toMatch(new RegExp(`^[a-z-]+-${meeting.meetingId}[A-Za-z0-9_.-]*$`));
      expect(answer.headers.get('cache-control')).toBe('no-store');
    }
  });

  it("takes only an agenda item of this meeting as the transcript's ?item=", async () => {
    const base = `/api/meetings/${meeting.meetingId}/transcript.txt`;
    const itemId = meeting.itemIds[0]!;
    const own = await live.secretariat.get(`${base}?item=${itemId}`);
    expect(own.status).toBe(200);
    expect(parse(own.headers.get('content-disposition')!).parameters.filename).toBe(`transcript-${meeting.meetingId}-${itemId}.txt`);

    const other = await live.meeting(0, { title: 'Another meeting' });
    for (const item of ['a_item_that_is_not_here', other.itemIds[0]!]) {
      const answer = await live.secretariat.get(`${base}?item=${encodeURIComponent(item)}`);
      expect(answer.status, item).toBe(404);
      expect(answer.body).toEqual({ error: expect.any(String) });
      expect(answer.headers.get('content-disposition')).toBeNull();
    }
    for (const item of ['evil.html', "x\"; filename*=UTF-8''evil.html", '\r\nSet-Cookie: a=b', '..%2F..%2Fetc', 'é']) {
      const answer = await live.secretariat.get(`${base}?item=${encodeURIComponent(item)}`);
      expect(answer.status, item).toBe(400);
      expect(answer.body.error).toMatch(/agenda item/);
      expect(answer.headers.get('content-disposition')).toBeNull();
    }
  });

  it('answers bad characters in an address with the API error, not the framework body', async () => {
    const base = `/api/meetings/${meeting.meetingId}/transcript.txt`;
    for (const query of ['?item=%0D%0A', '?item=%E0%A4%A', '?item=%', '?item=%ZZ', '?item=%00', '?item=%C0%80', '?item=%ED%A0%80']) {
      const answer = await rawGet(live.server, base + query, live.secretariat.cookie!);
      expect(answer.status, query).toBe(400);
      expect(answer.type, query).toMatch(/^application\/json/);
      const body = JSON.parse(answer.body) as Record<string, unknown>;
      expect(
        Object.keys(body).filter((key) => key !== 'problems'),
        query,
      ).toEqual(['error']);
      expect(body.error, query).not.toMatch(/FST_|statusCode/);
    }
    // In the path too: a meeting id that is not valid percent-encoding.
    for (const path of [
      '/api/meetings/%E0%A4%A/record.html',
      '/api/meetings/%/transcript.txt',
      `/api/meetings/${meeting.meetingId}%0D%0A/chat.txt`,
    ]) {
      const answer = await rawGet(live.server, path, live.secretariat.cookie!);
      expect(answer.status, path).toBeGreaterThanOrEqual(400);
      expect(answer.status, path).toBeLessThan(500);
      expect(answer.type, path).toMatch(/^application\/json/);
      expect(
        Object.keys(JSON.parse(answer.body) as object).filter((key) => key !== 'problems'),
        path,
      ).toEqual(['error']);
    }
  });

  it('refuses a record version nested more than 20 levels deep, and keeps exporting the versions there are', async () => {
    const base = `/api/meetings/${meeting.meetingId}/record`;
    const generated = (await live.secretariat.post(`${base}/generate`, {})).body.version as number;
    const before = (await live.secretariat.get(base)).body;
    for (const markdown of [
      `# Record\n\n${'> '.repeat(10_000)}deep`,
      `# Record\n\n${'- '.repeat(21)}deep`,
      `# Record\n\n${'>'.repeat(21)} deep`,
    ]) {
      const answer = await live.secretariat.post(`${base}/versions`, { markdown, basedOn: generated });
      expect(answer.status).toBe(400);
      expect(answer.body.error).toMatch(/too deeply: at most 20 levels/);
    }
    expect((await live.secretariat.get(base)).body).toEqual(before);
    const nested = await live.secretariat.post(`${base}/versions`, {
      markdown: `# Record\n\n${'> '.repeat(20)}deep enough`,
      basedOn: generated,
    });
    expect(nested.status).toBe(201);
    for (const format of ['md', 'html', 'docx', 'pdf', 'json']) {
      expect(
        (await live.secretariat.get(`/api/meetings/${meeting.meetingId}/record.${format}?version=${nested.body.version}`)).status,
        format,
      ).toBe(200);
    }
  });
});
