/**
 * The workspace validator of the fix pipeline: a private copy of the working tree under
 * `<repo>/.rustgate/validate/` (the private-copy module), where candidate files are written and `cargo check` (and, when asked, the tests)
 * run with rustgate's shared target dir. The user's files are only ever read.
 */
import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { cargoCheck, cargoCheckArgs } from '../adapters/cargo/check.js';
import { readWorkspace } from '../adapters/cargo/metadata.js';
import { runTests } from '../adapters/cargo/test-runner.js';
import type { Workspace } from '../core/isg/workspace.js';
import type { Diagnostic } from '../core/diagnostics/types.js';
import { RustgateError } from '../core/errors.js';
import { addedDiagnostics, unitOf } from '../core/fix/progress.js';
import type { Validator } from '../core/fix/search.js';
import type { ValidationResult } from '../core/fix/rank.js';
import { openRepo } from '../adapters/git/repo.js';
import { runTool } from '../adapters/process/group.js';
import { affectedPackagesIn } from './preflight.js';
import { openPrivateTree } from './private-tree/index.js';
import { readInside } from './private-tree/confined.js';

/** Options of the validation tree. */
export interface ValidationTreeOptions {
  /** Absolute path of the repository (the Cargo workspace root). */
  repoRoot: string;
  /**
   * Run tests after a clean check: '' for the impacted tests (packages owning the candidate's files and their
   * dependents), or a test-name filter for `cargo test NAME` over the workspace. Null: no tests.
   */
  tests?: string | null;
  /** Shared cargo target dir (default `<repo>/.rustgate/target`). */
  targetDir?: string;
  /** Kill cargo after this long (default 10 minutes). */
  timeoutMs?: number;
  /**
   * Extra configurations a candidate is also checked in, each a feature set checked with `--no-default-features
   * --features SET` (`fix.validate_features`), for the selected packages that declare features.
   * Default `[[]]`: `--no-default-features` alone. `[]`: none.
   */
  featureSets?: readonly (readonly string[])[];
}

/** A private copy of the working tree that candidates are validated in. */
export interface ValidationTree {
  /** Absolute path of the copy. */
  dir: string;
  /** Workspace-relative paths of every copied file (tracked and untracked-not-ignored). */
  files: string[];
  /** Reads a file of the user's working tree (never the copy); undefined when absent. */
  readWorktree(file: string): Promise<string | undefined>;
  /**
   * Validates the working tree with `files` overriding its content. An empty map (or one equal to the working tree)
   * checks the whole workspace and becomes the baseline; a later map is checked with `-p` for the packages owning
   * the files that differ plus their dependents (PreFlight's selection; the whole workspace when a manifest or the
   * lockfile differs), and units outside that selection report what the baseline did.
   */
  validate: Validator;
  /** One entry per validation, in order: what cargo was asked to do and how long it took. */
  log: ValidationCheck[];
}

/** What one validation ran. */
export interface ValidationCheck {
  /** Files that differed from the working tree, sorted. */
  changed: string[];
  /** The `cargo check` command (`-p` per package, or `--workspace`). */
  args: string[];
  checkMs: number;
  /** The test run after a clean check (nextest or cargo test, and the doctest run beside nextest), null when none ran. */
  tests: { command: string[]; doctests: string[] | null; ms: number; selected: number; ran: number } | null;
  /**
   * The extra configurations checked (one per feature set and run of packages; [] when no selected package declares
   * features): the command, its time, the baseline's time when this check had to compute it (null: cached), the
   * candidate's errors in that configuration and how many of them the baseline did not have.
   */
  configs: ConfigCheck[];
}

/** One extra configuration a candidate was checked in. */
export interface ConfigCheck {
  args: string[];
  ms: number;
  baselineMs: number | null;
  errors: number;
  added: number;
}

/** How an extra configuration is named in a diagnostic's message. */
function configLabel(set: readonly string[]): string {
  return set.length === 0 ? '--no-default-features' : `--no-default-features --features ${set.join(',')}`;
}

/** Every file and link under `dir`, relative and '/'-separated ([] when `dir` does not exist). */
async function listCopied(dir: string, rel = ''): Promise<string[]> {
  const entries = await readdir(path.join(dir, rel), { withFileTypes: true }).catch(() => []);
  const out: string[] = [];
  for (const e of entries) {
    const r = rel === '' ? e.name : `${rel}/${e.name}`;
    if (e.isDirectory()) out.push(...(await listCopied(dir, r)));
    else out.push(r);
  }
  return out;
}

/** sha256 hex of some bytes. */
export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** rustc's "`#![feature]` may not be used on the stable release channel": the toolchain, not the code. */
const TOOLCHAIN_ERROR = 'E0554';

function syntheticError(message: string, rendered: string, source: Diagnostic['source'] = 'rustc'): Diagnostic {
  return { level: 'error', code: null, message, primary: null, spans: [], notes: [], suggestions: [], rendered, source, packageName: null };
}

async function run(cmd: string, args: string[], cwd: string, env: Record<string, string>, timeoutMs: number) {
  // Allow-listed environment and its own process group, like every other Rust tool rustgate starts.
  const r = await runTool(cmd, args, { cwd, env, timeoutMs, maxBuffer: 256 * 1024 * 1024 });
  if ((r as { code?: string }).code === 'ENOENT' || (r.failed && r.exitCode === undefined && /ENOENT/.test(String(r.message)))) {
    throw new RustgateError('CARGO_MISSING', `${cmd} was not found on PATH`, 'Install Rust with rustup (https://rustup.rs) and try again.');
  }
  return r;
}

/**
 * Syncs the private copy `validate` (see `src/app/private-tree`) to the working tree (tracked and
 * untracked-not-ignored files); each validation overlays the candidate's files on it. Call under the workspace lock.
 */
export async function prepareValidationTree(opts: ValidationTreeOptions): Promise<ValidationTree> {
  const repo = await openRepo(path.resolve(opts.repoRoot));
  const tree = openPrivateTree({ repo, name: 'validate', source: 'worktree' });
  await tree.sync();
  const root = repo.workspace;
  const dir = tree.dir;
  const targetDir = opts.targetDir ?? tree.targetDir;
  const timeoutMs = opts.timeoutMs ?? 600_000;
  const files = (await listCopied(dir)).sort();
  let workspace: Workspace | undefined;
  const log: ValidationCheck[] = [];
  const env = { CARGO_TARGET_DIR: targetDir, CARGO_TERM_COLOR: 'never', RUSTFLAGS: process.env.RUSTFLAGS ?? '' };
  const featureSets = opts.featureSets ?? [[]];
  // The errors of each extra configuration in the synced tree (the tree before any candidate), per run of packages.
  const configBaselines = new Map<string, Diagnostic[]>();

  // The last check of the synced content as it is, over the whole workspace: what every unit the candidate cannot
  // affect reports (their bytes and their dependencies' are the working tree's), merged into each scoped check.
  let baseline: ValidationResult | null = null;
  // The synced text of every file a validation overrode, read from the copy before its first overlay (the copy then
  // still holds the synced bytes): what "changed" is measured against, whatever happens to the working tree later.
  const syncedText = new Map<string, string | undefined>();
  const selections = new Map<string, Promise<string[] | null>>();
  const syncedOf = (file: string): string | undefined => {
    if (!syncedText.has(file)) {
      let text: string | undefined;
      try {
        text = readInside(dir, file)?.toString('utf8');
      } catch {
        text = undefined; // a link, or a path through one
      }
      syncedText.set(file, text);
    }
    return syncedText.get(file);
  };
  /** The `-p` packages for these changed files (PreFlight's selection), or null for the whole workspace. */
  const scopeOf = (changed: readonly string[]): Promise<string[] | null> => {
    // A manifest or lockfile edit can change any member's build (features, dependencies): the whole workspace.
    if (changed.length === 0 || baseline === null || changed.some((f) => /(^|\/)Cargo\.(toml|lock)$/.test(f))) return Promise.resolve(null);
    // Errors cargo did not attribute to a package (a failed run) cannot be carried over to a narrower check.
    if (baseline.errors.some((d) => d.packageName === null)) return Promise.resolve(null);
    const key = changed.join('\0');
    let s = selections.get(key);
    if (!s) {
      s = affectedPackagesIn(dir, changed.map((p) => ({ path: p, status: 'modified' as const })), { repo: root, targetDir }).catch(() => null);
      selections.set(key, s);
    }
    return s;
  };

  /** A check's errors, the toolchain's (E0554 outside the changed files) kept apart, a failed run made an error. */
  const errorsOf = (check: Awaited<ReturnType<typeof cargoCheck>>, changed: readonly string[]): { errors: Diagnostic[]; toolchain: Diagnostic[] } => {
    // A `#![feature]` on a stable toolchain (E0554) in a file the candidate did not change is the toolchain's verdict
    // on a target (typically a nightly-only bench), which no candidate edit fixes: kept apart, it neither counts
    // against a candidate nor stops the tests (which do not build benches; a lib that needs nightly still fails
    // them). In a changed file the candidate wrote the `#![feature]` itself: an error like any other.
    const apartFromCode = (d: Diagnostic): boolean => d.level === 'error' && d.code === TOOLCHAIN_ERROR && !changed.includes(d.primary?.file ?? '');
    const toolchain = check.diagnostics.filter(apartFromCode);
    const errors = check.diagnostics.filter((d) => d.level === 'error' && !apartFromCode(d));
    if (check.exitCode !== 0 && errors.length === 0 && toolchain.length === 0) {
      errors.push(syntheticError(check.timedOut ? 'cargo check timed out' : `cargo check failed (exit ${String(check.exitCode)})`, check.stderrTail));
    }
    return { errors, toolchain };
  };

  /**
   * The selected packages the extra configurations apply to: those that declare features (cargo metadata, implicit
   * features of optional dependencies included). A `#![cfg_attr(not(feature = "std"), no_std)]` crate always has
   * one; a `#![no_std]` crate without features compiles with `--no-default-features` exactly as without it, so its
   * root is not read. [] when none: no extra cargo run.
   */
  const configPackages = async (selected: readonly string[] | null): Promise<string[]> => {
    if (featureSets.length === 0) return [];
    try {
      workspace ??= await readWorkspace(dir);
    } catch {
      return []; // the candidate's manifest does not parse: its default check already failed
    }
    const names = new Set(selected ?? workspace.packages.map((p) => p.name));
    return workspace.packages.filter((p) => names.has(p.name) && Object.keys(p.features).length > 0).map((p) => p.name).sort();
  };

  /**
   * `pkgs` split into runs of packages none of which depends on another (through workspace dependencies): cargo
   * unifies features over one run, so a dependent that asks for a library's default features would switch them back
   * on for it under `--no-default-features`. Each package joins the first run it is unrelated to (one run when none
   * depends on another).
   */
  const unrelatedGroups = (pkgs: readonly string[]): string[][] => {
    const deps = new Map((workspace?.packages ?? []).map((p) => [p.name, p.deps]));
    const below = (name: string): Set<string> => {
      const seen = new Set<string>();
      const todo = [...(deps.get(name) ?? [])];
      for (let d = todo.pop(); d !== undefined; d = todo.pop()) {
        if (seen.has(d)) continue;
        seen.add(d);
        todo.push(...(deps.get(d) ?? []));
      }
      return seen;
    };
    const under = new Map(pkgs.map((p) => [p, below(p)]));
    const related = (a: string, b: string): boolean => Boolean(under.get(a)?.has(b) || under.get(b)?.has(a));
    const groups: string[][] = [];
    for (const p of pkgs) {
      const g = groups.find((members) => members.every((m) => !related(m, p)));
      if (g) g.push(p);
      else groups.push([p]);
    }
    return groups;
  };

  /**
   * Checks the overlaid candidate in every extra configuration for `pkgs` and returns the errors it adds over the
   * synced tree (the tree before the search) in the same configuration and packages: progress per configuration, so
   * a configuration that was already broken does not block a candidate, one it breaks does. Each configuration's
   * baseline is checked once per run of packages, on the synced content (the overlay is dropped for those checks and
   * written back after).
   */
  const checkConfigs = async (overrides: ReadonlyMap<string, string>, changed: readonly string[], pkgs: string[], entry: ValidationCheck): Promise<Diagnostic[]> => {
    const runs = featureSets.flatMap((set) =>
      unrelatedGroups(pkgs).map((group) => ({ set, key: `${set.join(',')}\0${group.join(',')}`, opts: { cwd: dir, targetDir, timeoutMs, packages: group, noDefaultFeatures: true, features: [...set] } })),
    );
    const baselineMs = new Map<string, number>();
    const missing = runs.filter((r) => !configBaselines.has(r.key));
    if (missing.length > 0) {
      await tree.overlay(new Map());
      for (const r of missing) {
        const t0 = performance.now();
        configBaselines.set(r.key, errorsOf(await cargoCheck(r.opts), []).errors);
        baselineMs.set(r.key, performance.now() - t0);
      }
      await tree.overlay(overrides);
    }
    const added: Diagnostic[] = [];
    for (const r of runs) {
      const t0 = performance.now();
      const after = errorsOf(await cargoCheck(r.opts), changed).errors;
      const fresh = addedDiagnostics(configBaselines.get(r.key) ?? [], after);
      entry.configs.push({ args: ['cargo', ...cargoCheckArgs(r.opts)], ms: performance.now() - t0, baselineMs: baselineMs.get(r.key) ?? null, errors: after.length, added: fresh.length });
      const label = configLabel(r.set);
      const note = `with ${label} only: the tree before the fix search did not have this error in that configuration`;
      added.push(...fresh.map((d) => ({ ...d, message: `${d.message} (with ${label})`, notes: [...d.notes, note] })));
    }
    return added;
  };

  /** True when `errors` hold one the baseline did not have, in a package the baseline checked or reported errors for. */
  const addsOverBaseline = (errors: readonly Diagnostic[]): boolean => {
    if (baseline === null || !baseline.checkedUnits) return false;
    const reached = new Set([...baseline.checkedUnits, ...baseline.errors.map(unitOf)]);
    return addedDiagnostics(baseline.errors, errors).some((d) => d.packageName !== null && reached.has(d.packageName));
  };

  const validate: Validator = async (overrides) => {
    const changed: string[] = [];
    for (const [f, text] of overrides) if (syncedOf(f) !== text) changed.push(f);
    changed.sort();
    // The copy holds the working tree with exactly these files written over it (the previous overlay is undone).
    await tree.overlay(overrides);
    const packages = await scopeOf(changed);
    const started = performance.now();
    const check = await cargoCheck({ cwd: dir, targetDir, timeoutMs, ...(packages !== null ? { packages } : {}) });
    const entry: ValidationCheck = { changed, args: ['cargo', ...cargoCheckArgs(packages !== null ? { packages } : {})], checkMs: performance.now() - started, tests: null, configs: [] };
    log.push(entry);
    const { errors, toolchain } = errorsOf(check, changed);
    const warnings = check.diagnostics.filter((d) => d.level === 'warning');
    let checkedUnits = check.checkedPackages;
    if (packages !== null && baseline !== null) {
      // Units outside the selection do not see the candidate: they report what the whole-workspace check did.
      const inScope = new Set(packages);
      const outside = (d: Diagnostic): boolean => d.packageName !== null && !inScope.has(d.packageName);
      errors.push(...baseline.errors.filter(outside));
      warnings.push(...baseline.warnings.filter(outside));
      toolchain.push(...(baseline.toolchain ?? []).filter(outside));
      checkedUnits = Array.from(new Set([...checkedUnits, ...(baseline.checkedUnits ?? []).filter((u) => !inScope.has(u))])).sort();
    }
    const apart = toolchain.length > 0 ? { toolchain } : {};
    if (changed.length === 0) baseline = { errors: [...errors], warnings: [...warnings], status: errors.length > 0 ? 'Failed' : 'Cargo_OK', checkedUnits, ...apart };
    // A candidate is also checked in the extra configurations of the selected packages that declare features
    // (`--no-default-features`, and the feature sets of `fix.validate_features`); an error it adds there is
    // an error of the candidate. The working tree itself (no change) is not: it is what those checks compare with.
    // Skipped when the default check already adds an error to a package the whole-workspace baseline reached: the
    // search rejects that candidate whatever the other configurations say (accepted states add none there).
    if (changed.length > 0 && !addsOverBaseline(errors)) {
      const pkgs = await configPackages(packages);
      if (pkgs.length > 0) errors.push(...(await checkConfigs(overrides, changed, pkgs, entry)));
    }
    if (errors.length > 0) return { errors, warnings, status: 'Failed', checkedUnits, ...apart };
    if (opts.tests === null || opts.tests === undefined) return { errors, warnings, status: 'Cargo_OK', checkedUnits, ...apart };
    if (opts.tests === '') {
      // The impacted tests: the same selection as the check (every member when that was the whole workspace).
      workspace ??= await readWorkspace(dir);
      const impacted = changed.length === 0 ? [] : packages ?? workspace.packages.map((p) => p.name).sort();
      const t = await runTests({ cwd: dir, targetDir, packages: impacted, timeoutMs });
      entry.tests = { command: t.command, doctests: t.doctests?.command ?? null, ms: t.ms, selected: t.selected, ran: t.ran };
      // Cut off, not built, a failure, or tests selected but not run: not a pass (doctests run beside nextest).
      if (t.ok) return { errors, warnings, status: 'Tests_OK', checkedUnits, ...apart };
      const names = t.failedTests.length > 0 ? t.failedTests.map((f) => f.name) : [t.problem ?? 'tests'];
      return { errors: names.map((n) => syntheticError(`test failed: ${n}`, t.stderrTail, 'test')), warnings, status: 'Failed', checkedUnits, ...apart };
    }
    const args = ['test', '--workspace', '--no-fail-fast', opts.tests];
    const t = await run('cargo', args, dir, env, timeoutMs);
    const passed = Array.from(t.stdout.matchAll(/^test result: \w+\. (\d+) passed/gm), (m) => Number(m[1] ?? 0)).reduce((a, b) => a + b, 0);
    if (t.exitCode === 0 && passed > 0) return { errors, warnings, status: 'Tests_OK', checkedUnits };
    if (t.exitCode === 0) return { errors: [syntheticError(`no test matched ${opts.tests}`, t.stdout.slice(-4000), 'test')], warnings, status: 'Failed' };
    const failed = Array.from(t.stdout.matchAll(/^test (\S+) \.\.\. FAILED$/gm), (m) => m[1] ?? '');
    const names = failed.length > 0 ? failed : [opts.tests];
    return { errors: names.map((n) => syntheticError(`test failed: ${n}`, t.stdout.slice(-4000), 'test')), warnings, status: 'Failed' };
  };

  return {
    dir,
    files,
    readWorktree: async (file) => {
      try {
        return readInside(root, file)?.toString('utf8');
      } catch {
        return undefined; // a link, or a path through one: never read, so never edited
      }
    },
    validate,
    log,
  };
}
