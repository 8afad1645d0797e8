/**
 * One record, one instant: a draft generated while a speech is running counts that speech up
 * to the instant the draft was made, and every export of that version — Markdown, HTML (its
 * annex and its charts), DOCX, PDF, JSON, attendance.csv and speaking.csv — prints the same
 * figures, however long after it is downloaded and whatever happened in the meeting since.
 */
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DRIVERS, startTestServer, type TestServer } from '../support/test-server.ts';
import type { HttpClient } from '../support/http-client.ts';
import { addRoster, createMeeting, openJoinLink, signInFirstSecretariat } from '../support/meeting-fixtures.ts';
import { connectLive, waitUntil, type LiveClient } from '../support/live-client.ts';
import { RECORD_WORDS } from '../../shared/record/record-words.ts';
import { unzipText } from '../support/unzip.ts';

const w = RECORD_WORDS.en;
/** The location labels of the English record, by key. */
const LOCATION = w.locations as Record<string, string>;
const GROUP = w.stakeholderGroups as Record<string, string>;
const REGION = w.regions as Record<string, string>;
const LABELS = [...Object.values(LOCATION), ...Object.values(GROUP), ...Object.values(REGION)];

/** One row of a participation table: `remote 1 0:04 67%` (share left out where a format has none). */
type Row = string;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const clock = (seconds: number) => `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
const decode = (text: string) =>
  text
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .trim();

/** Rows `label turns m:ss share%` of the tables that follow a heading, in Markdown. */
function markdownRows(markdown: string, heading: string): Row[] {
  const section = markdown.slice(markdown.indexOf(`### ${heading}\n`)).split('\n\n')[1] ?? '';
  return section
    .split('\n')
    .slice(2)
    .map((line) =>
      line
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim()),
    )
    .map((cells) => cells.join(' '));
}

/** Rows of the HTML table after a heading (the Markdown's annex table, or a chart's figures table). */
function htmlRows(html: string, heading: RegExp): Row[] {
  const at = html.search(heading);
  expect(at, String(heading)).toBeGreaterThan(-1);
  const table = html.slice(at, html.indexOf('</table>', at));
  return [...table.matchAll(/<tr>([\s\S]*?)<\/tr>/g)]
    .map((row) => [...row[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((cell) => decode(cell[1]!)))
    .filter((cells) => LABELS.includes(cells[0]!))
    .map((cells) => cells.join(' '));
}

/** The rows of Word tables whose first cell is a participation label, in document order. */
function docxRows(xml: string): Row[] {
  return [...xml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)]
    .map((row) =>
      [...row[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((cell) =>
        decode([...cell[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((text) => text[1]).join('')),
      ),
    )
    .filter((cells) => LABELS.includes(cells[0]!))
    .map((cells) => cells.join(' '));
}

/** A chart's figures from its description (alt text, aria-label): `remote 0:04, 1 turn (67%)` → `remote 1 0:04 67%`. */
function describedRows(description: string): Row[] {
  const figures = description.slice(description.indexOf(': ') + 2).replace(/\.$/, '');
  return figures.split('; ').map((entry) => {
    const [, label, time, turns, share] = /^(.+) (\d+:\d\d), (\d+) turns? \((\d+)%\)$/.exec(entry)!;
    return `${label} ${turns} ${time} ${share}%`;
  });
}

function pdfText(pdf: Buffer): string {
  return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', '-', '-'], { input: pdf, encoding: 'utf8' });
}

/** Rows of the PDF's tables (`remote   1   0:04   67%`) and of its charts (`remote   0:04 · 1 turn`). */
function pdfRows(text: string): { tables: Row[]; charts: Row[] } {
  const label = LABELS.map((one) => one.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  const table = new RegExp(`^\\s*(${label})\\s{2,}(\\d+)\\s+(\\d+:\\d\\d)\\s+(\\d+%)\\s*$`);
  const chart = new RegExp(`^\\s*(${label})\\s{2,}(\\d+:\\d\\d) · (\\d+) turns?\\s*$`);
  const tables: Row[] = [];
  const charts: Row[] = [];
  for (const line of text.split('\n')) {
    const row = table.exec(line);
    if (row) tables.push(`${row[1]} ${row[2]} ${row[3]} ${row[4]}`);
    const bar = chart.exec(line);
    if (bar) charts.push(`${bar[1]} ${bar[3]} ${bar[2]}`);
  }
  return { tables, charts };
}

function csvRows(csv: string): string[][] {
  return csv
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n')
    .slice(1)
    .map((line) => line.split(','));
}

describe.each(DRIVERS)('one record, one instant, on %s', (driver) => {
  let server: TestServer;
  let secretariat: HttpClient;
  let meetingId: string;
  let clients: LiveClient[] = [];
  let generatedBetween: [number, number];
  const path = (rest: string) => `/api/meetings/${meetingId}/${rest}`;
  /** A download as bytes (DOCX, PDF), with the secretariat's session. */
  const bytes = async (rest: string) => {
    const response = await fetch(server.baseUrl + path(rest), { headers: { cookie: secretariat.cookie!, origin: server.baseUrl } });
    expect(response.status, rest).toBe(200);
    return Buffer.from(await response.arrayBuffer());
  };

  beforeAll(async () => {
    server = await startTestServer(driver);
    secretariat = await signInFirstSecretariat(server);
    meetingId = await createMeeting(secretariat, 'MAG Virtual Meeting III');
    // No proposals, no presentations: the annexes after the agenda are numbered on without a gap.
    await secretariat.put(path('agenda'), { text: '1 - Adoption of agenda (5 minutes)\n2 - Any other business (10 minutes)' });
    const roster = await addRoster(secretariat, meetingId);
    clients = await Promise.all(
      roster.map(async (entry) => connectLive(server.baseUrl, await openJoinLink(server.baseUrl, entry.joinUrl), meetingId)),
    );
    await waitUntil(() => clients.every((client) => client.replica.status.state === 'live'), 'everyone connected');
  });
  afterAll(async () => {
    for (const client of clients) client.close();
    await server?.close();
  });

  it('counts a running speech up to the instant the draft is made, in every format of that draft', async () => {
    const [chair, flavio, haojun] = clients as [LiveClient, LiveClient, LiveClient];
    await chair.command({ type: 'meeting.open' });
    await waitUntil(() => [flavio, haojun].every((client) => client.replica.state?.phase === 'open'), 'the meeting open for everyone');
    await flavio.command({ type: 'participant.setLocation', participantId: flavio.replica.participantId!, location: 'remote' });
    await haojun.command({ type: 'participant.setLocation', participantId: haojun.replica.participantId!, location: 'room' });
    await chair.command({ type: 'agenda.startItem', itemId: chair.replica.state!.agenda[0]!.id });
    await chair.command({ type: 'floor.giveTo', participantId: haojun.replica.participantId! });
    await sleep(1_200);
    await chair.command({ type: 'floor.end', speechId: chair.replica.state!.floor!.id });
    await chair.command({ type: 'floor.giveTo', participantId: flavio.replica.participantId! });
    await sleep(2_300);

    // Flávio is speaking: the draft is made now, then the speech goes on while the exports are downloaded.
    const before = Date.now();
    expect((await secretariat.post(path('record/generate'))).body).toEqual({ version: 1 });
    generatedBetween = [before, Date.now()];
    await sleep(2_100);

    const markdown = (await secretariat.get(path('record.md?version=1'))).body as string;
    const json = (await secretariat.get(path('record.json?version=1'))).body;
    const html = (await secretariat.get(path('record.html?version=1'))).body as string;
    const docx = unzipText(await bytes('record.docx?version=1')).get('word/document.xml')!;
    const pdf = pdfRows(pdfText(await bytes('record.pdf?version=1')));
    const speaking = csvRows((await secretariat.get(path('speaking.csv?version=1'))).body as string);
    const attendance = csvRows((await secretariat.get(path('attendance.csv?version=1'))).body as string);

    // The instant: stated in the draft, and the one the JSON's figures are counted to.
    const record = json.record;
    expect(record.asOf).toBeGreaterThanOrEqual(generatedBetween[0]);
    expect(record.asOf).toBeLessThanOrEqual(generatedBetween[1]);
    const asOf = new Date(record.asOf).toISOString().slice(11, 16);
    expect(markdown).toContain(`**Summary report** — Draft, as of ${asOf} UTC`);
    expect(html).toContain(`Draft, as of ${asOf} UTC`);
    expect(docx).toContain(`Draft, as of ${asOf} UTC`);

    // The running speech counts up to that instant: about 2.3 s, not 0 and not the 4.4 s it had run when downloaded.
    const item = record.items[0];
    const running = item.speakers.find((speaker: { name: string }) => speaker.name === 'Flávio Wagner');
    expect(running.seconds).toBeGreaterThanOrEqual(2);
    expect(running.seconds).toBeLessThanOrEqual(3);
    const remote = record.statistics.byLocation.find((row: { key: string }) => row.key === 'remote');
    expect(Math.round(remote.ms / 1000)).toBe(running.seconds);

    // The figures, as the JSON gives them, and as every other format prints them.
    const share = (ms: number) => Math.round((ms / record.statistics.ms) * 100);
    const expected = (rows: { key: string; turns: number; ms: number }[], labels: Record<string, string>) =>
      rows.map((row) => `${labels[row.key]} ${row.turns} ${clock(Math.round(row.ms / 1000))} ${share(row.ms)}%`);
    const byLocation = expected(record.statistics.byLocation, LOCATION);
    const byGroup = expected(record.statistics.byStakeholderGroup, GROUP);
    expect(byLocation).toHaveLength(2);
    expect(byLocation[0]).toMatch(/^remote 1 0:0[23] \d+%$/);

    expect(markdownRows(markdown, w.byLocation)).toEqual(byLocation);
    expect(markdownRows(markdown, w.byStakeholderGroup)).toEqual(byGroup);
    // HTML: the annex's tables, then each chart's figures table and its description.
    expect(htmlRows(html, new RegExp(`<h3>${w.byLocation}</h3>`))).toEqual(byLocation);
    expect(htmlRows(html, new RegExp(`<h3 id="chart-1">`))).toEqual(byLocation);
    expect(htmlRows(html, new RegExp(`<h3 id="chart-2">`))).toEqual(byGroup);
    const svgLabels = [...html.matchAll(/<svg [^>]*aria-label="([^"]*)"/g)].map((match) => decode(match[1]!));
    expect(describedRows(svgLabels[0]!)).toEqual(byLocation);
    expect(describedRows(svgLabels[1]!)).toEqual(byGroup);
    // DOCX: the annex's tables, and the charts' alt text.
    expect(docxRows(docx)).toEqual([...byLocation, ...byGroup, ...expected(record.statistics.byRegion, REGION)]);
    const altTexts = [...docx.matchAll(/<wp:docPr [^>]*descr="([^"]*)"/g)].map((match) => decode(match[1]!));
    expect(describedRows(altTexts[0]!)).toEqual(byLocation);
    // PDF: the annex's tables, and the charts' bars.
    expect(pdf.tables.slice(0, byLocation.length)).toEqual(byLocation);
    expect(pdf.charts.slice(0, byLocation.length)).toEqual(byLocation.map((row) => row.replace(/ \d+%$/, '')));
    // speaking.csv: turns and seconds.
    expect(speaking.filter((row) => row[0] === 'location').map((row) => `${LOCATION[row[1]!]} ${row[2]} ${clock(Number(row[3]))}`)).toEqual(
      byLocation.map((row) => row.replace(/ \d+%$/, '')),
    );

    // Attendance: who connected, when, and for how long, the same in the annex, the CSV and the JSON.
    const annex = markdown.slice(markdown.indexOf('## Annex III – Attendance'));
    for (const person of record.participants as { name: string; firstJoined: number; minutesConnected: number }[]) {
      const joined = new Date(person.firstJoined).toISOString().slice(11, 16);
      expect(annex).toContain(
        `| ${person.name} | ${w.roles[person.name === 'Lynn St. Amour' ? 'chair' : 'member']} | ${joined} |  | ${person.minutesConnected} |`,
      );
      const row = attendance.find((cells) => cells[0] === person.name)!;
      expect([row[6], row[7], row[9]]).toEqual(['yes', new Date(person.firstJoined).toISOString(), String(person.minutesConnected)]);
    }

    // Annexes in order without a gap (no proposals), and none left empty.
    expect([...markdown.matchAll(/^## (Annex .*)$/gm)].map((match) => match[1])).toEqual([
      'Annex I – Agenda',
      'Annex II – List of participants',
      'Annex III – Attendance',
      'Annex IV – Participation statistics',
    ]);
    expect(html).toContain('<h2>Annex IV – Participation statistics</h2>');
    expect(html).not.toContain('Annex V');
  });

  it('prints the same figures for that draft after the meeting went on, in another language too', async () => {
    const [chair, , haojun] = clients as [LiveClient, LiveClient, LiveClient];
    const json = (await secretariat.get(path('record.json?version=1'))).body;
    await chair.command({ type: 'floor.end', speechId: chair.replica.state!.floor!.id });
    await chair.command({ type: 'floor.giveTo', participantId: haojun.replica.participantId! });
    await sleep(1_100);
    await chair.command({ type: 'floor.end', speechId: chair.replica.state!.floor!.id });
    await chair.command({ type: 'agenda.startItem', itemId: chair.replica.state!.agenda[1]!.id });

    const later = (await secretariat.get(path('record.json?version=1'))).body;
    expect(later.record).toEqual(json.record);
    // Generated again in French from the meeting as of the draft's instant: the same figures, in French.
    const french = (await secretariat.get(path('record.md?version=1&lang=fr'))).body as string;
    const remote = json.record.statistics.byLocation.find((row: { key: string }) => row.key === 'remote');
    expect(french).toContain(`| à distance | 1 | ${clock(Math.round(remote.ms / 1000))} |`);
    expect(french).toContain(`situation à ${new Date(json.record.asOf).toISOString().slice(11, 16)} UTC`);
    // The meeting as it is now is another instant: three turns, the running speech ended.
    const now = csvRows((await secretariat.get(path('speaking.csv'))).body as string);
    expect(now.filter((row) => row[0] === 'location').reduce((sum, row) => sum + Number(row[2]), 0)).toBe(3);
  });

  it('says what happened, from the log: a presentation cut short by the chair, the times the meeting opened and closed, who left with its end', async () => {
    const [chair, , haojun] = clients as [LiveClient, LiveClient, LiveClient];
    const itemId = chair.replica.state!.agenda[1]!.id;
    await chair.command({
      type: 'agenda.addPresentation',
      itemId,
      presenterId: haojun.replica.participantId!,
      title: 'Open Forums',
      minutes: 5,
    });
    const presentation = chair.replica.state!.agenda[1]!.presentations[0]!;
    await chair.command({ type: 'floor.startPresentation', presentationId: presentation.id });
    await sleep(1_100);
    await chair.command({ type: 'floor.end', speechId: chair.replica.state!.floor!.id });
    await chair.command({ type: 'meeting.end' });
    const { version } = (await secretariat.post(path('record/generate'))).body as { version: number };
    const markdown = (await secretariat.get(path(`record.md?version=${version}`))).body as string;
    const record = (await secretariat.get(path(`record.json?version=${version}`))).body.record;

    expect(markdown).toMatch(/Presentations: Open Forums \(Haojun Ji, 5 minutes allotted, 0:0[12] used, cut short by the chair\)/);
    const hhmm = (ms: number) => new Date(ms).toISOString().slice(11, 16);
    expect(markdown).toContain(`| Time | ${hhmm(record.openedAt)}–${hhmm(record.endedAt)} UTC`);
    expect(record.asOf).toBe(record.endedAt);
    // Everyone is still connected: they left with the meeting's end.
    for (const person of record.participants) expect(person.lastLeft, person.name).toBe(record.endedAt);
    expect(markdown).toContain(`| Haojun Ji | Member | ${hhmm(record.participants[2].firstJoined)} | ${hhmm(record.endedAt)} |`);
  });
});
