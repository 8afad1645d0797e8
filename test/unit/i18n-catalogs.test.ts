/// <reference types="vite/client" />
/**
 * The interface's catalogs in six languages — the main ones (client/i18n/*.ts) and those of each
 * part loaded on demand (client/i18n/<area>/*.ts: staff pages, chair console, captioner
 * console, record page): every language has exactly the keys of English, no empty message,
 * every `{param}` of the English message in each translation (and no other), and for each
 * plural message exactly the forms the language's Intl.PluralRules uses.
 */
import { describe, expect, it } from 'vitest';
import { LANGUAGES, PLURAL_CATEGORIES, type Language, type PluralCategory } from '../../client/i18n/types.ts';

const TRANSLATIONS = LANGUAGES.filter((language) => language !== 'en');

/** Every catalog file, found by its place: client/i18n/<language>.ts or client/i18n/<area>/<language>.ts. */
const files = import.meta.glob<{ default: unknown }>(['../../client/i18n/*.ts', '../../client/i18n/*/{en,fr,es,ru,ar,zh}.ts'], {
  eager: true,
});
const SETS = new Map<string, Partial<Record<Language, unknown>>>();
for (const [path, module] of Object.entries(files)) {
  const match = /client\/i18n\/(?:([\w-]+)\/)?(\w+)\.ts$/.exec(path);
  if (!match || !(LANGUAGES as readonly string[]).includes(match[2]!)) continue;
  const area = match[1] ?? 'main';
  SETS.set(area, { ...SETS.get(area), [match[2] as Language]: module.default });
}

type Leaf = { kind: 'text'; text: string } | { kind: 'plural'; forms: Record<string, unknown> };

function isPluralNode(value: object): boolean {
  const keys = Object.keys(value);
  return keys.includes('other') && keys.every((key) => (PLURAL_CATEGORIES as readonly string[]).includes(key));
}

/** Every message of a catalog by its dotted key; anything that is neither text nor plural forms is reported. */
function flatten(
  node: unknown,
  prefix = '',
  out = new Map<string, Leaf>(),
  odd: string[] = [],
): { leaves: Map<string, Leaf>; odd: string[] } {
  if (typeof node === 'string') out.set(prefix, { kind: 'text', text: node });
  else if (node && typeof node === 'object' && !Array.isArray(node)) {
    if (prefix !== '' && isPluralNode(node)) out.set(prefix, { kind: 'plural', forms: node as Record<string, unknown> });
    else for (const [key, value] of Object.entries(node)) flatten(value, prefix ? `${prefix}.${key}` : key, out, odd);
  } else odd.push(prefix || '(root)');
  return { leaves: out, odd };
}

function params(text: string): Set<string> {
  return new Set([...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!));
}

/** The placeholders of a message; for plural forms, those of all its forms together. */
function paramsOf(leaf: Leaf): Set<string> {
  if (leaf.kind === 'text') return params(leaf.text);
  return new Set(Object.values(leaf.forms).flatMap((form) => (typeof form === 'string' ? [...params(form)] : [])));
}

function pluralCategories(language: Language, key: string): PluralCategory[] {
  const type = key.endsWith('Ordinal') ? 'ordinal' : 'cardinal';
  return new Intl.PluralRules(language, { type }).resolvedOptions().pluralCategories as PluralCategory[];
}

it('finds the main catalogs and those of the parts loaded on demand', () => {
  expect([...SETS.keys()].sort()).toEqual([
    'captioner',
    'chair',
    'chair-record',
    'corrections',
    'interpretation',
    'main',
    'record-page',
    'staff',
  ]);
  for (const [area, catalogs] of SETS) expect(Object.keys(catalogs).sort(), area).toEqual([...LANGUAGES].sort());
});

describe.each([...SETS.keys()])('the catalogs of %s', (area) => {
  const CATALOGS = SETS.get(area) as Record<Language, unknown>;
  const english = flatten(CATALOGS.en).leaves;

  describe('the English catalog', () => {
    it('is made of messages and plural forms only', () => {
      expect(flatten(CATALOGS.en).odd).toEqual([]);
      expect(english.size).toBeGreaterThan(area === 'main' ? 300 : 5);
    });

    it('has the plural forms English uses', () => {
      for (const [key, leaf] of english) {
        if (leaf.kind !== 'plural') continue;
        expect(Object.keys(leaf.forms).sort(), key).toEqual([...pluralCategories('en', key)].sort());
      }
    });
  });

  describe.each(TRANSLATIONS)('the %s catalog', (language) => {
    const { leaves, odd } = flatten(CATALOGS[language]);

    it('has exactly the keys of English', () => {
      const missing = [...english.keys()].filter((key) => !leaves.has(key));
      const extra = [...leaves.keys()].filter((key) => !english.has(key));
      expect({ missing, extra, neitherTextNorPlural: odd }).toEqual({ missing: [], extra: [], neitherTextNorPlural: [] });
    });

    it('has plural forms where English has them, and text where English has text', () => {
      const wrongKind = [...english].filter(([key, leaf]) => leaves.has(key) && leaves.get(key)!.kind !== leaf.kind).map(([key]) => key);
      expect(wrongKind).toEqual([]);
    });

    it('has no empty message', () => {
      const empty: string[] = [];
      for (const [key, leaf] of leaves) {
        if (leaf.kind === 'text') {
          if (leaf.text.trim() === '') empty.push(key);
        } else {
          for (const [category, form] of Object.entries(leaf.forms)) {
            if (typeof form !== 'string' || form.trim() === '') empty.push(`${key}.${category}`);
          }
        }
      }
      expect(empty).toEqual([]);
    });

    it('keeps every {param} of the English message, and adds none', () => {
      const problems: string[] = [];
      for (const [key, source] of english) {
        const leaf = leaves.get(key);
        if (!leaf) continue;
        const wanted = paramsOf(source);
        // A plural message names its count in its general form; "one" or "two" may say it in words ("دقيقتان").
        const given = leaf.kind === 'text' ? params(leaf.text) : params(typeof leaf.forms.other === 'string' ? leaf.forms.other : '');
        for (const name of wanted) if (!given.has(name)) problems.push(`${key}: {${name}} is missing`);
        for (const name of paramsOf(leaf)) if (!wanted.has(name)) problems.push(`${key}: {${name}} is not in the English message`);
      }
      expect(problems).toEqual([]);
    });

    it("has exactly the plural forms of the language's Intl.PluralRules", () => {
      const problems: string[] = [];
      for (const [key, leaf] of leaves) {
        if (leaf.kind !== 'plural') continue;
        const wanted = pluralCategories(language, key);
        const given = Object.keys(leaf.forms);
        for (const category of wanted) if (!given.includes(category)) problems.push(`${key}: no "${category}" form`);
        for (const category of given)
          if (!wanted.includes(category as PluralCategory)) problems.push(`${key}: "${category}" is not a form of ${language}`);
      }
      expect(problems).toEqual([]);
    });
  });
});
