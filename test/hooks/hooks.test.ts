import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { beforeAll, describe, expect, it } from 'vitest';
import { installHooks, uninstallHooks, type HookCli } from '../../src/adapters/hooks/index.js';

// Isolate every git call (ours and the hooks') from the machine's global and system config.
const emptyConfig = path.join(mkdtempSync(path.join(os.tmpdir(), 'rg-hooks-gitconfig-')), 'gitconfig');
writeFileSync(emptyConfig, '');
process.env.GIT_CONFIG_GLOBAL = emptyConfig;
process.env.GIT_CONFIG_NOSYSTEM = '1';
process.env.RG_STANDIN_TARGET = path.join(os.tmpdir(), 'rustgate-test-target-hooks');
delete process.env.RUSTGATE;

const standin = path.join(import.meta.dirname, '../fixtures/hooks/standin-cli.ts');
const tsx = import.meta.resolve('tsx');
/** The hooks call the stand-in CLI (real `hooks` commands, cargo-check `preflight`) through tsx. */
const cli: HookCli = { node: process.execPath, args: ['--import', tsx, standin] };

async function git(cwd: string, ...args: string[]): Promise<{ exitCode: number; stdout: string; stderr: string; all: string }> {
  const r = await execa('git', args, { cwd, reject: false, all: true, stdin: 'ignore' });
  return { exitCode: r.exitCode ?? -1, stdout: String(r.stdout), stderr: String(r.stderr), all: String(r.all) };
}

/** A fresh git repo holding the fixture crate, committed. */
async function makeRepo(): Promise<string> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'rg-hooks-repo-'));
  cpSync(path.join(import.meta.dirname, '../fixtures/hooks/crate'), dir, { recursive: true });
  await git(dir, 'init', '-q', '-b', 'main');
  await git(dir, 'config', 'user.name', 'Hook Test');
  await git(dir, 'config', 'user.email', 'hooks@example.invalid');
  writeFileSync(path.join(dir, '.gitignore'), 'target/\n');
  await git(dir, 'add', '-A');
  await git(dir, 'commit', '-q', '-m', 'initial');
  return dir;
}

/** Writes an executable hook that appends its name to `marker` (the "old hook ran" side effect). */
function writeMarkerHook(file: string, marker: string, label: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `#!/bin/sh\necho ${label} >> '${marker}'\n`);
  chmodSync(file, 0o755);
}

const markerLines = (marker: string): string[] => (existsSync(marker) ? readFileSync(marker, 'utf8').trim().split('\n') : []);

/** Stages an edit of src/lib.rs and tries to commit it. */
async function commitLib(repo: string, body: string, env: Record<string, string> = {}): Promise<{ exitCode: number; all: string }> {
  writeFileSync(path.join(repo, 'src/lib.rs'), body);
  await git(repo, 'add', 'src/lib.rs');
  const r = await execa('git', ['commit', '-q', '-m', 'edit'], { cwd: repo, reject: false, all: true, env, stdin: 'ignore' });
  return { exitCode: r.exitCode ?? -1, all: String(r.all) };
}

const clean = 'pub fn add(a: u32, b: u32) -> u32 {\n    a.wrapping_add(b)\n}\n';
const broken = 'pub fn add(a: u32, b: u32) -> u32 {\n    a + "b"\n}\n';

/** Every file under `dir` (relative path → content and mode), to compare states byte for byte. */
function snapshot(dir: string, skip: (rel: string) => boolean): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const abs = path.join(d, name);
      const rel = path.relative(dir, abs);
      if (skip(rel)) continue;
      const st = statSync(abs);
      if (st.isDirectory()) walk(abs);
      else out[rel] = `${(st.mode & 0o777).toString(8)}:${readFileSync(abs).toString('base64')}`;
    }
  };
  walk(dir);
  return out;
}
const userState = (repo: string): Record<string, string> =>
  snapshot(repo, (rel) => rel === '.git/index' || rel === '.git/logs' || rel.startsWith('.git/objects') || rel === 'target' || rel === '.rustgate');

beforeAll(async () => {
  // Warm the shared target dir so each hook's cargo check is incremental.
  const repo = await makeRepo();
  await execa('cargo', ['check', '--quiet'], { cwd: repo, env: { CARGO_TARGET_DIR: process.env.RG_STANDIN_TARGET! } });
});

describe('rustgate hooks with an existing .git/hooks/pre-commit', () => {
  it('chains the old hook, blocks a broken staged change, lets a clean one through, honours RUSTGATE=0, and uninstalls exactly', async () => {
    const repo = await makeRepo();
    const marker = path.join(os.tmpdir(), `rg-hooks-marker-${path.basename(repo)}`);
    writeMarkerHook(path.join(repo, '.git/hooks/pre-commit'), marker, 'old-pre-commit');
    writeMarkerHook(path.join(repo, '.git/hooks/commit-msg'), marker, 'old-commit-msg');
    const before = userState(repo);

    // Install through the CLI (the stand-in registers the real `hooks` commands).
    const inst = await execa(process.execPath, [...cli.args, 'hooks', 'install', '--repo', repo], { reject: false, all: true });
    expect(inst.exitCode).toBe(0);
    expect(inst.all).toContain('still runs');
    expect((await git(repo, 'config', '--local', 'core.hooksPath')).stdout).toBe('.husky/_');
    expect(existsSync(path.join(repo, '.husky/_/h'))).toBe(true);
    expect(readFileSync(path.join(repo, '.husky/pre-commit'), 'utf8')).toContain('hooks run pre-commit');
    // rustgate's own folder stays out of git status.
    expect((await git(repo, 'status', '--porcelain', '--untracked-files=all')).stdout.split('\n').sort()).toEqual([
      '?? .husky/commit-msg', '?? .husky/pre-commit', '?? .husky/pre-push',
    ]);

    // A broken staged change is blocked; the old hooks ran first.
    const head = (await git(repo, 'rev-parse', 'HEAD')).stdout;
    const bad = await commitLib(repo, broken);
    expect(bad.exitCode).not.toBe(0);
    expect(bad.all).toContain('E0277');
    expect(bad.all).toMatch(/rustgate pre-commit: PreFlight took \d+\.\d s \(budget 20 s\)/);
    expect(bad.all).toContain('commit blocked');
    expect((await git(repo, 'rev-parse', 'HEAD')).stdout).toBe(head);
    expect(markerLines(marker)).toEqual(['old-pre-commit']);

    // A clean change goes through; the old pre-commit and commit-msg hooks both ran.
    const good = await commitLib(repo, clean);
    expect(good.exitCode).toBe(0);
    expect(good.all).toMatch(/PreFlight took \d+\.\d s \(budget 20 s\)/);
    expect(markerLines(marker)).toEqual(['old-pre-commit', 'old-pre-commit', 'old-commit-msg']);

    // RUSTGATE=0 skips rustgate only: the old hook still runs.
    const bypass = await commitLib(repo, broken, { RUSTGATE: '0' });
    expect(bypass.exitCode).toBe(0);
    expect(bypass.all).toContain('rustgate: pre-commit check skipped (RUSTGATE=0)');
    expect(markerLines(marker)).toEqual(['old-pre-commit', 'old-pre-commit', 'old-commit-msg', 'old-pre-commit', 'old-commit-msg']);

    // Uninstall: hooksPath unset again, .husky gone, the old hooks byte-identical and active again.
    const un = await uninstallHooks({ repo });
    expect(un).toMatchObject({ wasInstalled: true, hooksPath: null, removed: ['.husky/commit-msg', '.husky/pre-push', '.husky/pre-commit'] });
    expect((await git(repo, 'config', '--local', '--get', 'core.hooksPath')).exitCode).toBe(1);
    const after = userState(repo);
    // Only the three commits' refs and source changed; hooks, config and .husky are as before.
    for (const k of Object.keys(before).filter((k) => k.startsWith('.git/hooks') || k === '.git/config')) expect(after[k]).toBe(before[k]);
    expect(Object.keys(after).filter((k) => k.startsWith('.husky') || k.startsWith('.git/hooks')).sort()).toEqual(
      Object.keys(before).filter((k) => k.startsWith('.husky') || k.startsWith('.git/hooks')).sort(),
    );
    const plain = await commitLib(repo, `${clean}// plain\n`);
    expect(plain.exitCode).toBe(0);
    expect(plain.all).not.toContain('rustgate');
    expect(markerLines(marker).slice(-2)).toEqual(['old-pre-commit', 'old-commit-msg']);
  });
});

describe('rustgate hooks with an existing core.hooksPath and .husky/pre-commit', () => {
  it('chains both, and uninstall restores the hooksPath value and the husky file byte for byte', async () => {
    const repo = await makeRepo();
    const marker = path.join(os.tmpdir(), `rg-hooks-marker-${path.basename(repo)}`);
    writeMarkerHook(path.join(repo, 'githooks/pre-commit'), marker, 'custom-dir');
    await git(repo, 'config', 'core.hooksPath', 'githooks');
    mkdirSync(path.join(repo, '.husky'));
    writeFileSync(path.join(repo, '.husky/pre-commit'), `echo husky-user >> '${marker}'\n`, { mode: 0o644 });
    chmodSync(path.join(repo, '.husky/pre-commit'), 0o644);
    const before = userState(repo);

    const r = await installHooks({ repo, cli });
    expect(r.chained.map((c) => [c.hook, path.relative(repo, c.from)])).toEqual([
      ['pre-commit', '.husky/pre-commit'],
      ['pre-commit', 'githooks/pre-commit'],
    ]);
    const good = await commitLib(repo, clean);
    expect(good.exitCode).toBe(0);
    expect(markerLines(marker)).toEqual(['husky-user', 'custom-dir']);

    // Installing twice is the same as once.
    await installHooks({ repo, cli });
    await uninstallHooks({ repo });
    expect((await git(repo, 'config', '--local', 'core.hooksPath')).stdout).toBe('githooks');
    const after = userState(repo);
    for (const k of ['.husky/pre-commit', 'githooks/pre-commit', '.git/config']) expect(after[k]).toBe(before[k]);
    expect(existsSync(path.join(repo, '.husky/_'))).toBe(false);
    expect(readdirSync(path.join(repo, '.husky'))).toEqual(['pre-commit']);
  });
});

describe('rustgate hooks in a repository that already uses husky', () => {
  it('chains the husky user hook and restores .husky and core.hooksPath exactly', async () => {
    const repo = await makeRepo();
    const marker = path.join(os.tmpdir(), `rg-hooks-marker-${path.basename(repo)}`);
    // What `npx husky init`-style setups leave: husky's folder, core.hooksPath, a user hook run by husky.
    await execa(process.execPath, [path.join(path.dirname(new URL(import.meta.resolve('husky')).pathname), 'bin.js')], { cwd: repo });
    writeFileSync(path.join(repo, '.husky/pre-commit'), `echo husky-user >> '${marker}'\n`);
    writeFileSync(path.join(repo, '.husky/_/h'), '# an older husky runner, must come back byte for byte\n' + readFileSync(path.join(repo, '.husky/_/h'), 'utf8'));
    expect((await git(repo, 'config', '--local', 'core.hooksPath')).stdout).toBe('.husky/_');
    const before = snapshot(path.join(repo, '.husky'), () => false);

    const r = await installHooks({ repo, cli });
    expect(r.chained.map((c) => [c.hook, path.relative(repo, c.from)])).toEqual([['pre-commit', '.husky/pre-commit']]);
    expect((await commitLib(repo, clean)).exitCode).toBe(0);
    expect(markerLines(marker)).toEqual(['husky-user']);
    expect((await commitLib(repo, broken)).exitCode).not.toBe(0);
    expect(markerLines(marker)).toEqual(['husky-user', 'husky-user']);

    await uninstallHooks({ repo });
    expect((await git(repo, 'config', '--local', 'core.hooksPath')).stdout).toBe('.husky/_');
    expect(snapshot(path.join(repo, '.husky'), () => false)).toEqual(before);
  });
});

describe('rustgate pre-push hook', () => {
  it('checks the pushed range against the upstream with tests, and blocks a broken push', async () => {
    const remote = mkdtempSync(path.join(os.tmpdir(), 'rg-hooks-remote-'));
    await git(remote, 'init', '-q', '--bare', '-b', 'main');
    const repo = await makeRepo();
    await git(repo, 'remote', 'add', 'origin', remote);
    expect((await git(repo, 'push', '-q', '-u', 'origin', 'main')).exitCode).toBe(0);
    await installHooks({ repo, cli });
    const log = path.join(repo, '.rustgate', 'standin.log');

    await commitLib(repo, broken, { RUSTGATE: '0' });
    const blocked = await execa('git', ['push', '-q'], { cwd: repo, reject: false, all: true, env: { RG_STANDIN_LOG: log } });
    expect(blocked.exitCode).not.toBe(0);
    expect(String(blocked.all)).toContain('push blocked');
    const calls = readFileSync(log, 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as { argv: string[] }).argv);
    expect(calls).toEqual([['preflight', '--diff', 'origin/main..HEAD', '--tests', '--repo', repo]]);

    await commitLib(repo, clean);
    const ok = await execa('git', ['push', '-q'], { cwd: repo, reject: false, all: true });
    expect(ok.exitCode).toBe(0);
    expect(String(ok.all)).toMatch(/rustgate pre-push: PreFlight with tests on origin\/main\.\.HEAD took/);
  });

  it('skips with a message when there is no upstream and no remote default branch', async () => {
    const remote = mkdtempSync(path.join(os.tmpdir(), 'rg-hooks-remote-'));
    await git(remote, 'init', '-q', '--bare', '-b', 'main');
    const repo = await makeRepo();
    await git(repo, 'remote', 'add', 'origin', remote);
    await installHooks({ repo, cli });
    const r = await execa('git', ['push', '-q', 'origin', 'main'], { cwd: repo, reject: false, all: true });
    expect(r.exitCode).toBe(0);
    expect(String(r.all)).toContain('no upstream branch and no default branch known for origin: pre-push check skipped');
  });
});

// REAL PREFLIGHT: the hook runs the real `rustgate preflight` (src/cli/commands/preflight.ts + src/app/preflight.ts).
// Only the registration of `hooks` goes through the stand-in, because src/cli/commands/index.ts does not register
// it yet; once it does, this can call src/cli.ts directly.
describe('rustgate hooks with the real rustgate preflight', () => {
  it('blocks a broken staged change, lets a clean one through, and reports the budget from rustgate.yaml', async () => {
    const repo = await makeRepo();
    writeFileSync(path.join(repo, 'rustgate.yaml'), 'preflight:\n  budget_seconds: 0.001\n');
    await installHooks({ repo, cli });
    const env = { RG_STANDIN_REAL_PREFLIGHT: '1' };
    const head = (await git(repo, 'rev-parse', 'HEAD')).stdout;

    const bad = await commitLib(repo, broken, env);
    expect(bad.exitCode).not.toBe(0);
    expect(bad.all).toContain('rustgate preflight --staged');
    expect(bad.all).toContain('error[E0277]');
    expect(bad.all).toContain('--> src/lib.rs:2:7');
    expect(bad.all).toMatch(/rustgate pre-commit: PreFlight took \d+\.\d s, over the 0\.001 s budget/);
    expect((await git(repo, 'rev-parse', 'HEAD')).stdout).toBe(head);

    const good = await commitLib(repo, clean, env);
    expect(good.exitCode).toBe(0);
    expect((await git(repo, 'rev-parse', 'HEAD')).stdout).not.toBe(head);
    // PreFlight checked the index, not the working tree, and left both alone.
    expect((await git(repo, 'status', '--porcelain')).stdout).toBe('?? .husky/\n?? rustgate.yaml');
  });
});

// REAL PREFLIGHT with --tests: pre-push runs the real preflight on origin/main..HEAD with the impacted tests
// (wiring in test/fixtures/hooks/preflight-seams.ts).
describe('rustgate pre-push hook with the real rustgate preflight --tests', () => {
  it('blocks a push whose commits break a test, and lets the fix through', async () => {
    const remote = mkdtempSync(path.join(os.tmpdir(), 'rg-hooks-remote-'));
    await git(remote, 'init', '-q', '--bare', '-b', 'main');
    const repo = await makeRepo();
    await git(repo, 'remote', 'add', 'origin', remote);
    expect((await git(repo, 'push', '-q', '-u', 'origin', 'main')).exitCode).toBe(0);
    await installHooks({ repo, cli });
    const env = { RG_STANDIN_REAL_PREFLIGHT: '1' };
    const lib = readFileSync(path.join(repo, 'src/lib.rs'), 'utf8');

    // Compiles, but the unit test fails: only the pre-push gate (with tests) can catch it.
    expect((await commitLib(repo, lib.replace('a + b', 'a * b'), env)).exitCode).toBe(0);
    const blocked = await execa('git', ['push', '-q'], { cwd: repo, reject: false, all: true, env });
    expect(blocked.exitCode).not.toBe(0);
    expect(String(blocked.all)).toContain('rustgate preflight --diff origin/main..HEAD');
    expect(String(blocked.all)).toContain('test tests::adds_small_numbers failed: assertion `left == right` failed');
    expect(String(blocked.all)).toContain('push blocked');
    expect((await git(remote, 'rev-parse', 'main')).stdout).not.toBe((await git(repo, 'rev-parse', 'HEAD')).stdout);

    expect((await commitLib(repo, lib, env)).exitCode).toBe(0);
    const ok = await execa('git', ['push', '-q'], { cwd: repo, reject: false, all: true, env });
    expect(ok.exitCode).toBe(0);
    expect((await git(remote, 'rev-parse', 'main')).stdout).toBe((await git(repo, 'rev-parse', 'HEAD')).stdout);
  });
});

describe('rustgate hooks errors', () => {
  it('exits 2 with NOT_A_GIT_REPO outside a git repository', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'rg-hooks-nogit-'));
    for (const sub of ['install', 'uninstall']) {
      const r = await execa(process.execPath, [...cli.args, 'hooks', sub, '--repo', dir], { reject: false });
      expect(r.exitCode).toBe(2);
      expect(String(r.stderr)).toContain(`rustgate: error[NOT_A_GIT_REPO]: ${dir} is not inside a git work tree`);
      expect(String(r.stderr)).toContain('hint: Run `git init` first');
    }
    expect(readdirSync(dir)).toEqual([]);
  });

  it('uninstall without an install says so and changes nothing', async () => {
    const repo = await makeRepo();
    const before = userState(repo);
    expect(await uninstallHooks({ repo })).toMatchObject({ wasInstalled: false, removed: [], restored: [] });
    expect(userState(repo)).toEqual(before);
  });
});
