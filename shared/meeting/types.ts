/**
 * The live meeting as data: its state and the events that change it.
 * State is only ever changed by applying events (./reducer.ts); events are stored in the
 * meeting's log in order (`seq` from 1) before anyone sees them.
 */
import type { Location, MeetingRole, Region, StakeholderGroup } from '../domain.ts';
import type { UnLanguage } from '../caption-channels.ts';

export const SPEECH_KINDS = ['point-of-order', 'clarifying-question', 'reply', 'new-point'] as const;
/** What a person asks the floor for; the order here is the queue's order of precedence. */
export type SpeechKind = (typeof SPEECH_KINDS)[number];

export const ITEM_STATUSES = ['pending', 'active', 'done', 'deferred'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

/** A roster entry as the live meeting knows it. */
export interface Participant {
  id: string;
  name: string;
  affiliation: string;
  /** Null when not stated (never asked of staff and captioners). */
  stakeholderGroup: StakeholderGroup | null;
  region: Region | null;
  role: MeetingRole;
  /** Where they take part from; null ("not stated") until they or the chair say. */
  location: Location | null;
  /** An interpreter's language channel (interpreters only). */
  channel?: UnLanguage;
}

/**
 * Who an entry or a speech is about: a roster participant, or a person typed in by name
 * (someone in the room without a device, a caller on the phone bridge). The descriptive
 * fields are copied in so that any screen can show them without the roster.
 */
export interface Speaker {
  participantId: string | null;
  name: string;
  stakeholderGroup: StakeholderGroup | null;
  region: Region | null;
  /** Null: not stated (counted apart, never as remote). */
  location: Location | null;
}

export interface QueueEntry extends Speaker {
  id: string;
  kind: SpeechKind;
  note: string;
  raisedAt: number;
  /** Set when the chair or secretariat queued this person on their behalf. */
  addedBy: string | null;
  /** Whether the person had not yet spoken on this item when the hand went up. */
  firstOnItem: boolean;
  /** The language they will speak in (a language tag); absent or null: the meeting's language. */
  language?: string | null;
}

export interface ItemQueue {
  open: boolean;
  entries: QueueEntry[];
}

export interface Presentation {
  id: string;
  presenterId: string | null;
  presenterName: string;
  title: string;
  minutes: number;
  status: 'pending' | 'done';
}

/** A proposal within an item (one proposed Best Practice Forum), each its own line in the record. */
export interface Proposal {
  id: string;
  title: string;
  /** Facilitators or proposers, as the set-up page gave them ('' or absent: not given; added live: absent). */
  proposers?: string;
  /** Its short text, as the set-up page gave it. */
  text?: string;
}

export interface AgendaItem {
  id: string;
  number: string;
  depth: 0 | 1;
  title: string;
  /** Minutes allotted; null when the agenda gave none. */
  minutes: number | null;
  status: ItemStatus;
  /** Time spent on the item before its current stretch, in ms. */
  usedMs: number;
  /** When its current stretch began (it is the current item), else null. */
  activeSince: number | null;
  presentations: Presentation[];
  proposals: Proposal[];
  addedLive: boolean;
}

/** The running timer of a speech: data, rendered by each client against the server clock. */
export interface SpeechTimer {
  /** Allowed length in ms, or null to count up without a limit. */
  durationMs: number | null;
  pausedAt: number | null;
  /** Total time spent paused so far, in ms. */
  pausedMs: number;
}

export interface Speech extends Speaker {
  id: string;
  itemId: string | null;
  kind: SpeechKind | 'presentation';
  presentationId: string | null;
  /** The queue entry it came from, if any. */
  entryId: string | null;
  startedAt: number;
  timer: SpeechTimer;
  pauses: { at: number; resumedAt: number | null }[];
  /** The floor language of the speech (a language tag); absent or null: the meeting's language. */
  language?: string | null;
}

export interface FinishedSpeech extends Speech {
  endedAt: number;
  /** Speaking time without pauses, in ms. */
  spokenMs: number;
}

export interface MeetingSettings {
  /** Default speaking time; null counts up without a limit. */
  defaultSpeechSeconds: number | null;
  /** People who have not yet spoken on the item go ahead of those who have (same kind). */
  firstTimeSpeakersFirst: boolean;
  /** New points alternate between the room and remote (remote and phone) participants. */
  alternateRoomAndRemote: boolean;
  /** Observers may ask for the floor. */
  observersMayRequestFloor: boolean;
  /** Observers may record support, objections and comments. */
  observersMayTakePositions: boolean;
  /** Participants see who took which position; otherwise only counts (the chair always sees names). */
  positionNamesVisible: boolean;
  /** Shown with live captions. */
  captionNotice: string;
  /** The meeting's language (a language tag), each speech's floor language unless it says otherwise; absent: English. */
  language?: string;
}

/** The meeting's language when its settings name none. */
export const DEFAULT_MEETING_LANGUAGE = 'en';

/**
 * "Please speak slower" from an interpreter (rule I2 of SPEC.md): the chair sees it with the
 * channel's language; who sent it (`fromId`) is known to the leads only (rule H3 in ../privacy.ts).
 */
export interface SlowDownSignal {
  id: string;
  channel: UnLanguage;
  /** The speech it is about. */
  speechId: string;
  at: number;
  /** The interpreter who sent it; null in every copy but the leads'. */
  fromId: string | null;
  /** When the chair passed it to the speaker, else null. */
  passedAt: number | null;
}

export const DEFAULT_SETTINGS: MeetingSettings = {
  defaultSpeechSeconds: 180,
  firstTimeSpeakersFirst: false,
  alternateRoomAndRemote: false,
  observersMayRequestFloor: false,
  observersMayTakePositions: false,
  positionNamesVisible: true,
  captionNotice: 'Live captions are an aid to follow the meeting, not an authoritative record.',
};

export const STANCES = ['support', 'objection', 'comment'] as const;
export type Stance = (typeof STANCES)[number];

/** Support and objection exclude each other; a comment stands beside either (rule P1). */
export type Holding = 'position' | 'comment';
export const holdingOf = (stance: Stance): Holding => (stance === 'comment' ? 'comment' : 'position');

/** What a position, a consensus call or a decision is about: an item, or one proposal in it. */
export interface Target {
  itemId: string;
  proposalId: string | null;
}

/** Someone's stated position on an item or a proposal. */
export interface Position extends Target {
  /** A roster id, or `name:` and the name for someone typed in. */
  holderKey: string;
  participantId: string | null;
  name: string;
  stakeholderGroup: StakeholderGroup | null;
  stance: Stance;
  /** The reason of an objection, or the comment. */
  text: string;
  at: number;
  /** Who recorded it for them ("spoke in support"), or null when they did themselves. */
  recordedBy: string | null;
  /** The speech it was expressed in, when the chair tagged one. */
  speechId: string | null;
}

export interface Objection {
  holderKey: string;
  participantId: string | null;
  name: string;
  reason: string;
  at: number;
  recordedBy: string | null;
}

/** "Any objections?" on an item or a proposal. */
export interface ConsensusCall extends Target {
  id: string;
  question: string;
  openedAt: number;
  durationMs: number;
  objections: Objection[];
  /** Null while open. */
  closedAt: number | null;
  outcome: 'agreed-without-objection' | 'objections' | null;
}

export const DECISION_KINDS = ['agreed', 'not-agreed', 'deferred-to-mailing-list', 'deferred-to-later-meeting'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

export interface Decision extends Target {
  id: string;
  kind: DecisionKind;
  text: string;
  at: number;
  recordedBy: string;
}

export interface ActionItem {
  id: string;
  itemId: string | null;
  what: string;
  who: string;
  /** A date (YYYY-MM-DD) or null. */
  due: string | null;
  at: number;
  recordedBy: string;
}

export interface ChatMessage {
  id: string;
  at: number;
  fromId: string | null;
  fromName: string;
  /** Everyone, or privately to the secretariat. */
  to: 'everyone' | 'secretariat';
  text: string;
  flaggedBy: string | null;
  /** The agenda item running when it was posted, so the minutes can place it. */
  itemId: string | null;
}

export interface MeetingState {
  meetingId: string;
  /** The seq of the last event applied; 0 before any. */
  seq: number;
  phase: 'not-opened' | 'open' | 'ended';
  openedAt: number | null;
  endedAt: number | null;
  /** The planned start and length, for the estimated end and the lag. */
  plannedStart: number;
  plannedMinutes: number;
  settings: MeetingSettings;
  participants: Record<string, Participant>;
  agenda: AgendaItem[];
  currentItemId: string | null;
  queues: Record<string, ItemQueue>;
  floor: Speech | null;
  speeches: FinishedSpeech[];
  positions: Position[];
  consensusCalls: ConsensusCall[];
  decisions: Decision[];
  actionItems: ActionItem[];
  chat: ChatMessage[];
  /** Roster ids of people who may not post in the chat. */
  chatMuted: string[];
  /** The last "please speak slower" until the chair dismisses it (absent: none yet). */
  slowDown?: SlowDownSignal | null;
  /** When each interpreter last asked (rule I2's limit); in the leads' copy only. */
  slowerAskedAt?: Record<string, number>;
}

/** Who did it: the acting roster entry (null for a staff account without one) and a name for the record. */
export interface Actor {
  participantId: string | null;
  name: string;
}

export interface AgendaItemInit {
  id: string;
  number: string;
  depth: 0 | 1;
  title: string;
  minutes: number | null;
  /** The proposals prepared on the set-up page (meeting.opened only; absent in logs written before them). */
  proposals?: Proposal[];
}

/** Every kind of event, without its envelope. */
export type MeetingEventBody =
  | {
      type: 'meeting.opened';
      title: string;
      plannedStart: number;
      plannedMinutes: number;
      agenda: AgendaItemInit[];
      participants: Participant[];
      settings: MeetingSettings;
    }
  | { type: 'meeting.ended' }
  | { type: 'meeting.settingsChanged'; settings: Partial<MeetingSettings> }
  | { type: 'participant.joinedRoster'; participant: Participant }
  | { type: 'participant.updated'; participant: Participant }
  | { type: 'participant.leftRoster'; participantId: string }
  | { type: 'participant.locationSet'; participantId: string; location: Location }
  | { type: 'agenda.itemStarted'; itemId: string; previousItemStatus: ItemStatus | null }
  | { type: 'agenda.itemMarked'; itemId: string; status: Exclude<ItemStatus, 'active'> }
  | { type: 'agenda.itemAdded'; item: AgendaItemInit; afterItemId: string | null }
  | { type: 'agenda.presentationAdded'; itemId: string; presentation: Omit<Presentation, 'status'> }
  | { type: 'queue.handRaised'; itemId: string; entry: QueueEntry; index: number }
  | { type: 'queue.noteEdited'; itemId: string; entryId: string; note: string }
  | { type: 'queue.entryMoved'; itemId: string; entryId: string; toIndex: number; kind: SpeechKind }
  | { type: 'queue.handLowered'; itemId: string; entryId: string; by: 'self' | 'chair' }
  | { type: 'queue.closed'; itemId: string }
  | { type: 'queue.reopened'; itemId: string }
  | { type: 'queue.cleared'; itemId: string }
  | { type: 'queue.languageSet'; itemId: string; entryId: string; language: string | null }
  | { type: 'floor.given'; speech: Speech }
  | { type: 'floor.ended'; speechId: string }
  | { type: 'floor.languageSet'; speechId: string; language: string | null }
  | { type: 'timer.paused'; speechId: string }
  | { type: 'timer.resumed'; speechId: string }
  | { type: 'timer.durationChanged'; speechId: string; durationMs: number | null }
  | { type: 'agenda.proposalAdded'; itemId: string; proposal: Proposal }
  | { type: 'position.recorded'; position: Position }
  | { type: 'position.withdrawn'; itemId: string; proposalId: string | null; holderKey: string; holding: Holding }
  | { type: 'consensus.opened'; call: Omit<ConsensusCall, 'objections' | 'closedAt' | 'outcome'> }
  | { type: 'consensus.objected'; callId: string; objection: Objection }
  | { type: 'consensus.objectionWithdrawn'; callId: string; holderKey: string }
  | { type: 'consensus.closed'; callId: string; outcome: 'agreed-without-objection' | 'objections' }
  | { type: 'decision.recorded'; decision: Decision }
  | { type: 'decision.removed'; decisionId: string }
  | { type: 'action.recorded'; action: ActionItem }
  | { type: 'action.removed'; actionId: string }
  | { type: 'chat.posted'; message: ChatMessage }
  | { type: 'chat.flagged'; messageId: string; flaggedBy: string | null }
  | { type: 'chat.muteChanged'; participantId: string; muted: boolean }
  /** Its sender is the event's actor, which only the leads receive (rule H3). */
  | { type: 'interpretation.slowerAsked'; signalId: string; channel: UnLanguage; speechId: string }
  | { type: 'interpretation.slowerPassed'; signalId: string }
  | { type: 'interpretation.slowerDismissed'; signalId: string }
  /**
   * An event as people who may not receive it get it: a private message (rule H1) or a change to
   * someone else's roster entry (H2), reduced to its place in the log.
   */
  | { type: 'log.withheld' };

export type MeetingEventType = MeetingEventBody['type'];

/** An event as stored and sent: the body with its place in the log, time and actor. */
export type MeetingEvent = MeetingEventBody & {
  seq: number;
  /** Server time, ms since the epoch. */
  at: number;
  actor: Actor;
};
