/**
 * The meeting record: built from the meeting's events, roster and attendance; versions
 * generated and edited; finalised; shared with participants.
 */
import type { Database } from '../db/open.ts';
import type { MeetingRooms } from '../live/meeting-rooms.ts';
import * as meetingStore from '../meetings/meeting-store.ts';
import { buildRecord, type MeetingRecord } from '../../shared/record/record-model.ts';
import { recordMarkdown } from '../../shared/record/record-markdown.ts';
import { participantView } from '../meetings/meeting-views.ts';
import type { RecordLanguage } from '../../shared/record/record-words.ts';
import * as store from './record-store.ts';

export class RecordService {
  constructor(
    private readonly db: Database,
    private readonly rooms: MeetingRooms,
  ) {}

  /** The structured record as the meeting stands now. */
  async build(meetingId: string): Promise<MeetingRecord | undefined> {
    const [meeting, room] = await Promise.all([meetingStore.findMeeting(this.db, meetingId), this.rooms.get(meetingId)]);
    if (!meeting || !room) return undefined;
    const [state, roster, attendance] = await Promise.all([
      room.current(),
      meetingStore.listRoster(this.db, meetingId),
      store.listAttendance(this.db, meetingId),
    ]);
    return buildRecord({
      meeting: {
        id: meeting.id,
        title: meeting.title,
        body: meeting.body,
        startsAt: meeting.startsAt.getTime(),
        timeZone: meeting.timeZone,
        plannedMinutes: meeting.plannedMinutes,
      },
      state,
      roster: roster.map(participantView),
      attendance,
      generatedAt: Date.now(),
    });
  }

  /** A new version generated from the meeting, its fixed words in `language`; earlier versions, edited ones included, stay. */
  async generate(meetingId: string, by: string, language: RecordLanguage = 'en'): Promise<store.RecordVersionRow | undefined> {
    const record = await this.build(meetingId);
    if (!record) return undefined;
    return store.addVersion(this.db, meetingId, {
      source: 'generated',
      markdown: recordMarkdown(record, language),
      basedOn: null,
      createdBy: by,
    });
  }
}
