/**
 * The draft summary as Markdown, in the shape of the IGF's summary reports: a header,
 * numbered paragraphs per agenda item with who spoke, the positions per proposal
 * ("Support:", "Other Comments:"), consensus calls, decisions and action items; then the
 * agenda, the proposals, the participants, attendance and statistics as annexes.
 */
import { annexesMarkdown } from './record-annexes.ts';
import type { MeetingRecord, PositionLists, RecordConsensus, RecordDecision, RecordItem } from './record-model.ts';
import { decisionText, escapeInline, utcTime } from './record-text.ts';
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
  const start = record.openedAt ?? record.plannedStart;
  const end = record.endedAt ?? start + record.plannedMinutes * 60_000;
  return [
    '| | |',
    '|---|---|',
    `| ${w.meeting} | ${escapeInline(record.title)}${record.body ? `${p.open}${escapeInline(record.body)}${p.close}` : ''} |`,
    `| ${w.date} | ${recordDate(start, language)} |`,
    `| ${w.time} | ${utcTime(start)}–${utcTime(end)} UTC |`,
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
  sentences.push(
    `**${w.item} ${escapeInline(item.number)} – ${escapeInline(item.title)}**${p.open}${w.minutesAllotted(item.minutesAllotted, item.minutesUsed)}${p.close}`,
  );
  if (item.presentations.length > 0) {
    sentences.push(
      sentence(
        w.presentations,
        item.presentations.map(
          (talk) => `${escapeInline(talk.title)}${p.open}${escapeInline(talk.presenter)}${p.comma}${w.minutes(talk.minutes)}${p.close}`,
        ),
        p.semicolon,
      ),
    );
  }
  sentences.push(
    item.speakers.length > 0
      ? sentence(
          w.speakers,
          item.speakers.map((speaker) => `${escapeInline(speaker.name)}${p.open}${w.locations[speaker.location ?? 'unknown']}${p.close}`),
        )
      : w.noSpeakers,
  );
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
  const lines = [`${number}. ${sentences.join(p.nextSentence)}${p.fullStop}`];
  for (const proposal of item.proposals) {
    const parts = [
      ...positionSentences(proposal, w),
      ...consensusSentences(proposal.consensus, w),
      ...decisionSentences(proposal.decisions, w),
    ];
    const text = parts.length > 0 ? parts.join(p.nextSentence) : `${w.support}${p.colon}${w.none}`;
    lines.push(`    - **${escapeInline(proposal.title)}** — ${text}${p.fullStop}`);
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
          : `${w.objectionsFrom} ${call.objections.map((o) => withAside(o.name, o.reason, w)).join(p.listComma)}`;
    return `${w.consensus(escapeInline(call.question))}${p.colon}${outcome}`;
  });
}

function decisionSentences(decisions: RecordDecision[], w: RecordWords): string[] {
  const p = w.punctuation;
  return decisions.map((decision) => `${w.decision}${p.colon}${decisionText(decision, w)}`);
}
