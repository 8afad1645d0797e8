/** Words for the live meeting's vocabularies, as every view shows them, in the interface's language. */
import type { Location, MeetingAccessRole, Region, StakeholderGroup } from '../../shared/domain.ts';
import type { ItemStatus, SpeechKind } from '../../shared/meeting/types.ts';
import { i18n, t } from '../i18n/i18n.svelte.ts';

export function speechKindLabel(kind: SpeechKind | 'presentation'): string {
  return t(`labels.speechKinds.${kind}`);
}

/** Where someone takes part from; null (`unknown` in the balance): they have not said — "Not stated", never "Remote". */
export function locationLabel(location: Location | 'unknown' | null): string {
  return t(`labels.locations.${location ?? 'unknown'}`);
}

/** Short forms for badges; null or `unknown`: not stated. */
export function locationBadge(location: Location | 'unknown' | null): string {
  return t(`labels.locationBadges.${location ?? 'unknown'}`);
}

export function itemStatusLabel(status: ItemStatus): string {
  return t(`labels.itemStatuses.${status}`);
}

/** A role in a meeting ("Chair"), or the room display. */
export function roleLabel(role: MeetingAccessRole): string {
  return t(`labels.roles.${role}`);
}

/** A stakeholder group; null or `unknown`: not stated (not asked of staff and captioners). */
export function stakeholderGroupLabel(group: StakeholderGroup | 'unknown' | null): string {
  return t(`labels.stakeholderGroups.${group ?? 'unknown'}`);
}

/** A region; null or `unknown`: not stated. */
export function regionLabel(region: Region | 'unknown' | null): string {
  return t(`labels.regions.${region ?? 'unknown'}`);
}

/** A label inside a sentence: "You are taking part: in the room." (lower case where the language has it). */
export function inSentence(label: string): string {
  return label.toLocaleLowerCase(i18n.locale);
}

/** "1st", "2nd", "3rd", "11th"; "2e" in French. */
export function ordinal(n: number): string {
  return t('labels.placeOrdinal', { count: n });
}

/** "3 min 20 s" for durations in figures and the record. */
export function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  if (minutes === 0) return t('units.duration.seconds', { seconds: rest });
  return rest === 0 ? t('units.duration.minutes', { minutes }) : t('units.duration.minutesSeconds', { minutes, seconds: rest });
}
