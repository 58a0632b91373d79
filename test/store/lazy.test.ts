import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IsgNode } from '../../src/core/isg/types.js';
import { openWasmEngine } from '../../src/store/cozo-engine.js';
import { dumpRelations, openMemoryStore, openStore, storeStats } from '../../src/store/cozo-store.js';
import { byEdge, byKey, diamondEdges, diamondNodes, edge, node } from './fixture.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rustgate-store-lazy-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('lazy engine', () => {
  it('a rebuild that reads the mirror and writes a delta never loads CozoDB; queries after reopen see it', async () => {
    const s = await openStore(dir);
    await s.applyDelta({ upsertNodes: diamondNodes(), removeNodes: [], addEdges: diamondEdges(), removeEdges: [] });
    await s.putFiles([{ file: 'src/d.rs', hash: 'h1', crate: 'demo', facts: { n: 1 } }]);
    await s.close();

    const t = await openStore(dir);
    expect(await t.getMeta('schema_version')).toBe('1');
    expect((await t.loadFiles()).get('src/d.rs')?.hash).toBe('h1');
    expect(await t.allNodes()).toEqual(diamondNodes().sort(byKey));
    expect(await t.allEdges()).toEqual(diamondEdges().sort(byEdge));
    await t.applyDelta({ upsertNodes: [node('Q', 'fn', 'src/q.rs', 3, 7)], removeNodes: ['Y'], addEdges: [edge('Q', 'USES', 'S')], removeEdges: [edge('Y', 'USES', 'X')] });
    await t.putFiles([{ file: 'src/q.rs', hash: 'h2', crate: 'demo', facts: [] }]);
    await t.setMeta('facts_version', '3');
    await t.flush();
    expect(storeStats(t)).toMatchObject({ engineLoaded: false });
    expect(storeStats(t).journalBytes).toBeGreaterThan(0);
    // The mirror already reflects the delta.
    expect((await t.allNodes()).map((n) => n.key)).toEqual(['A', 'B', 'C', 'D', 'E', 'Q', 'S', 'X']);
    await t.close();

    const u = await openStore(dir);
    // The queries PreFlight's mapping makes (nodeAt, edges, twoHop) are answered from the mirror: no engine yet.
    const answers = async (): Promise<unknown[]> => [
      await u.edgesIn('S', ['USES']),
      (await u.nodeAt('src/q.rs', 5))?.key,
      await u.getNode('Y'),
      await u.twoHop('X', ['USES', 'CALLS'], 30, 'in'),
    ];
    const fromMirror = await answers();
    expect(fromMirror).toEqual([[edge('Q', 'USES', 'S')], 'Q', undefined, []]);
    expect(storeStats(u).engineLoaded).toBe(false);
    // Datalog answers the same once the engine is loaded (the snapshot, then the journal replayed).
    await dumpRelations(u, ['node']);
    expect(storeStats(u).engineLoaded).toBe(true);
    expect(await answers()).toEqual(fromMirror);
    expect(await u.getMeta('facts_version')).toBe('3');
    expect([...(await u.loadFiles()).keys()]).toEqual(['src/d.rs', 'src/q.rs']);
    await u.close();
  });

  it('large upserts (import path) overwrite rows and keep both indices right', async () => {
    const s = await openMemoryStore();
    try {
      const n = 2_500;
      const mk = (i: number, shift: number): IsgNode => node(`k${String(i).padStart(5, '0')}`, 'fn', 'big.rs', i * 10 + shift, i * 10 + shift + 5);
      await s.applyDelta({
        upsertNodes: Array.from({ length: n }, (_, i) => mk(i, 0)),
        removeNodes: [],
        addEdges: Array.from({ length: n }, (_, i) => edge(mk(i, 0).key, 'CALLS', 'k00000', 'a')),
        removeEdges: [],
      });
      expect((await s.nodeAt('big.rs', 1001))?.key).toBe('k00100');
      await s.applyDelta({
        upsertNodes: Array.from({ length: n }, (_, i) => mk(i, 3)),
        removeNodes: [],
        addEdges: Array.from({ length: n }, (_, i) => edge(mk(i, 0).key, 'CALLS', 'k00000', 'b')),
        removeEdges: [],
      });
      // k00100 moved from 1000..1005 to 1003..1008; k00099 now ends at 998: the old index entry must be gone.
      expect(await s.nodeAt('big.rs', 1001)).toBeUndefined();
      expect((await s.nodeAt('big.rs', 1004))?.key).toBe('k00100');
      expect((await s.nodeAt('big.rs', 998))?.key).toBe('k00099');
      expect(await s.getNode('k00100')).toEqual(mk(100, 3));
      const inc = await s.edgesIn('k00000');
      expect(inc).toHaveLength(n);
      expect(new Set(inc.map((e) => e.attr))).toEqual(new Set(['b']));
      expect((await s.allNodes()).length).toBe(n);
    } finally {
      await s.close();
    }
  });
});

describe('invalid rows', () => {
  it('are rejected by the call that wrote them, before anything is applied, even while Cozo is not loaded', async () => {
    const s = await openStore(dir);
    await s.applyDelta({ upsertNodes: diamondNodes(), removeNodes: [], addEdges: [], removeEdges: [] });
    await s.flush();
    await s.close();
    const t = await openStore(dir);
    const broken = { ...node('Z', 'fn', 'z.rs', 1, 2), span: { startLine: 1.5, endLine: 2 } };
    await expect(t.applyDelta({ upsertNodes: [node('Ok', 'fn', 'z.rs', 1, 1), broken], removeNodes: [], addEdges: [], removeEdges: [] }))
      .rejects.toThrow('store: invalid node');
    await expect(t.putFiles([{ file: 'a.rs', hash: 7 as unknown as string, crate: 'c', facts: null }])).rejects.toThrow('invalid file record');
    expect(storeStats(t).engineLoaded).toBe(false);
    expect(await t.getNode('Ok')).toBeUndefined();
    expect((await t.allNodes()).map((n) => n.key)).toEqual(diamondNodes().map((n) => n.key).sort());
    await t.close();
  });
});

describe('engine seam', () => {
  it('openStore creates the engine through opts.engine, once, on the first query', async () => {
    let created = 0;
    const engine = async () => {
      created++;
      return openWasmEngine();
    };
    const s = await openStore(dir, { engine });
    await s.applyDelta({ upsertNodes: diamondNodes(), removeNodes: [], addEdges: diamondEdges(), removeEdges: [] });
    await s.flush();
    expect(created).toBe(0);
    // Node and edge lookups are answered from the in-memory mirror; the first Datalog-only query loads Cozo, once.
    expect((await s.edgesOut('Y')).map((e) => e.dst)).toEqual(['X']);
    expect(await s.getNode('Y')).toEqual(diamondNodes().find((n) => n.key === 'Y'));
    expect(created).toBe(0);
    expect(await s.codeGraph.pending()).toEqual([]);
    expect(await s.codeGraph.pending()).toEqual([]);
    expect(created).toBe(1);
    await s.close();
  });
});
