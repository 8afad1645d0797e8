/**
 * The shape of the record's fixed words in each language (record-words.ts has the languages
 * together), and what the languages' files share: counts by plural rules, the punctuation of
 * the languages written with Latin letters, the names of roles, groups, regions and places.
 */
import type { PeopleLabels } from '../../labels/labels.ts';
import type { DecisionKind } from '../../meeting/types.ts';

/** Words the participation charts need beyond the record's own. */
export interface ChartWords {
  charts: string;
  turnCount: (n: number) => string;
  figures: (title: string) => string;
}

/** The punctuation the record puts between its words and people's text. */
export interface RecordPunctuation {
  /** After a label: `Support: A, B.` */
  colon: string;
  /** Between the parts of one statement: `(Secretariat, by 2017-04-25)`. */
  comma: string;
  /** Between the names of a list. */
  listComma: string;
  /** Between items of a list that have commas in them. */
  semicolon: string;
  /** The end of the last sentence of a paragraph. */
  fullStop: string;
  /** The end of a sentence and the start of the next: `. `, or `。` alone in Chinese. */
  nextSentence: string;
  /** Before and after an aside, the space before it included: ` (in the room)`. */
  open: string;
  close: string;
  /** Around quoted words (chat messages). */
  quoteOpen: string;
  quoteClose: string;
}

/**
 * `roles`, `stakeholderGroups` and `regions` (`unknown`: not stated, not asked or typed in by
 * name) as the interface shows them; `locations` (where people took part from) in the middle
 * of a sentence: "(in the room)".
 */
export interface RecordWords extends ChartWords, PeopleLabels {
  /**
   * The locale for dates (Intl, always with the Gregorian calendar and Latin digits, as in
   * United Nations documents) and the document language of DOCX and PDF.
   */
  locale: string;
  direction: 'ltr' | 'rtl';
  punctuation: RecordPunctuation;
  summaryReport: string;
  draft: string;
  final: string;
  meeting: string;
  date: string;
  time: string;
  chair: string;
  secretariat: string;
  summary: string;
  item: string;
  minutesAllotted: (allotted: number | null, used: number) => string;
  speakers: string;
  /** A speech's floor language, when not the meeting's: "in Spanish". */
  spokeIn: (language: string) => string;
  noSpeakers: string;
  support: string;
  objections: string;
  otherComments: string;
  consensus: (question: string) => string;
  agreedWithoutObjection: string;
  objectionsFrom: string;
  stillOpen: string;
  decision: string;
  decisionKinds: Record<DecisionKind, string>;
  actionItems: string;
  by: string;
  flaggedChat: string;
  presentations: string;
  annexAgenda: string;
  annexProposals: string;
  annexParticipants: string;
  annexAttendance: string;
  annexStatistics: string;
  annexTranscript: string;
  /** What the transcript annex says of the channels it lists. */
  transcriptText: string;
  /** The floor channel's name (the languages are named in their own words). */
  transcriptFloor: string;
  transcriptLines: (count: number) => string;
  proposal: string;
  minutes: (n: number) => string;
  name: string;
  affiliation: string;
  role: string;
  joined: string;
  left: string;
  connected: string;
  absent: string;
  /** In the attendance annex, beside the time someone not on the roster was first queued or spoke: typed in by the chair. */
  addedByName: string;
  byLocation: string;
  byStakeholderGroup: string;
  byRegion: string;
  turns: string;
  speakingTime: string;
  share: string;
  none: string;
  generatedAt: string;
  finalisedBy: (name: string, when: string) => string;
  /** After "Draft": the instant every figure is counted to, `14:32 UTC`. */
  asOf: (time: string) => string;
  /** A record approved at a later meeting: `Approved at MAG Virtual Meeting IV, 9 May 2017`. */
  approvedAt: (meeting: string, date: string) => string;
  /** The agenda item of a later meeting that approves a record: `Approval of the minutes of MAG Virtual Meeting III`. */
  approvalOfMinutes: (meeting: string) => string;
  /** A paragraph of a circulated draft, for corrections: `Paragraph 4`. */
  paragraph: (n: number) => string;
  /** The annexes' numbers, I to VI, as the annex headings write them (before ` – `); annexes are numbered in the order they appear. */
  annexNumerals: readonly string[];
  /** After an objector's name in a consensus call: `who said “No proposal was circulated”`. */
  whoSaid: (reason: string) => string;
  /** An item that never ran. */
  notTakenUp: string;
  /** An item the chair deferred. */
  itemDeferred: string;
  /** A presentation slot: its minutes and the time it took (`12:30`). */
  presentationTime: (allotted: number, used: string) => string;
  /** How far a presentation ran over its minutes (`2:30`). */
  overrun: (by: string) => string;
  cutShort: string;
  /** A presentation slot never given. */
  notGiven: string;
  /** The meeting had not ended at the record's instant. */
  inSession: string;
  /** Before the planned times, when the meeting opened or closed at other times. */
  plannedTime: string;
  /** Whether a sentence's full stop goes inside a closing quote (`“Thank you.”`), as in English. */
  stopInsideQuotes: boolean;
}

export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/** A count in words by the language's plural rules (CLDR, through Intl.PluralRules); `#` is the number. */
export function plural(locale: string, forms: PluralForms): (n: number) => string {
  const rules = new Intl.PluralRules(locale);
  return (n) => (forms[rules.select(n)] ?? forms.other).replace('#', String(n));
}

/** The punctuation of English and Spanish, which French, Russian and Arabic change in places. */
export const LATIN_PUNCTUATION: RecordPunctuation = {
  colon: ': ',
  comma: ', ',
  listComma: ', ',
  semicolon: '; ',
  fullStop: '.',
  nextSentence: '. ',
  open: ' (',
  close: ')',
  quoteOpen: '“',
  quoteClose: '”',
};

/**
 * The language's names of roles, groups, regions and places (shared/labels), the places with a
 * small first letter for the middle of a sentence where the language has capitals.
 */
export function peopleWords(labels: PeopleLabels, locale: string): PeopleLabels {
  const inSentence = (label: string) => label.charAt(0).toLocaleLowerCase(locale) + label.slice(1);
  const locations = Object.fromEntries(Object.entries(labels.locations).map(([key, label]) => [key, inSentence(label)]));
  return { ...labels, locations: locations as PeopleLabels['locations'] };
}

/** A language tag's name in the record's language (Spanish, espagnol …), or the tag itself. */
export function languageName(locale: string, tag: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}
