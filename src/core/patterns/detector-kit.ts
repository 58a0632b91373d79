/**
 * Shared lexical helpers of the anti-pattern text detectors (antipatterns.ts and the detectors-*.ts families):
 * test code, library files, async contexts, statements, doc and `// SAFETY:` comments, string literals. All work on
 * `RustText`'s masked copy, so comments and literals never match; derived structures are memoised per text.
 */
import { scopesAt } from './items.js';
import type { RustText } from './rust-text.js';

/** A raw hit of a text detector: 0-based string index and a message (what is wrong and what to do). */
export interface TextHit {
  index: number;
  message: string;
}

/** A text detector: one source file (lexed once) and its workspace-relative path in, hits out. Never throws. */
export type TextDetector = (src: RustText, filePath: string) => TextHit[];

/** Every match of the global regex `re` on the masked text (comments and literals blanked), in order. */
export function maskedMatches(src: RustText, re: RegExp): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(src.masked); m; m = re.exec(src.masked)) {
    if (m[0].length === 0) re.lastIndex++;
    out.push(m);
  }
  return out;
}

/** Ranges of `#[cfg(test)] mod … { }` and `#[test] fn … { }` bodies, which are test code. */
export function testRanges(src: RustText): [number, number][] {
  const cached = src.memo.get('testRanges') as [number, number][] | undefined;
  if (cached) return cached;
  const out: [number, number][] = [];
  // `#[cfg(test)]`, `#[cfg(all(test, …))]` (not `not(test)`), `#[test]`, `#[tokio::test]`, and `mod tests { … }`.
  const re = /#\[(?:cfg\((?:test|all\([^\]]*?\btest\b[^\]]*)\)|test|tokio::test(?:\([^\]]*\))?)\]|\bmod\s+tests\s*\{/g;
  for (let m = re.exec(src.text); m; m = re.exec(src.text)) {
    if (src.masked[m.index] !== m[0][0]) continue;
    if (/\bnot\s*\(\s*test\b/.test(m[0])) continue;
    const open = src.masked.indexOf('{', m.index);
    const close = open < 0 ? -1 : src.closeOf(open);
    if (close > 0) out.push([m.index, close]);
  }
  src.memo.set('testRanges', out);
  return out;
}

/** True when index `i` is inside test code (a `#[cfg(test)]` module or a `#[test]` function). */
export function inTest(src: RustText, i: number): boolean {
  return testRanges(src).some(([a, b]) => a <= i && i <= b);
}

/** True for a library source file: under `src/`, not `main.rs`, `src/bin/`, tests, examples, benches or build.rs. */
export function isLibraryPath(filePath: string): boolean {
  const p = filePath.replace(/\\/g, '/');
  return /(^|\/)src\//.test(p) && !/(^|\/)src\/(main\.rs|bin\/)/.test(p) && !/(^|\/)(tests|examples|benches)\//.test(p) && !p.endsWith('build.rs');
}

/** True for files that are test, example or bench code by their path. */
export function isTestPath(filePath: string): boolean {
  return /(^|\/)(tests|examples|benches)\//.test(filePath.replace(/\\/g, '/'));
}

/** True for a file of tests, examples, benches or a build script: code where panics and shortcuts are fine. */
export function isTestLikeFile(filePath: string): boolean {
  return isTestPath(filePath) || /(^|\/)build\.rs$/.test(filePath.replace(/\\/g, '/'));
}

/** True when index `i` is inside an `async fn` body or an `async` block. */
export function inAsync(src: RustText, i: number): boolean {
  const fn = scopesAt(src, i).find((s) => s.keyword === 'fn');
  if (fn && /\basync\s+(?:unsafe\s+)?$/.test(src.masked.slice(Math.max(0, fn.start - 20), fn.start))) return true;
  return src.enclosingBraces(i).some((b) => /\basync\s+(?:move\s+)?$/.test(src.masked.slice(Math.max(0, b.open - 12), b.open)));
}

/** Calls whose closure argument runs off the async executor (blocking is allowed there). */
const OFF_EXECUTOR = /\b(?:spawn_blocking|block_in_place|thread::spawn|thread::scope|spawn_blocking_with|Builder::new\(\)[^;]*\.spawn)\s*$/;

/**
 * True when index `i` is in async code that runs on the executor: inside an `async fn`/`async` block, and neither in
 * a closure handed to `spawn_blocking`/`block_in_place`/`thread::spawn` nor in a nested plain `fn`.
 */
export function onExecutor(src: RustText, i: number): boolean {
  if (!inAsync(src, i)) return false;
  const fn = scopesAt(src, i).find((s) => s.keyword === 'fn');
  for (const p of src.pairs()) {
    if (p.kind !== '(' || p.open >= i || i > p.close) continue;
    if (fn && p.open < fn.start) continue;
    if (OFF_EXECUTOR.test(src.masked.slice(Math.max(0, p.open - 60), p.open))) return false;
    // A closure handed to a call may run anywhere (a blocking pool like Tokio's own `asyncify`): not counted.
    if (/^\s*(?:move\s*)?\|/.test(src.masked.slice(p.open + 1, p.open + 12))) return false;
  }
  return true;
}

/** True when the call whose `(` is at `open` is directly followed by `.await` (possibly after `?`). */
export function awaited(src: RustText, open: number): boolean {
  const close = src.closeOf(open);
  if (close < 0) return false;
  if (/^\s*\??\s*\.await\b/.test(src.masked.slice(close + 1, close + 24))) return true;
  // Futures written inside `select!`/`join!` are awaited by the macro.
  return src.pairs().some((p) => p.open < open && close <= p.close && /\b(?:select|join|try_join|select_biased)!\s*$/.test(src.masked.slice(Math.max(0, p.open - 16), p.open)));
}

/** The contiguous doc comments and attributes right above the line of index `i` (raw text, in order). */
export function docAbove(src: RustText, i: number): string {
  const lines = src.text.slice(0, src.lineStart(i)).split('\n');
  lines.pop();
  const out: string[] = [];
  for (let k = lines.length - 1; k >= 0; k--) {
    const t = (lines[k] ?? '').trim();
    if (t.startsWith('///') || t.startsWith('#[') || t.startsWith('//!') || t.startsWith('*') || t.startsWith('/**') || t.startsWith('//')) out.unshift(t);
    else break;
  }
  return out.join('\n');
}

/** A comment mentioning safety (a `// SAFETY:` line, a block comment, a `# Safety` doc section) in raw text. */
const SAFETY_NOTE = /(?:\/\/|\/\*|^\s*\*)[^\n]*\bsafety\b/im;

/**
 * True when a comment about safety justifies the unsafe operation at `i`: within the `lookBack` lines above the line
 * of `i` (or of the enclosing `unsafe {` block) through the line of `i`.
 */
export function hasSafetyNote(src: RustText, i: number, lookBack = 4): boolean {
  const block = src.enclosingBraces(i).find((b) => /\bunsafe\s*$/.test(src.masked.slice(Math.max(0, b.open - 12), b.open)));
  const anchor = block ? Math.min(block.open, i) : i;
  let from = src.lineStart(anchor);
  for (let k = 0; k < lookBack && from > 0; k++) from = src.lineStart(from - 1);
  const lineEnd = src.text.indexOf('\n', i);
  return SAFETY_NOTE.test(src.text.slice(from, lineEnd < 0 ? src.text.length : lineEnd));
}

/** String literals as [open quote, close quote] index pairs (masking keeps the quotes and blanks the contents). */
export function stringLiterals(src: RustText): [number, number][] {
  const cached = src.memo.get('stringLiterals') as [number, number][] | undefined;
  if (cached) return cached;
  const out: [number, number][] = [];
  let open = -1;
  for (let i = src.masked.indexOf('"'); i >= 0; i = src.masked.indexOf('"', i + 1)) {
    if (open < 0) open = i;
    else {
      out.push([open, i]);
      open = -1;
    }
  }
  src.memo.set('stringLiterals', out);
  return out;
}

/** The enclosing `fn` item of index `i`, with whether it is plain `pub` (not `pub(crate)` …) and its doc text. */
export function enclosingFn(src: RustText, i: number): { start: number; headerEnd: number; end: number; name: string; isPub: boolean; doc: string; header: string } | null {
  const fn = scopesAt(src, i).find((s) => s.keyword === 'fn');
  if (!fn) return null;
  const lineHead = src.masked.slice(src.lineStart(fn.start), fn.start);
  return { ...fn, isPub: /\bpub\s+(?:(?:const|async|unsafe|extern\s*(?:"[^"]*")?)\s+)*$/.test(lineHead), doc: docAbove(src, fn.start), header: src.masked.slice(fn.start, fn.headerEnd) };
}

/**
 * Whether two temporaries created at `i` and `j` (i < j) in the same statement are alive together: both in one flat
 * expression (no brace between them), or `i` in the scrutinee of a `match` (or `if let`/`while let`) whose body holds
 * `j`. A plain `if`/`while` condition ends its temporaries before the block, and separate branches never overlap.
 */
export function aliveTogether(src: RustText, i: number, j: number): boolean {
  const m = src.masked;
  const between = m.slice(i, j);
  const inner = src.enclosingBraces(i)[0];
  if (inner && inner.close < j) return false;
  // One flat expression; two `match` arms in between (`=>`) never run together.
  if (!/[{};]/.test(between)) return !between.includes('=>');
  // Start of the statement holding `i`: after the last `;`, `{` or `}` at its level.
  let s = i;
  while (s > 0 && !/[;{}]/.test(m[s - 1] as string)) s--;
  const head = m.slice(s, i);
  if (!/^\s*(?:match\b|if\s+let\b|while\s+let\b|(?:let\s+[^=]*=\s*)?match\b)/.test(head) || head.includes('{')) return false;
  const body = m.indexOf('{', i);
  if (body < 0 || body > j) return false;
  const close = src.closeOf(body);
  return close > j && !m.slice(i, body).includes(';');
}
