/**
 * The translator (client/i18n/i18n.svelte.ts): placeholders, plural and ordinal forms by each
 * language's rules, the fall back to English, the choice of language, and dates and times in
 * the user's locale and zone with UTC beside them.
 */
import { afterEach, describe, expect, it } from 'vitest';
import ar from '../../client/i18n/ar.ts';
import en, { type Catalog } from '../../client/i18n/en.ts';
import fr from '../../client/i18n/fr.ts';
import ru from '../../client/i18n/ru.ts';
import zh from '../../client/i18n/zh.ts';
import {
  formatDateTime,
  formatTime,
  i18n,
  localeFor,
  pickLanguage,
  setLanguage,
  t,
  translate,
  translateParts,
} from '../../client/i18n/i18n.svelte.ts';

describe('translate', () => {
  it('fills in {name} placeholders, and leaves one without a value as it is', () => {
    expect(translate(en, 'en', 'queue.addedBy', { name: 'Lynn St. Amour' })).toBe('Added by Lynn St. Amour');
    expect(translate(en, 'en', 'participant.yourPlace', { place: '2nd', ahead: '1 person ahead of you' })).toBe(
      'You are 2nd in the queue — 1 person ahead of you.',
    );
    expect(translate(en, 'en', 'queue.addedBy')).toBe('Added by {name}');
    expect(translate(fr, 'fr', 'roomLink.meeting', { title: 'MAG' })).toBe('Réunion\u00a0: MAG');
  });

  it('chooses the plural form by the language’s rules', () => {
    expect(translate(en, 'en', 'queue.ahead', { count: 1 })).toBe('1 person ahead of you');
    expect(translate(en, 'en', 'queue.ahead', { count: 3 })).toBe('3 people ahead of you');
    expect(translate(fr, 'fr', 'queue.ahead', { count: 0 })).toBe('0\u00a0personne avant vous');
    expect(translate(fr, 'fr', 'queue.ahead', { count: 2 })).toBe('2\u00a0personnes avant vous');
    // Russian: one (1, 21), few (2–4, 22), many (5–20, 25).
    expect([1, 2, 5, 21, 22, 25].map((count) => translate(ru, 'ru', 'consensus.objections', { count }))).toEqual([
      '1 возражение',
      '2 возражения',
      '5 возражений',
      '21 возражение',
      '22 возражения',
      '25 возражений',
    ]);
    // Arabic: six forms; "one" and "two" say the number in words.
    expect([0, 1, 2, 3, 11, 100].map((count) => translate(ar, 'ar', 'units.minutes', { count }))).toEqual([
      '0 دقيقة',
      'دقيقة واحدة',
      'دقيقتان',
      '3 دقائق',
      '11 دقيقة',
      '100 دقيقة',
    ]);
    expect(translate(zh, 'zh', 'queue.ahead', { count: 1 })).toBe('您前面有1人');
  });

  it('chooses ordinal forms for keys ending in "Ordinal"', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 101].map((count) => translate(en, 'en', 'labels.placeOrdinal', { count }))).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '101st',
    ]);
    expect([1, 2].map((count) => translate(fr, 'fr', 'labels.placeOrdinal', { count }))).toEqual(['1re', '2e']);
  });

  it('falls back to English for a message a catalog lacks, with English plural rules, and to the key for an unknown one', () => {
    const partial = { ...fr, queue: { heading: 'Liste des orateurs' } } as unknown as Catalog;
    expect(translate(partial, 'fr', 'queue.heading')).toBe('Liste des orateurs');
    expect(translate(partial, 'fr', 'queue.ahead', { count: 0 })).toBe('0 people ahead of you');
    expect(translate(partial, 'fr', 'queue.empty')).toBe('Nobody is waiting to speak.');
    expect(translate(en, 'en', 'queue.nothing.here')).toBe('queue.nothing.here');
    // A group is not a message.
    expect(translate(en, 'en', 'queue')).toBe('queue');
  });

  it('gives the parts of a message, so that values can be marked up', () => {
    expect(translateParts(en, 'en', 'participant.yourPlace', { place: '2nd', ahead: '1 person ahead of you' })).toEqual([
      { text: 'You are ' },
      { text: '2nd', param: 'place' },
      { text: ' in the queue — ' },
      { text: '1 person ahead of you', param: 'ahead' },
      { text: '.' },
    ]);
    expect(translateParts(ar, 'ar', 'consensus.objections', { count: 3 })).toEqual([{ text: '3', param: 'count' }, { text: ' اعتراضات' }]);
  });
});

describe('pickLanguage', () => {
  it('takes the user’s own choice first', () => {
    expect(pickLanguage('ar', ['fr-FR', 'en'])).toBe('ar');
  });

  it('else the first of the browser’s languages the interface has', () => {
    expect(pickLanguage(null, ['de-DE', 'fr-CA', 'en'])).toBe('fr');
    expect(pickLanguage(undefined, ['zh-Hant-TW'])).toBe('zh');
    expect(pickLanguage('klingon', ['es-419'])).toBe('es');
  });

  it('else English', () => {
    expect(pickLanguage(null, ['de-DE', 'pt-BR'])).toBe('en');
    expect(pickLanguage(null, [])).toBe('en');
  });
});

describe('localeFor', () => {
  it('uses the browser’s own variant of the language, else a default', () => {
    expect(localeFor('fr', ['en-US', 'fr-CA'])).toBe('fr-CA');
    expect(localeFor('en', ['fr-FR'])).toBe('en-GB');
    expect(localeFor('ar', ['ar-EG'])).toBe('ar-EG');
  });
});

describe('the current language', () => {
  afterEach(async () => {
    await setLanguage('en', { remember: false });
  });

  it('t() follows setLanguage, which loads the catalog on demand', async () => {
    expect(t('participant.raiseHand')).toBe('Raise hand');
    await setLanguage('fr', { remember: false });
    expect(i18n.language).toBe('fr');
    expect(t('participant.raiseHand')).toBe('Demander la parole');
    await setLanguage('ar', { remember: false });
    expect(i18n.direction).toBe('rtl');
    expect(t('labels.speechKinds.point-of-order')).toBe('نقطة نظام');
    await setLanguage('zh', { remember: false });
    expect(t('labels.roles.chair')).toBe('主席');
  });

  it('the last language asked for wins, even when an earlier one loads later', async () => {
    const slow = setLanguage('ru', { remember: false });
    const fast = setLanguage('en', { remember: false });
    await Promise.all([slow, fast]);
    expect(i18n.language).toBe('en');
  });
});

describe('dates and times', () => {
  afterEach(async () => {
    await setLanguage('en', { remember: false });
  });

  const instant = Date.UTC(2017, 3, 11, 22, 0);

  it('shows the user’s time with UTC beside it, the UTC date only when the day differs', async () => {
    expect(formatDateTime(instant, 'Europe/Zurich')).toBe('Wed 12 Apr 2017, 00:00 (Tue 11 Apr 2017, 22:00 UTC)');
    expect(formatDateTime(Date.UTC(2017, 3, 11, 12, 0), 'Europe/Zurich')).toBe('Tue 11 Apr 2017, 14:00 (12:00 UTC)');
    expect(formatTime(instant, 'America/New_York')).toBe('18:00 (22:00 UTC)');
  });

  it('says the time once where the user’s zone is UTC', () => {
    expect(formatDateTime(instant, 'UTC')).toBe('Tue 11 Apr 2017, 22:00 UTC');
    expect(formatTime(instant, 'UTC')).toBe('22:00 UTC');
  });

  it('in the user’s language, with Latin digits and the Gregorian calendar', async () => {
    await setLanguage('fr', { remember: false });
    expect(formatDateTime(instant, 'Europe/Paris')).toBe('mer. 12 avr. 2017, 00:00 (mar. 11 avr. 2017, 22:00 UTC)');
    await setLanguage('ar', { remember: false });
    const arabic = formatDateTime(instant, 'Asia/Riyadh');
    expect(arabic).toMatch(/2017/);
    expect(arabic).toContain('01:00');
    expect(arabic).toContain('22:00 UTC');
    expect(arabic).not.toMatch(/[٠-٩]/);
  });
});
