/**
 * The certificate of attendance as a PDF in each of the record's six languages: one page, its
 * title, the person and the meeting, their speeches per item, who issued it; in Arabic the
 * labels stand on the right of their values, as the record's right-to-left layout has them.
 */
import { describe, expect, it } from 'vitest';
import { certificateOf } from '../../shared/record/record-certificates.ts';
import { RECORD_LANGUAGES, RECORD_WORDS } from '../../shared/record/record-words.ts';
import { CERTIFICATE_WORDS } from '../../shared/record/words/certificate-words.ts';
import { certificatePdf } from '../../server/record/certificate-pdf.ts';
import { longProposalsRecord } from '../support/record-fixtures.ts';
import { pdfText, pdfWords } from '../support/pdf-reading.ts';

/** The same letters: pdftotext gives Arabic words in the order they are drawn. */
const letters = (text: string) => [...text.replace(/\s+/g, '')].sort().join('');

function certificate() {
  const record = longProposalsRecord();
  const flavio = record.participants.find((person) => person.name === 'Flávio Wagner')!;
  flavio.id = 'r-flavio';
  flavio.location = 'remote';
  record.items[1]!.speakers = [
    { name: 'Flávio Wagner', location: 'remote', kind: 'new-point', seconds: 75, participantId: 'r-flavio' },
    { name: 'Haojun Ji', location: 'room', kind: 'reply', seconds: 30, participantId: 'r-haojun' },
    { name: 'Flávio Wagner', location: 'remote', kind: 'reply', seconds: 50, participantId: 'r-flavio' },
  ];
  return certificateOf(record, 'r-flavio')!;
}

describe('the certificate of attendance', () => {
  it('gives the speeches of that person only, per item and in all', () => {
    const one = certificate();
    expect(one.speeches).toEqual([{ itemNumber: '2', itemTitle: 'Best Practice Forums and intersessional work', count: 2, seconds: 125 }]);
    expect([one.speechCount, one.speechSeconds, one.minutesPresent, one.location]).toEqual([2, 125, 90, 'remote']);
    expect(one.issuedBy).toEqual(['Chengetai Masango']);
  });

  it.each(RECORD_LANGUAGES)('is one page in %s, with the person, the meeting, the speeches and who issued it', async (language) => {
    const pdf = await certificatePdf(certificate(), language, Date.UTC(2017, 3, 12));
    const text = pdfText(pdf);
    expect(text.split('\f').filter((page) => page.trim() !== '')).toHaveLength(1);
    for (const expected of ['Flávio Wagner', 'MAG Virtual Meeting III', 'Chengetai Masango', '2:05', 'IGF MAG']) {
      expect(text, expected).toContain(expected);
    }
    const c = CERTIFICATE_WORDS[language];
    if (language !== 'ar') {
      expect(text.replace(/\s+/g, ' ')).toContain(c.title);
      expect(text).toContain(c.speechTotal(c.speechCount(2), '2:05'));
      return;
    }
    // Right to left: the title's letters are there, and each label stands to the right of its value.
    const { words } = pdfWords(pdf);
    expect(words.map((word) => letters(word.text))).toEqual(expect.arrayContaining(c.title.split(' ').map(letters)));
    const label = words.find((word) => letters(word.text) === letters(c.speeches))!;
    const value = words.filter((word) => Math.abs(word.yMin - label.yMin) < 2 && word !== label);
    expect(value.length).toBeGreaterThan(0);
    expect(Math.max(...value.map((word) => word.xMax))).toBeLessThan(label.xMin);
    expect(RECORD_WORDS.ar.direction).toBe('rtl');
  });
});
