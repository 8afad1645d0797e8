/** Reading PostgreSQL errors the same way on both drivers (drizzle wraps them in `cause`). */

interface PgErrorFields {
  code?: string;
  constraint?: string;
  constraint_name?: string;
}

function pgError(error: unknown): PgErrorFields | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    const fields = current as PgErrorFields & { cause?: unknown };
    if (typeof fields.code === 'string' && /^[0-9A-Z]{5}$/.test(fields.code)) return fields;
    current = fields.cause;
  }
  return undefined;
}

/** The constraint a unique violation hit, or undefined when the error is something else. */
export function uniqueViolation(error: unknown): string | undefined {
  const fields = pgError(error);
  if (fields?.code !== '23505') return undefined;
  return fields.constraint_name ?? fields.constraint ?? 'unknown';
}

/** Whether the database could not be reached or went away (connection refused, shut down). */
export function isUnavailable(error: unknown): boolean {
  const fields = pgError(error);
  if (fields?.code && /^(08|57P)/.test(fields.code)) return true;
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code;
    if (
      code === 'ECONNREFUSED' ||
      code === 'ECONNRESET' ||
      code === 'CONNECTION_CLOSED' ||
      code === 'CONNECTION_ENDED' ||
      code === 'CONNECT_TIMEOUT'
    )
      return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
