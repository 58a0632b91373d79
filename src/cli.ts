#!/usr/bin/env node
/** The `rustgate` command line: parses flags, calls one command, renders errors once, exits with the contract's code. */
import { readFileSync, realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError } from 'commander';
import { ExitCode } from './core/errors.js';
import { processIO, renderError, type CliIO } from './cli/io.js';
import { registerCommands } from './cli/commands/index.js';
import { onNotice } from './app/notices.js';

/** The version in package.json (read at run time, so dist/ and src/ agree). */
function packageVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** Runs the CLI with `argv` (without node and script) and resolves to the exit code. */
export async function main(argv: string[], io: CliIO = processIO): Promise<number> {
  const program = new Command();
  let exitCode: number = ExitCode.Ok;
  program
    .name('rustgate')
    .description('PreFlight gate and validated fixes for Rust repositories, driven by an Interface Signature Graph.')
    .version(packageVersion(), '--version', 'print the rustgate version')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) })
    .showHelpAfterError('(run rustgate --help for usage)');
  registerCommands(program, io, (code) => {
    exitCode = code;
  });
  // Notices from use cases (e.g. an interrupted apply finished or rolled back) go to stderr.
  const offNotice = onNotice((m) => io.err(`rustgate: ${m}`));
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version exit 0; every other parse failure is a usage error.
      return e.exitCode === 0 ? ExitCode.Ok : ExitCode.Usage;
    }
    return renderError(io, e);
  } finally {
    offNotice();
  }
}

/** True when this file is the process entry (also through the npm bin symlink), false when imported by tests. */
function isProcessEntry(): boolean {
  const script = process.argv[1];
  if (script === undefined) return false;
  try {
    return realpathSync(script) === fileURLToPath(import.meta.url);
  } catch {
    return false;
  }
}

const isEntry = isProcessEntry();
if (isEntry) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.exitCode = renderError(processIO, e);
    },
  );
}
