/** Staff accounts: the first secretariat account, further accounts, and password sign-in. */
import { count, eq } from 'drizzle-orm';
import type { Database } from '../db/open.ts';
import { setupTokens, users } from '../db/schema.ts';
import { newId, newToken, sha256 } from '../ids.ts';
import { hashForUnknownUser, hashPassword, verifyPassword } from './passwords.ts';
import type { StaffRole } from '../../shared/domain.ts';

export interface StaffAccount {
  id: string;
  name: string;
  email: string;
  staffRole: StaffRole;
}

export class EmailTakenError extends Error {
  constructor() {
    super('An account with this email already exists.');
  }
}

export async function staffAccountCount(db: Database): Promise<number> {
  const [row] = await db.select({ n: count() }).from(users).where(eq(users.kind, 'staff'));
  return row?.n ?? 0;
}

export async function createStaffAccount(
  db: Database,
  input: { name: string; email: string; password: string; staffRole: StaffRole },
): Promise<StaffAccount> {
  const passwordHash = await hashPassword(input.password);
  const id = newId('u');
  const inserted = await db
    .insert(users)
    .values({ id, kind: 'staff', name: input.name, email: input.email, passwordHash, staffRole: input.staffRole })
    .onConflictDoNothing()
    .returning({ id: users.id });
  if (inserted.length === 0) throw new EmailTakenError();
  return { id, name: input.name, email: input.email, staffRole: input.staffRole };
}

export async function listStaffAccounts(db: Database): Promise<StaffAccount[]> {
  const rows = await db.select().from(users).where(eq(users.kind, 'staff')).orderBy(users.name);
  return rows.map((row) => ({ id: row.id, name: row.name, email: row.email ?? '', staffRole: row.staffRole ?? 'chair' }));
}

/**
 * Checks an email and password. Unknown email and wrong password are indistinguishable
 * to the caller, in answer and in time.
 */
export async function verifyStaffLogin(db: Database, email: string, password: string): Promise<StaffAccount | undefined> {
  const [row] = await db.select().from(users).where(eq(users.email, email));
  if (!row || row.kind !== 'staff' || !row.passwordHash) {
    await verifyPassword(await hashForUnknownUser(), password);
    return undefined;
  }
  if (!(await verifyPassword(row.passwordHash, password))) return undefined;
  return { id: row.id, name: row.name, email: row.email ?? email, staffRole: row.staffRole ?? 'chair' };
}

/**
 * On a start with no staff account: a fresh one-time set-up token (older ones are dropped).
 * Returns undefined when an account exists.
 */
export async function issueSetupToken(db: Database): Promise<string | undefined> {
  if ((await staffAccountCount(db)) > 0) return undefined;
  const token = newToken();
  await db.transaction(async (tx) => {
    await tx.delete(setupTokens);
    await tx.insert(setupTokens).values({ tokenHash: sha256(token) });
  });
  return token;
}

export async function setupIsPending(db: Database): Promise<boolean> {
  return (await staffAccountCount(db)) === 0;
}

/**
 * Creates the first secretariat account with a set-up token; the token is spent in the
 * same transaction, so two people opening the link at once cannot both succeed.
 */
export async function createFirstAccount(
  db: Database,
  input: { token: string; name: string; email: string; password: string },
): Promise<StaffAccount | undefined> {
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const spent = await tx
      .delete(setupTokens)
      .where(eq(setupTokens.tokenHash, sha256(input.token)))
      .returning({ tokenHash: setupTokens.tokenHash });
    if (spent.length === 0) return undefined;
    const [existing] = await tx.select({ n: count() }).from(users).where(eq(users.kind, 'staff'));
    if ((existing?.n ?? 0) > 0) return undefined;
    const id = newId('u');
    await tx.insert(users).values({
      id,
      kind: 'staff',
      name: input.name,
      email: input.email,
      passwordHash,
      staffRole: 'secretariat',
    });
    return { id, name: input.name, email: input.email, staffRole: 'secretariat' as const };
  });
}
