/**
 * Builds the mutation corpus: each program in `base/` compiles; every single mutation site of five operators
 * (remove a `use`, drop a trait bound, drop `move`, drop `mut`, pass a borrow where an owned value is expected)
 * gives one case whose ground truth is the original program. Mutations that still compile are dropped.
 * Run: `node --import tsx bench/fix-corpus/make.ts` (rewrites `cases/`).
 */
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkSingleFile } from '../../src/adapters/rustc/single-file.js';

interface Mutation {
  op: string;
  text: string;
}

/** Every match of `re` in `text` replaced one at a time by `replace(match)`. */
function eachMatch(text: string, re: RegExp, op: string, replace: (m: RegExpExecArray) => string): Mutation[] {
  const out: Mutation[] = [];
  const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
  for (let m = g.exec(text); m !== null; m = g.exec(text)) {
    out.push({ op, text: text.slice(0, m.index) + replace(m) + text.slice(m.index + m[0].length) });
  }
  return out;
}

/** All single mutations of a program. */
export function mutations(text: string): Mutation[] {
  const owned = Array.from(text.matchAll(/fn (\w+)(?:<[^>]*>)?\((\w+): (String|Vec<[^>]+>)/g), (m) => m[1] ?? '');
  return [
    ...eachMatch(text, /^use [^\n]*;\n/m, 'remove-use', () => ''),
    ...eachMatch(text, /(<\s*\w+): (?:Display|Debug|Clone|BufRead)>/, 'drop-bound', (m) => `${m[1]}>`),
    ...eachMatch(text, / \+ Send/, 'drop-bound', () => ''),
    ...eachMatch(text, /move \|/, 'drop-move', () => '|'),
    ...eachMatch(text, /let mut /, 'drop-mut', () => 'let '),
    ...eachMatch(text, /&mut self/, 'drop-mut', () => '&self'),
    ...owned.flatMap((name) => eachMatch(text, new RegExp(`(?<!fn )\\b${name}\\((\\w+)`), 'owned-to-borrow', (m) => `${name}(&${m[1]}`)),
  ];
}

const isMain = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const out = path.join(here, 'cases');
  await rm(out, { recursive: true, force: true });
  let kept = 0;
  let dropped = 0;
  for (const file of (await readdir(path.join(here, 'base'))).filter((f) => f.endsWith('.rs')).sort()) {
    const original = await readFile(path.join(here, 'base', file), 'utf8');
    const base = await checkSingleFile(original, { edition: '2021' });
    if (base.errors.length > 0) throw new Error(`${file} does not compile`);
    const counts = new Map<string, number>();
    for (const m of mutations(original)) {
      const n = (counts.get(m.op) ?? 0) + 1;
      counts.set(m.op, n);
      const check = await checkSingleFile(m.text, { edition: '2021' });
      if (check.errors.length === 0) {
        dropped++;
        continue;
      }
      const dir = path.join(out, `${path.basename(file, '.rs')}__${m.op}-${n}`);
      await mkdir(dir, { recursive: true });
      await writeFile(path.join(dir, 'broken.rs'), m.text);
      await writeFile(path.join(dir, 'fixed.rs'), original);
      const codes = Array.from(new Set(check.errors.map((d) => d.code).filter((c): c is string => c !== null))).sort();
      const meta = { source: `rustgate:bench/fix-corpus/base/${file}`, error_codes: codes, crate_type: 'bin', edition: '2021', kind: `mutation:${m.op}`, num_errors: check.errors.length };
      await writeFile(path.join(dir, 'meta.json'), `${JSON.stringify(meta, null, 2)}\n`);
      kept++;
    }
  }
  console.log(`${kept} cases written to ${out} (${dropped} mutations still compiled and were dropped)`);
}
