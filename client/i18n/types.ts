/**
 * The shape every catalog shares, derived from the English one (en.ts, the source of truth):
 * the same nested keys, a string wherever English has a string, and plural forms wherever
 * English has plural forms. A missing or extra key in a translation is a type error.
 *
 * Plural forms are an object of CLDR plural categories (`one`, `few`, `many`, `other`…); each
 * language gives the categories its own Intl.PluralRules uses (test/unit/i18n-catalogs.test.ts).
 * Keys whose name ends in `Ordinal` choose their form by the ordinal rules ("1st", "2nd").
 */

/** The languages of the interface: the six official languages of the United Nations. */
export const LANGUAGES = ['en', 'fr', 'es', 'ru', 'ar', 'zh'] as const;
export type Language = (typeof LANGUAGES)[number];

export type PluralCategory = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';
export const PLURAL_CATEGORIES: readonly PluralCategory[] = ['zero', 'one', 'two', 'few', 'many', 'other'];

export type PluralForms = { readonly [C in PluralCategory]?: string } & { readonly other: string };

/** Whether a node of the English catalog is a set of plural forms (only plural category keys, `other` among them). */
type IsPlural<T> = T extends { other: string } ? ([Exclude<keyof T, PluralCategory>] extends [never] ? true : false) : false;

/** Every translation's shape: English's keys, with strings and plural forms in the same places. */
export type CatalogShape<T> = {
  [K in keyof T]: T[K] extends string ? string : IsPlural<T[K]> extends true ? PluralForms : CatalogShape<T[K]>;
};

/** Every message's dotted path in a catalog: `participant.raiseHand`, `queue.ahead`. */
export type MessagePath<T> = {
  [K in keyof T & string]: T[K] extends string ? K : IsPlural<T[K]> extends true ? K : `${K}.${MessagePath<T[K]>}`;
}[keyof T & string];

/** Values put in a message's `{name}` placeholders; `count` also chooses the plural form. */
export type MessageParams = Readonly<Record<string, string | number>>;
