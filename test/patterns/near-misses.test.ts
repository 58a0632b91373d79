/**
 * Near-misses of the text patterns, with real cargo diagnostics: each crate produces the error code a pattern
 * handles, in a shape where its fix would be a guess or wrong (an error value only the author can choose, a dropped
 * `Result`, a narrowing or platform-dependent conversion, a type that is not an `Option`, a higher-ranked lifetime).
 * The pattern must propose nothing for any error of the crate.
 */
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { loadPatterns } from '../../src/adapters/patterns/load.js';
import { libCrate, proposalsOf } from './helpers.js';

const patterns = loadPatterns();
const temps: string[] = [];
afterAll(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});

const crate = (name: string, lib: string): string => libCrate(name, lib, temps);
const proposals = (root: string, id: string, codes: string[]): Promise<string[]> => proposalsOf(patterns, root, id, codes);

describe('text patterns: near-misses propose nothing (real cargo)', () => {
  it('try_ok_in_option_fn: `?` on an Option in a fn returning Result (the error value is the author\'s)', async () => {
    const root = crate('near_try', 'pub fn first(v: &[u32]) -> Result<u32, String> {\n    let x = v.first()?;\n    Ok(*x)\n}\n');
    expect(await proposals(root, 'try_ok_in_option_fn', ['E0277'])).toEqual([]);
  });

  it('ok_unit_tail: a last call that returns a Result, a semicolon rustc would remove, a non-unit Ok', async () => {
    const root = crate('near_tail', [
      'use std::io::Write;',
      '',
      'pub fn log(out: &mut Vec<u8>) -> Result<(), Box<dyn std::error::Error>> {',
      '    writeln!(out, "x");',
      '}',
      '',
      'pub fn flush(out: &mut Vec<u8>) -> std::io::Result<()> {',
      '    out.flush();',
      '}',
      '',
      'pub fn count(v: &[u8]) -> Result<usize, String> {',
      '    let n = v.len();',
      '}',
      '',
    ].join('\n'));
    expect(await proposals(root, 'ok_unit_tail', ['E0308'])).toEqual([]);
  });

  it('numeric_from_lossless / index_usize_from: narrowing, signed to unsigned, u32 to usize', async () => {
    const root = crate('near_int', [
      'pub fn narrow(a: u32, b: u64) -> u32 {',
      '    a + b',
      '}',
      '',
      'pub fn signed(a: u64, b: i32) -> u64 {',
      '    a * b',
      '}',
      '',
      'pub fn platform(len: usize, extra: u32) -> usize {',
      '    len + extra',
      '}',
      '',
      'pub fn pick(v: &[u8], i: u32, j: i16) -> u8 {',
      '    v[i] + v[j]',
      '}',
      '',
    ].join('\n'));
    expect(await proposals(root, 'numeric_from_lossless', ['E0308'])).toEqual([]);
    expect(await proposals(root, 'index_usize_from', ['E0277'])).toEqual([]);
  });

  it('option_cloned_owned: `.cloned()` on a Vec (not an Option or Result)', async () => {
    const root = crate('near_cloned', 'pub fn all(v: Vec<u32>) -> Vec<u32> {\n    v.cloned()\n}\n');
    expect(await proposals(root, 'option_cloned_owned', ['E0599'])).toEqual([]);
  });

  it('lifetime_shadow_rename: a higher-ranked `for<\'a>` that shadows the impl\'s lifetime', async () => {
    const root = crate('near_shadow', [
      "pub struct P<'a>(pub &'a str);",
      '',
      "impl<'a> P<'a> {",
      "    pub fn each<F>(&self, f: F) where for<'a> F: Fn(&'a str) {",
      '        f(self.0)',
      '    }',
      '}',
      '',
    ].join('\n'));
    expect(await proposals(root, 'lifetime_shadow_rename', ['E0496'])).toEqual([]);
  });

  it('unwrap_on_plain_value: a struct, a tuple, a future, and expect with a computed message', async () => {
    const root = crate('near_unwrap', [
      'pub struct Maybe(pub Option<u32>);',
      '',
      'pub fn a(m: Maybe) -> Maybe {',
      '    m.unwrap()',
      '}',
      '',
      'pub fn b(t: (u8, u8)) -> u8 {',
      '    t.unwrap().0',
      '}',
      '',
      'pub async fn n() -> Result<u32, String> {',
      '    Ok(1)',
      '}',
      '',
      'pub async fn c() -> u32 {',
      '    n().unwrap()',
      '}',
      '',
      'pub fn d(x: u32, why: &str) -> u32 {',
      '    x.expect(&format!("{why}"))',
      '}',
      '',
    ].join('\n'));
    expect(await proposals(root, 'unwrap_on_plain_value', ['E0599'])).toEqual([]);
  });

  it('ok_unit_tail_after_block: a tail if with an else, and a tail match', async () => {
    const root = crate('near_tail_block', [
      'pub fn a(x: u8) -> Result<(), String> {',
      '    if x > 1 {',
      '        println!("big");',
      '    } else {',
      '        println!("small");',
      '    }',
      '}',
      '',
      'pub fn b(x: u8) -> Result<(), String> {',
      '    match x {',
      '        0 => println!("zero"),',
      '        _ => {}',
      '    }',
      '}',
      '',
    ].join('\n'));
    expect(await proposals(root, 'ok_unit_tail_after_block', ['E0308'])).toEqual([]);
  });

  it('result_to_option_ok: an Option where a Result is expected, and a Result of another item type', async () => {
    const root = crate('near_ok', [
      'pub fn a(v: &[u8]) -> Result<u8, String> {',
      '    v.first().copied()',
      '}',
      '',
      'pub fn b(r: Result<u8, String>) -> Option<Result<u8, String>> {',
      '    r',
      '}',
      '',
    ].join('\n'));
    expect(await proposals(root, 'result_to_option_ok', ['E0308'])).toEqual([]);
  });

  it('iter_sum_widen: u32 items summed into usize, i32 items into u64', async () => {
    const root = crate('near_sum', 'pub fn a(v: &[u32]) -> usize {\n    v.iter().sum()\n}\n\npub fn b(v: Vec<i32>) -> u64 {\n    v.into_iter().sum()\n}\n');
    expect(await proposals(root, 'iter_sum_widen', ['E0277'])).toEqual([]);
  });

  it('accessor_get_mut: a reference from a helper fn, and a chained lookup', async () => {
    const root = crate('near_get_mut', [
      'fn pick(v: &[u32]) -> &u32 {',
      '    &v[0]',
      '}',
      '',
      'pub fn a(v: &mut Vec<u32>) {',
      '    let x = pick(v);',
      '    *x = 1;',
      '}',
      '',
      'pub fn b(v: &mut Vec<Vec<u32>>) {',
      '    let x = v.first().and_then(|r| r.first()).unwrap();',
      '    *x = 1;',
      '}',
      '',
    ].join('\n'));
    expect(await proposals(root, 'accessor_get_mut', ['E0594'])).toEqual([]);
  });
});

describe('types, conversions, paths and statics: near-misses propose nothing (real cargo)', () => {
  it('import_path_typo: two equally close modules, a module with no close name, `crate::` outside a crate root', async () => {
    const root = crate('near_path_typo', [
      'mod nodes {',
      '    pub mod alpha1 {',
      '        pub fn f() {}',
      '    }',
      '    pub mod alpha2 {',
      '        pub fn f() {}',
      '    }',
      '    pub mod storage {',
      '        pub fn g() {}',
      '    }',
      '}',
      '',
      'use nodes::alpha::f;',
      'use nodes::network::g;',
      '',
    ].join('\n'));
    expect(await proposals(root, 'import_path_typo', ['E0432'])).toEqual([]);
  });

  it('collect_copied / collect_cloned: items of another type than the collection holds', async () => {
    const root = crate('near_collect', [
      'pub fn widen(v: &[u32]) -> Vec<u64> {',
      '    v.iter().collect()',
      '}',
      '',
      'pub fn names(v: &[String]) -> Vec<usize> {',
      '    v.iter().collect()',
      '}',
      '',
    ].join('\n'));
    expect(await proposals(root, 'collect_copied', ['E0277'])).toEqual([]);
    expect(await proposals(root, 'collect_cloned', ['E0277'])).toEqual([]);
  });

  it('wrapped_str_to_owned / vec_str_to_owned: another error type, bytes instead of strings', async () => {
    const root = crate('near_wrapped', [
      'pub fn a(r: Result<&str, String>) -> Result<String, std::fmt::Error> {',
      '    r',
      '}',
      '',
      'pub fn b(v: Vec<&[u8]>) -> Vec<String> {',
      '    v',
      '}',
      '',
      'pub fn c(o: Option<&[u8]>) -> Option<String> {',
      '    o',
      '}',
      '',
    ].join('\n'));
    expect(await proposals(root, 'wrapped_str_to_owned', ['E0308'])).toEqual([]);
    expect(await proposals(root, 'vec_str_to_owned', ['E0308'])).toEqual([]);
  });

  it('str_as_path / str_as_os_str: bytes and owned paths are not strings to view', async () => {
    const root = crate('near_path', [
      'use std::ffi::OsStr;',
      'use std::path::{Path, PathBuf};',
      '',
      'fn p(_: &Path) {}',
      'fn o(_: &OsStr) {}',
      '',
      'pub fn a(b: &[u8], q: PathBuf) {',
      '    p(b);',
      '    o(b);',
      '    p(q);',
      '}',
      '',
    ].join('\n'));
    expect(await proposals(root, 'str_as_path', ['E0308'])).toEqual([]);
    expect(await proposals(root, 'str_as_os_str', ['E0308'])).toEqual([]);
  });

  it('cast_to_string: a &str and a char cast to String (rustc offers From), a number cast to a Vec', async () => {
    const root = crate('near_cast', [
      'pub fn a(s: &str, c: char) -> (String, String) {',
      '    (s as String, c as String)',
      '}',
      '',
      'pub fn b(n: u32) -> Vec<u8> {',
      '    n as Vec<u8>',
      '}',
      '',
    ].join('\n'));
    expect(await proposals(root, 'cast_to_string', ['E0605'])).toEqual([]);
  });

  it('static_lazylock / empty_string_const: a const (no LazyLock note), non-empty strings', async () => {
    const root = crate('near_static', [
      'use std::collections::HashMap;',
      '',
      'pub const GREETING: String = String::from("hello");',
      'pub const TABLE: HashMap<u32, u32> = HashMap::new();',
      'pub static NAME: String = "x".to_owned();',
      '',
    ].join('\n'));
    expect(await proposals(root, 'empty_string_const', ['E0015'])).toEqual([]);
    // A const is evaluated at compile time wherever it is used: rustc notes no LazyLock there, and nothing is proposed.
    const consts = crate('near_const', 'use std::collections::HashMap;\n\npub const TABLE: HashMap<u32, u32> = HashMap::new();\npub const GREETING: String = String::from("hello");\n');
    expect(await proposals(consts, 'static_lazylock', ['E0015'])).toEqual([]);
  });

  it('owned_string_binding: `+=` on a &str parameter and on an annotated local', async () => {
    const root = crate('near_owned', [
      'pub fn a(mut s: &str, t: &str) -> usize {',
      '    s += t;',
      '    s.len()',
      '}',
      '',
      'pub fn b(t: &str) -> usize {',
      '    let mut s: &str = "";',
      '    s += t;',
      '    s.len()',
      '}',
      '',
    ].join('\n'));
    expect(await proposals(root, 'owned_string_binding', ['E0368'])).toEqual([]);
  });

  it('collection_convert / vec_ref_to_owned: other item types, the same collection, strings borrowed as str', async () => {
    const root = crate('near_collection', [
      'use std::collections::HashSet;',
      '',
      'pub fn a(v: Vec<u32>) -> HashSet<u64> {',
      '    v',
      '}',
      '',
      'pub fn b(v: Vec<&u32>) -> Vec<u64> {',
      '    v',
      '}',
      '',
      'pub fn c(v: Vec<&str>) -> Vec<String> {',
      '    v',
      '}',
      '',
    ].join('\n'));
    expect(await proposals(root, 'collection_convert', ['E0308'])).toEqual([]);
    expect(await proposals(root, 'vec_ref_to_owned', ['E0308'])).toEqual([]);
  });

  it('str_as_bytes / byte_to_char / bool_to_int: wide chars, a mutable buffer, a lossy u32, a borrowed or optional bool', async () => {
    const root = crate('near_conv', [
      'fn wide(_: &[u16]) {}',
      'fn fill(_: &mut [u8]) {}',
      '',
      'pub fn a(s: &str, mut t: String) {',
      '    wide(s);',
      '    fill(&mut t);',
      '}',
      '',
      'pub fn b(x: u32, y: u16) -> (char, char) {',
      '    (x, y)',
      '}',
      '',
      'pub fn c(f: &bool, g: Option<bool>) -> (u32, u8) {',
      '    (f, g)',
      '}',
      '',
    ].join('\n'));
    expect(await proposals(root, 'str_as_bytes', ['E0308'])).toEqual([]);
    expect(await proposals(root, 'byte_to_char', ['E0308'])).toEqual([]);
    expect(await proposals(root, 'bool_to_int', ['E0308'])).toEqual([]);
  });

  it('bool_as_float / str_eq_char: a borrowed bool, a char variable, a char literal that is a receiver', async () => {
    const root = crate('near_cmp', [
      'pub fn a(b: &bool) -> f64 {',
      '    b as f64',
      '}',
      '',
      'pub fn b(s: &str, c: char) -> bool {',
      "    s == c || s == 'C'.to_ascii_lowercase()",
      '}',
      '',
    ].join('\n'));
    expect(await proposals(root, 'bool_as_float', ['E0606'])).toEqual([]);
    expect(await proposals(root, 'str_eq_char', ['E0277'])).toEqual([]);
  });

  it('bool_operand_from / format_macro: a bool call result, an untyped integer, a format method on a String value', async () => {
    const root = crate('near_bool_fmt', [
      'fn odd(x: u32) -> bool {',
      '    x % 2 == 1',
      '}',
      '',
      'pub fn a(n: u32, total: u32) -> u32 {',
      '    let mut k = 0;',
      '    k = k + (n > 3);',
      '    total + odd(n)',
      '}',
      '',
      'pub fn b(template: String, n: u32) -> String {',
      '    template.format(n)',
      '}',
      '',
    ].join('\n'));
    expect(await proposals(root, 'bool_operand_from', ['E0277'])).toEqual([]);
    expect(await proposals(root, 'format_macro', ['E0599'])).toEqual([]);
  });

  it('push_* patterns: a Vec<char>, a user type with its own push_str, items of another type', async () => {
    const root = crate('near_push', [
      'pub struct Buf;',
      '',
      'impl Buf {',
      '    pub fn push_str(&mut self, _: &str) {}',
      '}',
      '',
      'pub fn a(v: &mut Vec<char>, s: String, b: &mut Buf, c: char) {',
      '    v.push(s);',
      '    b.push_str(c);',
      '}',
      '',
      'pub fn b(v: &mut Vec<u64>, w: Vec<u32>, x: &[u32]) {',
      '    v.push(w);',
      '    v.push(x);',
      '}',
      '',
    ].join('\n'));
    for (const id of ['push_char', 'push_owned_string', 'push_vec_extend', 'push_slice_extend']) expect(await proposals(root, id, ['E0308'])).toEqual([]);
  });

  it('chars_count / join_collect: another method name, an iterator that has len, a join on a map', async () => {
    const root = crate('near_iter', [
      'use std::collections::HashMap;',
      '',
      'pub fn a(s: &str, v: &[u32]) -> usize {',
      '    s.chars().size() + v.iter().len()',
      '}',
      '',
      'pub fn b(m: &HashMap<u32, String>) -> String {',
      '    m.join(",")',
      '}',
      '',
    ].join('\n'));
    expect(await proposals(root, 'chars_count', ['E0599'])).toEqual([]);
    expect(await proposals(root, 'join_collect', ['E0599'])).toEqual([]);
  });

  it('unsigned_abs / iter_to_vec / iterator_collect: a signed abs, to_vec on a slice method chain, an iterator where a number is expected', async () => {
    const root = crate('near_iter2', [
      'pub fn a(x: i32, v: &[u8]) -> (u32, Vec<u8>) {',
      '    (x.abs(), v.iter().to_vec())',
      '}',
      '',
      'pub fn b(v: &[u32]) -> u32 {',
      '    v.iter().copied().filter(|x| *x > 1)',
      '}',
      '',
    ].join('\n'));
    expect(await proposals(root, 'unsigned_abs', ['E0308'])).toEqual([]);
    expect(await proposals(root, 'iter_to_vec', ['E0599'])).toEqual([]);
    expect(await proposals(root, 'iterator_collect', ['E0308'])).toEqual([]);
  });
});
