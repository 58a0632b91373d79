/**
 * Hook overhead benchmark: what the installed pre-commit hook adds to `git commit` beyond PreFlight's own time.
 * On a temporary git copy of `--workspace` (default examples/ledger), alternating in the same run: `git commit`
 * without hooks (the baseline) and with `rustgate hooks install`ed (rustgate on PATH as the built dist/cli.js, the
 * way `npm install -g` puts it), for a one-line comment edit of a `.rs` file and for a README-only edit.
 * Overhead = hook commit − plain commit − PreFlight's own `ms.total` (read from the hook's budget line, forced by
 * `budget_seconds: 0.001`). Target (issue 11): ≤ 0.3 s.
 */
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? Number.NaN : (s[(s.length - 1) >> 1]! + s[s.length >> 1]!) / 2;
};
const f = (ms: number): string => `${(ms / 1000).toFixed(3)} s`;

/** The first `.rs` file under `src/` of the workspace or of its first member with one. */
function firstRustFile(ws: string): string {
  const stack = ['src', 'crates'];
  while (stack.length > 0) {
    const rel = stack.shift()!;
    const abs = path.join(ws, rel);
    if (!existsSync(abs)) continue;
    for (const e of readdirSync(abs, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (e.isFile() && e.name.endsWith('.rs')) return path.join(rel, e.name);
      if (e.isDirectory()) stack.push(path.join(rel, e.name));
    }
  }
  throw new Error(`no .rs file under ${ws}/src or crates/`);
}

/** Runs `npm run bench -- hooks [--workspace DIR] [--runs N]`. */
export async function main(opts: Record<string, string>): Promise<void> {
  const cli = path.join(root, 'dist', 'cli.js');
  if (!existsSync(cli)) {
    console.log('hooks: not measured (run `npm run build` first: the hook calls dist/cli.js)');
    return;
  }
  const runs = Number(opts.runs ?? 5);
  const source = path.resolve(opts.workspace ?? path.join(root, 'examples', 'ledger'));
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'rg-bench-hooks-'));
  const repo = path.join(tmp, 'repo');
  cpSync(source, repo, { recursive: true, filter: (p) => !/[/\\](target|\.git|\.rustgate)$/.test(p) });
  const gitconfig = path.join(tmp, 'gitconfig');
  writeFileSync(gitconfig, '[user]\n\tname = bench\n\temail = bench@example.invalid\n');
  const bin = path.join(tmp, 'bin');
  mkdirSync(bin);
  symlinkSync(cli, path.join(bin, 'rustgate'));
  const env = { GIT_CONFIG_GLOBAL: gitconfig, GIT_CONFIG_NOSYSTEM: '1', PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}` };
  const git = (...args: string[]) => execa('git', args, { cwd: repo, env, reject: false, all: true });
  await git('init', '-q', '-b', 'main');
  writeFileSync(path.join(repo, '.gitignore'), 'target/\n');
  writeFileSync(path.join(repo, 'rustgate.yaml'), 'preflight:\n  budget_seconds: 0.001\n');
  await git('add', '-A');
  await git('commit', '-q', '-m', 'bench base');
  const rs = firstRustFile(repo);
  // Warm the user's target dir and rustgate's own, so every measured run is incremental.
  await execa('cargo', ['check', '--workspace', '--all-targets', '--quiet'], { cwd: repo, env });

  const commit = async (file: string, hooks: boolean): Promise<{ ms: number; preflightMs: number | null; all: string }> => {
    appendFileSync(path.join(repo, file), file.endsWith('.rs') ? '// bench edit\n' : 'bench edit\n');
    await git('add', file);
    const t = performance.now();
    const r = await git('commit', '-q', '-m', 'bench edit', ...(hooks ? [] : ['--no-verify']));
    const ms = performance.now() - t;
    if (r.exitCode !== 0) throw new Error(`git commit failed: ${String(r.all)}`);
    const took = /PreFlight took (\d+\.\d+) s/.exec(String(r.all));
    return { ms, preflightMs: took ? Number(took[1]) * 1000 : null, all: String(r.all) };
  };

  const inst = await execa(process.execPath, [cli, 'hooks', 'install', '--repo', repo], { env, reject: false, all: true });
  if (inst.exitCode !== 0) throw new Error(`hooks install failed: ${String(inst.all)}`);
  await commit(rs, true); // first hook run: fills .rustgate/target
  const rows: Record<'rs' | 'readme', { plain: number[]; hook: number[]; preflight: number[] }> = {
    rs: { plain: [], hook: [], preflight: [] },
    readme: { plain: [], hook: [], preflight: [] },
  };
  for (let i = 0; i < runs; i++) {
    for (const [kind, file] of [['rs', rs], ['readme', 'README.md']] as const) {
      const order = i % 2 === 0 ? [false, true] : [true, false];
      for (const hooks of order) {
        const r = await commit(file, hooks);
        if (!hooks) rows[kind].plain.push(r.ms);
        else {
          rows[kind].hook.push(r.ms);
          // A skipped PreFlight (README) stays under any budget line; its time counts as hook overhead.
          rows[kind].preflight.push(r.preflightMs ?? 0);
        }
      }
    }
  }
  const t0 = performance.now();
  for (let i = 0; i < runs; i++) await execa(process.execPath, ['-e', '0']);
  const nodeStart = (performance.now() - t0) / runs;
  const t1 = performance.now();
  for (let i = 0; i < runs; i++) await execa(process.execPath, [cli, '--version']);
  const version = (performance.now() - t1) / runs;

  console.log(`workspace: ${source} (edited ${rs}), ${runs} runs each, alternated; medians`);
  console.log('');
  console.log('| change | plain `git commit` | with the hook | PreFlight own (ms.total) | hook overhead (hook − plain − PreFlight) |');
  console.log('|---|---|---|---|---|');
  for (const [kind, label] of [['rs', 'one-line `.rs` comment'], ['readme', 'README only (PreFlight skips)']] as const) {
    const r = rows[kind];
    const overhead = r.hook.map((h, i) => h - (r.plain[i] ?? 0) - (r.preflight[i] ?? 0));
    console.log(`| ${label} | ${f(median(r.plain))} | ${f(median(r.hook))} | ${kind === 'rs' ? f(median(r.preflight)) : '—'} | **${f(median(overhead))}** |`);
  }
  console.log('');
  console.log(`floor for reference: node -e 0 ${f(nodeStart)}; rustgate --version ${f(version)} (mean of ${runs})`);
}
