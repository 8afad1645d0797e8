/**
 * Check a form against the same schema the server uses, before sending it. Staff pages
 * only: valibot stays out of the participant bundle.
 */
import * as v from 'valibot';
import { describeIssues } from '../../shared/schemas.ts';
import { formFailure, type FormFailure } from './input-problems.ts';

export type CheckResult<T> = { ok: true; output: T } | { ok: false; failure: FormFailure };

export function checkInput<TSchema extends v.GenericSchema>(
  schema: TSchema,
  input: unknown,
  message = 'Please correct the fields marked below.',
): CheckResult<v.InferOutput<TSchema>> {
  const result = v.safeParse(schema, input);
  if (result.success) return { ok: true, output: result.output };
  return { ok: false, failure: formFailure(message, describeIssues(result.issues)) };
}
