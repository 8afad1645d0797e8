/**
 * Positions, a consensus call and the chat in real browsers against a server of their own:
 * one agenda item with three proposals (added by the chair in the console), three members —
 * one in the room on a phone (room link and personal code), two remote on desktops — who
 * support, object and comment; the chair runs a consensus call that one of them objects to
 * (with a reason); the secretariat, joined by its own link, records a position for someone in
 * the room by name and flags a chat line for the minutes. The chair console must show the
 * right names per proposal, and the room display the call (question and countdown) and then
 * its outcome, beside the item and the timer, not over them.
 *
 * The meeting is set up through the HTTP API; everything after that happens in the browsers.
 */
import { readFile } from 'node:fs/promises';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { escapeRegExp, newPage, openChairTab, PHONE, serverForSuite, setUpMeeting } from './support.ts';

const ADMIN = { email: 'secretariat@example.org', password: 'correct horse battery staple' };

const MEETING = {
  title: '2017 MAG Virtual Meeting VI',
  body: 'MAG',
  startsAtLocal: '2017-05-23T13:00',
  timeZone: 'UTC',
  plannedMinutes: 60,
};

const ITEM = 'Proposed Best Practice Forums for 2017';
const AGENDA_TEXT = `1 - ${ITEM} (45 minutes)`;

const PROPOSALS = {
  cyber: 'BPF Cybersecurity',
  gender: 'BPF Gender and Access',
  local: 'BPF Local Content',
} as const;

const CHAIR = 'Lynn St. Amour';
const SECRETARIAT = 'Chengetai Masango';
/** Remote, on a desktop. */
const FLAVIO = 'Flávio Wagner';
/** Remote, on a desktop; she objects. */
const MARY = 'Mary Uduma';
/** In the room, on a phone, through the room link and the personal code. */
const IN_ROOM = '张伟';
/** Typed in by the secretariat: in the room without a device. */
const BY_NAME = 'Delegate of Brazil';

const OBJECTION_REASON = 'It overlaps with the Dynamic Coalition on Gender';
const CALL_REASON = 'Let the mailing list discuss it first';
const COMMENT = 'Include capacity building';
const CHAT_LINE = 'The room supports Local Content, see https://www.intgovforum.org/bpf.';

const ROSTER_CSV = [
  'name,affiliation,email,stakeholder group,region,role',
  `${CHAIR},Internet Matters,lynn@example.org,civil society,WEOG,chair`,
  `${SECRETARIAT},IGF Secretariat,,intergovernmental organisation,WEOG,secretariat`,
  `${FLAVIO},CGI.br,,civil society,Latin America and Caribbean,member`,
  `${MARY},Nigeria Internet Registration Association,,private sector,Africa,member`,
  `${IN_ROOM},CNNIC,,technical community,Asia-Pacific,member`,
].join('\n');

/** An item or a proposal in a participant's positions panel. */
function participantTarget(page: Page, proposal: string): Locator {
  return page.getByTestId('positions-panel').getByRole('region', { name: `Proposal: ${proposal}`, exact: true });
}

/** An item or a proposal in the chair console's "Proposals and positions" panel. */
function chairTarget(page: Page, proposal: string): Locator {
  return page
    .getByRole('region', { name: 'Proposals and positions', exact: true })
    .getByRole('region', { name: `Proposal: ${proposal}`, exact: true });
}

/** One name in the chair's lists: the name, its reason or comment, who recorded it, then its Remove button. */
function chairEntry(name: string, options: { text?: string; by?: string; fromSpeech?: boolean } = {}): RegExp {
  const text = options.text ? `\\s*“${escapeRegExp(options.text)}”` : '';
  const by = options.by ? `\\s*recorded by ${escapeRegExp(options.by)}` : '';
  const speech = options.fromSpeech ? '\\s*From a speech' : '';
  return new RegExp(`^\\s*${escapeRegExp(name)}${text}${by}${speech}\\s*Remove\\b`);
}

async function support(page: Page, proposal: string): Promise<void> {
  const target = participantTarget(page, proposal);
  await target.getByRole('button', { name: 'Support', exact: true }).click();
  await expect(target.getByTestId('own-position')).toHaveText(/^\s*Your position: Support\s*$/);
  // Focus lands on the control that replaced the one pressed.
  await expect(target.getByRole('button', { name: `Change my position on ${proposal}`, exact: true })).toBeFocused();
}

async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const sizes = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect(sizes.scrollWidth, `page is ${sizes.scrollWidth}px wide in a ${sizes.innerWidth}px window`).toBeLessThanOrEqual(sizes.innerWidth);
}

test.describe('positions, a consensus call and the chat', () => {
  const server = serverForSuite({ ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password });

  test('members take positions, the chair runs a consensus call, the secretariat records and flags; every screen agrees', async ({
    browser,
  }) => {
    test.setTimeout(180_000);
    const meeting = await test.step('the secretariat sets the meeting up through the API', () =>
      setUpMeeting(server.baseUrl, { admin: ADMIN, meeting: MEETING, agendaText: AGENDA_TEXT, rosterCsv: ROSTER_CSV }));

    const chair = await newPage(browser, { viewport: { width: 1440, height: 900 } });
    const secretariat = await newPage(browser, { viewport: { width: 1440, height: 900 } });
    const flavio = await newPage(browser, { viewport: { width: 1280, height: 800 } });
    const mary = await newPage(browser, { viewport: { width: 1280, height: 800 } });
    const phone = await newPage(browser, PHONE);
    const display = await newPage(browser, { viewport: { width: 1920, height: 1080 } });
    const members = [
      { label: FLAVIO, page: flavio },
      { label: MARY, page: mary },
      { label: IN_ROOM, page: phone },
    ];

    await test.step('everyone opens their link; the secretariat gets the chair console', async () => {
      await chair.goto(meeting.person(CHAIR).joinUrl);
      await expect(chair.getByText(`You are ${CHAIR}, chair.`, { exact: true })).toBeVisible();
      await expect(chair.getByTestId('chair-console')).toBeVisible();

      await secretariat.goto(meeting.person(SECRETARIAT).joinUrl);
      await expect(secretariat.getByText(`You are ${SECRETARIAT}, secretariat.`, { exact: true })).toBeVisible();
      await expect(secretariat.getByTestId('chair-console')).toBeVisible();

      await flavio.goto(meeting.person(FLAVIO).joinUrl);
      await expect(flavio.getByText(`You are ${FLAVIO}, member.`, { exact: true })).toBeVisible();
      await mary.goto(meeting.person(MARY).joinUrl);
      await expect(mary.getByText(`You are ${MARY}, member.`, { exact: true })).toBeVisible();

      await phone.goto(meeting.roomUrl);
      await phone.getByLabel('Personal code', { exact: true }).fill(meeting.person(IN_ROOM).personalCode);
      await phone.getByRole('button', { name: 'Join the meeting', exact: true }).click();
      await expect(phone.getByText(`You are ${IN_ROOM}, member.`, { exact: true })).toBeVisible();

      await display.goto(meeting.displayUrl);
      await expect(display.getByTestId('room-display')).toBeVisible();
    });

    await test.step(`the chair opens the meeting, starts item 1 and adds three proposals`, async () => {
      await chair.getByRole('button', { name: 'Open the meeting', exact: true }).click();
      await chair.getByRole('button', { name: 'Start item 1', exact: true }).click();
      await openChairTab(chair, 'Positions');
      const panel = chair.getByRole('region', { name: 'Proposals and positions', exact: true });
      await expect(panel.getByLabel('Item', { exact: true })).toHaveValue(/.+/);
      for (const title of Object.values(PROPOSALS)) {
        await panel.getByLabel('Proposal title', { exact: true }).fill(title);
        await panel.getByRole('button', { name: 'Add the proposal', exact: true }).click();
        await expect(chairTarget(chair, title)).toBeVisible();
        await expect(panel.getByLabel('Proposal title', { exact: true })).toHaveValue('');
      }
      for (const member of members) {
        await test.step(`${member.label} sees the item and its three proposals`, async () => {
          const panel = member.page.getByTestId('positions-panel');
          await expect(panel.getByRole('heading', { level: 3 })).toHaveText([
            `Item 1: ${ITEM}`,
            ...Object.values(PROPOSALS).map((title) => `Proposal: ${title}`),
          ]);
        });
      }
      await expect(phone.getByText('You are taking part: in the room.', { exact: false })).toBeVisible();
    });

    await test.step('the members support, object (with a reason) and comment', async () => {
      await support(flavio, PROPOSALS.cyber);
      await support(flavio, PROPOSALS.gender);
      await support(mary, PROPOSALS.cyber);

      const gender = participantTarget(mary, PROPOSALS.gender);
      await gender.getByRole('button', { name: 'Object', exact: true }).click();
      const reason = gender.getByLabel('Reason for your objection (optional)', { exact: true });
      await expect(reason).toBeFocused();
      await reason.fill(OBJECTION_REASON);
      await gender.getByRole('button', { name: 'Send objection', exact: true }).click();
      await expect(gender.getByTestId('own-position')).toHaveText(`Your position: Objection — “${OBJECTION_REASON}”`);

      await support(phone, PROPOSALS.local);
      const cyber = participantTarget(phone, PROPOSALS.cyber);
      await cyber.getByRole('button', { name: `Comment on ${PROPOSALS.cyber}`, exact: true }).click();
      await cyber.getByLabel(`Your comment on ${PROPOSALS.cyber}`, { exact: true }).fill(COMMENT);
      await cyber.getByRole('button', { name: 'Send comment', exact: true }).click();
      await expect(cyber.getByTestId('own-comment')).toHaveText(`Your comment: “${COMMENT}”`);
      // A comment stands beside a position (P1): the phone may still support or object.
      await expect(cyber.getByRole('button', { name: 'Support', exact: true })).toBeVisible();
    });

    await test.step('every member sees the live counts, with names (the default)', async () => {
      for (const member of members) {
        const gender = participantTarget(member.page, PROPOSALS.gender);
        await expect(gender.getByTestId('count-support')).toHaveText('1');
        await expect(gender.getByTestId('count-objection')).toHaveText('1');
        await expect(gender.getByRole('list', { name: `Objections on ${PROPOSALS.gender}`, exact: true })).toContainText(MARY);
        const cyber = participantTarget(member.page, PROPOSALS.cyber);
        await expect(cyber.getByTestId('count-support')).toHaveText('2');
        await expect(cyber.getByTestId('count-comment')).toHaveText('1');
      }
    });

    await test.step('the chair turns names off: members see the counts only; turned on again, the names are back', async () => {
      await openChairTab(chair, 'Positions');
      const namesShown = chair.getByRole('checkbox', { name: 'Participants see names', exact: true });
      await expect(namesShown).toBeChecked();
      await namesShown.uncheck();
      const objections = participantTarget(flavio, PROPOSALS.gender).getByRole('list', {
        name: `Objections on ${PROPOSALS.gender}`,
        exact: true,
      });
      await expect(objections).toHaveCount(0);
      await expect(participantTarget(flavio, PROPOSALS.gender).getByTestId('count-objection')).toHaveText('1');
      await namesShown.check();
      await expect(objections).toContainText(MARY);
      await expect(namesShown).toBeChecked();
    });

    await test.step(`the secretariat records support for "${BY_NAME}", in the room, by name`, async () => {
      await openChairTab(secretariat, 'Positions');
      const form = secretariat.getByRole('form', { name: 'Record a position for someone', exact: true });
      await form.getByLabel('On', { exact: true }).selectOption({ label: `Proposal: ${PROPOSALS.local}` });
      await form.getByLabel('Who', { exact: true }).selectOption({ label: 'Someone not on the roster (type the name)' });
      await form.getByLabel('Name', { exact: true }).fill(BY_NAME);
      await expect(form.getByLabel('Stance', { exact: true })).toHaveValue('support');
      await form.getByRole('button', { name: 'Record the position', exact: true }).click();
      await expect(form.getByLabel('Who', { exact: true })).toHaveValue('');
      await expect(participantTarget(flavio, PROPOSALS.local).getByTestId('count-support')).toHaveText('2');
    });

    await test.step('the chair console shows the right names for each proposal, and who recorded one for someone', async () => {
      for (const page of [chair, secretariat]) {
        const cyber = chairTarget(page, PROPOSALS.cyber);
        await expect(cyber.getByRole('list', { name: `Support on ${PROPOSALS.cyber}`, exact: true }).getByRole('listitem')).toHaveText([
          chairEntry(FLAVIO),
          chairEntry(MARY),
        ]);
        await expect(cyber.getByRole('list', { name: `Comments on ${PROPOSALS.cyber}`, exact: true }).getByRole('listitem')).toHaveText([
          chairEntry(IN_ROOM, { text: COMMENT }),
        ]);
        await expect(cyber.getByRole('list', { name: `Objections on ${PROPOSALS.cyber}`, exact: true })).toHaveCount(0);

        const gender = chairTarget(page, PROPOSALS.gender);
        await expect(gender.getByRole('list', { name: `Support on ${PROPOSALS.gender}`, exact: true }).getByRole('listitem')).toHaveText([
          chairEntry(FLAVIO),
        ]);
        await expect(gender.getByRole('list', { name: `Objections on ${PROPOSALS.gender}`, exact: true }).getByRole('listitem')).toHaveText(
          [chairEntry(MARY, { text: OBJECTION_REASON })],
        );

        const local = chairTarget(page, PROPOSALS.local);
        await expect(local.getByRole('list', { name: `Support on ${PROPOSALS.local}`, exact: true }).getByRole('listitem')).toHaveText([
          chairEntry(IN_ROOM),
          chairEntry(BY_NAME, { by: SECRETARIAT }),
        ]);
        await expect(local.getByTestId('count-support')).toHaveText('2');
        await expect(local.getByTestId('count-objection')).toHaveText('0');
      }
    });

    const question = `Any objections to ${PROPOSALS.gender}?`;
    const roomCall = display.getByTestId('room-consensus');

    await test.step('the chair opens a consensus call on a proposal: every screen shows it', async () => {
      const form = chair.getByRole('form', { name: 'Open a consensus call', exact: true });
      await form.getByLabel('On', { exact: true }).selectOption({ label: `Proposal: ${PROPOSALS.gender}` });
      await expect(form.getByLabel('Question', { exact: true })).toHaveValue(question);
      await expect(form.getByLabel('Seconds to object', { exact: true })).toHaveValue('20');
      await form.getByLabel('Seconds to object', { exact: true }).fill('90');
      await form.getByRole('button', { name: 'Open the call', exact: true }).click();
      const panel = chair.getByRole('region', { name: 'Consensus call', exact: true });
      await expect(panel.getByTestId('chair-consensus-question')).toHaveText(question);
      await expect(panel.getByRole('button', { name: 'Close the call', exact: true })).toBeFocused();

      for (const member of members) {
        await test.step(`${member.label} sees the question, the countdown and an Object button`, async () => {
          const banner = member.page.getByRole('region', { name: 'Consensus call', exact: true });
          await expect(banner.getByText(question, { exact: true })).toBeVisible();
          await expect(banner.getByTestId('consensus-countdown')).toHaveText(/^\s*1:[0-3]\d left to object\s*$/);
          await expect(banner.getByRole('button', { name: 'Object', exact: true })).toBeVisible();
        });
      }
      // Screen readers are told once, assertively.
      await expect(flavio.locator('[aria-live="assertive"]').filter({ hasText: 'consensus call' })).toHaveText(
        `A consensus call is open: ${question}`,
      );

      await expect(roomCall.getByText(question, { exact: true })).toBeVisible();
      await expect(display.getByTestId('room-consensus-countdown')).toHaveText(/^\s*1:[0-3]\d to object\s*$/);
      await expect(display.getByTestId('room-consensus-objections')).toHaveText(/^\s*0\s*objections\s*$/);
    });

    await test.step('the room display keeps the item and the timer clear: the call sits in the right column', async () => {
      const item = display.getByRole('region', { name: 'Agenda item', exact: true });
      await expect(item).toContainText(`1 ${ITEM}`);
      await expect(display.getByRole('region', { name: 'Has the floor', exact: true })).toBeVisible();
      const itemBox = (await item.boundingBox())!;
      const callBox = (await roomCall.boundingBox())!;
      expect(callBox.x, 'the call starts right of the item').toBeGreaterThanOrEqual(itemBox.x + itemBox.width);
      await expect(display.getByRole('heading', { name: 'Next speakers', exact: true })).toBeVisible();
    });

    await test.step(`${MARY} objects with a reason; the chair and the room see it arrive`, async () => {
      const banner = mary.getByRole('region', { name: 'Consensus call', exact: true });
      await banner.getByLabel('Reason (optional)', { exact: true }).fill(CALL_REASON);
      await banner.getByRole('button', { name: 'Object', exact: true }).click();
      await expect(banner.getByText(`You objected: “${CALL_REASON}”.`, { exact: true })).toBeVisible();
      await expect(banner.getByRole('button', { name: 'Withdraw my objection', exact: true })).toBeFocused();

      const panel = chair.getByRole('region', { name: 'Consensus call', exact: true });
      await expect(panel.getByRole('list', { name: 'Objections (1)', exact: true }).getByRole('listitem')).toHaveText([
        new RegExp(`^\\s*${escapeRegExp(MARY)}\\s*“${escapeRegExp(CALL_REASON)}”\\s*$`),
      ]);
      await expect(display.getByTestId('room-consensus-objections')).toHaveText(/^\s*1\s*objection\s*$/);
      await expect(flavio.getByRole('region', { name: 'Consensus call', exact: true })).toContainText('1 objection so far');
    });

    const outcome = `Objections from ${MARY} (${CALL_REASON})`;

    await test.step('the chair closes the call: the outcome on the display, the members’ screens and the console', async () => {
      await chair
        .getByRole('region', { name: 'Consensus call', exact: true })
        .getByRole('button', { name: 'Close the call', exact: true })
        .click();
      await expect(display.getByTestId('room-consensus-outcome')).toHaveText(outcome);
      await expect(roomCall.getByText(question, { exact: true })).toBeVisible();
      await expect(display.getByTestId('room-consensus-countdown')).toHaveCount(0);
      for (const member of members) {
        await expect(member.page.getByTestId('consensus-outcome')).toHaveText(outcome);
        await expect(member.page.getByTestId('consensus-banner').getByRole('button', { name: 'Object', exact: true })).toHaveCount(0);
      }
      await expect(chair.getByTestId('earlier-call')).toHaveText([
        new RegExp(`^\\s*${escapeRegExp(question)}\\s*${escapeRegExp(outcome)}\\s*$`),
      ]);
      await expect(chair.getByRole('form', { name: 'Open a consensus call', exact: true })).toBeVisible();
    });

    await test.step('a participant posts in the chat; the secretariat flags it for the minutes', async () => {
      await openChairTab(secretariat, 'Chat');
      const chat = phone.getByRole('region', { name: 'Chat', exact: true });
      await chat.getByLabel('Message', { exact: true }).fill(CHAT_LINE);
      await chat.getByRole('button', { name: 'Send', exact: true }).click();
      await expect(chat.getByLabel('Message', { exact: true })).toHaveValue('');
      const mine = chat.getByTestId('chat-message').filter({ hasText: CHAT_LINE });
      await expect(mine).toContainText(`${IN_ROOM} (you)`);

      // Plain text with the address as a link, opened safely in a new tab.
      const link = flavio
        .getByRole('region', { name: 'Chat', exact: true })
        .getByRole('link', { name: 'https://www.intgovforum.org/bpf', exact: true });
      await expect(link).toHaveAttribute('href', 'https://www.intgovforum.org/bpf');
      await expect(link).toHaveAttribute('rel', 'noopener noreferrer nofollow');
      await expect(link).toHaveAttribute('target', '_blank');

      const line = secretariat
        .getByRole('region', { name: 'Chat', exact: true })
        .getByTestId('chat-message')
        .filter({ hasText: CHAT_LINE });
      await line.getByRole('button', { name: /^Flag for the minutes/ }).click();
      await expect(line.getByText('For the minutes', { exact: true })).toBeVisible();
      await expect(line).toContainText(`flagged by ${SECRETARIAT}`);
      await expect(line.getByRole('button', { name: /^Remove the flag/ })).toBeVisible();
      await openChairTab(chair, 'Chat');
      for (const page of [chair, flavio, mary, phone]) {
        await expect(
          page
            .getByRole('region', { name: 'Chat', exact: true })
            .getByTestId('chat-message')
            .filter({ hasText: CHAT_LINE })
            .getByText('For the minutes', { exact: true }),
        ).toBeVisible();
      }
    });

    await test.step('a private message reaches the secretariat, not the other members', async () => {
      const chat = flavio.getByRole('region', { name: 'Chat', exact: true });
      await chat.getByLabel('Message', { exact: true }).fill('Can I present the BPF report next week?');
      await chat.getByRole('checkbox', { name: 'Send privately to the secretariat', exact: true }).check();
      await chat.getByRole('button', { name: 'Send privately', exact: true }).click();
      await expect(chat.getByTestId('chat-message').filter({ hasText: 'present the BPF report' })).toContainText(
        'Private to the secretariat',
      );
      const received = secretariat
        .getByRole('region', { name: 'Chat', exact: true })
        .getByTestId('chat-message')
        .filter({ hasText: 'present the BPF report' });
      await expect(received).toContainText('Private to the secretariat');
      await expect(received).toContainText(FLAVIO);
      // The others had the public line long ago; the private one never arrives.
      await expect(mary.getByRole('region', { name: 'Chat', exact: true }).getByTestId('chat-message')).toHaveCount(1);
      await expect(phone.getByRole('region', { name: 'Chat', exact: true }).getByTestId('chat-message')).toHaveCount(1);
    });

    await test.step('the secretariat downloads the chat, the private message with it', async () => {
      const chat = secretariat.getByRole('region', { name: 'Chat', exact: true });
      for (const [name, format] of [
        ['Download chat (CSV)', 'csv'],
        ['Download chat (text)', 'txt'],
      ] as const) {
        const downloading = secretariat.waitForEvent('download');
        await chat.getByRole('link', { name, exact: true }).click();
        const file = await downloading;
        expect(file.suggestedFilename()).toMatch(new RegExp(`^chat-.+\\.${format}$`));
        const text = await readFile(await file.path(), 'utf8');
        expect(text).toContain(CHAT_LINE);
        expect(text).toContain('present the BPF report');
      }
    });

    await test.step('the secretariat mutes the person in the room in the chat, then unmutes them', async () => {
      const chat = secretariat.getByRole('region', { name: 'Chat', exact: true });
      await chat
        .getByTestId('chat-message')
        .filter({ hasText: CHAT_LINE })
        .getByRole('button', { name: `Mute ${IN_ROOM} in the chat`, exact: true })
        .click();
      const phoneChat = phone.getByRole('region', { name: 'Chat', exact: true });
      await expect(phoneChat.getByTestId('chat-muted')).toHaveText(
        'The secretariat has muted you in the chat: you can read it, but not post.',
      );
      await expect(phoneChat.getByLabel('Message', { exact: true })).toBeDisabled();
      await chat
        .getByRole('list', { name: 'Muted in the chat', exact: true })
        .getByRole('button', { name: `Unmute ${IN_ROOM}`, exact: true })
        .click();
      await expect(phoneChat.getByTestId('chat-muted')).toHaveCount(0);
      await expect(phoneChat.getByLabel('Message', { exact: true })).toBeEnabled();
    });

    await test.step('the chair gives the floor and tags the speech with the position it expressed', async () => {
      const give = chair.getByRole('form', { name: 'Give the floor to someone not queued', exact: true });
      await give.getByLabel('Person', { exact: true }).selectOption({ label: FLAVIO });
      await give.getByRole('button', { name: 'Give them the floor', exact: true }).click();
      await openChairTab(chair, 'Positions');
      const panel = chair.getByRole('region', { name: 'Proposals and positions', exact: true });
      const speech = panel.getByTestId('speech').filter({ hasText: FLAVIO });
      await expect(speech).toContainText('Speaking now');
      await speech
        .getByRole('button', { name: new RegExp(`^Tag position expressed by ${escapeRegExp(FLAVIO)} at \\d\\d:\\d\\d$`) })
        .click();
      const form = panel.getByRole('form', { name: `Tag the position expressed by ${FLAVIO}`, exact: true });
      await expect(form.getByLabel('On', { exact: true })).toBeFocused();
      await form.getByLabel('On', { exact: true }).selectOption({ label: `Item 1: ${ITEM}` });
      await form.getByRole('button', { name: 'Record', exact: true }).click();
      await expect(speech).toContainText(`Tagged: Support on item 1`);
      const item = panel.getByRole('region', { name: `Item 1: ${ITEM}`, exact: true });
      await expect(item.getByRole('list', { name: 'Support on item 1', exact: true }).getByRole('listitem')).toHaveText([
        chairEntry(FLAVIO, { by: CHAIR, fromSpeech: true }),
      ]);
      // The speaker sees it as their own position, recorded for them.
      const own = flavio
        .getByTestId('positions-panel')
        .getByRole('region', { name: `Item 1: ${ITEM}`, exact: true })
        .getByTestId('own-position');
      await expect(own).toHaveText(`Your position: Support (recorded for you by ${CHAIR})`);
    });

    await test.step('the chair records a decision and an action item, and removes the action item', async () => {
      await openChairTab(chair, 'Decisions and actions');
      const panel = chair.getByRole('region', { name: 'Decisions and actions', exact: true });
      const decision = panel.getByRole('form', { name: 'Record a decision', exact: true });
      await decision.getByLabel('On', { exact: true }).selectOption({ label: `Proposal: ${PROPOSALS.gender}` });
      await decision.getByLabel('Decision', { exact: true }).selectOption({ label: 'Deferred to the mailing list' });
      await decision.getByLabel('Text (optional)', { exact: true }).fill('Discussed on the MAG list until 30 May.');
      await decision.getByRole('button', { name: 'Record the decision', exact: true }).click();
      await expect(panel.getByTestId('decision')).toHaveText([
        new RegExp(
          `^\\s*Deferred to the mailing list\\s*Proposal: ${escapeRegExp(PROPOSALS.gender)}\\s*Discussed on the MAG list until 30 May\\.\\s*recorded by ${escapeRegExp(CHAIR)}\\s*Remove`,
        ),
      ]);

      const action = panel.getByRole('form', { name: 'Add an action item', exact: true });
      await action.getByLabel('What', { exact: true }).fill('Circulate the revised proposal');
      await action.getByLabel('Who', { exact: true }).fill(SECRETARIAT);
      await action.getByLabel('By when (optional)', { exact: true }).fill('2017-05-30');
      await action.getByRole('button', { name: 'Add the action item', exact: true }).click();
      const item = panel.getByTestId('action-item');
      await expect(item).toHaveCount(1);
      await expect(item).toContainText(`Circulate the revised proposal — ${SECRETARIAT} by`);
      await expect(item.locator('time[datetime="2017-05-30"]')).toBeVisible();
      await item.getByRole('button', { name: 'Remove the action item “Circulate the revised proposal”', exact: true }).click();
      await expect(item).toHaveCount(0);
      await expect(panel.getByRole('heading', { name: 'Action items of item 1', exact: true })).toBeFocused();
    });

    await test.step(`${MARY} withdraws her objection to a proposal; the console follows`, async () => {
      await openChairTab(chair, 'Positions');
      const gender = participantTarget(mary, PROPOSALS.gender);
      await gender.getByRole('button', { name: `Withdraw my position on ${PROPOSALS.gender}`, exact: true }).click();
      await expect(gender.getByRole('button', { name: 'Support', exact: true })).toBeFocused();
      const inConsole = chairTarget(chair, PROPOSALS.gender);
      await expect(inConsole.getByTestId('count-objection')).toHaveText('0');
      await expect(inConsole.getByRole('list', { name: `Objections on ${PROPOSALS.gender}`, exact: true })).toHaveCount(0);
    });

    await test.step('the chair marks the item done: positions stay in view, disabled, with a note (P4)', async () => {
      await openChairTab(chair, 'Agenda');
      await chair.getByRole('button', { name: 'Mark item 1 done', exact: true }).click();
      for (const member of members) {
        const panel = member.page.getByTestId('positions-panel');
        await expect(panel.getByText('Item 1 is done: positions on it can no longer be changed.', { exact: true })).toBeVisible();
        await expect(
          participantTarget(member.page, PROPOSALS.local).getByRole('button', { name: `Comment on ${PROPOSALS.local}`, exact: true }),
        ).toBeDisabled();
      }
      await expect(
        participantTarget(phone, PROPOSALS.local).getByRole('button', { name: `Withdraw my position on ${PROPOSALS.local}`, exact: true }),
      ).toBeDisabled();
      await expect(participantTarget(mary, PROPOSALS.local).getByRole('button', { name: 'Object', exact: true })).toBeDisabled();
      await expect(participantTarget(phone, PROPOSALS.local).getByTestId('own-position')).toHaveText('Your position: Support');
    });

    await test.step('the phone in the room shows it all without scrolling sideways', async () => {
      await expectNoHorizontalScroll(phone);
    });

    for (const page of [chair, secretariat, flavio, mary, phone, display]) await page.context().close();
  });
});
