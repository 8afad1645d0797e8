/** The only module that reads and writes prepared statements in the database. */
import { and, eq } from 'drizzle-orm';
import type { Database } from '../db/open.ts';
import { preparedStatements } from '../db/schema.ts';
import type { StatementType, StatementView } from '../../shared/statements.ts';

export type StatementRow = typeof preparedStatements.$inferSelect;

export interface NewStatement {
  meetingId: string;
  targetId: string;
  ownerId: string | null;
  fileName: string;
  contentType: StatementType;
  content: Buffer;
}

/** Stores the statement of an entry or slot, replacing the one before. */
export async function saveStatement(db: Database, statement: NewStatement): Promise<StatementRow> {
  const values = { ...statement, size: statement.content.length, uploadedAt: new Date() };
  const [row] = await db
    .insert(preparedStatements)
    .values(values)
    .onConflictDoUpdate({ target: [preparedStatements.meetingId, preparedStatements.targetId], set: values })
    .returning();
  return row!;
}

export async function findStatement(db: Database, meetingId: string, targetId: string): Promise<StatementRow | undefined> {
  const [row] = await db
    .select()
    .from(preparedStatements)
    .where(and(eq(preparedStatements.meetingId, meetingId), eq(preparedStatements.targetId, targetId)));
  return row;
}

export function statementView(row: StatementRow): StatementView {
  return {
    targetId: row.targetId,
    fileName: row.fileName,
    contentType: row.contentType,
    size: row.size,
    uploadedAt: row.uploadedAt.toISOString(),
  };
}
