/** The record page's translator: its catalogs load with its code, not in the participant's bundle. */
import { defineArea, i18n } from '../i18n.svelte.ts';
import en from './en.ts';

export const recordPage = defineArea(en, {
  fr: () => import('./fr.ts'),
  es: () => import('./es.ts'),
  ru: () => import('./ru.ts'),
  ar: () => import('./ar.ts'),
  zh: () => import('./zh.ts'),
});
// The page is drawn in the interface's language from its first frame.
await recordPage.load(i18n.language).catch(() => undefined);
