/**
 * The record's draft edited as a document, against a server of its own. A short meeting is
 * run through the socket API and its draft generated; the secretariat (signed in) rewrites a
 * numbered paragraph, a table cell and adds a table row and a link with the toolbar, saves, and
 * the Markdown and HTML exports of the new version say so; comparing the two versions marks the
 * words deleted and inserted, side by side on a laptop and in one column on a phone. The
 * editor fits the page's column at 1366×768 and 390×844, and an Arabic record runs right to left.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { HttpClient } from '../support/http-client.ts';
import { connectLive, waitUntil } from '../support/live-client.ts';
import { boxOf, escapeRegExp, newPage, serverForSuite, setUpMeeting } from './support.ts';

const ADMIN = { email: 'record-editor@example.org', password: 'record editor password' };
const CHAIR = 'Lynn St. Amour';
const SPEAKER = 'Flávio Wagner';
const LAPTOP = { width: 1366, height: 768 };
const PHONE_SIZE = { width: 390, height: 844 };

/** Item 1's paragraph as the secretariat rewrites it: its bold lead-in, then plain words. */
const LEAD_IN = 'Item 1 – Adoption of agenda.';
const REWRITTEN = 'The agenda was approved as circulated.';
const CELL = `${CHAIR} and ${SPEAKER}`;
const LINK = 'https://www.intgovforum.org/mag';

test.describe('the record edited as a document, and two versions compared', () => {
  // Each test goes on from the versions the one before made.
  test.describe.configure({ mode: 'serial' });
  test.use({ actionTimeout: 15_000 });
  const server = serverForSuite({ ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password });
  let api: HttpClient;
  let meetingId: string;
  let recordPath: string;

  test.beforeAll(async () => {
    const meeting = await setUpMeeting(server.baseUrl, {
      admin: ADMIN,
      meeting: { title: 'MAG Virtual Meeting III', body: 'MAG', startsAtLocal: '2017-04-11T22:00', timeZone: 'UTC', plannedMinutes: 60 },
      agendaText: '1 - Adoption of agenda (5 minutes)\n2 - BPF proposals (30 minutes)',
      rosterCsv: [
        'name,affiliation,stakeholder group,region,role',
        `${CHAIR},Internet Matters,civil society,WEOG,chair`,
        `${SPEAKER},CGI.br,civil society,GRULAC,member`,
      ].join('\n'),
    });
    meetingId = meeting.meetingId;
    recordPath = `/meetings/${encodeURIComponent(meetingId)}/record`;
    api = new HttpClient(server.baseUrl);
    expect((await api.post('/api/auth/login', ADMIN)).status).toBe(200);

    const chairClient = new HttpClient(server.baseUrl);
    await chairClient.post('/api/join', { token: new URL(meeting.person(CHAIR).joinUrl).pathname.split('/').pop() });
    const chair = connectLive(server.baseUrl, chairClient, meetingId);
    try {
      await waitUntil(() => chair.replica.status.state === 'live', 'chair connected');
      await chair.command({ type: 'meeting.open' });
      const itemId = chair.replica.state!.agenda[1]!.id;
      await chair.command({ type: 'agenda.startItem', itemId });
      await chair.command({ type: 'agenda.addProposal', itemId, title: 'BPF Cybersecurity' });
      const proposalId = chair.replica.state!.agenda[1]!.proposals[0]!.id;
      const speakerId = Object.keys(chair.replica.state!.participants)[1]!;
      await chair.command({ type: 'position.record', itemId, proposalId, stance: 'support', participantId: speakerId });
      await chair.command({ type: 'floor.giveTo', participantId: speakerId });
      await chair.command({ type: 'decision.record', itemId, proposalId, kind: 'agreed', text: 'Continues in 2017.' });
      await chair.command({ type: 'meeting.end' });
    } finally {
      chair.close();
    }
    // The draft is generated as the meeting ends.
    await expect.poll(async () => (await api.get(`/api/meetings/${meetingId}/record`)).body.versions?.length, { timeout: 15_000 }).toBe(1);
  });

  /** The secretariat's browser, signed in with the API's session, in a language and at a size. */
  async function secretariatPage(browser: Browser, viewport: { width: number; height: number }, language = 'en'): Promise<Page> {
    const page = await newPage(browser, {
      viewport,
      ...(viewport.width < 500 ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}),
    });
    const [name, value] = api.cookie!.split('=') as [string, string];
    await page.context().addCookies([{ name, value, url: server.baseUrl }]);
    await page.addInitScript((chosen) => localStorage.setItem('equalfloor.language', chosen), language);
    await page.goto(new URL(recordPath, server.baseUrl).toString());
    return page;
  }

  /** The editor's box fits the page's column and the screen; the page does not scroll sideways. */
  async function expectFitted(page: Page): Promise<void> {
    const viewport = page.viewportSize()!;
    const editor = await boxOf(page.getByTestId('record-rich-editor'));
    const column = await boxOf(page.locator('main'));
    expect(editor.x).toBeGreaterThanOrEqual(column.x - 1);
    expect(editor.x + editor.width).toBeLessThanOrEqual(column.x + column.width + 1);
    expect(editor.x + editor.width).toBeLessThanOrEqual(viewport.width);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
    test.info().annotations.push({
      type: 'measured',
      description: `${viewport.width}×${viewport.height}: editor ${Math.round(editor.width)} px wide at x=${Math.round(editor.x)}, page column ${Math.round(column.width)} px`,
    });
  }

  test('a paragraph, a table cell, a new row and a link edited with the toolbar are in the saved version’s exports', async ({
    browser,
  }) => {
    const page = await secretariatPage(browser, LAPTOP);
    const editor = page.getByRole('textbox', { name: 'Record text', exact: true });
    await expect(editor).toContainText('Adoption of agenda');
    await expectFitted(page);
    const toolbar = page.getByRole('toolbar', { name: 'Formatting', exact: true });
    await page.screenshot({ path: test.info().outputPath('editor-en-1366.png') });

    await test.step('the toolbar is one Tab stop: Alt+F10 goes to it, the arrow keys along it, Escape back to the text', async () => {
      await editor.focus();
      await page.keyboard.press('Alt+F10');
      await expect(toolbar.getByRole('button', { name: 'Paragraph', exact: true })).toBeFocused();
      await page.keyboard.press('ArrowRight');
      await expect(toolbar.getByRole('button', { name: 'Heading', exact: true })).toBeFocused();
      await page.keyboard.press('End');
      await expect(toolbar.getByRole('button', { name: 'Insert table', exact: true })).toBeFocused();
      await page.keyboard.press('Escape');
      await expect(editor).toBeFocused();
      await page.keyboard.press('Shift+Tab');
      await expect(toolbar.getByRole('button', { name: 'Insert table', exact: true })).toBeFocused();
      await page.keyboard.press('Escape');
    });

    await test.step('item 1’s numbered paragraph rewritten, with a link at its end', async () => {
      const paragraph = editor.locator('ol > li').first().locator('p').first();
      await paragraph.click({ clickCount: 3 });
      // The paragraph starts in bold: typing over it goes on in bold until Bold is turned off.
      await page.keyboard.type(LEAD_IN);
      const bold = toolbar.getByRole('button', { name: 'Bold', exact: true });
      await expect(bold).toHaveAttribute('aria-pressed', 'true');
      await bold.click();
      await expect(bold).toHaveAttribute('aria-pressed', 'false');
      await page.keyboard.type(` ${REWRITTEN}`);
      await expect(page.getByText('Unsaved changes.', { exact: true })).toBeVisible();
      await page.keyboard.type(' See the ');
      await toolbar.getByRole('button', { name: 'Link', exact: true }).click();
      await page.getByLabel('Link address', { exact: true }).fill('javascript:alert(1)');
      await page.getByRole('button', { name: 'Apply link', exact: true }).click();
      await expect(page.getByRole('alert').filter({ hasText: 'Give a web address' })).toBeVisible();
      await page.getByLabel('Link address', { exact: true }).fill(LINK);
      await page.getByRole('button', { name: 'Apply link', exact: true }).click();
      await expect(editor.getByRole('link', { name: LINK })).toHaveAttribute('href', LINK);
    });

    await test.step('the chair’s cell of the header table rewritten, a row added below it', async () => {
      const cell = editor.getByRole('table').first().getByRole('cell', { name: CHAIR, exact: true });
      await cell.click({ clickCount: 3 });
      await page.keyboard.type(CELL);
      await toolbar.getByRole('button', { name: 'Add row', exact: true }).click();
      const table = editor.getByRole('table').first();
      const rows = table.getByRole('row');
      const at = await rows.evaluateAll((all, text) => all.findIndex((row) => row.textContent?.includes(text)), CELL);
      await rows
        .nth(at + 1)
        .getByRole('cell')
        .first()
        .click();
      await page.keyboard.type('Rapporteur');
      await page.keyboard.press('Tab');
      await page.keyboard.type('Mary Uduma');
      await expect(rows.nth(at + 1)).toHaveText(/Rapporteur\s*Mary Uduma/);
    });

    await test.step('saving makes version 2; its Markdown and HTML exports have the changes', async () => {
      await page.getByRole('button', { name: 'Save as new version', exact: true }).click();
      await expect(page.getByRole('status').filter({ hasText: 'Saved as version 2.' })).toBeVisible();
      await expect(editor).toContainText(REWRITTEN);
      const markdown = await api.get(`/api/meetings/${meetingId}/record.md?version=2`);
      expect(markdown.status).toBe(200);
      const text = markdown.body as string;
      expect(text).toMatch(
        new RegExp(`^1\\. \\*\\*${escapeRegExp(LEAD_IN)}\\*\\* ${escapeRegExp(`${REWRITTEN} See the [${LINK}](${LINK})`)}$`, 'm'),
      );
      expect(text).toMatch(new RegExp(`^\\| Chair\\s+\\| ${CELL}\\s+\\|$`, 'm'));
      expect(text).toMatch(/^\| Rapporteur\s+\| Mary Uduma\s+\|$/m);
      expect(text).not.toContain('javascript:');
      // The rest of the generated record is still there: its other numbered paragraph, proposals and annexes.
      expect(text).toMatch(/^2\. \*\*Item 2 – BPF proposals\*\*/m);
      expect(text).toMatch(/^ {4}- \*\*BPF Cybersecurity\*\*/m);
      expect(text).toMatch(/^## Annex I – Agenda$/m);
      const html = (await api.get(`/api/meetings/${meetingId}/record.html?version=2`)).body as string;
      expect(html).toContain(`<td>${CELL}</td>`);
      expect(html).toContain(`<a href="${LINK}"`);
      expect(html).toMatch(/<ol>\s*<li>[^]*?The agenda was approved as circulated\./);
    });
    await page.context().close();
  });

  test('comparing version 1 with version 2 marks the edited words deleted and inserted, side by side', async ({ browser }) => {
    const page = await secretariatPage(browser, LAPTOP);
    const compare = page.getByRole('region', { name: 'Compare versions', exact: true });
    await expect(compare.getByLabel('Compare version', { exact: true })).toHaveValue('1');
    await expect(compare.getByLabel('with version', { exact: true })).toHaveValue('2');
    await compare.getByRole('button', { name: 'Compare', exact: true }).click();
    const summary = compare.getByRole('status');
    await expect(summary).toHaveText(/^Version 1 compared with version 2: \d+ paragraphs changed\.$/);
    const changed = Number((await summary.textContent())!.match(/(\d+) paragraphs/)![1]);
    expect(changed).toBe(3);
    const columns = compare.getByTestId('record-compare-columns');
    const row = columns.getByRole('row').filter({ hasText: REWRITTEN });
    await expect(row).toHaveCount(1);
    const [before, after] = [row.getByRole('cell').nth(0), row.getByRole('cell').nth(1)];
    await expect(before.locator('del').first()).toBeVisible();
    await expect(after.locator('ins').filter({ hasText: 'approved as circulated' })).toBeVisible();
    await expect(before.locator('ins')).toHaveCount(0);
    await expect(after.locator('del')).toHaveCount(0);
    // Each mark is named for screen readers, not told by colour alone.
    await expect(after.locator('ins').first()).toContainText('inserted:');
    const cellRow = columns.getByRole('row').filter({ hasText: `and ${SPEAKER}` });
    await expect(cellRow.getByRole('cell').nth(1).locator('ins')).toContainText(`and ${SPEAKER}`);
    const [left, right] = [await boxOf(before), await boxOf(after)];
    expect(right.x).toBeGreaterThanOrEqual(left.x + left.width - 1);
    expect(Math.abs(left.y - right.y)).toBeLessThan(2);
    await expect(compare.getByTestId('record-compare-inline')).toBeHidden();
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(' ')}`)).toEqual([]);
    await row.scrollIntoViewIfNeeded();
    await page.screenshot({ path: test.info().outputPath('compare-en-1366.png') });
    // Only the changed paragraphs: the rewritten one, the changed cell and the new row.
    await compare.getByLabel('Show only the changed paragraphs', { exact: true }).check();
    await expect(columns.getByRole('row')).toHaveCount(changed + 1);
    await page.context().close();
  });

  test('on a phone: the editor fits the screen, and the comparison is one column with both marks', async ({ browser }) => {
    const page = await secretariatPage(browser, PHONE_SIZE);
    await expect(page.getByRole('textbox', { name: 'Record text', exact: true })).toContainText('approved as circulated');
    await expectFitted(page);
    await page.getByTestId('record-rich-editor').scrollIntoViewIfNeeded();
    await page.screenshot({ path: test.info().outputPath('editor-en-390.png') });
    const compare = page.getByRole('region', { name: 'Compare versions', exact: true });
    await compare.getByRole('button', { name: 'Compare', exact: true }).click();
    const inline = compare.getByTestId('record-compare-inline');
    await expect(inline).toBeVisible();
    await expect(compare.getByTestId('record-compare-columns')).toBeHidden();
    const paragraph = inline.getByRole('listitem').filter({ hasText: 'approved as circulated' });
    await expect(paragraph.locator('del').first()).toBeVisible();
    await expect(paragraph.locator('ins').first()).toBeVisible();
    const box = await boxOf(inline);
    expect(box.x + box.width).toBeLessThanOrEqual(PHONE_SIZE.width);
    await paragraph.scrollIntoViewIfNeeded();
    await page.screenshot({ path: test.info().outputPath('compare-en-390.png') });
    await page.context().close();
  });

  test('an Arabic record is edited right to left, in an Arabic interface', async ({ browser }) => {
    const generated = await api.post(`/api/meetings/${meetingId}/record/generate`, { language: 'ar' });
    expect(generated.status, JSON.stringify(generated.body)).toBe(201);
    for (const viewport of [LAPTOP, PHONE_SIZE]) {
      const page = await secretariatPage(browser, viewport, 'ar');
      const editor = page.getByRole('textbox', { name: 'نص المحضر', exact: true });
      await expect(editor).toContainText('موجز');
      await expect(page.getByTestId('record-rich-editor')).toHaveAttribute('dir', 'rtl');
      await expect(page.getByRole('toolbar', { name: 'التنسيق', exact: true }).getByRole('button', { name: 'فقرات مرقّمة' })).toBeVisible();
      await expectFitted(page);
      await page.getByTestId('record-rich-editor').scrollIntoViewIfNeeded();
      await page.screenshot({ path: test.info().outputPath(`editor-ar-${viewport.width}.png`) });
      const compare = page.getByRole('region', { name: 'مقارنة الصيغ', exact: true });
      await expect(compare.getByLabel('بالصيغة', { exact: true })).toHaveValue('3');
      await compare.getByRole('button', { name: 'مقارنة', exact: true }).click();
      await expect(compare.getByRole('status')).toContainText('الصيغة 2 مقارنةً بالصيغة 3');
      await compare.getByRole('status').scrollIntoViewIfNeeded();
      await page.screenshot({ path: test.info().outputPath(`compare-ar-${viewport.width}.png`) });
      await page.context().close();
    }
  });
});
