/**
 * Why a command or a connection was refused: the codes the protocol answers with, and the
 * error that carries one. The rules throw it; the sockets turn it into the acknowledgement.
 */
export const ERROR_CODES = [
  'invalid',
  'unauthenticated',
  'forbidden',
  'not-found',
  'conflict',
  'needs-confirmation',
  'rate-limited',
  'too-many-connections',
  'unavailable',
  /** The page speaks another protocol version than the server (deployed since it loaded): reload it. */
  'client-outdated',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export class CommandRejected extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'CommandRejected';
  }
}
