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
