/**
 * Where the benchmark's processes run: with `taskset` (util-linux) and at least two cores, the
 * server under test on CPU 0 and everything of the harness (this process, the client workers,
 * the stand-in destinations) on CPU 1, so that the server's figures are not the clients' too.
 * Without it, everything shares the cores and the report says so.
 */
import { execFileSync } from 'node:child_process';
import { cpus } from 'node:os';

export const SERVER_CPU = 0;
export const CLIENT_CPU = 1;

function hasTaskset(): boolean {
  try {
    execFileSync('taskset', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const cores = cpus().length;
const available = cores >= 2 && process.env.BENCH_UNPINNED !== '1' && hasTaskset();

export const pinning = {
  pinned: available,
  /** For the report: "server on CPU 0, clients on CPU 1" or why not. */
  describe: available
    ? `server on CPU ${SERVER_CPU}, clients on CPU ${CLIENT_CPU}`
    : cores < 2
      ? 'unpinned: one core only'
      : process.env.BENCH_UNPINNED === '1'
        ? 'unpinned: BENCH_UNPINNED=1'
        : 'unpinned: taskset not found',
};

/** The command and arguments that start `command args` on the server's core (or as they are). */
export function onServerCore(command: string, args: string[]): [string, string[]] {
  return pinning.pinned ? ['taskset', ['-c', String(SERVER_CPU), command, ...args]] : [command, args];
}

/** Moves a running process, all its threads, onto the clients' core. */
export function toClientCore(pid: number | undefined): void {
  if (!pinning.pinned || !pid) return;
  execFileSync('taskset', ['-a', '-p', '-c', String(CLIENT_CPU), String(pid)], { stdio: 'ignore' });
}
