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
  /** The CLI the shims fall back to when rustgate is neither on PATH nor in node_modules/.bin (default: this one). */
  cli?: HookCli;
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

/** The CLI that runs now: this package's dist/cli.js when built, else the way this process was started. */
export function defaultHookCli(): HookCli {
  const dist = fileURLToPath(new URL('../../cli.js', import.meta.url));
  if (existsSync(dist)) return { node: process.execPath, args: [dist] };
  const script = process.argv[1];
  return { node: process.execPath, args: [...portableExecArgv(), script ? realpathSync(script) : 'rustgate'] };
}

function readStdin(): Promise<string> {
  return new Promise((resolve, reject) => {
    if (process.stdin.isTTY) {
      resolve('');
      return;
    }
    const chunks: Buffer[] = [];
    process.stdin.on('data', (c: Buffer) => chunks.push(c));
    process.stdin.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    process.stdin.on('error', reject);
  });
}

/** Registers the `hooks` command group. */
export function registerHooks(program: Command, io: CliIO, setExit: SetExit, deps: HooksCommandDeps = {}): void {
  const hooks = program.command('hooks').description('install or remove the rustgate git hooks (pre-commit, pre-merge-commit, pre-push) of this clone');

  hooks
    .command('install')
    .description('install pre-commit and pre-merge-commit (PreFlight on what is committed) and pre-push (PreFlight + tests on what is pushed); existing hooks keep running')
    .option('--repo <dir>', 'the Cargo workspace, or a directory inside it', '.')
    .option('--json', 'print the result as JSON')
    .action(async (o: { repo: string; json?: boolean }) => {
      const { installHooks } = await import('../../adapters/hooks/index.js');
      const { openWorkspace } = await import('../../app/preflight.js');
      // The hooks check one workspace: find it now, so a repository whose workspace is in a subdirectory works.
      const ws = await openWorkspace(path.resolve(o.repo));
      const r = await installHooks({ repo: path.resolve(o.repo), workspace: ws.workspace, cli: deps.cli ?? defaultHookCli() });
      if (o.json) printJson(io, r);
      else {
        const where = r.workspace === '' ? r.gitTop : `${r.gitTop} (workspace ${r.workspace}/)`;
        io.out(`rustgate: hooks ${r.updated ? 'updated' : 'installed'} in ${where}: ${r.written.join(', ')} in ${path.relative(r.gitTop, r.hooksDir) || r.hooksDir}`);
        if (r.migrated) io.out('  The earlier .husky/ layout of rustgate was removed first and the files it had replaced were restored.');
        for (const c of r.chained) io.out(`  ${c.hook}: still runs ${c.from} first`);
        for (const n of r.notes) io.out(`  ${n}`);
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
      else {
        io.out(`rustgate: hooks removed from ${r.gitTop}; core.hooksPath ${r.hooksPath === null ? 'unset' : `is ${r.hooksPath}`}`);
        for (const n of r.notes) io.out(`  ${n}`);
      }
      setExit(ExitCode.Ok);
    });

  hooks
    .command('run <hook> [args...]')
    .description('run one hook in this process (called by the installed hook files)')
    .option('--workspace <dir>', 'the workspace, relative to the git top level')
    .option('--repo <dir>', 'the workspace, absolute (hooks of the earlier layout)')
    .action(async (hook: string, args: string[], o: { workspace?: string; repo?: string }) => {
      const { runHook } = await import('./hooks-run.js');
      const code = await runHook({
        hook, hookArgs: args, io, readStdin,
        ...(o.workspace !== undefined ? { workspace: o.workspace } : {}),
        ...(o.repo !== undefined ? { repo: o.repo } : {}),
      });
      setExit(code);
    });
}
