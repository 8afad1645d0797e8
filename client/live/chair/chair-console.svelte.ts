/**
 * What the chair console's panels share: sending a command once (a double click or a held
 * key sends it once), the actions that have a keyboard shortcut, and the pending
 * "people are still queued: move on anyway?" question from the server (rule A1).
 */
import type { CommandInput } from '../../../shared/meeting/commands.ts';
import { nextEntry } from '../../../shared/meeting/decide.ts';
import type { MeetingState, QueueEntry } from '../../../shared/meeting/types.ts';
import type { AckResult } from '../../../shared/protocol.ts';
import { announcer } from '../../ui/announcer.svelte.ts';
import { t } from '../../i18n/i18n.svelte.ts';
import { chair } from '../../i18n/chair/index.ts';
import { followingItem, precedingItem } from './chair-helpers.ts';
import { formatDuration } from '../labels.ts';
import type { LiveMeeting } from '../live-meeting.svelte.ts';

type StartItem = Extract<CommandInput, { type: 'agenda.startItem' }>;
type Result = AckResult<{ seq: number }>;

/** What the item being left becomes when the chair moves on. */
export type LeftItemStatus = 'done' | 'deferred' | 'pending';

export class ChairConsoleModel {
  /** A move to another item that the server asked the chair to confirm. */
  confirmation = $state.raw<{ message: string; command: StartItem } | undefined>();
  /** What "Next item" and "Start item N" make of the item being left. */
  leftStatus = $state<LeftItemStatus>('done');
  #inFlight = new Set<string>();

  constructor(readonly live: LiveMeeting) {}

  /** The console renders only once the state has arrived. */
  get state(): MeetingState {
    return this.live.state!;
  }

  get isOpen(): boolean {
    return this.live.state?.phase === 'open';
  }

  /**
   * Sends a command unless the same one (by `key`) is still on its way; announces `success`
   * to screen readers when it is accepted. Refusals land in `live.lastError`.
   */
  async send(command: CommandInput, success?: string, key: string = command.type): Promise<Result> {
    if (this.#inFlight.has(key)) return { ok: false, code: 'conflict', error: chair.t('console.busy') };
    this.#inFlight.add(key);
    try {
      const result = await this.live.send(command);
      if (result.ok && success) announcer.say(success);
      return result;
    } finally {
      this.#inFlight.delete(key);
    }
  }

  dismissError(): void {
    this.live.lastError = undefined;
  }

  // The floor.

  /** Gives the floor to the head of the running item's queue, as this screen shows it (F2: a stale one is refused). */
  async giveNext(): Promise<void> {
    const entry = nextEntry(this.state);
    if (!entry) {
      announcer.say(t('queue.empty'));
      return;
    }
    await this.giveEntry(entry, 'floor.next');
  }

  async giveEntry(entry: QueueEntry, key = `floor.give:${entry.id}`): Promise<Result> {
    return this.send({ type: 'floor.give', entryId: entry.id }, chair.t('shared.hasFloor', { name: entry.name }), key);
  }

  async endSpeech(): Promise<void> {
    const speech = this.state.floor;
    if (!speech) return;
    await this.send({ type: 'floor.end', speechId: speech.id }, chair.t('announce.speechEnded', { name: speech.name }));
  }

  async togglePause(): Promise<void> {
    const speech = this.state.floor;
    if (!speech) return;
    if (speech.timer.pausedAt === null)
      await this.send({ type: 'timer.pause', speechId: speech.id }, chair.t('announce.timerPaused'), 'timer');
    else await this.send({ type: 'timer.resume', speechId: speech.id }, chair.t('announce.timerResumed'), 'timer');
  }

  async extend(seconds: number): Promise<void> {
    const speech = this.state.floor;
    if (!speech || speech.timer.durationMs === null) return;
    await this.send(
      { type: 'timer.extend', speechId: speech.id, seconds },
      chair.t('announce.timeAdded', { duration: formatDuration(seconds * 1000) }),
      'timer',
    );
  }

  // The agenda.

  /** Starts an item; the item being left takes `leftStatus` (or stays pending). Asks for confirmation when the server does. */
  async startItem(itemId: string, left: LeftItemStatus = this.leftStatus): Promise<void> {
    const command: StartItem = {
      type: 'agenda.startItem',
      itemId,
      previousItemStatus: left === 'pending' ? null : left,
    };
    await this.#start(command);
  }

  async nextItem(): Promise<void> {
    const item = followingItem(this.state);
    if (!item) {
      announcer.say(chair.t('announce.noNextItem'));
      return;
    }
    await this.startItem(item.id);
  }

  async previousItem(): Promise<void> {
    const item = precedingItem(this.state);
    if (item) await this.startItem(item.id, 'pending');
  }

  async confirmMoveOn(): Promise<void> {
    const pending = this.confirmation;
    if (!pending) return;
    this.confirmation = undefined;
    await this.#start({ ...pending.command, confirmed: true });
  }

  stay(): void {
    const pending = this.confirmation;
    this.confirmation = undefined;
    if (pending && this.live.lastError === pending.message) this.dismissError();
  }

  async #start(command: StartItem): Promise<void> {
    const item = this.state.agenda.find((candidate) => candidate.id === command.itemId);
    const result = await this.send(
      command,
      item ? chair.t('announce.itemStarted', { number: item.number, title: item.title }) : undefined,
      'agenda.startItem',
    );
    if (!result.ok && result.code === 'needs-confirmation') this.confirmation = { message: result.error, command };
    else if (result.ok) this.confirmation = undefined;
  }
}
