/**
 * A reader on a phone picks the English caption channel on the captions-only page: the English
 * line replaces the floor's, new English lines arrive, the floor's do not; the choice is kept on
 * the device and holds after a reload. Captioning software writes to each channel through its URL.
 */
import { expect, test } from '@playwright/test';
import { newPage, serverForSuite, setUpMeeting } from './support.ts';

const ADMIN = { email: 'secretariat@example.org', password: 'correct horse battery staple' };
const READER = 'Sylvia Cadena';
const ROSTER_CSV = [
  'name,affiliation,email,stakeholder group,region,role',
  `${READER},APNIC Foundation,,technical community,Asia-Pacific,member`,
].join('\n');

test.describe('caption channels: a reader picks a language', () => {
  test.use({ actionTimeout: 15_000 });
  const server = serverForSuite({ ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password });

  test('on a phone, the captions-only page switches to English and keeps it after a reload', async ({ browser }) => {
    test.setTimeout(90_000);
    const meeting = await setUpMeeting(server.baseUrl, {
      admin: ADMIN,
      meeting: { title: 'MAG Meeting', body: 'MAG', startsAtLocal: '2021-03-24T13:00', timeZone: 'UTC', plannedMinutes: 60 },
      agendaText: '1 - Opening (5 minutes)',
      rosterCsv: ROSTER_CSV,
      captionLanguages: ['en', 'ar'],
    });
    let seq = 0;
    const post = async (channel: string, text: string) => {
      const target = new URL(meeting.captionUrls.find((entry) => entry.channel === channel)!.url);
      target.searchParams.set('final', '1');
      target.searchParams.set('seq', String(++seq));
      const answer = await fetch(target, { method: 'POST', headers: { 'content-type': 'text/plain; charset=utf-8' }, body: text });
      expect(answer.status).toBe(200);
    };
    await post('floor', 'Buenos días a todos.');
    await post('en', 'Good morning, everyone.');

    const phone = await newPage(browser, { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
    await phone.goto(meeting.person(READER).joinUrl);
    await expect(phone.getByText(`You are ${READER}, member.`, { exact: true })).toBeVisible();
    await phone.goto(`${server.baseUrl}/m/${encodeURIComponent(meeting.meetingId)}/captions`);
    const lines = phone.getByTestId('caption-line');
    await expect(lines).toHaveText(['Buenos días a todos.']);

    const picker = phone.getByLabel('Channel', { exact: true });
    await expect(picker.locator('option')).toHaveText(['Floor (as spoken)', 'العربية', 'English']);
    await picker.selectOption('en');
    await expect(lines).toHaveText(['Good morning, everyone.']);
    const box = await picker.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 390, 'the channel control fits the phone').toBe(true);

    await post('floor', 'Gracias.');
    await post('en', 'Thank you.');
    await expect(lines).toHaveText(['Good morning, everyone.', 'Thank you.']);

    await phone.reload();
    await expect(phone.getByLabel('Channel', { exact: true })).toHaveValue('en');
    await expect(lines).toHaveText(['Good morning, everyone.', 'Thank you.']);
    await post('en', 'We begin.');
    await expect(lines).toHaveText(['Good morning, everyone.', 'Thank you.', 'We begin.']);
  });
});
