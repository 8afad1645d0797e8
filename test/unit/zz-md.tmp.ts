import { record } from './zz-snap.tmp.ts';
import { recordMarkdown } from '../../shared/record/record-markdown.ts';
import { markdownBlocks } from '../../server/record/record-tokens.ts';
const b = markdownBlocks(recordMarkdown(record, 'zh'));
const list = b.find((x) => x.kind === 'list')!;
console.log(JSON.stringify((list as any).items[0][0].runs.slice(0, 3)));
console.log(JSON.stringify((list as any).items[1]));
