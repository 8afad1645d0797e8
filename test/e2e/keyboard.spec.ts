/**
 * The main flows by keyboard alone, against a server of its own: after opening their links, a
 * remote member, the chair and the captioner never touch a mouse. Each control is reached with
 * Tab (and shows where the focus is) and used with Enter, Space or typing; the member raises a
 * hand with the documented H shortcut. The member says where they are and raises a hand, the
 * chair opens the meeting, starts the item and gives the floor, the captioner writes a line,
 * the chair opens a consensus call the member objects to, closes it and ends the meeting; the
 * secretariat signs in, opens the meeting's record and finalises it.
 *
 * The meeting is set up through the HTTP API; everything after that happens in the browsers,
 * by keyboard.
 */
import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { setUpMeeting, startServer, type SpecServer } from './support.ts';

const ADMIN = { email: 'secretariat@example.org', password: 'correct horse battery staple' };
const MEETING = {
  title: 'IGF MAG Virtual Meeting IX',
  body: 'MAG',
  startsAtLocal: '2017-05-23T13:00',
  timeZone: 'UTC',
  plannedMinutes: 60,
};
const ITEM = 'Intersessional work';
const CHAIR = 'Lynn St. Amour';
const MEMBER = 'Mary Uduma';
const CAPTIONER = 'Caption Desk';
const ROSTER_CSV = [
  'name,affiliation,email,stakeholder group,region,role',
  `${CHAIR},Internet Matters,lynn@example.org,civil society,WEOG,chair`,
  `${MEMBER},Nigeria IGF,,civil society,Africa,member`,
  `${CAPTIONER},Captioning,,technical community,WEOG,captioner`,
].join('\n');

/** Most Tab presses it may take to reach a control: the chair console is long, but not this long. */
const MAX_TABS = 250;

async function newPage(browser: Browser): Promise<Page> {
  return (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
}

/**
 * Presses Tab until `target` has the focus, and checks the focus can be seen on it (an outline
 * or a ring of at least 2 px). Fails if Tab never reaches it.
 */
async function tabTo(page: Page, target: Locator): Promise<void> {
  await expect(target).toBeVisible();
  for (let presses = 0; presses < MAX_TABS; presses++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((element) => element === document.activeElement)) {
      const ring = await target.evaluate((element) => {
        const style = getComputedStyle(element);
        return { outline: style.outlineStyle === 'none' ? 0 : parseFloat(style.outlineWidth), shadow: style.boxShadow };
      });
      expect(ring.outline >= 2 || ring.shadow !== 'none', `a visible focus on ${target}: ${JSON.stringify(ring)}`).toBe(true);
      return;
    }
  }
  throw new Error(`Tab never reached ${target} in ${MAX_TABS} presses`);
}

test.describe('by keyboard alone', () => {
  let server: SpecServer;

  test.beforeAll(async () => {
    server = await startServer({ ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password });
  });

  test.afterAll(async () => {
    await server?.stop();
  });

  test('a member raises a hand, gets the floor and objects in a consensus call; the chair, the captioner and the secretariat do their part', async ({
    browser,
  }) => {
    test.setTimeout(120_000);
    const meeting = await test.step('the secretariat sets the meeting up through the API', () =>
      setUpMeeting(server.baseUrl, { admin: ADMIN, meeting: MEETING, agendaText: `1 - ${ITEM} (30 minutes)`, rosterCsv: ROSTER_CSV }));
    const chair = await newPage(browser);
    const member = await newPage(browser);
    const captioner = await newPage(browser);
    await chair.goto(meeting.person(CHAIR).joinUrl);
    await expect(chair.getByTestId('chair-console')).toBeVisible();
    await member.goto(meeting.person(MEMBER).joinUrl);
    await expect(member.getByText('Connected', { exact: true })).toBeVisible();
    await captioner.goto(meeting.person(CAPTIONER).joinUrl);
    await expect(captioner.getByRole('textbox', { name: 'Caption', exact: true })).toBeVisible();

    await test.step('the chair opens the meeting and starts item 1', async () => {
      await tabTo(chair, chair.getByRole('button', { name: 'Open the meeting', exact: true }));
      await chair.keyboard.press('Enter');
      await tabTo(chair, chair.getByRole('button', { name: 'Start item 1', exact: true }));
      await chair.keyboard.press('Space');
      await expect(member.getByRole('region', { name: 'Agenda item', exact: true })).toContainText(ITEM);
    });

    await test.step('the member says they are remote, then raises a hand with H', async () => {
      await tabTo(member, member.getByRole('button', { name: 'Remote', exact: true }));
      await member.keyboard.press('Enter');
      await expect(member.getByText('You are taking part: remote.', { exact: false })).toBeVisible();
      await member.keyboard.press('h');
      await expect(member.getByTestId('own-place')).toHaveText('You are next.');
      await expect(member.getByRole('button', { name: 'Lower hand', exact: true })).toBeVisible();
    });

    await test.step('the chair gives the floor to the next speaker; the member is told', async () => {
      await tabTo(chair, chair.getByRole('button', { name: 'Give the floor to next', exact: true }));
      await chair.keyboard.press('Enter');
      await expect(member.getByRole('region', { name: 'Has the floor', exact: true }).getByText('You', { exact: true })).toBeVisible();
      await expect(member.getByRole('status').filter({ hasText: 'You have the floor.' })).toBeVisible();
    });

    await test.step('the captioner types a line and ends it with Enter; the member reads it', async () => {
      const field = captioner.getByRole('textbox', { name: 'Caption', exact: true });
      await tabTo(captioner, field);
      await captioner.keyboard.type('Thank you, Chair. The working group met twice.');
      await captioner.keyboard.press('Enter');
      await expect(field).toHaveValue('');
      const lines = member.getByRole('region', { name: 'Captions', exact: true }).getByTestId('caption-line');
      await expect(lines).toHaveText([new RegExp(`${MEMBER}:\\s+Thank you, Chair\\. The working group met twice\\.`)]);
    });

    await test.step('the chair opens a consensus call; the member objects with a reason', async () => {
      const form = chair.getByRole('form', { name: 'Open a consensus call', exact: true });
      await tabTo(chair, form.getByLabel('Seconds to object', { exact: true }));
      await chair.keyboard.press('ControlOrMeta+a');
      await chair.keyboard.type('120');
      await tabTo(chair, form.getByRole('button', { name: 'Open the call', exact: true }));
      await chair.keyboard.press('Enter');

      const call = member.getByRole('region', { name: 'Consensus call', exact: true });
      await expect(call.getByText('Any objections to item 1?', { exact: true })).toBeVisible();
      await tabTo(member, call.getByLabel('Reason (optional)', { exact: true }));
      await member.keyboard.type('The list should be consulted first');
      await tabTo(member, call.getByRole('button', { name: 'Object', exact: true }));
      await member.keyboard.press('Enter');
      await expect(call.getByText('You objected: “The list should be consulted first”.', { exact: true })).toBeVisible();
    });

    await test.step('the chair closes the call; both see the outcome', async () => {
      await tabTo(
        chair,
        chair.getByRole('region', { name: 'Consensus call', exact: true }).getByRole('button', { name: 'Close the call', exact: true }),
      );
      await chair.keyboard.press('Enter');
      await expect(member.getByTestId('consensus-outcome')).toHaveText(`Objections from ${MEMBER} (The list should be consulted first)`);
      await expect(chair.getByTestId('chair-consensus').getByTestId('earlier-call')).toContainText(`Objections from ${MEMBER}`);
    });

    await test.step('the chair ends the meeting, confirms, and opens the draft record from the notice', async () => {
      // The Meeting panel is the last of the console's tabs: one Tab press reaches the chosen tab, End the last.
      await tabTo(chair, chair.getByRole('tab', { selected: true }));
      await chair.keyboard.press('End');
      await expect(chair.getByRole('tab', { name: 'Meeting', exact: true })).toHaveAttribute('aria-selected', 'true');
      await expect(chair.getByRole('tab', { name: 'Meeting', exact: true })).toBeFocused();
      await tabTo(chair, chair.getByRole('button', { name: 'End the meeting', exact: true }));
      await chair.keyboard.press('Enter');
      await tabTo(chair, chair.getByRole('button', { name: 'Yes, end the meeting', exact: true }));
      await chair.keyboard.press('Enter');
      const ready = chair.getByRole('status').filter({ hasText: 'The draft summary is ready.' });
      await tabTo(chair, ready.getByRole('link', { name: 'Open the meeting record', exact: true }));
      await chair.keyboard.press('Enter');
      await expect(chair.getByRole('heading', { level: 1, name: 'Meeting record', exact: true })).toBeVisible();
    });

    const secretariat = await newPage(browser);
    await test.step('the secretariat signs in, opens the meeting and its record, and finalises the draft', async () => {
      await secretariat.goto(new URL('/signin', server.baseUrl).toString());
      await tabTo(secretariat, secretariat.getByLabel('Email', { exact: true }));
      await secretariat.keyboard.type(ADMIN.email);
      await tabTo(secretariat, secretariat.getByLabel('Password', { exact: true }));
      await secretariat.keyboard.type(ADMIN.password);
      await secretariat.keyboard.press('Enter');
      await tabTo(secretariat, secretariat.getByRole('link', { name: MEETING.title, exact: true }));
      await secretariat.keyboard.press('Enter');
      await tabTo(secretariat, secretariat.getByRole('link', { name: 'Meeting record', exact: true }));
      await secretariat.keyboard.press('Enter');
      await tabTo(secretariat, secretariat.getByRole('button', { name: 'Finalise this version', exact: true }));
      await secretariat.keyboard.press('Enter');
      await tabTo(secretariat, secretariat.getByRole('button', { name: 'Yes, finalise version 1', exact: true }));
      await secretariat.keyboard.press('Enter');
      await expect(secretariat.getByTestId('record-finalised')).toContainText('Final record: version 1.');
      // The minutes say what happened: the objection and its reason are in the final record.
      await expect(secretariat.getByTestId('record-document')).toContainText('The list should be consulted first');
    });
  });
});
