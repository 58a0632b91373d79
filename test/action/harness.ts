/**
 * Test harness for the Action: builds the bundle into a temp "action root", makes a real git repository
 * with a PR (base and head commits from test/fixtures/action/ledger-pr), writes real event payload files,
 * and runs the bundle as GitHub's runner would: a node child process with INPUT_* variables and the
 * GITHUB_* files, reading its stdout for workflow commands.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const FIXTURE = join(ROOT, 'test/fixtures/action/ledger-pr');
export const FAKE_CLI = join(ROOT, 'test/fixtures/action/fake-cli.mjs');
export const RECORDED = join(ROOT, 'test/fixtures/action/recorded');

/**
 * Builds dist/index.js and the bundled CLI (dist/bundle/) into a temp "action root" holding what a checkout of the
 * action has besides dist/ (package.json, patterns/, models/, hooks/): a clean copy with no node_modules anywhere
 * above it, as on a fresh runner. Returns the path of dist/index.js.
 */
export async function buildBundle(): Promise<string> {
  const actionDir = mkdtempSync(join(tmpdir(), 'rustgate-action-'));
  const r = await execa('node', [join(ROOT, 'scripts/build-action.mjs'), join(actionDir, 'dist')], { cwd: ROOT, reject: false });
  if (r.exitCode !== 0) throw new Error(`bundle build failed: ${r.stderr}`);
  for (const p of ['package.json', 'action.yml', 'patterns', 'models', 'hooks']) cpSync(join(ROOT, p), join(actionDir, p), { recursive: true });
  return join(actionDir, 'dist', 'index.js');
}

async function git(cwd: string, ...args: string[]): Promise<string> {
  const r = await execa('git', args, { cwd, env: { GIT_AUTHOR_DATE: '2026-11-26T06:00:00Z', GIT_COMMITTER_DATE: '2026-11-26T06:00:00Z' } });
  return String(r.stdout).trim();
}

/** A temp git repo: base commit from base/, head commit with `overlay` (a folder under the fixture) on top. */
export async function makePrRepo(overlay: 'head' | 'docs-only'): Promise<{ dir: string; base: string; head: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'rustgate-action-repo-'));
  cpSync(join(FIXTURE, 'base'), dir, { recursive: true });
  await git(dir, 'init', '-q', '-b', 'main');
  await git(dir, 'config', 'user.email', 'test@rustgate.invalid');
  await git(dir, 'config', 'user.name', 'rustgate test');
  await git(dir, 'add', '-A');
  await git(dir, 'commit', '-q', '-m', 'base');
  const base = await git(dir, 'rev-parse', 'HEAD');
  cpSync(join(FIXTURE, overlay), dir, { recursive: true });
  await git(dir, 'add', '-A');
  await git(dir, 'commit', '-q', '-m', overlay);
  const head = await git(dir, 'rev-parse', 'HEAD');
  return { dir, base, head };
}

/** GitHub's `patch` field for each changed file: the git diff of that file from its first hunk header. */
export async function prPatches(dir: string, base: string, head: string): Promise<Array<{ filename: string; patch: string; status: 'modified' }>> {
  const names = (await git(dir, 'diff', '--name-only', base, head)).split('\n').filter(Boolean);
  const files = [];
  for (const filename of names) {
    const diff = await git(dir, 'diff', base, head, '--', filename);
    files.push({ filename, patch: diff.slice(diff.indexOf('@@')), status: 'modified' as const });
  }
  return files;
}

/** The candidate diff a fix pipeline would propose for the fixture: `git diff` from head to an overlay. */
export async function fixedDiff(dir: string, overlay: 'fixed' | 'fixed-multiline' = 'fixed'): Promise<string> {
  const scratch = mkdtempSync(join(tmpdir(), 'rustgate-action-fixed-'));
  cpSync(dir, scratch, { recursive: true });
  cpSync(join(FIXTURE, overlay), scratch, { recursive: true });
  const r = await execa('git', ['diff', '--no-color'], { cwd: scratch });
  return `${String(r.stdout)}\n`;
}

/** A pull_request event payload, shaped like GitHub's (the fields the Action and @actions/github read). */
export function pullRequestPayload(o: { number: number; base: string; head: string; headRepo?: string }): unknown {
  const baseRepo = { full_name: 'octo-org/ledger', name: 'ledger', owner: { login: 'octo-org' }, fork: false };
  const headRepo = o.headRepo ? { full_name: o.headRepo, name: 'ledger', owner: { login: o.headRepo.split('/')[0] }, fork: true } : baseRepo;
  return {
    action: 'synchronize',
    number: o.number,
    pull_request: {
      number: o.number,
      state: 'open',
      title: 'Make the worker generic',
      base: { ref: 'main', sha: o.base, repo: baseRepo },
      head: { ref: 'feature', sha: o.head, repo: headRepo },
    },
    repository: baseRepo,
    sender: { login: 'dev' },
  };
}

/** What one run of the Action produced. */
export interface ActionRun {
  exitCode: number;
  stdout: string;
  stderr: string;
  summary: string;
  outputs: Record<string, string>;
  cliCalls: Array<{ args: string[]; cwd: string; model: string | null; inputVars: string[]; forbiddenVars: string[] }>;
}

/** Runs the bundle like the runner does. `inputs` are action inputs by name; `env` adds or overrides variables. */
export async function runAction(bundle: string, o: {
  workspace: string;
  eventName: string;
  payload: unknown;
  inputs: Record<string, string>;
  apiUrl?: string;
  responses?: Record<string, { exitCode: number; stdout: string; stderr?: string }>;
  env?: Record<string, string>;
}): Promise<ActionRun> {
  const tmp = mkdtempSync(join(tmpdir(), 'rustgate-action-run-'));
  const files = { event: join(tmp, 'event.json'), summary: join(tmp, 'summary.md'), output: join(tmp, 'output.txt'), log: join(tmp, 'cli.log'), responses: join(tmp, 'responses.json') };
  writeFileSync(files.event, JSON.stringify(o.payload));
  writeFileSync(files.summary, '');
  writeFileSync(files.output, '');
  writeFileSync(files.log, '');
  writeFileSync(files.responses, JSON.stringify(o.responses ?? {}));
  mkdirSync(join(tmp, 'runner-temp'));
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? tmp,
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: o.eventName,
    GITHUB_EVENT_PATH: files.event,
    GITHUB_REPOSITORY: 'octo-org/ledger',
    GITHUB_WORKSPACE: o.workspace,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_OUTPUT: files.output,
    GITHUB_API_URL: o.apiUrl ?? 'http://127.0.0.1:9',
    RUNNER_TEMP: join(tmp, 'runner-temp'),
    RUSTGATE_CLI: FAKE_CLI,
    RUSTGATE_FAKE_LOG: files.log,
    RUSTGATE_FAKE_RESPONSES: files.responses,
    ...Object.fromEntries(Object.entries(o.inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
    ...o.env,
  };
  for (const k of ['CARGO_HOME', 'RUSTUP_HOME', 'RUSTUP_TOOLCHAIN', 'CARGO_TARGET_DIR']) if (process.env[k] && !(k in env)) env[k] = process.env[k] as string;
  const r = await execa('node', [bundle], { cwd: o.workspace, env, extendEnv: false, reject: false, timeout: 170_000 });
  return {
    exitCode: r.exitCode ?? -1,
    stdout: String(r.stdout),
    stderr: String(r.stderr),
    summary: readFileSync(files.summary, 'utf8'),
    outputs: parseOutputs(readFileSync(files.output, 'utf8')),
    cliCalls: readFileSync(files.log, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as ActionRun['cliCalls'][number]),
  };
}

/** Parses the GITHUB_OUTPUT file (`name<<delimiter` heredoc blocks, as @actions/core writes them). */
export function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<=]+)<<(.+)$/.exec(lines[i] ?? '');
    if (!m) continue;
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== m[2]; i++) value.push(lines[i] ?? '');
    out[m[1] as string] = value.join('\n');
  }
  return out;
}

/** The recorded preflight answers (JSON + SARIF) for the fixture head, as the fake CLI replays them. */
export function recordedPreflight(): Record<string, { exitCode: number; stdout: string }> {
  return {
    'preflight:json': { exitCode: 1, stdout: readFileSync(join(RECORDED, 'preflight-head.json'), 'utf8') },
    'preflight:sarif': { exitCode: 1, stdout: readFileSync(join(RECORDED, 'preflight-head.sarif'), 'utf8') },
  };
}
