/**
 * The `debug-bug --apply` applier (src/app/fix/apply.ts, src/app/fix/journal.ts): restore only rustgate's own bytes,
 * commit exactly the validated bytes, and the apply journal a killed run leaves for the next run. Real git, real cargo.
 */
import { existsSync, lstatSync, readdirSync, statSync } from 'node:fs';
import { chmod, mkdtemp, readFile, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa, type ResultPromise } from 'execa';
import { describe, expect, it } from 'vitest';
import { acquireLock } from '../../src/app/lock.js';
import { journalPath, replaceFile, writeJournal } from '../../src/app/fix/journal.js';
import { git, makeRepo } from './helpers.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = path.join(ROOT, 'src/cli.ts');
const LIB = 'src/lib.rs';
const FIXED = /F: FnOnce\(\) -> u64 \+ .*Send/;

/** Starts `rustgate ARGS` (the real CLI shell) in a child process. */
function start(args: string[], env: Record<string, string> = {}): ResultPromise<{ reject: false; cwd: string; env: Record<string, string> }> {
  return execa(process.execPath, ['--import', 'tsx', CLI, ...args], { reject: false, cwd: ROOT, env });
}

async function waitFor(file: string, ms = 90_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!existsSync(file)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${file}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Starts `debug-bug --apply` paused right after its write; resolves once the fix is on disk. */
async function pausedApply(repo: string): Promise<{ child: ReturnType<typeof start>; marker: string }> {
  const marker = path.join(await mkdtemp(path.join(os.tmpdir(), 'rustgate-marker-')), 'written');
  const child = start(['debug-bug', '--apply', '--repo', repo], { RUSTGATE_TEST_PAUSE_AFTER_WRITE_MS: '60000', RUSTGATE_TEST_WRITE_MARKER: marker });
  await waitFor(marker);
  return { child, marker };
}

describe('debug-bug --apply: restore only what rustgate wrote', () => {
  it('SIGINT after a concurrent save leaves the user edit, names the file, commits nothing', async () => {
    const repo = await makeRepo('send-bound');
    const head = await git(repo, 'rev-parse', 'HEAD');
    const { child } = await pausedApply(repo);
    expect(await readFile(path.join(repo, LIB), 'utf8')).toMatch(FIXED);
    const userEdit = '// the user saved this while rustgate was applying\n';
    await writeFile(path.join(repo, LIB), userEdit);
    child.kill('SIGINT');
    const r = await child;
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('error[INTERRUPTED]');
    expect(r.stderr).toContain(`left as they are (changed after rustgate wrote them): ${LIB}`);
    expect(r.stderr).toMatch(/previous content: git cat-file -p [0-9a-f]{40}/);
    expect(await readFile(path.join(repo, LIB), 'utf8')).toBe(userEdit);
    expect(await git(repo, 'rev-parse', 'HEAD')).toBe(head);
    expect(existsSync(journalPath(repo))).toBe(false);
  });

  it('SIGTERM with no concurrent edit restores the exact pre-run bytes and says so', async () => {
    const repo = await makeRepo('send-bound');
    const lib = await readFile(path.join(repo, LIB));
    const { child } = await pausedApply(repo);
    child.kill('SIGTERM');
    const r = await child;
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain(`restored ${LIB}`);
    expect(await readFile(path.join(repo, LIB))).toEqual(lib);
    expect(await git(repo, 'status', '--porcelain')).toBe('');
  });
});

describe('debug-bug --apply commits exactly the validated bytes', () => {
  it('a save in the write→commit window is not committed: WORKTREE_CHANGED, the edit stays, no commit', async () => {
    const repo = await makeRepo('send-bound');
    const head = await git(repo, 'rev-parse', 'HEAD');
    const marker = path.join(await mkdtemp(path.join(os.tmpdir(), 'rustgate-marker-')), 'written');
    const child = start(['debug-bug', '--apply', '--repo', repo], { RUSTGATE_TEST_PAUSE_AFTER_WRITE_MS: '1500', RUSTGATE_TEST_WRITE_MARKER: marker });
    await waitFor(marker);
    const edited = `${await readFile(path.join(repo, LIB), 'utf8')}// saved by an editor in the window\n`;
    await writeFile(path.join(repo, LIB), edited);
    const r = await child;
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('error[WORKTREE_CHANGED]');
    expect(r.stderr).toContain(LIB);
    expect(await readFile(path.join(repo, LIB), 'utf8')).toBe(edited);
    expect(await git(repo, 'rev-parse', 'HEAD')).toBe(head);
  });

  it('refuses a touched file with unstaged changes (exit 2, hint), writes nothing', async () => {
    const repo = await makeRepo('send-bound');
    const text = await readFile(path.join(repo, LIB), 'utf8');
    await writeFile(path.join(repo, LIB), text.replace('//! Runs a job on a worker thread.', '//! Runs a job on a worker thread (staged).'));
    await git(repo, 'add', LIB);
    const partly = text.replace('//! Runs a job on a worker thread.', '//! Runs a job on a worker thread (staged).').replace('/// Runs `job`', '/// (unstaged) Runs `job`');
    await writeFile(path.join(repo, LIB), partly);
    const head = await git(repo, 'rev-parse', 'HEAD');
    const r = await start(['debug-bug', '--apply', '--repo', repo]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain(`error[WORKTREE_CHANGED]: ${LIB} has unstaged changes`);
    expect(r.stderr).toContain(`hint: Stage the file (git add -- ${LIB})`);
    expect(await readFile(path.join(repo, LIB), 'utf8')).toBe(partly);
    expect(await git(repo, 'rev-parse', 'HEAD')).toBe(head);
  });

  it('a staged edit is committed with the fix; other staged files stay staged and out of the commit', async () => {
    const repo = await makeRepo('send-bound');
    const text = await readFile(path.join(repo, LIB), 'utf8');
    const staged = text.replace('//! Runs a job on a worker thread.', '//! Runs a job on a worker thread (staged).');
    await writeFile(path.join(repo, LIB), staged);
    await writeFile(path.join(repo, 'NOTES.md'), 'staged notes\n');
    await git(repo, 'add', LIB, 'NOTES.md');
    const r = await start(['debug-bug', '--apply', '--json', '--repo', repo]);
    expect(r.exitCode).toBe(0);
    const j = JSON.parse(r.stdout) as { applied_commit: string };
    expect(await git(repo, 'rev-parse', 'HEAD')).toBe(j.applied_commit);
    expect(await git(repo, 'show', '--name-only', '--format=', 'HEAD')).toBe(LIB);
    const committed = await git(repo, 'show', `HEAD:${LIB}`);
    expect(committed).toContain('(staged)');
    expect(committed).toMatch(FIXED);
    expect(`${committed}\n`).toBe(await readFile(path.join(repo, LIB), 'utf8'));
    expect(await git(repo, 'status', '--porcelain')).toBe('A  NOTES.md');
    expect(await git(repo, 'fsck', '--no-progress', '--no-dangling')).toBe('');
  });
});

describe('replaceFile: a user file is replaced whole', () => {
  it('keeps the mode, writes through a symbolic link (the link stays a link) and leaves no temporary file', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'rustgate-replace-'));
    await writeFile(path.join(dir, 'tool.rs'), 'old\n');
    await chmod(path.join(dir, 'tool.rs'), 0o755);
    await symlink('tool.rs', path.join(dir, 'link.rs'));
    await replaceFile(path.join(dir, 'link.rs'), 'new\n');
    expect(lstatSync(path.join(dir, 'link.rs')).isSymbolicLink()).toBe(true);
    expect(await readFile(path.join(dir, 'tool.rs'), 'utf8')).toBe('new\n');
    expect(statSync(path.join(dir, 'tool.rs')).mode & 0o777).toBe(0o755);
    expect(readdirSync(dir).sort()).toEqual(['link.rs', 'tool.rs']);
  });
});

describe('apply journal', () => {
  it('SIGKILL between write and commit: the next run rolls back to the pre-run bytes and says so', async () => {
    const repo = await makeRepo('send-bound');
    const lib = await readFile(path.join(repo, LIB));
    const head = await git(repo, 'rev-parse', 'HEAD');
    const { child } = await pausedApply(repo);
    expect(existsSync(journalPath(repo))).toBe(true);
    child.kill('SIGKILL');
    await child;
    expect(await readFile(path.join(repo, LIB), 'utf8')).toMatch(FIXED);
    // A kill while a file was being replaced leaves its temporary sibling (never a truncated file): recovery removes it.
    await writeFile(path.join(repo, 'src/.lib.rs.rustgate-99999.tmp'), 'half a fi');
    // Any command that takes the run lock recovers; here preflight.
    const r = await start(['preflight', '--repo', repo, '--format', 'json']);
    expect(r.stderr).toContain(`an interrupted debug-bug --apply was rolled back: restored ${LIB}`);
    expect(await readFile(path.join(repo, LIB))).toEqual(lib);
    expect(await git(repo, 'rev-parse', 'HEAD')).toBe(head);
    expect(existsSync(journalPath(repo))).toBe(false);
    expect(await git(repo, 'status', '--porcelain')).toBe('');
    // And a rerun applies the fix.
    const again = await start(['debug-bug', '--apply', '--repo', repo]);
    expect(again.exitCode).toBe(0);
    expect(await git(repo, 'rev-list', '--count', 'HEAD')).toBe('2');
  });

  it('a rollback leaves a file the user changed after the crash, and names it', async () => {
    const repo = await makeRepo('send-bound');
    const { child } = await pausedApply(repo);
    child.kill('SIGKILL');
    await child;
    await writeFile(path.join(repo, LIB), '// the user kept working\n');
    const lock = await acquireLock(repo, { command: 'test' });
    lock.release();
    expect(lock.recovery?.action).toBe('rolled_back');
    expect(lock.recovery?.left.map((l) => l.path)).toEqual([LIB]);
    expect(lock.recovery?.message).toContain(`left as they are (changed after rustgate wrote them): ${LIB}`);
    expect(await readFile(path.join(repo, LIB), 'utf8')).toBe('// the user kept working\n');
  });

  it('a commit that landed before the kill is finished: the index is brought to the committed blobs', async () => {
    const repo = await makeRepo('send-bound');
    const r = await start(['debug-bug', '--apply', '--repo', repo]);
    expect(r.exitCode).toBe(0);
    const commit = await git(repo, 'rev-parse', 'HEAD');
    const oldHead = await git(repo, 'rev-parse', 'HEAD~1');
    const oldBlob = await git(repo, 'rev-parse', `HEAD~1:${LIB}`);
    const newBlob = await git(repo, 'rev-parse', `HEAD:${LIB}`);
    const before = await git(repo, 'show', `HEAD~1:${LIB}`);
    // The state a kill right after update-ref leaves: HEAD moved, the real index still holds the old blob.
    await git(repo, 'update-index', '--cacheinfo', `100644,${oldBlob},${LIB}`);
    expect(await git(repo, 'status', '--porcelain')).toBe(`MM ${LIB}`);
    const after = await readFile(path.join(repo, LIB));
    writeJournal(repo, {
      version: 1,
      repo,
      pid: 1,
      createdAt: new Date().toISOString(),
      oldHead,
      commit,
      files: [{ path: LIB, mode: '100644', before: Buffer.from(`${before}\n`).toString('base64'), beforeSha256: 'x', afterSha256: 'y', afterBlob: newBlob, indexBlob: oldBlob }],
    });
    const lock = await acquireLock(repo);
    lock.release();
    expect(lock.recovery?.action).toBe('finished');
    expect(await git(repo, 'status', '--porcelain')).toBe('');
    expect(await readFile(path.join(repo, LIB))).toEqual(after);
    expect(existsSync(journalPath(repo))).toBe(false);
  });
});
