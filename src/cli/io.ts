/** The CLI boundary's output helpers: the only place (with reporters) that writes to stdout/stderr. */
import { ExitCode, isRustgateError } from '../core/errors.js';

/** Streams a command writes to; tests pass their own to capture output. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  /** True when stderr is a terminal (progress is shown only then, unless asked). */
  interactive: boolean;
}

export const processIO: CliIO = {
  out: (text) => void process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => void process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  interactive: Boolean(process.stderr.isTTY) && process.env.CI !== 'true',
};

/** Prints JSON the same way everywhere (stable key order as produced, 2-space indent). */
export function printJson(io: CliIO, value: unknown): void {
  io.out(JSON.stringify(value, null, 2));
}

/** Renders any thrown value once and returns the exit code for it. */
export function renderError(io: CliIO, e: unknown): number {
  if (isRustgateError(e)) {
    io.err(`rustgate: error[${e.code}]: ${e.message}`);
    if (e.hint) io.err(`  hint: ${e.hint}`);
    return e.exitCode;
  }
  const err = e instanceof Error ? e : new Error(String(e));
  io.err(`rustgate: internal error: ${err.message}`);
  if (err.stack) io.err(err.stack.split('\n').slice(1, 8).join('\n'));
  io.err('  This is a bug in rustgate. Please report it with the command you ran and the output above.');
  return ExitCode.Internal;
}
