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
import { openStore, storeDiskStats } from '../src/store/cozo-store.js';
import type { FileRecord } from '../src/store/types.js';

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
  try {
    const store = await openStore(dir);
    const load = await timed(async () => {
      await store.applyDelta({ upsertNodes: g.nodes, removeNodes: [], addEdges: g.edges, removeEdges: [] });
      await store.putFiles(g.files);
    });
    r.bulk_load_ms = load.ms;
    r.bulk_load_cpu_ms = load.cpu;
    const full = await timed(() => store.flush());
    r.flush_full_ms = full.ms;
    r.flush_full_cpu_ms = full.cpu;
    r.snapshot_mb = storeDiskStats(store).snapshotBytes / 1e6;

    const rnd = rng(7);
    const seeds = Array.from({ length: SEEDS }, () => (g.nodes[Math.floor(rnd() * NODES)] as IsgNode).key);
    const lat = async (fn: (i: number) => Promise<unknown>): Promise<number[]> => {
      const out: number[] = [];
      for (let i = 0; i < SEEDS; i++) {
        const t0 = performance.now();
        await fn(i);
        out.push(performance.now() - t0);
      }
      return out.sort((a, b) => a - b);
    };
    const rels: Rel[] = ['CALLS', 'IMPLEMENTS', 'USES', 'DEPENDS'];
    const hopOut = await lat((i) => store.twoHop(seeds[i] as string, rels, 30, 'out'));
    r.two_hop_out_p50_ms = pct(hopOut, 50);
    r.two_hop_out_p95_ms = pct(hopOut, 95);
    const hopBoth = await lat((i) => store.twoHop(seeds[i] as string, rels, 30, 'both'));
    r.two_hop_both_p50_ms = pct(hopBoth, 50);
    r.two_hop_both_p95_ms = pct(hopBoth, 95);
    const probes = Array.from({ length: SEEDS }, () => {
      const n = g.nodes[Math.floor(rnd() * NODES)] as IsgNode;
      return [n.file, n.span.startLine + 1] as const;
    });
    const at = await lat((i) => store.nodeAt(probes[i]?.[0] as string, probes[i]?.[1] as number));
    r.node_at_p50_ms = pct(at, 50);
    r.node_at_p95_ms = pct(at, 95);
    const inc = await lat((i) => store.edgesIn(seeds[i] as string));
    r.edges_in_p50_ms = pct(inc, 50);

    const mirror = await timed(async () => [await store.allNodes(), await store.allEdges(), await store.loadFiles()]);
    r.mirror_first_read_ms = mirror.ms;
    const mirror2 = await timed(async () => [await store.allNodes(), await store.allEdges(), await store.loadFiles()]);
    r.mirror_read_ms = mirror2.ms;

    // One-file refresh: the file's nodes get new spans/signatures, its outgoing edges are re-targeted.
    const [file, fileNodes] = [...g.byFile.entries()][123] as [string, IsgNode[]];
    const keys = new Set(fileNodes.map((n) => n.key));
    const oldOut = g.edges.filter((e) => keys.has(e.src));
    const refresh = await timed(async () => {
      await store.applyDelta({
        upsertNodes: fileNodes.map((n) => ({ ...n, span: { startLine: n.span.startLine + 1, endLine: n.span.endLine + 1 }, sigHash: 'changed' })),
        removeNodes: [],
        removeEdges: oldOut.slice(0, 5),
        addEdges: oldOut.slice(0, 5).map((e) => ({ ...e, dst: (g.nodes[7] as IsgNode).key })),
      });
      await store.putFiles([{ file, hash: 'new', crate: fileNodes[0]?.crate ?? '', facts: { items: fileNodes.map((n) => n.name) } }]);
      await store.flush();
    });
    r.one_file_refresh_ms = refresh.ms;
    r.one_file_refresh_cpu_ms = refresh.cpu;
    const delta = await timed(() => store.flush()); // nothing pending: no I/O
    r.flush_noop_ms = delta.ms;
    r.journal_kb = storeDiskStats(store).journalBytes / 1e3;
    await store.close();

    const reopen = await timed(() => openStore(dir));
    r.reopen_ms = reopen.ms;
    r.reopen_cpu_ms = reopen.cpu;
    const again = reopen.value;
    const q = await timed(() => again.twoHop(seeds[0] as string, rels, 30, 'both'));
    r.first_query_after_reopen_ms = q.ms;
    const m = await timed(async () => [await again.allNodes(), await again.allEdges(), await again.loadFiles()]);
    r.mirror_after_reopen_ms = m.ms;
    r.rss_mb = process.memoryUsage().rss / 1e6;
    r.peak_rss_mb = process.resourceUsage().maxRSS / 1024;
    await again.close();
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
