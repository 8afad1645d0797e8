/**
 * The meeting page's live state: the shared replica (shared/sync/replica.ts) over socket.io,
 * made reactive, plus the server's clock (client/live/server-clock.svelte.ts), which ticks on the
 * server's second while the page is open, so timers render from data, every screen shows
 * the same second, and nothing is sent every second.
 */
import { io } from 'socket.io-client';
import { MeetingReplica, type ReplicaStatus } from '../../shared/sync/replica.ts';
import { socketIoReplicaSocket, type MeetingSocketClient } from '../../shared/sync/socket-io-adapter.ts';
import type { CommandInput } from '../../shared/meeting/commands.ts';
import type { MeetingState } from '../../shared/meeting/types.ts';
import type { AckResult, MeetingPresence } from '../../shared/protocol.ts';
import type { MeetingAccessRole } from '../../shared/domain.ts';
import { isLeading } from '../../shared/meeting/permissions.ts';
import { t } from '../i18n/i18n.svelte.ts';
import { ServerClock } from './server-clock.svelte.ts';
import { clearOutdatedReload, reloadOnceWhenOutdated } from '../app/outdated-reload.ts';
import { refusalText } from './refusal-text.ts';

export class LiveMeeting {
  state = $state.raw<MeetingState | undefined>();
  status = $state.raw<ReplicaStatus>({ state: 'connecting' });
  presence = $state.raw<MeetingPresence | undefined>();
  role = $state<MeetingAccessRole | undefined>();
  participantId = $state<string | null>(null);
  readonly clock = new ServerClock();
  /** The server's second (ms since epoch), changing on the server's second boundary. */
  get now(): number {
    return this.clock.now;
  }
  /** The last refusal of a command sent from this page, in the interface's language. */
  lastError = $state<string | undefined>();

  readonly leading = $derived(this.role !== undefined && isLeading(this.role));
  readonly you = $derived(this.participantId && this.state ? this.state.participants[this.participantId] : undefined);

  #replica: MeetingReplica | undefined;
  #socket: MeetingSocketClient | undefined;
  /** Bumped each time the meeting is (re-)entered, so that features can reload what they hold. */
  entered = $state(0);

  constructor(readonly meetingId: string) {}

  /** The socket, for features that listen on their own (captions). */
  get socket(): MeetingSocketClient | undefined {
    return this.#socket;
  }

  open(): void {
    if (this.#replica) return;
    const socket: MeetingSocketClient = io({ transports: ['websocket', 'polling'] });
    const replica = new MeetingReplica(socketIoReplicaSocket(socket), this.meetingId);
    this.#socket = socket;
    this.#replica = replica;
    let wasLive = false;
    replica.subscribe(() => {
      const isLive = replica.status.state === 'live';
      if (isLive && !wasLive) {
        this.entered += 1;
        clearOutdatedReload();
      }
      wasLive = isLive;
      this.state = replica.state;
      this.status = outdatedStatus(replica.status);
      this.presence = replica.presence;
      this.role = replica.role;
      this.participantId = replica.participantId;
    });
    this.clock.start(socket);
  }

  close(): void {
    this.clock.stop();
    this.#replica?.close();
    this.#socket?.removeAllListeners();
    this.#replica = undefined;
    this.#socket = undefined;
  }

  /** Sends a command; a refusal is kept in `lastError` for the page to show. */
  async send(command: CommandInput): Promise<AckResult<{ seq: number }>> {
    if (!this.#replica) return { ok: false, code: 'unavailable', error: t('common.notConnected') };
    const sent = await this.#replica.send(command);
    const result = sent.ok ? sent : { ...sent, error: refusalText(sent.error) };
    this.lastError = result.ok ? undefined : result.error;
    return result;
  }
}

/**
 * A page older than the server reloads itself, once: it is told so in its own language
 * only when the reload did not help (a cached page), instead of reloading again and again.
 */
function outdatedStatus(status: ReplicaStatus): ReplicaStatus {
  if (status.state !== 'refused' || status.code !== 'client-outdated') return status;
  if (reloadOnceWhenOutdated()) return { state: 'connecting' };
  return { ...status, reason: t('common.clientOutdated') };
}
