/**
 * The room's wall, measured in Chromium with real bounding boxes on a 1920×1080 projector:
 * with ten people waiting (a point of order among them, one of them queued by the chair "by
 * phone" without a device), the display shows at least eight next speakers in type of 40 px
 * or more, every one of them inside the screen, each with its kind in words; every caption
 * line visible in the strip has its speaker's name in sight inside the strip, also after the
 * strip has scrolled; the person on the phone is never shown as reconnecting (wall or chair)
 * and is counted by phone. The operator's size control scales the display and is kept on
 * reload. At 1366×768 and 1280×720 the entries that fit lie inside the screen and the rest
 * are counted; the same checks run in Arabic (right to left).
 *
 * The meeting is set up through the HTTP API; the people in the queue are real socket
 * connections (test/support/live-client.ts); the captions come in over the caption URL, as
 * captioning software sends them.
 */
import { expect, test, type Page } from '@playwright/test';
import { HttpClient } from '../support/http-client.ts';
import { connectLive, waitUntil, type LiveClient } from '../support/live-client.ts';
import { openJoinLink } from '../support/meeting-fixtures.ts';
import { queueOf } from '../../shared/meeting/reducer.ts';
import { boxOf, startServer, type Box, type SpecServer, setUpMeeting } from './support.ts';

const ADMIN = { email: 'secretariat@example.org', password: 'correct horse battery staple' };
const MEETING = { title: 'MAG Virtual Meeting III', body: 'MAG', startsAtLocal: '2026-04-11T13:00', timeZone: 'UTC', plannedMinutes: 90 };
const AGENDA_TEXT = [
  '1 - Update from the Secretariat on the calls for proposals, the evaluation of workshop proposals and the preparations of the annual meeting in the host country (30 minutes)',
  '2 - AOB (5 minutes)',
].join('\n');

const CHAIR = 'Amina Diallo';
const ON_PHONE = 'Peter Okonkwo-Matthews';
/** Who raises a hand, in order; the first two speak (and are captioned), the rest wait. */
const HANDS = [
  { name: 'Lucas Fernández', kind: 'new-point' },
  { name: 'Olena Kovalenko', kind: 'new-point' },
  { name: 'Anriette Esterhuysen', kind: 'new-point' },
  { name: '王芳 (Wang Fang)', kind: 'new-point' },
  { name: 'Karim Haddad', kind: 'clarifying-question' },
  { name: 'Sarah Whitfield', kind: 'new-point' },
  { name: 'Jorge Cancio', kind: 'reply' },
  { name: 'Nomvula Mokonyane', kind: 'new-point' },
  { name: 'Rajesh Kumar', kind: 'new-point' },
  { name: 'Maria Sokolova', kind: 'new-point' },
  { name: 'Tomás Lamanauskas', kind: 'point-of-order' },
] as const;

const ROSTER_CSV = [
  'name,affiliation,email,stakeholder group,region,role',
  `${CHAIR},Chair of the group,,civil society,Africa,chair`,
  ...HANDS.map((hand) => `${hand.name},Somewhere,,government,WEOG,member`),
  `${ON_PHONE},Phone bridge,,private sector,Africa,member`,
].join('\n');

const SECOND = 'Tomás Lamanauskas';
const LUCAS_LINES = [
  'Thank you, Chair. On the call for proposals, we see a good number of submissions from the Global South this year, more than in any year before,',
  'and I would like to thank the Secretariat for extending the deadline by one week, which made this possible for many first-time proposers.',
];
const SECOND_LINES = [
  'We support the proposed timeline, with one request: that the evaluation criteria are published before the call closes,',
  'so that proposers know how their workshops will be assessed, and the evaluators have the same understanding of them as the proposers.',
  'And one more point on the hybrid format: remote moderators should be named in every proposal.',
];

interface Wall {
  displayUrl: string;
  chairUrl: string;
  clients: LiveClient[];
  chair: LiveClient;
}

async function setUpWall(baseUrl: string): Promise<Wall> {
  const meeting = await setUpMeeting(baseUrl, { admin: ADMIN, meeting: MEETING, agendaText: AGENDA_TEXT, rosterCsv: ROSTER_CSV });
  const api = new HttpClient(baseUrl);
  expect((await api.post('/api/auth/login', ADMIN)).status).toBe(200);
  const view = (await api.get(`/api/meetings/${encodeURIComponent(meeting.meetingId)}`)).body;
  const idOf = (name: string): string => (view.roster as { id: string; name: string }[]).find((entry) => entry.name === name)!.id;

  const clients: LiveClient[] = [];
  const join = async (name: string) => {
    const client = connectLive(baseUrl, await openJoinLink(baseUrl, meeting.person(name).joinUrl), meeting.meetingId);
    await waitUntil(() => client.replica.status.state === 'live', `${name} connected`);
    clients.push(client);
    return client;
  };
  const chair = await join(CHAIR);
  await chair.command({ type: 'meeting.open' });
  const item = chair.replica.state!.agenda[0]!;
  await chair.command({ type: 'agenda.startItem', itemId: item.id });

  const captionUrl = new URL(view.captionUrl as string);
  let seq = 0;
  const caption = async (line: string) => {
    captionUrl.searchParams.set('seq', String(++seq));
    const answer = await fetch(captionUrl, { method: 'POST', headers: { 'content-type': 'text/plain; charset=utf-8' }, body: line + '\n' });
    expect(answer.ok, await answer.text()).toBe(true);
  };
  const giveNext = async () => {
    await waitUntil(() => queueOf(chair.replica.state!, item.id).entries.length > 0, 'a hand on the chair screen');
    const first = queueOf(chair.replica.state!, item.id).entries[0]!;
    await chair.command({ type: 'floor.give', entryId: first.id, seconds: 180 });
  };

  for (const hand of HANDS) {
    const client = await join(hand.name);
    await client.command({ type: 'queue.raiseHand', kind: hand.kind, note: '' });
    if (hand.name === 'Lucas Fernández') {
      await giveNext();
      for (const line of LUCAS_LINES) await caption(line);
    }
  }
  // The point of order goes ahead of everyone: it speaks next.
  await chair.command({ type: 'floor.end', speechId: chair.replica.state!.floor!.id });
  await giveNext();
  expect(chair.replica.state!.floor!.name).toBe(SECOND);
  for (const line of SECOND_LINES) await caption(line);
  // Someone on the phone bridge, queued by the chair; they never open their link.
  await chair.command({ type: 'queue.addOnBehalf', participantId: idOf(ON_PHONE), location: 'phone', kind: 'point-of-order', note: '' });
  await waitUntil(() => chair.replica.presence?.counts.phone === 1, 'the person on the phone counted by phone');
  return { displayUrl: meeting.displayUrl, chairUrl: meeting.person(CHAIR).joinUrl, clients, chair };
}

function inside(inner: Box, outer: Box): boolean {
  const slack = 0.5;
  return (
    inner.x >= outer.x - slack &&
    inner.y >= outer.y - slack &&
    inner.x + inner.width <= outer.x + outer.width + slack &&
    inner.y + inner.height <= outer.y + outer.height + slack
  );
}

/** The next speakers drawn: how many, and for each its name's font size and whether its row lies inside the viewport. */
async function nextSpeakers(page: Page): Promise<{ name: string; fontSize: number; inViewport: boolean; kind: string }[]> {
  const viewport = page.viewportSize()!;
  const screen = { x: 0, y: 0, width: viewport.width, height: viewport.height };
  const rows = page.getByTestId('wall-next-entry');
  const result = [];
  for (const row of await rows.all()) {
    const name = row.getByTestId('wall-next-name');
    result.push({
      name: (await name.textContent())!.trim(),
      fontSize: await name.evaluate((element) => parseFloat(getComputedStyle(element).fontSize)),
      inViewport: inside(await boxOf(row), screen),
      kind: (await row.getByTestId('wall-next-kind').textContent())!.trim(),
    });
  }
  return result;
}

test.describe('the room wall: legible from the back, captions with their speakers, the phone bridge present', () => {
  test.use({ actionTimeout: 15_000 });

  let server: SpecServer;
  let wall: Wall;

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    server = await startServer({ ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, RATE_LIMIT_ALLOWLIST: '127.0.0.1' });
    wall = await setUpWall(server.baseUrl);
  });

  test.afterAll(async () => {
    for (const client of wall?.clients ?? []) client.close();
    await server?.stop();
  });

  test('at 1920×1080: eight or more next speakers at 40 px or more inside the screen, every caption line with its speaker, nobody on the phone reconnecting', async ({
    browser,
  }) => {
    test.setTimeout(90_000);
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const display = await context.newPage();
    await display.goto(wall.displayUrl);
    await expect(display.getByRole('region', { name: 'Has the floor', exact: true })).toContainText(SECOND);
    await expect(display.getByTestId('wall-next-name').filter({ hasText: ON_PHONE })).toHaveCount(1);
    await expect(display.getByTestId('wall-caption-line').filter({ hasText: SECOND_LINES[2]!.slice(0, 30) })).toHaveCount(1);

    await test.step('at least eight next speakers, each 40 px or more and inside the screen, the kind in words', async () => {
      const shown = await nextSpeakers(display);
      expect(shown.length, JSON.stringify(shown)).toBeGreaterThanOrEqual(8);
      for (const entry of shown) {
        expect(entry.fontSize, entry.name).toBeGreaterThanOrEqual(40);
        expect(entry.inViewport, entry.name).toBe(true);
      }
      expect(shown[0]).toMatchObject({ name: ON_PHONE, kind: 'Point of order' });
      expect(shown.map((entry) => entry.kind)).toContain('Clarifying question');
      // The waiting count of those not shown, if any, reads as such.
      const waiting = HANDS.length + 1 - 2;
      if (shown.length < waiting) await expect(display.getByText(`and ${waiting - shown.length} more waiting`)).toBeVisible();
    });

    await test.step('the item title wraps whole; there is no connection count on the wall', async () => {
      await expect(display.getByRole('region', { name: 'Agenda item', exact: true })).toContainText(
        'preparations of the annual meeting in the host country',
      );
      expect(await titleWhole(display)).toBe(true);
      await expect(display.getByTestId('presence')).toHaveCount(0);
      await expect(display.getByText(/Connected now/)).toHaveCount(0);
    });

    await test.step('every caption line visible in the strip has its speaker’s name inside the strip', async () => {
      await expectCaptionLinesNamed(display);
    });

    await test.step('the person on the phone is never reconnecting, on the wall or on the chair’s screen', async () => {
      await expect(display.getByText('Reconnecting…')).toHaveCount(0);
      const chairContext = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      const chairPage = await chairContext.newPage();
      await chairPage.goto(wall.chairUrl);
      await expect(chairPage.getByTestId('chair-console')).toBeVisible();
      await expect(chairPage.getByText(ON_PHONE).first()).toBeVisible();
      await expect(chairPage.getByText('Reconnecting…')).toHaveCount(0);
      expect(wall.chair.replica.presence?.counts.phone).toBe(1);
      expect(wall.chair.replica.presence?.away).toEqual([]);
      await chairContext.close();
    });

    await test.step('the operator’s size control scales the display and is kept on reload', async () => {
      const name = display.getByTestId('wall-next-name').first();
      const before = (await boxOf(name)).height;
      await display.getByRole('button', { name: 'Larger', exact: true }).focus();
      await expect(display.getByTestId('display-zoom')).toHaveCSS('opacity', '1');
      await display.keyboard.press('Enter');
      await expect(display.getByRole('button', { name: 'Reset size', exact: true })).toHaveText('110%');
      expect((await boxOf(name)).height).toBeGreaterThan(before);
      await display.reload();
      await expect(display.getByRole('button', { name: 'Reset size', exact: true })).toHaveText('110%');
      await expect(display.getByTestId('display-zoom')).toHaveCSS('opacity', '0');
      await display.getByRole('button', { name: 'Reset size', exact: true }).click();
      await expect(display.getByRole('button', { name: 'Reset size', exact: true })).toHaveText('100%');
    });
    await context.close();
  });

  for (const viewport of [
    { width: 1366, height: 768 },
    { width: 1280, height: 720 },
  ]) {
    test(`at ${viewport.width}×${viewport.height}: the next speakers that fit, all inside the screen, the rest counted, captions named`, async ({
      browser,
    }) => {
      const context = await browser.newContext({ viewport });
      const display = await context.newPage();
      await display.goto(wall.displayUrl);
      await expect(display.getByTestId('wall-next-name').filter({ hasText: ON_PHONE })).toHaveCount(1);
      // As many as fit whole (names wrap their kind onto a second line here); the others are counted.
      const shown = await nextSpeakers(display);
      expect(shown.length, JSON.stringify(shown)).toBeGreaterThanOrEqual(6);
      for (const entry of shown) expect(entry.inViewport, entry.name).toBe(true);
      const waiting = HANDS.length + 1 - 2;
      if (shown.length < waiting) await expect(display.getByText(`and ${waiting - shown.length} more waiting`)).toBeVisible();
      expect(await titleWhole(display)).toBe(true);
      await expectCaptionLinesNamed(display);
      await context.close();
    });
  }

  test('in Arabic, right to left: the same names, inside the screen, captions named', async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'ar' });
    const display = await context.newPage();
    await display.goto(wall.displayUrl);
    await expect(display.getByTestId('wall-next-name').filter({ hasText: ON_PHONE })).toHaveCount(1);
    await expect(display.locator('html')).toHaveAttribute('dir', 'rtl');
    // The meeting's English title starts where Arabic lines start: at the right.
    const title = await boxOf(display.getByText(MEETING.title, { exact: true }));
    expect(1920 - (title.x + title.width), 'space to the right of the meeting title').toBeLessThan(60);
    const shown = await nextSpeakers(display);
    expect(shown.length).toBeGreaterThanOrEqual(8);
    for (const entry of shown) {
      expect(entry.fontSize, entry.name).toBeGreaterThanOrEqual(40);
      expect(entry.inViewport, entry.name).toBe(true);
    }
    await expectCaptionLinesNamed(display);
    await context.close();
  });
});

/** Every caption line with any part inside the strip has its block's speaker name wholly inside the strip. */
async function expectCaptionLinesNamed(page: Page): Promise<void> {
  const strip = page.locator('#display-captions .lines');
  const stripBox = await boxOf(strip);
  let visible = 0;
  for (const block of await page.getByTestId('wall-caption-block').all()) {
    for (const line of await block.getByTestId('wall-caption-line').all()) {
      const box = await boxOf(line);
      const overlaps = box.y + box.height > stripBox.y + 1 && box.y < stripBox.y + stripBox.height - 1;
      if (!overlaps) continue;
      visible += 1;
      const speaker = block.getByTestId('wall-caption-speaker');
      await expect(speaker).toHaveCount(1);
      expect(inside(await boxOf(speaker), stripBox), `speaker of "${await line.textContent()}"`).toBe(true);
    }
  }
  // The second speaker's three lines and more do not fit in three rows: the strip has scrolled.
  expect(visible).toBeGreaterThanOrEqual(2);
}

/** Whether the item's title is drawn whole: its box lies inside the item's block, nothing of it cut off. */
async function titleWhole(page: Page): Promise<boolean> {
  return page.locator('.now-item').evaluate((element) => {
    const title = element.querySelector('.title');
    if (!title) return false;
    const outer = element.getBoundingClientRect();
    const inner = title.getBoundingClientRect();
    return inner.top >= outer.top - 0.5 && inner.bottom <= outer.bottom + 0.5;
  });
}
