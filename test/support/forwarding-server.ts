/**
 * What the caption forwarding tests share besides a restartable server (./restartable-server.ts):
 * captioning software posting lines to the meeting's caption URL, again with the same seq until
 * the server answers.
 */

/** Waits until `probe` gives something other than undefined. */
export async function eventually<T>(probe: () => Promise<T | undefined> | T | undefined, what: string, timeoutMs = 90_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Posts `text` as captioning software would (seq n), again with the same seq until the server answers 200. */
export async function postCaptionLine(captionUrl: string, seq: number, text: string): Promise<void> {
  const target = new URL(captionUrl);
  target.searchParams.set('seq', String(seq));
  for (;;) {
    try {
      const response = await fetch(target, {
        method: 'POST',
        headers: { 'content-type': 'text/plain; charset=utf-8' },
        body: `${text}\n`,
      });
      if (response.status === 200) return;
    } catch {
      // The server is down for a moment: try again with the same seq.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
