import { record } from './zz-snap.tmp.ts';
import { recordMarkdown } from '../../shared/record/record-markdown.ts';
import { RECORD_LANGUAGES } from '../../shared/record/record-words.ts';
import { statusLine } from '../../server/record/record-tokens.ts';
import { chartDescription, recordCharts } from '../../shared/record/record-charts.ts';
for (const l of RECORD_LANGUAGES.slice(1)) {
  console.log('=================', l);
  console.log(recordMarkdown(record, l));
  console.log(statusLine({ status: 'final', finalisedBy: 'X', finalisedAt: Date.UTC(2017,3,20,9,30), language: l }), '|', statusLine({ status: 'final', finalisedBy: 'X', language: l }));
  for (const c of recordCharts(record, l)) console.log(chartDescription(c.rows, c.title, l));
}
