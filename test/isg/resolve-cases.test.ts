// Resolver cases on hand-made workspaces (pure: parser + resolver, no cargo), one behaviour per case.
import { describe, expect, it } from 'vitest';
import { parseRustSource } from '../../src/adapters/rust-parser/parse.js';
import { resolveWorkspace } from '../../src/core/isg/resolve.js';
import type { IsgEdge } from '../../src/core/isg/types.js';
import type { Workspace, WorkspacePackage } from '../../src/core/isg/workspace.js';

function pkg(name: string, dir: string, extra: Partial<WorkspacePackage> = {}): WorkspacePackage {
  return { name, manifestDir: dir, targets: [{ name: name.replace(/-/g, '_'), kind: ['lib'], srcPath: `${dir}/src/lib.rs` }], features: {}, deps: [], ...extra };
}

function resolve(packages: WorkspacePackage[], files: Record<string, string>): { keys: string[]; edges: IsgEdge[]; unresolved: number } {
  const ws: Workspace = { root: '/ws', packages };
  const facts = new Map(Object.entries(files).map(([f, src]) => [f, parseRustSource(src)]));
  const r = resolveWorkspace(ws, facts);
  return { keys: r.graph.nodes.map((n) => n.key), edges: r.graph.edges, unresolved: r.unresolvedCalls };
}

const calls = (edges: IsgEdge[], src: string): string[] => edges.filter((e) => e.src === src && e.rel === 'CALLS').map((e) => `${e.dst}${e.attr ? ` [${e.attr}]` : ''}`);

describe('resolver cases', () => {
  it('follows #[path] module files and inherits the declaration cfg', () => {
    const r = resolve([pkg('a', 'a', { features: { fast: [] } })], {
      'a/src/lib.rs': '#[cfg(feature = "fast")]\n#[path = "sys/unix.rs"]\nmod os;\npub fn go() { os::native() }\n',
      'a/src/sys/unix.rs': 'pub fn native() {}\n',
    });
    expect(calls(r.edges, 'a/src/lib.rs-lib-go')).toEqual(['a/src/sys/unix.rs-unix-native']);
    expect(r.edges).toContainEqual({ src: 'a/src/sys/unix.rs-unix-native', rel: 'FEATURE_GATED_BY', dst: 'feature:a/fast', attr: '' });
  });

  it('resolves a method on a generic parameter through its bound, and Self:: calls', () => {
    const r = resolve([pkg('a', 'a')], {
      'a/src/lib.rs': [
        'pub trait Job { fn work(&self) -> u8; }',
        'pub fn drive<T: Job>(t: T) -> u8 { t.work() }',
        'pub fn drive_where<U>(u: &U) -> u8 where U: Job { u.work() }',
        'pub struct S;',
        'impl S { fn helper() -> u8 { 1 } pub fn go(&self) -> u8 { Self::helper() } }',
        'pub struct Holder<J> { job: J }',
        'impl<J: Job> Holder<J> { pub fn fire(&self) -> u8 { self.job.work() } }',
      ].join('\n'),
    });
    expect(calls(r.edges, 'a/src/lib.rs-lib-drive')).toEqual(['a/src/lib.rs-lib-Job::work']);
    expect(calls(r.edges, 'a/src/lib.rs-lib-drive_where')).toEqual(['a/src/lib.rs-lib-Job::work']);
    expect(calls(r.edges, 'a/src/lib.rs-lib-S::go')).toEqual(['a/src/lib.rs-lib-S::helper']);
    expect(calls(r.edges, 'a/src/lib.rs-lib-Holder::fire')).toEqual(['a/src/lib.rs-lib-Job::work']);
  });

  it('sees the parent module through use super::* in an inline test module', () => {
    const r = resolve([pkg('a', 'a')], {
      'a/src/lib.rs': 'pub fn add(x: u8) -> u8 { x + 1 }\n#[cfg(test)]\nmod tests {\n    use super::*;\n    #[test]\n    fn adds() { assert_eq!(add(1), 2); }\n}\n',
    });
    expect(calls(r.edges, 'a/src/lib.rs-lib-tests::adds')).toEqual(['a/src/lib.rs-lib-add']);
    expect(r.edges).toContainEqual({ src: 'a/src/lib.rs-lib-tests', rel: 'DEPENDS', dst: 'crate:a', attr: '' });
  });

  it('resolves a renamed workspace dependency and a re-export chain', () => {
    const r = resolve(
      [pkg('core-lib', 'core'), pkg('app', 'app', { deps: ['core-lib'], renames: { engine: 'core-lib' } })],
      {
        'core/src/lib.rs': 'mod inner;\npub use inner::api::start;\n',
        'core/src/inner.rs': 'pub mod api {\n    pub fn start() {}\n}\n',
        'app/src/lib.rs': 'use engine::start as begin;\npub fn run() { begin(); engine::start(); }\n',
      },
    );
    expect(calls(r.edges, 'app/src/lib.rs-lib-run')).toEqual(['core/src/inner.rs-inner-api::start']);
    expect(r.edges).toContainEqual({ src: 'crate:app', rel: 'DEPENDS', dst: 'crate:core-lib', attr: '' });
  });

  it('suffixes duplicate keys in source order and prefixes items of inline modules', () => {
    const r = resolve([pkg('a', 'a')], {
      'a/src/lib.rs': 'pub struct T;\nimpl T { pub fn a(&self) {} }\nimpl T { pub fn b(&self) {} }\npub mod m {\n    pub struct U;\n    impl U { pub fn c(&self) {} }\n    impl crate::Tr for U { fn t(&self) {} }\n}\npub trait Tr { fn t(&self); }\n',
    });
    expect(r.keys.filter((k) => k.startsWith('a/src/lib.rs-lib-'))).toEqual([
      'a/src/lib.rs-lib-T',
      'a/src/lib.rs-lib-T::a',
      'a/src/lib.rs-lib-T::b',
      'a/src/lib.rs-lib-Tr',
      'a/src/lib.rs-lib-Tr::t',
      'a/src/lib.rs-lib-impl T',
      'a/src/lib.rs-lib-impl T #2',
      'a/src/lib.rs-lib-m',
      'a/src/lib.rs-lib-m::<U as crate::Tr>::t',
      'a/src/lib.rs-lib-m::U',
      'a/src/lib.rs-lib-m::U::c',
      'a/src/lib.rs-lib-m::impl U',
      'a/src/lib.rs-lib-m::impl crate::Tr for U',
    ]);
    expect(r.edges).toContainEqual({ src: 'a/src/lib.rs-lib-m::<U as crate::Tr>::t', rel: 'IMPLEMENTS', dst: 'a/src/lib.rs-lib-Tr::t', attr: '' });
  });

  it('links a derive of a workspace trait and only counts std derives', () => {
    const ws: Workspace = { root: '/ws', packages: [pkg('a', 'a')] };
    const src = 'pub trait Describe {}\n#[derive(Debug, Clone, Describe)]\npub struct S;\n';
    const r = resolveWorkspace(ws, new Map([['a/src/lib.rs', parseRustSource(src)]]));
    expect(r.graph.edges.filter((e) => e.rel === 'IMPLEMENTS')).toEqual([{ src: 'a/src/lib.rs-lib-S', rel: 'IMPLEMENTS', dst: 'a/src/lib.rs-lib-Describe', attr: '' }]);
    expect(r.externalDerives).toBe(2);
  });

  it('joins several bounds on the same trait into one REQUIRES_BOUND edge', () => {
    const r = resolve([pkg('a', 'a')], {
      'a/src/lib.rs': 'pub trait Job {}\npub fn two<A: Job, B>(a: A, b: B) where B: Job + Send {}\n',
    });
    expect(r.edges.filter((e) => e.rel === 'REQUIRES_BOUND')).toEqual([
      { src: 'a/src/lib.rs-lib-two', rel: 'REQUIRES_BOUND', dst: 'a/src/lib.rs-lib-Job', attr: 'A: Job; B: Job + Send' },
    ]);
  });
});
