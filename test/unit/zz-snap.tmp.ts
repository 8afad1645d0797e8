import { recordMarkdown } from '../../shared/record/record-markdown.ts';
import { chartDescription, chartLayout, recordCharts, speakingChartSvg } from '../../shared/record/record-charts.ts';
import { recordHtml } from '../../server/record/record-html.ts';
import { statusLine, utcDateTime } from '../../server/record/record-tokens.ts';
import type { MeetingRecord, RecordItem } from '../../shared/record/record-model.ts';
import { writeFileSync } from 'node:fs';
const T0 = Date.UTC(2017, 3, 12, 10, 0);
const MIN = 60_000;
function item(o: Partial<RecordItem> & Pick<RecordItem, 'id' | 'number' | 'title'>): RecordItem {
  return { depth: 0, status: 'done', minutesAllotted: 5, minutesUsed: 5, speakers: [], presentations: [], proposals: [], support: [], objections: [], comments: [], consensus: [], decisions: [], actions: [], flaggedChat: [], ...o };
}
const p = (name: string, role: any, extra: any = {}) => ({ name, affiliation: 'MAG', role, stakeholderGroup: 'civil-society', region: 'weog', location: 'room', attended: true, minutesConnected: 40, firstJoined: T0, lastLeft: T0 + 40 * MIN, ...extra });
export const record: MeetingRecord = {
  meetingId: 'm1', title: 'MAG *Meeting* III', body: 'IGF MAG', plannedStart: T0, openedAt: T0, endedAt: T0 + 40 * MIN, plannedMinutes: 40,
  chairs: ['Lynn St. Amour', 'Co Chair'], secretariat: ['Chengetai Masango'],
  items: [
    item({ id: 'i1', number: '1', title: 'Adoption', minutesAllotted: 1, minutesUsed: 1, speakers: [{ name: 'Lynn', location: 'room', kind: 'x', seconds: 60 }, { name: 'Bob', location: 'phone', kind: 'x', seconds: 6 }],
      decisions: [{ kind: 'agreed', text: 'Adopted.' }, { kind: 'deferred-to-later-meeting', text: '' }],
      consensus: [{ question: 'Any objections?', outcome: 'agreed-without-objection', objections: [] }, { question: 'Q2', outcome: 'open', objections: [] }, { question: 'Q3', outcome: 'objections', objections: [{ name: 'Sumon', reason: 'too soon' }, { name: 'Ann', reason: '' }] }],
      support: ['A', 'B'], objections: [{ name: 'C', reason: 'why' }], comments: [{ name: 'D', text: 'hmm' }, { name: 'E', text: '' }],
      presentations: [{ presenter: 'Pres', title: 'Talk', minutes: 1, done: true }, { presenter: 'P2', title: 'T2', minutes: 7, done: false }],
      actions: [{ what: 'Do it', who: 'Sec', due: '2017-04-20', itemNumber: '1' }, { what: 'Other', who: 'X', due: null, itemNumber: '1' }],
      flaggedChat: [{ from: 'Zed', text: 'hello', at: T0 }] }),
    item({ id: 'i2', number: '2', title: 'BPF', minutesAllotted: null, minutesUsed: 1,
      proposals: [
        { id: 'p1', title: 'Cyber', support: ['A'], objections: [], comments: [], consensus: [], decisions: [{ kind: 'not-agreed', text: 'no' }] },
        { id: 'p2', title: 'Empty', support: [], objections: [], comments: [], consensus: [], decisions: [] },
        { id: 'p3', title: 'Deferred', support: [], objections: [{ name: 'O', reason: 'r' }], comments: [{ name: 'C', text: 't' }], consensus: [], decisions: [{ kind: 'deferred-to-mailing-list', text: '' }, { kind: 'agreed', text: 'x' }] },
      ] }),
    item({ id: 'i2a', number: '2a', depth: 1, title: 'Sub', minutesAllotted: 0, minutesUsed: 0 }),
    item({ id: 'i3', number: '3', title: 'None', minutesAllotted: 2, minutesUsed: 21 }),
  ],
  actions: [],
  participants: [p('Lynn', 'chair'), p('Co Chair', 'co-chair', { affiliation: '' }), p('Chengetai', 'secretariat'), p('M', 'member'), p('Ob', 'observer'), p('Cap', 'captioner'), p('Absent', 'member', { attended: false, minutesConnected: 0, firstJoined: null, lastLeft: null, location: null })],
  statistics: { byLocation: [{ key: 'room', turns: 1, ms: 60000 }, { key: 'phone', turns: 2, ms: 6000 }, { key: 'remote', turns: 0, ms: 0 }], byStakeholderGroup: [{ key: 'civil-society', turns: 3, ms: 66000 }, { key: 'unknown', turns: 0, ms: 0 }], byRegion: [{ key: 'weog', turns: 3, ms: 66000 }], turns: 3, ms: 66000 } as any,
  generatedAt: T0 + 41 * MIN,
};
const out: string[] = [];
out.push(recordMarkdown(record));
out.push(recordHtml(recordMarkdown(record), record, { status: 'final', finalisedBy: 'X', finalisedAt: T0 }));
out.push(statusLine({ status: 'final', finalisedBy: 'X' }), statusLine({ status: 'final', finalisedAt: T0 }), statusLine({ status: 'final' }), utcDateTime(T0));
for (const c of recordCharts(record)) out.push(chartDescription(c.rows, c.title), JSON.stringify(chartLayout(c.rows, c.title)), speakingChartSvg(c.rows, c.title));
writeFileSync(process.env.SNAP_OUT ?? '/tmp/i18n/snap.txt', out.join('\n=====\n'));
