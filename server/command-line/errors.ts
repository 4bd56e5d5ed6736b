/**
 * The two ways a command of `npm run vendor` or `npm run admin` ends without doing its work, each
 * with its exit code (command-line/run.ts): a bad command line, or a refusal.
 */

/** A bad command line (an unknown option, a missing or malformed value): exit 2, with the usage. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/**
 * A well-formed command that is refused: an unknown company, license, user or file, a rule it
 * would break, a file that exists already. Exit 1, with why.
 */
export class RefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RefusedError';
  }
}

/** The exit codes both command lines share. */
export const EXIT = { ok: 0, refused: 1, usage: 2 } as const;
