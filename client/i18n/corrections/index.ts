/** The corrections' translator: its catalogs load with its code. */
import { defineArea, i18n } from '../i18n.svelte.ts';
import en from './en.ts';

export const corrections = defineArea(en, {
  fr: () => import('./fr.ts'),
  es: () => import('./es.ts'),
  ru: () => import('./ru.ts'),
  ar: () => import('./ar.ts'),
  zh: () => import('./zh.ts'),
});
// Drawn in the interface's language from its first frame.
await corrections.load(i18n.language).catch(() => undefined);
