/**
 * Where a new hand goes in a queue (rules Q1, Q2, Q4, Q5 of SPEC.md). The queue is an
 * explicit list, so that the chair's reordering stands; these rules only place arrivals.
 */
import type { Location } from '../domain.ts';
import { SPEECH_KINDS, type MeetingSettings, type QueueEntry, type SpeechKind } from './types.ts';

export const kindRank = (kind: SpeechKind): number => SPEECH_KINDS.indexOf(kind);

/** Room or not: remote, phone and not-stated participants are on the same side of the alternation. */
export const inRoom = (location: Location | null): boolean => location === 'room';

export function insertionIndex(
  entries: readonly QueueEntry[],
  arriving: Pick<QueueEntry, 'kind' | 'firstOnItem' | 'location'>,
  settings: Pick<MeetingSettings, 'firstTimeSpeakersFirst' | 'alternateRoomAndRemote'>,
): number {
  const rank = kindRank(arriving.kind);
  // Q1/Q2: after every entry of a more urgent or the same kind, before any less urgent one.
  let end = entries.findIndex((entry) => kindRank(entry.kind) > rank);
  if (end === -1) end = entries.length;
  let start = entries.findIndex((entry) => kindRank(entry.kind) >= rank);
  if (start === -1 || start > end) start = end;

  // Q4: a first-time speaker goes ahead of same-kind entries from people who have spoken.
  if (settings.firstTimeSpeakersFirst) {
    if (arriving.firstOnItem) {
      const firstRepeat = entries.slice(start, end).findIndex((entry) => !entry.firstOnItem);
      if (firstRepeat !== -1) end = start + firstRepeat;
    } else {
      const firstRepeat = entries.slice(start, end).findIndex((entry) => !entry.firstOnItem);
      if (firstRepeat !== -1) start += firstRepeat;
      else start = end;
    }
  }

  // Q5: new points alternate room and remote: after the last of the arriving side,
  // and after the next of the other side that follows it.
  if (settings.alternateRoomAndRemote && arriving.kind === 'new-point') {
    const group = entries.slice(start, end);
    const side = inRoom(arriving.location);
    let lastOwn = -1;
    group.forEach((entry, index) => {
      if (inRoom(entry.location) === side) lastOwn = index;
    });
    const nextOther = group.findIndex((entry, index) => index > lastOwn && inRoom(entry.location) !== side);
    return nextOther === -1 ? end : start + nextOther + 1;
  }
  return end;
}

/**
 * The kind an entry takes when the chair moves it to `toIndex` of the list without it:
 * it joins the kind of the entry it lands after (or before, at the top), so the kinds stay in order.
 */
export function kindAtPosition(others: readonly QueueEntry[], toIndex: number, fallback: SpeechKind): SpeechKind {
  const before = others[toIndex - 1];
  const after = others[toIndex];
  if (before && after && before.kind === after.kind) return before.kind;
  if (before && after) {
    // Between two kinds: keep the entry's own kind if it fits there, else take the one above.
    return kindRank(fallback) >= kindRank(before.kind) && kindRank(fallback) <= kindRank(after.kind) ? fallback : before.kind;
  }
  if (before) return kindRank(fallback) >= kindRank(before.kind) ? fallback : before.kind;
  if (after) return kindRank(fallback) <= kindRank(after.kind) ? fallback : after.kind;
  return fallback;
}
