/** A failure the command line reports in one line on stderr, with its exit code. */
export class CliError extends Error {
  constructor(message: string, readonly exitCode: number) {
    super(message);
  }
}

/** Exit codes, for automation. 4 belongs to `lines` (a line over its slot). */
export const EXIT = { ok: 0, failed: 1, usage: 2, belowThreshold: 3, overCreditCap: 5 } as const;

/** Bad arguments or environment (exit 2); the usage text follows the message. */
export class UsageError extends CliError {
  constructor(message: string) {
    super(message, EXIT.usage);
  }
}

/** Bad input, or an API that failed (exit 1). */
export class InputError extends CliError {
  constructor(message: string) {
    super(message, EXIT.failed);
  }
}
