/** One record, every format: the text as edited, rendered; the structured record for JSON and charts. */
import type { MeetingRecord } from '../../shared/record/record-model.ts';
import { markdownLanguage, RECORD_WORDS } from '../../shared/record/record-words.ts';
import type { RecordFormat } from '../../shared/http/inputs.ts';
import type { ExportOptions } from './record-tokens.ts';

export async function exportRecord(
  format: RecordFormat,
  markdown: string,
  record: MeetingRecord,
  options: ExportOptions,
): Promise<{ contentType: string; body: string | Buffer }> {
  if (options.status === 'final') {
    // The generated text calls itself a draft; the finalised record says it is final, in the text's own language.
    const words = RECORD_WORDS[markdownLanguage(markdown) ?? options.language ?? 'en'];
    markdown = markdown.replace(`**${words.summaryReport}** — ${words.draft}`, `**${words.summaryReport}** — ${words.final}`);
  }
  switch (format) {
    case 'md':
      return { contentType: 'text/markdown; charset=utf-8', body: markdown };
    case 'json':
      return {
        contentType: 'application/json; charset=utf-8',
        body: JSON.stringify(
          {
            format: 'equalfloor-record',
            formatVersion: 1,
            status: options.status,
            finalisedBy: options.finalisedBy ?? null,
            finalisedAt: options.finalisedAt ?? null,
            // The language of the text's fixed words, when it still says (an edit can take that out).
            language: markdownLanguage(markdown) ?? null,
            text: markdown,
            record,
          },
          null,
          2,
        ),
      };
    case 'html': {
      const { recordHtml } = await import('./record-html.ts');
      return { contentType: 'text/html; charset=utf-8', body: recordHtml(markdown, record, options) };
    }
    case 'docx': {
      const { recordDocx } = await import('./record-docx.ts');
      return {
        contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        body: await recordDocx(markdown, record, options),
      };
    }
    case 'pdf': {
      const { recordPdf } = await import('./record-pdf.ts');
      return { contentType: 'application/pdf', body: await recordPdf(markdown, record, options) };
    }
  }
}
