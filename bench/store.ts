/**
 * Store benchmark on a synthetic graph shaped like rust-analyzer's (~17k nodes, ~120k edges, ~1,500 files):
 * bulk load, full flush, one-file refresh (delta + file record + journal flush), Datalog query latency
 * (twoHop, nodeAt, edgesIn), mirror reads, reopen, RSS. Wall times and process CPU times (the CPU figures are
 * robust on a busy machine). Run: `node --import tsx bench/store.ts` or `npm run bench -- store`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RELS, type IsgEdge, type IsgNode, type NodeKind, type Rel } from '../src/core/isg/types.js';
import { openStore, storeStats } from '../src/store/cozo-store.js';
import type { FileRecord, IsgStore } from '../src/store/types.js';

const NODES = 17_000;
const EDGES = 120_000;
const FILES = 1_500;
const SEEDS = 1_000;

/** A small deterministic PRNG so runs use the same graph and seeds. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

interface Synthetic {
  nodes: IsgNode[];
  edges: IsgEdge[];
  files: FileRecord[];
  byFile: Map<string, IsgNode[]>;
}

/** Files of ~11 items each: a few top-level items, an impl with nested methods; long realistic keys. */
export function synthesize(): Synthetic {
  const rnd = rng(42);
  const kinds: NodeKind[] = ['fn', 'struct', 'enum', 'trait', 'const', 'type', 'macro'];
  const nodes: IsgNode[] = [];
  const byFile = new Map<string, IsgNode[]>();
  for (let i = 0; i < NODES; i++) {
    const f = i % FILES;
    const file = `crates/crate_${f % 40}/src/module_${Math.floor(f / 40)}/file_${f}.rs`;
    const stem = `file_${f}`;
    const slot = Math.floor(i / FILES); // 0..11 within the file
    const isImpl = slot === 3;
    const isMethod = slot > 3 && slot < 8;
    const name = isImpl ? `impl Item${f}` : isMethod ? `Item${f}::method_${slot}` : `item_${slot}_${f}`;
    const start = isMethod ? 40 + (slot - 4) * 10 : isImpl ? 38 : slot < 3 ? 1 + slot * 12 : 100 + slot * 15;
    const end = isImpl ? 82 : start + (isMethod ? 8 : 10);
    const n: IsgNode = {
      key: `${file}-${stem}-${name}`,
      kind: isImpl ? 'impl' : isMethod ? 'method' : (kinds[Math.floor(rnd() * kinds.length)] as NodeKind),
      name,
      crate: `crate_${f % 40}`,
      file,
      span: { startLine: start, endLine: end },
      signature: `pub fn ${name.replace(/\W/g, '_')}(&self, input: &str, limit: usize) -> Result<Vec<String>, Error>`,
      sigHash: Math.floor(rnd() * 1e12).toString(16),
      public: rnd() < 0.6,
      features: rnd() < 0.05 ? ['serde'] : [],
      doc: rnd() < 0.5 ? `Does the thing number ${i}.` : '',
    };
    nodes.push(n);
    const list = byFile.get(file) ?? [];
    list.push(n);
    byFile.set(file, list);
  }
  const edges: IsgEdge[] = [];
  const seen = new Set<string>();
  while (edges.length < EDGES) {
    const s = nodes[Math.floor(rnd() * NODES)] as IsgNode;
    const d = nodes[Math.floor(rnd() * NODES)] as IsgNode;
    const rel = RELS[Math.floor(rnd() * 4)] as Rel;
    const id = `${s.key}\u0001${rel}\u0001${d.key}`;
    if (s.key === d.key || seen.has(id)) continue;
    seen.add(id);
    edges.push({ src: s.key, rel, dst: d.key, attr: rel === 'REQUIRES_BOUND' ? 'T: Send' : '' });
  }
  const files: FileRecord[] = [...byFile.entries()].map(([file, ns]) => ({
    file,
    hash: Math.floor(rnd() * 1e15).toString(16),
    crate: ns[0]?.crate ?? '',
    facts: { items: ns.map((n) => ({ name: n.name, kind: n.kind, line: n.span.startLine, calls: ['foo', 'bar::baz'] })) },
  }));
  return { nodes, edges, files, byFile };
}

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** Times `fn` in wall and CPU milliseconds. */
async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number; cpu: number }> {
  const c0 = cpuMs();
  const t0 = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - t0, cpu: cpuMs() - c0 };
}

/** Runs the store benchmark; returns named measurements (ms, MB, bytes). */
export async function benchStore(): Promise<Record<string, number>> {
  const g = synthesize();
  const dir = await mkdtemp(join(tmpdir(), 'rustgate-bench-store-'));
  const r: Record<string, number> = { nodes: g.nodes.length, edges: g.edges.length, files: g.files.length };
  const rec = (name: string, t: { ms: number; cpu: number }): void => {
    r[`${name}_ms`] = t.ms;
    r[`${name}_cpu_ms`] = t.cpu;
  };
  const rnd = rng(7);
  const seeds = Array.from({ length: SEEDS }, () => (g.nodes[Math.floor(rnd() * NODES)] as IsgNode).key);
  const probes = Array.from({ length: SEEDS }, () => {
    const n = g.nodes[Math.floor(rnd() * NODES)] as IsgNode;
    return [n.file, n.span.startLine + 1] as const;
  });
  const lat = async (fn: (i: number) => Promise<unknown>): Promise<number[]> => {
    const out: number[] = [];
    for (let i = 0; i < SEEDS; i++) {
      const t0 = performance.now();
      await fn(i);
      out.push(performance.now() - t0);
    }
    return out.sort((a, b) => a - b);
  };
  // One-file refresh as the builder does it: the file's nodes move, five of its edges are re-targeted.
  const fileList = [...g.byFile.entries()];
  const refreshFile = async (store: IsgStore, k: number): Promise<void> => {
    const [file, fileNodes] = fileList[k] as [string, IsgNode[]];
    const keys = new Set(fileNodes.map((n) => n.key));
    const out = g.edges.filter((e) => keys.has(e.src)).slice(0, 5);
    await store.applyDelta({
      upsertNodes: fileNodes.map((n) => ({ ...n, span: { startLine: n.span.startLine + 1, endLine: n.span.endLine + 1 }, sigHash: 'changed' })),
      removeNodes: [],
      removeEdges: out,
      addEdges: out.map((e) => ({ ...e, dst: (g.nodes[k] as IsgNode).key })),
    });
    await store.putFiles([{ file, hash: `new${k}`, crate: fileNodes[0]?.crate ?? '', facts: { items: fileNodes.map((n) => n.name) } }]);
    await store.setMeta('facts_version', String(k));
    await store.flush();
  };
  try {
    // 1. First build: bulk load, full snapshot.
    const store = await openStore(dir);
    rec('bulk_load', await timed(async () => {
      await store.applyDelta({ upsertNodes: g.nodes, removeNodes: [], addEdges: g.edges, removeEdges: [] });
      await store.putFiles(g.files);
    }));
    rec('flush_full', await timed(() => store.flush()));
    r.snapshot_mb = storeStats(store).snapshotBytes / 1e6;
    rec('close', await timed(() => store.close()));

    // 2. A rebuild in a new process: open, read the mirror, write a one-file delta, flush (journal). No Cozo load.
    const open1 = await timed(() => openStore(dir));
    rec('reopen', open1);
    const s1 = open1.value;
    rec('builder_reads', await timed(async () => [await s1.loadFiles(), await s1.allNodes(), await s1.allEdges()]));
    rec('one_file_refresh', await timed(() => refreshFile(s1, 123)));
    r.engine_loaded_after_refresh = storeStats(s1).engineLoaded ? 1 : 0;
    r.journal_kb = storeStats(s1).journalBytes / 1e3;
    await s1.close();

    // 3. A query command in a new process: open, first Datalog query loads Cozo (snapshot import + journal replay).
    const s2 = (await timed(() => openStore(dir))).value;
    rec('first_query_engine_load', await timed(() => s2.twoHop(seeds[0] as string, ['CALLS'], 30, 'out')));
    const rels: Rel[] = ['CALLS', 'IMPLEMENTS', 'USES', 'DEPENDS'];
    // Latencies below are steady state: V8 tiers the wasm code up during the first few hundred queries.
    const warm = await lat((i) => s2.twoHop(seeds[i] as string, rels, 30, 'both'));
    r.two_hop_both_cold_p50_ms = pct(warm, 50);
    const hopOut = await lat((i) => s2.twoHop(seeds[i] as string, rels, 30, 'out'));
    r.two_hop_out_p50_ms = pct(hopOut, 50);
    r.two_hop_out_p95_ms = pct(hopOut, 95);
    const hopBoth = await lat((i) => s2.twoHop(seeds[i] as string, rels, 30, 'both'));
    r.two_hop_both_p50_ms = pct(hopBoth, 50);
    r.two_hop_both_p95_ms = pct(hopBoth, 95);
    const at = await lat((i) => s2.nodeAt(probes[i]?.[0] as string, probes[i]?.[1] as number));
    r.node_at_p50_ms = pct(at, 50);
    r.node_at_p95_ms = pct(at, 95);
    const inc = await lat((i) => s2.edgesIn(seeds[i] as string));
    r.edges_in_p50_ms = pct(inc, 50);
    const gn = await lat((i) => s2.getNode(seeds[i] as string));
    r.get_node_p50_ms = pct(gn, 50);
    // 4. The same refresh with Cozo loaded (the delta also goes to Cozo).
    rec('one_file_refresh_engine_loaded', await timed(() => refreshFile(s2, 124)));
    r.rss_mb = process.memoryUsage().rss / 1e6;
    r.peak_rss_mb = process.resourceUsage().maxRSS / 1024;
    await s2.close();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return r;
}

/** Entry for bench/run.ts: prints the table. */
export async function main(): Promise<void> {
  const r = await benchStore();
  const width = Math.max(...Object.keys(r).map((k) => k.length));
  for (const [k, v] of Object.entries(r)) console.log(`${k.padEnd(width)}  ${Number.isInteger(v) ? v : v.toFixed(2)}`);
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exitCode = 3;
  });
}
