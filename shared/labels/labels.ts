/**
 * The names of who and where people are — meeting roles, where they take part from,
 * stakeholder groups, regions — translated once per language (en.ts, fr.ts, es.ts, ru.ts,
 * ar.ts, zh.ts), for the interface's catalogs (client/i18n) and the record's words
 * (shared/record/words) alike, so the roster on screen and the record's list of participants
 * call people the same. `unknown`: not stated.
 *
 * Each language is a module of its own, so the interface loads only the one it shows.
 */
import type { Location, MeetingRole, Region, StakeholderGroup } from '../domain.ts';

export interface PeopleLabels {
  roles: Record<MeetingRole, string>;
  /** As a label on its own, capitalised where the language has capitals: "In the room". */
  locations: Record<Location | 'unknown', string>;
  stakeholderGroups: Record<StakeholderGroup | 'unknown', string>;
  regions: Record<Region | 'unknown', string>;
}
