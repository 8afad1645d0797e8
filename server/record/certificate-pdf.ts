/**
 * A certificate of attendance as a PDF: one A4 page in a double frame — the body and the
 * title, the person's name and the meeting's, the facts (date, time present, where from,
 * speeches), their speeches per agenda item, and who issued it and when. In the record's
 * language; Arabic laid out right to left (the labels on the right), as the record's PDF is.
 */
import type { Certificate } from '../../shared/record/record-certificates.ts';
import { clock, utcTime } from '../../shared/record/record-text.ts';
import { RECORD_WORDS, recordDate, type RecordLanguage } from '../../shared/record/record-words.ts';
import { CERTIFICATE_WORDS } from '../../shared/record/words/certificate-words.ts';
import { renderBlock, writeRuns } from './pdf-blocks.ts';
import { openPdf } from './pdf-document.ts';
import { COLOURS, type Box, type Doc } from './pdf-text.ts';
import type { Run } from './record-tokens.ts';

const MARGIN = { top: 96, bottom: 84, left: 84, right: 84 };
const GOLD = '#8a6d2f';

export async function certificatePdf(certificate: Certificate, language: RecordLanguage, issuedAt: number): Promise<Buffer> {
  const w = RECORD_WORDS[language];
  const c = CERTIFICATE_WORDS[language];
  const { doc, done } = openPdf(
    language,
    {
      Title: `${c.title} — ${certificate.name}`,
      Subject: certificate.meetingTitle,
      Author: certificate.body || 'EqualFloor',
      Keywords: c.title,
      CreationDate: new Date(issuedAt),
    },
    MARGIN,
  );
  const rtl = w.direction === 'rtl';
  const page: Box = { x: MARGIN.left, width: doc.page.width - MARGIN.left - MARGIN.right, rtl };
  const centred = (runs: Run[], size: number, colour: string = COLOURS.text, after = 0) => {
    writeRuns(doc, runs, page, size, colour, 'center');
    doc.y += after;
  };

  doc.y = MARGIN.top;
  if (certificate.body) centred([{ text: certificate.body.toLocaleUpperCase(w.locale) }], 10, COLOURS.muted, 14);
  centred([{ text: c.title, bold: true }], 26, COLOURS.heading, 10);
  ornament(doc, doc.y);
  doc.y += 26;
  centred([{ text: c.certifies }], 12, COLOURS.muted, 10);
  centred([{ text: certificate.name, bold: true }], 22, COLOURS.text, 4);
  if (certificate.affiliation) centred([{ text: certificate.affiliation }], 12, COLOURS.muted);
  doc.y += 12;
  centred([{ text: c.tookPart }], 12, COLOURS.muted, 10);
  centred([{ text: certificate.meetingTitle, bold: true }], 16, COLOURS.heading, 28);

  // The facts, a label and its value on each line: the labels on the start side.
  const minutes = w.minutes(certificate.minutesPresent);
  const present =
    certificate.from !== null && certificate.to !== null
      ? c.presentSpan(utcTime(certificate.from), utcTime(certificate.to), minutes)
      : minutes;
  const where = certificate.location === null ? w.locations.unknown : w.locations[certificate.location];
  const speeches =
    certificate.speechCount === 0
      ? c.noSpeeches
      : c.speechTotal(c.speechCount(certificate.speechCount), clock(certificate.speechSeconds * 1000));
  const facts: [string, string][] = [
    [c.plannedDate, recordDate(certificate.plannedStart, language)],
    [c.present, present],
    [c.where, capitalised(where, w.locale)],
    [c.speeches, speeches],
  ];
  const labelWidth = 150;
  const gap = 14;
  const inner: Box = { x: page.x + 24, width: page.width - 48, rtl };
  for (const [label, value] of facts) {
    const top = doc.y;
    const labelBox: Box = rtl ? { ...inner, x: inner.x + inner.width - labelWidth, width: labelWidth } : { ...inner, width: labelWidth };
    const valueBox: Box = rtl
      ? { ...inner, width: inner.width - labelWidth - gap }
      : { ...inner, x: inner.x + labelWidth + gap, width: inner.width - labelWidth - gap };
    writeRuns(doc, [{ text: label, bold: true }], labelBox, 11, COLOURS.muted, rtl ? 'right' : 'left');
    const labelBottom = doc.y;
    doc.y = top;
    writeRuns(doc, [{ text: value }], valueBox, 11, COLOURS.text, rtl ? 'right' : 'left');
    doc.y = Math.max(doc.y, labelBottom) + 7;
  }

  if (certificate.speeches.length > 0) {
    doc.y += 12;
    writeRuns(doc, [{ text: c.byItem, bold: true }], inner, 11, COLOURS.heading);
    doc.y += 4;
    renderBlock(
      doc,
      {
        kind: 'table',
        header: [[{ text: c.item }], [{ text: c.count }], [{ text: c.time }]],
        rows: certificate.speeches.map((row) => [
          [{ text: `${row.itemNumber} ${row.itemTitle}`.trim() }],
          [{ text: String(row.count) }],
          [{ text: clock(row.seconds * 1000) }],
        ]),
        align: [null, 'center', 'center'],
        rowHeaders: false,
      },
      inner,
      0,
    );
  }

  // Who issued it, and when, above the foot of the frame.
  const issuedTop = Math.max(doc.y + 24, doc.page.height - MARGIN.bottom - 56);
  if (issuedTop + 56 + certificate.issuedBy.length * 14 > doc.page.height - 48) doc.addPage();
  else doc.y = issuedTop;
  // The secretariat on the end side, the date on the start side.
  const split = inner.width * 0.4;
  const signature: Box = rtl ? { ...inner, width: inner.width - split } : { ...inner, x: inner.x + split, width: inner.width - split };
  const dated: Box = rtl ? { ...inner, x: inner.x + inner.width - split, width: split } : { ...inner, width: split };
  const lineY = doc.y;
  doc
    .moveTo(signature.x, lineY)
    .lineTo(signature.x + signature.width, lineY)
    .lineWidth(0.6)
    .strokeColor(COLOURS.rule)
    .stroke();
  doc.y = lineY + 6;
  writeRuns(doc, [{ text: c.issuedBy }], signature, 9.5, COLOURS.muted, 'center');
  doc.y += 2;
  for (const name of certificate.issuedBy) writeRuns(doc, [{ text: name, bold: true }], signature, 10.5, COLOURS.text, 'center');
  doc.y = lineY + 6;
  writeRuns(doc, [{ text: c.issuedOn }], dated, 9.5, COLOURS.muted, rtl ? 'right' : 'left');
  doc.y += 2;
  writeRuns(doc, [{ text: recordDate(issuedAt, language, false), bold: true }], dated, 10.5, COLOURS.text, rtl ? 'right' : 'left');

  // The frame, on every page.
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index++) {
    doc.switchToPage(index);
    frame(doc);
  }
  doc.end();
  return done;
}

/** A double frame: a strong outer rule and a fine inner one. */
function frame(doc: Doc): void {
  const { width, height } = doc.page;
  doc
    .rect(30, 30, width - 60, height - 60)
    .lineWidth(2.2)
    .strokeColor(GOLD)
    .stroke();
  doc
    .rect(37, 37, width - 74, height - 74)
    .lineWidth(0.6)
    .strokeColor(GOLD)
    .stroke();
}

/** A short rule with a diamond at its centre, under the title. */
function ornament(doc: Doc, y: number): void {
  const centre = doc.page.width / 2;
  doc.lineWidth(0.8).strokeColor(GOLD);
  doc
    .moveTo(centre - 90, y)
    .lineTo(centre - 8, y)
    .stroke();
  doc
    .moveTo(centre + 8, y)
    .lineTo(centre + 90, y)
    .stroke();
  doc
    .moveTo(centre, y - 4)
    .lineTo(centre + 4, y)
    .lineTo(centre, y + 4)
    .lineTo(centre - 4, y)
    .closePath()
    .fillColor(GOLD)
    .fill();
}

function capitalised(text: string, locale: string): string {
  return text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);
}
