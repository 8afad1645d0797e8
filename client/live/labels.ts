/** Words for the live meeting's vocabularies, as every view shows them. */
import type { Location } from '../../shared/domain.ts';
import type { ItemStatus, SpeechKind } from '../../shared/meeting/types.ts';

export const SPEECH_KIND_LABELS: Record<SpeechKind | 'presentation', string> = {
  'point-of-order': 'Point of order',
  'clarifying-question': 'Clarifying question',
  reply: 'Reply',
  'new-point': 'New point',
  presentation: 'Presentation',
};

export const LOCATION_LABELS: Record<Location, string> = {
  room: 'In the room',
  remote: 'Remote',
  phone: 'By phone',
};

/** Short forms for badges. */
export const LOCATION_BADGES: Record<Location, string> = {
  room: 'Room',
  remote: 'Remote',
  phone: 'Phone',
};

export const ITEM_STATUS_LABELS: Record<ItemStatus, string> = {
  pending: 'Not started',
  active: 'Running',
  done: 'Done',
  deferred: 'Deferred',
};

/** "1st", "2nd", "3rd", "11th". */
export function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${suffix}`;
}

/** "3 min 20 s" for durations in figures and the record. */
export function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  if (minutes === 0) return `${rest} s`;
  return rest === 0 ? `${minutes} min` : `${minutes} min ${rest} s`;
}
