/**
 * docs/roles.md, tried pair by pair against the real server: every socket command and event
 * and every HTTP route (each export format apart), for every role and for a chair account. The
 * tables are read from the document itself (written from shared/access/), so neither the
 * document nor the access table can drift from what the server does.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { HttpClient } from '../support/http-client.ts';
import { createMeeting, SECRETARIAT, signInFirstSecretariat } from '../support/meeting-fixtures.ts';
import { COMMAND_ROLES } from '../../shared/meeting/permissions.ts';
import { ROLE_COLUMNS } from '../../shared/access/table.ts';
import type { CommandInput, CommandType } from '../../shared/meeting/commands.ts';
import { PROTOCOL_VERSION } from '../../shared/protocol.ts';

const ROLES = ROLE_COLUMNS;
type Role = (typeof ROLES)[number];
const CHAIR_ACCOUNT = { name: 'Lynn St. Amour', email: 'chair@example.org', password: 'correct horse battery' };

/** Whether a verdict lets this role through: a chair account is on the roster (as chair), and the roster entry is what `roster` asks. */
const allowed = (role: Role, verdict: Verdict) => verdict === 'yes' || (role === 'chair account' && verdict === 'roster');
type Verdict = 'yes' | 'no' | 'setting' | 'shared' | 'roster' | 'own';

/** The rows of the table under a heading of docs/roles.md: name → verdict per role. */
function table(heading: string): Map<string, Record<Role, Verdict>> {
  const doc = readFileSync(new URL('../../docs/roles.md', import.meta.url), 'utf8');
  const section = doc.slice(doc.indexOf(`## ${heading}`)).split('\n## ')[0]!;
  const rows = new Map<string, Record<Role, Verdict>>();
  for (const line of section.split('\n')) {
    const match = /^\| `([^`]+)` \|(.*)\|$/.exec(line);
    if (!match) continue;
    const cells = match[2]!.split('|').map((cell) => cell.trim() as Verdict);
    rows.set(match[1]!, Object.fromEntries(ROLES.map((role, index) => [role, cells[index]!])) as Record<Role, Verdict>);
  }
  return rows;
}

const COMMANDS = table('Meeting commands');
const EVENTS = table('Other socket events');
const ROUTES = table('HTTP routes');

/** The routes open to anyone: route → what guards it. */
const OPEN_ROUTES = (() => {
  const doc = readFileSync(new URL('../../docs/roles.md', import.meta.url), 'utf8');
  const section = doc.slice(doc.indexOf('## Routes open to anyone')).split('\n## ')[0]!;
  return [...section.matchAll(/^\| `([^`]+)` \| ([^|]+) \|$/gm)].map((match) => ({ route: match[1]!, guard: match[2]!.trim() }));
})();

/** The credentials: what each one acts as, as the document says. */
const CREDENTIAL_ROWS = (() => {
  const doc = readFileSync(new URL('../../docs/roles.md', import.meta.url), 'utf8');
  const section = doc.slice(doc.indexOf('## Credentials')).split('\n## ')[0]!;
  const rows = [...section.matchAll(/^\| ([^|`]+) \| [^|]+ \| ([^|]+) \| [^|]+ \|$/gm)];
  return new Map(rows.filter((match) => match[1]!.trim() !== 'credential').map((match) => [match[1]!.trim(), match[2]!.trim()]));
})();

/** A schema-valid example of each command; ids that match nothing make allowed commands fail on the state, not the role. */
function example(type: CommandType, itemId: string, participantId: string): CommandInput {
  const examples: Record<CommandType, CommandInput> = {
    'meeting.open': { type: 'meeting.open' },
    'meeting.end': { type: 'meeting.end' },
    'meeting.changeSettings': { type: 'meeting.changeSettings', firstTimeSpeakersFirst: false },
    'participant.setLocation': { type: 'participant.setLocation', participantId, location: 'remote' },
    'agenda.startItem': { type: 'agenda.startItem', itemId: 'a-none' },
    'agenda.markItem': { type: 'agenda.markItem', itemId: 'a-none', status: 'done' },
    'agenda.addItem': { type: 'agenda.addItem', title: 'AOB', minutes: 5, afterItemId: 'a-none' },
    'agenda.addPresentation': {
      type: 'agenda.addPresentation',
      itemId: 'a-none',
      presenterId: null,
      presenterName: 'X',
      title: 'T',
      minutes: 4,
    },
    'agenda.addProposal': { type: 'agenda.addProposal', itemId: 'a-none', title: 'P' },
    'queue.raiseHand': { type: 'queue.raiseHand', kind: 'point-of-order' },
    'queue.addOnBehalf': { type: 'queue.addOnBehalf', participantId: 'r-none' },
    'queue.editNote': { type: 'queue.editNote', entryId: 'q-none', note: 'n' },
    'queue.moveDown': { type: 'queue.moveDown', entryId: 'q-none' },
    'queue.move': { type: 'queue.move', entryId: 'q-none', toIndex: 0 },
    'queue.withdraw': { type: 'queue.withdraw', entryId: 'q-none' },
    'queue.close': { type: 'queue.close' },
    'queue.reopen': { type: 'queue.reopen' },
    'queue.clear': { type: 'queue.clear' },
    'floor.give': { type: 'floor.give', entryId: 'q-none' },
    'floor.giveTo': { type: 'floor.giveTo', participantId: 'r-none' },
    'floor.startPresentation': { type: 'floor.startPresentation', presentationId: 'p-none' },
    'floor.end': { type: 'floor.end', speechId: 's-none' },
    'timer.pause': { type: 'timer.pause', speechId: 's-none' },
    'timer.resume': { type: 'timer.resume', speechId: 's-none' },
    'timer.extend': { type: 'timer.extend', speechId: 's-none', seconds: 60 },
    'timer.setDuration': { type: 'timer.setDuration', speechId: 's-none', seconds: 60 },
    'position.record': { type: 'position.record', itemId, proposalId: 'pr-none', stance: 'support' },
    'position.withdraw': { type: 'position.withdraw', itemId, proposalId: 'pr-none' },
    'consensus.open': { type: 'consensus.open', itemId: 'a-none', proposalId: null },
    'consensus.object': { type: 'consensus.object', callId: 'c-none' },
    'consensus.withdrawObjection': { type: 'consensus.withdrawObjection', callId: 'c-none' },
    'consensus.close': { type: 'consensus.close', callId: 'c-none' },
    'decision.record': { type: 'decision.record', itemId: 'a-none', proposalId: null, kind: 'agreed' },
    'decision.remove': { type: 'decision.remove', decisionId: 'd-none' },
    'action.record': { type: 'action.record', itemId: 'a-none', what: 'w', who: 'x', due: null },
    'action.remove': { type: 'action.remove', actionId: 'ai-none' },
    'chat.post': { type: 'chat.post', text: 'Hello' },
    'chat.flag': { type: 'chat.flag', messageId: 'msg-none', flagged: true },
    'chat.mute': { type: 'chat.mute', participantId: 'r-none', muted: true },
    'queue.setLanguage': { type: 'queue.setLanguage', entryId: 'q-none', language: 'fr' },
    'floor.setLanguage': { type: 'floor.setLanguage', speechId: 's-none', language: 'fr' },
    'interpretation.askSlower': { type: 'interpretation.askSlower' },
    'interpretation.passSlower': { type: 'interpretation.passSlower', signalId: 'sl-none' },
    'interpretation.dismissSlower': { type: 'interpretation.dismissSlower', signalId: 'sl-none' },
  };
  return examples[type];
}

describe('docs/roles.md against the real server', () => {
  let server: TestServer;
  let meetingId: string;
  let itemId: string;
  const browsers = {} as Record<Role, HttpClient>;
  const sockets = {} as Record<Role, Socket | undefined>;
  const participantIds = {} as Record<Role, string>;

  beforeAll(async () => {
    server = await startTestServer('pglite');
    browsers.secretariat = await signInFirstSecretariat(server);
    meetingId = await createMeeting(browsers.secretariat, 'Roles');
    await browsers.secretariat.post('/api/accounts', { ...CHAIR_ACCOUNT, staffRole: 'chair' });
    await browsers.secretariat.put(`/api/meetings/${meetingId}/agenda`, { text: '1 - Adoption of agenda (5 minutes)' });
    const csv = [
      'name,email,stakeholder group,region,role,channel',
      ...['chair', 'co-chair', 'member', 'observer', 'captioner', 'interpreter'].map(
        (role) => `The ${role},,civil society,Africa,${role},ar`,
      ),
      `${CHAIR_ACCOUNT.name},${CHAIR_ACCOUNT.email},government,WEOG,chair`,
    ].join('\n');
    const setup = (await browsers.secretariat.post(`/api/meetings/${meetingId}/roster/import`, { csv })).body.roster as {
      role: Role;
      email: string;
      joinUrl: string;
      id: string;
    }[];
    browsers['chair account'] = new HttpClient(server.baseUrl);
    const login = await browsers['chair account'].post('/api/auth/login', { email: CHAIR_ACCOUNT.email, password: CHAIR_ACCOUNT.password });
    expect(login.status).toBe(200);
    for (const entry of setup) {
      if (entry.email === CHAIR_ACCOUNT.email) {
        participantIds['chair account'] = entry.id;
        continue;
      }
      browsers[entry.role] = new HttpClient(server.baseUrl);
      await browsers[entry.role].post('/api/join', { token: new URL(entry.joinUrl).pathname.split('/').pop() });
      participantIds[entry.role] = entry.id;
    }
    const displayUrl = (await browsers.secretariat.get(`/api/meetings/${meetingId}`)).body.displayUrl as string;
    browsers.display = new HttpClient(server.baseUrl);
    await browsers.display.post('/api/display', { token: new URL(displayUrl).pathname.split('/').pop() });
    browsers.anonymous = new HttpClient(server.baseUrl);
    // Captioning software holds the caption URL's token and no session.
    const captionUrl = (await browsers.secretariat.post(`/api/meetings/${meetingId}/caption-token`, {})).body.captionUrl as string;
    const captionToken = new URL(captionUrl).searchParams.get('token')!;
    browsers['caption token'] = new HttpClient(server.baseUrl);
    participantIds.secretariat = participantIds.display = participantIds.anonymous = participantIds['caption token'] = 'r-none';

    for (const role of ROLES) {
      const socket = io(server.baseUrl, {
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
        extraHeaders: { origin: server.baseUrl, ...(browsers[role].cookie ? { cookie: browsers[role].cookie } : {}) },
        ...(role === 'caption token' ? { auth: { meetingId, captionToken } } : {}),
      });
      const connected = await new Promise<boolean>((resolve) => {
        socket.once('connect', () => resolve(true));
        socket.once('connect_error', () => resolve(false));
      });
      sockets[role] = connected ? socket : undefined;
      if (!connected) socket.close();
      else if (role !== 'caption token') await socket.emitWithAck('meeting:enter', { meetingId, protocolVersion: PROTOCOL_VERSION });
    }
    await sockets.chair!.emitWithAck('meeting:command', { meetingId, commandId: 'open-00000001', command: { type: 'meeting.open' } });
    const state = await sockets.chair!.emitWithAck('meeting:sync', { meetingId, afterSeq: 0 });
    itemId = state.ok && state.sync.kind === 'snapshot' ? state.sync.state.agenda[0]!.id : '';
    await sockets.chair!.emitWithAck('meeting:command', {
      meetingId,
      commandId: 'start-0000001',
      command: { type: 'agenda.startItem', itemId },
    });
  });
  afterAll(async () => {
    for (const socket of Object.values(sockets)) socket?.close();
    await server?.close();
  });

  it('lists every meeting command, and agrees with the role table in the code', () => {
    expect([...COMMANDS.keys()].sort()).toEqual(Object.keys(COMMAND_ROLES).sort());
    for (const [type, verdicts] of COMMANDS) {
      for (const role of ROLES) {
        // A chair account acts with its roster entry's role: here, chair. The caption token sends no commands.
        if (role === 'caption token') {
          expect(verdicts[role], `${type} for ${role}`).toBe('no');
          continue;
        }
        const asRole = role === 'chair account' ? 'chair' : role;
        expect(verdicts[role] !== 'no', `${type} for ${role}`).toBe(
          (COMMAND_ROLES[type as CommandType] as readonly string[]).includes(asRole),
        );
      }
    }
  });

  // Ending the meeting goes last: an allowed end would refuse everything after it.
  const commandPairs = [...COMMANDS.entries()]
    .sort(([a], [b]) => Number(a === 'meeting.end') - Number(b === 'meeting.end'))
    .flatMap(([type, verdicts]) => ROLES.map((role) => ({ type, role, verdict: verdicts[role] })));
  it.each(commandPairs)('$type for $role: $verdict', async ({ type, role, verdict }) => {
    const socket = sockets[role];
    if (!socket) {
      expect(verdict).toBe('no');
      return;
    }
    const answer = await socket.emitWithAck('meeting:command', {
      meetingId,
      commandId: `${role}-${type}`.replace(/[^A-Za-z0-9_-]/g, '-').slice(0, 60),
      command: example(type as CommandType, itemId, participantIds[role]),
    });
    const forbidden = !answer.ok && answer.code === 'forbidden';
    expect(forbidden, JSON.stringify(answer)).toBe(!allowed(role, verdict));
  });

  const eventPairs = [...EVENTS.entries()].flatMap(([event, verdicts]) => ROLES.map((role) => ({ event, role, verdict: verdicts[role] })));
  it.each(eventPairs)('$event for $role: $verdict', async ({ event, role, verdict }) => {
    const socket = sockets[role];
    if (!socket) {
      expect(verdict).toBe('no');
      return;
    }
    const payloads: Record<string, object> = {
      'meeting:enter': { meetingId, protocolVersion: PROTOCOL_VERSION },
      'meeting:sync': { meetingId, afterSeq: 0 },
      'captions:history': { meetingId },
      'captions:typing': { meetingId, text: 'Good morning', final: false },
      'captions:speaker': { meetingId, speakerId: null, speakerName: null },
      'captions:stream': { meetingId, text: 'Good morning ', final: false },
      'captions:unfollow': { meetingId, channel: 'en' },
      'captions:channel': { meetingId, channel: 'floor' },
    };
    const answer = await socket.emitWithAck(event as never, payloads[event] as never);
    expect((answer as { ok: boolean }).ok, JSON.stringify(answer)).toBe(allowed(role, verdict));
  });

  const routePairs = [...ROUTES.entries()].flatMap(([route, verdicts]) => ROLES.map((role) => ({ route, role, verdict: verdicts[role] })));
  it.each(routePairs)('$route for $role: $verdict', async ({ route, role, verdict }) => {
    const [method, template] = route.split(' ') as [string, string];
    const path = template
      .replace(':meetingId', meetingId)
      .replace(':entryId', 'r-none')
      .replace(':targetId', 'q-none')
      .replace(':version', '1')
      .replace(':correctionId', 'c-none');
    const bodies: Record<string, unknown> = {
      'POST /api/accounts': { name: 'X', email: 'not-an-email', password: 'x', staffRole: 'chair' },
      'POST /api/meetings': { title: '' },
      'POST /api/meetings/import': { format: 'none' },
      'PATCH /api/meetings/:meetingId': { plannedMinutes: -1 },
      'DELETE /api/meetings/:meetingId': { confirmTitle: 'not the title' },
      'POST /api/meetings/:meetingId/roster': { name: '' },
      'POST /api/meetings/:meetingId/roster/import': { csv: 'name\n' },
      'PATCH /api/meetings/:meetingId/roster/:entryId': { name: 'X' },
      'PUT /api/meetings/:meetingId/agenda': { text: '' },
      'PUT /api/meetings/:meetingId/observer-link': { enabled: 'maybe' },
      'POST /api/meetings/:meetingId/caption-token': { keepOld: true },
      'POST /api/meetings/:meetingId/display-token': { keepOld: true },
      'POST /api/meetings/:meetingId/record/versions': { markdown: '', basedOn: 1 },
      'POST /api/meetings/:meetingId/record/finalise': { version: 999 },
      'PUT /api/meetings/:meetingId/record/sharing': { sharing: 'everyone' },
      'POST /api/meetings/:meetingId/record/generate': {},
      'PUT /api/meetings/:meetingId/record/circulation': { version: 0, until: 'soon' },
      'POST /api/meetings/:meetingId/record/corrections': { paragraph: 0, text: '' },
      'POST /api/meetings/:meetingId/record/corrections/:correctionId/decline': { reason: '' },
      'POST /api/meetings/:meetingId/record/approve': { version: 0 },
      'PUT /api/meetings/:meetingId/agenda/:itemId/approves': { meetingId: 5 },
      'DELETE /api/meetings/:meetingId/roster/:entryId/link': undefined,
      'POST /api/meetings/:meetingId/roster/:entryId/link': {},
    };
    const answer = await browsers[role].request(method, path, bodies[route]);
    // Refused: not signed in, not allowed, or the meeting is not theirs to see.
    const refused =
      answer.status === 401 || answer.status === 403 || (answer.status === 404 && /^Meeting not found/.test(answer.body?.error ?? ''));
    expect(refused, `${answer.status} ${JSON.stringify(answer.body ?? '').slice(0, 200)}`).toBe(verdict === 'no' || verdict === 'shared');
  });

  // `roster`: a chair account enters no meeting it is not on the roster of, whatever it may do in its own.
  const rosterRoutes = [...ROUTES.entries()].filter(([, verdicts]) => verdicts['chair account'] === 'roster').map(([route]) => route);
  it.each(rosterRoutes)('%s for a chair account not on the roster: Meeting not found', async (route) => {
    const elsewhere = await createMeeting(browsers.secretariat, 'Elsewhere');
    const [method, template] = route.split(' ') as [string, string];
    const path = template.replace(':meetingId', elsewhere).replace(':targetId', 'q-none').replace(':version', '1');
    const answer = await browsers['chair account'].request(method, path, method === 'GET' ? undefined : {});
    expect(answer.status).toBe(404);
    expect(answer.body.error).toBe('Meeting not found.');
  });

  // Each credential of the last table, signed in with in a meeting of its own: it acts as the columns it names.
  const signInWith: Record<string, (meeting: string) => Promise<string[]>> = {
    'personal join link': async (meeting) => {
      const roster = await rosterOf(meeting);
      return Promise.all(
        roster.map(async (entry) => roleAfter('POST', '/api/join', { token: new URL(entry.joinUrl!).pathname.split('/').pop() })),
      );
    },
    'room code and personal code': async (meeting) => {
      const roomUrl = (await browsers.secretariat.get(`/api/meetings/${meeting}`)).body.roomUrl as string;
      const roomCode = new URL(roomUrl).pathname.split('/').pop();
      const roster = await rosterOf(meeting);
      return Promise.all(roster.map(async (entry) => roleAfter('POST', '/api/room', { roomCode, personalCode: entry.personalCode })));
    },
    'public observer link': async (meeting) => {
      const setup = await browsers.secretariat.put(`/api/meetings/${meeting}/observer-link`, { enabled: true });
      const token = new URL(setup.body.observerUrl as string).pathname.split('/').pop();
      return [await roleAfter('POST', '/api/observe', { token, name: 'A visitor', stakeholderGroup: null, region: null })];
    },
    'room display link': async (meeting) => {
      const displayUrl = (await browsers.secretariat.get(`/api/meetings/${meeting}`)).body.displayUrl as string;
      return [await roleAfter('POST', '/api/display', { token: new URL(displayUrl).pathname.split('/').pop() })];
    },
    'caption token (the caption URL for captioning software)': async (meeting) => {
      const captionUrl = (await browsers.secretariat.post(`/api/meetings/${meeting}/caption-token`, {})).body.captionUrl as string;
      const post = await new HttpClient(server.baseUrl).request(
        'POST',
        `${new URL(captionUrl).pathname}${new URL(captionUrl).search}&seq=1`,
        undefined,
      );
      const me = await new HttpClient(server.baseUrl).get('/api/me');
      // It writes captions without a session: nothing signs in.
      return post.status < 300 && me.body.kind === 'anonymous' ? ['caption token'] : [`${post.status}`];
    },
    'secretariat account password': async () => [
      await roleAfter('POST', '/api/auth/login', { email: SECRETARIAT.email, password: SECRETARIAT.password }),
    ],
    'chair account password': async () => [
      await roleAfter('POST', '/api/auth/login', { email: CHAIR_ACCOUNT.email, password: CHAIR_ACCOUNT.password }),
    ],
  };
  async function rosterOf(meeting: string) {
    const roles = ['chair', 'co-chair', 'member', 'observer', 'captioner', 'interpreter'];
    const csv = ['name,role,channel', ...roles.map((role) => `A ${role},${role},French`)].join('\n');
    await browsers.secretariat.post(`/api/meetings/${meeting}/roster/import`, { csv });
    return (await browsers.secretariat.get(`/api/meetings/${meeting}`)).body.roster as {
      joinUrl: string | null;
      personalCode: string | null;
    }[];
  }
  /** The column a fresh browser acts as after one sign-in request. */
  async function roleAfter(method: string, path: string, body: unknown): Promise<string> {
    const browser = new HttpClient(server.baseUrl);
    const answer = await browser.request(method, path, body);
    if (answer.status !== 200) return `${answer.status} ${JSON.stringify(answer.body)}`;
    const me = (await browser.get('/api/me')).body as { kind: string; role?: string; user?: { staffRole: string } };
    if (me.kind === 'staff') return me.user!.staffRole === 'chair' ? 'chair account' : 'secretariat';
    return me.role ?? me.kind;
  }
  it('names every credential the server takes', () => {
    expect([...CREDENTIAL_ROWS.keys()].sort()).toEqual(Object.keys(signInWith).sort());
  });
  it.each([...CREDENTIAL_ROWS.entries()].map(([credential, actsAs]) => ({ credential, actsAs })))(
    '$credential acts as $actsAs',
    async ({ credential, actsAs }) => {
      const meeting = await createMeeting(browsers.secretariat, `Signed in with ${credential}`);
      expect((await signInWith[credential]!(meeting)).sort()).toEqual(actsAs.split(', ').sort());
    },
  );

  it.each(OPEN_ROUTES)('$route needs no session (guarded by $guard)', async ({ route }) => {
    const [method, template] = route.split(' ') as [string, string];
    const path = template.replace(':meetingId', meetingId).replace(':roomCode', 'ZZZZZZ').replace(':token', 'not-a-token');
    const answer = await browsers.anonymous.request(method, path, method === 'GET' ? undefined : {});
    expect(answer.status, JSON.stringify(answer.body)).toBeLessThan(500);
    expect(answer.body?.error ?? '', route).not.toBe('Please sign in.');
  });
});
