/** Wall-clock times in a named time zone, with Intl only (no time-zone library). */
import { isLocalDateTimeText } from './storable.ts';

/** Offset of `zone` from UTC at `instantMs`, in milliseconds (Geneva in summer: +7 200 000). */
export function zoneOffsetMs(instantMs: number, zone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instantMs));
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - Math.floor(instantMs / 1000) * 1000;
}

/**
 * The instant at which clocks in `zone` show `local` (`2017-04-11T22:00`).
 * A time skipped by a daylight-saving change resolves to the instant just after the change.
 */
export function zonedLocalToInstant(local: string, zone: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local);
  if (!match || !isLocalDateTimeText(local)) throw new RangeError(`not a local date-time: ${local}`);
  const [, y, mo, d, h, mi, s] = match;
  const wall = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0));
  const guess = wall - zoneOffsetMs(wall, zone);
  const corrected = wall - zoneOffsetMs(guess, zone);
  if (zoneOffsetMs(corrected, zone) === wall - corrected) return new Date(corrected);
  return new Date(Math.max(guess, corrected));
}

/** `2017-04-11T22:00` as clocks in `zone` show `instant`. */
export function instantToZonedLocal(instant: Date, zone: string): string {
  const shifted = new Date(instant.getTime() + zoneOffsetMs(instant.getTime(), zone));
  return shifted.toISOString().slice(0, 16);
}
