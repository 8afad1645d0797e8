/** Builds a meeting through the real API, as the secretariat would. */
import { issueSetupToken } from '../../server/auth/accounts.ts';
import type { TestServer } from './test-server.ts';
import { HttpClient } from './http-client.ts';

export const SECRETARIAT = { name: 'Chengetai Masango', email: 'secretariat@example.org', password: 'correct horse battery' };

/** Creates the first secretariat account through the one-time set-up link; returns its signed-in client. */
export async function signInFirstSecretariat(server: TestServer): Promise<HttpClient> {
  const token = await issueSetupToken(server.app.database.db);
  if (!token) throw new Error('an account exists already');
  const client = new HttpClient(server.baseUrl);
  const answer = await client.post('/api/setup', { token, ...SECRETARIAT });
  if (answer.status !== 200) throw new Error(`setup failed: ${JSON.stringify(answer.body)}`);
  return client;
}

export async function createMeeting(secretariat: HttpClient, title = 'MAG Virtual Meeting III'): Promise<string> {
  const answer = await secretariat.post('/api/meetings', {
    title,
    body: 'Multistakeholder Advisory Group',
    startsAtLocal: '2017-04-11T22:00',
    timeZone: 'UTC',
    plannedMinutes: 90,
  });
  if (answer.status !== 201) throw new Error(`create meeting failed: ${JSON.stringify(answer.body)}`);
  return answer.body.meeting.id;
}

export const SAMPLE_ROSTER = [
  { name: 'Lynn St. Amour', affiliation: 'Internet Matters', email: '', stakeholderGroup: 'civil-society', region: 'weog', role: 'chair' },
  {
    name: 'Flávio Wagner',
    affiliation: 'CGI.br',
    email: '',
    stakeholderGroup: 'civil-society',
    region: 'latin-america-caribbean',
    role: 'member',
  },
  {
    name: 'Haojun Ji',
    affiliation: 'Permanent Mission of China',
    email: '',
    stakeholderGroup: 'government',
    region: 'asia-pacific',
    role: 'member',
  },
] as const;

/** Adds people to the roster; returns their entries (with join URLs) in order. */
export async function addRoster(secretariat: HttpClient, meetingId: string, people = SAMPLE_ROSTER) {
  const entries = [];
  for (const person of people) {
    const answer = await secretariat.post(`/api/meetings/${meetingId}/roster`, person);
    if (answer.status !== 201) throw new Error(`add roster failed: ${JSON.stringify(answer.body)}`);
    entries.push(answer.body.entry as { id: string; name: string; joinUrl: string });
  }
  return entries;
}

/** Opens a personal join link in a fresh "browser"; returns that browser. */
export async function openJoinLink(baseUrl: string, joinUrl: string): Promise<HttpClient> {
  const browser = new HttpClient(baseUrl);
  const token = new URL(joinUrl).pathname.split('/').pop();
  const answer = await browser.post('/api/join', { token });
  if (answer.status !== 200) throw new Error(`join failed: ${JSON.stringify(answer.body)}`);
  return browser;
}
