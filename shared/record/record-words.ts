/**
 * The fixed words of the record (headings, labels), per language. The content — names,
 * titles, decisions' text — stays as people wrote it.
 */
import type { Location, MeetingRole, Region, StakeholderGroup } from '../domain.ts';
import { MEETING_ROLE_LABELS, REGION_LABELS, STAKEHOLDER_GROUP_LABELS } from '../domain.ts';
import type { DecisionKind } from '../meeting/types.ts';

export const RECORD_LANGUAGES = ['en'] as const;
export type RecordLanguage = (typeof RECORD_LANGUAGES)[number];

export interface RecordWords {
  summaryReport: string;
  draft: string;
  final: string;
  meeting: string;
  date: string;
  time: string;
  chair: string;
  secretariat: string;
  summary: string;
  item: string;
  minutesAllotted: (allotted: number | null, used: number) => string;
  speakers: string;
  noSpeakers: string;
  support: string;
  objections: string;
  otherComments: string;
  consensus: (question: string) => string;
  agreedWithoutObjection: string;
  objectionsFrom: string;
  stillOpen: string;
  decision: string;
  decisionKinds: Record<DecisionKind, string>;
  actionItems: string;
  by: string;
  flaggedChat: string;
  presentations: string;
  annexAgenda: string;
  annexProposals: string;
  annexParticipants: string;
  annexAttendance: string;
  annexStatistics: string;
  proposal: string;
  minutes: (n: number) => string;
  roles: Record<MeetingRole, string>;
  locations: Record<Location, string>;
  stakeholderGroups: Record<StakeholderGroup | 'unknown', string>;
  regions: Record<Region | 'unknown', string>;
  name: string;
  affiliation: string;
  role: string;
  joined: string;
  left: string;
  connected: string;
  absent: string;
  byLocation: string;
  byStakeholderGroup: string;
  byRegion: string;
  turns: string;
  speakingTime: string;
  share: string;
  none: string;
  generatedAt: string;
  finalisedBy: (name: string, when: string) => string;
}

const en: RecordWords = {
  summaryReport: 'Summary report',
  draft: 'Draft',
  final: 'Final',
  meeting: 'Meeting',
  date: 'Date',
  time: 'Time',
  chair: 'Chair',
  secretariat: 'Secretariat',
  summary: 'Summary',
  item: 'Item',
  minutesAllotted: (allotted, used) =>
    allotted === null ? `${used} ${used === 1 ? 'minute' : 'minutes'} used` : `${allotted} minutes allotted, ${used} used`,
  speakers: 'Speakers, in order',
  noSpeakers: 'No one took the floor',
  support: 'Support',
  objections: 'Objections',
  otherComments: 'Other Comments',
  consensus: (question) => `Consensus call (“${question}”)`,
  agreedWithoutObjection: 'agreed without objection',
  objectionsFrom: 'objections from',
  stillOpen: 'still open',
  decision: 'Decision',
  decisionKinds: {
    agreed: 'agreed',
    'not-agreed': 'not agreed',
    'deferred-to-mailing-list': 'deferred to the mailing list',
    'deferred-to-later-meeting': 'deferred to a later meeting',
  },
  actionItems: 'Action items',
  by: 'by',
  flaggedChat: 'From the chat, for the minutes',
  presentations: 'Presentations',
  annexAgenda: 'Annex I – Agenda',
  annexProposals: 'Annex II – Proposals and positions',
  annexParticipants: 'Annex III – List of participants',
  annexAttendance: 'Annex IV – Attendance',
  annexStatistics: 'Annex V – Participation statistics',
  proposal: 'Proposal',
  minutes: (n) => `${n} ${n === 1 ? 'minute' : 'minutes'}`,
  roles: { ...MEETING_ROLE_LABELS },
  locations: { room: 'in the room', remote: 'remote', phone: 'by phone' },
  stakeholderGroups: { ...STAKEHOLDER_GROUP_LABELS, unknown: 'Not on the roster' },
  regions: { ...REGION_LABELS, unknown: 'Not on the roster' },
  name: 'Name',
  affiliation: 'Affiliation',
  role: 'Role',
  joined: 'Joined (UTC)',
  left: 'Left (UTC)',
  connected: 'Minutes connected',
  absent: 'did not connect',
  byLocation: 'By where people took part from',
  byStakeholderGroup: 'By stakeholder group',
  byRegion: 'By region',
  turns: 'Speaking turns',
  speakingTime: 'Speaking time',
  share: 'Share of time',
  none: 'none',
  generatedAt: 'Generated from the meeting',
  finalisedBy: (name, when) => `Finalised by ${name}, ${when}`,
};

export const RECORD_WORDS: Record<RecordLanguage, RecordWords> = { en };
