import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setLanguage } from '../../client/i18n/i18n.svelte.ts';
import { problemText } from '../../client/staff/problem-text.ts';
import { parseProposalsText, proposalsAsText, PROPOSALS_LIMITS } from '../../shared/proposals-text.ts';
import { annexIIIProposals, annexIIIProposalsText } from '../support/seeds.ts';

describe('parseProposalsText on the seed’s Annex III', () => {
  it.each(['4a', '4b', '4c'] as const)('reads the proposals of item %s with their facilitators and status', (item) => {
    const result = parseProposalsText(annexIIIProposalsText(item));
    expect(result.problems).toEqual([]);
    const expected = annexIIIProposals()
      .filter((proposal) => proposal.item === item)
      .map((proposal) => ({ title: proposal.title, proposers: proposal.facilitators, text: proposal.status }));
    expect(result.proposals).toEqual(expected);
    expect(expected.length).toBeGreaterThan(0);
  });

  it('reads the table’s own labels, a dash and brackets for the proposers', () => {
    const text = [
      '* **Local Content**',
      '  Concept paper open for comments.',
      '  BPF Proposal/Facilitation: Miguel Ignacio Estrada, Raquel Gatto',
      '* Gender & Access — facilitators: Jac SM Kee',
      '* CENB Phase III (proposed by: Constance Bommelaer)',
      '* Remote Participation - Proposers: Renata Aquino Ribeiro, Israel Rosas',
    ].join('\n');
    expect(parseProposalsText(text)).toEqual({
      problems: [],
      proposals: [
        { title: 'Local Content', proposers: 'Miguel Ignacio Estrada, Raquel Gatto', text: 'Concept paper open for comments.' },
        { title: 'Gender & Access', proposers: 'Jac SM Kee', text: '' },
        { title: 'CENB Phase III', proposers: 'Constance Bommelaer', text: '' },
        { title: 'Remote Participation', proposers: 'Renata Aquino Ribeiro, Israel Rosas', text: '' },
      ],
    });
  });

  it('takes one proposal per line when the list has no bullets, indented lines being its text', () => {
    const text = 'Cybersecurity — facilitators: Markus Kummer\n   Continues from 2016.\nInternational Cooperation\n\nLocal Content';
    expect(parseProposalsText(text).proposals).toEqual([
      { title: 'Cybersecurity', proposers: 'Markus Kummer', text: 'Continues from 2016.' },
      { title: 'International Cooperation', proposers: '', text: '' },
      { title: 'Local Content', proposers: '', text: '' },
    ]);
  });

  it('keeps a dash inside a title that is not followed by a label', () => {
    expect(parseProposalsText('- NRIs - follow up from the first meeting').proposals).toEqual([
      { title: 'NRIs - follow up from the first meeting', proposers: '', text: '' },
    ]);
  });

  it('reads an empty text as no proposals', () => {
    expect(parseProposalsText('  \n\n')).toEqual({ proposals: [], problems: [] });
  });

  it('writes proposals back as text it reads the same way', () => {
    const proposals = parseProposalsText(annexIIIProposalsText('4b')).proposals;
    expect(parseProposalsText(proposalsAsText(proposals))).toEqual({ proposals, problems: [] });
  });
});

describe('parseProposalsText problems, by line', () => {
  it('names a line before the first proposal, a title listed twice and a title too long', () => {
    const text = ['Proposals for item 4b:', '- Cybersecurity', '- Local Content', '- cybersecurity', `- ${'x'.repeat(301)}`].join('\n');
    const result = parseProposalsText(text);
    expect(result.problems).toEqual([
      { line: 1, message: '"Proposals for item 4b:" comes before the first proposal — start each proposal with "- "' },
      { line: 4, message: 'the proposal "cybersecurity" is listed twice (first on line 2)' },
      { line: 5, message: `the title "${'x'.repeat(40)}…" is longer than 300 characters` },
    ]);
    expect(result.proposals.map((proposal) => proposal.title)).toEqual(['Cybersecurity', 'Local Content']);
  });

  it('refuses a bullet without a title and proposers or text over their limits', () => {
    const text = [
      '- ',
      `- A — facilitators: ${'n'.repeat(PROPOSALS_LIMITS.proposers + 1)}`,
      '- B',
      `  ${'t'.repeat(PROPOSALS_LIMITS.text + 1)}`,
    ].join('\n');
    const problems = parseProposalsText(text).problems;
    expect(problems.map((problem) => problem.line)).toEqual([1, 2, 3]);
    expect(problems[0]!.message).toBe('a proposal has no title');
  });

  it('refuses more proposals than an item can have', () => {
    const text = Array.from({ length: PROPOSALS_LIMITS.perItem + 1 }, (_, index) => `- Proposal ${index + 1}`).join('\n');
    expect(parseProposalsText(text).problems).toEqual([{ line: 1, message: 'an item can have at most 100 proposals' }]);
  });
});

describe('the proposals list’s problems, in French on the set-up page', () => {
  beforeAll(async () => {
    await setLanguage('fr', { remember: false });
  });
  afterAll(async () => {
    await setLanguage('en', { remember: false });
  });
  const many = Array.from({ length: PROPOSALS_LIMITS.perItem + 1 }, (_, index) => `- P${index}`).join('\n');
  const found = [
    'Intro',
    '-',
    `- ${'x'.repeat(301)}`,
    '- A',
    '- A',
    `- B — facilitators: ${'n'.repeat(PROPOSALS_LIMITS.proposers + 1)}`,
    '- C',
    `  ${'t'.repeat(PROPOSALS_LIMITS.text + 1)}`,
  ].join('\n');
  const messages = [...parseProposalsText(found).problems, ...parseProposalsText(many).problems].map((problem) => problem.message);

  it('finds every kind of problem', () => {
    expect(messages).toHaveLength(7);
  });
  it.each(messages)('says “%s” in French', (message) => {
    expect(problemText(message)).not.toBe(message);
  });
});
