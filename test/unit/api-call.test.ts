/**
 * The client's calls of the HTTP API (client/http/api.ts) go by the shared route map: the
 * address each sends is the route's path with its parameters filled in, and what the server
 * answers — a body, nothing (204), a refusal with its problems, or no answer at all — reaches
 * the page as the person would read it.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ROUTES } from '../../shared/http/routes.ts';
import { ApiRequestError, call } from '../../client/http/api.ts';

interface Sent {
  url: string;
  method: string | undefined;
  body: string | undefined;
  contentType: string | undefined;
}

/** Answers every fetch with `answer` and keeps what was sent. */
function serve(answer: () => Response | Promise<Response>): Sent[] {
  const sent: Sent[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit = {}) => {
    const headers = (init.headers ?? {}) as Record<string, string>;
    sent.push({ url, method: init.method, body: init.body as string | undefined, contentType: headers['content-type'] });
    return answer();
  });
  return sent;
}

const json = (status: number, value: unknown) =>
  new Response(JSON.stringify(value), { status, headers: { 'content-type': 'application/json' } });

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('calling a route of the map', () => {
  it("fills the path's parameters, each encoded, and sends the body as JSON", async () => {
    const sent = serve(() => json(200, { entry: { id: 'e 1' } }));
    const answer = await call(ROUTES.changeRosterEntry, {
      params: { meetingId: 'm/1', entryId: 'e 1' },
      body: { name: 'Flávio Wagner' },
    });
    expect(answer.entry.id).toBe('e 1');
    expect(sent).toEqual([
      {
        url: '/api/meetings/m%2F1/roster/e%201',
        method: 'PATCH',
        body: JSON.stringify({ name: 'Flávio Wagner' }),
        contentType: 'application/json',
      },
    ]);
  });

  it('sends no body when the route reads none, and a 204 answers nothing', async () => {
    const sent = serve(() => new Response(null, { status: 204 }));
    await expect(call(ROUTES.logout)).resolves.toBeUndefined();
    expect(sent).toEqual([{ url: '/api/auth/logout', method: 'POST', body: undefined, contentType: undefined }]);
  });

  it("gives the server's message and problems when it refuses", async () => {
    serve(() => json(400, { error: 'Please correct the fields marked below.', problems: [{ where: 'email', message: 'is not valid' }] }));
    const refused = await call(ROUTES.login, { body: { email: 'x', password: 'y' } }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ApiRequestError);
    expect(refused).toMatchObject({
      status: 400,
      message: 'Please correct the fields marked below.',
      problems: [{ where: 'email', message: 'is not valid' }],
    });
  });

  it('names the status when the server refuses without saying why', async () => {
    serve(() => new Response('', { status: 502 }));
    await expect(call(ROUTES.me)).rejects.toMatchObject({ status: 502, message: 'The server answered 502.' });
  });

  it('says the server cannot be reached when there is no answer', async () => {
    serve(() => Promise.reject(new TypeError('Failed to fetch')));
    await expect(call(ROUTES.meetingPage, { params: { meetingId: 'm1' } })).rejects.toMatchObject({
      status: 0,
      message: 'The server cannot be reached. Check your connection and try again.',
    });
  });
});
