/**
 * What the live-meeting integration suites set up alike: a test server on one database driver
 * with the first secretariat account signed in, before the suite's tests; and, after them,
 * every live client, live meeting and raw socket the suite opened closed, then the server.
 *
 * Call it at the top of a `describe` (it registers the suite's beforeAll and afterAll); read
 * `server` and `secretariat` inside hooks and tests, once the server has started.
 */
import { afterAll, beforeAll } from 'vitest';
import { io } from 'socket.io-client';
import type { MeetingSocketClient } from '../../shared/sync/socket-io-adapter.ts';
import type { MeetingState } from '../../shared/meeting/types.ts';
import { startTestServer, type DriverName, type TestServer } from './test-server.ts';
import type { HttpClient } from './http-client.ts';
import { signInFirstSecretariat } from './meeting-fixtures.ts';
import type { LiveClient } from './live-client.ts';
import { setUpLiveMeeting, type LiveMeeting, type LiveMeetingOptions } from './live-meeting-setup.ts';

export interface LiveSuite {
  readonly server: TestServer;
  /** The first secretariat account, signed in. */
  readonly secretariat: HttpClient;
  /** A live meeting through the real API (setUpLiveMeeting); its clients are closed after the suite. */
  meeting(memberCount: number, options?: LiveMeetingOptions): Promise<LiveMeeting>;
  /**
   * One live meeting for all the suite's tests, set up before them, its first item running if
   * asked: call it next to liveSuite; its properties are there once the suite's hooks have run.
   */
  suiteMeeting(memberCount: number, options?: LiveMeetingOptions & { startFirstItem?: boolean }): LiveMeeting;
  /** Live clients the suite connected itself, to be closed after it. */
  closeAfter(...clients: LiveClient[]): void;
  /** A bare socket.io connection with the secretariat's session, not in any meeting yet. */
  secretariatSocket(): Promise<MeetingSocketClient>;
  /** The meeting's state as the server holds it (the room must be loaded). */
  serverState(meetingId: string): MeetingState;
}

export function liveSuite(driver: DriverName): LiveSuite {
  let server: TestServer | undefined;
  let secretariat: HttpClient | undefined;
  const clients: LiveClient[] = [];
  const sockets: MeetingSocketClient[] = [];
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the test server has not started: read it inside a hook or a test');
    return value;
  };

  beforeAll(async () => {
    server = await startTestServer(driver);
    secretariat = await signInFirstSecretariat(server);
  });
  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    for (const client of clients) client.close();
    await server?.close();
  });

  const suite: LiveSuite = {
    get server() {
      return started(server);
    },
    get secretariat() {
      return started(secretariat);
    },
    async meeting(memberCount, options) {
      const meeting = await setUpLiveMeeting(suite.server, suite.secretariat, memberCount, options);
      clients.push(...meeting.all);
      return meeting;
    },
    suiteMeeting(memberCount, { startFirstItem = false, ...options } = {}) {
      const meeting = {} as LiveMeeting;
      beforeAll(async () => {
        Object.assign(meeting, await suite.meeting(memberCount, options));
        if (startFirstItem) await meeting.chair.command({ type: 'agenda.startItem', itemId: meeting.itemIds[0]! });
      });
      return meeting;
    },
    closeAfter(...opened) {
      clients.push(...opened);
    },
    async secretariatSocket() {
      const { baseUrl } = suite.server;
      const { origin, cookie } = suite.secretariat;
      const socket: MeetingSocketClient = io(baseUrl, {
        transports: ['websocket'],
        forceNew: true,
        reconnection: false,
        extraHeaders: { origin: origin ?? baseUrl, cookie: cookie ?? '' },
      });
      sockets.push(socket);
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', resolve);
        socket.once('connect_error', reject);
      });
      return socket;
    },
    serverState(meetingId) {
      return suite.server.app.ctx.rooms.loaded(meetingId)!.state;
    },
  };
  return suite;
}
