/** `rustgate prove-fix`: RED → GREEN proof of a fix with a test, in a private copy; exit 0 proven, 1 otherwise. */
import type { Command } from 'commander';
import { ExitCode, RustgateError } from '../../core/errors.js';
import { printJson, type CliIO } from '../io.js';
import type { SetExit } from './index.js';
import { readPatchArg } from './validate-fix.js';

interface ProveFlags {
  fix?: string;
  testPatch?: string;
  test?: string;
  json?: boolean;
  repo: string;
}

/** Registers `prove-fix` on the program. */
export function registerProveFix(program: Command, io: CliIO, setExit: SetExit): void {
  program
    .command('prove-fix')
    .description('Prove a fix RED → GREEN: the test fails without the fix and passes with it (private copy, writes nothing)')
    .option('--fix <file>', "the fix as a unified diff ('-' reads stdin)")
    .option('--test-patch <file>', 'a unified diff adding the test that shows the bug')
    .option('--test <name>', 'or the name of an existing test')
    .option('--json', 'print the report as JSON')
    .option('--repo <dir>', 'the workspace root (directory with the root Cargo.toml)', '.')
    .action(async (flags: ProveFlags) => {
      if (flags.fix === undefined) throw new RustgateError('BAD_FLAG', '--fix is required', 'pass --fix FILE with the fix as a unified diff');
      if (flags.fix === '-' && flags.testPatch === '-') throw new RustgateError('BAD_FLAG', 'only one of --fix and --test-patch can read stdin', 'write one of the diffs to a file');
      const fix = readPatchArg(flags.fix);
      const testPatch = flags.testPatch !== undefined ? readPatchArg(flags.testPatch) : undefined;
      const { proveFix } = await import('../../app/prove-fix.js');
      const r = await proveFix({
        repo: flags.repo,
        fix,
        ...(testPatch !== undefined ? { testPatch } : {}),
        ...(flags.test !== undefined ? { test: flags.test } : {}),
        ...(io.interactive ? { onProgress: (s: string) => io.err(`rustgate: ${s}…`) } : {}),
      });
      if (flags.json) printJson(io, r);
      else if (r.needs_test) {
        io.out(`prove-fix: no test given. ${r.needs_test.instructions}`);
        if (r.needs_test.test_module) io.out(`  test module: ${r.needs_test.test_module.suggestion}`);
        io.out(`  fixed keys: ${r.touched_keys.join(', ') || 'none'}`);
        if (r.needs_test.context) {
          const { contextText } = await import('../../app/context.js');
          io.out(contextText(r.needs_test.context));
        }
      } else {
        const line = (name: string, run: typeof r.red): string => (run ? `  ${name}: ${run.passed}/${run.ran} passed, target failing: ${run.target_failed.join(', ') || 'none'}${run.build_failed ? ' (did not build)' : ''}` : `  ${name}: not run`);
        io.out(`prove-fix: ${r.proven ? 'PROVEN' : `NOT PROVEN (${r.failed_step ?? ''})`} for ${r.tests.join(', ')}`);
        io.out(line('RED  ', r.red));
        io.out(line('GREEN', r.green));
        if (r.regressions.length > 0) io.out(`  regressions: ${r.regressions.join(', ')}`);
      }
      setExit(r.proven ? ExitCode.Ok : ExitCode.Findings);
    });
}
