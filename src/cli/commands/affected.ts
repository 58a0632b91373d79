/** `rustgate affected`: the packages a change affects (PreFlight's `-p` selection), optionally in shards for CI. */
import type { Command } from 'commander';
import { ExitCode, RustgateError } from '../../core/errors.js';
import { printJson, type CliIO } from '../io.js';
import type { SetExit } from './index.js';

interface AffectedFlags {
  staged?: boolean;
  diff?: string;
  worktree?: boolean;
  shards?: string;
  json?: boolean;
  repo: string;
}

/** Registers `affected` on the program. */
export function registerAffected(program: Command, io: CliIO, setExit: SetExit): void {
  program
    .command('affected')
    .description('List the workspace packages a change affects (owners of changed files and their dependents)')
    .option('--staged', 'the change is the git index (default)')
    .option('--diff <range>', 'the change is BASE..HEAD')
    .option('--worktree', 'the change is the working tree')
    .option('--shards <n>', 'split the packages into N shards of similar size', '1')
    .option('--json', 'print one JSON object')
    .option('--repo <dir>', 'the workspace root (directory with the root Cargo.toml)', '.')
    .action(async (flags: AffectedFlags) => {
      const chosen = [flags.staged, flags.diff !== undefined, flags.worktree].filter(Boolean).length;
      if (chosen > 1) throw new RustgateError('BAD_FLAG', 'choose one of --staged, --diff, --worktree', 'run rustgate affected --help');
      const shards = Number(flags.shards ?? '1');
      if (!Number.isInteger(shards) || shards < 1) throw new RustgateError('BAD_FLAG', `--shards must be a positive integer (got '${flags.shards}')`, 'for example --shards 4');
      const { runAffected } = await import('../../app/affected.js');
      const r = await runAffected({
        repo: flags.repo,
        scope: flags.diff !== undefined ? 'diff' : flags.worktree ? 'worktree' : 'staged',
        ...(flags.diff !== undefined ? { range: flags.diff } : {}),
        shards,
      });
      if (flags.json) {
        printJson(io, { ok: true, all: r.all, packages: r.packages, shards: r.shards, changed_files: r.changedFiles, unowned_files: r.unownedFiles });
        for (const w of r.warnings) io.err(`rustgate: warning: ${w}`);
      } else {
        io.out(`${r.changedFiles} changed file${r.changedFiles === 1 ? '' : 's'}; ${r.all ? 'the whole workspace' : `${r.packages.length} affected package${r.packages.length === 1 ? '' : 's'}`}${r.packages.length > 0 ? `: ${r.packages.join(', ')}` : ''}`);
        if (r.shards.length > 1) r.shards.forEach((s, i) => io.out(`  shard ${i + 1}: ${s.join(', ')}`));
        if (r.unownedFiles.length > 0) io.out(`  in no crate (not checked): ${r.unownedFiles.join(', ')}`);
        for (const w of r.warnings) io.err(`rustgate: warning: ${w}`);
      }
      setExit(ExitCode.Ok);
    });
}
