import { describe, expect, it } from 'vitest';
import type { ConsensusCall, MeetingState } from '../../shared/meeting/types.ts';
import { chatParts, holderFields, outcomeText, shownCall, TYPED_NAME } from '../../client/live/positions.ts';

describe('chatParts', () => {
  it('keeps plain text as text, markup included', () => {
    expect(chatParts('<b>hello</b> & <script>alert(1)</script>')).toEqual([
      { kind: 'text', text: '<b>hello</b> & <script>alert(1)</script>' },
    ]);
  });

  it('turns http and https addresses into links, leaving sentence punctuation out', () => {
    expect(chatParts('See https://www.intgovforum.org/bpf. And http://example.org/a?b=1, too')).toEqual([
      { kind: 'text', text: 'See ' },
      { kind: 'link', text: 'https://www.intgovforum.org/bpf', href: 'https://www.intgovforum.org/bpf' },
      { kind: 'text', text: '. And ' },
      { kind: 'link', text: 'http://example.org/a?b=1', href: 'http://example.org/a?b=1' },
      { kind: 'text', text: ', too' },
    ]);
  });

  it('keeps a closing bracket that belongs to the address, not one that closes the sentence', () => {
    expect(chatParts('(see https://en.wikipedia.org/wiki/IGF_(forum))')).toEqual([
      { kind: 'text', text: '(see ' },
      { kind: 'link', text: 'https://en.wikipedia.org/wiki/IGF_(forum)', href: 'https://en.wikipedia.org/wiki/IGF_(forum)' },
      { kind: 'text', text: ')' },
    ]);
  });

  it('never links other schemes', () => {
    const text = 'javascript:alert(1) data:text/html,<b>x</b> ftp://example.org';
    expect(chatParts(text)).toEqual([{ kind: 'text', text }]);
  });
});

const call = (objections: ConsensusCall['objections'], closedAt: number | null): ConsensusCall => ({
  id: 'c1',
  itemId: 'a1',
  proposalId: null,
  question: 'Any objections to item 1?',
  openedAt: 1_000,
  durationMs: 20_000,
  objections,
  closedAt,
  outcome: closedAt === null ? null : objections.length === 0 ? 'agreed-without-objection' : 'objections',
});

describe('outcomeText', () => {
  it('says agreed without objection, or who objected with their reasons (C3)', () => {
    expect(outcomeText(call([], 30_000))).toBe('Agreed without objection');
    expect(
      outcomeText(
        call(
          [
            { holderKey: 'p1', participantId: 'p1', name: 'Mary Uduma', reason: 'Too early', at: 2_000, recordedBy: null },
            {
              holderKey: 'name:Delegate of Brazil',
              participantId: null,
              name: 'Delegate of Brazil',
              reason: '',
              at: 3_000,
              recordedBy: 'Lynn',
            },
          ],
          30_000,
        ),
      ),
    ).toBe('Objections from Mary Uduma (Too early), Delegate of Brazil');
  });
});

describe('shownCall', () => {
  const state = (calls: ConsensusCall[]) => ({ consensusCalls: calls }) as unknown as MeetingState;

  it('shows the open call, then the last outcome for a while only', () => {
    expect(shownCall(state([]), 5_000, 60_000)).toBeUndefined();
    expect(shownCall(state([call([], null)]), 5_000, 60_000)?.closedAt).toBeNull();
    expect(shownCall(state([call([], 30_000)]), 80_000, 60_000)?.id).toBe('c1');
    expect(shownCall(state([call([], 30_000)]), 90_000, 60_000)).toBeUndefined();
  });
});

describe('holderFields', () => {
  it('is a roster id, a typed name, or nothing yet', () => {
    expect(holderFields('p1', '')).toEqual({ participantId: 'p1' });
    expect(holderFields(TYPED_NAME, '  Delegate of Brazil ')).toEqual({ name: 'Delegate of Brazil' });
    expect(holderFields(TYPED_NAME, '  ')).toBeUndefined();
    expect(holderFields('', 'x')).toBeUndefined();
  });
});
