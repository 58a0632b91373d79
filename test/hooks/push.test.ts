/** pre-push checks exactly what git pushes: the ref lines on stdin, one range each; deletions skip. */
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePushLines, planPush } from '../../src/adapters/hooks/index.js';
import { broken, commitFile, commitLib, git, head, LIB, makeRepo, run, rustgate } from './helpers.js';

const ZERO = '0'.repeat(40);

/** A repository with a bare remote `origin` that has main. */
async function withRemote(): Promise<{ repo: string; remote: string }> {
  const remote = mkdtempSync(path.join(os.tmpdir(), 'rg-hooks-remote-'));
  await git(remote, 'init', '-q', '--bare', '-b', 'main');
  const repo = await makeRepo();
  await git(repo, 'remote', 'add', 'origin', remote);
  expect((await git(repo, 'push', '-q', '-u', 'origin', 'main')).exitCode).toBe(0);
  return { repo, remote };
}

describe('planPush', () => {
  it('parses the stdin lines and plans one range per update', async () => {
    const { repo } = await withRemote();
    const pushed = await head(repo);
    await commitFile(repo, 'a.txt', 'a\n');
    const main = await head(repo);
    await git(repo, 'checkout', '-q', '-b', 'feature');
    await commitFile(repo, 'b.txt', 'b\n');
    await commitFile(repo, 'c.txt', 'c\n');
    const feature = await head(repo);

    const stdin = [
      `refs/heads/main ${main} refs/heads/main ${pushed}`,
      `refs/heads/feature ${feature} refs/heads/feature ${ZERO}`,
      `(delete) ${ZERO} refs/heads/old ${pushed}`,
      `refs/heads/same ${pushed} refs/heads/same ${pushed}`,
      `refs/heads/forced ${feature} refs/heads/forced ${'f'.repeat(40)}`,
      'not a push line',
      '',
    ].join('\n');
    const updates = parsePushLines(stdin);
    expect(updates).toHaveLength(5);
    const plans = await planPush(repo, 'origin', updates);
    const summary = plans.map((p) => (p.action === 'check' ? [p.update.localRef, p.base, p.head, p.baseFrom] : [p.update.localRef, p.reason]));
    expect(summary).toEqual([
      ['refs/heads/main', pushed, main, 'remote'],
      // New branch: from the merge base with what origin has (origin/main is the only remote-tracking branch).
      ['refs/heads/feature', pushed, feature, 'merge-base'],
      ['(delete)', 'deletion'],
      ['refs/heads/same', 'nothing-new'],
      // A remote tip this clone does not have: same base as a new branch; the identical range is checked once.
    ]);
    expect(plans.find((p) => p.action === 'check' && p.update.localRef === 'refs/heads/feature')).toMatchObject({ against: 'origin/main' });
  });

  it('uses the remote default branch for a new branch, and says "no-base" when the remote has nothing to compare with', async () => {
    const { repo } = await withRemote();
    const pushed = await head(repo);
    await git(repo, 'checkout', '-q', '-b', 'dev');
    await commitFile(repo, 'dev.txt', 'dev\n');
    await git(repo, 'push', '-q', 'origin', 'dev');
    await git(repo, 'remote', 'set-head', 'origin', 'main');
    await git(repo, 'checkout', '-q', '-b', 'topic');
    await commitFile(repo, 'topic.txt', 'topic\n');
    const topic = await head(repo);
    const [plan] = await planPush(repo, 'origin', parsePushLines(`refs/heads/topic ${topic} refs/heads/topic ${ZERO}\n`));
    expect(plan).toMatchObject({ action: 'check', base: pushed, head: topic, against: 'origin/main' });

    const lonely = await makeRepo();
    const [none] = await planPush(lonely, 'origin', parsePushLines(`refs/heads/main ${await head(lonely)} refs/heads/main ${ZERO}\n`));
    expect(none).toMatchObject({ action: 'skip', reason: 'no-base' });
  });
});

describe('the pre-push hook', () => {
  it('checks each pushed ref: a broken new branch blocks the push, a deletion passes, a clean push is quiet', async () => {
    const { repo, remote } = await withRemote();
    expect((await rustgate(repo, 'hooks', 'install')).exitCode).toBe(0);
    await git(repo, 'push', '-q', 'origin', 'main:old');

    // main gets a clean commit, the new branch `feature` a broken one (past the pre-commit hook).
    expect((await commitFile(repo, 'NOTES.md', 'notes\n')).exitCode).toBe(0);
    await git(repo, 'checkout', '-q', '-b', 'feature');
    expect((await commitLib(repo, broken, { RUSTGATE: '0' })).exitCode).toBe(0);
    await git(repo, 'checkout', '-q', 'main');

    const both = await run('git', ['push', '-q', 'origin', 'main', 'feature'], repo);
    expect(both.exitCode).not.toBe(0);
    expect(both.all).toMatch(/rustgate pre-push: refs\/heads\/feature \([0-9a-f]{10}\.\.[0-9a-f]{10}, from the merge base [0-9a-f]{10} with origin\/main\)/);
    expect(both.all).toContain('error[E0277]');
    expect(both.all).toContain('push blocked');
    expect(both.all).not.toContain('refs/heads/main (');
    expect((await git(remote, 'rev-parse', '--verify', '--quiet', 'feature')).exitCode).not.toBe(0);

    const del = await run('git', ['push', '-q', 'origin', ':old'], repo);
    expect(del.exitCode).toBe(0);
    expect(del.all).toBe('');

    const ok = await run('git', ['push', '-q', 'origin', 'main'], repo);
    expect(ok.exitCode).toBe(0);
    expect(ok.all).toBe('');
    expect((await git(remote, 'rev-parse', 'main')).stdout).toBe((await git(repo, 'rev-parse', 'main')).stdout);
  });

  it('runs the impacted tests: a push whose commit breaks a test is blocked, the fix goes through', async () => {
    const { repo, remote } = await withRemote();
    expect((await rustgate(repo, 'hooks', 'install')).exitCode).toBe(0);
    const lib = readFileSync(path.join(repo, LIB), 'utf8');
    // Compiles, but the unit test fails: only the pre-push gate (with tests) can catch it.
    expect((await commitLib(repo, lib.replace('a + b', 'a * b'))).exitCode).toBe(0);
    const blocked = await run('git', ['push', '-q'], repo);
    expect(blocked.exitCode).not.toBe(0);
    expect(blocked.all).toContain('test tests::adds_small_numbers failed');
    expect(blocked.all).toContain('push blocked');

    expect((await commitLib(repo, lib)).exitCode).toBe(0);
    expect((await run('git', ['push', '-q'], repo)).exitCode).toBe(0);
    expect((await git(remote, 'rev-parse', 'main')).stdout).toBe((await git(repo, 'rev-parse', 'HEAD')).stdout);
  });
});

