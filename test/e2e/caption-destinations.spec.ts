/**
 * Caption destinations in the set-up page's Links part, in a real browser: the secretariat adds a
 * Zoom destination pointing at a stand-in for Zoom's closed-caption API (an HTTP server of the
 * test's own that answers as Zoom does); a caption posted through the caption URL reaches it, and
 * the Links part says the line was accepted. An address that is not Zoom's API token URL is
 * refused with the server's reason beside the field; Remove asks first.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { escapeRegExp, serverForSuite, setUpMeeting } from './support.ts';

const ADMIN = { email: 'secretariat@example.org', password: 'correct horse battery staple' };
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** A stand-in for Zoom's closed-caption API: takes `POST /closedcaption?…&seq=N` and answers `GET /closedcaption/seq`. */
interface StandIn {
  url: string;
  lines: { seq: number; text: string }[];
  close(): Promise<void>;
}

async function startStandIn(): Promise<StandIn> {
  const lines: { seq: number; text: string }[] = [];
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://stand-in');
    const signed = url.searchParams.get('id') === 'meeting-42' && url.searchParams.get('signature') === 'Zk9s3cret';
    if (!signed) return void response.writeHead(403).end();
    if (request.method === 'GET' && url.pathname === '/closedcaption/seq') {
      return void response.writeHead(200, { 'content-type': 'text/plain' }).end(String(lines.at(-1)?.seq ?? 0));
    }
    if (request.method === 'POST' && url.pathname === '/closedcaption') {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        lines.push({ seq: Number(url.searchParams.get('seq')), text: body.trim() });
        response.writeHead(200, { 'content-type': 'text/plain' }).end();
      });
      return;
    }
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/closedcaption?id=meeting-42&signature=Zk9s3cret`,
    lines,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

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
  let standIn: StandIn;
  test.beforeAll(async () => {
    standIn = await startStandIn();
  });
  test.afterAll(async () => {
    await standIn?.close();
  });

  test('the secretariat adds a Zoom destination, a caption reaches it and is shown accepted; a wrong address is refused; Remove asks first', async ({
    browser,
  }, testInfo) => {
    test.setTimeout(90_000);
    const meeting = await setUpMeeting(server.baseUrl, {
      admin: ADMIN,
      meeting: { title: 'Captions to Zoom', body: '', startsAtLocal: '2030-05-09T13:00', timeZone: 'UTC', plannedMinutes: 30 },
      agendaText: '1 - Adoption of agenda (5 minutes)',
      rosterCsv: 'name,stakeholder group,region,role\nThe Chair,civil society,Africa,chair',
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

    const masked = `http://127.0.0.1:${new URL(standIn.url).port}/closedcaption?id=…&signature=…`;
    const destination = part
      .getByRole('list', { name: 'Caption destinations', exact: true })
      .getByRole('listitem')
      .filter({ hasText: masked });
    await test.step('the Zoom API token URL is added and shown masked', async () => {
      await address.fill(standIn.url);
      await add.click();
      await expect(destination).toBeVisible();
      await expect(destination.getByText('Zoom', { exact: true })).toBeVisible();
      await expect(destination).toContainText('no line sent yet');
      await expect(address).toHaveValue('');
      await expect(address).not.toHaveAttribute('aria-invalid');
      await expect(part.getByText('Zk9s3cret', { exact: false })).toHaveCount(0);
    });

    await test.step('a caption posted through the caption URL reaches Zoom, and the Links part shows it accepted', async () => {
      const captionUrl = new URL(meeting.captionUrl);
      captionUrl.searchParams.set('seq', '1');
      const answer = await fetch(captionUrl, {
        method: 'POST',
        headers: { 'content-type': 'text/plain; charset=utf-8' },
        body: 'We support the proposal.\n',
      });
      expect(answer.status).toBe(200);
      await expect.poll(() => standIn.lines.map((line) => line.text)).toEqual(['We support the proposal.']);
      expect(standIn.lines[0]!.seq).toBe(1);
      // The part refreshes by itself while it is on screen: nobody reloads the page.
      await destination.scrollIntoViewIfNeeded();
      await expect(destination).toContainText(/connected, last line 1 accepted · lag \d+\.\d s/);
    });

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
