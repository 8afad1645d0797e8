/**
 * Certificates of attendance: after the meeting has ended, the secretariat downloads one ZIP
 * with a PDF for each person who took part, and each of them their own from their personal
 * link — with their name, the meeting, the time they were present, where from and their
 * speeches per agenda item. Refused before the end, to people who did not take part, to those
 * not on the roster and, for the ZIP, to participants.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DRIVERS, startTestServer, type TestServer } from '../support/test-server.ts';
import { HttpClient } from '../support/http-client.ts';
import { addRoster, createMeeting, openJoinLink, SAMPLE_ROSTER, signInFirstSecretariat } from '../support/meeting-fixtures.ts';
import { connectLive, waitUntil, type LiveClient } from '../support/live-client.ts';
import { downloadBytes, pdfText } from '../support/pdf-reading.ts';
import { unzip } from '../support/unzip.ts';
import { RECORD_WORDS, recordDate } from '../../shared/record/record-words.ts';
import { CERTIFICATE_WORDS } from '../../shared/record/words/certificate-words.ts';
import type { MeetingRecord } from '../../shared/record/record-model.ts';
import type { AgendaItem } from '../../shared/meeting/types.ts';

const w = RECORD_WORDS.en;
const c = CERTIFICATE_WORDS.en;
const ANJA = {
  name: 'Anja Gengo',
  affiliation: 'IGF Secretariat',
  email: '',
  stakeholderGroup: 'intergovernmental-organisation',
  region: 'weog',
  role: 'secretariat',
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const clock = (seconds: number) => `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
/** Runs of spaces as one: pdftotext -layout lines up columns with many. */
const flat = (text: string) => text.replace(/[ \t]+/g, ' ');

describe.each(DRIVERS)('certificates of attendance, on %s', (driver) => {
  let server: TestServer;
  let secretariat: HttpClient;
  let meetingId: string;
  let browsers: HttpClient[] = [];
  let clients: LiveClient[] = [];
  const path = (rest: string) => `/api/meetings/${meetingId}/${rest}`;

  beforeAll(async () => {
    server = await startTestServer(driver);
    secretariat = await signInFirstSecretariat(server);
    meetingId = await createMeeting(secretariat, 'MAG Virtual Meeting III');
    await secretariat.put(path('agenda'), { text: '1 - Adoption of agenda (5 minutes)\n2 - Any other business (10 minutes)' });
    const roster = await addRoster(secretariat, meetingId, [...SAMPLE_ROSTER, ANJA] as unknown as typeof SAMPLE_ROSTER);
    browsers = await Promise.all(roster.map((entry) => openJoinLink(server.baseUrl, entry.joinUrl)));
    // Anja Gengo, of the secretariat, opens her link but never connects: she did not take part.
    clients = browsers.slice(0, 3).map((browser) => connectLive(server.baseUrl, browser, meetingId));
    await waitUntil(() => clients.every((client) => client.replica.status.state === 'live'), 'everyone connected');
  });
  afterAll(async () => {
    for (const client of clients) client.close();
    await server?.close();
  });

  it('issues them once the meeting has ended: all in one ZIP for the secretariat, each person their own', async () => {
    const [chair, flavio, haojun] = clients as [LiveClient, LiveClient, LiveClient];
    const [, flavioBrowser, haojunBrowser, anjaBrowser] = browsers as [HttpClient, HttpClient, HttpClient, HttpClient];
    await chair.command({ type: 'meeting.open' });
    await waitUntil(() => flavio.replica.state?.phase === 'open', 'the meeting open');
    await flavio.command({ type: 'participant.setLocation', participantId: flavio.replica.participantId!, location: 'remote' });
    await haojun.command({ type: 'participant.setLocation', participantId: haojun.replica.participantId!, location: 'room' });
    const [first, second] = chair.replica.state!.agenda as [AgendaItem, AgendaItem];
    const speak = async (participantId: string, ms: number) => {
      await chair.command({ type: 'floor.giveTo', participantId });
      await sleep(ms);
      await chair.command({ type: 'floor.end', speechId: chair.replica.state!.floor!.id });
    };
    await chair.command({ type: 'agenda.startItem', itemId: first.id });
    await speak(flavio.replica.participantId!, 1_100);
    await speak(haojun.replica.participantId!, 600);
    await speak(flavio.replica.participantId!, 1_600);
    await chair.command({ type: 'agenda.startItem', itemId: second.id });
    await speak(flavio.replica.participantId!, 2_100);

    // Not before the meeting has ended.
    expect((await downloadBytes(flavioBrowser, path('certificate.pdf'))).status).toBe(409);
    const early = await secretariat.get(path('certificates.zip'));
    expect(early.status).toBe(409);
    expect(early.body.error).toMatch(/once the meeting has ended/);

    await chair.command({ type: 'meeting.end' });
    await waitUntil(() => flavio.replica.state?.phase === 'ended', 'the meeting ended');

    const record = (await secretariat.get(path('record.json'))).body.record as MeetingRecord;
    const person = (name: string) => record.participants.find((one) => one.name === name)!;
    const spoken = (name: string, itemIndex: number) =>
      record.items[itemIndex]!.speakers.filter((speaker) => speaker.name === name).map((speaker) => speaker.seconds);
    const planned = recordDate(record.plannedStart, 'en');

    // The secretariat: one PDF per person who took part (not Anja Gengo), each with their own facts.
    const zip = await downloadBytes(secretariat, path('certificates.zip'));
    expect(zip.status).toBe(200);
    expect(zip.headers.get('content-type')).toBe('application/zip');
    expect(zip.headers.get('content-disposition')).toBe(`attachment; filename=certificates-${meetingId}.zip`);
    const files = unzip(zip.body);
    expect([...files.keys()].sort()).toEqual([
      'certificate-Flávio-Wagner.pdf',
      'certificate-Haojun-Ji.pdf',
      'certificate-Lynn-St-Amour.pdf',
    ]);
    for (const [name, pdf] of files) {
      const text = flat(pdfText(pdf));
      const holder = record.participants.find(
        (one) => name === `certificate-${one.name.replace(/[^\p{L}]+/gu, '-').replace(/-$/, '')}.pdf`,
      )!;
      expect(text).toContain(c.title);
      expect(text).toContain(holder.name);
      expect(text).toContain('MAG Virtual Meeting III');
      expect(text).toContain(`${c.plannedDate} ${planned}`);
      expect(text).toContain(`${c.issuedBy}`);
      expect(text).toContain('Anja Gengo');
      for (const other of record.participants.filter((one) => one.name !== holder.name)) {
        if (other.name !== 'Anja Gengo') expect(text).not.toContain(other.name);
      }
    }

    // Flávio Wagner, from his own link: his time present and his speeches, in all and per item.
    const own = await downloadBytes(flavioBrowser, path('certificate.pdf'));
    expect(own.status).toBe(200);
    expect(own.headers.get('content-type')).toBe('application/pdf');
    expect(own.headers.get('content-disposition')).toContain(`filename*=UTF-8''certificate-Fl%C3%A1vio-Wagner.pdf`);
    const text = flat(pdfText(own.body));
    const flavioRow = person('Flávio Wagner');
    const time = (ms: number | null) => new Date(ms!).toISOString().slice(11, 16);
    expect(text).toContain(
      `${c.present} ${time(flavioRow.firstJoined)}–${time(flavioRow.lastLeft)} UTC (${w.minutes(flavioRow.minutesConnected)})`,
    );
    expect(text).toContain(`${c.where} Remote`);
    const onFirst = spoken('Flávio Wagner', 0);
    const onSecond = spoken('Flávio Wagner', 1);
    expect(onFirst).toHaveLength(2);
    expect(onSecond).toHaveLength(1);
    const total = [...onFirst, ...onSecond].reduce((sum, seconds) => sum + seconds, 0);
    expect(total).toBeGreaterThanOrEqual(4);
    expect(text).toContain(`${c.speeches} 3 speeches, ${clock(total)} in total`);
    expect(text).toContain(`1 Adoption of agenda 2 ${clock(onFirst[0]! + onFirst[1]!)}`);
    expect(text).toContain(`2 Any other business 1 ${clock(onSecond[0]!)}`);
    expect(text).not.toContain('Haojun Ji');

    // Haojun Ji's: in the room, one speech; and in French when asked.
    const haojunText = flat(pdfText((await downloadBytes(haojunBrowser, path('certificate.pdf'))).body));
    expect(haojunText).toContain('Haojun Ji');
    expect(haojunText).toContain(`${c.where} In the room`);
    expect(haojunText).toContain(`${c.speeches} 1 speech, ${clock(spoken('Haojun Ji', 0)[0]!)} in total`);
    const french = await downloadBytes(haojunBrowser, path('certificate.pdf?lang=fr'));
    expect(french.headers.get('content-language')).toBe('fr');
    expect(flat(pdfText(french.body))).toContain(CERTIFICATE_WORDS.fr.title);
    expect(flat(pdfText(french.body))).toContain(`${CERTIFICATE_WORDS.fr.where} Dans la salle`);

    // Refused: to Anja Gengo, who did not take part; to a participant asking for everyone's; to an account not on the roster; to the room display.
    const absent = await anjaBrowser.get(path('certificate.pdf'));
    expect(absent.status).toBe(404);
    expect(absent.body.error).toMatch(/did not take part/);
    expect((await flavioBrowser.get(path('certificates.zip'))).status).toBe(403);
    const notOnRoster = await secretariat.get(path('certificate.pdf'));
    expect(notOnRoster.status).toBe(404);
    expect(notOnRoster.body.error).toMatch(/roster/);
    const displayUrl = (await secretariat.get(path('').slice(0, -1))).body.displayUrl as string;
    const display = new HttpClient(server.baseUrl);
    expect((await display.post('/api/display', { token: new URL(displayUrl).pathname.split('/').pop() })).status).toBe(200);
    expect((await display.get(path('certificate.pdf'))).status).toBe(403);
    expect((await flavioBrowser.get(path('certificate.pdf?lang=xx'))).status).toBe(400);
  });
});
