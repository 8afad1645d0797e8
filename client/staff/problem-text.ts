/**
 * The staff forms check what people typed before sending it, with the server's own rules
 * (shared/schemas.ts, shared/agenda-text.ts), which word their problems in English. These are
 * the same problems said in the interface's language; a problem not known here is shown as it is.
 */
import type { InputProblem } from '../../shared/schemas.ts';
import { staff } from '../i18n/staff/index.ts';

type Rule = [RegExp, (match: RegExpExecArray) => string];

const RULES: Rule[] = [
  [/^must not be empty$/, () => staff.t('problems.empty')],
  [/^must be at most (\d+) characters$/, (m) => staff.t('problems.atMostCharacters', { max: Number(m[1]) })],
  [/^must be at least (\d+) characters$/, (m) => staff.t('problems.atLeastCharacters', { min: Number(m[1]) })],
  [/^must be an email address$/, () => staff.t('problems.email')],
  [/^is not a valid link$/, () => staff.t('problems.link')],
  [/^must be secretariat or chair$/, () => staff.t('problems.staffRole')],
  [/^must be a date and time like 2017-04-11T22:00$/, () => staff.t('problems.dateTime')],
  [/^must be a day and time on the calendar, like 2017-04-11T22:00$/, () => staff.t('problems.dateTime')],
  [/^must be a time zone such as UTC or Europe\/Zurich$/, () => staff.t('problems.timeZone')],
  [/^must be whole minutes$/, () => staff.t('problems.wholeMinutes')],
  [/^must be at least 1 minute$/, () => staff.t('problems.atLeastOneMinute')],
  [/^must be at most 24 hours$/, () => staff.t('problems.atMostOneDay')],
  [/^is not an accepted field$/, () => staff.t('problems.notAccepted')],
  [/^is too large$/, () => staff.t('problems.tooLarge')],
  // A caption destination's address (shared/caption-destinations.ts).
  [/^must be an https:\/\/ or http:\/\/ address$/, () => staff.t('problems.webAddress')],
  [/^must not carry seq or a user name and password$/, () => staff.t('problems.noSeqOrPassword')],
  [/^must be the API token URL copied from Zoom's closed captioning settings/, () => staff.t('problems.zoomTokenUrl')],
  [/^is too long$/, () => staff.t('problems.tooLong')],
  // The agenda parser's problems, line by line.
  [/^not an agenda item: "(.*)" — write items like "3 - Title \(10 minutes\)"$/s, (m) => staff.t('problems.notAnItem', { text: m[1]! })],
  [
    /^sub-item "(.+)" comes before any numbered item — start with an item like "1 - Title"$/,
    (m) => staff.t('problems.subItemFirst', { number: m[1]! }),
  ],
  [
    /^item number "(.+)" is used twice \(first on line (\d+)\)$/,
    (m) => staff.t('problems.numberTwice', { number: m[1]!, line: Number(m[2]) }),
  ],
  [/^item (\S+) has no title$/, (m) => staff.t('problems.noTitle', { number: m[1]! })],
  [
    /^the title of item (\S+) is longer than (\d+) characters$/,
    (m) => staff.t('problems.titleTooLong', { number: m[1]!, max: Number(m[2]) }),
  ],
  [
    /^item (\S+) lasts (\d+) minutes; an item can last at most (\d+) minutes \(24 hours\)$/,
    (m) => staff.t('problems.itemTooLong', { number: m[1]!, minutes: Number(m[2]), max: Number(m[3]) }),
  ],
  [/^the agenda is empty: no numbered items were found$/, () => staff.t('problems.agendaEmpty')],
  // The proposals list's problems, line by line.
  [
    /^"(.*)" comes before the first proposal — start each proposal with "- "$/s,
    (m) => staff.t('problems.beforeFirstProposal', { text: m[1]! }),
  ],
  [/^a proposal has no title$/, () => staff.t('problems.proposalNoTitle')],
  [
    /^the title "(.*)…" is longer than (\d+) characters$/s,
    (m) => staff.t('problems.proposalTitleTooLong', { title: m[1]!, max: Number(m[2]) }),
  ],
  [
    /^the proposal "(.*)" is listed twice \(first on line (\d+)\)$/s,
    (m) => staff.t('problems.proposalTwice', { title: m[1]!, line: Number(m[2]) }),
  ],
  [
    /^the proposers of "(.*)" are longer than (\d+) characters$/s,
    (m) => staff.t('problems.proposersTooLong', { title: m[1]!, max: Number(m[2]) }),
  ],
  [
    /^the text of "(.*)" is longer than (\d+) characters$/s,
    (m) => staff.t('problems.proposalTextTooLong', { title: m[1]!, max: Number(m[2]) }),
  ],
  [/^an item can have at most (\d+) proposals$/, (m) => staff.t('problems.tooManyProposals', { max: Number(m[1]) })],
];

/** A problem's message in the interface's language. */
export function problemText(message: string): string {
  for (const [pattern, say] of RULES) {
    const match = pattern.exec(message);
    if (match) return say(match);
  }
  return message;
}

/** The problems a form's own check found, in the interface's language. */
export function localProblems(problems: readonly InputProblem[]): InputProblem[] {
  return problems.map((problem) => ({ ...problem, message: problemText(problem.message) }));
}

/** Problems found on lines of a pasted text (agenda, proposals), as a form's failure lists them. */
export function lineProblems(problems: readonly { line: number; message: string }[]): { where: string; message: string }[] {
  return problems.map((problem) => ({ where: staff.t('agenda.line', { line: problem.line }), message: problemText(problem.message) }));
}
