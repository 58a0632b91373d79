// The accuracy benchmark's own parts: the SCIP wire-format reader, callable-symbol names, call detection, and the
// comparison of rust-analyzer references with ISG CALLS edges (strict and lenient).
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compare, isCallAt } from '../../bench/isg-accuracy.js';
import { callableName, decodeScipDocuments } from '../../bench/isg-scip.js';

// A tiny protobuf writer, enough to build SCIP messages.
const varint = (n: number): number[] => {
  const out: number[] = [];
  while (n >= 0x80) {
    out.push((n % 128) | 0x80);
    n = Math.floor(n / 128);
  }
  out.push(n);
  return out;
};
const field = (num: number, bytes: number[]): number[] => [...varint(num * 8 + 2), ...varint(bytes.length), ...bytes];
const str = (num: number, s: string): number[] => field(num, [...Buffer.from(s, 'utf8')]);
const occ = (range: number[], symbol: string, roles: number): number[] => [
  ...field(1, range.flatMap(varint)),
  ...str(2, symbol),
  ...(roles ? [...varint(3 * 8), ...varint(roles)] : []),
];
const doc = (p: string, occs: number[][]): number[] => [...str(1, p), ...str(4, 'rust'), ...occs.flatMap((o) => field(2, o))];

describe('isg-accuracy benchmark parts', () => {
  it('decodes documents and occurrences from SCIP protobuf bytes, skipping other fields', () => {
    const bytes = Uint8Array.from([
      ...field(1, str(3, 'file:///ws')), // metadata
      ...field(2, doc('src/lib.rs', [occ([3, 7, 12], 'rust-analyzer cargo a 0.1.0 util/helper().', 1), occ([300, 4, 301, 9], 'local 1', 0)])),
    ]);
    const docs = decodeScipDocuments(bytes);
    expect(docs).toEqual([{
      relativePath: 'src/lib.rs',
      occurrences: [
        { line: 3, startChar: 7, endLine: 3, endChar: 12, symbol: 'rust-analyzer cargo a 0.1.0 util/helper().', roles: 1 },
        { line: 300, startChar: 4, endLine: 301, endChar: 9, symbol: 'local 1', roles: 0 },
      ],
    }]);
    expect(() => decodeScipDocuments(Uint8Array.from([0x12, 0x05, 0x01]))).toThrow();
  });

  it('names callable symbols and recognises calls, turbofish included', () => {
    expect(callableName('rust-analyzer cargo a 0.1.0 util/Type#method().')).toBe('method');
    expect(callableName('rust-analyzer cargo a 0.1.0 util/f(+1).')).toBe('f');
    expect(callableName('rust-analyzer cargo a 0.1.0 util/Type#')).toBeUndefined();
    expect(callableName('local 4')).toBeUndefined();
    expect(isCallAt('  let x = parse(a);', 15)).toBe(true);
    expect(isCallAt('  let x = parse::<Vec<u8>>(a);', 15)).toBe(true);
    expect(isCallAt('  it.map(parse)', 14)).toBe(false);
  });

  it('scores strict and lenient precision/recall from references and ISG edges', () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'rustgate-acc-'));
    mkdirSync(path.join(root, 'src'));
    const src = [
      'trait T { fn m(&self); }', // 0
      'struct S;', // 1
      'impl T for S { fn m(&self) {} }', // 2
      'fn helper() {}', // 3
      'fn caller(s: S) {', // 4
      '    s.m();', // 5
      '    helper();', // 6
      '    let f = helper;', // 7
      '}', // 8
    ].join('\n');
    writeFileSync(path.join(root, 'src/lib.rs'), src);
    const sym = (d: string): string => `rust-analyzer cargo a 0.1.0 ${d}`;
    const docs = [{
      relativePath: 'src/lib.rs',
      occurrences: [
        { line: 0, startChar: 13, endLine: 0, endChar: 14, symbol: sym('T#m().'), roles: 1 },
        { line: 2, startChar: 18, endLine: 2, endChar: 19, symbol: sym('impl#[S][T]m().'), roles: 1 },
        { line: 3, startChar: 3, endLine: 3, endChar: 9, symbol: sym('helper().'), roles: 1 },
        { line: 5, startChar: 6, endLine: 5, endChar: 7, symbol: sym('impl#[S][T]m().'), roles: 0 },
        { line: 6, startChar: 4, endLine: 6, endChar: 10, symbol: sym('helper().'), roles: 0 },
        { line: 7, startChar: 12, endLine: 7, endChar: 18, symbol: sym('helper().'), roles: 0 },
      ],
    }];
    const n = (key: string, kind: string, name: string, s: number, e: number) => ({ key, kind, name, file: 'src/lib.rs', span: { start_line: s, end_line: e } });
    const nodes = [
      n('T', 'trait', 'T', 1, 1), n('T::m', 'method', 'm', 1, 1), n('S', 'struct', 'S', 2, 2), n('impl', 'impl', 'impl T for S', 3, 3),
      n('<S as T>::m', 'method', 'm', 3, 3), n('helper', 'fn', 'helper', 4, 4), n('caller', 'fn', 'caller', 5, 9),
    ];
    const edges: { src: string; dst: string; rel: string; attrs: Record<string, string> }[] = [
      { src: '<S as T>::m', dst: 'T::m', rel: 'IMPLEMENTS', attrs: {} },
      { src: 'caller', dst: 'T::m', rel: 'CALLS', attrs: { resolution: 'by_name' } },
    ];
    const r = compare(root, docs, nodes, edges);
    expect(r.strict).toMatchObject({ isg_calls: 1, ra_calls: 2, precision: 0, recall: 0 });
    expect(r.strict.false_negatives).toEqual(['caller -> <S as T>::m', 'caller -> helper']);
    expect(r.lenient).toMatchObject({ precision: 1, recall: 0.5, false_negatives: ['caller -> helper'] });
    expect(r.by_name).toEqual({ edges: 1, right: 0 });
  });
});
