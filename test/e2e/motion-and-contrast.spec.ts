/**
 * The display settings people set in their system, against a server of its own: reduced motion
 * (nothing slides or fades), more contrast (all text at least 7:1 against its background, the
 * WCAG AAA level) and forced colours (Windows high contrast: buttons keep a border of their
 * own, the focus ring stays). Checked on the participant page, the chair console, the room
 * display and the meeting set-up page, with a live item and someone speaking.
 */
import { expect, test, type Browser, type BrowserContextOptions, type Page } from '@playwright/test';
import { setUpMeeting, startServer, type SetUpMeeting, type SpecServer } from './support.ts';

const ADMIN = { email: 'secretariat@example.org', password: 'correct horse battery staple' };
const MEETING = { title: 'IGF MAG Virtual Meeting X', body: 'MAG', startsAtLocal: '2017-06-20T13:00', timeZone: 'UTC', plannedMinutes: 60 };
const CHAIR = 'Lynn St. Amour';
const MEMBER = 'Mary Uduma';
const ROSTER_CSV = [
  'name,affiliation,email,stakeholder group,region,role',
  `${CHAIR},Internet Matters,lynn@example.org,civil society,WEOG,chair`,
  `${MEMBER},Nigeria IGF,,civil society,Africa,member`,
].join('\n');

type View = 'participant' | 'chair console' | 'room display' | 'set-up page';

/** The longest transition or animation of any element (or its ::before and ::after) on the page, in milliseconds. */
function longestMotion(page: Page): Promise<number> {
  return page.evaluate(() => {
    const ms = (list: string) =>
      Math.max(0, ...list.split(',').map((part) => (part.trim().endsWith('ms') ? parseFloat(part) : parseFloat(part) * 1000)));
    let longest = 0;
    for (const element of document.querySelectorAll('*')) {
      for (const pseudo of [null, '::before', '::after']) {
        const style = getComputedStyle(element, pseudo);
        longest = Math.max(longest, ms(style.transitionDuration), style.animationName === 'none' ? 0 : ms(style.animationDuration));
      }
    }
    return longest;
  });
}

/** The lowest contrast ratio of any visible text on the page against the background behind it, with an example. */
function lowestContrast(page: Page): Promise<{ ratio: number; text: string }> {
  return page.evaluate(() => {
    const rgb = (value: string) => (value.match(/[\d.]+/g) ?? []).map(Number);
    const luminance = ([r, g, b]: number[]) => {
      const channel = (value: number) => {
        const c = value / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * channel(r!) + 0.7152 * channel(g!) + 0.0722 * channel(b!);
    };
    const background = (element: Element | null): number[] => {
      for (let at = element; at; at = at.parentElement) {
        const colour = rgb(getComputedStyle(at).backgroundColor);
        if (colour.length >= 3 && (colour.length === 3 || colour[3]! > 0)) return colour.slice(0, 3);
      }
      return [255, 255, 255];
    };
    let lowest = { ratio: 21, text: '' };
    for (const element of document.querySelectorAll('body *')) {
      const own = [...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && node.textContent!.trim() !== '');
      if (!own || element.closest(':disabled, [aria-disabled="true"], [hidden], svg')) continue;
      const box = element.getBoundingClientRect();
      const style = getComputedStyle(element);
      if (box.width === 0 || box.height === 0 || style.visibility !== 'visible' || Number(style.opacity) === 0) continue;
      const [a, b] = [luminance(rgb(style.color)), luminance(background(element))].sort((x, y) => y - x);
      const ratio = (a! + 0.05) / (b! + 0.05);
      if (ratio < lowest.ratio)
        lowest = {
          ratio: Math.round(ratio * 100) / 100,
          text: `${element.tagName.toLowerCase()}: ${element.textContent!.trim().slice(0, 60)}`,
        };
    }
    return lowest;
  });
}

test.describe('reduced motion, more contrast and forced colours', () => {
  let server: SpecServer;
  let meeting: SetUpMeeting;

  test.beforeAll(async () => {
    server = await startServer({ ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password });
    meeting = await setUpMeeting(server.baseUrl, {
      admin: ADMIN,
      meeting: MEETING,
      agendaText: '1 - Adoption of agenda (10 minutes)',
      rosterCsv: ROSTER_CSV,
    });
  });

  test.afterAll(async () => {
    await server?.stop();
  });

  /** Every view in one browser context with the given settings: the meeting is live and the member has the floor. */
  async function openViews(browser: Browser, options: BrowserContextOptions): Promise<Record<View, Page>> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
    const chair = await context.newPage();
    await chair.goto(meeting.person(CHAIR).joinUrl);
    await expect(chair.getByTestId('chair-console')).toBeVisible();
    // The other views in contexts of their own (each person's own session), with the same settings.
    const own = async (url: string) => {
      const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options })).newPage();
      await page.goto(url);
      return page;
    };
    const participant = await own(meeting.person(MEMBER).joinUrl);
    const display = await own(meeting.displayUrl);
    const setup = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options })).newPage();
    await setup.goto(new URL('/signin', server.baseUrl).toString());
    await setup.getByLabel('Email', { exact: true }).fill(ADMIN.email);
    await setup.getByLabel('Password', { exact: true }).fill(ADMIN.password);
    await setup.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(setup).toHaveURL(/\/meetings$/);
    await setup.goto(new URL(`/meetings/${encodeURIComponent(meeting.meetingId)}`, server.baseUrl).toString());
    await expect(setup.getByRole('heading', { level: 1 })).toBeVisible();
    // Loaded: the links section with its switch for the public observer link.
    await expect(setup.getByRole('switch').first()).toBeVisible();
    return { participant, 'chair console': chair, 'room display': display, 'set-up page': setup };
  }

  test.beforeAll(async ({ browser }) => {
    // The meeting open, the item started and the member speaking: the views show a timer, a floor, a queue.
    const chair = await (await browser.newContext()).newPage();
    await chair.goto(meeting.person(CHAIR).joinUrl);
    await chair.getByRole('button', { name: 'Open the meeting', exact: true }).click();
    await chair.getByRole('button', { name: 'Start item 1', exact: true }).click();
    const giveTo = chair.getByRole('form', { name: 'Give the floor to someone not queued', exact: true });
    await giveTo.getByLabel('Person', { exact: true }).selectOption({ label: MEMBER });
    await giveTo.getByRole('button', { name: 'Give them the floor', exact: true }).click();
    await expect(chair.getByRole('region', { name: 'Has the floor', exact: true })).toContainText(MEMBER);
    await chair.context().close();
  });

  test('with reduced motion nothing moves; without it, the set-up page slides', async ({ browser }) => {
    const reduced = await openViews(browser, { reducedMotion: 'reduce' });
    for (const [view, page] of Object.entries(reduced)) {
      expect(await longestMotion(page), view).toBeLessThanOrEqual(0.01);
    }
    // The check sees motion where there is some: the link switch on the set-up page slides by default.
    const usual = await openViews(browser, { reducedMotion: 'no-preference' });
    expect(await longestMotion(usual['set-up page'])).toBeGreaterThan(100);
  });

  test('with more contrast every text is at least 7:1 against its background, in light and dark', async ({ browser }) => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const views = await openViews(browser, { contrast: 'more', colorScheme });
      for (const [view, page] of Object.entries(views)) {
        const lowest = await lowestContrast(page);
        expect(lowest.ratio, `${view} (${colorScheme}): ${lowest.text}`).toBeGreaterThanOrEqual(7);
      }
    }
  });

  test('with forced colours buttons keep a border and the focus ring stays', async ({ browser }) => {
    const views = await openViews(browser, { forcedColors: 'active' });
    for (const [view, page] of Object.entries(views)) {
      // The room display is for reading: it has no buttons.
      if (view === 'room display') continue;
      const button = page.getByRole('button').filter({ visible: true }).first();
      await button.focus();
      const look = await button.evaluate((element) => {
        const style = getComputedStyle(element);
        return {
          border: style.borderTopStyle === 'none' ? 0 : parseFloat(style.borderTopWidth),
          outline: style.outlineStyle === 'none' ? 0 : parseFloat(style.outlineWidth),
        };
      });
      expect(look.border, `${view}: button border`).toBeGreaterThanOrEqual(1);
      if (await button.evaluate((element) => element.matches(':focus-visible')))
        expect(look.outline, `${view}: focus ring`).toBeGreaterThanOrEqual(2);
    }
  });
});
