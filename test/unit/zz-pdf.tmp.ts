import { record } from './zz-snap.tmp.ts';
import { recordMarkdown } from '../../shared/record/record-markdown.ts';
import { recordPdf } from '../../server/record/record-pdf.ts';
import { writeFileSync } from 'node:fs';
const lang = (process.env.LANG_REC ?? 'ar') as any;
record.participants[3]!.name = 'رشا عبد الله';
record.items[0]!.speakers[1]!.name = 'رشا عبد الله';
const md = recordMarkdown(record, lang);
writeFileSync(`/tmp/i18n/rec-${lang}.pdf`, await recordPdf(md, record, { status: 'final', finalisedBy: 'Chengetai Masango', finalisedAt: Date.UTC(2017, 3, 20, 9, 30), language: lang }));
