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
