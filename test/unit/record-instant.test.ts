/**
 * One instant for every figure of a record: a speech still running counts up to it in the
 * item's speakers and in the statistics alike, connections after it are left out, and the
 * draft says which instant it is. Annexes are numbered in the order they appear, without a
 * gap, and a section with nothing in it is left out.
 */
import { describe, expect, it } from 'vitest';
import { annexHeading } from '../../shared/record/record-annexes.ts';
import { recordCharts } from '../../shared/record/record-charts.ts';
import { recordMarkdown } from '../../shared/record/record-markdown.ts';
import { buildRecord, type MeetingRecord } from '../../shared/record/record-model.ts';
import { RECORD_LANGUAGES, RECORD_WORDS } from '../../shared/record/record-words.ts';
import { MINUTE, SECOND, T0, openMeeting, type MeetingHarness } from '../support/meeting-harness.ts';

function recordAt(h: MeetingHarness, generatedAt: number, attendance: MeetingRecordInputAttendance = []): MeetingRecord {
  return buildRecord({
    meeting: { id: 'm1', title: 'MAG Virtual Meeting III', body: '', startsAt: T0, timeZone: 'UTC', plannedMinutes: 40 },
    state: h.state,
    roster: h.setup.participants.map(({ id, name, affiliation, role, stakeholderGroup, region }) => ({
      id,
      name,
      affiliation,
      role,
      stakeholderGroup,
      region,
    })),
    attendance,
    generatedAt,
  });
}
type MeetingRecordInputAttendance = Parameters<typeof buildRecord>[0]['attendance'];

describe('a draft made while someone speaks', () => {
  const h = openMeeting().startItem('i1');
  h.raiseAll(['flavio', 'rasha']);
  h.speak('Flávio Wagner', 90);
  h.next(h.entry('Rasha Abdulla').id);
  h.seconds(40);
  const made = h.now;
  const record = recordAt(h, made, [
    { participantId: 'flavio', joinedAt: T0, leftAt: made + MINUTE },
    { participantId: 'mary', joinedAt: made + 5 * SECOND, leftAt: null },
  ]);

  it('counts the running speech up to that instant, the same in the item and in the statistics', () => {
    expect(record.asOf).toBe(made);
    const speakers = record.items.find((item) => item.id === 'i1')!.speakers;
    expect(speakers.map((speaker) => [speaker.name, speaker.seconds])).toEqual([
      ['Flávio Wagner', 90],
      ['Rasha Abdulla', 40],
    ]);
    expect(record.statistics.ms).toBe(130 * SECOND);
    expect(record.statistics.byLocation).toEqual([
      { key: 'room', turns: 1, ms: 90 * SECOND },
      { key: 'phone', turns: 1, ms: 40 * SECOND },
    ]);
    const markdown = recordMarkdown(record);
    expect(markdown).toContain('| by phone | 1 | 0:40 | 31% |');
    expect(recordCharts(record)[0]!.rows).toEqual([
      { label: 'in the room', turns: 1, ms: 90 * SECOND },
      { label: 'by phone', turns: 1, ms: 40 * SECOND },
    ]);
  });

  it('says the instant after Draft, in each language', () => {
    const time = new Date(made).toISOString().slice(11, 16);
    expect(recordMarkdown(record)).toContain(`**Summary report** — Draft, as of ${time} UTC\n`);
    expect(recordMarkdown(record, 'fr')).toContain(`**Rapport de synthèse** — Projet, situation à ${time} UTC\n`);
    expect(recordMarkdown(record, 'zh')).toContain(`**摘要报告** — 草案，截至${time} UTC\n`);
  });

  it('counts attendance as it stood then: a later connection left out, a later departure still connected', () => {
    const flavio = record.participants.find((person) => person.name === 'Flávio Wagner')!;
    expect(flavio).toMatchObject({ attended: true, lastLeft: null, minutesConnected: Math.round((made - T0) / MINUTE) });
    const mary = record.participants.find((person) => person.name === 'Mary Uduma')!;
    expect(mary).toMatchObject({ attended: false, presentByPhone: false, firstJoined: null, minutesConnected: 0 });
    // On the phone bridge, speaking: present since she took the floor, still there.
    const rasha = record.participants.find((person) => person.name === 'Rasha Abdulla')!;
    expect(rasha).toMatchObject({
      attended: false,
      presentByPhone: true,
      firstJoined: made - 40 * SECOND,
      lastLeft: null,
      minutesConnected: 1,
    });
  });

  it('is the same record when built again later from the same state at the same instant', () => {
    h.seconds(30);
    expect(recordAt(h, made, [])).toEqual(recordAt(h, made, []));
    expect(recordAt(h, h.now).statistics.ms).toBe(160 * SECOND);
  });
});

describe('people typed in by name', () => {
  const h = openMeeting().startItem('i1');
  const addedAt = h.now;
  h.run('lynn', { type: 'queue.addOnBehalf', participantId: null, name: 'Delegate of Kenya', location: 'room' });
  h.seconds(20);
  h.run('lynn', { type: 'queue.addOnBehalf', participantId: null, name: 'Caller from Nairobi', location: 'phone' });
  h.next(h.entry('Delegate of Kenya').id);
  h.seconds(90);
  h.run('lynn', { type: 'meeting.end' });
  const record = recordAt(h, h.now + MINUTE);

  // The queue keeps an entry only until its speech: someone given the floor counts from then.
  it('are present, where they were said to be, from when they were queued or took the floor to the meeting’s end', () => {
    const delegate = record.participants.find((person) => person.name === 'Delegate of Kenya')!;
    expect(delegate).toMatchObject({
      attended: false,
      presentByPhone: false,
      addedByName: true,
      location: 'room',
      firstJoined: addedAt + 20 * SECOND,
      lastLeft: h.state.endedAt,
      minutesConnected: 2,
    });
    const caller = record.participants.find((person) => person.name === 'Caller from Nairobi')!;
    expect(caller).toMatchObject({
      presentByPhone: true,
      addedByName: true,
      firstJoined: addedAt + 20 * SECOND,
      lastLeft: h.state.endedAt,
    });
  });

  it('are listed and their attendance said, not "did not connect"', () => {
    const markdown = recordMarkdown(record);
    const time = (ms: number) => new Date(ms).toISOString().slice(11, 16);
    expect(markdown).toContain('- Delegate of Kenya\n');
    expect(markdown).toContain(
      `| Delegate of Kenya | Observer | ${time(addedAt + 20 * SECOND)} (in the room, added by name) | ${time(h.state.endedAt!)} | 2 |`,
    );
    expect(markdown).not.toMatch(/\| Delegate of Kenya \|[^\n]*did not connect/);
    expect(markdown).toMatch(/\| Caller from Nairobi \| Observer \| \d\d:\d\d \(by phone\)/);
  });
});

describe('the annexes', () => {
  it('are numbered in order without a gap when there are no proposals', () => {
    const h = openMeeting().startItem('i1');
    h.raiseAll(['flavio']);
    h.speak('Flávio Wagner', 30);
    const record = recordAt(h, h.now, [{ participantId: 'flavio', joinedAt: T0, leftAt: null }]);
    expect(record.items.every((item) => item.proposals.length === 0)).toBe(true);
    for (const language of RECORD_LANGUAGES) {
      const w = RECORD_WORDS[language];
      const headings = [...recordMarkdown(record, language).matchAll(/^## (.*)$/gm)].map((match) => match[1]).slice(1);
      expect(headings, language).toEqual([
        w.annexAgenda,
        annexHeading(w, 'annexParticipants', 1),
        annexHeading(w, 'annexAttendance', 2),
        annexHeading(w, 'annexStatistics', 3),
      ]);
    }
    expect(recordMarkdown(record)).toMatch(
      /## Annex I – Agenda[\s\S]*## Annex II – List of participants[\s\S]*## Annex III – Attendance[\s\S]*## Annex IV – Participation statistics/,
    );
  });

  it('are written with their own numeral in every language, so each can take another place', () => {
    const keys = ['annexAgenda', 'annexProposals', 'annexParticipants', 'annexAttendance', 'annexStatistics', 'annexTranscript'] as const;
    for (const language of RECORD_LANGUAGES) {
      const w = RECORD_WORDS[language];
      keys.forEach((key, index) => {
        expect(w[key], `${language} ${key}`).toContain(`${w.annexNumerals[index]} –`);
        expect(annexHeading(w, key, index)).toBe(w[key]);
      });
    }
    expect(annexHeading(RECORD_WORDS.ar, 'annexAttendance', 2)).toBe('المرفق الثالث – الحضور');
    expect(annexHeading(RECORD_WORDS.zh, 'annexStatistics', 3)).toBe('附件四 – 参与情况统计');
  });

  it('leave out what has nothing in it: no statistics nor charts when nobody spoke', () => {
    const h = openMeeting().startItem('i1');
    const record = recordAt(h, h.now);
    const markdown = recordMarkdown(record);
    expect(markdown).not.toContain(RECORD_WORDS.en.byLocation);
    expect(markdown).not.toContain('Participation statistics');
    expect(recordCharts(record)).toEqual([]);
    expect(markdown).toContain('## Annex III – Attendance');
  });
});
