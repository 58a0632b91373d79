import { createRequire as __rgCreateRequire } from 'node:module';
const require = __rgCreateRequire(import.meta.url);
import {
  testFunctionNames
} from "./chunk-HYWXBECW.js";
import {
  applyPatchTexts,
  openBuiltStore,
  touchedKeys,
  withPatchedTree
} from "./chunk-QRDFM2I3.js";
import "./chunk-RTTDQT2Z.js";
import {
  cratesOwningFiles,
  impactedPackages,
  runTests
} from "./chunk-7MLGWDUL.js";
import "./chunk-C2TXHI23.js";
import {
  openWorkspace
} from "./chunk-T6PCK566.js";
import "./chunk-LK6EHPNO.js";
import {
  storeDir
} from "./chunk-2PKMAFAA.js";
import {
  readWorkspace
} from "./chunk-MR43FRMH.js";
import "./chunk-YRYO5B6H.js";
import "./chunk-LDGAVYRV.js";
import "./chunk-2GN7T756.js";
import "./chunk-AGTEUQPZ.js";
import "./chunk-PYF7NPU6.js";
import "./chunk-YS7A56PW.js";
import {
  RustgateError
} from "./chunk-LM6P7DGY.js";
import "./chunk-KRZSXWDX.js";
import "./chunk-AMJD2YOB.js";

// src/app/prove-fix.ts
var sameTest = (name, wanted) => name === wanted || name.endsWith(`::${wanted}`);
function summarise(t, targets) {
  const failedNames = t.failedTests.map((f) => f.name);
  const target = t.buildFailed ? [] : targets.filter((x) => failedNames.some((n) => sameTest(n, x)));
  return { ran: t.ran, passed: t.passed, failed: t.failed, failed_tests: failedNames, build_failed: t.buildFailed, timed_out: t.timedOut, target_failed: target };
}
function addedTests(files) {
  const out = [];
  for (const f of files) {
    if (f.after === null) continue;
    const before = new Set(testFunctionNames(f.before ?? ""));
    for (const n of testFunctionNames(f.after)) if (!before.has(n)) out.push(n);
  }
  return [...new Set(out)];
}
async function repoNodes(workspace) {
  const store = await openBuiltStore(workspace, storeDir(workspace));
  try {
    return await store.allNodes();
  } finally {
    await store.close();
  }
}
async function proveFix(opts) {
  const progress = opts.onProgress ?? (() => void 0);
  const repo = await openWorkspace(opts.repo);
  if (opts.testPatch !== void 0 && opts.test !== void 0) throw new RustgateError("BAD_FLAG", "pass either --test-patch or --test, not both", "use --test-patch FILE for a new test, --test NAME for an existing one");
  const fixOnly = await applyPatchTexts(repo, "worktree", [opts.fix]);
  const nodes = await repoNodes(repo.workspace).catch(() => []);
  const keys = [...new Set(fixOnly.flatMap((f) => f.before === null ? [] : touchedKeys(nodes, f.patch.oldPath ?? f.path, f.changed)))].sort();
  const touched_files = fixOnly.map((f) => f.path);
  if (opts.testPatch === void 0 && opts.test === void 0) {
    const first = nodes.find((n) => n.key === keys[0]);
    const mod = first ? nodes.find((n) => n.file === first.file && n.kind === "mod" && n.name === "tests") : void 0;
    const file = first?.file ?? touched_files[0] ?? null;
    const { buildContext } = await import("./chunk-SE3GSRV5.js");
    const context = first ? await buildContext({ repo: repo.workspace, target: first.key }) : null;
    return {
      proven: false,
      failed_step: "needs_test",
      tests: [],
      red: null,
      green: null,
      regressions: [],
      touched_files,
      touched_keys: keys,
      needs_test: {
        instructions: "Write a #[test] that exercises the behaviour the fix changes: it must fail on the current code and pass with the fix. Then run prove-fix again with --test-patch (a diff adding the test) or --test NAME.",
        test_module: file === null ? null : { file, key: mod?.key ?? null, suggestion: mod ? `add the test inside ${mod.key} (${file}:${mod.span.startLine}-${mod.span.endLine})` : `add #[cfg(test)] mod tests { use super::*; ... } at the end of ${file}` },
        context
      }
    };
  }
  const withTest = opts.testPatch !== void 0 ? await applyPatchTexts(repo, "worktree", [opts.testPatch]) : [];
  const both = opts.testPatch !== void 0 ? await applyPatchTexts(repo, "worktree", [opts.testPatch, opts.fix]) : fixOnly;
  const targets = opts.test !== void 0 ? [opts.test] : addedTests(withTest);
  if (targets.length === 0) throw new RustgateError("BAD_FLAG", "the test patch adds no #[test] function", "add a #[test] fn in the test patch, or pass --test NAME for an existing test");
  const timeoutMs = opts.timeoutMs ?? 6e5;
  const files = [...new Set(both.map((f) => f.path))];
  const run = async (set, stage) => withPatchedTree(repo, "worktree", "prove-fix", set, async (tree) => {
    progress(stage);
    const ws = await readWorkspace(tree.dir);
    const deps = new Map(ws.packages.map((p) => [p.name, p.deps]));
    const packages = impactedPackages(cratesOwningFiles(files, ws.packages), deps);
    return summarise(await runTests({ cwd: tree.dir, targetDir: tree.targetDir, packages, timeoutMs }), targets);
  });
  const red = await run(withTest, "RED: the test without the fix");
  const base = { tests: targets, touched_files, touched_keys: keys };
  if (red.build_failed && !red.timed_out) {
    const green2 = await run(both, "GREEN: the test with the fix");
    const greenOk = !green2.build_failed && !green2.timed_out && green2.target_failed.length === 0;
    return {
      ...base,
      proven: false,
      failed_step: "no_behavioural_red",
      red,
      green: green2,
      regressions: [],
      note: "Without the fix the tests did not compile, so no test failed when run: a compile error is not a behavioural RED. " + (greenOk ? "With the fix everything compiles and the tests pass, which shows the fix compiles, not that it is right. " : "With the fix the tests still do not pass either. ") + "To prove behaviour, add a test that compiles on the current code and fails, then passes with the fix."
    };
  }
  if (red.target_failed.length < targets.length || red.timed_out) {
    return { ...base, proven: false, failed_step: "test_did_not_fail_first", red, green: null, regressions: [] };
  }
  const green = await run(both, "GREEN: the test with the fix");
  if (green.target_failed.length > 0 || green.build_failed || green.timed_out) {
    return { ...base, proven: false, failed_step: "fix_did_not_make_it_pass", red, green, regressions: [] };
  }
  const regressions = green.failed_tests.filter((n) => !red.failed_tests.includes(n) && !targets.some((t) => sameTest(n, t)));
  if (regressions.length > 0) return { ...base, proven: false, failed_step: "regressions", red, green, regressions };
  return { ...base, proven: true, failed_step: null, red, green, regressions: [] };
}
export {
  proveFix
};
