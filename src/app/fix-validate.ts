/**
 * The workspace validator of the fix pipeline: a private copy of the working tree under
 * `<repo>/.rustgate/validate/` (the private-copy module), where candidate files are written and `cargo check` (and, when asked, the tests)
 * run with rustgate's shared target dir. The user's files are only ever read.
 */
import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { cargoCheck } from '../adapters/cargo/check.js';
import { readWorkspace } from '../adapters/cargo/metadata.js';
import { runTests } from '../adapters/cargo/test-runner.js';
import { cratesOwningFiles, impactedPackages } from '../core/tests/impacted.js';
import type { Workspace } from '../core/isg/workspace.js';
import type { Diagnostic } from '../core/diagnostics/types.js';
import { RustgateError } from '../core/errors.js';
import type { Validator } from '../core/fix/search.js';
import { openRepo } from '../adapters/git/repo.js';
import { runTool } from '../adapters/process/group.js';
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
  /** Validates the working tree with `files` overriding its content (an empty map checks the tree as it is). */
  validate: Validator;
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
  const env = { CARGO_TARGET_DIR: targetDir, CARGO_TERM_COLOR: 'never', RUSTFLAGS: process.env.RUSTFLAGS ?? '' };

  const validate: Validator = async (overrides) => {
    // The copy holds the working tree with exactly these files written over it (the previous overlay is undone).
    await tree.overlay(overrides);
    const check = await cargoCheck({ cwd: dir, targetDir, timeoutMs });
    const diagnostics = check.diagnostics;
    const errors = diagnostics.filter((d) => d.level === 'error');
    const warnings = diagnostics.filter((d) => d.level === 'warning');
    if (check.exitCode !== 0 && errors.length === 0) {
      errors.push(syntheticError(check.timedOut ? 'cargo check timed out' : `cargo check failed (exit ${String(check.exitCode)})`, check.stderrTail));
    }
    const checkedUnits = check.checkedPackages;
    if (errors.length > 0) return { errors, warnings, status: 'Failed', checkedUnits };
    if (opts.tests === null || opts.tests === undefined) return { errors, warnings, status: 'Cargo_OK', checkedUnits };
    if (opts.tests === '') {
      workspace ??= await readWorkspace(dir);
      const deps = new Map(workspace.packages.map((p) => [p.name, p.deps]));
      const packages = impactedPackages(cratesOwningFiles(Array.from(overrides.keys()), workspace.packages), deps);
      const t = await runTests({ cwd: dir, targetDir, packages, timeoutMs });
      if (t.exitCode === 0 && t.failed === 0 && !t.buildFailed && !t.timedOut) return { errors, warnings, status: 'Tests_OK', checkedUnits };
      const names = t.failedTests.length > 0 ? t.failedTests.map((f) => f.name) : [t.timedOut ? 'tests timed out' : t.buildFailed ? 'tests did not build' : 'tests'];
      return { errors: names.map((n) => syntheticError(`test failed: ${n}`, t.stderrTail, 'test')), warnings, status: 'Failed', checkedUnits };
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
  };
}
