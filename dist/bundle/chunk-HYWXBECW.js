import { createRequire as __rgCreateRequire } from 'node:module';
const require = __rgCreateRequire(import.meta.url);
import {
  RUSTGATE_DIR
} from "./chunk-AGTEUQPZ.js";

// src/core/fix/scope.ts
import path from "node:path";

// src/core/fix/apply.ts
var encoder = new TextEncoder();
var decoder = new TextDecoder("utf-8");
function onCharBoundary(bytes, offset) {
  if (offset === 0 || offset === bytes.length) return true;
  const b = bytes[offset];
  return b !== void 0 && (b & 192) !== 128;
}
function sameEdit(a, b) {
  return a.byteStart === b.byteStart && a.byteEnd === b.byteEnd && a.replacement === b.replacement;
}
function applyEdits(text, edits) {
  const bytes = encoder.encode(text);
  const unique = [];
  for (const e of edits) if (!unique.some((u) => sameEdit(u, e))) unique.push(e);
  for (const e of unique) {
    if (!Number.isInteger(e.byteStart) || !Number.isInteger(e.byteEnd) || e.byteStart < 0 || e.byteEnd < e.byteStart) {
      return { ok: false, reason: `bad range ${e.byteStart}..${e.byteEnd} in ${e.file}` };
    }
    if (e.byteEnd > bytes.length) return { ok: false, reason: `range ${e.byteStart}..${e.byteEnd} past the end of ${e.file} (${bytes.length} bytes)` };
    if (!onCharBoundary(bytes, e.byteStart) || !onCharBoundary(bytes, e.byteEnd)) {
      return { ok: false, reason: `range ${e.byteStart}..${e.byteEnd} splits a UTF-8 character in ${e.file}` };
    }
  }
  const sorted = unique.map((e, i) => ({ e, i })).sort((a, b) => a.e.byteStart - b.e.byteStart || a.e.byteEnd - b.e.byteEnd || a.i - b.i);
  const parts = [];
  let cursor = 0;
  let prev = null;
  for (const { e } of sorted) {
    if (prev !== null) {
      const overlap = e.byteStart < prev.byteEnd || e.byteStart === prev.byteStart && prev.byteEnd > prev.byteStart && e.byteEnd > e.byteStart;
      if (overlap) return { ok: false, reason: `overlapping edits at ${prev.byteStart}..${prev.byteEnd} and ${e.byteStart}..${e.byteEnd} in ${e.file}` };
    }
    parts.push(bytes.subarray(cursor, e.byteStart));
    parts.push(encoder.encode(e.replacement));
    cursor = e.byteEnd;
    prev = e;
  }
  parts.push(bytes.subarray(cursor));
  const total = parts.reduce((n, p) => n + p.length, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return { ok: true, text: decoder.decode(out) };
}
function applyEditsToFiles(files, edits) {
  const byFile = /* @__PURE__ */ new Map();
  for (const e of edits) {
    const list = byFile.get(e.file) ?? [];
    list.push(e);
    byFile.set(e.file, list);
  }
  const out = new Map(files);
  for (const [file, list] of byFile) {
    const text = files.get(file);
    if (text === void 0) return { ok: false, reason: `edit to a file that was not read: ${file}` };
    const r = applyEdits(text, list);
    if (!r.ok) return r;
    out.set(file, r.text);
  }
  return { ok: true, files: out };
}
function byteLength(text) {
  return encoder.encode(text).length;
}
function editsBetween(before, after) {
  const edits = [];
  for (const [file, newText] of after) {
    const oldText = before.get(file);
    if (oldText === void 0 || oldText === newText) continue;
    const a = Array.from(oldText);
    const b = Array.from(newText);
    let pre = 0;
    while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
    let suf = 0;
    while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;
    const prefix = a.slice(0, pre).join("");
    const removed = a.slice(pre, a.length - suf).join("");
    const inserted = b.slice(pre, b.length - suf).join("");
    const start = byteLength(prefix);
    edits.push({ file, byteStart: start, byteEnd: start + byteLength(removed), replacement: inserted });
  }
  return edits.sort((x, y) => x.file < y.file ? -1 : x.file > y.file ? 1 : x.byteStart - y.byteStart);
}
function changedLineCount(before, after) {
  if (before === after) return 0;
  const a = before.split("\n");
  const b = after.split("\n");
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;
  return a.length - pre - suf + (b.length - pre - suf);
}

// src/core/fix/scope.ts
function isWorkspaceFile(file) {
  if (file === "" || file.startsWith("/") || /^[A-Za-z]:/.test(file) || file.includes("\\") || file.includes("\0")) return false;
  return !file.split("/").some((seg) => seg === "..");
}
function forbiddenComponent(file) {
  const segs = path.posix.normalize(file).split("/");
  if (segs.some((s) => s.toLowerCase() === ".git")) return ".git";
  if (segs[0] === RUSTGATE_DIR) return RUSTGATE_DIR;
  return null;
}
var TEST_FN = /#\[\s*(?:[\w:]+::)?test\s*\]\s*(?:#\[[^\]]*\]\s*)*(?:pub(?:\([^)]*\))?\s+)?(?:async\s+)?fn\s+([A-Za-z_][A-Za-z0-9_]*)/g;
function testFunctionNames(text) {
  return Array.from(text.matchAll(TEST_FN), (m) => m[1] ?? "");
}
function checkCandidateScope(candidate, opts) {
  const reasons = [];
  const planned = new Set(opts.plannedFiles);
  const keys = new Set(opts.plannedKeys ?? []);
  const root = path.resolve(opts.repoRoot);
  const files = new Set(candidate.edits.map((e) => e.file));
  for (const file of files) {
    if (!isWorkspaceFile(file)) {
      reasons.push(`edit outside the repository: ${file}`);
      continue;
    }
    const abs = path.resolve(root, file);
    const rel = path.relative(root, abs);
    if (rel === "" || rel.startsWith("..") || path.isAbsolute(rel)) {
      reasons.push(`edit outside the repository: ${file}`);
      continue;
    }
    const bad = forbiddenComponent(file);
    if (bad) {
      reasons.push(`edit inside ${bad}/: ${file}`);
      continue;
    }
    if (!planned.has(file)) reasons.push(`edit to a file outside the plan: ${file}`);
  }
  if (keys.size > 0) {
    for (const k of candidate.touchedKeys) if (!keys.has(k)) reasons.push(`edit to an ISG key outside the plan: ${k}`);
  }
  if (opts.files) {
    for (const file of files) {
      const text = opts.files.get(file);
      if (text === void 0) continue;
      const after = applyEdits(text, candidate.edits.filter((e) => e.file === file));
      if (!after.ok) {
        reasons.push(after.reason);
        continue;
      }
      const remaining = new Set(testFunctionNames(after.text));
      for (const name of testFunctionNames(text)) if (!remaining.has(name)) reasons.push(`deletes #[test] fn ${name} in ${file}`);
    }
  }
  return reasons.length === 0 ? { ok: true } : { ok: false, reasons };
}

export {
  applyEdits,
  applyEditsToFiles,
  byteLength,
  editsBetween,
  changedLineCount,
  isWorkspaceFile,
  testFunctionNames,
  checkCandidateScope
};
