/**
 * The replica's socket (replica-socket.ts) over a socket.io client: the one place that
 * knows socket.io's disconnect reasons, `connect_error` data and acknowledgement timeouts.
 */
import type { Socket } from 'socket.io-client';
import type { ClientToServerEvents, ConnectionRefusal, ServerToClientEvents } from '../protocol.ts';
import type { DisconnectCause, ReplicaSocket, ReplicaSocketEvent, ReplicaSocketEvents } from './replica-socket.ts';

export type MeetingSocketClient = Socket<ServerToClientEvents, ClientToServerEvents>;

type Listener = (...args: never[]) => void;

export function socketIoReplicaSocket(socket: MeetingSocketClient): ReplicaSocket {
  /** The socket.io listener standing for each of the replica's, to remove it again. */
  const wrapped = new Map<Listener, Listener>();
  const translate = <E extends ReplicaSocketEvent>(event: E, listener: ReplicaSocketEvents[E]): Listener => {
    if (event === 'disconnect') {
      const heard = listener as ReplicaSocketEvents['disconnect'];
      return ((reason: Socket.DisconnectReason) => heard(disconnectCause(reason))) as Listener;
    }
    if (event === 'connect_error') {
      const heard = listener as ReplicaSocketEvents['connect_error'];
      return ((error: Error & { data?: Partial<ConnectionRefusal> }) =>
        heard({
          retrying: socket.active,
          code: error.data?.code ?? 'internal',
          reason: error.data?.reason ?? error.message,
        })) as Listener;
    }
    return listener as Listener;
  };
  const raw = socket as unknown as { on(event: string, listener: Listener): void; off(event: string, listener: Listener): void };
  return {
    get connected() {
      return socket.connected;
    },
    request(event, payload, timeoutMs) {
      return (socket.timeout(timeoutMs).emitWithAck as (event: string, payload: unknown) => Promise<never>)(event, payload);
    },
    on(event, listener) {
      const inner = translate(event, listener);
      wrapped.set(listener as Listener, inner);
      raw.on(event, inner);
    },
    off(event, listener) {
      const inner = wrapped.get(listener as Listener);
      if (!inner) return;
      wrapped.delete(listener as Listener);
      raw.off(event, inner);
    },
    connect() {
      if (!socket.connected) socket.connect();
    },
    drop() {
      if (socket.connected) socket.io.engine?.close();
    },
    disconnect() {
      socket.disconnect();
    },
  };
}

function disconnectCause(reason: Socket.DisconnectReason): DisconnectCause {
  if (reason === 'io server disconnect') return 'server';
  if (reason === 'io client disconnect') return 'client';
  return 'network';
}
