/**
 * Install benchmark: the npm package as a user gets it. Packs a copy of the checkout (`npm pack`, so its `prepare`
 * and `prepack` scripts run as they would from a fresh clone), installs the tarball with `--omit=dev` into an empty
 * project, and reports `node_modules` size, package count and install time; then runs the installed `rustgate`:
 * `--version`, `preflight --staged` on a git copy of examples/ledger with a staged change, `hooks install`, and a
 * commit through the installed pre-commit hook. `--baseline REF` measures the package packed from a git revision in
 * the same run (e.g. the commit before a dependency change). Target (issue 16): ≤ 60 MB of node_modules.
 *
 * `npm run bench -- install [--baseline REF] [--offline true] [--cold true]` (`--cold`: each install with an empty npm
 * cache, as a first install downloads everything). The test (test/install/pack.test.ts) reuses these steps with a
 * bundle built directly instead of the `npm pack` scripts, to stay fast.
 */
import { copyFileSync, cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Size target of the production install (issue 16). */
export const NODE_MODULES_TARGET_MB = 60;

const MB = 1024 * 1024;

/**
 * A copy of the checkout at `dest`: the working tree's tracked and untracked (not ignored) files, or the tree of `ref`
 * (git archive). This repository's node_modules is linked in, so the package's build scripts run without an install.
 */
export async function copyCheckout(dest: string, ref?: string): Promise<void> {
  mkdirSync(dest, { recursive: true });
  if (ref) {
    const archive = path.join(path.dirname(dest), `${path.basename(dest)}.tar`);
    await execa('git', ['archive', '--format=tar', '-o', archive, ref], { cwd: ROOT });
    await execa('tar', ['-xf', archive, '-C', dest]);
    rmSync(archive);
  } else {
    const listed = await execa('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT });
    for (const rel of String(listed.stdout).split('\0')) {
      if (rel === '' || rel === 'node_modules' || !existsSync(path.join(ROOT, rel))) continue;
      const to = path.join(dest, rel);
      mkdirSync(path.dirname(to), { recursive: true });
      if (lstatSync(path.join(ROOT, rel)).isFile()) copyFileSync(path.join(ROOT, rel), to);
    }
  }
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(dest, 'node_modules'), 'dir');
}

/** `npm pack` in `dir` into `outDir`; with `ignoreScripts` its prepare/prepack scripts do not run. */
export async function pack(dir: string, outDir: string, ignoreScripts = false): Promise<{ tarball: string; bytes: number; ms: number }> {
  const t = performance.now();
  const r = await execa('npm', ['pack', '--json', '--pack-destination', outDir, ...(ignoreScripts ? ['--ignore-scripts'] : [])], { cwd: dir, reject: false });
  const ms = performance.now() - t;
  if (r.exitCode !== 0) throw new Error(`npm pack failed in ${dir}: ${String(r.stderr).slice(-2000)}`);
  // With scripts, their output precedes the JSON array on stdout.
  const out = String(r.stdout);
  const [info] = JSON.parse(out.slice(out.lastIndexOf('\n[') + 1)) as Array<{ filename: string; size: number }>;
  if (!info) throw new Error(`npm pack printed no file: ${out.slice(-500)}`);
  return { tarball: path.join(outDir, info.filename), bytes: info.size, ms };
}

export interface Installed {
  project: string;
  /** The installed `rustgate` command (node_modules/.bin). */
  bin: string;
  ms: number;
  /** Disk usage of node_modules (`du -sk`). */
  bytes: number;
  /** npm's own count ("added N packages"). */
  packages: number;
  /** Top-level entries of node_modules (scopes expanded), .bin and npm's lock excluded. */
  topLevel: string[];
  npmOutput: string;
}

/**
 * Installs `tarball` with `--omit=dev` into a new empty project under `parent`, as a user would. `cold`: with an empty
 * npm cache of its own, so every dependency is downloaded (a first install); else npm's cache serves what it holds.
 */
export async function installTarball(tarball: string, parent: string, opts: { offline?: boolean; cold?: boolean } = {}): Promise<Installed> {
  const project = mkdtempSync(path.join(parent, 'project-'));
  writeFileSync(path.join(project, 'package.json'), '{ "name": "probe", "version": "1.0.0", "private": true }\n');
  const args = ['install', '--omit=dev', '--no-audit', '--no-fund', ...(opts.offline ? ['--offline'] : []), ...(opts.cold ? ['--cache', mkdtempSync(path.join(parent, 'npm-cache-'))] : []), tarball];
  const t = performance.now();
  const r = await execa('npm', args, { cwd: project, reject: false, all: true });
  const ms = performance.now() - t;
  const npmOutput = String(r.all);
  if (r.exitCode !== 0) throw new Error(`npm install of ${tarball} failed: ${npmOutput.slice(-2000)}`);
  const nm = path.join(project, 'node_modules');
  const du = await execa('du', ['-sk', nm]);
  const topLevel = readdirSync(nm)
    .filter((n) => n !== '.bin' && n !== '.package-lock.json')
    .flatMap((n) => (n.startsWith('@') ? readdirSync(path.join(nm, n)).map((s) => `${n}/${s}`) : [n]))
    .sort();
  return {
    project,
    bin: path.join(nm, '.bin', process.platform === 'win32' ? 'rustgate.cmd' : 'rustgate'),
    ms,
    bytes: Number(String(du.stdout).split(/\s/)[0]) * 1024,
    packages: Number(/added (\d+) packages?/.exec(npmOutput)?.[1] ?? Number.NaN),
    topLevel,
    npmOutput,
  };
}

export interface Probe {
  version: string;
  versionMs: number;
  /** `build-isg --json`: the parser (tree-sitter prebuilds) and the store (Cozo wasm) load from the install. */
  buildIsg: { exitCode: number; nodes: number; ms: number; stderr: string };
  preflight: { exitCode: number; ok: boolean | null; changed: string[]; ms: number; stderr: string };
  hooksInstall: { exitCode: number; output: string };
  /** The hook shim's text, to see which CLI it falls back to. */
  hook: string;
  /** A commit of a staged type error through the installed hook (must be refused) and of a good change (must pass). */
  brokenCommitRefused: boolean;
  goodCommit: { exitCode: number; ms: number; output: string };
}

/** PATH without any directory that holds another `rustgate`, so the hook finds the installed one. */
function pathWithoutRustgate(): string {
  return (process.env.PATH ?? '')
    .split(path.delimiter)
    .filter((d) => d !== '' && !existsSync(path.join(d, 'rustgate')))
    .join(path.delimiter);
}

/** Runs the installed CLI from `bin` against a temp git copy of examples/ledger. */
export async function probeInstalled(bin: string, parent: string): Promise<Probe> {
  const repo = mkdtempSync(path.join(parent, 'ledger-'));
  cpSync(path.join(ROOT, 'examples', 'ledger'), repo, { recursive: true, filter: (p) => !/[/\\](target|\.git|\.rustgate)$/.test(p) });
  const gitconfig = path.join(parent, 'gitconfig');
  writeFileSync(gitconfig, '[user]\n\tname = rustgate probe\n\temail = probe@rustgate.invalid\n');
  const keep = ['HOME', 'CARGO_HOME', 'RUSTUP_HOME', 'RUSTUP_TOOLCHAIN'];
  const env = {
    ...Object.fromEntries(keep.filter((k) => process.env[k]).map((k) => [k, process.env[k] as string])),
    PATH: pathWithoutRustgate(),
    GIT_CONFIG_GLOBAL: gitconfig,
    GIT_CONFIG_NOSYSTEM: '1',
  };
  const run = (file: string, args: string[]) => execa(file, args, { cwd: repo, env, extendEnv: false, reject: false, all: true });
  await run('git', ['init', '-q', '-b', 'main']);
  writeFileSync(path.join(repo, '.gitignore'), 'target/\n.rustgate/\n');
  await run('git', ['add', '-A']);
  await run('git', ['commit', '-q', '-m', 'base']);

  let t = performance.now();
  const v = await run(bin, ['--version']);
  const versionMs = performance.now() - t;

  t = performance.now();
  const isg = await run(bin, ['build-isg', '--json']);
  const isgMs = performance.now() - t;
  let nodes = 0;
  try {
    nodes = (JSON.parse(String(isg.stdout)) as { nodes: number }).nodes;
  } catch {
    // nodes stays 0: the run failed, its stderr says why.
  }

  const lib = path.join(repo, 'crates', 'ledger-app', 'src', 'lib.rs');
  const base = readFileSync(lib, 'utf8');
  writeFileSync(lib, `${base}\npub fn probe_added() -> u32 { 1 }\n`);
  await run('git', ['add', '-A']);
  t = performance.now();
  const pf = await run(bin, ['preflight', '--staged', '--format', 'json']);
  const pfMs = performance.now() - t;
  let report: { ok?: boolean; changed_files?: string[] } = {};
  try {
    report = JSON.parse(String(pf.stdout)) as typeof report;
  } catch {
    // Reported through ok: null below.
  }

  const hooks = await run(bin, ['hooks', 'install']);
  const hook = existsSync(path.join(repo, '.git', 'hooks', 'pre-commit')) ? readFileSync(path.join(repo, '.git', 'hooks', 'pre-commit'), 'utf8') : '';
  // A type error in the staged content: the hook must refuse the commit.
  writeFileSync(lib, `${base}\npub fn probe_broken() -> u32 { "no" }\n`);
  await run('git', ['add', '-A']);
  const broken = await run('git', ['commit', '-q', '-m', 'broken']);
  writeFileSync(lib, `${base}\npub fn probe_added() -> u32 { 1 }\n`);
  await run('git', ['add', '-A']);
  t = performance.now();
  const good = await run('git', ['commit', '-q', '-m', 'good']);
  const goodMs = performance.now() - t;
  return {
    version: String(v.stdout).trim(),
    versionMs,
    buildIsg: { exitCode: isg.exitCode ?? -1, nodes, ms: isgMs, stderr: String(isg.stderr) },
    preflight: { exitCode: pf.exitCode ?? -1, ok: typeof report.ok === 'boolean' ? report.ok : null, changed: report.changed_files ?? [], ms: pfMs, stderr: String(pf.stderr) },
    hooksInstall: { exitCode: hooks.exitCode ?? -1, output: String(hooks.all) },
    hook,
    brokenCommitRefused: broken.exitCode !== 0 && /E0308|mismatched types/.test(String(broken.all)),
    goodCommit: { exitCode: good.exitCode ?? -1, ms: goodMs, output: String(good.all) },
  };
}

const s = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
const mb = (bytes: number): string => `${(bytes / MB).toFixed(1)} MB`;

/** Runs `npm run bench -- install [--baseline REF] [--offline true] [--cold true]`. */
export async function main(opts: Record<string, string>): Promise<void> {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'rg-bench-install-'));
  const offline = opts.offline === 'true';
  const cold = opts.cold === 'true';
  const subjects: Array<{ label: string; ref?: string }> = [];
  if (opts.baseline) subjects.push({ label: `baseline (${opts.baseline})`, ref: opts.baseline });
  subjects.push({ label: 'this checkout' });
  console.log(`| package | npm pack (with its scripts) | tarball | install --omit=dev${cold ? ', empty npm cache' : ''} | node_modules | packages | top level | \`--version\` | \`build-isg\` | \`preflight --staged\` | \`hooks install\` | hook refuses a type error / passes a good commit |`);
  console.log('|---|---|---|---|---|---|---|---|---|---|---|---|');
  const sizes: number[] = [];
  const warnings: string[] = [];
  try {
    for (const subject of subjects) {
      const dir = path.join(tmp, `src-${sizes.length}`);
      await copyCheckout(dir, subject.ref);
      const packed = await pack(dir, tmp);
      const inst = await installTarball(packed.tarball, tmp, { offline, cold });
      const p = await probeInstalled(inst.bin, tmp);
      sizes.push(inst.bytes);
      const top = inst.topLevel.length <= 3 ? inst.topLevel.join(', ') : `${inst.topLevel.length} entries`;
      const pf = p.preflight.exitCode === 0 && p.preflight.ok === true ? `ok, ${s(p.preflight.ms)}` : `exit ${p.preflight.exitCode}: ${p.preflight.stderr.trim().split('\n')[0] ?? ''}`;
      const isg = p.buildIsg.exitCode === 0 ? `${p.buildIsg.nodes} nodes, ${s(p.buildIsg.ms)}` : `exit ${p.buildIsg.exitCode}: ${p.buildIsg.stderr.trim().split('\n')[0] ?? ''}`;
      const commits = `${p.brokenCommitRefused ? 'refused' : 'NOT refused'} / ${p.goodCommit.exitCode === 0 ? `passed, ${s(p.goodCommit.ms)}` : `exit ${p.goodCommit.exitCode}`}`;
      console.log(
        `| ${subject.label} | ${s(packed.ms)} | ${mb(packed.bytes)} | ${s(inst.ms)} | **${mb(inst.bytes)}** | ${inst.packages} | ${top} | ${p.version} (${s(p.versionMs)}) | ${isg} | ${pf} | exit ${p.hooksInstall.exitCode} | ${commits} |`,
      );
      const warned = inst.npmOutput.split('\n').filter((l) => /warn/i.test(l) && l.trim() !== 'npm warn install-scripts');
      if (warned.length > 0) warnings.push(`npm warnings installing ${subject.label}:`, ...warned.map((l) => `  ${l.trim()}`));
    }
    if (warnings.length > 0) console.log(`\n${warnings.join('\n')}`);
    const last = sizes[sizes.length - 1]!;
    const target = last <= NODE_MODULES_TARGET_MB * MB ? '✓' : '✗';
    console.log(`\nnode_modules ${mb(last)} vs target ≤ ${NODE_MODULES_TARGET_MB} MB: ${target}${sizes.length === 2 ? `; ${(last / sizes[0]!).toFixed(2)}× the baseline` : ''}`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
