/**
 * `rustgate hooks run <hook>`, what the installed shims call: PreFlight in this very process (one Node start per
 * hook) on what git is about to record — the index for pre-commit and pre-merge-commit (a merge being concluded
 * included), each pushed range with the impacted tests for pre-push. Quiet unless something is found or the
 * pre-commit budget is exceeded; the times printed are PreFlight's own. Loaded only by that command.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { openHookRepo, parsePushLines, planPush, RUSTGATE_HOOKS, type PushPlan, type RustgateHook } from '../../adapters/hooks/index.js';
import { ExitCode, RustgateError } from '../../core/errors.js';
import type { PreflightReport } from '../../core/preflight/types.js';
import type { CliIO } from '../io.js';

/** Inputs of one hook run. */
export interface HookRunOptions {
  hook: string;
  /** The workspace relative to the git top (the shim passes the one recorded at install). */
  workspace?: string;
  /** An absolute workspace (hooks written by the earlier layout pass `--repo`). */
  repo?: string;
  /** The arguments git gave the hook (pre-push: remote name and URL). */
  hookArgs: string[];
  io: CliIO;
  /** Reads the hook's stdin (pre-push: the pushed refs). */
  readStdin: () => Promise<string>;
}

/** Seconds as the pretty report prints them, so the hook's line and PreFlight's own agree digit for digit. */
const seconds = (ms: number): string => (ms / 1000).toFixed(ms < 10_000 ? 2 : 1);
const short = (sha: string): string => sha.slice(0, 10);

/**
 * Git runs hooks in the work-tree top with a possibly relative GIT_INDEX_FILE (`.git/index`), and in a linked
 * worktree with GIT_DIR set: both would point elsewhere once git runs in the workspace directory. Make the index
 * absolute (a partial `git commit <paths>` uses its own temporary index) and let git find GIT_DIR again.
 */
function normaliseGitEnv(cwd: string): void {
  const index = process.env.GIT_INDEX_FILE;
  if (index && !path.isAbsolute(index)) process.env.GIT_INDEX_FILE = path.resolve(cwd, index);
  if (process.env.GIT_DIR !== undefined && process.env.GIT_WORK_TREE === undefined) delete process.env.GIT_DIR;
}

/**
 * Runs PreFlight in this process exactly as `rustgate preflight --hook` would (rustgate.yaml defaults, the
 * rust-analyzer overlay off: it needs 10–15 s to load), without progress lines: the hook speaks only when it finds something.
 */
async function preflight(workspace: string, io: CliIO, scope: { staged: true } | { diff: string; tests: true }): Promise<PreflightReport> {
  const [{ preflightReport }, { preflightSeams }] = await Promise.all([import('./preflight.js'), import('./preflight-seams.js')]);
  return preflightReport({ repo: workspace, format: 'pretty', hook: true, ...scope }, { ...io, interactive: false }, preflightSeams());
}

/**
 * True when the index changes no Rust-relevant file of the workspace — PreFlight's own skip decision (same git
 * listing, same classifier), made before the PreFlight stack, the config and the reporters are loaded, so a
 * README-only commit costs little more than the Node start.
 */
async function nothingToCheck(workspace: string): Promise<boolean> {
  if (!existsSync(path.join(workspace, 'Cargo.toml'))) return false; // let PreFlight say what is wrong
  const [{ openRepo }, { outsideChanges, stagedChanges }, { cargoInputsAbove, classifyChanges }] = await Promise.all([
    import('../../adapters/git/repo.js'),
    import('../../adapters/git/changes.js'),
    import('../../core/preflight/classify.js'),
  ]);
  const repo = await openRepo(workspace);
  if (!classifyChanges(await stagedChanges(repo)).skip) return false;
  // A cargo config or toolchain file above a subdirectory workspace is read by cargo: PreFlight checks it.
  return cargoInputsAbove(await outsideChanges(repo, 'staged'), repo.prefix).length === 0;
}

/** Prints a report (the reporters load only when there is something to print). */
async function printReport(io: CliIO, report: PreflightReport): Promise<void> {
  const { renderReport } = await import('../../reporters/index.js');
  io.out(renderReport(report, 'pretty'));
}

function describePlan(p: PushPlan): string {
  if (p.action === 'skip') return p.update.localRef;
  const base = p.baseFrom === 'remote' ? `${short(p.base)} on the remote` : `the merge base ${short(p.base)} with ${p.against ?? 'the remote'}`;
  return `${p.update.localRef} (${short(p.base)}..${short(p.head)}, from ${base})`;
}

/** Runs one hook and resolves to the exit code git should see (non-zero blocks the commit, merge or push). */
export async function runHook(opts: HookRunOptions): Promise<number> {
  const { io } = opts;
  if (!(RUSTGATE_HOOKS as readonly string[]).includes(opts.hook)) {
    throw new RustgateError('BAD_FLAG', `unknown hook "${opts.hook}"`, `Use one of: ${RUSTGATE_HOOKS.join(', ')}.`);
  }
  const hook = opts.hook as RustgateHook;
  if (process.env.RUSTGATE === '0') {
    io.err(`rustgate: ${hook} check skipped (RUSTGATE=0)`);
    return ExitCode.Ok;
  }
  normaliseGitEnv(process.cwd());
  const workspace = opts.repo !== undefined ? path.resolve(opts.repo) : path.join((await openHookRepo(process.cwd())).top, opts.workspace ?? '');
  const what = hook === 'pre-push' ? 'push' : hook === 'pre-merge-commit' ? 'merge' : 'commit';
  const blocked = (): void =>
    io.err(`rustgate: ${what} blocked. Fix the problems above, or skip rustgate once with RUSTGATE=0 git ${what} … (git ${what} --no-verify skips every hook).`);

  if (hook !== 'pre-push') {
    if (await nothingToCheck(workspace)) return ExitCode.Ok;
    const report = await preflight(workspace, io, { staged: true });
    const { openConfig } = await import('../../config/open.js'); // the parser, if any, is loaded by PreFlight's settings
    const budget = (await openConfig(workspace)).preflight.budgetSeconds;
    const over = report.ms.total > budget * 1000;
    if (!report.ok) await printReport(io, report);
    if (!report.ok || over) {
      io.err(
        over
          ? `rustgate ${hook}: PreFlight took ${seconds(report.ms.total)} s, over the ${budget} s budget (preflight.budget_seconds in rustgate.yaml)`
          : `rustgate ${hook}: PreFlight took ${seconds(report.ms.total)} s (budget ${budget} s)`,
      );
    }
    if (!report.ok) blocked();
    return report.ok ? ExitCode.Ok : ExitCode.Findings;
  }

  const remote = opts.hookArgs[0] ?? 'origin';
  const top = (await openHookRepo(workspace)).top;
  const plans = await planPush(top, remote, parsePushLines(await opts.readStdin()));
  let failed = false;
  for (const p of plans) {
    if (p.action === 'skip') {
      if (p.reason === 'no-base') {
        io.err(`rustgate pre-push: ${p.update.localRef} is new and ${remote} has no branch to compare it with: not checked (push a base branch first, or run rustgate preflight --diff BASE..${p.update.localRef})`);
      }
      continue;
    }
    const report = await preflight(workspace, io, { diff: `${p.base}..${p.head}`, tests: true });
    if (!report.ok) {
      failed = true;
      io.err(`rustgate pre-push: ${describePlan(p)}`);
      await printReport(io, report);
      io.err(`rustgate pre-push: PreFlight with tests took ${seconds(report.ms.total)} s`);
    }
  }
  if (failed) blocked();
  return failed ? ExitCode.Findings : ExitCode.Ok;
}
