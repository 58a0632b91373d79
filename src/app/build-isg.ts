/**
 * Builds or incrementally refreshes the ISG of a workspace: re-parses only files whose content hash changed,
 * rebuilds the module tree and impl index from cached facts, re-resolves the item edges of the files whose
 * resolution can change (core/isg/incremental.ts; every file when the module structure changed) and keeps the
 * stored edges of the others, and writes only the difference to the store.
 */
import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { readWorkspace } from '../adapters/cargo/metadata.js';
import { parseFilesJson } from '../adapters/rust-parser/pool.js';
import { diffGraphs } from '../core/isg/delta.js';
import { FACTS_VERSION, type FileFacts } from '../core/isg/facts.js';
import type { FeatureSelection } from '../core/isg/cfg.js';
import { filesToResolve, type FileChange } from '../core/isg/incremental.js';
import { compareEdges, owningPackage, resolverFingerprint, resolveWorkspace, sigHash } from '../core/isg/resolve.js';
import { openConfig } from '../config/open.js';
import { NODE_KINDS, RELS, type BuildStats, type GraphProblem, type IsgEdge, type IsgGraph, type Rel } from '../core/isg/types.js';
import type { Workspace } from '../core/isg/workspace.js';
import type { FileRecord, IsgStore } from '../store/types.js';
import { ensureWorkDir } from './workdir.js';
import { RUSTGATE_DIR } from '../core/paths.js';

/** Files bigger than this are skipped (generated code, data): they would dominate the parse time. */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

/** Where a build is, for a progress line. */
export interface BuildProgress {
  phase: 'scan' | 'parse' | 'resolve' | 'write';
  done: number;
  total: number;
}

/** Inputs of one build. */
export interface BuildOptions {
  root: string;
  store: IsgStore;
  onProgress?: (p: BuildProgress) => void;
  /** Parser worker threads (default: 2 for large workspaces, none for small ones). */
  workers?: number;
  /** The workspace, when the caller already read it (saves a `cargo metadata` run). */
  workspace?: Workspace;
  /** Filled with the wall time (ms) of each phase and the RSS (MB) at its end, for benchmarks. */
  timings?: Record<string, number>;
  /** Features on beyond each package's defaults, for cfg evaluation (default: what `rustgate.yaml` selects). */
  features?: FeatureSelection;
}

/** Stats of a build (CONTRACT.md `build-isg --json`), plus what could not be resolved. */
export interface BuildResult extends BuildStats {
  /** `#[derive(X)]` of non-workspace traits (std, proc macros): counted, no node invented. */
  external_derives: number;
}

interface ScannedFile {
  file: string;
  abs: string;
  /** '' when the file's hash matched a known one and decoding was skipped: then `raw` holds the bytes. */
  text: string;
  hash: string;
  raw?: Buffer;
}

const SKIP_DIRS = new Set(['target', 'node_modules', '.git', RUSTGATE_DIR]);

/**
 * Lists the workspace's `.rs` files and reads them, turning unreadable or suspicious files into problems. A file whose
 * hash equals `known.get(file)` (cached facts exist for these bytes) is not decoded: its `text` is '' and `raw` is set.
 */
export function scanRustFiles(root: string, problems: GraphProblem[], known?: ReadonlyMap<string, string>): ScannedFile[] {
  const realRoot = realpathSync(root);
  const out: ScannedFile[] = [];
  const inside = (real: string): boolean => real === realRoot || real.startsWith(`${realRoot}${path.sep}`);
  // A directory symlinked inside the repository is walked under both paths (serde's `serde/src/core` →
  // `serde_core/src`: both crates compile those files); only a link back into its own ancestors is a cycle.
  const walk = (absDir: string, relDir: string, chain: ReadonlySet<string>): void => {
    let entries: string[];
    try {
      entries = readdirSync(absDir).sort();
    } catch {
      return;
    }
    for (const name of entries) {
      const abs = path.join(absDir, name);
      const rel = relDir ? `${relDir}/${name}` : name;
      let st;
      try {
        st = lstatSync(abs);
      } catch {
        continue;
      }
      let isDir = st.isDirectory();
      let isFile = st.isFile();
      if (st.isSymbolicLink()) {
        let real: string;
        try {
          real = realpathSync(abs);
        } catch {
          continue;
        }
        if (!inside(real)) {
          if (name.endsWith('.rs') || statSafe(real)?.isDirectory()) {
            problems.push({ file: rel, kind: 'symlink_outside', message: `symlink leaves the repository (${real}); not followed` });
          }
          continue;
        }
        const target = statSafe(real);
        if (target?.isDirectory()) {
          if (chain.has(real)) continue;
          isDir = true;
        } else isFile = target?.isFile() ?? false;
      }
      if (isDir) {
        if (SKIP_DIRS.has(name) || name.startsWith('.')) continue;
        let real: string;
        try {
          real = realpathSync(abs);
        } catch {
          continue;
        }
        if (chain.has(real)) continue;
        walk(abs, rel, new Set([...chain, real]));
        continue;
      }
      if (!isFile || !name.endsWith('.rs')) continue;
      const file = readChecked(abs, rel, problems, known?.get(rel));
      if (file) out.push(file);
    }
  };
  walk(realRoot, '', new Set([realRoot]));
  return out;
}

function statSafe(p: string): ReturnType<typeof statSync> | undefined {
  try {
    return statSync(p);
  } catch {
    return undefined;
  }
}

function readChecked(abs: string, rel: string, problems: GraphProblem[], knownHash: string | undefined): ScannedFile | undefined {
  const size = statSafe(abs)?.size ?? 0;
  if (size > MAX_FILE_BYTES) {
    problems.push({ file: rel, kind: 'too_large', message: `${size} bytes is over the ${MAX_FILE_BYTES}-byte limit; skipped` });
    return undefined;
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(abs);
  } catch (e) {
    problems.push({ file: rel, kind: 'unreadable', message: `cannot read: ${(e as Error).message}` });
    return undefined;
  }
  if (bytes.includes(0)) {
    problems.push({ file: rel, kind: 'binary', message: 'contains NUL bytes; skipped' });
    return undefined;
  }
  const hash = createHash('sha256').update(bytes).digest('hex');
  // These exact bytes were decoded (and parsed) before: skip the UTF-8 check unless they must be parsed again.
  if (hash === knownHash) return { file: rel, abs, text: '', hash, raw: bytes };
  const text = decodeUtf8(bytes);
  if (text === undefined) {
    problems.push({ file: rel, kind: 'non_utf8', message: 'not valid UTF-8; skipped' });
    return undefined;
  }
  return { file: rel, abs, text, hash };
}

function decodeUtf8(bytes: Buffer): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function isFacts(v: unknown): v is FileFacts {
  return typeof v === 'object' && v !== null && (v as { version?: unknown }).version === FACTS_VERSION && Array.isArray((v as { items?: unknown }).items);
}

/** Cached facts are stored as one JSON string per file: the store keeps it opaque, and a string is much cheaper to write. */
function decodeFacts(stored: unknown): FileFacts | undefined {
  let v = stored;
  if (typeof v === 'string') {
    try {
      v = JSON.parse(v) as unknown;
    } catch {
      return undefined;
    }
  }
  return isFacts(v) ? v : undefined;
}

/** Store metadata: what the stored edges were resolved under, and the per-file unresolved-call / external-derive counts. */
const META_BASIS = 'resolve_basis';
const META_COUNTS = 'resolve_counts';

/** Relations the resolver emits per item (the rest, DEPENDS and FEATURE_GATED_BY, it always emits whole). */
function isItemEdge(e: IsgEdge): boolean {
  return e.rel !== 'DEPENDS' && e.rel !== 'FEATURE_GATED_BY';
}

function parseCounts(text: string | undefined): Map<string, [number, number]> | undefined {
  if (text === undefined) return undefined;
  try {
    const v = JSON.parse(text) as unknown;
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? new Map(Object.entries(v as Record<string, [number, number]>)) : undefined;
  } catch {
    return undefined;
  }
}

/** Builds or refreshes the ISG of the workspace at `root` into `store`, and returns the build stats. */
export async function buildIsg(opts: BuildOptions): Promise<BuildResult> {
  const t0 = performance.now();
  let tPhase = t0;
  const lap = (phase: string): void => {
    const now = performance.now();
    if (opts.timings) {
      opts.timings[phase] = Math.round(now - tPhase);
      opts.timings[`${phase}_rss_mb`] = Math.round(process.memoryUsage.rss() / 1e6);
    }
    tPhase = now;
  };
  const root = path.resolve(opts.root);
  const ws: Workspace = opts.workspace ?? (await readWorkspace(root));
  ensureWorkDir(root);
  lap('workspace');
  const problems: GraphProblem[] = [];
  opts.onProgress?.({ phase: 'scan', done: 0, total: 0 });
  const cached = await opts.store.loadFiles();
  lap('load_cache');
  const knownHashes = new Map<string, string>();
  for (const [file, rec] of cached) knownHashes.set(file, rec.hash);
  let scanned = scanRustFiles(root, problems, knownHashes).filter((f) => owningPackage(ws, f.file) !== undefined);
  lap('scan');
  // cfg is evaluated for the configuration PreFlight checks: default features plus those rustgate.yaml selects.
  const selection = opts.features ?? (await openConfig(root).then((c) => ({ features: c.preflight.features, allFeatures: c.preflight.allFeatures })));
  // Incremental resolution: only when the stored graph was resolved by this code, for this workspace and features.
  const basis = sigHash(JSON.stringify([FACTS_VERSION, resolverFingerprint(), ws.packages, selection]));
  const [storedBasis, storedCounts] = await Promise.all([opts.store.getMeta(META_BASIS), opts.store.getMeta(META_COUNTS)]);
  const priorCounts = storedBasis === basis ? parseCounts(storedCounts) : undefined;
  // No file changed since such a build: the stored graph is the graph, and no cached facts need decoding (the facts
  // JSON the parser writes starts with its version).
  const current = `{"version":${FACTS_VERSION},`;
  const unchanged = (f: ScannedFile): boolean => {
    const rec = cached.get(f.file);
    return rec?.hash === f.hash && typeof rec.facts === 'string' && rec.facts.startsWith(current) && priorCounts?.has(f.file) === true;
  };
  if (priorCounts && cached.size > 0 && scanned.length === cached.size && scanned.every(unchanged)) {
    const [nodes, edges] = await Promise.all([opts.store.allNodes(), opts.store.allEdges()]);
    lap('read_old');
    if (opts.timings) opts.timings.files_resolved = 0;
    const [unresolved, derives] = sumCounts(priorCounts);
    return buildResult({ nodes, edges }, { parsed: 0, reused: scanned.length, unresolved, derives, problems, t0 });
  }
  const facts = new Map<string, FileFacts>();
  const toParse: ScannedFile[] = [];
  let undecodable = false;
  for (const f of scanned) {
    const rec = cached.get(f.file);
    const reused = rec && rec.hash === f.hash ? decodeFacts(rec.facts) : undefined;
    if (reused) {
      facts.set(f.file, reused);
      continue;
    }
    if (f.raw) {
      // Cached facts of an older format: the text is needed after all.
      const text = decodeUtf8(f.raw);
      if (text === undefined) {
        problems.push({ file: f.file, kind: 'non_utf8', message: 'not valid UTF-8; skipped' });
        undecodable = true;
        continue;
      }
      f.text = text;
    }
    toParse.push(f);
  }
  for (const f of scanned) delete f.raw;
  if (undecodable) scanned = scanned.filter((f) => facts.has(f.file) || toParse.includes(f));
  lap('decode_cache');
  // Facts arrive as JSON text from the workers: decoded here for the resolver, stored as is in the file cache.
  const factsJson = new Map<string, string>();
  await parseFilesJson(
    toParse,
    (file, json, f) => {
      facts.set(file, f);
      factsJson.set(file, json);
    },
    {
      ...(opts.workers !== undefined ? { workers: opts.workers } : {}),
      onFile: (done, total) => opts.onProgress?.({ phase: 'parse', done, total }),
    },
  );

  // The sources are not needed any more: let them go before the resolver allocates the graph.
  for (const f of toParse) f.text = '';
  lap('parse');
  opts.onProgress?.({ phase: 'resolve', done: 0, total: facts.size });
  const scannedNames = new Set(scanned.map((f) => f.file));
  const gone = [...cached.keys()].filter((f) => !scannedNames.has(f));
  let edgesOf: Set<string> | undefined;
  if (priorCounts && cached.size > 0) {
    const changes: FileChange[] = [];
    for (const f of toParse) {
      const before = cached.get(f.file);
      const old = before ? decodeFacts(before.facts) : undefined;
      const after = facts.get(f.file);
      changes.push({ file: f.file, ...(old ? { before: old } : {}), ...(after ? { after } : {}) });
    }
    for (const file of gone) changes.push({ file });
    const jsonOf = (file: string): string => {
      const parsed = factsJson.get(file);
      if (parsed !== undefined) return parsed;
      const stored = cached.get(file)?.facts;
      return typeof stored === 'string' ? stored : JSON.stringify(stored ?? facts.get(file));
    };
    // Every file kept must have its counts from the build that resolved it (else: resolve everything).
    const parsedNow = new Set(toParse.map((f) => f.file));
    const counted = [...facts.keys()].every((f) => parsedNow.has(f) || priorCounts.has(f));
    if (counted) edgesOf = filesToResolve(changes, facts, jsonOf);
  }
  lap('plan');
  if (opts.timings) opts.timings.files_resolved = edgesOf ? edgesOf.size : facts.size;
  const resolved = resolveWorkspace(ws, facts, selection, { ...(edgesOf ? { edgesOf } : {}), ...(opts.timings ? { timings: opts.timings } : {}) });
  const { graph, reached } = resolved;
  lap('resolve');
  opts.onProgress?.({ phase: 'write', done: 0, total: graph.nodes.length });
  const [oldNodes, oldEdges] = await Promise.all([opts.store.allNodes(), opts.store.allEdges()]);
  lap('read_old');
  // The counts of every file, and (incremental) the stored item edges of the files not re-resolved.
  const counts = new Map<string, [number, number]>();
  if (edgesOf && priorCounts) {
    for (const file of facts.keys()) {
      const c = edgesOf.has(file) ? resolved.counts.get(file) : priorCounts.get(file);
      if (c) counts.set(file, c);
    }
    const fileOf = new Map(oldNodes.map((n) => [n.key, n.file]));
    const kept = oldEdges.filter((e) => isItemEdge(e) && !edgesOf.has(fileOf.get(e.src) ?? ''));
    if (kept.length > 0) graph.edges = mergeSorted(graph.edges, kept.sort(compareEdges));
  } else for (const [file, c] of resolved.counts) counts.set(file, c);
  const [unresolvedCalls, externalDerives] = sumCounts(counts);
  lap('merge');
  const delta = diffGraphs({ nodes: oldNodes, edges: oldEdges }, graph);
  lap('diff');
  if (delta.upsertNodes.length + delta.removeNodes.length + delta.addEdges.length + delta.removeEdges.length > 0) {
    await opts.store.applyDelta(delta);
  }
  lap('write_graph');
  if (gone.length > 0) await opts.store.removeFiles(gone);
  const records: FileRecord[] = toParse.map((f) => ({ file: f.file, hash: f.hash, crate: owningPackage(ws, f.file)?.name ?? '', facts: factsJson.get(f.file) ?? JSON.stringify(facts.get(f.file)) }));
  if (records.length > 0) await opts.store.putFiles(records);
  lap('write_files');
  await opts.store.setMeta('facts_version', String(FACTS_VERSION));
  await opts.store.setMeta(META_BASIS, basis);
  await opts.store.setMeta(META_COUNTS, JSON.stringify(Object.fromEntries(counts)));
  await opts.store.flush();
  lap('flush');

  // Parse problems of files parsed in this run only (a reused file's were reported when it was parsed), and only of
  // files some crate compiles (book samples and fixtures outside every module tree are not our business).
  const inTree = new Set(reached);
  for (const f of [...toParse].sort((a, b) => (a.file < b.file ? -1 : 1))) {
    const parsed = facts.get(f.file);
    if (!parsed || !inTree.has(f.file)) continue;
    if (parsed.parseError) problems.push({ file: f.file, kind: 'syntax_error', message: `the parser failed on this file: ${parsed.parseError}` });
    for (const line of parsed.syntaxErrors) problems.push({ file: f.file, kind: 'syntax_error', message: 'tree-sitter could not parse this part; the rest of the file is indexed', line });
  }

  return buildResult(graph, { parsed: toParse.length, reused: scanned.length - toParse.length, unresolved: unresolvedCalls, derives: externalDerives, problems, t0 });
}

/** Two edge lists sorted by compareEdges, merged in that order. */
function mergeSorted(a: readonly IsgEdge[], b: readonly IsgEdge[]): IsgEdge[] {
  const out: IsgEdge[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) out.push(compareEdges(a[i] as IsgEdge, b[j] as IsgEdge) <= 0 ? (a[i++] as IsgEdge) : (b[j++] as IsgEdge));
  while (i < a.length) out.push(a[i++] as IsgEdge);
  while (j < b.length) out.push(b[j++] as IsgEdge);
  return out;
}

/** Sums per-file [unresolved calls, external derives] counts. */
function sumCounts(counts: ReadonlyMap<string, readonly [number, number]>): [number, number] {
  let unresolved = 0;
  let derives = 0;
  for (const [u, d] of counts.values()) {
    unresolved += u;
    derives += d;
  }
  return [unresolved, derives];
}

/** The stats of a build of `graph`. */
function buildResult(graph: IsgGraph, s: { parsed: number; reused: number; unresolved: number; derives: number; problems: GraphProblem[]; t0: number }): BuildResult {
  const byKind: Record<string, number> = {};
  for (const k of NODE_KINDS) byKind[k] = 0;
  for (const n of graph.nodes) byKind[n.kind] = (byKind[n.kind] ?? 0) + 1;
  const byRel = Object.fromEntries(RELS.map((r) => [r, 0])) as Record<Rel, number>;
  for (const e of graph.edges) byRel[e.rel]++;
  return {
    nodes: graph.nodes.length,
    edges: graph.edges.length,
    by_kind: byKind,
    by_rel: byRel,
    files_parsed: s.parsed,
    files_reused: s.reused,
    unresolved_calls: s.unresolved,
    external_derives: s.derives,
    problems: s.problems,
    ms: Math.round(performance.now() - s.t0),
  };
}

/**
 * Opens the store at `dir` and brings the ISG of `root` up to date in it; the caller closes the store. On failure
 * the store is closed and the error rethrown. Shared by preflight (the shadow tree), validate-fix, context, prove-fix.
 */
export async function openBuiltStore(root: string, dir: string, opts: { onWarning?: (message: string) => void; workspace?: Workspace } = {}): Promise<IsgStore> {
  const { openStore } = await import('../store/cozo-store.js');
  const store = await openStore(dir, opts.onWarning ? { onWarning: opts.onWarning } : {});
  try {
    await buildIsg({ root, store, ...(opts.workspace ? { workspace: opts.workspace } : {}) });
    return store;
  } catch (e) {
    await store.close().catch(() => undefined);
    throw e;
  }
}
