/** Small pure helpers of the chair console: which item is next, who can be given the floor, where a key was typed. */
import type { AgendaItem, MeetingState, Participant } from '../../../shared/meeting/types.ts';
import { formatTime, i18n } from '../../i18n/i18n.svelte.ts';

/** The item "Next item" starts: the one after the running item, or else the first one not yet dealt with. */
export function followingItem(state: MeetingState): AgendaItem | undefined {
  if (state.currentItemId === null) return state.agenda.find((item) => item.status === 'pending');
  const index = state.agenda.findIndex((item) => item.id === state.currentItemId);
  return index === -1 ? undefined : state.agenda[index + 1];
}

/** The item "Previous item" goes back to: the one before the running item. */
export function precedingItem(state: MeetingState): AgendaItem | undefined {
  if (state.currentItemId === null) return undefined;
  const index = state.agenda.findIndex((item) => item.id === state.currentItemId);
  return index <= 0 ? undefined : state.agenda[index - 1];
}

/** The roster by name, in the order of the interface's language; captioners and interpreters are left out of the people who can be given the floor when `speakersOnly`. */
export function rosterByName(state: MeetingState, speakersOnly = false): Participant[] {
  return Object.values(state.participants)
    .filter((person) => !speakersOnly || (person.role !== 'captioner' && person.role !== 'interpreter'))
    .sort((a, b) => a.name.localeCompare(b.name, i18n.locale));
}

/** Whether a key press happened while typing (a shortcut must not fire then). */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** A time of day as CurrentItem shows times: in the user's zone and locale, with UTC beside it ("14:02 (12:02 UTC)"). */
export function clockTime(ms: number): string {
  return formatTime(ms);
}

/** Whole minutes and seconds from a number of seconds, for the time inputs. */
export function splitSeconds(seconds: number): { minutes: number; seconds: number } {
  return { minutes: Math.floor(seconds / 60), seconds: seconds % 60 };
}

/** Seconds from minute and second inputs; undefined when they do not make a valid length (10 s to 4 h). */
export function joinSeconds(minutes: number | null | undefined, seconds: number | null | undefined): number | undefined {
  const m = minutes ?? 0;
  const s = seconds ?? 0;
  if (!Number.isInteger(m) || !Number.isInteger(s) || m < 0 || s < 0 || s > 59) return undefined;
  const total = m * 60 + s;
  return total >= 10 && total <= 4 * 3600 ? total : undefined;
}
