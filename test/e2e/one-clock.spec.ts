/**
 * One clock: the chair's console, a participant's phone and the room display, each on a
 * computer whose own clock is wrong by seconds, show a running speech. Each page must measure
 * its offset to the server's clock (exact to half a round trip), schedule every tick on the
 * boundary of the server's second, change the displayed timer only on those ticks, and show the
 * same figure as the other pages for the same server second.
 *
 * Written to hold on a loaded machine: it asserts the schedule and the figures per server
 * second, not how late a timer fired. `npm run bench:clock` measures the spread between screens.
 */
import { devices, expect, test, type Browser, type Page } from '@playwright/test';
import { startServer, setUpMeeting, type SpecServer } from './support.ts';
import { openJoinLink } from '../support/meeting-fixtures.ts';
import { connectLive, waitUntil, type LiveClient } from '../support/live-client.ts';
import { clockProbeScript, SPEECH_CLOCK, type ClockProbe } from '../support/clock-probe.ts';

const ADMIN = { email: 'secretariat@example.org', password: 'correct horse battery staple' };
const CHAIR = 'Lynn St. Amour';
const SPEAKER = 'Flávio Wagner';
const ROSTER_CSV = [
  'name,affiliation,email,stakeholder group,region,role',
  `${CHAIR},Internet Matters,lynn@example.org,civil society,WEOG,chair`,
  `${SPEAKER},CGI.br,,civil society,Latin America and Caribbean,member`,
].join('\n');

/** Seconds of the speech watched. */
const WATCH_SECONDS = 12;

interface Screen {
  label: string;
  page: Page;
  skewMs: number;
}

async function openScreen(
  browser: Browser,
  label: string,
  url: string,
  skewMs: number,
  options: Parameters<Browser['newContext']>[0],
): Promise<Screen> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  await page.addInitScript({ content: clockProbeScript({ skewMs, selector: SPEECH_CLOCK }) });
  await page.goto(url);
  return { label, page, skewMs };
}

function probeOf(page: Page): Promise<ClockProbe> {
  return page.evaluate(() => (window as unknown as { __clockProbe: ClockProbe }).__clockProbe);
}

test.describe('one clock on every screen', () => {
  let server: SpecServer;
  let chairDevice: LiveClient | undefined;

  test.beforeAll(async () => {
    server = await startServer({ ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password });
  });
  test.afterAll(async () => {
    chairDevice?.close();
    await server?.stop();
  });

  test('three screens with wrong clocks tick on the server second and show the same time', async ({ browser }) => {
    test.setTimeout(120_000);
    const meeting = await setUpMeeting(server.baseUrl, {
      admin: ADMIN,
      meeting: { title: 'MAG Virtual Meeting VI', body: 'MAG', startsAtLocal: '2017-06-13T13:00', timeZone: 'UTC', plannedMinutes: 30 },
      agendaText: '1 - Adoption of agenda (10 minutes)',
      rosterCsv: ROSTER_CSV,
    });

    // The chair's laptop runs 2.3 s fast, the phone 3.7 s slow, the room display's PC 0.6 s fast.
    const { defaultBrowserType: _browserType, ...pixel7 } = devices['Pixel 7'];
    const screens = [
      await openScreen(browser, 'the chair console', meeting.person(CHAIR).joinUrl, 2_300, { viewport: { width: 1440, height: 900 } }),
      await openScreen(browser, 'the participant phone', meeting.person(SPEAKER).joinUrl, -3_700, pixel7),
      await openScreen(browser, 'the room display', meeting.displayUrl, 600, { viewport: { width: 1920, height: 1080 } }),
    ];
    await expect(screens[2]!.page.getByTestId('room-display')).toBeVisible();

    await test.step('the chair opens the meeting and gives the floor for ten minutes (from a second device)', async () => {
      const chairBrowser = await openJoinLink(server.baseUrl, meeting.person(CHAIR).joinUrl);
      chairDevice = connectLive(server.baseUrl, chairBrowser, meeting.meetingId);
      const chair = chairDevice;
      await waitUntil(() => chair.replica.status.state === 'live', 'the chair device entered');
      await chair.command({ type: 'meeting.open' });
      const state = chair.replica.state!;
      const speaker = Object.values(state.participants).find((person) => person.name === SPEAKER)!;
      await chair.command({ type: 'agenda.startItem', itemId: state.agenda[0]!.id });
      await chair.command({ type: 'floor.giveTo', participantId: speaker.id, seconds: 600 });
      for (const screen of screens) await expect(screen.page.locator(SPEECH_CLOCK).first()).toHaveText(/^(10:00|9:\d\d)$/);
    });

    const started = Date.now();
    // Readings taken together, in the middle of server seconds (the server runs on this machine's clock).
    const readings: Array<Array<{ text: string; tick: number | null }>> = [];
    while (Date.now() - started < WATCH_SECONDS * 1_000) {
      await new Promise((resolve) => setTimeout(resolve, 1_500 - (Date.now() % 1_000)));
      readings.push(
        await Promise.all(
          screens.map((screen) =>
            screen.page.evaluate((selector) => {
              const marks = performance.getEntriesByName('clock-tick');
              const tick = (marks[marks.length - 1] as PerformanceMark | undefined)?.detail as { serverTime: number } | undefined;
              return { text: document.querySelector(selector)?.textContent?.trim() ?? '', tick: tick?.serverTime ?? null };
            }, SPEECH_CLOCK),
          ),
        ),
      );
    }
    const probes = await Promise.all(screens.map((screen) => probeOf(screen.page)));

    await test.step('each page measured its offset to the server clock, exact to half a round trip', () => {
      screens.forEach((screen, index) => {
        const last = probes[index]!.ticks.at(-1)!;
        expect(last.roundTripMs, `${screen.label} measured a round trip`).not.toBeNull();
        // Browser and server share this machine's clock: the true offset is minus the page's skew.
        const error = Math.abs(last.offsetMs - -screen.skewMs);
        expect(error, `${screen.label}: offset ${last.offsetMs} ms, round trip ${last.roundTripMs} ms`).toBeLessThanOrEqual(
          last.roundTripMs! / 2 + 1,
        );
      });
    });

    await test.step('each page schedules every tick on the boundary of the server second', () => {
      screens.forEach((screen, index) => {
        const ticks = probes[index]!.ticks.filter((tick) => tick.roundTripMs !== null && tick.real >= started);
        expect(ticks.length, `${screen.label} ticked while watched`).toBeGreaterThanOrEqual(WATCH_SECONDS - 2);
        ticks.forEach((tick, at) => {
          expect(tick.serverTime % 1_000, `${screen.label} tick ${at} is a whole server second`).toBe(0);
          // Planned for the local moment at which the server's clock reaches that second.
          expect(
            Math.abs(tick.scheduledFor + tick.offsetMs - tick.serverTime),
            `${screen.label} tick ${at} planned on the boundary`,
          ).toBeLessThan(1);
          // Never before it (a timer may run late on a busy machine, not early beyond the tolerance).
          expect(tick.firedAt + tick.offsetMs - tick.serverTime, `${screen.label} tick ${at} not early`).toBeGreaterThanOrEqual(-15);
          if (at > 0) expect(tick.serverTime, `${screen.label} ticks move forward`).toBeGreaterThan(ticks[at - 1]!.serverTime);
        });
      });
    });

    await test.step('the displayed time changes only on ticks, to the same figure on every page', () => {
      const shownAt = probes.map((probe) => {
        const byTick = new Map<number, string>();
        for (const change of probe.changes) if (change.tick !== null && change.real >= started) byTick.set(change.tick, change.text);
        return byTick;
      });
      screens.forEach((screen, index) => {
        const ticked = new Set(probes[index]!.ticks.map((tick) => tick.serverTime));
        // Each change came with a tick: one change per server second at most, none between them.
        const changes = probes[index]!.changes.filter((change) => change.real >= started);
        expect(changes.length, `${screen.label} changed its timer while watched`).toBeGreaterThanOrEqual(WATCH_SECONDS - 2);
        for (const change of changes) expect(ticked.has(change.tick!), `${screen.label} changed to ${change.text} on a tick`).toBe(true);
        expect(new Set(changes.map((change) => change.tick)).size, `${screen.label}: one change per tick`).toBe(changes.length);
      });
      const common = [...shownAt[0]!.keys()].filter((tick) => shownAt.every((byTick) => byTick.has(tick)));
      expect(common.length).toBeGreaterThanOrEqual(WATCH_SECONDS - 3);
      for (const tick of common) {
        const texts = shownAt.map((byTick) => byTick.get(tick));
        expect(texts, `the time shown for server second ${new Date(tick).toISOString()}`).toEqual([texts[0], texts[0], texts[0]]);
      }
      // Readings taken together: pages on the same server second show the same figure.
      for (const reading of readings) {
        for (const other of reading.slice(1)) if (other.tick === reading[0]!.tick) expect(other.text).toBe(reading[0]!.text);
      }
      const together = readings.filter((reading) => reading.every((screen) => screen.tick === reading[0]!.tick)).length;
      test.info().annotations.push({ type: 'readings on the same second', description: `${together} of ${readings.length}` });
    });
  });
});
