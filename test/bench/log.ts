/** Progress lines of the benchmark run. */
export const log = (message: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${message}`);
