/** The captioner console's translator: its catalogs load with its code, not in the participant's bundle. */
import { defineArea, i18n } from '../i18n.svelte.ts';
import en from './en.ts';

export const captioner = defineArea(en, {
  fr: () => import('./fr.ts'),
  es: () => import('./es.ts'),
  ru: () => import('./ru.ts'),
  ar: () => import('./ar.ts'),
  zh: () => import('./zh.ts'),
});
// The console is drawn in the interface's language from its first frame.
await captioner.load(i18n.language).catch(() => undefined);
