import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HopNode } from '../../src/core/isg/query.js';
import type { Rel } from '../../src/core/isg/types.js';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dumpRelations, openMemoryStore, openStore, storeStats } from '../../src/store/cozo-store.js';
import type { IsgStore } from '../../src/store/types.js';
import { K, LIB, byEdge, byKey, diamondEdges, diamondNodes, edge, node, spanNodes } from './fixture.js';

let store: IsgStore;

beforeAll(async () => {
  store = await openMemoryStore();
  await store.applyDelta({ upsertNodes: [...spanNodes(), ...diamondNodes()], removeNodes: [], addEdges: diamondEdges(), removeEdges: [] });
});
afterAll(async () => {
  await store.close();
});

const hop = (key: string, kind: string, h: 1 | 2, via: Rel): HopNode => ({ key, kind, hop: h, via }) as HopNode;

describe('nodes and edges', () => {
  it('returns every node sorted by key, identical to what was put', async () => {
    expect(await store.allNodes()).toEqual([...spanNodes(), ...diamondNodes()].sort(byKey));
    expect(await store.allEdges()).toEqual(diamondEdges().sort(byEdge));
  });

  it('getNode round-trips quotes, newlines and $ without interpolation', async () => {
    expect(await store.getNode(K.engine)).toEqual(spanNodes()[0]);
    expect((await store.getNode(K.run))?.signature).toBe("fn run<'a>(&'a self, s: &str) -> $x");
    expect(await store.getNode('nope" or true')).toBeUndefined();
  });

  it('edgesOut / edgesIn with and without a rel filter', async () => {
    expect(await store.edgesOut('S')).toEqual([edge('S', 'CALLS', 'A'), edge('S', 'CALLS', 'B'), edge('S', 'CALLS', 'ghost'), edge('S', 'USES', 'B')]);
    expect(await store.edgesOut('S', ['USES'])).toEqual([edge('S', 'USES', 'B')]);
    expect(await store.edgesOut('A', ['REQUIRES_BOUND'])).toEqual([edge('A', 'REQUIRES_BOUND', 'X', 'T: Send')]);
    expect(await store.edgesOut('S', [])).toEqual([]);
    expect(await store.edgesIn('C')).toEqual([edge('A', 'CALLS', 'C'), edge('B', 'CALLS', 'C')]);
    expect(await store.edgesIn('X')).toEqual([edge('A', 'REQUIRES_BOUND', 'X', 'T: Send'), edge('Y', 'USES', 'X')]);
    expect(await store.edgesIn('S', ['USES'])).toEqual([]);
    expect(await store.edgesIn('B', ['CALLS', 'USES'])).toEqual([edge('A', 'CALLS', 'B'), edge('S', 'CALLS', 'B'), edge('S', 'USES', 'B')]);
    expect(await store.edgesIn('nobody')).toEqual([]);
  });
});

describe('nodeAt', () => {
  const cases: [string, number, string | undefined][] = [
    [LIB, 1, K.engine],
    [LIB, 4, undefined],
    [LIB, 5, K.implEngine],
    [LIB, 6, K.run],
    [LIB, 12, K.run],
    [LIB, 13, K.stop],
    [LIB, 20, K.implEngine],
    [LIB, 27, K.inner],
    [LIB, 30, K.deep],
    [LIB, 33, K.inner],
    [LIB, 41, undefined],
    ['src/tie.rs', 11, K.tieA], // same span: smaller key
    ['src/tie.rs', 22, K.late], // same length: later start is the inner one
    ['src/none.rs', 1, undefined],
    ['', 0, undefined], // synthetic nodes (crate:demo) have no file
  ];
  it.each(cases)('%s:%i → %s', async (file, line, key) => {
    expect((await store.nodeAt(file, line))?.key).toBe(key);
  });

  it('the mirror of a reopened store (no engine) and Datalog (engine loaded) agree on every case', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rustgate-store-nodeat-'));
    const w = await openStore(dir);
    await w.applyDelta({ upsertNodes: [...spanNodes(), ...diamondNodes()], removeNodes: [], addEdges: diamondEdges(), removeEdges: [] });
    await w.close();
    const s = await openStore(dir);
    try {
      const ask = async (): Promise<Array<string | undefined>> => Promise.all(cases.map(async ([file, line]) => (await s.nodeAt(file, line))?.key));
      const mirror = await ask();
      expect(storeStats(s).engineLoaded).toBe(false);
      await dumpRelations(s, ['node']);
      expect(storeStats(s).engineLoaded).toBe(true);
      expect(await ask()).toEqual(mirror);
      expect(mirror).toEqual(cases.map((c) => c[2]));
    } finally {
      await s.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('twoHop', () => {
  it('out along CALLS+USES: via is the first listed rel; seed, hop-1 nodes and node-less keys are excluded', async () => {
    expect(await store.twoHop('S', ['CALLS', 'USES'], 30)).toEqual([
      hop('A', 'struct', 1, 'CALLS'), hop('B', 'fn', 1, 'CALLS'), hop('C', 'struct', 2, 'CALLS'), hop('E', 'struct', 2, 'USES'),
    ]);
    expect(await store.twoHop('S', ['USES', 'CALLS'], 30, 'out')).toEqual([
      hop('A', 'struct', 1, 'CALLS'), hop('B', 'fn', 1, 'USES'), hop('C', 'struct', 2, 'CALLS'), hop('E', 'struct', 2, 'USES'),
    ]);
  });

  it('rel filter', async () => {
    expect(await store.twoHop('S', ['USES'], 30)).toEqual([hop('B', 'fn', 1, 'USES'), hop('E', 'struct', 2, 'USES')]);
    expect(await store.twoHop('S', ['REQUIRES_BOUND'], 30)).toEqual([]);
    expect(await store.twoHop('A', ['REQUIRES_BOUND', 'USES'], 30)).toEqual([hop('X', 'fn', 1, 'REQUIRES_BOUND')]);
    expect(await store.twoHop('S', [], 30)).toEqual([]);
  });

  it('cap applies per hop and hop 2 starts from the capped hop-1 set but excludes every hop-1 neighbour', async () => {
    expect(await store.twoHop('S', ['CALLS', 'USES'], 1)).toEqual([hop('A', 'struct', 1, 'CALLS'), hop('C', 'struct', 2, 'CALLS')]);
    expect(await store.twoHop('S', ['CALLS', 'USES'], 0)).toEqual([]);
    expect(await store.twoHop('S', ['CALLS', 'USES'], 1.9)).toEqual([hop('A', 'struct', 1, 'CALLS'), hop('C', 'struct', 2, 'CALLS')]);
    expect(await store.twoHop('S', ['CALLS', 'USES'], Infinity)).toEqual(await store.twoHop('S', ['CALLS', 'USES'], 30));
  });

  it('in and both directions', async () => {
    expect(await store.twoHop('S', ['CALLS', 'USES'], 30, 'in')).toEqual([
      hop('A', 'struct', 1, 'CALLS'), hop('X', 'fn', 1, 'CALLS'), hop('Y', 'struct', 2, 'USES'),
    ]);
    expect(await store.twoHop('S', ['CALLS', 'USES'], 30, 'both')).toEqual([
      hop('A', 'struct', 1, 'CALLS'), hop('B', 'fn', 1, 'CALLS'), hop('X', 'fn', 1, 'CALLS'),
      hop('C', 'struct', 2, 'CALLS'), hop('E', 'struct', 2, 'USES'), hop('Y', 'struct', 2, 'USES'),
    ]);
    expect(await store.twoHop('S', ['CALLS', 'USES'], 2, 'both')).toEqual([
      hop('A', 'struct', 1, 'CALLS'), hop('B', 'fn', 1, 'CALLS'), hop('C', 'struct', 2, 'CALLS'), hop('E', 'struct', 2, 'USES'),
    ]);
    expect(await store.twoHop('nobody', ['CALLS'], 30, 'both')).toEqual([]);
  });
});

describe('applyDelta', () => {
  it('removes edges and nodes literally, upserts, and keeps the mirror equal to Cozo', async () => {
    const s = await openMemoryStore();
    try {
      await s.applyDelta({ upsertNodes: diamondNodes(), removeNodes: [], addEdges: diamondEdges(), removeEdges: [] });
      await s.allNodes(); // build the mirror first so the delta must update it
      const newB = node('B', 'enum', 'src/d.rs', 200, 210, { vis: 'pub(crate)' } as object);
      await s.applyDelta({
        upsertNodes: [newB, node('Z', 'fn', 'src/z.rs', 1, 2)],
        removeNodes: ['E', 'D'],
        addEdges: [edge('S', 'CALLS', 'Z'), edge('S', 'CALLS', 'A', 'changed')],
        removeEdges: [edge('S', 'USES', 'B'), edge('C', 'CALLS', 'D', 'attr is ignored for identity')],
      });
      const nodes = diamondNodes().filter((n) => n.key !== 'E' && n.key !== 'D' && n.key !== 'B').concat([newB, node('Z', 'fn', 'src/z.rs', 1, 2)]).sort(byKey);
      const edges = diamondEdges()
        .filter((e) => !(e.src === 'S' && e.rel === 'USES' && e.dst === 'B') && !(e.src === 'C' && e.dst === 'D') && !(e.src === 'S' && e.dst === 'A'))
        .concat([edge('S', 'CALLS', 'Z'), edge('S', 'CALLS', 'A', 'changed')])
        .sort(byEdge);
      expect(await s.allNodes()).toEqual(nodes);
      expect(await s.allEdges()).toEqual(edges);
      expect(await s.getNode('B')).toEqual(newB);
      expect(await s.getNode('E')).toBeUndefined();
      // B→E stays (the builder removes edges explicitly) but E has no node, so twoHop skips it.
      expect(await s.edgesOut('B')).toEqual([edge('B', 'CALLS', 'C'), edge('B', 'USES', 'E')]);
      expect(await s.twoHop('S', ['CALLS', 'USES'], 30)).toEqual([
        hop('A', 'struct', 1, 'CALLS'), hop('B', 'enum', 1, 'CALLS'), hop('Z', 'fn', 1, 'CALLS'), hop('C', 'struct', 2, 'CALLS'),
      ]);
      expect(await s.nodeAt('src/d.rs', 205)).toEqual(newB);
      // Cozo itself (not the mirror) answers edgesOut: it must agree.
      expect(await s.edgesOut('S')).toEqual([edge('S', 'CALLS', 'A', 'changed'), edge('S', 'CALLS', 'B'), edge('S', 'CALLS', 'Z'), edge('S', 'CALLS', 'ghost')]);
    } finally {
      await s.close();
    }
  });

  it('duplicate keys inside one delta: the last one wins', async () => {
    const s = await openMemoryStore();
    try {
      await s.applyDelta({
        upsertNodes: [node('N', 'fn', 'a.rs', 1, 1), node('N', 'fn', 'a.rs', 2, 3)],
        removeNodes: [],
        addEdges: [edge('N', 'CALLS', 'N', 'one'), edge('N', 'CALLS', 'N', 'two')],
        removeEdges: [],
      });
      expect(await s.allNodes()).toEqual([node('N', 'fn', 'a.rs', 2, 3)]);
      expect(await s.getNode('N')).toEqual(node('N', 'fn', 'a.rs', 2, 3));
      expect(await s.edgesIn('N')).toEqual([edge('N', 'CALLS', 'N', 'two')]);
    } finally {
      await s.close();
    }
  });

  it('file records and meta', async () => {
    const s = await openMemoryStore();
    try {
      await s.putFiles([
        { file: 'src/a.rs', hash: 'h1', crate: 'demo', facts: { items: [1, 2], note: 'x' } },
        { file: 'src/b.rs', hash: 'h2', crate: 'demo', facts: null },
      ]);
      await s.putFiles([{ file: 'src/a.rs', hash: 'h3', crate: 'demo', facts: { items: [] } }]);
      await s.removeFiles(['src/b.rs', 'src/missing.rs']);
      expect([...(await s.loadFiles()).values()]).toEqual([{ file: 'src/a.rs', hash: 'h3', crate: 'demo', facts: { items: [] } }]);
      expect(await s.getMeta('schema_version')).toBe('1');
      expect(await s.getMeta('root')).toBeUndefined();
      await s.setMeta('root', '/x');
      expect(await s.getMeta('root')).toBe('/x');
    } finally {
      await s.close();
    }
  });
});

describe('queries answered from the mirror (a reopened store before Cozo is loaded) equal the Datalog answers', () => {
  it('getNode, edgesOut, edgesIn and twoHop agree with Cozo for every key, relation set, cap and direction', async () => {
    const { mkdtemp, rm } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { openStore, storeStats } = await import('../../src/store/cozo-store.js');
    const dir = await mkdtemp(join(tmpdir(), 'rustgate-mirror-q-'));
    try {
      const w = await openStore(dir);
      await w.applyDelta({ upsertNodes: [...spanNodes(), ...diamondNodes()], removeNodes: [], addEdges: diamondEdges(), removeEdges: [] });
      await w.close();
      const r = await openStore(dir);
      const keys = [...(await store.allNodes()).map((n) => n.key), 'ghost', 'nope'];
      const relSets: Rel[][] = [['CALLS', 'USES', 'IMPLEMENTS', 'REQUIRES_BOUND', 'DEPENDS', 'FEATURE_GATED_BY'], ['CALLS'], ['USES', 'CALLS'], ['REQUIRES_BOUND']];
      for (const key of keys) {
        expect(await r.getNode(key)).toEqual(await store.getNode(key));
        expect(await r.edgesOut(key)).toEqual(await store.edgesOut(key));
        expect(await r.edgesIn(key)).toEqual(await store.edgesIn(key));
        for (const rels of relSets) {
          expect(await r.edgesOut(key, rels)).toEqual(await store.edgesOut(key, rels));
          expect(await r.edgesIn(key, rels)).toEqual(await store.edgesIn(key, rels));
          for (const cap of [1, 2, 30, Infinity]) {
            for (const dirn of ['out', 'in', 'both'] as const) {
              expect(await r.twoHop(key, rels, cap, dirn)).toEqual(await store.twoHop(key, rels, cap, dirn));
            }
          }
        }
      }
      expect(storeStats(r).engineLoaded).toBe(false);
      await r.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
