import { describe, expect, it } from 'vitest';
import { parseAgendaText, type ParsedAgendaItem } from '../../shared/agenda-text.ts';
import { invitation2020, summaryReport2017 } from '../support/seeds.ts';

function seedLines(text: string): string[] {
  return text.split(/\r?\n/);
}

/** The lines from the one starting with `from` through the one starting with `to`. */
function block(lines: string[], from: string, to: string): string {
  const start = lines.findIndex((line) => line.startsWith(from));
  const end = lines.findIndex((line, index) => index >= start && line.startsWith(to));
  if (start < 0 || end < 0) throw new Error(`block ${from} … ${to} not found in the seed`);
  return lines.slice(start, end + 1).join('\n');
}

const item = (number: string, title: string, minutes: number | null = null, depth: 0 | 1 = 0): ParsedAgendaItem => ({
  number,
  depth,
  title,
  minutes,
});

describe('parseAgendaText on the seed documents', () => {
  it('reads the Annex I draft agenda of the 2017 MAG Virtual Meeting III', () => {
    const text = block(seedLines(summaryReport2017()), '**2017 MAG Virtual Meeting III', '- 6 - AOB (5 minutes)');
    const result = parseAgendaText(text);

    expect(result.problems).toEqual([]);
    expect(result.items).toEqual([
      item('1', 'Adoption of agenda', 5),
      item('2', 'Update on WS Call for Proposals and Open Forum Call', 5),
      item('3', 'NRIs Update - follow up from 1st MAG meeting', 15),
      item('4', 'Follow-up from MAG Virtual Meeting III', 50),
      item('4a', 'Status Update/Formation of MAG WGs', null, 1),
      item('4b', 'Status Update/Formation of BPFs', null, 1),
      item('4c', 'Status Update of CENB', null, 1),
      item('4d', 'Review Status of WG and BPF Process documents', null, 1),
      item('5', 'MAG Chair, Key Priorities, Fundraising', 10),
      item('6', 'AOB', 5),
    ]);
    // The two heading lines (meeting title and "(approx. 90 minutes)**") are preamble.
    expect(result.ignoredLines).toEqual([1, 2]);
  });

  it('reads the session outline of seed 003, keeping "(followed by Q&A)" in the title', () => {
    const outline = seedLines(invitation2020()).filter((line) => /^ {2}\d\. {2}/.test(line));
    expect(outline).toHaveLength(4);
    const result = parseAgendaText(outline.join('\n'));

    expect(result.problems).toEqual([]);
    expect(result.items).toHaveLength(4);
    expect(result.items.every((parsed) => parsed.minutes === null && parsed.depth === 0)).toBe(true);
    expect(result.items.map((parsed) => parsed.number)).toEqual(['1', '2', '3', '4']);
    expect(result.items[0]?.title).toBe('BPFs and DCs: introduction (followed by Q&A)');
    expect(result.items[2]?.title).toBe('BPF on BPFs: ‘Reviewing past BPFs to enhance future BPFs’ - highlights and Q&A');
  });
});

describe('parseAgendaText durations', () => {
  it.each([
    ['(5 minutes)', 5],
    ['(5 mins)', 5],
    ['(10 min)', 10],
    ['(approx. 90 minutes)', 90],
    ['(~15 min)', 15],
    ['(1 hour)', 60],
    ['(1.5 hours)', 90],
    ['(1 h 30)', 90],
    ['(1h30min)', 90],
    ["(90')", 90],
    ['[5 min]', 5],
    ['– 5 minutes', 5],
    ['(10 MINUTES)', 10],
  ])('"%s" is %i minutes and leaves the title clean', (duration, minutes) => {
    expect(parseAgendaText(`1 - Opening ${duration}`)).toEqual({
      items: [item('1', 'Opening', minutes)],
      problems: [],
      ignoredLines: [],
    });
  });

  it('finds the duration in the middle of the line', () => {
    expect(parseAgendaText('1 - Opening (5 min) by the Chair').items).toEqual([item('1', 'Opening by the Chair', 5)]);
  });

  it.each([
    ['(followed by Q&A)', 'Opening (followed by Q&A)'],
    ['(5 speakers)', 'Opening (5 speakers)'],
    ['- 5 speakers', 'Opening - 5 speakers'],
  ])('keeps a parenthesis or dash that is not a duration: %s', (suffix, title) => {
    expect(parseAgendaText(`1 - Opening ${suffix}`).items).toEqual([item('1', title, null)]);
  });

  it('reports a duration over 24 hours', () => {
    expect(parseAgendaText('1 - Opening (5 min)\n2 - Marathon (25 hours)').problems).toEqual([
      { line: 2, message: expect.stringContaining('1440') },
    ]);
  });
});

describe('parseAgendaText numbering', () => {
  it.each([
    ['1 - Title', '1'],
    ['- 1 - Title', '1'],
    ['* 1 - Title', '1'],
    ['1. Title', '1'],
    ['1) Title', '1'],
    ['1 Title', '1'],
    ['12 – Title', '12'],
    ['Item 1: Title', '1'],
    ['Agenda item 3 - Title', '3'],
    ['**1. Title**', '1'],
  ])('"%s" is top-level item %s', (line, number) => {
    expect(parseAgendaText(line).items).toEqual([item(number, 'Title')]);
  });

  it.each([
    ['- a - Title', '4a'],
    [' - a - Title', '4a'],
    ['4a Title', '4a'],
    ['4a) Title', '4a'],
    ['4.1 Title', '4.1'],
    ['a) Title', '4a'],
    ['a. Title', '4a'],
  ])('"%s" under item 4 is sub-item %s', (line, number) => {
    const result = parseAgendaText(`4 - Parent\n${line}`);
    expect(result.problems).toEqual([]);
    expect(result.items).toEqual([item('4', 'Parent'), item(number, 'Title', null, 1)]);
  });

  it('cleans titles: emphasis, trailing punctuation, runs of spaces', () => {
    expect(parseAgendaText('1 - **Opening**   of   the __meeting__:;,').items).toEqual([item('1', 'Opening of the meeting')]);
  });

  it('ignores preamble lines before the first item, dates and years included', () => {
    const text = ['Draft Agenda', '', '11 April 2017', '2017 MAG meeting', '(approx. 90 minutes)', '1 - Opening'].join('\n');
    const result = parseAgendaText(text);
    expect(result.items).toEqual([item('1', 'Opening')]);
    expect(result.ignoredLines).toEqual([1, 3, 4, 5]);
    expect(result.problems).toEqual([]);
  });

  it('skips blank lines and joins deeper-indented lines to the item above', () => {
    const text = ['1 - Update on the call', '    for proposals (10 minutes)', '', '2 - AOB'].join('\n');
    expect(parseAgendaText(text)).toEqual({
      items: [item('1', 'Update on the call for proposals', 10), item('2', 'AOB')],
      problems: [],
      ignoredLines: [],
    });
  });

  it('accepts Windows line endings', () => {
    expect(parseAgendaText('1 - A\r\n2 - B\r\n').items).toEqual([item('1', 'A'), item('2', 'B')]);
  });
});

describe('parseAgendaText problems', () => {
  const empty = { line: 1, message: 'the agenda is empty: no numbered items were found' };

  it.each([[''], ['   \n\n'], ['Draft agenda\nto be confirmed']])('an agenda without items (%j) is empty', (text) => {
    const result = parseAgendaText(text);
    expect(result.items).toEqual([]);
    expect(result.problems).toEqual([empty]);
  });

  it('reports a line after the items that is no item, with its line number', () => {
    const result = parseAgendaText('Agenda\n1 - Opening\nsome remark\n2 - AOB');
    expect(result.items).toEqual([item('1', 'Opening'), item('2', 'AOB')]);
    expect(result.problems).toEqual([
      { line: 3, message: 'not an agenda item: "some remark" — write items like "3 - Title (10 minutes)"' },
    ]);
  });

  it('quotes only the first 60 characters of a bad line', () => {
    const long = 'x'.repeat(100);
    const [problem] = parseAgendaText(`1 - Opening\n${long}`).problems;
    expect(problem?.message).toContain(`"${'x'.repeat(60)}"`);
    expect(problem?.message).not.toContain('x'.repeat(61));
  });

  it('reports a sub-item before any item', () => {
    const result = parseAgendaText('a) Too early\n1 - Opening');
    expect(result.items).toEqual([item('1', 'Opening')]);
    expect(result.problems).toEqual([{ line: 1, message: expect.stringContaining('sub-item "a"') }]);
  });

  it('reports a duplicate item number on the second line that uses it', () => {
    const result = parseAgendaText('1 - Opening\n2 - Middle\n2 - Again\n - a - Sub');
    expect(result.problems).toEqual([{ line: 3, message: 'item number "2" is used twice (first on line 2)' }]);
    expect(result.items.map((parsed) => parsed.number)).toEqual(['1', '2', '2a']);
  });

  it('reports an item without a title', () => {
    expect(parseAgendaText('1 - Opening\n2. (5 minutes)').problems).toEqual([{ line: 2, message: 'item 2 has no title' }]);
  });

  it('reports a title over 300 characters', () => {
    const result = parseAgendaText(`1 - ${'a'.repeat(301)}`);
    expect(result.items).toEqual([]);
    expect(result.problems).toEqual([{ line: 1, message: expect.stringContaining('300 characters') }]);
  });
});
