/**
 * Coverage benchmark: for every corpus we have (rustc-ui, the mutation corpus), each error code seen, how often,
 * how often the product pipeline (rustc suggestions + patterns, validated) fixed it and by which pattern or rustc
 * suggestion; then the error map (patterns/map/error-codes.yaml) against rustc's live codes and the library's counts
 * against the seed's targets. `npm run bench -- coverage [--corpus DIR] [--jobs N] [--limit N]`.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { loadErrorMap } from '../src/adapters/patterns/error-map.js';
import { loadPatterns } from '../src/adapters/patterns/load.js';
import { benchFix, type CaseResult } from './fix.js';

/** Per error code: cases, fixed, and what fixed them. */
export interface CodeCoverage {
  code: string;
  cases: number;
  fixed: number;
  by: Record<string, number>;
}

/** Aggregates case results by the error codes of each case (a case with two codes counts for both). */
export function coverageByCode(results: readonly CaseResult[]): CodeCoverage[] {
  const m = new Map<string, CodeCoverage>();
  for (const r of results) {
    for (const code of r.codes) {
      const c = m.get(code) ?? { code, cases: 0, fixed: 0, by: {} };
      c.cases++;
      if (r.compiles) {
        c.fixed++;
        for (const id of (r.patternId ?? 'none').split('+')) c.by[id] = (c.by[id] ?? 0) + 1;
      }
      m.set(code, c);
    }
  }
  return Array.from(m.values()).sort((a, b) => b.cases - a.cases || a.code.localeCompare(b.code));
}

/** Error codes rustc still emits (documented by `rustc --explain` and not marked "no longer emitted"). */
async function liveCodes(candidates: readonly string[]): Promise<{ live: Set<string>; retired: Set<string> }> {
  const live = new Set<string>();
  const retired = new Set<string>();
  for (const code of candidates) {
    const r = await execa('rustc', ['--explain', code], { reject: false });
    if (r.exitCode !== 0) continue;
    if (/no longer emitted/i.test(r.stdout)) retired.add(code);
    else live.add(code);
  }
  return { live, retired };
}

/** Markdown of one corpus's per-code coverage. */
function renderCorpus(rows: readonly CodeCoverage[], mapped: ReadonlyMap<string, string>): string {
  const lines = ['| code | cases | fixed | fixed by | mapping |', '|---|---|---|---|---|'];
  for (const r of rows) {
    const by = Object.entries(r.by)
      .sort((a, b) => b[1] - a[1])
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
    lines.push(`| ${r.code} | ${r.cases} | ${r.fixed} | ${by || '-'} | ${mapped.get(r.code) ?? '**none**'} |`);
  }
  return lines.join('\n');
}

/** `npm run bench -- coverage`: see the module comment. */
export async function main(opts: Record<string, string>): Promise<void> {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const corpora = opts.corpus ? [opts.corpus] : [path.resolve(here, '../../shared/eval/rustc-ui'), path.join(here, 'fix-corpus', 'cases')];
  const patterns = loadPatterns();
  const map = loadErrorMap();
  const mapped = new Map(map.map((e) => [e.code, e.mapping]));
  const { loadPatternSources } = await import('../src/app/debug-bug.js');
  const sources = await loadPatternSources();
  const seen = new Set<string>();
  for (const corpus of corpora) {
    const exists = await readdir(corpus).catch(() => null);
    if (!exists) {
      console.log(`(corpus ${corpus} not found; skipped)`);
      continue;
    }
    const summary = await benchFix({ corpus, jobs: Number(opts.jobs ?? 2), sources, baseline: false, ...(opts.limit !== undefined ? { limit: Number(opts.limit) } : {}) });
    const rows = coverageByCode(summary.results);
    for (const r of rows) seen.add(r.code);
    const unmapped = rows.filter((r) => !mapped.has(r.code) && r.code !== '(none)');
    console.log(`\n### ${path.relative(process.cwd(), corpus) || corpus}: ${summary.fixed}/${summary.cases} fixed, ${summary.wrongApplies} wrong applies, ${rows.length} codes, ${unmapped.length} without a mapping\n`);
    console.log(renderCorpus(rows, mapped));
  }
  // The map against rustc's live codes, and the library against the seed's targets.
  const all = map.map((e) => e.code);
  const range = Array.from({ length: 820 }, (_, i) => `E${String(i + 1).padStart(4, '0')}`);
  const { live, retired } = await liveCodes(range);
  const byKind = (k: string): number => map.filter((e) => e.mapping === k && live.has(e.code)).length;
  const fixPatterns = patterns.filter((p) => p.kind === 'fix');
  const anti = patterns.filter((p) => p.kind === 'anti_pattern');
  const patternCodes = new Set(fixPatterns.flatMap((p) => p.error_codes));
  console.log('\n### Error map and library against the targets\n');
  console.log('| measure | value | target |');
  console.log('|---|---|---|');
  console.log(`| live rustc error codes (rustc --explain, not "no longer emitted") | ${live.size} (${retired.size} retired) | - |`);
  console.log(`| codes with a mapping (live) | ${all.filter((c) => live.has(c)).length} | ≥ 200 |`);
  console.log(`| · pattern | ${byKind('pattern')} | - |`);
  console.log(`| · validated rustc suggestion | ${byKind('rustc_suggestion')} | - |`);
  console.log(`| · design decision, guidance only | ${byKind('guidance')} | - |`);
  console.log(`| codes seen in the corpora without a mapping | ${Array.from(seen).filter((c) => c !== '(none)' && !mapped.has(c)).join(', ') || 'none'} | none |`);
  console.log(`| fix patterns (each with a fixture) | ${fixPatterns.length} over ${patternCodes.size} codes | ≥ 150 |`);
  console.log(`| anti-pattern detectors (each with a fixture and a near-miss) | ${anti.length} | ≥ 100 |`);
}
