/** `rustgate hooks install|uninstall [--repo DIR]`, and `hooks run <hook>`, which the installed hook shims call. */
import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import type { HookCli } from '../../adapters/hooks/index.js';
import { ExitCode } from '../../core/errors.js';
import { printJson, type CliIO } from '../io.js';

type SetExit = (code: number) => void;

/** Overrides for tests and embedders; the defaults are right for the installed CLI. */
export interface HooksCommandDeps {
  /** How installed hooks start rustgate (default: this package's dist/cli.js with the current node). */
  cli?: HookCli;
  /** How `hooks run` starts `rustgate preflight` (default: the command line of this very process). */
  self?: string[];
}

/**
 * Node's own flags of this process with `--import x` / `--loader x` made absolute, so the same command works
 * from any directory (hooks run in the repository, where e.g. `tsx` does not resolve).
 */
function portableExecArgv(): string[] {
  const out = [...process.execArgv];
  for (let i = 0; i < out.length - 1; i++) {
    const v = out[i + 1]!;
    if ((out[i] === '--import' || out[i] === '--loader') && !/^(\.|\/|file:|data:)/.test(v)) {
      try {
        out[i + 1] = import.meta.resolve(v);
      } catch {
        // Leave it as given.
      }
    }
  }
  return out;
}

/** The CLI the hooks should call: this package's dist/cli.js when built, else the way this process was started. */
export function defaultHookCli(): HookCli {
  const dist = fileURLToPath(new URL('../../cli.js', import.meta.url));
  if (existsSync(dist)) return { node: process.execPath, args: [dist] };
  const script = process.argv[1];
  return { node: process.execPath, args: [...portableExecArgv(), script ? realpathSync(script) : 'rustgate'] };
}

function selfCommand(): string[] {
  const script = process.argv[1];
  return [process.execPath, ...portableExecArgv(), ...(script ? [realpathSync(script)] : [])];
}

/** Registers the `hooks` command group. */
export function registerHooks(program: Command, io: CliIO, setExit: SetExit, deps: HooksCommandDeps = {}): void {
  const hooks = program.command('hooks').description('install or remove the rustgate git hooks (pre-commit, pre-push) through husky');

  hooks
    .command('install')
    .description('install pre-commit (PreFlight on staged changes) and pre-push (PreFlight + tests) hooks; existing hooks keep running')
    .option('--repo <dir>', 'the repository', '.')
    .option('--json', 'print the result as JSON')
    .action(async (o: { repo: string; json?: boolean }) => {
      const { installHooks } = await import('../../adapters/hooks/index.js');
      const r = await installHooks({ repo: path.resolve(o.repo), cli: deps.cli ?? defaultHookCli() });
      if (o.json) printJson(io, r);
      else {
        io.out(`rustgate: hooks installed in ${r.gitTop} through husky (core.hooksPath=${r.hooksPath}): ${r.written.join(', ')}`);
        for (const c of r.chained) io.out(`  ${c.hook}: still runs ${c.from} first`);
        io.out('  Skip rustgate once: RUSTGATE=0 git commit …  Skip every hook: git commit --no-verify');
        io.out('  Undo: rustgate hooks uninstall');
      }
      setExit(ExitCode.Ok);
    });

  hooks
    .command('uninstall')
    .description('remove the rustgate hooks and restore the previous hooks setup')
    .option('--repo <dir>', 'the repository', '.')
    .option('--json', 'print the result as JSON')
    .action(async (o: { repo: string; json?: boolean }) => {
      const { uninstallHooks } = await import('../../adapters/hooks/index.js');
      const r = await uninstallHooks({ repo: path.resolve(o.repo) });
      if (o.json) printJson(io, r);
      else if (!r.wasInstalled) io.out(`rustgate: no rustgate hooks installed in ${r.gitTop}; nothing to do`);
      else io.out(`rustgate: hooks removed from ${r.gitTop}; core.hooksPath ${r.hooksPath === null ? 'unset' : `restored to ${r.hooksPath}`}`);
      setExit(ExitCode.Ok);
    });

  hooks
    .command('run <hook> [args...]')
    .description('run one hook (called by the installed hook files)')
    .option('--repo <dir>', 'the repository', '.')
    .action(async (hook: string, args: string[], o: { repo: string }) => {
      const { runHook } = await import('../../adapters/hooks/index.js');
      const code = await runHook({
        hook, repo: path.resolve(o.repo), hookArgs: args, self: deps.self ?? selfCommand(), out: io.out, err: io.err,
      });
      setExit(code);
    });
}
