import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HOOK_MARKER, installHooks, uninstallHooks } from '../../src/adapters/hooks/index.js';
import { broken, clean, cli, commitLib, git, head, makeRepo, markerLines, run, rustgate, snapshot, userState, writeMarkerHook } from './helpers.js';

describe('rustgate hooks with an existing .git/hooks/pre-commit', () => {
  it('chains the old hook, blocks a broken staged change, lets a clean one through quietly, honours RUSTGATE=0, and uninstalls exactly', async () => {
    const repo = await makeRepo();
    const marker = path.join(os.tmpdir(), `rg-hooks-marker-${path.basename(repo)}`);
    writeMarkerHook(path.join(repo, '.git/hooks/pre-commit'), marker, 'old-pre-commit');
    writeMarkerHook(path.join(repo, '.git/hooks/commit-msg'), marker, 'old-commit-msg');
    const before = userState(repo);

    const inst = await rustgate(repo, 'hooks', 'install');
    expect(inst.exitCode).toBe(0);
    expect(inst.stdout).toContain('pre-commit: still runs .git/hooks/pre-commit.rustgate-prev first');
    expect(inst.stdout).toContain('they run in every worktree of this repository');
    // Per clone: core.hooksPath untouched, the shims in .git/hooks, and not one file git tracks or shows.
    expect((await git(repo, 'config', '--get', 'core.hooksPath')).exitCode).toBe(1);
    expect(readFileSync(path.join(repo, '.git/hooks/pre-commit'), 'utf8')).toContain(HOOK_MARKER);
    expect((await git(repo, 'status', '--porcelain', '--untracked-files=all', '--ignored')).stdout).toBe('');
    // Nothing machine-local decides which repository is checked: no absolute path of the repository in the shims.
    for (const h of ['pre-commit', 'pre-merge-commit', 'pre-push']) expect(readFileSync(path.join(repo, '.git/hooks', h), 'utf8')).not.toContain(repo);

    const start = await head(repo);
    const bad = await commitLib(repo, broken);
    expect(bad.exitCode).toBe(1);
    expect(bad.all).toContain('error[E0277]');
    expect(bad.all).toMatch(/rustgate pre-commit: PreFlight took \d+\.\d+ s \(budget 20 s\)/);
    expect(bad.all).toContain('commit blocked');
    expect(await head(repo)).toBe(start);
    expect(markerLines(marker)).toEqual(['old-pre-commit']);

    // A clean change goes through without a word from rustgate; the old pre-commit and commit-msg hooks both ran.
    const good = await commitLib(repo, clean);
    expect(good.exitCode).toBe(0);
    expect(good.all).toBe('');
    expect(markerLines(marker)).toEqual(['old-pre-commit', 'old-pre-commit', 'old-commit-msg']);

    // RUSTGATE=0 skips rustgate only: the old hook still runs.
    const bypass = await commitLib(repo, broken, { RUSTGATE: '0' });
    expect(bypass.exitCode).toBe(0);
    expect(bypass.all).toContain('rustgate: pre-commit check skipped (RUSTGATE=0)');
    expect(markerLines(marker).slice(-2)).toEqual(['old-pre-commit', 'old-commit-msg']);

    const un = await rustgate(repo, 'hooks', 'uninstall');
    expect(un.exitCode).toBe(0);
    const after = userState(repo);
    for (const k of Object.keys(before).filter((k) => k.startsWith('.git/hooks') || k === '.git/config')) expect(after[k]).toBe(before[k]);
    expect(Object.keys(after).filter((k) => k.startsWith('.git/hooks')).sort()).toEqual(Object.keys(before).filter((k) => k.startsWith('.git/hooks')).sort());
    expect(existsSync(path.join(repo, '.git/rustgate'))).toBe(false);
    const plain = await commitLib(repo, `${clean}// plain\n`);
    expect(plain.exitCode).toBe(0);
    expect(markerLines(marker).slice(-2)).toEqual(['old-pre-commit', 'old-commit-msg']);
  });
});

describe('rustgate hooks with an existing core.hooksPath', () => {
  it('runs that folder\'s hooks, says where it will not run, updates on a second install, and restores the value exactly', async () => {
    const repo = await makeRepo();
    const marker = path.join(os.tmpdir(), `rg-hooks-marker-${path.basename(repo)}`);
    writeMarkerHook(path.join(repo, 'githooks/pre-commit'), marker, 'custom-dir');
    writeMarkerHook(path.join(repo, 'githooks/post-commit'), marker, 'custom-post');
    // A hook git does not run while core.hooksPath points elsewhere: kept, restored, but never chained.
    writeMarkerHook(path.join(repo, '.git/hooks/pre-commit'), marker, 'inactive');
    await git(repo, 'config', 'core.hooksPath', 'githooks');
    const before = userState(repo);

    const r = await installHooks({ repo, cli });
    expect(r.hooksPath).toBe('.git/hooks');
    expect(r.chained).toEqual([{ hook: 'pre-commit', from: 'githooks/pre-commit' }, { hook: 'post-commit', from: 'githooks/post-commit' }]);
    expect(r.notes.join('\n')).toContain('the hooks do not run in linked worktrees');
    expect((await commitLib(repo, clean)).exitCode).toBe(0);
    expect(markerLines(marker)).toEqual(['custom-dir', 'custom-post']);

    // Installing again updates in place: no chain of itself, the same files.
    const shim = readFileSync(path.join(repo, '.git/hooks/pre-commit'), 'utf8');
    const again = await installHooks({ repo, cli });
    expect(again.updated).toBe(true);
    expect(readFileSync(path.join(repo, '.git/hooks/pre-commit'), 'utf8')).toBe(shim);
    expect((await commitLib(repo, `${clean}// again\n`)).exitCode).toBe(0);
    expect(markerLines(marker)).toEqual(['custom-dir', 'custom-post', 'custom-dir', 'custom-post']);

    await uninstallHooks({ repo });
    expect((await git(repo, 'config', '--local', 'core.hooksPath')).stdout.trim()).toBe('githooks');
    expect(userState(repo)).toMatchObject(Object.fromEntries(Object.entries(before).filter(([k]) => k.startsWith('.git/hooks') || k.startsWith('githooks') || k === '.git/config')));
    expect(readdirSync(path.join(repo, '.git/hooks')).filter((n) => !n.endsWith('.sample')).sort()).toEqual(['pre-commit']);
  });
});

describe('rustgate hooks in a repository that already uses husky', () => {
  it('runs the husky hooks first and restores .husky, .git/hooks and core.hooksPath exactly', async () => {
    const repo = await makeRepo();
    const marker = path.join(os.tmpdir(), `rg-hooks-marker-${path.basename(repo)}`);
    // What `npx husky init`-style setups leave: husky's folder, core.hooksPath, a user hook run by husky.
    await run(process.execPath, [path.join(path.dirname(new URL(import.meta.resolve('husky')).pathname), 'bin.js')], repo);
    writeFileSync(path.join(repo, '.husky/pre-commit'), `echo husky-user >> '${marker}'\n`);
    expect((await git(repo, 'config', '--local', 'core.hooksPath')).stdout.trim()).toBe('.husky/_');
    const husky = snapshot(path.join(repo, '.husky'));
    const gitHooks = snapshot(path.join(repo, '.git/hooks'));

    const r = await installHooks({ repo, cli });
    expect(r.chained.filter((c) => c.hook === 'pre-commit')).toEqual([{ hook: 'pre-commit', from: '.husky/_/pre-commit' }]);
    expect(r.notes.join('\n')).toContain('husky sets core.hooksPath back');
    // rustgate writes nothing into .husky/.
    expect(snapshot(path.join(repo, '.husky'))).toEqual(husky);
    expect((await commitLib(repo, clean)).exitCode).toBe(0);
    expect(markerLines(marker)).toEqual(['husky-user']);
    expect((await commitLib(repo, broken)).exitCode).toBe(1);
    expect(markerLines(marker)).toEqual(['husky-user', 'husky-user']);

    await uninstallHooks({ repo });
    expect((await git(repo, 'config', '--local', 'core.hooksPath')).stdout.trim()).toBe('.husky/_');
    expect(snapshot(path.join(repo, '.husky'))).toEqual(husky);
    expect(snapshot(path.join(repo, '.git/hooks'))).toEqual(gitHooks);
  });
});

describe('the Python pre-commit framework installed after rustgate', () => {
  it('a second install updates the shim the framework runs as pre-commit.legacy instead of chaining the framework', async () => {
    const repo = await makeRepo();
    const marker = path.join(os.tmpdir(), `rg-hooks-marker-${path.basename(repo)}`);
    await installHooks({ repo, cli });
    // What `pre-commit install` does in its migration mode (verified with pre-commit 4.7.0): the existing hook
    // becomes pre-commit.legacy, run first by the framework's own hook.
    const hooks = path.join(repo, '.git/hooks');
    renameSync(path.join(hooks, 'pre-commit'), path.join(hooks, 'pre-commit.legacy'));
    writeFileSync(path.join(hooks, 'pre-commit'), `#!/bin/sh\n"$(dirname "$0")/pre-commit.legacy" "$@" || exit $?\necho framework >> '${marker}'\n`);
    chmodSync(path.join(hooks, 'pre-commit'), 0o755);

    const again = await installHooks({ repo, cli });
    expect(again.notes.join('\n')).toContain('pre-commit.legacy');
    expect(readdirSync(hooks).filter((n) => n.includes('rustgate-prev'))).toEqual([]);
    const bad = await commitLib(repo, broken);
    expect(bad.exitCode).toBe(1);
    expect(bad.all.match(/commit blocked/g)).toHaveLength(1);
    expect((await commitLib(repo, clean)).exitCode).toBe(0);
    expect(markerLines(marker)).toEqual(['framework']);

    const un = await uninstallHooks({ repo });
    expect(un.removed).toContain('pre-commit.legacy');
    expect(existsSync(path.join(hooks, 'pre-commit.legacy'))).toBe(false);
    expect(readFileSync(path.join(hooks, 'pre-commit'), 'utf8')).toContain('framework');
  });
});

describe('a repository with the earlier husky layout of rustgate', () => {
  it('install undoes it first (core.hooksPath, .husky/ restored), then installs per clone', async () => {
    const repo = await makeRepo();
    // What the earlier installer left: core.hooksPath=.husky/_, a shim with absolute paths in .husky/pre-commit,
    // and its record in <workspace>/.rustgate/hooks/state.json.
    mkdirSync(path.join(repo, '.husky/_'), { recursive: true });
    writeFileSync(path.join(repo, '.husky/_/pre-commit'), '#!/usr/bin/env sh\n. "$(dirname "$0")/h"\n');
    writeFileSync(path.join(repo, '.husky/pre-commit'), `#!/usr/bin/env sh\nexec node /old/dist/cli.js hooks run pre-commit --repo '${repo}'\n`);
    await git(repo, 'config', 'core.hooksPath', '.husky/_');
    mkdirSync(path.join(repo, '.rustgate/hooks'), { recursive: true });
    const legacy = { version: 1, gitTop: repo, hooksPathLocalBefore: null, huskyDirExisted: false, huskyUnderscoreBefore: null, files: [{ path: '.husky/pre-commit', before: null }], cli: { node: 'node', args: [] } };
    writeFileSync(path.join(repo, '.rustgate/hooks/state.json'), JSON.stringify(legacy));

    const r = await installHooks({ repo, cli });
    expect(r.migrated).toBe(true);
    expect(r.hooksPath).toBeNull();
    expect(existsSync(path.join(repo, '.husky'))).toBe(false);
    expect((await git(repo, 'config', '--get', 'core.hooksPath')).exitCode).toBe(1);
    expect(r.chained).toEqual([]);
    expect(readFileSync(path.join(repo, '.git/hooks/pre-commit'), 'utf8')).toContain(HOOK_MARKER);
  });
});

describe('how the shim finds rustgate', () => {
  it('PATH first, then node_modules/.bin, and a clear message (blocking) when there is none', async () => {
    const repo = await makeRepo();
    await installHooks({ repo, cli: { node: process.execPath, args: [path.join(repo, 'no-such-cli.js')] } });
    const bin = mkdtempSync(path.join(os.tmpdir(), 'rg-hooks-bin-'));
    symlinkSync((await run('sh', ['-c', 'command -v git'], repo)).stdout.trim(), path.join(bin, 'git'));
    const fake = (file: string, label: string): void => {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, `#!/bin/sh\necho "${label}: $*" >&2\n`);
      chmodSync(file, 0o755);
    };

    // Nothing to run: the commit stops and says why and what to do.
    const none = await commitLib(repo, clean, { PATH: bin });
    expect(none.exitCode).toBe(1);
    expect(none.all).toContain('rustgate: the pre-commit hook cannot find rustgate: not on PATH, not in node_modules/.bin');
    expect(none.all).toContain('RUSTGATE=0 git commit');

    fake(path.join(repo, 'node_modules/.bin/rustgate'), 'local');
    writeFileSync(path.join(repo, '.gitignore'), 'target/\nnode_modules/\n');
    const local = await commitLib(repo, `${clean}// 1\n`, { PATH: bin });
    expect(local.all).toContain('local: hooks run pre-commit --');

    fake(path.join(bin, 'rustgate'), 'on-path');
    const onPath = await commitLib(repo, `${clean}// 2\n`, { PATH: bin });
    expect(onPath.all).toContain('on-path: hooks run pre-commit --');
    expect(onPath.all).not.toContain('local:');
  });
});

describe('rustgate hooks errors', () => {
  it('exits 2 with NOT_A_GIT_REPO outside a git repository', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'rg-hooks-nogit-'));
    for (const sub of ['install', 'uninstall']) {
      const r = await rustgate(dir, 'hooks', sub);
      expect(r.exitCode).toBe(2);
      expect(r.stderr).toContain('rustgate: error[NOT_A_GIT_REPO]');
      expect(r.stderr).toContain('hint:');
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
