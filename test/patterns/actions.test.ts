/**
 * Template actions on small texts: `⟦…⟧` marks the diagnostic's primary span, `⟨…⟩` spans the detector selected.
 * Each row gives the exact text after applying the action's edits, or null when the action must decline.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic, SourceSpan } from '../../src/core/diagnostics/types.js';
import { applyEdits } from '../../src/core/fix/apply.js';
import { ACTIONS } from '../../src/core/patterns/actions.js';
import type { ActionName } from '../../src/core/patterns/model.js';
import { isPostfixSafe, maskRust, RustText } from '../../src/core/patterns/rust-text.js';

const enc = new TextEncoder();

function span(text: string, start: number, end: number, primary: boolean): SourceSpan {
  const bs = enc.encode(text.slice(0, start)).length;
  const be = enc.encode(text.slice(0, end)).length;
  return { file: 'src/lib.rs', lineStart: 1, lineEnd: 1, columnStart: 1, columnEnd: 1, byteStart: bs, byteEnd: be, isPrimary: primary, label: null };
}

/** Strips the markers and returns the clean text with the primary and matched spans. */
function parse(marked: string): { text: string; primary: SourceSpan; matched: SourceSpan[] } {
  let text = '';
  const opens: { kind: string; at: number }[] = [];
  const ranges: { kind: string; start: number; end: number }[] = [];
  for (const ch of marked) {
    if (ch === '⟦' || ch === '⟨') opens.push({ kind: ch, at: text.length });
    else if (ch === '⟧' || ch === '⟩') {
      const o = opens.pop();
      if (o) ranges.push({ kind: o.kind, start: o.at, end: text.length });
    } else text += ch;
  }
  const p = ranges.find((r) => r.kind === '⟦');
  if (!p) throw new Error('no primary span marked');
  return {
    text,
    primary: span(text, p.start, p.end, true),
    matched: ranges.filter((r) => r.kind === '⟨').map((r) => span(text, r.start, r.end, false)),
  };
}

function run(action: ActionName, marked: string, params: Record<string, string> = {}): string | null {
  const { text, primary, matched } = parse(marked);
  const diagnostic: Diagnostic = { level: 'error', code: 'E0000', message: '', primary, spans: [primary, ...matched], notes: [], suggestions: [], rendered: '', source: 'test', packageName: null };
  const edits = ACTIONS[action]({ file: 'src/lib.rs', src: new RustText(text), diagnostic, matched, params });
  if (edits.length === 0) return null;
  const r = applyEdits(text, edits);
  if (!r.ok) throw new Error(r.reason);
  return r.text;
}

type Row = [string, ActionName, string, Record<string, string>, string | null];

const ROWS: Row[] = [
  // insert_use
  ['use after inner attributes', 'insert_use', '#![allow(unused)]\nfn main() { let m = ⟦HashMap⟧::new(); }\n', { path: 'std::collections::HashMap' }, '#![allow(unused)]\nuse std::collections::HashMap;\n\nfn main() { let m = HashMap::new(); }\n'],
  ['use after the last use', 'insert_use', 'use std::fmt;\nuse std::io;\n\nfn f() -> ⟦Path⟧ {}\n', { path: 'std::path::Path' }, 'use std::fmt;\nuse std::io;\nuse std::path::Path;\n\nfn f() -> Path {}\n'],
  ['use inside the inline module of the span', 'insert_use', 'use a::b;\nmod m {\n    fn f() -> ⟦Path⟧ {}\n}\n', { path: 'std::path::Path' }, 'use a::b;\nmod m {\n    use std::path::Path;\n\n    fn f() -> Path {}\n}\n'],
  ['use already present', 'insert_use', 'use std::path::Path;\nfn f() -> ⟦Path⟧ {}\n', { path: 'std::path::Path' }, null],
  ['qualified name is not fixed by an import', 'insert_use', 'fn f() { a::⟦Path⟧::new() }\n', { path: 'std::path::Path', match_primary: 'true' }, null],
  ['import must bring in the unresolved name', 'insert_use', 'fn f() -> ⟦Path⟧ {}\n', { path: 'std::path::PathBuf', match_primary: 'true' }, null],
  ['bad path', 'insert_use', 'fn f() -> ⟦Path⟧ {}\n', { path: 'std::{a, b}' }, null],
  // add_bound
  ['bare parameter', 'add_bound', 'fn f<T>(t: T) { ⟦t⟧; }', { param: 'T', bound: 'Clone' }, 'fn f<T: Clone>(t: T) { t; }'],
  ['existing bounds', 'add_bound', 'fn f<T: Eq>(t: T) { ⟦t⟧; }', { param: 'T', bound: 'Clone' }, 'fn f<T: Eq + Clone>(t: T) { t; }'],
  ['where clause', 'add_bound', 'fn f<T>(t: T) where T: Eq, { ⟦t⟧; }', { param: 'T', bound: 'Clone' }, 'fn f<T>(t: T) where T: Eq + Clone, { t; }'],
  ['default type', 'add_bound', 'struct S<T: Eq = u8>(T);\nimpl<T: Eq> S<T> { fn g(&self) { ⟦self⟧; } }', { param: 'T', bound: 'Copy' }, 'struct S<T: Eq = u8>(T);\nimpl<T: Eq + Copy> S<T> { fn g(&self) { self; } }'],
  ['fn-trait bound with a return type', 'add_bound', "fn run<F: FnOnce() -> u64>(f: F) { ⟦f⟧; }", { param: 'F', bound: "Send + 'static" }, "fn run<F: FnOnce() -> u64 + Send + 'static>(f: F) { f; }"],
  ['only the missing part of the bound', 'add_bound', "fn run<F: FnOnce() + 'static>(f: F) { ⟦f⟧; }", { param: 'F', bound: "Send + 'static" }, "fn run<F: FnOnce() + 'static + Send>(f: F) { f; }"],
  ['bound already there', 'add_bound', 'fn f<T: Clone>(t: T) { ⟦t⟧; }', { param: 'T', bound: 'Clone' }, null],
  ['non-prelude std trait is qualified', 'add_bound', 'fn f<T>(t: T) { ⟦t⟧; }', { param: 'T', bound: 'Debug' }, 'fn f<T: std::fmt::Debug>(t: T) { t; }'],
  ['imported std trait stays short', 'add_bound', 'use std::fmt::Debug;\nfn f<T>(t: T) { ⟦t⟧; }', { param: 'T', bound: 'Debug' }, 'use std::fmt::Debug;\nfn f<T: Debug>(t: T) { t; }'],
  ['impl Trait argument', 'add_bound', 'fn f(t: impl Sized) { ⟦t⟧; }', { param: 'impl Sized', bound: 'Debug' }, 'fn f(t: impl Sized + std::fmt::Debug) { t; }'],
  ['parameter not declared anywhere', 'add_bound', 'fn f(t: u8) { ⟦t⟧; }', { param: 'T', bound: 'Clone' }, null],
  ['Self is not a generic parameter', 'add_bound', 'trait A { fn f(&self) { ⟦self⟧; } }', { param: 'Self', bound: 'Sized' }, null],
  // closures and bindings
  ['move closure', 'add_move_to_closure', 'fn f() { spawn(⟦||⟧ x); }', {}, 'fn f() { spawn(move || x); }'],
  ['async move', 'add_move_to_closure', 'fn f() { ⟦async⟧ { x } }', {}, 'fn f() { async move { x } }'],
  ['already move', 'add_move_to_closure', 'fn f() { spawn(move ⟦||⟧ x); }', {}, null],
  ['let mut', 'add_mut_to_binding', 'fn f() { let x = 1; ⟦x = 2⟧; }', { name: 'x' }, 'fn f() { let mut x = 1; x = 2; }'],
  ['typed let, nearest declaration', 'add_mut_to_binding', 'fn f() { let x = 0; let x: u8 = 1; ⟦x += 2⟧; }', { name: 'x' }, 'fn f() { let x = 0; let mut x: u8 = 1; x += 2; }'],
  ['parameter', 'add_mut_to_binding', 'fn f(v: Vec<u8>) { ⟦v.push(1)⟧; }', { name: 'v' }, 'fn f(mut v: Vec<u8>) { v.push(1); }'],
  ['for binding', 'add_mut_to_binding', 'fn f() { for s in xs() { ⟦s.push(1)⟧; } }', { name: 's' }, 'fn f() { for mut s in xs() { s.push(1); } }'],
  ['not declared', 'add_mut_to_binding', 'fn f() { ⟦x = 2⟧; }', { name: 'x' }, null],
  // expressions
  ['to_string on a shorthand field', 'to_owned_at_span', 'fn f(n: &str) -> U { U { ⟦n⟧ } }', {}, 'fn f(n: &str) -> U { U { n: n.to_string() } }'],
  ['to_string on a block tail is not a field', 'to_owned_at_span', 'fn f(n: &str) -> String { if ok { ⟦n⟧ } else { x } }', {}, 'fn f(n: &str) -> String { if ok { n.to_string() } else { x } }'],
  ['clone wraps a binary expression', 'clone_at_span', 'fn f() { g(⟦a + b⟧) }', {}, 'fn f() { g((a + b).clone()) }'],
  ['borrow parenthesises a receiver', 'borrow_at_span', 'fn f() { ⟦v⟧.iter() }', {}, 'fn f() { (&v).iter() }'],
  ['borrow of a pattern binding is refused', 'borrow_at_span', 'fn f() { let ⟦x⟧ = y; }', {}, null],
  ['reborrow', 'borrow_at_span', 'fn f(v: &mut Vec<u8>) { g(⟦v⟧) }', { mode: 'reborrow' }, 'fn f(v: &mut Vec<u8>) { g(&mut *v) }'],
  ['deref', 'deref_at_span', 'fn f() { g(⟦v⟧) }', {}, 'fn f() { g(*v) }'],
  ['ref bindings', 'ref_binding', 'fn f() { match s { S { ⟦a⟧: ⟨x⟩, b: ⟨mut y⟩ } => {} } }', { target: 'matched' }, 'fn f() { match s { S { a: ref x, b: ref mut y } => {} } }'],
  ['method call inserted before the method', 'insert_method_call', 'fn f() { self.log.⟦count⟧() }', { call: '.borrow()' }, 'fn f() { self.log.borrow().count() }'],
  ['method call must be a plain call', 'insert_method_call', 'fn f() { self.log.⟦count⟧() }', { call: '.borrow(); drop(x)' }, null],
  // match arms and struct fields
  ['missing arms with empty bodies', 'missing_match_arms', 'fn f(e: E) {\n    match ⟦e⟧ {\n        E::A => {}\n    }\n}', { patterns: '`E::B` and `E::C(_)`' }, 'fn f(e: E) {\n    match e {\n        E::A => {}\n        E::B => {}\n        E::C(_) => {}\n    }\n}'],
  ['arms with values are left to a person', 'missing_match_arms', 'fn f(e: E) -> u8 { match ⟦e⟧ { E::A => 1, } }', { patterns: '`E::B`' }, null],
  ['wildcard-like or truncated lists are refused', 'missing_match_arms', 'fn f(e: u8) { match ⟦e⟧ { 0 => {} } }', { patterns: '`1_u8..=u8::MAX`' }, null],
  ['struct fields with obvious zero values', 'missing_struct_fields', 'struct P { x: u8, name: String, tags: Vec<String>, next: Option<u8> }\nfn f() -> P { ⟦P⟧ { x: 1 } }', { fields: '`name`, `tags` and `next`', struct: 'P' }, 'struct P { x: u8, name: String, tags: Vec<String>, next: Option<u8> }\nfn f() -> P { P { x: 1, name: String::new(), tags: Vec::new(), next: None } }'],
  ['struct field without an obvious value', 'missing_struct_fields', 'struct P { x: u8, at: Instant }\nfn f() -> P { ⟦P⟧ { x: 1 } }', { fields: '`at`', struct: 'P' }, null],
  ['multi-line literal', 'missing_struct_fields', 'struct P { x: u8, y: u8 }\nfn f() -> P {\n    ⟦P⟧ {\n        x: 1,\n    }\n}', { fields: '`y`', struct: 'P' }, 'struct P { x: u8, y: u8 }\nfn f() -> P {\n    P {\n        x: 1,\n        y: 0,\n    }\n}'],
  // visibility, lifetimes, statements
  ['make a nested item pub(crate)', 'make_pub', 'mod a {\n    pub mod b {\n        fn g() {}\n    }\n}\nfn f() { a::b::⟦g⟧() }', { name: 'g' }, 'mod a {\n    pub mod b {\n        pub(crate) fn g() {}\n    }\n}\nfn f() { a::b::g() }'],
  ['item in another file is left alone', 'make_pub', 'mod a;\nfn f() { a::⟦g⟧() }', { name: 'g' }, null],
  ['lifetime reuses the only one', 'add_lifetime', "struct S<'x> { a: &'x u8, b: ⟦&⟧u8 }", { mode: 'item' }, "struct S<'x> { a: &'x u8, b: &'x u8 }"],
  ['lifetime on a type needing one', 'add_lifetime', 'struct S { t: ⟦Tok⟧ }', { mode: 'item' }, "struct S<'a> { t: Tok<'a> }"],
  ['lifetime with other generics', 'add_lifetime', 'enum E<T> { A(T), B(⟦&⟧T) }', { mode: 'item' }, "enum E<'a, T> { A(T), B(&'a T) }"],
  ['semicolon after a let is not removed', 'remove_semicolon', 'fn f() -> u8 ⟦{ let a = 1; }⟧', {}, null],
  ['hoisted temporary', 'hoist_temporary', 'fn f() {\n    let r = ⟦make()⟧.get();\n    use_it(r);\n}', {}, 'fn f() {\n    let tmp = make();\n    let r = tmp.get();\n    use_it(r);\n}'],
  ['rename declaration', 'rename_declaration', 'fn f() { let ⟨_x⟩ = 1; ⟦x⟧ }', { from: '_x', to: 'x' }, 'fn f() { let x = 1; x }'],
  ['similar name in a shorthand field', 'replace_primary', 'const A: u8 = 1;\nfn f() -> S { S { ⟦a⟧ } }', { text: 'A' }, 'const A: u8 = 1;\nfn f() -> S { S { a: A } }'],
  ['let for an undeclared assignment', 'replace_primary', 'fn f() { ⟦x⟧ = 1; }', { prefix: 'let ' }, 'fn f() { let x = 1; }'],
  ['no let for a comparison', 'replace_primary', 'fn f() { ⟦x⟧ == 1; }', { prefix: 'let ' }, null],
  // adapters, calls, prefixes, arguments
  ['cloned on an Option', 'append_method_call', 'fn f() -> Option<String> { ⟦v.first()⟧ }', { method: 'cloned' }, 'fn f() -> Option<String> { v.first().cloned() }'],
  ['method name must be an identifier', 'append_method_call', 'fn f() { ⟦x⟧ }', { method: 'a(); b' }, null],
  ['call a method read as a field', 'call_method', 'fn f() -> usize { v.⟦len⟧ }', {}, 'fn f() -> usize { v.len() }'],
  ['a field access is not a method', 'call_method', 'fn f() -> usize { ⟦len⟧ }', {}, null],
  ['remove a leading borrow', 'remove_prefix', 'fn f() { g(⟦&mut v.iter()⟧) }', { prefix: '&' }, 'fn f() { g(v.iter()) }'],
  ['remove the borrow of a for loop span', 'remove_prefix', 'fn f() { ⟦for x in &v.iter() { }⟧ }', { prefix: '&' }, 'fn f() { for x in v.iter() { } }'],
  ['remove a dereference', 'remove_prefix', 'fn f() { s += ⟦*v⟧; }', { prefix: '*' }, 'fn f() { s += v; }'],
  ['a borrow is not a dereference', 'remove_prefix', 'fn f() { s += ⟦&v⟧; }', { prefix: '*' }, null],
  ['remove extra arguments with their commas', 'remove_arguments', 'fn f() { g(1, ⟦⟨2⟩⟧, ⟨3⟩) }', { target: 'matched' }, 'fn f() { g(1) }'],
  ['remove a first argument', 'remove_arguments', 'fn f() { g(⟦⟨0⟩⟧, 1) }', { target: 'matched' }, 'fn f() { g(1) }'],
  ['part of an argument is not removed', 'remove_arguments', 'fn f() { g(1 + ⟦⟨2⟩⟧) }', { target: 'matched' }, null],
  ['remove an unused mut', 'remove_mut', 'fn f() { let ⟦mut x⟧ = 1; }', {}, 'fn f() { let x = 1; }'],
  // visibility and generics
  ['private field becomes pub(crate)', 'make_field_pub', 'mod m { pub struct P { pub x: u8, #[allow(dead_code)] y: u8 } }\nfn f(p: m::P) -> u8 { p.⟦y⟧ }', { field: 'y', struct: 'P' }, 'mod m { pub struct P { pub x: u8, #[allow(dead_code)] pub(crate) y: u8 } }\nfn f(p: m::P) -> u8 { p.y }'],
  ['already public field', 'make_field_pub', 'struct P { pub(super) y: u8 }\nfn f(p: P) -> u8 { p.⟦y⟧ }', { field: 'y', struct: 'P' }, null],
  ['private item named inside a macro call', 'make_pub', 'mod m { const K: u8 = 1; }\nfn f() { ⟦println!("{}", m::K)⟧; }', { name: 'K' }, 'mod m { pub(crate) const K: u8 = 1; }\nfn f() { println!("{}", m::K); }'],
  ['declare a lifetime first', 'declare_generic', "fn f<T>(x: &'a T) -> &⟦'a⟧ T { x }", { name: "'a" }, "fn f<'a, T>(x: &'a T) -> &'a T { x }"],
  ['declare a type parameter', 'declare_generic', 'fn f(x: ⟦T⟧) {}', { name: 'T' }, 'fn f<T>(x: T) {}'],
  ['declare on an impl', 'declare_generic', "impl Foo<⟦'a⟧> {}", { name: "'a" }, "impl<'a> Foo<'a> {}"],
  ['type parameter after existing ones', 'declare_generic', 'struct S<A> { a: A, b: ⟦B⟧ }', { name: 'B' }, 'struct S<A, B> { a: A, b: B }'],
  ['bound on a derive span goes to the item', 'add_bound', '#[derive(Clone, ⟦Eq⟧)]\npub struct S<T>(T);', { param: 'T', bound: 'Clone' }, '#[derive(Clone, Eq)]\npub struct S<T: Clone>(T);'],
  ['derive added above the item', 'add_derive', '/// Doc.\npub struct P { x: u8 }\nfn f(p: P) { g(⟦p⟧) }', { type: 'P', trait: 'Copy' }, '/// Doc.\n#[derive(Clone, Copy)]\npub struct P { x: u8 }\nfn f(p: P) { g(p) }'],
  ['derive list extended with what the trait needs', 'add_derive', '#[derive(Debug)]\n#[allow(dead_code)]\nenum K { A }\nfn f(k: K) { g(⟦k⟧) }', { type: 'K', trait: 'Eq' }, '#[derive(Debug, PartialEq, Eq)]\n#[allow(dead_code)]\nenum K { A }\nfn f(k: K) { g(k) }'],
  ['hand-written impl is not duplicated', 'add_derive', 'struct P;\nimpl PartialEq for P { fn eq(&self, _: &P) -> bool { true } }\nfn f(p: P) { g(⟦p⟧) }', { type: 'P', trait: 'Eq' }, '#[derive(Eq)]\nstruct P;\nimpl PartialEq for P { fn eq(&self, _: &P) -> bool { true } }\nfn f(p: P) { g(p) }'],
  ['type defined elsewhere', 'add_derive', 'fn f(p: other::P) { g(⟦p⟧) }', { type: 'P', trait: 'Debug' }, null],
  ['not a derivable trait', 'add_derive', 'struct P;\nfn f(p: P) { g(⟦p⟧) }', { type: 'P', trait: 'Display' }, null],
  ['let glued to the name', 'replace_primary', 'fn f() { ⟦let_total⟧ = 1; }', { prefix: 'let ' }, 'fn f() { let total = 1; }'],
  ['mutable reference parameter', 'mut_ref_binding', "fn f(n: u8, v: &'a Vec<u8>) { ⟦v⟧.push(n); }", { name: 'v' }, "fn f(n: u8, v: &'a mut Vec<u8>) { v.push(n); }"],
  ['mutable borrow in a let', 'mut_ref_binding', 'fn f(mut x: Vec<u8>) { let v = &x; ⟦v⟧.push(1); }', { name: 'v' }, 'fn f(mut x: Vec<u8>) { let v = &mut x; v.push(1); }'],
  ['already mutable', 'mut_ref_binding', 'fn f(v: &mut Vec<u8>) { ⟦v⟧.push(1); }', { name: 'v' }, null],
  ['return type added', 'add_return_type', 'fn f(a: u8) where u8: Copy { ⟦a⟧ }', { type: 'u8' }, 'fn f(a: u8) -> u8 where u8: Copy { a }'],
  ['inferred literal types are not written', 'add_return_type', 'fn f() { ⟦1⟧ }', { type: '{integer}' }, null],
  ['one-line match gets inline arms', 'missing_match_arms', 'fn f(d: &D) { match ⟦d⟧ { D::N => {} } }', { patterns: '`&D::S`' }, 'fn f(d: &D) { match d { D::N => {} D::S => {} } }'],
  ['lifetime on a parameter', 'lifetime_on_param', "fn f<'a>(a: &'a str, b: &str) -> &'a str { ⟦b⟧ }", { name: 'b', lifetime: "'a" }, "fn f<'a>(a: &'a str, b: &'a str) -> &'a str { b }"],
  ['field through self in a method', 'replace_primary', 'impl C { fn get(&self) -> u32 { ⟦count⟧ } }', { prefix: 'self.' }, 'impl C { fn get(&self) -> u32 { self.count } }'],
  ['no self outside methods', 'replace_primary', 'fn get() -> u32 { ⟦count⟧ }', { prefix: 'self.' }, null],
  ['wrap in a constructor', 'wrap_expr', 'fn f(x: u8) -> Option<u8> { ⟦x + 1⟧ }', { with: 'Some' }, 'fn f(x: u8) -> Option<u8> { Some(x + 1) }'],
  ['wrap a shorthand field', 'wrap_expr', 'fn f(v: u8) -> S { S { ⟦v⟧ } }', { with: 'Box::new' }, 'fn f(v: u8) -> S { S { v: Box::new(v) } }'],
  ['wrapper must be a path', 'wrap_expr', 'fn f(x: u8) -> Option<u8> { ⟦x⟧ }', { with: 'drop(y); Some' }, null],
  ['call a named function', 'call_value', 'fn f() -> u8 { ⟦seven⟧ }', {}, 'fn f() -> u8 { seven() }'],
  ['char to str', 'char_to_str', "fn f() -> &'static str { ⟦'x'⟧ }", {}, 'fn f() -> &\'static str { "x" }'],
  ['quote char to str', 'char_to_str', "fn f() -> &'static str { ⟦'\"'⟧ }", {}, 'fn f() -> &\'static str { "\\"" }'],
  ['private item of a module declared in the fn body', 'make_pub', 'fn main() {\n    mod m { const K: u8 = 1; }\n    let k = m::⟦K⟧;\n}', { name: 'K' }, 'fn main() {\n    mod m { pub(crate) const K: u8 = 1; }\n    let k = m::K;\n}'],
  ['import for a name used inside a macro call', 'insert_use', 'fn main() {\n    ⟦println!("{:?}", HashMap::<u8, u8>::new())⟧;\n}\n', { path: 'std::collections::HashMap', match_primary: 'true' }, 'use std::collections::HashMap;\n\nfn main() {\n    println!("{:?}", HashMap::<u8, u8>::new());\n}\n'],
  ['async fn', 'make_async', 'fn a() {}\n⟨pub(crate) unsafe fn f() -> u8⟩ { ⟦g⟧().await }', { target: 'matched' }, 'fn a() {}\npub(crate) async unsafe fn f() -> u8 { g().await }'],
  ['const fn cannot be async', 'make_async', '⟨const fn f() -> u8⟩ { ⟦g⟧().await }', { target: 'matched' }, null],
  ['trait type', 'replace_type', 'impl T for Z { fn m(&self, x: ⟦i16⟧) {} }', { type: 'u16' }, 'impl T for Z { fn m(&self, x: u16) {} }'],
  ['placeholder type refused', 'replace_type', 'impl T for Z { fn m(&self, x: ⟦i16⟧) {} }', { type: '_' }, null],
  ['receiver mutability', 'replace_type', 'impl T for Z { fn n(⟦&mut self⟧) {} }', { mode: 'toggle_mut' }, 'impl T for Z { fn n(&self) {} }'],
  ['rest pattern', 'add_rest_pattern', 'fn f(p: P) { let ⟦P { x, }⟧ = p; }', {}, 'fn f(p: P) { let P { x, .. } = p; }'],
  ['rest already there', 'add_rest_pattern', 'fn f(p: P) { let ⟦P { x, .. }⟧ = p; }', {}, null],
  ['typed let becomes &mut', 'mut_ref_binding', 'fn f(v: &mut Vec<u8>) { let w: &Vec<u8> = v; ⟦w⟧.push(1); }', { name: 'w' }, 'fn f(v: &mut Vec<u8>) { let w: &mut Vec<u8> = v; w.push(1); }'],
  ['clone into a move closure with a block body', 'clone_into_closure', 'fn f(a: Arc<u8>) {\n    spawn(⟨move ||⟩ {\n        g(a, a.b, S { a: 1 });\n    });\n    ⟦a⟧;\n}', { name: 'a', target: 'matched' }, 'fn f(a: Arc<u8>) {\n    let a_clone = a.clone();\n    spawn(move || {\n        g(a_clone, a_clone.b, S { a: 1 });\n    });\n    a;\n}'],
  ['not a move closure', 'clone_into_closure', 'fn f(a: Arc<u8>) { spawn(⟨||⟩ g(a)); ⟦a⟧; }', { name: 'a', target: 'matched' }, null],
  // UTF-8: byte offsets after multi-byte characters
  ['multi-byte text before the span', 'clone_at_span', 'fn f() { let s = "héllo ✓ 😀"; g(⟦name⟧) }', {}, 'fn f() { let s = "héllo ✓ 😀"; g(name.clone()) }'],
  // the `?` family
  ['.ok() before ?', 'insert_before_try', 'fn f(s: &str) -> Option<u8> { let n: u8 = s.parse()⟦?⟧; Some(n) }', { call: '.ok()' }, 'fn f(s: &str) -> Option<u8> { let n: u8 = s.parse().ok()?; Some(n) }'],
  ['.ok() already there', 'insert_before_try', 'fn f(s: &str) -> Option<u8> { let n: u8 = s.parse().ok()⟦?⟧; Some(n) }', { call: '.ok()' }, null],
  ['adapter must be a bare call', 'insert_before_try', 'fn f(s: &str) -> Option<u8> { s.parse()⟦?⟧ }', { call: '.ok_or(e)' }, null],
  ['Ok(()) after a `?` statement', 'append_unit_tail', 'fn f(p: &str) -> ⟦Result<(), E>⟧ {\n    g(p)?;\n}', { value: 'Ok(())' }, 'fn f(p: &str) -> Result<(), E> {\n    g(p)?;\n    Ok(())\n}'],
  ['Ok(()) after an assignment with a block value', 'append_unit_tail', 'fn f(x: &mut u8) -> ⟦Result<(), E>⟧ {\n    *x = if a { 1 } else { 2 };\n}', { value: 'Ok(())' }, 'fn f(x: &mut u8) -> Result<(), E> {\n    *x = if a { 1 } else { 2 };\n    Ok(())\n}'],
  ['Ok(()) after a print, loops before', 'append_unit_tail', 'fn f(v: &[u8]) -> ⟦Result<(), E>⟧ {\n    for x in v { g(x); }\n    println!("done");\n}', { value: 'Ok(())' }, 'fn f(v: &[u8]) -> Result<(), E> {\n    for x in v { g(x); }\n    println!("done");\n    Ok(())\n}'],
  ['Ok(()) in an empty body', 'append_unit_tail', 'fn f() -> ⟦Result<(), E>⟧ {}', { value: 'Ok(())' }, 'fn f() -> Result<(), E> { Ok(()) }'],
  ['no tail after a plain call (its Result would be dropped)', 'append_unit_tail', 'fn f(v: &mut W) -> ⟦Result<(), E>⟧ {\n    v.flush();\n}', { value: 'Ok(())' }, null],
  ['no tail after writeln! (it returns a Result)', 'append_unit_tail', 'fn f(w: &mut W) -> ⟦Result<(), E>⟧ {\n    writeln!(w, "x");\n}', { value: 'Ok(())' }, null],
  ['no tail after a comparison statement', 'append_unit_tail', 'fn f(a: u8) -> ⟦Result<(), E>⟧ {\n    a == 1;\n}', { value: 'Ok(())' }, null],
  ['only Ok(()) is appended', 'append_unit_tail', 'fn f() -> ⟦Result<u8, E>⟧ {\n    let a = 1;\n}', { value: 'Ok(a)' }, null],
  ['Ok(()) after a tail if without else', 'append_unit_tail', 'fn f(p: &P) -> Result<(), E> {\n    if !p.ok() ⟦{\n        g(p)?;\n    }⟧\n}', { value: 'Ok(())' }, 'fn f(p: &P) -> Result<(), E> {\n    if !p.ok() {\n        g(p)?;\n    }\n    Ok(())\n}'],
  ['an if with an else is left alone', 'append_unit_tail', 'fn f(p: &P) -> Result<(), E> {\n    if !p.ok() ⟦{\n        g(p)?;\n    }⟧ else { h(); }\n}', { value: 'Ok(())' }, null],
  ['a block that is not the body\'s last is left alone', 'append_unit_tail', 'fn f(p: &P) -> Result<(), E> {\n    if !p.ok() ⟦{\n        g(p)?;\n    }⟧\n    h()\n}', { value: 'Ok(())' }, null],
  ['a match block is left alone', 'append_unit_tail', 'fn f(p: u8) -> Result<(), E> {\n    match p ⟦{\n        _ => {}\n    }⟧\n}', { value: 'Ok(())' }, null],
  // lossless numeric conversions
  ['operand widened with From', 'convert_lossless', 'fn f(a: u64, b: u32) -> u64 { a + ⟦b⟧ }', { from: 'u32', to: 'u64' }, 'fn f(a: u64, b: u32) -> u64 { a + u64::from(b) }'],
  ['compound operand widened whole', 'convert_lossless', 'fn f(a: i64, b: i32) -> i64 { a * ⟦b - 1⟧ }', { from: 'i32', to: 'i64' }, 'fn f(a: i64, b: i32) -> i64 { a * i64::from(b - 1) }'],
  ['suffixed integer literal re-suffixed', 'convert_lossless', 'fn f(a: u64) -> u64 { a + ⟦1_u32⟧ }', { from: 'u32', to: 'u64' }, 'fn f(a: u64) -> u64 { a + 1_u64 }'],
  ['float literal wrapped, not re-suffixed', 'convert_lossless', 'fn f(a: f64) -> f64 { a + ⟦0.1f32⟧ }', { from: 'f32', to: 'f64' }, 'fn f(a: f64) -> f64 { a + f64::from(0.1f32) }'],
  ['shorthand field expanded', 'convert_lossless', 'fn f(n: u16) -> S { S { ⟦n⟧ } }', { from: 'u16', to: 'usize' }, 'fn f(n: u16) -> S { S { n: usize::from(n) } }'],
  ['u32 to usize is not lossless everywhere', 'convert_lossless', 'fn f(v: &[u8], i: u32) -> u8 { v[⟦i⟧] }', { from: 'u32', to: 'usize' }, null],
  ['narrowing refused', 'convert_lossless', 'fn f(a: u32, b: u64) -> u32 { a + ⟦b⟧ }', { from: 'u64', to: 'u32' }, null],
  ['signed to unsigned refused', 'convert_lossless', 'fn f(a: u64, b: i32) -> u64 { a + ⟦b⟧ }', { from: 'i32', to: 'u64' }, null],
  ['widen items by reference before sum', 'map_lossless_before_call', 'fn f(v: &[u32]) -> u64 { v.iter().⟦sum⟧() }', { from: 'u32', to: 'u64', ref: '&' }, 'fn f(v: &[u32]) -> u64 { v.iter().map(|&x| u64::from(x)).sum() }'],
  ['widen owned items before product', 'map_lossless_before_call', 'fn f(v: Vec<u16>) -> u64 { v.into_iter().⟦product⟧::<u64>() }', { from: 'u16', to: 'u64', ref: '' }, 'fn f(v: Vec<u16>) -> u64 { v.into_iter().map(u64::from).product::<u64>() }'],
  ['no widening to usize from u32', 'map_lossless_before_call', 'fn f(v: &[u32]) -> usize { v.iter().⟦sum⟧() }', { from: 'u32', to: 'usize', ref: '&' }, null],
  ['get → get_mut for an if-let binding', 'accessor_to_mut', 'fn f(m: &mut M, k: &str) { if let Some(e) = m.get(k) { ⟦e.n += 1⟧; } }', { name: 'e' }, 'fn f(m: &mut M, k: &str) { if let Some(e) = m.get_mut(k) { e.n += 1; } }'],
  ['first().unwrap() → first_mut().unwrap()', 'accessor_to_mut', 'fn f(v: &mut Vec<u8>) { let x = v.first().unwrap(); ⟦*x = 3⟧; }', { name: 'x' }, 'fn f(v: &mut Vec<u8>) { let x = v.first_mut().unwrap(); *x = 3; }'],
  ['a chained lookup is left alone', 'accessor_to_mut', 'fn f(v: &mut Vec<Vec<u8>>) { let x = v.first().and_then(|r| r.first()).unwrap(); ⟦*x = 3⟧; }', { name: 'x' }, null],
  ['a computed initialiser is left alone', 'accessor_to_mut', 'fn f(v: &mut Vec<u8>) { let x = pick(v); ⟦*x = 3⟧; }', { name: 'x' }, null],
  // redundant calls, shadowing lifetimes
  ['remove .cloned()', 'remove_method_call', 'fn f(x: Option<u8>) -> u8 { x.⟦cloned⟧().unwrap() }', { method: 'cloned' }, 'fn f(x: Option<u8>) -> u8 { x.unwrap() }'],
  ['a call with arguments is kept', 'remove_method_call', 'fn f(x: Option<u8>) -> u8 { x.⟦cloned⟧(1).unwrap() }', { method: 'cloned' }, null],
  ['remove .expect("…") with a literal message', 'remove_method_call', 'fn f(x: u8) -> u8 { x.⟦expect⟧("a \\"why\\"") }', { method: 'expect', args: 'literal' }, 'fn f(x: u8) -> u8 { x }'],
  ['a computed message is kept', 'remove_method_call', 'fn f(x: u8, w: &str) -> u8 { x.⟦expect⟧(w) }', { method: 'expect', args: 'literal' }, null],
  ['a field is not a call', 'remove_method_call', 'fn f(x: S) -> u8 { x.⟦cloned⟧ }', { method: 'cloned' }, null],
  ['rename the fn lifetime, not the impl\'s', 'rename_shadowing_lifetime', "impl<'a> P<'a> {\n    fn f<⟦'a⟧>(x: &'a str) -> &'a str { let c = 'a'; x }\n}", { lifetime: "'a" }, "impl<'a> P<'a> {\n    fn f<'b>(x: &'b str) -> &'b str { let c = 'a'; x }\n}"],
  ['a second declaration of the name declines', 'rename_shadowing_lifetime', "impl<'a> P<'a> {\n    fn f<⟦'a⟧>(x: &'a str) where for<'a> F: Fn(&'a u8) {}\n}", { lifetime: "'a" }, null],
  ['static is never renamed', 'rename_shadowing_lifetime', "impl<'a> P<'a> { fn f<⟦'static⟧>() {} }", { lifetime: "'static" }, null],
  // types, conversions, paths and statics
  ['module segment one edit away', 'fix_path_segment', 'mod a {\n    pub mod items {}\n    pub mod iters {}\n}\nuse a::⟦itemz⟧::X;\n', { segment: 'itemz', parent: 'a' }, 'mod a {\n    pub mod items {}\n    pub mod iters {}\n}\nuse a::items::X;\n'],
  ['two modules equally close: nothing', 'fix_path_segment', 'mod a {\n    pub mod item1 {}\n    pub mod item2 {}\n}\nuse a::⟦item⟧::X;\n', { segment: 'item', parent: 'a' }, null],
  ['std module', 'fix_path_segment', 'use std::⟦colections⟧::HashMap;\n', { segment: 'colections', parent: 'std' }, 'use std::collections::HashMap;\n'],
  ['crate:: in a crate root file (src/lib.rs)', 'fix_path_segment', 'mod bits {}\nuse crate::⟦bitz⟧::X;\n', { segment: 'bitz', parent: 'crate' }, 'mod bits {}\nuse crate::bits::X;\n'],
  ['map after a call chain', 'append_call', 'fn f(s: &str) -> Option<String> { ⟦s.split(1).next()⟧ }', { call: '.map(String::from)' }, 'fn f(s: &str) -> Option<String> { s.split(1).next().map(String::from) }'],
  ['call chain must be plain calls', 'append_call', 'fn f() { ⟦x⟧ }', { call: '.map(|s| s)' }, null],
  ['Path::new, short when imported', 'wrap_call', 'use std::path::{Path, PathBuf};\nfn f(s: &str) { g(⟦s⟧) }', { path: 'std::path::Path::new' }, 'use std::path::{Path, PathBuf};\nfn f(s: &str) { g(Path::new(s)) }'],
  ['Path::new, full path otherwise', 'wrap_call', 'use other::Path;\nfn f(s: &str) { g(⟦s⟧) }', { path: 'std::path::Path::new' }, 'use other::Path;\nfn f(s: &str) { g(std::path::Path::new(s)) }'],
  ['primitive From', 'wrap_call', 'fn f(b: bool) -> u8 { ⟦b⟧ }', { path: 'u8::from' }, 'fn f(b: bool) -> u8 { u8::from(b) }'],
  ['cast to to_string, parenthesised', 'cast_to_method', 'fn f(a: u8) -> String { ⟦-a as String⟧ }', { method: 'to_string', type: 'String' }, 'fn f(a: u8) -> String { (-a).to_string() }'],
  ['cast to From', 'cast_to_method', 'fn f(b: bool) -> f64 { ⟦b as f64⟧ }', { method: 'from', type: 'f64' }, 'fn f(b: bool) -> f64 { f64::from(b) }'],
  ['static made lazy', 'lazy_static', 'static M: HashMap<u8, u8> = ⟦HashMap::new()⟧;\n', {}, 'static M: std::sync::LazyLock<HashMap<u8, u8>> = std::sync::LazyLock::new(|| HashMap::new());\n'],
  ['static mut is left alone', 'lazy_static', 'static mut M: Vec<u8> = ⟦make()⟧;\n', {}, null],
  ['already LazyLock', 'lazy_static', 'static M: LazyLock<Vec<u8>> = ⟦make()⟧;\n', {}, null],
  ['empty String::from', 'empty_string_new', 'const S: String = ⟦String::from("")⟧;', {}, 'const S: String = String::new();'],
  ['empty literal to_owned', 'empty_string_new', 'const S: String = "".⟦to_owned()⟧;', {}, 'const S: String = String::new();'],
  ['non-empty literal is kept', 'empty_string_new', 'const S: String = "a".⟦to_owned()⟧;', {}, null],
  ['raw string is not touched', 'empty_string_new', 'const S: String = r"".⟦to_owned()⟧;', {}, null],
  ['owned string local', 'owned_string_binding', 'fn f(t: &str) { let mut s = "a"; ⟦⟨s⟩ += t⟧; }', {}, 'fn f(t: &str) { let mut s = String::from("a"); s += t; }'],
  ['annotated local is kept', 'owned_string_binding', 'fn f(t: &str) { let mut s: &str = "a"; ⟦⟨s⟩ += t⟧; }', {}, null],
  ['char compared as a one-char string', 'char_operand_to_str', "fn f(s: &str) -> bool { s ⟦==⟧ 'y' }", {}, 'fn f(s: &str) -> bool { s == "y" }'],
  ['char literal that is a receiver', 'char_operand_to_str', "fn f(s: &str) -> bool { s ⟦==⟧ 'y'.to_string() }", {}, null],
  ['bool operand, parenthesised', 'from_operand', 'fn f(a: usize, x: u8, y: u8) -> usize { a ⟦+⟧ (x != y) }', { to: 'usize' }, 'fn f(a: usize, x: u8, y: u8) -> usize { a + usize::from(x != y) }'],
  ['bool operand, a place', 'from_operand', 'fn f(a: u32, s: S) -> u32 { a ⟦+⟧ s.flag }', { to: 'u32' }, 'fn f(a: u32, s: S) -> u32 { a + u32::from(s.flag) }'],
  ['bool operand that is a call', 'from_operand', 'fn f(a: u32) -> u32 { a ⟦+⟧ odd(a) }', { to: 'u32' }, null],
  ['String::format', 'format_macro', 'fn f(a: u8) -> String { String::⟦format⟧("{}", a) }', {}, 'fn f(a: u8) -> String { format!("{}", a) }'],
  ['literal.format', 'format_macro', 'fn f(a: u8) -> String { "{} x".⟦format⟧(a) }', {}, 'fn f(a: u8) -> String { format!("{} x", a) }'],
  ['format on a variable', 'format_macro', 'fn f(t: String, a: u8) -> String { t.⟦format⟧(a) }', {}, null],
  ['to_vec on an iterator', 'replace_method', 'fn f() { v.iter().⟦to_vec⟧() }', { from: 'to_vec', to: 'collect::<Vec<_>>' }, 'fn f() { v.iter().collect::<Vec<_>>() }'],
  ['replaced method must take no arguments', 'replace_method', 'fn f() { v.iter().⟦to_vec⟧(1) }', { from: 'to_vec', to: 'collect::<Vec<_>>' }, null],
  ['rename call without rustc naming the std owner', 'rename_call', 'fn f(s: &mut String, c: char) { s.⟨push_str⟩(⟦c⟧) }', { from: 'push_str', to: 'push', owner: 'string' }, null],
];

describe('template actions', () => {
  it.each(ROWS)('%s (%s)', (_name, action, marked, params, expected) => {
    expect(run(action, marked, params)).toBe(expected);
  });
});

describe('lexical helpers', () => {
  it('masks comments, strings and char literals but keeps lifetimes and length', () => {
    const src = "let a = \"{\"; // }\nlet c = '{'; fn f<'a>(x: &'a str) /* { */ {}";
    const m = maskRust(src);
    expect(m.length).toBe(src.length);
    expect(m).toBe("let a = \" \";     \nlet c = ' '; fn f<'a>(x: &'a str)         {}");
  });
  it('knows which expressions take a postfix method without parentheses', () => {
    expect([isPostfixSafe('a.b()'), isPostfixSafe('f::<u8>(x)[0]'), isPostfixSafe('x?'), isPostfixSafe('a + b'), isPostfixSafe('*x'), isPostfixSafe('x as u8')]).toEqual([true, true, true, false, false, false]);
  });
});

describe('actions never throw and keep edits inside the file', () => {
  // Deterministic pseudo-random spans over real fixture sources, with params of every kind.
  const files = ['trait_bound_add_on', 'missing_match_arms', 'make_pub', 'interior_borrow', 'remove_leading_ref', 'add_derive', 'ok_unit_tail_after_block', 'lifetime_shadow_rename', 'accessor_get_mut']
    .map((id) => readFileSync(path.resolve('test/fixtures/patterns', id, 'broken/src/lib.rs'), 'utf8'));
  files.push('fn f() { let s = "é ✓ 😀 {"; match x { A => {} } } // }\nstruct S<\'a, T: Eq = u8> where T: Copy { a: &\'a T }\n');
  const params: Record<string, string>[] = [{}, { name: 'x', param: 'T', bound: 'Clone', path: 'std::a::B', patterns: '`A`', fields: '`a`', struct: 'S', text: 'y', from: 'x', to: 'y', call: '.borrow()', method: 'cloned', type: 'u8', trait: 'Debug', with: 'Some', lifetime: "'a", field: 'a', prefix: 'let ', mode: 'fn', target: 'matched' }, { value: 'Ok(())', call: '.ok()', from: 'u8', to: 'u64', ref: '&', method: 'expect', args: 'literal', lifetime: "'a", name: 'a' }];
  it('holds for every action on many spans', () => {
    let seed = 7;
    const rnd = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (const text of files) {
      const bytes = enc.encode(text).length;
      for (let k = 0; k < 40; k++) {
        const a = rnd(bytes + 1);
        const b = Math.min(bytes, a + rnd(30));
        // Only spans on character boundaries, as rustc reports them.
        const start = new TextDecoder().decode(enc.encode(text).slice(0, a)).length;
        const end = new TextDecoder().decode(enc.encode(text).slice(0, b)).length;
        const marked = `${text.slice(0, start)}⟦${text.slice(start, end)}⟧${text.slice(end)}`;
        if (/[⟦⟧⟨⟩]/.test(text)) continue;
        for (const name of Object.keys(ACTIONS) as ActionName[]) {
          for (const p of params) {
            const { text: clean, primary } = parse(marked);
            const diagnostic: Diagnostic = { level: 'error', code: 'E0000', message: '', primary, spans: [primary], notes: [], suggestions: [], rendered: '', source: 'test', packageName: null };
            const edits = ACTIONS[name]({ file: 'src/lib.rs', src: new RustText(clean), diagnostic, matched: [primary], params: p });
            for (const e of edits) {
              expect(e.file).toBe('src/lib.rs');
              expect(e.byteStart).toBeGreaterThanOrEqual(0);
              expect(e.byteEnd).toBeLessThanOrEqual(bytes);
            }
            const applied = applyEdits(clean, edits);
            expect(applied.ok, `${name} ${JSON.stringify(p)}`).toBe(true);
          }
        }
      }
    }
  });
});
