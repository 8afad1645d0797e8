/** The record's circulation for corrections and its approval, as the HTTP API answers them (shared/http/correction-routes.ts). */

export type CorrectionStatus = 'proposed' | 'withdrawn' | 'accepted' | 'declined';

/** A draft circulated to the meeting's participants for corrections until a date. */
export interface CirculationView {
  version: number;
  /** ISO instants. */
  until: string;
  circulatedAt: string;
  circulatedBy: string;
  /** Whether new corrections are taken now: before the date, and while the record is not final. */
  open: boolean;
}

/** One proposed correction: who asked, on which paragraph, what; and what the secretariat did. */
export interface CorrectionView {
  id: string;
  version: number;
  paragraph: number;
  /** The paragraph as circulated, and the text proposed for it. */
  original: string;
  text: string;
  note: string;
  name: string;
  /** ISO instant. */
  createdAt: string;
  status: CorrectionStatus;
  decidedBy: string | null;
  decidedAt: string | null;
  reason: string | null;
  appliedVersion: number | null;
}

/** Where the record was approved: at a later meeting, on its agenda item, when. */
export interface ApprovalView {
  meetingId: string;
  title: string;
  /** ISO instant of the approval. */
  at: string;
}

/** What a participant sees: the circulated draft's paragraphs and their own corrections. */
export interface ParticipantCirculationView {
  circulation: CirculationView | null;
  /** The circulated version's paragraphs (Markdown), numbered from 1; empty when nothing is circulated. */
  paragraphs: string[];
  mine: CorrectionView[];
  final: boolean;
  approvedAt: ApprovalView | null;
}

/** What the secretariat sees: the circulation, every correction, and the approval. */
export interface CorrectionsView {
  circulation: CirculationView | null;
  corrections: CorrectionView[];
  approvedAt: ApprovalView | null;
}

/** An agenda item of a later meeting that approves an earlier meeting's record. */
export interface ApprovalLink {
  itemId: string;
  /** The item's number as the agenda writes it: `1`, `4a`. */
  itemNumber: string;
  meetingId: string;
  title: string;
  /** ISO instant the earlier meeting was planned for. */
  startsAt: string;
  /** Set once that record is final. */
  finalised: boolean;
}

export const CORRECTION_TEXT_MAX = 5000;
export const CORRECTION_NOTE_MAX = 1000;
export const DECLINE_REASON_MAX = 1000;
/** The most corrections one person may have open (not withdrawn) on one meeting's record. */
export const CORRECTIONS_PER_PERSON_MAX = 50;
