import { describe, expect, it } from 'vitest';
import { applyDiff, diffGraphs } from '../../src/core/isg/delta.js';
import { MemoryGraph } from '../../src/core/isg/memory-graph.js';
import type { IsgEdge, IsgGraph, IsgNode } from '../../src/core/isg/types.js';

const n = (key: string, startLine = 1, endLine = 10, kind: IsgNode['kind'] = 'fn'): IsgNode => ({
  key, kind, name: key, crate: 'c', file: 'a.rs', span: { startLine, endLine }, signature: `fn ${key}()`, sigHash: key, public: true, features: [], doc: '',
});
const e = (src: string, rel: IsgEdge['rel'], dst: string, attr = ''): IsgEdge => ({ src, rel, dst, attr });

const graph: IsgGraph = {
  nodes: [n('a', 1, 20), n('b', 2, 5), n('c'), n('d'), n('t', 1, 1, 'trait')],
  edges: [e('a', 'CALLS', 'b'), e('a', 'CALLS', 'c'), e('b', 'CALLS', 'd'), e('c', 'USES', 't'), e('d', 'CALLS', 'a')],
};

describe('MemoryGraph', () => {
  const g = new MemoryGraph(graph);
  it('walks two hops out, in and both, nearest first', async () => {
    expect(await g.twoHop('a', ['CALLS'], 30, 'out')).toEqual([
      { key: 'b', kind: 'fn', hop: 1, via: 'CALLS' },
      { key: 'c', kind: 'fn', hop: 1, via: 'CALLS' },
      { key: 'd', kind: 'fn', hop: 2, via: 'CALLS' },
    ]);
    expect(await g.twoHop('t', ['CALLS', 'USES'], 30, 'in')).toEqual([
      { key: 'c', kind: 'fn', hop: 1, via: 'USES' },
      { key: 'a', kind: 'fn', hop: 2, via: 'CALLS' },
    ]);
    expect((await g.twoHop('a', ['CALLS', 'USES'], 1, 'both')).map((h) => [h.key, h.hop])).toEqual([['b', 1], ['d', 2]]);
  });
  it('finds the innermost node at a line and filters edges by relation', async () => {
    expect((await g.nodeAt('a.rs', 3))?.key).toBe('b');
    expect((await g.nodeAt('a.rs', 15))?.key).toBe('a');
    expect(await g.edgesOut('c', ['CALLS'])).toEqual([]);
    expect(await g.edgesIn('a')).toEqual([e('d', 'CALLS', 'a')]);
  });
});

describe('diffGraphs', () => {
  it('writes only what changed and round-trips', () => {
    const next: IsgGraph = {
      nodes: [n('a', 1, 21), n('b', 2, 5), n('c'), n('x')],
      edges: [e('a', 'CALLS', 'b', 'by_name'), e('a', 'CALLS', 'x'), e('c', 'USES', 'x', 'T: X')],
    };
    const d = diffGraphs(graph, next);
    expect(d.upsertNodes.map((x) => x.key)).toEqual(['a', 'x']);
    expect(d.removeNodes).toEqual(['d', 't']);
    // A changed attr is an upsert of the same (src, rel, dst), never a remove of it.
    expect(d.addEdges).toEqual([e('a', 'CALLS', 'b', 'by_name'), e('a', 'CALLS', 'x'), e('c', 'USES', 'x', 'T: X')]);
    expect(d.removeEdges).toEqual([e('a', 'CALLS', 'c'), e('b', 'CALLS', 'd'), e('c', 'USES', 't'), e('d', 'CALLS', 'a')]);
    const applied = applyDiff(graph, d);
    expect(diffGraphs(applied, next)).toEqual({ upsertNodes: [], removeNodes: [], addEdges: [], removeEdges: [] });
  });
});

describe('diffGraphs on sorted and unsorted input', () => {
  // A deterministic PRNG, so a failure reproduces.
  let s = 7;
  const rand = (k: number): number => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s % k;
  };
  const randomGraph = (): IsgGraph => {
    const keys = ['a', 'b', 'ab', 'b\u0001', 'c', 'd', 'e'];
    const nodes = keys.filter(() => rand(3) > 0).map((k) => n(k, 1, 10 + rand(2)));
    const edges = new Map<string, IsgEdge>();
    for (let i = 0; i < 12; i++) {
      const x = e(keys[rand(keys.length)] as string, rand(2) ? 'CALLS' : 'USES', keys[rand(keys.length)] as string, rand(3) ? '' : 'by_name');
      edges.set(`${x.src}|${x.rel}|${x.dst}`, x);
    }
    return { nodes, edges: [...edges.values()] };
  };
  const sorted = (g: IsgGraph): IsgGraph => ({
    nodes: [...g.nodes].sort((x, y) => (x.key < y.key ? -1 : 1)),
    edges: [...g.edges].sort((x, y) => (x.src !== y.src ? (x.src < y.src ? -1 : 1) : x.rel !== y.rel ? (x.rel < y.rel ? -1 : 1) : x.dst < y.dst ? -1 : 1)),
  });
  const shuffled = (g: IsgGraph): IsgGraph => ({ nodes: [...g.nodes].reverse(), edges: [...g.edges].reverse() });
  it('the merge walk (sorted input) and the map path (unsorted input) give the same delta', () => {
    for (let round = 0; round < 200; round++) {
      const a = randomGraph();
      const b = randomGraph();
      const merged = diffGraphs(sorted(a), sorted(b));
      const mapped = diffGraphs(shuffled(sorted(a)), shuffled(sorted(b)));
      const norm = (d: ReturnType<typeof diffGraphs>): string[][] => [
        d.upsertNodes.map((x) => x.key).sort(),
        [...d.removeNodes].sort(),
        d.addEdges.map((x) => `${x.src}|${x.rel}|${x.dst}|${x.attr}`).sort(),
        d.removeEdges.map((x) => `${x.src}|${x.rel}|${x.dst}|${x.attr}`).sort(),
      ];
      expect(norm(merged)).toEqual(norm(mapped));
      expect(diffGraphs(sorted(applyDiff(a, merged)), sorted(b))).toEqual({ upsertNodes: [], removeNodes: [], addEdges: [], removeEdges: [] });
    }
  });
});
