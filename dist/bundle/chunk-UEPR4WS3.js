import { createRequire as __rgCreateRequire } from 'node:module';
const require = __rgCreateRequire(import.meta.url);
import {
  runTests
} from "./chunk-TDADL2FU.js";
import {
  affectedPackagesIn,
  cargoCheck,
  cargoCheckArgs,
  openPrivateTree,
  readInside
} from "./chunk-N37PSBIC.js";
import {
  readWorkspace
} from "./chunk-7KHDXEBR.js";
import {
  runTool
} from "./chunk-YRYO5B6H.js";
import {
  openRepo
} from "./chunk-PYF7NPU6.js";
import {
  RustgateError
} from "./chunk-LM6P7DGY.js";

// src/app/fix-validate.ts
import { createHash } from "node:crypto";
import { readdir } from "node:fs/promises";
import path from "node:path";
async function listCopied(dir, rel = "") {
  const entries = await readdir(path.join(dir, rel), { withFileTypes: true }).catch(() => []);
  const out = [];
  for (const e of entries) {
    const r = rel === "" ? e.name : `${rel}/${e.name}`;
    if (e.isDirectory()) out.push(...await listCopied(dir, r));
    else out.push(r);
  }
  return out;
}
function sha256(data) {
  return createHash("sha256").update(data).digest("hex");
}
function syntheticError(message, rendered, source = "rustc") {
  return { level: "error", code: null, message, primary: null, spans: [], notes: [], suggestions: [], rendered, source, packageName: null };
}
async function run(cmd, args, cwd, env, timeoutMs) {
  const r = await runTool(cmd, args, { cwd, env, timeoutMs, maxBuffer: 256 * 1024 * 1024 });
  if (r.code === "ENOENT" || r.failed && r.exitCode === void 0 && /ENOENT/.test(String(r.message))) {
    throw new RustgateError("CARGO_MISSING", `${cmd} was not found on PATH`, "Install Rust with rustup (https://rustup.rs) and try again.");
  }
  return r;
}
async function prepareValidationTree(opts) {
  const repo = await openRepo(path.resolve(opts.repoRoot));
  const tree = openPrivateTree({ repo, name: "validate", source: "worktree" });
  await tree.sync();
  const root = repo.workspace;
  const dir = tree.dir;
  const targetDir = opts.targetDir ?? tree.targetDir;
  const timeoutMs = opts.timeoutMs ?? 6e5;
  const files = (await listCopied(dir)).sort();
  let workspace;
  const log = [];
  const env = { CARGO_TARGET_DIR: targetDir, CARGO_TERM_COLOR: "never", RUSTFLAGS: process.env.RUSTFLAGS ?? "" };
  let baseline = null;
  const syncedText = /* @__PURE__ */ new Map();
  const selections = /* @__PURE__ */ new Map();
  const syncedOf = (file) => {
    if (!syncedText.has(file)) {
      let text;
      try {
        text = readInside(dir, file)?.toString("utf8");
      } catch {
        text = void 0;
      }
      syncedText.set(file, text);
    }
    return syncedText.get(file);
  };
  const scopeOf = (changed) => {
    if (changed.length === 0 || baseline === null || changed.some((f) => /(^|\/)Cargo\.(toml|lock)$/.test(f))) return Promise.resolve(null);
    if (baseline.errors.some((d) => d.packageName === null)) return Promise.resolve(null);
    const key = changed.join("\0");
    let s = selections.get(key);
    if (!s) {
      s = affectedPackagesIn(dir, changed.map((p) => ({ path: p, status: "modified" })), { repo: root, targetDir }).catch(() => null);
      selections.set(key, s);
    }
    return s;
  };
  const validate = async (overrides) => {
    const changed = [];
    for (const [f, text] of overrides) if (syncedOf(f) !== text) changed.push(f);
    changed.sort();
    await tree.overlay(overrides);
    const packages = await scopeOf(changed);
    const started = performance.now();
    const check = await cargoCheck({ cwd: dir, targetDir, timeoutMs, ...packages !== null ? { packages } : {} });
    const entry = { changed, args: ["cargo", ...cargoCheckArgs(packages !== null ? { packages } : {})], checkMs: performance.now() - started, tests: null };
    log.push(entry);
    const diagnostics = check.diagnostics;
    const errors = diagnostics.filter((d) => d.level === "error");
    const warnings = diagnostics.filter((d) => d.level === "warning");
    if (check.exitCode !== 0 && errors.length === 0) {
      errors.push(syntheticError(check.timedOut ? "cargo check timed out" : `cargo check failed (exit ${String(check.exitCode)})`, check.stderrTail));
    }
    let checkedUnits = check.checkedPackages;
    if (packages !== null && baseline !== null) {
      const inScope = new Set(packages);
      const outside = (d) => d.packageName !== null && !inScope.has(d.packageName);
      errors.push(...baseline.errors.filter(outside));
      warnings.push(...baseline.warnings.filter(outside));
      checkedUnits = Array.from(/* @__PURE__ */ new Set([...checkedUnits, ...(baseline.checkedUnits ?? []).filter((u) => !inScope.has(u))])).sort();
    }
    if (changed.length === 0) baseline = { errors: [...errors], warnings: [...warnings], status: errors.length > 0 ? "Failed" : "Cargo_OK", checkedUnits };
    if (errors.length > 0) return { errors, warnings, status: "Failed", checkedUnits };
    if (opts.tests === null || opts.tests === void 0) return { errors, warnings, status: "Cargo_OK", checkedUnits };
    if (opts.tests === "") {
      workspace ??= await readWorkspace(dir);
      const impacted = changed.length === 0 ? [] : packages ?? workspace.packages.map((p) => p.name).sort();
      const t2 = await runTests({ cwd: dir, targetDir, packages: impacted, timeoutMs });
      entry.tests = { command: t2.command, doctests: t2.doctests?.command ?? null, ms: t2.ms, selected: t2.selected, ran: t2.ran };
      if (t2.ok) return { errors, warnings, status: "Tests_OK", checkedUnits };
      const names2 = t2.failedTests.length > 0 ? t2.failedTests.map((f) => f.name) : [t2.problem ?? "tests"];
      return { errors: names2.map((n) => syntheticError(`test failed: ${n}`, t2.stderrTail, "test")), warnings, status: "Failed", checkedUnits };
    }
    const args = ["test", "--workspace", "--no-fail-fast", opts.tests];
    const t = await run("cargo", args, dir, env, timeoutMs);
    const passed = Array.from(t.stdout.matchAll(/^test result: \w+\. (\d+) passed/gm), (m) => Number(m[1] ?? 0)).reduce((a, b) => a + b, 0);
    if (t.exitCode === 0 && passed > 0) return { errors, warnings, status: "Tests_OK", checkedUnits };
    if (t.exitCode === 0) return { errors: [syntheticError(`no test matched ${opts.tests}`, t.stdout.slice(-4e3), "test")], warnings, status: "Failed" };
    const failed = Array.from(t.stdout.matchAll(/^test (\S+) \.\.\. FAILED$/gm), (m) => m[1] ?? "");
    const names = failed.length > 0 ? failed : [opts.tests];
    return { errors: names.map((n) => syntheticError(`test failed: ${n}`, t.stdout.slice(-4e3), "test")), warnings, status: "Failed" };
  };
  return {
    dir,
    files,
    readWorktree: async (file) => {
      try {
        return readInside(root, file)?.toString("utf8");
      } catch {
        return void 0;
      }
    },
    validate,
    log
  };
}

export {
  sha256,
  prepareValidationTree
};
