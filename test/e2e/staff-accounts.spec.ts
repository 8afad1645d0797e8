/**
 * The secretariat changes another staff account from the meetings page: makes it a secretariat
 * account, disables it (after confirming: its open page is signed out at once) and enables it.
 * Its own account offers no such buttons. Opening a meeting's room display link in the
 * secretariat's own browser shows the room's view and keeps them signed in.
 */
import { expect, test } from '@playwright/test';
import { setUpMeeting, startServer, type SpecServer } from './support.ts';

const ADMIN = { email: 'secretariat@example.org', password: 'correct horse battery staple' };
const CHAIR = { name: 'Chengetai Masango', email: 'chair@example.org', password: 'another long staff password' };

test.describe('staff accounts', () => {
  let server: SpecServer;

  test.beforeAll(async () => {
    server = await startServer({ ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, RATE_LIMIT_ALLOWLIST: '127.0.0.1' });
  });
  test.afterAll(async () => {
    await server?.stop();
  });

  test('another account is promoted, disabled (signed out at once) and enabled again', async ({ browser }) => {
    const signIn = async (email: string, password: string) => {
      const page = await (await browser.newContext()).newPage();
      await page.goto(new URL('/signin', server.baseUrl).toString());
      await page.getByLabel('Email', { exact: true }).fill(email);
      await page.getByLabel('Password', { exact: true }).fill(password);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Meetings', exact: true })).toBeVisible();
      return page;
    };
    const admin = await signIn(ADMIN.email, ADMIN.password);
    const accounts = admin.getByRole('region', { name: 'Accounts', exact: true });
    await accounts.getByLabel('Name', { exact: true }).fill(CHAIR.name);
    await accounts.getByLabel('Email', { exact: true }).fill(CHAIR.email);
    await accounts.getByLabel('Password', { exact: true }).fill(CHAIR.password);
    await accounts.getByRole('button', { name: 'Add account', exact: true }).click();
    const row = accounts.getByRole('row').filter({ hasText: CHAIR.email });
    await expect(row).toContainText('Chair');
    await expect(accounts.getByRole('row').filter({ hasText: ADMIN.email })).toContainText('Your account');
    await expect(accounts.getByRole('row').filter({ hasText: ADMIN.email }).getByRole('button')).toHaveCount(0);

    const chair = await signIn(CHAIR.email, CHAIR.password);
    await row.getByRole('button', { name: `Make ${CHAIR.name} a secretariat account`, exact: true }).click();
    await expect(row).toContainText('Secretariat');

    admin.once('dialog', (dialog) => void dialog.accept());
    await row.getByRole('button', { name: `Disable ${CHAIR.name}`, exact: true }).click();
    await expect(row).toContainText('Disabled');
    await expect(admin.locator('[aria-live]').filter({ hasText: 'is disabled and signed out' })).toHaveCount(1);
    // The disabled account's open page finds itself signed out at its next step.
    await chair.reload();
    await expect(chair.getByRole('heading', { level: 1, name: 'Sign in', exact: true })).toBeVisible();

    await row.getByRole('button', { name: `Enable ${CHAIR.name}`, exact: true }).click();
    await expect(row).not.toContainText('Disabled');
    await signIn(CHAIR.email, CHAIR.password);
  });

  test('the secretariat opens the room display link in their own browser: the room view, still signed in', async ({ browser }) => {
    const meeting = await setUpMeeting(server.baseUrl, {
      admin: ADMIN,
      meeting: { title: 'MAG Virtual Meeting V', body: 'MAG', startsAtLocal: '2026-06-10T13:00', timeZone: 'UTC', plannedMinutes: 60 },
      agendaText: '1 - Adoption of the agenda (5 minutes)',
      rosterCsv: ['name,role', 'Amina Diallo,chair'].join('\n'),
    });
    const page = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
    await page.goto(new URL('/signin', server.baseUrl).toString());
    await page.getByLabel('Email', { exact: true }).fill(ADMIN.email);
    await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Meetings', exact: true })).toBeVisible();

    await page.goto(meeting.displayUrl);
    await expect(page).toHaveURL(new RegExp(`/m/${meeting.meetingId}/room$`));
    await expect(page.getByRole('heading', { level: 1, name: /MAG Virtual Meeting V/ })).toBeAttached();
    await expect(page.getByText('Join on your phone', { exact: false })).toBeVisible();
    await page.goto(new URL('/meetings', server.baseUrl).toString());
    await expect(page.getByRole('heading', { level: 1, name: 'Meetings', exact: true })).toBeVisible();
  });
});
