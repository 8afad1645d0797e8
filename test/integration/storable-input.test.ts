/**
 * Input the database cannot hold is refused where it comes in, with a clear message, and
 * nothing is stored: NUL characters and unpaired surrogates in any text, numbers beyond a
 * 4-byte integer where the database keeps one, and dates that are not on the calendar.
 */
import { describe, expect, it } from 'vitest';
import { DRIVERS } from '../support/test-server.ts';
import { liveSuite } from '../support/live-suite.ts';

/** Text PostgreSQL refuses: a NUL, a lone high surrogate, a lone low surrogate. */
const UNSTORABLE = ['before\u0000after', 'half \uD800 a pair', 'other half \uDC00'];
const TEXT_MESSAGE = /NUL characters or broken Unicode/;

describe.each(DRIVERS)('input the database cannot store on %s', (driver) => {
  const live = liveSuite(driver);
  const meeting = live.suiteMeeting(1, { startFirstItem: true });

  const serverState = () => live.serverState(meeting.meetingId);

  /** What the set-up pages show: the meetings, this meeting, its roster and agenda, its record versions. */
  async function stored() {
    const base = `/api/meetings/${meeting.meetingId}`;
    const [list, page, record] = await Promise.all([
      live.secretariat.get('/api/meetings'),
      live.secretariat.get(`${base}/page`),
      live.secretariat.get(`${base}/record`),
    ]);
    return { meetings: list.body, page: page.body, record: record.body };
  }

  it('refuses unstorable text in every HTTP body that takes text, and stores nothing', async () => {
    const before = await stored();
    const base = `/api/meetings/${meeting.meetingId}`;
    const details = { title: 'MAG', body: '', startsAtLocal: '2030-01-31T10:00', timeZone: 'UTC', plannedMinutes: 60 };
    const person = {
      name: 'Anriette Esterhuysen',
      affiliation: 'APC',
      email: '',
      stakeholderGroup: 'civil-society',
      region: 'africa',
      role: 'member',
    };
    const version = (await live.secretariat.post(`${base}/record/generate`, {})).body;
    const beforeWithVersion = await stored();
    expect(beforeWithVersion.record).not.toEqual(before.record);
    for (const text of UNSTORABLE) {
      const attempts: [string, string, unknown][] = [
        ['POST', '/api/meetings', { ...details, title: text }],
        ['POST', '/api/meetings', { ...details, body: text }],
        ['PATCH', base, { title: text }],
        ['POST', `${base}/roster`, { ...person, name: text }],
        ['POST', `${base}/roster`, { ...person, affiliation: text }],
        ['POST', `${base}/roster/import`, { csv: `name,stakeholder group,region,role\n${text},civil society,Africa,member` }],
        ['PUT', `${base}/agenda`, { text: `1 - ${text} (5 minutes)` }],
        ['POST', `${base}/record/versions`, { markdown: `# Record\n\n${text}`, basedOn: version.version ?? 1 }],
        ['POST', '/api/meetings/import', { format: 'equalfloor-meeting', formatVersion: 1, meeting: { title: text } }],
        ['POST', '/api/accounts', { name: text, email: 'someone@example.org', password: 'long enough password', staffRole: 'chair' }],
        ['POST', '/api/auth/login', { email: `${text}@example.org`, password: 'whatever it is' }],
      ];
      for (const [method, path, body] of attempts) {
        const answer = await live.secretariat.request(method, path, body);
        expect(answer.status, `${method} ${path} ${JSON.stringify(body).slice(0, 80)}: ${JSON.stringify(answer.body)}`).toBe(400);
        expect(answer.body.error).toMatch(TEXT_MESSAGE);
      }
    }
    expect(await stored()).toEqual(beforeWithVersion);
  });

  it('refuses unstorable text in every live command that takes text, and changes nothing', async () => {
    const before = structuredClone(serverState());
    const { chair } = meeting;
    const itemId = meeting.itemIds[0]!;
    for (const text of UNSTORABLE) {
      const commands = [
        { type: 'chat.post', text },
        { type: 'agenda.addProposal', itemId, title: text },
        { type: 'agenda.addItem', title: text, minutes: 5, afterItemId: null },
        { type: 'queue.raiseHand', note: text },
        { type: 'queue.addOnBehalf', participantId: null, name: text },
        { type: 'decision.record', itemId, proposalId: null, kind: 'agreed', text },
        { type: 'action.record', itemId, what: text, who: 'Secretariat', due: null },
        { type: 'position.record', itemId, proposalId: null, stance: 'comment', text },
        { type: 'meeting.changeSettings', captionNotice: text },
      ] as const;
      for (const command of commands) {
        const answer = await chair.replica.send(command);
        expect(answer, `${command.type}`).toMatchObject({ ok: false, code: 'invalid', error: expect.stringMatching(TEXT_MESSAGE) });
      }
      const caption = await chair.socket.emitWithAck('captions:typing', { meetingId: meeting.meetingId, text, final: true });
      expect(caption).toMatchObject({ ok: false, code: 'invalid' });
    }
    expect(serverState()).toEqual(before);
  });

  it('refuses numbers beyond what the database holds, and dates not on the calendar', async () => {
    const before = structuredClone(serverState());
    const storedBefore = await stored();
    const { chair, meetingId } = meeting;
    for (const beforeSeq of [2_147_483_648, 1e300]) {
      expect(await chair.socket.emitWithAck('captions:history', { meetingId, beforeSeq })).toMatchObject({ ok: false, code: 'invalid' });
      expect(await chair.socket.emitWithAck('meeting:sync', { meetingId, afterSeq: beforeSeq })).toMatchObject({
        ok: false,
        code: 'invalid',
      });
      const finalise = await live.secretariat.post(`/api/meetings/${meetingId}/record/finalise`, { version: beforeSeq });
      expect(finalise.status).toBe(400);
    }
    // 31 February and 30 February are refused, not moved to March.
    for (const due of ['2024-02-30', '2023-02-29', '2024-04-31']) {
      expect(await chair.replica.send({ type: 'action.record', itemId: null, what: 'Circulate', who: 'Secretariat', due })).toMatchObject({
        ok: false,
        code: 'invalid',
        error: expect.stringMatching(/calendar/),
      });
    }
    expect(
      await chair.replica.send({ type: 'action.record', itemId: null, what: 'Circulate', who: 'Secretariat', due: '2024-02-29' }),
    ).toMatchObject({ ok: true });
    const details = { title: 'MAG', body: '', timeZone: 'Europe/Zurich', plannedMinutes: 60 };
    for (const startsAtLocal of ['2030-02-31T10:00', '2030-04-31T10:00', '2030-01-01T24:00', '2029-02-29T09:00']) {
      const created = await live.secretariat.post('/api/meetings', { ...details, startsAtLocal });
      expect(created.status, startsAtLocal).toBe(400);
      expect(created.body.error).toMatch(/calendar/);
      const patched = await live.secretariat.patch(`/api/meetings/${meetingId}`, { startsAtLocal, timeZone: 'UTC' });
      expect(patched.status, startsAtLocal).toBe(400);
    }
    expect(await stored()).toEqual(storedBefore);
    expect(serverState().actionItems).toHaveLength(before.actionItems.length + 1);
  });
});
