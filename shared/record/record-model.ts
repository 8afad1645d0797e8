/**
 * The meeting record as data, built from the meeting's events (through its state), its
 * roster and its attendance: what the summary report says, item by item, and its annexes.
 * Every export (Markdown, HTML, DOCX, PDF, JSON, CSV) is rendered from this one model.
 */
import type { Location, MeetingRole, Region, StakeholderGroup } from '../domain.ts';
import { MEETING_ROLES } from '../domain.ts';
import type { CaptionChannel } from '../caption-channels.ts';
import { speakingBalance, type SpeakingBalance } from '../meeting/balance.ts';
import { DEFAULT_MEETING_LANGUAGE } from '../meeting/types.ts';
import { agendaSections, itemUsedMs, sectionUsedMs, spokenMs } from '../meeting/timers.ts';
import type {
  ActionItem,
  AgendaItem,
  ConsensusCall,
  Decision,
  FinishedSpeech,
  MeetingState,
  Position,
  Presentation,
  Speaker,
} from '../meeting/types.ts';
import { own } from '../own.ts';

export interface RecordInput {
  meeting: { id: string; title: string; body: string; startsAt: number; timeZone: string; plannedMinutes: number };
  state: MeetingState;
  roster: {
    id: string;
    name: string;
    affiliation: string;
    role: MeetingRole;
    stakeholderGroup: StakeholderGroup | null;
    region: Region | null;
    /** The heading the record lists them under; '' or left out: the heading of their role. */
    category?: string;
  }[];
  attendance: { participantId: string; joinedAt: number; leftAt: number | null }[];
  /** The meeting's caption channels and how many finished lines each holds (none: no transcript annex). */
  captions?: { channel: CaptionChannel; lines: number }[];
  /** Who ended each finished speech (roster id; null: a staff account or the server), from the log. */
  speechesEndedBy?: Record<string, string | null>;
  /**
   * The instant the record is made at. `state` and `attendance` are the meeting as of then:
   * a speech or a connection still running counts up to this instant, never beyond.
   */
  generatedAt: number;
}

export interface PositionLists {
  support: string[];
  objections: { name: string; reason: string }[];
  comments: { name: string; text: string }[];
}

export interface RecordProposal extends PositionLists {
  id: string;
  title: string;
  /** Its facilitators or proposers as prepared on the set-up page ('' when not given). */
  proposers: string;
  consensus: RecordConsensus[];
  decisions: RecordDecision[];
}

export interface RecordConsensus {
  question: string;
  outcome: 'agreed-without-objection' | 'objections' | 'open';
  objections: { name: string; reason: string }[];
}

export interface RecordDecision {
  kind: Decision['kind'];
  text: string;
}

export interface RecordItem extends PositionLists {
  id: string;
  number: string;
  depth: 0 | 1;
  title: string;
  status: AgendaItem['status'];
  minutesAllotted: number | null;
  /** Minutes used (rounded), the sub-items' included for an item that has them. */
  minutesUsed: number;
  /**
   * Where each took the floor from; null: not stated. `participantId`: their roster entry (null: none).
   * `language`: the speech's floor language, when it is not the meeting's.
   */
  speakers: { name: string; location: Location | null; kind: string; seconds: number; participantId?: string | null; language?: string }[];
  /** Whether the item ran at all (time spent on it, or someone spoke); false: not taken up. */
  takenUp: boolean;
  presentations: RecordPresentation[];
  proposals: RecordProposal[];
  consensus: RecordConsensus[];
  decisions: RecordDecision[];
  actions: RecordAction[];
  flaggedChat: { from: string; text: string; at: number }[];
}

export interface RecordPresentation {
  presenter: string;
  title: string;
  /** Minutes allotted. */
  minutes: number;
  done: boolean;
  /** Whether the presenter was given the floor for it. */
  started: boolean;
  /** Time spoken, pauses excluded (a presentation still running, up to the record's instant). */
  secondsUsed: number;
  /** Seconds beyond the minutes allotted; 0 when within them. */
  overrunSeconds: number;
  /** Ended by someone else (the chair) before its time was up. */
  cutShort: boolean;
}

export interface RecordAction {
  what: string;
  who: string;
  due: string | null;
  itemNumber: string | null;
}

export interface RecordPerson {
  /** Their roster entry. */
  id?: string;
  name: string;
  affiliation: string;
  role: MeetingRole;
  /** The heading the list of participants puts them under; '': the heading of their role. */
  category: string;
  /** Null: not stated. */
  stakeholderGroup: StakeholderGroup | null;
  region: Region | null;
  /** Null: not stated. */
  location: Location | null;
  /** Had a connection to the meeting. */
  attended: boolean;
  /** Took part by phone without a connection (set or queued by phone, or spoke by phone). */
  presentByPhone: boolean;
  /** Not on the roster: typed in by name by the chair or the secretariat (queued, or given the floor). */
  addedByName?: boolean;
  /** Total minutes connected (rounded). */
  minutesConnected: number;
  firstJoined: number | null;
  lastLeft: number | null;
}

export interface MeetingRecord {
  meetingId: string;
  title: string;
  body: string;
  /** The planned start, the opening and the end (ms since the epoch, UTC). */
  plannedStart: number;
  openedAt: number | null;
  endedAt: number | null;
  plannedMinutes: number;
  chairs: string[];
  secretariat: string[];
  items: RecordItem[];
  actions: RecordAction[];
  participants: RecordPerson[];
  statistics: SpeakingBalance;
  /** The caption transcript's channels, with their number of lines. */
  captions: { channel: CaptionChannel; lines: number }[];
  /** The instant every figure is counted to: the meeting's end, or when the record was made if it had not ended. */
  asOf: number;
  generatedAt: number;
}

export function buildRecord(input: RecordInput): MeetingRecord {
  const { state, meeting } = input;
  // One instant for every figure: time used, speeches (the running one included), attendance, statistics.
  const asOf = Math.min(state.endedAt ?? input.generatedAt, input.generatedAt);
  const sections = agendaSections(state.agenda);
  const itemNumber = new Map(state.agenda.map((item) => [item.id, item.number]));
  const actions = state.actionItems.map((action) => recordAction(action, itemNumber));

  const items: RecordItem[] = state.agenda.map((item) => {
    const section = sections.find((candidate) => candidate.item.id === item.id);
    const usedMs = section && section.subItems.length > 0 ? sectionUsedMs(section, asOf) : itemUsedMs(item, asOf);
    const forTarget = (proposalId: string | null) => ({
      ...positionLists(state.positions.filter((position) => position.itemId === item.id && position.proposalId === proposalId)),
      consensus: state.consensusCalls.filter((call) => call.itemId === item.id && call.proposalId === proposalId).map(recordConsensus),
      decisions: state.decisions
        .filter((decision) => decision.itemId === item.id && decision.proposalId === proposalId)
        .map((decision) => ({ kind: decision.kind, text: decision.text })),
    });
    const speeches = [...state.speeches, ...(state.floor ? [{ ...state.floor, spokenMs: spokenMs(state.floor, asOf) }] : [])].filter(
      (speech) => speech.itemId === item.id,
    );
    return {
      id: item.id,
      number: item.number,
      depth: item.depth,
      title: item.title,
      status: item.status,
      minutesAllotted: item.minutes,
      minutesUsed: Math.round(usedMs / 60_000),
      speakers: speeches.map((speech) => ({
        name: speech.name,
        location: speech.location,
        kind: speech.kind,
        seconds: Math.round(speech.spokenMs / 1000),
        participantId: speech.participantId ?? null,
        ...(speech.language && speech.language !== (state.settings.language ?? DEFAULT_MEETING_LANGUAGE)
          ? { language: speech.language }
          : {}),
      })),
      takenUp: usedMs > 0 || speeches.length > 0 || item.activeSince !== null,
      presentations: item.presentations.map((presentation) => recordPresentation(presentation, speeches, input.speechesEndedBy ?? {})),
      proposals: item.proposals.map((proposal) => ({
        id: proposal.id,
        title: proposal.title,
        proposers: proposal.proposers ?? '',
        ...forTarget(proposal.id),
      })),
      ...forTarget(null),
      actions: state.actionItems.filter((action) => action.itemId === item.id).map((action) => recordAction(action, itemNumber)),
      flaggedChat: state.chat
        .filter((message) => message.flaggedBy !== null && message.itemId === item.id)
        .map((message) => ({ from: message.fromName, text: message.text, at: message.at })),
    };
  });

  const ended = state.endedAt !== null && state.endedAt <= asOf;
  const participants = input.roster.map((person): RecordPerson => {
    const stretches = attendanceAsOf(input.attendance, asOf).filter((row) => row.participantId === person.id);
    const connectedMs = stretches.reduce((sum, row) => sum + Math.max(0, (row.leftAt ?? asOf) - row.joinedAt), 0);
    const location = own(state.participants, person.id)?.location ?? null;
    const phoneSince = firstByPhone(state, person.id);
    const byPhone = stretches.length === 0 && (location === 'phone' || phoneSince !== null);
    if (byPhone) {
      // On the phone bridge: present from when they were queued or spoke by phone, to the meeting's end.
      return {
        ...personFields(person, location),
        attended: false,
        presentByPhone: true,
        minutesConnected: phoneSince === null ? 0 : Math.round(Math.max(0, asOf - phoneSince) / 60_000),
        firstJoined: phoneSince,
        lastLeft: phoneSince !== null && ended ? state.endedAt : null,
      };
    }
    return {
      ...personFields(person, location),
      attended: stretches.length > 0,
      presentByPhone: false,
      minutesConnected: Math.round(connectedMs / 60_000),
      firstJoined: stretches.length > 0 ? Math.min(...stretches.map((row) => row.joinedAt)) : null,
      // Still connected when the meeting ended: they left with its end.
      lastLeft: stretches.some((row) => row.leftAt === null)
        ? ended
          ? state.endedAt
          : null
        : stretches.length > 0
          ? Math.max(...stretches.map((row) => row.leftAt!))
          : null,
    };
  });
  participants.push(...typedInPeople(state, asOf, ended));
  participants.sort((a, b) => MEETING_ROLES.indexOf(a.role) - MEETING_ROLES.indexOf(b.role) || a.name.localeCompare(b.name));

  return {
    meetingId: meeting.id,
    title: meeting.title,
    body: meeting.body,
    plannedStart: meeting.startsAt,
    openedAt: state.openedAt,
    endedAt: state.endedAt,
    plannedMinutes: meeting.plannedMinutes,
    chairs: participants.filter((person) => person.role === 'chair' || person.role === 'co-chair').map((person) => person.name),
    secretariat: participants.filter((person) => person.role === 'secretariat').map((person) => person.name),
    items,
    actions,
    participants,
    statistics: speakingBalance(state, asOf),
    captions: input.captions ?? [],
    asOf,
    generatedAt: input.generatedAt,
  };
}

/** A presentation slot: who gave it, the time used, and whether it ran over or was cut short. */
function recordPresentation(
  presentation: Presentation,
  speeches: Pick<FinishedSpeech, 'id' | 'presentationId' | 'participantId' | 'spokenMs'>[],
  endedBy: Record<string, string | null>,
): RecordPresentation {
  const given = speeches.filter((speech) => speech.presentationId === presentation.id);
  const usedMs = given.reduce((sum, speech) => sum + speech.spokenMs, 0);
  const allottedMs = presentation.minutes * 60_000;
  const secondsUsed = Math.round(usedMs / 1000);
  return {
    presenter: presentation.presenterName,
    title: presentation.title,
    minutes: presentation.minutes,
    done: presentation.status === 'done',
    started: given.length > 0,
    secondsUsed,
    overrunSeconds: Math.max(0, secondsUsed - presentation.minutes * 60),
    cutShort:
      usedMs < allottedMs - 1000 &&
      given.some((speech) => speech.id in endedBy && endedBy[speech.id] !== (speech.participantId ?? presentation.presenterId)),
  };
}

/** Connections as they stood at `asOf`: later ones left out, those still open then open. */
function attendanceAsOf(rows: RecordInput['attendance'], asOf: number): RecordInput['attendance'] {
  return rows
    .filter((row) => row.joinedAt <= asOf)
    .map((row) => (row.leftAt !== null && row.leftAt > asOf ? { ...row, leftAt: null } : row));
}

function personFields(person: RecordInput['roster'][number], location: Location | null) {
  return {
    id: person.id,
    name: person.name,
    affiliation: person.affiliation,
    role: person.role,
    category: person.category?.trim() ?? '',
    stakeholderGroup: person.stakeholderGroup,
    region: person.region,
    location,
  };
}

/**
 * People not on the roster whom the chair or the secretariat typed in by name — a delegate
 * without a device, a caller: present, where they were said to be, from when they were first
 * queued or took the floor to the meeting's end.
 */
function typedInPeople(state: MeetingState, asOf: number, ended: boolean): RecordPerson[] {
  const seen = new Map<string, { speaker: Speaker; since: number }>();
  const note = (speaker: Speaker, at: number) => {
    if (speaker.participantId !== null || at > asOf) return;
    const key = speaker.name.trim().toLocaleLowerCase();
    const known = seen.get(key);
    if (!known || at < known.since)
      seen.set(key, { speaker: known && !speaker.location ? { ...speaker, location: known.speaker.location } : speaker, since: at });
  };
  for (const speech of [...state.speeches, ...(state.floor ? [state.floor] : [])]) note(speech, speech.startedAt);
  for (const entry of Object.values(state.queues).flatMap((queue) => queue.entries)) note(entry, entry.raisedAt);
  return [...seen.values()].map(({ speaker, since }) => ({
    name: speaker.name,
    affiliation: '',
    // Listed with the other participants (observers): the roster, not the chair's typing, says who is a member.
    role: 'observer' as const,
    category: '',
    stakeholderGroup: speaker.stakeholderGroup,
    region: speaker.region,
    location: speaker.location,
    attended: false,
    presentByPhone: speaker.location === 'phone',
    addedByName: true,
    minutesConnected: Math.round(Math.max(0, (ended ? state.endedAt! : asOf) - since) / 60_000),
    firstJoined: since,
    lastLeft: ended ? state.endedAt : null,
  }));
}

/** When a roster person was first queued or took the floor by phone (whatever their location is now); null: never. */
function firstByPhone(state: MeetingState, participantId: string): number | null {
  const times = [
    ...[...state.speeches, ...(state.floor ? [state.floor] : [])]
      .filter((speech) => speech.participantId === participantId && speech.location === 'phone')
      .map((speech) => speech.startedAt),
    ...Object.values(state.queues)
      .flatMap((queue) => queue.entries)
      .filter((entry) => entry.participantId === participantId && entry.location === 'phone')
      .map((entry) => entry.raisedAt),
  ];
  return times.length > 0 ? Math.min(...times) : null;
}

/** Names once each, in the order they took the position. */
function positionLists(positions: Position[]): PositionLists {
  const ordered = [...positions].sort((a, b) => a.at - b.at);
  const unique = <T extends { name: string }>(rows: T[]) =>
    rows.filter((row, index) => rows.findIndex((other) => other.name === row.name) === index);
  return {
    support: unique(ordered.filter((position) => position.stance === 'support')).map((position) => position.name),
    objections: unique(ordered.filter((position) => position.stance === 'objection')).map((position) => ({
      name: position.name,
      reason: position.text,
    })),
    comments: unique(ordered.filter((position) => position.stance === 'comment')).map((position) => ({
      name: position.name,
      text: position.text,
    })),
  };
}

function recordConsensus(call: ConsensusCall): RecordConsensus {
  return {
    question: call.question,
    outcome: call.outcome ?? 'open',
    objections: call.objections.map((objection) => ({ name: objection.name, reason: objection.reason })),
  };
}

function recordAction(action: ActionItem, itemNumber: Map<string, string>): RecordAction {
  return {
    what: action.what,
    who: action.who,
    due: action.due,
    itemNumber: action.itemId === null ? null : (itemNumber.get(action.itemId) ?? null),
  };
}
