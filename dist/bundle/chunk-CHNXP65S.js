import { createRequire as __rgCreateRequire } from 'node:module';
const require = __rgCreateRequire(import.meta.url);
import {
  runTests
} from "./chunk-7MLGWDUL.js";
import {
  affectedPackagesIn,
  cargoCheck,
  cargoCheckArgs,
  openPrivateTree,
  readInside
} from "./chunk-T6PCK566.js";
import {
  readWorkspace
} from "./chunk-MR43FRMH.js";
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

// src/core/fix/progress.ts
function diagnosticSignature(d) {
  return `${d.code ?? ""}|${d.message}`;
}
function unitOf(d) {
  return d.packageName ?? "";
}
function addedDiagnostics(before, after) {
  const pool = /* @__PURE__ */ new Map();
  const key = (d) => `${unitOf(d)}\0${diagnosticSignature(d)}`;
  for (const d of before) pool.set(key(d), (pool.get(key(d)) ?? 0) + 1);
  const out = [];
  for (const d of after) {
    const n = pool.get(key(d)) ?? 0;
    if (n > 0) pool.set(key(d), n - 1);
    else out.push(d);
  }
  return out;
}
function reached(v) {
  if (!v.checkedUnits) return null;
  const s = new Set(v.checkedUnits);
  for (const d of v.errors) s.add(unitOf(d));
  s.add("");
  return s;
}
function unitProgress(before, after, targets) {
  const checked = reached(before);
  const fresh = addedDiagnostics(before.errors, after.errors);
  const added = fresh.filter((d) => checked === null || checked.has(unitOf(d)));
  const revealed = fresh.filter((d) => checked !== null && !checked.has(unitOf(d)));
  const removed = addedDiagnostics(after.errors, before.errors);
  const removedIdx = new Set(removed);
  const fixed = [];
  for (const t of new Set(targets)) {
    const d = before.errors[t];
    if (d && removedIdx.has(d)) fixed.push(d);
  }
  for (const t of new Set(targets)) {
    const d = before.errors[t];
    if (!d || fixed.includes(d)) continue;
    const twin = removed.find((r) => !fixed.includes(r) && unitOf(r) === unitOf(d) && diagnosticSignature(r) === diagnosticSignature(d));
    if (twin) fixed.push(d);
  }
  return { fixed, added, revealed, removed };
}

// src/app/fix-validate.ts
function configLabel(set) {
  return set.length === 0 ? "--no-default-features" : `--no-default-features --features ${set.join(",")}`;
}
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
var TOOLCHAIN_ERROR = "E0554";
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
  const featureSets = opts.featureSets ?? [[]];
  const configBaselines = /* @__PURE__ */ new Map();
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
  const errorsOf = (check, changed) => {
    const apartFromCode = (d) => d.level === "error" && d.code === TOOLCHAIN_ERROR && !changed.includes(d.primary?.file ?? "");
    const toolchain = check.diagnostics.filter(apartFromCode);
    const errors = check.diagnostics.filter((d) => d.level === "error" && !apartFromCode(d));
    if (check.exitCode !== 0 && errors.length === 0 && toolchain.length === 0) {
      errors.push(syntheticError(check.timedOut ? "cargo check timed out" : `cargo check failed (exit ${String(check.exitCode)})`, check.stderrTail));
    }
    return { errors, toolchain };
  };
  const configPackages = async (selected) => {
    if (featureSets.length === 0) return [];
    try {
      workspace ??= await readWorkspace(dir);
    } catch {
      return [];
    }
    const names = new Set(selected ?? workspace.packages.map((p) => p.name));
    return workspace.packages.filter((p) => names.has(p.name) && Object.keys(p.features).length > 0).map((p) => p.name).sort();
  };
  const unrelatedGroups = (pkgs) => {
    const deps = new Map((workspace?.packages ?? []).map((p) => [p.name, p.deps]));
    const below = (name) => {
      const seen = /* @__PURE__ */ new Set();
      const todo = [...deps.get(name) ?? []];
      for (let d = todo.pop(); d !== void 0; d = todo.pop()) {
        if (seen.has(d)) continue;
        seen.add(d);
        todo.push(...deps.get(d) ?? []);
      }
      return seen;
    };
    const under = new Map(pkgs.map((p) => [p, below(p)]));
    const related = (a, b) => Boolean(under.get(a)?.has(b) || under.get(b)?.has(a));
    const groups = [];
    for (const p of pkgs) {
      const g = groups.find((members) => members.every((m) => !related(m, p)));
      if (g) g.push(p);
      else groups.push([p]);
    }
    return groups;
  };
  const checkConfigs = async (overrides, changed, pkgs, entry) => {
    const runs = featureSets.flatMap(
      (set) => unrelatedGroups(pkgs).map((group) => ({ set, key: `${set.join(",")}\0${group.join(",")}`, opts: { cwd: dir, targetDir, timeoutMs, packages: group, noDefaultFeatures: true, features: [...set] } }))
    );
    const baselineMs = /* @__PURE__ */ new Map();
    const missing = runs.filter((r) => !configBaselines.has(r.key));
    if (missing.length > 0) {
      await tree.overlay(/* @__PURE__ */ new Map());
      for (const r of missing) {
        const t0 = performance.now();
        configBaselines.set(r.key, errorsOf(await cargoCheck(r.opts), []).errors);
        baselineMs.set(r.key, performance.now() - t0);
      }
      await tree.overlay(overrides);
    }
    const added = [];
    for (const r of runs) {
      const t0 = performance.now();
      const after = errorsOf(await cargoCheck(r.opts), changed).errors;
      const fresh = addedDiagnostics(configBaselines.get(r.key) ?? [], after);
      entry.configs.push({ args: ["cargo", ...cargoCheckArgs(r.opts)], ms: performance.now() - t0, baselineMs: baselineMs.get(r.key) ?? null, errors: after.length, added: fresh.length });
      const label = configLabel(r.set);
      const note = `with ${label} only: the tree before the fix search did not have this error in that configuration`;
      added.push(...fresh.map((d) => ({ ...d, message: `${d.message} (with ${label})`, notes: [...d.notes, note] })));
    }
    return added;
  };
  const addsOverBaseline = (errors) => {
    if (baseline === null || !baseline.checkedUnits) return false;
    const reached2 = /* @__PURE__ */ new Set([...baseline.checkedUnits, ...baseline.errors.map(unitOf)]);
    return addedDiagnostics(baseline.errors, errors).some((d) => d.packageName !== null && reached2.has(d.packageName));
  };
  const validate = async (overrides) => {
    const changed = [];
    for (const [f, text] of overrides) if (syncedOf(f) !== text) changed.push(f);
    changed.sort();
    await tree.overlay(overrides);
    const packages = await scopeOf(changed);
    const started = performance.now();
    const check = await cargoCheck({ cwd: dir, targetDir, timeoutMs, ...packages !== null ? { packages } : {} });
    const entry = { changed, args: ["cargo", ...cargoCheckArgs(packages !== null ? { packages } : {})], checkMs: performance.now() - started, tests: null, configs: [] };
    log.push(entry);
    const { errors, toolchain } = errorsOf(check, changed);
    const warnings = check.diagnostics.filter((d) => d.level === "warning");
    let checkedUnits = check.checkedPackages;
    if (packages !== null && baseline !== null) {
      const inScope = new Set(packages);
      const outside = (d) => d.packageName !== null && !inScope.has(d.packageName);
      errors.push(...baseline.errors.filter(outside));
      warnings.push(...baseline.warnings.filter(outside));
      toolchain.push(...(baseline.toolchain ?? []).filter(outside));
      checkedUnits = Array.from(/* @__PURE__ */ new Set([...checkedUnits, ...(baseline.checkedUnits ?? []).filter((u) => !inScope.has(u))])).sort();
    }
    const apart = toolchain.length > 0 ? { toolchain } : {};
    if (changed.length === 0) baseline = { errors: [...errors], warnings: [...warnings], status: errors.length > 0 ? "Failed" : "Cargo_OK", checkedUnits, ...apart };
    if (changed.length > 0 && !addsOverBaseline(errors)) {
      const pkgs = await configPackages(packages);
      if (pkgs.length > 0) errors.push(...await checkConfigs(overrides, changed, pkgs, entry));
    }
    if (errors.length > 0) return { errors, warnings, status: "Failed", checkedUnits, ...apart };
    if (opts.tests === null || opts.tests === void 0) return { errors, warnings, status: "Cargo_OK", checkedUnits, ...apart };
    if (opts.tests === "") {
      workspace ??= await readWorkspace(dir);
      const impacted = changed.length === 0 ? [] : packages ?? workspace.packages.map((p) => p.name).sort();
      const t2 = await runTests({ cwd: dir, targetDir, packages: impacted, timeoutMs });
      entry.tests = { command: t2.command, doctests: t2.doctests?.command ?? null, ms: t2.ms, selected: t2.selected, ran: t2.ran };
      if (t2.ok) return { errors, warnings, status: "Tests_OK", checkedUnits, ...apart };
      const names2 = t2.failedTests.length > 0 ? t2.failedTests.map((f) => f.name) : [t2.problem ?? "tests"];
      return { errors: names2.map((n) => syntheticError(`test failed: ${n}`, t2.stderrTail, "test")), warnings, status: "Failed", checkedUnits, ...apart };
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
  unitOf,
  addedDiagnostics,
  unitProgress,
  sha256,
  prepareValidationTree
};
