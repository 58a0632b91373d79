/** Shared helpers for PreFlight tests: temp git repos from the fixture, invariant snapshots, CLI runners. */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { expect } from 'vitest';
import type { CliIO } from '../../src/cli/io.js';
import { runMain } from './cli-entry.js';

const here = path.dirname(fileURLToPath(import.meta.url));
export const FIXTURE = path.resolve(here, '../fixtures/preflight/ws');
/** Four members (base <- mid <- leaf, solo), an excluded crate and a `.rs` file in no crate. */
export const MULTI_FIXTURE = path.resolve(here, '../fixtures/preflight/multi');
export const CLI_ENTRY = path.join(here, 'cli-entry.ts');
export const PROJECT_ROOT = path.resolve(here, '../..');
export const LOAD_PROBE = path.join(here, 'load-probe.mjs');

const GIT_ENV = { GIT_OPTIONAL_LOCKS: '0', GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' };

/** Runs git in a test repo (setup only; never on the code path under test). */
export async function git(cwd: string, ...args: string[]): Promise<string> {
  const r = await execa('git', args, { cwd, env: GIT_ENV, reject: false, stripFinalNewline: false });
  if (r.exitCode !== 0) throw new Error(`git ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

/** Copies the fixture workspace into a new temp git repo (optionally under `subdir`) and commits it. */
export async function makeRepo(opts: { subdir?: string; fixture?: string } = {}): Promise<{ top: string; ws: string }> {
  const top = mkdtempSync(path.join(os.tmpdir(), 'rg-pf-'));
  const ws = opts.subdir ? path.join(top, opts.subdir) : top;
  mkdirSync(ws, { recursive: true });
  cpSync(opts.fixture ?? FIXTURE, ws, { recursive: true });
  await git(top, 'init', '-q', '-b', 'main');
  await git(top, 'add', '-A');
  await git(top, 'commit', '-q', '-m', 'initial');
  return { top, ws };
}

/** Writes a file (relative to `root`), creating directories. */
export function write(root: string, rel: string, text: string): void {
  mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  writeFileSync(path.join(root, rel), text);
}

export function read(root: string, rel: string): string {
  return readFileSync(path.join(root, rel), 'utf8');
}

function walk(root: string, rel: string, out: string[]): void {
  for (const name of readdirSync(path.join(root, rel)).sort()) {
    const r = rel ? `${rel}/${name}` : name;
    if (r === '.git' || r.endsWith('/.git') || name === '.rustgate') continue;
    const st = lstatSync(path.join(root, r));
    // cargo's build cache (a target dir, marked by CACHEDIR.TAG) is cargo's, not the user's files: in-place checks
    // write there exactly as the user's own `cargo check` does.
    if (st.isDirectory() && existsSync(path.join(root, r, 'CACHEDIR.TAG'))) continue;
    if (st.isDirectory()) walk(root, r, out);
    else out.push(r);
  }
}

/** Everything the user owns: working-tree files (content, mode, mtime), git status, index bytes, refs, HEAD, stash. */
export interface UserState {
  files: string;
  status: string;
  index: string;
  refs: string;
  head: string;
  stash: string;
}

/** Takes the snapshot (index bytes first; status without optional locks so the snapshot itself writes nothing). */
export async function userState(top: string): Promise<UserState> {
  let index = 'none';
  try {
    index = createHash('sha256').update(readFileSync(path.join(top, '.git', 'index'))).digest('hex');
  } catch {
    // no index yet
  }
  const files: string[] = [];
  walk(top, '', files);
  const h = createHash('sha256');
  for (const f of files) {
    const abs = path.join(top, f);
    const st = lstatSync(abs);
    h.update(`${f}\0${st.mode}\0${st.mtimeMs}\0`);
    h.update(st.isSymbolicLink() ? readlinkSync(abs) : readFileSync(abs));
  }
  const refs = await execa('git', ['show-ref'], { cwd: top, env: GIT_ENV, reject: false });
  const head = await execa('git', ['rev-parse', 'HEAD'], { cwd: top, env: GIT_ENV, reject: false });
  const sym = await execa('git', ['symbolic-ref', '-q', 'HEAD'], { cwd: top, env: GIT_ENV, reject: false });
  return {
    files: `${files.length}:${h.digest('hex')}`,
    status: await git(top, 'status', '--porcelain', '--untracked-files=all'),
    index,
    refs: refs.stdout,
    head: `${head.stdout}|${sym.stdout}`,
    stash: (await execa('git', ['stash', 'list'], { cwd: top, env: GIT_ENV, reject: false })).stdout,
  };
}

/** Runs `fn` and asserts that nothing the user owns changed. */
export async function untouched<T>(top: string, fn: () => Promise<T>): Promise<T> {
  const before = await userState(top);
  const result = await fn();
  expect(await userState(top)).toEqual(before);
  return result;
}

/** Output of one CLI run. */
export interface CliRun {
  code: number;
  out: string;
  err: string;
  ms: number;
}

/** Runs the CLI in this process (fast; same code path as the binary). */
export async function cli(args: string[]): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { out: (s) => void out.push(s), err: (s) => void err.push(s), interactive: false };
  const t0 = performance.now();
  const code = await runMain(args, io);
  return { code, out: out.join('\n'), err: err.join('\n'), ms: performance.now() - t0 };
}

/** Runs the CLI as a separate process (for PATH, timing and concurrency tests). */
export async function cliProcess(args: string[], env: Record<string, string> = {}, preload: string[] = []): Promise<CliRun> {
  const t0 = performance.now();
  const imports = [...preload, 'tsx'].flatMap((p) => ['--import', p]);
  const r = await execa(process.execPath, [...imports, CLI_ENTRY, ...args], { cwd: PROJECT_ROOT, env, reject: false });
  return { code: r.exitCode ?? -1, out: r.stdout, err: r.stderr, ms: performance.now() - t0 };
}

/** `preflight --format json` in-process, asserting the user's state is untouched; returns exit code and parsed JSON. */
export async function preflightJson(top: string, ws: string, ...flags: string[]): Promise<{ code: number; json: PreflightJson; err: string }> {
  const r = await untouched(top, () => cli(['preflight', '--repo', ws, '--format', 'json', ...flags]));
  if (r.code === 2 || r.code === 3) throw new Error(`preflight exited ${r.code}: ${r.err}`);
  return { code: r.code, json: JSON.parse(r.out) as PreflightJson, err: r.err };
}

/** The contract JSON, typed for assertions. */
export interface PreflightJson {
  ok: boolean;
  scope: string;
  changed_files: string[];
  diagnostics: Array<{ level: string; code: string | null; message: string; file: string | null; line: number | null; column: number | null; isg: { key: string; kind: string; name: string } | null; blast_radius: string[] }>;
  tests: unknown;
  ms: { total: number; cargo: number };
  skipped: boolean;
  changes: Array<{ path: string; status: string; old_path?: string }>;
  warnings: string[];
  mode: 'in_place' | 'shadow' | null;
  packages: string[] | null;
  unchecked_files: string[];
  outside_files: string[];
}

/** The user's own `cargo check` in the workspace (creates and warms `target/`, as a developer's build would). */
export async function userCargoCheck(ws: string): Promise<void> {
  const r = await execa('cargo', ['check', '--workspace', '--all-targets', '-q'], { cwd: ws, reject: false });
  if (r.exitCode !== 0 && !/error(\[E\d+\])?:/.test(r.stderr)) throw new Error(`cargo check failed: ${r.stderr}`);
}

/** The fixture's core lib with `Send` dropped from the bound: E0277 at line 8 inside `spawn_worker`. */
export function breakSend(text: string): string {
  const out = text.replace("F: FnOnce() -> u64 + Send + 'static", "F: FnOnce() -> u64 + 'static");
  if (out === text) throw new Error('fixture changed: Send bound not found');
  return out;
}

export const CORE_LIB = 'crates/core/src/lib.rs';
export const APP_LIB = 'crates/app/src/lib.rs';
export const SPAWN_KEY = 'crates/core/src/lib.rs-lib-spawn_worker';
