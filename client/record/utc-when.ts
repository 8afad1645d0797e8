import { recordPage } from '../i18n/record-page/index.ts';
import { i18n } from '../i18n/i18n.svelte.ts';
import { utcDateAndTime } from '../http/record-api.ts';

/** "9 May 2017, 13:05 UTC", in the interface's language. */
export function utcWhen(iso: string): string {
  const parts = utcDateAndTime(iso, i18n.language);
  return parts ? recordPage.t('dateTimeUtc', parts) : iso;
}
