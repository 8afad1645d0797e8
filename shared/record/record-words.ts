/**
 * The fixed words of the record (headings, labels, the punctuation around them), per
 * language: the six official languages of the United Nations, in the register of its
 * documents. The content — names, titles, decisions' text — stays as people wrote it.
 */
import { RECORD_LANGUAGES, type RecordLanguage } from './record-languages.ts';
import { ar } from './words/ar.ts';
import { en } from './words/en.ts';
import { es } from './words/es.ts';
import { fr } from './words/fr.ts';
import { ru } from './words/ru.ts';
import type { RecordWords } from './words/words.ts';
import { zh } from './words/zh.ts';

export { RECORD_LANGUAGES, type RecordLanguage };
export type { ChartWords, RecordPunctuation, RecordWords } from './words/words.ts';

export const RECORD_WORDS: Record<RecordLanguage, RecordWords> = { en, ar, zh, fr, ru, es };

/** A date in the record's language, in UTC: "Wednesday, 12 April 2017", "mercredi 12 avril 2017". */
export function recordDate(ms: number, language: RecordLanguage, weekday = true): string {
  return new Intl.DateTimeFormat(RECORD_WORDS[language].locale, {
    ...(weekday ? { weekday: 'long' } : {}),
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
    calendar: 'gregory',
    numberingSystem: 'latn',
  }).format(new Date(ms));
}

/**
 * The language a record's Markdown was generated in, read from its status line
 * (`**Summary report** — Draft`); undefined when an edit took the line out.
 */
export function markdownLanguage(markdown: string): RecordLanguage | undefined {
  return RECORD_LANGUAGES.find((language) => {
    const w = RECORD_WORDS[language];
    return markdown.includes(`**${w.summaryReport}** — ${w.draft}`) || markdown.includes(`**${w.summaryReport}** — ${w.final}`);
  });
}
