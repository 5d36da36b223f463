/** A failure the user can act on; the HTTP layer maps `code` to a status, the CLI prints `message`. */
export type AppErrorCode =
  | 'unreadable-file'
  | 'duplicate-number'
  | 'not-found'
  | 'not-a-draft'
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'conflict'
  | 'rate-limited';

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}
