/**
 * Anti-pattern detectors: they produce findings (advice with a severity), never edits. Text detectors run on
 * one source file (lexically, on the masked text); diagnostic guidance patterns match compiler diagnostics.
 */
import type { Diagnostic } from '../diagnostics/types.js';
import { matchDetector } from './detect.js';
import { inAsync, isLibraryPath, testRanges, type TextDetector, type TextHit } from './detector-kit.js';
import { SAFETY_DETECTORS } from './detectors-safety.js';
import { STYLE_DETECTORS } from './detectors-style.js';
import type { Finding, Pattern } from './model.js';
import { RustText } from './rust-text.js';

/** A lock guard (`.lock()`, `.read()`, `.write()`) bound by `let` and still alive at a later `.await`. */
const guardAcrossAwait: TextDetector = (src) => {
  const hits: TextHit[] = [];
  // The initializer may not contain a block: `let v = { let g = m.lock(); … };` scopes the guard inside.
  const re = /\blet\s+(?:mut\s+)?([a-z_]\w*)\s*(?::[^=;{}]+)?=\s*([^;{}]*?)\.(lock|read|write)\(\)([^;{}]*);/g;
  for (let m = re.exec(src.masked); m; m = re.exec(src.masked)) {
    const [, name, , method, rest] = m;
    if (!name || `${m[2] ?? ''}${rest ?? ''}`.includes('.await')) continue;
    if (!inAsync(src, m.index)) continue;
    const block = src.enclosingBraces(m.index)[0];
    if (!block) continue;
    const after = src.masked.slice(m.index + m[0].length, block.close);
    const awaitAt = after.indexOf('.await');
    if (awaitAt < 0) continue;
    const dropAt = after.search(new RegExp(`\\bdrop\\(\\s*${name}\\s*\\)`));
    if (dropAt >= 0 && dropAt < awaitAt) continue;
    hits.push({ index: m.index, message: `guard \`${name}\` from \`.${method ?? 'lock'}()\` is held across an \`.await\`; drop it (or end its scope) before awaiting` });
  }
  return hits;
};

/** `.unwrap()` in library code (not main.rs, bins, tests, examples, benches, build scripts or test modules). */
const unwrapInLibrary: TextDetector = (src, filePath) => {
  if (!isLibraryPath(filePath)) return [];
  const tests = testRanges(src);
  const hits: TextHit[] = [];
  const re = /\.unwrap\(\)/g;
  for (let m = re.exec(src.masked); m; m = re.exec(src.masked)) {
    const at = m.index;
    if (tests.some(([a, b]) => a <= at && at <= b)) continue;
    hits.push({ index: at, message: '`.unwrap()` in library code panics the caller; return a `Result` (with `?`) or use `expect` with the invariant' });
  }
  return hits;
};

/** The same `#[cfg(feature = "x")]` repeated on three or more sibling items: gate one module instead. */
const cfgFeatureScatter: TextDetector = (src) => {
  const byKey = new Map<string, number[]>();
  const re = /#\[cfg\(feature\s*=\s*"([^"]+)"\)\]/g;
  for (let m = re.exec(src.text); m; m = re.exec(src.text)) {
    if (src.masked[m.index] !== '#') continue;
    const key = `${m[1] ?? ''}@${src.braceDepth(m.index)}`;
    byKey.set(key, [...(byKey.get(key) ?? []), m.index]);
  }
  const hits: TextHit[] = [];
  for (const [key, at] of byKey) {
    if (at.length < 3) continue;
    const feature = key.slice(0, key.lastIndexOf('@'));
    hits.push({ index: at[0] as number, message: `feature "${feature}" gates ${at.length} items one by one; move them into one \`#[cfg(feature = "${feature}")] mod\`` });
  }
  return hits;
};

/** `Arc<RwLock<…>>` in a file that only ever calls `.write()` on locks: a Mutex is simpler and cheaper. */
const rwlockWriteOnly: TextDetector = (src) => {
  const decl = /\bArc\s*<\s*(?:std::sync::)?RwLock\s*</.exec(src.masked);
  if (!decl) return [];
  if (!/\.write\(\)/.test(src.masked) || /\.read\(\)/.test(src.masked)) return [];
  return [{ index: decl.index, message: '`Arc<RwLock<…>>` is only ever locked with `.write()`; `Arc<Mutex<…>>` says the same with less overhead' }];
};

/** `.len() as u32` (or `.count()`, to any integer narrower than 64 bits) outside test code: a silent truncation. */
const lenCastTruncation: TextDetector = (src) => {
  const tests = testRanges(src);
  const hits: TextHit[] = [];
  const re = /\.(len|count)\(\)\s*as\s+(u8|u16|u32|i8|i16|i32)\b/g;
  for (let m = re.exec(src.masked); m; m = re.exec(src.masked)) {
    const at = m.index;
    if (tests.some(([a, b]) => a <= at && at <= b)) continue;
    const [, what, ty] = m;
    hits.push({ index: at, message: `\`.${what ?? 'len'}() as ${ty ?? 'u32'}\` wraps silently once the ${what === 'count' ? 'count' : 'length'} exceeds \`${ty ?? 'u32'}::MAX\`; use \`${ty ?? 'u32'}::try_from(…)\` and handle the error, or keep \`usize\`` });
  }
  return hits;
};

/** The built-in text detectors by name (patterns refer to them with `detector.text_detector`). */
export const TEXT_DETECTORS: Readonly<Record<string, TextDetector>> = {
  guard_across_await: guardAcrossAwait,
  unwrap_in_library: unwrapInLibrary,
  cfg_feature_scatter: cfgFeatureScatter,
  rwlock_write_only: rwlockWriteOnly,
  len_cast_truncation: lenCastTruncation,
  ...SAFETY_DETECTORS,
  ...STYLE_DETECTORS,
};

/** Runs every anti-pattern with a text detector over one file; findings sorted by line. */
export function detectAntiPatterns(fileText: string, filePath: string, patterns: readonly Pattern[]): Finding[] {
  const src = new RustText(fileText);
  const starts = [0];
  for (let i = fileText.indexOf('\n'); i >= 0; i = fileText.indexOf('\n', i + 1)) starts.push(i + 1);
  const lineAt = (index: number): number => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= index) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  const out: Finding[] = [];
  for (const p of patterns) {
    if (p.kind !== 'anti_pattern' || p.detector.text_detector === undefined) continue;
    const detector = TEXT_DETECTORS[p.detector.text_detector];
    if (!detector) continue;
    for (const hit of detector(src, filePath)) {
      out.push({ patternId: p.id, title: p.title, severity: p.severity ?? 'warning', file: filePath, line: lineAt(hit.index), message: hit.message, rationale: p.rationale });
    }
  }
  return out.sort((a, b) => a.line - b.line || a.patternId.localeCompare(b.patternId));
}

/** The anti-patterns whose occurrences in existing code are findings (all but `report_existing: false`). */
export function reportedOnExistingCode(patterns: readonly Pattern[]): Pattern[] {
  return patterns.filter((p) => p.kind === 'anti_pattern' && p.report_existing !== false);
}

/** The anti-patterns a fix must never introduce (`never_introduce: true`). */
export function neverIntroduced(patterns: readonly Pattern[]): Pattern[] {
  return patterns.filter((p) => p.kind === 'anti_pattern' && p.never_introduce === true && p.detector.text_detector !== undefined);
}

/**
 * Findings of the never-introduce anti-patterns that `after` has and `before` had not: for each pattern with more
 * hits after than before, the hits on lines whose text is new (so an edit elsewhere in the file or a moved line is
 * not blamed), up to the number added. Same file path for both texts.
 */
export function introducedFindings(before: string, after: string, filePath: string, patterns: readonly Pattern[]): Finding[] {
  const guarded = neverIntroduced(patterns);
  if (guarded.length === 0) return [];
  const was = detectAntiPatterns(before, filePath, guarded);
  const now = detectAntiPatterns(after, filePath, guarded);
  const beforeLines = before.split('\n');
  const afterLines = after.split('\n');
  const out: Finding[] = [];
  for (const p of guarded) {
    const a = was.filter((f) => f.patternId === p.id);
    const b = now.filter((f) => f.patternId === p.id);
    const added = b.length - a.length;
    if (added <= 0) continue;
    const old = new Map<string, number>();
    for (const f of a) {
      const t = (beforeLines[f.line - 1] ?? '').trim();
      old.set(t, (old.get(t) ?? 0) + 1);
    }
    const fresh: Finding[] = [];
    for (const f of b) {
      const t = (afterLines[f.line - 1] ?? '').trim();
      const n = old.get(t) ?? 0;
      if (n > 0) old.set(t, n - 1);
      else fresh.push(f);
    }
    out.push(...(fresh.length > 0 ? fresh : b.slice(a.length)).slice(0, added));
  }
  return out.sort((x, y) => x.line - y.line || x.patternId.localeCompare(y.patternId));
}

/** Guidance findings for diagnostics that anti-pattern patterns recognise (e.g. E0038 dyn compatibility). */
export function guidanceFor(diagnostics: readonly Diagnostic[], patterns: readonly Pattern[]): Finding[] {
  const out: Finding[] = [];
  for (const d of diagnostics) {
    for (const p of patterns) {
      if (p.kind !== 'anti_pattern' || p.detector.text_detector !== undefined) continue;
      if (matchDetector(p, d).length === 0) continue;
      // rustc repeats one cause at every use site: one finding per pattern and message is enough.
      if (out.some((f) => f.patternId === p.id && f.message === d.message && f.file === (d.primary?.file ?? ''))) continue;
      out.push({ patternId: p.id, title: p.title, severity: p.severity ?? 'warning', file: d.primary?.file ?? '', line: d.primary?.lineStart ?? 0, message: d.message, rationale: p.rationale });
    }
  }
  return out;
}
