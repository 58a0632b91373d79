/**
 * PreFlight use case: check exactly the selected content (index, commit range, or working tree) with `cargo check`
 * — in place when that content is the working tree, else in a shadow copy — on the packages the change affects,
 * map each diagnostic to its ISG node and blast radius, and return one report.
 * Never writes the user's working tree, index, refs or stash.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { locateWorkspaceRoot } from '../adapters/cargo/metadata.js';
import path from 'node:path';
import { cargoCheck, lockfileNeedsUpdate, type CargoCheckResult } from '../adapters/cargo/check.js';
import { manifestDirsAbove, membersFromMetadata, readMembers, resolvedFeatures, type MembersResult } from '../adapters/cargo/members.js';
import { differFromWorktree, inPlaceBlockers, outsideChanges, rangeChanges, resolveRange, stagedChanges, trackedCargoInputs, worktreeChanges, type ResolvedRange } from '../adapters/git/changes.js';
import { metadataKey, readCachedMetadata, writeCachedMetadata } from '../adapters/cargo/metadata-cache.js';
import { checkWorkspaceDir, runCargoMetadata, workspaceFromMetadata, type MetadataRun } from '../adapters/cargo/metadata.js';
import type { Workspace } from '../core/isg/workspace.js';
import { assertIndexResolved, assertNoOperationInProgress, openRepo, type RepoInfo } from '../adapters/git/repo.js';
import type { Diagnostic } from '../core/diagnostics/types.js';
import { RustgateError } from '../core/errors.js';
import { rustgatePaths } from '../core/paths.js';
import type { CargoTargetKind } from '../config/schema.js';
import type { GraphQuery } from '../core/isg/query.js';
import { featureDrift, selectAffected, uncheckedFiles, type MemberPackage } from '../core/preflight/affected.js';
import { CARGO_DIR_INPUTS, cargoDirInput, cargoInputsAbove, classifyChanges } from '../core/preflight/classify.js';
import { hasErrors, mapFindings, selectDiagnostics } from '../core/preflight/report.js';
import type { ChangedFile, CheckMode, PreflightReport, Scope, TestSummary } from '../core/preflight/types.js';
import { acquireLock, type LockHolder } from './lock.js';
import { openPrivateTree } from './private-tree/index.js';
import { ensureWorkDir } from './workdir.js';

/** What an extension (tests, rust-analyzer) sees after cargo ran (in place or in the shadow tree). */
export interface PreflightContext {
  repo: RepoInfo;
  scope: Scope;
  /** Where cargo ran. */
  mode: CheckMode;
  /** The checked workspace root: the shadow tree, or the user's workspace itself in place (same layout). */
  shadowRoot: string;
  /** cargo's target dir for that root (the user's own in place). */
  targetDir: string;
  /** rustgate's folder (`.rustgate/`), for private output that must not land beside the user's target dir. */
  workDir: string;
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

/** Builds (incrementally) the ISG of the checked tree into its store; null with a warning if that fails. */
async function shadowGraph(shadowRoot: string, storeDir: string, warnings: string[], workspace?: Workspace): Promise<OpenedGraph | null> {
  // Loaded lazily (tree-sitter, Cozo) so a run that skips cargo never pays for them.
  const { openBuiltStore } = await import('./build-isg.js');
  try {
    const store = await openBuiltStore(shadowRoot, storeDir, { onWarning: (m) => warnings.push(m), ...(workspace ? { workspace } : {}) });
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

/** The Cargo workspace root for a directory, not past the git top `top` (the one discovery: `locateWorkspaceRoot`). */
export function findWorkspaceRoot(dir: string, top: string): string | null {
  return locateWorkspaceRoot(dir, top);
}

/**
 * Opens the repository at `dir` and moves to its Cargo workspace root — from the root, a subdirectory or a member
 * crate's directory alike. Every command finds its workspace (and so its one `.rustgate/`) through this.
 */
export async function openWorkspace(dir: string): Promise<RepoInfo> {
  const repo = await openRepo(path.resolve(dir));
  const root = findWorkspaceRoot(repo.workspace, repo.top);
  if (root === null) {
    throw new RustgateError('NO_CARGO_TOML', `no Cargo.toml in ${repo.workspace} or above it in the repository`, 'pass --repo with the directory that holds the workspace root Cargo.toml');
  }
  return root === repo.workspace ? repo : openRepo(root);
}

/** What cargo is asked to check, and what that leaves out. */
interface PackageChoice {
  /** `-p` packages, or null for `--workspace`. */
  packages: string[] | null;
  unchecked: string[];
  /** Changed files in no member at all (what stays unchecked with `--workspace`). */
  unowned: string[];
  /** cargo's target directory for this check root (from cargo metadata), when known. */
  targetDirectory: string | null;
}

/**
 * Picks the packages to check in `root` (the tree cargo runs in): an explicit list, the whole workspace, or the
 * members owning the changed files plus their dependents. When cargo metadata fails (e.g. a broken staged manifest)
 * the whole workspace is checked, so cargo itself reports the problem.
 */
async function choosePackages(root: string, members: MembersResult, changed: readonly ChangedFile[], opts: PreflightOptions, warnings: string[]): Promise<PackageChoice> {
  if (!members.ok) {
    if (opts.packages && opts.packages.length > 0) return { packages: opts.packages, unchecked: [], unowned: [], targetDirectory: null };
    warnings.push(`${members.error}: checking the whole workspace`);
    return { packages: null, unchecked: [], unowned: [], targetDirectory: null };
  }
  const files = changed.flatMap((f) => (f.oldPath !== undefined ? [f.path, f.oldPath] : [f.path]));
  const selection = selectAffected({ members: members.members, changed, manifestDirs: manifestDirsAbove(root, files) });
  let packages: string[] | null;
  if (opts.packages && opts.packages.length > 0) packages = [...opts.packages].sort();
  else if (opts.wholeWorkspace || selection.all || selection.packages.length === 0) packages = null;
  else packages = selection.packages;
  return { packages, unchecked: uncheckedFiles(selection, packages), unowned: uncheckedFiles(selection, null), targetDirectory: members.targetDirectory };
}

/**
 * `cargo metadata --no-deps` of the working tree, from `.rustgate/metadata.json` when nothing it depends on changed
 * (src/adapters/cargo/metadata-cache.ts): a warm check in place then starts cargo once, for the check itself, and the
 * ISG refresh of a failing check reuses the same output. Never rejects (the caller may not await it when the run
 * goes to the shadow): without a key, no cache.
 */
async function metadataOfWorktree(repo: RepoInfo): Promise<MetadataRun> {
  const file = rustgatePaths(repo.workspace).metadata;
  const key = await trackedCargoInputs(repo).then(
    (tracked) => metadataKey(repo.workspace, tracked),
    () => null,
  );
  const hit = key === null ? null : readCachedMetadata(file, key);
  if (hit !== null) return { ok: true, meta: hit };
  const fresh = await runCargoMetadata(repo.workspace);
  try {
    if (key !== null && fresh.ok) writeCachedMetadata(file, key, fresh.meta);
  } catch {
    // A cache that cannot be written costs only the next run's `cargo metadata`.
  }
  return fresh;
}

/** The ISG's Workspace from metadata read in the workspace itself; null when it cannot be built (the refresh reads). */
function workspaceOf(repo: RepoInfo, run: MetadataRun | null): Workspace | undefined {
  if (run === null || !run.ok) return undefined;
  try {
    return workspaceFromMetadata(checkWorkspaceDir(repo.workspace), run.meta);
  } catch {
    return undefined;
  }
}

/** Cached `cargo tree` feature lines, keyed by manifests + lockfile + selection (`.rustgate/feature-sets.json`). */
type FeatureCache = Record<string, string[]>;

function manifestsHash(root: string, members: readonly MemberPackage[], extra: readonly string[]): string {
  const h = createHash('sha256');
  for (const rel of ['Cargo.lock', ...members.map((m) => (m.manifestDir === '' ? 'Cargo.toml' : `${m.manifestDir}/Cargo.toml`)).sort()]) {
    h.update(`${rel}\0`);
    try {
      h.update(readFileSync(path.join(root, rel)));
    } catch {
      h.update('-');
    }
  }
  return h.update(extra.join('\0')).digest('hex');
}

/**
 * True when checking `packages` alone resolves every dependency with the features the whole workspace uses, so `-p`
 * reuses the warm artifacts. cargo 1.95 ignores `resolver.feature-unification` on stable (it needs
 * `-Zfeature-unification`), so the subset's and the workspace's resolutions are compared (`cargo tree`, cached).
 */
async function subsetKeepsFeatures(root: string, cacheFile: string, members: readonly MemberPackage[], packages: readonly string[], opts: PreflightOptions, env: Record<string, string>, locked: boolean): Promise<boolean>;
/** With `cachedOnly`, answers from the cache alone: undefined when either resolution is not cached yet. */
async function subsetKeepsFeatures(root: string, cacheFile: string, members: readonly MemberPackage[], packages: readonly string[], opts: PreflightOptions, env: Record<string, string>, locked: boolean, cachedOnly: true): Promise<boolean | undefined>;
async function subsetKeepsFeatures(root: string, cacheFile: string, members: readonly MemberPackage[], packages: readonly string[], opts: PreflightOptions, env: Record<string, string>, locked: boolean, cachedOnly = false): Promise<boolean | undefined> {
  const featureArgs = opts.allFeatures ? ['--all-features'] : opts.features && opts.features.length > 0 ? ['--features', opts.features.join(',')] : [];
  const file = cacheFile;
  let cache: FeatureCache = {};
  try {
    cache = JSON.parse(readFileSync(file, 'utf8')) as FeatureCache;
  } catch {
    cache = {};
  }
  const base = manifestsHash(root, members, featureArgs);
  if (cachedOnly) {
    const ws = cache[`${base}:*`];
    const sub = cache[`${base}:${packages.join(',')}`];
    return ws === undefined || sub === undefined ? undefined : featureDrift(ws, sub).length === 0;
  }
  const get = async (sel: readonly string[] | null): Promise<string[] | null> => {
    const key = `${base}:${sel === null ? '*' : sel.join(',')}`;
    const hit = cache[key];
    if (hit) return hit;
    const lines = await resolvedFeatures(root, sel, featureArgs, env, locked);
    if (lines !== null) cache[key] = lines;
    return lines;
  };
  const [ws, sub] = await Promise.all([get(null), get(packages)]);
  const keys = Object.keys(cache);
  for (const k of keys.slice(0, Math.max(0, keys.length - 32))) delete cache[k];
  try {
    writeFileSync(`${file}.tmp`, JSON.stringify(cache));
    renameSync(`${file}.tmp`, file);
  } catch {
    // a cache that cannot be written only costs the next run a cargo tree
  }
  return ws !== null && sub !== null && featureDrift(ws, sub).length === 0;
}

/**
 * PreFlight's package selection for changed files in `root`, for other checks of a private copy (the fix
 * validation): the `-p` packages (owners of the changed files plus their dependents), or null for the whole workspace
 * (a root manifest, lockfile, cargo config or toolchain change, a file no member owns, every member selected, cargo
 * metadata failing, or a subset whose dependency features resolve differently from the warm workspace's).
 */
export async function affectedPackagesIn(root: string, changed: readonly ChangedFile[], opts: { repo: string; targetDir: string | null; features?: string[]; allFeatures?: boolean }): Promise<string[] | null> {
  const env: Record<string, string> = opts.targetDir !== null ? { CARGO_TARGET_DIR: opts.targetDir } : {};
  const meta = await readMembers(root, env);
  const popts: PreflightOptions = { repo: opts.repo, scope: 'worktree', ...(opts.features ? { features: opts.features } : {}), ...(opts.allFeatures ? { allFeatures: true } : {}) };
  const choice = await choosePackages(root, meta, changed, popts, []);
  if (choice.packages === null || !meta.ok) return null;
  const keeps = await subsetKeepsFeatures(root, rustgatePaths(opts.repo).featureSets, meta.members, choice.packages, popts, env, false);
  return keeps ? choice.packages : null;
}

/** Runs PreFlight and returns its report (the CLI picks the exit code from `ok`). */
export async function runPreflight(opts: PreflightOptions): Promise<PreflightReport> {
  const t0 = performance.now();
  const progress = opts.onProgress ?? (() => undefined);
  const repo = await openWorkspace(opts.repo);
  if (opts.scope === 'diff' && !opts.range) {
    throw new RustgateError('BAD_RANGE', '--diff needs a range', 'use --diff BASE..HEAD, e.g. --diff origin/main..HEAD');
  }
  // Listing the changes is read-only plumbing, so it happens before the lock: a commit that touches no Rust file
  // never waits behind another run (a README commit once waited 137 s behind a pre-push check).
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
  // A subdirectory workspace: changes elsewhere in the repository are reported as not checked, except the cargo
  // config and toolchain files above the workspace, which cargo reads (so they make the whole workspace relevant).
  const outside = await outsideChanges(repo, opts.scope, range);
  const inputsAbove = cargoInputsAbove(outside, repo.prefix);
  const base: Omit<PreflightReport, 'ok' | 'skipped' | 'findings' | 'cargo' | 'ms' | 'tests' | 'mode' | 'modeReason' | 'checkedPackages' | 'uncheckedFiles'> = {
    scope: opts.scope,
    range: range?.text ?? null,
    changedFiles: changed,
    workspacePrefix: repo.prefix,
    outsideFiles: outside.filter((p) => !inputsAbove.includes(p)),
    warnings,
  };
  if (classifyChanges(changed).skip && inputsAbove.length === 0) {
    // An interrupted `debug-bug --apply` is finished or rolled back by the next run that takes the lock: a run with
    // nothing to check takes it too while a journal is there, so the recovery never waits for a Rust change.
    if (existsSync(rustgatePaths(repo.workspace).applyJournal)) {
      (await acquireLock(repo.workspace, { command: `preflight --${opts.scope}`, ...(opts.onWait ? { onWait: opts.onWait } : {}) })).release();
    }
    return { ...base, ok: true, skipped: true, findings: [], cargo: null, tests: null, mode: null, modeReason: null, checkedPackages: null, uncheckedFiles: [], ms: { total: performance.now() - t0, cargo: 0, shadow: 0, isg: 0 } };
  }

  const workDir = ensureWorkDir(repo.workspace);
  const lock = await acquireLock(repo.workspace, {
    command: `preflight --${opts.scope}`,
    ...(opts.lockTimeoutMs !== undefined ? { timeoutMs: opts.lockTimeoutMs } : {}),
    ...(opts.onWait ? { onWait: opts.onWait } : {}),
  });
  try {
    // In place when the selected content is the working tree for every Rust-relevant path: cargo then runs in the
    // user's workspace with the user's own target dir (warm, nothing copied); otherwise in the shadow copy.
    progress('comparing the selected content with the working tree');
    // `cargo metadata` (read-only, --no-deps --offline) runs beside the git comparison: in place needs both.
    const metadataInPlace = opts.forceShadow ? null : metadataOfWorktree(repo);
    const membersInPlace = metadataInPlace === null ? null : metadataInPlace.then((run): MembersResult => (run.ok ? membersFromMetadata(run.meta) : { ok: false, error: run.error }));
    const blockers = opts.forceShadow ? ['--shadow was given'] : opts.scope === 'worktree' ? [] : await inPlaceBlockers(repo, opts.scope, range?.head ?? null);
    // cargo would create a missing Cargo.lock in the user's tree: the shadow makes its own instead.
    if (blockers.length === 0 && !existsSync(path.join(repo.workspace, 'Cargo.lock'))) blockers.push('the workspace has no Cargo.lock');
    // In place reuses the user's build cache; it never creates one (a new `target/` would show in `git status`).
    let members: MembersResult | null = null;
    if (blockers.length === 0 && membersInPlace !== null) {
      members = await membersInPlace;
      if (members.ok && !existsSync(members.targetDirectory)) blockers.push(`no build cache yet at ${members.targetDirectory}`);
    }
    if (inputsAbove.length > 0) {
      warnings.push(`${inputsAbove.join(', ')} above the workspace changed: checking the whole workspace`);
      // cargo finds config files by walking up from where it runs, so above the workspace it always reads the
      // working tree's bytes (in place and from the shadow alike): say when those are not the selected ones.
      if (opts.scope !== 'worktree') {
        const differ = await differFromWorktree(repo, opts.scope, range?.head ?? null, inputsAbove);
        if (differ.length > 0) warnings.push(`cargo reads ${differ.join(', ')} from the working tree, which differs from the ${opts.scope === 'staged' ? 'index' : 'commit'}: the selected version of ${differ.length === 1 ? 'that file was' : 'those files were'} not checked`);
      }
    }
    // The graph of the checked tree; in place, its workspace comes from the metadata this run already has.
    const graphFor = async (root: string, store: string): Promise<OpenedGraph | null> =>
      shadowGraph(root, store, warnings, root === repo.workspace && metadataInPlace !== null ? workspaceOf(repo, await metadataInPlace) : undefined);
    let mode: CheckMode = blockers.length === 0 ? 'in_place' : 'shadow';
    let checkRoot = repo.workspace;
    let targetDir: string | null = null;
    let shadowMs = 0;
    let storeDir = rustgatePaths(repo.workspace).store;
    const enterShadow = async (): Promise<void> => {
      progress('materialising the shadow tree');
      // The private-copy module syncs exactly the selected bytes (verified, ledger-safe for the shared target dir).
      const tree = openPrivateTree({ repo, name: 'shadow', source: opts.scope, rev: range?.head ?? null });
      const shadow = await tree.sync();
      const shadowDir = tree.dir;
      warnings.push(...shadow.warnings);
      shadowMs = shadow.ms;
      if (!existsSync(path.join(shadowDir, 'Cargo.toml'))) {
        throw new RustgateError('NO_CARGO_TOML', `the ${opts.scope === 'diff' ? 'commit' : opts.scope === 'staged' ? 'index' : 'working tree'} has no Cargo.toml at the workspace root`, 'stage (git add) the workspace Cargo.toml, or pass --repo with the workspace directory');
      }
      // The copy sits inside the workspace, so cargo also reads the working tree's own `.cargo/config*` as a
      // parent config (the copy's, with the selected bytes, wins key by key; keys only the working tree's has apply
      // too). Say so when that file is not the selected one.
      if (opts.scope !== 'worktree') {
        const own = CARGO_DIR_INPUTS.filter((f) => cargoDirInput(f) === 'cargo-config').map((f) => (repo.prefix === '' ? f : `${repo.prefix}/${f}`));
        const differ = await differFromWorktree(repo, opts.scope, range?.head ?? null, own);
        if (differ.length > 0) warnings.push(`the private copy also reads the working tree's ${differ.join(', ')} (cargo reads the config files of every directory above it), which differs from the ${opts.scope === 'staged' ? 'index' : 'commit'}: settings only the working-tree version has applied to this check too; stage it or stash it to check the selected version alone`);
      }
      mode = 'shadow';
      checkRoot = shadowDir;
      targetDir = tree.targetDir;
      storeDir = tree.storeDir;
    };
    let fillFeatureCache: Promise<undefined> | undefined;
    // The graph refresh started while cargo was still running (see onFirstError below), for the tree it checked.
    let early: { root: string; graph: Promise<OpenedGraph | null> } | null = null;
    const runCargo = async (): Promise<{ res: CargoCheckResult; choice: PackageChoice }> => {
      progress('selecting the affected packages');
      const meta = mode === 'in_place' && members !== null ? members : await readMembers(checkRoot, targetDir !== null ? { CARGO_TARGET_DIR: targetDir } : {});
      const choice = await choosePackages(checkRoot, meta, changed, inputsAbove.length > 0 ? { ...opts, wholeWorkspace: true } : opts, warnings);
      // An automatic subset that would resolve dependency features differently becomes the whole workspace: the
      // subset would compile those dependencies a second time (resolver 2), the whole workspace is warm.
      if (choice.packages !== null && !(opts.packages && opts.packages.length > 0) && meta.ok) {
        progress('comparing feature resolution');
        const env: Record<string, string> = targetDir !== null ? { CARGO_TARGET_DIR: targetDir } : {};
        const cacheFile = rustgatePaths(repo.workspace).featureSets;
        const keeps = await subsetKeepsFeatures(checkRoot, cacheFile, meta.members, choice.packages, opts, env, mode === 'in_place', true);
        if (keeps === undefined) {
          // Not known yet (the first run, or manifests changed): the whole workspace is the safe warm choice, and
          // `cargo tree` fills the cache beside the check instead of before it (≈ 0.15–0.25 s on mdBook).
          const subset = choice.packages;
          fillFeatureCache = subsetKeepsFeatures(checkRoot, cacheFile, meta.members, subset, opts, env, mode === 'in_place').then(
            () => undefined,
            () => undefined,
          );
          choice.packages = null;
          choice.unchecked = choice.unowned;
        } else if (!keeps) {
          choice.packages = null;
          choice.unchecked = choice.unowned;
        }
      }
      progress('cargo check');
      // A failing check needs the graph to map its errors: the (incremental) refresh starts as soon as cargo
      // streams the first error, while cargo goes on with the other units, instead of after it exits.
      const root = checkRoot;
      const store = storeDir;
      const onFirstError = (): void => {
        if (opts.isg === false || early !== null) return;
        early = { root, graph: graphFor(root, store) };
      };
      const checking = cargoCheck({
        onFirstError,
        cwd: checkRoot,
        targetDir,
        // In place, cargo must never rewrite the user's Cargo.lock.
        locked: mode === 'in_place',
        ...(opts.features ? { features: opts.features } : {}),
        ...(opts.allFeatures ? { allFeatures: true } : {}),
        ...(choice.packages !== null ? { packages: choice.packages } : {}),
        ...(opts.targets && opts.targets.length > 0 ? { targets: opts.targets } : {}),
        ...(opts.cargoTimeoutMs !== undefined ? { timeoutMs: opts.cargoTimeoutMs } : {}),
      });
      // Nothing of ours outlives the run: the cache fill is awaited too (it ends long before a cold check).
      const [res] = await Promise.all([checking, fillFeatureCache]);
      fillFeatureCache = undefined;
      return { res, choice };
    };
    if (mode === 'shadow') await enterShadow();
    let { res, choice } = await runCargo();
    if (mode === 'in_place' && res.exitCode !== 0 && lockfileNeedsUpdate(res.stderrTail)) {
      // The lockfile is stale for these manifests: cargo would rewrite it, which only the shadow may do.
      blockers.push('Cargo.lock needs an update');
      await enterShadow();
      ({ res, choice } = await runCargo());
    }
    const diagnostics: Diagnostic[] = [...res.diagnostics];
    const failure = synthesiseCargoFailure(res, checkRoot, opts.cargoTimeoutMs);
    if (failure) diagnostics.push(failure);

    // The graph only serves to map findings (and extensions that ask for it): a clean check, the common case for
    // a commit, skips the refresh entirely and costs little more than cargo itself. The refresh is incremental. In
    // place, that is the workspace's own ISG (the checked bytes are the working tree's); in the shadow, its own.
    const extensions = opts.extensions ?? [];
    let isgMs = 0;
    // Assigned inside ensureGraph: TypeScript does not track that, hence the `as OpenedGraph | null` reads below.
    let opened: OpenedGraph | null = null;
    let graphTried = false;
    const ensureGraph = async (): Promise<void> => {
      if (graphTried || opts.isg === false) return;
      graphTried = true;
      progress('refreshing the ISG');
      const t = performance.now();
      const started = early;
      early = null;
      if (started !== null && started.root === checkRoot) opened = await started.graph;
      else {
        // Started for the in-place tree before the run moved to the shadow: not the checked bytes.
        if (started !== null) await (await started.graph)?.close();
        opened = await graphFor(checkRoot, storeDir);
      }
      // Only the wait after cargo counts: the part of the refresh that overlapped cargo cost no wall time.
      isgMs += performance.now() - t;
    };
    if (extensions.some((e) => e.needsGraph)) await ensureGraph();
    const ctxTarget = targetDir ?? choice.targetDirectory ?? path.join(repo.workspace, 'target');
    try {
      let tests: TestSummary | null = null;
      for (const ext of extensions) {
        progress(ext.name);
        const graph: GraphQuery | null = (opened as OpenedGraph | null)?.graph ?? null;
        const out = await ext.run({ repo, scope: opts.scope, mode, shadowRoot: checkRoot, targetDir: ctxTarget, workDir, changedFiles: changed, diagnostics, graph });
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
        mode,
        modeReason: blockers[0] ?? null,
        checkedPackages: choice.packages,
        uncheckedFiles: choice.unchecked,
        ms: { total: performance.now() - t0, cargo: res.ms, shadow: shadowMs, isg: isgMs },
      };
    } finally {
      await (opened as OpenedGraph | null)?.close();
      // A refresh started early but never used (e.g. extensions failed first) is closed too.
      const unused = early as { graph: Promise<OpenedGraph | null> } | null;
      if (unused !== null) await (await unused.graph)?.close();
    }
  } finally {
    lock.release();
  }
}
