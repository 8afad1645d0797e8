/** `npm start`: runs EqualFloor, prints where to find it and, on first run, the set-up link. */
import { readConfig } from './config.ts';
import { startApp } from './app.ts';
import { DataDirInUseError } from './db/data-dir-lock.ts';
import { createStaffAccount, issueSetupToken, staffAccountCount } from './auth/accounts.ts';
import { EmailSchema, PasswordSchema } from '../shared/schemas.ts';
import * as v from 'valibot';

async function main(): Promise<void> {
  const config = readConfig();
  let app;
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
    const email = v.parse(EmailSchema, config.adminEmail);
    const password = v.parse(PasswordSchema, config.adminPassword);
    await createStaffAccount(db, { name: 'Secretariat', email, password, staffRole: 'secretariat' });
    console.log(`Created the secretariat account ${email} from ADMIN_EMAIL and ADMIN_PASSWORD.`);
  }

  const where = app.database.driver === 'pglite' ? `embedded database in ${config.dataDir}` : 'PostgreSQL';
  console.log(`\nEqualFloor is running at ${config.publicUrl} (${where}).`);
  const setupToken = await issueSetupToken(db);
  if (setupToken) {
    console.log('\nNo account exists yet. Open this one-time link to create the first secretariat account:');
    console.log(`\n  ${config.publicUrl}/setup/${setupToken}\n`);
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
