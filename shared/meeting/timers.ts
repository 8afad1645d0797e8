/**
 * Timers are data; these functions read them at a given moment. Clients pass the server's
 * clock (their own plus the measured offset), so every screen shows the same figures.
 */
import type { AgendaItem, MeetingState, Speech } from './types.ts';

/** Time spoken so far, pauses excluded, in ms. */
export function spokenMs(speech: Speech, now: number): number {
  const pausedNow = speech.timer.pausedAt === null ? 0 : now - speech.timer.pausedAt;
  return Math.max(0, now - speech.startedAt - speech.timer.pausedMs - pausedNow);
}

/** Time left on the speech timer in ms (negative when over time), or null when it counts up. */
export function remainingMs(speech: Speech, now: number): number | null {
  if (speech.timer.durationMs === null) return null;
  return speech.timer.durationMs - spokenMs(speech, now);
}

/** Time spent on an agenda item so far, in ms. */
export function itemUsedMs(item: AgendaItem, now: number): number {
  return item.usedMs + (item.activeSince === null ? 0 : Math.max(0, now - item.activeSince));
}

/** Time left of the item's allotted minutes (negative when over), or null when none were allotted. */
export function itemRemainingMs(item: AgendaItem, now: number): number | null {
  if (item.minutes === null) return null;
  return item.minutes * 60_000 - itemUsedMs(item, now);
}

/** An item with its sub-items: the unit the agenda allots time to. */
export interface AgendaSection {
  item: AgendaItem;
  subItems: AgendaItem[];
}

export function agendaSections(agenda: readonly AgendaItem[]): AgendaSection[] {
  const sections: AgendaSection[] = [];
  for (const item of agenda) {
    const last = sections.at(-1);
    if (item.depth === 1 && last) last.subItems.push(item);
    else sections.push({ item, subItems: [] });
  }
  return sections;
}

/** The section's allotment: the item's minutes, or else its sub-items' minutes added up (ms; null if none). */
export function sectionAllottedMs(section: AgendaSection): number | null {
  if (section.item.minutes !== null) return section.item.minutes * 60_000;
  const minutes = section.subItems.map((sub) => sub.minutes).filter((value): value is number => value !== null);
  return minutes.length > 0 ? minutes.reduce((sum, value) => sum + value, 0) * 60_000 : null;
}

export function sectionUsedMs(section: AgendaSection, now: number): number {
  return section.subItems.reduce((sum, sub) => sum + itemUsedMs(sub, now), itemUsedMs(section.item, now));
}

/**
 * How far the meeting runs behind its agenda, in ms (negative: ahead): the overrun or
 * savings of the sections finished, plus the running section's overrun once it is over.
 * A section counts as finished when it (or each of its sub-items) is marked done or deferred,
 * or when a later one has begun (run).
 */
export function scheduleLagMs(state: MeetingState, now: number): number {
  const sections = agendaSections(state.agenda);
  const isRunning = (section: AgendaSection) => section.item.status === 'active' || section.subItems.some((sub) => sub.status === 'active');
  const isClosed = (item: AgendaItem) => item.status === 'done' || item.status === 'deferred';
  // A section has begun when it has run; one merely marked done or deferred does not finish those before it.
  const begun = sections.map((section) => isRunning(section) || sectionUsedMs(section, now) > 0);
  let lag = 0;
  sections.forEach((section, index) => {
    const allotted = sectionAllottedMs(section);
    if (allotted === null) return;
    const used = sectionUsedMs(section, now);
    const running = isRunning(section);
    const finished =
      !running &&
      (isClosed(section.item) || (section.subItems.length > 0 && section.subItems.every(isClosed)) || begun.slice(index + 1).some(Boolean));
    if (finished) lag += used - allotted;
    else if (running) lag += Math.max(0, used - allotted);
  });
  return lag;
}

/**
 * When the meeting will end if the remaining sections take their allotted time:
 * the planned length from the actual opening (or the planned start), plus the lag.
 */
export function estimatedEnd(state: MeetingState, now: number): number {
  const start = state.openedAt ?? state.plannedStart;
  const allotted = agendaSections(state.agenda).reduce((sum, section) => sum + (sectionAllottedMs(section) ?? 0), 0);
  const planned = allotted > 0 ? allotted : state.plannedMinutes * 60_000;
  return start + planned + scheduleLagMs(state, now);
}

/** `-1:05` style: minutes and seconds, a minus sign when over time. */
export function formatClock(ms: number): string {
  const negative = ms < 0;
  const total = Math.floor(Math.abs(ms) / 1000);
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return `${negative ? '-' : ''}${minutes}:${String(seconds).padStart(2, '0')}`;
}
