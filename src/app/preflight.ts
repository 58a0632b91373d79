/**
 * PreFlight use case: check exactly the selected content (index, commit range, or working tree) with `cargo check`
 * in a shadow copy, map each diagnostic to its ISG node and blast radius, and return one report.
 * Never writes the user's working tree, index, refs or stash.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { cargoCheck, type CargoCheckResult } from '../adapters/cargo/check.js';
import { rangeChanges, resolveRange, stagedChanges, worktreeChanges, type ResolvedRange } from '../adapters/git/changes.js';
import { assertIndexResolved, assertNoOperationInProgress, openRepo, type RepoInfo } from '../adapters/git/repo.js';
import type { Diagnostic } from '../core/diagnostics/types.js';
import { RustgateError } from '../core/errors.js';
import type { CargoTargetKind } from '../config/schema.js';
import type { GraphQuery } from '../core/isg/query.js';
import { classifyChanges } from '../core/preflight/classify.js';
import { hasErrors, mapFindings, selectDiagnostics } from '../core/preflight/report.js';
import type { ChangedFile, PreflightReport, Scope, TestSummary } from '../core/preflight/types.js';
import { acquireLock, type LockHolder } from './lock.js';
import { openPrivateTree } from './private-tree/index.js';

/** What an extension (tests, rust-analyzer) sees after cargo ran in the shadow tree. */
export interface PreflightContext {
  repo: RepoInfo;
  scope: Scope;
  /** The shadow workspace root (same layout as the user's workspace). */
  shadowRoot: string;
  targetDir: string;
  changedFiles: ChangedFile[];
  /** cargo's diagnostics so far (workspace-relative paths). */
  diagnostics: readonly Diagnostic[];
  /** The shadow tree's ISG, or null when it could not be built. */
  graph: GraphQuery | null;
}

/** A hook point: extra checks whose diagnostics are merged into the report (e.g. `--tests`, rust-analyzer). */
export interface PreflightExtension {
  name: string;
  /** Set when `run` wants `ctx.graph`; otherwise the graph is built only if there are findings to map. */
  needsGraph?: boolean;
  run(ctx: PreflightContext): Promise<{ diagnostics?: Diagnostic[]; tests?: TestSummary; warnings?: string[] }>;
}

export interface PreflightOptions {
  /** The workspace root (directory with the root Cargo.toml); may be a subdirectory of the git repository. */
  repo: string;
  scope: Scope;
  /** `BASE..HEAD` for scope 'diff'. */
  range?: string;
  features?: string[];
  allFeatures?: boolean;
  /** Check exactly these packages (`-p`); otherwise the packages the change affects. */
  packages?: string[];
  /** Check the whole workspace whatever changed. */
  wholeWorkspace?: boolean;
  /** Check in the shadow copy even when the staged content is the working tree. */
  forceShadow?: boolean;
  /** Narrower cargo targets than `--all-targets` (rustgate.yaml `preflight.targets`). */
  targets?: CargoTargetKind[];
  cargoTimeoutMs?: number;
  lockTimeoutMs?: number;
  /** Build the shadow tree's ISG to map diagnostics (default true). */
  isg?: boolean;
  extensions?: PreflightExtension[];
  onProgress?: (stage: string) => void;
  /** Called once when another run holds the lock. */
  onWait?: (holder: LockHolder) => void;
}

/** An opened graph plus how to close it. */
interface OpenedGraph {
  graph: GraphQuery;
  close(): Promise<void>;
}

/** Builds (incrementally) the ISG of the shadow tree into its own store; null with a warning if that fails. */
async function shadowGraph(shadowRoot: string, storeDir: string, warnings: string[]): Promise<OpenedGraph | null> {
  // Loaded lazily (tree-sitter, Cozo) so a run that skips cargo never pays for them.
  const { openBuiltStore } = await import('./build-isg.js');
  try {
    const store = await openBuiltStore(shadowRoot, storeDir, { onWarning: (m) => warnings.push(m) });
    return { graph: store, close: () => store.close() };
  } catch (e) {
    // The gate's verdict comes from cargo; a graph that cannot be built (e.g. a staged manifest cargo metadata
    // rejects) only costs the mapping, so it is a warning, never a failed run.
    warnings.push(`ISG unavailable, diagnostics are not mapped to graph nodes: ${e instanceof Error ? e.message : String(e)}`);
    return null;
  }
}

/** An error-level diagnostic for a cargo failure that produced no compiler error (bad manifest, timeout…). */
function cargoFailure(message: string, file: string | null, line = 1, column = 1): Diagnostic {
  return {
    level: 'error',
    code: null,
    message,
    primary: file === null ? null : { file, lineStart: line, lineEnd: line, columnStart: column, columnEnd: column, byteStart: 0, byteEnd: 0, isPrimary: true, label: null },
    spans: [],
    notes: [],
    suggestions: [],
    rendered: message,
    source: 'rustc',
    packageName: null,
  };
}

/** Turns a failed cargo run without compiler errors into one diagnostic naming the cause (and the file when cargo says). */
export function synthesiseCargoFailure(res: Pick<CargoCheckResult, 'timedOut' | 'exitCode' | 'diagnostics' | 'stderrTail'>, shadowRoot: string, timeoutMs?: number): Diagnostic | null {
  if (res.timedOut) return cargoFailure(`cargo check timed out after ${Math.round((timeoutMs ?? 0) / 1000)} s`, null);
  if (res.exitCode === 0 || res.diagnostics.some((d) => d.level === 'error')) return null;
  const text = res.stderrTail.split(`${shadowRoot}/`).join('').split(shadowRoot).join('.');
  const lines = text.split('\n');
  const firstError = lines.find((l) => l.startsWith('error')) ?? lines[0] ?? 'cargo check failed';
  const arrow = /-->\s+([^\s:]+):(\d+):(\d+)/.exec(text);
  const quoted = /`([^`\s]*?(?:Cargo\.toml|Cargo\.lock|\.rs))`/.exec(text);
  const message = `cargo check failed: ${firstError.replace(/^error:\s*/, '')}`;
  if (arrow?.[1] && !arrow[1].startsWith('/')) return cargoFailure(`${message}\n${text}`, arrow[1], Number(arrow[2]), Number(arrow[3]));
  const file = quoted?.[1] && !quoted[1].startsWith('/') ? quoted[1] : null;
  return cargoFailure(`${message}\n${text}`, file);
}

/**
 * The Cargo workspace root for a directory (like cargo does it): the nearest ancestor, within the git work tree,
 * whose Cargo.toml has a `[workspace]` table, else the nearest Cargo.toml; null when there is none.
 */
export function findWorkspaceRoot(dir: string, top: string): string | null {
  let nearest: string | null = null;
  for (let d = dir; ; d = path.dirname(d)) {
    const manifest = path.join(d, 'Cargo.toml');
    if (existsSync(manifest)) {
      nearest ??= d;
      if (/^\s*\[workspace\]/m.test(readFileSync(manifest, 'utf8'))) return d;
    }
    if (d === top || path.dirname(d) === d || !d.startsWith(top)) break;
  }
  return nearest;
}

/** Opens the repository at `dir` and moves to its Cargo workspace root (the nearest `[workspace]` manifest). */
export async function openWorkspace(dir: string): Promise<RepoInfo> {
  const repo = await openRepo(path.resolve(dir));
  const root = findWorkspaceRoot(repo.workspace, repo.top);
  if (root === null) {
    throw new RustgateError('NO_CARGO_TOML', `no Cargo.toml in ${repo.workspace} or above it in the repository`, 'pass --repo with the directory that holds the workspace root Cargo.toml');
  }
  return root === repo.workspace ? repo : openRepo(root);
}

/** Runs PreFlight and returns its report (the CLI picks the exit code from `ok`). */
export async function runPreflight(opts: PreflightOptions): Promise<PreflightReport> {
  const t0 = performance.now();
  const progress = opts.onProgress ?? (() => undefined);
  const repo = await openWorkspace(opts.repo);
  if (opts.scope === 'diff' && !opts.range) {
    throw new RustgateError('BAD_RANGE', '--diff needs a range', 'use --diff BASE..HEAD, e.g. --diff origin/main..HEAD');
  }
  const lock = await acquireLock(repo.workspace, {
    command: `preflight --${opts.scope}`,
    ...(opts.lockTimeoutMs !== undefined ? { timeoutMs: opts.lockTimeoutMs } : {}),
    ...(opts.onWait ? { onWait: opts.onWait } : {}),
  });
  try {
    // The staged scope checks a concluded merge's index as the merge result; only unresolved conflicts stop it.
    if (opts.scope === 'worktree') await assertNoOperationInProgress(repo, true);
    else if (opts.scope === 'staged') await assertIndexResolved(repo);
    let range: ResolvedRange | null = null;
    progress('listing changes');
    let changed: ChangedFile[];
    if (opts.scope === 'staged') changed = await stagedChanges(repo);
    else if (opts.scope === 'worktree') changed = await worktreeChanges(repo);
    else {
      range = await resolveRange(repo, opts.range ?? '');
      changed = await rangeChanges(repo, range);
    }
    const warnings: string[] = [];
    const base: Omit<PreflightReport, 'ok' | 'skipped' | 'findings' | 'cargo' | 'ms' | 'tests'> = {
      scope: opts.scope,
      range: range?.text ?? null,
      changedFiles: changed,
      workspacePrefix: repo.prefix,
      warnings,
    };
    if (classifyChanges(changed).skip) {
      return { ...base, ok: true, skipped: true, findings: [], cargo: null, tests: null, ms: { total: performance.now() - t0, cargo: 0, shadow: 0, isg: 0 } };
    }

    progress('materialising the shadow tree');
    // The private-copy module syncs exactly the selected bytes (verified, ledger-safe for the shared target dir).
    const tree = openPrivateTree({ repo, name: 'shadow', source: opts.scope, rev: range?.head ?? null });
    const shadow = await tree.sync();
    const shadowDir = tree.dir;
    warnings.push(...shadow.warnings);
    if (!existsSync(path.join(shadowDir, 'Cargo.toml'))) {
      throw new RustgateError('NO_CARGO_TOML', `the ${opts.scope === 'diff' ? 'commit' : opts.scope === 'staged' ? 'index' : 'working tree'} has no Cargo.toml at the workspace root`, 'stage (git add) the workspace Cargo.toml, or pass --repo with the workspace directory');
    }

    progress('cargo check');
    const targetDir = tree.targetDir;
    const res = await cargoCheck({
      cwd: shadowDir,
      targetDir,
      ...(opts.features ? { features: opts.features } : {}),
      ...(opts.allFeatures ? { allFeatures: true } : {}),
      ...(opts.packages ? { packages: opts.packages } : {}),
      ...(opts.cargoTimeoutMs !== undefined ? { timeoutMs: opts.cargoTimeoutMs } : {}),
    });
    const diagnostics: Diagnostic[] = [...res.diagnostics];
    const failure = synthesiseCargoFailure(res, shadowDir, opts.cargoTimeoutMs);
    if (failure) diagnostics.push(failure);

    // The graph only serves to map findings (and extensions that ask for it): a clean check, the common case for
    // a commit, skips the refresh entirely and costs little more than cargo itself. The refresh is incremental.
    const extensions = opts.extensions ?? [];
    const storeDir = tree.storeDir;
    let isgMs = 0;
    // Assigned inside ensureGraph: TypeScript does not track that, hence the `as OpenedGraph | null` reads below.
    let opened: OpenedGraph | null = null;
    let graphTried = false;
    const ensureGraph = async (): Promise<void> => {
      if (graphTried || opts.isg === false) return;
      graphTried = true;
      progress('refreshing the ISG');
      const t = performance.now();
      opened = await shadowGraph(shadowDir, storeDir, warnings);
      isgMs += performance.now() - t;
    };
    if (extensions.some((e) => e.needsGraph)) await ensureGraph();
    try {
      let tests: TestSummary | null = null;
      for (const ext of extensions) {
        progress(ext.name);
        const graph: GraphQuery | null = (opened as OpenedGraph | null)?.graph ?? null;
        const out = await ext.run({ repo, scope: opts.scope, shadowRoot: shadowDir, targetDir, changedFiles: changed, diagnostics, graph });
        if (out.diagnostics) diagnostics.push(...out.diagnostics);
        if (out.tests) tests = out.tests;
        if (out.warnings) warnings.push(...out.warnings);
      }
      const selected = selectDiagnostics(diagnostics);
      if (selected.length > 0) await ensureGraph();
      const tMap = performance.now();
      const findings = await mapFindings(selected, (opened as OpenedGraph | null)?.graph ?? null);
      isgMs += performance.now() - tMap;
      const failedTests = tests !== null && tests.failed > 0;
      return {
        ...base,
        ok: !hasErrors(findings) && !failedTests,
        skipped: false,
        findings,
        tests,
        cargo: { exitCode: res.exitCode, buildSucceeded: res.buildSucceeded, timedOut: res.timedOut, stderrTail: res.stderrTail },
        ms: { total: performance.now() - t0, cargo: res.ms, shadow: shadow.ms, isg: isgMs },
      };
    } finally {
      await (opened as OpenedGraph | null)?.close();
    }
  } finally {
    lock.release();
  }
}
