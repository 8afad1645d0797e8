/**
 * A Server-Sent Events reader for tests, as a tool would hold one: it reads the stream's events
 * (`id:`, `event:`, `data:`) and comment lines as they come, and can wait for one.
 */
export interface StreamEvent {
  id?: string;
  event: string;
  data: string;
}

export interface EventStream {
  status: number;
  contentType: string | null;
  allowOrigin: string | null;
  events: StreamEvent[];
  comments: string[];
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  waitFor(check: (events: StreamEvent[]) => boolean, what: string, timeoutMs?: number): Promise<void>;
  close(): void;
}

export async function openEventStream(url: string, headers: Record<string, string> = {}): Promise<EventStream> {
  const abort = new AbortController();
  const response = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: abort.signal });
  const events: StreamEvent[] = [];
  const comments: string[] = [];
  const ended = (async () => {
    if (!response.ok || !response.body) return;
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      const reader = response.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event: StreamEvent = { event: 'message', data: '' };
          let isEvent = false;
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) comments.push(line.slice(1).trim());
            const match = /^(id|event|data): ?(.*)$/.exec(line);
            if (!match) continue;
            isEvent = true;
            if (match[1] === 'id') event.id = match[2];
            else if (match[1] === 'event') event.event = match[2]!;
            else event.data += match[2];
          }
          if (isEvent) events.push(event);
        }
      }
    } catch {
      // Closed by this side.
    }
  })();
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    allowOrigin: response.headers.get('access-control-allow-origin'),
    events,
    comments,
    ended,
    async waitFor(check, what, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (!check(events)) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for: ${what} (have ${JSON.stringify(events)})`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    close: () => abort.abort(),
  };
}
