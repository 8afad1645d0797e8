/**
 * The meeting record after a short meeting, against a server of its own. The meeting is set up
 * through the HTTP API; a member raises a hand through the socket API; the chair (joined by
 * link) runs the rest in the browser and ends the meeting, is told the draft summary is ready
 * and opens it. The secretariat, signed in, rewrites a paragraph of the draft in the rich-text
 * editor (HTML typed in stays text), saves it (version 2), regenerates from the meeting (version 3), finds
 * both versions listed and the edit still in version 2, finalises version 2, sees it read-only
 * with who finalised it, downloads the Word and PDF files, and shares the final record, which
 * a participant then reads on the meeting page.
 */
import { readFile } from 'node:fs/promises';
import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { HttpClient } from '../support/http-client.ts';
import { connectLive, waitUntil, type LiveClient } from '../support/live-client.ts';
import { escapeRegExp, openChairTab, serverForSuite, setUpMeeting as setUpThroughApi } from './support.ts';

const ADMIN = { email: 'secretariat@example.org', password: 'correct horse battery staple' };
/** The name the server gives the account it creates from ADMIN_EMAIL and ADMIN_PASSWORD. */
const ADMIN_NAME = 'Secretariat';

const MEETING = {
  title: 'MAG Virtual Meeting III',
  body: 'Multistakeholder Advisory Group',
  startsAtLocal: '2017-04-11T22:00',
  timeZone: 'UTC',
  plannedMinutes: 30,
};
const AGENDA_TEXT = ['1 - Adoption of agenda (5 minutes)', '2 - Workshop evaluation process (20 minutes)', '3 - AOB (5 minutes)'].join(
  '\n',
);

const CHAIR = 'Lynn St. Amour';
/** Raises a hand through the socket API and is given the floor. */
const SPEAKER = 'Flávio Wagner';
/** Reads the shared record on the meeting page. */
const READER = 'Mary Uduma';

const ROSTER_CSV = [
  'name,affiliation,email,stakeholder group,region,role',
  `${CHAIR},Internet Matters,,civil society,WEOG,chair`,
  `${SPEAKER},CGI.br,,civil society,Latin America and Caribbean,member`,
  `${READER},Nigeria Internet Registration Association,,private sector,Africa,member`,
].join('\n');

/** What the secretariat types over item 1's paragraph: a marker to find it by, raw HTML and a script link that stay text. */
const EDIT_MARKER = 'The agenda was adopted as proposed, with the 2018 calendar added under AOB.';
const EDITED_PARAGRAPH = `Item 1 – Adoption of agenda. ${EDIT_MARKER} <em>Raw HTML stays text</em> and [this is no link](javascript:alert(1)).`;

interface MeetingLinks {
  meetingId: string;
  chair: string;
  speaker: string;
  reader: string;
}

async function setUpMeeting(baseUrl: string): Promise<MeetingLinks> {
  const meeting = await setUpThroughApi(baseUrl, { admin: ADMIN, meeting: MEETING, agendaText: AGENDA_TEXT, rosterCsv: ROSTER_CSV });
  const joinUrl = (name: string) => meeting.person(name).joinUrl;
  return { meetingId: meeting.meetingId, chair: joinUrl(CHAIR), speaker: joinUrl(SPEAKER), reader: joinUrl(READER) };
}

/** A participant's live connection through the socket API, after opening their join link. */
async function joinBySocket(baseUrl: string, joinUrl: string, meetingId: string): Promise<LiveClient> {
  const client = new HttpClient(baseUrl);
  const token = new URL(joinUrl).pathname.split('/').pop();
  const joined = await client.post('/api/join', { token });
  expect(joined.status, JSON.stringify(joined.body)).toBe(200);
  const live = connectLive(baseUrl, client, meetingId);
  await waitUntil(() => live.replica.status.state === 'live', 'the socket client entered the meeting');
  return live;
}

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  return context.newPage();
}

/** The version rows of the versions table, newest first. */
function versionRows(page: Page): Locator {
  return page
    .getByRole('table', { name: 'Versions', exact: true })
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader') });
}

/** One row as it reads: version, how it was made, by whom, when (UTC), and whether it is open. */
function rowPattern(version: number, made: string, by: string, end: string): RegExp {
  return new RegExp(
    `^\\s*Version ${version}\\s*${escapeRegExp(made)}\\s*${escapeRegExp(by)}\\s*\\d{1,2} [A-Z][a-z]+ \\d{4}, \\d\\d:\\d\\d UTC\\s*${escapeRegExp(end)}\\s*$`,
  );
}

/** Clicks a download link; returns the file's name and first bytes. */
async function download(page: Page, name: string): Promise<{ filename: string; head: string }> {
  const downloading = page.waitForEvent('download', { timeout: 30_000 });
  await page.getByRole('link', { name, exact: true }).click();
  const file = await downloading;
  const path = await file.path();
  const bytes = await readFile(path);
  return { filename: file.suggestedFilename(), head: bytes.subarray(0, 8).toString('latin1') };
}

test.describe('the meeting record: edit, versions, regenerate, finalise, export, share', () => {
  // A control that never comes fails the step in seconds, not at the test's time limit.
  test.use({ actionTimeout: 15_000 });

  const server = serverForSuite({ ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password });

  test('the secretariat edits the draft, regenerates, finalises and downloads; participants read what is shared', async ({ browser }) => {
    test.setTimeout(120_000);
    const links = await test.step('the secretariat sets the meeting up through the API', () => setUpMeeting(server.baseUrl));
    const { meetingId } = links;
    const recordPath = `/meetings/${encodeURIComponent(meetingId)}/record`;

    const chair = await newPage(browser);
    const speaker = await test.step(`${SPEAKER} joins through the socket API`, () =>
      joinBySocket(server.baseUrl, links.speaker, meetingId));

    await test.step('a short meeting: the chair opens it and starts item 1; a hand goes up; the chair gives the floor and ends the meeting', async () => {
      await chair.goto(links.chair);
      await expect(chair.getByText(`You are ${CHAIR}, chair.`, { exact: true })).toBeVisible();
      await expect(chair.getByRole('link', { name: 'Meeting record', exact: true })).toBeVisible();
      await chair.getByRole('button', { name: 'Open the meeting', exact: true }).click();
      await chair.getByRole('button', { name: 'Start item 1', exact: true }).click();
      await expect(chair.getByRole('region', { name: 'Agenda item', exact: true })).toContainText('1 Adoption of agenda');

      await waitUntil(() => speaker.replica.state?.currentItemId != null, 'the speaker sees item 1 started');
      const you = speaker.replica.participantId!;
      await speaker.command({ type: 'participant.setLocation', participantId: you, location: 'remote' });
      await speaker.command({ type: 'queue.raiseHand', kind: 'new-point', note: '' });
      const queue = chair.getByRole('list', { name: 'Speaking queue of item 1', exact: true });
      await expect(queue.getByRole('listitem')).toHaveText([new RegExp(`^1\\s*${escapeRegExp(SPEAKER)}`)]);

      await chair.getByRole('button', { name: 'Give the floor to next', exact: true }).click();
      await expect(chair.getByRole('region', { name: 'Has the floor', exact: true })).toContainText(SPEAKER);

      await openChairTab(chair, 'Meeting');
      await chair.getByRole('button', { name: 'End the meeting', exact: true }).click();
      await chair.getByRole('button', { name: 'Yes, end the meeting', exact: true }).click();
      await expect(chair.getByText(/Nothing more can be recorded\./)).toBeVisible();
    });

    await test.step('the chair is told the draft summary is ready, and opens it from the console (joined by link)', async () => {
      const ready = chair.getByRole('status').filter({ hasText: 'The draft summary is ready.' });
      await expect(ready).toBeVisible();
      await ready.getByRole('link', { name: 'Open the meeting record', exact: true }).click();
      await expect(chair).toHaveURL(new RegExp(`${escapeRegExp(recordPath)}$`));
      await expect(chair.getByRole('heading', { level: 1, name: 'Meeting record', exact: true })).toBeVisible();
      await expect(versionRows(chair)).toHaveText([rowPattern(1, 'Generated from the meeting', CHAIR, 'In the editor')]);
      await expect(chair.getByRole('textbox', { name: 'Record text', exact: true })).toContainText('Adoption of agenda');
    });

    const page = await newPage(browser);
    const editor = page.getByRole('textbox', { name: 'Record text', exact: true });

    await test.step('the secretariat signs in and opens the record from the set-up page', async () => {
      await page.goto(new URL('/signin', server.baseUrl).toString());
      await page.getByLabel('Email', { exact: true }).fill(ADMIN.email);
      await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Meetings' })).toBeVisible();

      await page.goto(new URL(`/meetings/${encodeURIComponent(meetingId)}`, server.baseUrl).toString());
      await expect(page.getByRole('heading', { level: 1, name: MEETING.title, exact: true })).toBeVisible();
      await page.getByRole('link', { name: 'Meeting record', exact: true }).click();
      await expect(page).toHaveURL(new RegExp(`${escapeRegExp(recordPath)}$`));
      await expect(page.getByRole('heading', { level: 1, name: 'Meeting record', exact: true })).toBeVisible();
      await expect(page.getByTestId('record-meeting-title')).toHaveText(MEETING.title);
      await expect(versionRows(page)).toHaveText([rowPattern(1, 'Generated from the meeting', CHAIR, 'In the editor')]);
      await expect(editor).toContainText(`Speakers, in order: ${SPEAKER} (remote)`);
      await expect(editor.getByRole('heading', { level: 1, name: MEETING.title, exact: true })).toBeVisible();
    });

    await test.step('the secretariat rewrites the paragraph of item 1 in the editor: HTML and a link typed in stay text', async () => {
      await editor.locator('ol > li').first().locator('p').first().click({ clickCount: 3 });
      await page.keyboard.type(EDITED_PARAGRAPH);
      await expect(page.getByText('Unsaved changes.', { exact: true })).toBeVisible();
      await expect(editor.getByText(EDIT_MARKER, { exact: false })).toBeVisible();
      await expect(editor.getByText('<em>Raw HTML stays text</em>', { exact: false })).toBeVisible();
      await expect(editor.locator('em')).toHaveCount(0);
      await expect(editor.getByText('this is no link', { exact: false })).toBeVisible();
      await expect(editor.getByRole('link', { name: 'this is no link' })).toHaveCount(0);
    });

    await test.step('saving makes version 2', async () => {
      await page.getByRole('button', { name: 'Save as new version', exact: true }).click();
      await expect(page.getByRole('status').filter({ hasText: 'Saved as version 2.' })).toBeVisible();
      await expect(versionRows(page)).toHaveText([
        rowPattern(2, 'Edited from version 1', ADMIN_NAME, 'In the editor'),
        rowPattern(1, 'Generated from the meeting', CHAIR, 'Open version 1'),
      ]);
      await expect(page.getByText('Unsaved changes.', { exact: true })).toHaveCount(0);
      await expect(editor).toContainText(EDIT_MARKER);
    });

    await test.step('regenerating from the meeting makes version 3 and keeps the edited version 2', async () => {
      await page.getByRole('button', { name: 'Regenerate from the meeting', exact: true }).click();
      await expect(page.getByRole('status').filter({ hasText: 'Version 3 generated from the meeting.' })).toBeVisible();
      await expect(versionRows(page)).toHaveText([
        rowPattern(3, 'Generated from the meeting', ADMIN_NAME, 'In the editor'),
        rowPattern(2, 'Edited from version 1', ADMIN_NAME, 'Open version 2'),
        rowPattern(1, 'Generated from the meeting', CHAIR, 'Open version 1'),
      ]);
      await expect(editor).not.toContainText(EDIT_MARKER);
      await expect(editor).toContainText('Adoption of agenda');

      await page.getByRole('button', { name: 'Open version 2', exact: true }).click();
      await expect(versionRows(page).nth(1)).toHaveText(rowPattern(2, 'Edited from version 1', ADMIN_NAME, 'In the editor'));
      await expect(editor.getByText(EDIT_MARKER, { exact: false })).toBeVisible();
    });

    await test.step('the secretariat finalises version 2, after confirming: the record is read-only, with who finalised it', async () => {
      await page.getByRole('button', { name: 'Finalise this version', exact: true }).click();
      const confirm = page.getByRole('dialog', { name: /^Finalise version 2\?/ });
      await expect(confirm).toBeVisible();
      await confirm.getByRole('button', { name: 'Yes, finalise version 2', exact: true }).click();

      const note = page.getByTestId('record-finalised');
      const finalisedBy = new RegExp(`Finalised by ${escapeRegExp(ADMIN_NAME)} on \\d{1,2} [A-Z][a-z]+ \\d{4}, \\d\\d:\\d\\d UTC\\.`);
      await expect(note).toContainText(finalisedBy);
      await expect(note).toContainText('Final record: version 2.');
      await expect(editor).toHaveCount(0);
      for (const name of ['Save as new version', 'Regenerate from the meeting', 'Finalise this version']) {
        await expect(page.getByRole('button', { name, exact: true })).toHaveCount(0);
      }
      await expect(page.getByTestId('record-document').getByText(EDIT_MARKER, { exact: false })).toBeVisible();
      await expect(versionRows(page).nth(1)).toContainText('Version 2 Final');

      // The server holds it so: after a reload it is still final and read-only.
      await page.reload();
      await expect(page.getByTestId('record-finalised')).toContainText(finalisedBy);
      await expect(page.getByTestId('record-document').getByText(EDIT_MARKER, { exact: false })).toBeVisible();
      await expect(editor).toHaveCount(0);
    });

    await test.step('the secretariat downloads the final record as Word and PDF', async () => {
      await expect(page.getByRole('heading', { name: 'Record, version 2 (final)', exact: true })).toBeVisible();
      const docx = await download(page, 'Word (.docx)');
      expect(docx.filename).toBe(`record-${meetingId}-v2.docx`);
      expect(docx.head.slice(0, 2)).toBe('PK');
      const pdf = await download(page, 'PDF (.pdf)');
      expect(pdf.filename).toBe(`record-${meetingId}-v2.pdf`);
      expect(pdf.head.slice(0, 4)).toBe('%PDF');
      // Every other export is offered too, and each link gives its file.
      for (const [name, filename] of [
        ['Markdown (.md)', `record-${meetingId}-v2.md`],
        ['Web page (.html)', `record-${meetingId}-v2.html`],
        // The figures of the open version: counted to the same instant as its record.
        ['Attendance (.csv)', `attendance-${meetingId}-v2.csv`],
        ['Speaking statistics (.csv)', `speaking-${meetingId}-v2.csv`],
        ['Transcript: Text (.txt)', `transcript-${meetingId}.txt`],
        ['Transcript: WebVTT subtitles (.vtt)', `transcript-${meetingId}.vtt`],
        ['Transcript: SubRip subtitles (.srt)', `transcript-${meetingId}.srt`],
      ] as const) {
        expect((await download(page, name)).filename).toBe(filename);
      }
    });

    await test.step('the secretariat downloads the record with its headings in French', async () => {
      await page.getByLabel('Language of the record', { exact: true }).selectOption({ label: 'Français' });
      const downloading = page.waitForEvent('download', { timeout: 30_000 });
      await page.getByRole('link', { name: 'Web page (.html)', exact: true }).click();
      const file = await downloading;
      expect(file.suggestedFilename()).toBe(`record-${meetingId}-v2-fr.html`);
      const html = await readFile(await file.path(), 'utf8');
      expect(html).toContain('lang="fr');
      expect(html).toContain('Graphiques de participation');
      // What the secretariat wrote stays as written.
      expect(html).toContain(EDIT_MARKER);
    });

    await test.step('the secretariat shares the final record; a participant reads it on the meeting page', async () => {
      const share = page.getByRole('radio', { name: 'Share the final record', exact: true });
      await expect(page.getByRole('radio', { name: 'Not shared', exact: true })).toBeChecked();
      await share.check();
      await expect(share).toBeChecked();

      const reader = await newPage(browser);
      await reader.goto(links.reader);
      await expect(reader.getByText(`You are ${READER}, member.`, { exact: true })).toBeVisible();
      const shared = reader.getByRole('region', { name: 'Meeting record', exact: true });
      await expect(shared.getByTestId('shared-record-status')).toHaveText(/^\s*Final record\s*\(version 2\)\.\s*$/);
      await expect(shared.getByTestId('shared-record').getByText(EDIT_MARKER, { exact: false })).toBeVisible();
      await expect(shared.getByTestId('shared-record').locator('em')).toHaveCount(0);
      await expect(shared.getByRole('link', { name: 'PDF (.pdf)', exact: true })).toHaveAttribute(
        'href',
        `/api/meetings/${encodeURIComponent(meetingId)}/record.pdf`,
      );
      const pdf = await download(reader, 'PDF (.pdf)');
      expect(pdf.head.slice(0, 4)).toBe('%PDF');

      // The record page itself is for those who work on the record.
      await reader.goto(new URL(recordPath, server.baseUrl).toString());
      await expect(reader.getByText('Only the chair, co-chairs and the secretariat work on the record.', { exact: true })).toBeVisible();
      await expect(reader.getByRole('textbox', { name: 'Record text', exact: true })).toHaveCount(0);
      await reader.context().close();
    });

    speaker.close();
    for (const each of [chair, page]) await each.context().close();
  });
});
