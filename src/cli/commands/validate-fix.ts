/** `rustgate validate-fix`: a proposed unified diff → validateFix in a private copy → JSON or a summary → exit code. */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { ExitCode, RustgateError, isRustgateError } from '../../core/errors.js';
import { printJson, type CliIO } from '../io.js';
import type { SetExit } from './index.js';

interface ValidateFixFlags {
  patch?: string;
  staged?: boolean;
  tests?: boolean;
  json?: boolean;
  repo: string;
}

/** Reads the patch text from a file, or from stdin for '-'. */
export function readPatchArg(arg: string | undefined, stdin: () => string = () => readFileSync(0, 'utf8')): string {
  if (arg === undefined) throw new RustgateError('BAD_FLAG', '--patch is required', 'pass --patch FILE, or --patch - to read the diff from stdin');
  try {
    return arg === '-' ? stdin() : readFileSync(arg, 'utf8');
  } catch (e) {
    throw new RustgateError('BAD_FLAG', `cannot read the patch ${arg}: ${e instanceof Error ? e.message : String(e)}`, 'pass an existing diff file, or - for stdin');
  }
}

/** Registers `validate-fix` on the program. */
export function registerValidateFix(program: Command, io: CliIO, setExit: SetExit): void {
  program
    .command('validate-fix')
    .description('PreFlight of a proposed unified diff in a private copy (never writes your files)')
    .option('--patch <file>', "the unified diff to validate ('-' reads stdin)")
    .option('--staged', 'apply the patch to the index instead of the working tree')
    .option('--tests', 'also run the tests of the packages the patch touches')
    .option('--json', 'print the contract JSON')
    .option('--repo <dir>', 'the workspace root (directory with the root Cargo.toml)', '.')
    .action(async (flags: ValidateFixFlags) => {
      const patch = readPatchArg(flags.patch);
      const { validateFix } = await import('../../app/validate-fix.js');
      let report;
      try {
        report = await validateFix({
          repo: flags.repo,
          patch,
          ...(flags.staged ? { staged: true } : {}),
          ...(flags.tests ? { tests: true } : {}),
          ...(io.interactive ? { onProgress: (s: string) => io.err(`rustgate: ${s}…`) } : {}),
        });
      } catch (e) {
        // A refused patch still answers in JSON on stdout (applies: false) before the usual error on stderr.
        if (flags.json && isRustgateError(e) && (e.code === 'PATCH_REJECTED' || e.code === 'PATCH_DOES_NOT_APPLY')) {
          printJson(io, { ok: false, applies: false, touched_files: [], touched_keys: [], diagnostics: [], tests: null, validation_status: 'Failed', reason: e.message });
        }
        throw e;
      }
      if (flags.json) printJson(io, report);
      else {
        io.out(`validate-fix: ${report.ok ? 'OK' : 'FAILED'} (${report.validation_status}), ${report.touched_files.length} file(s), keys: ${report.touched_keys.join(', ') || 'none'}`);
        for (const d of report.diagnostics) {
          io.out(`  ${d.level}${d.code ? `[${d.code}]` : ''}: ${d.message.split('\n')[0] ?? ''} at ${d.file ?? '?'}:${d.line ?? '?'}${d.isg ? ` (${d.isg.key})` : ''}`);
        }
        if (report.tests) io.out(`  tests: ${report.tests.passed}/${report.tests.ran} passed`);
        for (const w of report.warnings) io.err(`rustgate: warning: ${w}`);
      }
      setExit(report.ok ? ExitCode.Ok : ExitCode.Findings);
    });
}
