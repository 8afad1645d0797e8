/**
 * The record as people read it on screens: the HTML export fits a phone (390 px: wide tables
 * scroll inside their own box, the page does not), and no label in a table breaks inside a
 * word, in the export or on the record page's preview at 1440 px. After the meeting, the record
 * page offers everyone's certificates of attendance and a participant's page their own.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { recordMarkdown } from '../../shared/record/record-markdown.ts';
import { recordHtml } from '../../server/record/record-html.ts';
import { HttpClient } from '../support/http-client.ts';
import { pdfText } from '../support/pdf-reading.ts';
import { connectLive, waitUntil } from '../support/live-client.ts';
import { longProposalsRecord } from '../support/record-fixtures.ts';
import { newPage, serverForSuite, setUpMeeting } from './support.ts';

const ADMIN = { email: 'record-layout@example.org', password: 'record layout password' };

/** The cells of the page's tables whose text is one word and is drawn on more than one line. */
function brokenLabels(page: Page, within = 'body'): Promise<string[]> {
  return page.evaluate((selector) => {
    const broken: string[] = [];
    for (const cell of document.querySelector(selector)!.querySelectorAll('th, td')) {
      const text = cell.textContent?.trim() ?? '';
      if (text === '' || /\s/.test(text)) continue;
      // The lines of the cell's text itself (not the boxes of the paragraphs it sits in).
      const tops = new Set<number>();
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const range = document.createRange();
        range.selectNodeContents(node);
        for (const rect of range.getClientRects()) if (rect.width > 0) tops.add(Math.round(rect.top));
      }
      if (tops.size > 1) broken.push(text);
    }
    return broken;
  }, within);
}

test.describe('the HTML export on screens', () => {
  for (const language of ['en', 'ar'] as const) {
    test(`fits a 390 px phone and keeps labels whole at 1440 px (${language})`, async ({ browser }) => {
      const record = longProposalsRecord();
      const html = recordHtml(recordMarkdown(record, language), record, { status: 'draft', language });
      for (const width of [390, 1440]) {
        const page = await newPage(browser, { viewport: { width, height: 844 } });
        await page.setContent(html);
        const { scrollWidth, wrappers } = await page.evaluate(() => ({
          scrollWidth: document.documentElement.scrollWidth,
          wrappers: [...document.querySelectorAll('table')].filter(
            (table) => table.parentElement!.scrollWidth > table.parentElement!.clientWidth,
          ).length,
        }));
        expect(scrollWidth, `page width at ${width} px`).toBeLessThanOrEqual(width);
        if (width === 390) expect(wrappers, 'the proposals table scrolls in its box').toBeGreaterThanOrEqual(1);
        expect(await brokenLabels(page)).toEqual([]);
        await page.context().close();
      }
    });
  }
});

test.describe('after the meeting', () => {
  const server = serverForSuite({ ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password });

  test('the record page keeps labels whole and offers the certificates; a participant downloads their own', async ({ browser }) => {
    const meeting = await setUpMeeting(server.baseUrl, {
      admin: ADMIN,
      meeting: { title: 'MAG Virtual Meeting III', body: 'MAG', startsAtLocal: '2017-04-11T22:00', timeZone: 'UTC', plannedMinutes: 60 },
      agendaText: '1 - Adoption of agenda (5 minutes)\n2 - Any other business (10 minutes)',
      rosterCsv: [
        'name,affiliation,email,stakeholder group,region,role',
        'Lynn St. Amour,Internet Matters,,civil society,WEOG,chair',
        'Chengetai Masango,IGF Secretariat,,intergovernmental organisation,Africa,secretariat',
      ].join('\n'),
    });
    const chairBrowser = new HttpClient(server.baseUrl);
    await chairBrowser.post('/api/join', { token: new URL(meeting.person('Lynn St. Amour').joinUrl).pathname.split('/').pop() });
    const chair = connectLive(server.baseUrl, chairBrowser, meeting.meetingId);
    try {
      await waitUntil(() => chair.replica.status.state === 'live', 'chair connected');
      await chair.command({ type: 'meeting.open' });
      await chair.command({ type: 'agenda.startItem', itemId: chair.replica.state!.agenda[0]!.id });
      await chair.command({ type: 'meeting.end' });
    } finally {
      chair.close();
    }

    const page = await newPage(browser, { viewport: { width: 1440, height: 900 } });
    await page.goto(new URL('/signin', server.baseUrl).toString());
    await page.getByLabel('Email', { exact: true }).fill(ADMIN.email);
    await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Meetings' })).toBeVisible();
    await page.goto(new URL(`/meetings/${encodeURIComponent(meeting.meetingId)}/record`, server.baseUrl).toString());
    // The draft is open in the rich-text editor, its tables drawn as tables.
    const editor = page.getByTestId('record-rich-editor');
    await expect(editor.getByRole('cell', { name: 'Secretariat', exact: true }).first()).toBeVisible();
    expect(await brokenLabels(page, '[data-testid="record-rich-editor"]')).toEqual([]);

    const zip = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Certificates of attendance (.zip)', exact: true }).click();
    expect((await zip).suggestedFilename()).toBe(`certificates-${meeting.meetingId}.zip`);

    // The chair, from their personal link: the meeting has ended, their certificate is there.
    const own = await newPage(browser, { viewport: { width: 390, height: 844 } });
    await own.goto(meeting.person('Lynn St. Amour').joinUrl);
    await expect(own.getByRole('heading', { name: 'Certificate of attendance', exact: true })).toBeVisible();
    const pdf = own.waitForEvent('download');
    await own.getByRole('link', { name: 'Download your certificate (PDF)', exact: true }).click();
    const download = await pdf;
    expect(download.suggestedFilename()).toBe('certificate-Lynn-St-Amour.pdf');
    // Read back: the certificate names her, the meeting and its date.
    const text = pdfText(readFileSync((await download.path())!)).replace(/\s+/g, ' ');
    expect(text).toContain('Lynn St. Amour');
    expect(text).toContain('MAG Virtual Meeting III');
    expect(text).toContain('11 April 2017');

    // The secretariat's Chengetai Masango never connected: there is nothing to issue, and the page says so.
    const absent = await newPage(browser, { viewport: { width: 390, height: 844 } });
    await absent.goto(meeting.person('Chengetai Masango').joinUrl);
    await expect(
      absent.getByText('You did not take part in this meeting, so there is no certificate of attendance to issue.'),
    ).toBeVisible();
    await expect(absent.getByTestId('own-certificate')).toHaveCount(0);
  });
});
