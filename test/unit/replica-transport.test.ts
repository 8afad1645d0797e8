/**
 * The client's replica (shared/sync/replica.ts) against an in-memory room that decides with
 * the real rules: what two people see of one meeting as they act on it, when the room
 * refuses, when an event is lost on the way, and when an answer is lost and the command sent
 * again (rules L3, L4 of shared/meeting/SPEC.md). Time moves only by hand.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { queueOf } from '../../shared/meeting/reducer.ts';
import { ACK_TIMEOUT_MS, MeetingReplica, type ReplicaOptions } from '../../shared/sync/replica.ts';
import { FakeClock, MemoryRoom, type MemorySocket } from '../support/memory-room.ts';
import { NAME, T0, meetingOnItem1, type Sender } from '../support/meeting-harness.ts';

const replicas: MeetingReplica[] = [];
afterEach(() => {
  for (const replica of replicas.splice(0)) replica.close();
});

/** A meeting on item 1, the chair Lynn and the member Flávio each on a replica of it. */
async function twoPeople(options: ReplicaOptions = {}) {
  const clock = new FakeClock(T0);
  const room = new MemoryRoom(meetingOnItem1({ now: T0 }), clock);
  const join = (who: Sender) => {
    const socket = room.connect(who);
    const replica = new MeetingReplica(socket, room.meetingId, { clock, ...options });
    replicas.push(replica);
    return { socket, replica };
  };
  const lynn = join('lynn');
  const flavio = join('flavio');
  await room.settle();
  return { clock, room, lynn, flavio };
}

const queueNames = (replica: MeetingReplica) => queueOf(replica.state!, replica.state!.currentItemId!).entries.map((entry) => entry.name);
const chatTexts = (replica: MeetingReplica) => replica.state!.chat.map((message) => message.text);

describe('two replicas of one meeting over an in-memory room', () => {
  it('both people see the same meeting after each of them acts', async () => {
    const { room, lynn, flavio } = await twoPeople();
    expect(lynn.replica.status).toEqual({ state: 'live' });
    expect(flavio.replica.status).toEqual({ state: 'live' });

    expect(await flavio.replica.send({ type: 'queue.raiseHand', note: 'On the BPF timeline' })).toMatchObject({ ok: true });
    await room.settle();
    expect(queueNames(lynn.replica)).toEqual([NAME.flavio]);

    const entryId = queueOf(lynn.replica.state!, 'i1').entries[0]!.id;
    expect(await lynn.replica.send({ type: 'floor.give', entryId })).toMatchObject({ ok: true });
    expect(await flavio.replica.send({ type: 'chat.post', text: 'Slides are in the chat' })).toMatchObject({ ok: true });
    await room.settle();

    for (const { replica } of [lynn, flavio]) {
      expect(replica.state!.floor?.name).toBe(NAME.flavio);
      expect(queueNames(replica)).toEqual([]);
      expect(chatTexts(replica)).toEqual(['Slides are in the chat']);
    }
    expect(lynn.replica.state).toEqual(room.stateFor('lynn'));
    expect(flavio.replica.state).toEqual(room.stateFor('flavio'));
  });

  it('a command the room refuses shows its reason and leaves both screens as the room has the meeting', async () => {
    const { room, lynn, flavio } = await twoPeople();
    const before = structuredClone(room.harness.state);

    const refused = await flavio.replica.send({ type: 'agenda.startItem', itemId: 'i2' });
    await room.settle();

    expect(refused).toMatchObject({ ok: false, code: 'forbidden', error: 'Your role in this meeting does not allow that.' });
    expect(room.harness.state).toEqual(before);
    for (const [who, { replica }] of [
      ['lynn', lynn],
      ['flavio', flavio],
    ] as const) {
      expect(replica.state!.currentItemId).toBe('i1');
      expect(replica.state).toEqual(room.stateFor(who));
      expect(replica.status).toEqual({ state: 'live' });
    }
  });

  it('an event lost on the way makes the replica ask for what it missed, and it shows everything in order', async () => {
    const { room, lynn, flavio } = await twoPeople();
    flavio.socket.eventsToLose = 1;

    await lynn.replica.send({ type: 'chat.post', text: 'Good morning' });
    await room.settle();
    expect(chatTexts(flavio.replica)).toEqual([]);
    const syncsBefore = flavio.socket.sent.filter((event) => event === 'meeting:sync').length;

    await lynn.replica.send({ type: 'chat.post', text: 'Item 1 is open' });
    await room.settle();

    expect(flavio.socket.sent.filter((event) => event === 'meeting:sync').length).toBe(syncsBefore + 1);
    expect(chatTexts(flavio.replica)).toEqual(['Good morning', 'Item 1 is open']);
    expect(flavio.replica.state).toEqual(room.stateFor('flavio'));
    expect(flavio.replica.status).toEqual({ state: 'live' });
  });

  it('a command sent again after its answer was lost is applied once: one hand in the queue', async () => {
    let ids = 0;
    const { clock, room, lynn, flavio } = await twoPeople({ newCommandId: () => `command-${++ids}` });
    flavio.socket.answersToLose = 1;

    const sent = flavio.replica.send({ type: 'queue.raiseHand' });
    await room.settle();
    // The room applied it, but Flávio's screen has no answer yet: after the timeout it sends it again.
    expect(queueNames(lynn.replica)).toEqual([NAME.flavio]);
    clock.advance(ACK_TIMEOUT_MS);
    await room.settle();

    const result = await sent;
    expect(result).toEqual({ ok: true, seq: room.harness.state.seq });
    const flavioCommands = room.received.filter((command) => command.who === 'flavio');
    expect(flavioCommands.map((command) => command.commandId)).toEqual(['command-1', 'command-1']);
    for (const { replica } of [lynn, flavio]) expect(queueNames(replica)).toEqual([NAME.flavio]);
    expect(room.harness.log.filter((event) => event.type === 'queue.handRaised')).toHaveLength(1);
  });

  it('a page of another protocol version is refused for good, with the reason, and changes nothing', async () => {
    const clock = new FakeClock(T0);
    const room = new MemoryRoom(meetingOnItem1({ now: T0 }), clock);
    const socket: MemorySocket = room.connect('flavio');
    const replica = new MeetingReplica(socket, room.meetingId, { clock, protocolVersion: 0 });
    replicas.push(replica);
    await room.settle();

    expect(replica.status).toEqual({ state: 'refused', code: 'client-outdated', reason: 'Reload the page.' });
    expect(replica.state).toBeUndefined();
    expect(socket.connected).toBe(false);
    // Refused for good: no attempt to connect again later.
    clock.advance(60_000);
    await room.settle();
    expect(socket.sent).toEqual(['meeting:enter']);
  });
});
