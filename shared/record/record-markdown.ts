/**
 * The draft summary as Markdown, in the shape of the IGF's summary reports: a header,
 * numbered paragraphs per agenda item with who spoke, the positions per proposal
 * ("Support:", "Other Comments:"), consensus calls, decisions and action items; then the
 * agenda, the proposals, the participants, attendance and statistics as annexes.
 */
import { MEETING_ROLES } from '../domain.ts';
import type { MeetingRecord, PositionLists, RecordConsensus, RecordDecision, RecordItem } from './record-model.ts';
import { recordDate, RECORD_WORDS, type RecordLanguage, type RecordWords } from './record-words.ts';

export function recordMarkdown(record: MeetingRecord, language: RecordLanguage = 'en'): string {
  const w = RECORD_WORDS[language];
  const p = w.punctuation;
  const out: string[] = [];
  out.push(`# ${escapeInline(record.title)}`, '', `**${w.summaryReport}** — ${w.draft}`, '');
  out.push(...headerTable(record, language), '');

  out.push(`## ${w.summary}`, '');
  record.items.forEach((item, index) => {
    out.push(...itemParagraph(item, index + 1, w), '');
  });

  out.push(`## ${w.annexAgenda}`, '');
  for (const item of record.items) {
    const letter = item.depth === 1 ? subLetter(item, record.items) : item.number;
    const minutes = item.minutesAllotted === null ? '' : `${p.open}${w.minutes(item.minutesAllotted)}${p.close}`;
    out.push(`${item.depth === 1 ? '   ' : ''}- ${letter} - ${escapeInline(item.title)}${minutes}`);
  }
  out.push('');

  const proposals = record.items.flatMap((item) => item.proposals.map((proposal) => ({ item, proposal })));
  if (proposals.length > 0) {
    out.push(`## ${w.annexProposals}`, '');
    out.push(
      `| ${w.item} | ${w.proposal} | ${w.support} | ${w.objections} | ${w.otherComments} | ${w.decision} |`,
      '|---|---|---|---|---|---|',
    );
    for (const { item, proposal } of proposals) {
      out.push(
        `| ${cell(item.number)} | ${cell(proposal.title)} | ${cell(proposal.support.join(p.listComma))} | ${cell(
          proposal.objections.map((objection) => objection.name).join(p.listComma),
        )} | ${cell(proposal.comments.map((comment) => comment.name).join(p.listComma))} | ${cell(
          proposal.decisions.map((decision) => decisionText(decision, w)).join(p.semicolon),
        )} |`,
      );
    }
    out.push('');
  }

  const participants = inRecordOrder(record.participants, language);
  out.push(`## ${w.annexParticipants}`, '');
  for (const role of Object.keys(w.roles) as (keyof RecordWords['roles'])[]) {
    const people = participants.filter((person) => person.role === role);
    if (people.length === 0) continue;
    out.push(`### ${w.roles[role]}`, '');
    for (const person of people)
      out.push(`- ${escapeInline(person.name)}${person.affiliation ? `${p.comma}${escapeInline(person.affiliation)}` : ''}`);
    out.push('');
  }

  out.push(`## ${w.annexAttendance}`, '');
  out.push(`| ${w.name} | ${w.role} | ${w.joined} | ${w.left} | ${w.connected} |`, '|---|---|---|---|---|');
  for (const person of participants) {
    out.push(
      person.attended
        ? `| ${cell(person.name)} | ${w.roles[person.role]} | ${utcTime(person.firstJoined)} | ${utcTime(person.lastLeft)} | ${person.minutesConnected} |`
        : person.presentByPhone
          ? `| ${cell(person.name)} | ${w.roles[person.role]} | ${w.locations.phone} | | |`
          : `| ${cell(person.name)} | ${w.roles[person.role]} | ${w.absent} | | 0 |`,
    );
  }
  out.push('');

  out.push(`## ${w.annexStatistics}`, '');
  const stats = record.statistics;
  const tables: [string, { key: string; turns: number; ms: number }[], (key: string) => string][] = [
    [w.byLocation, stats.byLocation, (key) => w.locations[key as keyof RecordWords['locations']] ?? key],
    [w.byStakeholderGroup, stats.byStakeholderGroup, (key) => w.stakeholderGroups[key as keyof RecordWords['stakeholderGroups']] ?? key],
    [w.byRegion, stats.byRegion, (key) => w.regions[key as keyof RecordWords['regions']] ?? key],
  ];
  for (const [title, rows, label] of tables) {
    out.push(`### ${title}`, '', `| | ${w.turns} | ${w.speakingTime} | ${w.share} |`, '|---|---|---|---|');
    for (const row of rows) {
      const share = stats.ms > 0 ? Math.round((row.ms / stats.ms) * 100) : 0;
      out.push(`| ${cell(label(row.key))} | ${row.turns} | ${clock(row.ms)} | ${share}% |`);
    }
    out.push('');
  }
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
    `| ${w.meeting} | ${cell(record.title)}${record.body ? `${p.open}${cell(record.body)}${p.close}` : ''} |`,
    `| ${w.date} | ${recordDate(start, language)} |`,
    `| ${w.time} | ${utcTime(start)}–${utcTime(end)} UTC |`,
    `| ${w.chair} | ${cell(record.chairs.join(p.listComma) || '—')} |`,
    `| ${w.secretariat} | ${cell(record.secretariat.join(p.listComma) || '—')} |`,
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

function decisionText(decision: RecordDecision, w: RecordWords): string {
  // The sentence's own full stop ends it: a decision typed with one (in any script) loses it.
  const text = decision.text.replace(/[.。]\s*$/, '');
  return `${w.decisionKinds[decision.kind]}${text ? ` — ${escapeInline(text)}` : ''}`;
}

/** `a` for sub-item `4a`, `1` for `4.1`. */
function subLetter(item: RecordItem, items: RecordItem[]): string {
  const parent = [...items.slice(0, items.indexOf(item))].reverse().find((candidate) => candidate.depth === 0);
  if (parent && item.number.startsWith(parent.number))
    return item.number.slice(parent.number.length).replace(/^[.\s-]+/, '') || item.number;
  return item.number;
}

function utcTime(ms: number | null): string {
  if (ms === null) return '';
  return new Date(ms).toISOString().slice(11, 16);
}

function clock(ms: number): string {
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** Text from people (names, titles, chat) cannot turn into Markdown or HTML of its own. */
export function escapeInline(text: string): string {
  return text.replace(/[\\`*_[\]<>|#]/g, (char) => `\\${char}`).replace(/\s+/g, ' ');
}

function cell(text: string): string {
  return escapeInline(text);
}

/**
 * The participants by role, then by name in the alphabetical order of the record's language:
 * a Russian record lists Cyrillic names before Latin ones, an English record the other way round.
 */
function inRecordOrder(participants: MeetingRecord['participants'], language: RecordLanguage): MeetingRecord['participants'] {
  const collator = new Intl.Collator(language);
  return [...participants].sort(
    (a, b) => MEETING_ROLES.indexOf(a.role) - MEETING_ROLES.indexOf(b.role) || collator.compare(a.name, b.name),
  );
}
