/**
 * Two (or more) server processes on one PostgreSQL database behind a TCP balancer, and a
 * meeting on them: what the scale-out tests start from.
 */
import { createScratchDatabase, freePort } from './test-server.ts';
import { startServerProcess, type ServerProcess } from './server-process.ts';
import { startBalancer, type Balancer } from './tcp-balancer.ts';
import { HttpClient } from './http-client.ts';
import { createMeeting } from './meeting-fixtures.ts';

export const ADMIN = { email: 'admin@example.org', password: 'admin password 123' };

export interface RosterRow {
  id: string;
  name: string;
  joinUrl: string;
}

export interface TwoProcesses {
  publicUrl: string;
  ports: number[];
  balancer: Balancer;
  processes: ServerProcess[];
  /** Signed in through the balancer as the secretariat. */
  secretariat: HttpClient;
  meetingId: string;
  roster: RosterRow[];
}

/**
 * Starts both processes and a meeting with `rosterCsv`'s people (header
 * `name,stakeholder group,region,role`); whatever it starts is pushed onto `cleanups`.
 */
export function startTwoProcesses(cleanups: (() => unknown)[], rosterCsv: string[], agenda?: string): Promise<TwoProcesses> {
  return startProcesses(2, cleanups, rosterCsv, agenda);
}

/** As `startTwoProcesses`, with `count` processes. */
export async function startProcesses(
  count: number,
  cleanups: (() => unknown)[],
  rosterCsv: string[],
  agenda = '1 - Adoption of agenda (5 minutes)\n2 - AOB (5 minutes)',
): Promise<TwoProcesses> {
  const scratch = await createScratchDatabase();
  cleanups.push(() => scratch.drop());
  const ports: number[] = [];
  for (let i = 0; i < count; i++) ports.push(await freePort());
  const balancer = await startBalancer(ports);
  cleanups.push(() => balancer.close());
  const publicUrl = `http://127.0.0.1:${balancer.port}`;
  const processes = ports.map((port) =>
    startServerProcess({
      PORT: String(port),
      PUBLIC_URL: publicUrl,
      DATABASE_URL: scratch.url,
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
    }),
  );
  cleanups.push(() => processes.forEach((server) => server.kill('SIGKILL')));
  await Promise.all(processes.map((server) => server.waitForOutput(/EqualFloor is running/)));

  const secretariat = new HttpClient(publicUrl);
  ok(await secretariat.post('/api/auth/login', ADMIN), 'signing in');
  const meetingId = await createMeeting(secretariat);
  ok(await secretariat.put(`/api/meetings/${meetingId}/agenda`, { text: agenda }), 'setting the agenda');
  const csv = ['name,stakeholder group,region,role', ...rosterCsv].join('\n');
  const roster = (await secretariat.post(`/api/meetings/${meetingId}/roster/import`, { csv })).body.roster as RosterRow[];
  return { publicUrl, ports, balancer, processes, secretariat, meetingId, roster };
}

/** Fails the set-up (in a test or a benchmark) when a request was not answered 200. */
function ok(response: { status: number }, what: string): void {
  if (response.status !== 200) throw new Error(`${what} answered ${response.status}`);
}
