/**
 * The languages a record is written in, apart from their words (record-words.ts), so a
 * check of a request's language does not bring every language's words with it.
 */

/** Arabic, Chinese (simplified), English, French, Russian, Spanish; English first, the default. */
export const RECORD_LANGUAGES = ['en', 'ar', 'zh', 'fr', 'ru', 'es'] as const;
export type RecordLanguage = (typeof RECORD_LANGUAGES)[number];
