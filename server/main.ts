/**
 * `npm start` runs EqualFloor and, on first run, prints the set-up link.
 * `npm run demo` (`--demo`) also creates a sample meeting and prints a link for every view.
 */
import * as v from 'valibot';
import { readConfig } from './config.ts';
import { startApp, type RunningApp } from './app.ts';
import { DataDirInUseError } from './db/data-dir-lock.ts';
import { createStaffAccount, EmailTakenError, issueSetupToken, staffAccountCount } from './auth/accounts.ts';
import { createDemoMeeting } from './demo-meeting.ts';
import { EmailSchema, PasswordSchema } from '../shared/schemas.ts';

async function main(): Promise<void> {
  const demo = process.argv.includes('--demo');
  let config: ReturnType<typeof readConfig>;
  try {
    config = readConfig();
  } catch (error) {
    console.error(`\nEqualFloor cannot start: ${(error as Error).message}\n`);
    process.exit(1);
  }
  let app: RunningApp;
  try {
    app = await startApp(config);
  } catch (error) {
    if (error instanceof DataDirInUseError) {
      console.error(`\nEqualFloor cannot start: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const { db } = app.database;

  if ((await staffAccountCount(db)) === 0 && config.adminEmail && config.adminPassword) {
    const email = v.safeParse(EmailSchema, config.adminEmail);
    const password = v.safeParse(PasswordSchema, config.adminPassword);
    if (!email.success || !password.success) {
      console.error('ADMIN_EMAIL must be an email address and ADMIN_PASSWORD at least 10 characters; no account was created.');
    } else {
      try {
        await createStaffAccount(db, { name: 'Secretariat', email: email.output, password: password.output, staffRole: 'secretariat' });
        console.log(`Created the secretariat account ${email.output} from ADMIN_EMAIL and ADMIN_PASSWORD.`);
      } catch (error) {
        // Another process on the same database created it a moment ago.
        if (!(error instanceof EmailTakenError)) throw error;
      }
    }
  }

  const where = app.database.driver === 'pglite' ? `embedded database in ${config.dataDir}` : 'PostgreSQL';
  console.log(`\nEqualFloor is running at ${config.publicUrl} (${where}).`);
  const setupToken = await issueSetupToken(db);
  if (setupToken) {
    console.log('\nNo account exists yet. Open this one-time link to create the first secretariat account:');
    console.log(`\n  ${config.publicUrl}/setup/${setupToken}\n`);
  }

  if (demo) {
    const links = await createDemoMeeting(db, config.publicUrl, null);
    console.log('\nA demo meeting is ready. Open each link in its own browser (or a private window):\n');
    console.log(`  Chair:               ${links.chair}`);
    for (const participant of links.participants) console.log(`  ${(participant.name + ':').padEnd(20)} ${participant.url}`);
    console.log(`  Room display:        ${links.display}`);
    console.log(`  Secretariat member:  ${links.secretariat}\n`);
  }

  const stop = async (signal: string) => {
    console.log(`\n${signal}: stopping EqualFloor.`);
    await app.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

await main();
