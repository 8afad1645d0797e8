/** The secretariat adds, lists and removes a meeting's caption destinations, and captioners see their state; URLs are only ever shown masked. */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.ts';
import { ROUTES } from '../../shared/http/routes.ts';
import { MAX_DESTINATIONS_PER_MEETING } from '../../shared/caption-destinations.ts';
import { HttpError, notFound } from '../http/errors.ts';
import { route } from '../http/route.ts';
import * as store from './caption-destinations.ts';

export function registerCaptionDestinationRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx;

  route(app, ctx, ROUTES.listCaptionDestinations, async ({ access: { meetingId } }) => ({
    destinations: await store.listDestinationViews(db, meetingId),
  }));

  // The captioner's console: each destination's state, read-only, without its id.
  route(app, ctx, ROUTES.captionForwarding, async ({ access: { meetingId } }) => ({
    destinations: (await store.listDestinationViews(db, meetingId)).map(
      ({ kind, channel, maskedUrl, lastAcceptedSeq, pending, lagMs, lastError }) => ({
        kind,
        channel,
        maskedUrl,
        lastAcceptedSeq,
        pending,
        lagMs,
        lastError,
      }),
    ),
  }));

  route(app, ctx, ROUTES.addCaptionDestination, async ({ access: { meetingId }, body, reply }) => {
    if ((await store.countDestinations(db, meetingId)) >= MAX_DESTINATIONS_PER_MEETING) {
      throw new HttpError(409, `A meeting can have at most ${MAX_DESTINATIONS_PER_MEETING} caption destinations: remove one first.`);
    }
    const row = await store.addDestination(db, meetingId, body);
    ctx.log.info({ meetingId, destinationId: row.id, kind: row.kind, channel: row.channel }, 'caption destination added');
    reply.code(201);
    return { destination: store.destinationView(row, 0) };
  });

  route(app, ctx, ROUTES.removeCaptionDestination, async ({ access: { meetingId }, params: { destinationId }, reply }) => {
    if (!(await store.removeDestination(db, meetingId, destinationId))) throw notFound('Caption destination');
    ctx.log.info({ meetingId, destinationId }, 'caption destination removed');
    return reply.code(204).send();
  });
}
