/**
 * Corrections and approval of the record, against a server of its own. After a meeting, the
 * secretariat circulates its draft for corrections until a date; a participant, on a phone,
 * opens their personal link, follows the invitation on the meeting page and proposes a
 * correction to item 1's paragraph; the secretariat sees who asked what on which paragraph and
 * accepts it (version 2, edited from version 1). On the set-up page of the next meeting, its
 * item "Approval of the minutes" is pointed at that record; its meeting page links to the
 * record, and the secretariat approves it from there: the record is final, "Approved at" the
 * next meeting, and the participant can propose no more.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { HttpClient } from '../support/http-client.ts';
import { connectLive, waitUntil, type LiveClient } from '../support/live-client.ts';
import { boxOf, escapeRegExp, newPage, PHONE, serverForSuite, setUpMeeting } from './support.ts';

const ADMIN = { email: 'secretariat@example.org', password: 'correct horse battery staple' };
const MEETING = {
  title: 'MAG Virtual Meeting III',
  body: 'Multistakeholder Advisory Group',
  startsAtLocal: '2017-04-11T22:00',
  timeZone: 'UTC',
  plannedMinutes: 30,
};
const NEXT = { ...MEETING, title: 'MAG Virtual Meeting IV', startsAtLocal: '2017-05-09T13:00' };
const AGENDA_TEXT = ['1 - Adoption of agenda (5 minutes)', '2 - Workshop evaluation process (20 minutes)'].join('\n');
const NEXT_AGENDA = ['1 - Approval of the minutes of MAG Virtual Meeting III (5 minutes)', '2 - AOB (5 minutes)'].join('\n');
const PARTICIPANT = 'Flávio Wagner';
const ROSTER_CSV = [
  'name,affiliation,email,stakeholder group,region,role',
  'Lynn St. Amour,Internet Matters,,civil society,WEOG,chair',
  `${PARTICIPANT},CGI.br,,civil society,Latin America and Caribbean,member`,
].join('\n');
const CORRECTED = '**Item 1 – Adoption of agenda.** The agenda was adopted, with the 2018 calendar added under AOB.';

async function signIn(page: Page, baseUrl: string): Promise<void> {
  await page.goto(new URL('/signin', baseUrl).toString());
  await page.getByLabel('Email', { exact: true }).fill(ADMIN.email);
  await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Meetings' })).toBeVisible();
}

test.describe('corrections to the record and its approval at the next meeting', () => {
  test.use({ actionTimeout: 15_000 });
  const server = serverForSuite({ ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password });

  test('a participant proposes a correction by link; the secretariat accepts it and approves the record from the next meeting', async ({
    browser,
  }) => {
    test.setTimeout(120_000);
    const meeting = await setUpMeeting(server.baseUrl, { admin: ADMIN, meeting: MEETING, agendaText: AGENDA_TEXT, rosterCsv: ROSTER_CSV });
    const next = await setUpMeeting(server.baseUrl, { admin: ADMIN, meeting: NEXT, agendaText: NEXT_AGENDA, rosterCsv: ROSTER_CSV });
    await test.step('the meeting runs item 1 and ends: its draft record is generated', async () => {
      const chair = await joinBySocket(server.baseUrl, meeting.person('Lynn St. Amour').joinUrl, meeting.meetingId);
      try {
        await chair.command({ type: 'meeting.open' });
        await chair.command({ type: 'agenda.startItem', itemId: chair.replica.state!.agenda[0]!.id });
        await chair.command({ type: 'meeting.end' });
      } finally {
        chair.close();
      }
      const api = new HttpClient(server.baseUrl);
      await api.post('/api/auth/login', ADMIN);
      await expect.poll(async () => (await api.get(`/api/meetings/${meeting.meetingId}/record`)).body.versions?.length).toBe(1);
    });
    const recordPath = `/meetings/${encodeURIComponent(meeting.meetingId)}/record`;

    const secretariat = await newPage(browser, { viewport: { width: 1366, height: 768 } });
    const corrections = secretariat.getByTestId('record-corrections');
    await test.step('the secretariat circulates version 1 for corrections until a date', async () => {
      await signIn(secretariat, server.baseUrl);
      await secretariat.goto(new URL(recordPath, server.baseUrl).toString());
      await expect(corrections.getByRole('heading', { name: 'Corrections by participants' })).toBeVisible();
      await corrections.getByLabel('Corrections until (end of the day, UTC)').fill('2099-06-30');
      await corrections.getByRole('button', { name: 'Circulate for corrections', exact: true }).click();
      await expect(corrections.getByTestId('circulation-status')).toHaveText(
        'Version 1 is circulated for corrections until 30 June 2099, 23:59 UTC.',
      );
    });

    const phone = await newPage(browser, PHONE);
    const mine = phone.getByTestId('my-correction');
    await test.step(`${PARTICIPANT} opens their link on a phone and proposes a correction to item 1's paragraph`, async () => {
      await phone.goto(meeting.person(PARTICIPANT).joinUrl);
      const invite = phone.getByTestId('corrections-invite');
      await expect(invite).toContainText('The draft record is circulated for corrections until 30 June 2099, 23:59 UTC.');
      await invite.getByRole('link', { name: 'Propose corrections', exact: true }).click();
      await expect(phone).toHaveURL(new RegExp(`${escapeRegExp(recordPath)}$`));
      const view = phone.getByTestId('participant-corrections');
      await expect(view.getByTestId('circulation-status')).toHaveText(
        'The draft (version 1) is circulated for corrections until 30 June 2099, 23:59 UTC.',
      );
      const paragraphs = view.getByTestId('circulated-paragraph');
      await expect(paragraphs.first()).toContainText(MEETING.title);
      const item = paragraphs.filter({ hasText: 'Item 1 – Adoption of agenda' });
      await expect(item).toHaveCount(1);
      const number = Number((await item.locator('.number').textContent())?.replace(/\D/g, ''));
      await item.getByRole('button', { name: `Propose a correction to paragraph ${number}`, exact: true }).click();
      const text = view.getByLabel(`New text of paragraph ${number}`, { exact: true });
      await expect(text).toBeFocused();
      await expect(text).toHaveValue(/Item 1 – Adoption of agenda/);

      // On the phone: the form fits the screen's width, and the screen passes an axe check (WCAG 2.2 AA rules).
      const width = phone.viewportSize()!.width;
      for (const control of [text, view.getByRole('button', { name: 'Send the correction', exact: true })]) {
        const box = await boxOf(control);
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(width);
      }
      expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      const axe = await new AxeBuilder({ page: phone }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
      expect(axe.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(' ')}`)).toEqual([]);

      // Sent unchanged: said at once, nothing sent.
      await view.getByRole('button', { name: 'Send the correction', exact: true }).click();
      await expect(view.getByRole('alert').filter({ hasText: 'Change the text before sending it.' })).toBeVisible();

      await text.fill(CORRECTED);
      await view.getByLabel('Note to the secretariat (optional)').fill('The calendar was agreed under AOB.');
      await view.getByRole('button', { name: 'Send the correction', exact: true }).click();
      await expect(
        view.getByRole('status').filter({ hasText: `Your correction to paragraph ${number} was sent to the secretariat.` }),
      ).toBeVisible();
      await expect(mine).toHaveCount(1);
      await expect(mine).toContainText(`Paragraph ${number}`);
      await expect(mine).toContainText('Waiting for the secretariat');
      await expect(mine).toContainText('The agenda was adopted, with the 2018 calendar added under AOB.');
      await expect(mine.getByRole('button', { name: `Withdraw your correction to paragraph ${number}` })).toBeVisible();
    });

    await test.step('the secretariat sees who asked what on which paragraph, and accepts it: version 2', async () => {
      await secretariat.reload();
      const row = corrections.getByTestId('correction');
      await expect(row).toHaveCount(1);
      await expect(row).toContainText(new RegExp(`Paragraph \\d+\\s*Proposed by ${escapeRegExp(PARTICIPANT)}`));
      await expect(row.getByTestId('correction-original')).toContainText('Item 1 – Adoption of agenda');
      await expect(row.getByTestId('correction-text')).toContainText('with the 2018 calendar added under AOB');
      await expect(row).toContainText('Note: The calendar was agreed under AOB.');
      await row.getByRole('button', { name: 'Accept', exact: true }).click();
      await expect(corrections.getByRole('status').filter({ hasText: 'Accepted: version 2 has the change.' })).toBeVisible();
      await expect(row).toContainText('Accepted by Secretariat: version 2 has the change.');
      // The accepted text is in the draft now open in the rich-text editor (drawn, not as Markdown).
      await expect(secretariat.getByRole('textbox', { name: 'Record text', exact: true })).toContainText(CORRECTED.replace(/\*\*/g, ''));
      const versions = secretariat.getByRole('table', { name: 'Versions', exact: true });
      await expect(versions).toContainText('Edited from version 1');
    });

    await test.step('the next meeting’s item 1 is pointed at that record on its set-up page', async () => {
      await secretariat.goto(new URL(`/meetings/${encodeURIComponent(next.meetingId)}`, server.baseUrl).toString());
      const choice = secretariat.getByLabel(/^Item 1 approves the record of/);
      await choice.selectOption({ label: `${MEETING.title} (11 April 2017)` });
      await expect(secretariat.getByRole('status').filter({ hasText: 'Saved: item 1.' })).toBeVisible();
    });

    await test.step('the next meeting’s page links to the record; the secretariat approves it from there', async () => {
      await secretariat.goto(new URL(`/m/${encodeURIComponent(next.meetingId)}`, server.baseUrl).toString());
      const approvals = secretariat.getByTestId('approval-links');
      const link = approvals.getByRole('link', { name: MEETING.title, exact: true });
      await expect(link).toHaveAttribute('href', recordPath);
      await expect(approvals.getByTestId('approval-link')).toContainText('Item 1');
      await approvals.getByRole('button', { name: 'Approve this record now', exact: true }).click();
      await expect(approvals.getByText('Final', { exact: true })).toBeVisible();

      await link.click();
      await expect(secretariat).toHaveURL(new RegExp(`${escapeRegExp(recordPath)}$`));
      await expect(secretariat.getByText('Final record: version 2.', { exact: false })).toBeVisible();
      await expect(corrections.getByTestId('record-approval')).toHaveText(`Approved at ${NEXT.title}, ${todayInRecord()}`);
      await expect(secretariat.getByRole('textbox', { name: 'Record text', exact: true })).toHaveCount(0);
      await expect(corrections.getByRole('button', { name: /^Approve version/ })).toHaveCount(0);
    });

    await test.step('the participant sees the record approved and final, and can propose no more', async () => {
      await phone.reload();
      const view = phone.getByTestId('participant-corrections');
      await expect(view.getByTestId('circulation-status')).toHaveText('The record is final: corrections are closed.');
      await expect(view.getByTestId('record-approval')).toContainText(`Approved at ${NEXT.title}`);
      await expect(view.getByRole('button', { name: /^Propose a correction/ })).toHaveCount(0);
      await expect(mine).toContainText('Accepted');
      await expect(mine.getByRole('button', { name: /^Withdraw/ })).toHaveCount(0);
    });
  });
});

/** A participant's live connection through the socket API, after opening their join link. */
async function joinBySocket(baseUrl: string, joinUrl: string, meetingId: string): Promise<LiveClient> {
  const client = new HttpClient(baseUrl);
  const joined = await client.post('/api/join', { token: new URL(joinUrl).pathname.split('/').pop() });
  expect(joined.status, JSON.stringify(joined.body)).toBe(200);
  const live = connectLive(baseUrl, client, meetingId);
  await waitUntil(() => live.replica.status.state === 'live', 'the socket client entered the meeting');
  return live;
}

/** Today's date as the record writes it in English: "6 December 2026". */
function todayInRecord(): string {
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date());
}
