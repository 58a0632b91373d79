/**
 * ISG accuracy against rust-analyzer: runs `rust-analyzer scip` on a temp copy of the workspace, turns its
 * occurrences into call edges (caller = innermost ISG item around a reference to a function or method defined in the
 * workspace), and compares them with `rustgate isg export`'s CALLS edges as (caller key, callee key) sets.
 * Precision counts an ISG edge as right when rust-analyzer has any reference from that caller to that callee (a function
 * passed as a value is a reference too); recall is over references that are calls (`name(`, `name::<..>(`).
 * Strict compares keys as they are; lenient lets an impl method stand for the trait method it implements.
 * Run: `npm run bench -- isg-accuracy --workspace DIR [--scip FILE] [--examples N] [--out FILE]`.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { main as cli } from '../src/cli.js';
import type { CliIO } from '../src/cli/io.js';
import { ROLE_DEFINITION, callableName, decodeScipDocuments, type ScipDocument } from './isg-scip.js';

interface ExportNode {
  key: string;
  kind: string;
  name: string;
  file: string;
  span: { start_line: number; end_line: number };
}

interface ExportEdge {
  src: string;
  dst: string;
  rel: string;
  attrs: Record<string, string>;
}

/** The scores of one comparison. */
export interface AccuracyScores {
  isg_calls: number;
  ra_calls: number;
  precision: number;
  recall: number;
  false_positives: string[];
  false_negatives: string[];
}

/** What one run measured. */
export interface AccuracyResult {
  workspace: string;
  strict: AccuracyScores;
  lenient: AccuracyScores;
  /** Precision of the ISG's CALLS edges that came from the unique-name fallback (`resolution: by_name`). */
  by_name: { edges: number; right: number };
  /** ISG CALLS edges left out: caller in a file rust-analyzer did not index, or callee not a fn/method. */
  isg_skipped: number;
  /** rust-analyzer call references whose callee definition has no ISG node (nested fns, unindexed files). */
  ra_unmapped_callees: number;
  scip_ms: number | null;
  isg_build_ms: number;
}

const CALLEE_KINDS = new Set(['fn', 'method']);
const CALLER_SKIP = new Set(['mod', 'impl', 'trait', 'crate', 'feature', 'macro', 'struct', 'enum', 'union', 'type']);

/** A rust-analyzer that answers `--version`: RUSTGATE_RUST_ANALYZER, then /opt/ra/bin, then PATH (where a rustup proxy
 * without the component fails). */
export async function findRustAnalyzer(): Promise<{ bin: string; version: string } | { why: string }> {
  const tried: string[] = [];
  const candidates = [process.env.RUSTGATE_RUST_ANALYZER, '/opt/ra/bin/rust-analyzer', 'rust-analyzer'].filter((c): c is string => Boolean(c));
  for (const bin of candidates) {
    if (bin.includes('/') && !existsSync(bin)) {
      tried.push(`${bin}: not there`);
      continue;
    }
    const r = await execa(bin, ['--version'], { reject: false, timeout: 20_000 });
    if (r.exitCode === 0 && r.stdout.trim() !== '') return { bin, version: r.stdout.trim() };
    tried.push(`${bin}: ${(r.stderr || r.shortMessage || `exit ${String(r.exitCode)}`).split('\n')[0] ?? ''}`);
  }
  return { why: tried.join('; ') };
}

async function runCli(args: string[]): Promise<string> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { out: (s) => void out.push(s), err: (s) => void err.push(s), interactive: false };
  const code = await cli(args, io);
  if (code !== 0) throw new Error(`rustgate ${args.join(' ')} exited ${code}: ${err.join('\n').slice(0, 2000)}`);
  return out.join('\n');
}

/** A content hash of the workspace's sources and manifests: the key of the cached SCIP index. */
function sourceHash(dir: string): string {
  const h = createHash('sha256');
  const walk = (abs: string, rel: string): void => {
    for (const name of readdirSync(abs).sort()) {
      if (name === 'target' || name.startsWith('.')) continue;
      const p = path.join(abs, name);
      const st = statSync(p);
      if (st.isDirectory()) walk(p, `${rel}${name}/`);
      else if (/\.(rs|toml|lock)$/.test(name)) h.update(`${rel}${name}\0`).update(readFileSync(p)).update('\0');
    }
  };
  walk(dir, '');
  return h.digest('hex').slice(0, 20);
}

/** True when the text after a reference is a call: `(`, or a turbofish `::<..>` then `(`. */
export function isCallAt(line: string, col: number): boolean {
  let i = col;
  const skipWs = (): void => {
    while (i < line.length && /\s/.test(line[i] as string)) i++;
  };
  skipWs();
  if (line.startsWith('::<', i)) {
    let depth = 0;
    for (i += 2; i < line.length; i++) {
      if (line[i] === '<') depth++;
      else if (line[i] === '>' && line[i - 1] !== '-') {
        depth--;
        if (depth === 0) {
          i++;
          break;
        }
      }
    }
    skipWs();
  }
  return line[i] === '(';
}

/** Innermost node of `nodes` (same file) whose span holds the 1-based `line`. */
function innermost(nodes: readonly ExportNode[] | undefined, line: number, accept: (n: ExportNode) => boolean): ExportNode | undefined {
  let best: ExportNode | undefined;
  for (const n of nodes ?? []) {
    if (n.span.start_line > line || n.span.end_line < line || !accept(n)) continue;
    if (!best || n.span.end_line - n.span.start_line < best.span.end_line - best.span.start_line) best = n;
  }
  return best;
}

function score(isg: Set<string>, raAll: Set<string>, raCalls: Set<string>): AccuracyScores {
  const fp = [...isg].filter((e) => !raAll.has(e)).sort();
  const fn = [...raCalls].filter((e) => !isg.has(e)).sort();
  const round = (x: number): number => Number(x.toFixed(3));
  return {
    isg_calls: isg.size,
    ra_calls: raCalls.size,
    precision: round(isg.size === 0 ? 1 : (isg.size - fp.length) / isg.size),
    recall: round(raCalls.size === 0 ? 1 : (raCalls.size - fn.length) / raCalls.size),
    false_positives: fp,
    false_negatives: fn,
  };
}

/** Compares an ISG export with rust-analyzer's SCIP documents (sources read from `root`). */
export function compare(root: string, docs: readonly ScipDocument[], nodes: readonly ExportNode[], edges: readonly ExportEdge[]): Omit<AccuracyResult, 'workspace' | 'scip_ms' | 'isg_build_ms'> {
  const byFile = new Map<string, ExportNode[]>();
  for (const n of nodes) {
    if (n.file === '') continue;
    const list = byFile.get(n.file) ?? [];
    list.push(n);
    byFile.set(n.file, list);
  }
  const kindOf = new Map(nodes.map((n) => [n.key, n.kind]));
  // Definitions: symbol → the ISG fn/method node of that name around the definition.
  const defs = new Map<string, string | null>();
  for (const d of docs) {
    for (const o of d.occurrences) {
      if ((o.roles & ROLE_DEFINITION) === 0) continue;
      const name = callableName(o.symbol);
      if (name === undefined) continue;
      const node = innermost(byFile.get(d.relativePath), o.line + 1, (n) => CALLEE_KINDS.has(n.kind) && n.name === name);
      defs.set(o.symbol, node?.key ?? null);
    }
  }
  const raAll = new Set<string>();
  const raCalls = new Set<string>();
  let unmapped = 0;
  for (const d of docs) {
    let lines: string[] | undefined;
    for (const o of d.occurrences) {
      if ((o.roles & ROLE_DEFINITION) !== 0) continue;
      const callee = defs.get(o.symbol);
      if (callee === undefined) continue; // not a workspace function
      const caller = innermost(byFile.get(d.relativePath), o.line + 1, (n) => !CALLER_SKIP.has(n.kind));
      if (!caller) continue; // a `use`, an attribute, a macro body
      lines ??= readFileSync(path.join(root, d.relativePath), 'utf8').split('\n');
      const call = isCallAt(lines[o.line] ?? '', o.endChar);
      if (callee === null) {
        if (call) unmapped++;
        continue;
      }
      const pair = `${caller.key} -> ${callee}`;
      raAll.add(pair);
      if (call) raCalls.add(pair);
    }
  }
  const indexed = new Set(docs.map((d) => d.relativePath));
  const fileOf = new Map(nodes.map((n) => [n.key, n.file]));
  const isg = new Set<string>();
  const byName = new Set<string>();
  let skipped = 0;
  for (const e of edges) {
    if (e.rel !== 'CALLS') continue;
    if (!indexed.has(fileOf.get(e.src) ?? '') || !CALLEE_KINDS.has(kindOf.get(e.dst) ?? '')) {
      skipped++;
      continue;
    }
    const pair = `${e.src} -> ${e.dst}`;
    isg.add(pair);
    if (e.attrs.resolution === 'by_name') byName.add(pair);
  }
  // Lenient: an impl method and the trait method it implements are one callee.
  const decl = new Map<string, string>();
  for (const e of edges) {
    if (e.rel === 'IMPLEMENTS' && CALLEE_KINDS.has(kindOf.get(e.src) ?? '') && CALLEE_KINDS.has(kindOf.get(e.dst) ?? '')) decl.set(e.src, e.dst);
  }
  const fold = (set: Set<string>): Set<string> =>
    new Set([...set].map((p) => {
      const [src, dst] = p.split(' -> ') as [string, string];
      return `${src} -> ${decl.get(dst) ?? dst}`;
    }));
  return {
    strict: score(isg, raAll, raCalls),
    lenient: score(fold(isg), fold(raAll), fold(raCalls)),
    by_name: { edges: byName.size, right: [...byName].filter((p) => raAll.has(p)).length },
    isg_skipped: skipped,
    ra_unmapped_callees: unmapped,
  };
}

/** Runs rust-analyzer (or reads `scipFile`) and the ISG on a temp copy of `workspace`, and compares them. */
export async function benchAccuracy(workspace: string, opts: { scipFile?: string; ra?: string } = {}): Promise<AccuracyResult | { skipped: string }> {
  const src = path.resolve(workspace);
  const copy = mkdtempSync(path.join(os.tmpdir(), 'rustgate-bench-acc-'));
  try {
    cpSync(src, copy, { recursive: true, filter: (p) => !/[/\\](target|\.git|\.rustgate)$/.test(p) });
    let scipFile = opts.scipFile;
    let scipMs: number | null = null;
    if (scipFile === undefined) {
      const cacheDir = path.join(os.tmpdir(), 'rustgate-scip-cache');
      mkdirSync(cacheDir, { recursive: true });
      const cached = path.join(cacheDir, `${path.basename(src)}-${sourceHash(copy)}.scip`);
      if (existsSync(cached)) scipFile = cached;
      else {
        const found = opts.ra ? { bin: opts.ra, version: '' } : await findRustAnalyzer();
        if (!('bin' in found)) return { skipped: `no working rust-analyzer (${found.why}); set RUSTGATE_RUST_ANALYZER or install one (bench/README.md)` };
        const t = performance.now();
        const r = await execa('nice', ['-n', '10', found.bin, 'scip', '.', '--output', cached], { cwd: copy, reject: false, timeout: 1_800_000 });
        scipMs = Math.round(performance.now() - t);
        if (r.exitCode !== 0 || !existsSync(cached)) throw new Error(`rust-analyzer scip failed (exit ${String(r.exitCode)}): ${r.stderr.slice(-2000)}`);
        scipFile = cached;
      }
    }
    const docs = decodeScipDocuments(readFileSync(scipFile));
    const tb = performance.now();
    await runCli(['build-isg', '--repo', copy, '--json']);
    const isgBuildMs = Math.round(performance.now() - tb);
    const nodes: ExportNode[] = [];
    const edges: ExportEdge[] = [];
    for (const line of (await runCli(['isg', 'export', '--format', 'jsonl', '--repo', copy])).split('\n')) {
      if (line === '') continue;
      const row = JSON.parse(line) as { node?: ExportNode; edge?: ExportEdge };
      if (row.node) nodes.push(row.node);
      if (row.edge) edges.push(row.edge);
    }
    return { workspace: path.basename(src), ...compare(copy, docs, nodes, edges), scip_ms: scipMs, isg_build_ms: isgBuildMs };
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}

/** Entry for `npm run bench -- isg-accuracy --workspace DIR[,DIR...] [--scip FILE] [--examples N] [--out FILE]`. */
export async function main(opts: Record<string, string>): Promise<void> {
  if (!opts.workspace) {
    console.log('isg-accuracy skipped: needs --workspace DIR (a Cargo workspace; several comma-separated)');
    return;
  }
  const examples = Number(opts.examples ?? '0');
  const results: AccuracyResult[] = [];
  for (const ws of opts.workspace.split(',')) {
    const r = await benchAccuracy(ws, opts.scip ? { scipFile: opts.scip } : {});
    if ('skipped' in r) {
      console.log(`isg-accuracy skipped: ${r.skipped}`);
      return;
    }
    results.push(r);
  }
  console.log('| workspace | ISG CALLS | rust-analyzer calls | precision strict | recall strict | precision lenient | recall lenient | by-name edges right | scip s |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  const pooled = { isg: 0, ra: 0, fp: 0, fn: 0, lfp: 0, lfn: 0, li: 0, lr: 0 };
  for (const r of results) {
    const s = r.strict;
    const l = r.lenient;
    console.log(`| ${r.workspace} | ${s.isg_calls} | ${s.ra_calls} | ${s.precision.toFixed(3)} | ${s.recall.toFixed(3)} | ${l.precision.toFixed(3)} | ${l.recall.toFixed(3)} | ${r.by_name.right}/${r.by_name.edges} | ${r.scip_ms === null ? 'cached' : (r.scip_ms / 1000).toFixed(1)} |`);
    pooled.isg += s.isg_calls;
    pooled.ra += s.ra_calls;
    pooled.fp += s.false_positives.length;
    pooled.fn += s.false_negatives.length;
    pooled.li += l.isg_calls;
    pooled.lr += l.ra_calls;
    pooled.lfp += l.false_positives.length;
    pooled.lfn += l.false_negatives.length;
  }
  if (results.length > 1) {
    const f = (x: number): string => x.toFixed(3);
    console.log(`| pooled | ${pooled.isg} | ${pooled.ra} | ${f(1 - pooled.fp / Math.max(1, pooled.isg))} | ${f(1 - pooled.fn / Math.max(1, pooled.ra))} | ${f(1 - pooled.lfp / Math.max(1, pooled.li))} | ${f(1 - pooled.lfn / Math.max(1, pooled.lr))} | | |`);
  }
  for (const r of results) {
    console.log(`\n${r.workspace}: ISG edges left out ${r.isg_skipped} (caller file not indexed by rust-analyzer, or callee not a fn/method); rust-analyzer calls to functions with no ISG node ${r.ra_unmapped_callees}`);
    if (examples > 0) {
      for (const e of r.lenient.false_positives.slice(0, examples)) console.log(`  FP ${e}`);
      for (const e of r.lenient.false_negatives.slice(0, examples)) console.log(`  FN ${e}`);
    }
  }
  if (opts.out) writeFileSync(opts.out, JSON.stringify(results, null, 2));
}
