/** Meeting set-up for the secretariat: details, roster, agenda and links. */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.ts';
import { ROUTES } from '../../shared/http/routes.ts';
import { parseAgendaText } from '../../shared/agenda-text.ts';
import { parseProposalsText } from '../../shared/proposals-text.ts';
import { zonedLocalToInstant } from '../../shared/zoned-time.ts';
import { HttpError, notFound, refusal } from '../http/errors.ts';
import { download } from '../http/download.ts';
import { route } from '../http/route.ts';
import type { MeetingAccess } from './meeting-access.ts';
import { parseRosterCsv, rosterProblemsAsInput } from './roster-csv.ts';
import * as store from './meeting-store.ts';
import { agendaItemView, joinLinksCsv, meetingSetupView, meetingSummary, rosterEntryView, roomPath, captionPath } from './meeting-views.ts';
import { may } from '../../shared/access/rules.ts';
import { SOCKET_EVENT_ACCESS } from '../../shared/access/socket-events.ts';
import {
  captionChannelsOf,
  personalCaptionToken,
  rotateCaptionToken,
  setCaptionLanguages,
  setRoomCaptionChannels,
} from '../captions/caption-store.ts';
import { checkDownload } from '../limits/read-limits.ts';
import { chatCsv, chatText } from '../live/chat-export.ts';
import { deleteMeeting, exportMeeting, importMeeting, MeetingExistsError } from './meeting-transfer.ts';
import { peopleCounts, registerPeopleRoute } from './meeting-people.ts';
import { isLeading } from '../../shared/meeting/permissions.ts';
import { CAPTION_CHANNEL_NAMES } from '../../shared/caption-channels.ts';

/** Those who may write captions are given the caption URL on the meeting page. */
const CAPTION_WRITING = SOCKET_EVENT_ACCESS['captions:stream'];

export function registerMeetingRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx;
  const publicUrl = ctx.config.publicUrl;
  registerPeopleRoute(app, ctx);

  /** A live meeting's roster follows the set-up page's changes. */
  async function rosterChanged(found: MeetingAccess): Promise<void> {
    await ctx.rooms.rosterChanged(found.meetingId, { participantId: found.participantId, name: found.name }, found.userId);
  }
  async function setupView(meetingId: string) {
    const meeting = await store.findMeeting(db, meetingId);
    if (!meeting) throw notFound('Meeting');
    const [agenda, roster] = await Promise.all([store.listAgenda(db, meetingId), store.listRoster(db, meetingId)]);
    return meetingSetupView(meeting, agenda, roster, publicUrl);
  }

  route(app, ctx, ROUTES.listMeetings, async ({ principal: { user } }) => {
    const rows = user.staffRole === 'secretariat' ? await store.listMeetings(db) : await store.listMeetingsOfUser(db, user.id);
    return { meetings: rows.map(meetingSummary) };
  });

  route(app, ctx, ROUTES.createMeeting, async ({ principal: { user }, body: input, reply }) => {
    const row = await store.insertMeeting(db, {
      title: input.title,
      body: input.body,
      startsAt: zonedLocalToInstant(input.startsAtLocal, input.timeZone),
      timeZone: input.timeZone,
      plannedMinutes: input.plannedMinutes,
      createdBy: user.id,
    });
    reply.code(201);
    return { meeting: meetingSummary(row) };
  });

  route(app, ctx, ROUTES.getMeeting, async ({ access }) => setupView(access.meetingId));

  route(app, ctx, ROUTES.changeMeeting, async ({ access: { meetingId }, body: patch }) => {
    if (Object.keys(patch).length === 0) throw new HttpError(400, 'Nothing to change: give at least one detail.');
    const current = await store.findMeeting(db, meetingId);
    if (!current) throw notFound('Meeting');
    const timeZone = patch.timeZone ?? current.timeZone;
    if (patch.timeZone !== undefined && patch.startsAtLocal === undefined) {
      throw new HttpError(400, 'Give the start time again when changing the time zone.', [
        { where: 'startsAtLocal', message: 'is needed with timeZone' },
      ]);
    }
    const row = await store.updateMeeting(db, meetingId, {
      ...(patch.title !== undefined && { title: patch.title }),
      ...(patch.body !== undefined && { body: patch.body }),
      ...(patch.plannedMinutes !== undefined && { plannedMinutes: patch.plannedMinutes }),
      ...(patch.startsAtLocal !== undefined && { startsAt: zonedLocalToInstant(patch.startsAtLocal, timeZone), timeZone }),
    });
    return { meeting: meetingSummary(row!) };
  });

  /** What anyone admitted to the meeting sees: no emails, no links. */
  route(app, ctx, ROUTES.meetingPage, async ({ access: found }) => {
    const meeting = await store.findMeeting(db, found.meetingId);
    if (!meeting) throw notFound('Meeting');
    const [agenda, people] = await Promise.all([store.listAgenda(db, found.meetingId), peopleCounts(db, found.meetingId)]);
    // A captioner gets their own caption URL, which stops with their link and their role; the secretariat the meeting's.
    const own =
      found.role === 'captioner' && found.participantId ? await store.findRosterEntry(db, found.meetingId, found.participantId) : undefined;
    const ownJoinToken = own?.joinToken;
    const captionToken = found.role === 'captioner' ? ownJoinToken && personalCaptionToken(ownJoinToken) : meeting.captionToken;
    return {
      meeting: meetingSummary(meeting),
      agenda: agenda.map(agendaItemView),
      people,
      you: { role: found.role, participantId: found.participantId, name: found.name },
      roomUrl: meeting.roomCode && (found.role === 'display' || isLeading(found.role)) ? publicUrl + roomPath(meeting.roomCode) : null,
      captionUrl: captionToken && may(found.role, CAPTION_WRITING) ? publicUrl + captionPath(meeting.id, captionToken) : null,
    };
  });

  route(app, ctx, ROUTES.addRosterEntry, async ({ access: found, body: input, reply }) => {
    const [row] = await store.insertRosterEntries(db, found.meetingId, [input]);
    await rosterChanged(found);
    reply.code(201);
    return { entry: rosterEntryView(row!, publicUrl) };
  });

  route(app, ctx, ROUTES.importRoster, async ({ access: found, body: { csv } }) => {
    const { meetingId } = found;
    const parsed = parseRosterCsv(csv);
    if (parsed.problems.length > 0) {
      throw new HttpError(
        400,
        `The roster was not imported: ${parsed.problems.length} line(s) need fixing.`,
        rosterProblemsAsInput(parsed.problems),
      );
    }
    const added = await store.insertRosterEntries(db, meetingId, parsed.entries);
    await rosterChanged(found);
    const roster = await store.listRoster(db, meetingId);
    return { added: added.length, roster: roster.map((row) => rosterEntryView(row, publicUrl)) };
  });

  route(app, ctx, ROUTES.changeRosterEntry, async ({ access: found, params: { meetingId, entryId }, body: patch }) => {
    if (Object.keys(patch).length === 0) throw new HttpError(400, 'Nothing to change: give at least one field.');
    const row = await store.updateRosterEntry(db, meetingId, entryId, patch);
    if (!row) throw notFound('Roster entry');
    // Open connections of this person are judged by the new role from now on.
    if (patch.role !== undefined) await ctx.accessChanged(meetingId, [row.userId], 'your role in the meeting changed');
    await rosterChanged(found);
    return { entry: rosterEntryView(row, publicUrl) };
  });

  route(app, ctx, ROUTES.removeRosterEntry, async ({ access: found, params: { meetingId, entryId }, reply }) => {
    const entry = await store.findRosterEntry(db, meetingId, entryId);
    const ended = entry && (await store.deleteRosterEntry(db, meetingId, entryId));
    if (!entry || !ended) throw notFound('Roster entry');
    ctx.disconnectSessions(ended, 'removed from the meeting');
    // A staff account on the roster keeps its session, but not its place in this meeting.
    await ctx.accessChanged(meetingId, [entry.userId], 'removed from the meeting');
    await rosterChanged(found);
    return reply.code(204).send();
  });

  /** Re-issue a personal join link: the old one stops working at once. */
  route(app, ctx, ROUTES.reissueJoinLink, async ({ params: { meetingId, entryId } }) => {
    const result = await store.replaceJoinToken(db, meetingId, entryId, true);
    if (!result) throw notFound('Roster entry');
    ctx.disconnectSessions(result.endedSessionIds, 'join link re-issued');
    // A captioner's own caption URL stops with the link, on the socket too.
    await ctx.accessChanged(meetingId, [result.row.userId], 'join link re-issued');
    return { entry: rosterEntryView(result.row, publicUrl) };
  });

  /** Revoke a personal join link: it and every session opened with it stop working. */
  route(app, ctx, ROUTES.revokeJoinLink, async ({ params: { meetingId, entryId } }) => {
    const result = await store.replaceJoinToken(db, meetingId, entryId, false);
    if (!result) throw notFound('Roster entry');
    ctx.disconnectSessions(result.endedSessionIds, 'join link revoked');
    // A captioner's own caption URL stops with the link, on the socket too.
    await ctx.accessChanged(meetingId, [result.row.userId], 'join link revoked');
    return { entry: rosterEntryView(result.row, publicUrl) };
  });

  route(app, ctx, ROUTES.joinLinks, async ({ access: { meetingId }, reply }) => {
    const roster = await store.listRoster(db, meetingId);
    return download(reply, `join-links-${meetingId}.csv`)
      .header('content-type', 'text/csv; charset=utf-8')
      .send('\uFEFF' + joinLinksCsv(roster, publicUrl));
  });

  route(app, ctx, ROUTES.replaceAgenda, async ({ access: { meetingId }, body: { text } }) => {
    const room = await ctx.rooms.get(meetingId);
    if (room && room.state.phase !== 'not-opened') {
      throw refusal(409, 'meeting-open-agenda', 'The meeting is open: change its agenda in the chair console (add an item live).');
    }
    const parsed = parseAgendaText(text);
    if (parsed.problems.length > 0) {
      throw new HttpError(
        400,
        `The agenda was not imported: ${parsed.problems.length} line(s) need fixing.`,
        parsed.problems.map((problem) => ({ where: `line ${problem.line}`, message: problem.message })),
      );
    }
    await store.replaceAgenda(db, meetingId, parsed.items);
    return { agenda: (await store.listAgenda(db, meetingId)).map(agendaItemView) };
  });

  /** The proposals prepared for one item, as a list; the live meeting takes them when it opens. */
  route(app, ctx, ROUTES.replaceProposals, async ({ access: { meetingId }, params: { itemId }, body: { text } }) => {
    const room = await ctx.rooms.get(meetingId);
    if (room && room.state.phase !== 'not-opened') {
      throw refusal(409, 'meeting-open-proposals', 'The meeting is open: add proposals in the chair console.');
    }
    const parsed = parseProposalsText(text);
    if (parsed.problems.length > 0) {
      throw new HttpError(
        400,
        `The proposals were not saved: ${parsed.problems.length} line(s) need fixing.`,
        parsed.problems.map((problem) => ({ where: `line ${problem.line}`, message: problem.message })),
      );
    }
    if (!(await store.replaceProposals(db, meetingId, itemId, parsed.proposals))) throw notFound('Agenda item');
    return { agenda: (await store.listAgenda(db, meetingId)).map(agendaItemView) };
  });

  /** The chat, private messages included, for the secretariat's files. */
  route(app, ctx, ROUTES.chatExport, async ({ access: found, params: { format }, request, reply }) => {
    checkDownload(ctx, request);
    const room = await ctx.rooms.get(found.meetingId);
    const meeting = await store.findMeeting(db, found.meetingId);
    if (!room || !meeting) throw notFound('Meeting');
    const { chat } = await room.current();
    download(reply, `chat-${found.meetingId}.${format}`);
    return format === 'csv'
      ? reply.type('text/csv; charset=utf-8').send('\uFEFF' + chatCsv(chat))
      : reply.type('text/plain; charset=utf-8').send(chatText(meeting.title, chat));
  });

  /** The whole meeting as one file, to move it to another EqualFloor. */
  route(app, ctx, ROUTES.exportMeeting, async ({ access: { meetingId }, reply }) => {
    const file = await exportMeeting(db, meetingId);
    if (!file) throw notFound('Meeting');
    return download(reply, `meeting-${meetingId}.json`).send(file);
  });

  const importLimit = { bodyLimit: 64 * 1024 * 1024 };
  route(
    app,
    ctx,
    ROUTES.importMeeting,
    async ({ principal: { user }, body: file, reply }) => {
      try {
        const meetingId = await importMeeting(db, file, user.id);
        reply.code(201);
        return { meetingId };
      } catch (error) {
        if (error instanceof MeetingExistsError) throw new HttpError(409, error.message);
        if (error instanceof Error && /event log/.test(error.message))
          throw new HttpError(400, `The meeting file is not valid: ${error.message}.`);
        throw error;
      }
    },
    importLimit,
  );

  /** Deleting needs the meeting's title typed again; it removes all the meeting's personal data. */
  route(app, ctx, ROUTES.deleteMeeting, async ({ access: { meetingId }, body: { confirmTitle }, reply }) => {
    const meeting = await store.findMeeting(db, meetingId);
    if (!meeting) throw notFound('Meeting');
    if (confirmTitle.trim() !== meeting.title) {
      throw new HttpError(400, 'Type the meeting’s title exactly to confirm the deletion.', [
        { where: 'confirmTitle', message: 'does not match the title' },
      ]);
    }
    const ended = await deleteMeeting(db, meetingId);
    ctx.rooms.forget(meetingId);
    ctx.disconnectSessions(ended ?? [], 'the meeting was deleted');
    await ctx.accessChanged(meetingId, null, 'the meeting was deleted');
    return reply.code(204).send();
  });

  /** A new caption URL for captioning software: the old token stops at once, over HTTP and on open caption sockets. */
  route(app, ctx, ROUTES.replaceCaptionToken, async ({ access: { meetingId } }) => {
    if (!(await rotateCaptionToken(db, meetingId))) throw notFound('Meeting');
    await ctx.accessChanged(meetingId, [], 'the caption link was replaced');
    return setupView(meetingId);
  });

  /** The meeting's caption channels; writes to a channel dropped are refused from then on (the lines stay). */
  route(app, ctx, ROUTES.setCaptionChannels, async ({ access: { meetingId }, body: { languages } }) => {
    if (!(await setCaptionLanguages(db, meetingId, languages))) throw notFound('Meeting');
    return setupView(meetingId);
  });

  /** What the room display shows: a channel the meeting has, or two stacked (it takes them up on its next load). */
  route(app, ctx, ROUTES.setRoomCaptionChannels, async ({ access: { meetingId }, body: { channels } }) => {
    const available = await captionChannelsOf(db, meetingId);
    if (!available) throw notFound('Meeting');
    const missing = channels.find((channel) => !available.includes(channel));
    if (missing) throw new HttpError(400, `This meeting has no ${CAPTION_CHANNEL_NAMES[missing]} caption channel.`);
    await setRoomCaptionChannels(db, meetingId, channels);
    return setupView(meetingId);
  });

  /** A new room-display link: the old one stops at once, and displays opened with it are closed. */
  route(app, ctx, ROUTES.replaceDisplayToken, async ({ access: { meetingId } }) => {
    const ended = await store.rotateDisplayToken(db, meetingId);
    if (!ended) throw notFound('Meeting');
    ctx.disconnectSessions(ended, 'the room display link was replaced');
    return setupView(meetingId);
  });

  route(app, ctx, ROUTES.setObserverLink, async ({ access: { meetingId }, body: { enabled } }) => {
    await store.setObserverToken(db, meetingId, enabled);
    if (!enabled) {
      // Observers who came through the public link lose it with the link (their record of attendance stays).
      const { userIds, endedSessionIds } = await store.revokeSelfRegisteredObservers(db, meetingId);
      ctx.disconnectSessions(endedSessionIds, 'the observer link was switched off');
      await ctx.accessChanged(meetingId, userIds, 'the observer link was switched off');
    }
    return setupView(meetingId);
  });
}
