/**
 * Incremental refresh vs full build: random edits (bodies, signatures, items, use declarations, moved modules) to a
 * three-crate workspace, each followed by a refresh of the persisted store, must leave exactly the graph (every node
 * and edge with its attributes) and counts a from-scratch resolution of the same tree gives.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readWorkspace } from '../../src/adapters/cargo/metadata.js';
import { parseRustSource } from '../../src/adapters/rust-parser/parse.js';
import { buildIsg } from '../../src/app/build-isg.js';
import type { FeatureSelection } from '../../src/core/isg/cfg.js';
import { filesToResolve, mentions } from '../../src/core/isg/incremental.js';
import { compareEdges, resolveWorkspace } from '../../src/core/isg/resolve.js';
import type { IsgEdge } from '../../src/core/isg/types.js';
import type { Workspace } from '../../src/core/isg/workspace.js';
import type { IsgStore } from '../../src/store/types.js';
import { newStore, reopen } from './helpers/store.js';

const FILES: Record<string, string> = {
  'Cargo.toml': '[workspace]\nmembers = ["base", "mid", "app"]\nresolver = "2"\n',
  'base/Cargo.toml': '[package]\nname = "base"\nversion = "0.1.0"\nedition = "2021"\n\n[features]\ndefault = []\nfancy = []\n',
  'base/src/lib.rs': `pub mod shapes;
pub mod util;
pub use shapes::Circle;
pub use util::*;

/// Anything with an area.
pub trait Area {
    fn area(&self) -> f64;
    fn describe(&self) -> String {
        String::new()
    }
}

pub trait Spin {
    fn spin(&self) {}
}

pub fn total<T: Area>(items: &[T]) -> f64 {
    let mut sum = 0.0;
    for i in items {
        sum += i.area();
    }
    sum
}
`,
  'base/src/shapes.rs': `use crate::Area;

pub struct Circle {
    pub r: f64,
}

pub struct Square {
    pub side: f64,
    pub inner: Circle,
}

impl Circle {
    pub fn new(r: f64) -> Circle {
        Circle { r }
    }
    pub fn grow(&self) -> Square {
        make_square()
    }
}

impl Square {
    pub fn grow(&self) -> Circle {
        Circle::new(self.side)
    }
}

impl Area for Circle {
    fn area(&self) -> f64 {
        self.r * self.r
    }
}

impl Area for Square {
    fn area(&self) -> f64 {
        self.inner.area()
    }
}

pub fn make() -> Circle {
    Circle::new(1.0)
}

pub fn make_square() -> Square {
    Square { side: 1.0, inner: make() }
}

impl crate::Spin for Square {}

#[cfg(feature = "fancy")]
pub fn fancy() -> Circle {
    make()
}
`,
  'base/src/util/mod.rs': `pub mod text;
use super::*;

pub fn helper() -> Square {
    shapes::make_square()
}

pub fn measure(c: &Circle) -> f64 {
    c.area()
}
`,
  'base/src/util/text.rs': `use super::helper;

pub fn label() -> String {
    let s = helper();
    s.grow();
    String::new()
}
`,
  'mid/Cargo.toml': '[package]\nname = "mid"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\nbase = { path = "../base" }\n',
  'mid/src/lib.rs': `pub mod ops;
use base::Area;
pub use base::shapes::make_square as fresh;

pub fn summary() -> f64 {
    let c = base::shapes::make();
    c.area() + ops::compute()
}
`,
  'mid/src/ops.rs': `use base::shapes::{make, Square};
use base::helper;

pub fn compute() -> f64 {
    let c = make();
    let g = c.grow();
    g.grow();
    let s = helper();
    s.area()
}

pub fn shape() -> Square {
    helper()
}
`,
  'app/Cargo.toml': '[package]\nname = "app"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\nbase = { path = "../base" }\nmid = { path = "../mid" }\n',
  'app/src/main.rs': `mod cli;
use mid::ops::*;

fn main() {
    let s = shape();
    s.grow();
    cli::run();
}
`,
  'app/src/cli.rs': `use base::Area;

pub fn run() {
    let sq = mid::ops::shape();
    sq.area();
    sq.inner.grow();
    sq.spin();
    let f = mid::fresh();
    f.grow();
    base::util::text::label();
}
`,
};

/** A small deterministic PRNG. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

function rsFiles(root: string, rel = ''): string[] {
  const out: string[] = [];
  for (const name of readdirSync(path.join(root, rel)).sort()) {
    const r = rel ? `${rel}/${name}` : name;
    if (name === 'target' || name.startsWith('.')) continue;
    if (statSync(path.join(root, r)).isDirectory()) out.push(...rsFiles(root, r));
    else if (name.endsWith('.rs')) out.push(r);
  }
  return out;
}

const CALLS = ['make()', 'helper()', 'make_square()', 'base::shapes::make()', 'crate::util::helper()', 'Circle::new(2.0)', 'summary()', 'compute()', 'label()', 'shape()'];
const RECEIVERS = ['c', 's', 'g', 'sq', 'self', 'make()', 'helper()'];
const METHODS = ['area', 'grow', 'describe', 'new_thing', 'spin'];
const USES = ['use crate::shapes::Square;', 'use base::Area as Shape;', 'use crate::util::helper;', 'use base::shapes::*;', 'use mid::ops::compute;', 'use super::*;', 'use crate::shapes::make as build;', 'use base::util::measure;'];
const TYPES = ['Circle', 'Square', 'f64', 'String'];
const NAMES = ['make', 'helper', 'compute', 'spin', 'new_thing', 'grow', 'label', 'shape', 'measure', 'extra'];

/** One random edit of the tree at `root`; returns what it did (for a failure message). */
function randomEdit(root: string, rand: () => number, serial: number): string {
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const files = rsFiles(root);
  const file = pick(files);
  const abs = path.join(root, file);
  const src = readFileSync(abs, 'utf8');
  const lines = src.split('\n');
  const fnOpen = /^(\s*)(pub )?fn \w+\([^)]*\)[^{;]*\{\s*$/;
  const bodyStarts = lines.map((l, i) => (fnOpen.test(l) ? i : -1)).filter((i) => i >= 0);
  const kind = pick(['body_add', 'body_add', 'body_remove', 'signature', 'rename', 'item_add', 'item_remove', 'use_add', 'use_remove', 'move_module', 'cfg']);
  switch (kind) {
    case 'body_add': {
      if (bodyStarts.length === 0) break;
      const at = pick(bodyStarts);
      const stmt = rand() < 0.5 ? `let _ = ${pick(CALLS)};` : `${pick(RECEIVERS)}.${pick(METHODS)}();`;
      lines.splice(at + 1, 0, `        ${stmt} // edit ${serial}`);
      writeFileSync(abs, lines.join('\n'));
      return `${file}: body + ${stmt}`;
    }
    case 'body_remove': {
      const candidates = lines.map((l, i) => (/^\s+(let \w+ = .*;|\w+(\.\w+)*\(.*\);)(\s*\/\/.*)?$/.test(l) ? i : -1)).filter((i) => i >= 0);
      if (candidates.length === 0) break;
      const at = pick(candidates);
      const removed = lines.splice(at, 1)[0];
      writeFileSync(abs, lines.join('\n'));
      return `${file}: body - ${removed?.trim()}`;
    }
    case 'signature': {
      const rets = [...src.matchAll(/-> (Circle|Square|f64|String)/g)];
      if (rets.length === 0) break;
      const m = pick(rets);
      const to = pick(TYPES);
      writeFileSync(abs, src.slice(0, m.index) + `-> ${to}` + src.slice((m.index ?? 0) + m[0].length));
      return `${file}: ${m[0]} → -> ${to}`;
    }
    case 'rename': {
      const defs = [...src.matchAll(/(fn|struct|trait) (\w+)\b/g)];
      if (defs.length === 0) break;
      const m = pick(defs);
      const to = m[1] === 'fn' ? pick(NAMES) : pick(['Circle', 'Square', 'Shape', 'Area', 'Extra', 'Spin']);
      writeFileSync(abs, src.slice(0, m.index) + `${m[1]} ${to}` + src.slice((m.index ?? 0) + m[0].length));
      return `${file}: ${m[1]} ${m[2]} → ${to}`;
    }
    case 'item_add': {
      const item = pick([
        `pub fn ${pick(NAMES)}() -> ${pick(TYPES)} {\n    todo!()\n}`,
        `impl ${pick(['Circle', 'Square'])} {\n    pub fn ${pick(METHODS)}(&self) -> ${pick(TYPES)} {\n        todo!()\n    }\n}`,
        `pub struct Extra${serial} {\n    pub inner: ${pick(['Circle', 'Square'])},\n}\n\nimpl ${pick(['Area', 'base::Area', 'crate::Area', 'Shape'])} for Extra${serial} {\n    fn area(&self) -> f64 {\n        self.inner.area()\n    }\n}`,
        `impl Area for ${pick(['Circle', 'Square', 'Extra'])} {}`,
        `pub struct ${pick(['Circle', 'Square'])};`,
        `pub trait Spin {\n    fn spin(&self) {}\n}\n\nimpl Spin for ${pick(['Circle', 'Square'])} {}`,
      ]);
      writeFileSync(abs, `${src}\n// item ${serial}\n${item}\n// end ${serial}\n`);
      return `${file}: + ${item.split('\n')[0]}`;
    }
    case 'item_remove': {
      const added = [...src.matchAll(/\n\/\/ item (\d+)\n[\s\S]*?\n\/\/ end \1\n/g)];
      if (added.length > 0) {
        const m = pick(added);
        writeFileSync(abs, src.slice(0, m.index) + src.slice((m.index ?? 0) + m[0].length));
        return `${file}: - item ${m[1]}`;
      }
      const fn = /\n(pub )?fn \w+\([^)]*\)[^{;]*\{\n[\s\S]*?\n\}\n/.exec(src);
      if (!fn) break;
      writeFileSync(abs, src.slice(0, fn.index) + src.slice(fn.index + fn[0].length));
      return `${file}: - ${fn[0].trim().split('\n')[0]}`;
    }
    case 'use_add': {
      const u = pick(USES);
      writeFileSync(abs, `${u}\n${src}`);
      return `${file}: + ${u}`;
    }
    case 'use_remove': {
      const uses = lines.map((l, i) => (l.startsWith('use ') || l.startsWith('pub use ') ? i : -1)).filter((i) => i >= 0);
      if (uses.length === 0) break;
      const at = pick(uses);
      const removed = lines.splice(at, 1)[0];
      writeFileSync(abs, lines.join('\n'));
      return `${file}: - ${removed}`;
    }
    case 'move_module': {
      // base/src/util/text.rs ↔ base/src/util/words.rs, or shapes.rs ↔ shapes/mod.rs.
      const util = path.join(root, 'base/src/util');
      if (rand() < 0.5) {
        const [from, to] = existsSync(path.join(util, 'text.rs')) ? ['text', 'words'] : ['words', 'text'];
        if (!existsSync(path.join(util, `${from}.rs`))) break;
        renameSync(path.join(util, `${from}.rs`), path.join(util, `${to}.rs`));
        const mod = path.join(util, 'mod.rs');
        writeFileSync(mod, readFileSync(mod, 'utf8').replace(`pub mod ${from};`, `pub mod ${to};`));
        const cli = path.join(root, 'app/src/cli.rs');
        writeFileSync(cli, readFileSync(cli, 'utf8').replace(`util::${from}::`, `util::${to}::`));
        return `moved util::${from} → util::${to}`;
      }
      const flat = path.join(root, 'base/src/shapes.rs');
      const nested = path.join(root, 'base/src/shapes/mod.rs');
      if (existsSync(flat)) {
        mkdirSync(path.dirname(nested), { recursive: true });
        renameSync(flat, nested);
        return 'moved shapes.rs → shapes/mod.rs';
      }
      if (!existsSync(nested)) break;
      renameSync(nested, flat);
      rmSync(path.dirname(nested), { recursive: true });
      return 'moved shapes/mod.rs → shapes.rs';
    }
    case 'cfg': {
      const starts = lines.map((l, i) => (/^\s*(pub )?(fn|struct|trait|impl|use|mod) /.test(l) ? i : -1)).filter((i) => i >= 0);
      if (starts.length === 0) break;
      const at = pick(starts);
      const indent = /^\s*/.exec(lines[at] as string)?.[0] ?? '';
      lines.splice(at, 0, `${indent}#[cfg(${pick(['feature = "fancy"', 'not(feature = "fancy")', 'test', 'windows'])})]`);
      writeFileSync(abs, lines.join('\n'));
      return `${file}: cfg on line ${at + 1}`;
    }
  }
  return `${file}: no-op ${kind}`;
}

/** JSON with object keys sorted (the store may return fields in another order). */
function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1))) : x,
  );
}

/** Rows of `expected` missing from `actual` and rows of `actual` not expected, compared as canonical JSON. */
function difference(actual: readonly unknown[], expected: readonly unknown[]): { missing: string[]; extra: string[] } {
  const a = new Set(actual.map(canonical));
  const e = new Set(expected.map(canonical));
  return { missing: [...e].filter((x) => !a.has(x)), extra: [...a].filter((x) => !e.has(x)) };
}

const roots: string[] = [];
afterAll(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

function writeFixture(): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'rustgate-isg-incr-'));
  roots.push(root);
  for (const [rel, text] of Object.entries(FILES)) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text);
  }
  return root;
}

describe('incremental refresh', () => {
  it.each([15, 16, 17, 18])('gives the graph of a full build after every random edit (seed %i)', async (seed) => {
    const root = writeFixture();
    const ws = await readWorkspace(root);
    const features: FeatureSelection = { features: [] };
    let store: IsgStore = await newStore(root);
    await buildIsg({ root, store, workspace: ws, features });
    const rand = rng(seed);
    let partial = 0;
    let full = 0;
    const history: string[] = [];
    for (let step = 0; step < 50; step++) {
      const edits = 1 + Math.floor(rand() * 2);
      for (let i = 0; i < edits; i++) history.push(randomEdit(root, rand, step * 10 + i));
      if (step % 7 === 0) store = await reopen(store, root);
      const timings: Record<string, number> = {};
      const r = await buildIsg({ root, store, workspace: ws, features, timings });
      const facts = new Map(rsFiles(root).map((f) => [f, parseRustSource(readFileSync(path.join(root, f), 'utf8'))]));
      const direct = resolveWorkspace(ws, facts, features);
      if ((timings.files_resolved ?? 0) < facts.size) partial++;
      else full++;
      const nodes = (await store.allNodes()).sort((a, b) => (a.key < b.key ? -1 : 1));
      const edges = (await store.allEdges()).sort(compareEdges);
      const context = `after step ${step}:\n${history.slice(-4).join('\n')}`;
      expect(difference(nodes, direct.graph.nodes), context).toEqual({ missing: [], extra: [] });
      expect(difference(edges, direct.graph.edges), context).toEqual({ missing: [], extra: [] });
      expect(edges.map(canonical), context).toEqual(direct.graph.edges.map(canonical));
      expect({ unresolved: r.unresolved_calls, derives: r.external_derives, nodes: r.nodes, edges: r.edges }, context).toEqual({
        unresolved: direct.unresolvedCalls,
        derives: direct.externalDerives,
        nodes: direct.graph.nodes.length,
        edges: direct.graph.edges.length,
      });
    }
    await store.close();
    // Both paths were taken: refreshes that re-resolved a subset, and structural changes that re-resolved everything.
    expect(partial).toBeGreaterThan(15);
    expect(full).toBeGreaterThan(3);
  }, 120_000);

  it('re-resolves only the edited file after a body edit, and the files naming a changed item after a signature edit', async () => {
    const root = writeFixture();
    const ws = await readWorkspace(root);
    let store = await newStore(root);
    const first = await buildIsg({ root, store, workspace: ws, features: {} });
    store = await reopen(store, root);
    // Nothing changed: nothing is re-resolved, and the stats are the full build's.
    let timings: Record<string, number> = {};
    const again = await buildIsg({ root, store, workspace: ws, features: {}, timings });
    expect(timings.files_resolved).toBe(0);
    expect({ ...again, ms: 0, files_parsed: 0, files_reused: 0 }).toEqual({ ...first, ms: 0, files_parsed: 0, files_reused: 0 });
    const ops = path.join(root, 'mid/src/ops.rs');
    writeFileSync(ops, readFileSync(ops, 'utf8').replace('    s.area()\n', '    s.area();\n    c.area()\n'));
    timings = {};
    await buildIsg({ root, store, workspace: ws, features: {}, timings });
    expect(timings.files_resolved).toBe(1);
    // `make` now returns a Square: the unchanged files that call `make` (and name it) are re-resolved, and
    // `c.area()` in mid's summary now means Square's area.
    const shapes = path.join(root, 'base/src/shapes.rs');
    writeFileSync(shapes, readFileSync(shapes, 'utf8').replace('pub fn make() -> Circle {\n    Circle::new(1.0)', 'pub fn make() -> Square {\n    make_square()'));
    timings = {};
    await buildIsg({ root, store, workspace: ws, features: {}, timings });
    expect(timings.files_resolved).toBe(3);
    const edges = await store.allEdges();
    const summary = 'mid/src/lib.rs-lib-summary';
    expect(edges).toContainEqual({ src: summary, rel: 'CALLS', dst: 'base/src/shapes.rs-shapes-<Square as Area>::area', attr: '' });
    expect(edges).not.toContainEqual({ src: summary, rel: 'CALLS', dst: 'base/src/shapes.rs-shapes-<Circle as Area>::area', attr: '' });
    await store.close();
  }, 60_000);

  // Edits whose effect reaches files that do not name the edited item: through a return type, an alias, a trait's
  // default methods, a field type.
  it.each([
    // A renamed type: everything returning it, its impls' members, its fields' users (here: every file).
    ['base/src/shapes.rs', 'pub struct Square {', 'pub struct Squarish {', 8],
    // make_square, re-exported by mid as `fresh`: the re-export and app's cli.rs, which calls `fresh`.
    ['base/src/shapes.rs', 'pub fn make_square() -> Square {\n    Square { side: 1.0, inner: make() }', 'pub fn make_square() -> Circle {\n    make()', 4],
    // Spin's default `spin` moves from Square to Circle: the files calling `spin`.
    ['base/src/shapes.rs', 'impl crate::Spin for Square {}', 'impl crate::Spin for Circle {}', 3],
    ['base/src/shapes.rs', 'pub inner: Circle,', 'pub inner: Square,', 2],
    // A new trait method no one calls: the trait's file only.
    ['base/src/lib.rs', 'pub trait Spin {\n    fn spin(&self) {}', 'pub trait Spin {\n    fn spin(&self) {}\n    fn turn(&self) {}', 1],
    ['mid/src/ops.rs', 'pub fn shape() -> Square {', 'pub fn shape() -> base::Circle {', 3],
  ] as const)('follows an edit of %s to the files it affects: %s', async (file, from, to, resolved) => {
    const root = writeFixture();
    const ws = await readWorkspace(root);
    let store = await newStore(root);
    await buildIsg({ root, store, workspace: ws, features: {} });
    store = await reopen(store, root);
    const abs = path.join(root, file);
    const src = readFileSync(abs, 'utf8');
    expect(src).toContain(from);
    writeFileSync(abs, src.replace(from, to));
    const timings: Record<string, number> = {};
    await buildIsg({ root, store, workspace: ws, features: {}, timings });
    const facts = new Map(rsFiles(root).map((f) => [f, parseRustSource(readFileSync(path.join(root, f), 'utf8'))]));
    const direct = resolveWorkspace(ws, facts, {});
    expect(timings.files_resolved).toBe(resolved);
    expect(difference(await store.allEdges(), direct.graph.edges)).toEqual({ missing: [], extra: [] });
    await store.close();
  }, 60_000);

  it('resolves a name inside a glob cycle the same whichever file is resolved first', () => {
    // a and b glob-import each other; Thing comes from c through a. Resolving a first meets b's lookup of Thing
    // while a's is in progress: that partial answer must not be cached as b's.
    const ws: Workspace = { root: '/ws', packages: [{ name: 'k', manifestDir: 'k', targets: [{ name: 'k', kind: ['lib'], srcPath: 'k/src/lib.rs' }], features: {}, deps: [] }] };
    const files = new Map(
      Object.entries({
        'k/src/lib.rs': 'mod a;\nmod b;\nmod c;\n',
        'k/src/a.rs': 'pub use crate::b::*;\npub use crate::c::*;\npub fn fa(t: Thing) {\n    t.go();\n}\n',
        'k/src/b.rs': 'pub use crate::a::*;\npub fn fb(t: Thing) {\n    t.go();\n}\n',
        'k/src/c.rs': 'pub struct Thing;\nimpl Thing {\n    pub fn go(&self) {}\n}\n',
      }).map(([f, src]) => [f, parseRustSource(src)]),
    );
    const calls = (edgesOf?: Set<string>): IsgEdge[] => resolveWorkspace(ws, files, undefined, edgesOf ? { edgesOf } : {}).graph.edges.filter((e) => e.rel === 'CALLS' && e.src.includes('-b-'));
    const go = { src: 'k/src/b.rs-b-fb', rel: 'CALLS', dst: 'k/src/c.rs-c-Thing::go', attr: '' };
    expect(calls()).toEqual([go]);
    expect(calls(new Set(['k/src/b.rs']))).toEqual([go]);
  });

  it('asks for a full resolution when the module structure changes', () => {
    const before = parseRustSource('pub mod a;\npub fn f() {}\n');
    const after = parseRustSource('pub mod b;\npub fn f() {}\n');
    const facts = new Map([['src/lib.rs', after]]);
    expect(filesToResolve([{ file: 'src/lib.rs', before, after }], facts, () => '')).toBeUndefined();
    expect(filesToResolve([{ file: 'src/new.rs', after }], facts, () => '')).toBeUndefined();
    expect(filesToResolve([{ file: 'src/lib.rs', before: after, after }], facts, () => '')).toEqual(new Set(['src/lib.rs']));
  });

  it('matches whole identifiers only', () => {
    expect(mentions('{"path":["make_square"]}', 'make')).toBe(false);
    expect(mentions('{"path":["remake","make"]}', 'make')).toBe(true);
    expect(mentions('make', 'make')).toBe(true);
  });
});
