/**
 * The meeting record: built from the meeting's events, roster and attendance as of one
 * instant; versions generated and edited; finalised; shared with participants.
 */
import { meetingChannels } from '../../shared/caption-channels.ts';
import { captionLinesByChannel } from '../captions/caption-store.ts';
import type { Database } from '../db/open.ts';
import type { MeetingRooms } from '../live/meeting-rooms.ts';
import * as meetingStore from '../meetings/meeting-store.ts';
import { buildRecord, type MeetingRecord } from '../../shared/record/record-model.ts';
import { recordMarkdown } from '../../shared/record/record-markdown.ts';
import { participantView } from '../meetings/meeting-views.ts';
import type { RecordLanguage } from '../../shared/record/record-words.ts';
import { speechesEndedBy, stateAsOf } from './record-instant.ts';
import * as store from './record-store.ts';

export class RecordService {
  constructor(
    private readonly db: Database,
    private readonly rooms: MeetingRooms,
  ) {}

  /**
   * The structured record as the meeting stood at `asOf` (now when not given): every figure
   * of it — time used, speeches, attendance, statistics — counted to that one instant.
   */
  async build(meetingId: string, asOf: number = Date.now()): Promise<MeetingRecord | undefined> {
    const [meeting, room] = await Promise.all([meetingStore.findMeeting(this.db, meetingId), this.rooms.get(meetingId)]);
    if (!meeting || !room) return undefined;
    const plannedStart = meeting.startsAt.getTime();
    const [current, roster, attendance, captionLines] = await Promise.all([
      room.current(),
      meetingStore.listRoster(this.db, meetingId),
      store.listAttendance(this.db, meetingId),
      captionLinesByChannel(this.db, meetingId, asOf),
    ]);
    const [state, endedBy] = await Promise.all([
      stateAsOf(this.db, current, { id: meetingId, plannedStart, plannedMinutes: meeting.plannedMinutes }, asOf),
      speechesEndedBy(this.db, meetingId, asOf),
    ]);
    return buildRecord({
      meeting: {
        id: meeting.id,
        title: meeting.title,
        body: meeting.body,
        startsAt: plannedStart,
        timeZone: meeting.timeZone,
        plannedMinutes: meeting.plannedMinutes,
      },
      state,
      roster: roster.map((row) => ({ ...participantView(row), category: row.category })),
      attendance,
      speechesEndedBy: endedBy,
      captions: meetingChannels(meeting.captionLanguages).map((channel) => ({ channel, lines: captionLines.get(channel) ?? 0 })),
      generatedAt: asOf,
    });
  }

  /**
   * A new version generated from the meeting as it stands now, its fixed words in `language`;
   * earlier versions, edited ones included, stay. The version is stamped with the instant it
   * was built at, so that its exports are built at that instant too (`instantOf`).
   */
  async generate(meetingId: string, by: string, language: RecordLanguage = 'en'): Promise<store.RecordVersionRow | undefined> {
    const record = await this.build(meetingId);
    if (!record) return undefined;
    return store.addVersion(this.db, meetingId, {
      source: 'generated',
      markdown: recordMarkdown(record, language),
      basedOn: null,
      createdBy: by,
      createdAt: new Date(record.generatedAt),
    });
  }

  /** The record a version prints: the meeting as of the instant its text was generated at. */
  async recordOf(row: store.RecordVersionRow): Promise<MeetingRecord | undefined> {
    return this.build(row.meetingId, await store.instantOf(this.db, row));
  }
}
