/** The staff pages' translator: their catalogs load with their code, not in the participant's bundle. */
import { defineArea, i18n } from '../i18n.svelte.ts';
import en from './en.ts';

export const staff = defineArea(en, {
  fr: () => import('./fr.ts'),
  es: () => import('./es.ts'),
  ru: () => import('./ru.ts'),
  ar: () => import('./ar.ts'),
  zh: () => import('./zh.ts'),
});
// The staff pages are drawn in the interface's language from their first frame.
await staff.load(i18n.language).catch(() => undefined);
