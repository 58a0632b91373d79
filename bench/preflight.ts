/**
 * PreFlight benchmark: a warm `preflight --staged` after a one-line change against a plain warm `cargo check` of the
 * same tree in the same run (goal: ratio ≤ 1.15), the cold first run, and the no-Rust-change skip.
 * Works on a temporary git copy of `--workspace`; the original is only read.
 */
import { appendFileSync, cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { cargoCheck } from '../src/adapters/cargo/check.js';
import { runPreflight } from '../src/app/preflight.js';

export interface BenchPreflightOptions {
  /** A Cargo workspace root (read only). */
  workspace: string;
  /** Warm repetitions (default 3). */
  runs?: number;
}

export interface BenchPreflightResult {
  workspace: string;
  editedFile: string;
  coldMs: number;
  /** Per warm run: preflight total, its cargo part, its ISG part, and the plain cargo check of the same edit. */
  warm: Array<{ preflightMs: number; cargoMs: number; isgMs: number; shadowMs: number; plainMs: number }>;
  /** median(preflight) / median(plain cargo check). */
  ratio: number;
  /** A broken edit: total, cargo and ISG refresh + mapping time, and how many findings got an ISG node. */
  failing: { totalMs: number; cargoMs: number; isgMs: number; mapped: number };
  skipMs: number;
  /** `git commit` of a one-line change with the installed pre-commit hook, and the plain cargo check of that edit. */
  hook: { commitMs: number; plainMs: number } | null;
}

const SKIP = new Set(['target', '.git', '.rustgate', 'node_modules']);
const GIT_ENV = { GIT_AUTHOR_NAME: 'bench', GIT_AUTHOR_EMAIL: 'bench@example.com', GIT_COMMITTER_NAME: 'bench', GIT_COMMITTER_EMAIL: 'bench@example.com' };

async function git(cwd: string, ...args: string[]): Promise<string> {
  return (await execa('git', args, { cwd, env: GIT_ENV })).stdout;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

/** Picks the file to edit: the first crate root (`src/lib.rs`, else `src/main.rs`, else any `.rs`). */
function pickFile(files: string[]): string {
  const rs = files.filter((f) => f.endsWith('.rs')).sort();
  const pick = rs.find((f) => f.endsWith('src/lib.rs')) ?? rs.find((f) => f.endsWith('src/main.rs')) ?? rs[0];
  if (!pick) throw new Error('no .rs file in the workspace');
  return pick;
}

/** Runs the benchmark and returns the numbers. */
export async function benchPreflight(opts: BenchPreflightOptions): Promise<BenchPreflightResult> {
  const runs = opts.runs ?? 3;
  const repo = mkdtempSync(path.join(os.tmpdir(), 'rg-bench-pf-'));
  cpSync(path.resolve(opts.workspace), repo, { recursive: true, filter: (src) => !SKIP.has(path.basename(src)) });
  await git(repo, 'init', '-q');
  await git(repo, 'add', '-A');
  await git(repo, 'commit', '-q', '-m', 'bench base');
  const files = (await git(repo, 'ls-files')).split('\n');
  const editedFile = pickFile(files);
  const plainTarget = path.join(repo, '..', `${path.basename(repo)}-plain-target`);

  // Cold: first run builds the shadow, the target dir and the shadow ISG from nothing.
  appendFileSync(path.join(repo, editedFile), '\n// rustgate bench edit 0\n');
  await git(repo, 'add', editedFile);
  const cold = await runPreflight({ repo, scope: 'staged' });
  // Warm the plain baseline on the same content; a workspace that does not pass plain cargo check measures nothing.
  const baseline = await cargoCheck({ cwd: repo, targetDir: plainTarget });
  if (baseline.buildSucceeded !== true || !cold.ok) {
    const first = baseline.diagnostics.find((d) => d.level === 'error')?.message ?? baseline.stderrTail.split('\n').find((l) => l.startsWith('error'));
    throw new Error(`${opts.workspace} does not pass \`cargo check --workspace --all-targets\` here (${first ?? 'see cargo'}); pick another workspace or revision`);
  }

  const warm: BenchPreflightResult['warm'] = [];
  for (let i = 1; i <= runs; i++) {
    appendFileSync(path.join(repo, editedFile), `// rustgate bench edit ${i}\n`);
    await git(repo, 'add', editedFile);
    // Alternate which one goes first so neither always gets the warmer page cache.
    let plain = i % 2 === 0 ? await cargoCheck({ cwd: repo, targetDir: plainTarget }) : null;
    const r = await runPreflight({ repo, scope: 'staged' });
    plain ??= await cargoCheck({ cwd: repo, targetDir: plainTarget });
    warm.push({ preflightMs: r.ms.total, cargoMs: r.ms.cargo, isgMs: r.ms.isg, shadowMs: r.ms.shadow, plainMs: plain.ms });
  }

  // The whole pre-commit hook as a developer meets it: `git commit` with the installed hook (built CLI required).
  let hook: BenchPreflightResult['hook'] = null;
  const cli = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'cli.js');
  if (existsSync(cli)) {
    await execa(process.execPath, [cli, 'hooks', 'install', '--repo', repo]);
    appendFileSync(path.join(repo, editedFile), '// rustgate bench hook edit\n');
    await git(repo, 'add', editedFile);
    const h0 = performance.now();
    await execa('git', ['commit', '-q', '-m', 'bench hook edit'], { cwd: repo, env: GIT_ENV });
    const commitMs = performance.now() - h0;
    const plain = await cargoCheck({ cwd: repo, targetDir: plainTarget });
    hook = { commitMs, plainMs: plain.ms };
    await execa(process.execPath, [cli, 'hooks', 'uninstall', '--repo', repo]);
  }

  // A failing change: the graph is refreshed and the error mapped (the cost a developer sees on a broken commit).
  const editedAbs = path.join(repo, editedFile);
  const before = readFileSync(editedAbs, 'utf8');
  writeFileSync(editedAbs, `${before}\npub fn rustgate_bench_broken() -> u64 { "not a number" }\n`);
  await git(repo, 'add', editedFile);
  const failing = await runPreflight({ repo, scope: 'staged' });
  if (failing.ok) throw new Error('the broken edit did not fail');
  writeFileSync(editedAbs, before);
  await git(repo, 'add', editedFile);
  const failingRun = { totalMs: failing.ms.total, cargoMs: failing.ms.cargo, isgMs: failing.ms.isg, mapped: failing.findings.filter((f) => f.isg !== null).length };

  // Commit the edits so the index differs from HEAD only by the README.
  await git(repo, 'commit', '-q', '--allow-empty', '-m', 'bench edits');
  const readme = path.join(repo, 'README.md');
  writeFileSync(readme, `${readFileSync(readme, { encoding: 'utf8', flag: 'a+' })}\nbench\n`);
  await git(repo, 'add', 'README.md');
  const t0 = performance.now();
  const skip = await runPreflight({ repo, scope: 'staged' });
  if (!skip.skipped) throw new Error('a README-only change did not skip cargo');
  const skipMs = performance.now() - t0;

  const ratio = median(warm.map((w) => w.preflightMs)) / median(warm.map((w) => w.plainMs));
  return { workspace: opts.workspace, editedFile, coldMs: cold.ms.total, warm, ratio, failing: failingRun, skipMs, hook };
}

/** Markdown table of a result. */
export function renderMarkdown(r: BenchPreflightResult): string {
  const f = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const lines = [
    `workspace: ${r.workspace} (edited ${r.editedFile})`,
    '',
    '| run | preflight | of which shadow | cargo | ISG | plain cargo check |',
    '|---|---|---|---|---|---|',
    ...r.warm.map((w, i) => `| warm ${i + 1} | ${f(w.preflightMs)} | ${f(w.shadowMs)} | ${f(w.cargoMs)} | ${f(w.isgMs)} | ${f(w.plainMs)} |`),
    '',
    `failing edit: ${f(r.failing.totalMs)} (cargo ${f(r.failing.cargoMs)}, ISG refresh + mapping ${f(r.failing.isgMs)}, ${r.failing.mapped} finding(s) mapped)`,
    '',
    `cold first run: ${f(r.coldMs)}; warm ratio preflight / plain cargo check: **${r.ratio.toFixed(2)}×** (goal ≤ 1.15×); README-only skip: ${f(r.skipMs)}`,
    r.hook
      ? `whole pre-commit hook (\`git commit\` of a one-line change): ${f(r.hook.commitMs)} vs plain cargo check ${f(r.hook.plainMs)} (${(r.hook.commitMs / r.hook.plainMs).toFixed(2)}×; budget 20 s)`
      : 'whole pre-commit hook: not measured (run `npm run build` first: the hook calls dist/cli.js)',
  ];
  return lines.join('\n');
}

/** Entry for `npm run bench -- preflight --workspace DIR [--runs N]`. */
export async function main(opts: Record<string, string>): Promise<void> {
  const workspace = opts.workspace ?? path.resolve('examples/ledger');
  const result = await benchPreflight({ workspace, ...(opts.runs ? { runs: Number(opts.runs) } : {}) });
  console.log(renderMarkdown(result));
}
