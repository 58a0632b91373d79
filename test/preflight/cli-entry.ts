/**
 * Test entry for the CLI: the same shell as src/cli.ts (flags → command → renderError → exit code), with
 * `preflight` registered even before src/cli/commands/index.ts registers it.
 */
import { Command, CommanderError } from 'commander';
import { ExitCode } from '../../src/core/errors.js';
import { processIO, renderError, type CliIO } from '../../src/cli/io.js';
import { registerCommands } from '../../src/cli/commands/index.js';
import { registerPreflight } from '../../src/cli/commands/preflight.js';

/** Runs `rustgate <argv>` in-process and resolves to the exit code. */
export async function runMain(argv: string[], io: CliIO = processIO): Promise<number> {
  const program = new Command();
  let exitCode: number = ExitCode.Ok;
  program.name('rustgate').exitOverride().configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) });
  const setExit = (code: number): void => {
    exitCode = code;
  };
  registerCommands(program, io, setExit);
  if (!program.commands.some((c) => c.name() === 'preflight')) registerPreflight(program, io, setExit);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? ExitCode.Ok : ExitCode.Usage;
    return renderError(io, e);
  }
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop() ?? '\0')) {
  runMain(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.exitCode = renderError(processIO, e);
    },
  );
}
