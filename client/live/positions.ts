/**
 * Words and small pure helpers for positions, consensus calls, decisions and the chat, as the
 * participant view, the chair console and the room display show them (rules P1–P4, C1–C3, D1, H1–H3).
 */
import type {
  AgendaItem,
  ChatMessage,
  ConsensusCall,
  DecisionKind,
  MeetingState,
  Objection,
  Participant,
  Position,
  Stance,
} from '../../shared/meeting/types.ts';
import { i18n, t } from '../i18n/i18n.svelte.ts';
import { safeHref, WEB_PROTOCOLS } from '../../shared/safe-href.ts';

export function stanceLabel(stance: Stance): string {
  return t(`stances.${stance}`);
}

/** The heading of each stance's list of names. */
export function stanceGroupLabel(stance: Stance): string {
  return t(`stanceGroups.${stance}`);
}

export function decisionKindLabel(kind: DecisionKind): string {
  return t(`decisionKinds.${kind}`);
}

/** An item as a whole, or one of its proposals: what a position, a call or a decision is on. */
export interface TargetView {
  itemId: string;
  proposalId: string | null;
  /** A unique key for lists and select values. */
  key: string;
  /** "Item 1: Adoption of agenda" or "Proposal: BPF Cybersecurity", as a heading. */
  heading: string;
  /** "item 1" or "BPF Cybersecurity", inside a sentence. */
  name: string;
  /** The name as the server words it in its default question, in English: "item 1" or the proposal's title. */
  subject: string;
}

export function targetKey(itemId: string, proposalId: string | null): string {
  return proposalId === null ? itemId : `${itemId}/${proposalId}`;
}

/** The item as a whole, then each of its proposals. */
export function targetsOf(item: AgendaItem): TargetView[] {
  return [
    {
      itemId: item.id,
      proposalId: null,
      key: targetKey(item.id, null),
      heading: t('positions.itemHeading', { number: item.number, title: item.title }),
      name: t('positions.itemName', { number: item.number }),
      subject: `item ${item.number}`,
    },
    ...item.proposals.map((proposal) => ({
      itemId: item.id,
      proposalId: proposal.id,
      key: targetKey(item.id, proposal.id),
      heading: t('positions.proposalHeading', { title: proposal.title }),
      name: proposal.title,
      subject: proposal.title,
    })),
  ];
}

export function findTarget(state: MeetingState, itemId: string, proposalId: string | null): TargetView | undefined {
  const item = state.agenda.find((candidate) => candidate.id === itemId);
  return item ? targetsOf(item).find((target) => target.proposalId === proposalId) : undefined;
}

/**
 * The question the server asks when the chair gives none (decide.ts): "Any objections to …?".
 * In English, as the server words it: the question is the meeting's content, the same for everyone.
 */
export function defaultQuestion(target: TargetView | undefined): string {
  return target ? `Any objections to ${target.subject}?` : '';
}

/** The positions held on one item or proposal, oldest first. */
export function positionsOn(positions: readonly Position[], itemId: string, proposalId: string | null): Position[] {
  return positions.filter((position) => position.itemId === itemId && position.proposalId === proposalId).sort((a, b) => a.at - b.at);
}

export function byStance(positions: readonly Position[]): Record<Stance, Position[]> {
  return {
    support: positions.filter((position) => position.stance === 'support'),
    objection: positions.filter((position) => position.stance === 'objection'),
    comment: positions.filter((position) => position.stance === 'comment'),
  };
}

/** P4: positions on a done or deferred item no longer change (but for the chair's corrections). */
export function itemClosed(item: AgendaItem): boolean {
  return item.status === 'done' || item.status === 'deferred';
}

/**
 * The item a participant states positions on: the running one; between items, the one that
 * ran last (as this screen remembers it, else the last one in the agenda that has run).
 */
export function positionsItem(state: MeetingState, remembered: string | null): AgendaItem | undefined {
  const running = state.agenda.find((item) => item.id === state.currentItemId);
  if (running) return running;
  const last = remembered === null ? undefined : state.agenda.find((item) => item.id === remembered);
  return last ?? state.agenda.filter((item) => item.usedMs > 0).at(-1);
}

/** The "who" choice of the chair console's forms that stands for a name typed in. */
export const TYPED_NAME = '__typed__';

/** Whose position or objection a chair's command is about: a roster person, or a typed name. */
export function holderFields(who: string, name: string): { participantId: string } | { name: string } | undefined {
  if (who === '') return undefined;
  if (who !== TYPED_NAME) return { participantId: who };
  const typed = name.trim();
  return typed === '' ? undefined : { name: typed };
}

/** A person as the chair console's "who" lists offer them: anyone who may hold a position now (P3). */
export function mayHoldPositions(person: Participant, state: MeetingState): boolean {
  if (person.role === 'captioner' || person.role === 'interpreter') return false;
  return person.role !== 'observer' || state.settings.observersMayTakePositions;
}

/** "Name (reason)" or "Name". */
export function objectionText(objection: Pick<Objection, 'name' | 'reason'>): string {
  return objection.reason ? t('consensus.nameWithReason', { name: objection.name, reason: objection.reason }) : objection.name;
}

/** C3: "Agreed without objection" or "Objections from A (reason), B". */
export function outcomeText(call: ConsensusCall): string {
  if (call.outcome === 'agreed-without-objection' || call.objections.length === 0) return t('consensus.agreedWithoutObjection');
  return t('consensus.objectionsFrom', { names: call.objections.map(objectionText).join(t('common.listSeparator')) });
}

/** Time left to object, in ms (negative once over). */
export function callRemainingMs(call: ConsensusCall, now: number): number {
  return call.openedAt + call.durationMs - now;
}

/** The open call, or else the last one if it closed less than `outcomeMs` ago. */
export function shownCall(state: MeetingState, now: number, outcomeMs: number): ConsensusCall | undefined {
  const last = state.consensusCalls.at(-1);
  if (!last) return undefined;
  const open = state.consensusCalls.find((call) => call.closedAt === null);
  if (open) return open;
  return last.closedAt !== null && now - last.closedAt < outcomeMs ? last : undefined;
}

export function objectionCount(count: number): string {
  return count === 0 ? t('consensus.noObjectionsYet') : t('consensus.objectionsSoFar', { count });
}

/** "14:02", in UTC (the chair console's speech list). */
export function shortTime(ms: number): string {
  return new Intl.DateTimeFormat(i18n.locale, {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: 'UTC',
    numberingSystem: 'latn',
  } as Intl.DateTimeFormatOptions).format(ms);
}

/** A piece of a chat message: plain text, or an http(s) link. */
export type ChatPart = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string };

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"]+/gi;
/** Punctuation that ends a sentence rather than the address it follows. */
const TRAILING = /[.,;:!?'"’”»]+$/;

/** Splits a message into text and links; only http and https addresses become links. */
export function chatParts(text: string): ChatPart[] {
  const parts: ChatPart[] = [];
  let last = 0;
  const push = (piece: string) => {
    if (piece === '') return;
    const previous = parts.at(-1);
    if (previous?.kind === 'text') previous.text += piece;
    else parts.push({ kind: 'text', text: piece });
  };
  for (const match of text.matchAll(URL_PATTERN)) {
    let candidate = match[0];
    // A closing bracket belongs to the address only when it closes one opened in it (Wikipedia links).
    for (;;) {
      const trimmed = candidate.replace(TRAILING, '');
      const unbalanced =
        /[)\]]$/.test(trimmed) && count(trimmed, trimmed.endsWith(')') ? '(' : '[') < count(trimmed, trimmed.endsWith(')') ? ')' : ']');
      const next = unbalanced ? trimmed.slice(0, -1) : trimmed;
      if (next === candidate) break;
      candidate = next;
    }
    const start = match.index;
    const href = safeHref(candidate, WEB_PROTOCOLS);
    if (!href) continue;
    push(text.slice(last, start));
    parts.push({ kind: 'link', text: candidate, href });
    last = start + candidate.length;
  }
  push(text.slice(last));
  return parts;
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}

/** H1: whether a message is private to the secretariat. */
export function isPrivate(message: ChatMessage): boolean {
  return message.to === 'secretariat';
}
