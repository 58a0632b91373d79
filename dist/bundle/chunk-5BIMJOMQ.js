import { createRequire as __rgCreateRequire } from 'node:module';
const require = __rgCreateRequire(import.meta.url);
import {
  matchDetector,
  scopesAt
} from "./chunk-6H5XGZCJ.js";
import {
  RustText
} from "./chunk-D2JVZGW7.js";

// src/core/patterns/antipatterns.ts
function testRanges(src) {
  const out = [];
  const re = /#\[(?:cfg\(test\)|test|tokio::test)\]/g;
  for (let m = re.exec(src.text); m; m = re.exec(src.text)) {
    if (src.masked[m.index] !== "#") continue;
    const open = src.masked.indexOf("{", m.index);
    const close = open < 0 ? -1 : src.closeOf(open);
    if (close > 0) out.push([m.index, close]);
  }
  return out;
}
function lineOf(text, index) {
  let line = 1;
  for (let i = 0; i < index && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
function inAsync(src, i) {
  const fn = scopesAt(src, i).find((s) => s.keyword === "fn");
  if (fn && /\basync\s+(?:unsafe\s+)?$/.test(src.masked.slice(Math.max(0, fn.start - 20), fn.start))) return true;
  return src.enclosingBraces(i).some((b) => /\basync\s+(?:move\s+)?$/.test(src.masked.slice(Math.max(0, b.open - 12), b.open)));
}
var guardAcrossAwait = (src) => {
  const hits = [];
  const re = /\blet\s+(?:mut\s+)?([a-z_]\w*)\s*(?::[^=;{}]+)?=\s*([^;{}]*?)\.(lock|read|write)\(\)([^;{}]*);/g;
  for (let m = re.exec(src.masked); m; m = re.exec(src.masked)) {
    const [, name, , method, rest] = m;
    if (!name || `${m[2] ?? ""}${rest ?? ""}`.includes(".await")) continue;
    if (!inAsync(src, m.index)) continue;
    const block = src.enclosingBraces(m.index)[0];
    if (!block) continue;
    const after = src.masked.slice(m.index + m[0].length, block.close);
    const awaitAt = after.indexOf(".await");
    if (awaitAt < 0) continue;
    const dropAt = after.search(new RegExp(`\\bdrop\\(\\s*${name}\\s*\\)`));
    if (dropAt >= 0 && dropAt < awaitAt) continue;
    hits.push({ index: m.index, message: `guard \`${name}\` from \`.${method ?? "lock"}()\` is held across an \`.await\`; drop it (or end its scope) before awaiting` });
  }
  return hits;
};
var unwrapInLibrary = (src, filePath) => {
  const p = filePath.replace(/\\/g, "/");
  if (!/(^|\/)src\//.test(p) || /(^|\/)src\/(main\.rs|bin\/)/.test(p) || /(^|\/)(tests|examples|benches)\//.test(p) || p.endsWith("build.rs")) return [];
  const tests = testRanges(src);
  const hits = [];
  const re = /\.unwrap\(\)/g;
  for (let m = re.exec(src.masked); m; m = re.exec(src.masked)) {
    const at = m.index;
    if (tests.some(([a, b]) => a <= at && at <= b)) continue;
    hits.push({ index: at, message: "`.unwrap()` in library code panics the caller; return a `Result` (with `?`) or use `expect` with the invariant" });
  }
  return hits;
};
var cfgFeatureScatter = (src) => {
  const byKey = /* @__PURE__ */ new Map();
  const re = /#\[cfg\(feature\s*=\s*"([^"]+)"\)\]/g;
  for (let m = re.exec(src.text); m; m = re.exec(src.text)) {
    if (src.masked[m.index] !== "#") continue;
    const key = `${m[1] ?? ""}@${src.braceDepth(m.index)}`;
    byKey.set(key, [...byKey.get(key) ?? [], m.index]);
  }
  const hits = [];
  for (const [key, at] of byKey) {
    if (at.length < 3) continue;
    const feature = key.slice(0, key.lastIndexOf("@"));
    hits.push({ index: at[0], message: `feature "${feature}" gates ${at.length} items one by one; move them into one \`#[cfg(feature = "${feature}")] mod\`` });
  }
  return hits;
};
var rwlockWriteOnly = (src) => {
  const decl = /\bArc\s*<\s*(?:std::sync::)?RwLock\s*</.exec(src.masked);
  if (!decl) return [];
  if (!/\.write\(\)/.test(src.masked) || /\.read\(\)/.test(src.masked)) return [];
  return [{ index: decl.index, message: "`Arc<RwLock<\u2026>>` is only ever locked with `.write()`; `Arc<Mutex<\u2026>>` says the same with less overhead" }];
};
var lenCastTruncation = (src) => {
  const tests = testRanges(src);
  const hits = [];
  const re = /\.(len|count)\(\)\s*as\s+(u8|u16|u32|i8|i16|i32)\b/g;
  for (let m = re.exec(src.masked); m; m = re.exec(src.masked)) {
    const at = m.index;
    if (tests.some(([a, b]) => a <= at && at <= b)) continue;
    const [, what, ty] = m;
    hits.push({ index: at, message: `\`.${what ?? "len"}() as ${ty ?? "u32"}\` wraps silently once the ${what === "count" ? "count" : "length"} exceeds \`${ty ?? "u32"}::MAX\`; use \`${ty ?? "u32"}::try_from(\u2026)\` and handle the error, or keep \`usize\`` });
  }
  return hits;
};
var TEXT_DETECTORS = {
  guard_across_await: guardAcrossAwait,
  unwrap_in_library: unwrapInLibrary,
  cfg_feature_scatter: cfgFeatureScatter,
  rwlock_write_only: rwlockWriteOnly,
  len_cast_truncation: lenCastTruncation
};
function detectAntiPatterns(fileText, filePath, patterns) {
  const src = new RustText(fileText);
  const out = [];
  for (const p of patterns) {
    if (p.kind !== "anti_pattern" || p.detector.text_detector === void 0) continue;
    const detector = TEXT_DETECTORS[p.detector.text_detector];
    if (!detector) continue;
    for (const hit of detector(src, filePath)) {
      out.push({ patternId: p.id, title: p.title, severity: p.severity ?? "warning", file: filePath, line: lineOf(fileText, hit.index), message: hit.message, rationale: p.rationale });
    }
  }
  return out.sort((a, b) => a.line - b.line || a.patternId.localeCompare(b.patternId));
}
function guidanceFor(diagnostics, patterns) {
  const out = [];
  for (const d of diagnostics) {
    for (const p of patterns) {
      if (p.kind !== "anti_pattern" || p.detector.text_detector !== void 0) continue;
      if (matchDetector(p, d).length === 0) continue;
      if (out.some((f) => f.patternId === p.id && f.message === d.message && f.file === (d.primary?.file ?? ""))) continue;
      out.push({ patternId: p.id, title: p.title, severity: p.severity ?? "warning", file: d.primary?.file ?? "", line: d.primary?.lineStart ?? 0, message: d.message, rationale: p.rationale });
    }
  }
  return out;
}

export {
  TEXT_DETECTORS,
  detectAntiPatterns,
  guidanceFor
};
