// Built-in embedder, exact and HNSW indexes, persistence, and `isg similar` on fixture nodes.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeVectors, similarNodes } from '../../src/app/similar.js';
import { HnswIndex } from '../../src/adapters/vectors/hnsw.js';
import { loadVectors, saveVectors, vectorsDir } from '../../src/adapters/vectors/store.js';
import { builtinEmbedding, createBuiltinEmbedder, shapeFeatures, subTokens } from '../../src/core/vectors/embed.js';
import { ExactIndex, recallAtK } from '../../src/core/vectors/index.js';
import { syntheticNodes } from '../../bench/vectors.js';
import { FIXTURE_NODES, NEAR_DUPLICATES } from './fixture-nodes.js';

let repo: string;
beforeAll(() => {
  repo = mkdtempSync(path.join(os.tmpdir(), 'rustgate-vectors-'));
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

const source = { allNodes: async () => FIXTURE_NODES };

describe('built-in embedder', () => {
  it('splits identifiers into sub-tokens', () => {
    expect(subTokens('parse_HTTPResponse2 Executor::spawn_job')).toEqual(['parse', 'http', 'response', '2', 'executor', 'spawn', 'job']);
  });

  it('extracts the shape of a signature', () => {
    expect(shapeFeatures('method', "pub fn spawn<F>(&self, job: F) -> JoinHandle where F: FnOnce() -> u64 + Send + 'static")).toEqual([
      'kind:method',
      'pub',
      'recv:&',
      'arity:1',
      'ret:value',
      'generics:1',
      'where',
      'bound:Send',
      'bound:FnOnce',
      "bound:'static",
      "shape:pub fn _<_>(&self, _: _) -> _ where _: _() -> _ + _ + 'static",
    ]);
    expect(shapeFeatures('fn', 'pub fn load_ledger(path: &Path) -> Result<Ledger, Error>')).toEqual([
      'kind:fn',
      'pub',
      'recv:none',
      'arity:1',
      'param:&',
      'ret:result',
      'shape:pub fn _(_: &_) -> _<_, _>',
    ]);
  });

  it('is deterministic and unit length', async () => {
    const e = createBuiltinEmbedder(256);
    const [a, b] = await e.embed([FIXTURE_NODES[0]!, FIXTURE_NODES[0]!]);
    expect(e.id).toBe('builtin-v1-256');
    expect([...a!]).toEqual([...b!]);
    expect(Math.hypot(...a!)).toBeCloseTo(1, 5);
    expect(builtinEmbedding(FIXTURE_NODES[0]!, 64)).toHaveLength(64);
  });
});

describe('isg similar', () => {
  it('finds each renamed near-duplicate in the top 5', async () => {
    for (const [a, b] of NEAR_DUPLICATES) {
      const res = await similarNodes(source, a, { k: 5 });
      expect(res.seed).toBe(a);
      expect(res.neighbors.map((n) => n.key)).toContain(b);
      // Measured: each renamed twin is in fact the nearest neighbour.
      expect(res.neighbors[0]!.key).toBe(b);
    }
    const res = await similarNodes(source, NEAR_DUPLICATES[0]![0], { k: 3 });
    expect(res.neighbors[0]).toEqual({ key: NEAR_DUPLICATES[0]![1], kind: 'fn', distance: expect.any(Number) });
    expect(res.neighbors).toHaveLength(3);
  });

  it('returns nearest first, never the seed nor synthetic nodes, K default 15', async () => {
    const res = await similarNodes(source, 'crates/ledger/src/model.rs-model-Ledger');
    // 25 fixture nodes − 2 synthetic − the seed = 22 candidates; K = 15.
    expect(res.neighbors).toHaveLength(15);
    const d = res.neighbors.map((n) => n.distance);
    expect(d).toEqual([...d].sort((x, y) => x - y));
    const keys = res.neighbors.map((n) => n.key);
    expect(keys).not.toContain('crates/ledger/src/model.rs-model-Ledger');
    expect(keys.some((k) => k.endsWith('-exec') || k.endsWith('-serde'))).toBe(false);
    // The other plain `pub struct` nodes share its whole shape.
    expect(res.neighbors.slice(0, 2).map((n) => n.kind)).toEqual(['struct', 'struct']);
  });

  it('names an unknown key and a bad K', async () => {
    await expect(similarNodes(source, 'nope')).rejects.toMatchObject({ code: 'UNKNOWN_KEY' });
    await expect(similarNodes(source, FIXTURE_NODES[0]!.key, { k: 0 })).rejects.toMatchObject({ code: 'BAD_FLAG' });
  });

  it('persists vectors under .rustgate/vectors and re-embeds only changed nodes', async () => {
    const nodes = FIXTURE_NODES.filter((n) => n.kind !== 'crate' && n.kind !== 'feature');
    const e = createBuiltinEmbedder();
    const first = await nodeVectors(nodes, e, repo);
    expect(first).toMatchObject({ reused: 0, embedded: 23 });
    expect(readFileSync(path.join(repo, '.rustgate', '.gitignore'), 'utf8')).toBe('*\n');
    expect(vectorsDir(repo)).toBe(path.join(repo, '.rustgate', 'vectors'));
    const files = readdirSync(vectorsDir(repo)).sort();
    expect(files).toHaveLength(2);
    expect(files[0]).toBe('builtin-v1-256.json');
    expect(files[1]).toMatch(/^builtin-v1-256\.[a-z0-9]+-\d+\.f32$/);
    const again = await nodeVectors(nodes, e, repo);
    expect(again).toMatchObject({ reused: 23, embedded: 0 });
    const edited = nodes.map((n, i) => (i === 0 ? { ...n, signature: `${n.signature} + 1` } : n));
    const third = await nodeVectors(edited, e, repo);
    expect(third).toMatchObject({ reused: 22, embedded: 1 });
    expect([...third.index.vectorOf(nodes[1]!.key)!]).toEqual([...first.index.vectorOf(nodes[1]!.key)!]);
    // One data file remains after the rewrite.
    expect(readdirSync(vectorsDir(repo)).filter((f) => f.endsWith('.f32'))).toHaveLength(1);
    const res = await similarNodes(source, NEAR_DUPLICATES[1]![0], { repo, k: 5 });
    expect(res.neighbors.map((n) => n.key)).toContain(NEAR_DUPLICATES[1]![1]);
  });

  it('ignores a damaged vector file and rebuilds', async () => {
    const dir = path.join(repo, 'damaged');
    saveVectors(dir, { embedder: 'x', dim: 2, keys: ['a', 'b'], fingerprints: ['1', '2'], data: Float32Array.from([1, 0, 0, 1]) });
    expect(loadVectors(dir, 'x')?.keys).toEqual(['a', 'b']);
    const data = readdirSync(dir).find((f) => f.endsWith('.f32'))!;
    writeFileSync(path.join(dir, data), Buffer.alloc(3));
    expect(loadVectors(dir, 'x')).toBeUndefined();
    expect(loadVectors(dir, 'y')).toBeUndefined();
    expect(existsSync(path.join(dir, 'x.json'))).toBe(true);
  });
});

describe('indexes', () => {
  it('exact search breaks ties by key and honours exclusions', () => {
    const idx = ExactIndex.from(2, [
      { key: 'b', vector: Float32Array.from([1, 0]) },
      { key: 'a', vector: Float32Array.from([1, 0]) },
      { key: 'c', vector: Float32Array.from([0, 1]) },
    ]);
    expect(idx.search(Float32Array.from([1, 0]), 2)).toEqual([
      { key: 'a', distance: 0 },
      { key: 'b', distance: 0 },
    ]);
    expect(idx.search(Float32Array.from([1, 0]), 5, new Set(['a']))).toEqual([
      { key: 'b', distance: 0 },
      { key: 'c', distance: 1 },
    ]);
  });

  it('HNSW (hnswlib-node) agrees with the exact scan on 2,000 synthetic nodes', async () => {
    const nodes = syntheticNodes(2000, 5);
    const vecs = await createBuiltinEmbedder().embed(nodes);
    const entries = nodes.map((n, i) => ({ key: n.key, vector: vecs[i]! }));
    const exact = ExactIndex.from(256, entries);
    const hnsw = new HnswIndex(256, entries, { efSearch: 200 });
    expect(hnsw.size).toBe(2000);
    let recall = 0;
    for (let i = 0; i < 50; i++) {
      const e = entries[i * 40]!;
      const ex = exact.search(e.vector, 15, new Set([e.key]));
      const hn = hnsw.search(e.vector, 15, new Set([e.key]));
      expect(hn.map((h) => h.key)).not.toContain(e.key);
      recall += recallAtK(hn, ex) / 50;
    }
    expect(recall).toBeGreaterThan(0.9);
  });
});
