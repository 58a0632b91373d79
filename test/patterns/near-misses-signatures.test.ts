/**
 * Near-misses of the 2026-12-05 ownership, trait-impl signature and derive patterns, with real cargo diagnostics:
 * each crate produces the code a pattern handles in a shape where its edit would be a guess or wrong (a trait fixes
 * the consuming signature, two hand-written impls conflict, a generic field, a receiver type rustc names in full,
 * parameters of other types, a type argument outside an impl header, a parameter the impl uses). The pattern must
 * propose nothing for any error of the crate.
 */
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadPatterns } from '../../src/adapters/patterns/load.js';
import { cargoCheck, libCrate, proposalsOf } from './helpers.js';

const patterns = loadPatterns();
const temps: string[] = [];
afterAll(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});

const crate = (name: string, lines: string[]): string => libCrate(name, `${lines.join('\n')}\n`, temps);
const proposals = (root: string, id: string, codes: string[]): Promise<string[]> => proposalsOf(patterns, root, id, codes);

describe('ownership and trait-impl patterns: near-misses propose nothing (real cargo)', () => {
  it('receiver_by_ref: a trait method that consumes `self`, a `mut self` method, a type with a destructor', async () => {
    const root = crate('near_receiver', [
      'pub trait Consume {',
      '    fn consume(self) -> usize;',
      '}',
      '',
      'pub struct Chunk(pub String);',
      '',
      'impl Consume for Chunk {',
      '    fn consume(self) -> usize {',
      '        self.0.len()',
      '    }',
      '}',
      '',
      'impl Chunk {',
      '    pub fn grow(mut self) -> Chunk {',
      '        self.0.push(\'x\');',
      '        self',
      '    }',
      '}',
      '',
      'pub struct Holder {',
      '    pub chunk: Chunk,',
      '}',
      '',
      'pub fn size(h: &Holder) -> usize {',
      '    h.chunk.consume()',
      '}',
      '',
      'pub fn grown(h: &Holder) -> Chunk {',
      '    h.chunk.grow()',
      '}',
      '',
      'pub struct Session(pub u32);',
      '',
      'impl Drop for Session {',
      '    fn drop(&mut self) {}',
      '}',
      '',
      'impl Session {',
      '    pub fn close(self) {}',
      '}',
      '',
      'pub fn end(s: &Session) {',
      '    s.close()',
      '}',
    ]);
    expect(await proposals(root, 'receiver_by_ref', ['E0507'])).toEqual([]);
  });

  it('derive_conflicting_impl: two hand-written impls (a blanket impl and a concrete one)', async () => {
    const root = crate('near_conflict', [
      'use std::fmt::Display;',
      '',
      'pub trait Describe {',
      '    fn describe(&self) -> String;',
      '}',
      '',
      'impl<T: Display> Describe for T {',
      '    fn describe(&self) -> String {',
      '        self.to_string()',
      '    }',
      '}',
      '',
      'impl Describe for u32 {',
      '    fn describe(&self) -> String {',
      '        format!("#{self}")',
      '    }',
      '}',
    ]);
    expect(await proposals(root, 'derive_conflicting_impl', ['E0119'])).toEqual([]);
  });

  it('derive_copy_non_copy_field / derive_copy_with_drop: a generic type, and hand-written Copy impls', async () => {
    const root = crate('near_copy', [
      '#[derive(Clone, Copy)]',
      'pub struct Wrapper<T> {',
      '    pub items: Vec<T>,',
      '}',
      '',
      '#[derive(Clone)]',
      'pub struct Name {',
      '    pub text: String,',
      '}',
      '',
      'impl Copy for Name {}',
      '',
      '#[derive(Clone)]',
      'pub struct Guard {',
      '    pub id: u32,',
      '}',
      '',
      'impl Copy for Guard {}',
      '',
      'impl Drop for Guard {',
      '    fn drop(&mut self) {}',
      '}',
    ]);
    expect(await proposals(root, 'derive_copy_non_copy_field', ['E0204'])).toEqual([]);
    expect(await proposals(root, 'derive_copy_with_drop', ['E0184'])).toEqual([]);
  });

  it('impl_receiver_from_trait / impl_receiver_removed: a `self: Box<Self>` receiver (its type is the author\'s to write)', async () => {
    const root = crate('near_boxed', [
      'pub trait Task {',
      '    fn run(self: Box<Self>) -> u32;',
      '    fn name() -> &\'static str;',
      '}',
      '',
      'pub struct Job;',
      '',
      'impl Task for Job {',
      '    fn run() -> u32 {',
      '        1',
      '    }',
      '',
      '    fn name(self: Box<Self>) -> &\'static str {',
      '        "job"',
      '    }',
      '}',
    ]);
    expect(await proposals(root, 'impl_receiver_from_trait', ['E0186'])).toEqual([]);
    expect(await proposals(root, 'impl_receiver_removed', ['E0185'])).toEqual([]);
  });

  it('impl_params_from_trait: the impl\'s parameters differ in type, or the impl has more than the trait', async () => {
    const root = crate('near_params', [
      'pub trait Scale {',
      '    fn scale(&mut self, factor: f64, axis: usize);',
      '    fn reset(&mut self);',
      '}',
      '',
      'pub struct Point(pub f64);',
      '',
      'impl Scale for Point {',
      '    fn scale(&mut self, axis: usize) {',
      '        self.0 *= axis as f64;',
      '    }',
      '',
      '    fn reset(&mut self, to: f64) {',
      '        self.0 = to;',
      '    }',
      '}',
    ]);
    expect(await proposals(root, 'impl_params_from_trait', ['E0050'])).toEqual([]);
  });

  it('impl_generics_from_definition: a generic type named without arguments outside an impl header', async () => {
    const root = crate('near_generics', [
      'pub struct Stack<T> {',
      '    pub items: Vec<T>,',
      '}',
      '',
      'pub fn depth(s: &Stack) -> usize {',
      '    s.items.len()',
      '}',
      '',
      'pub struct Pair {',
      '    pub left: Stack,',
      '}',
    ]);
    expect(await proposals(root, 'impl_generics_from_definition', ['E0107'])).toEqual([]);
  });

  it('option_as_ref_receiver: a String consumed by a method and used again (no `.as_ref()` label)', async () => {
    const root = crate('near_as_ref', [
      'pub fn bytes(s: String) -> usize {',
      '    let b = s.into_bytes();',
      '    b.len() + s.len()',
      '}',
    ]);
    expect(await proposals(root, 'option_as_ref_receiver', ['E0382'])).toEqual([]);
  });

  it('fnonce_clone_capture: a closure that is FnMut (it mutates a capture) where Fn is required', async () => {
    const root = crate('near_fnonce', [
      'pub fn run<F: Fn() -> usize>(f: F) -> usize {',
      '    f()',
      '}',
      '',
      'pub fn count() -> usize {',
      '    let mut n = 0;',
      '    let f = || {',
      '        n += 1;',
      '        n',
      '    };',
      '    run(f)',
      '}',
    ]);
    expect(await proposals(root, 'fnonce_clone_capture', ['E0525'])).toEqual([]);
  });

  it('format_debug_placeholder: Display required by a generic bound, not by a format string', async () => {
    const root = crate('near_display', [
      'use std::fmt::Display;',
      '',
      'pub fn show<T: Display>(t: T) -> String {',
      '    t.to_string()',
      '}',
      '',
      'pub fn all() -> String {',
      '    show(vec![1u32, 2])',
      '}',
    ]);
    expect(await proposals(root, 'format_debug_placeholder', ['E0277'])).toEqual([]);
  });

  it('unused_impl_param: an unconstrained parameter the impl\'s methods use', async () => {
    const root = crate('near_impl_param', [
      'pub struct Registry {',
      '    names: Vec<String>,',
      '}',
      '',
      'impl<K: AsRef<str>> Registry {',
      '    pub fn has(&self, key: K) -> bool {',
      '        self.names.iter().any(|n| n == key.as_ref())',
      '    }',
      '}',
    ]);
    expect(await proposals(root, 'unused_impl_param', ['E0207'])).toEqual([]);
  });
  it('hoist_borrowed_local: a loop body, a local that is not the block\'s first statement, a name used after the block', async () => {
    const root = crate('near_hoist', [
      'pub fn lens(items: &[&str]) -> usize {',
      '    let mut keep: Vec<&String> = Vec::new();',
      '    for it in items {',
      '        let owned = it.to_string();',
      '        keep.push(&owned);',
      '    }',
      '    keep.len()',
      '}',
      '',
      'pub fn second(prefix: &str) -> usize {',
      '    let r;',
      '    {',
      '        let n = prefix.len();',
      '        let full = format!("{prefix}{n}");',
      '        r = &full;',
      '    }',
      '    r.len()',
      '}',
      '',
      'pub fn shadow(prefix: &str) -> usize {',
      '    let r;',
      '    {',
      '        let full = format!("{prefix}!");',
      '        r = &full;',
      '    }',
      '    let full = 3;',
      '    r.len() + full',
      '}',
    ]);
    expect(await proposals(root, 'hoist_borrowed_local', ['E0597'])).toEqual([]);
  });

  it('inner_fn_to_closure: a recursive nested fn, one called before its definition, an `impl Trait` return, a generic one', async () => {
    const root = crate('near_inner_fn', [
      'pub fn countdown(start: u32) -> u32 {',
      '    fn step(n: u32) -> u32 {',
      '        if n == 0 { start } else { step(n - 1) }',
      '    }',
      '    step(3)',
      '}',
      '',
      'pub fn early(base: u32) -> u32 {',
      '    let x = add(1);',
      '    fn add(y: u32) -> u32 {',
      '        base + y',
      '    }',
      '    x',
      '}',
      '',
      'pub fn evens(limit: u32) -> Vec<u32> {',
      '    fn upto(n: u32) -> impl Iterator<Item = u32> {',
      '        (0..n).filter(move |x| x % limit == 0)',
      '    }',
      '    upto(10).collect()',
      '}',
      '',
      'pub fn generic(base: u32) -> u32 {',
      '    fn conv<T: Into<u32>>(y: T) -> u32 {',
      '        base + y.into()',
      '    }',
      '    conv(2u8)',
      '}',
    ]);
    expect(await proposals(root, 'inner_fn_to_closure', ['E0434'])).toEqual([]);
  });

  it('lifetime_outlives_bound: a closure returning its argument (no bound for rustc to name)', async () => {
    const root = crate('near_outlives', [
      'pub fn first() -> i32 {',
      '    let f = |x: &i32| x;',
      '    *f(&1)',
      '}',
    ]);
    const { diagnostics } = await cargoCheck(root);
    expect(diagnostics.some((d) => d.level === 'error' && d.message === 'lifetime may not live long enough')).toBe(true);
    expect(await proposals(root, 'lifetime_outlives_bound', [])).toEqual([]);
  });

  it('fnonce_called_twice_clone: a closure moved into a call and used again (not one that is FnOnce)', async () => {
    const root = crate('near_twice', [
      'pub fn take<F: FnOnce() -> usize>(f: F) -> usize {',
      '    f()',
      '}',
      '',
      'pub fn run(s: String) -> usize {',
      '    let f = move || s.len();',
      '    take(f) + f()',
      '}',
    ]);
    expect(await proposals(root, 'fnonce_called_twice_clone', ['E0382'])).toEqual([]);
  });

  it('derive_for_trait_method: a std type, a method several traits define, a method no derive gives', async () => {
    const root = crate('near_derive_method', [
      'pub struct Level(pub u32);',
      '',
      'pub fn copy_file(f: std::fs::File) -> (std::fs::File, std::fs::File) {',
      '    let g = f.clone();',
      '    (f, g)',
      '}',
      '',
      'pub fn higher(a: Level, b: Level) -> Level {',
      '    a.max(b)',
      '}',
      '',
      'pub fn text(a: Level) -> String {',
      '    a.to_string()',
      '}',
    ]);
    expect(await proposals(root, 'derive_for_trait_method', ['E0599'])).toEqual([]);
  });

  it('add_derive_list: the type is defined in another file (a graph action\'s shape)', async () => {
    const root = crate('near_derive_list', [
      'pub mod version;',
      '',
      'pub fn newer(a: &version::Version, b: &version::Version) -> bool {',
      '    a > b',
      '}',
    ]);
    writeFileSync(path.join(root, 'src/version.rs'), '#[derive(PartialEq)]\npub struct Version {\n    pub major: u32,\n}\n');
    expect(await proposals(root, 'add_derive_list', ['E0369'])).toEqual([]);
  });

  it('partial_move_borrow / partial_move_clone: a field moved by a destructuring pattern', async () => {
    const root = crate('near_partial', [
      '#[derive(Debug)]',
      'pub struct User {',
      '    pub name: String,',
      '    pub id: u32,',
      '}',
      '',
      'pub fn greet(u: User) -> String {',
      '    let User { name, .. } = u;',
      '    format!("{name} {u:?}")',
      '}',
    ]);
    expect(await proposals(root, 'partial_move_borrow', ['E0382'])).toEqual([]);
    expect(await proposals(root, 'partial_move_clone', ['E0382'])).toEqual([]);
  });
  it('option_take_field: behind a shared reference, a match scrutinee, a call argument', async () => {
    const root = crate('near_take', [
      'pub struct Node {',
      '    pub next: Option<Box<Node>>,',
      '}',
      '',
      'pub fn keep(n: Option<Box<Node>>) -> bool {',
      '    n.is_some()',
      '}',
      '',
      'impl Node {',
      '    pub fn peek(&self) -> Option<Box<Node>> {',
      '        let n = self.next;',
      '        n',
      '    }',
      '',
      '    pub fn depth(&mut self) -> u32 {',
      '        match self.next {',
      '            Some(n) => 1 + n.next.map_or(0, |_| 1),',
      '            None => 0,',
      '        }',
      '    }',
      '',
      '    pub fn has(&mut self) -> bool {',
      '        keep(self.next)',
      '    }',
      '}',
    ]);
    expect(await proposals(root, 'option_take_field', ['E0507'])).toEqual([]);
  });
  it('receiver_by_ref_reused: an `into_*` method, a trait method, a type with a destructor, each used again', async () => {
    const root = crate('near_receiver_reused', [
      'pub struct Table {',
      '    pub cells: Vec<u32>,',
      '}',
      '',
      'impl Table {',
      '    pub fn into_total(self) -> u32 {',
      '        self.cells.iter().sum()',
      '    }',
      '}',
      '',
      'pub trait Size {',
      '    fn size(self) -> usize;',
      '}',
      '',
      'impl Size for Table {',
      '    fn size(self) -> usize {',
      '        self.cells.len()',
      '    }',
      '}',
      '',
      'pub struct Lock(pub u32);',
      '',
      'impl Drop for Lock {',
      '    fn drop(&mut self) {}',
      '}',
      '',
      'impl Lock {',
      '    pub fn release(self) -> u32 {',
      '        self.0',
      '    }',
      '}',
      '',
      'pub fn twice(t: Table) -> u32 {',
      '    t.into_total() + t.into_total()',
      '}',
      '',
      'pub fn sizes(t: Table) -> usize {',
      '    t.size() + t.size()',
      '}',
      '',
      'pub fn unlock(l: Lock) -> u32 {',
      '    l.release() + l.release()',
      '}',
    ]);
    expect(await proposals(root, 'receiver_by_ref_reused', ['E0382'])).toEqual([]);
  });
});
