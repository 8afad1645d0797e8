/** Pieces of a structured record (shared/record/record-model.ts) for the record tests. */
import type { MeetingRecord, RecordItem } from '../../shared/record/record-model.ts';

/** An agenda item of a record, done, with nothing recorded on it but what `overrides` gives. */
export function recordItem(overrides: Partial<RecordItem> & Pick<RecordItem, 'id' | 'number' | 'title'>): RecordItem {
  return {
    depth: 0,
    status: 'done',
    minutesAllotted: 5,
    minutesUsed: 4,
    takenUp: true,
    speakers: [],
    presentations: [],
    proposals: [],
    support: [],
    objections: [],
    comments: [],
    consensus: [],
    decisions: [],
    actions: [],
    flaggedChat: [],
    ...overrides,
  };
}

const NAMES = [
  'Lynn St. Amour',
  'Flávio Wagner',
  'Haojun Ji',
  'Mary Uduma',
  'Markus Kummer',
  'Maarit Palovirta',
  'Sumon Sabir',
  'Timea Suto',
  'Anriette Esterhuysen',
  'Chengetai Masango',
  'Juan Fernández',
  'Yulia Ivanova',
];

/**
 * A record whose proposals table runs over several pages: a dozen and a half proposals, each
 * supported by many, with objections, comments and a decision; an action for the secretariat.
 */
export function longProposalsRecord(): MeetingRecord {
  const start = Date.UTC(2017, 3, 11, 13, 0);
  const names = (from: number, count: number) => Array.from({ length: count }, (_, index) => NAMES[(from + index) % NAMES.length]!);
  const proposals = Array.from({ length: 18 }, (_, index) => ({
    id: `p${index + 1}`,
    title: `Best Practice Forum on topic ${index + 1} for the 2017 programme`,
    proposers: names(index, 2).join(', '),
    support: names(index + 2, 6 + (index % 5)),
    objections: names(index + 5, 1 + (index % 3)).map((name) => ({ name, reason: 'better as an intersessional activity' })),
    comments: names(index + 7, 2 + (index % 4)).map((name) => ({ name, text: 'a shorter report' })),
    consensus: [],
    decisions: [{ kind: 'agreed' as const, text: 'Continues in 2017 with a report to the MAG.' }],
  }));
  const person = (name: string, role: MeetingRecord['participants'][number]['role']) => ({
    name,
    affiliation: 'MAG',
    role,
    category: '',
    stakeholderGroup: 'civil-society' as const,
    region: 'weog' as const,
    location: 'room' as const,
    attended: true,
    presentByPhone: false,
    minutesConnected: 90,
    firstJoined: start,
    lastLeft: start + 90 * 60_000,
  });
  return {
    meetingId: 'm-long',
    title: 'MAG Virtual Meeting III',
    body: 'IGF MAG',
    plannedStart: start,
    openedAt: start,
    endedAt: start + 90 * 60_000,
    plannedMinutes: 90,
    chairs: ['Lynn St. Amour'],
    secretariat: ['Chengetai Masango'],
    items: [
      recordItem({ id: 'i1', number: '1', title: 'Adoption of agenda' }),
      recordItem({ id: 'i2', number: '2', title: 'Best Practice Forums and intersessional work', minutesAllotted: 60, proposals }),
    ],
    actions: [{ what: 'Circulate the BPF proposals for a decision', who: 'Secretariat', due: '2017-04-25', itemNumber: '2' }],
    participants: [
      person('Lynn St. Amour', 'chair'),
      person('Chengetai Masango', 'secretariat'),
      ...NAMES.slice(1, 9).map((name) => person(name, 'member')),
    ],
    statistics: { byLocation: [], byStakeholderGroup: [], byRegion: [], turns: 0, ms: 0 },
    asOf: start + 90 * 60_000,
    generatedAt: start + 91 * 60_000,
  };
}
