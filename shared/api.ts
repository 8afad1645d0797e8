/**
 * Shapes of the HTTP API's answers. Requests are typed by the schemas in ./schemas.ts.
 * Every error answer is `ApiError` with an HTTP status of 4xx or 5xx.
 */
import type { UnLanguage } from './caption-channels.ts';
import type { Location, MeetingAccessRole, MeetingRole, Region, StaffRole, StakeholderGroup } from './domain.ts';
import type { InputProblem } from './schemas.ts';
import type { CaptionChannel } from './caption-channels.ts';

export interface ApiError {
  error: string;
  problems?: InputProblem[];
  /** Set on refusals the pages say in their own language; `error` says it in English. */
  code?: ApiErrorCode;
}

/** Refusals of the HTTP API that pages name in the reader's language. */
export const API_ERROR_CODES = ['meeting-open-agenda', 'meeting-open-proposals', 'record-final'] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

/** GET /api/me: who this browser is signed in as. */
export type Me =
  | { kind: 'anonymous'; setupPending: boolean }
  | { kind: 'staff'; user: { id: string; name: string; email: string; staffRole: StaffRole } }
  | { kind: 'guest'; meetingId: string; name: string; role: MeetingAccessRole };

export interface MeetingSummary {
  id: string;
  title: string;
  body: string;
  /** ISO instant (UTC). */
  startsAt: string;
  timeZone: string;
  plannedMinutes: number;
  /** The meeting's caption channels: the floor, then the UN languages chosen for it. */
  captionChannels: CaptionChannel[];
  /** What the room display shows: one of them, or two stacked. */
  roomCaptionChannels: CaptionChannel[];
}

export interface AgendaItemView {
  id: string;
  number: string;
  depth: 0 | 1;
  title: string;
  minutes: number | null;
  /** The proposals prepared for the item on the set-up page. */
  proposals: ProposalView[];
}

/** A proposal prepared for an agenda item: a working group or Best Practice Forum, with who proposes it. */
export interface ProposalView {
  id: string;
  title: string;
  proposers: string;
  text: string;
}

/** A roster entry as the secretariat sees it, with its personal link. */
export interface RosterEntryView {
  id: string;
  name: string;
  affiliation: string;
  email: string;
  /** Null: not stated. */
  stakeholderGroup: StakeholderGroup | null;
  region: Region | null;
  role: MeetingRole;
  /** An interpreter's language channel (interpreters only). */
  channel?: UnLanguage;
  /** The heading the record lists them under; '': the heading of their role. */
  category: string;
  /** Absolute URL, or null when revoked. */
  joinUrl: string | null;
  /** Short code to type on the room link, or null when revoked. */
  personalCode: string | null;
}

/** GET /api/meetings/:id for staff: everything the set-up page needs. */
export interface MeetingSetupView {
  meeting: MeetingSummary;
  agenda: AgendaItemView[];
  roster: RosterEntryView[];
  /** Absolute URL of the public observer link, or null when off. */
  observerUrl: string | null;
  displayUrl: string;
  /** The room link (`/r/CODE`) people in the room open from the display's QR code. */
  roomUrl: string | null;
  /** Where captioning software posts captions (secret: it carries the token). */
  captionUrl: string | null;
  /** The caption URL of each of the meeting's channels (the floor's is `captionUrl`). */
  captionUrls: { channel: CaptionChannel; url: string }[];
}

/** A participant as everyone in the meeting may see them (no email, no link). */
export interface ParticipantView {
  id: string;
  name: string;
  affiliation: string;
  /** Null: not stated. */
  stakeholderGroup: StakeholderGroup | null;
  region: Region | null;
  role: MeetingRole;
  /** An interpreter's language channel (interpreters only). */
  channel?: UnLanguage;
}

/** GET /api/meetings/:id/people: a page of the meeting's people, by role (chair first), then by name. */
export interface MeetingPeoplePage {
  people: ParticipantView[];
  total: number;
  /** Where the next page starts, or null after the last. */
  next: number | null;
}

/** GET /api/meetings/:id/page: what the meeting page shows to anyone admitted. */
export interface MeetingPageView {
  meeting: MeetingSummary;
  agenda: AgendaItemView[];
  /** How many people are on the roster, by role; the people themselves come a page at a time (`MeetingPeoplePage`). */
  people: { total: number; byRole: Partial<Record<MeetingRole, number>> };
  /** The viewer: their role, and their roster entry when they have one. */
  you: { role: MeetingAccessRole; participantId: string | null; name: string };
  /** The room link, for the room display and the chair (null for everyone else). */
  roomUrl: string | null;
  /** The caption ingestion URL, for the captioner and the secretariat (null for everyone else). */
  captionUrl: string | null;
}

/** POST /api/join, /api/observe, /api/display: where the new session may go. */
export interface JoinResult {
  meetingId: string;
  /** The room display link was opened by someone already in the meeting: their session stays, and they see the room's view. */
  roomView?: boolean;
}

export interface RosterImportResult {
  added: number;
  roster: RosterEntryView[];
}

export type { Location };

/** A staff account, as the accounts page lists it and sign-in answers it. */
export interface StaffAccount {
  id: string;
  name: string;
  email: string;
  staffRole: StaffRole;
  /** A disabled account cannot sign in; it had its sessions ended when it was disabled. */
  disabled?: boolean;
}
