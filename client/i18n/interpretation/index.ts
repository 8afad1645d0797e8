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

export { languageName } from '../language-names.ts';
