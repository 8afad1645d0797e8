/**
 * `/api/metrics` (only with METRICS=1): the benchmark figures, for whoever holds
 * METRICS_TOKEN. `GET` reads without changing anything; `POST /api/metrics/reset`
 * starts a new measurement.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from './context.ts';
import { ROUTES } from '../shared/http/routes.ts';
import { HttpError } from './http/errors.ts';
import { route } from './http/route.ts';
import type { Metrics } from './metrics.ts';

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

export function registerMetricsRoutes(
  app: FastifyInstance,
  ctx: AppContext,
  options: { metrics: Metrics; token: string; connections: () => number },
): void {
  // Compared as digests of equal length, so the time taken says nothing about the token.
  const expected = digest(options.token);
  const requireToken = (request: FastifyRequest) => {
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
    if (!match || !timingSafeEqual(digest(match[1]!), expected)) {
      throw new HttpError(401, 'The metrics need the METRICS_TOKEN as "Authorization: Bearer <token>".', [], {
        'www-authenticate': 'Bearer realm="metrics"',
      });
    }
  };
  const limit = { config: { rateLimit: { max: 120, timeWindow: '1 minute' } } };

  route(
    app,
    ctx,
    ROUTES.metrics,
    async ({ request, reply }) => {
      requireToken(request);
      reply.header('cache-control', 'no-store');
      return options.metrics.snapshot(options.connections());
    },
    limit,
  );

  route(
    app,
    ctx,
    ROUTES.resetMetrics,
    async ({ request, reply }) => {
      requireToken(request);
      reply.header('cache-control', 'no-store');
      return options.metrics.snapshot(options.connections(), true);
    },
    limit,
  );
}
