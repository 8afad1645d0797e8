/** How forms show what went wrong: one message, and problems tied to fields or lines. */
import type { InputProblem } from '../../shared/schemas.ts';
import { ApiRequestError } from '../http/api.ts';
import { t } from '../i18n/i18n.svelte.ts';

export interface FormFailure {
  message: string;
  problems: InputProblem[];
  /** Counts attempts so that the same failure twice is announced twice. */
  attempt: number;
}

let attempts = 0;

export function formFailure(message: string, problems: InputProblem[] = []): FormFailure {
  attempts += 1;
  return { message, problems, attempt: attempts };
}

/** A failed request as a form shows it. */
export function failureOf(error: unknown): FormFailure {
  if (error instanceof ApiRequestError) return formFailure(error.message, error.problems);
  return formFailure(t('common.somethingWrong'));
}

/** The first problem with one field (`email`) or line (`line 4`), if any. */
export function problemAt(failure: FormFailure | undefined, where: string): string | undefined {
  return failure?.problems.find((problem) => problem.where === where)?.message;
}

/** "must be an email address" → "Must be an email address." */
export function asSentence(message: string): string {
  const trimmed = message.trim();
  const capitalised = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?。！？]$/.test(capitalised) ? capitalised : `${capitalised}.`;
}
