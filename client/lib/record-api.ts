/**
 * The meeting record's answers on the HTTP API (server/record/record-routes.ts), as the
 * record page and the meeting page read them, and the addresses of its downloads.
 */

export type RecordSharing = 'none' | 'draft' | 'final';

/** One version in the list: generated from the meeting, or edited from another version. */
export interface RecordVersionSummary {
  version: number;
  source: 'generated' | 'edited';
  basedOn: number | null;
  /** ISO instant. */
  createdAt: string;
  createdBy: string;
}

export interface RecordVersion extends RecordVersionSummary {
  markdown: string;
}

export interface RecordFinalised {
  /** ISO instant. */
  at: string;
  by: string;
  version: number;
}

/** GET /api/meetings/:id/record for the chair, co-chairs and the secretariat. */
export interface LeadRecordView {
  versions: RecordVersionSummary[];
  finalised: RecordFinalised | null;
  sharing: RecordSharing;
}

/** What participants see of the record: the shared version, if any. */
export interface SharedRecord {
  version: number;
  markdown: string;
  status: 'draft' | 'final';
}

/** GET /api/meetings/:id/record for everyone else. */
export interface ParticipantRecordView {
  shared: SharedRecord | null;
}

export type RecordView = LeadRecordView | ParticipantRecordView;

export function isLeadView(view: RecordView): view is LeadRecordView {
  return Array.isArray((view as Partial<LeadRecordView>).versions);
}

export function meetingApiPath(meetingId: string): string {
  return `/api/meetings/${encodeURIComponent(meetingId)}`;
}

/** An export of the record: one version (the final one, or the shared one for participants, when none is given). */
export function recordDownload(meetingId: string, format: 'md' | 'html' | 'docx' | 'pdf' | 'json', version?: number): string {
  return `${meetingApiPath(meetingId)}/record.${format}${version === undefined ? '' : `?version=${version}`}`;
}

/** "9 May 2017, 13:05 UTC". */
export function utcDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const day = date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  return `${day}, ${date.toISOString().slice(11, 16)} UTC`;
}
