/** Builds benchmark meetings through the real HTTP API, as the secretariat would, and opens the join links. */
import { HttpClient } from '../support/http-client.ts';
import { ADMIN } from './servers.ts';
import { mapLimit } from './stats.ts';

export const AGENDA = [
  '1 - Adoption of agenda (5 minutes)',
  '2 - Presentations of proposals (20 minutes)',
  '3 - Discussion (30 minutes)',
  '4 - AOB (5 minutes)',
].join('\n');

/** The roster import takes at most this many rows per request. */
const ROWS_PER_IMPORT = 2_000;

export interface RosterPerson {
  id: string;
  name: string;
  role: string;
  joinUrl: string;
}

export interface BenchMeeting {
  meetingId: string;
  chair: RosterPerson;
  members: RosterPerson[];
  captionUrl: string;
  agendaIds: string[];
}

export async function signInSecretariat(url: string): Promise<HttpClient> {
  const client = new HttpClient(url);
  const answer = await client.post('/api/auth/login', ADMIN);
  if (answer.status !== 200) throw new Error(`sign-in failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  return client;
}

async function expectStatus<T>(what: string, answer: Promise<{ status: number; body: T }>, status: number): Promise<T> {
  const result = await answer;
  if (result.status !== status) throw new Error(`${what} answered ${result.status}: ${JSON.stringify(result.body).slice(0, 300)}`);
  return result.body;
}

const GROUPS = ['civil society', 'government', 'private sector', 'technical community', 'intergovernmental organization'];
const REGIONS = ['Africa', 'Asia-Pacific', 'Eastern Europe', 'Latin America and Caribbean', 'WEOG'];

/** A meeting with an agenda and a roster of one chair and `members` members, imported as CSV. */
export async function createBenchMeeting(secretariat: HttpClient, title: string, members: number): Promise<BenchMeeting> {
  const created = await expectStatus<{ meeting: { id: string } }>(
    'create meeting',
    secretariat.post('/api/meetings', {
      title,
      body: 'Benchmark',
      startsAtLocal: '2026-05-01T09:00',
      timeZone: 'UTC',
      plannedMinutes: 120,
    }),
    201,
  );
  const meetingId = created.meeting.id;
  await expectStatus('agenda', secretariat.put(`/api/meetings/${meetingId}/agenda`, { text: AGENDA }), 200);
  const rows = [
    'Bench Chair,civil society,WEOG,chair',
    ...Array.from(
      { length: members },
      (_, index) =>
        `Member ${String(index + 1).padStart(5, '0')},${GROUPS[index % GROUPS.length]},${REGIONS[index % REGIONS.length]},member`,
    ),
  ];
  let roster: RosterPerson[] = [];
  for (let start = 0; start < rows.length; start += ROWS_PER_IMPORT) {
    const csv = ['name,stakeholder group,region,role', ...rows.slice(start, start + ROWS_PER_IMPORT)].join('\n');
    const answer = await expectStatus<{ roster: RosterPerson[] }>(
      'roster import',
      secretariat.post(`/api/meetings/${meetingId}/roster/import`, { csv }),
      200,
    );
    roster = answer.roster;
  }
  const setup = await expectStatus<{ captionUrl: string | null; agenda: { id: string }[] }>(
    'meeting set-up',
    secretariat.get(`/api/meetings/${meetingId}`),
    200,
  );
  const chair = roster.find((person) => person.role === 'chair');
  if (!chair || !setup.captionUrl) throw new Error('the meeting has no chair or no caption URL');
  return {
    meetingId,
    chair,
    members: roster.filter((person) => person !== chair).sort((a, b) => a.name.localeCompare(b.name)),
    captionUrl: setup.captionUrl,
    agendaIds: setup.agenda.map((item) => item.id),
  };
}

/** Opens one join link as a fresh browser would; answers the session cookie. */
export async function openJoinLink(url: string, joinUrl: string): Promise<string> {
  const token = new URL(joinUrl).pathname.split('/').pop();
  const response = await fetch(`${url}/api/join`, {
    method: 'POST',
    headers: { origin: url, 'content-type': 'application/json' },
    body: JSON.stringify({ token }),
    signal: AbortSignal.timeout(60_000),
  });
  const cookie = response.headers.get('set-cookie')?.split(';')[0];
  await response.arrayBuffer();
  if (response.status !== 200 || !cookie) throw new Error(`join answered ${response.status}`);
  return cookie;
}

/** Opens many join links, ~50 at a time; answers the cookies in order and how long it took. */
export async function openJoinLinks(url: string, people: RosterPerson[], concurrency = 50): Promise<{ cookies: string[]; ms: number }> {
  const started = performance.now();
  const cookies = await mapLimit(people, concurrency, (person) => openJoinLink(url, person.joinUrl));
  return { cookies, ms: performance.now() - started };
}
