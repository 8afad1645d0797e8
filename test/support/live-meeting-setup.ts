/** A live meeting set up through the real API: agenda, roster, everyone connected, opened by the chair. */
import type { TestServer } from './test-server.ts';
import type { HttpClient } from './http-client.ts';
import { createMeeting, openJoinLink } from './meeting-fixtures.ts';
import { connectLive, waitUntil, type LiveClient } from './live-client.ts';

export interface LiveMeeting {
  meetingId: string;
  chair: LiveClient;
  /** With `coChair: true` only. */
  coChair?: LiveClient;
  members: LiveClient[];
  all: LiveClient[];
  /** Roster ids, chair first (then the co-chair, if any). */
  rosterIds: string[];
  itemIds: string[];
}

export const TWO_ITEMS = ['1 - Adoption of the agenda (5 minutes)', '2 - Best Practice Forums (30 minutes)'].join('\n');

export interface LiveMeetingOptions {
  title?: string;
  /** A co-chair on the roster after the chair, connected too. */
  coChair?: boolean;
}

/** The chair, the co-chair if asked for, then `Member 1` to `Member n`, everyone connected, the meeting opened. */
export async function setUpLiveMeeting(
  server: TestServer,
  secretariat: HttpClient,
  memberCount: number,
  { title = 'MAG Virtual Meeting III', coChair = false }: LiveMeetingOptions = {},
): Promise<LiveMeeting> {
  const meetingId = await createMeeting(secretariat, title);
  await secretariat.put(`/api/meetings/${meetingId}/agenda`, { text: TWO_ITEMS });
  const csv = [
    'name,stakeholder group,region,role',
    'Chair Person,civil society,Africa,chair',
    ...(coChair ? ['Co Chair,government,WEOG,co-chair'] : []),
    ...Array.from({ length: memberCount }, (_, index) => `Member ${index + 1},technical community,Asia-Pacific,member`),
  ].join('\n');
  const roster = (await secretariat.post(`/api/meetings/${meetingId}/roster/import`, { csv })).body.roster as {
    id: string;
    joinUrl: string;
  }[];
  const all = await Promise.all(
    roster.map(async (entry) => connectLive(server.baseUrl, await openJoinLink(server.baseUrl, entry.joinUrl), meetingId)),
  );
  await waitUntil(() => all.every((client) => client.replica.status.state === 'live'), 'everyone connected');
  const [chair, ...others] = all;
  const members = coChair ? others.slice(1) : others;
  await chair!.command({ type: 'meeting.open' });
  const itemIds = chair!.replica.state!.agenda.map((item) => item.id);
  const rosterIds = roster.map((entry) => entry.id);
  return { meetingId, chair: chair!, ...(coChair ? { coChair: others[0]! } : {}), members, all, rosterIds, itemIds };
}

/** Every download of a meeting the secretariat can take. */
export function exportPaths(meetingId: string): string[] {
  const base = `/api/meetings/${meetingId}`;
  return [
    ...['md', 'html', 'docx', 'pdf', 'json'].map((format) => `${base}/record.${format}`),
    ...['txt', 'vtt', 'srt', 'json'].map((format) => `${base}/transcript.${format}`),
    `${base}/chat.csv`,
    `${base}/chat.txt`,
    `${base}/attendance.csv`,
    `${base}/speaking.csv`,
    `${base}/export.json`,
    `${base}/links.csv`,
  ];
}
