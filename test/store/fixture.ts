// A small hand-written ISG: nested spans in src/lib.rs for nodeAt, a diamond around S for twoHop.
import type { IsgEdge, IsgNode, NodeKind, Rel } from '../../src/core/isg/types.js';

export function node(key: string, kind: NodeKind, file: string, startLine: number, endLine: number, extra: Partial<IsgNode> = {}): IsgNode {
  const name = key.slice(key.lastIndexOf('-') + 1);
  return {
    key, kind, name, crate: 'demo', file, span: { startLine, endLine }, signature: `${kind} ${name}`,
    sigHash: `h-${name}`, public: true, features: [], doc: '', ...extra,
  };
}

export function edge(src: string, rel: Rel, dst: string, attr = ''): IsgEdge {
  return { src, rel, dst, attr };
}

export const LIB = 'src/lib.rs';
export const K = {
  engine: 'src/lib.rs-lib-Engine',
  implEngine: 'src/lib.rs-lib-impl Engine',
  run: 'src/lib.rs-lib-Engine::run',
  stop: 'src/lib.rs-lib-Engine::stop',
  inner: 'src/lib.rs-lib-inner',
  deep: 'src/lib.rs-lib-inner::deep',
  tieA: 'src/tie.rs-tie-a',
  tieB: 'src/tie.rs-tie-b',
  early: 'src/tie.rs-tie-early',
  late: 'src/tie.rs-tie-late',
  crate: 'crate:demo',
} as const;

/** Nodes with nested spans (nodeAt). */
export function spanNodes(): IsgNode[] {
  return [
    node(K.engine, 'struct', LIB, 1, 3, { doc: 'The "engine" — with quotes\nand a newline', features: ['serde', 'std'] }),
    node(K.implEngine, 'impl', LIB, 5, 20),
    node(K.run, 'method', LIB, 6, 12, { signature: "fn run<'a>(&'a self, s: &str) -> $x" }),
    node(K.stop, 'method', LIB, 13, 19, { public: false }),
    node(K.inner, 'mod', LIB, 27, 40),
    node(K.deep, 'fn', LIB, 28, 32),
    node(K.tieB, 'fn', 'src/tie.rs', 10, 12),
    node(K.tieA, 'fn', 'src/tie.rs', 10, 12),
    node(K.early, 'fn', 'src/tie.rs', 20, 22),
    node(K.late, 'fn', 'src/tie.rs', 22, 24),
    node(K.crate, 'crate', '', 0, 0),
  ];
}

/** Diamond around S: S→A, S→B (CALLS and USES), A→C, B→C, C→D, B→E, A→S, A→B, X→S, Y→X, S→ghost (no node). */
export function diamondNodes(): IsgNode[] {
  return ['S', 'A', 'B', 'C', 'D', 'E', 'X', 'Y'].map((k, i) => node(k, i % 2 === 0 ? 'fn' : 'struct', 'src/d.rs', 100 + i, 100 + i));
}

export function diamondEdges(): IsgEdge[] {
  return [
    edge('S', 'CALLS', 'A'), edge('S', 'USES', 'B'), edge('S', 'CALLS', 'B'), edge('A', 'CALLS', 'C'),
    edge('B', 'CALLS', 'C'), edge('B', 'USES', 'E'), edge('C', 'CALLS', 'D'), edge('A', 'CALLS', 'S'),
    edge('A', 'CALLS', 'B'), edge('X', 'CALLS', 'S'), edge('Y', 'USES', 'X'), edge('S', 'CALLS', 'ghost'),
    edge('A', 'REQUIRES_BOUND', 'X', 'T: Send'),
  ];
}

/** Sort helpers matching the store's documented orders. */
export function byKey(a: IsgNode, b: IsgNode): number {
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

export function byEdge(a: IsgEdge, b: IsgEdge): number {
  const x = `${a.src}\u0001${a.rel}\u0001${a.dst}`;
  const y = `${b.src}\u0001${b.rel}\u0001${b.dst}`;
  return x < y ? -1 : x > y ? 1 : 0;
}
