/**
 * Which way a record's text runs: right to left for an Arabic record, known by its status line
 * ("**تقرير موجز** — …", as generated) or, once edited past it, by most of its letters.
 */
import { ar } from '../../shared/record/words/ar.ts';

export function recordDirection(markdown: string): 'ltr' | 'rtl' {
  if (markdown.includes(`**${ar.summaryReport}**`)) return 'rtl';
  const letters = markdown.match(/\p{L}/gu)?.length ?? 0;
  const rightToLeft = markdown.match(/[\p{Script=Arabic}\p{Script=Hebrew}]/gu)?.length ?? 0;
  return letters > 0 && rightToLeft * 2 > letters ? 'rtl' : 'ltr';
}
