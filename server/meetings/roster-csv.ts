/**
 * Read a meeting roster from a CSV file as a secretariat exports it from a spreadsheet:
 * comma or semicolon separated (Excel in many locales writes `;`), with or without a BOM,
 * with headers in whatever words the spreadsheet used.
 */
import { parse, CsvError } from 'csv-parse/sync';
import * as v from 'valibot';
import {
  MEETING_ROLE_LABELS,
  REGION_ALIASES,
  REGION_LABELS,
  STAKEHOLDER_GROUP_ALIASES,
  STAKEHOLDER_GROUP_LABELS,
  matchVocabulary,
} from '../../shared/domain.ts';
import { UN_LANGUAGE_NAMES } from '../../shared/caption-channels.ts';
import { LIMITS, RosterEntrySchema, type InputProblem } from '../../shared/schemas.ts';

export type RosterEntryOutput = v.InferOutput<typeof RosterEntrySchema>;
/** One problem with one line of the file; `line` is 1-based, the header is line 1. */
export interface RosterCsvProblem {
  line: number;
  message: string;
}
export interface RosterCsvResult {
  entries: RosterEntryOutput[];
  problems: RosterCsvProblem[];
}

type Field = keyof RosterEntryOutput;

/** Header words per field, compared after `headerKey` (so "E-mail" and "Full_Name" match). */
const HEADER_SYNONYMS: Record<Field, string[]> = {
  name: ['name', 'full name', 'participant'],
  affiliation: ['affiliation', 'organisation', 'organization'],
  email: ['email', 'e-mail'],
  stakeholderGroup: ['stakeholder group', 'stakeholder', 'group', 'sector'],
  region: ['region', 'regional group'],
  role: ['role'],
  category: ['category', 'listed under'],
  channel: ['channel', 'language channel', 'interpretation channel', 'booth'],
};

/** How a field is named in messages: the words a person sees in the header. */
const FIELD_NAMES: Record<Field, string> = {
  name: 'name',
  affiliation: 'affiliation',
  email: 'email',
  stakeholderGroup: 'stakeholder group',
  region: 'region',
  role: 'role',
  category: 'category',
  channel: 'channel',
};

/** Parse a roster CSV; the caller decides whether problems reject the whole file. */
export function parseRosterCsv(csv: string): RosterCsvResult {
  const problems: RosterCsvProblem[] = [];
  const entries: RosterEntryOutput[] = [];

  const rows = readRows(csv, problems);
  if (!rows) return { entries, problems };
  const [header, ...body] = rows;
  if (!header) {
    problems.push({ line: 1, message: 'the file is empty: the first row must be a header with at least a name column' });
    return { entries, problems };
  }

  const columns = findColumns(header.cells);
  // Stakeholder group and region may be left out (not stated), as may every other column but the name.
  const missing = (['name'] as const).filter((field) => columns[field] === undefined);
  if (missing.length > 0) {
    // Without these columns every row would fail the same way: say it once, on the header.
    const wanted = missing.map((field) => `${FIELD_NAMES[field]} (${HEADER_SYNONYMS[field].map((word) => `"${word}"`).join(', ')})`);
    problems.push({ line: header.line, message: `the header row has no column for ${wanted.join('; ')}` });
    return { entries, problems };
  }

  for (const [index, row] of body.entries()) {
    if (index >= LIMITS.rosterEntries) {
      problems.push({
        line: row.line,
        message: `the roster has more than ${LIMITS.rosterEntries} rows; split it or remove rows from line ${row.line} on`,
      });
      break;
    }
    const cell = (field: Field) => {
      const column = columns[field];
      return column === undefined ? '' : (row.cells[column] ?? '');
    };
    const vocabularyReasons: string[] = [];
    // An empty cell is "not stated".
    const groupText = cell('stakeholderGroup');
    const stakeholderGroup =
      groupText === ''
        ? null
        : pickFromVocabulary('stakeholder group', groupText, STAKEHOLDER_GROUP_LABELS, STAKEHOLDER_GROUP_ALIASES, vocabularyReasons);
    const regionText = cell('region');
    const region = regionText === '' ? null : pickFromVocabulary('region', regionText, REGION_LABELS, REGION_ALIASES, vocabularyReasons);
    const roleText = cell('role');
    const role = roleText === '' ? 'member' : pickFromVocabulary('role', roleText, MEETING_ROLE_LABELS, {}, vocabularyReasons);
    // An interpreter's language channel: a code (ar) or a name (Arabic); other roles have none.
    const channelText = cell('channel');
    const channel = role !== 'interpreter' ? null : pickFromVocabulary('channel', channelText, UN_LANGUAGE_NAMES, {}, vocabularyReasons);

    const result = v.safeParse(RosterEntrySchema, {
      name: cell('name'),
      affiliation: cell('affiliation'),
      email: cell('email'),
      // An unmatched value is already explained; '' lets the schema still check the other cells.
      stakeholderGroup: stakeholderGroup ?? '',
      region: region ?? '',
      role: role ?? '',
      category: cell('category'),
      channel: channel ?? null,
    });
    const reasons: string[] = [];
    if (!result.success) {
      for (const issue of result.issues) {
        const field = issue.path?.[0]?.key;
        if (field === 'stakeholderGroup' || field === 'region' || field === 'role' || field === 'channel') continue;
        if (!isField(field)) {
          reasons.push(issue.message);
          continue;
        }
        const value = cell(field);
        reasons.push(value === '' ? `${FIELD_NAMES[field]} ${issue.message}` : `${FIELD_NAMES[field]} ${quote(value)} ${issue.message}`);
      }
    }
    // Reasons in the usual column order: name, affiliation, email, then the vocabularies.
    reasons.push(...vocabularyReasons);
    if (reasons.length > 0) problems.push({ line: row.line, message: reasons.join('; ') });
    else if (result.success) entries.push(result.output);
  }
  return { entries, problems };
}

/** The API's problem shape (`where: "line 4"`), for a response that lists these problems. */
export function rosterProblemsAsInput(problems: readonly RosterCsvProblem[]): InputProblem[] {
  return problems.map(({ line, message }) => ({ where: `line ${line}`, message }));
}

interface Row {
  /** 1-based line in the file where the row starts. */
  line: number;
  cells: string[];
}

/** The non-blank rows of the file with their line numbers, or undefined when it is not CSV. */
function readRows(csv: string, problems: RosterCsvProblem[]): Row[] | undefined {
  const rows: Row[] = [];
  try {
    parse(csv, {
      delimiter: detectDelimiter(csv),
      relax_column_count: true,
      skip_empty_lines: true,
      bom: true,
      trim: true,
      on_record: (cells, context) => {
        // `context.lines` is the line where the record ends; a quoted cell may span lines.
        const spannedLines = cells.reduce((count, value) => count + (value.match(/\r\n|\r|\n/g)?.length ?? 0), 0);
        // Spreadsheets export rows of empty cells (",,,") below the data: not rows.
        if (cells.some((value) => value !== '')) rows.push({ line: context.lines - spannedLines, cells });
        return null;
      },
    });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = typeof error['lines'] === 'number' ? error['lines'] : 1;
    problems.push({ line, message: `the file could not be read as CSV: ${error.message}` });
    return undefined;
  }
  return rows;
}

/** Excel writes `;` where the comma is the decimal mark: count both in the header line. */
function detectDelimiter(csv: string): ',' | ';' {
  const headerLine = csv.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/, 1)[0] ?? '';
  const count = (character: string) => headerLine.split(character).length - 1;
  return count(';') > count(',') ? ';' : ',';
}

function findColumns(header: string[]): Partial<Record<Field, number>> {
  const columns: Partial<Record<Field, number>> = {};
  header.forEach((title, index) => {
    const key = headerKey(title);
    for (const [field, synonyms] of Object.entries(HEADER_SYNONYMS) as [Field, string[]][]) {
      // The first matching column wins, so a later "Group" cannot shadow "Stakeholder group".
      if (columns[field] === undefined && synonyms.some((synonym) => headerKey(synonym) === key)) columns[field] = index;
    }
  });
  return columns;
}

function isField(key: unknown): key is Field {
  return typeof key === 'string' && Object.hasOwn(FIELD_NAMES, key);
}

function headerKey(title: string): string {
  return title.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Match a cell to a vocabulary; on failure record why, listing the accepted labels. */
function pickFromVocabulary<K extends string>(
  column: string,
  value: string,
  labels: Record<K, string>,
  aliases: Record<string, K>,
  reasons: string[],
): K | undefined {
  const accepted = Object.values<string>(labels).join(', ');
  if (value === '') {
    reasons.push(`${column} is missing; it must be one of ${accepted}`);
    return undefined;
  }
  const key = matchVocabulary(value, labels, aliases);
  if (key === undefined) reasons.push(`${column} ${quote(value)} is not one of ${accepted}`);
  return key;
}

/** A cell value for a message, cut short so a 5,000-character cell does not flood it. */
function quote(value: string): string {
  const characters = Array.from(value);
  return `"${characters.length > 60 ? `${characters.slice(0, 60).join('')}…` : value}"`;
}
