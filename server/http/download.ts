/**
 * Downloads: one way to name the file a browser saves. The header comes from the
 * `content-disposition` library (RFC 6266, with an ASCII fallback and an RFC 8187 UTF-8
 * name), never from string concatenation, so no name can break out of it.
 */
import { create } from 'content-disposition';
import type { FastifyReply } from 'fastify';

/** Marks the answer as a file to save under `filename`, not kept in any cache. */
export function download(reply: FastifyReply, filename: string): FastifyReply {
  return reply.header('content-disposition', create(filename)).header('cache-control', 'no-store');
}
