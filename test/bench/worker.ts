/**
 * A benchmark client worker: holds a few hundred to a thousand real socket.io-client
 * connections (WebSocket only, the session cookie in the handshake, Origin = the server)
 * and reports to the parent, over IPC, when each client received what.
 *
 * EqualFloor clients keep a light replica: the same protocol as shared/sync/replica.ts
 * (enter with afterSeq, hold events while entering, resync on a gap, apply with the shared
 * reducer), but the states are shared between the clients of one worker and meeting: every
 * participant is sent the same events, so the state after seq N is the same object for all
 * of them. That keeps 5 000 replicas of a 5 000-person meeting within memory.
 *
 * Baseline clients connect to the bare socket.io server and only record receipt times.
 */
import { io, type Socket } from 'socket.io-client';
import {
  PROTOCOL_VERSION,
  type AckResult,
  type ClientToServerEvents,
  type EnteredMeeting,
  type MeetingSync,
  type ServerToClientEvents,
} from '../../shared/protocol.ts';
import { applyEvent } from '../../shared/meeting/reducer.ts';
import type { MeetingEvent, MeetingState } from '../../shared/meeting/types.ts';
import type { CaptionDraft, CaptionSegment } from '../../shared/captions.ts';
import type {
  ClientMode,
  ClientSpec,
  CommandOutcome,
  CommandsRequest,
  ConnectRequest,
  ConnectResult,
  DropRequest,
  Receipts,
  ReconnectRequest,
  ReconnectResult,
  StatusResult,
  WaitSeqRequest,
  WaitSeqResult,
  WorkerMessage,
  WorkerRequest,
} from './ipc.ts';
import { now, sleep, sleepUntil } from './stats.ts';

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const ENTER_TIMEOUT_MS = 30_000;

/** States by seq per meeting, shared by this worker's clients (bounded). */
class SharedStates {
  readonly #byMeeting = new Map<string, Map<number, MeetingState>>();

  #of(meetingId: string): Map<number, MeetingState> {
    let states = this.#byMeeting.get(meetingId);
    if (!states) this.#byMeeting.set(meetingId, (states = new Map()));
    return states;
  }

  /** The shared object for a state received whole (a snapshot). */
  adopt(state: MeetingState): MeetingState {
    const states = this.#of(state.meetingId);
    const known = states.get(state.seq);
    if (known) return known;
    this.#keep(states, state);
    return state;
  }

  next(state: MeetingState, event: MeetingEvent): MeetingState {
    const states = this.#of(state.meetingId);
    const known = states.get(event.seq);
    if (known) return known;
    const next = applyEvent(state, event);
    this.#keep(states, next);
    return next;
  }

  #keep(states: Map<number, MeetingState>, state: MeetingState): void {
    states.set(state.seq, state);
    if (states.size > 64) {
      const oldest = Math.min(...states.keys());
      states.delete(oldest);
    }
  }
}

const shared = new SharedStates();
let receipts = new Map<string, number[]>();

function record(key: string, at: number): void {
  let times = receipts.get(key);
  if (!times) receipts.set(key, (times = []));
  times.push(at);
}

class BenchClient {
  socket: ClientSocket | undefined;
  state: MeetingState | undefined;
  live = false;
  #entering = false;
  #syncing = false;
  #held: MeetingEvent[] = [];
  #lastDraft: string | null = null;
  /** Called whenever the client becomes live or its seq moves. */
  onChange: (() => void) | undefined;
  lastEnter: 'events' | 'snapshot' | undefined;

  constructor(
    readonly spec: ClientSpec,
    readonly mode: ClientMode,
  ) {}

  /** Baseline clients: the highest broadcast number received (they arrive in order). */
  baselineSeq = 0;

  get seq(): number {
    return this.mode === 'baseline' ? this.baselineSeq : (this.state?.seq ?? 0);
  }

  open(url: string): void {
    const socket: ClientSocket = io(url, {
      transports: ['websocket'],
      forceNew: true,
      reconnection: true,
      reconnectionDelay: 500,
      reconnectionDelayMax: 5_000,
      randomizationFactor: 0.5,
      timeout: 30_000,
      extraHeaders: { origin: url, ...(this.spec.cookie ? { cookie: this.spec.cookie } : {}) },
    });
    this.socket = socket;
    socket.on('disconnect', () => {
      this.live = false;
    });
    socket.on('captions:segment', ({ segment }: { segment: CaptionSegment }) => record(`s:${segment.text}`, now()));
    socket.on('captions:draft', ({ draft }: { draft: CaptionDraft | null }) => {
      const text = draft?.text ?? null;
      if (text === null || text === this.#lastDraft) return;
      this.#lastDraft = text;
      record(`d:${text}`, now());
    });
    if (this.mode === 'baseline') {
      socket.on('connect', () => void this.#enterBaseline());
      socket.on('meeting:events', ({ events }) => {
        const at = now();
        record('m', at);
        for (const event of events) {
          record(`b:${event.seq}`, at);
          if (event.seq > this.baselineSeq) this.baselineSeq = event.seq;
        }
        this.onChange?.();
      });
      return;
    }
    socket.on('connect', () => void this.#enter());
    socket.on('meeting:events', ({ meetingId, events }) => {
      record('m', now());
      if (meetingId === this.spec.meetingId) this.#receive(events);
    });
  }

  /** The bare server answers `meeting:enter` with the answer EqualFloor gave a member: the client holds it, as a join. */
  async #enterBaseline(): Promise<void> {
    const socket = this.socket!;
    try {
      const answer: unknown = await socket
        .timeout(ENTER_TIMEOUT_MS)
        .emitWithAck('meeting:enter', { meetingId: this.spec.meetingId, afterSeq: this.seq, protocolVersion: PROTOCOL_VERSION });
      noteEnter(answer);
    } catch {
      if (socket.connected) socket.io.engine?.close();
      return;
    }
    this.live = true;
    this.onChange?.();
  }

  async #enter(): Promise<void> {
    const socket = this.socket!;
    this.#entering = true;
    let result: AckResult<EnteredMeeting>;
    try {
      result = await socket.timeout(ENTER_TIMEOUT_MS).emitWithAck('meeting:enter', {
        meetingId: this.spec.meetingId,
        afterSeq: this.seq,
        protocolVersion: PROTOCOL_VERSION,
      });
    } catch {
      this.#entering = false;
      if (socket.connected) socket.io.engine?.close();
      return;
    }
    this.#entering = false;
    noteEnter(result);
    const held = this.#held;
    this.#held = [];
    if (!result.ok) {
      lastErrors.push(`enter refused: ${result.code} ${result.error}`);
      socket.disconnect();
      return;
    }
    this.lastEnter = result.sync.kind;
    this.#applySync(result.sync, this.state !== undefined);
    this.live = true;
    if (held.length > 0) this.#receive(held);
    this.onChange?.();
  }

  #receive(events: MeetingEvent[]): void {
    if (this.#entering || !this.state) {
      this.#held.push(...events);
      return;
    }
    const at = now();
    for (const event of events) {
      if (event.seq <= this.state.seq) continue;
      if (event.seq !== this.state.seq + 1) {
        void this.#resync();
        return;
      }
      this.state = shared.next(this.state, event);
      record(`e:${this.spec.meetingId}:${event.seq}`, at);
    }
    this.onChange?.();
  }

  async #resync(): Promise<void> {
    if (this.#syncing || !this.state) return;
    this.#syncing = true;
    try {
      const result = await this.socket!.timeout(ENTER_TIMEOUT_MS).emitWithAck('meeting:sync', {
        meetingId: this.spec.meetingId,
        afterSeq: this.state.seq,
      });
      if (result.ok) this.#applySync(result.sync, true);
    } catch {
      // A reconnection enters again with the seq held.
    } finally {
      this.#syncing = false;
    }
    this.onChange?.();
  }

  /** Applies a catch-up; `measured` records the seqs it brings (not for a first join). */
  #applySync(sync: MeetingSync, measured: boolean): void {
    const at = now();
    const before = this.seq;
    if (sync.kind === 'snapshot') {
      if (!this.state || sync.state.seq >= this.state.seq) this.state = shared.adopt(sync.state);
    } else if (this.state) {
      for (const event of sync.events) {
        if (event.seq === this.state.seq + 1) this.state = shared.next(this.state, event);
      }
    }
    if (measured) for (let seq = before + 1; seq <= this.seq; seq++) record(`e:${this.spec.meetingId}:${seq}`, at);
  }

  async command(command: CommandsRequest['schedule'][number]['command'], timeoutMs: number) {
    const commandId = `bench${Math.random().toString(36).slice(2, 12)}${Date.now().toString(36)}`;
    const result = await this.socket!.timeout(timeoutMs).emitWithAck('meeting:command', {
      meetingId: this.spec.meetingId,
      commandId,
      command,
    });
    return result;
  }

  close(): void {
    this.socket?.removeAllListeners();
    this.socket?.disconnect();
    this.live = false;
  }
}

const clients = new Map<number, BenchClient>();
let lastErrors: string[] = [];
/** The sizes of the answers to `meeting:enter` since the last connect request, and one of them. */
let enterBytes: number[] = [];
let sampleEnter: unknown;

function noteEnter(answer: unknown): void {
  enterBytes.push(Buffer.byteLength(JSON.stringify(answer)));
  if (sampleEnter === undefined && (answer as { ok?: boolean })?.ok) sampleEnter = answer;
}

async function connect(request: ConnectRequest): Promise<ConnectResult> {
  const started = now();
  const deadline = started + request.timeoutMs;
  const joinMs: number[] = [];
  let failed = 0;
  let lastLiveAt = started;
  lastErrors = [];
  enterBytes = [];
  sampleEnter = undefined;
  let next = 0;
  const one = async (spec: ClientSpec) => {
    const client = new BenchClient(spec, request.mode);
    clients.set(spec.idx, client);
    const openedAt = now();
    const live = new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), Math.max(0, deadline - now()));
      client.onChange = () => {
        if (client.live) {
          clearTimeout(timer);
          client.onChange = undefined;
          resolve(true);
        }
      };
    });
    client.open(request.url);
    client.socket!.on('connect_error', (error) => {
      if (lastErrors.length < 5) lastErrors.push(`connect_error: ${error.message}`);
    });
    if (await live) {
      const liveAt = now();
      lastLiveAt = Math.max(lastLiveAt, liveAt);
      joinMs.push(liveAt - openedAt);
    } else failed += 1;
  };
  const { storm } = request;
  if (storm) {
    // Everyone within the spread, however many are in flight: a join storm.
    next = request.clients.length;
    await Promise.all(
      request.clients.map(async (spec) => {
        await sleepUntil(storm.startAt + Math.random() * storm.spreadMs);
        await one(spec);
      }),
    );
  } else {
    const runners = Array.from({ length: Math.min(request.concurrency, request.clients.length) }, async () => {
      while (next < request.clients.length && now() < deadline) await one(request.clients[next++]!);
    });
    await Promise.all(runners);
  }
  failed += request.clients.length - next;
  return {
    joinMs,
    failed,
    errors: lastErrors.slice(0, 5),
    elapsedMs: now() - started,
    enterBytes,
    ...(sampleEnter !== undefined && { sampleEnter }),
    lastLiveAt,
  };
}

async function waitSeq(request: WaitSeqRequest): Promise<WaitSeqResult> {
  const deadline = now() + request.timeoutMs;
  const mine = [...clients.values()].filter((client) => request.targets[client.spec.meetingId] !== undefined);
  for (;;) {
    const lagging = mine.filter((client) => client.seq < request.targets[client.spec.meetingId]!);
    if (lagging.length === 0 || now() > deadline) {
      const minSeq = lagging.length ? Math.min(...lagging.map((client) => client.seq)) : Number.MAX_SAFE_INTEGER;
      return { reached: mine.length - lagging.length, lagging: lagging.length, minSeq };
    }
    await sleep(20);
  }
}

async function commands(request: CommandsRequest): Promise<CommandOutcome[]> {
  const schedule = [...request.schedule].sort((a, b) => a.at - b.at);
  const outcomes: Promise<CommandOutcome>[] = [];
  for (const item of schedule) {
    await sleepUntil(item.at);
    const client = clients.get(item.idx);
    const sentAt = now();
    const outcome = (async (): Promise<CommandOutcome> => {
      const base = { tag: item.tag, idx: item.idx, meetingId: client?.spec.meetingId ?? '', sentAt };
      if (!client) return { ...base, ackAt: now(), ok: false, seq: null, error: 'no such client' };
      try {
        const result = await client.command(item.command, request.timeoutMs);
        return result.ok
          ? { ...base, ackAt: now(), ok: true, seq: result.seq }
          : { ...base, ackAt: now(), ok: false, seq: null, error: `${result.code}: ${result.error}` };
      } catch (error) {
        return { ...base, ackAt: now(), ok: false, seq: null, error: String(error) };
      }
    })();
    outcomes.push(outcome);
  }
  return Promise.all(outcomes);
}

function drop(request: DropRequest): { seqs: number[] } {
  const seqs: number[] = [];
  for (const idx of request.idxs) {
    const client = clients.get(idx);
    if (!client) continue;
    client.socket?.disconnect();
    client.live = false;
    seqs.push(client.seq);
  }
  return { seqs };
}

async function reconnect(request: ReconnectRequest): Promise<ReconnectResult> {
  const catchUpMs: number[] = [];
  let failed = 0;
  let viaEvents = 0;
  let viaSnapshot = 0;
  await Promise.all(
    request.idxs.map(async (idx) => {
      const client = clients.get(idx);
      if (!client) {
        failed += 1;
        return;
      }
      await sleepUntil(request.start + Math.random() * request.spreadMs);
      const startedAt = now();
      const caughtUp = new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(false), request.timeoutMs);
        client.onChange = () => {
          if (client.live && client.seq >= request.targetSeq) {
            clearTimeout(timer);
            client.onChange = undefined;
            resolve(true);
          }
        };
      });
      client.socket!.connect();
      if (await caughtUp) {
        catchUpMs.push(now() - startedAt);
        if (client.lastEnter === 'snapshot') viaSnapshot += 1;
        else viaEvents += 1;
      } else {
        failed += 1;
      }
    }),
  );
  return { catchUpMs, viaEvents, viaSnapshot, failed };
}

function collect(): Receipts {
  const out: Receipts = {};
  for (const [key, times] of receipts) out[key] = times.map((time) => Math.round(time * 100) / 100);
  receipts = new Map();
  return out;
}

function closeAll(): { closed: number } {
  const count = clients.size;
  for (const client of clients.values()) client.close();
  clients.clear();
  receipts = new Map();
  return { closed: count };
}

function status(): StatusResult {
  let live = 0;
  for (const client of clients.values()) if (client.live) live += 1;
  return { clients: clients.size, live, rssBytes: process.memoryUsage().rss };
}

async function dispatch(request: WorkerRequest): Promise<unknown> {
  switch (request.op) {
    case 'connect':
      return connect(request);
    case 'waitSeq':
      return waitSeq(request);
    case 'commands':
      return commands(request);
    case 'drop':
      return drop(request);
    case 'reconnect':
      return reconnect(request);
    case 'collect':
      return collect();
    case 'close':
      return closeAll();
    case 'status':
      return status();
  }
}

process.on('message', (message: { id: number; request: WorkerRequest }) => {
  dispatch(message.request).then(
    (result) => process.send!({ id: message.id, ok: true, result } satisfies WorkerMessage),
    (error: unknown) =>
      process.send!({ id: message.id, ok: false, error: String((error as Error)?.stack ?? error) } satisfies WorkerMessage),
  );
});
// The parent went away: stop.
process.on('disconnect', () => process.exit(0));
