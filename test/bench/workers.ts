/** The parent's side of the client workers: forks them, sends requests, merges answers. */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type {
  ClientMode,
  ClientSpec,
  CommandOutcome,
  ConnectRequest,
  ConnectResult,
  Receipts,
  ReconnectResult,
  ScheduledCommand,
  StatusResult,
  WaitSeqResult,
  WorkerMessage,
  WorkerRequest,
} from './ipc.ts';
import { withTimeout } from './stats.ts';
import { toClientCore } from './pinning.ts';

const WORKER = fileURLToPath(new URL('./worker.ts', import.meta.url));

class Worker {
  readonly child: ChildProcess;
  #nextId = 1;
  readonly #pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  /** Client indexes held by this worker. */
  readonly idxs = new Set<number>();

  constructor(readonly index: number) {
    this.child = fork(WORKER, [], {
      execArgv: ['--import', 'tsx', '--max-old-space-size=4096'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      serialization: 'advanced',
    });
    toClientCore(this.child.pid);
    this.child.on('message', (message: WorkerMessage) => {
      const pending = this.#pending.get(message.id);
      if (!pending) return;
      this.#pending.delete(message.id);
      if (message.ok) pending.resolve(message.result);
      else pending.reject(new Error(`worker ${this.index}: ${message.error}`));
    });
    this.child.on('exit', (code) => {
      for (const pending of this.#pending.values()) pending.reject(new Error(`worker ${this.index} exited (${code})`));
      this.#pending.clear();
    });
  }

  request<T>(request: WorkerRequest, timeoutMs: number): Promise<T> {
    const id = this.#nextId++;
    const answer = new Promise<T>((resolve, reject) => {
      this.#pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.child.send({ id, request });
    });
    return withTimeout(answer, timeoutMs, `worker ${this.index} ${request.op}`);
  }
}

export class WorkerPool {
  readonly workers: Worker[];

  constructor(count: number) {
    this.workers = Array.from({ length: count }, (_, index) => new Worker(index));
  }

  pids(): number[] {
    return this.workers.map((worker) => worker.child.pid ?? 0).filter(Boolean);
  }

  #owner(idx: number): Worker {
    const worker = this.workers.find((candidate) => candidate.idxs.has(idx));
    if (!worker) throw new Error(`no worker holds client ${idx}`);
    return worker;
  }

  /**
   * Connects each group of clients from its own worker (`groups[i]` from worker i);
   * `concurrency` is the total number of handshakes in flight.
   */
  async connect(
    url: string,
    mode: ClientMode,
    groups: ClientSpec[][],
    concurrency: number,
    timeoutMs: number,
    storm?: ConnectRequest['storm'],
  ): Promise<ConnectResult> {
    if (groups.length > this.workers.length) throw new Error('more client groups than workers');
    const total = groups.reduce((sum, group) => sum + group.length, 0);
    const results = await Promise.all(
      groups.map((mine, index) => {
        const worker = this.workers[index]!;
        for (const client of mine) worker.idxs.add(client.idx);
        if (mine.length === 0) {
          const nothing: ConnectResult = { joinMs: [], failed: 0, errors: [], elapsedMs: 0, enterBytes: [], lastLiveAt: 0 };
          return nothing;
        }
        const share = Math.max(1, Math.round((concurrency * mine.length) / total));
        return worker.request<ConnectResult>(
          { op: 'connect', url, mode, clients: mine, concurrency: share, timeoutMs, ...(storm && { storm }) },
          timeoutMs + (storm?.spreadMs ?? 0) + 30_000,
        );
      }),
    );
    return {
      joinMs: results.flatMap((result) => result.joinMs),
      failed: results.reduce((sum, result) => sum + result.failed, 0),
      errors: results.flatMap((result) => result.errors).slice(0, 5),
      elapsedMs: Math.max(...results.map((result) => result.elapsedMs)),
      enterBytes: results.flatMap((result) => result.enterBytes),
      sampleEnter: results.find((result) => result.sampleEnter !== undefined)?.sampleEnter,
      lastLiveAt: Math.max(...results.map((result) => result.lastLiveAt)),
    };
  }

  async waitSeq(targets: Record<string, number>, timeoutMs: number): Promise<WaitSeqResult> {
    const results = await Promise.all(
      this.workers.map((worker) => worker.request<WaitSeqResult>({ op: 'waitSeq', targets, timeoutMs }, timeoutMs + 30_000)),
    );
    return {
      reached: results.reduce((sum, result) => sum + result.reached, 0),
      lagging: results.reduce((sum, result) => sum + result.lagging, 0),
      minSeq: Math.min(...results.map((result) => result.minSeq)),
    };
  }

  /** Sends each command from the worker holding its client, at its time. */
  async commands(schedule: ScheduledCommand[], timeoutMs: number): Promise<CommandOutcome[]> {
    const byWorker = new Map<Worker, ScheduledCommand[]>();
    for (const item of schedule) {
      const worker = this.#owner(item.idx);
      byWorker.set(worker, [...(byWorker.get(worker) ?? []), item]);
    }
    const last = Math.max(...schedule.map((item) => item.at));
    const waitMs = Math.max(0, last - Date.now()) + timeoutMs + 30_000;
    const results = await Promise.all(
      [...byWorker].map(([worker, items]) => worker.request<CommandOutcome[]>({ op: 'commands', schedule: items, timeoutMs }, waitMs)),
    );
    return results.flat();
  }

  async drop(idxs: number[]): Promise<number[]> {
    const results = await Promise.all(
      this.workers.map((worker) => {
        const mine = idxs.filter((idx) => worker.idxs.has(idx));
        return mine.length ? worker.request<{ seqs: number[] }>({ op: 'drop', idxs: mine }, 30_000) : { seqs: [] };
      }),
    );
    return results.flatMap((result) => result.seqs);
  }

  async reconnect(idxs: number[], start: number, spreadMs: number, targetSeq: number, timeoutMs: number): Promise<ReconnectResult> {
    const results = await Promise.all(
      this.workers.map((worker) => {
        const mine = idxs.filter((idx) => worker.idxs.has(idx));
        if (!mine.length) return { catchUpMs: [], viaEvents: 0, viaSnapshot: 0, failed: 0 } satisfies ReconnectResult;
        return worker.request<ReconnectResult>(
          { op: 'reconnect', idxs: mine, start, spreadMs, targetSeq, timeoutMs },
          spreadMs + timeoutMs + 60_000,
        );
      }),
    );
    return {
      catchUpMs: results.flatMap((result) => result.catchUpMs),
      viaEvents: results.reduce((sum, result) => sum + result.viaEvents, 0),
      viaSnapshot: results.reduce((sum, result) => sum + result.viaSnapshot, 0),
      failed: results.reduce((sum, result) => sum + result.failed, 0),
    };
  }

  /** Receipt times from every worker, merged per key; the workers forget them. */
  async collect(): Promise<Map<string, number[]>> {
    const results = await Promise.all(this.workers.map((worker) => worker.request<Receipts>({ op: 'collect' }, 120_000)));
    const merged = new Map<string, number[]>();
    for (const result of results) {
      for (const [key, times] of Object.entries(result)) {
        const into = merged.get(key);
        if (into) into.push(...times);
        else merged.set(key, [...times]);
      }
    }
    return merged;
  }

  async status(): Promise<StatusResult> {
    const results = await Promise.all(this.workers.map((worker) => worker.request<StatusResult>({ op: 'status' }, 30_000)));
    return {
      clients: results.reduce((sum, result) => sum + result.clients, 0),
      live: results.reduce((sum, result) => sum + result.live, 0),
      rssBytes: results.reduce((sum, result) => sum + result.rssBytes, 0),
    };
  }

  /** Closes every connection (the workers stay, for the next scenario). */
  async closeClients(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.request({ op: 'close' }, 60_000)));
    for (const worker of this.workers) worker.idxs.clear();
  }

  async stop(): Promise<void> {
    for (const worker of this.workers) {
      worker.child.disconnect?.();
      worker.child.kill('SIGTERM');
    }
  }
}

/** Splits clients into `count` contiguous groups (so that a small meeting stays in one worker). */
export function spread<T>(clients: T[], count: number): T[][] {
  const per = Math.ceil(clients.length / count);
  return Array.from({ length: count }, (_, index) => clients.slice(index * per, (index + 1) * per));
}
