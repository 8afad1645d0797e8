/**
 * The exports in other languages: DOCX with the document's language and, for Arabic, right-to-
 * left paragraphs and tables; PDF with its /Lang, the fixed words in the language, and Arabic
 * lines ordered by the bidi algorithm and set from the right.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { recordMarkdown } from '../../shared/record/record-markdown.ts';
import { annexHeading } from '../../shared/record/record-annexes.ts';
import type { MeetingRecord } from '../../shared/record/record-model.ts';
import { recordDocx } from '../../server/record/record-docx.ts';
import { bidiLevels, recordPdf, visualOrder } from '../../server/record/record-pdf.ts';
import { RECORD_WORDS } from '../../shared/record/record-words.ts';
import type { ExportOptions } from '../../server/record/record-tokens.ts';
import { recordItem } from '../support/record-fixtures.ts';
import { unzipText } from '../support/unzip.ts';

const T0 = Date.UTC(2017, 3, 12, 13, 0);
const MINUTE = 60_000;
const RASHA = 'رشا عبد الله';

const person = (name: string, role: MeetingRecord['participants'][number]['role']) => ({
  name,
  affiliation: 'MAG',
  role,
  category: '',
  stakeholderGroup: 'civil-society' as const,
  region: 'africa' as const,
  location: 'room' as const,
  attended: true,
  presentByPhone: false,
  minutesConnected: 30,
  firstJoined: T0,
  lastLeft: T0 + 30 * MINUTE,
});

function record(): MeetingRecord {
  return {
    meetingId: 'm1',
    title: 'MAG Virtual Meeting III',
    body: 'IGF MAG',
    plannedStart: T0,
    openedAt: T0,
    endedAt: T0 + 30 * MINUTE,
    plannedMinutes: 30,
    chairs: ['Lynn St. Amour'],
    secretariat: ['Chengetai Masango'],
    items: [
      recordItem({
        id: 'i1',
        number: '1',
        title: 'Adoption of agenda',
        speakers: [{ name: RASHA, location: 'phone', kind: 'new-point', seconds: 60 }],
        decisions: [{ kind: 'agreed', text: '' }],
        actions: [{ what: 'Circulate the proposals', who: 'Secretariat', due: '2017-04-20', itemNumber: '1' }],
      }),
    ],
    actions: [],
    participants: [person('Lynn St. Amour', 'chair'), person(RASHA, 'member')],
    statistics: {
      byLocation: [{ key: 'phone', turns: 1, ms: 60_000 }],
      byStakeholderGroup: [{ key: 'civil-society', turns: 1, ms: 60_000 }],
      byRegion: [{ key: 'africa', turns: 1, ms: 60_000 }],
      turns: 1,
      ms: 60_000,
    } as MeetingRecord['statistics'],
    asOf: T0 + 30 * MINUTE,
    captions: [],
    generatedAt: T0 + 31 * MINUTE,
  };
}

const FINAL: ExportOptions = { status: 'final', finalisedBy: 'Chengetai Masango', finalisedAt: Date.UTC(2017, 3, 20, 9, 30) };

function pdftotext(pdf: Buffer): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: pdf, encoding: 'utf8' });
}

describe('the list of participants', () => {
  const members = ['Flávio Wagner', 'Юлия Иванова', 'Émilie Robert', 'Anriette Esterhuysen', '纪浩军'];
  const withMembers = (): MeetingRecord => ({
    ...record(),
    participants: [person('Lynn St. Amour', 'chair'), ...members.map((name) => person(name, 'member'))],
  });
  /** The members' names as the Markdown's participants annex lists them. */
  const listed = (language: ExportOptions['language']) => {
    const markdown = recordMarkdown(withMembers(), language);
    // No proposals: the list of participants is the second annex.
    const annex = markdown.slice(markdown.indexOf(`## ${annexHeading(RECORD_WORDS[language!], 'annexParticipants', 1)}`));
    expect(annex.length).toBeLessThan(markdown.length);
    return members
      .map((name) => ({ name, at: annex.indexOf(name) }))
      .sort((a, b) => a.at - b.at)
      .map((entry) => entry.name);
  };

  it('is in the alphabetical order of the record’s language: accents where they belong, its own script first', () => {
    expect(listed('en').slice(0, 3)).toEqual(['Anriette Esterhuysen', 'Émilie Robert', 'Flávio Wagner']);
    expect(listed('en').indexOf('Юлия Иванова')).toBeGreaterThan(listed('en').indexOf('Flávio Wagner'));
    expect(listed('ru')[0]).toBe('Юлия Иванова');
    expect(listed('fr').slice(0, 3)).toEqual(['Anriette Esterhuysen', 'Émilie Robert', 'Flávio Wagner']);
  });
});

describe('DOCX in other languages', async () => {
  const files = async (language: ExportOptions['language']) =>
    unzipText(await recordDocx(recordMarkdown(record(), language), record(), { ...FINAL, language }));
  const arabic = await files('ar');
  const french = await files('fr');
  const english = await files('en');

  it('sets the document language', () => {
    expect(english.get('word/styles.xml')).toContain('<w:lang w:val="en-GB"/>');
    expect(french.get('word/styles.xml')).toContain('<w:lang w:val="fr-FR"/>');
    expect(arabic.get('word/styles.xml')).toMatch(/<w:lang [^>]*w:bidi="ar-SA"/);
    expect(french.get('word/document.xml')).toContain('Annexe I – Ordre du jour');
    expect(french.get('word/document.xml')).toContain('Graphiques de participation');
  });

  it('lays an Arabic record out right to left: bidirectional paragraphs, tables visually right to left', () => {
    const xml = arabic.get('word/document.xml')!;
    expect(xml).toContain('المرفق الأول – جدول الأعمال');
    const paragraphs = xml.match(/<w:p>|<w:p [^>]*>/g)!.length;
    expect(xml.match(/<w:bidi\/>/g)?.length).toBe(paragraphs);
    expect(xml).toContain('<w:bidiVisual/>');
    expect(english.get('word/document.xml')).not.toContain('<w:bidi/>');
    const header = [...arabic].find(([name]) => /^word\/header\d*\.xml$/.test(name))?.[1] ?? '';
    expect(header).toContain('<w:bidi/>');
    expect(header).toContain('الصيغة النهائية');
  });
});

describe('PDF in other languages', async () => {
  const pdf = async (language: ExportOptions['language']) =>
    recordPdf(recordMarkdown(record(), language), record(), { ...FINAL, language });
  const french = await pdf('fr');
  const russian = await pdf('ru');
  const arabic = await pdf('ar');
  const chinese = await pdf('zh');

  it('has the fixed words in the language, and the language in /Lang', () => {
    const text = pdftotext(french);
    for (const words of [
      'Rapport de synthèse',
      'Annexe I – Ordre du jour',
      'Graphiques de participation',
      'Version finale — Finalisée par Chengetai Masango, 20 avril 2017, 09:30 UTC',
    ]) {
      expect(text).toContain(words);
    }
    expect(french.toString('latin1')).toContain('/Lang (fr-FR)');
    expect(pdftotext(russian)).toContain('Приложение I – Повестка дня');
    expect(arabic.toString('latin1')).toContain('/Lang (ar-SA)');
  });

  it('sets a Chinese record in an embedded Chinese font, its words extractable', () => {
    const text = pdftotext(chinese);
    for (const words of [RECORD_WORDS.zh.summaryReport, RECORD_WORDS.zh.annexAgenda, RECORD_WORDS.zh.charts]) expect(text).toContain(words);
    expect(text).not.toContain('\u25a1');
    expect(execFileSync('pdffonts', ['-'], { input: chinese, encoding: 'utf8' })).toMatch(
      /NotoSansSC-Bold\S*\s+CID TrueType\s+Identity-H\s+yes\s+yes/,
    );
  });

  it('renders an Arabic record on its pages, header to charts', () => {
    const text = pdftotext(arabic);
    expect(text).toContain('Chengetai Masango');
    expect(text).toContain('Circulate the proposals');
    expect(text.split('\f').filter((page) => page.trim() !== '').length).toBeGreaterThanOrEqual(2);
  });
});

describe('the bidi order of a right-to-left line', () => {
  /** The text cut where the level changes: [text, level]. */
  const runs = (text: string) => {
    const chars = [...text];
    const levels = bidiLevels(chars);
    const out: [string, number][] = [];
    chars.forEach((char, index) => {
      const last = out[out.length - 1];
      if (last && last[1] === levels[index]) last[0] += char;
      else out.push([char, levels[index]!]);
    });
    return out;
  };

  it('keeps Latin words and numbers left to right inside right-to-left text', () => {
    expect(runs('البند 1 – Adoption (دقيقة واحدة)')).toEqual([
      ['البند ', 1],
      ['1', 2],
      [' – ', 1],
      ['Adoption', 2],
      [' (دقيقة واحدة)', 1],
    ]);
    expect(runs('Secretariat، في موعد أقصاه 2017-04-20')).toEqual([
      ['Secretariat', 2],
      ['، في موعد أقصاه ', 1],
      ['2017-04-20', 2],
    ]);
    expect(runs('10:00–10:40 UTC')).toEqual([
      ['10:00', 2],
      ['–', 1],
      ['10:40', 2],
      [' ', 1],
      ['UTC', 2],
    ]);
  });

  it('gives brackets the direction of what they hold', () => {
    expect(runs('C (why)')).toEqual([['C (why)', 2]]);
    expect(runs('Lynn (في القاعة)')).toEqual([
      ['Lynn', 2],
      [' (في القاعة)', 1],
    ]);
  });

  it('reverses the line, keeping each left-to-right stretch in its order', () => {
    const pieces = ['a', 'b', 'c', 'd'].map((id, index) => ({ id, level: [1, 2, 2, 1][index]! }));
    expect(visualOrder(pieces).map((piece) => piece.id)).toEqual(['d', 'b', 'c', 'a']);
  });
});
