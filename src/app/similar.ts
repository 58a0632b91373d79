/**
 * `isg similar KEY`: vector neighbours of an ISG node. Embeds the graph's nodes (reusing persisted vectors whose
 * content fingerprint is unchanged), searches the exact index (measured faster end-to-end than building HNSW at our
 * sizes, see bench/vectors.ts) and returns the contract's JSON shape.
 */
import { createHash } from 'node:crypto';
import { RustgateError } from '../core/errors.js';
import type { IsgNode } from '../core/isg/types.js';
import { createBuiltinEmbedder, embedText, type Embedder } from '../core/vectors/embed.js';
import { ExactIndex } from '../core/vectors/index.js';
import { loadVectors, saveVectors } from '../adapters/vectors/store.js';
import { ensureWorkDir } from './workdir.js';
import { rustgatePaths } from '../core/paths.js';

/** CONTRACT.md's `isg similar --json`. */
export interface SimilarResult {
  seed: string;
  neighbors: Array<{ key: string; kind: IsgNode['kind']; distance: number }>;
}

/** Where the nodes come from (the IsgStore satisfies it). */
export interface NodeSource {
  allNodes(): Promise<IsgNode[]>;
}

/** Options of `similarNodes`. */
export interface SimilarOptions {
  /** Repository root: vectors persist under `<repo>/.rustgate/vectors/` (omit to keep them in memory only). */
  repo?: string;
  /** Neighbours to return (default 15). */
  k?: number;
  /** Default: the built-in hashed embedder (no model). */
  embedder?: Embedder;
}

/** Synthetic nodes (crates, features) are edge endpoints, not code: they are never neighbours. */
const SKIP = new Set<IsgNode['kind']>(['crate', 'feature']);

function fingerprint(n: IsgNode): string {
  return createHash('sha1').update(embedText(n)).digest('hex').slice(0, 16);
}

/** Vectors for `nodes`, reusing persisted rows with matching fingerprints; saves when anything changed. */
export async function nodeVectors(nodes: readonly IsgNode[], embedder: Embedder, repo?: string): Promise<{ index: ExactIndex; reused: number; embedded: number }> {
  // Under `<repo>/.rustgate/vectors/`; ensureWorkDir keeps `.rustgate/` ignored by git.
  const dir = repo === undefined ? undefined : (ensureWorkDir(repo), rustgatePaths(repo).vectors);
  const stored = dir === undefined ? undefined : loadVectors(dir, embedder.id);
  const prev = new Map<string, { fp: string; row: number }>();
  if (stored !== undefined && stored.dim === embedder.dim) stored.keys.forEach((k, i) => prev.set(k, { fp: stored.fingerprints[i] ?? '', row: i }));
  const fps = nodes.map(fingerprint);
  const data = new Float32Array(nodes.length * embedder.dim);
  const todo: number[] = [];
  nodes.forEach((n, i) => {
    const p = prev.get(n.key);
    if (stored !== undefined && p !== undefined && p.fp === fps[i]) data.set(stored.data.subarray(p.row * embedder.dim, (p.row + 1) * embedder.dim), i * embedder.dim);
    else todo.push(i);
  });
  if (todo.length > 0) {
    const vecs = await embedder.embed(todo.map((i) => nodes[i]!));
    todo.forEach((i, j) => data.set(vecs[j]!, i * embedder.dim));
  }
  const keys = nodes.map((n) => n.key);
  const changed = todo.length > 0 || stored === undefined || stored.keys.length !== keys.length;
  if (dir !== undefined && changed) saveVectors(dir, { embedder: embedder.id, dim: embedder.dim, keys, fingerprints: fps, data });
  return { index: new ExactIndex(embedder.dim, keys, data), reused: nodes.length - todo.length, embedded: todo.length };
}

/** The `k` nodes nearest to `seedKey` by embedding, nearest first (distance = cosine distance, 6 decimals). */
export async function similarNodes(source: NodeSource, seedKey: string, opts: SimilarOptions = {}): Promise<SimilarResult> {
  const k = opts.k ?? 15;
  if (!Number.isInteger(k) || k < 1) throw new RustgateError('BAD_FLAG', `--k must be a positive integer, got ${k}`, 'e.g. --k 15');
  const nodes = (await source.allNodes()).filter((n) => !SKIP.has(n.kind));
  const seed = nodes.find((n) => n.key === seedKey);
  if (seed === undefined) {
    throw new RustgateError('UNKNOWN_KEY', `no ISG node with key ${seedKey}`, 'run `rustgate build-isg` first, and check the key with `rustgate isg show KEY`');
  }
  const { index } = await nodeVectors(nodes, opts.embedder ?? createBuiltinEmbedder(), opts.repo);
  const kinds = new Map(nodes.map((n) => [n.key, n.kind]));
  const hits = index.search(index.vectorOf(seedKey)!, k, new Set([seedKey]));
  return {
    seed: seedKey,
    neighbors: hits.map((h) => ({ key: h.key, kind: kinds.get(h.key) ?? seed.kind, distance: Math.round(h.distance * 1e6) / 1e6 })),
  };
}
