/** Interpretation's rules (shared/meeting/SPEC.md "Interpretation": I1–I3, H3, L1), through the same path as the server. */
import { describe, expect, it } from 'vitest';
import { eventFor, stateFor } from '../../shared/meeting/privacy.ts';
import { SLOWER_INTERVAL_MS } from '../../shared/meeting/rules/interpretation.ts';
import { recordMarkdown } from '../../shared/record/record-markdown.ts';
import { buildRecord } from '../../shared/record/record-model.ts';
import { expectRefused, meetingOnItem1, NAME, T0, type MeetingHarness } from '../support/meeting-harness.ts';

function markdown(h: MeetingHarness, language: 'en' | 'fr' | 'ar') {
  const roster = h.setup.participants.map(({ id, name, affiliation, role, stakeholderGroup, region }) => ({
    id,
    name,
    affiliation,
    role,
    stakeholderGroup,
    region,
  }));
  const meeting = { id: 'm1', title: 'MAG Virtual Meeting III', body: '', startsAt: T0, timeZone: 'UTC', plannedMinutes: 40 };
  return recordMarkdown(buildRecord({ meeting, state: h.state, roster, attendance: [], generatedAt: h.now }), language);
}

/** Item 1 running, Haojun on the floor, Flávio waiting. */
function onTheFloor() {
  const h = meetingOnItem1();
  h.raiseAll(['haojun', 'flavio']);
  h.next();
  return h;
}

describe('Interpretation', () => {
  it('I1 — an interpreter cannot raise a hand, take a position or run the meeting', () => {
    const h = onTheFloor();
    expectRefused(h, 'amal', { type: 'queue.raiseHand' }, 'forbidden');
    expectRefused(h, 'amal', { type: 'position.record', itemId: 'i1', proposalId: null, stance: 'support' }, 'forbidden');
    expectRefused(h, 'amal', { type: 'floor.end', speechId: h.state.floor!.id }, 'forbidden');
    expectRefused(
      h,
      'lynn',
      { type: 'position.record', itemId: 'i1', proposalId: null, stance: 'support', participantId: 'amal' },
      'forbidden',
    );
  });

  it('I2 — only an interpreter asks for a slower pace, while someone speaks, once per 20 seconds', () => {
    const h = meetingOnItem1();
    expectRefused(h, 'amal', { type: 'interpretation.askSlower' }, 'conflict');
    h.raise('haojun');
    h.next();
    for (const who of ['flavio', 'wim', 'kirsty', 'lynn', 'display'] as const)
      expectRefused(h, who, { type: 'interpretation.askSlower' }, 'forbidden');
    h.run('amal', { type: 'interpretation.askSlower' });
    expect(h.state.slowDown).toMatchObject({ channel: 'ar', speechId: h.state.floor!.id, fromId: 'amal', passedAt: null });
    h.advance(SLOWER_INTERVAL_MS - 1000);
    expectRefused(h, 'amal', { type: 'interpretation.askSlower' }, 'rate-limited');
    h.advance(1000);
    h.run('amal', { type: 'interpretation.askSlower' });
  });

  it('I3 — the chair passes it to the speaker once, or dismisses it; a participant can do neither', () => {
    const h = onTheFloor();
    h.run('amal', { type: 'interpretation.askSlower' });
    const signalId = h.state.slowDown!.id;
    expectRefused(h, 'haojun', { type: 'interpretation.passSlower', signalId }, 'forbidden');
    expectRefused(h, 'amal', { type: 'interpretation.dismissSlower', signalId }, 'forbidden');
    h.seconds(3).run('lynn', { type: 'interpretation.passSlower', signalId });
    expect(h.state.slowDown!.passedAt).toBe(h.now);
    expectRefused(h, 'lynn', { type: 'interpretation.passSlower', signalId }, 'conflict');
    h.run('juan', { type: 'interpretation.dismissSlower', signalId });
    expect(h.state.slowDown).toBeNull();
    expectRefused(h, 'lynn', { type: 'interpretation.dismissSlower', signalId }, 'conflict');
  });

  it('I3 — a signal about a speech that has ended is not passed on', () => {
    const h = onTheFloor();
    h.run('amal', { type: 'interpretation.askSlower' });
    const signalId = h.state.slowDown!.id;
    h.endSpeech();
    expectRefused(h, 'lynn', { type: 'interpretation.passSlower', signalId }, 'conflict');
  });

  it('H3 — only the leads learn who asked, in the event and in the state', () => {
    const h = onTheFloor();
    const [event] = h.run('amal', { type: 'interpretation.askSlower' });
    expect(eventFor(event!, { leading: true, participantId: 'lynn' }).actor).toEqual({ participantId: 'amal', name: NAME.amal });
    for (const participantId of ['haojun', 'flavio', 'amal', null]) {
      const seen = eventFor(event!, { leading: false, participantId });
      expect(seen).toMatchObject({ type: 'interpretation.slowerAsked', channel: 'ar', actor: { participantId: null, name: '' } });
      const state = stateFor(h.state, { leading: false, participantId });
      expect(state.slowDown!.fromId).toBeNull();
      expect(JSON.stringify({ seen, slowDown: state.slowDown, asked: state.slowerAskedAt })).not.toContain('amal');
    }
  });

  it('L1 — the floor language goes with the entry to the floor; the speaker or the chair sets it, nobody else', () => {
    const h = meetingOnItem1();
    const entry = h.raise('flavio');
    expectRefused(h, 'mary', { type: 'queue.setLanguage', entryId: entry.id, language: 'pt' }, 'forbidden');
    expectRefused(h, 'flavio', { type: 'queue.setLanguage', entryId: entry.id, language: 'Portuguese!' }, 'invalid');
    h.run('flavio', { type: 'queue.setLanguage', entryId: entry.id, language: 'pt-BR' });
    h.next(entry.id);
    expect(h.state.floor!.language).toBe('pt-BR');
    const speechId = h.state.floor!.id;
    expectRefused(h, 'amal', { type: 'floor.setLanguage', speechId, language: 'es' }, 'forbidden');
    expectRefused(h, 'mary', { type: 'floor.setLanguage', speechId, language: 'es' }, 'forbidden');
    h.run('lynn', { type: 'floor.setLanguage', speechId, language: 'es' });
    h.endSpeech();
    expect(h.state.speeches.at(-1)!.language).toBe('es');
  });

  it('L1 — the speaking list of the record names a floor language other than the meeting’s, in the record’s language', () => {
    const h = meetingOnItem1();
    h.raiseAll(['flavio', 'mary']);
    h.run('flavio', { type: 'queue.setLanguage', entryId: h.entry(NAME.flavio).id, language: 'es' });
    h.speak(NAME.flavio);
    h.speak(NAME.mary);
    const en = markdown(h, 'en');
    expect(en).toMatch(new RegExp(`${NAME.flavio} \\([^)]*, in Spanish\\)`));
    expect(en).not.toContain('in English');
    expect(markdown(h, 'fr')).toContain('en espagnol');
    expect(markdown(h, 'ar')).toContain('باللغة الإسبانية');
  });
});
