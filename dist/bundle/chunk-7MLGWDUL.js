import { createRequire as __rgCreateRequire } from 'node:module';
const require = __rgCreateRequire(import.meta.url);
import {
  makeKey
} from "./chunk-C2TXHI23.js";
import {
  readWorkspace
} from "./chunk-MR43FRMH.js";
import {
  runTool,
  startTool
} from "./chunk-YRYO5B6H.js";

// src/adapters/cargo/test-runner.ts
import { readdirSync, readFileSync } from "node:fs";

// src/core/tests/impacted.ts
function impactedPackages(changedCrates, workspaceDeps) {
  const dependents = /* @__PURE__ */ new Map();
  for (const [pkg, deps] of workspaceDeps) {
    for (const dep of deps) {
      const list = dependents.get(dep);
      if (list) list.push(pkg);
      else dependents.set(dep, [pkg]);
    }
  }
  const seen = /* @__PURE__ */ new Set();
  const queue = [...changedCrates];
  while (queue.length > 0) {
    const pkg = queue.pop();
    if (seen.has(pkg)) continue;
    seen.add(pkg);
    for (const d of dependents.get(pkg) ?? []) if (!seen.has(d)) queue.push(d);
  }
  return [...seen].sort();
}
function cratesOwningFiles(files, packages) {
  const byDepth = [...packages].sort((a, b) => b.manifestDir.length - a.manifestDir.length);
  const out = /* @__PURE__ */ new Set();
  for (const f of files) {
    const owner = byDepth.find((p) => p.manifestDir === "" || f === p.manifestDir || f.startsWith(`${p.manifestDir}/`));
    if (owner) out.add(owner.name);
  }
  return [...out].sort();
}

// src/core/tests/test-keys.ts
var norm = (s) => s.replace(/-/g, "_");
function candidateTargets(test, packages) {
  const pkgs = test.package === void 0 ? packages : packages.filter((p) => p.name === test.package);
  const targets = pkgs.flatMap((p) => p.targets);
  const testable = targets.filter((t) => t.kind.some((k) => k !== "custom-build"));
  const matching = test.binary === void 0 ? testable : testable.filter((t) => norm(t.name) === norm(test.binary));
  const rank = (t) => t.kind.some((k) => k.endsWith("lib") || k === "proc-macro") ? 0 : t.kind.includes("test") ? 1 : 2;
  return [...matching].sort((a, b) => rank(a) - rank(b));
}
function testKeyCandidates(test, packages) {
  const segs = test.name.split("::").filter((s) => s !== "");
  if (segs.length === 0) return [];
  const out = [];
  for (const target of candidateTargets(test, packages)) {
    const root = target.srcPath;
    const dir = root.includes("/") ? root.slice(0, root.lastIndexOf("/")) : "";
    const join = (p) => dir === "" ? p : `${dir}/${p}`;
    for (let i = segs.length - 1; i >= 0; i--) {
      const item = segs.slice(i).join("::");
      if (i === 0) {
        out.push(makeKey(root, item));
      } else {
        const mod = segs.slice(0, i).join("/");
        out.push(makeKey(join(`${mod}.rs`), item), makeKey(join(`${mod}/mod.rs`), item));
      }
    }
  }
  return [...new Set(out)];
}
async function testNodeKey(test, lookup) {
  for (const key of testKeyCandidates(test, lookup.packages)) {
    if (await lookup.getNode(key) !== void 0) return key;
  }
  return null;
}

// src/core/tests/failures.ts
function panicSummary(output) {
  if (!output) return null;
  const lines = output.split("\n");
  const i = lines.findIndex((l) => / panicked at /.test(l));
  const next = i >= 0 ? lines[i + 1]?.trim() : void 0;
  return next ? next : null;
}
async function testFailureDiagnostics(failed, lookup, opts = {}) {
  const out = [];
  for (const t of failed) {
    const key = lookup ? await testNodeKey(t, lookup) : null;
    const node = key && lookup ? await lookup.getNode(key) : void 0;
    const span = node ? {
      file: node.file,
      lineStart: node.span.startLine,
      lineEnd: node.span.endLine,
      columnStart: 1,
      columnEnd: 1,
      byteStart: -1,
      byteEnd: -1,
      isPrimary: true,
      label: "failing test"
    } : null;
    const why = panicSummary(t.output);
    out.push({
      level: "error",
      code: null,
      message: `test ${t.name} failed${why ? `: ${why}` : ""}`,
      primary: span,
      spans: span ? [span] : [],
      notes: t.package ? [`in package ${t.package}`] : [],
      suggestions: [],
      rendered: t.output ?? "",
      source: "test",
      packageName: t.package ?? null
    });
  }
  if (opts.timedOut) {
    out.push({
      level: "warning",
      code: null,
      message: `tests stopped at the ${opts.timeoutSeconds ?? "?"} s cap; results cover the tests that finished (preflight.tests.timeout_seconds in rustgate.yaml)`,
      primary: null,
      spans: [],
      notes: [],
      suggestions: [],
      rendered: "",
      source: "test",
      packageName: null
    });
  }
  return out;
}

// src/adapters/cargo/test-runner.ts
function testRunProblem(r, timeoutMs) {
  if (r.timedOut) return `cut off by the ${timeoutMs !== void 0 ? `${Math.round(timeoutMs / 1e3)} s ` : ""}time cap after ${r.ran} of ${r.selected} selected tests`;
  if (r.buildFailed) return "the tests did not build";
  if (r.failed > 0) return `${r.failed} of ${r.ran} tests failed`;
  if (r.exitCode !== 0) return `the test runner exited with ${String(r.exitCode)}`;
  if (r.selected > 0 && r.ran === 0) return `${r.selected} tests were selected but none ran`;
  if (r.ran < r.selected) return `only ${r.ran} of ${r.selected} selected tests ran`;
  return null;
}
var OUTPUT_LIMIT = 4e3;
var KILL_GRACE_MS = 2e3;
var nextestAvailable;
function hasNextest() {
  nextestAvailable ??= runTool("cargo", ["nextest", "--version"], { timeoutMs: 3e4 }).then((r) => r.exitCode === 0);
  return nextestAvailable;
}
async function runTests(opts) {
  const started = Date.now();
  const wanted = opts.runner ?? "auto";
  const runner = wanted === "auto" ? await hasNextest() ? "nextest" : "cargo-test" : wanted;
  const pkgArgs = opts.packages.flatMap((p) => ["-p", p]);
  const featureArgs = [
    ...opts.features && opts.features.length > 0 ? ["--features", opts.features.join(",")] : [],
    ...opts.allFeatures ? ["--all-features"] : []
  ];
  const nextestArgs = (json) => [
    "nextest",
    "run",
    "--no-fail-fast",
    "--no-tests=pass",
    ...json ? ["--message-format", "libtest-json"] : [],
    ...pkgArgs,
    ...featureArgs
  ];
  const args = runner === "nextest" ? nextestArgs(opts.nextestFormat !== "human") : ["test", "--no-fail-fast", ...pkgArgs, ...featureArgs];
  if (opts.packages.length === 0) {
    return {
      runner,
      selected: 0,
      ran: 0,
      passed: 0,
      failed: 0,
      failedTests: [],
      timedOut: false,
      buildFailed: false,
      exitCode: 0,
      command: ["cargo", ...args],
      stderrTail: "",
      ms: Date.now() - started,
      doctests: null,
      ok: true,
      problem: null
    };
  }
  const first = await runCapped(runner, args, opts, opts.timeoutMs);
  const rejected = runner === "nextest" && args.includes("libtest-json") && first.exitCode === 2 && first.ran === 0 && /message-format|libtest|unexpected argument/i.test(first.stderrTail);
  const main = rejected ? await runCapped(runner, nextestArgs(false), opts, Math.max(1, opts.timeoutMs - (Date.now() - started))) : first;
  let result = main;
  if (runner === "nextest" && !main.timedOut && !main.buildFailed) {
    const libs = opts.libPackages ?? await libraryPackages(opts.cwd, opts.packages);
    if (libs.length > 0) {
      const left = opts.timeoutMs - (Date.now() - started);
      const docArgs = ["test", "--doc", "--no-fail-fast", ...libs.flatMap((p) => ["-p", p]), ...featureArgs];
      const doc = left > 0 ? await runCapped("cargo-test", docArgs, opts, left) : null;
      result = doc ? {
        ...main,
        selected: main.selected + doc.selected,
        ran: main.ran + doc.ran,
        passed: main.passed + doc.passed,
        failed: main.failed + doc.failed,
        failedTests: [...main.failedTests, ...doc.failedTests],
        timedOut: doc.timedOut,
        buildFailed: doc.buildFailed,
        exitCode: main.exitCode !== 0 ? main.exitCode : doc.exitCode,
        stderrTail: doc.exitCode !== 0 ? doc.stderrTail : main.stderrTail,
        doctests: { selected: doc.selected, ran: doc.ran, passed: doc.passed, failed: doc.failed, command: doc.command }
      } : { ...main, timedOut: true, exitCode: null };
    }
  }
  const problem = testRunProblem(result, opts.timeoutMs);
  return { ...result, ms: Date.now() - started, ok: problem === null, problem };
}
async function libraryPackages(cwd, packages) {
  try {
    const ws = await readWorkspace(cwd);
    const isLib = (k) => k === "lib" || k === "rlib" || k === "dylib" || k === "proc-macro";
    const withLib = new Set(ws.packages.filter((p) => p.targets.some((t) => t.kind.some(isLib))).map((p) => p.name));
    return packages.filter((p) => withLib.has(p));
  } catch {
    return [...packages];
  }
}
async function runCapped(runner, args, opts, timeoutMs) {
  const started = Date.now();
  const { child } = startTool("cargo", args, {
    cwd: opts.cwd,
    env: {
      ...opts.env,
      CARGO_TARGET_DIR: opts.targetDir,
      NEXTEST_EXPERIMENTAL_LIBTEST_JSON: "1",
      CARGO_TERM_COLOR: "never",
      // Keep failure output short and stable.
      RUST_BACKTRACE: "0"
    }
  });
  let timedOut = false;
  let killing;
  const exited = child.then(() => void 0);
  let seenOut = 0;
  let seenErr = 0;
  child.stdout?.on("data", (b) => seenOut += b.length);
  child.stderr?.on("data", (b) => seenErr += b.length);
  let cut;
  const timer = setTimeout(() => {
    timedOut = true;
    cut = { out: seenOut, err: seenErr };
    if (child.pid !== void 0) killing = killTree(child.pid, exited);
  }, timeoutMs);
  const r = await child;
  clearTimeout(timer);
  if (killing) await killing;
  const text = (v, n) => typeof v === "string" ? n === void 0 ? v : Buffer.from(v).subarray(0, n).toString() : "";
  const stdout = text(r.stdout, cut?.out);
  const stderr = text(r.stderr, void 0);
  const stderrAtCap = text(r.stderr, cut?.err);
  const parsed = runner === "nextest" ? parseNextest(stdout, stderrAtCap) : parseCargoTest(stdout, stderrAtCap, opts.packages);
  return {
    runner,
    ...parsed,
    doctests: null,
    timedOut,
    buildFailed: /error: could not compile|error\[E\d{4}\]/.test(stderr),
    exitCode: timedOut ? null : r.exitCode ?? null,
    command: ["cargo", ...args],
    stderrTail: stderr.split("\n").slice(-20).join("\n"),
    ms: Date.now() - started
  };
}
var trim = (s) => s.length > OUTPUT_LIMIT ? `${s.slice(0, OUTPUT_LIMIT)}
\u2026 (truncated)` : s;
function splitNextestName(full) {
  const dollar = full.indexOf("$");
  if (dollar < 0) return { name: full };
  const binaryId = full.slice(0, dollar);
  const name = full.slice(dollar + 1);
  const [pkg, ...rest] = binaryId.split("::");
  const binary = rest.length > 0 ? rest.join("::").replace(/^(bin|test|bench|example)\//, "") : pkg;
  return { name, ...pkg ? { package: pkg } : {}, ...binary ? { binary } : {} };
}
function parseNextest(stdout, stderr) {
  let passed = 0;
  let selected = 0;
  let sawJson = false;
  const failedTests = [];
  for (const line of stdout.split("\n")) {
    if (!line.startsWith("{")) continue;
    let ev;
    try {
      ev = JSON.parse(line);
    } catch {
      continue;
    }
    sawJson = true;
    if (ev.type === "suite" && ev.event === "started" && typeof ev.test_count === "number") selected += ev.test_count;
    if (ev.type !== "test" || typeof ev.name !== "string") continue;
    if (ev.event === "ok") passed++;
    else if (ev.event === "failed" || ev.event === "timeout") {
      const t = splitNextestName(ev.name);
      failedTests.push(ev.stdout ? { ...t, output: trim(ev.stdout) } : t);
    }
  }
  const starting = /^\s*Starting (\d+) tests? across/m.exec(stderr);
  if (starting) selected = Number(starting[1]);
  if (!sawJson) {
    const re = /^\s*(PASS|FAIL|SIGSEGV|SIGABRT|SIGKILL|TIMEOUT|ABORT|LEAK-FAIL)\s+\[[^\]]*\]\s+(?:\(\d+\/\d+\)\s+)?(\S+)\s+(\S+)\s*$/;
    const seen = /* @__PURE__ */ new Set();
    for (const line of stderr.split("\n")) {
      const m = re.exec(line);
      if (!m) continue;
      const [, status, binaryId, name] = m;
      const id = `${binaryId} ${name}`;
      if (seen.has(id)) continue;
      seen.add(id);
      if (status === "PASS") passed++;
      else {
        const [pkg, ...rest] = binaryId.split("::");
        const binary = rest.length > 0 ? rest.join("::").replace(/^(bin|test|bench|example)\//, "") : pkg;
        failedTests.push({ name, ...pkg ? { package: pkg } : {}, ...binary ? { binary } : {} });
      }
    }
  }
  return { selected, ran: passed + failedTests.length, passed, failed: failedTests.length, failedTests };
}
function parseCargoTest(stdout, stderr, packages = []) {
  const binaries = [];
  const failedPackageByBinary = /* @__PURE__ */ new Map();
  for (const line of stderr.split("\n")) {
    const running = /^\s*Running (?:unittests )?\S+ \((.+)\)\s*$/.exec(line);
    const doc = /^\s*Doc-tests (\S+)\s*$/.exec(line);
    if (running) binaries.push(running[1].split(/[\\/]/).pop().replace(/-[0-9a-f]{8,}(\.exe)?$/, ""));
    else if (doc) binaries.push(doc[1]);
    const rerun = /^error: test failed, to rerun pass `-p (\S+) (?:--lib|--bins?|--test (\S+)|--bin (\S+)|--doc)`/.exec(line);
    if (rerun) failedPackageByBinary.set(rerun[2] ?? rerun[3] ?? rerun[1].replace(/-/g, "_"), rerun[1]);
  }
  const sections = [];
  const outputs = /* @__PURE__ */ new Map();
  let cur;
  let block;
  const closeBlock = () => {
    if (block) outputs.set(block.name, block.lines.join("\n").trim());
    block = void 0;
  };
  for (const line of stdout.split("\n")) {
    const running = /^running (\d+) tests?$/.exec(line);
    if (running) {
      closeBlock();
      cur = { announced: Number(running[1]), ignored: 0, passed: 0, failed: [] };
      sections.push(cur);
      continue;
    }
    if (cur === void 0) continue;
    const header = /^---- (.+) stdout ----$/.exec(line);
    if (header) {
      closeBlock();
      block = { name: header[1], lines: [] };
      continue;
    }
    if (line === "failures:" || line.startsWith("test result:")) closeBlock();
    const result = /^test result: \w+\. (\d+) passed; (\d+) failed;/.exec(line);
    if (result) {
      cur.passed = Number(result[1]);
      continue;
    }
    const t = /^test (.+?) \.\.\. (ok|FAILED|ignored.*)$/.exec(line);
    if (t && block === void 0) {
      if (t[2] === "ok") cur.passed++;
      else if (t[2]?.startsWith("ignored")) cur.ignored++;
      else if (t[2] === "FAILED" && !cur.failed.includes(t[1])) cur.failed.push(t[1]);
      continue;
    }
    block?.lines.push(line);
  }
  closeBlock();
  const norm2 = (s) => s.replace(/-/g, "_");
  const failedTests = [];
  let passed = 0;
  let selected = 0;
  sections.forEach((sec, i) => {
    passed += sec.passed;
    selected += Math.max(0, sec.announced - sec.ignored);
    const binary = binaries[i];
    for (const name of sec.failed) {
      const pkg = (binary !== void 0 ? failedPackageByBinary.get(binary) : void 0) ?? packages.find((p) => binary !== void 0 && norm2(p) === binary);
      const output = outputs.get(name);
      failedTests.push({
        name,
        ...pkg ? { package: pkg } : {},
        ...binary ? { binary } : {},
        ...output ? { output: trim(output) } : {}
      });
    }
  });
  return { selected, ran: passed + failedTests.length, passed, failed: failedTests.length, failedTests };
}
function descendants(pid) {
  let entries;
  try {
    entries = readdirSync("/proc").filter((e) => /^\d+$/.test(e));
  } catch {
    return [];
  }
  const children = /* @__PURE__ */ new Map();
  for (const e of entries) {
    try {
      const stat = readFileSync(`/proc/${e}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      const list = children.get(ppid);
      if (list) list.push(Number(e));
      else children.set(ppid, [Number(e)]);
    } catch {
    }
  }
  const out = [];
  const stack = [pid];
  while (stack.length > 0) {
    for (const c of children.get(stack.pop()) ?? []) {
      out.push(c);
      stack.push(c);
    }
  }
  return out;
}
function signal(pid, sig) {
  try {
    process.kill(pid, sig);
  } catch {
  }
}
async function killTree(pid, exited) {
  const tree = descendants(pid);
  signal(-pid, "SIGTERM");
  let timer;
  await Promise.race([exited, new Promise((r) => timer = setTimeout(r, KILL_GRACE_MS))]);
  clearTimeout(timer);
  signal(-pid, "SIGKILL");
  for (const d of tree) signal(d, "SIGKILL");
}
function runError(message, rendered) {
  return { level: "error", code: null, message, primary: null, spans: [], notes: [], suggestions: [], rendered, source: "test", packageName: null };
}
function impactedTestsExtension(opts) {
  return {
    name: "running impacted tests",
    // A failing test is reported on its test function's ISG node, so the shadow graph must exist.
    needsGraph: true,
    async run(ctx) {
      if (ctx.diagnostics.some((d) => d.level === "error")) return { warnings: ["tests not run: the checked content has compile errors"] };
      const ws = await (opts.readWorkspace ?? readWorkspace)(ctx.shadowRoot);
      const changedPaths = ctx.changedFiles.flatMap((f) => f.oldPath ? [f.path, f.oldPath] : [f.path]);
      const packages = opts.packages && opts.packages.length > 0 ? [...opts.packages].sort() : impactedPackages(cratesOwningFiles(changedPaths, ws.packages), new Map(ws.packages.map((p) => [p.name, p.deps])));
      if (packages.length === 0) return { tests: { ran: 0, passed: 0, failed: 0 }, warnings: ["no crate owns the changed files: no tests to run"] };
      const run = await runTests({
        cwd: ctx.shadowRoot,
        targetDir: ctx.targetDir,
        packages,
        timeoutMs: opts.timeoutSeconds * 1e3,
        ...opts.features ? { features: opts.features } : {},
        ...opts.allFeatures ? { allFeatures: true } : {},
        ...opts.runner ? { runner: opts.runner } : {}
      });
      const graph = ctx.graph;
      const lookup = graph ? { packages: ws.packages, getNode: (key) => graph.getNode(key) } : null;
      const diagnostics = await testFailureDiagnostics(run.failedTests, lookup);
      if (run.buildFailed) {
        diagnostics.push(runError(`the tests of ${packages.join(", ")} do not compile (cargo check does not build test code)`, run.stderrTail));
      } else if (run.timedOut) {
        diagnostics.push(
          runError(
            `tests not complete: ${run.problem ?? "cut off by the time cap"}; raise preflight.tests.timeout_seconds in rustgate.yaml (now ${opts.timeoutSeconds})`,
            run.stderrTail
          )
        );
      } else if (!run.ok && run.failedTests.length === 0) {
        diagnostics.push(runError(`tests not passed: ${run.problem ?? "the test run failed"}`, run.stderrTail));
      }
      const doc = run.doctests ? `, doctests ${run.doctests.passed}/${run.doctests.ran}` : "";
      const warnings = [
        `tests (${run.runner}${run.doctests ? " + cargo test --doc" : ""}) of ${packages.join(", ")}: ${run.selected} selected, ${run.ran} ran, ${run.passed} passed, ${run.failed} failed${doc} in ${(run.ms / 1e3).toFixed(1)} s`
      ];
      return { diagnostics, tests: { ran: run.ran, passed: run.passed, failed: run.failed, selected: run.selected, complete: !run.timedOut && !run.buildFailed && run.ran >= run.selected }, warnings, run };
    }
  };
}

export {
  impactedPackages,
  cratesOwningFiles,
  testRunProblem,
  hasNextest,
  runTests,
  parseNextest,
  parseCargoTest,
  impactedTestsExtension
};
