/**
 * The real-crate mutation corpus of `npm run bench -- fix --real`: small crates.io crates (bench/fix-corpus/
 * real-crates.json, fetched by cargo at bench time, never committed), mutated by our own operators
 * (bench/fix-corpus/mutate.ts); mutants that fail `cargo check --all-targets` become cases. Scoring, against
 * `cargo fix --broken-code` on the same mutants in the same run:
 * fixed = the applied change compiles and the crate's own tests, doctests included (`cargo test`), pass;
 * wrong = an applied change that fails a test; unfixed = nothing applied. Plus the multi-crate case set (a bug in a
 * library crate and one in a dependent binary).
 */
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import type { DebugBugReport } from '../src/app/debug-bug.js';
import { blockMutants, mutants, rng } from './fix-corpus/mutate.js';

interface CaseResult {
  name: string;
  op: string;
  /** The error codes of the mutant, the applied/proposed pattern, and why a proposal was not applied. */
  codes: string;
  pattern: string;
  reason: string;
  rustgate: 'fixed' | 'wrong' | 'unfixed';
  cargoFix: 'fixed' | 'wrong' | 'unfixed';
  ms: number;
  status: string;
}

/** Operators sampled only when `--ops` names them (the block operator is always kept apart). */
const OPT_IN = new Set(['add_question', 'self_by_value', 'add_copy_derive', 'remove_conversion']);

const here = path.dirname(fileURLToPath(import.meta.url));
const GIT_ENV = { GIT_AUTHOR_NAME: 'bench', GIT_AUTHOR_EMAIL: 'b@example.com', GIT_COMMITTER_NAME: 'bench', GIT_COMMITTER_EMAIL: 'b@example.com' };

async function cargo(args: string[], cwd: string, targetDir: string, timeout = 300_000) {
  return execa('nice', ['-n', '10', 'cargo', ...args], { cwd, reject: false, timeout, env: { CARGO_TARGET_DIR: targetDir, CARGO_TERM_COLOR: 'never' } });
}

/** The registry source directory of each crate (cargo fetches it through a throwaway manifest). */
async function fetchCrates(crates: { name: string; version: string }[], work: string): Promise<Map<string, string>> {
  const proj = path.join(work, 'fetch');
  await mkdir(path.join(proj, 'src'), { recursive: true });
  await writeFile(path.join(proj, 'src/lib.rs'), '');
  await writeFile(path.join(proj, 'Cargo.toml'), `[package]\nname = "fetch"\nversion = "0.0.0"\nedition = "2021"\n\n[dependencies]\n${crates.map((c) => `${c.name} = "=${c.version}"`).join('\n')}\n`);
  const r = await execa('cargo', ['fetch'], { cwd: proj, reject: false });
  if (r.exitCode !== 0) throw new Error(`cargo fetch failed: ${r.stderr}`);
  const home = process.env.CARGO_HOME ?? path.join(os.homedir(), '.cargo');
  const regs = await readdir(path.join(home, 'registry', 'src'));
  const out = new Map<string, string>();
  for (const c of crates) {
    for (const reg of regs) {
      const dir = path.join(home, 'registry', 'src', reg, `${c.name}-${c.version}`);
      if ((await readdir(dir).catch(() => null)) !== null) out.set(c.name, dir);
    }
  }
  return out;
}

async function rsFiles(dir: string, rel = 'src'): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(path.join(dir, rel), { withFileTypes: true }).catch(() => [])) {
    const r = `${rel}/${e.name}`;
    if (e.isDirectory()) out.push(...(await rsFiles(dir, r)));
    else if (e.name.endsWith('.rs')) out.push(r);
  }
  return out;
}

async function copyCrate(src: string, dest: string): Promise<void> {
  await rm(dest, { recursive: true, force: true });
  await cp(src, dest, { recursive: true });
  await rm(path.join(dest, '.cargo_vcs_info.json'), { force: true });
  await rm(path.join(dest, 'Cargo.toml.orig'), { force: true });
  await rm(path.join(dest, 'target'), { recursive: true, force: true });
}

async function gitInit(dir: string): Promise<void> {
  // Anchored: a crate may have a `src/target/` module directory (an unanchored `target/` would hide it from git).
  await writeFile(path.join(dir, '.gitignore'), '/target/\n');
  for (const args of [['init', '-q', '-b', 'main'], ['add', '-A'], ['commit', '-q', '-m', 'mutant']]) await execa('git', args, { cwd: dir, env: GIT_ENV });
}

/** Scores a tree: tests (incl. doctests) pass → fixed; else whether anything changed decides wrong vs unfixed. */
async function score(dir: string, changed: boolean, targetDir: string): Promise<'fixed' | 'wrong' | 'unfixed'> {
  if (!changed) return 'unfixed';
  const t = await cargo(['test', '-q'], dir, targetDir);
  if (t.exitCode === 0) return 'fixed';
  const c = await cargo(['check', '--all-targets', '-q'], dir, targetDir);
  return c.exitCode === 0 ? 'wrong' : 'unfixed';
}

async function runRustgate(dir: string, targetDir: string): Promise<{ result: CaseResult['rustgate']; ms: number; status: string; codes: string; pattern: string; reason: string }> {
  const { runDebugBug, loadPatternSources } = await import('../src/app/debug-bug.js');
  const t0 = Date.now();
  const r = await runDebugBug({ repo: dir, apply: true, sources: await loadPatternSources(), timeBudgetMs: 60_000 }).catch((e: unknown) => ({ status: `error: ${e instanceof Error ? e.message : String(e)}` }) as Partial<DebugBugReport> & { status: string });
  const ms = Date.now() - t0;
  const codes = Array.from(new Set((r.errors ?? []).map((e) => e.code ?? 'error'))).join('+');
  const amber = r.amber_reasons?.length && !(r.not_applied_reason ?? '').startsWith('amber') ? ` [${r.amber_reasons.join('; ')}]` : '';
  return { result: await score(dir, r.status === 'fixed', targetDir), ms, status: r.status, codes, pattern: r.candidate?.pattern_id ?? '-', reason: `${r.not_applied_reason ?? ''}${amber}` };
}

async function runCargoFix(dir: string, targetDir: string): Promise<CaseResult['cargoFix']> {
  const before = await execa('git', ['rev-parse', 'HEAD:'], { cwd: dir, reject: false });
  await cargo(['fix', '--broken-code', '--allow-dirty', '--allow-no-vcs', '--all-targets', '-q'], dir, targetDir);
  const diff = await execa('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: dir, reject: false });
  void before;
  return score(dir, diff.stdout.trim() !== '', targetDir);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? 0 : (s[Math.floor((s.length - 1) / 2)] ?? 0);
}

/**
 * `--crates name@version,name@version`: another crate list instead of real-crates.json (a per-class run on crates
 * that have the shape the class needs). A malformed entry stops the run before anything is fetched.
 */
export function parseCrateList(spec: string): { name: string; version: string }[] {
  return spec.split(',').map((s) => s.trim()).filter(Boolean).map((s) => {
    const m = /^([A-Za-z0-9_-]+)@(\d+\.\d+\.\d+(?:[-+][\w.-]+)?)$/.exec(s);
    if (!m) throw new Error(`--crates: '${s}' is not name@version (e.g. heck@0.5.0)`);
    return { name: m[1] as string, version: m[2] as string };
  });
}

/** Runs the real-crate corpus and the multi-crate cases; prints a markdown table. */
export async function mainReal(opts: Record<string, string>): Promise<void> {
  const list = opts.crates ? { crates: parseCrateList(opts.crates) } : (JSON.parse(await readFile(path.join(here, 'fix-corpus', 'real-crates.json'), 'utf8')) as { crates: { name: string; version: string }[] });
  const perCrate = Number(opts.perCrate ?? 5);
  // `--ops a,b`: only these operators (a per-class run); remove_impl_method and add_question are sampled only when
  // named, so the default sample stays the one of the earlier rows. `--maxPerOp N` (default 2) per crate.
  const ops = opts.ops ? new Set(opts.ops.split(',').map((o) => o.trim())) : null;
  const maxPerOp = Number(opts.maxPerOp ?? 2);
  const withCargoFix = opts.cargoFix !== 'false';
  const work = await mkdtemp(path.join(os.tmpdir(), 'rg-bench-real-'));
  const sources = await fetchCrates(list.crates, work);
  const results: CaseResult[] = [];
  for (const c of list.crates) {
    const src = sources.get(c.name);
    if (!src) {
      console.log(`- ${c.name} ${c.version}: not fetched, skipped`);
      continue;
    }
    const target = path.join(work, `target-${c.name}`);
    const base = path.join(work, `base-${c.name}`);
    await copyCrate(src, base);
    if ((await cargo(['test', '-q'], base, target)).exitCode !== 0) {
      console.log(`- ${c.name}: its own tests fail unmutated, skipped`);
      continue;
    }
    const files = await rsFiles(base);
    const lineAll: { file: string; op: string; line: number; text: string }[] = [];
    const blockAll: typeof lineAll = [];
    for (const f of files) {
      const text = await readFile(path.join(base, f), 'utf8');
      // Operators added after the default sample was fixed join it only when named, so earlier rows stay comparable.
      for (const m of mutants(text)) if (!OPT_IN.has(m.op) || ops?.has(m.op)) lineAll.push({ file: f, ...m });
      for (const m of blockMutants(text)) blockAll.push({ file: f, ...m });
    }
    const shuffle = (xs: typeof lineAll, seed: number) => {
      const rand = rng(seed);
      for (let i = xs.length - 1; i > 0; i--) {
        const j = Math.floor(rand() * (i + 1));
        [xs[i], xs[j]] = [xs[j]!, xs[i]!];
      }
      return xs;
    };
    const all = [...shuffle(lineAll, 13), ...(ops ? shuffle(blockAll, 17) : [])].filter((m) => !ops || ops.has(m.op));
    const probe = path.join(work, `probe-${c.name}`);
    await copyCrate(base, probe);
    let kept = 0;
    const usedOps = new Map<string, number>();
    for (const m of all) {
      if (kept >= perCrate) break;
      if ((usedOps.get(m.op) ?? 0) >= maxPerOp) continue; // spread the operators
      const original = await readFile(path.join(base, m.file), 'utf8');
      await writeFile(path.join(probe, m.file), m.text);
      const broken = (await cargo(['check', '--all-targets', '-q'], probe, target)).exitCode !== 0;
      await writeFile(path.join(probe, m.file), original);
      if (!broken) continue;
      kept++;
      usedOps.set(m.op, (usedOps.get(m.op) ?? 0) + 1);
      const name = `${c.name}:${m.file}:${m.line}:${m.op}`;
      const rg = path.join(work, `rg-${c.name}-${kept}`);
      await copyCrate(base, rg);
      await writeFile(path.join(rg, m.file), m.text);
      await gitInit(rg);
      const cf = path.join(work, `cf-${c.name}-${kept}`);
      await cp(rg, cf, { recursive: true });
      const r = await runRustgate(rg, target);
      const b = withCargoFix ? await runCargoFix(cf, target) : 'unfixed';
      results.push({ name, op: m.op, codes: r.codes, pattern: r.pattern, reason: r.reason, rustgate: r.result, cargoFix: b, ms: r.ms, status: r.status });
      console.log(`  ${name}\t${r.codes}\trustgate ${r.result} (${r.status}, ${r.pattern}, ${r.ms} ms)${r.reason ? `\t${r.reason}` : ''}\tcargo fix ${withCargoFix ? b : 'skipped'}`);
    }
  }
  // The multi-crate case set: a bug in a library crate plus one in a dependent binary.
  const multi: CaseResult[] = [];
  for (const fixture of ops || opts.crates ? [] : ['cascade']) {
    const dir = path.join(work, `multi-${fixture}`);
    await cp(path.resolve(here, '../test/fixtures/fix', fixture), dir, { recursive: true });
    await gitInit(dir);
    const cf = path.join(work, `multi-cf-${fixture}`);
    await cp(dir, cf, { recursive: true });
    const target = path.join(work, 'target-multi');
    const r = await runRustgate(dir, target);
    const b = await runCargoFix(cf, target);
    multi.push({ name: fixture, op: 'multi', codes: r.codes, pattern: r.pattern, reason: r.reason, rustgate: r.result, cargoFix: b, ms: r.ms, status: r.status });
  }
  const count = (xs: CaseResult[], k: 'rustgate' | 'cargoFix', v: string) => xs.filter((x) => x[k] === v).length;
  console.log('\n| corpus | cases | rustgate fixed | rustgate wrong | cargo fix fixed | cargo fix wrong | median ms (rustgate) |');
  console.log('|---|---|---|---|---|---|---|');
  for (const [label, xs] of [['real-crate mutants', results], ['multi-crate', multi]] as const) {
    console.log(`| ${label} | ${xs.length} | ${count(xs, 'rustgate', 'fixed')} | ${count(xs, 'rustgate', 'wrong')} | ${count(xs, 'cargoFix', 'fixed')} | ${count(xs, 'cargoFix', 'wrong')} | ${median(xs.map((x) => x.ms))} |`);
  }
  // Per operator (error class): cases, fixed, wrong, proposed but not applied (with the reasons), nothing proposed.
  console.log('\n| operator | cases | fixed | wrong | proposed, not applied (reason) | no candidate |');
  console.log('|---|---|---|---|---|---|');
  for (const op of Array.from(new Set(results.map((x) => x.op))).sort()) {
    const xs = results.filter((x) => x.op === op);
    const proposed = xs.filter((x) => x.rustgate === 'unfixed' && x.status === 'proposed');
    const reasons = proposed.map((x) => `${x.codes}: ${x.reason || 'not applied'}`).join('; ');
    console.log(`| ${op} | ${xs.length} | ${count(xs, 'rustgate', 'fixed')} | ${count(xs, 'rustgate', 'wrong')} | ${proposed.length}${reasons ? ` (${reasons})` : ''} | ${xs.filter((x) => x.rustgate === 'unfixed' && x.status !== 'proposed').length} |`);
  }
  if (opts.keep !== 'true') await rm(work, { recursive: true, force: true });
}
