/**
 * The staff forms show the problems the shared rules find (shared/schemas.ts,
 * shared/agenda-text.ts, shared/caption-destinations.ts) in the interface's language, by recognising their English wording.
 * If a rule's wording changes without client/staff/problem-text.ts following, a French
 * secretariat would read English: this test fails first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAgendaText } from '../../shared/agenda-text.ts';
import { CaptionDestinationSchema } from '../../shared/caption-destinations.ts';
import { FirstAccountSchema, MeetingDetailsSchema, NewAccountSchema, RosterEntrySchema } from '../../shared/schemas.ts';
import { checkInput } from '../../client/forms/check-input.ts';
import { setLanguage } from '../../client/i18n/i18n.svelte.ts';
import { problemText } from '../../client/staff/problem-text.ts';

/** The messages a schema's check gives for an input. */
function messages(schema: Parameters<typeof checkInput>[0], input: unknown): string[] {
  const checked = checkInput(schema, input);
  return checked.ok ? [] : checked.failure.problems.map((problem) => problem.message);
}

describe('the problems of the staff forms, in French', () => {
  beforeAll(async () => {
    await setLanguage('fr', { remember: false });
  });
  afterAll(async () => {
    await setLanguage('en', { remember: false });
  });

  const found = [
    ...messages(MeetingDetailsSchema, {
      title: '',
      body: 'x'.repeat(5_000),
      startsAtLocal: 'tomorrow',
      timeZone: 'Mars/Olympus',
      plannedMinutes: 1.5,
    }),
    ...messages(MeetingDetailsSchema, { title: 'MAG', body: 'MAG', startsAtLocal: '2017-04-11T22:00', timeZone: 'UTC', plannedMinutes: 0 }),
    ...messages(MeetingDetailsSchema, {
      title: 'MAG',
      body: 'MAG',
      startsAtLocal: '2030-02-31T10:00',
      timeZone: 'UTC',
      plannedMinutes: 60,
    }),
    ...messages(MeetingDetailsSchema, {
      title: 'MAG',
      body: 'MAG',
      startsAtLocal: '2017-04-11T22:00',
      timeZone: 'UTC',
      plannedMinutes: 100_000,
    }),
    ...messages(NewAccountSchema, { email: 'not an address', name: '', password: 'short', role: 'janitor' }),
    ...messages(FirstAccountSchema, { token: '!', email: 'a@b.org', name: 'A', password: 'x' }),
    ...messages(RosterEntrySchema, { name: '', email: 'nope' }),
    ...parseAgendaText(
      ['a. sub-item first', '1 - Adoption (5 minutes)', '1 - Again (5 minutes)', '2 -', '3 - Too long (2000 minutes)', 'chit-chat'].join(
        '\n',
      ),
    ).problems.map((problem) => problem.message),
    ...parseAgendaText('').problems.map((problem) => problem.message),
    // A caption destination's address: not Zoom's API token URL, not a web address, carrying seq, too long.
    ...messages(CaptionDestinationSchema, { kind: 'zoom', url: 'https://example.org/captions' }),
    ...messages(CaptionDestinationSchema, { kind: 'generic', url: 'ftp://example.org/captions' }),
    ...messages(CaptionDestinationSchema, { kind: 'generic', url: 'https://example.org/captions?seq=4' }),
    ...messages(CaptionDestinationSchema, { kind: 'generic', url: `https://example.org/${'x'.repeat(2_000)}` }),
  ];

  it('finds problems to translate', () => {
    expect(found.length).toBeGreaterThan(10);
  });

  it.each([...new Set(found)])('says “%s” in French', (message) => {
    expect(problemText(message)).not.toBe(message);
  });
});
