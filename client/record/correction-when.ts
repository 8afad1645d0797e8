import { corrections } from '../i18n/corrections/index.ts';
import { i18n } from '../i18n/i18n.svelte.ts';
import { utcDateAndTime } from '../http/record-api.ts';
import { recordDate } from '../../shared/record/record-words.ts';

/** "9 May 2017, 23:59 UTC", in the interface's language. */
export function correctionWhen(iso: string): string {
  const parts = utcDateAndTime(iso, i18n.language);
  return parts ? corrections.t('dateTimeUtc', parts) : iso;
}

/** "9 May 2017", as the record writes dates, in the interface's language. */
export function recordDay(iso: string): string {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : recordDate(ms, i18n.language, false);
}
