/**
 * The interface's language: Arabic, Chinese, English, French, Russian or Spanish, chosen by
 * the user (kept in this browser) or else from the browser's languages, English otherwise.
 *
 * `t(key, params)` gives a message of the current language's catalog, with `{name}`
 * placeholders filled in and, for plural messages, the form Intl.PluralRules chooses for
 * `count`. A message missing from a catalog falls back to English. English is in the main
 * bundle; the other catalogs load on demand, one chunk per language. `setLanguage` loads a
 * catalog, then sets `<html lang>` and `dir` (right to left for Arabic).
 *
 * Dates and times are shown in the user's locale and time zone with UTC beside them
 * (`formatDateTime`, `formatTime`), with Latin digits and the Gregorian calendar, as in
 * United Nations documents.
 */
import { en, type Catalog, type MessageKey } from './en.ts';
import { LANGUAGES, type CatalogShape, type Language, type MessageParams, type MessagePath, type PluralForms } from './types.ts';

export { LANGUAGES, type Language, type MessageKey, type MessageParams };

/** Each language in its own words, for the language menu. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  en: 'English',
  fr: 'Français',
  es: 'Español',
  ru: 'Русский',
  ar: 'العربية',
  zh: '中文',
};

/** The `lang` attribute for each language (Chinese: simplified characters). */
export const HTML_LANG: Record<Language, string> = { en: 'en', fr: 'fr', es: 'es', ru: 'ru', ar: 'ar', zh: 'zh-Hans' };

/** The locale for dates and numbers when the browser names no variant of the language. */
const DEFAULT_LOCALE: Record<Language, string> = { en: 'en-GB', fr: 'fr-FR', es: 'es-ES', ru: 'ru-RU', ar: 'ar', zh: 'zh-CN' };

export const STORAGE_KEY = 'equalfloor.language';

const loaders: Record<Exclude<Language, 'en'>, () => Promise<{ default: Catalog }>> = {
  fr: () => import('./fr.ts'),
  es: () => import('./es.ts'),
  ru: () => import('./ru.ts'),
  ar: () => import('./ar.ts'),
  zh: () => import('./zh.ts'),
};

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The primary language subtag of a BCP 47 tag: "fr-CA" → "fr", "zh-Hant-TW" → "zh". */
function primary(tag: string): string {
  return tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
}

/**
 * The language to show: the user's own choice if one is kept, else the first of the
 * browser's languages that the interface has, else English.
 */
export function pickLanguage(stored: string | null | undefined, preferred: readonly string[]): Language {
  if (isLanguage(stored)) return stored;
  for (const tag of preferred) {
    const language = primary(tag);
    if (isLanguage(language)) return language;
  }
  return 'en';
}

/** The locale for Intl: the browser's own variant of the language ("fr-CA", "en-US"), else a default. */
export function localeFor(language: Language, preferred: readonly string[]): string {
  const own = preferred.find((tag) => primary(tag) === language);
  if (own) {
    try {
      return Intl.getCanonicalLocales(own)[0] ?? DEFAULT_LOCALE[language];
    } catch {
      // Not a valid tag: the default.
    }
  }
  return DEFAULT_LOCALE[language];
}

// ---------------------------------------------------------------- the translator, pure

type Node = string | PluralForms | { readonly [key: string]: Node };

function lookup(catalog: object, key: string): string | PluralForms | undefined {
  let node: Node | undefined = catalog as unknown as Node;
  for (const part of key.split('.')) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = (node as Record<string, Node | undefined>)[part];
  }
  if (typeof node === 'string') return node;
  if (node && typeof node === 'object' && typeof node.other === 'string') return node as PluralForms;
  return undefined;
}

const pluralRules = new Map<string, Intl.PluralRules>();

function pluralRulesFor(language: Language, type: Intl.PluralRuleType): Intl.PluralRules {
  const id = `${language}:${type}`;
  let rules = pluralRules.get(id);
  if (!rules) {
    rules = new Intl.PluralRules(language, { type });
    pluralRules.set(id, rules);
  }
  return rules;
}

/** The form of a plural message for `count`: by the ordinal rules for keys ending in "Ordinal". */
function choose(forms: PluralForms, language: Language, key: string, count: unknown): string {
  const n = typeof count === 'number' ? count : Number(count);
  if (!Number.isFinite(n)) return forms.other;
  const category = pluralRulesFor(language, key.endsWith('Ordinal') ? 'ordinal' : 'cardinal').select(n);
  return forms[category] ?? forms.other;
}

/** A message as a list of parts: the text between placeholders, and each placeholder's value. */
export interface MessagePart {
  text: string;
  /** The placeholder's name, for a part that is a value put in. */
  param?: string;
}

const PLACEHOLDER = /\{(\w+)\}/g;

/** The raw message of `key` in `catalog` (in `english` if it lacks it) in the form the language's rules choose. */
function resolve(catalog: object, language: Language, key: string, params: MessageParams | undefined, english: object = en): string {
  let found = lookup(catalog, key);
  let rulesOf = language;
  if (found === undefined && catalog !== english) {
    found = lookup(english, key);
    rulesOf = 'en';
  }
  if (found === undefined) return key;
  return typeof found === 'string' ? found : choose(found, rulesOf, key, params?.count);
}

function valueText(value: string | number): string {
  return typeof value === 'number' ? String(value) : value;
}

/** The message of `key`, placeholders filled in; a placeholder without a value is left as it is. */
export function translate(catalog: object, language: Language, key: string, params?: MessageParams, english?: object): string {
  const message = resolve(catalog, language, key, params, english);
  if (!params) return message;
  return message.replace(PLACEHOLDER, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : valueText(value);
  });
}

/** The same message as parts, so that a page can mark some values up (a name in bold, a link). */
export function translateParts(catalog: object, language: Language, key: string, params?: MessageParams, english?: object): MessagePart[] {
  const message = resolve(catalog, language, key, params, english);
  const parts: MessagePart[] = [];
  let from = 0;
  for (const match of message.matchAll(PLACEHOLDER)) {
    const name = match[1]!;
    const value = params?.[name];
    if (value === undefined) continue;
    if (match.index > from) parts.push({ text: message.slice(from, match.index) });
    parts.push({ text: valueText(value), param: name });
    from = match.index + match[0].length;
  }
  if (from < message.length) parts.push({ text: message.slice(from) });
  return parts;
}

// ---------------------------------------------------------------- the current language

/** A part of the interface whose catalogs load with its code (see `defineArea`). */
interface LoadableArea {
  load(language: Language): Promise<unknown>;
}

const areas = new Set<LoadableArea>();

function storedChoice(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

function browserLanguages(): readonly string[] {
  if (typeof navigator === 'undefined') return [];
  return navigator.languages?.length ? navigator.languages : navigator.language ? [navigator.language] : [];
}

class I18n {
  language = $state<Language>('en');
  catalog = $state.raw<Catalog>(en);
  /** The locale for dates and numbers. */
  locale = $state(DEFAULT_LOCALE.en);
  readonly #loaded = new Map<Language, Catalog>([['en', en]]);
  /** The latest language asked for: an earlier, slower load does not win over it. */
  #wanted: Language = 'en';

  get direction(): 'ltr' | 'rtl' {
    return this.language === 'ar' ? 'rtl' : 'ltr';
  }

  async load(language: Language): Promise<Catalog> {
    const known = this.#loaded.get(language);
    if (known) return known;
    const catalog = (await loaders[language as Exclude<Language, 'en'>]()).default;
    this.#loaded.set(language, catalog);
    return catalog;
  }

  async set(language: Language): Promise<void> {
    this.#wanted = language;
    // The parts of the interface loaded so far change language together with the rest.
    const [catalog] = await Promise.all([this.load(language), ...[...areas].map((area) => area.load(language))]);
    if (this.#wanted !== language) return;
    this.catalog = catalog;
    this.language = language;
    this.locale = localeFor(language, browserLanguages());
    if (typeof document !== 'undefined') {
      document.documentElement.lang = HTML_LANG[language];
      document.documentElement.dir = this.direction;
    }
  }
}

export const i18n = new I18n();

/** A message of the current language (see `translate`). Reactive: pages follow a change of language. */
export function t(key: MessageKey, params?: MessageParams): string {
  return translate(i18n.catalog, i18n.language, key, params);
}

/** A message of the current language as parts (see `translateParts`). */
export function tParts(key: MessageKey, params?: MessageParams): MessagePart[] {
  return translateParts(i18n.catalog, i18n.language, key, params);
}

/**
 * Changes the language of the interface: loads its catalog, then shows it, and keeps the
 * choice in this browser. Rejects, leaving the language as it was, if the catalog cannot load.
 */
export async function setLanguage(language: Language, options: { remember?: boolean } = {}): Promise<void> {
  await i18n.set(language);
  if (options.remember === false) return;
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Storage turned off: the choice lasts for this page only.
  }
}

/**
 * The language at start: the kept choice, else the browser's. Resolves once its catalog is in
 * (English if it cannot load), so the first page is drawn in it. A choice made in another tab
 * of this browser is followed here too.
 */
export async function startLanguage(): Promise<void> {
  const language = pickLanguage(storedChoice(), browserLanguages());
  try {
    await i18n.set(language);
  } catch {
    await i18n.set('en');
  }
  addEventListener('storage', (event) => {
    if (event.key !== STORAGE_KEY && event.key !== null) return;
    const next = pickLanguage(storedChoice(), browserLanguages());
    if (next !== i18n.language) i18n.set(next).catch(() => undefined);
  });
}

// ---------------------------------------------------------------- parts of the interface loaded on demand

/** The catalogs of an area in the languages other than English, each loaded on demand. */
export type AreaLoaders<C> = Record<Exclude<Language, 'en'>, () => Promise<{ default: CatalogShape<C> }>>;

/** The translator of one part of the interface. */
export interface Area<C> {
  /** A message of the current language; English until the language's catalog is in. Reactive. */
  t(key: MessagePath<C>, params?: MessageParams): string;
  /** The same message as parts, for `<Sentence parts=…>`. */
  tParts(key: MessagePath<C>, params?: MessageParams): MessagePart[];
  /** Loads the catalog of a language (resolves once it is in). */
  load(language: Language): Promise<unknown>;
}

/**
 * A part of the interface that only staff, chairs or captioners open — the staff pages, the chair
 * console, the captioner console, the record page — with catalogs of its own, so that its words
 * load with its code and not in the participant's bundle. English (`en`) is the source of
 * truth; every translation has exactly its keys (CatalogShape, test/unit/i18n-catalogs.test.ts).
 *
 * The area joins the language switch: `setLanguage` waits for the area's catalog too. The module
 * that defines an area awaits `area.load(i18n.language)` at its top level, so a page in French
 * is drawn in French from its first frame.
 */
export function defineArea<C extends object>(english: C, loaders: AreaLoaders<C>): Area<C> {
  let catalogs = $state.raw<Partial<Record<Language, object>>>({ en: english });
  const loading = new Map<Language, Promise<unknown>>();
  const load = (language: Language): Promise<unknown> => {
    if (language === 'en') return Promise.resolve();
    let pending = loading.get(language);
    if (!pending) {
      pending = loaders[language]().then(
        (module) => {
          catalogs = { ...catalogs, [language]: module.default };
        },
        (error: unknown) => {
          loading.delete(language);
          throw error;
        },
      );
      loading.set(language, pending);
    }
    return pending;
  };
  const current = (): object => {
    const catalog = catalogs[i18n.language];
    if (!catalog) void load(i18n.language).catch(() => undefined);
    return catalog ?? english;
  };
  const area: Area<C> = {
    t: (key, params) => translate(current(), i18n.language, key, params, english),
    tParts: (key, params) => translateParts(current(), i18n.language, key, params, english),
    load,
  };
  areas.add(area);
  return area;
}

// ---------------------------------------------------------------- dates and times

const DATE_OPTIONS: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' };
const CLOCK_OPTIONS: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
/** As in United Nations documents: the Gregorian calendar and Latin digits, whatever the locale's default. */
const UN_STYLE: Intl.DateTimeFormatOptions = { calendar: 'gregory', numberingSystem: 'latn' };

function toDate(instant: Date | number | string): Date {
  return instant instanceof Date ? instant : new Date(instant);
}

function format(instant: Date, options: Intl.DateTimeFormatOptions, timeZone: string | undefined, locale = i18n.locale): string {
  // "Tue, 11 Apr 2017" → "Tue 11 Apr 2017": the comma after a short weekday is noise.
  return new Intl.DateTimeFormat(locale, { ...UN_STYLE, ...options, timeZone }).format(instant).replace(/^([^\s,]+),(?=\s\d)/, '$1');
}

/** The viewer's own zone, e.g. "Europe/Zurich". */
export function viewerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/**
 * A date and time in the user's locale and time zone, with UTC beside it:
 * "Wed 12 Apr 2017, 00:00 (Tue 11 Apr 2017, 22:00 UTC)", the UTC date left out when it is the
 * same day: "Tue 11 Apr 2017, 14:00 (12:00 UTC)". Where the local time is UTC's, it is shown once: "… 22:00 UTC".
 * `timeZone` stands in for the viewer's zone (tests).
 */
export function formatDateTime(value: Date | number | string, timeZone?: string): string {
  const instant = toDate(value);
  if (Number.isNaN(instant.getTime())) return String(value);
  const utcFull = format(instant, { ...DATE_OPTIONS, ...CLOCK_OPTIONS }, 'UTC');
  const local = format(instant, { ...DATE_OPTIONS, ...CLOCK_OPTIONS }, timeZone);
  if (local === utcFull) return t('time.utcOnly', { utc: utcFull });
  const sameDay = format(instant, DATE_OPTIONS, 'UTC') === format(instant, DATE_OPTIONS, timeZone);
  const utc = sameDay ? format(instant, CLOCK_OPTIONS, 'UTC') : utcFull;
  return t('time.withUtc', { local, utc });
}

/** A time of day in the user's zone with UTC beside it: "14:02 (12:02 UTC)"; "12:02 UTC" where the two are the same. */
export function formatTime(value: Date | number | string, timeZone?: string): string {
  const instant = toDate(value);
  if (Number.isNaN(instant.getTime())) return String(value);
  const utc = format(instant, CLOCK_OPTIONS, 'UTC');
  const local = format(instant, CLOCK_OPTIONS, timeZone);
  const sameDay = format(instant, DATE_OPTIONS, 'UTC') === format(instant, DATE_OPTIONS, timeZone);
  if (sameDay && local === utc) return t('time.utcOnly', { utc });
  // Across midnight, the UTC side says which day it is.
  return t('time.withUtc', { local, utc: sameDay ? utc : format(instant, { ...DATE_OPTIONS, ...CLOCK_OPTIONS }, 'UTC') });
}

/** A date and time in a given zone, in the user's locale: "Wed 12 Apr 2017, 00:00". */
export function formatInZone(value: Date | number | string, timeZone: string): string {
  const instant = toDate(value);
  if (Number.isNaN(instant.getTime())) return String(value);
  return format(instant, { ...DATE_OPTIONS, ...CLOCK_OPTIONS }, timeZone);
}

/** A percentage in the user's locale: "125 %" in French. */
export function formatPercent(percent: number): string {
  return new Intl.NumberFormat(i18n.locale, { style: 'percent', numberingSystem: 'latn' } as Intl.NumberFormatOptions).format(
    percent / 100,
  );
}
