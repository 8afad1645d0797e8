/**
 * Where people were, in the record: someone who never said is "not stated" (never remote) in
 * the speakers, the statistics and the attendance; a caller on the phone bridge is present by
 * phone, not "did not connect"; a group or region not stated is counted apart.
 */
import { describe, expect, it } from 'vitest';
import { recordMarkdown } from '../../shared/record/record-markdown.ts';
import { buildRecord, type MeetingRecord } from '../../shared/record/record-model.ts';
import { RECORD_LANGUAGES, RECORD_WORDS } from '../../shared/record/record-words.ts';
import { MINUTE, NAME, ROSTER, SETUP, T0, MeetingHarness } from '../support/meeting-harness.ts';

/** Timea never says where she is and has no group or region; Rasha is on the phone bridge. */
function recordOfMeeting(): MeetingRecord {
  const participants = ROSTER.map((person) =>
    person.id === 'timea' ? { ...person, stakeholderGroup: null, region: null } : { ...person },
  );
  const h = new MeetingHarness({ setup: { ...SETUP, participants } });
  h.run('lynn', { type: 'meeting.open' });
  h.startItem('i1');
  for (const [who, minutes] of [
    ['timea', 3],
    ['haojun', 1],
    ['rasha', 2],
  ] as const) {
    h.raise(who);
    h.next();
    h.minutes(minutes).endSpeech();
  }
  h.run('lynn', { type: 'meeting.end' });
  return buildRecord({
    meeting: { id: 'm1', title: 'MAG Virtual Meeting III', body: '', startsAt: T0, timeZone: 'UTC', plannedMinutes: 40 },
    state: h.state,
    roster: participants.map(({ id, name, affiliation, role, stakeholderGroup, region }) => ({
      id,
      name,
      affiliation,
      role,
      stakeholderGroup,
      region,
    })),
    attendance: [
      { participantId: 'haojun', joinedAt: T0, leftAt: T0 + 10 * MINUTE },
      { participantId: 'timea', joinedAt: T0, leftAt: T0 + 10 * MINUTE },
    ],
    generatedAt: h.now,
  });
}

describe('location truth in the record', () => {
  const record = recordOfMeeting();
  const markdown = recordMarkdown(record);

  it('counts the time of someone who never said where they were as not stated, apart from remote', () => {
    expect(record.statistics.byLocation).toEqual([
      { key: 'unknown', turns: 1, ms: 3 * MINUTE },
      { key: 'phone', turns: 1, ms: 2 * MINUTE },
      { key: 'remote', turns: 1, ms: 1 * MINUTE },
    ]);
    expect(markdown).toContain('| not stated | 1 | 3:00 | 50% |');
    expect(markdown).toContain('| remote | 1 | 1:00 | 17% |');
  });

  it('names the speakers with where they spoke from, "not stated" in words', () => {
    expect(markdown).toContain(`Speakers, in order: ${NAME.timea} (not stated), ${NAME.haojun} (remote), ${NAME.rasha} (by phone)`);
  });

  it('counts a group and a region not stated apart', () => {
    expect(record.statistics.byStakeholderGroup.find((row) => row.key === 'unknown')).toEqual({ key: 'unknown', turns: 1, ms: 3 * MINUTE });
    expect(record.statistics.byRegion.find((row) => row.key === 'unknown')).toEqual({ key: 'unknown', turns: 1, ms: 3 * MINUTE });
    expect(markdown).toContain('| Not stated | 1 | 3:00 | 50% |');
  });

  it('lists a caller on the phone bridge as present by phone, not as someone who did not connect', () => {
    const rasha = record.participants.find((person) => person.name === NAME.rasha);
    expect(rasha).toMatchObject({ attended: false, presentByPhone: true, location: 'phone' });
    // Present from when she was queued by phone to the meeting's end.
    expect(rasha!.firstJoined).toBe(T0 + 4 * MINUTE);
    expect(rasha).toMatchObject({ lastLeft: T0 + 6 * MINUTE, minutesConnected: 2 });
    expect(markdown).toContain(`| ${NAME.rasha} | Member | 22:04 (by phone) | 22:06 | 2 |`);
    const mary = record.participants.find((person) => person.name === NAME.mary);
    expect(mary).toMatchObject({ attended: false, presentByPhone: false });
    expect(markdown).toContain(`| ${NAME.mary} | Member | did not connect | | 0 |`);
  });

  it('has "not stated" in words in every language of the record', () => {
    for (const language of RECORD_LANGUAGES) {
      const w = RECORD_WORDS[language];
      expect(w.locations.unknown).not.toBe(w.locations.remote);
      expect(recordMarkdown(record, language)).toContain(w.locations.unknown);
    }
  });
});
