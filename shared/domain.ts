/** Closed vocabularies of the meeting domain, shared by server, client and record. */

export const STAKEHOLDER_GROUPS = [
  'government',
  'private-sector',
  'civil-society',
  'technical-community',
  'intergovernmental-organisation',
] as const;
export type StakeholderGroup = (typeof STAKEHOLDER_GROUPS)[number];

export const STAKEHOLDER_GROUP_LABELS: Record<StakeholderGroup, string> = {
  government: 'Government',
  'private-sector': 'Private sector',
  'civil-society': 'Civil society',
  'technical-community': 'Technical community',
  'intergovernmental-organisation': 'Intergovernmental organisation',
};

/** The five UN regional groups. */
export const REGIONS = ['africa', 'asia-pacific', 'eastern-europe', 'latin-america-caribbean', 'weog'] as const;
export type Region = (typeof REGIONS)[number];

export const REGION_LABELS: Record<Region, string> = {
  africa: 'Africa',
  'asia-pacific': 'Asia-Pacific',
  'eastern-europe': 'Eastern Europe',
  'latin-america-caribbean': 'Latin America and Caribbean',
  weog: 'Western Europe and Others',
};

/** Roles a roster entry can hold in one meeting. */
export const MEETING_ROLES = ['chair', 'co-chair', 'secretariat', 'member', 'observer', 'captioner', 'interpreter'] as const;
export type MeetingRole = (typeof MEETING_ROLES)[number];

export const MEETING_ROLE_LABELS: Record<MeetingRole, string> = {
  chair: 'Chair',
  'co-chair': 'Co-chair',
  secretariat: 'Secretariat',
  member: 'Member',
  observer: 'Observer',
  captioner: 'Captioner',
  interpreter: 'Interpreter',
};

/** Roles not asked for a stakeholder group or region (staff, captioners, interpreters): theirs stays "not stated". */
export const ROLES_WITHOUT_GROUP = ['secretariat', 'captioner', 'interpreter'] as const satisfies readonly MeetingRole[];

/** Whether a roster entry of this role is asked for a stakeholder group and region. */
export function asksGroupAndRegion(role: MeetingRole): boolean {
  return !(ROLES_WITHOUT_GROUP as readonly MeetingRole[]).includes(role);
}

/** Roles of staff accounts (people who sign in with a password). */
export const STAFF_ROLES = ['secretariat', 'chair'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** Where a participant takes part from. */
export const LOCATIONS = ['room', 'remote', 'phone'] as const;
export type Location = (typeof LOCATIONS)[number];

/**
 * What a connection may do in a meeting: a roster role, or the read-only room display.
 * Anonymous connections never reach a meeting.
 */
export type MeetingAccessRole = MeetingRole | 'display';

/** Match a free-text label (as typed in a CSV) to one of a vocabulary's keys. */
export function matchVocabulary<K extends string>(text: string, labels: Record<K, string>, aliases: Record<string, K> = {}): K | undefined {
  const wanted = normaliseLabel(text);
  if (wanted === '') return undefined;
  for (const [key, label] of Object.entries(labels) as [K, string][]) {
    if (normaliseLabel(key) === wanted || normaliseLabel(label) === wanted) return key;
  }
  for (const [alias, key] of Object.entries(aliases)) {
    if (normaliseLabel(alias) === wanted) return key;
  }
  return undefined;
}

function normaliseLabel(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, 'and')
    .replace(/[^a-z0-9]+/g, '');
}

export const STAKEHOLDER_GROUP_ALIASES: Record<string, StakeholderGroup> = {
  gov: 'government',
  govt: 'government',
  business: 'private-sector',
  private: 'private-sector',
  'private sector': 'private-sector',
  csa: 'civil-society',
  'civil society': 'civil-society',
  tech: 'technical-community',
  technical: 'technical-community',
  'technical and academic community': 'technical-community',
  academia: 'technical-community',
  igo: 'intergovernmental-organisation',
  'intergovernmental organization': 'intergovernmental-organisation',
  'international organisation': 'intergovernmental-organisation',
  'international organization': 'intergovernmental-organisation',
};

export const REGION_ALIASES: Record<string, Region> = {
  apac: 'asia-pacific',
  'asia pacific': 'asia-pacific',
  asia: 'asia-pacific',
  eeg: 'eastern-europe',
  grulac: 'latin-america-caribbean',
  'latin america': 'latin-america-caribbean',
  'latin america and the caribbean': 'latin-america-caribbean',
  lac: 'latin-america-caribbean',
  'western europe and others group': 'weog',
  'western europe': 'weog',
};
