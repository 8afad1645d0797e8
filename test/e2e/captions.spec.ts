/**
 * Live captions in four real browsers against a server of its own: the chair's console, the
 * captioner's console, a remote participant and the room display. The chair opens the
 * meeting, starts item 1 and gives the floor to the remote participant; the captioner types.
 * The words reach the participant and the room display while they are being typed (the
 * draft), before Enter; after Enter the finished line is there, attributed to whoever holds
 * the floor. The participant's caption text size survives a reload, and the captions-only
 * page shows the same line.
 *
 * The meeting is set up through the HTTP API, as the set-up page would; everything after that
 * happens in the browsers, and every wait is on something a person would see.
 */
import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { escapeRegExp, serverForSuite, setUpMeeting as setUpThroughApi } from './support.ts';

const ADMIN = { email: 'secretariat@example.org', password: 'correct horse battery staple' };

const MEETING = {
  title: 'IGF 2021 Open Consultations and MAG Meeting, Day 2',
  body: 'MAG',
  startsAtLocal: '2021-03-24T13:00',
  timeZone: 'UTC',
  plannedMinutes: 60,
};

const AGENDA_TEXT = ['1 - Workshop evaluation process (20 minutes)', '2 - AOB (5 minutes)'].join('\n');
const ITEM_1 = 'Workshop evaluation process';

const CHAIR = 'Anriette Esterhuysen';
const REMOTE = 'Sylvia Cadena';
const CAPTIONER = 'Kimberly Schuster';

const ROSTER_CSV = [
  'name,affiliation,email,stakeholder group,region,role',
  `${CHAIR},Association for Progressive Communications,,civil society,Africa,chair`,
  `${REMOTE},APNIC Foundation,,technical community,Asia-Pacific,member`,
  `${CAPTIONER},Caption First,,private sector,WEOG,captioner`,
].join('\n');

/** What the captioner types, in two halves, so that each half is seen on its own before the line ends. */
const FIRST_WORDS = 'Thank you, Chair. We support the proposal';
const MORE_WORDS = ' to publish the evaluation criteria in advance.';
const LINE = FIRST_WORDS + MORE_WORDS;
/** Each key with a small pause, as a person types. */
const TYPING_DELAY_MS = 25;

interface MeetingLinks {
  meetingId: string;
  chair: string;
  remote: string;
  captioner: string;
  display: string;
}

/** The secretariat sets the meeting up through the API, as the set-up page does: details, agenda, roster. */
async function setUpMeeting(baseUrl: string): Promise<MeetingLinks> {
  const meeting = await setUpThroughApi(baseUrl, { admin: ADMIN, meeting: MEETING, agendaText: AGENDA_TEXT, rosterCsv: ROSTER_CSV });
  const joinUrl = (name: string) => meeting.person(name).joinUrl;
  return {
    meetingId: meeting.meetingId,
    chair: joinUrl(CHAIR),
    remote: joinUrl(REMOTE),
    captioner: joinUrl(CAPTIONER),
    display: meeting.displayUrl,
  };
}

async function newPage(browser: Browser, viewport: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ viewport });
  return context.newPage();
}

/** The participant's captions panel. */
function captionsPanel(page: Page): Locator {
  return page.getByRole('region', { name: 'Captions', exact: true });
}

/** "Name: words", as a line reads when it names its speaker. */
function attributed(name: string, words: string): RegExp {
  return new RegExp(`^\\s*${escapeRegExp(name)}:\\s+${escapeRegExp(words)}\\s*$`);
}

/** The font size a caption line is drawn in, in CSS pixels. */
async function fontSizeOf(line: Locator): Promise<number> {
  return line.evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
}

test.describe('live captions: the draft as it is typed, the finished line, settings kept on the device', () => {
  // A control that never comes fails the step in seconds, not at the test's time limit.
  test.use({ actionTimeout: 15_000 });

  const server = serverForSuite({ ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password });

  test('the captioner types; the participant and the room display follow; the text size stays after a reload', async ({ browser }) => {
    test.setTimeout(120_000);
    const links = await test.step('the secretariat sets the meeting up through the API', () => setUpMeeting(server.baseUrl));

    const chair = await newPage(browser, { width: 1440, height: 900 });
    const captioner = await newPage(browser, { width: 1280, height: 900 });
    const remote = await newPage(browser, { width: 1280, height: 900 });
    const display = await newPage(browser, { width: 1920, height: 1080 });

    await test.step('everyone opens their link', async () => {
      await chair.goto(links.chair);
      await expect(chair.getByText(`You are ${CHAIR}, chair.`, { exact: true })).toBeVisible();
      await expect(chair.getByTestId('chair-console')).toBeVisible();

      await captioner.goto(links.captioner);
      await expect(captioner.getByText(`You are ${CAPTIONER}, captioner.`, { exact: true })).toBeVisible();
      await expect(captioner.getByRole('heading', { name: 'Write captions', exact: true })).toBeVisible();
      await expect(captioner.getByRole('textbox', { name: 'Caption', exact: true })).toBeVisible();

      await remote.goto(links.remote);
      await expect(remote.getByText(`You are ${REMOTE}, member.`, { exact: true })).toBeVisible();
      await expect(remote.getByText('Connected', { exact: true })).toBeVisible();
      await expect(
        captionsPanel(remote).getByText('No captions yet. They appear here as the captioner types.', { exact: true }),
      ).toBeVisible();

      await display.goto(links.display);
      await expect(display.getByTestId('room-display')).toBeVisible();
      await expect(display.getByRole('heading', { name: 'The meeting has not started yet.', exact: true })).toBeVisible();
    });

    await test.step(`the chair opens the meeting, starts item 1 and gives the floor to ${REMOTE}`, async () => {
      await chair.getByRole('button', { name: 'Open the meeting', exact: true }).click();
      await chair.getByRole('button', { name: 'Start item 1', exact: true }).click();
      for (const page of [chair, remote, display]) {
        await expect(page.getByRole('region', { name: 'Agenda item', exact: true })).toContainText(`1 ${ITEM_1}`);
      }
      const giveTo = chair.getByRole('form', { name: 'Give the floor to someone not queued', exact: true });
      await giveTo.getByLabel('Person', { exact: true }).selectOption({ label: REMOTE });
      await giveTo.getByRole('button', { name: 'Give them the floor', exact: true }).click();
      for (const page of [chair, remote, display]) {
        await expect(page.getByRole('region', { name: 'Has the floor', exact: true })).toContainText(REMOTE);
      }
      // The captioner's console says whom the captions go to.
      await expect(captioner.getByTestId('caption-attribution')).toHaveText(REMOTE);
    });

    const field = captioner.getByRole('textbox', { name: 'Caption', exact: true });
    const remoteDraft = captionsPanel(remote).getByTestId('caption-draft');
    const remoteLines = captionsPanel(remote).getByTestId('caption-line');
    const displayCaptions = captionsPanel(display);

    await test.step('while the captioner types, the participant and the room display see the words (the draft)', async () => {
      await field.click();
      await field.pressSequentially(FIRST_WORDS, { delay: TYPING_DELAY_MS });
      // The first half, before the captioner has typed the rest.
      await expect(remoteDraft).toHaveText(attributed(REMOTE, FIRST_WORDS));
      await expect(displayCaptions).toHaveText(attributed(REMOTE, FIRST_WORDS));

      await field.pressSequentially(MORE_WORDS, { delay: TYPING_DELAY_MS });
      await expect(remoteDraft).toHaveText(attributed(REMOTE, LINE));
      await expect(displayCaptions).toHaveText(attributed(REMOTE, LINE));
      // Still a draft: no line is finished before Enter.
      await expect(field).toHaveValue(LINE);
      await expect(remoteLines).toHaveCount(0);
    });

    await test.step(`after Enter, the finished line is on both screens, attributed to ${REMOTE}, who has the floor`, async () => {
      await field.press('Enter');
      await expect(field).toHaveValue('');
      await expect(remoteLines).toHaveCount(1);
      await expect(remoteLines).toHaveText(attributed(REMOTE, LINE));
      await expect(remoteDraft).toHaveCount(0);
      await expect(displayCaptions.getByText(LINE, { exact: false })).toHaveCount(1);
      await expect(displayCaptions).toHaveText(attributed(REMOTE, LINE));
      // The captioner's console shows the line as readers see it.
      await expect(captionsPanel(captioner).getByTestId('caption-line')).toHaveText(attributed(REMOTE, LINE));
    });

    const sizeControl = captionsPanel(remote).getByLabel('Caption text size', { exact: true });
    /** A caption line's font size at the default setting (100%). */
    let normal = 0;

    await test.step('the participant makes the caption text larger; it stays after a reload', async () => {
      const line = remoteLines.first();
      normal = await fontSizeOf(line);
      expect(normal).toBeGreaterThan(0);

      await captionsPanel(remote).getByText('Caption settings', { exact: true }).click();
      await expect(sizeControl).toHaveValue('100');
      await sizeControl.selectOption({ label: '150%' });
      await expect(sizeControl).toHaveValue('150');
      await expect.poll(() => fontSizeOf(line)).toBeCloseTo(normal * 1.5, 1);

      await remote.reload();
      await expect(remote.getByText(`You are ${REMOTE}, member.`, { exact: true })).toBeVisible();
      // The line is loaded again, drawn at the size kept on this device.
      await expect(remoteLines).toHaveText([attributed(REMOTE, LINE)]);
      await expect.poll(() => fontSizeOf(remoteLines.first())).toBeCloseTo(normal * 1.5, 1);
      await captionsPanel(remote).getByText('Caption settings', { exact: true }).click();
      await expect(sizeControl).toHaveValue('150');
    });

    await test.step('the captions-only page shows the same line', async () => {
      await captionsPanel(remote).getByRole('link', { name: 'Captions only', exact: true }).click();
      await expect(remote).toHaveURL(new RegExp(`/m/${escapeRegExp(encodeURIComponent(links.meetingId))}/captions$`));
      await expect(remote.getByRole('heading', { level: 1, name: 'Captions', exact: true })).toBeVisible();
      await expect(remote.getByTestId('captions-floor')).toContainText(`Has the floor: ${REMOTE}`);
      const onlyLines = captionsPanel(remote).getByTestId('caption-line');
      await expect(onlyLines).toHaveText([attributed(REMOTE, LINE)]);
      // The same device, the same caption settings.
      await expect.poll(() => fontSizeOf(onlyLines.first())).toBeCloseTo(normal * 1.5, 1);
    });

    for (const page of [chair, captioner, remote, display]) await page.context().close();
  });

  test('a reader who scrolls back keeps their place while lines arrive, is told how many are new, and jumps back', async ({ browser }) => {
    test.setTimeout(90_000);
    const meeting = await setUpThroughApi(server.baseUrl, {
      admin: ADMIN,
      meeting: MEETING,
      agendaText: AGENDA_TEXT,
      rosterCsv: ROSTER_CSV,
    });
    let seq = 0;
    const postLine = async (text: string) => {
      const url = new URL(meeting.captionUrl);
      url.searchParams.set('seq', String(++seq));
      const answer = await fetch(url, { method: 'POST', headers: { 'content-type': 'text/plain; charset=utf-8' }, body: `${text}\n` });
      expect(answer.status).toBe(200);
    };
    const remote = await newPage(browser, { width: 1280, height: 900 });
    await remote.goto(meeting.person(REMOTE).joinUrl);
    const panel = captionsPanel(remote);
    const transcript = panel.getByRole('group', { name: 'Transcript', exact: true });
    const lines = panel.getByTestId('caption-line');
    const atEnd = () => transcript.evaluate((element) => element.scrollHeight - element.scrollTop - element.clientHeight <= 8);

    for (let line = 1; line <= 12; line++) await postLine(`Line ${line} of the transcript.`);
    await expect(lines.last()).toHaveText('Line 12 of the transcript.');
    expect(await atEnd()).toBe(true);

    await test.step('scrolled back to the first line, the reader stays there as three lines arrive', async () => {
      await transcript.evaluate((element) => element.scrollTo({ top: 0 }));
      await expect(panel.getByRole('button', { name: 'Back to the latest captions', exact: true })).toBeVisible();
      for (let line = 13; line <= 15; line++) await postLine(`Line ${line} of the transcript.`);
      await expect(panel.getByRole('button', { name: 'New captions (3)', exact: true })).toBeVisible();
      await expect(lines.last()).toHaveText('Line 15 of the transcript.');
      expect(await transcript.evaluate((element) => element.scrollTop)).toBe(0);
      // A marker stands before the first line the reader has not seen.
      await expect(panel.getByText('New captions', { exact: true })).toBeAttached();
    });

    await test.step('the button takes them to the newest line and goes away; following resumes', async () => {
      await panel.getByRole('button', { name: 'New captions (3)', exact: true }).click();
      await expect.poll(atEnd).toBe(true);
      await expect(panel.getByRole('button', { name: /New captions|Back to the latest/ })).toHaveCount(0);
      await postLine('Line 16 of the transcript.');
      await expect(lines.last()).toHaveText('Line 16 of the transcript.');
      await expect.poll(atEnd).toBe(true);
    });
    await remote.context().close();
  });
});
