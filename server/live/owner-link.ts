/**
 * The processes of one deployment reach a meeting's owner through Socket.IO's PostgreSQL
 * adapter (server-to-server messages over LISTEN/NOTIFY, no other service to run):
 *
 * - `owner:request` carries a command from the process its sender is connected to, to the
 *   owner; `owner:answer` brings the owner's verdict back, addressed to that one process.
 * - `owner:events` hands the events the owner stored to every replica, which applies them by
 *   seq and broadcasts them to its own connections.
 *
 * Not `serverSideEmit` with an acknowledgement: that waits for an answer from every process
 * (N − 1 answers per command, each sent to all), and a process that died holds every command
 * up until the adapter's heartbeat gives it up (10 s). Here only the owner answers, and a
 * request it does not answer in `FORWARD_TIMEOUT_MS` is asked again of whoever owns the
 * meeting then, with the same command id.
 */
import { randomUUID } from 'node:crypto';
import type { MeetingServer } from './socket-server.ts';
import type { MeetingRooms, OwnerAnswer, OwnerLink, OwnerRequest } from './meeting-rooms.ts';
import type { StoredEvent } from './event-store.ts';
import { MeetingLeases } from './meeting-leases.ts';
import type { Database } from '../db/open.ts';

/** How long a process waits for the owner's answer before asking who owns the meeting now. */
export const FORWARD_TIMEOUT_MS = 3_000;

/** Messages between processes about owned meetings (added to the adapter's server-side events). */
export interface OwnerEvents {
  'owner:request': (to: string, from: string, requestId: string, request: OwnerRequest) => void;
  'owner:answer': (to: string, requestId: string, answer: OwnerAnswer) => void;
  'owner:events': (meetingId: string, stored: StoredEvent[]) => void;
}

export function linkOwners(
  io: MeetingServer,
  db: Database,
  rooms: MeetingRooms,
  onError: (error: unknown, what: string) => void,
): OwnerLink & { close(): Promise<void> } {
  const processId = randomUUID();
  const leases = new MeetingLeases(db, processId, undefined, (error) => onError(error, 'meeting leases not renewed'));
  const waiting = new Map<string, (answer: OwnerAnswer | undefined) => void>();
  const emit = <E extends keyof OwnerEvents>(event: E, ...args: Parameters<OwnerEvents[E]>) =>
    (io.serverSideEmit as (event: string, ...args: unknown[]) => boolean)(event, ...args);
  const on = <E extends keyof OwnerEvents>(event: E, listener: OwnerEvents[E]) => io.on(event, listener as never);

  on('owner:request', (to, from, requestId, request) => {
    if (to !== processId) return;
    rooms.answer(request).then(
      (answer) => emit('owner:answer', from, requestId, answer),
      (error: unknown) => {
        onError(error, 'forwarded command failed');
        emit('owner:answer', from, requestId, {
          ok: false,
          code: 'internal',
          error: 'The server failed to handle this; nothing was changed.',
        });
      },
    );
  });
  on('owner:answer', (to, requestId, answer) => {
    if (to === processId) waiting.get(requestId)?.(answer);
  });
  on('owner:events', (meetingId, stored) => rooms.received(meetingId, stored));

  const link: OwnerLink = {
    leases,
    forward(owner, request) {
      const requestId = randomUUID();
      return new Promise((resolve) => {
        const timer = setTimeout(() => settle(undefined), FORWARD_TIMEOUT_MS);
        const settle = (answer: OwnerAnswer | undefined) => {
          clearTimeout(timer);
          waiting.delete(requestId);
          resolve(answer);
        };
        waiting.set(requestId, settle);
        emit('owner:request', owner, processId, requestId, request);
      });
    },
    publish(meetingId, stored) {
      emit('owner:events', meetingId, stored);
    },
  };
  rooms.link(link);
  return {
    ...link,
    async close() {
      for (const settle of waiting.values()) settle(undefined);
      await leases.close();
    },
  };
}
