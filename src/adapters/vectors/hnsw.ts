/**
 * An HNSW index (hnswlib-node, a native addon compiled at install time) behind the VectorIndex interface. Kept for
 * measurement and for very large graphs: at 20k × 256 the exact scan is fast enough (bench/vectors.ts), so
 * rustgate uses ExactIndex by default and hnswlib-node is only a dev dependency.
 */
import { createRequire } from 'node:module';
import { RustgateError } from '../../core/errors.js';
import type { VectorHit, VectorIndex } from '../../core/vectors/index.js';

interface HnswNative {
  initIndex(opts: { maxElements: number; m?: number; efConstruction?: number; randomSeed?: number }): void;
  addPoint(point: number[], label: number): void;
  setEf(ef: number): void;
  searchKnn(query: number[], k: number, filter?: (label: number) => boolean): { distances: number[]; neighbors: number[] };
}
type HnswModule = { HierarchicalNSW: new (space: 'cosine', dim: number) => HnswNative };

/** Build and search parameters (hnswlib's names). */
export interface HnswParams {
  m?: number;
  efConstruction?: number;
  efSearch?: number;
  seed?: number;
}

function loadHnsw(): HnswModule {
  try {
    return createRequire(import.meta.url)('hnswlib-node') as HnswModule;
  } catch (e) {
    throw new RustgateError('INTERNAL', `hnswlib-node is not installed: ${(e as Error).message}`, 'install it with `npm install hnswlib-node` or use the exact index');
  }
}

/** Approximate cosine search with HNSW. */
export class HnswIndex implements VectorIndex {
  private readonly native: HnswNative;
  private readonly keys: string[];
  private readonly vectors = new Map<string, Float32Array>();

  constructor(
    readonly dim: number,
    entries: ReadonlyArray<{ key: string; vector: Float32Array }>,
    params: HnswParams = {},
  ) {
    const { HierarchicalNSW } = loadHnsw();
    this.native = new HierarchicalNSW('cosine', dim);
    this.native.initIndex({ maxElements: Math.max(1, entries.length), m: params.m ?? 16, efConstruction: params.efConstruction ?? 200, randomSeed: params.seed ?? 100 });
    this.keys = entries.map((e) => e.key);
    entries.forEach((e, i) => {
      this.native.addPoint(Array.from(e.vector), i);
      this.vectors.set(e.key, e.vector);
    });
    this.native.setEf(params.efSearch ?? 64);
  }

  get size(): number {
    return this.keys.length;
  }

  vectorOf(key: string): Float32Array | undefined {
    return this.vectors.get(key);
  }

  search(query: Float32Array, k: number, exclude?: ReadonlySet<string>): VectorHit[] {
    const n = Math.min(k, this.keys.length - (exclude?.size ?? 0));
    if (n <= 0) return [];
    const filter = exclude === undefined || exclude.size === 0 ? undefined : (label: number) => !exclude.has(this.keys[label] ?? '');
    const res = this.native.searchKnn(Array.from(query), n, filter);
    return res.neighbors
      .map((label, i) => ({ key: this.keys[label] ?? '', distance: Math.max(0, res.distances[i] ?? 1) }))
      .sort((a, b) => a.distance - b.distance || a.key.localeCompare(b.key));
  }
}
