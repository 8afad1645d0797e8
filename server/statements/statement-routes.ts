/**
 * Prepared statements over HTTP (shared/http/statement-routes.ts, rule S1 of SPEC.md). The file
 * is the request's body, read as bytes and judged by its first bytes; who may attach or open it
 * is judged against the live meeting at the request: the owner of the queue entry or slot, the
 * leads, and the interpreters and captioners while its speaker has the floor.
 */
import { parse as parseDisposition } from 'content-disposition';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.ts';
import { download } from '../http/download.ts';
import { HttpError, forbidden } from '../http/errors.ts';
import { route, type RouteAccess } from '../http/route.ts';
import { ROUTES } from '../../shared/http/routes.ts';
import { isLeading } from '../../shared/meeting/permissions.ts';
import type { MeetingState } from '../../shared/meeting/types.ts';
import { STATEMENT_MAX_BYTES, statementTypeOf } from '../../shared/statements.ts';
import { findStatement, saveStatement, statementView } from './statement-store.ts';

const NO_TARGET = 'That request to speak or presentation is not in the meeting.';
const NO_STATEMENT = 'No statement is attached to that request to speak or presentation.';
const FILE_NAME_MAX = 200;

/** Whose speech a queue entry or a presentation slot is: found, with its owner's roster id (null: typed in by name). */
function ownerOf(state: MeetingState, targetId: string): { ownerId: string | null } | undefined {
  for (const queue of Object.values(state.queues)) {
    const entry = queue.entries.find((candidate) => candidate.id === targetId);
    if (entry) return { ownerId: entry.participantId };
  }
  for (const item of state.agenda) {
    const presentation = item.presentations.find((candidate) => candidate.id === targetId);
    if (presentation) return { ownerId: presentation.presenterId };
  }
  const speech = [state.floor, ...state.speeches].find((s) => s !== null && (s.entryId === targetId || s.presentationId === targetId));
  return speech ? { ownerId: speech.participantId } : undefined;
}

/** Whether the speech of this entry or slot is the one on the floor now. */
function onTheFloor(state: MeetingState, targetId: string): boolean {
  return state.floor !== null && (state.floor.entryId === targetId || state.floor.presentationId === targetId);
}

/** The name a file was sent with, or a plain one of its type. */
function fileNameOf(header: string | undefined, type: string): string {
  const fallback = type === 'application/pdf' ? 'statement.pdf' : 'statement.txt';
  if (!header) return fallback;
  let name: string | undefined;
  try {
    name = parseDisposition(header).parameters['filename'];
  } catch {
    throw new HttpError(400, 'The file name (content-disposition header) could not be read.');
  }
  // Only a base name, without characters the database or a file system cannot take.
  const cleaned = Array.from((name ?? '').replace(/^.*[\\/]/, ''))
    .filter((character) => character.charCodeAt(0) >= 0x20 && character !== '\u007f')
    .join('')
    .trim();
  return cleaned === '' ? fallback : Array.from(cleaned).slice(0, FILE_NAME_MAX).join('');
}

export function registerStatementRoutes(app: FastifyInstance, ctx: AppContext): void {
  async function stateOf(meetingId: string): Promise<MeetingState> {
    const room = await ctx.rooms.get(meetingId);
    if (!room) throw new HttpError(404, 'This meeting no longer exists.');
    return room.current();
  }

  /** S1: the leads always, the owner of the entry or slot always, interpreters and captioners while it is on the floor. */
  async function mayRead(access: RouteAccess, meetingId: string, targetId: string, ownerId: string | null): Promise<void> {
    if (isLeading(access.role)) return;
    if (ownerId !== null && ownerId === access.participantId) return;
    if ((access.role === 'interpreter' || access.role === 'captioner') && onTheFloor(await stateOf(meetingId), targetId)) return;
    throw forbidden(
      access.verdict === 'own'
        ? 'Only the speaker, the interpreters, the captioners and the chair see a statement.'
        : 'You can open a statement while its speaker has the floor.',
    );
  }

  void app.register(async (scope) => {
    // The file is the body, as bytes: whatever type the browser names, its first bytes decide.
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: STATEMENT_MAX_BYTES }, (_request, body, done) => done(null, body));

    route(
      scope,
      ctx,
      ROUTES.uploadStatement,
      async ({ params: { meetingId, targetId }, access, request }) => {
        const target = ownerOf(await stateOf(meetingId), targetId);
        if (!target) throw new HttpError(404, NO_TARGET);
        if (!isLeading(access.role) && (target.ownerId === null || target.ownerId !== access.participantId)) {
          throw forbidden('You can attach a statement to your own request to speak or presentation only.');
        }
        const content = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        if (content.length === 0) throw new HttpError(400, 'The file is empty.');
        const contentType = statementTypeOf(content);
        if (!contentType) throw new HttpError(415, 'Only a PDF or a plain text file can be attached.');
        const fileName = fileNameOf(request.headers['content-disposition'], contentType);
        const row = await saveStatement(ctx.db, { meetingId, targetId, ownerId: target.ownerId, fileName, contentType, content });
        return { statement: statementView(row) };
      },
      { bodyLimit: STATEMENT_MAX_BYTES },
    );
  });

  route(app, ctx, ROUTES.statement, async ({ params: { meetingId, targetId }, access }) => {
    const row = await findStatement(ctx.db, meetingId, targetId);
    if (!row) throw new HttpError(404, NO_STATEMENT);
    await mayRead(access, meetingId, targetId, row.ownerId);
    return { statement: statementView(row) };
  });

  route(app, ctx, ROUTES.statementFile, async ({ params: { meetingId, targetId }, access, reply }) => {
    const row = await findStatement(ctx.db, meetingId, targetId);
    if (!row) throw new HttpError(404, NO_STATEMENT);
    await mayRead(access, meetingId, targetId, row.ownerId);
    return download(reply, row.fileName)
      .type(row.contentType === 'text/plain' ? 'text/plain; charset=utf-8' : row.contentType)
      .send(row.content);
  });
}
