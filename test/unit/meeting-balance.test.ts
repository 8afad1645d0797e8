/**
 * The speaking balance (shared/meeting/balance.ts): what nobody stated — where someone was,
 * their stakeholder group, their region — counts apart, never as remote or as a group.
 */
import { describe, expect, it } from 'vitest';
import { speakingBalance } from '../../shared/meeting/balance.ts';
import { MINUTE, NAME, ROSTER, SETUP, MeetingHarness, type PersonId } from '../support/meeting-harness.ts';

/** The test roster with Timea's group and region not stated (not asked, as for staff). */
function meetingWithUnstatedTimea(): MeetingHarness {
  const participants = ROSTER.map((person) =>
    person.id === 'timea' ? { ...person, stakeholderGroup: null, region: null } : { ...person },
  );
  const h = new MeetingHarness({ setup: { ...SETUP, participants } });
  h.run('lynn', { type: 'meeting.open' });
  return h.startItem('i1');
}

function speakInTurn(h: MeetingHarness, turns: [PersonId, number][]): void {
  for (const [who, minutes] of turns) {
    h.raise(who);
    h.next();
    h.minutes(minutes).endSpeech();
  }
}

describe('speaking balance', () => {
  it('counts someone who never said where they are as not stated, apart from remote', () => {
    const h = meetingWithUnstatedTimea();
    speakInTurn(h, [
      ['haojun', 2],
      ['timea', 3],
      ['flavio', 1],
    ]);
    const balance = speakingBalance(h.state, h.now);
    expect(balance.byLocation).toEqual([
      { key: 'unknown', turns: 1, ms: 3 * MINUTE },
      { key: 'remote', turns: 1, ms: 2 * MINUTE },
      { key: 'room', turns: 1, ms: 1 * MINUTE },
    ]);
    expect(balance.ms).toBe(6 * MINUTE);
  });

  it('counts a stakeholder group and region not stated apart from every group and region', () => {
    const h = meetingWithUnstatedTimea();
    speakInTurn(h, [
      ['timea', 2],
      ['haojun', 1],
    ]);
    const balance = speakingBalance(h.state, h.now);
    expect(balance.byStakeholderGroup).toEqual([
      { key: 'unknown', turns: 1, ms: 2 * MINUTE },
      { key: 'government', turns: 1, ms: 1 * MINUTE },
    ]);
    expect(balance.byRegion).toEqual([
      { key: 'unknown', turns: 1, ms: 2 * MINUTE },
      { key: 'asia-pacific', turns: 1, ms: 1 * MINUTE },
    ]);
  });

  it('counts a speech where the person was when they spoke, once the secretariat marked them by phone', () => {
    const h = meetingWithUnstatedTimea();
    speakInTurn(h, [['timea', 1]]);
    h.run('chengetai', { type: 'participant.setLocation', participantId: 'timea', location: 'phone' });
    speakInTurn(h, [['timea', 2]]);
    const balance = speakingBalance(h.state, h.now);
    expect(balance.byLocation).toEqual([
      { key: 'phone', turns: 1, ms: 2 * MINUTE },
      { key: 'unknown', turns: 1, ms: 1 * MINUTE },
    ]);
    expect(h.state.speeches.map((speech) => speech.name)).toEqual([NAME.timea, NAME.timea]);
  });
});
