/**
 * A stand-in for YouTube Live's closed-caption ingestion in the test process, in its documented
 * shape: the stream's ingestion URL (`/closedcaption?cid=…`); a caption is a POST of text/plain
 * UTF-8 to it with `&seq=N`, its body one or more pairs of lines — a UTC timestamp
 * `YYYY-MM-DDTHH:MM:SS.mmm`, then the text (`<br>` for a line break). A timestamp more than 60 s
 * off the stand-in's clock (which may be set off ours by `skewMs`) is refused with 400; every
 * answer's body is the stand-in's time as a timestamp line. An empty body is a heartbeat. A seq
 * already shown (a retry) is answered 200 and shown once. 403 for a wrong cid or a missing seq,
 * 405 for another method. Faults can be queued for the next caption posts: an error status, or
 * a slow answer (shown, then answered after `slowMs`, beyond the sender's time-out).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Fault } from './zoom-stand-in.ts';

export interface YouTubeCaption {
  seq: number;
  /** The caption's timestamp, on the stand-in's clock (ms). */
  at: number;
  text: string;
}

export interface YouTubePost {
  seq: number | null;
  body: string;
  contentType: string | undefined;
  status: number;
  heartbeat: boolean;
  /** How far the post's timestamps were from the stand-in's clock when it came (ms). */
  offBy: number[];
}

export interface YouTubeStandIn {
  ingestionUrl: string;
  /** The stand-in's clock minus the test process's. */
  skewMs: number;
  shown: YouTubeCaption[];
  posts: YouTubePost[];
  failNext(...faults: Fault[]): void;
  close(): Promise<void>;
}

const CID = 'abcd-efgh-ijkl-mnop-qrst';
const WINDOW_MS = 60_000;
const TIMESTAMP = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3})(?: region:\S+)?$/;

export async function startYouTubeStandIn(options: { skewMs?: number; slowMs?: number } = {}): Promise<YouTubeStandIn> {
  const faults: Fault[] = [];
  const slowTimers = new Set<ReturnType<typeof setTimeout>>();
  const shownSeqs = new Set<number>();
  const now = () => Date.now() + standIn.skewMs;

  const standIn: YouTubeStandIn = {
    ingestionUrl: '',
    skewMs: options.skewMs ?? 0,
    shown: [],
    posts: [],
    failNext: (...more) => faults.push(...more),
    close: async () => {
      for (const timer of slowTimers) clearTimeout(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };

  const stamp = () => `${new Date(now()).toISOString().slice(0, 23)}\n`;

  /** The body's captions, or why it is refused. */
  function parse(body: string): { at: number; text: string }[] | string {
    const lines = body.replace(/\r\n/g, '\n').replace(/\n$/, '').split('\n');
    if (lines.length % 2 !== 0) return 'a timestamp without its caption';
    const captions: { at: number; text: string }[] = [];
    for (let index = 0; index < lines.length; index += 2) {
      const match = TIMESTAMP.exec(lines[index]!);
      if (!match) return `not a timestamp: ${lines[index]}`;
      captions.push({ at: Date.parse(`${match[1]}Z`), text: lines[index + 1]! });
    }
    return captions;
  }

  function answer(response: ServerResponse, status: number) {
    response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' }).end(stamp());
  }

  function handle(request: IncomingMessage, response: ServerResponse, raw: Buffer) {
    const url = new URL(request.url ?? '/', 'http://stand-in');
    if (url.pathname !== '/closedcaption') return answer(response, 404);
    if (request.method !== 'POST') return answer(response, 405);
    const seqText = url.searchParams.get('seq');
    const seq = seqText !== null && /^\d+$/.test(seqText) ? Number(seqText) : null;
    const body = new TextDecoder('utf-8', { fatal: true }).decode(raw);
    const post: YouTubePost = {
      seq,
      body,
      contentType: request.headers['content-type'],
      status: 0,
      heartbeat: body.trim() === '',
      offBy: [],
    };
    standIn.posts.push(post);
    const reply = (status: number) => {
      post.status = status;
      answer(response, status);
    };
    if (url.searchParams.get('cid') !== CID || seq === null) return reply(403);
    if (!request.headers['content-type']?.startsWith('text/plain')) return reply(400);
    if (post.heartbeat) return reply(200);
    const captions = parse(body);
    if (typeof captions === 'string') return reply(400);
    const clock = now();
    post.offBy = captions.map((caption) => caption.at - clock);
    if (post.offBy.some((off) => Math.abs(off) > WINDOW_MS)) return reply(400);
    const fault = faults.shift();
    if (typeof fault === 'number') return reply(fault);
    if (!shownSeqs.has(seq)) {
      shownSeqs.add(seq);
      for (const caption of captions) standIn.shown.push({ seq, ...caption });
    }
    if (fault === 'slow') {
      const timer = setTimeout(() => {
        slowTimers.delete(timer);
        if (!response.destroyed) reply(200);
      }, options.slowMs ?? 7_000);
      slowTimers.add(timer);
      return;
    }
    reply(200);
  }

  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    // Only a post received whole counts: one cut off by a killed sender never arrived.
    request.on('end', () => handle(request, response, Buffer.concat(chunks)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  standIn.ingestionUrl = `http://127.0.0.1:${port}/closedcaption?cid=${CID}`;
  return standIn;
}
