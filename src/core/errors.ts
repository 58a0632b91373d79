/**
 * Typed errors: every failure rustgate expects carries a stable code, a hint naming the next step,
 * and the exit code the CLI uses. They are rendered exactly once, at the CLI/Action/hook boundary.
 */

/** Exit codes shared by every command (see CONTRACT.md). */
export const ExitCode = {
  Ok: 0,
  Findings: 1,
  Usage: 2,
  Internal: 3,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** Stable error codes; tests and users match on these, never on message text. */
export type ErrorCode =
  | 'NOT_A_DIRECTORY'
  | 'NOT_A_GIT_REPO'
  | 'NO_CARGO_TOML'
  | 'CARGO_MISSING'
  | 'CARGO_METADATA_FAILED'
  | 'BAD_FLAG'
  | 'BAD_RANGE'
  | 'BAD_CONFIG'
  | 'MERGE_IN_PROGRESS'
  | 'LOCKED'
  | 'UNKNOWN_KEY'
  | 'STORE_CORRUPT'
  | 'WORKDIR_CORRUPT'
  | 'PATCH_REJECTED'
  | 'PATCH_DOES_NOT_APPLY'
  | 'PATTERN_INVALID'
  | 'MODEL_MISSING'
  | 'MODEL_INVALID'
  | 'MODEL_TIMEOUT'
  | 'MODEL_FAILED'
  | 'INTERRUPTED'
  | 'WORKTREE_CHANGED'
  | 'LLM_UNAVAILABLE'
  | 'INTERNAL';

/** Which exit code each error code maps to; everything but INTERNAL is a usage/environment error. */
function exitCodeFor(code: ErrorCode): ExitCode {
  return code === 'INTERNAL' ? ExitCode.Internal : ExitCode.Usage;
}

/** An expected failure with a cause and the next step for the user. */
export class RustgateError extends Error {
  readonly code: ErrorCode;
  readonly hint: string;
  readonly exitCode: ExitCode;

  constructor(code: ErrorCode, message: string, hint: string, options?: { cause?: unknown; exitCode?: ExitCode }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'RustgateError';
    this.code = code;
    this.hint = hint;
    this.exitCode = options?.exitCode ?? exitCodeFor(code);
  }
}

/** True when `e` is a RustgateError (works across module copies, unlike instanceof alone). */
export function isRustgateError(e: unknown): e is RustgateError {
  return e instanceof RustgateError || (e instanceof Error && e.name === 'RustgateError' && 'code' in e && 'hint' in e);
}
