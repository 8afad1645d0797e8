/**
 * Parse the proposals of one agenda item, typed or pasted as a list (the working groups and
 * Best Practice Forums of a summary report's annex), into title, proposers and short text.
 * Pure: the set-up page previews exactly what the server will store.
 *
 * One proposal per bullet line (`- `, `* `, `• `, `1.`); without any bullet, one per line that
 * is not indented. Its proposers follow the title after a dash and a label
 * (`Cybersecurity — facilitators: Markus Kummer`), in brackets (`(proposed by: …)`), or on a
 * line of their own (`BPF Proposal/Facilitation: Markus Kummer`). The other lines under it are
 * its short text.
 */
import { LIMITS } from './limits.ts';
import type { AgendaLineProblem } from './agenda-text.ts';

export interface ParsedProposal {
  title: string;
  /** Facilitators or proposers as written ("Miguel Ignacio Estrada, Raquel Gatto"), or ''. */
  proposers: string;
  /** The short text, or ''. */
  text: string;
}
export interface ProposalsParseResult {
  proposals: ParsedProposal[];
  problems: AgendaLineProblem[];
}

export const PROPOSALS_LIMITS = { perItem: 100, proposers: 500, text: 2_000, listText: 20_000 } as const;

const BULLET = /^(?:[-*+•–—]|\d{1,3}[.)])(?:\s+|$)/;
/** "facilitators", "WG Proposal/Facilitation", "proposed by", "proposers", "facilitation"… */
const LABEL = String.raw`(?:[A-Za-z]{2,6}\s+)?(?:proposal\s*\/\s*facilitation|facilitators?|facilitation|proposers?|proposed\s+by|submitted\s+by)`;
const LABEL_LINE = new RegExp(String.raw`^${LABEL}\s*:\s*(.*)$`, 'i');
const AFTER_DASH = new RegExp(String.raw`\s+[—–-]\s*${LABEL}\s*:\s*(.*)$`, 'i');
const IN_BRACKETS = new RegExp(String.raw`\s*\(\s*${LABEL}\s*:\s*([^)]*)\)\s*$`, 'i');

interface Draft {
  line: number;
  title: string;
  proposers: string[];
  text: string[];
}

/** Parse a list of proposals as people write it. An empty text is no proposals. */
export function parseProposalsText(input: string): ProposalsParseResult {
  const lines = input.split(/\r\n|\r|\n/).map((raw) => ({ raw, content: raw.replace(/\*\*|__|<\/?[a-z]+>/gi, '').trim() }));
  const bulleted = lines.some(({ content }) => BULLET.test(content));
  const drafts: Draft[] = [];
  const problems: AgendaLineProblem[] = [];
  let current: Draft | undefined;

  lines.forEach(({ raw, content }, index) => {
    const line = index + 1;
    if (content === '') return;
    const starts = bulleted ? BULLET.test(content) : !/^\s/.test(raw);
    const label = LABEL_LINE.exec(content);
    if (!starts || (label && current)) {
      if (!current) {
        problems.push({ line, message: `"${firstChars(content, 60)}" comes before the first proposal — start each proposal with "- "` });
      } else if (label) current.proposers.push((label[1] ?? '').trim());
      else current.text.push(content);
      return;
    }
    current = { line, title: content.replace(BULLET, ''), proposers: [], text: [] };
    for (const pattern of [AFTER_DASH, IN_BRACKETS]) {
      const found = pattern.exec(current.title);
      if (!found) continue;
      current.proposers.push(found[1]!.trim());
      current.title = current.title.slice(0, found.index);
      break;
    }
    drafts.push(current);
  });

  const proposals: ParsedProposal[] = [];
  const firstLineOfTitle = new Map<string, number>();
  for (const draft of drafts) {
    const title = draft.title.replace(/\s+/g, ' ').trim();
    const proposers = draft.proposers.filter(Boolean).join(', ').replace(/\s+/g, ' ');
    const text = draft.text.join(' ').replace(/\s+/g, ' ').trim();
    const key = title.toLowerCase();
    const problem =
      title === ''
        ? 'a proposal has no title'
        : title.length > LIMITS.title
          ? `the title "${firstChars(title, 40)}…" is longer than ${LIMITS.title} characters`
          : firstLineOfTitle.has(key)
            ? `the proposal "${firstChars(title, 60)}" is listed twice (first on line ${firstLineOfTitle.get(key)})`
            : proposers.length > PROPOSALS_LIMITS.proposers
              ? `the proposers of "${firstChars(title, 40)}" are longer than ${PROPOSALS_LIMITS.proposers} characters`
              : text.length > PROPOSALS_LIMITS.text
                ? `the text of "${firstChars(title, 40)}" is longer than ${PROPOSALS_LIMITS.text} characters`
                : undefined;
    if (problem) {
      problems.push({ line: draft.line, message: problem });
      continue;
    }
    firstLineOfTitle.set(key, draft.line);
    proposals.push({ title, proposers, text });
  }
  if (proposals.length > PROPOSALS_LIMITS.perItem) {
    problems.push({ line: 1, message: `an item can have at most ${PROPOSALS_LIMITS.perItem} proposals` });
  }
  problems.sort((a, b) => a.line - b.line);
  return { proposals, problems };
}

/** Proposals written back as text that `parseProposalsText` reads the same way. */
export function proposalsAsText(proposals: readonly ParsedProposal[]): string {
  return proposals
    .map((proposal) => {
      const head = `- ${proposal.title}${proposal.proposers ? ` — facilitators: ${proposal.proposers}` : ''}`;
      return proposal.text ? `${head}\n  ${proposal.text}` : head;
    })
    .join('\n');
}

/** The first characters, never cutting a character outside the BMP in two. */
function firstChars(text: string, count: number): string {
  return Array.from(text).slice(0, count).join('');
}
