/**
 * The Links part with a YouTube destination and a read token, in a real browser: the secretariat
 * adds a YouTube Live ingestion URL (a stand-in, test/support/youtube-stand-in.ts) for the French
 * channel and sees it listed with its channel; makes a read token, whose pull address is shown
 * once and reads the captions; revokes it after being asked. Screens at 1366×768 and 390×844, in
 * English and Arabic, fit their width.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { boxOf, serverForSuite, setUpMeeting } from './support.ts';
import { startYouTubeStandIn, type YouTubeStandIn } from '../support/youtube-stand-in.ts';

const ADMIN = { email: 'secretariat@example.org', password: 'correct horse battery staple' };
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function signIn(page: Page, baseUrl: string): Promise<void> {
  await page.goto(new URL('/signin', baseUrl).toString());
  await page.getByLabel('Email', { exact: true }).fill(ADMIN.email);
  await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL('**/meetings');
}

test.describe('YouTube destinations and read tokens in the Links part', () => {
  test.use({ actionTimeout: 15_000 });
  const server = serverForSuite({ ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password });
  let youTube: YouTubeStandIn;
  test.beforeAll(async () => {
    youTube = await startYouTubeStandIn({ skewMs: 90_000 });
  });
  test.afterAll(async () => {
    await youTube?.close();
  });

  test('the secretariat adds a YouTube destination for one channel, makes a read token that reads the captions, and revokes it', async ({
    browser,
  }, testInfo) => {
    test.setTimeout(120_000);
    const meeting = await setUpMeeting(server.baseUrl, {
      admin: ADMIN,
      meeting: { title: 'Captions to YouTube', body: '', startsAtLocal: '2030-05-09T13:00', timeZone: 'UTC', plannedMinutes: 30 },
      agendaText: '1 - Adoption of agenda (5 minutes)',
      rosterCsv: 'name,stakeholder group,region,role\nThe Chair,civil society,Africa,chair',
    });
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    await signIn(page, server.baseUrl);
    await page.goto(new URL(`/meetings/${meeting.meetingId}`, server.baseUrl).toString());
    const links = page.getByRole('region', { name: 'Links' });
    const destinations = links.getByTestId('caption-destinations');
    const masked = `http://127.0.0.1:${new URL(youTube.ingestionUrl).port}/closedcaption?cid=…`;

    await test.step('a YouTube ingestion URL is added for the French channel, and listed with it', async () => {
      await destinations.getByRole('combobox', { name: 'Where to send captions', exact: true }).selectOption('youtube');
      const address = destinations.getByRole('textbox', { name: 'Address (ingestion URL)', exact: true });
      await expect(address).toHaveAccessibleDescription(/YouTube Studio.*closedcaption\?cid=/);
      const channel = destinations.getByRole('combobox', { name: 'Caption channel', exact: true });
      await expect(channel).toHaveValue('floor');
      await channel.selectOption({ label: 'French' });
      await address.fill('https://upload.youtube.com/closedcaption?id=1');
      await destinations.getByRole('button', { name: 'Add destination', exact: true }).click();
      await expect(address).toHaveAccessibleDescription(/ingestion URL copied from YouTube Live/);
      await address.fill(youTube.ingestionUrl);
      await destinations.getByRole('button', { name: 'Add destination', exact: true }).click();
      const listed = destinations.getByRole('list', { name: 'Caption destinations', exact: true }).getByRole('listitem');
      await expect(listed).toHaveCount(1);
      await expect(listed).toContainText('YouTube');
      await expect(listed).toContainText('channel: French');
      await expect(listed).toContainText(masked);
      // Added, it is sent a heartbeat at once.
      await expect.poll(() => youTube.posts.some((post) => post.heartbeat && post.status === 200), { timeout: 15_000 }).toBe(true);
    });

    const tokens = links.getByTestId('caption-read-tokens');
    let pullUrl = '';
    await test.step('a read token is made: its addresses are shown once, and the pull reads the captions', async () => {
      await expect(tokens.getByText('No read tokens: no other tool reads the captions.', { exact: true })).toBeVisible();
      await tokens.getByRole('button', { name: 'Make a read token', exact: true }).click();
      await expect(tokens.getByRole('status')).toContainText('Read token made. Copy its addresses now: they are not shown again.');
      pullUrl = (await tokens.locator('code').first().textContent())!;
      expect(pullUrl).toMatch(new RegExp(`/api/meetings/${meeting.meetingId}/captions/pull\\?token=[A-Za-z0-9_-]{43}&last=0$`));
      await expect(tokens.getByRole('button', { name: 'Copy pull address', exact: true })).toBeVisible();
      await expect(tokens.getByRole('button', { name: 'Copy stream address', exact: true })).toBeVisible();
      const hint = pullUrl.split('&')[0]!.slice(-4);
      await expect(tokens.getByRole('list', { name: 'Read tokens', exact: true })).toContainText(
        `Token ending in \u2068${hint}\u2069, made`,
      );
      for (const width of [1366, 390]) {
        await page.setViewportSize({ width, height: width === 390 ? 844 : 768 });
        await tokens.getByRole('status').scrollIntoViewIfNeeded();
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        await page.screenshot({ path: testInfo.outputPath(`read-token-made-en-${width}.png`) });
      }
      await page.setViewportSize({ width: 1366, height: 768 });

      const captionUrl = new URL(meeting.captionUrl);
      captionUrl.searchParams.set('seq', '1');
      const posted = await fetch(captionUrl, {
        method: 'POST',
        headers: { 'content-type': 'text/plain; charset=utf-8' },
        body: 'We agree.\n',
      });
      expect(posted.status).toBe(200);
      const pulled = await (await fetch(pullUrl)).json();
      expect(pulled).toEqual({ content: 'We agree.\n', lastPosition: 1, languageCode: null });
    });

    const axe = await new AxeBuilder({ page })
      .include('[data-testid="caption-destinations"]')
      .include('[data-testid="caption-read-tokens"]')
      .withTags(TAGS)
      .analyze();
    expect(axe.violations.map((violation) => violation.id)).toEqual([]);

    await test.step('screenshots: 1366×768 and 390×844, English and Arabic, each fitting its width', async () => {
      const state = await context.storageState();
      for (const language of ['en', 'ar'] as const) {
        for (const viewport of [
          { width: 1366, height: 768 },
          { width: 390, height: 844 },
        ]) {
          const shot = await browser.newContext({ viewport, storageState: state });
          await shot.addInitScript((value) => localStorage.setItem('equalfloor.language', value), language);
          const view = await shot.newPage();
          await view.goto(new URL(`/meetings/${meeting.meetingId}`, server.baseUrl).toString());
          const shownTokens = view.getByTestId('caption-read-tokens');
          await expect(shownTokens.getByRole('listitem')).toHaveCount(1);
          const shownDestinations = view.getByTestId('caption-destinations');
          await expect(shownDestinations.getByText(masked, { exact: true })).toBeVisible();
          if (language === 'ar')
            await expect(shownTokens.getByRole('heading', { level: 3 })).toHaveText('قراءة الترجمة النصية من أدوات أخرى');
          // Nothing of either part runs off the screen's side.
          for (const part of [shownDestinations, shownTokens]) {
            const box = await boxOf(part);
            expect(box.x).toBeGreaterThanOrEqual(0);
            expect(box.x + box.width).toBeLessThanOrEqual(viewport.width + 0.5);
          }
          expect(await view.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
          await shownDestinations.getByRole('listitem').first().scrollIntoViewIfNeeded();
          await view.screenshot({ path: testInfo.outputPath(`youtube-destination-${language}-${viewport.width}.png`) });
          await shownTokens.scrollIntoViewIfNeeded();
          await view.screenshot({ path: testInfo.outputPath(`read-tokens-${language}-${viewport.width}.png`) });
          await shot.close();
        }
      }
    });

    await test.step('Revoke asks first; accepted, the token stops reading at once', async () => {
      const asked: string[] = [];
      page.once('dialog', (dialog) => {
        asked.push(dialog.message());
        void dialog.accept();
      });
      await tokens.getByRole('button', { name: /^Revoke/ }).click();
      await expect
        .poll(() => asked[0] ?? '')
        .toMatch(/^Revoke the read token ending in \u2068.{4}\u2069\? Tools reading with it stop at once\.$/);
      await expect(tokens.getByText('No read tokens: no other tool reads the captions.', { exact: true })).toBeVisible();
      await expect(tokens.getByRole('status')).toHaveCount(0);
      expect((await fetch(pullUrl)).status).toBe(403);
    });
    await context.close();
  });
});
