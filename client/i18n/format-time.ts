/**
 * Meeting times for people in every time zone, in the interface's language: the viewer's own
 * wall-clock time with the UTC time beside it, with a 24-hour clock
 * ("Wed 12 Apr 2017, 00:00 (Tue 11 Apr 2017, 22:00 UTC)"). The formatting itself is in
 * i18n.svelte.ts (`formatDateTime`, `formatTime`).
 */
import { instantToZonedLocal } from '../../shared/zoned-time.ts';
import { formatDateTime, formatInZone, t, viewerTimeZone } from './i18n.svelte.ts';

export { viewerTimeZone };

/** A meeting's start in the viewer's zone, UTC beside: "Wed 12 Apr 2017, 00:00 (Tue 11 Apr 2017, 22:00 UTC)". */
export function formatMeetingStart(iso: string): string {
  return formatDateTime(iso);
}

/** The start as the meeting's own clocks show it: "Wed 12 Apr 2017, 00:00 in Europe/Zurich". */
export function formatInMeetingZone(iso: string, timeZone: string): string {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return iso;
  return t('time.inZone', { time: formatInZone(instant, timeZone), zone: timeZone });
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
