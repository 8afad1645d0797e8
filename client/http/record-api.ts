/**
 * The meeting record's answers on the HTTP API (shared/http/record-routes.ts), as the record
 * page and the meeting page read them, and the record's dates as it writes them.
 */
import type { Language } from '../i18n/types.ts';

export type { LeadRecordView, RecordSharing, RecordVersion, RecordVersionSummary, SharedRecord } from '../../shared/record/record-views.ts';
export { isLeadView } from '../../shared/record/record-views.ts';

/** The locale of a record's dates in each language of the interface, as the record writes them: "9 May 2017", "9 mai 2017". */
const RECORD_DATE_LOCALE: Record<Language, string> = { en: 'en-GB', fr: 'fr-FR', es: 'es-ES', ru: 'ru-RU', ar: 'ar', zh: 'zh-CN' };

/**
 * A moment in UTC in a language, as the record writes it: its date ("9 May 2017", "9 mai 2017",
 * "2017年5月9日") and its time ("13:05"), in the Gregorian calendar and Latin digits; undefined
 * when it is not a date. The page puts the two together with its own words ("…, 13:05 UTC").
 */
export function utcDateAndTime(iso: string, language: Language): { date: string; time: string } | undefined {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return undefined;
  const locale = RECORD_DATE_LOCALE[language];
  const style: Intl.DateTimeFormatOptions = { timeZone: 'UTC', calendar: 'gregory', numberingSystem: 'latn' };
  return {
    date: new Intl.DateTimeFormat(locale, { ...style, day: 'numeric', month: 'long', year: 'numeric' }).format(instant),
    time: new Intl.DateTimeFormat(locale, { ...style, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(instant),
  };
}
