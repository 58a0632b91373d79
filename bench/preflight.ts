/**
 * PreFlight benchmark on a real workspace, every case alternated with bare `cargo check --workspace --all-targets`
 * on the same content, in the same run, sharing the same warm target dir (as a developer's own builds would):
 * a warm clean edit in a leaf crate, a warm broken edit, the first run after `hooks install` (no `.rustgate/` yet,
 * the user's target warm), CLI start-up, and the disk `.rustgate/` takes. Works on a temporary clone of `--workspace`
 * (a git repository) whose target dir is `--target-dir` (default `<workspace>/target`, so a warm one is reused —
 * build it first; cold builds of real workspaces take minutes). The original work tree is only read.
 */
import { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { cargoCheck } from '../src/adapters/cargo/check.js';
import { readMembers } from '../src/adapters/cargo/members.js';
import { runPreflight } from '../src/app/preflight.js';

export interface BenchPreflightOptions {
  /** A git repository whose root holds the Cargo workspace (read only). */
  workspace: string;
  /** The leaf package to edit (default: the member nobody depends on with the most `.rs` files under it). */
  leaf?: string;
  /** The shared warm target dir (default `<workspace>/target`). */
  targetDir?: string;
  /** Alternated pairs per case (default 3). */
  runs?: number;
}

interface Pair {
  rustgateMs: number;
  bareMs: number;
}

export interface BenchPreflightResult {
  workspace: string;
  members: number;
  leaf: string;
  editedFile: string;
  clean: Pair[];
  broken: Pair[];
  firstAfterInstall: Pair;
  /** What the clean runs checked and where. */
  checked: { mode: string | null; packages: string[] | null };
  startup: { versionMs: number[]; nodeMs: number[] };
  /** Bytes under `.rustgate/` after the clean in-place runs. */
  diskBytes: number;
}

const GIT_ENV = { GIT_AUTHOR_NAME: 'bench', GIT_AUTHOR_EMAIL: 'bench@example.com', GIT_COMMITTER_NAME: 'bench', GIT_COMMITTER_EMAIL: 'bench@example.com' };

async function git(cwd: string, ...args: string[]): Promise<string> {
  return (await execa('git', args, { cwd, env: GIT_ENV })).stdout;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

function duBytes(dir: string): number {
  if (!existsSync(dir)) return 0;
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) n += duBytes(p);
    else if (e.isFile()) n += statSync(p).size;
  }
  return n;
}

/** Bare `cargo check --workspace --all-targets` as a developer runs it (the shared target dir from the environment). */
async function bare(repo: string): Promise<number> {
  const r = await cargoCheck({ cwd: repo, targetDir: null, keepGoing: false });
  return r.ms;
}

async function timed(cmd: string, args: string[]): Promise<number> {
  const t0 = performance.now();
  await execa(cmd, args);
  return performance.now() - t0;
}

/** Runs the benchmark and returns the numbers. */
export async function benchPreflight(opts: BenchPreflightOptions): Promise<BenchPreflightResult> {
  const runs = opts.runs ?? 3;
  const src = path.resolve(opts.workspace);
  const repo = mkdtempSync(path.join(os.tmpdir(), 'rg-bench-pf-'));
  await execa('git', ['clone', '-q', src, repo]);
  // Both sides share the developer's warm target dir, exactly as `cargo check` in their tree would.
  process.env.CARGO_TARGET_DIR = path.resolve(opts.targetDir ?? path.join(src, 'target'));
  const meta = await readMembers(repo);
  if (!meta.ok) throw new Error(`cargo metadata failed in ${src}: ${meta.error}`);
  const dependedOn = new Set(meta.members.flatMap((m) => m.deps));
  const files = (await git(repo, 'ls-files', '*.rs')).split('\n').filter(Boolean);
  const ownerDir = (f: string): string => [...meta.members].map((m) => m.manifestDir).filter((d) => d === '' || f.startsWith(`${d}/`)).sort((a, b) => b.length - a.length)[0] ?? '';
  const leaves = meta.members.filter((m) => !dependedOn.has(m.name));
  const leaf = opts.leaf ? meta.members.find((m) => m.name === opts.leaf) : leaves.sort((a, b) => files.filter((f) => ownerDir(f) === b.manifestDir).length - files.filter((f) => ownerDir(f) === a.manifestDir).length)[0];
  if (!leaf) throw new Error(`no leaf package ${opts.leaf ?? ''} in ${src}`);
  const prefix = leaf.manifestDir === '' ? '' : `${leaf.manifestDir}/`;
  const editedFile = [`${prefix}src/lib.rs`, `${prefix}src/main.rs`].find((f) => existsSync(path.join(repo, f))) ?? files.find((f) => ownerDir(f) === leaf.manifestDir);
  if (!editedFile) throw new Error(`no source file for ${leaf.name}`);
  const abs = path.join(repo, editedFile);
  let n = 0;
  const edit = async (): Promise<void> => {
    appendFileSync(abs, `\n// rustgate bench edit ${++n}\n`);
    await git(repo, 'add', editedFile);
  };

  // Warm-up: the clone's own workspace crates compile once into the shared target (dependencies stay fresh).
  await bare(repo);
  await edit();
  await runPreflight({ repo, scope: 'staged' });

  // First run after `hooks install`: no `.rustgate/` at all, the user's target warm.
  rmSync(path.join(repo, '.rustgate'), { recursive: true, force: true });
  await edit();
  const first = await runPreflight({ repo, scope: 'staged' });
  await edit();
  const firstAfterInstall = { rustgateMs: first.ms.total, bareMs: await bare(repo) };

  const clean: Pair[] = [];
  let checked: BenchPreflightResult['checked'] = { mode: null, packages: null };
  for (let i = 0; i < runs; i++) {
    // Each side checks its own fresh edit of the same file; the order alternates.
    const pair: Partial<Pair> = {};
    for (const side of i % 2 === 0 ? ['rustgate', 'bare'] : ['bare', 'rustgate']) {
      await edit();
      if (side === 'bare') pair.bareMs = await bare(repo);
      else {
        const r = await runPreflight({ repo, scope: 'staged' });
        if (!r.ok) throw new Error(`the clean edit failed: ${r.findings[0]?.diagnostic.message ?? ''}`);
        checked = { mode: r.mode, packages: r.checkedPackages };
        pair.rustgateMs = r.ms.total;
      }
    }
    clean.push(pair as Pair);
  }
  const diskBytes = duBytes(path.join(repo, '.rustgate'));

  // A broken edit: a failed crate is never fresh, so both sides compile it again whatever the order.
  const before = readFileSync(abs, 'utf8');
  writeFileSync(abs, `${before}\npub fn rustgate_bench_broken() -> u64 { "not a number" }\n`);
  await git(repo, 'add', editedFile);
  const broken: Pair[] = [];
  for (let i = 0; i < runs; i++) {
    const pair: Partial<Pair> = {};
    for (const side of i % 2 === 0 ? ['rustgate', 'bare'] : ['bare', 'rustgate']) {
      if (side === 'bare') pair.bareMs = await bare(repo);
      else {
        const r = await runPreflight({ repo, scope: 'staged' });
        if (r.ok) throw new Error('the broken edit did not fail');
        pair.rustgateMs = r.ms.total;
      }
    }
    broken.push(pair as Pair);
  }
  writeFileSync(abs, before);

  // Start-up of the built CLI against Node's own.
  const cli = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'cli.js');
  const startup = { versionMs: [] as number[], nodeMs: [] as number[] };
  if (existsSync(cli)) {
    for (let i = 0; i < 5; i++) {
      startup.nodeMs.push(await timed(process.execPath, ['-e', '0']));
      startup.versionMs.push(await timed(process.execPath, [cli, '--version']));
    }
  }
  rmSync(repo, { recursive: true, force: true });
  return { workspace: src, members: meta.members.length, leaf: leaf.name, editedFile, clean, broken, firstAfterInstall, checked, startup, diskBytes };
}

/** Markdown table of a result. */
export function renderMarkdown(r: BenchPreflightResult): string {
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const row = (name: string, pairs: Pair[]) => {
    const a = median(pairs.map((p) => p.rustgateMs));
    const b = median(pairs.map((p) => p.bareMs));
    return `| ${name} | ${s(a)} | ${s(b)} | **${(a / b).toFixed(2)}×** | ${pairs.map((p) => `${s(p.rustgateMs)}/${s(p.bareMs)}`).join(', ')} |`;
  };
  return [
    `workspace: ${r.workspace} — ${r.members} members; leaf ${r.leaf} (edited ${r.editedFile}); clean runs checked ${r.checked.packages === null ? 'the whole workspace' : `-p ${r.checked.packages.join(' -p ')}`} ${r.checked.mode ?? ''}`,
    '',
    '| case | rustgate (median) | bare cargo check (median) | ratio | pairs (rustgate/bare) |',
    '|---|---|---|---|---|',
    row('warm clean edit, leaf', r.clean),
    row('warm broken edit, leaf', r.broken),
    row('first run after install, target warm', [r.firstAfterInstall]),
    '',
    r.startup.versionMs.length > 0
      ? `start-up: \`rustgate --version\` ${s(median(r.startup.versionMs))} vs \`node -e 0\` ${s(median(r.startup.nodeMs))} (median of 5 each, alternated)`
      : 'start-up: not measured (run `npm run build` first)',
    `\`.rustgate/\` after the clean runs: ${(r.diskBytes / 1024 / 1024).toFixed(2)} MB`,
  ].join('\n');
}

/** Entry for `npm run bench -- preflight --workspace DIR [--leaf PKG] [--target-dir DIR] [--runs N]`. */
export async function main(opts: Record<string, string>): Promise<void> {
  const workspace = opts.workspace ?? path.resolve('examples/ledger');
  const result = await benchPreflight({
    workspace,
    ...(opts.leaf ? { leaf: opts.leaf } : {}),
    ...(opts['target-dir'] ? { targetDir: opts['target-dir'] } : {}),
    ...(opts.runs ? { runs: Number(opts.runs) } : {}),
  });
  console.log(renderMarkdown(result));
}
