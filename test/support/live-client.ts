/** A participant's live connection in tests: a real socket.io client and the same replica the browser uses. */
import { io } from 'socket.io-client';
import { MeetingReplica, type ReplicaOptions } from '../../shared/sync/replica.ts';
import { socketIoReplicaSocket, type MeetingSocketClient } from '../../shared/sync/socket-io-adapter.ts';
import type { CommandInput } from '../../shared/meeting/commands.ts';
import { PROTOCOL_VERSION } from '../../shared/protocol.ts';
import type { HttpClient } from './http-client.ts';

export interface LiveClient {
  replica: MeetingReplica;
  socket: MeetingSocketClient;
  /** Sends a command, fails the test if it is refused, and waits until this client holds its result. */
  command(command: CommandInput): Promise<number>;
  close(): void;
}

export function connectLive(
  baseUrl: string,
  browser: HttpClient,
  meetingId: string,
  options: { reconnection?: boolean; replica?: ReplicaOptions } = {},
): LiveClient {
  const socket: MeetingSocketClient = io(baseUrl, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: options.reconnection ?? true,
    reconnectionDelay: 100,
    reconnectionDelayMax: 500,
    extraHeaders: { origin: browser.origin ?? baseUrl, ...(browser.cookie ? { cookie: browser.cookie } : {}) },
  });
  const replica = new MeetingReplica(socketIoReplicaSocket(socket), meetingId, options.replica);
  return {
    replica,
    socket,
    async command(command) {
      const result = await replica.send(command);
      if (!result.ok) throw new Error(`${command.type} refused: ${result.code} ${result.error}`);
      await waitUntil(() => (replica.state?.seq ?? 0) >= result.seq, `own ${command.type} applied`);
      return result.seq;
    },
    close() {
      socket.disconnect();
    },
  };
}

/** Waits until `check` holds, polling; fails with `what` after the timeout. */
export async function waitUntil(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Waits until every client holds the meeting at `seq`. */
export function waitForSeq(clients: LiveClient[], seq: number, timeoutMs = 10_000): Promise<void> {
  return waitUntil(
    () => clients.every((client) => client.replica.status.state === 'live' && client.replica.state?.seq === seq),
    `all clients at seq ${seq} (have ${clients.map((client) => client.replica.state?.seq).join(',')})`,
    timeoutMs,
  );
}

/** A raw socket of a browser, entered in the meeting (for caption writes, which the replica does not send). */
export async function enteredSocket(baseUrl: string, browser: HttpClient, meetingId: string): Promise<MeetingSocketClient> {
  const socket: MeetingSocketClient = io(baseUrl, {
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    extraHeaders: { origin: baseUrl, ...(browser.cookie ? { cookie: browser.cookie } : {}) },
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('connect_error', reject);
  });
  const entered = await socket.emitWithAck('meeting:enter', { meetingId, protocolVersion: PROTOCOL_VERSION });
  if (!entered.ok) throw new Error(`enter refused: ${entered.error}`);
  return socket;
}
