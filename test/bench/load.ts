/**
 * How busy the machine is, from /proc (Linux): the benchmarks share two cores with
 * whatever else runs, so each measured phase records the CPU used by other processes,
 * and the run waits (bounded) for a quiet machine before each scenario.
 */
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { log } from './log.ts';
import { sleep } from './stats.ts';

const TICKS_PER_SECOND = 100;

function machineTicks(): { total: number; idle: number } | undefined {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    const total = fields.reduce((sum, value) => sum + value, 0);
    return { total, idle: (fields[3] ?? 0) + (fields[4] ?? 0) };
  } catch {
    return undefined;
  }
}

function processTicks(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of the whole line, 12 and 13 after the command name.
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0;
  }
}

export interface LoadFigures {
  /** Cores busy on the whole machine during the phase. */
  machineCores: number;
  /** Of which the benchmark's own processes (server, client workers, this one). */
  benchCores: number;
  /** Of which everything else on the machine. */
  otherCores: number;
}

/** Measures machine and benchmark CPU between `start` and `stop`. */
export class LoadMeter {
  #machine = machineTicks();
  #ours = 0;
  #startedAt = performance.now();

  constructor(private readonly pids: () => number[]) {
    this.#ours = this.#ourTicks();
  }

  #ourTicks(): number {
    return this.pids().reduce((sum, pid) => sum + processTicks(pid), 0);
  }

  stop(): LoadFigures | undefined {
    const machine = machineTicks();
    if (!machine || !this.#machine) return undefined;
    const seconds = (performance.now() - this.#startedAt) / 1000;
    const share = (machine.total - this.#machine.total - (machine.idle - this.#machine.idle)) / (machine.total - this.#machine.total);
    const machineCores = share * cpus().length;
    const benchCores = (this.#ourTicks() - this.#ours) / TICKS_PER_SECOND / seconds;
    const round = (value: number) => Math.round(value * 100) / 100;
    return { machineCores: round(machineCores), benchCores: round(benchCores), otherCores: round(Math.max(0, machineCores - benchCores)) };
  }
}

/** Cores busy on the machine over `ms`. */
export async function busyCores(ms = 2_000): Promise<number> {
  const meter = new LoadMeter(() => []);
  await sleep(ms);
  return meter.stop()?.machineCores ?? 0;
}

/** Waits, at most `maxWaitMs`, until the machine is nearly idle; answers how busy it was at the end. */
export async function waitForQuiet(maxWaitMs: number, threshold = 0.3): Promise<number> {
  const deadline = Date.now() + maxWaitMs;
  let busy = await busyCores();
  let told = false;
  while (busy > threshold && Date.now() < deadline) {
    if (!told)
      log(`the machine is busy (${busy.toFixed(2)} cores used by other processes): waiting up to ${Math.round(maxWaitMs / 1000)} s`);
    told = true;
    busy = await busyCores();
  }
  return Math.round(busy * 100) / 100;
}
