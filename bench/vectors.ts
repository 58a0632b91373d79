/**
 * `npm run bench -- vectors [--n 20000] [--queries 200] [--k 15]`: the vector-index decision in numbers.
 * Embeds N synthetic ISG-like nodes with the built-in embedder, then compares the exact scan with HNSW (hnswlib-node):
 * build time, K-nearest query p50/p95, recall@K against exact, and memory; plus the tiny GGUF model's speed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LocalLlm } from '../src/adapters/llm/local.js';
import { HnswIndex } from '../src/adapters/vectors/hnsw.js';
import { similarNodes } from '../src/app/similar.js';
import type { IsgNode } from '../src/core/isg/types.js';
import { createBuiltinEmbedder, type EmbedInput } from '../src/core/vectors/embed.js';
import { ExactIndex, recallAtK, type VectorIndex } from '../src/core/vectors/index.js';
import { writeTinyGguf } from '../test/helpers/gguf.js';

/** One row of the index comparison. */
export interface IndexRow {
  index: string;
  n: number;
  dim: number;
  buildMs: number;
  p50Ms: number;
  p95Ms: number;
  recall: number;
  rssDeltaMb: number;
}

/** Everything the vectors benchmark measures. */
export interface VectorBench {
  embedderNodesPerSec: number;
  indexes: IndexRow[];
  /** `similarNodes` on N nodes: first call (embeds all, writes .rustgate/vectors) and a later call (reads them). */
  similar: { coldMs: number; warmMs: number };
  tinyModel: { loadMs: number; tokensPerSec: number; embedPerSec: number } | null;
}

/** Deterministic synthetic nodes that look like a Rust workspace's interfaces. */
export function syntheticNodes(n: number, seed = 1): Array<EmbedInput & { key: string }> {
  let s = seed >>> 0;
  const rnd = (m: number): number => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s % m;
  };
  const verbs = ['parse', 'load', 'store', 'spawn', 'run', 'build', 'check', 'resolve', 'emit', 'read', 'write', 'open', 'close', 'merge', 'split', 'visit', 'lower', 'infer', 'expand', 'render'];
  const nouns = ['token', 'item', 'module', 'crate', 'span', 'diagnostic', 'ledger', 'price', 'worker', 'job', 'config', 'path', 'file', 'graph', 'node', 'edge', 'scope', 'trait', 'impl', 'body', 'expr', 'pattern', 'type', 'field', 'variant'];
  const types = ['Item', 'Span', 'Token', 'Module', 'Crate', 'Ledger', 'Job', 'Config', 'PathBuf', 'String', 'Vec<u8>', 'usize', 'u64', 'bool', 'Node', 'Edge', 'Scope', 'Expr', 'Pattern', 'TypeRef'];
  const pick = <T>(xs: readonly T[]): T => xs[rnd(xs.length)]!;
  const camel = (w: string): string => w[0]!.toUpperCase() + w.slice(1);
  const out: Array<EmbedInput & { key: string }> = [];
  for (let i = 0; i < n; i++) {
    const kind = pick(['fn', 'fn', 'method', 'method', 'method', 'struct', 'enum', 'trait', 'impl', 'const']);
    const a = pick(verbs);
    const b = pick(nouns);
    const file = `crates/c${rnd(40)}/src/m${rnd(30)}.rs`;
    let name: string;
    let signature: string;
    if (kind === 'fn' || kind === 'method') {
      const params = Array.from({ length: rnd(4) }, () => `${pick(nouns)}: ${pick(['&', '&mut ', ''])}${pick(types)}`);
      if (kind === 'method') params.unshift(pick(['&self', '&mut self', 'self']));
      const ret = pick(['', ` -> ${pick(types)}`, ` -> Result<${pick(types)}, Error>`, ` -> Option<${pick(types)}>`]);
      name = kind === 'method' ? `${camel(b)}::${a}_${pick(nouns)}` : `${a}_${b}`;
      signature = `${pick(['pub ', ''])}fn ${name.split('::').pop()}${rnd(4) === 0 ? '<T: Send>' : ''}(${params.join(', ')})${ret}`;
    } else if (kind === 'impl') {
      name = `impl ${camel(a)} for ${camel(b)}`;
      signature = name;
    } else if (kind === 'const') {
      name = `${a.toUpperCase()}_${b.toUpperCase()}`;
      signature = `pub const ${name}: ${pick(types)}`;
    } else {
      name = `${camel(a)}${camel(b)}`;
      signature = `pub ${kind} ${name}${rnd(3) === 0 ? '<T>' : ''}`;
    }
    out.push({ key: `${file}-m-${name}#${i}`, kind, name, signature, doc: rnd(3) === 0 ? `${camel(a)}s the ${b} of a ${pick(nouns)}.` : '' });
  }
  return out;
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
}

function rssMb(): number {
  return process.memoryUsage().rss / 1024 ** 2;
}

const round = (x: number, d = 2): number => Math.round(x * 10 ** d) / 10 ** d;

/** Runs the benchmark and returns its numbers (prints nothing). */
export async function benchVectors(opts: { n?: number; queries?: number; k?: number; dim?: number; model?: boolean } = {}): Promise<VectorBench> {
  const n = opts.n ?? 20_000;
  const q = opts.queries ?? 200;
  const k = opts.k ?? 15;
  const dim = opts.dim ?? 256;
  const nodes = syntheticNodes(n);
  const embedder = createBuiltinEmbedder(dim);
  let t = performance.now();
  const vectors = await embedder.embed(nodes);
  const embedMs = performance.now() - t;
  const entries = nodes.map((node, i) => ({ key: node.key, vector: vectors[i]! }));
  const queryIdx = Array.from({ length: q }, (_, i) => Math.floor((i * n) / q));

  const rows: IndexRow[] = [];
  let exactAnswers: Array<ReturnType<VectorIndex['search']>> = [];
  const builders: Array<[string, () => VectorIndex]> = [
    ['exact (Float32Array scan)', () => ExactIndex.from(dim, entries)],
    ['hnswlib-node M=16 efC=200 ef=64', () => new HnswIndex(dim, entries, { m: 16, efConstruction: 200, efSearch: 64 })],
    ['hnswlib-node M=16 efC=100 ef=32', () => new HnswIndex(dim, entries, { m: 16, efConstruction: 100, efSearch: 32 })],
  ];
  for (const [name, build] of builders) {
    global.gc?.();
    const rss0 = rssMb();
    t = performance.now();
    const index = build();
    const buildMs = performance.now() - t;
    const times: number[] = [];
    const answers = queryIdx.map((qi) => {
      const e = entries[qi]!;
      const s = performance.now();
      const hits = index.search(e.vector, k, new Set([e.key]));
      times.push(performance.now() - s);
      return hits;
    });
    if (rows.length === 0) exactAnswers = answers;
    const recall = answers.reduce((acc, a, i) => acc + recallAtK(a, exactAnswers[i]!), 0) / answers.length;
    rows.push({ index: name, n, dim, buildMs: round(buildMs, 0), p50Ms: round(percentile(times, 50), 3), p95Ms: round(percentile(times, 95), 3), recall: round(recall, 3), rssDeltaMb: round(rssMb() - rss0, 0) });
  }

  // End to end, as `isg similar` runs it: nodes in, JSON-shaped neighbours out, vectors persisted in between.
  const repo = mkdtempSync(path.join(os.tmpdir(), 'rustgate-bench-similar-'));
  let similar: VectorBench['similar'];
  try {
    const isgNodes: IsgNode[] = nodes.map((x) => ({ ...x, kind: x.kind as IsgNode['kind'], crate: 'c', file: 'f.rs', span: { startLine: 1, endLine: 1 }, sigHash: '', public: true, features: [] }));
    const src = { allNodes: async () => isgNodes };
    t = performance.now();
    await similarNodes(src, isgNodes[0]!.key, { repo, k });
    const coldMs = performance.now() - t;
    t = performance.now();
    await similarNodes(src, isgNodes[1]!.key, { repo, k });
    similar = { coldMs: round(coldMs, 0), warmMs: round(performance.now() - t, 0) };
  } finally {
    rmSync(repo, { recursive: true, force: true });
  }

  let tinyModel: VectorBench['tinyModel'] = null;
  if (opts.model !== false) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'rustgate-bench-'));
    try {
      const file = writeTinyGguf(path.join(dir, 'tiny.gguf'), { seed: 7 });
      t = performance.now();
      const llm = await LocalLlm.open(file, { threads: 1 });
      const loadMs = performance.now() - t;
      await llm.complete({ system: 'warm', prompt: 'up', maxTokens: 8 });
      const res = await llm.complete({ system: 'Write.', prompt: 'fn main() {', maxTokens: 128 });
      t = performance.now();
      const texts = nodes.slice(0, 100).map((x) => `${x.name} ${x.signature}`);
      await llm.embed(texts);
      const embedPerSec = texts.length / ((performance.now() - t) / 1000);
      await llm.close();
      tinyModel = { loadMs: round(loadMs, 0), tokensPerSec: round(res.completionTokens / (res.ms / 1000), 0), embedPerSec: round(embedPerSec, 0) };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return { embedderNodesPerSec: round(n / (embedMs / 1000), 0), indexes: rows, similar, tinyModel };
}

/** Entry for bench/run.ts: prints the table. */
export async function main(opts: Record<string, string>): Promise<void> {
  const res = await benchVectors({ n: opts.n ? Number(opts.n) : undefined, queries: opts.queries ? Number(opts.queries) : undefined, k: opts.k ? Number(opts.k) : undefined, model: opts['no-model'] !== 'true' });
  console.log(`built-in embedder: ${res.embedderNodesPerSec} nodes/s`);
  console.log('| index | n | dim | build ms | p50 ms | p95 ms | recall@k | RSS Δ MB |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const r of res.indexes) console.log(`| ${r.index} | ${r.n} | ${r.dim} | ${r.buildMs} | ${r.p50Ms} | ${r.p95Ms} | ${r.recall} | ${r.rssDeltaMb} |`);
  console.log(`isg similar end to end (${res.indexes[0]?.n} nodes): first run ${res.similar.coldMs} ms (embed + write), later run ${res.similar.warmMs} ms (read + scan)`);
  if (res.tinyModel) console.log(`tiny GGUF (1 thread): load ${res.tinyModel.loadMs} ms, ${res.tinyModel.tokensPerSec} tokens/s, ${res.tinyModel.embedPerSec} embeddings/s`);
}
