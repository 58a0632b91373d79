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

  const validate: Validator = async (overrides) => {
    const changed: string[] = [];
    for (const [f, text] of overrides) if (syncedOf(f) !== text) changed.push(f);
    changed.sort();
    // The copy holds the working tree with exactly these files written over it (the previous overlay is undone).
    await tree.overlay(overrides);
    const packages = await scopeOf(changed);
    const started = performance.now();
    const check = await cargoCheck({ cwd: dir, targetDir, timeoutMs, ...(packages !== null ? { packages } : {}) });
    const entry: ValidationCheck = { changed, args: ['cargo', ...cargoCheckArgs(packages !== null ? { packages } : {})], checkMs: performance.now() - started, tests: null };
    log.push(entry);
    const diagnostics = check.diagnostics;
    // A `#![feature]` on a stable toolchain (E0554) in a file the candidate did not change is the toolchain's verdict
    // on a target (typically a nightly-only bench), which no candidate edit fixes: kept apart, it neither counts
    // against a candidate nor stops the tests (which do not build benches; a lib that needs nightly still fails
    // them). In a changed file the candidate wrote the `#![feature]` itself: an error like any other.
    const apartFromCode = (d: Diagnostic): boolean => d.level === 'error' && d.code === TOOLCHAIN_ERROR && !changed.includes(d.primary?.file ?? '');
    const toolchain = diagnostics.filter(apartFromCode);
    const errors = diagnostics.filter((d) => d.level === 'error' && !apartFromCode(d));
    const warnings = diagnostics.filter((d) => d.level === 'warning');
    if (check.exitCode !== 0 && errors.length === 0 && toolchain.length === 0) {
      errors.push(syntheticError(check.timedOut ? 'cargo check timed out' : `cargo check failed (exit ${String(check.exitCode)})`, check.stderrTail));
    }
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
