/**
 * Anti-pattern precision benchmark: runs every text detector of the pattern library (as the product runs them,
 * through `detectAntiPatterns`) over every `.rs` file of real workspaces and prints, per detector, its hits, the
 * files hit and sample hits (file:line and the source line) spread over files, so a reader can judge precision.
 * `npm run bench -- antipatterns [--workspace DIR[,DIR…]]… [--samples N] [--detector ID]`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadPatterns } from '../src/adapters/patterns/load.js';
import { detectAntiPatterns, TEXT_DETECTORS } from '../src/core/patterns/antipatterns.js';
import type { Finding } from '../src/core/patterns/model.js';

/** Directories never walked: build output, VCS data, vendored dependencies (other dot-directories are walked). */
const SKIP = new Set(['target', 'node_modules', '.git', '.cargo', 'vendor']);

/** Every `.rs` file under `root`, as paths relative to it (sorted, so runs are comparable). */
export function rustFilesUnder(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) {
        if (!SKIP.has(e.name)) walk(path.join(dir, e.name));
      } else if (e.isFile() && e.name.endsWith('.rs')) out.push(path.relative(root, path.join(dir, e.name)));
    }
  };
  walk(root);
  return out.sort();
}

/** One finding with the workspace it came from and its source line. */
export interface Hit {
  workspace: string;
  finding: Finding;
  source: string;
}

/** Up to `n` hits spread over files: one per file in turn (round robin), so one noisy file does not fill the sample. */
export function spreadSample(hits: readonly Hit[], n: number): Hit[] {
  const byFile = new Map<string, Hit[]>();
  for (const h of hits) {
    const key = `${h.workspace}/${h.finding.file}`;
    byFile.set(key, [...(byFile.get(key) ?? []), h]);
  }
  const queues = Array.from(byFile.values());
  const out: Hit[] = [];
  for (let round = 0; out.length < n; round++) {
    let any = false;
    for (const q of queues) {
      const h = q[round];
      if (!h) continue;
      any = true;
      out.push(h);
      if (out.length >= n) break;
    }
    if (!any) break;
  }
  return out;
}

/** `npm run bench -- antipatterns`: see the module comment. */
export async function main(opts: Record<string, string>): Promise<void> {
  const workspaces = (opts.workspace ?? path.resolve('examples')).split(',').filter((w) => w !== '').map((w) => path.resolve(w));
  const samples = Number(opts.samples ?? 5);
  const patterns = loadPatterns().filter((p) => p.kind === 'anti_pattern' && p.detector.text_detector !== undefined);
  const only = opts.detector;
  const selected = only ? patterns.filter((p) => p.id === only) : patterns;
  if (only && selected.length === 0) throw new Error(`no anti-pattern with a text detector has id "${only}"`);
  const unused = Object.keys(TEXT_DETECTORS).filter((d) => !patterns.some((p) => p.detector.text_detector === d));
  const hits = new Map<string, Hit[]>(selected.map((p) => [p.id, []]));
  let files = 0;
  let lines = 0;
  const started = performance.now();
  for (const ws of workspaces) {
    for (const rel of rustFilesUnder(ws)) {
      const text = readFileSync(path.join(ws, rel), 'utf8');
      files++;
      lines += text.split('\n').length;
      const split = text.split('\n');
      for (const f of detectAntiPatterns(text, rel.split(path.sep).join('/'), selected)) {
        hits.get(f.patternId)?.push({ workspace: path.basename(ws), finding: f, source: (split[f.line - 1] ?? '').trim() });
      }
    }
  }
  const ms = performance.now() - started;
  console.log(`workspaces: ${workspaces.join(', ')}`);
  console.log(`${files} .rs files, ${lines} lines, ${selected.length} detectors, ${(ms / 1000).toFixed(2)} s\n`);
  console.log('| detector | hits | files |');
  console.log('|---|---|---|');
  const rows = Array.from(hits.entries()).sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
  for (const [id, hs] of rows) console.log(`| ${id} | ${hs.length} | ${new Set(hs.map((h) => `${h.workspace}/${h.finding.file}`)).size} |`);
  for (const [id, hs] of rows) {
    if (hs.length === 0) continue;
    console.log(`\n### ${id}: ${hs.length} hits\n`);
    for (const h of spreadSample(hs, samples)) console.log(`- ${h.workspace}/${h.finding.file}:${h.finding.line}: \`${h.source.slice(0, 140)}\``);
  }
  const total = rows.reduce((n, [, hs]) => n + hs.length, 0);
  const silent = rows.filter(([, hs]) => hs.length === 0).length;
  console.log(`\ntotal: ${total} hits from ${rows.length - silent} of ${rows.length} detectors over ${files} files (${lines} lines); ${silent} silent${unused.length > 0 ? `; detectors no pattern names: ${unused.join(', ')}` : ''}`);
}
