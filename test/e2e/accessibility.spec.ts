/**
 * Every view of the app passes an axe accessibility check (WCAG 2.2 AA rules) in Chromium, with
 * a live meeting behind it: an agenda, a roster, the meeting open, an item started, hands raised
 * and a consensus call open. The staff pages (sign-in, meetings, set-up, record) are checked in
 * English; the participant view in English, Arabic and French. A participant on a slow
 * connection can raise a hand within five seconds of opening their link.
 *
 * The meeting is set up through the HTTP API and the live protocol; the browsers only look.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type BrowserContextOptions, type Page } from '@playwright/test';
import { HttpClient } from '../support/http-client.ts';
import { connectLive, waitUntil, type LiveClient } from '../support/live-client.ts';
import { startServer, type SpecServer } from './support.ts';

const ADMIN = { email: 'a11y-secretariat@example.org', password: 'accessible meetings for everyone' };
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const ITEM = 'Proposed Best Practice Forums for 2017';
const CHAIR = 'Lynn St. Amour';
const MEMBER = 'Flávio Wagner';
const ARABIC = 'ليلى حداد';
const FRENCH = 'Jean Dupont';
const CAPTIONER = 'Kim Caption';
const SLOW = 'Mary Uduma';

const ROSTER_CSV = [
  'name,affiliation,email,stakeholder group,region,role',
  `${CHAIR},Internet Matters,lynn@example.org,civil society,WEOG,chair`,
  `${MEMBER},CGI.br,,civil society,Latin America and Caribbean,member`,
  `${ARABIC},,,government,Asia-Pacific,member`,
  `${FRENCH},,,government,Western Europe and Others,member`,
  `${CAPTIONER},Caption First,,private sector,WEOG,captioner`,
  `${SLOW},Nigeria Internet Registration Association,,private sector,Africa,member`,
].join('\n');

interface Links {
  meetingId: string;
  chair: string;
  member: string;
  arabic: string;
  french: string;
  captioner: string;
  slow: string;
  display: string;
  room: string;
}

/** Axe's findings on the page as it stands, one line per rule with where it failed. */
async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return results.violations.map(
    (violation) =>
      `${violation.id}: ${violation.nodes.map((node) => `${node.target.join(' ')} — ${node.failureSummary?.split('\n').slice(1).join(' ')}`).join(' | ')}`,
  );
}

async function newPage(browser: Browser, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: 'UTC', ...options });
  return context.newPage();
}

/** Someone on the roster, joined through their link with a live connection of their own (as the test's stand-in for their browser). */
async function joinLive(baseUrl: string, meetingId: string, joinUrl: string): Promise<LiveClient> {
  const client = new HttpClient(baseUrl);
  const joined = await client.post('/api/join', { token: new URL(joinUrl).pathname.split('/').pop() });
  expect(joined.status, JSON.stringify(joined.body)).toBe(200);
  const live = connectLive(baseUrl, client, meetingId);
  await waitUntil(() => live.replica.status.state === 'live', 'live connection');
  return live;
}

test.describe('accessibility of every view', () => {
  let server: SpecServer;
  let links: Links;

  test.beforeAll(async () => {
    test.setTimeout(90_000);
    server = await startServer({ ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password });
    const api = new HttpClient(server.baseUrl);
    expect((await api.post('/api/auth/login', ADMIN)).status).toBe(200);
    const created = await api.post('/api/meetings', {
      title: '2017 MAG Virtual Meeting VI',
      body: 'MAG',
      startsAtLocal: '2017-05-23T13:00',
      timeZone: 'UTC',
      plannedMinutes: 60,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const meetingId: string = created.body.meeting.id;
    const path = `/api/meetings/${encodeURIComponent(meetingId)}`;
    expect((await api.put(`${path}/agenda`, { text: `1 - ${ITEM} (45 minutes)\n2 - Any other business (10 minutes)` })).status).toBe(200);
    const imported = await api.post(`${path}/roster/import`, { csv: ROSTER_CSV });
    expect(imported.status, JSON.stringify(imported.body)).toBe(200);
    const setup = await api.get(path);
    expect(setup.status, JSON.stringify(setup.body)).toBe(200);
    const joinUrl = (name: string): string => {
      const entry = (setup.body.roster as { name: string; joinUrl: string | null }[]).find((candidate) => candidate.name === name);
      if (!entry?.joinUrl) throw new Error(`no join link for ${name}`);
      return entry.joinUrl;
    };
    links = {
      meetingId,
      chair: joinUrl(CHAIR),
      member: joinUrl(MEMBER),
      arabic: joinUrl(ARABIC),
      french: joinUrl(FRENCH),
      captioner: joinUrl(CAPTIONER),
      slow: joinUrl(SLOW),
      display: setup.body.displayUrl,
      room: setup.body.roomUrl,
    };

    // The chair opens the meeting, starts item 1 with a proposal; three members raise a hand
    // (one says where they are); the chair opens a consensus call long enough for the checks.
    const chair = await joinLive(server.baseUrl, meetingId, links.chair);
    const members: LiveClient[] = [];
    try {
      await chair.command({ type: 'meeting.open' });
      const itemId = chair.replica.state!.agenda[0]!.id;
      await chair.command({ type: 'agenda.startItem', itemId });
      await chair.command({ type: 'agenda.addProposal', itemId, title: 'BPF Cybersecurity' });
      for (const link of [links.member, links.arabic, links.french]) {
        const member = await joinLive(server.baseUrl, meetingId, link);
        members.push(member);
        await member.command({ type: 'queue.raiseHand', kind: 'new-point', note: 'On the proposal' });
      }
      const memberId = Object.values(chair.replica.state!.participants).find((participant) => participant.name === MEMBER)!.id;
      await members[0]!.command({ type: 'participant.setLocation', participantId: memberId, location: 'remote' });
      await chair.command({ type: 'consensus.open', itemId, proposalId: null, question: 'Any objections to item 1?', seconds: 600 });
    } finally {
      chair.close();
      for (const member of members) member.close();
    }
  });

  test.afterAll(async () => {
    await server?.stop();
  });

  test('the staff pages: sign-in, meetings, set-up and record', async ({ browser }) => {
    const page = await newPage(browser, { baseURL: server.baseUrl });
    try {
      await page.goto('/signin');
      await expect(page.getByRole('heading', { name: 'Sign in', exact: true })).toBeVisible();
      expect(await violations(page), 'sign-in page').toEqual([]);

      await page.getByLabel('Email', { exact: true }).fill(ADMIN.email);
      await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page.waitForURL('**/meetings');
      await expect(page.getByText('2017 MAG Virtual Meeting VI').first()).toBeVisible();
      expect(await violations(page), 'meetings list').toEqual([]);

      await page.goto(`/meetings/${links.meetingId}`);
      await expect(page.getByText(ITEM).first()).toBeVisible();
      await expect(page.getByText(SLOW).first()).toBeVisible();
      expect(await violations(page), 'meeting set-up page').toEqual([]);

      await page.goto(`/meetings/${links.meetingId}/record`);
      await expect(page.getByRole('heading', { name: 'Meeting record', exact: true })).toBeVisible();
      await expect(page.getByText('2017 MAG Virtual Meeting VI').first()).toBeVisible();
      expect(await violations(page), 'record page').toEqual([]);
    } finally {
      await page.context().close();
    }
  });

  test('the staff pages, the chair console and the captioner console in Arabic, right to left', async ({ browser }) => {
    const staff = await newPage(browser, { baseURL: server.baseUrl, locale: 'ar' });
    const chair = await newPage(browser, { viewport: { width: 1440, height: 900 }, locale: 'ar' });
    const captioner = await newPage(browser, { locale: 'ar' });
    const rightToLeft = async (page: Page) => {
      await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
      await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
      // No part of the page is marked English any more, but for the name "English" in a list of languages.
      expect(
        await page
          .locator('main [lang="en"]')
          .filter({ hasNotText: /^English$/ })
          .count(),
      ).toBe(0);
    };
    try {
      await staff.goto('/signin');
      await staff.locator('input[type="email"]').fill(ADMIN.email);
      await staff.locator('input[type="password"]').fill(ADMIN.password);
      await staff.locator('form button[type="submit"]').click();
      await staff.waitForURL('**/meetings');
      await expect(staff.getByText('2017 MAG Virtual Meeting VI').first()).toBeVisible();
      await rightToLeft(staff);
      expect(await violations(staff), 'meetings list (ar)').toEqual([]);

      await staff.goto(`/meetings/${links.meetingId}`);
      await expect(staff.getByText(SLOW).first()).toBeVisible();
      await rightToLeft(staff);
      expect(await violations(staff), 'meeting set-up page (ar)').toEqual([]);

      await staff.goto(`/meetings/${links.meetingId}/record`);
      await expect(staff.getByRole('heading', { level: 1 })).toHaveText('محضر الاجتماع');
      await rightToLeft(staff);
      expect(await violations(staff), 'record page (ar)').toEqual([]);

      await chair.goto(links.chair);
      await expect(chair.getByTestId('chair-consensus')).toBeVisible();
      await expect(chair.getByText(ITEM).first()).toBeVisible();
      await rightToLeft(chair);
      expect(await violations(chair), 'chair console (ar)').toEqual([]);

      await captioner.goto(links.captioner);
      await expect(captioner.locator('textarea')).toBeVisible();
      await rightToLeft(captioner);
      expect(await violations(captioner), 'captioner console (ar)').toEqual([]);
    } finally {
      for (const page of [staff, chair, captioner]) await page.context().close();
    }
  });

  for (const [locale, link, name] of [
    ['en-GB', 'member', `You are ${MEMBER}, member.`],
    ['ar', 'arabic', `أنت ${ARABIC} (عضو).`],
    ['fr-CH', 'french', `Vous êtes ${FRENCH} (membre).`],
  ] as const) {
    test(`the participant view with a hand raised and a consensus call open (${locale})`, async ({ browser }) => {
      const page = await newPage(browser, { locale });
      try {
        await page.goto(links[link]);
        await expect(page.getByText(name, { exact: true })).toBeVisible();
        await expect(page.getByTestId('own-place')).toBeVisible();
        await expect(page.getByTestId('consensus-countdown')).toBeVisible();
        await expect(page.getByText(ITEM).first()).toBeVisible();
        expect(await violations(page), `participant view (${locale})`).toEqual([]);

        if (link === 'member') {
          // The captions-only page, in the same session.
          await page.goto(`${server.baseUrl}/m/${links.meetingId}/captions`);
          await expect(page.getByRole('main')).toBeVisible();
          await expect(page.locator('main')).not.toBeEmpty();
          await page.waitForLoadState('networkidle');
          expect(await violations(page), 'captions-only page').toEqual([]);
        }
      } finally {
        await page.context().close();
      }
    });
  }

  test('the chair console, the room display, the captioner console and the room link page', async ({ browser }) => {
    const chair = await newPage(browser, { viewport: { width: 1440, height: 900 }, locale: 'en-GB' });
    const display = await newPage(browser, { viewport: { width: 1920, height: 1080 }, locale: 'en-GB' });
    const captioner = await newPage(browser, { locale: 'en-GB' });
    const room = await newPage(browser, { viewport: { width: 390, height: 844 }, locale: 'en-GB', isMobile: true, hasTouch: true });
    try {
      await chair.goto(links.chair);
      await expect(chair.getByText(`You are ${CHAIR}, chair.`, { exact: true })).toBeVisible();
      await expect(chair.getByText(ITEM).first()).toBeVisible();
      await expect(chair.getByTestId('chair-consensus')).toBeVisible();
      expect(await violations(chair), 'chair console').toEqual([]);

      await display.goto(links.display);
      await expect(display.getByTestId('room-consensus')).toBeVisible();
      await expect(display.getByText(ITEM).first()).toBeVisible();
      expect(await violations(display), 'room display').toEqual([]);

      await captioner.goto(links.captioner);
      await expect(captioner.getByText(`You are ${CAPTIONER}, captioner.`, { exact: true })).toBeVisible();
      await expect(captioner.getByRole('textbox', { name: 'Caption', exact: true })).toBeVisible();
      expect(await violations(captioner), 'captioner console').toEqual([]);

      await room.goto(links.room);
      await expect(room.getByRole('main')).toBeVisible();
      await expect(room.locator('main')).not.toBeEmpty();
      await room.waitForLoadState('networkidle');
      expect(await violations(room), 'room link page').toEqual([]);
    } finally {
      for (const page of [chair, display, captioner, room]) await page.context().close();
    }
  });

  test('a participant on a slow connection can raise a hand within 5 s of opening their link', async ({ browser }) => {
    const page = await newPage(browser, { locale: 'en-GB' });
    try {
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: 400,
        downloadThroughput: 50_000,
        uploadThroughput: 50_000,
      });
      const started = Date.now();
      await page.goto(links.slow, { waitUntil: 'commit' });
      const raise = page.getByRole('button', { name: 'Raise hand', exact: true });
      await expect(raise).toBeEnabled({ timeout: 30_000 });
      const elapsed = Date.now() - started;
      const bytes = await page.evaluate(() =>
        performance.getEntriesByType('resource').reduce((sum, entry) => sum + (entry as PerformanceResourceTiming).transferSize, 0),
      );
      console.log(`throttled: ${bytes} bytes of scripts, styles and API answers before "Raise hand" was enabled`);
      test.info().annotations.push({ type: 'raise hand enabled after', description: `${elapsed} ms` });
      console.log(`throttled: "Raise hand" enabled ${elapsed} ms after opening the link`);
      expect(elapsed, `"Raise hand" was enabled after ${elapsed} ms`).toBeLessThanOrEqual(5_000);

      await raise.click();
      await expect(page.getByTestId('own-place')).toHaveText(/^\s*You are 4th in the queue — 3 people ahead of you\.\s*$/);
    } finally {
      await page.context().close();
    }
  });
});
