/**
 * Measures the pattern library alone (no rustc suggestion source) on the rustc-ui corpus: for each case, only
 * broken.rs is given; candidates are validated with real rustc, greedily one diagnostic at a time.
 * Run: node --import tsx test/patterns/corpus-measure.ts [corpus-dir] [--verbose]
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { convertDiagnostic } from '../../src/adapters/cargo/diagnostics.js';
import { loadPatterns } from '../../src/adapters/patterns/load.js';
import type { Diagnostic } from '../../src/core/diagnostics/types.js';
import { applyEdits } from '../../src/core/fix/apply.js';
import type { Candidate } from '../../src/core/fix/types.js';
import { createPatternSource } from '../../src/core/patterns/source.js';

const corpus = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? path.resolve('../shared/eval/rustc-ui');
const verbose = process.argv.includes('--verbose');
const MAX_ROUNDS = 16;

interface Meta {
  edition: string;
  kind: string;
}

// rustc's JSON diagnostic is parsed by the cargo adapter's converter; its input type is internal to it.
type RustcJson = Parameters<typeof convertDiagnostic>[0];

async function check(dir: string, edition: string, text: string): Promise<Diagnostic[]> {
  writeFileSync(path.join(dir, 'main.rs'), text);
  const r = await execa('rustc', ['--edition', edition, '--crate-type', 'bin', '--emit=metadata', '--error-format=json', '-o', path.join(dir, 'out.rmeta'), 'main.rs'], { cwd: dir, reject: false });
  return r.stderr
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as RustcJson & { level: string })
    .filter((d) => d.level === 'error')
    .map((d) => convertDiagnostic(d, dir, null))
    .filter((d) => !/^aborting due to/.test(d.message));
}

interface CaseResult {
  name: string;
  kind: string;
  hadCandidate: boolean;
  fixed: boolean;
  proposed: number;
  /** Candidates that were tried and did not make progress (rejected by validation). */
  rejected: number;
  accepted: string[];
  /** The final text equals fixed.rs up to whitespace and comments. */
  matchesReference: boolean;
}

async function runCase(name: string): Promise<CaseResult> {
  const caseDir = path.join(corpus, name);
  const meta = JSON.parse(readFileSync(path.join(caseDir, 'meta.json'), 'utf8')) as Meta;
  let text = readFileSync(path.join(caseDir, 'broken.rs'), 'utf8');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'rg-pat-corpus-'));
  const source = createPatternSource(loadPatterns());
  const res: CaseResult = { name, kind: meta.kind, hadCandidate: false, fixed: false, proposed: 0, rejected: 0, accepted: [], matchesReference: false };
  try {
    let diags = await check(dir, meta.edition, text);
    for (let round = 0; round < MAX_ROUNDS && diags.length > 0; round++) {
      let progressed = false;
      for (let i = 0; i < diags.length && !progressed; i++) {
        const cands: Candidate[] = await source.propose(i, { diagnostics: diags, files: new Map([['main.rs', text]]) });
        res.proposed += cands.length;
        if (cands.length > 0) res.hadCandidate = true;
        for (const c of cands) {
          const applied = applyEdits(text, c.edits);
          if (!applied.ok) continue;
          const after = await check(dir, meta.edition, applied.text);
          // Accept a candidate that removes its target diagnostic without adding errors or new kinds of errors
          // (fixing one item may surface the same error one level up, e.g. a lifetime needed by a user of a struct).
          const key = (d: Diagnostic): string => `${d.code ?? ''}|${d.message}|${d.primary?.lineStart ?? 0}`;
          const target = diags[i] as Diagnostic;
          const before = new Set(diags.map((d) => d.code ?? d.message));
          const introducesNew = after.some((d) => !before.has(d.code ?? d.message));
          const targetGone = !after.some((d) => key(d) === key(target));
          if (!introducesNew && (after.length < diags.length || (after.length === diags.length && targetGone))) {
            text = applied.text;
            diags = after;
            res.accepted.push(c.patternId ?? '?');
            progressed = true;
            break;
          }
          res.rejected++;
        }
      }
      if (!progressed) break;
    }
    res.fixed = diags.length === 0;
    const norm = (t: string): string => t.replace(/\/\/[^\n]*/g, '').replace(/\s+/g, '');
    res.matchesReference = res.fixed && norm(text) === norm(readFileSync(path.join(caseDir, 'fixed.rs'), 'utf8'));
    if (process.env.KEEP_OUT) writeFileSync(path.join(process.env.KEEP_OUT, `${name}.rs`), text);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return res;
}

async function main(): Promise<void> {
  const cases = readdirSync(corpus).filter((c) => !c.endsWith('.md')).sort();
  const results: CaseResult[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < cases.length) {
      const c = cases[next++] as string;
      results.push(await runCase(c));
    }
  };
  await Promise.all([worker(), worker()]);
  results.sort((a, b) => a.name.localeCompare(b.name));
  for (const r of results) {
    const tag = r.matchesReference ? 'FIXED=' : r.fixed ? 'FIXED ' : r.hadCandidate ? 'cand  ' : '      ';
    if (verbose || r.hadCandidate) console.log(`${tag} ${r.name} proposed=${r.proposed} accepted=${r.accepted.join(',')}`);
  }
  for (const kind of ['ui-test-run-rustfix', 'error-code-doc-example', 'all']) {
    const sel = results.filter((r) => kind === 'all' || r.kind === kind);
    const sum = (f: (r: CaseResult) => number): number => sel.reduce((n, r) => n + f(r), 0);
    console.log(`${kind}: cases=${sel.length} with_candidate=${sel.filter((r) => r.hadCandidate).length} fixed=${sel.filter((r) => r.fixed).length} same_as_reference=${sel.filter((r) => r.matchesReference).length} candidates_tried=${sum((r) => r.accepted.length + r.rejected)} accepted=${sum((r) => r.accepted.length)}`);
  }
}

await main();
