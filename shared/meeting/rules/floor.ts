/**
 * The floor and speech timers: giving the floor (from the queue, to anyone, to a presentation),
 * ending a speech, pausing, extending and setting its time (SPEC.md "Floor and timers": F1–F6).
 */
import { assertNever } from '../../assert-never.ts';
import { isLeading } from '../permissions.ts';
import { queueOf } from '../reducer.ts';
import { own } from '../../own.ts';
import type { MeetingEventBody, MeetingState, Speaker, Speech } from '../types.ts';
import { findEntry, findParticipant, floorSpeech, reject, speakerOf, type DecisionContext, type SectionCommand } from './common.ts';

export function decideFloor(state: MeetingState, command: SectionCommand<'floor' | 'timer'>, ctx: DecisionContext): MeetingEventBody[] {
  switch (command.type) {
    case 'floor.give': {
      // F2: the entry must still be queued: a stale "next" (it was given or withdrawn meanwhile) changes nothing.
      const { itemId, entry } = findEntry(state, command.entryId, 'That person is no longer in the queue.');
      return [
        floorGiven(state, ctx, entry, {
          itemId,
          kind: entry.kind,
          entryId: entry.id,
          presentationId: null,
          seconds: command.seconds,
          language: entry.language ?? null,
        }),
      ];
    }

    case 'floor.giveTo': {
      const participant = findParticipant(state, command.participantId);
      const itemId = state.currentItemId;
      const queued = itemId === null ? undefined : queueOf(state, itemId).entries.find((entry) => entry.participantId === participant.id);
      return [
        floorGiven(state, ctx, queued ?? speakerOf(participant), {
          itemId,
          kind: queued?.kind ?? 'new-point',
          entryId: queued?.id ?? null,
          presentationId: null,
          seconds: command.seconds,
          language: queued?.language ?? null,
        }),
      ];
    }

    case 'floor.startPresentation': {
      const item = state.agenda.find((candidate) => candidate.presentations.some((p) => p.id === command.presentationId));
      const presentation = item?.presentations.find((p) => p.id === command.presentationId);
      if (!item || !presentation) return reject('not-found', 'That presentation is not on the agenda.');
      const participant = presentation.presenterId === null ? undefined : own(state.participants, presentation.presenterId);
      const speaker: Speaker = participant
        ? speakerOf(participant)
        : { participantId: null, name: presentation.presenterName, stakeholderGroup: null, region: null, location: null };
      return [
        floorGiven(state, ctx, speaker, {
          itemId: item.id,
          kind: 'presentation',
          entryId: null,
          presentationId: presentation.id,
          seconds: presentation.minutes * 60,
          language: null,
        }),
      ];
    }

    case 'floor.end': {
      const speech = floorSpeech(state, command.speechId);
      // F6: a speaker may say "I'm done"; only those who lead end someone else's speech.
      if (!isLeading(ctx.role) && (speech.participantId === null || speech.participantId !== ctx.actor.participantId)) {
        reject('forbidden', 'You can only end your own speech.');
      }
      return [{ type: 'floor.ended', speechId: command.speechId }];
    }

    case 'floor.setLanguage': {
      const speech = floorSpeech(state, command.speechId);
      // L1: the speaker says the language of their own speech; the chair and secretariat of any.
      if (!isLeading(ctx.role) && (speech.participantId === null || speech.participantId !== ctx.actor.participantId)) {
        reject('forbidden', 'You can only set the language of your own speech.');
      }
      return [{ type: 'floor.languageSet', speechId: speech.id, language: command.language }];
    }

    case 'timer.pause': {
      const speech = floorSpeech(state, command.speechId);
      if (speech.timer.pausedAt !== null) reject('conflict', 'The timer is already paused.');
      return [{ type: 'timer.paused', speechId: speech.id }];
    }
    case 'timer.resume': {
      const speech = floorSpeech(state, command.speechId);
      if (speech.timer.pausedAt === null) reject('conflict', 'The timer is not paused.');
      return [{ type: 'timer.resumed', speechId: speech.id }];
    }
    case 'timer.extend': {
      const speech = floorSpeech(state, command.speechId);
      if (speech.timer.durationMs === null) reject('conflict', 'This speech has no time limit to extend.');
      return [{ type: 'timer.durationChanged', speechId: speech.id, durationMs: speech.timer.durationMs! + command.seconds * 1000 }];
    }
    case 'timer.setDuration': {
      const speech = floorSpeech(state, command.speechId);
      return [{ type: 'timer.durationChanged', speechId: speech.id, durationMs: command.seconds === null ? null : command.seconds * 1000 }];
    }

    default:
      return assertNever(command);
  }
}

function floorGiven(
  state: MeetingState,
  ctx: DecisionContext,
  speaker: Speaker,
  options: {
    itemId: string | null;
    kind: Speech['kind'];
    entryId: string | null;
    presentationId: string | null;
    seconds: number | null | undefined;
    /** The floor language the entry named; null: the meeting's. */
    language: string | null;
  },
): MeetingEventBody {
  const seconds = options.seconds === undefined ? state.settings.defaultSpeechSeconds : options.seconds;
  const { participantId, name, stakeholderGroup, region, location } = speaker;
  return {
    type: 'floor.given',
    speech: {
      id: ctx.newId('s'),
      participantId,
      name,
      stakeholderGroup,
      region,
      location,
      itemId: options.itemId,
      kind: options.kind,
      presentationId: options.presentationId,
      entryId: options.entryId,
      startedAt: ctx.at,
      timer: { durationMs: seconds === null ? null : seconds * 1000, pausedAt: null, pausedMs: 0 },
      pauses: [],
      ...(options.language === null ? {} : { language: options.language }),
    },
  };
}
