/**
 * Anti-pattern detectors: they produce findings (advice with a severity), never edits. Text detectors run on
 * one source file (lexically, on the masked text); diagnostic guidance patterns match compiler diagnostics.
 */
import type { Diagnostic } from '../diagnostics/types.js';
import { isLibraryFile, testRanges } from './code-scope.js';
import { STYLE_DETECTORS } from './detectors-style.js';
import { matchDetector } from './detect.js';
import { scopesAt } from './items.js';
import type { Finding, Pattern } from './model.js';
import { RustText } from './rust-text.js';

/** A raw hit of a text detector: 0-based string index and a message. */
export interface TextHit {
  index: number;
  message: string;
}

export type TextDetector = (src: RustText, filePath: string) => TextHit[];

function lineOf(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** True when index `i` is inside an `async fn` body or an `async` block. */
function inAsync(src: RustText, i: number): boolean {
  const fn = scopesAt(src, i).find((s) => s.keyword === 'fn');
  if (fn && /\basync\s+(?:unsafe\s+)?$/.test(src.masked.slice(Math.max(0, fn.start - 20), fn.start))) return true;
  return src.enclosingBraces(i).some((b) => /\basync\s+(?:move\s+)?$/.test(src.masked.slice(Math.max(0, b.open - 12), b.open)));
}

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
  if (!isLibraryFile(filePath)) return [];
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
  ...STYLE_DETECTORS,
};

/** Runs every anti-pattern with a text detector over one file; findings sorted by line. */
export function detectAntiPatterns(fileText: string, filePath: string, patterns: readonly Pattern[]): Finding[] {
  const src = new RustText(fileText);
  const out: Finding[] = [];
  for (const p of patterns) {
    if (p.kind !== 'anti_pattern' || p.detector.text_detector === undefined) continue;
    const detector = TEXT_DETECTORS[p.detector.text_detector];
    if (!detector) continue;
    for (const hit of detector(src, filePath)) {
      out.push({ patternId: p.id, title: p.title, severity: p.severity ?? 'warning', file: filePath, line: lineOf(fileText, hit.index), message: hit.message, rationale: p.rationale });
    }
  }
  return out.sort((a, b) => a.line - b.line || a.patternId.localeCompare(b.patternId));
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
