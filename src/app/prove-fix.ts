/**
 * prove-fix use case (Journey F, RED → GREEN): in a private copy, the new test (from a test patch, or a named
 * existing test) must fail on the current code, and pass once the fix patch is applied too, with no other impacted
 * test newly failing. Without a test, returns what a reasoner needs to write one. Nothing the user owns is written.
 */
import { readWorkspace } from '../adapters/cargo/metadata.js';
import { runTests, type TestRunResult } from '../adapters/cargo/test-runner.js';
import { RustgateError } from '../core/errors.js';
import type { IsgNode } from '../core/isg/types.js';
import { testFunctionNames } from '../core/fix/scope.js';
import { touchedKeys } from '../core/patch/touched.js';
import { cratesOwningFiles, impactedPackages } from '../core/tests/impacted.js';
import type { ContextReport } from './context.js';
import { openWorkspace } from './preflight.js';
import { applyPatchTexts, openBuiltStore, withPatchedTree, type PatchedFile } from './validate-fix.js';
import { storeDir } from './workdir.js';

/** Options of `proveFix`. */
export interface ProveFixOptions {
  repo: string;
  /** The fix, a unified diff. */
  fix: string;
  /** A unified diff adding the test(s) that show the bug. */
  testPatch?: string;
  /** Or the name of an existing test (its path inside the test binary, or its last segment). */
  test?: string;
  timeoutMs?: number;
  onProgress?: (stage: string) => void;
}

/** One test run of the proof. */
export interface ProofRun {
  ran: number;
  passed: number;
  failed: number;
  failed_tests: string[];
  build_failed: boolean;
  timed_out: boolean;
  /** The target tests that failed in this run. */
  target_failed: string[];
}

/**
 * Why a proof did not hold. `no_behavioural_red`: without the fix the tests did not compile (a compile-error fix, or
 * a test of an API the fix adds), so no test failed when run; that is no evidence about behaviour.
 */
export type ProofFailure = 'test_did_not_fail_first' | 'no_behavioural_red' | 'fix_did_not_make_it_pass' | 'regressions' | 'needs_test';

/** The outcome of `prove-fix`. */
export interface ProveFixReport {
  proven: boolean;
  failed_step: ProofFailure | null;
  /** The tests that must go RED → GREEN. */
  tests: string[];
  red: ProofRun | null;
  green: ProofRun | null;
  /** Tests failing after the fix that passed before it. */
  regressions: string[];
  touched_files: string[];
  touched_keys: string[];
  /** Set when the outcome needs words (no_behavioural_red): what was and was not shown. */
  note?: string;
  /** Without a test: where to write one and the context of the fixed code. */
  needs_test?: { instructions: string; test_module: { file: string; key: string | null; suggestion: string } | null; context: ContextReport | null };
}

const sameTest = (name: string, wanted: string): boolean => name === wanted || name.endsWith(`::${wanted}`);

function summarise(t: TestRunResult, targets: readonly string[]): ProofRun {
  const failedNames = t.failedTests.map((f) => f.name);
  // RED means a test that compiled, ran and failed: a target that did not build did not fail at run time.
  const target = t.buildFailed ? [] : targets.filter((x) => failedNames.some((n) => sameTest(n, x)));
  return { ran: t.ran, passed: t.passed, failed: t.failed, failed_tests: failedNames, build_failed: t.buildFailed, timed_out: t.timedOut, target_failed: target };
}

/** Names of `#[test]` fns the test patch adds (present after, absent before). */
function addedTests(files: readonly PatchedFile[]): string[] {
  const out: string[] = [];
  for (const f of files) {
    if (f.after === null) continue;
    const before = new Set(testFunctionNames(f.before ?? ''));
    for (const n of testFunctionNames(f.after)) if (!before.has(n)) out.push(n);
  }
  return [...new Set(out)];
}

async function repoNodes(workspace: string): Promise<IsgNode[]> {
  const store = await openBuiltStore(workspace, storeDir(workspace));
  try {
    return await store.allNodes();
  } finally {
    await store.close();
  }
}

/** Runs the RED → GREEN proof (or explains what test is missing). */
export async function proveFix(opts: ProveFixOptions): Promise<ProveFixReport> {
  const progress = opts.onProgress ?? (() => undefined);
  const repo = await openWorkspace(opts.repo);
  if (opts.testPatch !== undefined && opts.test !== undefined) throw new RustgateError('BAD_FLAG', 'pass either --test-patch or --test, not both', 'use --test-patch FILE for a new test, --test NAME for an existing one');
  const fixOnly = await applyPatchTexts(repo, 'worktree', [opts.fix]);
  const nodes = await repoNodes(repo.workspace).catch(() => [] as IsgNode[]);
  const keys = [...new Set(fixOnly.flatMap((f) => (f.before === null ? [] : touchedKeys(nodes, f.patch.oldPath ?? f.path, f.changed))))].sort();
  const touched_files = fixOnly.map((f) => f.path);

  if (opts.testPatch === undefined && opts.test === undefined) {
    // No test: point at the test module of the file owning the first fixed key, with the context of that key.
    const first = nodes.find((n) => n.key === keys[0]);
    const mod = first ? nodes.find((n) => n.file === first.file && n.kind === 'mod' && n.name === 'tests') : undefined;
    const file = first?.file ?? touched_files[0] ?? null;
    const { buildContext } = await import('./context.js');
    const context = first ? await buildContext({ repo: repo.workspace, target: first.key }) : null;
    return {
      proven: false,
      failed_step: 'needs_test',
      tests: [],
      red: null,
      green: null,
      regressions: [],
      touched_files,
      touched_keys: keys,
      needs_test: {
        instructions:
          'Write a #[test] that exercises the behaviour the fix changes: it must fail on the current code and pass with the fix. ' +
          'Then run prove-fix again with --test-patch (a diff adding the test) or --test NAME.',
        test_module: file === null ? null : { file, key: mod?.key ?? null, suggestion: mod ? `add the test inside ${mod.key} (${file}:${mod.span.startLine}-${mod.span.endLine})` : `add #[cfg(test)] mod tests { use super::*; ... } at the end of ${file}` },
        context,
      },
    };
  }

  const withTest = opts.testPatch !== undefined ? await applyPatchTexts(repo, 'worktree', [opts.testPatch]) : [];
  const both = opts.testPatch !== undefined ? await applyPatchTexts(repo, 'worktree', [opts.testPatch, opts.fix]) : fixOnly;
  const targets = opts.test !== undefined ? [opts.test] : addedTests(withTest);
  if (targets.length === 0) throw new RustgateError('BAD_FLAG', 'the test patch adds no #[test] function', 'add a #[test] fn in the test patch, or pass --test NAME for an existing test');
  const timeoutMs = opts.timeoutMs ?? 600_000;
  const files = [...new Set(both.map((f) => f.path))];

  const run = async (set: readonly PatchedFile[], stage: string): Promise<ProofRun> =>
    withPatchedTree(repo, 'worktree', 'prove-fix', set, async (tree) => {
      progress(stage);
      const ws = await readWorkspace(tree.dir);
      const deps = new Map(ws.packages.map((p) => [p.name, p.deps]));
      const packages = impactedPackages(cratesOwningFiles(files, ws.packages), deps);
      return summarise(await runTests({ cwd: tree.dir, targetDir: tree.targetDir, packages, timeoutMs }), targets);
    });

  const red = await run(withTest, 'RED: the test without the fix');
  const base = { tests: targets, touched_files, touched_keys: keys };
  if (red.build_failed && !red.timed_out) {
    // A compile error is not a behavioural RED. GREEN still runs, so the report says whether the fix compiles and
    // the tests pass with it, but the fix is not `proven`.
    const green = await run(both, 'GREEN: the test with the fix');
    const greenOk = !green.build_failed && !green.timed_out && green.target_failed.length === 0;
    return {
      ...base,
      proven: false,
      failed_step: 'no_behavioural_red',
      red,
      green,
      regressions: [],
      note:
        'Without the fix the tests did not compile, so no test failed when run: a compile error is not a behavioural RED. ' +
        (greenOk ? 'With the fix everything compiles and the tests pass, which shows the fix compiles, not that it is right. ' : 'With the fix the tests still do not pass either. ') +
        'To prove behaviour, add a test that compiles on the current code and fails, then passes with the fix.',
    };
  }
  if (red.target_failed.length < targets.length || red.timed_out) {
    return { ...base, proven: false, failed_step: 'test_did_not_fail_first', red, green: null, regressions: [] };
  }
  const green = await run(both, 'GREEN: the test with the fix');
  if (green.target_failed.length > 0 || green.build_failed || green.timed_out) {
    return { ...base, proven: false, failed_step: 'fix_did_not_make_it_pass', red, green, regressions: [] };
  }
  const regressions = green.failed_tests.filter((n) => !red.failed_tests.includes(n) && !targets.some((t) => sameTest(n, t)));
  if (regressions.length > 0) return { ...base, proven: false, failed_step: 'regressions', red, green, regressions };
  return { ...base, proven: true, failed_step: null, red, green, regressions: [] };
}
