/**
 * A live hybrid meeting in four real browsers against a server of its own: the chair's console
 * (desktop), a remote participant (desktop, personal link), a participant in the room (a phone,
 * joining through the room link with their personal code) and the room display (a 1920×1080
 * screen). The chair opens the meeting and runs item 1: hands from the remote participant and
 * the room, someone added by name, the floor given, the timer paused; then item 2 with three
 * presentation slots. Every screen must show the same queue in the same order, the same person
 * on the floor and the same frozen timer.
 *
 * The meeting is set up through the HTTP API, as the set-up page would; everything after that
 * happens in the browsers.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { escapeRegExp, newPage, openChairTab, PHONE, serverForSuite, setUpMeeting } from './support.ts';

const ADMIN = { email: 'secretariat@example.org', password: 'correct horse battery staple' };

const MEETING = {
  title: '2017 MAG Virtual Meeting V',
  body: 'MAG',
  startsAtLocal: '2017-05-09T13:00',
  timeZone: 'UTC',
  plannedMinutes: 25,
};

const AGENDA_TEXT = [
  '1 - Adoption of agenda (5 minutes)',
  '2 - Presentations of proposed Best Practice Forums (15 minutes)',
  '3 - AOB (5 minutes)',
].join('\n');
const ITEM_1 = 'Adoption of agenda';
const ITEM_2 = 'Presentations of proposed Best Practice Forums';

const CHAIR = 'Lynn St. Amour';
/** Remote, on a desktop, with their personal link. */
const REMOTE = 'Flávio Wagner';
/** In the room, on a phone, through the room link and their personal code. */
const IN_ROOM = '张伟';
const OTHER = 'Юлия Иванова';
/** Added by the chair, typed by name: in the room without a device. */
const BY_NAME = 'Delegate of Brazil';

const ROSTER_CSV = [
  'name,affiliation,email,stakeholder group,region,role',
  `${CHAIR},Internet Matters,lynn@example.org,civil society,WEOG,chair`,
  `${REMOTE},CGI.br,,civil society,Latin America and Caribbean,member`,
  `${IN_ROOM},CNNIC,,technical community,Asia-Pacific,member`,
  `${OTHER},Координационный центр,,government,Eastern Europe,member`,
  'Mary Uduma,Nigeria Internet Registration Association,,private sector,Africa,member',
].join('\n');

const PRESENTATIONS = [
  { title: 'BPF Cybersecurity', presenter: REMOTE },
  { title: 'BPF Gender and Access', presenter: IN_ROOM },
  { title: 'BPF Local Content', presenter: OTHER },
] as const;

interface Expected {
  name: string;
  kind: 'Point of order' | 'Clarifying question' | 'Reply' | 'New point';
  badge: 'Room' | 'Remote' | 'Phone';
}

interface Screen {
  label: string;
  page: Page;
  /** The queue list as this screen names it. */
  queue: Locator;
  /** The participant this screen belongs to, whose own entry is marked "(you)". */
  you?: string;
  /** The room display spells the location out for the back of the room ("In the room", not "Room"). */
  locationWords?: boolean;
}

const LOCATION_WORDS: Record<Expected['badge'], string> = { Room: 'In the room', Remote: 'Remote', Phone: 'By phone' };

/** One queue entry as it reads: place, name (and "(you)" on their own screen), kind, location badge. */
function entryPattern(place: number, entry: Expected, screen: Screen): RegExp {
  const mine = entry.name === screen.you ? '\\s*\\(you\\)' : '';
  const location = screen.locationWords ? LOCATION_WORDS[entry.badge] : entry.badge;
  return new RegExp(`^${place}\\s*${escapeRegExp(entry.name)}${mine}\\s*${entry.kind}\\s*${location}(\\s|$)`);
}

async function expectSameQueue(screens: readonly Screen[], expected: readonly Expected[]): Promise<void> {
  for (const screen of screens) {
    await test.step(`${screen.label} shows the queue`, async () => {
      await expect(screen.queue.getByRole('listitem')).toHaveText(expected.map((entry, index) => entryPattern(index + 1, entry, screen)));
    });
  }
}

/** Who has the floor, as every screen shows it (FloorCard). */
function floorCard(page: Page, presentation = false): Locator {
  return page.getByRole('region', { name: presentation ? 'Presentation' : 'Has the floor', exact: true });
}

function speechTimer(page: Page): Locator {
  return page.getByTestId('speech-timer');
}

/** The chair pauses the running speech; every screen then shows the chair's frozen timer text. */
async function pauseAndCompare(chair: Page, screens: readonly Screen[], shape: RegExp): Promise<string> {
  const controls = chair.getByRole('group', { name: 'Speech controls', exact: true });
  await controls.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect(controls.getByRole('button', { name: 'Resume', exact: true })).toBeVisible();
  const chairTimer = speechTimer(chair);
  await expect(chairTimer).toContainText('Paused');
  const frozen = ((await chairTimer.textContent()) ?? '').replace(/\s+/g, ' ').trim();
  expect(frozen).toMatch(shape);
  for (const screen of screens) {
    await test.step(`${screen.label} shows the frozen timer ${frozen}`, async () => {
      await expect(speechTimer(screen.page)).toHaveText(frozen);
    });
  }
  // Still the same on the chair's screen: nothing ticks while paused.
  await expect(chairTimer).toHaveText(frozen);
  return frozen;
}

async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const width = page.viewportSize()!.width;
  const sizes = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(sizes.scrollWidth, `page is ${sizes.scrollWidth}px wide in a ${sizes.innerWidth}px window`).toBeLessThanOrEqual(sizes.innerWidth);
  expect(sizes.scrollWidth, `page is ${sizes.scrollWidth}px wide on a ${width}px screen`).toBeLessThanOrEqual(width);
}

test.describe('live meeting: one queue, one floor, one timer on every screen', () => {
  const server = serverForSuite({ ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password });

  test('the chair runs the queue, the floor, the timer and presentation slots; all four screens agree', async ({ browser }) => {
    test.setTimeout(120_000);
    const meeting = await test.step('the secretariat sets the meeting up through the API', () =>
      setUpMeeting(server.baseUrl, { admin: ADMIN, meeting: MEETING, agendaText: AGENDA_TEXT, rosterCsv: ROSTER_CSV }));
    const { meetingId } = meeting;

    // Four browsers: the chair's laptop, a remote participant's laptop, a phone in the room, the room display.
    const chair = await newPage(browser, { viewport: { width: 1440, height: 900 } });
    const remote = await newPage(browser, { viewport: { width: 1280, height: 800 } });
    const phone = await newPage(browser, PHONE);
    const display = await newPage(browser, { viewport: { width: 1920, height: 1080 } });

    await test.step('everyone opens their link', async () => {
      await chair.goto(meeting.person(CHAIR).joinUrl);
      await expect(chair.getByRole('heading', { level: 1, name: MEETING.title, exact: true })).toBeVisible();
      await expect(chair.getByText(`You are ${CHAIR}, chair.`, { exact: true })).toBeVisible();
      await expect(chair.getByTestId('chair-console')).toBeVisible();

      await remote.goto(meeting.person(REMOTE).joinUrl);
      await expect(remote.getByText(`You are ${REMOTE}, member.`, { exact: true })).toBeVisible();
      await expect(remote.getByText('Connected', { exact: true })).toBeVisible();

      // In the room: the short room link from the display, and the personal code from the invitation.
      await phone.goto(meeting.roomUrl);
      await expect(phone.getByRole('heading', { level: 1, name: 'Join from the room', exact: true })).toBeVisible();
      await expect(phone.getByText(`Meeting: ${MEETING.title}`)).toBeVisible();
      await phone.getByLabel('Personal code', { exact: true }).fill(meeting.person(IN_ROOM).personalCode);
      await phone.getByRole('button', { name: 'Join the meeting', exact: true }).click();
      await expect(phone).toHaveURL(new RegExp(`/m/${escapeRegExp(encodeURIComponent(meetingId))}$`));
      await expect(phone.getByText(`You are ${IN_ROOM}, member.`, { exact: true })).toBeVisible();

      await display.goto(meeting.displayUrl);
      await expect(display.getByTestId('room-display')).toBeVisible();
      await expect(display.getByRole('heading', { name: 'The meeting has not started yet.', exact: true })).toBeVisible();
    });

    const screens: Screen[] = [
      { label: 'the chair console', page: chair, queue: chair.getByRole('list', { name: 'Speaking queue of item 1', exact: true }) },
      {
        label: 'the remote participant',
        page: remote,
        queue: remote.getByRole('list', { name: 'Speaking queue', exact: true }),
        you: REMOTE,
      },
      {
        label: 'the phone in the room',
        page: phone,
        queue: phone.getByRole('list', { name: 'Speaking queue', exact: true }),
        you: IN_ROOM,
      },
      {
        label: 'the room display',
        page: display,
        queue: display.getByRole('list', { name: 'Next speakers', exact: true }),
        locationWords: true,
      },
    ];
    const others = screens.filter((screen) => screen.page !== chair);

    await test.step(`the chair opens the meeting and starts item 1 "${ITEM_1}"`, async () => {
      await chair.getByRole('button', { name: 'Open the meeting', exact: true }).click();
      await chair.getByRole('button', { name: 'Start item 1', exact: true }).click();
      for (const screen of screens) {
        await expect(screen.page.getByRole('region', { name: 'Agenda item', exact: true })).toContainText(`1 ${ITEM_1}`);
      }
      await expect(chair.getByTestId('queue-status')).toHaveText(/Item 1: 0 people waiting · the queue is open/);
    });

    await test.step('the phone that joined through the room link is recorded as in the room', async () => {
      await expect(phone.getByText('You are taking part: in the room.', { exact: false })).toBeVisible();
      await expect(phone.getByRole('heading', { name: 'Where are you taking part from?' })).toHaveCount(0);
      await openChairTab(chair, 'People');
      await expect(chair.getByLabel(`Where ${IN_ROOM} takes part from`, { exact: true })).toHaveValue('room');
    });

    await test.step('the remote participant says they are remote and raises a hand for a new point', async () => {
      await expect(remote.getByRole('heading', { name: 'Where are you taking part from?', exact: true })).toBeVisible();
      await remote.getByRole('button', { name: 'Remote', exact: true }).click();
      await expect(remote.getByText('You are taking part: remote.', { exact: false })).toBeVisible();
      await expect(remote.getByRole('radio', { name: 'New point', exact: true })).toBeChecked();
      await remote.getByRole('button', { name: 'Raise hand', exact: true }).click();
      // First in the queue: they are told they are next.
      await expect(remote.getByTestId('own-place')).toHaveText('You are next.');
      await expect(remote.getByRole('button', { name: 'Lower hand', exact: true })).toBeVisible();
    });

    await test.step('the participant in the room raises a hand for a clarifying question: it goes first (Q1)', async () => {
      await phone.getByRole('radio', { name: 'Clarifying question', exact: true }).check();
      await phone.getByRole('button', { name: 'Raise hand', exact: true }).click();
      await expect(phone.getByTestId('own-place')).toHaveText('You are next.');
      await expect(remote.getByTestId('own-place')).toHaveText('You are 2nd in the queue — 1 person ahead of you.');
    });

    await test.step(`the chair adds "${BY_NAME}", in the room, by name`, async () => {
      const form = chair.getByRole('form', { name: 'Add someone', exact: true });
      await form.getByLabel('Who', { exact: true }).selectOption({ label: 'Someone not on the roster (type the name)' });
      await form.getByLabel('Name', { exact: true }).fill(BY_NAME);
      // A typed name is in the room unless the chair says otherwise.
      await expect(form.getByLabel('Taking part from', { exact: true })).toHaveValue('room');
      await expect(form.getByLabel('Kind', { exact: true })).toHaveValue('new-point');
      await form.getByRole('button', { name: 'Add to the queue', exact: true }).click();
      await expect(chair.getByTestId('queue-status')).toHaveText(/Item 1: 3 people waiting/);
    });

    await test.step('every screen shows the same queue, in the same order, with location badges', async () => {
      await expectSameQueue(screens, [
        { name: IN_ROOM, kind: 'Clarifying question', badge: 'Room' },
        { name: REMOTE, kind: 'New point', badge: 'Remote' },
        { name: BY_NAME, kind: 'New point', badge: 'Room' },
      ]);
      await expect(chair.getByRole('list', { name: 'Speaking queue of item 1' }).getByRole('listitem').nth(2)).toContainText(
        `Added by ${CHAIR}`,
      );
      await expect(remote.getByTestId('own-place')).toHaveText('You are 2nd in the queue — 1 person ahead of you.');
      await expect(phone.getByTestId('own-place')).toHaveText('You are next.');
      await expectNoHorizontalScroll(phone);
    });

    await test.step('the chair gives the floor to the next: every screen shows the same person', async () => {
      await chair.getByRole('button', { name: 'Give the floor to next', exact: true }).click();
      for (const screen of screens) {
        await test.step(`${screen.label} shows ${IN_ROOM} on the floor`, async () => {
          const card = floorCard(screen.page);
          await expect(card).toContainText(IN_ROOM);
          await expect(card).toContainText('Clarifying question');
          await expect(card.getByText('Room', { exact: true })).toBeVisible();
          await expect(speechTimer(screen.page)).toHaveText(/^\s*[23]:\d\d left\s*$/);
        });
      }
      // The speaker sees "You", and is told so.
      await expect(floorCard(phone).getByText('You', { exact: true })).toBeVisible();
      await expect(phone.getByRole('status').filter({ hasText: 'You have the floor.' })).toBeVisible();
      await expect(floorCard(remote).getByText('You', { exact: true })).toHaveCount(0);
      // The queue moved up on every screen.
      await expectSameQueue(screens, [
        { name: REMOTE, kind: 'New point', badge: 'Remote' },
        { name: BY_NAME, kind: 'New point', badge: 'Room' },
      ]);
      await expect(remote.getByTestId('own-place')).toHaveText('You are next.');
    });

    await test.step('the chair pauses the timer: every screen shows the same frozen time', async () => {
      await pauseAndCompare(chair, others, /^[23]:\d\d left Paused$/);
    });

    await test.step(`the chair moves to item 2 "${ITEM_2}", confirming with people still queued (A1)`, async () => {
      await chair.getByRole('button', { name: 'Next item', exact: true }).click();
      const confirm = chair.getByRole('dialog', { name: '2 people are still in the queue of this item. Move on anyway?', exact: true });
      await expect(confirm).toBeVisible();
      await confirm.getByRole('button', { name: 'Move on anyway', exact: true }).click();
      await expect(confirm).toHaveCount(0);
      for (const screen of screens) {
        await expect(screen.page.getByRole('region', { name: 'Agenda item', exact: true })).toContainText(`2 ${ITEM_2}`);
      }
      for (const screen of others) {
        await expect(screen.page.getByText('Nobody is waiting to speak.', { exact: true })).toBeVisible();
      }
    });

    const slots = chair.getByRole('list', { name: 'Presentations of item 2', exact: true });

    await test.step('the chair adds three presentations of 4 minutes', async () => {
      await openChairTab(chair, 'Presentations');
      const panel = chair.getByRole('region', { name: 'Presentations', exact: true });
      await expect(panel.getByRole('heading', { name: `2 ${ITEM_2}`, exact: true })).toBeVisible();
      for (const [index, presentation] of PRESENTATIONS.entries()) {
        await panel.getByLabel('Presenter', { exact: true }).selectOption({ label: presentation.presenter });
        await panel.getByLabel('Title', { exact: true }).fill(presentation.title);
        await panel.getByLabel('Minutes', { exact: true }).fill('4');
        await panel.getByRole('button', { name: 'Add the presentation', exact: true }).click();
        await expect(slots.getByRole('listitem')).toHaveCount(index + 1);
        // The form is ready for the next one.
        await expect(panel.getByLabel('Title', { exact: true })).toHaveValue('');
      }
      await expect(slots.getByRole('listitem')).toHaveText(
        PRESENTATIONS.map(
          (presentation) =>
            new RegExp(`^${escapeRegExp(presentation.title)}\\s*${escapeRegExp(presentation.presenter)}\\s*4 min\\s*Not yet`),
        ),
      );
    });

    await test.step('the chair starts the first slot: every screen shows the title, the presenter and about 4:00', async () => {
      const [first] = PRESENTATIONS;
      await chair.getByRole('button', { name: `Start slot: ${first.title}`, exact: true }).click();
      for (const screen of screens) {
        await test.step(`${screen.label} shows ${first.title}`, async () => {
          const card = floorCard(screen.page, true);
          await expect(card.getByText(first.title, { exact: true })).toBeVisible();
          await expect(card).toContainText(first.presenter);
          await expect(speechTimer(screen.page)).toHaveText(/^\s*[34]:\d\d left\s*$/);
        });
      }
      // The presenter sees "You".
      await expect(floorCard(remote, true).getByText('You', { exact: true })).toBeVisible();
      await expect(floorCard(phone, true).getByText('You', { exact: true })).toHaveCount(0);
      await expect(slots.getByRole('listitem').first()).toContainText('Presenting now');
    });

    await test.step('the chair pauses the slot: every screen shows the same countdown', async () => {
      await pauseAndCompare(chair, others, /^[34]:\d\d left Paused$/);
    });

    await test.step('the chair ends the slot and starts the second one', async () => {
      const [first, second] = PRESENTATIONS;
      await chair
        .getByRole('group', { name: 'Speech controls', exact: true })
        .getByRole('button', { name: 'End speech', exact: true })
        .click();
      for (const screen of screens) {
        await expect(screen.page.getByText('Nobody has the floor.', { exact: true })).toBeVisible();
      }
      await expect(slots.getByRole('listitem').first()).toContainText('Done');
      await expect(chair.getByRole('button', { name: `Start again: ${first.title}`, exact: true })).toBeVisible();

      await chair.getByRole('button', { name: `Start slot: ${second.title}`, exact: true }).click();
      for (const screen of screens) {
        await test.step(`${screen.label} shows ${second.title}`, async () => {
          const card = floorCard(screen.page, true);
          await expect(card.getByText(second.title, { exact: true })).toBeVisible();
          await expect(card).toContainText(second.presenter);
          await expect(speechTimer(screen.page)).toHaveText(/^\s*[34]:\d\d left\s*$/);
        });
      }
      await expect(floorCard(phone, true).getByText('You', { exact: true })).toBeVisible();
      await expect(floorCard(remote, true).getByText('You', { exact: true })).toHaveCount(0);
      await expect(slots.getByRole('listitem').nth(1)).toContainText('Presenting now');
      await expectNoHorizontalScroll(phone);
    });

    await test.step('the chair turns a queue rule on; it stays on after the page is reloaded', async () => {
      await openChairTab(chair, 'Meeting');
      const rule = chair.getByRole('checkbox', { name: 'Observers may ask for the floor', exact: true });
      await expect(rule).toHaveAccessibleDescription('Otherwise observers only follow.');
      const wasOn = await rule.isChecked();
      await rule.setChecked(!wasOn);
      await expect(chair.getByText(wasOn ? 'Setting turned off.' : 'Setting turned on.', { exact: true })).toBeAttached();
      await chair.reload();
      await openChairTab(chair, 'Meeting');
      await expect(chair.getByRole('checkbox', { name: 'Observers may ask for the floor', exact: true })).toBeChecked({ checked: !wasOn });
    });

    for (const page of [chair, remote, phone, display]) await page.context().close();
  });
});
