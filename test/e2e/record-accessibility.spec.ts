/**
 * The exported HTML record is a document people read with screen readers and print: it
 * passes an axe accessibility check (WCAG 2.2 AA rules) in Chromium, in English and in Arabic.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { startServer, type SpecServer } from './support.ts';
import { HttpClient } from '../support/http-client.ts';
import { connectLive, waitUntil } from '../support/live-client.ts';

const ADMIN = { email: 'record-a11y@example.org', password: 'record a11y password' };

test.describe('the HTML record', () => {
  let server: SpecServer;
  let secretariat: HttpClient;
  let meetingId: string;

  test.beforeAll(async () => {
    server = await startServer({ ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password });
    secretariat = new HttpClient(server.baseUrl);
    await secretariat.post('/api/auth/login', ADMIN);
    meetingId = (
      await secretariat.post('/api/meetings', {
        title: 'MAG Virtual Meeting III',
        body: 'MAG',
        startsAtLocal: '2017-04-11T22:00',
        timeZone: 'UTC',
        plannedMinutes: 90,
      })
    ).body.meeting.id;
    await secretariat.put(`/api/meetings/${meetingId}/agenda`, {
      text: '1 - Adoption of agenda (5 minutes)\n2 - BPF proposals (30 minutes)',
    });
    const csv = [
      'name,affiliation,stakeholder group,region,role',
      'Lynn St. Amour,Internet Matters,civil society,WEOG,chair',
      'Flávio Wagner,CGI.br,civil society,GRULAC,member',
      'Юлия Иванова,,government,Eastern Europe,member',
    ].join('\n');
    const roster = (await secretariat.post(`/api/meetings/${meetingId}/roster/import`, { csv })).body.roster as { joinUrl: string }[];
    const chairBrowser = new HttpClient(server.baseUrl);
    await chairBrowser.post('/api/join', { token: new URL(roster[0]!.joinUrl).pathname.split('/').pop() });
    const chair = connectLive(server.baseUrl, chairBrowser, meetingId);
    try {
      await waitUntil(() => chair.replica.status.state === 'live', 'chair connected');
      await chair.command({ type: 'meeting.open' });
      const itemId = chair.replica.state!.agenda[1]!.id;
      await chair.command({ type: 'agenda.startItem', itemId });
      await chair.command({ type: 'agenda.addProposal', itemId, title: 'BPF Cybersecurity' });
      const proposalId = chair.replica.state!.agenda[1]!.proposals[0]!.id;
      for (const participantId of Object.keys(chair.replica.state!.participants).slice(1)) {
        await chair.command({ type: 'position.record', itemId, proposalId, stance: 'support', participantId });
      }
      await chair.command({ type: 'floor.giveTo', participantId: Object.keys(chair.replica.state!.participants)[1]! });
      await chair.command({ type: 'decision.record', itemId, proposalId, kind: 'agreed', text: 'Continues in 2017.' });
      await chair.command({ type: 'meeting.end' });
    } finally {
      chair.close();
    }
  });
  test.afterAll(async () => {
    await server?.stop();
  });

  for (const lang of ['en', 'ar'] as const) {
    test(`passes an axe check (${lang})`, async ({ page }) => {
      const html = await secretariat.get(`/api/meetings/${meetingId}/record.html?lang=${lang}`);
      expect(html.status).toBe(200);
      await page.setContent(html.body as string);
      await expect(page.getByRole('main')).toBeVisible();
      if (lang === 'en') await expect(page.getByText('Flávio Wagner').first()).toBeVisible();
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
      expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.length}`)).toEqual([]);
    });
  }
});
