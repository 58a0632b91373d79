/**
 * Where a piece of code sits, for anti-pattern detectors: test code inside a file (`#[cfg(test)]` modules,
 * `#[test]` functions) and which files are library code (not binaries, tests, examples, benches or build scripts).
 * Lexical, on the masked text.
 */
import type { RustText } from './rust-text.js';

/** Ranges of `#[cfg(test)] mod … { }` and `#[test] fn … { }` bodies, which are test code. */
export function testRanges(src: RustText): [number, number][] {
  const cached = src.memo.get('testRanges') as [number, number][] | undefined;
  if (cached) return cached;
  const out: [number, number][] = [];
  const re = /#\[(?:cfg\(test\)|test|tokio::test)\]/g;
  for (let m = re.exec(src.text); m; m = re.exec(src.text)) {
    if (src.masked[m.index] !== '#') continue;
    const open = src.masked.indexOf('{', m.index);
    const close = open < 0 ? -1 : src.closeOf(open);
    if (close > 0) out.push([m.index, close]);
  }
  src.memo.set('testRanges', out);
  return out;
}

/** True when index `i` is inside test code of the file. */
export function inTestCode(src: RustText, i: number): boolean {
  return testRanges(src).some(([a, b]) => a <= i && i <= b);
}

/** True for a file of tests, examples, benches or a build script: code where panics and shortcuts are fine. */
export function isTestLikeFile(filePath: string): boolean {
  const p = filePath.replace(/\\/g, '/');
  return /(^|\/)(tests|examples|benches)\//.test(p) || /(^|\/)build\.rs$/.test(p);
}

/** True for a library source file: under a `src/` directory, not `src/main.rs` or `src/bin/`, not test-like. */
export function isLibraryFile(filePath: string): boolean {
  const p = filePath.replace(/\\/g, '/');
  return /(^|\/)src\//.test(p) && !/(^|\/)src\/(main\.rs|bin\/)/.test(p) && !isTestLikeFile(p);
}
