/**
 * `npm run bench -- crash [--trials N] [--seed S] [--minutes M]`: crash consistency. Runs `debug-bug --apply`, `preflight --staged`
 * and `build-isg` on a git copy of examples/ledger with a staged broken change, kills the CLI with SIGKILL / SIGINT /
 * SIGTERM at a random moment (some aimed at the write→commit window through the test-only hook
 * RUSTGATE_TEST_PAUSE_AFTER_WRITE_MS), then checks: git fsck is clean; no git lock is left; after the next run (which
 * recovers an interrupted apply) the repository is exactly the before state or the committed fix, with no journal,
 * lock or temp file left in `.rustgate/`; no cargo/rustc process of the killed run survives; and the rerun works.
 * Needs `npm run build` (drives dist/cli.js, as a user would).
 */
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const cli = path.join(root, 'dist', 'cli.js');
const WORKER = 'crates/ledger-app/src/worker.rs';

type Command = 'debug-bug' | 'debug-bug-window' | 'preflight' | 'build-isg';
type Sig = 'SIGKILL' | 'SIGINT' | 'SIGTERM';

interface Trial {
  command: Command;
  signal: Sig;
  delayMs: number;
  /** 'before' | 'fixed' | an inconsistency. */
  outcome: string;
  recovered: string | null;
  orphans: number;
  ok: boolean;
  dataLost: boolean;
}

/** A small deterministic PRNG so a seed reproduces the kill schedule. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const git = (cwd: string, ...args: string[]): string => execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
const gitCode = (cwd: string, ...args: string[]): number => {
  try {
    execFileSync('git', args, { cwd, stdio: 'ignore' });
    return 0;
  } catch (e) {
    return (e as { status?: number }).status ?? -1;
  }
};

/** Runs the CLI to completion (nice'd); resolves to its exit code and stderr. */
function runCli(repo: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number | null; stderr: string; ms: number }> {
  const t0 = Date.now();
  return new Promise((resolve) => {
    const c = spawn('nice', ['-n', '10', process.execPath, cli, ...args, '--repo', repo], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    c.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    c.on('close', (code) => resolve({ code, stderr, ms: Date.now() - t0 }));
  });
}

/** Pids whose working directory is inside `dir` (cargo, rustc and build scripts of a run), other than ours. */
function processesIn(dir: string): number[] {
  const out: number[] = [];
  for (const e of readdirSync('/proc').filter((x) => /^\d+$/.test(x))) {
    try {
      const cwd = readlinkSync(`/proc/${e}/cwd`);
      if (cwd === dir || cwd.startsWith(`${dir}/`)) {
        const state = readFileSync(`/proc/${e}/stat`, 'utf8').split(') ')[1]?.[0];
        if (state !== 'Z') out.push(Number(e));
      }
    } catch {
      // gone, or not ours
    }
  }
  return out;
}

function argsOf(command: Command): string[] {
  if (command === 'preflight') return ['preflight', '--staged'];
  if (command === 'build-isg') return ['build-isg'];
  return ['debug-bug', '--apply'];
}

/** Puts the repository back to the trial's start: BASE with the broken change staged. */
function reset(repo: string, base: string, broken: string): void {
  git(repo, 'reset', '-q', '--hard', base);
  writeFileSync(path.join(repo, WORKER), broken);
  git(repo, 'add', WORKER);
}

/** Runs the bench; prints the table and the totals. */
export async function main(opts: Record<string, string>): Promise<void> {
  if (!existsSync(cli)) throw new Error('dist/cli.js is missing: run `npm run build` first');
  const trials = Number(opts.trials ?? 100);
  // A time budget: on a loaded machine debug-bug --apply can take a minute; stop starting trials after M minutes.
  const stopAt = opts.minutes ? Date.now() + Number(opts.minutes) * 60_000 : Infinity;
  const rand = prng(Number(opts.seed ?? 7));
  const repo = mkdtempSync(path.join(os.tmpdir(), 'rustgate-crash-'));
  cpSync(path.join(root, 'examples', 'ledger'), repo, { recursive: true });
  git(repo, 'init', '-q', '-b', 'main');
  git(repo, 'config', 'user.name', 'rustgate crash bench');
  git(repo, 'config', 'user.email', 'crash@example.invalid');
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'ledger example');
  const base = git(repo, 'rev-parse', 'HEAD');
  const original = readFileSync(path.join(repo, WORKER), 'utf8');
  const broken = original.replace("FnOnce() -> u64 + Send + 'static", "FnOnce() -> u64 + 'static");
  if (broken === original) throw new Error('the example no longer has the Send bound this bench breaks');

  // Warm up (fills .rustgate/target) and measure each command's duration: kills are spread over it.
  const duration: Record<string, number> = {};
  for (const c of ['build-isg', 'preflight', 'debug-bug'] as const) {
    reset(repo, base, broken);
    const r = await runCli(repo, argsOf(c));
    duration[c] = r.ms;
    console.log(`warm-up ${c}: exit ${r.code} in ${r.ms} ms`);
  }

  // The schedule: SIGKILL trials spread over the commands (a quarter aimed at debug-bug's write→commit window),
  // with a SIGINT and a SIGTERM trial after every eight, so a time budget still covers every signal.
  const plan: { command: Command; signal: Sig }[] = [];
  const cycle: Command[] = ['debug-bug', 'debug-bug-window', 'preflight', 'build-isg', 'debug-bug-window', 'preflight', 'build-isg', 'debug-bug'];
  for (let i = 0; i < trials; i++) {
    plan.push({ command: cycle[i % cycle.length]!, signal: 'SIGKILL' });
    if (i % 8 === 7) plan.push({ command: cycle[(i / 8) % cycle.length | 0]!, signal: (i / 8) % 2 < 1 ? 'SIGINT' : 'SIGTERM' });
  }

  const results: Trial[] = [];
  for (const [i, p] of plan.entries()) {
    if (Date.now() > stopAt) {
      console.log(`time budget reached after ${results.length} of ${plan.length} planned trials`);
      break;
    }
    reset(repo, base, broken);
    const beforeHead = git(repo, 'rev-parse', 'HEAD');
    const beforeIndex = git(repo, 'write-tree');
    const window = p.command === 'debug-bug-window';
    const marker = path.join(repo, '.rustgate', `crash-marker-${i}`);
    const env = window ? { RUSTGATE_TEST_PAUSE_AFTER_WRITE_MS: '1500', RUSTGATE_TEST_WRITE_MARKER: marker } : {};
    const child = spawn(process.execPath, [cli, ...argsOf(p.command), '--repo', repo], { env: { ...process.env, ...env }, stdio: 'ignore' });
    let delayMs: number;
    if (window) {
      // Wait for the write, then kill somewhere in the window (or just after it closes).
      const deadline = Date.now() + 120_000;
      while (!existsSync(marker) && Date.now() < deadline && child.exitCode === null) await new Promise((r) => setTimeout(r, 20));
      delayMs = Math.floor(rand() * 1700);
    } else {
      delayMs = Math.floor(rand() * (duration[p.command === 'debug-bug' ? 'debug-bug' : p.command] ?? 3000) * 1.1);
    }
    await new Promise((r) => setTimeout(r, delayMs));
    const exited = new Promise<void>((r) => (child.exitCode !== null ? r() : child.on('close', () => r())));
    child.kill(p.signal);
    await exited;
    rmSync(marker, { force: true });
    // Children of the killed run (cargo, rustc, build scripts) must go with it (the group watchdog polls at 0.2 s).
    await new Promise((r) => setTimeout(r, 1500));
    const orphans = processesIn(repo).length;

    const problems: string[] = [];
    if (gitCode(repo, 'fsck', '--no-progress', '--no-dangling') !== 0) problems.push('git fsck failed');
    for (const l of ['index.lock', 'HEAD.lock', 'refs/heads/main.lock']) if (existsSync(path.join(repo, '.git', l))) problems.push(`.git/${l} left`);
    // The next run recovers an interrupted apply (any locked command) and must work.
    const rerun = await runCli(repo, ['preflight', '--staged']);
    if (rerun.code !== 0 && rerun.code !== 1) problems.push(`rerun exit ${String(rerun.code)}`);
    const recovered = /an interrupted debug-bug --apply was (finished|rolled back|left)/.exec(rerun.stderr)?.[1] ?? null;
    const head = git(repo, 'rev-parse', 'HEAD');
    const disk = readFileSync(path.join(repo, WORKER), 'utf8');
    let outcome: string;
    let dataLost = false;
    if (head === beforeHead) {
      outcome = 'before';
      if (disk !== broken) {
        problems.push('worktree differs from the before state');
        dataLost = true;
      }
      if (git(repo, 'write-tree') !== beforeIndex) problems.push('index differs from the before state');
    } else if (git(repo, 'rev-parse', 'HEAD^') === beforeHead) {
      outcome = 'fixed';
      const committed = git(repo, 'show', `HEAD:${WORKER}`);
      if (!committed.includes('Send')) problems.push('the commit is not the fix');
      if (`${committed}\n` !== disk && committed !== disk) problems.push('worktree differs from the commit');
      if (git(repo, 'status', '--porcelain', '--', WORKER) !== '') problems.push('index or worktree differs from the commit');
    } else {
      outcome = 'moved';
      problems.push('HEAD is neither the before state nor one fix commit on it');
      dataLost = true;
    }
    const left = existsSync(path.join(repo, '.rustgate')) ? readdirSync(path.join(repo, '.rustgate')).filter((n) => /^apply-|\.tmp$|^lock$/.test(n)) : [];
    if (left.length > 0) problems.push(`left in .rustgate/: ${left.join(', ')}`);
    if (orphans > 0) problems.push(`${orphans} child processes survived`);
    const t: Trial = { command: p.command, signal: p.signal, delayMs, outcome, recovered, orphans, ok: problems.length === 0, dataLost };
    results.push(t);
    console.log(`${String(i + 1).padStart(3)} ${p.signal.padEnd(7)} ${p.command.padEnd(16)} +${String(delayMs).padStart(5)} ms → ${outcome.padEnd(6)} ${recovered ? `(recovery: ${recovered}) ` : ''}${problems.length ? `FAIL: ${problems.join('; ')}` : 'ok'}`);
  }

  console.log('\n| signal | command | trials | survived | before state | committed fix | recovered (finished / rolled back) | data lost | orphans |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  const keys = Array.from(new Set(results.map((r) => `${r.signal} ${r.command}`)));
  for (const k of keys) {
    const rs = results.filter((r) => `${r.signal} ${r.command}` === k);
    const [sig, cmd] = k.split(' ');
    console.log(
      `| ${sig} | ${cmd} | ${rs.length} | ${rs.filter((r) => r.ok).length} | ${rs.filter((r) => r.outcome === 'before').length} | ${rs.filter((r) => r.outcome === 'fixed').length} | ${rs.filter((r) => r.recovered === 'finished').length} / ${rs.filter((r) => r.recovered === 'rolled back').length} | ${rs.filter((r) => r.dataLost).length} | ${rs.reduce((n, r) => n + r.orphans, 0)} |`,
    );
  }
  const kills = results.filter((r) => r.signal === 'SIGKILL');
  console.log(`\nSIGKILL: ${kills.length} trials, ${kills.filter((r) => r.ok).length} survived, ${kills.filter((r) => r.dataLost).length} data lost; all signals: ${results.length} trials, ${results.filter((r) => r.ok).length} survived.`);
  rmSync(repo, { recursive: true, force: true });
}
