/** English: the names of roles, places of taking part, stakeholder groups and regions (labels.ts). */
import { MEETING_ROLE_LABELS, REGION_LABELS, STAKEHOLDER_GROUP_LABELS } from '../domain.ts';
import type { PeopleLabels } from './labels.ts';

export const en: PeopleLabels = {
  roles: MEETING_ROLE_LABELS,
  locations: { room: 'In the room', remote: 'Remote', phone: 'By phone', unknown: 'Not stated' },
  stakeholderGroups: { ...STAKEHOLDER_GROUP_LABELS, unknown: 'Not stated' },
  regions: { ...REGION_LABELS, unknown: 'Not stated' },
};
