/**
 * `npm run screenshots`: draws the four screens the README shows, from a meeting shaped like the
 * demo one, on a server of its own (embedded database in memory) and Debian's Chromium:
 *
 *   docs/screens/chair-console.png      the chair's cockpit at 1366×768: a speech running, seven waiting, a point of order
 *   docs/screens/participant-phone.png  a participant third in the queue, on a 390×844 phone
 *   docs/screens/room-display.png       the room display on a 1920×1080 projector, captions running
 *   docs/screens/record-page.png        the draft record the secretariat edits, at 1440×900
 *   docs/screens/meeting-setup.png      the set-up page's roster, at 1280×800
 *   docs/screens/meeting-links.png      the set-up page's Links section, at 1280×800
 *
 * Run it after changing a screen, and look at the pictures before committing them. To look at
 * more than the README shows: SCREENS_LOCALE=ar (any language the app speaks) and SCREENS_DIR=/tmp/x
 * draw elsewhere and in that language; SCREENS_ALL=1 adds each screen at the other sizes people use
 * (390×844, 1366×768, 1440×900, 1920×1080); SCREENS_FULL_PAGE=1 adds whole-page copies.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { queueOf } from '../../shared/meeting/reducer.ts';
import { DEMO_AGENDA } from '../../server/demo-meeting.ts';
import { HttpClient } from '../support/http-client.ts';
import { connectLive, waitUntil, type LiveClient } from '../support/live-client.ts';
import { openJoinLink, signInFirstSecretariat } from '../support/meeting-fixtures.ts';
import { startTestServer } from '../support/test-server.ts';

const OUT_DIR = process.env.SCREENS_DIR ?? 'docs/screens';
const LOCALE = process.env.SCREENS_LOCALE ?? 'en-GB';
const SIZES = [
  { width: 390, height: 844 },
  { width: 1366, height: 768 },
  { width: 1440, height: 900 },
  { width: 1920, height: 1080 },
];

/** The demo's roster, with a few more voices so the queue looks like a working meeting's. */
const ROSTER = [
  {
    name: 'Amina Diallo',
    affiliation: 'Chair of the group',
    stakeholderGroup: 'civil-society',
    region: 'africa',
    role: 'chair',
    location: 'room',
  },
  {
    name: 'Lucas Fernández',
    affiliation: 'Ministry of Communications',
    stakeholderGroup: 'government',
    region: 'latin-america-caribbean',
    role: 'member',
    location: 'remote',
  },
  {
    name: '王芳 (Wang Fang)',
    affiliation: 'Internet Society China',
    stakeholderGroup: 'technical-community',
    region: 'asia-pacific',
    role: 'member',
    location: 'room',
  },
  {
    name: 'Olena Kovalenko',
    affiliation: 'Digital Rights Foundation',
    stakeholderGroup: 'civil-society',
    region: 'eastern-europe',
    role: 'member',
    location: 'remote',
  },
  {
    name: 'Sarah Whitfield',
    affiliation: 'Telecom operators association',
    stakeholderGroup: 'private-sector',
    region: 'weog',
    role: 'member',
    location: 'room',
  },
  {
    name: 'Karim Haddad',
    affiliation: 'ITU',
    stakeholderGroup: 'intergovernmental-organisation',
    region: 'asia-pacific',
    role: 'member',
    location: 'remote',
  },
  {
    name: 'Nomvula Mokonyane',
    affiliation: 'Department of Communications',
    stakeholderGroup: 'government',
    region: 'africa',
    role: 'member',
    location: 'room',
  },
  {
    name: 'Jorge Cancio',
    affiliation: 'Swiss Federal Office of Communications',
    stakeholderGroup: 'government',
    region: 'weog',
    role: 'member',
    location: 'remote',
  },
  {
    name: 'Anriette Esterhuysen',
    affiliation: 'Association for Progressive Communications',
    stakeholderGroup: 'civil-society',
    region: 'africa',
    role: 'member',
    location: 'room',
  },
  {
    name: 'Rajesh Kumar',
    affiliation: 'Internet Exchange Operators',
    stakeholderGroup: 'technical-community',
    region: 'asia-pacific',
    role: 'member',
    location: 'remote',
  },
  {
    name: 'Tom Berger',
    affiliation: 'IGF Secretariat',
    stakeholderGroup: 'intergovernmental-organisation',
    region: 'weog',
    role: 'secretariat',
    location: 'room',
  },
] as const;

/** Who raises a hand, in order, with what kind and note; the first takes the floor, the point of order arrives last. */
const HANDS = [
  { name: 'Lucas Fernández', kind: 'new-point', note: 'On the call for proposals' },
  { name: 'Olena Kovalenko', kind: 'new-point', note: '' },
  { name: '王芳 (Wang Fang)', kind: 'new-point', note: 'Youth participation' },
  { name: 'Karim Haddad', kind: 'clarifying-question', note: 'Deadline of the call?' },
  { name: 'Sarah Whitfield', kind: 'new-point', note: '' },
  { name: 'Jorge Cancio', kind: 'reply', note: 'To Olena' },
  { name: 'Anriette Esterhuysen', kind: 'new-point', note: '' },
  { name: 'Rajesh Kumar', kind: 'point-of-order', note: '' },
] as const;

const CAPTIONS = [
  'Thank you, Chair. On the call for proposals, we see a good number of submissions from the Global South this year,',
  'and I would like to thank the Secretariat for extending the deadline by one week.',
  'We support the proposed timeline, with one request: that the evaluation criteria are published before the call closes,',
  'so that proposers know how their workshops will be assessed.',
];

async function main(): Promise<void> {
  mkdirSync(OUT_DIR, { recursive: true });
  const server = await startTestServer('pglite', { env: { CLIENT_DIR: 'dist/client', RATE_LIMIT_ALLOWLIST: '127.0.0.1' } });
  const clients: LiveClient[] = [];
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    const secretariat = await signInFirstSecretariat(server);
    const meetingId = await createMeeting(secretariat);
    const setup = (await secretariat.get(`/api/meetings/${meetingId}`)).body;
    await shootSignedIn(
      browser,
      'meeting-setup',
      { width: 1280, height: 800 },
      server.baseUrl,
      secretariat,
      `/meetings/${meetingId}`,
      (page) => page.locator('#roster-heading').scrollIntoViewIfNeeded(),
    );
    await shootSignedIn(
      browser,
      'meeting-links',
      { width: 1280, height: 800 },
      server.baseUrl,
      secretariat,
      `/meetings/${meetingId}`,
      (page) => page.locator('#links-heading').evaluate((heading) => heading.scrollIntoView({ block: 'start' })),
    );
    const joinUrl = (name: string) => setup.roster.find((entry: { name: string }) => entry.name === name).joinUrl as string;

    // Everyone but the secretariat comes in through their personal link and says where they are.
    const live = new Map<string, LiveClient>();
    const entryOf = (name: string) => setup.roster.find((entry: { name: string }) => entry.name === name);
    for (const person of ROSTER.filter((person) => person.role !== 'secretariat')) {
      const client = connectLive(server.baseUrl, await openJoinLink(server.baseUrl, joinUrl(person.name)), meetingId);
      await waitUntil(() => client.replica.status.state === 'live', `${person.name} connected`);
      clients.push(client);
      live.set(person.name, client);
    }
    const chair = live.get('Amina Diallo')!;
    await chair.command({ type: 'meeting.open' });
    for (const person of ROSTER.filter((person) => person.role !== 'secretariat')) {
      await chair.command({ type: 'participant.setLocation', participantId: entryOf(person.name).id, location: person.location });
    }
    const items = chair.replica.state!.agenda;
    await chair.command({ type: 'agenda.startItem', itemId: items[0]!.id });
    await chair.command({ type: 'agenda.startItem', itemId: items[1]!.id, previousItemStatus: 'done' });
    for (const [index, hand] of HANDS.entries()) {
      await live.get(hand.name)!.command({ type: 'queue.raiseHand', kind: hand.kind, note: hand.note });
      if (index > 0) continue;
      // The hand reaches the chair's screen a moment after the hand's owner has it.
      await waitUntil(() => queueOf(chair.replica.state!, items[1]!.id).entries.length > 0, 'the first hand on the chair screen');
      const first = queueOf(chair.replica.state!, items[1]!.id).entries[0]!;
      await chair.command({ type: 'floor.give', entryId: first.id, seconds: 180 });
    }

    const caption = new URL(setup.captionUrl as string);
    for (const [index, line] of CAPTIONS.entries()) {
      caption.searchParams.set('seq', String(index + 1));
      const answer = await fetch(caption, { method: 'POST', headers: { 'content-type': 'text/plain; charset=utf-8' }, body: line + '\n' });
      if (!answer.ok) throw new Error(`caption post failed: ${answer.status} ${await answer.text()}`);
    }

    await shoot(browser, 'chair-console', { width: 1366, height: 768 }, joinUrl('Amina Diallo'), (page) =>
      page.getByText('Lucas Fernández').first().waitFor(),
    );
    await shoot(browser, 'participant-phone', { width: 390, height: 844 }, joinUrl('王芳 (Wang Fang)'), (page) =>
      page.getByText('Lucas Fernández').first().waitFor(),
    );
    await shoot(browser, 'room-display', { width: 1920, height: 1080 }, setup.displayUrl as string, (page) =>
      page.getByText(CAPTIONS[3]!.slice(0, 20)).first().waitFor(),
    );

    // A few positions and a decision, then the end of the meeting and its draft record.
    const floor = chair.replica.state!.floor;
    if (floor) await chair.command({ type: 'floor.end', speechId: floor.id });
    await chair.command({
      type: 'position.record',
      itemId: items[1]!.id,
      proposalId: null,
      stance: 'support',
      text: 'Publish the evaluation criteria before the call closes.',
      participantId: entryOf('Lucas Fernández').id,
    });
    await chair.command({
      type: 'position.record',
      itemId: items[1]!.id,
      proposalId: null,
      stance: 'support',
      text: '',
      participantId: entryOf('Olena Kovalenko').id,
    });
    await chair.command({
      type: 'position.record',
      itemId: items[1]!.id,
      proposalId: null,
      stance: 'objection',
      text: 'One more week is too short for the Global South.',
      participantId: entryOf('Karim Haddad').id,
    });
    await chair.command({
      type: 'decision.record',
      itemId: items[1]!.id,
      proposalId: null,
      kind: 'agreed',
      text: 'The deadline of the call for proposals is extended by one week.',
    });
    await chair.command({
      type: 'action.record',
      itemId: items[1]!.id,
      what: 'Publish the evaluation criteria',
      who: 'Secretariat',
      due: null,
    });
    await chair.command({ type: 'queue.clear' });
    await chair.command({ type: 'meeting.end' });
    // Ending the meeting drafts the record's first version.
    await shootSignedIn(
      browser,
      'record-page',
      { width: 1440, height: 900 },
      server.baseUrl,
      secretariat,
      `/meetings/${meetingId}/record`,
      (page) => page.getByText('The deadline of the call for proposals').first().waitFor(),
    );
    console.log(`Screens drawn in ${OUT_DIR}/.`);
  } finally {
    for (const client of clients) client.close();
    await browser.close();
    await server.close();
  }
}

async function createMeeting(secretariat: HttpClient): Promise<string> {
  const created = await secretariat.post('/api/meetings', {
    title: 'MAG Virtual Meeting (demo)',
    body: 'Multistakeholder Advisory Group',
    startsAtLocal: new Date(Math.ceil(Date.now() / 3_600_000) * 3_600_000).toISOString().slice(0, 16),
    timeZone: 'UTC',
    plannedMinutes: 90,
  });
  if (created.status !== 201) throw new Error(`create meeting failed: ${JSON.stringify(created.body)}`);
  const meetingId = created.body.meeting.id as string;
  const agenda = await secretariat.put(`/api/meetings/${meetingId}/agenda`, { text: DEMO_AGENDA });
  if (agenda.status !== 200) throw new Error(`agenda failed: ${JSON.stringify(agenda.body)}`);
  for (const { location: _location, ...person } of ROSTER) {
    const added = await secretariat.post(`/api/meetings/${meetingId}/roster`, { email: '', ...person });
    if (added.status !== 201) throw new Error(`roster failed: ${JSON.stringify(added.body)}`);
  }
  return meetingId;
}

type Ready = (page: Page) => Promise<unknown>;
type Viewport = { width: number; height: number };

/** The picture's own size, and with SCREENS_ALL the other sizes too (named `name-390x844`). */
function sizesOf(name: string, viewport: Viewport): [string, Viewport][] {
  const others = process.env.SCREENS_ALL ? SIZES.filter((size) => size.width !== viewport.width) : [];
  return [[name, viewport], ...others.map((size): [string, Viewport] => [`${name}-${size.width}x${size.height}`, size])];
}

/** Opens `url` at each size and draws it; `staff` signs the browser in first, with that session's cookie. */
async function shoot(browser: Browser, name: string, viewport: Viewport, url: string, ready: Ready, staff?: HttpClient): Promise<void> {
  for (const [fileName, size] of sizesOf(name, viewport)) {
    const context = await browser.newContext({ viewport: size, locale: LOCALE, reducedMotion: 'reduce' });
    try {
      if (staff) {
        const [cookieName, ...value] = staff.cookie!.split('=');
        await context.addCookies([{ name: cookieName!, value: value.join('='), url: new URL(url).origin }]);
      }
      const page = await context.newPage();
      await page.goto(url);
      await capture(page, fileName, ready);
    } finally {
      await context.close();
    }
  }
}

/** The same for a staff page: `path` on the server, signed in as `staff`. */
function shootSignedIn(browser: Browser, name: string, viewport: Viewport, baseUrl: string, staff: HttpClient, path: string, ready: Ready) {
  return shoot(browser, name, viewport, baseUrl + path, ready, staff);
}

async function capture(page: Page, name: string, ready: Ready): Promise<void> {
  await ready(page);
  // Let fonts and the last state settle before the picture.
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(500);
  await page.screenshot({ path: join(OUT_DIR, `${name}.png`) });
  // SCREENS_FULL_PAGE=1 also draws each whole page beside it, for looking at what lies below the fold.
  if (process.env.SCREENS_FULL_PAGE) await page.screenshot({ path: join(OUT_DIR, `${name}.full.png`), fullPage: true });
  console.log(`  ${name}.png`);
}

await main();
