/**
 * A participant on a 390×844 phone: in every state of a meeting — not queued, queued, next, with
 * the floor, during a consensus call and after it — who has the floor and the hand control lie on
 * the first screen, measured with real bounding boxes, and every control is a target a thumb can
 * hit (44×44 px). The speaker ends their own speech with "I'm done". The chair acts through a
 * socket client of its own, so that only the participant's page is looked at.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { setUpMeeting, startServer, type SpecServer } from './support.ts';
import { openJoinLink } from '../support/meeting-fixtures.ts';
import { connectLive, waitUntil, type LiveClient } from '../support/live-client.ts';
import { queueOf } from '../../shared/meeting/reducer.ts';

const ADMIN = { email: 'secretariat@example.org', password: 'correct horse battery staple' };
const MEETING = { title: 'MAG Virtual Meeting X', body: 'MAG', startsAtLocal: '2017-06-12T13:00', timeZone: 'UTC', plannedMinutes: 60 };
const CHAIR = 'Lynn St. Amour';
const MEMBER = 'Mary Uduma';
const OTHERS = ['Flávio Wagner', 'Sumon Sabir'];
const ROSTER_CSV = [
  'name,affiliation,email,stakeholder group,region,role',
  `${CHAIR},Internet Matters,,civil society,WEOG,chair`,
  `${MEMBER},Nigeria IGF,,civil society,Africa,member`,
  ...OTHERS.map((name) => `${name},Somewhere,,government,Asia-Pacific,member`),
].join('\n');
const PHONE = { width: 390, height: 844 };

/** The element's box lies wholly inside the viewport. */
async function expectOnFirstScreen(page: Page, target: Locator, what: string): Promise<void> {
  await expect(target, what).toBeVisible();
  const box = (await target.boundingBox())!;
  const viewport = page.viewportSize()!;
  expect(box.y, `${what}: top ${box.y}`).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height, `${what}: bottom ${box.y + box.height} of ${viewport.height}`).toBeLessThanOrEqual(viewport.height);
  expect(box.x + box.width, `${what}: right edge`).toBeLessThanOrEqual(viewport.width);
}

async function expectThumbTarget(target: Locator, what: string): Promise<void> {
  const box = (await target.boundingBox())!;
  expect(box.height, `${what}: ${box.width}×${box.height}`).toBeGreaterThanOrEqual(44);
  expect(box.width, `${what}: ${box.width}×${box.height}`).toBeGreaterThanOrEqual(44);
}

test.describe('a participant on a phone', () => {
  let server: SpecServer;
  const clients: LiveClient[] = [];

  test.beforeAll(async () => {
    server = await startServer({ ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password });
  });
  test.afterAll(async () => {
    for (const client of clients) client.close();
    await server?.stop();
  });

  test('keeps the floor and the hand under the thumb in every state, and the speaker says "I’m done"', async ({ browser }) => {
    test.setTimeout(120_000);
    const meeting = await setUpMeeting(server.baseUrl, {
      admin: ADMIN,
      meeting: MEETING,
      agendaText:
        '1 - Adoption of the agenda (5 minutes)\n2 - Intersessional work, with a title long enough to wrap on a phone (30 minutes)',
      rosterCsv: ROSTER_CSV,
    });
    const live = async (name: string) => {
      const client = connectLive(server.baseUrl, await openJoinLink(server.baseUrl, meeting.person(name).joinUrl), meeting.meetingId);
      clients.push(client);
      await waitUntil(() => client.replica.status.state === 'live', `${name} connected`);
      return client;
    };
    const chair = await live(CHAIR);
    const others = await Promise.all(OTHERS.map(live));
    await chair.command({ type: 'meeting.open' });
    const itemId = chair.replica.state!.agenda[1]!.id;
    await chair.command({ type: 'agenda.startItem', itemId });

    const page = await (await browser.newContext({ viewport: PHONE, hasTouch: true })).newPage();
    await page.goto(meeting.person(MEMBER).joinUrl);
    await page.getByRole('button', { name: 'Remote', exact: true }).click();
    const floor = page.getByRole('region', { name: /^Has the floor|^Presentation/ });
    const bar = page.getByTestId('hand-bar');
    const check = async (state: string, control: Locator) => {
      await expectOnFirstScreen(page, floor, `${state}: who has the floor`);
      await expectOnFirstScreen(page, control, `${state}: the hand control`);
      await expectThumbTarget(control, `${state}: the hand control`);
    };

    let raiseHeight = 0;
    await test.step('not queued: Raise hand, with each kind a thumb-sized choice', async () => {
      const raise = bar.getByRole('button', { name: 'Raise hand', exact: true });
      await check('not queued', raise);
      raiseHeight = (await raise.boundingBox())!.height;
      for (const kind of ['Point of order', 'Clarifying question', 'Reply', 'New point']) {
        await expectThumbTarget(bar.locator('label', { hasText: kind }), `the choice ${kind}`);
      }
      await expect(bar.getByRole('radio', { name: 'New point', exact: true })).toBeChecked();
    });

    await test.step('queued third: the place and a secondary Lower hand', async () => {
      for (const other of others) await other.command({ type: 'queue.raiseHand' });
      await bar.getByRole('button', { name: 'Raise hand', exact: true }).click();
      await expect(page.getByTestId('own-place')).toHaveText('You are 3rd in the queue — 2 people ahead of you.');
      const lower = bar.getByRole('button', { name: 'Lower hand', exact: true });
      await check('queued', lower);
      // Lowering a hand is not the big primary action any more.
      expect((await lower.boundingBox())!.height).toBeLessThan(raiseHeight);
    });

    await test.step('next: a banner says so', async () => {
      await waitUntil(() => queueOf(chair.replica.state!, itemId).entries.length === 3, 'three hands on the chair screen');
      await chair.command({ type: 'floor.give', entryId: queueOf(chair.replica.state!, itemId).entries[0]!.id });
      await chair.command({ type: 'floor.give', entryId: queueOf(chair.replica.state!, itemId).entries[0]!.id });
      await expect(page.getByTestId('own-place')).toHaveText('You are next.');
      await expect(bar).toHaveAttribute('data-state', 'next');
      await check('next', bar.getByRole('button', { name: 'Lower hand', exact: true }));
    });

    await test.step('with the floor: "I’m done" ends the speech', async () => {
      await chair.command({ type: 'floor.give', entryId: queueOf(chair.replica.state!, itemId).entries[0]!.id });
      await expect(bar.getByText('You have the floor.', { exact: true })).toBeVisible();
      const done = bar.getByRole('button', { name: 'I’m done', exact: true });
      await check('has the floor', done);
      await done.click();
      await expect(floor).toContainText('Nobody has the floor.');
      await waitUntil(() => chair.replica.state!.floor === null, 'the chair sees the floor free');
      await check('after speaking', bar.getByRole('button', { name: 'Raise hand', exact: true }));
    });

    await test.step('during a consensus call and after it', async () => {
      await chair.command({
        type: 'consensus.open',
        itemId,
        proposalId: null,
        question: 'Can we agree to keep the timeline?',
        seconds: 60,
      });
      await expect(page.getByTestId('consensus-banner')).toBeVisible();
      await check('during a consensus call', bar.getByRole('button', { name: 'Raise hand', exact: true }));
      await chair.command({ type: 'consensus.close', callId: chair.replica.state!.consensusCalls.at(-1)!.id });
      await expect(page.getByTestId('consensus-outcome')).toBeVisible();
      await check('after a consensus call', bar.getByRole('button', { name: 'Raise hand', exact: true }));
      // The outcome folds to one line by itself.
      await expect(page.getByTestId('consensus-banner')).toHaveClass(/folded/, { timeout: 20_000 });
      expect((await page.getByTestId('consensus-banner').boundingBox())!.height).toBeLessThan(90);
    });

    await test.step('the meeting ended: no hand control pretends it can act', async () => {
      await chair.command({ type: 'meeting.end' });
      await expect(page.getByText('The meeting has ended.').first()).toBeVisible();
      await expect(bar).toHaveCount(0);
      await expect(page.getByRole('button', { name: 'Raise hand' })).toHaveCount(0);
    });
  });
});
