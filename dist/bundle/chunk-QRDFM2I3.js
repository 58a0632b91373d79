import { createRequire as __rgCreateRequire } from 'node:module';
const require = __rgCreateRequire(import.meta.url);
import {
  parsePatch
} from "./chunk-RTTDQT2Z.js";
import {
  cratesOwningFiles,
  impactedPackages,
  runTests
} from "./chunk-7MLGWDUL.js";
import {
  acquireLock,
  cargoCheck,
  openPrivateTree,
  openWorkspace,
  readInside,
  synthesiseCargoFailure
} from "./chunk-T6PCK566.js";
import {
  storeDir
} from "./chunk-2PKMAFAA.js";
import {
  readWorkspace
} from "./chunk-MR43FRMH.js";
import {
  RUSTGATE_DIR
} from "./chunk-AGTEUQPZ.js";
import {
  assertNoOperationInProgress
} from "./chunk-PYF7NPU6.js";
import {
  gitBuffer
} from "./chunk-YS7A56PW.js";
import {
  RustgateError
} from "./chunk-LM6P7DGY.js";
import {
  hasErrors,
  mapFindings,
  selectDiagnostics,
  toContractDiagnostic
} from "./chunk-KRZSXWDX.js";

// src/core/patch/apply.ts
function hunkHeader(h) {
  const oldStart = h.oldLines === 0 ? h.oldStart - 1 : h.oldStart;
  const newStart = h.newLines === 0 ? h.newStart - 1 : h.newStart;
  return `@@ -${oldStart},${h.oldLines} +${newStart},${h.newLines} @@`;
}
function splitLines(text) {
  if (text === "") return { lines: [], finalNewline: true };
  const lines = text.split("\n");
  const finalNewline = lines[lines.length - 1] === "";
  if (finalNewline) lines.pop();
  return { lines, finalNewline };
}
function matchesAt(lines, at, expected) {
  if (at < 0 || at + expected.length > lines.length) return false;
  for (let i = 0; i < expected.length; i++) if (lines[at + i] !== expected[i]) return false;
  return true;
}
function applyHunks(text, hunks) {
  const { lines, finalNewline } = splitLines(text);
  const out = [];
  let cursor = 0;
  let offset = 0;
  let newFinalNewline = finalNewline;
  const changed = { removed: [], insertedBefore: [] };
  for (const [i, h] of hunks.entries()) {
    const body = h.lines.filter((l) => !l.startsWith("\\"));
    const expected = body.filter((l) => l.startsWith(" ") || l.startsWith("-")).map((l) => l.slice(1));
    const bad = body.find((l) => !/^[ +-]/.test(l));
    if (bad !== void 0) return { ok: false, hunk: i + 1, header: hunkHeader(h), reason: `malformed line ${JSON.stringify(bad)}` };
    const stated = h.oldStart - 1 + offset;
    let at = -1;
    for (let d = 0; d <= lines.length; d++) {
      if (stated - d >= cursor && matchesAt(lines, stated - d, expected)) {
        at = stated - d;
        break;
      }
      if (d > 0 && stated + d >= cursor && matchesAt(lines, stated + d, expected)) {
        at = stated + d;
        break;
      }
      if (stated - d < cursor && stated + d > lines.length) break;
    }
    if (at < 0) {
      const why = expected.length === 0 ? `line ${h.oldStart} is past the end of the file` : `its ${expected.length} context/removed line(s) are not in the file at line ${h.oldStart} or nearby`;
      return { ok: false, hunk: i + 1, header: hunkHeader(h), reason: why };
    }
    offset = at - (h.oldStart - 1);
    out.push(...lines.slice(cursor, at));
    let orig = at;
    let prev = " ";
    let newSideUnterminated = false;
    for (const l of h.lines) {
      const tag = l[0];
      if (tag === "\\") {
        if (prev === " " || prev === "+") newSideUnterminated = true;
        continue;
      }
      if (tag === " ") {
        out.push(l.slice(1));
        orig++;
      } else if (tag === "-") {
        changed.removed.push(orig + 1);
        orig++;
      } else {
        out.push(l.slice(1));
        if (prev !== "-" && prev !== "+") changed.insertedBefore.push(orig + 1);
      }
      prev = tag ?? " ";
    }
    if (orig === lines.length) newFinalNewline = !newSideUnterminated;
    cursor = orig;
  }
  out.push(...lines.slice(cursor));
  const textOut = out.length === 0 ? "" : out.join("\n") + (newFinalNewline ? "\n" : "");
  return { ok: true, text: textOut, changed };
}

// src/core/patch/parse.ts
function unsafePathReason(p) {
  if (p === "") return "an empty file name";
  if (p.includes("\0")) return `${JSON.stringify(p)} contains a NUL byte`;
  if (p.startsWith("/") || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith("\\")) return `${p} is an absolute path`;
  const parts = p.split(/[\\/]+/);
  let depth = 0;
  for (const part of parts) {
    if (part === "..") depth--;
    else if (part !== "." && part !== "") depth++;
    if (depth < 0) return `${p} escapes the repository`;
  }
  if (parts.some((x) => x.toLowerCase() === ".git")) return `${p} is inside .git/`;
  if (parts[0] === RUSTGATE_DIR) return `${p} is inside rustgate's own ${RUSTGATE_DIR}/ directory`;
  return null;
}
function cleanName(name, strip) {
  if (name === void 0) return null;
  const n = name.split("	")[0]?.trim() ?? "";
  if (n === "/dev/null") return null;
  return strip ? n.replace(/^[ab]\//, "") : n;
}
function parseUnifiedDiff(text) {
  if (text.trim() === "") return { ok: false, reason: "the patch is empty" };
  if (/^GIT binary patch$/m.test(text) || /^Binary files .* differ$/m.test(text)) return { ok: false, reason: "binary patches are not supported" };
  let parsed;
  try {
    parsed = parsePatch(text);
  } catch (e) {
    return { ok: false, reason: `not a unified diff: ${e instanceof Error ? e.message : String(e)}` };
  }
  const files = [];
  for (const p of parsed) {
    if (p.isBinary) return { ok: false, reason: `binary patch of ${p.newFileName ?? p.oldFileName ?? "?"} is not supported` };
    if (p.oldFileName === void 0 && p.newFileName === void 0 && p.hunks.length === 0) continue;
    const rawOld = p.oldFileName?.split("	")[0]?.trim();
    const rawNew = p.newFileName?.split("	")[0]?.trim();
    const git = p.isGit === true;
    const strip = git || (rawOld === "/dev/null" || rawOld?.startsWith("a/") === true) && (rawNew === "/dev/null" || rawNew?.startsWith("b/") === true);
    const oldPath = cleanName(p.oldFileName, strip);
    const newPath = cleanName(p.newFileName, strip);
    if (oldPath === null && newPath === null) return { ok: false, reason: "a file patch names /dev/null on both sides" };
    for (const side of [oldPath, newPath]) {
      if (side === null) continue;
      const why = unsafePathReason(side);
      if (why !== null) return { ok: false, reason: `refusing the patch: ${why}` };
    }
    const norm = (s) => s === null ? null : s.split(/[\\/]+/).filter((x) => x !== "." && x !== "").join("/");
    const o = norm(oldPath);
    const n = norm(newPath);
    const kind = o === null ? "add" : n === null ? "delete" : o !== n ? "rename" : "modify";
    if (kind !== "rename" && p.hunks.length === 0) return { ok: false, reason: `the patch of ${n ?? o ?? "?"} has no hunks` };
    files.push({ kind, oldPath: o, newPath: n, hunks: p.hunks.map((h) => ({ oldStart: h.oldStart, oldLines: h.oldLines, newStart: h.newStart, newLines: h.newLines, lines: [...h.lines] })) });
  }
  if (files.length === 0) return { ok: false, reason: "the patch changes no file" };
  const seen = /* @__PURE__ */ new Set();
  for (const f of files) {
    for (const p of f.kind === "rename" ? [f.oldPath, f.newPath] : [f.newPath ?? f.oldPath]) {
      if (p === null) continue;
      if (seen.has(p)) return { ok: false, reason: `the patch changes ${p} more than once` };
      seen.add(p);
    }
  }
  return { ok: true, files };
}

// src/core/patch/touched.ts
function innermost(nodes, contains) {
  let best;
  for (const n of nodes) {
    if (!contains(n)) continue;
    const size = n.span.endLine - n.span.startLine;
    const bestSize = best ? best.span.endLine - best.span.startLine : Infinity;
    if (size < bestSize || size === bestSize && best !== void 0 && n.span.startLine > best.span.startLine) best = n;
  }
  return best;
}
function touchedKeys(nodes, file, changed) {
  const inFile = nodes.filter((n) => n.file === file);
  const keys = /* @__PURE__ */ new Set();
  for (const line of changed.removed) {
    const n = innermost(inFile, (x) => x.span.startLine <= line && line <= x.span.endLine);
    if (n) keys.add(n.key);
  }
  for (const before of changed.insertedBefore) {
    const n = innermost(inFile, (x) => x.span.startLine <= before - 1 && before <= x.span.endLine);
    if (n) keys.add(n.key);
  }
  return [...keys].sort();
}
function keysOfFile(nodes, file) {
  return nodes.filter((n) => n.file === file).map((n) => n.key).sort();
}

// src/app/validate-fix.ts
async function readBase(repo, base, rel) {
  if (base === "staged") {
    const r = await gitBuffer(repo.workspace, ["cat-file", "blob", `:${rel}`]);
    return r.exitCode === 0 ? r.stdout.toString("utf8") : null;
  }
  return readInside(repo.workspace, rel)?.toString("utf8") ?? null;
}
async function applyPatchTexts(repo, base, patches) {
  const state = /* @__PURE__ */ new Map();
  const result = /* @__PURE__ */ new Map();
  const where = base === "staged" ? "the index" : "the working tree";
  const current = async (p) => {
    if (!state.has(p)) state.set(p, await readBase(repo, base, p));
    return state.get(p) ?? null;
  };
  for (const text of patches) {
    const parsed = parseUnifiedDiff(text);
    if (!parsed.ok) throw new RustgateError("PATCH_REJECTED", parsed.reason, "send a unified diff (git diff format) whose paths are relative to the workspace root");
    for (const f of parsed.files) {
      const src = f.oldPath ?? f.newPath ?? "";
      const before = f.kind === "add" ? null : await current(src);
      if (f.kind !== "add" && before === null) throw new RustgateError("PATCH_DOES_NOT_APPLY", `${src} does not exist in ${where}`, "make the patch against the current content (git diff), or stage the file first");
      if (f.kind === "add" && await current(f.newPath ?? "") !== null) throw new RustgateError("PATCH_DOES_NOT_APPLY", `${f.newPath ?? ""} already exists in ${where}`, "make the patch against the current content (git diff)");
      let after = null;
      let changed = { removed: [], insertedBefore: [] };
      if (f.kind !== "delete") {
        const r = applyHunks(before ?? "", f.hunks);
        if (!r.ok) throw new RustgateError("PATCH_DOES_NOT_APPLY", `hunk #${r.hunk} (${r.header}) of ${src} does not apply to ${where}: ${r.reason}`, "regenerate the patch against the current content (git diff), or pass --staged to patch the index");
        after = r.text;
        changed = r.changed;
      } else if (f.hunks.length > 0) {
        const r = applyHunks(before ?? "", f.hunks);
        if (!r.ok || r.text !== "") throw new RustgateError("PATCH_DOES_NOT_APPLY", `the deletion of ${src} does not match its content in ${where}`, "regenerate the patch against the current content (git diff)");
        changed = r.changed;
      }
      if (f.kind === "rename" || f.kind === "delete") state.set(src, null);
      const dest = f.newPath ?? src;
      if (f.kind !== "delete") state.set(dest, after);
      const prevSrc = result.get(src);
      const origBefore = prevSrc ? prevSrc.before : before;
      if (f.kind === "rename") result.set(src, { patch: f, path: src, before: origBefore, after: null, changed });
      const prevDest = result.get(dest);
      result.set(dest, { patch: f, path: dest, before: f.kind === "rename" ? prevDest?.before ?? null : prevDest ? prevDest.before : before, after, changed: mergeChanged(prevDest?.changed, changed, f.kind === "rename") });
    }
  }
  return [...result.values()].sort((a, b) => a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
}
function mergeChanged(prev, next, renamed) {
  if (renamed) return { removed: [], insertedBefore: [] };
  return prev ?? next;
}
async function withPatchedTree(repo, base, name, files, fn) {
  const lock = await acquireLock(repo.workspace, { command: name });
  try {
    await assertNoOperationInProgress(repo, base === "worktree");
    const tree = openPrivateTree({ repo, name, source: base });
    await tree.sync();
    for (const f of files) {
      for (const p of [f.path, f.patch.oldPath, f.patch.newPath]) {
        const link = p === null ? null : tree.linkOnPath(p);
        if (link !== null) throw new RustgateError("PATCH_REJECTED", `refusing the patch: ${p ?? ""} goes through the symlink ${link}`, "patch the file the link points to, by its own path inside the workspace");
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
function contractDiagnostics(findings) {
  return findings.map(toContractDiagnostic);
}
async function openBuiltStore(root, dir) {
  const { openBuiltStore: open } = await import("./chunk-O3GJTAXS.js");
  return open(root, dir);
}
async function validateFix(opts) {
  const t0 = performance.now();
  const progress = opts.onProgress ?? (() => void 0);
  const repo = await openWorkspace(opts.repo);
  const base = opts.staged ? "staged" : "worktree";
  progress("applying the patch");
  const files = await applyPatchTexts(repo, base, [opts.patch]);
  const warnings = [];
  progress("refreshing the ISG");
  let repoNodes = [];
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
  return withPatchedTree(repo, base, "validate-fix", files, async (tree) => {
    progress("cargo check");
    const res = await cargoCheck({ cwd: tree.dir, targetDir: tree.targetDir, ...opts.cargoTimeoutMs !== void 0 ? { timeoutMs: opts.cargoTimeoutMs } : {} });
    const diagnostics = [...res.diagnostics];
    const failure = synthesiseCargoFailure(res, tree.dir, opts.cargoTimeoutMs);
    if (failure) diagnostics.push(failure);
    const selected = selectDiagnostics(diagnostics);
    let tests = null;
    let testsFailed = false;
    const errorsBefore = selected.some((d) => d.level === "error");
    if (opts.tests && !errorsBefore) {
      progress("impacted tests");
      const ws = await readWorkspace(tree.dir);
      const deps = new Map(ws.packages.map((p) => [p.name, p.deps]));
      const packages = impactedPackages(cratesOwningFiles(files.map((f) => f.path), ws.packages), deps);
      const t = await runTests({ cwd: tree.dir, targetDir: tree.targetDir, packages, timeoutMs: opts.cargoTimeoutMs ?? 6e5 });
      tests = { ran: t.ran, passed: t.passed, failed: t.failed };
      testsFailed = t.failed > 0 || t.buildFailed || t.timedOut || t.exitCode !== 0 && t.exitCode !== null;
      for (const f of t.failedTests) warnings.push(`test failed: ${f.name}`);
      if (t.buildFailed) warnings.push("the tests did not build");
      if (t.timedOut) warnings.push("the tests timed out");
    }
    const added = files.filter((f) => f.before === null && f.after !== null);
    let findings = selected.map((d) => ({ diagnostic: d, isg: null, blastRadius: [] }));
    const addedKeys = [];
    if (selected.length > 0 || added.length > 0) {
      progress("mapping to the ISG");
      let store = null;
      try {
        store = await openBuiltStore(tree.dir, tree.storeDir);
        findings = await mapFindings(selected, store);
        const nodes = await store.allNodes();
        for (const f of added) addedKeys.push(...keysOfFile(nodes, f.path));
      } catch (e) {
        warnings.push(`ISG of the patched tree unavailable, diagnostics are not mapped: ${e instanceof Error ? e.message : String(e)}`);
      } finally {
        await store?.close().catch(() => void 0);
      }
    }
    const keys = new Set(addedKeys);
    for (const f of files) if (f.before !== null) for (const k of touchedKeys(repoNodes, f.patch.oldPath ?? f.path, f.changed)) keys.add(k);
    const failed = hasErrors(findings) || testsFailed;
    return {
      ok: !failed,
      applies: true,
      touched_files: files.map((f) => f.path),
      touched_keys: [...keys].sort(),
      diagnostics: contractDiagnostics(findings),
      tests,
      validation_status: failed ? "Failed" : tests !== null ? "Tests_OK" : "Cargo_OK",
      warnings,
      ms: { total: Math.round(performance.now() - t0), cargo: Math.round(res.ms) }
    };
  });
}

export {
  touchedKeys,
  applyPatchTexts,
  withPatchedTree,
  contractDiagnostics,
  openBuiltStore,
  validateFix
};
