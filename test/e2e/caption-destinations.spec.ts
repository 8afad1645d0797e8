/**
 * Caption destinations in the set-up page's Links part, in a real browser: the secretariat adds a
 * Zoom destination pointing at a stand-in for Zoom's closed-caption API (test/support/zoom-stand-in.ts);
 * a caption posted through the caption URL waits while the Zoom meeting has not started, which the
 * Links part and the captioner's console say, and once it starts the line is accepted and both say so. An address that is not Zoom's API token URL is
 * refused with the server's reason beside the field; Remove asks first.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { escapeRegExp, serverForSuite, setUpMeeting } from './support.ts';
import { startZoomStandIn, type ZoomStandIn } from '../support/zoom-stand-in.ts';

const ADMIN = { email: 'secretariat@example.org', password: 'correct horse battery staple' };
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function signIn(page: Page, baseUrl: string): Promise<void> {
  await page.goto(new URL('/signin', baseUrl).toString());
  await page.getByLabel('Email', { exact: true }).fill(ADMIN.email);
  await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL('**/meetings');
}

test.describe('caption destinations in the Links part', () => {
  test.use({ actionTimeout: 15_000 });
  const server = serverForSuite({ ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password });
  let standIn: ZoomStandIn;
  test.beforeAll(async () => {
    standIn = await startZoomStandIn({ slowMs: 7_000 });
  });
  test.afterAll(async () => {
    await standIn?.close();
  });

  test("the secretariat adds a Zoom destination; a caption waits for the Zoom meeting, then is accepted, in Links and on the captioner's console; a wrong address is refused; Remove asks first", async ({
    browser,
  }, testInfo) => {
    test.setTimeout(90_000);
    const meeting = await setUpMeeting(server.baseUrl, {
      admin: ADMIN,
      meeting: { title: 'Captions to Zoom', body: '', startsAtLocal: '2030-05-09T13:00', timeZone: 'UTC', plannedMinutes: 30 },
      agendaText: '1 - Adoption of agenda (5 minutes)',
      rosterCsv:
        'name,stakeholder group,region,role\nThe Chair,civil society,Africa,chair\nKimberly Schuster,private sector,WEOG,captioner',
    });
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    await signIn(page, server.baseUrl);
    await page.goto(new URL(`/meetings/${meeting.meetingId}`, server.baseUrl).toString());
    const links = page.getByRole('region', { name: 'Links' });
    const part = links.getByTestId('caption-destinations');
    await expect(part.getByRole('heading', { name: 'Caption destinations', exact: true })).toBeVisible();
    await expect(part.getByText('No caption destinations yet: captions stay on EqualFloor.', { exact: true })).toBeVisible();

    const kind = part.getByRole('combobox', { name: 'Where to send captions', exact: true });
    const address = part.getByRole('textbox', { name: 'Address (API token URL)', exact: true });
    const add = part.getByRole('button', { name: 'Add destination', exact: true });
    await expect(kind).toHaveValue('zoom');
    await expect(address).toHaveAccessibleDescription(/Copy the API token/);

    await test.step('an address that is not a Zoom API token URL is refused, with the reason beside the field', async () => {
      await address.fill('https://example.org/captions');
      await add.click();
      const reason = "Must be the API token URL copied from Zoom's closed captioning settings (…/closedcaption?id=…&signature=…).";
      await expect(address).toHaveAttribute('aria-invalid', 'true');
      await expect(address).toHaveAccessibleDescription(new RegExp(escapeRegExp(reason)));
      await expect(part.getByRole('alert')).toBeVisible();
      await expect(part.getByRole('list', { name: 'Caption destinations', exact: true })).toHaveCount(0);
    });

    const masked = `http://127.0.0.1:${new URL(standIn.tokenUrl).port}/closedcaption?id=…&ns=…&expire=…&spparams=…&signature=…`;
    const signature = new URL(standIn.tokenUrl).searchParams.get('signature')!;
    const destination = part
      .getByRole('list', { name: 'Caption destinations', exact: true })
      .getByRole('listitem')
      .filter({ hasText: masked });
    await test.step('the Zoom API token URL is added and shown masked', async () => {
      await address.fill(standIn.tokenUrl);
      await add.click();
      await expect(destination).toBeVisible();
      await expect(destination.getByText('Zoom', { exact: true })).toBeVisible();
      await expect(destination).toContainText('no line sent yet');
      await expect(address).toHaveValue('');
      await expect(address).not.toHaveAttribute('aria-invalid');
      await expect(part.getByText(signature, { exact: false })).toHaveCount(0);
    });

    const captioner = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await captioner.goto(meeting.person('Kimberly Schuster').joinUrl);
    await expect(captioner.getByRole('heading', { name: 'Write captions', exact: true })).toBeVisible();
    const forwarding = captioner.getByRole('list', { name: 'Where captions are forwarded', exact: true });

    await test.step('a caption posted before the Zoom meeting starts waits, and both screens say why', async () => {
      const captionUrl = new URL(meeting.captionUrl);
      captionUrl.searchParams.set('seq', '1');
      const answer = await fetch(captionUrl, {
        method: 'POST',
        headers: { 'content-type': 'text/plain; charset=utf-8' },
        body: 'We support the proposal.\n',
      });
      expect(answer.status).toBe(200);
      // The part refreshes by itself while it is on screen: nobody reloads the page.
      await destination.scrollIntoViewIfNeeded();
      await expect(destination).toContainText('The Zoom meeting has not started yet. Retrying. · 1 line waiting');
      await expect(forwarding).toHaveText('Zoom (Floor): the Zoom meeting has not started yet · 1 waiting');
      expect(standIn.shown).toEqual([]);
    });

    await test.step('once the host starts the Zoom meeting, the line is accepted, and both screens say so', async () => {
      standIn.started = true;
      await expect
        .poll(() => standIn.shown.map(({ seq, text }) => ({ seq, text })), { timeout: 30_000 })
        .toEqual([{ seq: 1, text: 'We support the proposal.' }]);
      await expect(destination).toContainText(/^Zoom.*connected, last line 1 accepted · lag \d+\.\d s/, { timeout: 15_000 });
      await expect(forwarding).toHaveText('Zoom (Floor): 1 sent · 0 waiting', { timeout: 15_000 });
      // The address's secret part never reaches the captioner's screen.
      expect(await captioner.content()).not.toContain(signature);
    });
    await captioner.screenshot({ path: testInfo.outputPath('forwarding-captioner-en-1280.png') });
    await captioner.close();

    const axe = await new AxeBuilder({ page }).include('[data-testid="caption-destinations"]').withTags(TAGS).analyze();
    expect(axe.violations.map((violation) => violation.id)).toEqual([]);

    await test.step('screenshots: 1366×768 and 390×844, English and Arabic', async () => {
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
          const shown = view.getByTestId('caption-destinations');
          await expect(shown.getByText(masked, { exact: true })).toBeVisible();
          if (language === 'ar') await expect(shown.getByRole('heading', { level: 3 })).toHaveText('وجهات الترجمة النصية');
          await shown.scrollIntoViewIfNeeded();
          await view.screenshot({ path: testInfo.outputPath(`destinations-${language}-${viewport.width}.png`) });
          await shot.close();
        }
      }
    });

    await test.step('Remove asks first; declining keeps the destination, accepting removes it', async () => {
      const remove = destination.getByRole('button', { name: /^Remove/ });
      const asked: string[] = [];
      page.once('dialog', (dialog) => {
        asked.push(dialog.message());
        void dialog.dismiss();
      });
      await remove.click();
      await expect.poll(() => asked).toEqual([`Remove the Zoom destination ${masked}? Caption lines are no longer sent to it.`]);
      await expect(destination).toBeVisible();
      page.once('dialog', (dialog) => void dialog.accept());
      await remove.click();
      await expect(destination).toHaveCount(0);
      await expect(part.getByText('No caption destinations yet: captions stay on EqualFloor.', { exact: true })).toBeVisible();
    });
    await context.close();
  });
});
