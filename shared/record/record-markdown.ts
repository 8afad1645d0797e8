/**
 * The draft summary as Markdown, in the shape of the IGF's summary reports: a header,
 * numbered paragraphs per agenda item with who spoke, the positions per proposal
 * ("Support:", "Other Comments:"), consensus calls, decisions and action items; then the
 * agenda, the proposals, the participants, attendance and statistics as annexes.
 */
import { annexesMarkdown } from './record-annexes.ts';
import type { MeetingRecord, PositionLists, RecordConsensus, RecordDecision, RecordItem, RecordPresentation } from './record-model.ts';
import { capitalised, clock, decisionText, escapeInline, joinSentences, utcTime } from './record-text.ts';
import { recordDate, RECORD_WORDS, type RecordLanguage, type RecordWords } from './record-words.ts';

export function recordMarkdown(record: MeetingRecord, language: RecordLanguage = 'en'): string {
  const w = RECORD_WORDS[language];
  const p = w.punctuation;
  const out: string[] = [];
  // The status line, `**Summary report** — Draft, as of 14:32 UTC`: every figure below is counted to that instant.
  out.push(
    `# ${escapeInline(record.title)}`,
    '',
    `**${w.summaryReport}** — ${w.draft}${p.comma}${w.asOf(`${utcTime(record.asOf)} UTC`)}`,
    '',
  );
  out.push(...headerTable(record, language), '');

  if (record.items.length > 0) out.push(`## ${w.summary}`, '');
  record.items.forEach((item, index) => {
    out.push(...itemParagraph(item, index + 1, w), '');
  });

  out.push(...annexesMarkdown(record, language));
  return (
    out
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trimEnd() + '\n'
  );
}

function headerTable(record: MeetingRecord, language: RecordLanguage): string[] {
  const w = RECORD_WORDS[language];
  const p = w.punctuation;
  // The date the meeting was planned for; the times it actually opened and closed, the planned ones beside when they differ.
  const plannedEnd = record.plannedStart + record.plannedMinutes * 60_000;
  const planned = `${utcTime(record.plannedStart)}–${utcTime(plannedEnd)} UTC`;
  let time = planned;
  if (record.openedAt !== null) {
    const ended = record.endedAt !== null && record.endedAt <= record.asOf;
    const actual = ended ? `${utcTime(record.openedAt)}–${utcTime(record.endedAt)} UTC` : `${utcTime(record.openedAt)} UTC–`;
    time = `${actual}${ended ? '' : `${p.comma}${w.inSession}`}${actual === planned ? '' : `${p.open}${w.plannedTime}${p.colon}${planned}${p.close}`}`;
  }
  return [
    '| | |',
    '|---|---|',
    `| ${w.meeting} | ${escapeInline(record.title)}${record.body ? `${p.open}${escapeInline(record.body)}${p.close}` : ''} |`,
    `| ${w.date} | ${recordDate(record.plannedStart, language)} |`,
    `| ${w.time} | ${time} |`,
    `| ${w.chair} | ${escapeInline(record.chairs.join(p.listComma) || '—')} |`,
    `| ${w.secretariat} | ${escapeInline(record.secretariat.join(p.listComma) || '—')} |`,
  ];
}

/** One numbered paragraph: the item's facts in sentences, then its proposals as a list. */
function itemParagraph(item: RecordItem, number: number, w: RecordWords): string[] {
  const p = w.punctuation;
  /** `Label: a, b` (the full stop comes when the sentences are put together). */
  const sentence = (label: string, parts: string[], separator = p.listComma) => `${label}${p.colon}${parts.join(separator)}`;
  const sentences: string[] = [];
  const heading = `**${w.item} ${escapeInline(item.number)} – ${escapeInline(item.title)}**`;
  if (!item.takenUp) {
    // Never run: its minutes, and that it was not taken up (or deferred), instead of "0 used".
    const minutes = item.minutesAllotted === null ? '' : `${p.open}${w.minutes(item.minutesAllotted)}${p.close}`;
    sentences.push(`${heading}${minutes}`, capitalised(item.status === 'deferred' ? w.itemDeferred : w.notTakenUp, w));
  } else {
    sentences.push(`${heading}${p.open}${w.minutesAllotted(item.minutesAllotted, item.minutesUsed)}${p.close}`);
    if (item.status === 'deferred') sentences.push(capitalised(w.itemDeferred, w));
  }
  if (item.presentations.length > 0) {
    sentences.push(
      sentence(
        w.presentations,
        item.presentations.map((talk) => `${escapeInline(talk.title)}${p.open}${presentationFacts(talk, w).join(p.comma)}${p.close}`),
        p.semicolon,
      ),
    );
  }
  if (item.speakers.length > 0) {
    sentences.push(
      sentence(
        w.speakers,
        item.speakers.map(
          (speaker) =>
            `${escapeInline(speaker.name)}${p.open}${w.locations[speaker.location ?? 'unknown']}${speaker.language ? `${p.comma}${escapeInline(w.spokeIn(speaker.language))}` : ''}${p.close}`,
        ),
      ),
    );
  } else if (item.takenUp) {
    sentences.push(w.noSpeakers);
  }
  sentences.push(...positionSentences(item, w), ...consensusSentences(item.consensus, w), ...decisionSentences(item.decisions, w));
  if (item.actions.length > 0) {
    sentences.push(
      sentence(
        w.actionItems,
        item.actions.map(
          (action) =>
            `${escapeInline(action.what)}${p.open}${escapeInline(action.who)}${action.due ? `${p.comma}${w.by} ${action.due}` : ''}${p.close}`,
        ),
        p.semicolon,
      ),
    );
  }
  if (item.flaggedChat.length > 0) {
    sentences.push(
      sentence(
        w.flaggedChat,
        item.flaggedChat.map(
          (message) => `${escapeInline(message.from)}${p.colon}${p.quoteOpen}${escapeInline(message.text)}${p.quoteClose}`,
        ),
        p.semicolon,
      ),
    );
  }
  const lines = [`${number}. ${joinSentences(sentences, w)}`];
  for (const proposal of item.proposals) {
    const parts = [
      ...positionSentences(proposal, w),
      ...consensusSentences(proposal.consensus, w),
      ...decisionSentences(proposal.decisions, w),
    ];
    const text = parts.length > 0 ? parts.join(p.nextSentence) : `${w.support}${p.colon}${w.none}`;
    lines.push(`    - **${escapeInline(proposal.title)}** — ${parts.length > 0 ? joinSentences(parts, w) : `${text}${p.fullStop}`}`);
  }
  return lines;
}

/** `Name (reason)`, or the name alone. */
function withAside(name: string, aside: string, w: RecordWords): string {
  return `${escapeInline(name)}${aside ? `${w.punctuation.open}${escapeInline(aside)}${w.punctuation.close}` : ''}`;
}

function positionSentences(lists: PositionLists, w: RecordWords): string[] {
  const p = w.punctuation;
  const sentences: string[] = [];
  if (lists.support.length > 0) sentences.push(`${w.support}${p.colon}${lists.support.map(escapeInline).join(p.listComma)}`);
  if (lists.objections.length > 0) {
    sentences.push(`${w.objections}${p.colon}${lists.objections.map((o) => withAside(o.name, o.reason, w)).join(p.listComma)}`);
  }
  if (lists.comments.length > 0) {
    sentences.push(`${w.otherComments}${p.colon}${lists.comments.map((c) => withAside(c.name, c.text, w)).join(p.listComma)}`);
  }
  return sentences;
}

function consensusSentences(calls: RecordConsensus[], w: RecordWords): string[] {
  const p = w.punctuation;
  return calls.map((call) => {
    const outcome =
      call.outcome === 'agreed-without-objection'
        ? w.agreedWithoutObjection
        : call.outcome === 'open'
          ? w.stillOpen
          : objectionOutcome(call.objections, w);
    return `${w.consensus(escapeInline(call.question))}${p.colon}${outcome}`;
  });
}

/** `not agreed: objections from A, who said “…”; B`. */
function objectionOutcome(objections: RecordConsensus['objections'], w: RecordWords): string {
  const p = w.punctuation;
  const named = objections.map((o) => `${escapeInline(o.name)}${o.reason ? `${p.comma}${w.whoSaid(escapeInline(o.reason))}` : ''}`);
  const separator = objections.some((o) => o.reason) ? p.semicolon : p.listComma;
  return `${w.decisionKinds['not-agreed']}${p.colon}${w.objectionsFrom} ${named.join(separator)}`;
}

/** A presentation's presenter, its minutes and the time used, and whether it ran over or was cut short. */
function presentationFacts(talk: RecordPresentation, w: RecordWords): string[] {
  const facts = [escapeInline(talk.presenter)];
  if (!talk.started) return [...facts, w.minutes(talk.minutes), w.notGiven];
  facts.push(w.presentationTime(talk.minutes, clock(talk.secondsUsed * 1000)));
  if (talk.overrunSeconds > 0) facts.push(w.overrun(clock(talk.overrunSeconds * 1000)));
  if (talk.cutShort) facts.push(w.cutShort);
  return facts;
}

function decisionSentences(decisions: RecordDecision[], w: RecordWords): string[] {
  const p = w.punctuation;
  return decisions.map((decision) => `${w.decision}${p.colon}${decisionText(decision, w)}`);
}
