/** Pieces of a structured record (shared/record/record-model.ts) for the record tests. */
import type { MeetingRecord, RecordItem } from '../../shared/record/record-model.ts';
import { MINUTE, SECOND, T0 } from './meeting-harness.ts';

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

export const FLAVIO = 'Flávio Wagner';
export const YULIA = 'Юлия Иванова';
export const RASHA = 'رشا عبد الله';
export const HAOJUN = '纪浩军';
export const INJECTION = '<img src=x onerror=alert(1)>';

/** An item as the sample record's: its whole time used. */
const item = (overrides: Parameters<typeof recordItem>[0]): RecordItem => recordItem({ minutesUsed: 5, ...overrides });

function person(
  name: string,
  role: MeetingRecord['participants'][number]['role'],
  extra: Partial<MeetingRecord['participants'][number]> = {},
) {
  return {
    name,
    affiliation: 'MAG',
    role,
    category: '',
    stakeholderGroup: 'civil-society' as const,
    region: 'weog' as const,
    location: 'room' as const,
    attended: true,
    presentByPhone: false,
    minutesConnected: 40,
    firstJoined: T0,
    lastLeft: T0 + 40 * MINUTE,
    ...extra,
  };
}

/** A record shaped like the IGF MAG's, with names in Latin with accents, Cyrillic, Arabic and Chinese. */
export function sampleRecord(): MeetingRecord {
  return {
    meetingId: 'm1',
    title: 'MAG Virtual Meeting III',
    body: 'IGF MAG',
    plannedStart: T0,
    openedAt: T0,
    endedAt: T0 + 40 * MINUTE,
    plannedMinutes: 40,
    chairs: ['Lynn St. Amour'],
    secretariat: ['Chengetai Masango'],
    items: [
      item({
        id: 'i1',
        number: '1',
        title: 'Adoption of agenda',
        speakers: [{ name: 'Lynn St. Amour', location: 'room', kind: 'new-point', seconds: 60 }],
        decisions: [{ kind: 'agreed', text: 'The agenda was adopted' }],
      }),
      item({
        id: 'i2',
        number: '2',
        title: 'Best Practice Forums',
        minutesAllotted: 20,
        minutesUsed: 24,
        speakers: [
          { name: FLAVIO, location: 'room', kind: 'new-point', seconds: 120 },
          { name: YULIA, location: 'remote', kind: 'new-point', seconds: 90 },
          { name: RASHA, location: 'phone', kind: 'reply', seconds: 45 },
        ],
        proposals: [
          {
            id: 'p1',
            title: 'BPF on Cybersecurity',
            proposers: 'Markus Kummer, Maarit Palovirta',
            support: [FLAVIO, YULIA, 'Mary Uduma'],
            objections: [],
            comments: [{ name: RASHA, text: 'a short report' }],
            consensus: [{ question: 'Continue the BPF?', outcome: 'agreed-without-objection', objections: [] }],
            decisions: [{ kind: 'agreed', text: '' }],
          },
          {
            id: 'p2',
            title: 'BPF on Remote Participation',
            proposers: '',
            support: [HAOJUN],
            objections: [{ name: 'Sumon Sabir', reason: 'better as a task force' }],
            comments: [],
            consensus: [],
            decisions: [{ kind: 'deferred-to-mailing-list', text: '' }],
          },
        ],
        actions: [{ what: 'Circulate the BPF proposals', who: 'Secretariat', due: '2017-04-20', itemNumber: '2' }],
      }),
      item({ id: 'i3', number: '3', title: 'Presentations', minutesAllotted: 10, minutesUsed: 8 }),
      item({ id: 'i3a', number: '3a', depth: 1, title: 'National and Regional Initiatives', minutesAllotted: null, minutesUsed: 8 }),
    ],
    actions: [{ what: 'Circulate the BPF proposals', who: 'Secretariat', due: '2017-04-20', itemNumber: '2' }],
    participants: [
      person('Lynn St. Amour', 'chair'),
      person('Chengetai Masango', 'secretariat', { stakeholderGroup: 'intergovernmental-organisation', region: 'africa' }),
      person(FLAVIO, 'member', { region: 'latin-america-caribbean', affiliation: 'CGI.br' }),
      person(YULIA, 'member', { region: 'eastern-europe', location: 'remote', affiliation: 'Координационный центр' }),
      person(RASHA, 'member', { region: 'africa', location: 'phone' }),
      person(HAOJUN, 'member', { stakeholderGroup: 'government', region: 'asia-pacific', location: 'remote' }),
      person('Timea Suto', 'member', { attended: false, minutesConnected: 0, firstJoined: null, lastLeft: null, location: null }),
    ],
    statistics: {
      byLocation: [
        { key: 'room', turns: 2, ms: 180 * SECOND },
        { key: 'remote', turns: 1, ms: 90 * SECOND },
        { key: 'phone', turns: 1, ms: 45 * SECOND },
      ],
      byStakeholderGroup: [{ key: 'civil-society', turns: 4, ms: 315 * SECOND }],
      byRegion: [
        { key: 'latin-america-caribbean', turns: 1, ms: 120 * SECOND },
        { key: 'eastern-europe', turns: 1, ms: 90 * SECOND },
        { key: 'weog', turns: 1, ms: 60 * SECOND },
        { key: 'africa', turns: 1, ms: 45 * SECOND },
      ],
      turns: 4,
      ms: 315 * SECOND,
    },
    asOf: T0 + 40 * MINUTE,
    captions: [],
    generatedAt: T0 + 41 * MINUTE,
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
  const present = { minutesConnected: 90, firstJoined: start, lastLeft: start + 90 * 60_000 };
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
      person('Lynn St. Amour', 'chair', present),
      person('Chengetai Masango', 'secretariat', present),
      ...NAMES.slice(1, 9).map((name) => person(name, 'member', present)),
    ],
    statistics: { byLocation: [], byStakeholderGroup: [], byRegion: [], turns: 0, ms: 0 },
    asOf: start + 90 * 60_000,
    captions: [],
    generatedAt: start + 91 * 60_000,
  };
}
