/**
 * Preloaded into the benchmarked server processes (`node --expose-gc --import`), not part
 * of the server: a full garbage collection on SIGUSR2, so that memory per client is read
 * from live memory rather than from whenever the collector last ran.
 */
const collect = (globalThis as { gc?: () => void }).gc;
process.on('SIGUSR2', () => {
  collect?.();
  collect?.();
});
