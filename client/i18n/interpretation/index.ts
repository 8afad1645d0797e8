/** Interpretation's translator: its catalogs load on demand, one chunk per language. */
import { defineArea, i18n } from '../i18n.svelte.ts';
import en from './en.ts';

export const interpretation = defineArea(en, {
  fr: () => import('./fr.ts'),
  es: () => import('./es.ts'),
  ru: () => import('./ru.ts'),
  ar: () => import('./ar.ts'),
  zh: () => import('./zh.ts'),
});
await interpretation.load(i18n.language).catch(() => undefined);

/** A language tag's name in the interface's language (Arabic, arabe, árabe …), or the tag itself. */
export function languageName(tag: string): string {
  try {
    return new Intl.DisplayNames([i18n.locale], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}
