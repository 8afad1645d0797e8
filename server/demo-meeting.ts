/**
 * A sample meeting for newcomers (`npm run demo`): an agenda shaped like the IGF's,
 * and a roster across stakeholder groups and regions, with the links to try every view.
 */
import type { Database } from './db/open.ts';
import { parseAgendaText } from '../shared/agenda-text.ts';
import * as store from './meetings/meeting-store.ts';
import { displayPath, joinPath } from './meetings/meeting-views.ts';
import type { RosterEntryFields } from './meetings/meeting-store.ts';

export const DEMO_AGENDA = `1 - Adoption of the agenda (5 minutes)
2 - Update from the Secretariat on the calls for proposals (10 minutes)
3 - Presentations of proposed Best Practice Forums (25 minutes)
 - a - BPF Cybersecurity (4 minutes)
 - b - BPF Gender and Access (4 minutes)
 - c - BPF Local Content (4 minutes)
4 - Working group modalities (15 minutes)
5 - Any other business (5 minutes)`;

export const DEMO_ROSTER: RosterEntryFields[] = [
  {
    name: 'Amina Diallo',
    affiliation: 'Chair of the group',
    email: '',
    stakeholderGroup: 'civil-society',
    region: 'africa',
    role: 'chair',
  },
  {
    name: 'Lucas Fernández',
    affiliation: 'Ministry of Communications',
    email: '',
    stakeholderGroup: 'government',
    region: 'latin-america-caribbean',
    role: 'member',
  },
  {
    name: '王芳 (Wang Fang)',
    affiliation: 'Internet Society China',
    email: '',
    stakeholderGroup: 'technical-community',
    region: 'asia-pacific',
    role: 'member',
  },
  {
    name: 'Olena Kovalenko',
    affiliation: 'Digital Rights Foundation',
    email: '',
    stakeholderGroup: 'civil-society',
    region: 'eastern-europe',
    role: 'member',
  },
  {
    name: 'Sarah Whitfield',
    affiliation: 'Telecom operators association',
    email: '',
    stakeholderGroup: 'private-sector',
    region: 'weog',
    role: 'member',
  },
  {
    name: 'Karim Haddad',
    affiliation: 'ITU',
    email: '',
    stakeholderGroup: 'intergovernmental-organisation',
    region: 'asia-pacific',
    role: 'member',
  },
  {
    name: 'Maya Rao',
    affiliation: 'University of Pune',
    email: '',
    stakeholderGroup: 'technical-community',
    region: 'asia-pacific',
    role: 'observer',
  },
  {
    name: 'Tom Berger',
    affiliation: 'IGF Secretariat',
    email: '',
    stakeholderGroup: 'intergovernmental-organisation',
    region: 'weog',
    role: 'secretariat',
  },
  {
    name: 'Caption Services',
    affiliation: 'Real-time captioning',
    email: '',
    stakeholderGroup: 'private-sector',
    region: 'weog',
    role: 'captioner',
  },
];

export interface DemoLinks {
  meetingId: string;
  chair: string;
  participants: { name: string; url: string }[];
  display: string;
  secretariat: string;
}

export async function createDemoMeeting(db: Database, publicUrl: string, createdBy: string | null): Promise<DemoLinks> {
  const startsAt = new Date(Math.ceil(Date.now() / 3_600_000) * 3_600_000);
  const meeting = await store.insertMeeting(db, {
    title: 'MAG Virtual Meeting (demo)',
    body: 'Multistakeholder Advisory Group',
    startsAt,
    timeZone: 'UTC',
    plannedMinutes: 60,
    createdBy,
  });
  await store.replaceAgenda(db, meeting.id, parseAgendaText(DEMO_AGENDA).items);
  const roster = await store.insertRosterEntries(db, meeting.id, DEMO_ROSTER);
  const link = (name: string) => publicUrl + joinPath(roster.find((entry) => entry.name === name)!.joinToken!);
  return {
    meetingId: meeting.id,
    chair: link('Amina Diallo'),
    participants: [
      { name: 'Lucas Fernández (remote)', url: link('Lucas Fernández') },
      { name: '王芳 (in the room, on a phone)', url: link('王芳 (Wang Fang)') },
    ],
    display: publicUrl + displayPath(meeting.displayToken),
    secretariat: link('Tom Berger'),
  };
}
