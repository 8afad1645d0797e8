/** Errors that reach the client as a clear answer, and input validation for routes. */
import * as v from 'valibot';
import { describeIssues, type InputProblem } from '../../shared/schemas.ts';
import type { ApiErrorCode } from '../../shared/api.ts';
import { findUnstorableText, UNSTORABLE_TEXT_MESSAGE } from '../../shared/storable.ts';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly problems: InputProblem[] = [],
    readonly headers: Record<string, string> = {},
    readonly code?: ApiErrorCode,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/** A refusal the pages say in the reader's language (by its code); `message` is the English. */
export const refusal = (status: number, code: ApiErrorCode, message: string) => new HttpError(status, message, [], {}, code);

export const notFound = (what: string) => new HttpError(404, `${what} not found.`);
export const forbidden = (message = 'You are not allowed to do that.') => new HttpError(403, message);
export const unauthenticated = () => new HttpError(401, 'Please sign in.');

/** Validate a request body (or params) against its schema; a 400 lists every problem. */
export function parseInput<TSchema extends v.GenericSchema>(schema: TSchema, input: unknown, what = 'The request'): v.InferOutput<TSchema> {
  // Text the database cannot store is refused wherever it is, before anything reads it.
  const unstorable = findUnstorableText(input);
  if (unstorable !== undefined) {
    throw new HttpError(400, `${what} is not valid: ${unstorable} ${UNSTORABLE_TEXT_MESSAGE}.`, [
      { where: unstorable, message: UNSTORABLE_TEXT_MESSAGE },
    ]);
  }
  // An absent body is an empty one; a body of `null` is not an object and is refused.
  const result = v.safeParse(schema, input === undefined ? {} : input);
  if (result.success) return result.output;
  const problems = describeIssues(result.issues);
  const first = problems[0];
  const message = first ? `${what} is not valid: ${first.where} ${first.message}.` : `${what} is not valid.`;
  throw new HttpError(400, message, problems);
}
