/**
 * A stand-in for Zoom's closed-caption API in the test process, in its documented shape: the
 * host's API token URL (`/closedcaption?id=…&ns=…&expire=…&spparams=…&signature=…`); a caption
 * is a POST of text/plain UTF-8 to it with `&seq=N&lang=…`; 400 before the meeting has started,
 * 403 for a missing seq or a bad signature, 405 for another method; `GET /closedcaption/seq`
 * answers the last seq accepted. A seq already accepted (a retry) is answered 200 and shown once.
 * Faults can be queued for the next posts: an error status, or a slow answer (accepted, then
 * answered after `slowMs`, beyond the sender's time-out).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ShownCaption {
  seq: number;
  lang: string | null;
  text: string;
}

export interface ReceivedPost {
  seq: number | null;
  text: string;
  contentType: string | undefined;
  status: number;
  /** A post for a seq shown already. */
  repeat: boolean;
  /** Whether the seq had been answered 2xx in time before this post. */
  answeredBefore: boolean;
}

export type Fault = number | 'slow';

export interface ZoomStandIn {
  tokenUrl: string;
  /** Whether the host has started the meeting: posts get 400 until then. */
  started: boolean;
  shown: ShownCaption[];
  posts: ReceivedPost[];
  seqQueries: number;
  /** The most posts ever open at once: a sender that waits for each answer never has more than one. */
  mostAtOnce: number;
  failNext(...faults: Fault[]): void;
  close(): Promise<void>;
}

const ID = 'ZmQ5ODc2NTQzMjE';
const SIGNATURE = 'c2lnbmF0dXJlLW9mLXRoZS1ob3N0';

export async function startZoomStandIn(options: { slowMs: number }): Promise<ZoomStandIn> {
  const faults: Fault[] = [];
  const answeredInTime = new Set<number>();
  let lastSeq = 0;
  const slowTimers = new Set<ReturnType<typeof setTimeout>>();

  const standIn: ZoomStandIn = {
    tokenUrl: '',
    started: false,
    shown: [],
    posts: [],
    seqQueries: 0,
    mostAtOnce: 0,
    failNext: (...more) => faults.push(...more),
    close: async () => {
      for (const timer of slowTimers) clearTimeout(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };

  function signed(url: URL): boolean {
    return url.searchParams.get('id') === ID && url.searchParams.get('signature') === SIGNATURE;
  }

  function answer(response: ServerResponse, status: number, text = '') {
    response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' }).end(text);
  }

  function handle(request: IncomingMessage, response: ServerResponse, body: Buffer) {
    const url = new URL(request.url ?? '/', 'http://stand-in');
    if (url.pathname === '/closedcaption/seq') {
      if (request.method !== 'GET') return answer(response, 405);
      if (!signed(url)) return answer(response, 403, 'bad signature');
      standIn.seqQueries += 1;
      return answer(response, 200, String(lastSeq));
    }
    if (url.pathname !== '/closedcaption') return answer(response, 404);
    if (request.method !== 'POST') return answer(response, 405);
    const seqText = url.searchParams.get('seq');
    const seq = seqText !== null && /^\d+$/.test(seqText) ? Number(seqText) : null;
    const text = new TextDecoder('utf-8', { fatal: true }).decode(body);
    const post: ReceivedPost = {
      seq,
      text,
      contentType: request.headers['content-type'],
      status: 0,
      repeat: seq !== null && seq <= lastSeq,
      answeredBefore: seq !== null && answeredInTime.has(seq),
    };
    standIn.posts.push(post);
    const reply = (status: number) => {
      post.status = status;
      answer(response, status);
    };
    if (!signed(url) || seq === null) return reply(403);
    if (!standIn.started) return reply(400);
    if (!request.headers['content-type']?.startsWith('text/plain')) return reply(400);
    const fault = faults.shift();
    if (typeof fault === 'number') return reply(fault);
    if (seq > lastSeq) {
      lastSeq = seq;
      standIn.shown.push({ seq, lang: url.searchParams.get('lang'), text });
    }
    if (fault === 'slow') {
      const timer = setTimeout(() => {
        slowTimers.delete(timer);
        if (!response.destroyed) reply(200);
      }, options.slowMs);
      slowTimers.add(timer);
      return;
    }
    answeredInTime.add(seq);
    reply(200);
  }

  let open = 0;
  const server = createServer((request, response) => {
    if (request.method === 'POST') {
      open += 1;
      standIn.mostAtOnce = Math.max(standIn.mostAtOnce, open);
      response.once('close', () => (open -= 1));
    }
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    // Only a post received whole counts: one cut off by a killed sender never arrived.
    request.on('end', () => handle(request, response, Buffer.concat(chunks)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  standIn.tokenUrl = `http://127.0.0.1:${port}/closedcaption?id=${ID}&ns=TUFHIE1lZXRpbmc&expire=86400&spparams=id%2Cns%2Cexpire&signature=${SIGNATURE}`;
  return standIn;
}
