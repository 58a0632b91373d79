/**
 * validate-fix use case: PreFlight of a proposed unified diff. The patch is parsed and checked (paths, binary,
 * hunks), applied to the current content (the index with `staged`, else the working tree) only inside a private
 * copy under `<repo>/.rustgate/validate-fix/` (the private-copy module), and checked there with `cargo check` (and the impacted tests).
 * Nothing the user owns is written.
 */
import { cargoCheck } from '../adapters/cargo/check.js';
import { readWorkspace } from '../adapters/cargo/metadata.js';
import { runTests } from '../adapters/cargo/test-runner.js';
import { assertNoOperationInProgress, type RepoInfo } from '../adapters/git/repo.js';
import { gitBuffer } from '../adapters/git/run.js';
import type { Diagnostic } from '../core/diagnostics/types.js';
import { RustgateError } from '../core/errors.js';
import type { IsgNode } from '../core/isg/types.js';
import { applyHunks, type ChangedLines } from '../core/patch/apply.js';
import { parseUnifiedDiff, type FilePatch } from '../core/patch/parse.js';
import { keysOfFile, touchedKeys } from '../core/patch/touched.js';
import { hasErrors, mapFindings, selectDiagnostics, toContractDiagnostic, type ContractDiagnostic } from '../core/preflight/report.js';
import type { PreflightFinding, TestSummary } from '../core/preflight/types.js';
import { cratesOwningFiles, impactedPackages } from '../core/tests/impacted.js';
import type { IsgStore } from '../store/types.js';
import { acquireLock } from './lock.js';
import { openWorkspace, synthesiseCargoFailure } from './preflight.js';
import { openPrivateTree } from './private-tree/index.js';
import { readInside } from './private-tree/confined.js';
import { storeDir } from './workdir.js';

/** One file after a patch: its text before and after (null: absent) and the original lines it changed. */
export interface PatchedFile {
  patch: FilePatch;
  /** Path the new content is written to (the old path for a deletion). */
  path: string;
  before: string | null;
  after: string | null;
  changed: ChangedLines;
}

/** Which content a patch applies to. */
export type PatchBase = 'staged' | 'worktree';

/** Reads a file of the selected content: the index entry with 'staged', else the working-tree file (never through a symlink, never outside). */
async function readBase(repo: RepoInfo, base: PatchBase, rel: string): Promise<string | null> {
  if (base === 'staged') {
    const r = await gitBuffer(repo.workspace, ['cat-file', 'blob', `:${rel}`]);
    return r.exitCode === 0 ? r.stdout.toString('utf8') : null;
  }
  return readInside(repo.workspace, rel)?.toString('utf8') ?? null;
}

/**
 * Parses `patches` (applied in order, each on the result of the previous) against the selected content.
 * Throws PATCH_REJECTED / PATCH_DOES_NOT_APPLY naming the file and hunk; returns the final state of each file.
 */
export async function applyPatchTexts(repo: RepoInfo, base: PatchBase, patches: readonly string[]): Promise<PatchedFile[]> {
  const state = new Map<string, string | null>(); // path → current text (null: absent)
  const result = new Map<string, PatchedFile>();
  const where = base === 'staged' ? 'the index' : 'the working tree';
  const current = async (p: string): Promise<string | null> => {
    if (!state.has(p)) state.set(p, await readBase(repo, base, p));
    return state.get(p) ?? null;
  };
  for (const text of patches) {
    const parsed = parseUnifiedDiff(text);
    if (!parsed.ok) throw new RustgateError('PATCH_REJECTED', parsed.reason, 'send a unified diff (git diff format) whose paths are relative to the workspace root');
    for (const f of parsed.files) {
      const src = f.oldPath ?? f.newPath ?? '';
      const before = f.kind === 'add' ? null : await current(src);
      if (f.kind !== 'add' && before === null) throw new RustgateError('PATCH_DOES_NOT_APPLY', `${src} does not exist in ${where}`, 'make the patch against the current content (git diff), or stage the file first');
      if (f.kind === 'add' && (await current(f.newPath ?? '')) !== null) throw new RustgateError('PATCH_DOES_NOT_APPLY', `${f.newPath ?? ''} already exists in ${where}`, 'make the patch against the current content (git diff)');
      let after: string | null = null;
      let changed: ChangedLines = { removed: [], insertedBefore: [] };
      if (f.kind !== 'delete') {
        const r = applyHunks(before ?? '', f.hunks);
        if (!r.ok) throw new RustgateError('PATCH_DOES_NOT_APPLY', `hunk #${r.hunk} (${r.header}) of ${src} does not apply to ${where}: ${r.reason}`, 'regenerate the patch against the current content (git diff), or pass --staged to patch the index');
        after = r.text;
        changed = r.changed;
      } else if (f.hunks.length > 0) {
        const r = applyHunks(before ?? '', f.hunks);
        if (!r.ok || r.text !== '') throw new RustgateError('PATCH_DOES_NOT_APPLY', `the deletion of ${src} does not match its content in ${where}`, 'regenerate the patch against the current content (git diff)');
        changed = r.changed;
      }
      if (f.kind === 'rename' || f.kind === 'delete') state.set(src, null);
      const dest = f.newPath ?? src;
      if (f.kind !== 'delete') state.set(dest, after);
      const prevSrc = result.get(src);
      const origBefore = prevSrc ? prevSrc.before : before;
      if (f.kind === 'rename') result.set(src, { patch: f, path: src, before: origBefore, after: null, changed });
      const prevDest = result.get(dest);
      result.set(dest, { patch: f, path: dest, before: f.kind === 'rename' ? (prevDest?.before ?? null) : (prevDest ? prevDest.before : before), after, changed: mergeChanged(prevDest?.changed, changed, f.kind === 'rename') });
    }
  }
  return [...result.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

// Later patches' line numbers refer to already patched text; only the first patch's lines are kept as original lines.
function mergeChanged(prev: ChangedLines | undefined, next: ChangedLines, renamed: boolean): ChangedLines {
  if (renamed) return { removed: [], insertedBefore: [] };
  return prev ?? next;
}

/** A private tree holding the selected content with patched files written over it. */
export interface PatchedTree {
  repo: RepoInfo;
  dir: string;
  targetDir: string;
  storeDir: string;
}

/**
 * Syncs the private copy `name` (see `src/app/private-tree`) to the selected content, writes `files` over it, runs
 * `fn`, and restores the copy (so the next use is exact). Holds the workspace lock meanwhile. A patched path that
 * goes through a symlink of the content is refused (PATCH_REJECTED), and every write is confined to the copy.
 */
export async function withPatchedTree<T>(repo: RepoInfo, base: PatchBase, name: 'validate-fix' | 'prove-fix', files: readonly PatchedFile[], fn: (tree: PatchedTree) => Promise<T>): Promise<T> {
  const lock = await acquireLock(repo.workspace, { command: name });
  try {
    await assertNoOperationInProgress(repo, base === 'worktree');
    const tree = openPrivateTree({ repo, name, source: base });
    await tree.sync();
    for (const f of files) {
      for (const p of [f.path, f.patch.oldPath, f.patch.newPath]) {
        const link = p === null ? null : tree.linkOnPath(p);
        if (link !== null) throw new RustgateError('PATCH_REJECTED', `refusing the patch: ${p ?? ''} goes through the symlink ${link}`, 'patch the file the link points to, by its own path inside the workspace');
      }
    }
    await tree.overlay(new Map(files.map((f) => [f.path, f.after])));
    try {
      return await fn({ repo, dir: tree.dir, targetDir: tree.targetDir, storeDir: tree.storeDir });
    } finally {
      await tree.reset();
    }
  } finally {
    lock.release();
  }
}

/** Options of `validateFix`. */
export interface ValidateFixOptions {
  repo: string;
  /** The unified diff text. */
  patch: string;
  /** Apply to the index instead of the working tree. */
  staged?: boolean;
  /** Also run the impacted tests (packages owning the patched files and their dependents). */
  tests?: boolean;
  cargoTimeoutMs?: number;
  onProgress?: (stage: string) => void;
}

/** The contract JSON of `validate-fix` (plus `warnings`, `ms`, and `reason` when the patch was refused). */
export interface ValidateFixReport {
  ok: boolean;
  applies: boolean;
  touched_files: string[];
  touched_keys: string[];
  diagnostics: ContractDiagnostic[];
  tests: TestSummary | null;
  validation_status: 'Cargo_OK' | 'Tests_OK' | 'Failed';
  /** Why the patch was refused (applies false). */
  reason?: string;
  warnings: string[];
  ms: { total: number; cargo: number };
}

/** Finds as contract diagnostics (the same shape as `preflight --format json`). */
export function contractDiagnostics(findings: readonly PreflightFinding[]): ContractDiagnostic[] {
  return findings.map(toContractDiagnostic);
}

/** Builds (incrementally) the ISG of `root` into the store at `dir`; the caller closes it (loaded lazily). */
export async function openBuiltStore(root: string, dir: string): Promise<IsgStore> {
  const { openBuiltStore: open } = await import('./build-isg.js');
  return open(root, dir);
}

/** Runs validate-fix. A refused patch is a thrown RustgateError (exit 2); a failing tree is `ok: false`. */
export async function validateFix(opts: ValidateFixOptions): Promise<ValidateFixReport> {
  const t0 = performance.now();
  const progress = opts.onProgress ?? (() => undefined);
  const repo = await openWorkspace(opts.repo);
  const base: PatchBase = opts.staged ? 'staged' : 'worktree';
  progress('applying the patch');
  const files = await applyPatchTexts(repo, base, [opts.patch]);
  const warnings: string[] = [];

  // touched_keys come from the repository's own ISG (built or refreshed here), whose spans are the current lines.
  progress('refreshing the ISG');
  let repoNodes: IsgNode[] = [];
  try {
    const store = await openBuiltStore(repo.workspace, storeDir(repo.workspace));
    try {
      repoNodes = await store.allNodes();
    } finally {
      await store.close();
    }
  } catch (e) {
    warnings.push(`ISG unavailable, touched_keys is empty: ${e instanceof Error ? e.message : String(e)}`);
  }

  return withPatchedTree(repo, base, 'validate-fix', files, async (tree) => {
    progress('cargo check');
    const res = await cargoCheck({ cwd: tree.dir, targetDir: tree.targetDir, ...(opts.cargoTimeoutMs !== undefined ? { timeoutMs: opts.cargoTimeoutMs } : {}) });
    const diagnostics: Diagnostic[] = [...res.diagnostics];
    const failure = synthesiseCargoFailure(res, tree.dir, opts.cargoTimeoutMs);
    if (failure) diagnostics.push(failure);
    const selected = selectDiagnostics(diagnostics);
    let tests: TestSummary | null = null;
    let testsFailed = false;
    const errorsBefore = selected.some((d) => d.level === 'error');
    if (opts.tests && !errorsBefore) {
      progress('impacted tests');
      const ws = await readWorkspace(tree.dir);
      const deps = new Map(ws.packages.map((p) => [p.name, p.deps]));
      const packages = impactedPackages(cratesOwningFiles(files.map((f) => f.path), ws.packages), deps);
      const t = await runTests({ cwd: tree.dir, targetDir: tree.targetDir, packages, timeoutMs: opts.cargoTimeoutMs ?? 600_000 });
      tests = { ran: t.ran, passed: t.passed, failed: t.failed };
      testsFailed = t.failed > 0 || t.buildFailed || t.timedOut || (t.exitCode !== 0 && t.exitCode !== null);
      for (const f of t.failedTests) warnings.push(`test failed: ${f.name}`);
      if (t.buildFailed) warnings.push('the tests did not build');
      if (t.timedOut) warnings.push('the tests timed out');
    }
    // The patched tree's own graph maps the diagnostics and names the nodes of created files.
    const added = files.filter((f) => f.before === null && f.after !== null);
    let findings: PreflightFinding[] = selected.map((d) => ({ diagnostic: d, isg: null, blastRadius: [] }));
    const addedKeys: string[] = [];
    if (selected.length > 0 || added.length > 0) {
      progress('mapping to the ISG');
      let store: IsgStore | null = null;
      try {
        store = await openBuiltStore(tree.dir, tree.storeDir);
        findings = await mapFindings(selected, store);
        const nodes = await store.allNodes();
        for (const f of added) addedKeys.push(...keysOfFile(nodes, f.path));
      } catch (e) {
        warnings.push(`ISG of the patched tree unavailable, diagnostics are not mapped: ${e instanceof Error ? e.message : String(e)}`);
      } finally {
        await store?.close().catch(() => undefined);
      }
    }
    const keys = new Set<string>(addedKeys);
    for (const f of files) if (f.before !== null) for (const k of touchedKeys(repoNodes, f.patch.oldPath ?? f.path, f.changed)) keys.add(k);
    const failed = hasErrors(findings) || testsFailed;
    return {
      ok: !failed,
      applies: true,
      touched_files: files.map((f) => f.path),
      touched_keys: [...keys].sort(),
      diagnostics: contractDiagnostics(findings),
      tests,
      validation_status: failed ? 'Failed' : tests !== null ? 'Tests_OK' : 'Cargo_OK',
      warnings,
      ms: { total: Math.round(performance.now() - t0), cargo: Math.round(res.ms) },
    };
  });
}
