/**
 * The chair's cockpit, measured in Chromium with real bounding boxes. At 1366×768 with a speech
 * running and twelve people waiting (a point of order among them): every queue entry, one row
 * each, and the floor timer lie inside the window with no page scroll; each entry shows its kind
 * in words and a mark, the point of order in a colour of its own. The panels below the cockpit are
 * tabs (arrow keys, Home, End) and the chosen tab survives a reload. "Move on anyway?" opens as a
 * dialog beside "Next item", takes the focus, and Escape cancels it, giving the focus back. At
 * 390×844 the floor and the queue come before the tabs. Axe finds nothing, in English and Arabic.
 * The consensus call is in reach: its quick control beside the floor's heading lies in the window
 * with the twelve entries and the timer, before a call and during one (time left, objections as
 * they arrive, "Close the call"). The running item's long title ends in "…" at the end of its own
 * words, whole on hover, and the item's times never cover it; a long name in the queue is cut at its
 * end, right to left too.
 *
 * The meeting is set up through the HTTP API; the people in the queue are real socket connections.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { connectLive, waitUntil, type LiveClient } from '../support/live-client.ts';
import { openJoinLink } from '../support/meeting-fixtures.ts';
import { queueOf } from '../../shared/meeting/reducer.ts';
import { boxOf, setUpMeeting, startServer, type Box, type SpecServer } from './support.ts';

const ADMIN = { email: 'secretariat@example.org', password: 'correct horse battery staple' };
const MEETING = { title: 'MAG Virtual Meeting IV', body: 'MAG', startsAtLocal: '2026-05-20T13:00', timeZone: 'UTC', plannedMinutes: 120 };
const LONG_TITLE = 'Intersessional activities: best practice forums, dynamic coalitions and national and regional initiatives';
const AGENDA_TEXT = [`1 - ${LONG_TITLE} (40 minutes)`, '2 - Preparations for the annual meeting (30 minutes)'].join('\n');
const CHAIR = 'Amina Diallo';
const SPEAKER = 'Lucas Fernández';
const POINT_OF_ORDER = 'Tomás Lamanauskas';
/** Who waits, in the order they raise a hand; the point of order goes ahead of them all. */
const HANDS = [
  { name: 'Olena Kovalenko', kind: 'new-point', note: 'On the timeline of the best practice forums and their outputs' },
  { name: 'Anriette Esterhuysen', kind: 'new-point', note: '' },
  { name: '王芳 (Wang Fang)', kind: 'clarifying-question', note: 'Which dynamic coalitions report this year?' },
  { name: 'Karim Haddad', kind: 'reply', note: 'To Olena' },
  { name: 'Sarah Whitfield', kind: 'new-point', note: '' },
  { name: 'Jorge Cancio', kind: 'new-point', note: 'Youth participation' },
  { name: 'Nomvula Mokonyane', kind: 'new-point', note: '' },
  { name: 'Rajesh Kumar', kind: 'clarifying-question', note: '' },
  { name: 'Maria Sokolova', kind: 'new-point', note: '' },
  { name: 'Bertrand de La Chapelle', kind: 'new-point', note: 'Internet & Jurisdiction' },
  { name: 'Salanieta Tamanikaiwaimaro', kind: 'new-point', note: '' },
  { name: POINT_OF_ORDER, kind: 'point-of-order', note: 'The time limit' },
] as const;
const ROSTER_CSV = [
  'name,affiliation,email,stakeholder group,region,role',
  `${CHAIR},Chair of the group,,civil society,Africa,chair`,
  `${SPEAKER},Somewhere,,government,Latin America and Caribbean,member`,
  ...HANDS.map(
    (hand, index) => `${hand.name},Somewhere,,${index % 2 ? 'intergovernmental organisation' : 'technical community'},WEOG,member`,
  ),
].join('\n');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** The box lies wholly inside the window (as the page reports its size). */
async function expectInWindow(page: Page, locator: Locator, what: string): Promise<void> {
  const box = await boxOf(locator);
  const size = await page.evaluate(() => ({ width: window.innerWidth, height: window.innerHeight }));
  const where = `${what}: ${JSON.stringify(box)} in ${size.width}×${size.height}`;
  expect(box.x, where).toBeGreaterThanOrEqual(0);
  expect(box.y, where).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width, where).toBeLessThanOrEqual(size.width + 0.5);
  expect(box.y + box.height, where).toBeLessThanOrEqual(size.height + 0.5);
}

/** Whether two boxes share any area. */
function overlap(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** Every waiting entry, one row each, and the floor timer lie in the window, with no page scroll. */
async function expectQueueAndTimerInWindow(page: Page): Promise<void> {
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  await expectInWindow(page, page.getByTestId('chair-console').getByTestId('speech-timer'), 'the floor timer');
  const entries = page.getByTestId('queue-entry');
  await expect(entries).toHaveCount(HANDS.length);
  for (const [index, entry] of (await entries.all()).entries()) {
    await expectInWindow(page, entry, `queue entry ${index + 1}`);
    expect((await boxOf(entry)).height, `queue entry ${index + 1} is one row`).toBeLessThanOrEqual(48);
  }
}

/**
 * The quick consensus control in the window before a call and during one, with the queue and the
 * timer: the call opens from the keyboard (the stop after the item strip), an objection arrives and
 * is counted, the count leads to the full panel, and Enter on "Close the call" closes it.
 */
async function expectConsensusInReach(page: Page, objector: LiveClient, chairClient: LiveClient): Promise<void> {
  const quick = page.getByTestId('chair-consensus-quick');
  const open = quick.locator('[data-quick="open"]');
  await expectInWindow(page, open, 'the button that opens a consensus call');
  await expectInWindow(page, quick.getByRole('link'), 'the consensus options link');
  await expectQueueAndTimerInWindow(page);

  // By keyboard: the next stop after the running item's strip, Enter opens the call.
  await page.getByTestId('chair-item-strip').getByRole('link').last().focus();
  await page.keyboard.press('Tab');
  await expect(open).toBeFocused();
  await page.keyboard.press('Enter');
  const close = quick.locator('[data-quick="close"]');
  await expect(close).toBeFocused();
  const openCall = () => chairClient.replica.state!.consensusCalls.find((call) => call.closedAt === null);
  await waitUntil(() => openCall() !== undefined, 'the call open on the chair');
  const callId = openCall()!.id;
  await expect(page.getByTestId('chair-consensus').getByTestId('chair-consensus-question')).toHaveText(/item 1/);
  await expect(quick.getByTestId('chair-consensus-quick-left')).toHaveText(/0:[0-2]\d/);
  await objector.command({ type: 'consensus.object', callId, reason: 'Not before the forums report' });
  const objections = quick.getByTestId('chair-consensus-quick-objections');
  await expect(objections).toContainText('1');
  for (const [what, locator] of [
    ['the time left to object', quick.getByTestId('chair-consensus-quick-left')],
    ['the objections so far', objections],
    ['Close the call', close],
  ] as const)
    await expectInWindow(page, locator, what);
  await expectQueueAndTimerInWindow(page);
  expect(await violations(page)).toEqual([]);

  // The count leads to who objected, in the full panel.
  await objections.click();
  await expect(page.getByTestId('chair-consensus')).toBeFocused();
  await expect(page.getByTestId('chair-consensus').getByRole('listitem').first()).toContainText('Not before the forums report');
  await page.evaluate(() => window.scrollTo(0, 0));
  await close.focus();
  await page.keyboard.press('Enter');
  await expect(open).toBeFocused();
  await waitUntil(() => chairClient.replica.state!.consensusCalls.every((call) => call.closedAt !== null), 'the call closed');
}

/** Whether an element that cuts its text with "…" shows the first `words` of it, not its end. */
async function showsItsStart(clip: Locator, words: string): Promise<{ cut: boolean; startShown: boolean }> {
  return clip.evaluate((element, words) => {
    const text = document.createTreeWalker(element, NodeFilter.SHOW_TEXT).nextNode()!;
    const range = document.createRange();
    range.setStart(text, 0);
    range.setEnd(text, words.length);
    const first = range.getBoundingClientRect();
    const box = element.getBoundingClientRect();
    return {
      cut: element.scrollWidth > element.clientWidth,
      startShown: text.textContent!.startsWith(words) && first.left >= box.left - 0.5 && first.right <= box.right + 0.5,
    };
  }, words);
}

/** The running item's title and its times, side by side or one above the other, never on each other. */
async function expectTitleBesideTimes(page: Page): Promise<void> {
  const title = page.getByTestId('chair-item-title');
  const times = page.getByTestId('chair-item-strip').getByTestId('item-timer');
  await expectInWindow(page, title, 'the item title');
  await expectInWindow(page, times, 'the item times');
  const titleBox = await boxOf(title);
  const timesBox = await boxOf(times);
  expect(overlap(titleBox, timesBox), `title ${JSON.stringify(titleBox)}, times ${JSON.stringify(timesBox)}`).toBe(false);
  // Whole on hover and for screen readers; on screen, cut with "…" after its first words, which stay in view.
  await expect(title).toHaveAttribute('title', LONG_TITLE);
  await expect(title).toContainText(LONG_TITLE);
  const name = title.locator('bdi');
  await expect(name).toHaveCSS('text-overflow', 'ellipsis');
  expect(await showsItsStart(name, 'Intersessional')).toEqual({ cut: true, startShown: true });
}

async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(' | ')}`);
}

test.describe("the chair's cockpit", () => {
  test.use({ actionTimeout: 15_000 });

  let server: SpecServer;
  let chairUrl: string;
  let chairClient: LiveClient;
  let objector: LiveClient;
  const clients: LiveClient[] = [];

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    server = await startServer({ ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, RATE_LIMIT_ALLOWLIST: '127.0.0.1' });
    const meeting = await setUpMeeting(server.baseUrl, { admin: ADMIN, meeting: MEETING, agendaText: AGENDA_TEXT, rosterCsv: ROSTER_CSV });
    chairUrl = meeting.person(CHAIR).joinUrl;
    const join = async (name: string) => {
      const client = connectLive(server.baseUrl, await openJoinLink(server.baseUrl, meeting.person(name).joinUrl), meeting.meetingId);
      clients.push(client);
      await waitUntil(() => client.replica.status.state === 'live', `${name} connected`);
      return client;
    };
    const chair = await join(CHAIR);
    chairClient = chair;
    await chair.command({ type: 'meeting.open' });
    const itemId = chair.replica.state!.agenda[0]!.id;
    await chair.command({ type: 'agenda.startItem', itemId });
    const speaker = await join(SPEAKER);
    await speaker.command({ type: 'queue.raiseHand', kind: 'new-point', note: '' });
    await waitUntil(() => queueOf(chair.replica.state!, itemId).entries.length === 1, 'the speaker queued');
    await chair.command({ type: 'floor.give', entryId: queueOf(chair.replica.state!, itemId).entries[0]!.id, seconds: 180 });
    for (const hand of HANDS) {
      const client = await join(hand.name);
      if (hand.name === 'Olena Kovalenko') objector = client;
      await client.command({ type: 'queue.raiseHand', kind: hand.kind, note: hand.note });
    }
    await waitUntil(() => queueOf(chair.replica.state!, itemId).entries.length === HANDS.length, 'twelve waiting');
  });

  test.afterAll(async () => {
    for (const client of clients) client.close();
    await server?.stop();
  });

  test('at 1366×768: the floor timer and all twelve waiting, one row each, in view; tabs remembered; the move-on dialog beside its button', async ({
    browser,
  }) => {
    test.setTimeout(90_000);
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, timezoneId: 'UTC' });
    const page = await context.newPage();
    await page.goto(chairUrl);
    const queue = page.getByRole('list', { name: 'Speaking queue of item 1', exact: true });
    const entries = queue.getByTestId('queue-entry');
    await expect(entries).toHaveCount(HANDS.length);
    const timer = page.getByTestId('chair-console').getByTestId('speech-timer');
    await expect(timer).toContainText('left');

    await test.step('no page scroll needed: the timer and every entry lie inside the window', async () => {
      expect(await page.evaluate(() => window.scrollY)).toBe(0);
      await expectInWindow(page, timer, 'the floor timer');
      await expectInWindow(page, page.getByRole('button', { name: 'Give the floor to next', exact: true }), 'Give the floor to next');
      await expectInWindow(page, page.getByRole('button', { name: 'End speech', exact: true }), 'End speech');
      await expectInWindow(page, page.getByRole('button', { name: 'Next item', exact: true }), 'Next item');
      for (const [index, entry] of (await entries.all()).entries()) {
        await expectInWindow(page, entry, `queue entry ${index + 1}`);
        const box = await boxOf(entry);
        expect(box.height, `queue entry ${index + 1} is one row`).toBeLessThanOrEqual(48);
        await expectInWindow(page, entry.getByRole('button', { name: /^Give floor to / }), `Give floor on entry ${index + 1}`);
      }
    });

    await test.step('the consensus call in reach, before a call and during one, with the queue and the timer', async () => {
      await expectConsensusInReach(page, objector, chairClient);
      await expect(page.getByTestId('chair-consensus-quick').getByRole('button')).toHaveAccessibleName('Call for consensus');
      await expect(page.getByTestId('chair-consensus-quick').getByRole('button')).toHaveAccessibleDescription(
        'Asks “Any objections to item 1?” with 20 seconds to object.',
      );
    });

    await test.step('the running item: its long title cut with "…", the times beside it, not on it', async () => {
      await expectTitleBesideTimes(page);
    });

    await test.step('the kind in words and a mark on every entry; the point of order first, in a colour of its own', async () => {
      const first = entries.first();
      await expect(first).toContainText(POINT_OF_ORDER);
      await expect(first.getByTestId('queue-entry-kind')).toHaveText(/Point of order$/);
      await expect(entries.nth(1).getByTestId('queue-entry-kind')).toHaveText(/Clarifying question$/);
      await expect(entries.nth(3).getByTestId('queue-entry-kind')).toHaveText(/Reply$/);
      const marks = await entries.evaluateAll((rows) =>
        rows.map((row) => {
          const mark = row.querySelector('[data-testid="queue-entry-kind"] [aria-hidden="true"]');
          return mark ? getComputedStyle(mark, '::before').content.replace(/^"|"$/g, '') : '';
        }),
      );
      expect(marks.slice(0, 5)).toEqual(['!', '?', '?', '↩', '+']);
      expect(marks.every((mark) => mark.trim().length > 0)).toBe(true);
      const colours = await entries.evaluateAll((rows) =>
        rows.map((row) => ({ band: getComputedStyle(row).borderInlineStartColor, background: getComputedStyle(row).backgroundColor })),
      );
      const pointOfOrder = colours[0]!;
      const newPoint = colours[1]!;
      expect(pointOfOrder.band).not.toBe(newPoint.band);
      expect(pointOfOrder.background).not.toBe(newPoint.background);
    });

    await test.step('the tabs: arrow keys, Home and End move between them; the chosen one survives a reload', async () => {
      const tablist = page.getByRole('tablist', { name: "The chair's panels", exact: true });
      const agenda = tablist.getByRole('tab', { name: 'Agenda', exact: true });
      await expect(agenda).toHaveAttribute('aria-selected', 'true');
      await agenda.focus();
      await page.keyboard.press('ArrowRight');
      await expect(tablist.getByRole('tab', { name: 'Presentations', exact: true })).toBeFocused();
      await page.keyboard.press('End');
      const meetingTab = tablist.getByRole('tab', { name: 'Meeting', exact: true });
      await expect(meetingTab).toBeFocused();
      await expect(meetingTab).toHaveAttribute('aria-selected', 'true');
      await page.keyboard.press('Home');
      await expect(agenda).toBeFocused();
      await page.keyboard.press('ArrowLeft');
      await expect(meetingTab).toBeFocused();
      await page.keyboard.press('ArrowLeft');
      const chat = tablist.getByRole('tab', { name: 'Chat', exact: true });
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('ArrowLeft');
      // Balance, People, then Chat.
      await expect(page.getByRole('tab', { selected: true })).toHaveText('Chat');
      await expect(page.getByRole('tabpanel').getByRole('heading', { name: 'Chat', exact: true })).toBeVisible();
      await expect(page.getByRole('region', { name: 'Agenda', exact: true })).toBeHidden();
      await page.reload();
      await expect(entries).toHaveCount(HANDS.length);
      await expect(chat).toHaveAttribute('aria-selected', 'true');
      await expect(page.getByRole('tabpanel').getByRole('heading', { name: 'Chat', exact: true })).toBeVisible();
      // The shortcuts still act with the focus on a tab: P pauses the speech.
      await chat.focus();
      await page.keyboard.press('p');
      await expect(timer).toContainText('Paused');
      await page.keyboard.press('p');
      await expect(timer).not.toContainText('Paused');
    });

    await test.step('"Move on anyway?" is a dialog beside "Next item"; Escape cancels and gives the focus back', async () => {
      const next = page.getByRole('button', { name: 'Next item', exact: true });
      await next.click();
      const dialog = page.getByRole('dialog', { name: '12 people are still in the queue of this item. Move on anyway?', exact: true });
      await expect(dialog).toBeVisible();
      await expect(dialog.getByRole('button', { name: 'Move on anyway', exact: true })).toBeFocused();
      const asked = await boxOf(next);
      const box = await boxOf(dialog);
      const gap = Math.max(0, box.y - (asked.y + asked.height), asked.y - (box.y + box.height));
      expect(gap, `dialog ${JSON.stringify(box)} from button ${JSON.stringify(asked)}`).toBeLessThanOrEqual(200);
      const horizontal = Math.max(0, box.x - (asked.x + asked.width), asked.x - (box.x + box.width));
      expect(horizontal).toBeLessThanOrEqual(200);
      expect(await violations(page)).toEqual([]);
      await page.keyboard.press('Escape');
      await expect(dialog).toHaveCount(0);
      await expect(next).toBeFocused();
      await expect(page.getByRole('region', { name: 'Agenda item', exact: true })).toContainText('1 Intersessional activities');
      await expect(entries).toHaveCount(HANDS.length);
    });

    await test.step('axe finds nothing on the cockpit', async () => {
      expect(await violations(page)).toEqual([]);
    });
    await context.close();
  });

  test('at 390×844: the floor and the queue come before the tabs', async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true });
    const page = await context.newPage();
    await page.goto(chairUrl);
    const queue = page.getByRole('list', { name: 'Speaking queue of item 1', exact: true });
    await expect(queue.getByTestId('queue-entry')).toHaveCount(HANDS.length);
    const tabs = await boxOf(page.getByRole('tablist'));
    const floor = await boxOf(page.getByRole('region', { name: 'Floor', exact: true }));
    const queueBox = await boxOf(page.getByRole('region', { name: 'Queue', exact: true }));
    expect(floor.y).toBeLessThan(tabs.y);
    expect(queueBox.y).toBeLessThan(tabs.y);
    await expectInWindow(page, page.getByTestId('chair-console').getByTestId('speech-timer'), 'the floor timer');
    // No entry is wider than the phone.
    for (const entry of await queue.getByTestId('queue-entry').all()) {
      const box = await boxOf(entry);
      expect(box.x + box.width).toBeLessThanOrEqual(390.5);
    }
    await context.close();
  });

  test('in Arabic: the cockpit reads right to left, the consensus call and the item in view, and axe finds nothing', async ({
    browser,
  }) => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'ar' });
    const page = await context.newPage();
    await page.goto(chairUrl);
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    const entries = page.getByTestId('queue-entry');
    await expect(entries).toHaveCount(HANDS.length);
    await expectQueueAndTimerInWindow(page);
    // A long Latin name is cut at its end, right to left too.
    const longName = entries.filter({ hasText: 'Salanieta Tamanikaiwaimaro' }).locator('.name');
    expect(await showsItsStart(longName, 'Salanieta')).toEqual({ cut: true, startShown: true });
    await expectTitleBesideTimes(page);
    await expectConsensusInReach(page, objector, chairClient);
    // Right to left, the arrow keys are mirrored: ArrowLeft goes to the next tab.
    const first = page.getByRole('tab').first();
    await first.click();
    await page.keyboard.press('ArrowLeft');
    await expect(page.getByRole('tab').nth(1)).toBeFocused();
    expect(await violations(page)).toEqual([]);
    await context.close();
  });
});
