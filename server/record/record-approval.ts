/**
 * Approving a record: it is finalised (then frozen: no edits, no corrections) and, when it was
 * approved at a later meeting, that meeting and its item are noted. A later meeting approves
 * an earlier record when its chair closes a consensus call on the approval item without
 * objection, or records the decision "agreed" on it.
 */
import type { Database } from '../db/open.ts';
import type { MeetingRooms } from '../live/meeting-rooms.ts';
import type { Command } from '../../shared/meeting/commands.ts';
import * as meetingStore from '../meetings/meeting-store.ts';
import { HttpError } from '../http/errors.ts';
import * as correctionStore from './correction-store.ts';
import * as store from './record-store.ts';

/** Finalises `version` (the latest when not given) as approved; 409 when the record was final already. */
export async function approveRecord(
  db: Database,
  meetingId: string,
  input: { version?: number; by: string; at?: { meetingId: string; itemId: string } },
): Promise<number> {
  const row = await store.findVersion(db, meetingId, input.version);
  if (!row)
    throw new HttpError(400, input.version === undefined ? 'The record has no version yet.' : `There is no version ${input.version}.`);
  if (!(await store.finalise(db, meetingId, row.version, input.by))) throw new HttpError(409, 'The record is final already.');
  if (input.at) await correctionStore.markApprovedAt(db, meetingId, input.at);
  return row.version;
}

/** Whether an item of `laterMeetingId` approves `meetingId`'s record. */
export async function itemApproves(db: Database, laterMeetingId: string, itemId: string, meetingId: string): Promise<boolean> {
  const items = await correctionStore.listApprovalItems(db, laterMeetingId);
  return items.some((item) => item.itemId === itemId && item.meetingId === meetingId);
}

/**
 * After a command of the later meeting: a consensus call closed without objection, or the
 * decision "agreed", on an item approving an earlier record approves that record's latest
 * version (unless it is final already), in the name of whoever sent the command.
 */
export async function approveAfterCommand(
  db: Database,
  rooms: MeetingRooms,
  meetingId: string,
  command: Command,
  by: string,
): Promise<void> {
  if (command.type !== 'consensus.close' && command.type !== 'decision.record') return;
  const items = await correctionStore.listApprovalItems(db, meetingId);
  if (items.length === 0) return;
  const room = await rooms.get(meetingId);
  if (!room) return;
  const state = await room.current();
  let itemId: string | undefined;
  if (command.type === 'consensus.close') {
    const call = state.consensusCalls.find((found) => found.id === command.callId);
    if (call?.outcome === 'agreed-without-objection') itemId = call.itemId;
  } else if (command.kind === 'agreed') {
    itemId = command.itemId;
  }
  const item = items.find((found) => found.itemId === itemId);
  if (!item || item.finalisedAt) return;
  const earlier = await meetingStore.findMeeting(db, item.meetingId);
  if (!earlier || earlier.recordFinalisedAt) return;
  await approveRecord(db, item.meetingId, { by, at: { meetingId, itemId: item.itemId } }).catch((error: unknown) => {
    // No version yet, or approved in the meantime: nothing to approve.
    if (!(error instanceof HttpError)) throw error;
  });
}
