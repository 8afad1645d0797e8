/**
 * Roles, stakeholder groups, regions and where people take part from are named the same on
 * screen and in the record, in every language: one translation (shared/labels) serves both.
 */
import { describe, expect, it } from 'vitest';
import { en } from '../../client/i18n/en.ts';
import { LANGUAGES, type Language } from '../../client/i18n/types.ts';
import type { Catalog } from '../../client/i18n/en.ts';
import { RECORD_WORDS } from '../../shared/record/record-words.ts';

async function catalog(language: Language): Promise<Catalog> {
  return language === 'en' ? en : (await import(`../../client/i18n/${language}.ts`)).default;
}

describe.each(LANGUAGES)('people’s labels in %s', (language) => {
  it('the record names roles, stakeholder groups and regions as the interface does', async () => {
    const { labels } = await catalog(language);
    const words = RECORD_WORDS[language];
    const { display, ...roles } = labels.roles;
    expect(display).not.toBe('');
    expect(words.roles).toEqual(roles);
    expect(words.stakeholderGroups).toEqual(labels.stakeholderGroups);
    expect(words.regions).toEqual(labels.regions);
  });

  it('the record writes where people took part from as the interface does, in the middle of a sentence', async () => {
    const { labels } = await catalog(language);
    const words = RECORD_WORDS[language];
    for (const [key, label] of Object.entries(labels.locations)) {
      const inSentence = words.locations[key as keyof typeof words.locations];
      expect(inSentence.toLocaleLowerCase(words.locale)).toBe(label.toLocaleLowerCase(words.locale));
      expect(inSentence.slice(1)).toBe(label.slice(1));
    }
  });
});

it('the record writes places in English in small letters: “(in the room)”', () => {
  expect(RECORD_WORDS.en.locations).toEqual({ room: 'in the room', remote: 'remote', phone: 'by phone', unknown: 'not stated' });
  expect(RECORD_WORDS.fr.locations.remote).toBe('à distance');
});
