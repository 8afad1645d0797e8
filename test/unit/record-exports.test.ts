/**
 * The record's exports rendered from the (edited) Markdown and the structured record:
 * HTML (safe, standalone, accessible charts), DOCX (read back from its zip), PDF (read back
 * with pdftotext/pdfinfo from poppler-utils) and the charts' PNG fallback.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { MINUTE, SECOND, T0, openMeeting } from '../support/meeting-harness.ts';
import { chartLayout, speakingChartSvg } from '../../shared/record/record-charts.ts';
import { recordMarkdown } from '../../shared/record/record-markdown.ts';
import { buildRecord, type MeetingRecord, type RecordItem } from '../../shared/record/record-model.ts';
import { speakingChartPng, TrueTypeFont } from '../../server/record/chart-png.ts';
import { recordDocx } from '../../server/record/record-docx.ts';
import { recordHtml } from '../../server/record/record-html.ts';
import { bidiPieces, pdfText, recordPdf } from '../../server/record/record-pdf.ts';
import { headingTexts, markdownBlocks, type ExportOptions } from '../../server/record/record-tokens.ts';
import { recordItem } from '../support/record-fixtures.ts';
import { unzip } from '../support/unzip.ts';

const FLAVIO = 'Flávio Wagner';
const YULIA = 'Юлия Иванова';
const RASHA = 'رشا عبد الله';
const HAOJUN = '纪浩军';
const INJECTION = '<img src=x onerror=alert(1)>';

/** An item as the sample record's: its whole time used. */
const item = (overrides: Parameters<typeof recordItem>[0]): RecordItem => recordItem({ minutesUsed: 5, ...overrides });

function person(
  name: string,
  role: MeetingRecord['participants'][number]['role'],
  extra: Partial<MeetingRecord['participants'][number]> = {},
) {
  return {
    name,
    affiliation: 'MAG',
    role,
    category: '',
    stakeholderGroup: 'civil-society' as const,
    region: 'weog' as const,
    location: 'room' as const,
    attended: true,
    presentByPhone: false,
    minutesConnected: 40,
    firstJoined: T0,
    lastLeft: T0 + 40 * MINUTE,
    ...extra,
  };
}

/** A record shaped like the IGF MAG's, with names in Latin with accents, Cyrillic, Arabic and Chinese. */
function sampleRecord(): MeetingRecord {
  return {
    meetingId: 'm1',
    title: 'MAG Virtual Meeting III',
    body: 'IGF MAG',
    plannedStart: T0,
    openedAt: T0,
    endedAt: T0 + 40 * MINUTE,
    plannedMinutes: 40,
    chairs: ['Lynn St. Amour'],
    secretariat: ['Chengetai Masango'],
    items: [
      item({
        id: 'i1',
        number: '1',
        title: 'Adoption of agenda',
        speakers: [{ name: 'Lynn St. Amour', location: 'room', kind: 'new-point', seconds: 60 }],
        decisions: [{ kind: 'agreed', text: 'The agenda was adopted' }],
      }),
      item({
        id: 'i2',
        number: '2',
        title: 'Best Practice Forums',
        minutesAllotted: 20,
        minutesUsed: 24,
        speakers: [
          { name: FLAVIO, location: 'room', kind: 'new-point', seconds: 120 },
          { name: YULIA, location: 'remote', kind: 'new-point', seconds: 90 },
          { name: RASHA, location: 'phone', kind: 'reply', seconds: 45 },
        ],
        proposals: [
          {
            id: 'p1',
            title: 'BPF on Cybersecurity',
            proposers: 'Markus Kummer, Maarit Palovirta',
            support: [FLAVIO, YULIA, 'Mary Uduma'],
            objections: [],
            comments: [{ name: RASHA, text: 'a short report' }],
            consensus: [{ question: 'Continue the BPF?', outcome: 'agreed-without-objection', objections: [] }],
            decisions: [{ kind: 'agreed', text: '' }],
          },
          {
            id: 'p2',
            title: 'BPF on Remote Participation',
            proposers: '',
            support: [HAOJUN],
            objections: [{ name: 'Sumon Sabir', reason: 'better as a task force' }],
            comments: [],
            consensus: [],
            decisions: [{ kind: 'deferred-to-mailing-list', text: '' }],
          },
        ],
        actions: [{ what: 'Circulate the BPF proposals', who: 'Secretariat', due: '2017-04-20', itemNumber: '2' }],
      }),
      item({ id: 'i3', number: '3', title: 'Presentations', minutesAllotted: 10, minutesUsed: 8 }),
      item({ id: 'i3a', number: '3a', depth: 1, title: 'National and Regional Initiatives', minutesAllotted: null, minutesUsed: 8 }),
    ],
    actions: [{ what: 'Circulate the BPF proposals', who: 'Secretariat', due: '2017-04-20', itemNumber: '2' }],
    participants: [
      person('Lynn St. Amour', 'chair'),
      person('Chengetai Masango', 'secretariat', { stakeholderGroup: 'intergovernmental-organisation', region: 'africa' }),
      person(FLAVIO, 'member', { region: 'latin-america-caribbean', affiliation: 'CGI.br' }),
      person(YULIA, 'member', { region: 'eastern-europe', location: 'remote', affiliation: 'Координационный центр' }),
      person(RASHA, 'member', { region: 'africa', location: 'phone' }),
      person(HAOJUN, 'member', { stakeholderGroup: 'government', region: 'asia-pacific', location: 'remote' }),
      person('Timea Suto', 'member', { attended: false, minutesConnected: 0, firstJoined: null, lastLeft: null, location: null }),
    ],
    statistics: {
      byLocation: [
        { key: 'room', turns: 2, ms: 180 * SECOND },
        { key: 'remote', turns: 1, ms: 90 * SECOND },
        { key: 'phone', turns: 1, ms: 45 * SECOND },
      ],
      byStakeholderGroup: [{ key: 'civil-society', turns: 4, ms: 315 * SECOND }],
      byRegion: [
        { key: 'latin-america-caribbean', turns: 1, ms: 120 * SECOND },
        { key: 'eastern-europe', turns: 1, ms: 90 * SECOND },
        { key: 'weog', turns: 1, ms: 60 * SECOND },
        { key: 'africa', turns: 1, ms: 45 * SECOND },
      ],
      turns: 4,
      ms: 315 * SECOND,
    },
    asOf: T0 + 40 * MINUTE,
    captions: [],
    generatedAt: T0 + 41 * MINUTE,
  };
}

/** The draft as generated, then edited by the secretariat: a link, a bad link, and raw HTML typed in. */
function editedMarkdown(record: MeetingRecord): string {
  return (
    recordMarkdown(record) +
    [
      '',
      '## Notes from the secretariat',
      '',
      `See the [previous meeting](https://www.intgovforum.org/mag) and [this](javascript:alert(1)). Typed in: ${INJECTION} and <script>alert(2)</script>, *in italics* & &copy; 2017.`,
      '',
      '<script>alert(3)</script>',
      '',
      '---',
      '',
    ].join('\n')
  );
}

const DRAFT: ExportOptions = { status: 'draft' };
const FINAL: ExportOptions = { status: 'final', finalisedBy: 'Chengetai Masango', finalisedAt: Date.UTC(2017, 3, 20, 9, 30) };

/** A poppler tool's output for a PDF given on stdin. */
function poppler(tool: 'pdftotext' | 'pdfinfo' | 'pdffonts', pdf: Buffer): string {
  const args = tool === 'pdftotext' ? ['-enc', 'UTF-8', '-', '-'] : tool === 'pdfinfo' ? ['-enc', 'UTF-8', '-'] : ['-'];
  try {
    return execFileSync(tool, args, { input: pdf, encoding: 'utf8' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(`${tool} is missing: install poppler-utils (apt-get install -y poppler-utils) to check the PDF's text`, {
        cause: error,
      });
    }
    throw error;
  }
}

describe('the block model', () => {
  it('keeps headings in order, decodes references, and drops unsafe links', () => {
    const blocks = markdownBlocks('### Starts deep\n\n#### Deeper\n\nA &amp; B [x](javascript:alert(1)) [y](https://example.org)\n');
    expect(blocks.map((block) => (block.kind === 'heading' ? block.level : block.kind))).toEqual([1, 2, 'paragraph']);
    expect(headingTexts(blocks)).toEqual(['Starts deep', 'Deeper']);
    const paragraph = blocks[2];
    expect(paragraph?.kind === 'paragraph' && paragraph.runs).toEqual([{ text: 'A & B x ' }, { text: 'y', href: 'https://example.org/' }]);
  });

  it('names a prepared proposal’s facilitators beside its title in the proposals annex', () => {
    const markdown = recordMarkdown(sampleRecord());
    const annex = markdown.slice(markdown.indexOf('Proposals'));
    expect(annex).toContain('| BPF on Cybersecurity (Markus Kummer, Maarit Palovirta) |');
    expect(annex).toContain('| BPF on Remote Participation |');
  });

  it('lists participants under their role headings when nobody has a category', () => {
    expect(participantsAnnex(sampleRecord())).toEqual([
      ['Chair', ['Lynn St. Amour']],
      ['Secretariat', ['Chengetai Masango']],
      ['Member', [FLAVIO, 'Timea Suto', YULIA, RASHA, HAOJUN]],
    ]);
  });

  it('lists participants under the meeting’s own headings, in role order, the rest under their role’s heading', () => {
    const record = sampleRecord();
    const categories: Record<string, string> = {
      'Lynn St. Amour': 'MAG Chair',
      'Chengetai Masango': 'IGF Secretariat',
      [FLAVIO]: 'MAG Members',
      [YULIA]: 'MAG Members',
      'Timea Suto': 'Former IGF Host Country Representatives',
      [HAOJUN]: 'Other *Participants* #1',
    };
    record.participants = record.participants.map((person) => ({ ...person, category: categories[person.name] ?? '' }));
    const annex = participantsAnnex(record);
    expect(annex).toEqual([
      ['MAG Chair', ['Lynn St. Amour']],
      ['IGF Secretariat', ['Chengetai Masango']],
      ['MAG Members', [FLAVIO, YULIA]],
      ['Former IGF Host Country Representatives', ['Timea Suto']],
      ['Member', [RASHA]],
      ['Other *Participants* #1', [HAOJUN]],
    ]);
  });

  it('reads the draft: numbered summary paragraphs with nested proposals, tables', () => {
    const blocks = markdownBlocks(recordMarkdown(sampleRecord()));
    const summary = blocks.find((block) => block.kind === 'list' && block.ordered);
    expect(summary?.kind === 'list' && summary.items.length).toBe(4);
    expect(
      summary?.kind === 'list' && summary.items[1]?.some((child) => child.kind === 'list' && !child.ordered && child.items.length === 2),
    ).toBe(true);
    const tables = blocks.filter((block) => block.kind === 'table');
    expect(tables.length).toBeGreaterThanOrEqual(5);
    // The header table has no header row: its first column heads each row.
    expect(tables[0]?.kind === 'table' && tables[0].header === null && tables[0].rowHeaders).toBe(true);
  });
});

describe('HTML export', () => {
  const record = sampleRecord();
  const html = recordHtml(editedMarkdown(record), record, DRAFT);

  it('is a standalone document with no scripts and no external assets', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toMatch(/<html lang="en">/);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toMatch(/<title>MAG Virtual Meeting III — Summary report \(Draft\)<\/title>/);
    expect(html).toMatch(/<style>[\s\S]*@media print[\s\S]*<\/style>/);
    expect(html.toLowerCase()).not.toContain('<script');
    expect(html).not.toMatch(/<[^>]*\son[a-z]+=/i);
    expect(html).not.toMatch(/(src|href)="(?!https?:|mailto:)/);
    expect(html).toMatch(/<main>[\s\S]*<\/main>/);
    expect(html).toContain('<header class="banner draft"><p><strong>Summary report:</strong> Draft</p></header>');
  });

  it('shows raw HTML typed in the Markdown as text, and keeps only safe links', () => {
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(2)&lt;/script&gt;');
    expect(html).toContain('<a href="https://www.intgovforum.org/mag" rel="noopener noreferrer">previous meeting</a>');
    expect(html).not.toContain('javascript:');
    expect(html).toContain('<em>in italics</em> &amp; © 2017');
  });

  it('has the supporters, the headings in order and table headers with scope', () => {
    expect(html).toContain(`Support: ${FLAVIO}, ${YULIA}, Mary Uduma.`);
    expect(html).toContain(RASHA);
    const levels = [...html.matchAll(/<h([1-6])[\s>]/g)].map((match) => Number(match[1]));
    expect(levels[0]).toBe(1);
    levels.forEach((level, index) => index > 0 && expect(level).toBeLessThanOrEqual(levels[index - 1]! + 1));
    expect(html).not.toMatch(/<th(?=[\s>])(?![^>]*scope="(col|row)")[^>]*>/);
    expect(html).toContain('<h2>Summary</h2>');
    expect(html).toMatch(/<ol>\s*<li>.*<strong>Item 1 – Adoption of agenda<\/strong>/);
  });

  it('ends with the participation charts as SVG images with their figures, and a table of them', () => {
    const svgs = [...html.matchAll(/<svg [^>]*>/g)].map((match) => match[0]);
    expect(svgs).toHaveLength(3);
    for (const svg of svgs) expect(svg).toContain('role="img"');
    expect(svgs[2]).toMatch(/aria-label="By region — speaking time: Latin America and Caribbean 2:00, 1 turn \(38%\); /);
    expect(html).toMatch(/<title>By where people took part from — speaking time: in the room 3:00, 2 turns \(57%\);/);
    expect(html).toContain('<caption>By region: the figures</caption>');
    expect(html).toContain(
      '<tr><th scope="row">Eastern Europe</th><td class="num">1</td><td class="num">1:30</td><td class="num">29%</td></tr>',
    );
    expect(html.indexOf('<svg')).toBeGreaterThan(html.indexOf('Notes from the secretariat'));
  });

  it('says who finalised it, and when', () => {
    const final = recordHtml(editedMarkdown(record), record, FINAL);
    expect(final).toContain('Final — Finalised by Chengetai Masango, 20 April 2017, 09:30 UTC');
    expect(final).toMatch(/<title>[^<]*\(Final\)<\/title>/);
  });
});

describe('speakingChartSvg', () => {
  it('escapes its text', () => {
    const svg = speakingChartSvg([{ label: '<b>"Room" & co</b>', turns: 1, ms: 61_000 }], 'Title <i>');
    expect(svg).toContain('&lt;b&gt;&quot;Room&quot; &amp; co&lt;/b&gt;');
    expect(svg).not.toContain('<b>');
    expect(svg).not.toContain('<i>');
    expect(svg).toContain('1:01 · 1 turn');
  });
});

describe('DOCX export', async () => {
  const record = sampleRecord();
  const docx = await recordDocx(editedMarkdown(record), record, DRAFT);
  const files = unzip(docx);
  const xml = files.get('word/document.xml')?.toString('utf8') ?? '';

  it('is a zip with a Word document in it', () => {
    expect(docx.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(files.has('[Content_Types].xml')).toBe(true);
    expect(xml).toContain('<w:body>');
  });

  it('has the headings in heading styles, tables with header rows, and the names', () => {
    expect(xml).toMatch(/<w:pStyle w:val="Heading1"\/>[\s\S]*?MAG Virtual Meeting III/);
    expect(xml).toMatch(/<w:pStyle w:val="Heading2"\/>[\s\S]*?>Summary</);
    expect(xml).toMatch(/<w:pStyle w:val="Heading3"\/>[\s\S]*?>By region</);
    expect(xml).toContain('<w:tbl>');
    expect(xml).toContain('<w:tblHeader/>');
    expect(xml).toContain(FLAVIO);
    expect(xml).toContain(YULIA);
    expect(xml).toContain(RASHA);
    // Raw HTML is text here too (XML-escaped).
    expect(xml).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(xml).toMatch(/<w:b\/>[\s\S]*?Item 2 – Best Practice Forums/);
    expect(xml).toMatch(/<w:i\/>[\s\S]*?in italics/);
    // Headings keep their style's bold: runs only say what is on.
    expect(xml).not.toContain('<w:b w:val="false"/>');
  });

  it('numbers the summary paragraphs as a real list, with the proposals as bullets', () => {
    const numbering = files.get('word/numbering.xml')?.toString('utf8') ?? '';
    expect(numbering).toContain('w:val="decimal"');
    expect(numbering).toContain('w:val="bullet"');
    expect(xml).toMatch(/<w:numPr><w:ilvl w:val="0"\/><w:numId w:val="\d+"\/><\/w:numPr>[\s\S]*?Item 1 – Adoption of agenda/);
    expect(xml).toMatch(/<w:numPr><w:ilvl w:val="1"\/><w:numId w:val="\d+"\/><\/w:numPr>[\s\S]*?BPF on Cybersecurity/);
  });

  it('has the charts as SVG images with PNG fallbacks, alt text, the font, and Draft in header and footer', () => {
    const media = [...files.keys()].filter((name) => name.startsWith('word/media/'));
    expect(media.filter((name) => name.endsWith('.svg'))).toHaveLength(3);
    expect(media.filter((name) => name.endsWith('.png'))).toHaveLength(3);
    expect(xml).toContain('descr="By region — speaking time: Latin America and Caribbean 2:00, 1 turn (38%);');
    expect(files.get('word/styles.xml')?.toString('utf8')).toMatch(/w:ascii="DejaVu Sans"[^>]*w:eastAsia="Noto Sans SC"/);
    const header = [...files].find(([name]) => /^word\/header\d*\.xml$/.test(name))?.[1].toString('utf8') ?? '';
    const footer = [...files].find(([name]) => /^word\/footer\d*\.xml$/.test(name))?.[1].toString('utf8') ?? '';
    expect(header).toContain('MAG Virtual Meeting III');
    expect(header).toContain('Draft');
    expect(footer).toContain('Draft');
    expect(footer).toContain('PAGE');
  });

  it('embeds its fonts, cut down to what it shows: DejaVu Sans, and Noto Sans SC for the Chinese name', () => {
    const table = files.get('word/fontTable.xml')?.toString('utf8') ?? '';
    const settings = files.get('word/settings.xml')?.toString('utf8') ?? '';
    expect(settings).toContain('<w:embedTrueTypeFonts/>');
    const embedded = (name: string, face: 'Regular' | 'Bold') => {
      const font = table.match(new RegExp(`<w:font w:name="${name}">[\\s\\S]*?</w:font>`))?.[0] ?? '';
      const embed =
        font.match(new RegExp(`<w:embed${face} [^>]*w:fontKey="\\{([\\w-]+)\\}"[^>]*r:id="(\\w+)"`)) ??
        font.match(new RegExp(`<w:embed${face} [^>]*r:id="(\\w+)"[^>]*w:fontKey="\\{([\\w-]+)\\}"`));
      expect(embed, `${name} ${face}`).toBeTruthy();
      const [key, id] = embed![0].indexOf('r:id') > embed![0].indexOf('fontKey') ? [embed![1]!, embed![2]!] : [embed![2]!, embed![1]!];
      const rels = files.get('word/_rels/fontTable.xml.rels')?.toString('utf8') ?? '';
      const target =
        rels.match(new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`))?.[1] ?? rels.match(new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`))?.[1];
      const data = Buffer.from(files.get(`word/${target}`)!);
      // Word's obfuscation: the first 32 bytes XORed with the key's bytes, last first.
      const keyBytes = key
        .replace(/-/g, '')
        .match(/../g)!
        .map((hex) => parseInt(hex, 16))
        .reverse();
      for (let index = 0; index < 32; index++) data[index]! ^= keyBytes[index % 16]!;
      return new TrueTypeFont(data);
    };
    for (const face of ['Regular', 'Bold'] as const) {
      const chinese = embedded('Noto Sans SC', face);
      for (const char of HAOJUN) expect(chinese.glyphIndex(char.codePointAt(0)!), `${char} in Noto Sans SC ${face}`).toBeGreaterThan(0);
      const body = embedded('DejaVu Sans', face);
      for (const char of `${FLAVIO}${YULIA}${RASHA}`.replace(/\s/g, ''))
        expect(body.glyphIndex(char.codePointAt(0)!), `${char} in DejaVu Sans ${face}`).toBeGreaterThan(0);
    }
    // Subsets: the whole Noto Sans SC is over 10 MB.
    const fontBytes = [...files].filter(([name]) => name.startsWith('word/fonts/')).reduce((sum, [, data]) => sum + data.length, 0);
    expect(fontBytes).toBeLessThan(1_500_000);
  });
});

describe('PDF export', async () => {
  const record = sampleRecord();
  const pdf = await recordPdf(editedMarkdown(record), record, FINAL);

  it('is a PDF with the title in its metadata', () => {
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1')).toContain('/Title');
    const info = poppler('pdfinfo', pdf);
    expect(info).toMatch(/^Title:\s+MAG Virtual Meeting III$/m);
    expect(Number(info.match(/^Pages:\s+(\d+)$/m)?.[1])).toBeGreaterThanOrEqual(2);
  });

  it('has the headings, the names, the tables and the charts in its text', () => {
    const text = poppler('pdftotext', pdf);
    for (const heading of [
      'MAG Virtual Meeting III',
      'Summary',
      'Annex I – Agenda',
      'Annex III – List of participants',
      'Participation charts',
      'By region',
    ]) {
      expect(text).toContain(heading);
    }
    expect(text).toContain(FLAVIO);
    expect(text).toContain(YULIA);
    expect(text).toContain('Координационный центр');
    expect(text).toContain('Support:');
    expect(text).toContain('Final — Finalised by Chengetai Masango, 20 April 2017, 09:30 UTC');
    expect(text).toContain(INJECTION);
    expect(text).toMatch(/2:00 · 1 turn/);
    expect(text).toMatch(/\b1 \/ \d+\b/);
  });

  it('prints Chinese from Noto Sans SC, embedded, and extractable as text', () => {
    expect(poppler('pdftotext', pdf)).toContain(HAOJUN);
    const fonts = poppler('pdffonts', pdf);
    expect(fonts).toMatch(/NotoSansSC\S*\s+CID TrueType\s+Identity-H\s+yes\s+yes/);
    expect(fonts).toMatch(/DejaVuSans\S*\s+CID TrueType\s+Identity-H\s+yes\s+yes/);
    expect(pdfText(`Support: ${HAOJUN}.`)).toBe(`Support: ${HAOJUN}.`);
  });

  it('draws letters no embedded font has (Thai) as white squares, measured as drawn', () => {
    expect(pdfText('Support: ไทย.')).toBe('Support: □□□.');
  });

  it('keeps a run of right-to-left words together for shaping', () => {
    expect(pdfText(`Comment: ${RASHA}.`)).toBe('Comment: رشا\u00a0عبد\u00a0الله.');
    // Set apart from the text around it, so pdfkit never puts it in one word with it.
    expect(bidiPieces(`${YULIA} (remote), ${RASHA} (by phone).`)).toEqual([
      `${YULIA} (remote), `,
      'رشا\u00a0عبد\u00a0الله',
      ' (by phone).',
    ]);
  });
});

describe('PNG fallback', () => {
  it('is a PNG of the chart layout at twice its size', () => {
    const rows = [
      { label: 'in the room', turns: 2, ms: 180_000 },
      { label: 'remote', turns: 1, ms: 90_000 },
    ];
    const png = speakingChartPng(rows, 'By where people took part from');
    const layout = chartLayout(rows, 'By where people took part from');
    expect([...png.data.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.data.toString('latin1', 12, 16)).toBe('IHDR');
    expect(png.data.readUInt32BE(16)).toBe(layout.width * 2);
    expect(png.data.readUInt32BE(20)).toBe(layout.height * 2);
    expect(png.width).toBe(layout.width * 2);
    expect(png.height).toBe(layout.height * 2);
    expect(png.data.toString('latin1', png.data.length - 8, png.data.length - 4)).toBe('IEND');
  });
});

describe('from a live meeting', async () => {
  // A record built from a state, through the same path as the server's.
  const h = openMeeting().startItem('i2');
  h.raiseAll(['flavio', 'rasha']);
  h.speak('Flávio Wagner', 90).speak('Rasha Abdulla', 30);
  const record = buildRecord({
    meeting: { id: 'm1', title: 'MAG Virtual Meeting III', body: 'IGF MAG', startsAt: T0, timeZone: 'UTC', plannedMinutes: 40 },
    state: h.state,
    roster: h.setup.participants.map((p) => ({
      id: p.id,
      name: p.name,
      affiliation: p.affiliation,
      role: p.role,
      stakeholderGroup: p.stakeholderGroup,
      region: p.region,
    })),
    attendance: [{ participantId: 'flavio', joinedAt: T0, leftAt: null }],
    generatedAt: h.now,
  });
  const markdown = recordMarkdown(record);

  it('renders in every format', async () => {
    const html = recordHtml(markdown, record, DRAFT);
    expect(html).toContain('Speakers, in order: Flávio Wagner (in the room), Rasha Abdulla (by phone).');
    expect(html).toMatch(
      /aria-label="By where people took part from — speaking time: in the room 1:30, 1 turn \(75%\); by phone 0:30, 1 turn \(25%\)\./,
    );
    const docx = unzip(await recordDocx(markdown, record, DRAFT));
    expect(docx.get('word/document.xml')?.toString('utf8')).toContain('Flávio Wagner');
    const text = poppler('pdftotext', await recordPdf(markdown, record, DRAFT));
    expect(text).toContain('Rasha Abdulla');
  });
});

describe('a version stored nested deeper than a save allows', () => {
  const record = sampleRecord();
  // Saved before the nesting limit, or imported: every export still renders it, keeping its words.
  const markdown = `# Record\n\n${'> '.repeat(10_000)}deep words\n\n${'- '.repeat(5_000)}listed words\n`;

  it('renders in every format, with its words', async () => {
    expect(recordHtml(markdown, record, DRAFT)).toMatch(/deep words[\s\S]*listed words/);
    const docx = unzip(await recordDocx(markdown, record, DRAFT));
    expect(docx.get('word/document.xml')?.toString('utf8')).toMatch(/deep words[\s\S]*listed words/);
    const text = poppler('pdftotext', await recordPdf(markdown, record, DRAFT));
    // Twenty levels of list leave a narrow column: the words may stand on two lines.
    expect(text).toMatch(/deep words[\s\S]*listed\s+words/);
  });
});

/** The list of participants as a reader sees it: each heading with the names under it. */
function participantsAnnex(record: MeetingRecord): [string, string[]][] {
  const blocks = markdownBlocks(recordMarkdown(record));
  const start = blocks.findIndex((block) => block.kind === 'heading' && headingTexts([block])[0]!.includes('List of participants'));
  const annex = blocks[start]!;
  const level = annex.kind === 'heading' ? annex.level : 0;
  const out: [string, string[]][] = [];
  for (const block of blocks.slice(start + 1)) {
    if (block.kind === 'heading' && block.level <= level) break;
    if (block.kind === 'heading') out.push([headingTexts([block])[0]!, []]);
    else if (block.kind === 'list')
      for (const [paragraph] of block.items)
        if (paragraph?.kind === 'paragraph')
          out.at(-1)![1].push(
            paragraph.runs
              .map((run) => run.text)
              .join('')
              .split(', ')[0]!,
          );
  }
  return out;
}
