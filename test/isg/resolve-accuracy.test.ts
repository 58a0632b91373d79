// Accuracy classes measured against rust-analyzer (issue 15): each case asserts the exact CALLS edges of one class,
// on hand-made workspaces (parser + resolver, no cargo).
import { describe, expect, it } from 'vitest';
import { parseRustSource } from '../../src/adapters/rust-parser/parse.js';
import { evalCfg } from '../../src/core/isg/cfg.js';
import { resolveWorkspace } from '../../src/core/isg/resolve.js';
import type { IsgEdge } from '../../src/core/isg/types.js';
import type { Workspace, WorkspacePackage, WorkspaceTarget } from '../../src/core/isg/workspace.js';

function pkg(name: string, dir: string, extra: Partial<WorkspacePackage> = {}): WorkspacePackage {
  return { name, manifestDir: dir, targets: [{ name: name.replace(/-/g, '_'), kind: ['lib'], srcPath: `${dir}/src/lib.rs` }], features: {}, deps: [], ...extra };
}

function resolve(packages: WorkspacePackage[], files: Record<string, string>): { edges: IsgEdge[]; unresolved: number } {
  const ws: Workspace = { root: '/ws', packages };
  const facts = new Map(Object.entries(files).map(([f, src]) => [f, parseRustSource(src)]));
  const r = resolveWorkspace(ws, facts);
  return { edges: r.graph.edges, unresolved: r.unresolvedCalls };
}

const calls = (edges: IsgEdge[], src: string): string[] => edges.filter((e) => e.src === src && e.rel === 'CALLS').map((e) => `${e.dst}${e.attr ? ` [${e.attr}]` : ''}`);

describe('cfg-aware resolution', () => {
  it('evaluates cfg predicates against default features, test and a Linux host', () => {
    const on = new Set(['std']);
    expect(evalCfg('test', on)).toBe(true);
    expect(evalCfg('feature = "std"', on)).toBe(true);
    expect(evalCfg('feature = "serde"', on)).toBe(false);
    expect(evalCfg('all(unix, not(target_os = "macos"))', on)).toBe(true);
    expect(evalCfg('any(windows, test_node_semver)', on)).toBe(false);
    expect(evalCfg('all(', on)).toBeUndefined();
  });

  it('an inactive cfg import does not win over the active glob import', () => {
    const r = resolve([pkg('a', 'a')], {
      'a/src/lib.rs': 'mod node;\nmod util;\nmod tests {\n    #[cfg(test_node_semver)]\n    use crate::node::req;\n    #[allow(unused_imports)]\n    use crate::util::*;\n    fn t() { req(); }\n}\n',
      'a/src/node.rs': 'pub fn req() {}\n',
      'a/src/util.rs': 'pub fn req() {}\n',
    });
    expect(calls(r.edges, 'a/src/lib.rs-lib-tests::t')).toEqual(['a/src/util.rs-util-req']);
  });

  it('of two same-name items under opposite cfgs the active one is called', () => {
    const r = resolve([pkg('a', 'a', { features: { default: ['fast'], fast: [], slow: [] } })], {
      'a/src/lib.rs': '#[cfg(windows)]\nfn imp() {}\n#[cfg(unix)]\nfn imp() {}\n#[cfg(feature = "slow")]\nfn speed() {}\n#[cfg(feature = "fast")]\nfn speed() {}\npub fn go() { imp(); speed(); }\n',
    });
    expect(calls(r.edges, 'a/src/lib.rs-lib-go')).toEqual(['a/src/lib.rs-lib-imp #2', 'a/src/lib.rs-lib-speed #2']);
  });
});

describe('module files shared by several crates', () => {
  it('a module file declared by several integration tests belongs to each of them', () => {
    const tests: WorkspaceTarget[] = ['one', 'two'].map((n) => ({ name: n, kind: ['test'], srcPath: `a/tests/${n}.rs` }));
    const a = pkg('a', 'a');
    a.targets.push(...tests);
    const r = resolve([a], {
      'a/src/lib.rs': 'pub fn lib_fn() {}\n',
      'a/tests/util/mod.rs': 'pub fn helper() { a::lib_fn() }\n',
      'a/tests/one.rs': 'mod util;\n#[test]\nfn first() { util::helper(); }\n',
      'a/tests/two.rs': 'mod util;\n#[test]\nfn second() { util::helper(); }\n',
    });
    expect(calls(r.edges, 'a/tests/one.rs-one-first')).toEqual(['a/tests/util/mod.rs-mod-helper']);
    expect(calls(r.edges, 'a/tests/two.rs-two-second')).toEqual(['a/tests/util/mod.rs-mod-helper']);
    expect(calls(r.edges, 'a/tests/util/mod.rs-mod-helper')).toEqual(['a/src/lib.rs-lib-lib_fn']);
  });
});

describe('the unique-name fallback for receivers of unknown type', () => {
  it('never binds a method name that std types also have', () => {
    const r = resolve([pkg('a', 'a')], {
      'a/src/lib.rs': 'pub struct Tree;\nimpl Tree { pub fn pop(&mut self) {} pub fn prune(&mut self) {} }\npub fn walk(all: Vec<u8>) { for (c, t) in all.pairs() { c.pop(); t.prune(); } }\n',
    });
    expect(calls(r.edges, 'a/src/lib.rs-lib-walk')).toEqual(['a/src/lib.rs-lib-Tree::prune [by_name]']);
  });

  it('looks across the workspace crates the caller depends on, and gives up when the name is ambiguous there', () => {
    const r = resolve(
      [pkg('core', 'core'), pkg('tool', 'tool'), pkg('app', 'app', { deps: ['core', 'tool'] }), pkg('other', 'other', { deps: ['core'] })],
      {
        'core/src/lib.rs': 'pub struct Book;\nimpl Book { pub fn render_all(&self) {} pub fn compile(&self) {} }\n',
        'tool/src/lib.rs': 'pub struct BookTest;\nimpl BookTest { pub fn compile(&self) {} }\n',
        'app/src/lib.rs': 'pub fn run(v: Vec<u8>) { for b in v { b.render_all(); b.compile(); } }\n',
        'other/src/lib.rs': 'pub fn run(v: Vec<u8>) { for b in v { b.compile(); } }\n',
      },
    );
    expect(calls(r.edges, 'app/src/lib.rs-lib-run')).toEqual(['core/src/lib.rs-lib-Book::render_all [by_name]']);
    expect(calls(r.edges, 'other/src/lib.rs-lib-run')).toEqual(['core/src/lib.rs-lib-Book::compile [by_name]']);
  });
});

describe('receiver typing', () => {
  const lib = [
    'pub struct Config { pub html: Html, pub args: Vec<Arg>, pub by_name: std::collections::HashMap<String, Arg> }',
    'pub struct Html;',
    'impl Html { pub fn theme(&self) -> Theme { Theme } }',
    'pub struct Theme;',
    'impl Theme { pub fn apply(&self) {} }',
    'pub struct Arg;',
    'impl Arg { pub fn generate(&self) -> u8 { 0 } }',
    'pub struct Book { pub config: Config }',
    'impl Book {',
    '    pub fn config(&self) -> &Config { &self.config }',
    '    pub fn html_config(&self) { self.config.html.theme(); }',
    '    pub fn chain(&self) { self.config().html.theme().apply(); }',
    '    pub fn index(&self) { self.config.args[0].generate(); }',
    '    pub fn closure(&self) -> Vec<u8> { self.config.args.iter().map(|arg| arg.generate()).collect() }',
    '    pub fn looped(&self) { for a in &self.config.args { a.generate(); } }',
    '    pub fn valued(&self) { for a in self.config.by_name.values() { a.generate(); } }',
    '    pub fn first(&self) { self.config.args.first().unwrap().generate(); }',
    '}',
    'pub fn free(book: &Book, list: &[Arg]) { book.config.html.theme(); let h = &book.config.html; h.theme(); list[1].generate(); }',
  ].join('\n');

  it('types receivers through field chains, method-chain return types, indexing, loops and iterator closures', () => {
    const r = resolve([pkg('a', 'a')], { 'a/src/lib.rs': lib });
    const k = (n: string): string => `a/src/lib.rs-lib-${n}`;
    expect(calls(r.edges, k('Book::html_config'))).toEqual([k('Html::theme')]);
    expect(calls(r.edges, k('Book::chain'))).toEqual([k('Book::config'), k('Html::theme'), k('Theme::apply')]);
    expect(calls(r.edges, k('Book::index'))).toEqual([k('Arg::generate')]);
    expect(calls(r.edges, k('Book::closure'))).toEqual([k('Arg::generate')]);
    expect(calls(r.edges, k('Book::looped'))).toEqual([k('Arg::generate')]);
    expect(calls(r.edges, k('Book::valued'))).toEqual([k('Arg::generate')]);
    expect(calls(r.edges, k('Book::first'))).toEqual([k('Arg::generate')]);
    expect(calls(r.edges, k('free'))).toEqual([k('Arg::generate'), k('Html::theme')]);
  });
});

describe('calls the parser finds inside macro arguments', () => {
  it('extracts negated calls and turbofish calls in macro token trees', () => {
    const r = resolve([pkg('a', 'a')], {
      'a/src/lib.rs': "pub fn check(x: u8) -> bool { x > 0 }\npub fn conv<'a, T>(x: u8) -> u8 { x }\n#[test]\nfn t() { assert!(!check(1)); assert_eq!(conv::<'static, Vec<Vec<u8>>>(2), 2); }\n",
    });
    expect(calls(r.edges, 'a/src/lib.rs-lib-t')).toEqual(['a/src/lib.rs-lib-check', 'a/src/lib.rs-lib-conv']);
  });
});

describe('trait impls chosen by argument type, and trait static calls', () => {
  const lib = [
    'pub struct LineRange;',
    'impl From<std::ops::Range<usize>> for LineRange { fn from(r: std::ops::Range<usize>) -> Self { LineRange } }',
    'impl From<usize> for LineRange { fn from(n: usize) -> Self { LineRange } }',
    'impl From<&str> for LineRange { fn from(s: &str) -> Self { LineRange } }',
    'impl From<LineRange> for i32 { fn from(l: LineRange) -> i32 { 0 } }',
    'impl LineRange { pub fn count(self) -> i32 { i32::from(self) } }',
    'pub struct Opts { pub a: u8, pub b: u8 }',
    'impl Default for Opts { fn default() -> Self { Opts { a: 1, b: 2 } } }',
    'pub fn make(n: usize, unknown: Thing) {',
    '    let a = LineRange::from(3);',
    '    let b = LineRange::from("1:2");',
    '    let c = LineRange::from(n);',
    '    let d = LineRange::from(unknown);',
    '    let o = Opts { a: 0, ..Default::default() };',
    '    let s = String::from("x");',
    '}',
  ].join('\n');

  it('picks the impl whose trait argument matches, never the first when the argument is unknown', () => {
    const r = resolve([pkg('a', 'a')], { 'a/src/lib.rs': lib });
    const k = (n: string): string => `a/src/lib.rs-lib-${n}`;
    expect(calls(r.edges, k('make'))).toEqual([
      k('<LineRange as From>::from #2'),
      k('<LineRange as From>::from #3'),
      k('<Opts as Default>::default'),
    ]);
    expect(calls(r.edges, k('LineRange::count'))).toEqual([k('<i32 as From>::from')]);
  });
});
