/**
 * How the Action runs rustgate: as a child process of the CLI, never in-process.
 *
 * Why shell out: running the same `rustgate` command users run keeps one behaviour and one contract (the JSON in
 * docs/contract.md), and a crash in a native part cannot take the Action's reporting with it. The CLI ships with
 * the Action, bundled: `<action root>/dist/bundle/cli.js` (scripts/build-action.mjs; tree-sitter prebuilds and the
 * Cozo wasm sit beside it), so nothing is installed or built at run time. From a source checkout with a tsc build,
 * `dist/cli.js` is used instead. RUSTGATE_CLI overrides the CLI path (a .js/.mjs file run with node, or an
 * executable).
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { cliEnv } from '../adapters/process/env.js';

/** One finished CLI run, as fields. */
export interface CliResult {
  command: string;
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Runs `rustgate <args>` in `cwd`; injectable so tests can replay recorded contract JSON. */
export type CliRunner = (args: string[], opts: { cwd: string; env: Record<string, string> }) => Promise<CliResult>;

/**
 * Env for the CLI child: the one allow-list module's CLI policy (`cliEnv`: what a Rust tool may see, RUSTGATE_*,
 * Node's settings; never INPUT_*, ACTIONS_* — the runtime and OIDC request tokens —, GITHUB_* or anything named like
 * a credential outside RUSTGATE_*), so no credential reaches cargo or a pull request's build.rs. `extra` is added as given.
 */
export function childEnv(extra: Record<string, string> = {}, source: NodeJS.ProcessEnv = process.env): Record<string, string> {
  return cliEnv(extra, source);
}

/** The action's root directory (the folder holding action.yml), found from this bundle's location. */
export function actionRoot(): string {
  // dist/index.js → the action root is one level up.
  return resolve(dirname(fileURLToPath(import.meta.url)), '..');
}

/** Finds the CLI: RUSTGATE_CLI, else the bundled CLI shipped in dist/bundle/, else a tsc build in dist/. */
export function resolveCli(root = actionRoot()): string[] {
  const override = process.env.RUSTGATE_CLI;
  if (override) return /\.(m?js|cjs)$/.test(override) ? [process.execPath, override] : [override];
  for (const cli of [join(root, 'dist', 'bundle', 'cli.js'), join(root, 'dist', 'cli.js')]) {
    if (existsSync(cli)) return [process.execPath, cli];
  }
  throw new Error(
    `the rustgate CLI is missing from the action at ${root} (expected dist/bundle/cli.js): use a released tag of the action, ` +
      'or run `npm ci && node scripts/build-action.mjs` in a source checkout',
  );
}

/** The default runner: the real CLI through execa, output captured, never rejecting on exit codes. */
export function cliRunner(log: (line: string) => void): CliRunner {
  let cached: Promise<string[]> | null = null;
  return async (args, opts) => {
    cached ??= Promise.resolve().then(() => {
      const cli = resolveCli();
      log(`rustgate: CLI ${cli.join(' ')}`);
      return cli;
    });
    const [file = process.execPath, ...pre] = await cached;
    const r = await execa(file, [...pre, ...args], { cwd: opts.cwd, env: opts.env, extendEnv: false, reject: false, stripFinalNewline: false, maxBuffer: 256 * 1024 * 1024 });
    return { command: `rustgate ${args.join(' ')}`, exitCode: r.exitCode ?? 3, stdout: String(r.stdout), stderr: String(r.stderr) };
  };
}
