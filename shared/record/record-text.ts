/** Small pieces of the record's Markdown: escaping people's text, times and clocks, the order of names. */
import { MEETING_ROLES } from '../domain.ts';
import type { MeetingRecord, RecordDecision } from './record-model.ts';
import type { RecordLanguage, RecordWords } from './record-words.ts';

/** Text from people (names, titles, chat) cannot turn into Markdown or HTML of its own. */
export function escapeInline(text: string): string {
  return text.replace(/[\\`*_[\]<>|#]/g, (char) => `\\${char}`).replace(/\s+/g, ' ');
}

/** `14:32`, in UTC; empty for no time. */
export function utcTime(ms: number | null): string {
  if (ms === null) return '';
  return new Date(ms).toISOString().slice(11, 16);
}

/** Minutes and seconds, `12:05`. */
export function clock(ms: number): string {
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** A decision's kind in words, with its text when it has one. */
export function decisionText(decision: RecordDecision, w: RecordWords): string {
  // The sentence's own full stop ends it: a decision typed with one (in any script) loses it.
  const text = decision.text.replace(/[.。]\s*$/, '');
  return `${w.decisionKinds[decision.kind]}${text ? ` — ${escapeInline(text)}` : ''}`;
}

/**
 * The participants by role, then by name in the alphabetical order of the record's language:
 * a Russian record lists Cyrillic names before Latin ones, an English record the other way round.
 */
export function inRecordOrder(participants: MeetingRecord['participants'], language: RecordLanguage): MeetingRecord['participants'] {
  const collator = new Intl.Collator(language);
  return [...participants].sort(
    (a, b) => MEETING_ROLES.indexOf(a.role) - MEETING_ROLES.indexOf(b.role) || collator.compare(a.name, b.name),
  );
}

/** A word that starts a sentence, with a capital where the script has them. */
export function capitalised(text: string, w: RecordWords): string {
  return text.charAt(0).toLocaleUpperCase(w.locale) + text.slice(1);
}

/**
 * Sentences into a paragraph, each ended once: a sentence that ends on a quotation ending in
 * its own punctuation (`“Thank you!”`) takes no full stop after it, and in English the full
 * stop goes inside the closing quote (`“Thank you.”`), never `”.`.
 */
export function joinSentences(sentences: string[], w: RecordWords): string {
  const p = w.punctuation;
  const stop = p.fullStop.trim();
  /** What stands between two sentences besides the full stop: a space, or nothing (Chinese). */
  const gap = p.nextSentence.replace(stop, '');
  return sentences
    .map((sentence, index) => {
      const last = index === sentences.length - 1;
      if (!sentence.endsWith(p.quoteClose)) return sentence + (last ? p.fullStop : p.nextSentence);
      const quoted = sentence.slice(0, -p.quoteClose.length).trimEnd();
      if (/[.!?…。！？]$/.test(quoted)) return last ? sentence : sentence + gap;
      if (w.stopInsideQuotes) return `${sentence.slice(0, -p.quoteClose.length)}${stop}${p.quoteClose}${last ? '' : gap}`;
      return sentence + (last ? p.fullStop : p.nextSentence);
    })
    .join('');
}
