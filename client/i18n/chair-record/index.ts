/** The translator of the chair console's record-making panels: its catalogs load with the console's code, not in the participant's bundle. */
import { defineArea, i18n } from '../i18n.svelte.ts';
import en from './en.ts';

export const chairRecord = defineArea(en, {
  fr: () => import('./fr.ts'),
  es: () => import('./es.ts'),
  ru: () => import('./ru.ts'),
  ar: () => import('./ar.ts'),
  zh: () => import('./zh.ts'),
});
// The panels are drawn in the interface's language from their first frame.
await chairRecord.load(i18n.language).catch(() => undefined);
