/**
 * Meeting times for people in every time zone: the instant in UTC, then the viewer's own
 * wall-clock time, both in the viewer's locale with a 24-hour clock
 * ("Tue 11 Apr 2017, 22:00 UTC (Wed 12 Apr 2017, 00:00 your time)").
 */
import { instantToZonedLocal } from '../../shared/zoned-time.ts';

const DATE_OPTIONS: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' };
const TIME_OPTIONS: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };

function formatDate(instant: Date, timeZone?: string): string {
  return new Intl.DateTimeFormat(undefined, { ...DATE_OPTIONS, timeZone }).format(instant).replace(/^([^\s,]+),(?=\s\d)/, '$1');
}

function formatClock(instant: Date, timeZone?: string): string {
  return new Intl.DateTimeFormat(undefined, { ...TIME_OPTIONS, timeZone }).format(instant);
}

/** "Tue 11 Apr 2017, 22:00 UTC (00:00 your time)"; the local date is repeated when it differs. */
export function formatMeetingStart(iso: string): string {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return iso;
  const utcDate = formatDate(instant, 'UTC');
  const utc = `${utcDate}, ${formatClock(instant, 'UTC')} UTC`;
  const localDate = formatDate(instant);
  const localClock = formatClock(instant);
  const local = localDate === utcDate ? localClock : `${localDate}, ${localClock}`;
  return `${utc} (${local} your time)`;
}

/** The start as the meeting's own clocks show it: "Wed 12 Apr 2017, 00:00 in Europe/Zurich". */
export function formatInMeetingZone(iso: string, timeZone: string): string {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return iso;
  return `${formatDate(instant, timeZone)}, ${formatClock(instant, timeZone)} in ${timeZone}`;
}

/** The value an <input type="datetime-local"> needs to show the start in the meeting's zone. */
export function startsAtLocalValue(iso: string, timeZone: string): string {
  return instantToZonedLocal(new Date(iso), timeZone);
}

/** Every IANA zone this browser knows, with UTC first. */
export function knownTimeZones(): string[] {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return ['UTC', ...zones.filter((zone) => zone !== 'UTC')];
}

/** The viewer's own zone, e.g. "Europe/Zurich". */
export function viewerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}
