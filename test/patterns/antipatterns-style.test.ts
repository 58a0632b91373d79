/**
 * Style-side text detectors (src/core/patterns/detectors-style.ts): what each flags and the look-alikes it must
 * leave alone (comments, strings, test code, trait impls, the shapes that really need the flagged form); the
 * flagged fixtures compile (one rustc call for all of them); and no detector throws or reports an index outside
 * the text, whatever the input.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { loadPatterns } from '../../src/adapters/patterns/load.js';
import { detectAntiPatterns } from '../../src/core/patterns/antipatterns.js';
import { STYLE_DETECTORS } from '../../src/core/patterns/detectors-style.js';
import { RustText } from '../../src/core/patterns/rust-text.js';
import { FIXTURES } from './helpers.js';

const patterns = loadPatterns();
const temps: string[] = [];
afterAll(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});

/** Lines at which anti-pattern `id` fires on `text` (as file `file`). */
function lines(id: string, text: string, file = 'src/lib.rs'): number[] {
  return detectAntiPatterns(text, file, patterns).filter((f) => f.patternId === id).map((f) => f.line);
}

/** [detector id, case name, source, expected lines, file path]. */
type Case = [string, string, string, number[], string?];

const CASES: Case[] = [
  // API design.
  ['ref_string_param', 'second parameter', 'fn f(a: u8, s: &String) {}', [1]],
  ['ref_string_param', 'with a lifetime', "fn f<'a>(s: &'a String) {}", [1]],
  ['ref_string_param', '&mut String may grow', 'fn f(s: &mut String) {}', []],
  ['ref_string_param', 'inside another type', 'fn f(s: Option<&String>) {}', []],
  ['ref_string_param', 'trait impl keeps the trait signature', 'impl Show for X {\n    fn show(&self, s: &String) {}\n}', []],
  ['ref_string_param', 'closure parameter', 'fn f() { let g = |s: &String| s.len(); }', []],
  ['ref_string_param', 'in a comment', '// fn f(s: &String) {}\nfn g() {}', []],
  ['ref_vec_param', 'nested generic', 'fn f(m: &Vec<Vec<u8>>) {}', [1]],
  ['ref_vec_param', 'a Vec inside a tuple type', 'fn f(m: &(Vec<u8>, u8)) {}', []],
  ['ref_vec_param', 'test code is exempt', '#[cfg(test)]\nmod tests {\n    fn f(v: &Vec<u8>) {}\n}', []],
  ['ref_box_param', 'boxed trait object', 'fn f(b: &Box<dyn Fn()>) {}', [1]],
  ['ref_box_param', 'owned Box', 'fn f(b: Box<u8>, c: &mut Box<u8>) {}', []],
  ['ref_option_param', 'two parameters, two hits', 'fn f(a: &Option<u8>, b: &Option<u8>) {}', [1, 1]],
  ['string_error_result', 'private helper', 'fn f() -> Result<(), String> { Ok(()) }', []],
  ['string_error_result', 'pub(crate) is not public API', 'pub(crate) fn f() -> Result<(), String> { Ok(()) }', []],
  ['string_error_result', 'binary', 'pub fn f() -> Result<(), String> { Ok(()) }', [], 'src/main.rs'],
  ['string_error_result', 'static str error', "pub fn f() -> Result<(), &'static str> { Ok(()) }", [1]],
  ['string_error_result', 'String as the Ok type', 'pub fn f() -> Result<String, std::io::Error> { todo!() }', []],
  ['unit_error_result', 'trait methods are not flagged here', 'pub trait T {\n    fn f(&self) -> Result<u8, ()>;\n}', []],
  ['impl_into', 'generic impl', 'impl<T> Into<Vec<T>> for Wrap<T> { fn into(self) -> Vec<T> { self.0 } }', [1]],
  ['impl_into', 'impl From', 'impl From<Wrap> for Vec<u8> { fn from(w: Wrap) -> Self { w.0 } }', []],
  ['impl_into', 'an Into bound', 'fn f<T: Into<String>>(t: T) -> String { t.into() }', []],
  ['impl_to_string', 'generic impl', 'impl<T> ToString for W<T> {\n    fn to_string(&self) -> String { String::new() }\n}', [1]],
  ['impl_to_string', 'Display', 'impl fmt::Display for W {\n    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result { Ok(()) }\n}', []],
  ['fallible_from', 'expect in the body', 'impl From<&str> for N {\n    fn from(s: &str) -> Self { N(s.parse().expect("digits")) }\n}', [1]],
  ['fallible_from', 'input ignored: an impossible case', 'impl From<Never> for E {\n    fn from(_: Never) -> E { panic!("impossible") }\n}', []],
  ['fallible_from', 'unwrap_or is total', 'impl From<&str> for N {\n    fn from(s: &str) -> Self { N(s.parse().unwrap_or(0)) }\n}', []],
  ['into_by_ref', 'into_ taking self', 'impl A {\n    fn into_inner(self) -> u8 { self.0 }\n}', []],
  ['new_without_default', 'Default implemented elsewhere in the file', 'impl Default for A {\n    fn default() -> Self { A::new() }\n}\nimpl A {\n    pub fn new() -> Self { A }\n}', []],
  ['new_without_default', 'new with arguments', 'impl A {\n    pub fn new(n: u8) -> Self { A(n) }\n}', []],
  ['new_without_default', 'generic type, private new', 'impl<T> B<T> {\n    fn new() -> Self { B(Vec::new()) }\n}', []],
  ['new_without_default', 'generic type, public new', 'impl<T> B<T> {\n    pub fn new() -> B<T> { B(Vec::new()) }\n}', [2]],
  ['new_without_default', 'trait impl', 'impl Make for A {\n    pub fn new() -> Self { A }\n}', []],
  // Performance.
  ['clone_to_iterate', 'to_vec then iter', 'fn f(v: &[u8]) -> usize { v.to_vec().iter().count() }', [1]],
  ['clone_to_iterate', 'for loop that writes the collection', 'fn f(v: &mut Vec<u8>) {\n    for x in v.clone().iter() {\n        v.push(*x);\n    }\n}', []],
  ['clone_to_iterate', 'clone into_iter for an owned iterator', 'fn f(v: &Vec<u8>) -> std::vec::IntoIter<u8> { v.clone().into_iter() }', []],
  ['collect_then_count', 'is_empty', 'fn f(v: &[u8]) -> bool { v.iter().filter(|x| **x > 1).collect::<Vec<_>>().is_empty() }', [1]],
  ['collect_then_count', 'a set dedupes: its len is not count()', 'fn f(s: &str) -> usize { s.chars().collect::<HashSet<char>>().len() }', []],
  ['collect_then_count', 'into_iter ends a borrow', 'fn f(v: &[u8]) -> u8 { v.iter().collect::<Vec<_>>().into_iter().count() as u8 }', []],
  ['format_push_str', 'push_str of a borrowed string', 'fn f(s: &mut String, t: &str) { s.push_str(&t[1..]); }', []],
  ['format_push_str', 'format! bound first', 'fn f(s: &mut String, x: u8) {\n    s.push_str(\n        &format!("{x}"),\n    );\n}', [2]],
  ['expect_format', 'constant message', 'fn f(s: &str) -> u8 { s.parse().expect(MSG) }', []],
  ['format_to_string', 'a format spec', 'fn f(x: u8) -> String { format!("{:?}", x) }', []],
  ['format_to_string', 'two arguments', 'fn f(x: u8, y: u8) -> String { format!("{}{}", x, y) }', []],
  ['format_to_string', 'plain literal', 'fn f() -> String { format!("done") }', [1]],
  ['format_to_string', 'escaped braces', 'fn f() -> String { format!("{{}}") }', []],
  ['chars_nth_in_loop', 'outside a loop', 'fn f(s: &str) -> Option<char> { s.chars().nth(3) }', []],
  ['chars_nth_in_loop', 'inside a while loop', 'fn f(s: &str) {\n    let mut i = 0;\n    while i < 3 {\n        let _ = s.chars().nth(i);\n        i += 1;\n    }\n}', [4]],
  ['push_loop_collect', 'pushes and does more', 'fn f(v: &[u8]) -> Vec<u8> {\n    let mut o = Vec::new();\n    for x in v {\n        o.push(*x);\n        log(x);\n    }\n    o\n}', []],
  ['push_loop_collect', 'pushes into another vector', 'fn f(v: &[u8], o2: &mut Vec<u8>) {\n    let mut o = Vec::new();\n    for x in v {\n        o2.push(*x);\n    }\n    o.push(1);\n}', []],
  ['map_clone', 'deref closure', 'fn f(v: &[u8]) -> Vec<u8> { v.iter().map(|x| *x).collect() }', [1]],
  ['map_clone', 'clone of a field', 'fn f(v: &[P]) -> Vec<String> { v.iter().map(|p| p.name.clone()).collect() }', []],
  ['format_self_append', 'not in a loop', 'fn f(mut s: String) -> String {\n    s = format!("{s}!");\n    s\n}', []],
  ['format_self_append', 'in a branch of a loop', 'fn f(v: &[u8]) -> String {\n    let mut s = String::new();\n    for x in v {\n        if *x == 0 {\n            s = format!("{s}0");\n        }\n    }\n    s\n}', []],
  ['format_self_append', 'shadowing let', 'fn f(v: &[&str]) {\n    for line in v {\n        let line = format!("{}!", line);\n        g(line);\n    }\n}', []],
  ['format_self_append', 'positional argument', 'fn f(v: &[u8]) -> String {\n    let mut s = String::new();\n    for x in v {\n        s = format!("{}{}", s, x);\n    }\n    s\n}', [4]],
  ['eager_alloc_or', 'to_string of a literal', 'fn f(o: Option<String>) -> String { o.unwrap_or("none".to_string()) }', [1]],
  ['eager_alloc_or', 'empty vec! does not allocate', 'fn f(o: Option<Vec<u8>>) -> Vec<u8> { o.unwrap_or(vec![]) }', []],
  ['eager_alloc_or', 'a variable', 'fn f(o: Option<String>, d: String) -> String { o.unwrap_or(d) }', []],
  ['contains_key_insert', 'match guard', 'fn f(m: &mut M, k: K) {\n    match k {\n        x if !m.contains_key(&x) => { m.insert(x, 0); }\n        _ => {}\n    }\n}', []],
  ['contains_key_insert', 'insert of another key', 'fn f(m: &mut M, k: u8) {\n    if !m.contains_key(&k) {\n        m.insert(0, 0);\n    }\n}', []],
  ['search_is_some', 'position is_none', 'fn f(v: &[u8]) -> bool { v.iter().position(|x| *x == 0).is_none() }', [1]],
  ['search_is_some', 'str::find with a literal', 'fn f(s: &str) -> bool { s.find(\'x\').is_none() }', [1]],
  ['search_is_some', 'a type\'s own find', 'fn f(db: &Db, id: u32) -> bool { db.find(id).is_some() }', []],
  ['search_is_some', 'a map lookup chain', 'fn f(m: &M, k: &str) -> bool { m.get(k).find(|x| x.ok).is_some() }', []],
  ['search_is_some', 'find used', 'fn f(v: &[u8]) -> Option<&u8> { v.iter().find(|x| **x == 0) }', []],
  ['filter_next', 'filter then collect', 'fn f(v: &[u8]) -> Vec<&u8> { v.iter().filter(|x| **x == 0).collect() }', []],
  ['for_over_clone', 'self field used in the body', 'impl A {\n    fn f(&mut self) {\n        for x in self.items.clone() {\n            self.add(x);\n        }\n    }\n}', []],
  ['box_collection', 'Box<[T]> and Box<str>', 'struct S { a: Box<[u8]>, b: Box<str> }', []],
  ['rc_owned_buffer', 'Rc<str>', 'struct S { a: std::rc::Rc<str>, b: Arc<[u8]> }', []],
  ['mutex_of_scalar', 'Mutex of a struct', 'static S: Mutex<Vec<u8>> = Mutex::new(Vec::new());', []],
  ['remove_front_in_loop', 'insert at the front', 'fn f(v: &[char]) -> String {\n    let mut s = String::new();\n    for c in v {\n        s.insert(0, *c);\n    }\n    s\n}', [4]],
  ['remove_front_in_loop', 'remove at another index', 'fn f(v: &mut Vec<u8>) {\n    for _ in 0..2 {\n        v.remove(1);\n    }\n}', []],
  // Error handling.
  ['ok_unwrap', 'ok().expect', 'fn f(s: &str) -> u8 { s.parse().ok().expect("digit") }', [1]],
  ['map_err_discard', 'keeps the error', 'pub fn f(s: &str) -> Result<u8, E> { s.parse().map_err(E::Parse) }', []],
  ['map_err_discard', 'binary', 'pub fn f(s: &str) -> Result<u8, E> { s.parse().map_err(|_| E::Parse) }', [], 'src/main.rs'],
  ['map_err_discard', 'fmt::Error cannot carry a cause', 'fn f(s: &[u8]) -> fmt::Result { std::str::from_utf8(s).map_err(|_| fmt::Error)?; Ok(()) }', []],
  ['err_try', 'match arm', 'fn f(r: Result<u8, E>) -> Result<u8, E> {\n    match r {\n        Ok(v) => Ok(v),\n        Err(e) => Err(e)?,\n    }\n}', [4]],
  ['err_try', 'question mark on a call', 'fn f(s: &str) -> Result<u8, E> { Ok(s.parse()?) }', []],
  ['ignored_err', 'body that logs', 'fn f() {\n    if let Err(_) = g() {\n        warn();\n    }\n}', []],
  ['ignored_err', 'body holding only a comment', 'fn f() {\n    if let Err(_) = g() {\n        // fine\n    }\n}', [2]],
  ['let_underscore_io', 'create_dir_all', 'fn f(p: &Path) { let _ = std::fs::create_dir_all(p); }', [1]],
  ['let_underscore_io', 'write_all may go to stdout', 'fn f(out: &mut impl Write) { let _ = out.write_all(b"x"); }', []],
  ['let_underscore_io', 'removal is best-effort cleanup', 'fn f(p: &Path) { let _ = fs::remove_dir_all(p); }', []],
  // Bug-hiding idioms.
  ['float_to_int_cast', 'logarithm', 'fn f(x: f64) -> i32 { x.log2().floor() as i32 }', [1]],
  ['float_to_int_cast', 'division by a variable in a group', 'fn f(a: u32, b: u32) -> u8 { (a as f32 / b as f32 * 255.0) as u8 }', [1]],
  ['float_to_int_cast', 'rounding a value in range', 'fn f(x: f32) -> u8 { (x * 255.0 + 0.5) as u8 }', []],
  ['float_to_int_cast', 'division by a literal', 'fn f(x: f64) -> i32 { (x / 2.0).round() as i32 }', []],
  ['float_to_int_cast', 'float literal', 'fn f() -> u8 { 2.5 as u8 }', []],
  ['float_to_int_cast', 'integer arithmetic', 'fn f(a: u32, b: u32) -> u8 { (a * 100 / b) as u8 }', []],
  ['float_to_int_cast', 'call argument, not a group', 'fn f() -> u8 { g(1.5) as u8 }', []],
  ['float_to_int_cast', 'clamped on purpose', 'fn f(x: f32) -> u16 { (x.min(65535.0) + 0.5) as u16 }', []],
  ['float_to_int_cast', 'tuple field', 'fn f(t: (u32, u32)) -> u8 { t.0 as u8 }', []],
  ['float_eq', 'exact binary fractions are sentinels', 'fn f(x: f64) -> bool { x == 0.5 || x != 1.0 || x == 0.0 }', []],
  ['float_eq', 'literal on the left', 'fn f(x: f64) -> bool { 0.1 == x }', [1]],
  ['float_eq', 'no spaces', 'fn f(x: f64) -> bool { x==3.14 }', [1]],
  ['float_eq', 'a computed operand with a zero', 'fn f(w: f64) -> bool { w % 2.5 == 0.0 }', []],
  ['float_eq', 'test code is exempt', '#[test]\nfn t() {\n    assert!(f() == 0.1);\n}', []],
  ['mem_replace_default', 'None is take()', 'fn f(o: &mut Option<u8>) -> Option<u8> { std::mem::replace(o, None) }', []],
  ['mem_replace_default', 'a user type new() may differ from default()', 'fn f(a: &mut A) -> E { std::mem::replace(&mut a.e, Encoder::new()) }', []],
  ['mem_replace_default', 'T::default()', 'fn f(a: &mut A) -> M { std::mem::replace(&mut a.m, M::default()) }', [1]],
  ['loop_match_break', 'break with a value', 'fn f(it: &mut I) -> u8 {\n    loop {\n        match it.next() {\n            Some(0) => continue,\n            _ => break 1,\n        }\n    }\n}', []],
  ['loop_match_break', 'three arms', 'fn f(it: &mut I) {\n    loop {\n        match it.next() {\n            Some(0) => {}\n            Some(_) => g(),\n            None => break,\n        }\n    }\n}', []],
  ['while_let_next', 'iterator advanced in the body', 'fn f(mut it: I) {\n    while let Some(x) = it.next() {\n        it.next();\n    }\n}', []],
  ['range_loop_index', 'index used for another slice', 'fn f(a: &[u8], b: &[u8]) -> u8 {\n    let mut s = 0;\n    for i in 0..a.len() {\n        s += a[i] * b[i];\n    }\n    s\n}', []],
  ['dbg_macro', 'in a string', 'fn f() -> &\'static str { "dbg!(x)" }', []],
  ['dbg_macro', 'integration test', 'fn f() { dbg!(1); }', [], 'tests/it.rs'],
  ['check_then_unwrap', 'field of self (if let may conflict with &mut self)', 'impl A {\n    fn f(&mut self) {\n        if self.x.is_some() {\n            self.g();\n            self.x.unwrap();\n        }\n    }\n}', []],
  ['check_then_unwrap', 'is_ok then unwrap', 'fn f(r: Result<u8, E>) -> u8 {\n    if r.is_ok() {\n        return r.unwrap();\n    }\n    0\n}', [2]],
  ['step_by_zero', 'literal zero', 'fn f() {\n    for i in (0..9).step_by(0) {}\n}', [2]],
  ['step_by_zero', 'a computed step', 'fn f(k: usize) {\n    for i in (0..9).step_by(k) {}\n}', []],
  ['step_by_zero', 'a step of ten', 'fn f() {\n    for i in (0..99).step_by(10) {}\n}', []],
  ['step_by_zero', 'in a test (a should_panic case)', '#[test]\n#[should_panic]\nfn t() {\n    (0..9).step_by(0);\n}', []],
  ['read_line_no_clear', 'loop body read, never cleared', 'fn f(r: &mut impl BufRead) {\n    let mut buf = Vec::new();\n    loop {\n        if r.read_until(b\'\\n\', &mut buf).unwrap() == 0 {\n            break;\n        }\n        handle(&buf);\n    }\n}', [4]],
  ['read_line_no_clear', 'cleared at the top of the loop', 'fn f(r: &mut impl BufRead) {\n    let mut line = String::new();\n    loop {\n        line.clear();\n        if r.read_line(&mut line).unwrap() == 0 {\n            break;\n        }\n    }\n}', []],
  ['read_line_no_clear', 'buffer declared in the loop', 'fn f(r: &mut impl BufRead) {\n    loop {\n        let mut line = String::new();\n        r.read_line(&mut line).unwrap();\n    }\n}', []],
  ['read_line_no_clear', 'taken with mem::take', 'fn f(r: &mut impl BufRead, out: &mut Vec<String>) {\n    let mut line = String::new();\n    while r.read_line(&mut line).unwrap() > 0 {\n        out.push(std::mem::take(&mut line));\n    }\n}', []],
  ['read_line_no_clear', 'truncated after use', 'fn f(r: &mut impl BufRead) {\n    let mut line = String::new();\n    while r.read_line(&mut line).unwrap() > 0 {\n        line.truncate(0);\n    }\n}', []],
  ['read_line_no_clear', 'one read, no loop', 'fn f(r: &mut impl BufRead) -> String {\n    let mut line = String::new();\n    r.read_line(&mut line).unwrap();\n    line\n}', []],
  ['read_line_no_clear', 'a field buffer cleared', 'impl P {\n    fn f(&mut self) {\n        while self.r.read_line(&mut self.buf).unwrap() > 0 {\n            self.buf.clear();\n        }\n    }\n}', []],
  ['with_capacity_index', 'a write right after', 'fn f(n: usize) -> Vec<u8> {\n    let mut v: Vec<u8> = Vec::with_capacity(n);\n    v[0] = 1;\n    v\n}', [3]],
  ['with_capacity_index', 'resized first', 'fn f(n: usize) -> Vec<u8> {\n    let mut v = Vec::with_capacity(n);\n    v.resize(n, 0);\n    v[0] = 1;\n    v\n}', []],
  ['with_capacity_index', 'pushed later in the same loop', 'fn f(n: u32) -> Vec<u32> {\n    let mut v = Vec::with_capacity(8);\n    for j in 0..n {\n        if let Some(p) = v.iter().position(|&x| x == j) {\n            v[p] = j;\n        }\n        v.push(j);\n    }\n    v\n}', []],
  ['with_capacity_index', 'filled by a call first', 'fn f(n: usize) -> Vec<u8> {\n    let mut v = Vec::with_capacity(n);\n    fill(&mut v);\n    v[0] = 1;\n    v\n}', []],
  ['with_capacity_index', 'a comparison, not a write', 'fn f(n: usize) -> bool {\n    let mut v: Vec<u8> = Vec::with_capacity(n);\n    v.push(1);\n    v[0] == 1\n}', []],
  ['system_time_elapsed', 'duration_since a start', 'fn f() -> Duration {\n    let t0 = std::time::SystemTime::now();\n    work();\n    SystemTime::now().duration_since(t0).unwrap()\n}', [2]],
  ['system_time_elapsed', 'a timestamp since the epoch', 'fn f() -> u64 {\n    let now = SystemTime::now();\n    now.duration_since(UNIX_EPOCH).unwrap().as_secs()\n}', []],
  ['system_time_elapsed', 'age of a file, not of now', 'fn f(m: &Metadata) -> Duration {\n    let now = SystemTime::now();\n    m.modified().unwrap().elapsed().unwrap()\n}', []],
  ['display_recursion', 'write! of self with {}', 'impl fmt::Display for T {\n    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {\n        write!(f, "{}", self)\n    }\n}', [3]],
  ['display_recursion', 'std::fmt::Display path, to_string in format!', 'impl std::fmt::Display for T {\n    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {\n        let s = format!("<{}>", self.to_string());\n        f.write_str(&s)\n    }\n}', [3]],
  ['display_recursion', 'a field of self', 'impl fmt::Display for T {\n    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {\n        write!(f, "{}", self.name)\n    }\n}', []],
  ['display_recursion', 'Debug of self inside Display', 'impl fmt::Display for T {\n    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {\n        write!(f, "{:?}", self)\n    }\n}', []],
  ['display_recursion', 'an inherent to_string method', 'impl T {\n    fn to_string(&self) -> String {\n        self.0.clone()\n    }\n}\nimpl fmt::Display for T {\n    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {\n        f.write_str(&self.to_string())\n    }\n}', []],
  ['display_recursion', 'Debug formats self through Display', 'impl fmt::Debug for T {\n    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {\n        write!(f, "T({})", self)\n    }\n}', []],
  ['display_recursion', 'another value with {}', 'impl fmt::Display for T {\n    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {\n        write!(f, "{}", other)\n    }\n}', []],
  ['system_time_elapsed', 'Instant', 'fn f() -> Duration {\n    let t = Instant::now();\n    t.elapsed()\n}', []],
  ['system_time_elapsed', 'shadowed by an Instant before elapsed()', 'fn f() -> Duration {\n    let t = SystemTime::now();\n    log(t);\n    let t = Instant::now();\n    t.elapsed()\n}', []],
];

describe('style detectors: flagged shapes and near-misses', () => {
  it.each(CASES)('%s: %s', (id, _name, text, want, file) => {
    expect(lines(id, text, file)).toEqual(want);
  });

  it('every style detector has a pattern and at least one case here', () => {
    const ids = new Set(patterns.filter((p) => p.kind === 'anti_pattern').map((p) => p.detector.text_detector));
    for (const d of Object.keys(STYLE_DETECTORS)) expect(ids.has(d), d).toBe(true);
    const covered = new Set(CASES.map((c) => patterns.find((p) => p.id === c[0])?.detector.text_detector));
    expect(Object.keys(STYLE_DETECTORS).filter((d) => !covered.has(d))).toEqual([]);
  });
});

describe('the flagged fixtures are real Rust', () => {
  it('every style fixture broken/ compiles (one rustc call, each fixture a module)', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'rg-style-'));
    temps.push(dir);
    const ids = patterns.filter((p) => p.kind === 'anti_pattern' && p.detector.text_detector !== undefined && p.detector.text_detector in STYLE_DETECTORS).map((p) => p.id);
    expect(ids.length).toBe(Object.keys(STYLE_DETECTORS).length);
    const crate = ids.map((id) => `pub mod ${id} {\n${readFileSync(path.join(FIXTURES, id, 'broken/src/lib.rs'), 'utf8')}\n}\n`).join('\n');
    writeFileSync(path.join(dir, 'lib.rs'), `#![allow(warnings)]\n${crate}`);
    const r = await execa('rustc', ['--edition', '2021', '--crate-type', 'lib', '--emit=metadata', '--out-dir', dir, path.join(dir, 'lib.rs')], { reject: false });
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
  });
});

describe('style detectors on arbitrary input', () => {
  const tokens = ['fn ', 'pub ', 'impl ', ' for ', 'loop ', 'while ', 'let ', 'mut ', 'if ', 'match ', '=>', '{', '}', '(', ')', '<', '>', '[', ']', ';', ',', '.', ':', '&', '|', '!', '?', '=', '==', '"', "'", '//', '/*', '*/', '\n', ' ', 'x', 'v', 's', '0', '1.5', 'as ', 'u8', 'String', 'Vec', 'Box', 'Option', 'Result', 'Err', 'Mutex', 'Arc', 'clone()', 'iter()', 'len()', 'unwrap()', 'format!', 'collect::<Vec<_>>()', 'mem::replace', '#[derive(Hash)]', '#[cfg(test)]', 'contains_key', 'insert', 'push', 'next()', 'partial_cmp', 'chars().nth(', 'step_by(0)', 'read_line(&mut s)', 'let mut v = Vec::with_capacity(n);', 'v[i] = ', 'let t = SystemTime::now();', 't.elapsed()', 'impl fmt::Display for T {', 'self.to_string()', 'write!(f, "{}", self)'];
  const rustish = fc.array(fc.constantFrom(...tokens), { maxLength: 120 }).map((t) => t.join(''));
  it('never throw and report indexes inside the text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 300 }), rustish), fc.constantFrom('src/lib.rs', 'src/main.rs', 'tests/t.rs'), (text, file) => {
        const src = new RustText(text);
        for (const detector of Object.values(STYLE_DETECTORS)) {
          for (const hit of detector(src, file)) {
            expect(Number.isInteger(hit.index)).toBe(true);
            expect(hit.index).toBeGreaterThanOrEqual(0);
            expect(hit.index).toBeLessThan(Math.max(1, text.length));
            expect(hit.message.length).toBeGreaterThan(0);
          }
        }
      }),
      { numRuns: 400 },
    );
  });
});
