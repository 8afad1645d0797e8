/**
 * Certificates of attendance, from the meeting record: for each person on the roster who took
 * part (connected, or on the phone bridge), when they were present, where from, and their
 * speeches — how many and how long, in all and per agenda item. Issued by the meeting's
 * secretariat; rendered as a PDF by server/record/certificate-pdf.ts.
 */
import type { Location } from '../domain.ts';
import type { MeetingRecord, RecordPerson } from './record-model.ts';

export interface CertificateSpeeches {
  itemNumber: string;
  itemTitle: string;
  count: number;
  seconds: number;
}

export interface Certificate {
  participantId: string;
  name: string;
  affiliation: string;
  meetingTitle: string;
  /** The body the meeting is of ('' when not given). */
  body: string;
  plannedStart: number;
  /** First joined and last left (null: not known, as for a caller never queued). */
  from: number | null;
  to: number | null;
  minutesPresent: number;
  /** Where they took part from; null: not stated. */
  location: Location | null;
  /** Per agenda item they spoke on, in agenda order. */
  speeches: CertificateSpeeches[];
  speechCount: number;
  speechSeconds: number;
  /** The secretariat's names, who issue it. */
  issuedBy: string[];
}

/** Whether a person took part in the meeting, so is given a certificate. */
export function tookPart(person: RecordPerson): boolean {
  return person.attended || person.presentByPhone;
}

/** The certificate of one roster entry; undefined when they are not on the roster or did not take part. */
export function certificateOf(record: MeetingRecord, participantId: string): Certificate | undefined {
  const person = record.participants.find((candidate) => candidate.id === participantId);
  if (!person || !tookPart(person)) return undefined;
  const speeches = record.items
    .map((item) => {
      const own = item.speakers.filter((speaker) => speaker.participantId === participantId);
      return {
        itemNumber: item.number,
        itemTitle: item.title,
        count: own.length,
        seconds: own.reduce((sum, speaker) => sum + speaker.seconds, 0),
      };
    })
    .filter((row) => row.count > 0);
  return {
    participantId,
    name: person.name,
    affiliation: person.affiliation,
    meetingTitle: record.title,
    body: record.body,
    plannedStart: record.plannedStart,
    from: person.firstJoined,
    to: person.lastLeft,
    minutesPresent: person.minutesConnected,
    location: person.presentByPhone ? 'phone' : person.location,
    speeches,
    speechCount: speeches.reduce((sum, row) => sum + row.count, 0),
    speechSeconds: speeches.reduce((sum, row) => sum + row.seconds, 0),
    issuedBy: record.secretariat,
  };
}

/** The certificates of everyone who took part, in the record's order. */
export function certificatesOf(record: MeetingRecord): Certificate[] {
  return record.participants.flatMap((person) => (person.id ? (certificateOf(record, person.id) ?? []) : []));
}
