// The graph as a safety check: public-interface comparison from the parser's facts, test edits and panic paths.
// Each case is a real-crate shape that once passed validation and was still wrong (issue 13).
import { describe, expect, it } from 'vitest';
import { parseRustSourceSafe } from '../../src/adapters/rust-parser/parse.js';
import type { Diagnostic } from '../../src/core/diagnostics/types.js';
import { panicFindings, publicApiFindings, testEditFindings } from '../../src/core/fix/safety.js';
import type { FileEdit } from '../../src/core/fix/types.js';

const F = 'src/lib.rs';
const errAt = (line: number): Diagnostic => ({
  level: 'error', code: 'E0000', message: 'm', primary: { file: F, lineStart: line, lineEnd: line, columnStart: 1, columnEnd: 2, byteStart: 0, byteEnd: 1, isPrimary: true, label: null },
  spans: [], notes: [], suggestions: [], rendered: '', source: 'rustc', packageName: 'c',
});
const api = (before: string, after: string, targets: Diagnostic[] = []): string[] => publicApiFindings(F, parseRustSourceSafe(before), parseRustSourceSafe(after), targets);
/** The edit that turns `before` into `after` (one replaced range). */
function editOf(before: string, after: string): FileEdit {
  let s = 0;
  while (s < before.length && before[s] === after[s]) s++;
  let e = 0;
  while (e < before.length - s && before[before.length - 1 - e] === after[after.length - 1 - e]) e++;
  const enc = new TextEncoder();
  return { file: F, byteStart: enc.encode(before.slice(0, s)).length, byteEnd: enc.encode(before.slice(0, before.length - e)).length, replacement: after.slice(s, after.length - e) };
}

describe('public API check', () => {
  it('check(before, after) → findings', () => {
    const cases: [string, string, string, RegExp | null][] = [
      ['a re-export replaced by a private use', 'pub enum Either { Left, Right }\npub use crate::Either::{Left, Right};\n', 'pub enum Either { Left, Right }\nuse crate::Either::Right;\n', /removes or hides public use crate::Either::Left/],
      ['a bound swapped', 'pub fn count<I: IntoIterator>(i: I) -> usize { i.into_iter().count() }\n', 'pub fn count<I: Iterator>(i: I) -> usize { i.count() }\n', /changes the signature or bounds of public fn count/],
      ['a pub fn made private', 'pub fn go() {}\n', 'fn go() {}\n', /removes or hides public fn go/],
      ['a derive dropped', '#[derive(Clone, Copy)]\npub struct P { pub x: u8 }\n', '#[derive(Clone)]\npub struct P { pub x: u8 }\n', /removes derive Copy from public struct P/],
      ['a private fn changed', 'fn helper(x: u8) -> u8 { x }\n', 'fn helper(x: u16) -> u16 { x }\n', null],
      ['a body-only change', 'pub fn go() -> u8 { 1 }\n', 'pub fn go() -> u8 { 2 }\n', null],
    ];
    for (const [name, before, after, want] of cases) {
      const got = api(before, after);
      if (want === null) expect(got, name).toEqual([]);
      else expect(got.some((g) => want.test(g)), `${name}: ${JSON.stringify(got)}`).toBe(true);
    }
  });

  it('crate-visible items and fields are not public API: narrowing them inside the crate is not amber', () => {
    const before = '#[derive(Debug)]\npub struct Conf<K: Ord, V> {\n    /// The cap.\n    pub(crate) limit: std::collections::BTreeMap<K, V>,\n    pub name: String,\n    secret: (u8, u16),\n}\n\npub struct Pair(pub(crate) u32, pub u8);\n\npub(crate) fn helper() -> u32 {\n    1\n}\n';
    const narrowed = before.replace('pub(crate) limit', 'limit').replace('Pair(pub(crate) u32', 'Pair(u32').replace('pub(crate) fn helper', 'fn helper');
    expect(api(before, narrowed)).toEqual([]);
    // A private field's type or doc is not API either.
    expect(api(before, before.replace('secret: (u8, u16)', 'secret: (u8, u32)').replace('The cap.', 'The limit.'))).toEqual([]);
    // Still flagged: a plain pub field narrowed, a pub field removed, a private field added to an all-pub struct
    // (struct literals outside the crate stop compiling), and a tuple struct's pub field narrowed.
    expect(api(before, before.replace('pub name: String', 'pub(crate) name: String'))).toEqual(['changes the signature or bounds of public struct Conf (src/lib.rs:1)']);
    expect(api(before, before.replace('    pub name: String,\n', ''))).toEqual(['changes the signature or bounds of public struct Conf (src/lib.rs:1)']);
    expect(api('pub struct P {\n    pub x: u8,\n}\n', 'pub struct P {\n    pub x: u8,\n    y: u8,\n}\n')).toEqual(['changes the signature or bounds of public struct P (src/lib.rs:1)']);
    expect(api(before, before.replace('pub u8)', 'pub(crate) u8)'))).toEqual(['changes the signature or bounds of public struct Pair (src/lib.rs:9)']);
    // A plain pub fn made crate-visible is still a narrowing.
    expect(api('pub fn go() {}\n', 'pub(crate) fn go() {}\n')).toEqual(['removes or hides public fn go (src/lib.rs:1)']);
  });

  it('allows a bound change when the error is in the item itself (the `+ Send` fix)', () => {
    const before = "pub fn run<F>(job: F) -> u64\nwhere\n    F: FnOnce() -> u64 + 'static,\n{\n    std::thread::spawn(job).join().unwrap()\n}\n";
    const after = before.replace("'static,", "'static + Send,");
    expect(api(before, after, [errAt(5)])).toEqual([]);
    expect(api(before, after, [errAt(40)])).toHaveLength(1);
  });
});

describe('test edits and panic paths', () => {
  it('an edit inside a #[test] fn or a doc comment is flagged; an edit in library code is not', () => {
    const src = '/// Doubles.\n///\n/// ```\n/// assert_eq!(lib::double(2), 4);\n/// ```\npub fn double(x: u8) -> u8 { x * 2 }\n\n#[cfg(test)]\nmod tests {\n    #[test]\n    fn doubles() {\n        assert_eq!(super::double(2), 4);\n    }\n}\n';
    const facts = parseRustSourceSafe(src);
    const inTest = editOf(src, src.replace('super::double(2), 4', 'super::double(2).clone(), 4'));
    expect(testEditFindings(F, src, facts, [inTest]).some((f) => /edits the test/.test(f))).toBe(true);
    const inDoc = editOf(src, src.replace('lib::double(2), 4', 'lib::double(2), 4u8'));
    expect(testEditFindings(F, src, facts, [inDoc])).toEqual([`edits a doc comment, which may hold a doctest (${F}:4)`]);
    const inLib = editOf(src, src.replace('x * 2 }', 'x.wrapping_mul(2) }'));
    expect(testEditFindings(F, src, facts, [inLib])).toEqual([]);
    expect(testEditFindings('tests/it.rs', src, facts, [{ ...inLib, file: 'tests/it.rs' }])).toEqual(['edits the test file tests/it.rs']);
    // Inserting an import into a test module is not a rewrite of a test.
    const at = new TextEncoder().encode(src.slice(0, src.indexOf('    #[test]'))).length;
    expect(testEditFindings(F, src, facts, [{ file: F, byteStart: at, byteEnd: at, replacement: '    use super::*;\n' }])).toEqual([]);
  });

  it('a new unwrap/expect/todo!/unreachable! is a panic path', () => {
    const before = new Map([[F, 'fn f(x: u64) -> u32 { x as u32 }\n']]);
    expect(panicFindings(before, new Map([[F, 'fn f(x: u64) -> u32 { x.try_into().unwrap() }\n']]), [F])).toEqual([`inserts a panic path (.unwrap()) in ${F}`]);
    expect(panicFindings(before, new Map([[F, 'fn f(x: u64) -> u32 { todo!() }\n']]), [F])).toEqual([`inserts a panic path (todo!) in ${F}`]);
    expect(panicFindings(before, new Map([[F, 'fn f(x: u64) -> u32 { x as u32 + 0 }\n']]), [F])).toEqual([]);
  });
});
