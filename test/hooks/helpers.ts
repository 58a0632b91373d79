/** Real temp git repositories holding the hook fixture crate, and the real rustgate CLI (src/cli.ts through tsx). */
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import type { HookCli } from '../../src/adapters/hooks/index.js';

// Isolate every git call (ours and the hooks') from the machine's global and system config.
const emptyConfig = path.join(mkdtempSync(path.join(os.tmpdir(), 'rg-hooks-gitconfig-')), 'gitconfig');
writeFileSync(emptyConfig, '[user]\n\tname = Hook Test\n\temail = hooks@example.invalid\n[init]\n\tdefaultBranch = main\n');
process.env.GIT_CONFIG_GLOBAL = emptyConfig;
process.env.GIT_CONFIG_NOSYSTEM = '1';
delete process.env.RUSTGATE;

/** The real CLI, as the shims record it when rustgate is not installed on PATH: node --import tsx src/cli.ts. */
export const cli: HookCli = {
  node: process.execPath,
  args: ['--import', import.meta.resolve('tsx'), path.join(import.meta.dirname, '../../src/cli.ts')],
};

export interface Run {
  exitCode: number;
  stdout: string;
  stderr: string;
  all: string;
}

/** Runs a command without throwing; stdin closed unless `input` is given. */
export async function run(cmd: string, args: string[], cwd: string, env: Record<string, string> = {}, input?: string): Promise<Run> {
  const r = await execa(cmd, args, { cwd, reject: false, all: true, env, ...(input === undefined ? { stdin: 'ignore' as const } : { input }) });
  return { exitCode: r.exitCode ?? -1, stdout: String(r.stdout), stderr: String(r.stderr), all: String(r.all) };
}

export const git = (cwd: string, ...args: string[]): Promise<Run> => run('git', args, cwd);

/** Runs the real rustgate CLI in `cwd`. */
export const rustgate = (cwd: string, ...args: string[]): Promise<Run> => run(cli.node, [...cli.args, ...args], cwd);

/** A fresh git repo holding the fixture crate (at `subdir` when given), committed on main. */
export async function makeRepo(opts: { subdir?: string; prefix?: string } = {}): Promise<string> {
  const dir = mkdtempSync(path.join(os.tmpdir(), opts.prefix ?? 'rg-hooks-repo-'));
  cpSync(path.join(import.meta.dirname, '../fixtures/hooks/crate'), path.join(dir, opts.subdir ?? ''), { recursive: true });
  await git(dir, 'init', '-q', '-b', 'main');
  writeFileSync(path.join(dir, '.gitignore'), 'target/\n');
  await git(dir, 'add', '-A');
  await git(dir, 'commit', '-q', '-m', 'initial');
  return dir;
}

export const LIB = 'src/lib.rs';
export const clean = 'pub fn add(a: u32, b: u32) -> u32 {\n    a.wrapping_add(b)\n}\n';
export const broken = 'pub fn add(a: u32, b: u32) -> u32 {\n    a + "b"\n}\n';

/** Writes `body` to `file` (relative to the repo), stages it and commits; returns git's result. */
export async function commitFile(repo: string, file: string, body: string, env: Record<string, string> = {}): Promise<Run> {
  mkdirSync(path.dirname(path.join(repo, file)), { recursive: true });
  writeFileSync(path.join(repo, file), body);
  await git(repo, 'add', file);
  return run('git', ['commit', '-q', '-m', `edit ${file}`], repo, env);
}

/** Stages an edit of src/lib.rs and tries to commit it. */
export const commitLib = (repo: string, body: string, env: Record<string, string> = {}): Promise<Run> => commitFile(repo, LIB, body, env);

/** Writes an executable hook that appends `label` to `marker` (the "old hook ran" side effect). */
export function writeMarkerHook(file: string, marker: string, label: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `#!/bin/sh\necho ${label} >> '${marker}'\n`);
  chmodSync(file, 0o755);
}

export const markerLines = (marker: string): string[] => (existsSync(marker) ? readFileSync(marker, 'utf8').trim().split('\n') : []);

/** Every file under `dir` (relative path → mode and content), to compare states byte for byte. */
export function snapshot(dir: string, skip: (rel: string) => boolean = () => false): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const abs = path.join(d, name);
      const rel = path.relative(dir, abs);
      if (skip(rel)) continue;
      const st = statSync(abs);
      if (st.isDirectory()) walk(abs);
      else out[rel] = `${(st.mode & 0o777).toString(8)}:${readFileSync(abs).toString('base64')}`;
    }
  };
  walk(dir);
  return out;
}

/** The user's state of a repository: everything but git's object store, logs and index, target/ and .rustgate/. */
export const userState = (repo: string): Record<string, string> =>
  snapshot(repo, (rel) => rel === '.git/index' || rel === '.git/logs' || rel.startsWith('.git/objects') || rel === 'target' || rel === '.rustgate' || rel === '.git/rustgate');

export const head = async (repo: string): Promise<string> => (await git(repo, 'rev-parse', 'HEAD')).stdout.trim();
