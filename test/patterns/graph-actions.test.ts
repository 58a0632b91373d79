/**
 * The graph actions on near-misses, with real cargo diagnostics and the crate's real ISG: each case is a shape a
 * careless cross-file fix would get wrong (a namesake, a published crate, siblings that disagree, no local, no
 * Default, a type that never was Clone).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadPatterns } from '../../src/adapters/patterns/load.js';
import type { Candidate } from '../../src/core/fix/types.js';
import { applyEditsToFiles } from '../../src/core/fix/apply.js';
import { createPatternSource } from '../../src/core/patterns/source.js';
import { cargoCheck, graphContext, readFiles, rustFiles } from './helpers.js';

const patterns = loadPatterns();
const temps: string[] = [];
afterAll(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});

const PKG = (name: string, extra = ''): string => `[package]\nname = "${name}"\nversion = "0.1.0"\nedition = "2021"\n${extra}`;

function crate(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'rg-graph-'));
  temps.push(root);
  for (const [f, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, f)), { recursive: true });
    writeFileSync(path.join(root, f), text);
  }
  return root;
}

/** Candidates of pattern `id` for the first error of `code`, with the crate's ISG as lookup. */
async function propose(root: string, id: string, code: string): Promise<Candidate[]> {
  const before = await cargoCheck(root);
  const i = before.diagnostics.findIndex((d) => d.level === 'error' && d.code === code);
  expect(i, before.diagnostics.map((d) => `${d.code} ${d.message}`).join('\n')).toBeGreaterThanOrEqual(0);
  const original = readFiles(root, rustFiles(root));
  const file = before.diagnostics[i]?.primary?.file ?? '';
  const ctx = { ...(await graphContext(root, original)), diagnostics: before.diagnostics, files: new Map([[file, original.get(file) ?? '']]) };
  return createPatternSource(patterns.filter((p) => p.id === id)).propose(i, ctx);
}

describe('make_visible', () => {
  it('edits the namesake the written path names, not another module\'s', async () => {
    const root = crate({
      'Cargo.toml': PKG('namesake', 'publish = false\n'),
      'src/lib.rs': 'mod util;\nmod other;\n\npub fn go() -> u32 {\n    util::helper() + other::run()\n}\n',
      // The item starts its line with no doc comment above (the ISG span starts at `fn`): found all the same.
      'src/util.rs': 'pub const ONE: u32 = 1;\n\nfn helper() -> u32 {\n    ONE\n}\n',
      'src/other.rs': 'fn helper() -> u32 {\n    2\n}\n\npub fn run() -> u32 {\n    helper()\n}\n',
    });
    const cands = await propose(root, 'make_visible_item', 'E0603');
    expect(cands.map((c) => c.edits.map((e) => [e.file, e.replacement]))).toEqual([[['src/util.rs', 'pub(crate) ']]]);
    expect(cands[0]?.atCause).toBe(true);
    expect(cands[0]?.widensPublicApi).toBeUndefined();
  });

  it('across crates makes the item `pub`, flagged as widening a published API (placeholder prior)', async () => {
    const root = crate({
      'Cargo.toml': '[workspace]\nmembers = ["lib", "app"]\nresolver = "2"\n',
      'lib/Cargo.toml': PKG('published_lib'),
      'lib/src/lib.rs': 'pub mod calc;\n',
      'lib/src/calc.rs': 'pub(crate) fn twice(x: u32) -> u32 {\n    x * 2\n}\n',
      'app/Cargo.toml': PKG('app', 'publish = false\n[dependencies]\npublished_lib = { path = "../lib" }\n'),
      'app/src/main.rs': 'fn main() {\n    println!("{}", published_lib::calc::twice(2));\n}\n',
    });
    const cands = await propose(root, 'make_visible_item', 'E0603');
    expect(cands).toHaveLength(1);
    expect(cands[0]?.edits).toMatchObject([{ file: 'lib/src/calc.rs', replacement: 'pub ' }]);
    expect(cands[0]?.widensPublicApi).toBe(true);
    expect(cands[0]?.applicability).toBe('HasPlaceholders');
  });
});

describe('near-misses propose nothing', () => {
  it('trait_method_from_siblings: sibling impls disagree on the body', async () => {
    const root = crate({
      'Cargo.toml': PKG('sib_disagree', 'publish = false\n'),
      'src/lib.rs': [
        'pub trait Unit {\n    fn unit(&self) -> &\'static str;\n}\n',
        'pub struct A;\npub struct B;\npub struct C;\n',
        'impl Unit for A {\n    fn unit(&self) -> &\'static str {\n        "cm"\n    }\n}\n',
        'impl Unit for B {\n    fn unit(&self) -> &\'static str {\n        "inch"\n    }\n}\n',
        'impl Unit for C {}\n',
      ].join('\n'),
    });
    expect(await propose(root, 'trait_method_from_siblings', 'E0046')).toEqual([]);
  });

  it('arms_like_siblings: arms of different shapes', async () => {
    const root = crate({
      'Cargo.toml': PKG('arms_differ', 'publish = false\n'),
      'src/lib.rs': 'pub enum K {\n    A(u32),\n    B(u32),\n    C(u32),\n}\n\npub fn f(k: K) -> u32 {\n    match k {\n        K::A(x) => x + 1,\n        K::B(y) => y * 2,\n    }\n}\n',
    });
    expect(await propose(root, 'arms_like_siblings', 'E0004')).toEqual([]);
  });

  it('arms_like_siblings: arms that share a value but bind nothing (the missing one may differ)', async () => {
    const root = crate({
      'Cargo.toml': PKG('arms_same_value', 'publish = false\n'),
      'src/lib.rs': 'pub enum K {\n    A,\n    B,\n    C,\n}\n\npub fn small(k: K) -> bool {\n    match k {\n        K::A => false,\n        K::B => false,\n    }\n}\n',
    });
    expect(await propose(root, 'arms_like_siblings', 'E0004')).toEqual([]);
  });

  it('trait_method_from_siblings: a single sibling is a guess, not a default', async () => {
    const root = crate({
      'Cargo.toml': PKG('sib_single', 'publish = false\n'),
      'src/lib.rs': 'pub trait Unit {\n    fn unit(&self) -> &\'static str;\n}\n\npub struct A;\npub struct C;\n\nimpl Unit for A {\n    fn unit(&self) -> &\'static str {\n        "cm"\n    }\n}\n\nimpl Unit for C {}\n',
    });
    expect(await propose(root, 'trait_method_from_siblings', 'E0046')).toEqual([]);
  });

  it('fields_from_scope / fields_default_rest: no same-named local and no Default', async () => {
    const root = crate({
      'Cargo.toml': PKG('no_local', 'publish = false\n'),
      'src/lib.rs': 'mod e;\n\npub fn f(dir: bool) -> e::Entry {\n    e::Entry { name: String::new() }\n}\n',
      'src/e.rs': 'pub struct Entry {\n    pub name: String,\n    pub is_directory: bool,\n}\n',
    });
    expect(await propose(root, 'fields_from_scope', 'E0063')).toEqual([]);
    expect(await propose(root, 'fields_default_rest', 'E0063')).toEqual([]);
  });

  it('derive_copy_restore: a type that does not derive Clone (it was never Copy)', async () => {
    const root = crate({
      'Cargo.toml': PKG('never_copy', 'publish = false\n'),
      'src/lib.rs': 'mod p;\n\npub fn f(a: p::P) -> i32 {\n    let b = a;\n    a.x + b.x\n}\n',
      'src/p.rs': 'pub struct P {\n    pub x: i32,\n}\n',
    });
    expect(await propose(root, 'derive_copy_restore', 'E0382')).toEqual([]);
  });

  it('map_err_variant: two variants hold the same error type (which one is meant is the author\'s)', async () => {
    const root = crate({
      'Cargo.toml': PKG('err_two', 'publish = false\n'),
      'src/lib.rs': 'pub mod error;\n\npub fn copy(a: &str) -> Result<String, error::CopyError> {\n    let t = std::fs::read_to_string(a)?;\n    Ok(t)\n}\n',
      'src/error.rs': '#[derive(Debug)]\npub enum CopyError {\n    Read(std::io::Error),\n    Write(std::io::Error),\n}\n',
    });
    expect(await propose(root, 'map_err_variant', 'E0277')).toEqual([]);
  });

  it('map_err_variant: the error type is a struct, and an enum whose variant holds another `Error`', async () => {
    const root = crate({
      'Cargo.toml': PKG('err_struct', 'publish = false\n'),
      'src/lib.rs': [
        '#[derive(Debug)]\npub struct LoadError(pub std::io::Error);\n',
        '#[derive(Debug)]\npub enum FmtOnly {\n    Fmt(std::fmt::Error),\n}\n',
        'pub fn load(a: &str) -> Result<String, LoadError> {\n    let t = std::fs::read_to_string(a)?;\n    Ok(t)\n}\n',
        'pub fn other(a: &str) -> Result<String, FmtOnly> {\n    let t = std::fs::read_to_string(a)?;\n    Ok(t)\n}\n',
      ].join('\n'),
    });
    expect(await propose(root, 'map_err_variant', 'E0277')).toEqual([]);
  });

  it('map_err_variant_from_str: two variants wrap ParseIntError', async () => {
    const root = crate({
      'Cargo.toml': PKG('err_parse_two', 'publish = false\n'),
      'src/lib.rs': '#[derive(Debug)]\npub enum Two {\n    Port(std::num::ParseIntError),\n    Count(std::num::ParseIntError),\n}\n\npub fn port(s: &str) -> Result<u16, Two> {\n    let p: u16 = s.parse()?;\n    Ok(p)\n}\n',
    });
    expect(await propose(root, 'map_err_variant_from_str', 'E0271')).toEqual([]);
  });

  it('map_err_variant_from_str: no variant wraps ParseIntError (only a ParseFloatError)', async () => {
    const root = crate({
      'Cargo.toml': PKG('err_parse_none', 'publish = false\n'),
      'src/lib.rs': '#[derive(Debug)]\npub enum Float {\n    Ratio(std::num::ParseFloatError),\n}\n\npub fn count(s: &str) -> Result<u16, Float> {\n    let p: u16 = s.parse()?;\n    Ok(p)\n}\n',
    });
    expect(await propose(root, 'map_err_variant_from_str', 'E0271')).toEqual([]);
  });

  it('restore_try_field: a statement runs between the let and the use; a field receiver; a fn that returns no Result', async () => {
    const lib = (body: string, ret = 'Result<u16, String>'): string =>
      `pub struct Config {\n    pub port: u16,\n}\n\npub struct Holder {\n    pub cfg: Result<Config, String>,\n}\n\npub fn load(t: &str) -> Result<Config, String> {\n    Ok(Config { port: t.len() as u16 })\n}\n\npub fn port_of(t: &str, h: &Holder) -> ${ret} {\n${body}\n}\n`;
    for (const [name, text] of [
      ['between', lib('    let cfg = load(t);\n    println!("loaded {}", h.cfg.is_ok());\n    Ok(cfg.port)')],
      ['field', lib('    Ok(h.cfg.port)')],
      ['no_result', lib('    let cfg = load(t);\n    cfg.port', 'u16')],
    ] as const) {
      const root = crate({ 'Cargo.toml': PKG(`try_field_${name}`, 'publish = false\n'), 'src/lib.rs': text });
      expect(await propose(root, 'restore_try_field', 'E0609'), name).toEqual([]);
    }
  });
});

/** The crate with the candidate's edits applied compiles (real cargo); returns the edited text of `file`. */
async function applyAndCheck(root: string, cand: Candidate | undefined, file = 'src/lib.rs'): Promise<string> {
  expect(cand, 'a candidate').toBeDefined();
  const original = readFiles(root, rustFiles(root));
  const applied = applyEditsToFiles(original, cand?.edits ?? []);
  expect(applied.ok).toBe(true);
  if (!applied.ok) return '';
  for (const [f, text] of applied.files) writeFileSync(path.join(root, f), text);
  const after = await cargoCheck(root);
  expect(after.ok, after.diagnostics.map((d) => d.rendered).join('\n')).toBe(true);
  return applied.files.get(file) ?? '';
}

const ENUM3 = (name: string, variants: string[]): string => `pub enum ${name} {\n${variants.map((v) => `    ${v},\n`).join('')}}\n`;

describe('arms_like_siblings / arms_from_variant_name: the arm the siblings spell out', () => {
  it('a parallel enum (`From`): the variant as an identifier', async () => {
    const root = crate({
      'Cargo.toml': PKG('arms_parallel', 'publish = false\n'),
      'src/lib.rs': `pub mod other {\n${ENUM3('Kind', ['Foo', 'Bar', 'BazQux'])}}\n\n${ENUM3('Kind', ['Foo', 'Bar', 'BazQux'])}\nimpl From<Kind> for other::Kind {\n    fn from(k: Kind) -> Self {\n        match k {\n            Kind::Foo => other::Kind::Foo,\n            Kind::Bar => other::Kind::Bar,\n        }\n    }\n}\n`,
    });
    const cands = await propose(root, 'arms_from_variant_name', 'E0004');
    expect(cands.map((c) => c.edits.map((e) => e.replacement))).toEqual([['\n            Kind::BazQux => other::Kind::BazQux,']]);
    await applyAndCheck(root, cands[0]);
  });

  it('block bodies over several lines, `write!` with the name as written, a payload arm apart', async () => {
    const root = crate({
      'Cargo.toml': PKG('arms_display', 'publish = false\n'),
      'src/lib.rs': `use std::fmt;\n\npub enum Level {\n    Warn,\n    HardError,\n    FatalError,\n    Custom(String),\n}\n\nimpl fmt::Display for Level {\n    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {\n        match self {\n            Level::Warn => {\n                write!(f, "Warn")\n            }\n            Level::HardError => {\n                write!(f, "HardError")\n            }\n            Level::Custom(s) => f.write_str(s),\n        }\n    }\n}\n`,
    });
    // The template spells the name: the bindings-only pattern stays silent, the name pattern writes the arm.
    expect(await propose(root, 'arms_like_siblings', 'E0004')).toEqual([]);
    const cands = await propose(root, 'arms_from_variant_name', 'E0004');
    const text = await applyAndCheck(root, cands[0]);
    expect(text).toContain('            Level::FatalError => {\n                write!(f, "FatalError")\n            }\n');
  });

  it('SCREAMING_SNAKE strings through `&` patterns; a tuple variant gets rustc\'s wildcards', async () => {
    const root = crate({
      'Cargo.toml': PKG('arms_screaming', 'publish = false\n'),
      'src/lib.rs': `pub enum Op {\n    Add,\n    SubAll,\n    MulBy(u8, u8),\n}\n\npub fn code(o: &Op) -> &'static str {\n    match o {\n        &Op::Add => "ADD",\n        &Op::SubAll => "SUB_ALL",\n    }\n}\n`,
    });
    const cands = await propose(root, 'arms_from_variant_name', 'E0004');
    expect(cands.map((c) => c.edits.map((e) => e.replacement))).toEqual([['\n        &Op::MulBy(_, _) => "MUL_BY",']]);
    await applyAndCheck(root, cands[0]);
  });

  it('bindings by position (two) and by field (a struct variant with one field more)', async () => {
    const tuple = crate({
      'Cargo.toml': PKG('arms_two_bind', 'publish = false\n'),
      'src/lib.rs': `pub enum Pair {\n    A(u32, u32),\n    B(u32, u32),\n    C(u32, u32),\n}\n\npub fn sum(p: &Pair) -> u32 {\n    match p {\n        Pair::A(x, y) => x.max(y) + 1,\n        Pair::B(a, b) => a.max(b) + 1,\n    }\n}\n`,
    });
    const t = await propose(tuple, 'arms_like_siblings', 'E0004');
    expect(t.map((c) => c.edits.map((e) => e.replacement))).toEqual([['\n        Pair::C(x, y) => x.max(y) + 1,']]);
    await applyAndCheck(tuple, t[0]);
    const fields = crate({
      'Cargo.toml': PKG('arms_fields', 'publish = false\n'),
      'src/lib.rs': 'mod ev;\n\npub use ev::Event;\n\npub fn at(e: &Event) -> (i32, i32) {\n    match e {\n        Event::Click { x, y } => (*x, *y),\n        Event::Move { x, y } => (*x, *y),\n    }\n}\n',
      'src/ev.rs': 'pub enum Event {\n    Click { x: i32, y: i32 },\n    Move { x: i32, y: i32 },\n    Drag { x: i32, y: i32, button: u8 },\n}\n',
    });
    const f = await propose(fields, 'arms_like_siblings', 'E0004');
    expect(f.map((c) => c.edits.map((e) => e.replacement))).toEqual([['\n        Event::Drag { x, y, .. } => (*x, *y),']]);
    await applyAndCheck(fields, f[0]);
  });
});

describe('arms_like_siblings: `ref mut`, comments and a `#[cfg]` arm', () => {
  it('the cfg arm is read but is no template; a comment between arms is ignored', async () => {
    const root = crate({
      'Cargo.toml': PKG('arms_cfg', 'publish = false\n'),
      'src/lib.rs': 'pub enum W {\n    A(Vec<u8>),\n    B(Vec<u8>),\n    C(Vec<u8>),\n    #[cfg(windows)]\n    D { w: Vec<u8> },\n}\n\nimpl W {\n    pub fn len(&mut self) -> usize {\n        match *self {\n            W::A(ref mut v) => v.len(),\n            // the buffered one\n            W::B(ref mut v) => v.len(),\n            #[cfg(windows)]\n            W::D { ref mut w } => w.len() + 1,\n        }\n    }\n}\n',
    });
    const cands = await propose(root, 'arms_like_siblings', 'E0004');
    expect(cands.map((c) => c.edits.map((e) => e.replacement))).toEqual([['\n            W::C(ref mut v) => v.len(),']]);
    await applyAndCheck(root, cands[0]);
  });
});

describe('arms_from_variant_name: near-misses propose nothing', () => {
  const lib = (arms: string, variants = ['Dev', 'Beta', 'NightlyBuild', 'Stable']): string =>
    `${ENUM3('Kind', variants)}\npub fn name(k: &Kind, flag: bool) -> &'static str {\n    let _ = flag;\n    match k {\n${arms}    }\n}\n`;
  it.each([
    ['constant bodies', '        Kind::Dev => "x",\n        Kind::Beta => "x",\n        Kind::Stable => "x",\n'],
    ['one sibling only (the other arm passes its payload on)', ''],
    ['a sibling that spells its name differently', '        Kind::Dev => "Dev",\n        Kind::Beta => "BETA",\n        Kind::Stable => "Stable",\n'],
    ['transforms that disagree on the new name (nightlybuild, nightly_build, nightly-build)', '        Kind::Dev => "dev",\n        Kind::Beta => "beta",\n        Kind::Stable => "stable",\n'],
    ['a guard arm', '        Kind::Dev if flag => "dev",\n        Kind::Dev => "dev",\n        Kind::Beta => "beta",\n        Kind::Stable => "stable",\n'],
    ['an or-pattern', '        Kind::Dev | Kind::Beta => "dev",\n        Kind::Stable => "stable",\n'],
  ])('%s', async (name, arms) => {
    const text = arms === '' ? lib('        Kind::Dev => "dev",\n        Kind::Other(s) => s,\n', ['Dev', 'Beta', "Other(&'static str)"]) : lib(arms);
    const root = crate({ 'Cargo.toml': PKG(`arms_near_${name.replace(/\W+/g, '_').slice(0, 30)}`, 'publish = false\n'), 'src/lib.rs': text });
    expect(await propose(root, 'arms_from_variant_name', 'E0004')).toEqual([]);
    expect(await propose(root, 'arms_like_siblings', 'E0004')).toEqual([]);
  });

  it('an arity the template cannot fill: bindings of one field, the new variant has two', async () => {
    const root = crate({
      'Cargo.toml': PKG('arms_arity', 'publish = false\n'),
      'src/lib.rs': 'pub enum S {\n    A(String),\n    B(String),\n    C(String, String),\n}\n\npub fn label(s: &S) -> String {\n    match s {\n        S::A(x) => format!("A {x}"),\n        S::B(x) => format!("B {x}"),\n    }\n}\n',
    });
    expect(await propose(root, 'arms_from_variant_name', 'E0004')).toEqual([]);
    expect(await propose(root, 'arms_like_siblings', 'E0004')).toEqual([]);
  });
});

/** The one edit's inserted text of the only candidate, whitespace collapsed (for the E0046 body sources). */
function inserted(cands: Candidate[]): string[] {
  return cands.map((c) => c.edits.map((e) => e.replacement.replace(/\s+/g, ' ').trim()).join(' | '));
}

describe('E0046 body sources (forwarding, mutability mirrors, canonical bodies)', () => {
  it('trait_method_forward: a std trait on a newtype forwards to its only field, with rustc\'s signature', async () => {
    const root = crate({
      'Cargo.toml': PKG('fwd_newtype', 'publish = false\n'),
      'src/lib.rs': 'use std::io::{self, Write};\n\npub struct Out<W>(pub W);\n\nimpl<W: Write> Write for Out<W> {\n    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {\n        self.0.write(buf)\n    }\n}\n',
    });
    expect(inserted(await propose(root, 'trait_method_forward', 'E0046'))).toEqual(['fn flush(&mut self) -> Result<(), std::io::Error> { self.0.flush() }']);
  });

  it('trait_method_forward: a std trait names rustc\'s `_` parameters (Hasher::write through a field)', async () => {
    const root = crate({
      'Cargo.toml': PKG('fwd_hasher', 'publish = false\n'),
      'src/lib.rs': 'use std::collections::hash_map::DefaultHasher;\nuse std::hash::Hasher;\n\npub struct H {\n    inner: DefaultHasher,\n}\n\nimpl Hasher for H {\n    fn finish(&self) -> u64 {\n        self.inner.finish()\n    }\n}\n',
    });
    expect(inserted(await propose(root, 'trait_method_forward', 'E0046'))).toEqual(['fn write(&mut self, arg1: &[u8]) { self.inner.write(arg1) }']);
  });

  it('trait_method_mirror: IndexMut from Index keeps the shared method\'s parameter name; AsMut from AsRef maps the accessor', async () => {
    const index = crate({
      'Cargo.toml': PKG('mirror_index', 'publish = false\n'),
      'src/lib.rs': 'use std::ops::{Index, IndexMut};\n\npub struct Grid {\n    cells: Vec<u8>,\n}\n\nimpl Index<usize> for Grid {\n    type Output = u8;\n    fn index(&self, i: usize) -> &u8 {\n        &self.cells[i]\n    }\n}\n\nimpl IndexMut<usize> for Grid {}\n',
    });
    expect(inserted(await propose(index, 'trait_method_mirror', 'E0046'))).toEqual(['fn index_mut(&mut self, i: usize) -> &mut <Self as Index<usize>>::Output { &mut self.cells[i] }']);
    const asref = crate({
      'Cargo.toml': PKG('mirror_asref', 'publish = false\n'),
      'src/lib.rs': 'pub struct Slot {\n    v: Option<String>,\n}\n\nimpl AsRef<Option<String>> for Slot {\n    fn as_ref(&self) -> &Option<String> {\n        self.v.as_ref().map(|_| &self.v).unwrap_or(&self.v)\n    }\n}\n\nimpl AsMut<Option<String>> for Slot {}\n',
    });
    // A closure in the body: no mirror is known for it.
    expect(await propose(asref, 'trait_method_mirror', 'E0046')).toEqual([]);
  });

  it('trait_method_mirror: the `_mut` twin of a user trait\'s accessor on the same type', async () => {
    const root = crate({
      'Cargo.toml': PKG('mirror_twin', 'publish = false\n'),
      'src/lib.rs': 'pub trait Peek {\n    type Item;\n    fn get(&self) -> Option<&Self::Item>;\n}\n\npub trait PeekMut: Peek {\n    fn get_mut(&mut self) -> Option<&mut Self::Item>;\n}\n\npub struct Once<T> {\n    item: Option<T>,\n}\n\nimpl<T> Peek for Once<T> {\n    type Item = T;\n    fn get(&self) -> Option<&T> {\n        self.item.as_ref()\n    }\n}\n\nimpl<T> PeekMut for Once<T> {}\n',
    });
    expect(inserted(await propose(root, 'trait_method_mirror', 'E0046'))).toEqual(['fn get_mut(&mut self) -> Option<&mut <Self as Peek>::Item> { self.item.as_mut() }']);
  });

  it('trait_method_mirror: the other way round, Deref from DerefMut and a shared `get` from its `get_mut` twin', async () => {
    const deref = crate({
      'Cargo.toml': PKG('mirror_back', 'publish = false\n'),
      'src/lib.rs': 'use std::ops::{Deref, DerefMut};\n\npub struct Guard {\n    value: Box<String>,\n}\n\nimpl Deref for Guard {\n    type Target = String;\n}\n\nimpl DerefMut for Guard {\n    fn deref_mut(&mut self) -> &mut String {\n        &mut *self.value\n    }\n}\n',
    });
    expect(inserted(await propose(deref, 'trait_method_mirror', 'E0046'))).toEqual(['fn deref(&self) -> &<Self as Deref>::Target { &*self.value }']);
    const keyed = crate({
      'Cargo.toml': PKG('mirror_keyless', 'publish = false\n'),
      'src/lib.rs': 'pub trait Look {\n    fn get(&self) -> &Vec<u8>;\n}\n\npub trait LookMut {\n    fn get_mut(&mut self) -> &mut Vec<u8>;\n}\n\npub struct R {\n    inner: std::io::Cursor<Vec<u8>>,\n}\n\nimpl LookMut for R {\n    fn get_mut(&mut self) -> &mut Vec<u8> {\n        self.inner.get_mut()\n    }\n}\n\nimpl Look for R {}\n',
    });
    // `.get_mut()` without a key is `get_ref`'s twin as often as `get`'s: no guess.
    expect(await propose(keyed, 'trait_method_mirror', 'E0046')).toEqual([]);
  });

  it('trait_method_canonical: partial_cmp of a type with its own Ord', async () => {
    const root = crate({
      'Cargo.toml': PKG('canon_ord', 'publish = false\n'),
      'src/lib.rs': 'use std::cmp::Ordering;\n\n#[derive(PartialEq, Eq)]\npub struct Rank(pub u8);\n\nimpl Ord for Rank {\n    fn cmp(&self, other: &Self) -> Ordering {\n        other.0.cmp(&self.0)\n    }\n}\n\nimpl PartialOrd for Rank {}\n',
    });
    expect(inserted(await propose(root, 'trait_method_canonical', 'E0046'))).toEqual(['fn partial_cmp(&self, other: &Rank) -> Option<std::cmp::Ordering> { Some(self.cmp(other)) }']);
  });
});

describe('E0046 near-misses propose nothing', () => {
  it('trait_method_forward: one method forwards, another does something else', async () => {
    const root = crate({
      'Cargo.toml': PKG('fwd_mixed', 'publish = false\n'),
      'src/lib.rs': 'pub trait Tally {\n    fn total(&self) -> u32;\n    fn add(&mut self, n: u32);\n    fn reset(&mut self);\n}\n\npub struct Logged<T> {\n    inner: T,\n}\n\nimpl<T: Tally> Tally for Logged<T> {\n    fn total(&self) -> u32 {\n        self.inner.total()\n    }\n    fn add(&mut self, n: u32) {\n        self.inner.add(n + 1)\n    }\n}\n',
    });
    expect(await propose(root, 'trait_method_forward', 'E0046')).toEqual([]);
  });

  it('trait_method_forward: a single forwarding method on a wrapper with more state than the receiver', async () => {
    const root = crate({
      'Cargo.toml': PKG('fwd_state', 'publish = false\n'),
      'src/lib.rs': 'use std::io::{self, Write};\n\npub struct Counting<W> {\n    inner: W,\n    pub written: usize,\n}\n\nimpl<W: Write> Write for Counting<W> {\n    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {\n        self.inner.write(buf)\n    }\n}\n',
    });
    expect(await propose(root, 'trait_method_forward', 'E0046')).toEqual([]);
  });

  it('trait_method_mirror: a deref body through a user method has no known mutable twin', async () => {
    const root = crate({
      'Cargo.toml': PKG('mirror_user_call', 'publish = false\n'),
      'src/lib.rs': 'use std::ops::{Deref, DerefMut};\n\npub struct Pool {\n    items: Vec<String>,\n}\n\nimpl Pool {\n    fn current(&self) -> &String {\n        &self.items[0]\n    }\n}\n\nimpl Deref for Pool {\n    type Target = String;\n    fn deref(&self) -> &String {\n        self.current()\n    }\n}\n\nimpl DerefMut for Pool {}\n',
    });
    expect(await propose(root, 'trait_method_mirror', 'E0046')).toEqual([]);
  });

  it('trait_method_canonical: clone of a type that is not Copy, and partial_cmp when cmp calls partial_cmp', async () => {
    const clone = crate({
      'Cargo.toml': PKG('canon_not_copy', 'publish = false\n'),
      'src/lib.rs': '#[derive(Debug)]\npub struct Name(pub String);\n\nimpl Clone for Name {}\n',
    });
    expect(await propose(clone, 'trait_method_canonical', 'E0046')).toEqual([]);
    const ord = crate({
      'Cargo.toml': PKG('canon_ord_loop', 'publish = false\n'),
      'src/lib.rs': 'use std::cmp::Ordering;\n\n#[derive(PartialEq, Eq)]\npub struct F(pub u8);\n\nimpl Ord for F {\n    fn cmp(&self, other: &Self) -> Ordering {\n        self.partial_cmp(other).unwrap()\n    }\n}\n\nimpl PartialOrd for F {}\n',
    });
    expect(await propose(ord, 'trait_method_canonical', 'E0046')).toEqual([]);
  });
});
