/**
 * "Please speak slower" in three real browsers: the interpreter (Arabic channel) sends it from
 * their screen, the chair sees it with the channel's language and passes it on with one button,
 * and the speaker sees it on their own screen, without the interpreter's name. The meeting is set
 * up through the API and opened, started and given to the speaker through a real socket, as the
 * chair console would.
 */
import { expect, test } from '@playwright/test';
import { HttpClient } from '../support/http-client.ts';
import { connectLive, waitUntil } from '../support/live-client.ts';
import { newPage, serverForSuite, setUpMeeting } from './support.ts';

const ADMIN = { email: 'secretariat@example.org', password: 'correct horse battery staple' };
const CHAIR = 'Anriette Esterhuysen';
const SPEAKER = 'Sylvia Cadena';
const INTERPRETER = 'Amal Haddad';

test.describe('interpreters', () => {
  const server = serverForSuite({ ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password });

  test('an interpreter asks for a slower pace; the chair passes it to the speaker, who never learns who asked', async ({ browser }) => {
    const links = await setUpMeeting(server.baseUrl, {
      admin: ADMIN,
      meeting: { title: 'Interpreted session', body: '', startsAtLocal: '2021-03-24T13:00', timeZone: 'UTC', plannedMinutes: 60 },
      agendaText: '1 - Workshop evaluation process (20 minutes)',
      rosterCsv: [
        'name,stakeholder group,region,role,channel',
        `${CHAIR},civil society,Africa,chair,`,
        `${SPEAKER},technical community,Asia-Pacific,member,`,
        `${INTERPRETER},,,interpreter,Arabic`,
      ].join('\n'),
    });

    // The chair's socket opens the meeting, starts item 1 and gives the floor to the speaker, who raised a hand.
    const join = async (name: string) => {
      const http = new HttpClient(server.baseUrl);
      await http.post('/api/join', { token: new URL(links.person(name).joinUrl).pathname.split('/').pop() });
      const client = connectLive(server.baseUrl, http, links.meetingId);
      await waitUntil(() => client.replica.status.state === 'live', `${name} connected`);
      return client;
    };
    const chairSocket = await join(CHAIR);
    const speakerSocket = await join(SPEAKER);
    await chairSocket.command({ type: 'meeting.open' });
    await chairSocket.command({ type: 'agenda.startItem', itemId: chairSocket.replica.state!.agenda[0]!.id });
    await speakerSocket.command({ type: 'queue.raiseHand' });
    const itemId = chairSocket.replica.state!.currentItemId!;
    await chairSocket.command({ type: 'floor.give', entryId: chairSocket.replica.state!.queues[itemId]!.entries[0]!.id });

    const chair = await newPage(browser, { viewport: { width: 1366, height: 768 } });
    const speaker = await newPage(browser, { viewport: { width: 390, height: 844 } });
    const interpreter = await newPage(browser, { viewport: { width: 1366, height: 768 } });
    await chair.goto(links.person(CHAIR).joinUrl);
    await speaker.goto(links.person(SPEAKER).joinUrl);
    await interpreter.goto(links.person(INTERPRETER).joinUrl);

    // The interpreter's screen: the channel, the floor, no hand to raise.
    await expect(interpreter.getByRole('heading', { name: 'Interpretation', exact: true })).toBeVisible();
    await expect(interpreter.getByText('You interpret into Arabic.')).toBeVisible();
    await expect(interpreter.getByTestId('interpreter-floor')).toContainText(SPEAKER);
    await expect(interpreter.getByRole('button', { name: /ask for the floor/i })).toHaveCount(0);

    await interpreter.getByRole('button', { name: 'Please speak slower' }).click();
    await expect(interpreter.getByText(/Sent to the chair\. You can ask again in \d+ seconds?\./)).toBeVisible();
    await expect(interpreter.getByRole('button', { name: 'Please speak slower' })).toBeDisabled();

    const signal = chair.getByTestId('slow-down-signal');
    await expect(signal).toContainText('Slower, please: Arabic channel');
    await expect(signal).toContainText(`Sent by ${INTERPRETER}`);
    await expect(speaker.getByTestId('speak-slower')).toHaveCount(0);

    await signal.getByRole('button', { name: 'Ask the speaker to slow down' }).click();
    await expect(signal).toContainText('The speaker has been asked.');
    const notice = speaker.getByTestId('speak-slower');
    await expect(notice).toHaveText('The interpreters ask you to speak more slowly.');
    // The page lists who takes part (the interpreter among them); the notice never says who asked.
    await expect(notice).not.toContainText(INTERPRETER);

    await signal.getByRole('button', { name: 'Dismiss' }).click();
    await expect(signal).toHaveCount(0);
    await expect(notice).toHaveCount(0);
    chairSocket.close();
    speakerSocket.close();
  });
});
