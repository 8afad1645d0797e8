/** The meeting record's answers on the HTTP API (server/record/record-routes.ts), as the record page and the meeting page read them. */

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
