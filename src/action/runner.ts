/**
 * How the Action runs rustgate: as a child process of the CLI, never in-process.
 *
 * Why shell out: the CLI loads native addons (tree-sitter, node-llama-cpp) and WASM (Cozo) that esbuild
 * cannot bundle into one file, and running the same `rustgate` command users run keeps one behaviour and
 * one contract (the JSON in CONTRACT.md). The bundle dist/index.js therefore holds only the Action's own
 * code (@actions/core, @actions/github, execa), and the CLI comes from the action's own checkout:
 * `<action root>/dist/cli.js`, built by `npm ci` (its `prepare` script) the first time it is missing.
 * RUSTGATE_CLI overrides the CLI path (a .js/.mjs file run with node, or an executable).
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';

/** One finished CLI run, as fields. */
export interface CliResult {
  command: string;
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Runs `rustgate <args>` in `cwd`; injectable so tests can replay recorded contract JSON. */
export type CliRunner = (args: string[], opts: { cwd: string; env: Record<string, string> }) => Promise<CliResult>;

/** Env for child processes: the runner's env without the Action inputs (the token must not travel further). */
export function childEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v !== undefined && !k.startsWith('INPUT_')) env[k] = v;
  }
  return { ...env, ...extra };
}

/** The action's root directory (the folder holding action.yml), found from this bundle's location. */
export function actionRoot(): string {
  // dist/index.js → the action root is one level up.
  return resolve(dirname(fileURLToPath(import.meta.url)), '..');
}

/** Finds (and if needed builds) the CLI; `log` receives progress lines. */
export async function resolveCli(log: (line: string) => void): Promise<string[]> {
  const override = process.env.RUSTGATE_CLI;
  if (override) return /\.(m?js|cjs)$/.test(override) ? [process.execPath, override] : [override];
  const root = actionRoot();
  const cli = join(root, 'dist', 'cli.js');
  if (!existsSync(cli)) {
    log(`rustgate CLI not built at ${cli}: running npm ci in ${root} (cache ~/.npm to make this fast)`);
    const r = await execa('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, reject: false, env: childEnv(), extendEnv: false, all: true });
    if (r.exitCode !== 0 || !existsSync(cli)) {
      throw new Error(`could not build the rustgate CLI (npm ci exited ${r.exitCode}):\n${String(r.all ?? '').slice(-2000)}`);
    }
  }
  return [process.execPath, cli];
}

/** The default runner: the real CLI through execa, output captured, never rejecting on exit codes. */
export function cliRunner(log: (line: string) => void): CliRunner {
  let cached: Promise<string[]> | null = null;
  return async (args, opts) => {
    cached ??= resolveCli(log);
    const [file = process.execPath, ...pre] = await cached;
    const r = await execa(file, [...pre, ...args], { cwd: opts.cwd, env: opts.env, extendEnv: false, reject: false, stripFinalNewline: false, maxBuffer: 256 * 1024 * 1024 });
    return { command: `rustgate ${args.join(' ')}`, exitCode: r.exitCode ?? 3, stdout: String(r.stdout), stderr: String(r.stderr) };
  };
}
