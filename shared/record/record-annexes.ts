/**
 * The record's annexes in Markdown: the agenda, the proposals and positions, the list of
 * participants, attendance, participation statistics and the caption transcript's channels. An annex with nothing in it is
 * left out, and those that remain are numbered in order (I, II, III…) without gaps.
 */
import type { MeetingRecord, RecordItem } from './record-model.ts';
import { FLOOR_CHANNEL, LANGUAGE_OWN_NAMES } from '../caption-channels.ts';
import { clock, decisionText, escapeInline, inRecordOrder, utcTime } from './record-text.ts';
import { RECORD_WORDS, type RecordLanguage, type RecordWords } from './record-words.ts';

type AnnexKey = 'annexAgenda' | 'annexProposals' | 'annexParticipants' | 'annexAttendance' | 'annexStatistics' | 'annexTranscript';
const ANNEXES: readonly AnnexKey[] = [
  'annexAgenda',
  'annexProposals',
  'annexParticipants',
  'annexAttendance',
  'annexStatistics',
  'annexTranscript',
];

/** An annex's heading with the number of its place among the annexes printed (0 for the first). */
export function annexHeading(w: RecordWords, annex: AnnexKey, position: number): string {
  const own = w.annexNumerals[ANNEXES.indexOf(annex)]!;
  const numeral = w.annexNumerals[position] ?? String(position + 1);
  return w[annex].replace(`${own} –`, `${numeral} –`);
}

export function annexesMarkdown(record: MeetingRecord, language: RecordLanguage): string[] {
  const w = RECORD_WORDS[language];
  const bodies: [AnnexKey, string[]][] = [
    ['annexAgenda', agendaAnnex(record, w)],
    ['annexProposals', proposalsAnnex(record, w)],
    ['annexParticipants', participantsAnnex(record, language)],
    ['annexAttendance', attendanceAnnex(record, language)],
    ['annexStatistics', statisticsAnnex(record, w)],
    ['annexTranscript', transcriptAnnex(record, w)],
  ];
  return bodies
    .filter(([, lines]) => lines.length > 0)
    .flatMap(([annex, lines], position) => [`## ${annexHeading(w, annex, position)}`, '', ...lines, '']);
}

function agendaAnnex(record: MeetingRecord, w: RecordWords): string[] {
  const p = w.punctuation;
  return record.items.map((item) => {
    const letter = item.depth === 1 ? subLetter(item, record.items) : item.number;
    const minutes = item.minutesAllotted === null ? '' : `${p.open}${w.minutes(item.minutesAllotted)}${p.close}`;
    return `${item.depth === 1 ? '   ' : ''}- ${letter} - ${escapeInline(item.title)}${minutes}`;
  });
}

function proposalsAnnex(record: MeetingRecord, w: RecordWords): string[] {
  const p = w.punctuation;
  const proposals = record.items.flatMap((item) => item.proposals.map((proposal) => ({ item, proposal })));
  if (proposals.length === 0) return [];
  return [
    `| ${w.item} | ${w.proposal} | ${w.support} | ${w.objections} | ${w.otherComments} | ${w.decision} |`,
    '|---|---|---|---|---|---|',
    ...proposals.map(
      ({ item, proposal }) =>
        `| ${escapeInline(item.number)} | ${escapeInline(proposal.proposers ? `${proposal.title}${p.open}${proposal.proposers}${p.close}` : proposal.title)} | ${escapeInline(proposal.support.join(p.listComma))} | ${escapeInline(
          proposal.objections.map((objection) => objection.name).join(p.listComma),
        )} | ${escapeInline(proposal.comments.map((comment) => comment.name).join(p.listComma))} | ${escapeInline(
          proposal.decisions.map((decision) => decisionText(decision, w)).join(p.semicolon),
        )} |`,
    ),
  ];
}

/**
 * The list of participants under the meeting's own headings: each person under their
 * category, or their role's heading when they have none. Headings come in the order their
 * first person does (by role, chair first, then by name), so with no categories at all the
 * list is by role as before.
 */
function participantsAnnex(record: MeetingRecord, language: RecordLanguage): string[] {
  const w = RECORD_WORDS[language];
  const p = w.punctuation;
  const groups = new Map<string, MeetingRecord['participants']>();
  for (const person of inRecordOrder(record.participants, language)) {
    const heading = person.category || w.roles[person.role];
    groups.set(heading, [...(groups.get(heading) ?? []), person]);
  }
  const out: string[] = [];
  for (const [heading, people] of groups) {
    out.push(`### ${escapeInline(heading)}`, '');
    for (const person of people)
      out.push(`- ${escapeInline(person.name)}${person.affiliation ? `${p.comma}${escapeInline(person.affiliation)}` : ''}`);
    out.push('');
  }
  return out;
}

function attendanceAnnex(record: MeetingRecord, language: RecordLanguage): string[] {
  const w = RECORD_WORDS[language];
  const participants = inRecordOrder(record.participants, language);
  if (participants.length === 0) return [];
  // Those on the phone bridge: from when they were queued or spoke by phone.
  return [
    `| ${w.name} | ${w.role} | ${w.joined} | ${w.left} | ${w.connected} |`,
    '|---|---|---|---|---|',
    ...participants.map((person) =>
      person.attended
        ? `| ${escapeInline(person.name)} | ${w.roles[person.role]} | ${utcTime(person.firstJoined)} | ${utcTime(person.lastLeft)} | ${person.minutesConnected} |`
        : person.addedByName && !person.presentByPhone
          ? `| ${escapeInline(person.name)} | ${w.roles[person.role]} | ${utcTime(person.firstJoined)}${w.punctuation.open}${person.location ? `${w.locations[person.location]}${w.punctuation.comma}` : ''}${w.addedByName}${w.punctuation.close} | ${utcTime(person.lastLeft)} | ${person.minutesConnected} |`
          : person.presentByPhone
            ? person.firstJoined === null
              ? `| ${escapeInline(person.name)} | ${w.roles[person.role]} | ${w.locations.phone} | | |`
              : `| ${escapeInline(person.name)} | ${w.roles[person.role]} | ${utcTime(person.firstJoined)}${w.punctuation.open}${w.locations.phone}${w.punctuation.close} | ${utcTime(person.lastLeft)} | ${person.minutesConnected} |`
            : `| ${escapeInline(person.name)} | ${w.roles[person.role]} | ${w.absent} | | 0 |`,
    ),
  ];
}

function statisticsAnnex(record: MeetingRecord, w: RecordWords): string[] {
  const stats = record.statistics;
  const tables: [string, { key: string; turns: number; ms: number }[], (key: string) => string][] = [
    [w.byLocation, stats.byLocation, (key) => w.locations[key as keyof RecordWords['locations']] ?? key],
    [w.byStakeholderGroup, stats.byStakeholderGroup, (key) => w.stakeholderGroups[key as keyof RecordWords['stakeholderGroups']] ?? key],
    [w.byRegion, stats.byRegion, (key) => w.regions[key as keyof RecordWords['regions']] ?? key],
  ];
  const out: string[] = [];
  for (const [title, rows, label] of tables) {
    if (rows.length === 0) continue;
    out.push(`### ${title}`, '', `| | ${w.turns} | ${w.speakingTime} | ${w.share} |`, '|---|---|---|---|');
    for (const row of rows) {
      const share = stats.ms > 0 ? Math.round((row.ms / stats.ms) * 100) : 0;
      out.push(`| ${escapeInline(label(row.key))} | ${row.turns} | ${clock(row.ms)} | ${share}% |`);
    }
    out.push('');
  }
  return out;
}

/** The meeting's caption channels and how many lines each holds; left out when no line was captioned. */
function transcriptAnnex(record: MeetingRecord, w: RecordWords): string[] {
  if (record.captions.every((channel) => channel.lines === 0)) return [];
  return [
    w.transcriptText,
    '',
    ...record.captions.map(({ channel, lines }) => {
      const name = channel === FLOOR_CHANNEL ? w.transcriptFloor : `${LANGUAGE_OWN_NAMES[channel]} (${channel})`;
      return `- ${name}${w.punctuation.colon}${w.transcriptLines(lines)}`;
    }),
  ];
}

/** `a` for sub-item `4a`, `1` for `4.1`. */
function subLetter(item: RecordItem, items: RecordItem[]): string {
  const parent = [...items.slice(0, items.indexOf(item))].reverse().find((candidate) => candidate.depth === 0);
  if (parent && item.number.startsWith(parent.number))
    return item.number.slice(parent.number.length).replace(/^[.\s-]+/, '') || item.number;
  return item.number;
}
