/**
 * The foundation, in a real browser against the real server: the first secretariat account,
 * a meeting with the Annex I agenda of the 2017 summary report, a roster (by hand and by CSV),
 * a participant joining with their personal link, that link being revoked, an observer joining
 * by the public observer link, and signing in again.
 *
 * The tests build on each other (one server, one database), so they run in order and share
 * the secretariat's page; the participant gets a browser context of their own.
 */
import { readFile } from 'node:fs/promises';
import { expect, test, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { ANNEX_I_ITEMS, annexIAgenda } from '../support/seeds.ts';
import { appUrl, escapeRegExp, setupLink } from './support.ts';

const SECRETARIAT = {
  name: 'Chengetai Masango',
  email: 'secretariat@example.org',
  password: 'correct horse battery staple',
};

const MEETING = {
  title: '2017 MAG Virtual Meeting IV',
  body: 'MAG',
  startsAtLocal: '2017-04-25T22:00',
  timeZone: 'UTC',
  plannedMinutes: 90,
};

const FLAVIO = 'Flávio Wagner';
const OBSERVER = 'Raquel Gatto';
const CSV_PEOPLE = [
  {
    name: 'Lynn St. Amour',
    affiliation: 'Internet Matters',
    stakeholderGroup: 'Civil society',
    region: 'Western Europe and Others',
    role: 'Chair',
  },
  { name: '张伟', affiliation: 'CNNIC', stakeholderGroup: 'Technical community', region: 'Asia-Pacific', role: 'Member' },
  { name: 'Юлия Иванова', affiliation: 'Координационный центр', stakeholderGroup: 'Government', region: 'Eastern Europe', role: 'Member' },
] as const;
const ROSTER_CSV = [
  'name,affiliation,email,stakeholder group,region,role',
  'Lynn St. Amour,Internet Matters,lynn@example.org,civil society,WEOG,chair',
  '张伟,CNNIC,,technical community,Asia-Pacific,member',
  'Юлия Иванова,Координационный центр,,government,Eastern Europe,member',
].join('\n');

const LINK_NOT_VALID = 'This link is not valid. It may have been revoked: ask the secretariat for a new one.';

/** One agenda item as the agenda list reads: number, title and, when it has them, its minutes. */
const agendaItemTexts = ANNEX_I_ITEMS.map((item) => `${item.number} ${item.title}${item.minutes === null ? '' : ` ${item.minutes} min`}`);

/** The row of one person in the roster table, found by the name in its row header. */
function rosterRow(roster: Locator, name: string): Locator {
  return roster
    .getByRole('row')
    .filter({ has: roster.page().getByRole('rowheader', { name: new RegExp(`^${escapeRegExp(name)}(\\s|$)`) }) });
}

test.describe.serial('foundation: set up a meeting, join it, revoke the link, sign in again', () => {
  let staffContext: BrowserContext;
  let page: Page;
  let meetingId = '';
  let flavioJoinUrl = '';
  let participantContext: BrowserContext | undefined;
  let participant: Page;

  test.beforeAll(async ({ browser }) => {
    staffContext = await browser.newContext();
    page = await staffContext.newPage();
  });

  test.afterAll(async () => {
    await participantContext?.close();
    await staffContext?.close();
  });

  test('the set-up link creates the first secretariat account', async () => {
    await page.goto(setupLink());
    await expect(page.getByRole('heading', { level: 1, name: 'Create the first secretariat account' })).toBeVisible();

    await page.getByLabel('Name', { exact: true }).fill(SECRETARIAT.name);
    await page.getByLabel('Email', { exact: true }).fill(SECRETARIAT.email);
    await page.getByLabel('Password', { exact: true }).fill(SECRETARIAT.password);
    await page.getByRole('button', { name: 'Create account', exact: true }).click();

    await expect(page).toHaveURL(appUrl('/meetings'));
    await expect(page.getByRole('heading', { level: 1, name: 'Meetings', exact: true })).toBeVisible();
    await expect(page.getByText('No meetings yet. Create the first one below.')).toBeVisible();
    const staffNav = page.getByRole('navigation', { name: 'Staff' });
    await expect(staffNav).toContainText(`${SECRETARIAT.name} (Secretariat)`);
  });

  test('a new meeting opens on its set-up page', async () => {
    const form = page.getByRole('region', { name: 'New meeting', exact: true });
    await form.getByLabel('Title', { exact: true }).fill(MEETING.title);
    await form.getByLabel('Body or group', { exact: true }).fill(MEETING.body);
    await form.getByLabel('Start', { exact: true }).fill(MEETING.startsAtLocal);
    const zone = form.getByRole('combobox', { name: 'Time zone', exact: true });
    // The meeting's city finds its zone even where the zone is named after another city.
    await zone.fill('Geneva');
    await expect(form.getByRole('option').first()).toContainText('Europe/Zurich');
    await expect(form.getByRole('option').first()).toContainText('Geneva');
    await zone.press('Enter');
    await expect(zone).toHaveValue('Europe/Zurich');
    await expect(form.getByRole('listbox')).toBeHidden();
    await zone.fill(MEETING.timeZone);
    await form.getByLabel('Planned minutes', { exact: true }).fill(String(MEETING.plannedMinutes));
    await form.getByRole('button', { name: 'Create meeting', exact: true }).click();

    await expect(page).toHaveURL(/\/meetings\/[^/]+$/);
    await expect(page.getByRole('heading', { level: 1, name: MEETING.title, exact: true })).toBeVisible();
    meetingId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');
    expect(meetingId).not.toBe('');
    await expect(page.getByText(`${MEETING.body} ·`, { exact: false }).first()).toBeVisible();
    await expect(page.locator(`time[datetime="2017-04-25T22:00:00.000Z"]`)).toBeVisible();
    await expect(page.getByRole('region', { name: 'Agenda', exact: true }).getByText('No agenda yet.')).toBeVisible();
  });

  test('the Annex I agenda pasted as text is imported item by item', async () => {
    const agenda = page.getByRole('region', { name: 'Agenda', exact: true });
    await agenda.getByLabel('Agenda text', { exact: true }).fill(annexIAgenda());
    // The preview reads the text as the server will, before anything is saved.
    await expect(agenda.getByRole('status').filter({ hasText: /^10 items, 90 min in all\.$/ })).toBeVisible();
    await agenda.getByRole('button', { name: 'Import agenda', exact: true }).click();

    await expect(agenda.getByText('Agenda imported: 10 items.')).toBeVisible();
    await expect(agenda.getByLabel('Agenda text', { exact: true })).toHaveValue('');
    const saved = agenda.getByRole('list').getByRole('listitem');
    await expect(saved).toHaveText(agendaItemTexts);
    // Sub-items 4a–4d share the time of item 4: no minutes of their own.
    for (const item of ANNEX_I_ITEMS.filter((each) => each.minutes === null)) {
      await expect(saved.filter({ hasText: item.title })).not.toContainText('min');
    }
    await expect(agenda.getByText('90 min of items in all, for a meeting planned for 90 min.')).toBeVisible();
  });

  test('a roster is built from the form and from a CSV import', async () => {
    const roster = page.getByRole('region', { name: 'Roster', exact: true });
    await expect(roster.getByText('0 people.')).toBeVisible();

    await roster.getByLabel('Name', { exact: true }).fill(FLAVIO);
    await roster.getByLabel('Affiliation', { exact: true }).fill('CGI.br');
    await roster.getByLabel('Stakeholder group', { exact: true }).selectOption({ label: 'Civil society' });
    await roster.getByLabel('Region', { exact: true }).selectOption({ label: 'Latin America and Caribbean' });
    await roster.getByLabel('Role', { exact: true }).selectOption({ label: 'Member' });
    // The record lists people under their role's heading unless given one of the meeting's own.
    const category = roster.getByLabel('Listed in the record under', { exact: true });
    await expect(category).toHaveAttribute('placeholder', 'Member');
    await category.fill('MAG Members');
    await roster.getByRole('button', { name: 'Add person', exact: true }).click();

    const table = roster.getByRole('table', { name: "Roster, with each person's join link" });
    await expect(rosterRow(table, FLAVIO).getByRole('cell')).toHaveText([
      'CGI.br',
      'Civil society Latin America and Caribbean',
      'Member In the record under “MAG Members”',
      /^Copy join link for Flávio Wagner Code \w+ Join link for Flávio Wagner$/,
      /^Edit Flávio Wagner More/,
    ]);
    await expect(roster.getByText('1 person.')).toBeVisible();
    // The form is ready for the next person, with the meeting's categories as suggestions.
    await expect(roster.getByLabel('Name', { exact: true })).toHaveValue('');
    await expect(category).toHaveValue('');
    await expect(roster.locator(`datalist#${await category.getAttribute('list')} option`)).toHaveAttribute('value', 'MAG Members');
    // A captioner is not asked for a stakeholder group or region; for a member both may stay "Not stated".
    await roster.getByLabel('Role', { exact: true }).selectOption({ label: 'Captioner' });
    await expect(roster.getByLabel('Stakeholder group', { exact: true })).toHaveCount(0);
    await expect(roster.getByLabel('Region', { exact: true })).toHaveCount(0);
    await roster.getByLabel('Role', { exact: true }).selectOption({ label: 'Member' });
    await expect(roster.getByLabel('Stakeholder group', { exact: true }).locator('option').first()).toHaveText('Not stated');
    await expect(roster.getByLabel('Region', { exact: true }).locator('option').first()).toHaveText('Not stated');

    await roster.getByLabel('Roster CSV', { exact: true }).fill(ROSTER_CSV);
    await roster.getByRole('button', { name: 'Import roster', exact: true }).click();
    await expect(roster.getByText('Imported: 3 people added to the roster.')).toBeVisible();
    await expect(roster.getByText('4 people.')).toBeVisible();
    // The Links section holds every link, the personal ones too: all of them as CSV, each in the roster.
    const linksSection = page.getByRole('region', { name: 'Links', exact: true });
    await expect(linksSection.getByRole('link', { name: 'Download join links (CSV)', exact: true })).toHaveAttribute(
      'href',
      `/api/meetings/${meetingId}/links.csv`,
    );
    await expect(linksSection.getByRole('link', { name: 'Go to the roster', exact: true })).toHaveAttribute('href', '#roster-heading');

    for (const person of CSV_PEOPLE) {
      await expect(rosterRow(table, person.name).getByRole('cell')).toHaveText([
        person.affiliation,
        `${person.stakeholderGroup} ${person.region}`,
        person.role,
        /Join link/,
        /Edit/,
      ]);
    }
    await expect(rosterRow(table, 'Lynn St. Amour').getByRole('rowheader')).toContainText('lynn@example.org');
    await expect(table.getByRole('rowheader')).toHaveCount(4);

    // The join links download as one file with everyone on the roster.
    const downloading = page.waitForEvent('download');
    await roster.getByRole('link', { name: 'Download join links (CSV)', exact: true }).click();
    const file = await downloading;
    expect(file.suggestedFilename()).toBe(`join-links-${meetingId}.csv`);
    const links = await readFile(await file.path(), 'utf8');
    for (const name of [FLAVIO, ...CSV_PEOPLE.map((person) => person.name)]) expect(links).toContain(name);
  });

  test("a participant's personal link opens the meeting page, live", async ({ browser }) => {
    const roster = page.getByRole('region', { name: 'Roster', exact: true });
    const joinLink = roster.getByRole('link', { name: `Join link for ${FLAVIO}`, exact: true });
    flavioJoinUrl = (await joinLink.getAttribute('href')) ?? '';
    expect(flavioJoinUrl).toMatch(/\/join\/[A-Za-z0-9_-]{20,}$/);
    const token = flavioJoinUrl.split('/').pop()!;

    participantContext = await browser.newContext();
    participant = await participantContext.newPage();
    await participant.goto(flavioJoinUrl);

    await expect(participant).toHaveURL(appUrl(`/m/${encodeURIComponent(meetingId)}`));
    expect(participant.url()).not.toContain(token);
    await expect(participant.getByRole('heading', { level: 1, name: MEETING.title, exact: true })).toBeVisible();
    await expect(participant.getByText(`You are ${FLAVIO}, member.`, { exact: true })).toBeVisible();
    await expect(participant.getByText('Connected', { exact: true })).toBeVisible();

    const agenda = participant.getByRole('region', { name: 'Agenda', exact: true });
    await expect(agenda.getByRole('list').getByRole('listitem')).toHaveText(agendaItemTexts);

    const participants = participant.getByRole('region', { name: /^Participants/ });
    await expect(participants.getByRole('heading', { name: 'Member (3)', exact: true })).toBeVisible();
    await expect(participants.getByRole('listitem').filter({ hasText: FLAVIO })).toContainText('(you)');
  });

  test("revoking the link ends the participant's session, and the old link no longer works", async () => {
    const roster = page.getByRole('region', { name: 'Roster', exact: true });
    await roster.getByRole('button', { name: `More actions for ${FLAVIO}`, exact: true }).click();
    await roster.getByRole('button', { name: `Revoke join link for ${FLAVIO}`, exact: true }).click();
    await expect(roster.getByText(`Revoke the join link of ${FLAVIO}?`, { exact: false })).toBeVisible();
    await roster.getByRole('button', { name: 'Yes, revoke the link', exact: true }).click();

    const row = rosterRow(roster.getByRole('table'), FLAVIO);
    await expect(row.getByText('Revoked', { exact: true })).toBeVisible();
    await expect(row.getByRole('button', { name: `Issue a new link for ${FLAVIO}`, exact: true })).toBeVisible();
    await expect(row.getByRole('link', { name: `Join link for ${FLAVIO}`, exact: true })).toHaveCount(0);

    await expect(participant.getByRole('alert').filter({ hasText: 'Your session has ended' })).toContainText('join link revoked');
    await expect(participant.getByText('Session ended', { exact: true })).toBeVisible();
    await expect(participant.getByText('Connected', { exact: true })).toHaveCount(0);

    await participant.goto(flavioJoinUrl);
    await expect(participant.getByRole('heading', { level: 1, name: 'This link did not work', exact: true })).toBeVisible();
    await expect(participant.getByRole('alert').filter({ hasText: LINK_NOT_VALID })).toBeVisible();
    await expect(participant).toHaveURL(flavioJoinUrl);
  });

  test('with the public observer link on, a visitor who gives their name follows the meeting as an observer', async ({ browser }) => {
    const observerSwitch = page.getByRole('switch', { name: 'Public observer link', exact: true });
    await expect(observerSwitch).not.toBeChecked();
    await observerSwitch.check();
    await expect(observerSwitch).toBeChecked();
    const observerUrl = (await page.locator('code.url', { hasText: '/observe/' }).textContent()) ?? '';
    expect(observerUrl).toMatch(/\/observe\/[A-Za-z0-9_-]{20,}$/);

    const visitorContext = await browser.newContext();
    try {
      const visitor = await visitorContext.newPage();
      await visitor.goto(observerUrl);
      await expect(visitor.getByRole('heading', { level: 1, name: MEETING.title, exact: true })).toBeVisible();
      await visitor.getByLabel('Name', { exact: true }).fill(OBSERVER);
      await visitor.getByLabel('Affiliation', { exact: false }).fill('Internet Society');
      await visitor.getByRole('button', { name: 'Join as observer', exact: true }).click();
      await expect(visitor).toHaveURL(appUrl(`/m/${encodeURIComponent(meetingId)}`));
      await expect(visitor.getByText(`You are ${OBSERVER}, observer.`, { exact: true })).toBeVisible();
    } finally {
      await visitorContext.close();
    }
  });

  test('signing out, a wrong password is refused and the right one gets back to the meetings', async () => {
    await page.getByRole('navigation', { name: 'Staff' }).getByRole('button', { name: 'Sign out', exact: true }).click();
    await expect(page).toHaveURL(appUrl('/signin'));
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in', exact: true })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Staff' })).toHaveCount(0);

    await page.getByLabel('Email', { exact: true }).fill(SECRETARIAT.email);
    await page.getByLabel('Password', { exact: true }).fill('not the right password');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page.getByRole('alert')).toContainText('Wrong email or password.');
    await expect(page).toHaveURL(appUrl('/signin'));
    await expect(page.getByLabel('Password', { exact: true })).toHaveValue('');

    await page.getByLabel('Password', { exact: true }).fill(SECRETARIAT.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page).toHaveURL(appUrl('/meetings'));
    await expect(page.getByRole('heading', { level: 1, name: 'Meetings', exact: true })).toBeVisible();
    await expect(page.getByRole('link', { name: MEETING.title, exact: true })).toBeVisible();
  });
});
