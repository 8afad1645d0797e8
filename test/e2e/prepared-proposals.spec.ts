/**
 * The secretariat pastes the Best Practice Forums of the seed's Annex III under item 4b on the
 * set-up page, sees how the list is read (and a problem by its line) before saving, and finds the
 * saved proposals with their facilitators after a reload; the chair opens the meeting and finds
 * them in the console's positions panel, ready for positions.
 */
import { expect, test } from '@playwright/test';
import { annexIAgenda, annexIIIProposals, annexIIIProposalsText } from '../support/seeds.ts';
import { openChairTab, setUpMeeting, startServer, type SpecServer } from './support.ts';

const ADMIN = { email: 'secretariat@example.org', password: 'correct horse battery staple' };
const MEETING = {
  title: '2017 MAG Virtual Meeting III',
  body: 'MAG',
  startsAtLocal: '2017-04-11T22:00',
  timeZone: 'UTC',
  plannedMinutes: 90,
};
const CHAIR = 'Lynn St. Amour';
const ROSTER_CSV = ['name,affiliation,stakeholder group,region,role', `${CHAIR},Internet Matters,civil society,WEOG,chair`].join('\n');
const BPFS = annexIIIProposals().filter((proposal) => proposal.item === '4b');

test.describe('proposals prepared on the set-up page', () => {
  let server: SpecServer;

  test.beforeAll(async () => {
    server = await startServer({ ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, RATE_LIMIT_ALLOWLIST: '127.0.0.1' });
  });
  test.afterAll(async () => {
    await server?.stop();
  });

  test('the Annex III list pasted under item 4b is previewed, saved and opened with the meeting', async ({ browser }) => {
    test.setTimeout(90_000);
    const meeting = await setUpMeeting(server.baseUrl, {
      admin: ADMIN,
      meeting: MEETING,
      agendaText: annexIAgenda(),
      rosterCsv: ROSTER_CSV,
    });
    const page = await (await browser.newContext()).newPage();
    await page.goto(new URL('/signin', server.baseUrl).toString());
    await page.getByLabel('Email', { exact: true }).fill(ADMIN.email);
    await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Meetings', exact: true })).toBeVisible();
    await page.goto(new URL(`/meetings/${meeting.meetingId}`, server.baseUrl).toString());
    const agenda = page.getByRole('region', { name: 'Agenda', exact: true });

    await test.step('a line before the first proposal is shown as a problem by its line, and nothing is saved', async () => {
      await agenda.getByRole('button', { name: 'Add proposals to item 4b', exact: true }).click();
      const list = agenda.getByLabel('Proposals of item 4b', { exact: true });
      await list.fill(`Proposed BPFs\n${annexIIIProposalsText('4b')}`);
      await expect(agenda.getByRole('status').filter({ hasText: /^6 proposals; 1 problem$/ })).toBeVisible();
      await expect(agenda.getByText('Line 1: "Proposed BPFs" comes before the first proposal', { exact: false })).toBeVisible();
      await agenda.getByRole('button', { name: 'Save the proposals', exact: true }).click();
      await expect(agenda.getByRole('alert').filter({ hasText: 'The proposals were not saved: 1 problem.' })).toBeVisible();
    });

    await test.step('the list as pasted is read proposal by proposal and saved', async () => {
      await agenda.getByLabel('Proposals of item 4b', { exact: true }).fill(annexIIIProposalsText('4b'));
      await expect(agenda.getByRole('status').filter({ hasText: /^6 proposals$/ })).toBeVisible();
      await agenda.getByRole('button', { name: 'Save the proposals', exact: true }).click();
      await expect(agenda.getByText('Proposals of item 4b saved: 6 proposals.', { exact: true })).toBeVisible();
    });

    await test.step('after a reload the item lists them with their facilitators', async () => {
      await page.reload();
      await expect(agenda.getByRole('heading', { level: 4, name: /^4b .* — 6 proposals$/ })).toBeVisible();
      for (const bpf of BPFS) {
        await expect(agenda.getByRole('listitem').filter({ hasText: bpf.title }).first()).toContainText(
          `facilitators: ${bpf.facilitators}`,
        );
      }
      await expect(agenda.getByRole('button', { name: 'Edit the proposals of item 4b', exact: true })).toBeVisible();
    });

    await test.step('the chair opens the meeting and finds them in the positions panel', async () => {
      const chair = await (await browser.newContext()).newPage();
      await chair.goto(meeting.person(CHAIR).joinUrl);
      await chair.getByRole('button', { name: 'Open the meeting', exact: true }).click();
      await chair.getByRole('button', { name: 'Start item 4b', exact: true }).click();
      await openChairTab(chair, 'Positions');
      const panel = chair.getByRole('region', { name: 'Proposals and positions', exact: true });
      for (const bpf of BPFS) {
        await expect(panel.getByRole('region', { name: `Proposal: ${bpf.title}`, exact: true })).toBeVisible();
      }
    });
  });
});
