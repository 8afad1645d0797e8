/**
 * The record's fixed words in the six UN languages: every language has every word English
 * has, none is empty, the counted ones say something for any count, and a record rendered in
 * a language carries that language's headings (and its dates).
 */
import { describe, expect, it } from 'vitest';
import { CHART_WORDS, chartDescription, recordCharts, speakingChartSvg } from '../../shared/record/record-charts.ts';
import { recordMarkdown } from '../../shared/record/record-markdown.ts';
import type { MeetingRecord } from '../../shared/record/record-model.ts';
import { markdownLanguage, RECORD_LANGUAGES, RECORD_WORDS, type RecordLanguage } from '../../shared/record/record-words.ts';
import { recordHtml } from '../../server/record/record-html.ts';
import { statusLine } from '../../server/record/record-tokens.ts';
import { recordItem } from '../support/record-fixtures.ts';

const T0 = Date.UTC(2017, 3, 12, 13, 0);
const MINUTE = 60_000;
const COUNTS = [0, 1, 2, 5, 21];

/** Every path to a leaf (`decisionKinds.agreed`), with its value. */
function leaves(value: unknown, path = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(value)) {
      for (const [childPath, leaf] of leaves(child, path ? `${path}.${key}` : key)) out.set(childPath, leaf);
    }
  } else {
    out.set(path, value);
  }
  return out;
}

/** What a word gives: the string, or what the function says for a few counts (or a name). */
function renderings(path: string, value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === 'boolean') return [String(value)];
  if (typeof value !== 'function') return [];
  const fn = value as (...args: unknown[]) => unknown;
  switch (path) {
    case 'minutesAllotted':
      return COUNTS.flatMap((used) => [fn(null, used), ...COUNTS.map((allotted) => fn(allotted, used))]).map(String);
    case 'consensus':
    case 'figures':
      return [String(fn('Any objections?'))];
    case 'asOf':
      return [String(fn('14:32 UTC'))];
    case 'approvedAt':
      return [String(fn('MAG Virtual Meeting IV', '9 May 2017'))];
    case 'approvalOfMinutes':
      return [String(fn('MAG Virtual Meeting III'))];
    case 'presentationTime':
      return COUNTS.map((allotted) => String(fn(allotted, '12:30')));
    case 'overrun':
      return [String(fn('2:30'))];
    case 'whoSaid':
      return [String(fn('No proposal was circulated'))];
    case 'finalisedBy':
      return [String(fn('Chengetai Masango', '20 April 2017, 09:30 UTC'))];
    default:
      return COUNTS.map((n) => String(fn(n)));
  }
}

const english = leaves(RECORD_WORDS.en);

describe.each(RECORD_LANGUAGES)('the words in %s', (language) => {
  const words = leaves(RECORD_WORDS[language]);

  it('has every word English has, and no other', () => {
    const missing = [...english.keys()].filter((key) => !words.has(key));
    const extra = [...words.keys()].filter((key) => !english.has(key));
    expect(missing, `missing in ${language}`).toEqual([]);
    expect(extra, `not in English, in ${language}`).toEqual([]);
    for (const [key, value] of english) expect(typeof words.get(key), `${language}: ${key}`).toBe(typeof value);
  });

  it('has no empty word, and its counted words say something for 0, 1, 2, 5 and 21', () => {
    for (const [key, value] of words) {
      const said = renderings(key, value);
      expect(said.length, `${language}: ${key}`).toBeGreaterThan(0);
      for (const text of said) {
        expect(text.trim(), `${language}: ${key}`).not.toBe('');
        expect(text, `${language}: ${key}`).not.toMatch(/undefined|null|NaN|#/);
      }
    }
  });

  it('counts with the number in it, or a word for it', () => {
    const w = RECORD_WORDS[language];
    for (const n of [0, 5, 21]) {
      expect(w.minutes(n)).toContain(String(n));
      expect(w.turnCount(n)).toContain(String(n));
    }
  });

  it('gives the charts their words (CHART_WORDS is the same)', () => {
    expect(CHART_WORDS[language].charts).toBe(RECORD_WORDS[language].charts);
    expect(CHART_WORDS[language].turnCount(2)).toBe(RECORD_WORDS[language].turnCount(2));
  });
});

describe('counted words', () => {
  it('follow each language’s plural rules', () => {
    expect([1, 2, 5, 21, 22].map(RECORD_WORDS.ru.minutes)).toEqual(['1 минута', '2 минуты', '5 минут', '21 минута', '22 минуты']);
    expect([0, 1, 2].map(RECORD_WORDS.fr.minutes)).toEqual(['0 minute', '1 minute', '2 minutes']);
    expect([0, 1, 2].map(RECORD_WORDS.es.turnCount)).toEqual(['0 intervenciones', '1 intervención', '2 intervenciones']);
    expect([1, 2, 3, 11, 100].map(RECORD_WORDS.ar.minutes)).toEqual(['دقيقة واحدة', 'دقيقتان', '3 دقائق', '11 دقيقة', '100 دقيقة']);
    expect(RECORD_WORDS.zh.minutes(21)).toBe('21分钟');
    expect(RECORD_WORDS.en.minutes(1)).toBe('1 minute');
  });
});

/** A small record with something under every heading. */
function smallRecord(): MeetingRecord {
  const person = (name: string, role: MeetingRecord['participants'][number]['role']) => ({
    name,
    affiliation: 'MAG',
    role,
    category: '',
    stakeholderGroup: 'civil-society' as const,
    region: 'weog' as const,
    location: 'room' as const,
    attended: true,
    presentByPhone: false,
    minutesConnected: 30,
    firstJoined: T0,
    lastLeft: T0 + 30 * MINUTE,
  });
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
        speakers: [{ name: 'Lynn St. Amour', location: 'room', kind: 'new-point', seconds: 60 }],
        consensus: [{ question: 'Any objections?', outcome: 'agreed-without-objection', objections: [] }],
        decisions: [{ kind: 'agreed', text: 'The agenda was adopted.' }],
      }),
      recordItem({
        id: 'i2',
        number: '2',
        title: 'Best Practice Forums',
        proposals: [
          {
            id: 'p1',
            title: 'BPF on Cybersecurity',
            proposers: '',
            support: ['Flávio Wagner', 'Mary Uduma'],
            objections: [],
            comments: [{ name: 'Sumon Sabir', text: '' }],
            consensus: [],
            decisions: [{ kind: 'deferred-to-mailing-list', text: '' }],
          },
        ],
        actions: [{ what: 'Circulate the proposals', who: 'Secretariat', due: '2017-04-20', itemNumber: '2' }],
      }),
    ],
    actions: [],
    participants: [person('Lynn St. Amour', 'chair'), person('Chengetai Masango', 'secretariat'), person('Flávio Wagner', 'member')],
    statistics: {
      byLocation: [{ key: 'room', turns: 1, ms: 60_000 }],
      byStakeholderGroup: [{ key: 'civil-society', turns: 1, ms: 60_000 }],
      byRegion: [{ key: 'weog', turns: 1, ms: 60_000 }],
      turns: 1,
      ms: 60_000,
    } as MeetingRecord['statistics'],
    asOf: T0 + 30 * MINUTE,
    captions: [],
    generatedAt: T0 + 31 * MINUTE,
  };
}

/** Each language's headings and a few of its words, as they should read. */
const EXPECTED: Record<RecordLanguage, { headings: string[]; words: string[]; date: string }> = {
  en: {
    headings: [
      '## Summary',
      '## Annex I – Agenda',
      '## Annex II – Proposals and positions',
      '## Annex III – List of participants',
      '## Annex IV – Attendance',
      '## Annex V – Participation statistics',
    ],
    words: [
      '**Summary report** — Draft',
      'Support: Flávio Wagner, Mary Uduma.',
      'Other Comments: Sumon Sabir.',
      'Decision: deferred to the mailing list.',
    ],
    date: 'Wednesday, 12 April 2017',
  },
  fr: {
    headings: [
      '## Résumé',
      '## Annexe I – Ordre du jour',
      '## Annexe II – Propositions et positions',
      '## Annexe III – Liste des participants',
      '## Annexe IV – Présence',
      '## Annexe V – Statistiques de participation',
    ],
    words: [
      '**Rapport de synthèse** — Projet',
      'Appui\u00a0: Flávio Wagner, Mary Uduma.',
      'Autres commentaires\u00a0: Sumon Sabir.',
      'Décision\u00a0: reporté à la liste de diffusion.',
    ],
    date: 'mercredi 12 avril 2017',
  },
  es: {
    headings: [
      '## Resumen',
      '## Anexo I – Programa',
      '## Anexo II – Propuestas y posiciones',
      '## Anexo III – Lista de participantes',
      '## Anexo IV – Asistencia',
      '## Anexo V – Estadísticas de participación',
    ],
    words: ['**Informe resumido** — Proyecto', 'Apoyo: Flávio Wagner, Mary Uduma.', 'Otros comentarios: Sumon Sabir.'],
    date: 'miércoles, 12 de abril de 2017',
  },
  ru: {
    headings: [
      '## Краткое изложение',
      '## Приложение I – Повестка дня',
      '## Приложение II – Предложения и позиции',
      '## Приложение III – Список участников',
      '## Приложение IV – Присутствие',
      '## Приложение V – Статистика участия',
    ],
    words: ['**Краткий отчёт** — Проект', 'Поддержка: Flávio Wagner, Mary Uduma.', 'отведено: 5 минут, использовано: 4 минуты'],
    date: 'среда, 12 апреля 2017 г.',
  },
  ar: {
    headings: [
      '## موجز',
      '## المرفق الأول – جدول الأعمال',
      '## المرفق الثاني – المقترحات والمواقف',
      '## المرفق الثالث – قائمة المشاركين',
      '## المرفق الرابع – الحضور',
      '## المرفق الخامس – إحصاءات المشاركة',
    ],
    words: ['**تقرير موجز** — مسودة', 'المؤيدون: Flávio Wagner، Mary Uduma.', 'الوقت المخصص: 5 دقائق'],
    date: 'الأربعاء، 12 أبريل 2017',
  },
  zh: {
    headings: [
      '## 摘要',
      '## 附件一 – 议程',
      '## 附件二 – 提案和立场',
      '## 附件三 – 与会者名单',
      '## 附件四 – 出席情况',
      '## 附件五 – 参与情况统计',
    ],
    words: ['**摘要报告** — 草案', '支持：Flávio Wagner、Mary Uduma。', '（分配时间5分钟，实际用时4分钟）。'],
    date: '2017年4月12日星期三',
  },
};

describe.each(RECORD_LANGUAGES)('a record rendered in %s', (language) => {
  const record = smallRecord();
  const markdown = recordMarkdown(record, language);
  const expected = EXPECTED[language];

  it('has the language’s headings, words and date', () => {
    for (const heading of expected.headings) expect(markdown).toContain(`\n${heading}\n`);
    for (const words of expected.words) expect(markdown).toContain(words);
    expect(markdown).toContain(`| ${RECORD_WORDS[language].date} | ${expected.date} |`);
    // The people's words stay as they wrote them.
    expect(markdown).toContain('MAG Virtual Meeting III');
    expect(markdown).toContain('Circulate the proposals');
  });

  it('says which language it is in', () => {
    expect(markdownLanguage(markdown)).toBe(language);
  });

  it('labels the charts and the HTML around it in the language', () => {
    const w = RECORD_WORDS[language];
    const [chart] = recordCharts(record, language);
    expect(chart!.title).toBe(w.byLocation);
    expect(chart!.rows[0]!.label).toBe(w.locations.room);
    expect(chartDescription(chart!.rows, chart!.title, language)).toContain(w.turnCount(1));
    expect(speakingChartSvg(chart!.rows, chart!.title, language)).toContain(w.turnCount(1));
    const html = recordHtml(markdown, record, {
      status: 'final',
      finalisedBy: 'Chengetai Masango',
      finalisedAt: Date.UTC(2017, 3, 20, 9, 30),
      language,
    });
    expect(html).toContain(`<h2 id="charts">${w.charts}</h2>`);
    expect(html).toContain(
      statusLine({ status: 'final', finalisedBy: 'Chengetai Masango', finalisedAt: Date.UTC(2017, 3, 20, 9, 30), language }),
    );
    if (language === 'ar') expect(html).toMatch(/<html lang="ar" dir="rtl">/);
    else expect(html).not.toContain('dir="rtl"');
  });
});

describe('the status line', () => {
  it('dates the finalisation in the language', () => {
    const final = { status: 'final', finalisedBy: 'Chengetai Masango', finalisedAt: Date.UTC(2017, 3, 20, 9, 30) } as const;
    expect(statusLine(final)).toBe('Final — Finalised by Chengetai Masango, 20 April 2017, 09:30 UTC');
    expect(statusLine({ ...final, language: 'fr' })).toBe('Version finale — Finalisée par Chengetai Masango, 20 avril 2017, 09:30 UTC');
    expect(statusLine({ ...final, language: 'zh' })).toBe('定稿 — 定稿人：Chengetai Masango，2017年4月20日，09:30 UTC');
    expect(statusLine({ status: 'final', finalisedBy: 'Chengetai Masango', language: 'ar' })).toBe(
      'الصيغة النهائية — اعتمدها Chengetai Masango',
    );
  });
});
