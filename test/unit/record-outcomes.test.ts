/**
 * Words that say what happened: every consensus call states its outcome; presentation slots
 * give the presenter, the time used and whether they ran over or were cut short; items never
 * run say "not taken up"; the header gives the planned date with the times the meeting opened
 * and closed; people still connected at the end left with it; a quoted chat line ends once.
 */
import { describe, expect, it } from 'vitest';
import { recordMarkdown } from '../../shared/record/record-markdown.ts';
import { buildRecord, type MeetingRecord } from '../../shared/record/record-model.ts';
import { joinSentences } from '../../shared/record/record-text.ts';
import { RECORD_LANGUAGES, RECORD_WORDS } from '../../shared/record/record-words.ts';
import { MINUTE, T0, openMeeting, type MeetingHarness } from '../support/meeting-harness.ts';

function recordOf(h: MeetingHarness, endedBy: Record<string, string | null> = {}): MeetingRecord {
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
    attendance: [
      { participantId: 'flavio', joinedAt: T0 + MINUTE, leftAt: null },
      { participantId: 'rasha', joinedAt: T0 + MINUTE, leftAt: T0 + 10 * MINUTE },
    ],
    speechesEndedBy: endedBy,
    generatedAt: h.now,
  });
}

/** A meeting opened 3 minutes late that runs items 1 and 3 (two presentations) and skips 2 and 4. */
function meeting() {
  const h = openMeeting({ now: T0 + 3 * MINUTE }).startItem('i1');
  h.raiseAll(['flavio']);
  h.speak('Flávio Wagner', 40);
  h.run('lynn', { type: 'consensus.open', itemId: 'i1', proposalId: null });
  const agreed = h.state.consensusCalls.at(-1)!.id;
  h.run('lynn', { type: 'consensus.close', callId: agreed });
  h.run('lynn', { type: 'consensus.open', itemId: 'i1', proposalId: null });
  const contested = h.state.consensusCalls.at(-1)!.id;
  h.run('haojun', { type: 'consensus.object', callId: contested, reason: 'No proposal was circulated' });
  h.run('lynn', { type: 'consensus.object', callId: contested, name: 'Delegate of Brazil' });
  h.run('lynn', { type: 'consensus.close', callId: contested });
  h.run('lynn', { type: 'chat.post', text: 'The slides are on the IGF site' });
  h.run('lynn', { type: 'chat.flag', messageId: h.state.chat.at(-1)!.id, flagged: true });

  h.startItem('i3');
  h.run('chengetai', { type: 'agenda.addPresentation', itemId: 'i3', presenterId: 'wim', title: 'BPF outputs', minutes: 5 });
  h.run('chengetai', { type: 'agenda.addPresentation', itemId: 'i3', presenterId: 'flavio', title: 'NRIs', minutes: 10 });
  h.run('chengetai', { type: 'agenda.addPresentation', itemId: 'i3', presenterId: 'mary', title: 'Dynamic Coalitions', minutes: 5 });
  const [bpf, nri] = h.state.agenda.find((item) => item.id === 'i3')!.presentations;
  h.run('lynn', { type: 'floor.startPresentation', presentationId: bpf!.id });
  h.minutes(6).seconds(30).endSpeech();
  h.run('lynn', { type: 'floor.startPresentation', presentationId: nri!.id });
  const cut = h.state.floor!.id;
  h.minutes(4).endSpeech();
  h.run('lynn', { type: 'meeting.end' });
  return { h, cut };
}

describe('the summary of what happened', () => {
  const { h, cut } = meeting();
  const record = recordOf(h, { [cut]: 'lynn' });
  const markdown = recordMarkdown(record);
  const paragraph = (number: number) => markdown.split('\n').find((line) => line.startsWith(`${number}. `))!;

  it('states each consensus call’s outcome in words, with who objected and what they said', () => {
    expect(paragraph(1)).toContain('Consensus call (“Any objections to item 1?”): agreed without objection.');
    expect(paragraph(1)).toContain(
      'Consensus call (“Any objections to item 1?”): not agreed: objections from Haojun Ji, who said “No proposal was circulated”; Delegate of Brazil.',
    );
  });

  it('gives each presentation its presenter, the time used, an overrun, a cut, or that it was not given', () => {
    const presentations = paragraph(3);
    expect(presentations).toContain('BPF outputs (Wim Degezelle, 5 minutes allotted, 6:30 used, 1:30 over time)');
    expect(presentations).toContain('NRIs (Flávio Wagner, 10 minutes allotted, 4:00 used, cut short by the chair)');
    expect(presentations).toContain('Dynamic Coalitions (Mary Uduma, 5 minutes, not given)');
    expect(record.items[2]!.presentations.map((talk) => [talk.secondsUsed, talk.overrunSeconds, talk.cutShort])).toEqual([
      [390, 90, false],
      [240, 0, true],
      [0, 0, false],
    ]);
  });

  it('says an item never run was not taken up, instead of "0 used. No one took the floor"', () => {
    expect(paragraph(2)).toMatch(/^2\. \*\*Item 2 – [^*]+\*\* \(5 minutes\)\. Not taken up\.$/);
    expect(markdown).not.toMatch(/0 used\. No one took the floor/);
  });

  it('ends a quoted chat line once: the full stop inside the quote in English, after it in French', () => {
    expect(paragraph(1)).toMatch(/From the chat, for the minutes: Lynn St\. Amour: “The slides are on the IGF site\.”$/);
    expect(markdown).not.toContain('”.');
    expect(recordMarkdown(record, 'fr')).toContain('«\u00a0The slides are on the IGF site\u00a0».');
  });

  it('gives the planned date, the times the meeting opened and closed, and the planned times beside', () => {
    const end = new Date(h.state.endedAt!).toISOString().slice(11, 16);
    expect(markdown).toContain('| Date | Tuesday, 11 April 2017 |');
    expect(markdown).toContain(`| Time | 22:03–${end} UTC (planned: 22:00–22:40 UTC) |`);
  });

  it('fills "Left (UTC)" with the meeting’s end for those still connected', () => {
    const end = new Date(h.state.endedAt!).toISOString().slice(11, 16);
    expect(markdown).toContain(`| Flávio Wagner | Member | 22:01 | ${end} |`);
    expect(markdown).toContain('| Rasha Abdulla | Member | 22:01 | 22:10 | 9 |');
  });

  it('has every new phrase in the six languages', () => {
    for (const language of RECORD_LANGUAGES) {
      const text = recordMarkdown(record, language);
      const w = RECORD_WORDS[language];
      for (const phrase of [w.whoSaid('No proposal was circulated'), w.cutShort, w.notGiven, w.overrun('1:30')]) {
        expect(text, `${language}: ${phrase}`).toContain(phrase);
      }
      expect(text, language).toContain(w.notTakenUp.slice(1));
    }
  });
});

describe('a meeting still in session', () => {
  it('says so in the time, with no end time', () => {
    const h = openMeeting().startItem('i1');
    h.minutes(5);
    expect(recordMarkdown(recordOf(h))).toContain('| Time | 22:00 UTC–, still in session (planned: 22:00–22:40 UTC) |');
  });
});

describe('sentences ended once', () => {
  it('takes no full stop after a quotation ending in its own punctuation, in any language', () => {
    for (const language of RECORD_LANGUAGES) {
      const p = RECORD_WORDS[language].punctuation;
      const quoted = `X${p.colon}${p.quoteOpen}Thank you!${p.quoteClose}`;
      expect(joinSentences([quoted], RECORD_WORDS[language]), language).toBe(quoted);
      expect(joinSentences([quoted, 'Next'], RECORD_WORDS[language]), language).toBe(
        `${quoted}${p.nextSentence.replace('.', '').replace('。', '')}Next${p.fullStop}`,
      );
    }
  });
});
