/**
 * ISG benchmark: full build (time, LOC/s, peak RSS), one-file refresh, two-hop latency over random seeds, and
 * universal-ctags on the same tree as the floor (`ratio` = our full build time / ctags time).
 * Run: `npm run bench -- isg --workspace DIR [--seeds 1000] [--workers N]`. Works on a temp copy of DIR.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { parseFiles } from '../src/adapters/rust-parser/pool.js';
import { buildIsg, scanRustFiles } from '../src/app/build-isg.js';
import { storeDir } from '../src/app/workdir.js';
import { RELS } from '../src/core/isg/types.js';
import type { IsgStore } from '../src/store/types.js';

/** Options of one run. */
export interface BenchIsgOptions {
  workspace: string;
  /** Random two-hop seeds (default 1,000). */
  seeds?: number;
  /** Parser worker threads (default: the builder's choice). */
  workers?: number;
  /** Store factory (default: the Cozo store persisted under the copy's `.rustgate/store`). */
  openStore?: (dir: string) => Promise<IsgStore>;
}

/** What one run measured. */
export interface BenchIsgResult {
  files: number;
  lines: number;
  nodes: number;
  edges: number;
  unresolved_calls: number;
  /** Parser alone (tree-sitter + fact extraction, default threading), before any build. */
  parse_ms: number;
  parse_loc_per_s: number;
  full_build_ms: number;
  /** CPU time of the whole process (all threads) during the full build. */
  full_build_cpu_ms: number;
  loc_per_s: number;
  /** Wall ms of each build phase (`phase=ms ...`), and RSS (MB) at the end of each. */
  full_phases: string;
  full_rss_by_phase: string;
  peak_rss_mb: number;
  refresh_ms: number;
  /** Opening the persisted store before the refresh (not part of refresh_ms). */
  refresh_store_open_ms: number;
  refresh_cpu_ms: number;
  refresh_phases: string;
  refresh_files_parsed: number;
  /** A second refresh in another fresh store session with no file changed: store open, then the build. */
  nochange_store_open_ms: number;
  nochange_ms: number;
  nochange_cpu_ms: number;
  two_hop_p50_ms: number;
  two_hop_p95_ms: number;
  ctags_ms: number | null;
  /** full_build_ms / ctags_ms (how many times slower than symbols-only indexing). */
  ctags_ratio: number | null;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

/** `phase=value ...` from buildIsg's timings: the ms of each phase, or (rss) the MB at its end. */
function phases(t: Record<string, number>, rss: boolean): string {
  return Object.entries(t)
    .filter(([k]) => k.endsWith('_rss_mb') === rss)
    .map(([k, v]) => `${k.replace(/_rss_mb$/, '')}=${v}`)
    .join(' ');
}

/** A small deterministic PRNG so runs pick the same seeds. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

async function defaultOpenStore(dir: string): Promise<IsgStore> {
  // Resolved at run time so the benchmark module loads even where the Cozo store is not built yet.
  const specifier = '../src/store/cozo-store.js';
  const mod = (await import(specifier)) as { openStore: (d: string) => Promise<IsgStore> };
  return mod.openStore(dir);
}

/** Runs the ISG benchmark on a temp copy of `opts.workspace`. */
export async function benchIsg(opts: BenchIsgOptions): Promise<BenchIsgResult> {
  const src = path.resolve(opts.workspace);
  const copy = mkdtempSync(path.join(os.tmpdir(), 'rustgate-bench-isg-'));
  try {
    cpSync(src, copy, { recursive: true, filter: (p) => !/[/\\](target|\.git|\.rustgate)$/.test(p) });
    const files = scanRustFiles(copy, []);
    const lines = files.reduce((n, f) => n + f.text.split('\n').length, 0);
    const open = opts.openStore ?? defaultOpenStore;
    const tp = performance.now();
    await parseFiles(files, opts.workers !== undefined ? { workers: opts.workers } : {});
    const parseMs = Math.round(performance.now() - tp);

    const cpuMs = (): number => {
      const u = process.cpuUsage();
      return (u.user + u.system) / 1000;
    };
    let store = await open(storeDir(copy));
    const fullTimings: Record<string, number> = {};
    const fullCpu0 = cpuMs();
    const full = await buildIsg({ root: copy, store, timings: fullTimings, ...(opts.workers !== undefined ? { workers: opts.workers } : {}) });
    const fullCpu = Math.round(cpuMs() - fullCpu0);
    const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
    await store.close();

    // One-file refresh: append a function to a mid-sized file and rebuild from the persisted store.
    const bySize = [...files].sort((a, b) => a.text.length - b.text.length);
    const target = bySize[Math.floor(bySize.length / 2)];
    const tOpen = performance.now();
    store = await open(storeDir(copy));
    const openMs = Math.round(performance.now() - tOpen);
    let refresh = { ms: 0, files_parsed: 0, cpu: 0 };
    const refreshTimings: Record<string, number> = {};
    if (target) {
      writeFileSync(target.abs, `${readFileSync(target.abs, 'utf8')}\npub fn rustgate_bench_added() -> u32 { 1 }\n`);
      const c0 = cpuMs();
      const r = await buildIsg({ root: copy, store, timings: refreshTimings });
      refresh = { ms: r.ms, files_parsed: r.files_parsed, cpu: Math.round(cpuMs() - c0) };
    }
    // No-change refresh: what a hook or PreFlight run pays when no Rust file changed since the last build.
    await store.close();
    const tOpen2 = performance.now();
    store = await open(storeDir(copy));
    const nochangeOpenMs = Math.round(performance.now() - tOpen2);
    const c1 = cpuMs();
    const nochange = await buildIsg({ root: copy, store });
    const nochangeCpu = Math.round(cpuMs() - c1);

    const keys = (await store.allNodes()).map((n) => n.key);
    const rand = rng(42);
    const times: number[] = [];
    const seeds = opts.seeds ?? 1000;
    for (let i = 0; i < seeds && keys.length > 0; i++) {
      const key = keys[Math.floor(rand() * keys.length)] as string;
      const t = performance.now();
      await store.twoHop(key, RELS, 30, 'both');
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    await store.close();

    let ctagsMs: number | null = null;
    const t = performance.now();
    const ctags = await execa('ctags', ['-R', '--languages=Rust', '-f', path.join(copy, '.rustgate', 'tags'), copy], { reject: false });
    if (ctags.exitCode === 0) ctagsMs = Math.round(performance.now() - t);

    return {
      files: files.length,
      lines,
      nodes: full.nodes,
      edges: full.edges,
      unresolved_calls: full.unresolved_calls,
      parse_ms: parseMs,
      parse_loc_per_s: Math.round((lines / Math.max(1, parseMs)) * 1000),
      full_build_ms: full.ms,
      full_build_cpu_ms: fullCpu,
      loc_per_s: Math.round((lines / Math.max(1, full.ms)) * 1000),
      full_phases: phases(fullTimings, false),
      full_rss_by_phase: phases(fullTimings, true),
      peak_rss_mb: peakRssMb,
      refresh_ms: refresh.ms,
      refresh_store_open_ms: openMs,
      refresh_cpu_ms: refresh.cpu,
      refresh_phases: phases(refreshTimings, false),
      refresh_files_parsed: refresh.files_parsed,
      nochange_store_open_ms: nochangeOpenMs,
      nochange_ms: nochange.ms,
      nochange_cpu_ms: nochangeCpu,
      two_hop_p50_ms: Number(percentile(times, 50).toFixed(2)),
      two_hop_p95_ms: Number(percentile(times, 95).toFixed(2)),
      ctags_ms: ctagsMs,
      ctags_ratio: ctagsMs ? Number((full.ms / ctagsMs).toFixed(1)) : null,
    };
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}

/** Entry for `npm run bench -- isg --workspace DIR [--seeds N] [--workers N]`. */
export async function main(opts: Record<string, string>): Promise<void> {
  const workspace = opts.workspace ?? path.resolve('examples/ledger');
  const r = await benchIsg({
    workspace,
    ...(opts.seeds ? { seeds: Number(opts.seeds) } : {}),
    ...(opts.workers ? { workers: Number(opts.workers) } : {}),
  });
  console.log(`workspace: ${workspace}`);
  console.log('| metric | value |\n|---|---|');
  for (const [k, v] of Object.entries(r)) console.log(`| ${k} | ${v ?? 'n/a'} |`);
}
