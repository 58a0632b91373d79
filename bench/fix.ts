/**
 * Fix-rate benchmark: the deterministic fix engine (rustc suggestions + any extra candidate sources, validated by
 * rustc) over a corpus of single-file cases (`broken.rs`, `fixed.rs` answer key, `meta.json`), against the
 * `cargo fix --broken-code` baseline on the same cases. Run directly: `node --import tsx bench/fix.ts [corpus] [jobs] [limit]`.
 */
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { checkSingleFile, singleFileValidator } from '../src/adapters/rustc/single-file.js';
import { rustcSource, type RustcCandidateOptions } from '../src/core/fix/rustc-candidates.js';
import { checkCandidateScope } from '../src/core/fix/scope.js';
import { searchFix } from '../src/core/fix/search.js';
import type { CandidateSource } from '../src/core/fix/types.js';

/** Options of one benchmark run. */
export interface BenchFixOptions {
  corpus: string;
  jobs?: number;
  limit?: number;
  /** Also run the `cargo fix --broken-code` baseline (default true). */
  baseline?: boolean;
  /** Extra candidate sources (e.g. the pattern library); rustc's suggestions are always included. */
  sources?: CandidateSource[];
  rustcOptions?: RustcCandidateOptions;
  /** Only cases whose directory name contains this. */
  filter?: string;
}

/** The result of one case. */
export interface CaseResult {
  name: string;
  kind: string;
  codes: string[];
  /** The engine's verdict: fixed (no error left), partial, no_progress. */
  outcome: string;
  /** Re-checked independently after the engine accepted it: compiles with no error. */
  compiles: boolean;
  /** The fixed text equals `fixed.rs` up to whitespace. */
  matchesKey: boolean;
  /** Engine accepted a fix that does not compile on re-check (must never happen). */
  wrongApply: boolean;
  zeroLlm: boolean;
  stub: boolean;
  confidence: number;
  patternId: string | null;
  rounds: number;
  validations: number;
  ms: number;
  /** `cargo fix --broken-code` fixed it (null when the baseline was not run). */
  cargoFix: boolean | null;
}

/** Aggregates of a run. */
export interface BenchFixSummary {
  cases: number;
  fixed: number;
  matchesKey: number;
  wrongApplies: number;
  zeroLlmShare: number;
  stubs: number;
  medianMs: number;
  p95Ms: number;
  cargoFixFixed: number | null;
  ratio: number | null;
  byKind: Record<string, { cases: number; fixed: number; cargoFix: number }>;
  byCode: Record<string, { cases: number; fixed: number; cargoFix: number }>;
  results: CaseResult[];
}

interface Meta {
  error_codes: string[];
  crate_type: 'bin' | 'lib';
  edition: string;
  kind: string;
}

const normalise = (s: string): string => s.replace(/\s+/g, '');

function percentile(xs: number[], p: number): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? 0;
}

async function cargoFixBaseline(dir: string, meta: Meta, work: string): Promise<boolean> {
  const pkg = await mkdtemp(path.join(work, 'case-'));
  await mkdir(path.join(pkg, 'src'));
  await writeFile(path.join(pkg, 'Cargo.toml'), `[package]\nname = "case"\nversion = "0.0.0"\nedition = "${meta.edition}"\n\n[dependencies]\n`);
  const lib = meta.crate_type === 'lib';
  await writeFile(path.join(pkg, 'src', lib ? 'lib.rs' : 'main.rs'), await readFile(path.join(dir, 'broken.rs')));
  const env = { CARGO_TARGET_DIR: path.join(pkg, 'target'), CARGO_TERM_COLOR: 'never' };
  const before = await execa('cargo', ['check', '--offline', '-q'], { cwd: pkg, reject: false, env });
  if (before.exitCode === 0) return false; // setup error: broken.rs compiles
  await execa('cargo', ['fix', '--offline', '--broken-code', '--allow-no-vcs', ...(lib ? ['--lib'] : ['--bin', 'case']), '-q'], { cwd: pkg, reject: false, env });
  const after = await execa('cargo', ['check', '--offline', '-q'], { cwd: pkg, reject: false, env });
  await rm(pkg, { recursive: true, force: true });
  return after.exitCode === 0;
}

async function runCase(dir: string, opts: BenchFixOptions, work: string): Promise<CaseResult> {
  const name = path.basename(dir);
  const meta = JSON.parse(await readFile(path.join(dir, 'meta.json'), 'utf8')) as Meta;
  const broken = await readFile(path.join(dir, 'broken.rs'), 'utf8');
  const key = await readFile(path.join(dir, 'fixed.rs'), 'utf8');
  const fileName = meta.crate_type === 'lib' ? 'lib.rs' : 'main.rs';
  const rustcOpts = { edition: meta.edition, crateType: meta.crate_type, fileName };
  const started = Date.now();
  const files = new Map([[fileName, broken]]);
  const initial = await checkSingleFile(broken, rustcOpts);
  const result = await searchFix({
    files,
    initial,
    sources: [rustcSource(opts.rustcOptions), ...(opts.sources ?? [])],
    validate: singleFileValidator(rustcOpts),
    gate: (c, current) => checkCandidateScope(c, { plannedFiles: [fileName], repoRoot: '/bench', files: current }),
    timeBudgetMs: 120_000,
  });
  const ms = Date.now() - started;
  const text = result.files.get(fileName) ?? broken;
  let compiles = false;
  if (result.outcome === 'fixed') compiles = (await checkSingleFile(text, rustcOpts)).errors.length === 0;
  const cargoFix = opts.baseline === false ? null : await cargoFixBaseline(dir, meta, work);
  return {
    name,
    kind: meta.kind,
    codes: meta.error_codes.length > 0 ? meta.error_codes : ['(none)'],
    outcome: result.outcome,
    compiles,
    matchesKey: compiles && normalise(text) === normalise(key),
    wrongApply: result.outcome === 'fixed' && !compiles,
    zeroLlm: result.steps.every((s) => s.candidate.origin !== 'llm'),
    stub: result.steps.some((s) => s.stub),
    confidence: result.confidence,
    patternId: result.candidate?.patternId ?? null,
    rounds: result.steps.length,
    validations: result.validations,
    ms,
    cargoFix,
  };
}

/** Runs the benchmark over every case directory of `corpus` and returns per-case results and aggregates. */
export async function benchFix(opts: BenchFixOptions): Promise<BenchFixSummary> {
  const entries = (await readdir(opts.corpus, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort();
  let dirs = [] as string[];
  for (const e of entries) {
    if (opts.filter && !e.includes(opts.filter)) continue;
    try {
      await readFile(path.join(opts.corpus, e, 'broken.rs'));
      dirs.push(path.join(opts.corpus, e));
    } catch {
      // not a case directory
    }
  }
  if (opts.limit !== undefined) dirs = dirs.slice(0, opts.limit);
  const work = await mkdtemp(path.join(os.tmpdir(), 'rustgate-bench-fix-'));
  const results: CaseResult[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < dirs.length) {
      const dir = dirs[next++] as string;
      results.push(await runCase(dir, opts, work));
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, opts.jobs ?? 2) }, worker));
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  results.sort((a, b) => (a.name < b.name ? -1 : 1));
  const fixed = results.filter((r) => r.compiles);
  const byKind: BenchFixSummary['byKind'] = {};
  const byCode: BenchFixSummary['byCode'] = {};
  for (const r of results) {
    const k = (byKind[r.kind] ??= { cases: 0, fixed: 0, cargoFix: 0 });
    k.cases++;
    if (r.compiles) k.fixed++;
    if (r.cargoFix) k.cargoFix++;
    for (const code of r.codes) {
      const c = (byCode[code] ??= { cases: 0, fixed: 0, cargoFix: 0 });
      c.cases++;
      if (r.compiles) c.fixed++;
      if (r.cargoFix) c.cargoFix++;
    }
  }
  const times = results.map((r) => r.ms);
  const cargoFixFixed = opts.baseline === false ? null : results.filter((r) => r.cargoFix).length;
  return {
    cases: results.length,
    fixed: fixed.length,
    matchesKey: results.filter((r) => r.matchesKey).length,
    wrongApplies: results.filter((r) => r.wrongApply).length,
    zeroLlmShare: fixed.length === 0 ? 0 : fixed.filter((r) => r.zeroLlm).length / fixed.length,
    stubs: fixed.filter((r) => r.stub).length,
    medianMs: percentile(times, 50),
    p95Ms: percentile(times, 95),
    cargoFixFixed,
    ratio: cargoFixFixed ? fixed.length / cargoFixFixed : null,
    byKind,
    byCode,
    results,
  };
}

/** The summary as Markdown tables. */
export function renderMarkdown(s: BenchFixSummary): string {
  const pct = (n: number, d: number): string => (d === 0 ? '-' : `${((100 * n) / d).toFixed(0)}%`);
  const lines = [
    '| metric | value |',
    '|---|---|',
    `| cases | ${s.cases} |`,
    `| fixed (compiles, re-checked) | ${s.fixed} (${pct(s.fixed, s.cases)}) |`,
    `| of those matching fixed.rs (whitespace-normalised) | ${s.matchesKey} |`,
    `| wrong applies | ${s.wrongApplies} |`,
    `| fixes that insert todo!() stubs | ${s.stubs} |`,
    `| zero-LLM share of fixes | ${(100 * s.zeroLlmShare).toFixed(0)}% |`,
    `| time per case median / p95 | ${s.medianMs} ms / ${s.p95Ms} ms |`,
    `| cargo fix --broken-code baseline | ${s.cargoFixFixed ?? '-'} |`,
    `| ratio engine / cargo fix | ${s.ratio === null ? '-' : s.ratio.toFixed(2)} |`,
    '',
    '| kind | cases | engine | cargo fix |',
    '|---|---|---|---|',
    ...Object.entries(s.byKind).map(([k, v]) => `| ${k} | ${v.cases} | ${v.fixed} | ${v.cargoFix} |`),
    '',
    '| code | cases | engine | cargo fix |',
    '|---|---|---|---|',
    ...Object.entries(s.byCode)
      .sort((a, b) => b[1].cases - a[1].cases || (a[0] < b[0] ? -1 : 1))
      .map(([k, v]) => `| ${k} | ${v.cases} | ${v.fixed} | ${v.cargoFix} |`),
  ];
  return lines.join('\n');
}

/**
 * Candidate sources of the product's default pipeline (rustc's suggestions are built in; the other built-in sources
 * and the patterns are added, as in debug-bug), or none besides rustc's with `--patterns false`.
 */
async function productSources(withPatterns: boolean): Promise<CandidateSource[]> {
  if (!withPatterns) return [];
  const [{ loadPatternSources }, { builtinSources }] = await Promise.all([import('../src/app/debug-bug.js'), import('../src/app/fix/candidates.js')]);
  return [...builtinSources(), ...(await loadPatternSources())];
}

/**
 * `npm run bench -- fix [--corpus DIR] [--jobs N] [--limit N] [--patterns false] [--real true [--perCrate N] [--ops a,b]
 * [--maxPerOp N] [--cargoFix false]]`: the
 * rustc-ui corpus (shared/eval) and the mutation corpus (bench/fix-corpus/cases), each with the cargo-fix baseline
 * measured in the same run; `--real true` runs the real-crate mutation corpus and the multi-crate cases instead.
 */
export async function main(opts: Record<string, string>): Promise<void> {
  const here = path.dirname(fileURLToPath(import.meta.url));
  // `--real true`: the real-crate mutation corpus and the multi-crate cases (bench/fix-real.ts), cargo fix alongside.
  if (opts.real === 'true') {
    const { mainReal } = await import('./fix-real.js');
    await mainReal(opts);
    return;
  }
  const corpora = opts.corpus ? [opts.corpus] : [path.resolve(here, '../../shared/eval/rustc-ui'), path.join(here, 'fix-corpus', 'cases')];
  const sources = await productSources(opts.patterns !== 'false');
  for (const corpus of corpora) {
    console.log(`\n### ${path.relative(process.cwd(), corpus) || corpus} (${sources.length > 0 ? 'rustc suggestions + patterns' : 'rustc suggestions only'})\n`);
    const summary = await benchFix({
      corpus,
      jobs: Number(opts.jobs ?? 2),
      sources,
      baseline: opts.baseline !== 'false',
      ...(opts.limit !== undefined ? { limit: Number(opts.limit) } : {}),
    });
    console.log(renderMarkdown(summary));
  }
}

const isMain = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const corpus = process.argv[2] ?? path.resolve(here, '../../shared/eval/rustc-ui');
  const jobs = Number(process.argv[3] ?? 2);
  const limit = process.argv[4] ? Number(process.argv[4]) : undefined;
  const baseline = process.env.BENCH_NO_BASELINE !== '1';
  // BENCH_PATTERNS=1 adds the pattern library (patterns/*.yaml) as a second candidate source.
  const sources = await productSources(process.env.BENCH_PATTERNS === '1');
  const summary = await benchFix({ corpus, jobs, sources, ...(limit !== undefined ? { limit } : {}), baseline, ...(process.env.BENCH_FILTER ? { filter: process.env.BENCH_FILTER } : {}), ...(process.env.BENCH_PLACEHOLDERS === '1' ? { rustcOptions: { allowPlaceholders: true } } : {}) });
  console.log(renderMarkdown(summary));
  if (process.env.BENCH_CASES === '1') {
    for (const r of summary.results) console.log(`${r.name}\t${r.outcome}\t${r.compiles ? 'fixed' : 'unfixed'}\t${r.matchesKey ? 'match' : ''}\t${r.cargoFix ? 'cargofix' : ''}\t${r.rounds}r\t${r.validations}v\t${r.ms}ms\t${r.stub ? 'stub' : ''}`);
  }
}
