/** Staff accounts: the first secretariat account, further accounts, and password sign-in. */
import { and, count, eq } from 'drizzle-orm';
import type { Database } from '../db/open.ts';
import { setupTokens, users } from '../db/schema.ts';
import { newId, newToken, sha256 } from '../ids.ts';
import { hashForUnknownUser, hashPassword, verifyPassword } from './passwords.ts';
import type { StaffAccount } from '../../shared/api.ts';
import type { StaffRole } from '../../shared/domain.ts';
import { HttpError } from '../http/errors.ts';

export type { StaffAccount };

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

type UserRow = typeof users.$inferSelect;

function accountOf(row: UserRow): StaffAccount {
  return { id: row.id, name: row.name, email: row.email ?? '', staffRole: row.staffRole ?? 'chair', disabled: row.disabledAt !== null };
}

export async function listStaffAccounts(db: Database): Promise<StaffAccount[]> {
  const rows = await db.select().from(users).where(eq(users.kind, 'staff')).orderBy(users.name);
  return rows.map(accountOf);
}

/** Why a change to a staff account is refused (the route answers each with its own message). */
export type AccountChangeRefusal = 'not-found' | 'own-account' | 'actor-gone';

/**
 * Changes another staff account's role, or disables or enables it. Refused for one's own account,
 * so the one making a change always remains an enabled secretariat account: there is always one.
 * The secretariat accounts are locked first, so two of them changing each other at the same
 * moment are done one after the other, and the second finds it can no longer act.
 */
export async function changeStaffAccount(
  db: Database,
  actorId: string,
  accountId: string,
  change: { staffRole?: StaffRole; disabled?: boolean },
): Promise<{ before: StaffAccount; after: StaffAccount } | AccountChangeRefusal> {
  if (actorId === accountId) return 'own-account';
  return db.transaction(async (tx) => {
    const secretariat = await tx
      .select({ id: users.id, disabledAt: users.disabledAt })
      .from(users)
      .where(and(eq(users.kind, 'staff'), eq(users.staffRole, 'secretariat')))
      .for('update');
    if (!secretariat.some((account) => account.id === actorId && account.disabledAt === null)) return 'actor-gone';
    const [row] = await tx
      .select()
      .from(users)
      .where(and(eq(users.id, accountId), eq(users.kind, 'staff')))
      .for('update');
    if (!row) return 'not-found';
    const before = accountOf(row);
    const disabled = change.disabled ?? before.disabled ?? false;
    const [updated] = await tx
      .update(users)
      .set({ staffRole: change.staffRole ?? before.staffRole, disabledAt: disabled ? (row.disabledAt ?? new Date()) : null })
      .where(eq(users.id, accountId))
      .returning();
    return { before, after: accountOf(updated!) };
  });
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
  // Said only to whoever knows the password: to anyone else a disabled account looks like any other.
  if (row.disabledAt !== null) throw new HttpError(403, 'This account is disabled. Ask the secretariat to enable it again.');
  return accountOf(row);
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
