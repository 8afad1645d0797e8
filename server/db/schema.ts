/**
 * The one drizzle schema, used with both PGlite and PostgreSQL.
 * Migrations in drizzle/ are generated from it (`npm run db:generate`); a test checks they agree.
 */
import {
  type AnyPgColumn,
  bigint,
  bigserial,
  customType,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import type { CaptionChannel, UnLanguage } from '../../shared/caption-channels.ts';

/**
 * Everyone who can hold a session: staff accounts (email and password) and guests
 * (a roster entry's person or a meeting's room display, signed in by a link).
 */
export const users = pgTable(
  'users',
  {
    id: text('id').primaryKey(),
    kind: text('kind', { enum: ['staff', 'guest'] }).notNull(),
    name: text('name').notNull(),
    /** Lower-cased; staff only. */
    email: text('email'),
    passwordHash: text('password_hash'),
    staffRole: text('staff_role', { enum: ['secretariat', 'chair'] }),
    /** Set when the secretariat disables a staff account: it cannot sign in, and its sessions are gone. */
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('users_email_unique').on(t.email)],
);

export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    /** Set for guest sessions: the one meeting this session may enter. */
    meetingId: text('meeting_id'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** One-time link printed on first start to create the first secretariat account. */
export const setupTokens = pgTable('setup_tokens', {
  tokenHash: text('token_hash').primaryKey(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const meetings = pgTable('meetings', {
  id: text('id').primaryKey(),
  title: text('title').notNull(),
  body: text('body').notNull().default(''),
  /** The start as an instant, plus the zone it was planned in (for display). */
  startsAt: timestamp('starts_at', { withTimezone: true, mode: 'date' }).notNull(),
  timeZone: text('time_zone').notNull(),
  plannedMinutes: integer('planned_minutes').notNull(),
  createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  /** Null when the public observer link is off (the default). */
  observerToken: text('observer_token').unique(),
  displayToken: text('display_token').notNull().unique(),
  /** Secret of the caption ingestion URL for captioning software; null until issued. */
  captionToken: text('caption_token').unique(),
  /** The UN languages the meeting has caption channels for, besides the floor (which every meeting has). */
  captionLanguages: text('caption_languages')
    .array()
    .$type<UnLanguage[]>()
    .notNull()
    .default(sql`'{}'::text[]`),
  /** The caption channels the room display shows (one, or two stacked), chosen by the chair or the secretariat. */
  roomCaptionChannels: text('room_caption_channels')
    .array()
    .$type<CaptionChannel[]>()
    .notNull()
    .default(sql`'{floor}'::text[]`),
  /** When the secretariat finalised the record (it is read-only then), and who. */
  recordFinalisedAt: timestamp('record_finalised_at', { withTimezone: true, mode: 'date' }),
  recordFinalisedBy: text('record_finalised_by'),
  /** The version finalised. */
  recordFinalVersion: integer('record_final_version'),
  /** When the record was approved at a later meeting: that meeting and its agenda item (the approval is the finalising above). */
  recordApprovedInMeetingId: text('record_approved_in_meeting_id'),
  recordApprovedItemId: text('record_approved_item_id'),
  /** What participants see of the record on the meeting page: nothing, the latest draft, or the final record. */
  recordSharing: text('record_sharing', { enum: ['none', 'draft', 'final'] })
    .notNull()
    .default('none'),
  /** Short code of the room link (`/r/K7QX2M`) shown with a QR code on the room display. */
  roomCode: text('room_code').unique(),
  /** The guest user that room-display sessions sign in as. */
  displayUserId: text('display_user_id')
    .notNull()
    .references(() => users.id),
});

export const rosterEntries = pgTable(
  'roster_entries',
  {
    id: text('id').primaryKey(),
    meetingId: text('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    /** The guest user a join-link session signs in as, or a staff account linked by email. */
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    name: text('name').notNull(),
    affiliation: text('affiliation').notNull().default(''),
    email: text('email').notNull().default(''),
    /** Null when not stated (never asked of the secretariat and captioners). */
    stakeholderGroup: text('stakeholder_group'),
    region: text('region'),
    role: text('role').notNull(),
    /** An interpreter's language channel (one of the six UN languages); null for every other role. */
    channel: text('channel'),
    /** The heading the record lists them under ('': the heading of their role). */
    category: text('category').notNull().default(''),
    /** Null once revoked; a personal join link is `/join/<token>`. */
    joinToken: text('join_token').unique(),
    /** Short personal code typed on the room link by people in the room; revoked with the join link. */
    personalCode: text('personal_code'),
    /** The caption channel a captioner writes to (chosen in their console); 'floor' for everyone else. */
    captionChannel: text('caption_channel').$type<CaptionChannel>().notNull().default('floor'),
    /** Entries that came in through the public observer link. */
    selfRegistered: boolean('self_registered').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('roster_meeting_idx').on(t.meetingId),
    uniqueIndex('roster_meeting_user_unique').on(t.meetingId, t.userId),
    uniqueIndex('roster_meeting_code_unique').on(t.meetingId, t.personalCode),
  ],
);

export const agendaItems = pgTable(
  'agenda_items',
  {
    id: text('id').primaryKey(),
    meetingId: text('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    /** Order within the meeting, from 0. */
    position: integer('position').notNull(),
    /** As written: `4`, `4a`, `4.1`. */
    number: text('number').notNull(),
    /** 0 for an item, 1 for a sub-item. */
    depth: integer('depth').notNull(),
    title: text('title').notNull(),
    minutes: integer('minutes'),
    /** "Approval of the minutes of …": the earlier meeting whose record this item approves. */
    approvesMeetingId: text('approves_meeting_id').references((): AnyPgColumn => meetings.id, { onDelete: 'set null' }),
  },
  (t) => [uniqueIndex('agenda_meeting_position_unique').on(t.meetingId, t.position)],
);

/** Proposals prepared on the set-up page for an agenda item; the live meeting takes them when it opens. */
export const agendaProposals = pgTable(
  'agenda_proposals',
  {
    id: text('id').primaryKey(),
    itemId: text('item_id')
      .notNull()
      .references(() => agendaItems.id, { onDelete: 'cascade' }),
    /** Order within the item, from 0. */
    position: integer('position').notNull(),
    title: text('title').notNull(),
    /** Facilitators or proposers as written; '' when not given. */
    proposers: text('proposers').notNull().default(''),
    text: text('text').notNull().default(''),
  },
  (t) => [uniqueIndex('agenda_proposals_item_position_unique').on(t.itemId, t.position)],
);

/**
 * The live meeting's log: every change, in order, with who and when. State is rebuilt
 * from it by the reducer in shared/meeting. The primary key makes two writers of the
 * same seq impossible (two processes, two chairs at once): one wins, the other retries.
 */
export const meetingEvents = pgTable(
  'meeting_events',
  {
    meetingId: text('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    type: text('type').notNull(),
    /** Server time in ms since the epoch, as the reducer sees it. */
    at: bigint('at', { mode: 'number' }).notNull(),
    actorParticipantId: text('actor_participant_id'),
    actorName: text('actor_name').notNull(),
    actorUserId: text('actor_user_id'),
    /** The client's id for the command that produced this event (on its first event): a retry by the same sender (actor_user_id) is applied once. */
    commandId: text('command_id'),
    body: jsonb('body').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.meetingId, t.seq] }),
    uniqueIndex('meeting_events_sender_command_unique').on(t.meetingId, t.actorUserId, t.commandId),
  ],
);

/**
 * Which process decides a live meeting when several share the database (PostgreSQL): the owner
 * renews `expiresAt` (the database's clock) every second; once it has run out another process
 * takes the lease, loads the log and carries on. `term` grows with every change of owner.
 */
export const meetingLeases = pgTable('meeting_leases', {
  meetingId: text('meeting_id')
    .primaryKey()
    .references(() => meetings.id, { onDelete: 'cascade' }),
  owner: text('owner').notNull(),
  term: integer('term').notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
});

/** When each person was connected to a meeting, for the attendance record. */
export const attendance = pgTable(
  'attendance',
  {
    id: text('id').primaryKey(),
    meetingId: text('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    participantId: text('participant_id').notNull(),
    joinedAt: timestamp('joined_at', { withTimezone: true, mode: 'date' }).notNull(),
    leftAt: timestamp('left_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [index('attendance_meeting_idx').on(t.meetingId, t.participantId)],
);

/** Finished caption lines: the transcript, attributed to the speaker and the agenda item. */
export const captionSegments = pgTable(
  'caption_segments',
  {
    meetingId: text('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    startedAt: bigint('started_at', { mode: 'number' }).notNull(),
    endedAt: bigint('ended_at', { mode: 'number' }).notNull(),
    offsetMs: bigint('offset_ms', { mode: 'number' }).notNull(),
    itemId: text('item_id'),
    speakerId: text('speaker_id'),
    speakerName: text('speaker_name'),
    text: text('text').notNull(),
    language: text('language'),
    /** The caption channel the line was written to; `seq` runs across all of the meeting's channels. */
    channel: text('channel').$type<CaptionChannel>().notNull().default('floor'),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.seq] }), index('caption_segments_channel_idx').on(t.meetingId, t.channel, t.seq)],
);

/** The last `seq` applied from the ingestion URL of each caption channel: a retried post is applied once. */
export const captionIngestSeqs = pgTable(
  'caption_ingest_seqs',
  {
    meetingId: text('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    channel: text('channel').$type<CaptionChannel>().notNull(),
    lastSeq: bigint('last_seq', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.channel] })],
);

/**
 * Versions of the meeting record's text. Append-only: regenerating from the meeting adds
 * a version, so an edited one is never lost.
 */
export const recordVersions = pgTable(
  'record_versions',
  {
    meetingId: text('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    source: text('source', { enum: ['generated', 'edited'] }).notNull(),
    markdown: text('markdown').notNull(),
    /** The version an edit started from. */
    basedOn: integer('based_on'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    createdBy: text('created_by').notNull(),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.version] })],
);

/** A draft circulated to the meeting's participants for corrections until a date (one circulation a meeting, the latest). */
export const recordCirculations = pgTable('record_circulations', {
  meetingId: text('meeting_id')
    .primaryKey()
    .references(() => meetings.id, { onDelete: 'cascade' }),
  version: integer('version').notNull(),
  until: timestamp('until', { withTimezone: true, mode: 'date' }).notNull(),
  circulatedAt: timestamp('circulated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  circulatedBy: text('circulated_by').notNull(),
});

/** A correction a participant proposed to one paragraph of the circulated draft, and what the secretariat did with it. */
export const recordCorrections = pgTable(
  'record_corrections',
  {
    id: text('id').primaryKey(),
    meetingId: text('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    /** The circulated version and the paragraph of it (from 1), with its text as circulated. */
    version: integer('version').notNull(),
    paragraph: integer('paragraph').notNull(),
    original: text('original').notNull(),
    text: text('text').notNull(),
    note: text('note').notNull().default(''),
    /** Who asked: their roster entry (null once removed from the roster) and name. */
    participantId: text('participant_id').references(() => rosterEntries.id, { onDelete: 'set null' }),
    name: text('name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    status: text('status', { enum: ['proposed', 'withdrawn', 'accepted', 'declined'] })
      .notNull()
      .default('proposed'),
    decidedBy: text('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'date' }),
    /** Why it was declined. */
    reason: text('reason'),
    /** The version accepting it made. */
    appliedVersion: integer('applied_version'),
  },
  (t) => [index('record_corrections_meeting_idx').on(t.meetingId)],
);

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

/** Socket.IO's PostgreSQL adapter passes broadcasts over 8 000 bytes through this table (scale-out only). */
export const socketIoAttachments = pgTable('socket_io_attachments', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  createdAt: timestamp('created_at', { withTimezone: true }).defaultNow(),
  payload: bytea('payload'),
});

/**
 * Where a meeting's finished caption lines are forwarded (a Zoom API token URL, a YouTube
 * ingestion URL or a generic one), one caption channel each. The URL is a
 * secret. `nextSeq` is the destination's own numbering, given out with each outbox row; the rest
 * is its forwarding state. One process at a time forwards it: the one holding the lease.
 */
export const captionDestinations = pgTable(
  'caption_destinations',
  {
    id: text('id').primaryKey(),
    meetingId: text('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['zoom', 'youtube', 'generic'] }).notNull(),
    url: text('url').notNull(),
    /** The one caption channel it is sent (shared/caption-channels.ts). */
    channel: text('channel').notNull().default('floor'),
    nextSeq: bigint('next_seq', { mode: 'number' }).notNull().default(1),
    lastAcceptedSeq: bigint('last_accepted_seq', { mode: 'number' }).notNull().default(0),
    /** The seq last sent (or about to be): after a restart, the destination's own last seq says whether it arrived. */
    attemptedSeq: bigint('attempted_seq', { mode: 'number' }).notNull().default(0),
    lastSentAt: timestamp('last_sent_at', { withTimezone: true, mode: 'date' }),
    lagMs: integer('lag_ms'),
    lastErrorCode: text('last_error_code'),
    lastErrorStatus: integer('last_error_status'),
    lastErrorAt: timestamp('last_error_at', { withTimezone: true, mode: 'date' }),
    leaseOwner: text('lease_owner'),
    leaseUntil: timestamp('lease_until', { withTimezone: true, mode: 'date' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('caption_destinations_meeting_idx').on(t.meetingId)],
);

/**
 * Caption lines to forward, written in the transaction that stores the line (one row per
 * destination), and marked when the destination accepted them: nothing is lost or sent twice
 * across a restart. `seq` is the destination's seq, the same on every retry.
 */
export const captionOutbox = pgTable(
  'caption_outbox',
  {
    destinationId: text('destination_id')
      .notNull()
      .references(() => captionDestinations.id, { onDelete: 'cascade' }),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    meetingId: text('meeting_id').notNull(),
    captionSeq: integer('caption_seq').notNull(),
    body: text('body').notNull(),
    language: text('language'),
    /** Server ms when the line was stored, and when the destination accepted it. */
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
    sentAt: bigint('sent_at', { mode: 'number' }),
  },
  (t) => [
    primaryKey({ columns: [t.destinationId, t.seq] }),
    index('caption_outbox_pending_idx')
      .on(t.destinationId, t.seq)
      .where(sql`${t.sentAt} is null`),
  ],
);

/**
 * Tokens with which other tools read a meeting's finished caption lines (a StreamText-shaped
 * pull, a Server-Sent Events stream). Only the token's SHA-256 is stored; it is shown once, when
 * made, and `hint` (its last four characters) tells the secretariat which one is which.
 */
export const captionReadTokens = pgTable(
  'caption_read_tokens',
  {
    id: text('id').primaryKey(),
    meetingId: text('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull().unique(),
    hint: text('hint').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('caption_read_tokens_meeting_idx').on(t.meetingId)],
);

/**
 * A prepared statement or slides (PDF or plain text) that a speaker or presenter attached to
 * their queue entry or presentation slot, for the interpreters, captioners and the chair.
 * One file per entry or slot; a new upload replaces it.
 */
export const preparedStatements = pgTable(
  'prepared_statements',
  {
    meetingId: text('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    /** The queue entry's or the presentation's id. */
    targetId: text('target_id').notNull(),
    /** The roster entry whose speech it is (null: someone typed in by name). */
    ownerId: text('owner_id'),
    fileName: text('file_name').notNull(),
    contentType: text('content_type', { enum: ['application/pdf', 'text/plain'] }).notNull(),
    size: integer('size').notNull(),
    content: bytea('content').notNull(),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.targetId] })],
);
