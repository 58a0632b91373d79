/**
 * Vector indexes behind one interface. The exact index scans a flat Float32Array (cosine on unit vectors = dot
 * product) with a bounded top-k; measured at 20k × 256 it answers in a few milliseconds with perfect recall, which is
 * why it is the default (bench/vectors.ts compares it with HNSW).
 */

/** One search hit; `distance` is cosine distance (1 − cosine similarity), smaller is nearer. */
export interface VectorHit {
  key: string;
  distance: number;
}

/** A k-nearest-neighbour index over unit vectors. */
export interface VectorIndex {
  readonly dim: number;
  readonly size: number;
  /** The k nearest entries to `query`, nearest first; ties broken by key; `exclude` keys are skipped. */
  search(query: Float32Array, k: number, exclude?: ReadonlySet<string>): VectorHit[];
  /** The stored vector of `key`, if any. */
  vectorOf(key: string): Float32Array | undefined;
}

/** Exact cosine search over all vectors. */
export class ExactIndex implements VectorIndex {
  private readonly keys: string[];
  private readonly data: Float32Array;
  private readonly pos = new Map<string, number>();

  /** `data` holds `keys.length` rows of `dim` floats, row i belonging to keys[i]. */
  constructor(
    readonly dim: number,
    keys: readonly string[],
    data: Float32Array,
  ) {
    if (data.length !== keys.length * dim) throw new Error(`ExactIndex: ${data.length} floats for ${keys.length} × ${dim}`);
    this.keys = [...keys];
    this.data = data;
    this.keys.forEach((k, i) => this.pos.set(k, i));
  }

  /** Builds an index from parallel key and vector lists. */
  static from(dim: number, entries: ReadonlyArray<{ key: string; vector: Float32Array }>): ExactIndex {
    const data = new Float32Array(entries.length * dim);
    entries.forEach((e, i) => data.set(e.vector, i * dim));
    return new ExactIndex(
      dim,
      entries.map((e) => e.key),
      data,
    );
  }

  get size(): number {
    return this.keys.length;
  }

  vectorOf(key: string): Float32Array | undefined {
    const i = this.pos.get(key);
    return i === undefined ? undefined : this.data.subarray(i * this.dim, (i + 1) * this.dim);
  }

  search(query: Float32Array, k: number, exclude?: ReadonlySet<string>): VectorHit[] {
    const { dim, data, keys } = this;
    // Bounded sorted buffers (similarity descending); k is small, so insertion beats a heap in practice.
    const sims: number[] = [];
    const idx: number[] = [];
    for (let r = 0; r < keys.length; r++) {
      // Four partial sums: shorter dependency chains, measurably faster than one accumulator in V8.
      let d0 = 0;
      let d1 = 0;
      let d2 = 0;
      let d3 = 0;
      const base = r * dim;
      let j = 0;
      for (; j + 3 < dim; j += 4) {
        d0 += query[j]! * data[base + j]!;
        d1 += query[j + 1]! * data[base + j + 1]!;
        d2 += query[j + 2]! * data[base + j + 2]!;
        d3 += query[j + 3]! * data[base + j + 3]!;
      }
      for (; j < dim; j++) d0 += query[j]! * data[base + j]!;
      const dot = d0 + d1 + d2 + d3;
      if (sims.length === k && dot <= (sims[k - 1] ?? -Infinity)) continue;
      if (exclude !== undefined && exclude.has(keys[r] ?? '')) continue;
      let at = sims.length;
      while (at > 0 && (sims[at - 1] ?? 0) < dot) at--;
      sims.splice(at, 0, dot);
      idx.splice(at, 0, r);
      if (sims.length > k) {
        sims.pop();
        idx.pop();
      }
    }
    const hits = idx.map((r, i) => ({ key: keys[r] ?? '', distance: Math.max(0, 1 - (sims[i] ?? 0)) }));
    return hits.sort((a, b) => a.distance - b.distance || a.key.localeCompare(b.key));
  }
}

/** recall@k of `got` against the exact answer `want` (fraction of exact neighbours found). */
export function recallAtK(got: readonly VectorHit[], want: readonly VectorHit[]): number {
  if (want.length === 0) return 1;
  const g = new Set(got.map((h) => h.key));
  return want.filter((h) => g.has(h.key)).length / want.length;
}
