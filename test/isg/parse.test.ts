import { describe, expect, it } from 'vitest';
import { normalizeWs, parseRustSource, splitPath, stripGenerics } from '../../src/adapters/rust-parser/parse.js';
import { parseFiles, parseFilesJson } from '../../src/adapters/rust-parser/pool.js';

describe('path and text helpers', () => {
  const cases: [string, string[]][] = [
    ['a::b::f', ['a', 'b', 'f']],
    ['Vec::<u8>::new', ['Vec', 'new']],
    ['crate :: x', ['crate', 'x']],
    ['<Pool<T> as Runner>::run', ['Runner', 'run']],
    ['::std::mem::swap', ['std', 'mem', 'swap']],
    ['r#type::f', ['type', 'f']],
  ];
  it.each(cases)('splitPath(%s)', (input, expected) => expect(splitPath(input)).toEqual(expected));
  it('normalises whitespace and strips generics', () => {
    expect(normalizeWs('impl < T >  Runner\n for  Pool< T ,U >')).toBe('impl <T> Runner for Pool<T,U>');
    expect(stripGenerics('HashMap<K, Vec<V>>')).toBe('HashMap');
    expect(stripGenerics('Fn(u8) -> u8')).toBe('Fn(u8) -> u8');
  });
});

describe('parseRustSource', () => {
  it('flattens use declarations: groups, self, renames, globs, visibility', () => {
    const f = parseRustSource('pub use crate::a::{self, b as c, d::{e, f::*}};\nuse super::super::g;\n');
    expect(f.uses.map((u) => [u.path.join('::'), u.alias ?? null, u.glob, u.public])).toEqual([
      ['crate::a', null, false, true],
      ['crate::a::b', 'c', false, true],
      ['crate::a::d::e', null, false, true],
      ['crate::a::d::f', null, true, true],
      ['super::super::g', null, false, false],
    ]);
  });

  it('reads cfg, cfg_attr, derives, docs, #[path] and inner file features', () => {
    const f = parseRustSource(
      [
        '#![cfg(feature = "outer")]',
        '#![cfg_attr(feature = "nightly", feature(rustc_private))]',
        '/// First line.',
        '/// Second line.',
        '#[derive(Debug, serde::Serialize)]',
        '#[cfg_attr(feature = "ser", derive(Clone))]',
        '#[cfg(all(feature = "a", not(feature = "b")))]',
        'pub(crate) struct S { x: u8 }',
        '#[path = "other/impl.rs"]',
        'mod imp;',
      ].join('\n'),
    );
    // A crate-level cfg_attr only makes an attribute conditional: it gates no item.
    expect(f.fileFeatures).toEqual(['outer']);
    const s = f.items[0];
    expect(s).toMatchObject({ kind: 'struct', name: 'S', public: true, doc: 'First line.', features: ['ser', 'a', 'b'] });
    expect(s?.derives).toEqual([['Debug'], ['serde', 'Serialize'], ['Clone']]);
    expect(f.items[1]).toMatchObject({ kind: 'mod', name: 'imp', modFile: true, pathAttr: 'other/impl.rs', signature: 'mod imp' });
  });

  it('records generic bounds, where predicates and receiver shapes', () => {
    const f = parseRustSource(
      [
        'impl<T: Clone> Holder<T> where T: Send + \'static {',
        '    fn go<R>(&self, r: &R, b: Box<dyn Job>) where R: Runner {',
        '        let w = Worker::new(1);',
        '        let z = Zed { a: 1 };',
        '        let q = build()?;',
        '        self.f.run(); r.run(); b.work(); w.step(); z.zap(); make().chain(); Self::helper(); Worker::default().go();',
        '        assert_eq!(compute(1), other::two(x.len()));',
        '    }',
        '}',
      ].join('\n'),
    );
    const imp = f.items[0];
    expect(imp).toMatchObject({ kind: 'impl', name: 'impl Holder<T>', selfText: 'Holder', generics: ['T'], bounds: ['T: Clone', "T: Send + 'static"] });
    const go = f.items[1];
    expect(go).toMatchObject({ kind: 'method', name: 'go', parent: 0, bounds: ['R: Runner'] });
    // `let w = Worker::new(1)` is typed through `new`'s declared return type (the resolver falls back to `Worker`).
    expect(go?.locals).toEqual({ r: ['R'], b: ['Job'], z: ['Zed'] });
    const shapes = go?.calls.map((c) => (c.method ? `${c.method}:${c.recv?.kind}${c.recv?.kind === 'ident' ? `=${c.recv.name}` : ''}${c.recv?.kind === 'typed' || c.recv?.kind === 'call' ? `=${c.recv.path.join('::')}` : ''}${c.recv?.kind === 'field' ? `=${c.recv.field}` : ''}` : c.path?.join('::')));
    expect(shapes).toEqual([
      'Worker::new',
      'build',
      'run:field=f', 'run:ident=r', 'work:ident=b', 'step:ident=w', 'zap:ident=z', 'chain:call=make', 'make', 'Self::helper', 'go:call=Worker::default', 'Worker::default',
      'len:ident=x', 'compute', 'other::two',
    ]);
    expect(go?.macros).toEqual([['assert_eq']]);
    expect(go?.callLocals).toEqual({ w: ['Worker', 'new'], q: ['build'] });
    const ret = parseRustSource('fn a() -> Option<Box<Foo>> { todo!() }\nfn b() -> io::Result<x::Bar> { todo!() }\n');
    expect(ret.items.map((i) => i.ret)).toEqual([['Foo'], ['x', 'Bar']]);
  });

  it('keeps indexing after a syntax error', () => {
    const f = parseRustSource('fn ok() {}\nfn bad( {\n}\nstruct After;\n');
    expect(f.syntaxErrors.length).toBeGreaterThan(0);
    expect(f.items.map((i) => i.name)).toContain('ok');
    expect(f.items.map((i) => i.name)).toContain('After');
  });

  it('gives the same facts from worker threads as on the main thread', async () => {
    const inputs = Array.from({ length: 6 }, (_, i) => ({ file: `f${i}.rs`, text: `pub fn f${i}() -> u32 { g${i}() }\n` }));
    const main = await parseFiles(inputs, { workers: 0 });
    const threaded = await parseFiles(inputs, { workers: 2 });
    expect([...threaded.entries()].sort()).toEqual([...main.entries()].sort());
  });

  it('hands out each file\'s facts as JSON text and decoded, from workers and from the main thread', async () => {
    const inputs = Array.from({ length: 40 }, (_, i) => ({ file: `f${i}.rs`, text: `pub struct S${i};\nimpl S${i} { pub fn m(&self) -> u32 { h${i}() } }\n` }));
    for (const workers of [0, 2]) {
      const got = new Map<string, [string, unknown]>();
      await parseFilesJson(inputs, (file, json, facts) => got.set(file, [json, facts]), { workers });
      expect([...got.keys()].sort()).toEqual(inputs.map((x) => x.file).sort());
      for (const inp of inputs) {
        const want = parseRustSource(inp.text);
        expect(got.get(inp.file)?.[0]).toBe(JSON.stringify(want));
        expect(got.get(inp.file)?.[1]).toEqual(want);
      }
    }
  });

  it('collects body calls in document order, through closures, scanning macro arguments without entering them', () => {
    const f = parseRustSource('fn f() {\n    let a = A::new();\n    outer(inner(1));\n    vec![x.m(), y(2)];\n    let c = || helper();\n}\n');
    const item = f.items[0];
    expect(item?.calls).toEqual([
      { line: 2, path: ['A', 'new'] },
      { line: 3, path: ['outer'] },
      { line: 3, path: ['inner'] },
      { line: 4, method: 'm', recv: { kind: 'ident', name: 'x' } },
      { line: 4, path: ['y'] },
      { line: 5, path: ['helper'] },
    ]);
    expect(item?.locals).toEqual({});
    expect(item?.callLocals).toEqual({ a: ['A', 'new'] });
    expect(item?.macros).toEqual([['vec']]);
  });
});

describe('items inside item-position macros', () => {
  it('indexes the items of a macro body that parses as items, with file line numbers', () => {
    const f = parseRustSource('cfg_rt! {\n    pub mod runtime;\n    pub fn spawn() { run() }\n}\nbitflags! { struct F: u32 { const A = 1; } }\n');
    expect(f.items.map((i) => [i.kind, i.name, i.line, i.endLine])).toEqual([
      ['mod', 'runtime', 2, 2],
      ['fn', 'spawn', 3, 3],
    ]);
    expect(f.items[1]?.calls).toEqual([{ line: 3, path: ['run'] }]);
    expect(f.syntaxErrors).toEqual([]);
  });
});

describe('cfg_if! and gated macro invocations', () => {
  it('indexes every cfg_if! branch with its features, and gates macro-wrapped items by the invocation cfg', () => {
    const f = parseRustSource(
      [
        'cfg_if::cfg_if! {',
        '    if #[cfg(feature = "tokio")] {',
        '        pub fn spawn() {}',
        '    } else if #[cfg(unix)] {',
        '        pub fn spawn() {}',
        '    } else {',
        '        pub fn fallback() {}',
        '    }',
        '}',
        '#[cfg(feature = "rt")]',
        'wrap! { pub struct Runtime; }',
      ].join('\n'),
    );
    expect(f.items.map((i) => [i.name, i.line, i.features])).toEqual([
      ['spawn', 3, ['tokio']],
      ['spawn', 5, []],
      ['fallback', 7, []],
      ['Runtime', 11, ['rt']],
    ]);
  });
});
