import { describe, expect, it } from 'vitest';
import type { CaptionSegment } from '../../shared/captions.ts';
import {
  draftLabel,
  highlightParts,
  labelSpeakers,
  lineMatches,
  searchPattern,
  textDirection,
} from '../../client/live/captions/caption-lines.ts';

let nextSeq = 1;
function segment(text: string, speakerName: string | null): CaptionSegment {
  const seq = nextSeq++;
  return {
    seq,
    startedAt: seq,
    endedAt: seq,
    offsetMs: 0,
    itemId: null,
    speakerId: null,
    speakerName,
    text,
    language: null,
    channel: 'floor',
  };
}

describe('labelSpeakers', () => {
  it('names the speaker on the first line and wherever the speaker changes', () => {
    const lines = labelSpeakers([
      segment('Good morning.', 'Amina Diallo'),
      segment('We start.', 'Amina Diallo'),
      segment('Can you hear me?', 'Caller'),
      segment('Nobody on the floor.', null),
      segment('Back again.', 'Amina Diallo'),
    ]);
    expect(lines.map((line) => line.label)).toEqual(['Amina Diallo', null, 'Caller', null, 'Amina Diallo']);
  });

  it('does not name the first line again when the speaker before it is known to be the same', () => {
    expect(labelSpeakers([segment('More.', 'Caller')], 'Caller')[0]!.label).toBeNull();
  });
});

describe('draftLabel', () => {
  it('names the speaker of the line being typed only when it differs from the last line', () => {
    const last = segment('Done.', 'Amina Diallo');
    expect(draftLabel({ text: 'Next', startedAt: 0, speakerName: 'Amina Diallo' }, last)).toBeNull();
    expect(draftLabel({ text: 'Next', startedAt: 0, speakerName: 'Caller' }, last)).toBe('Caller');
    expect(draftLabel({ text: 'Next', startedAt: 0, speakerName: 'Caller' }, undefined)).toBe('Caller');
    expect(draftLabel(null, last)).toBeNull();
  });
});

describe('search', () => {
  it('finds words case-insensitively and takes every character literally', () => {
    const pattern = searchPattern('  (a.b)  ')!;
    expect(pattern.test('see (A.B) here')).toBe(true);
    expect(pattern.test('see (aXb) here')).toBe(false);
    expect(searchPattern('   ')).toBeUndefined();
  });

  it('matches a line by its text or by its speaker', () => {
    const pattern = searchPattern('diallo')!;
    expect(lineMatches(segment('Thank you.', 'Amina Diallo'), pattern)).toBe(true);
    expect(lineMatches(segment('Thank you.', null), pattern)).toBe(false);
  });

  it('cuts a line into the parts found and the rest, keeping the text whole', () => {
    const parts = highlightParts('Agenda item: the agenda is adopted', searchPattern('AGENDA'));
    expect(parts).toEqual([
      { text: 'Agenda', match: true },
      { text: ' item: the ', match: false },
      { text: 'agenda', match: true },
      { text: ' is adopted', match: false },
    ]);
    expect(parts.map((part) => part.text).join('')).toBe('Agenda item: the agenda is adopted');
    expect(highlightParts('plain', undefined)).toEqual([{ text: 'plain', match: false }]);
  });
});

describe('textDirection', () => {
  it('runs a line right to left when its first letter is Arabic, whatever comes before it', () => {
    expect(textDirection('صباح الخير للجميع.')).toBe('rtl');
    expect(textDirection('« 2021 » صباح الخير')).toBe('rtl');
    expect(textDirection('Good morning, صباح الخير')).toBe('ltr');
    expect(textDirection('早上好')).toBe('ltr');
    expect(textDirection('')).toBe('ltr');
  });
});
