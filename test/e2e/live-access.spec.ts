/**
 * Replacing links from the set-up page, in real browsers: the secretariat replaces the room
 * display link and the caption URL in the Links part; the display opened with the old link
 * says at once that it was disconnected and why, and the old caption URL stops.
 */
import { expect, test } from '@playwright/test';
import { startServer, type SpecServer, setUpMeeting } from './support.ts';
import { HttpClient } from '../support/http-client.ts';

const ADMIN = { email: 'secretariat@example.org', password: 'correct horse battery staple' };

let server: SpecServer;
test.beforeAll(async () => {
  server = await startServer({ ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password });
});
test.afterAll(async () => {
  await server?.stop();
});

test('the secretariat replaces the room display link and the caption URL; what used the old ones stops', async ({ browser }) => {
  const meeting = await setUpMeeting(server.baseUrl, {
    admin: ADMIN,
    meeting: { title: 'Links replaced', body: '', startsAtLocal: '2030-05-09T13:00', timeZone: 'UTC', plannedMinutes: 30 },
    agendaText: '1 - Adoption of agenda (5 minutes)',
    rosterCsv: 'name,stakeholder group,region,role\nThe Chair,civil society,Africa,chair',
  });
  const api = new HttpClient(server.baseUrl);
  await api.post('/api/auth/login', ADMIN);
  const oldCaptionUrl = (await api.get(`/api/meetings/${meeting.meetingId}`)).body.captionUrl as string;

  const displayContext = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const display = await displayContext.newPage();
  await display.goto(meeting.displayUrl);
  await expect(display.getByTestId('room-display')).toBeVisible();

  const staffContext = await browser.newContext();
  const setup = await staffContext.newPage();
  await setup.goto(new URL('/signin', server.baseUrl).toString());
  await setup.getByLabel('Email', { exact: true }).fill(ADMIN.email);
  await setup.getByLabel('Password', { exact: true }).fill(ADMIN.password);
  await setup.getByRole('button', { name: 'Sign in', exact: true }).click();
  await setup.waitForURL('**/meetings');
  await setup.goto(new URL(`/meetings/${meeting.meetingId}`, server.baseUrl).toString());
  const links = setup.getByRole('region', { name: 'Links' });
  await expect(links.getByText(meeting.displayUrl)).toBeVisible();
  await expect(links.getByText(oldCaptionUrl)).toBeVisible();

  setup.on('dialog', (dialog) => void dialog.accept());
  await links.getByRole('button', { name: 'Replace room display link' }).click();
  await expect(links.getByText(meeting.displayUrl)).toHaveCount(0);
  // The room display says so in its connection status, without leaving the screen blank.
  await expect(display.getByRole('status').filter({ hasText: 'the room display link was replaced' })).toBeVisible();

  await links.getByRole('button', { name: 'Replace caption URL' }).click();
  await expect(links.getByText(oldCaptionUrl)).toHaveCount(0);
  const refused = await new HttpClient(server.baseUrl).post(new URL(oldCaptionUrl).pathname + new URL(oldCaptionUrl).search, {
    text: 'Old',
    final: true,
  });
  expect(refused.status).toBe(403);
  const newCaptionUrl = (await api.get(`/api/meetings/${meeting.meetingId}`)).body.captionUrl as string;
  await expect(links.getByText(newCaptionUrl)).toBeVisible();

  await displayContext.close();
  await staffContext.close();
});
