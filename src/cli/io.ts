/** Where the CLI writes; the real process streams in production, strings in tests. */
export interface CliIO {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** Exit codes: 0 success, 1 some input could not be processed, 2 the command line is wrong. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/** A mistake in the command line: reported with a pointer to `--help`, exit code 2. */
export class UsageError extends Error {}
