import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { acquireLock, holderAlive, lockPath, pidAlive, procStartTime } from '../../src/app/lock.js';
import { runPreflight } from '../../src/app/preflight.js';
import { ensureWorkDir } from '../../src/app/workdir.js';
import { CLI_ENTRY, CORE_LIB, PROJECT_ROOT, breakSend, git, makeRepo, read, untouched, userState, write } from './helpers.js';

async function brokenStagedRepo(): Promise<{ top: string; ws: string }> {
  const repo = await makeRepo();
  write(repo.ws, CORE_LIB, breakSend(read(repo.ws, CORE_LIB)));
  await git(repo.top, 'add', CORE_LIB);
  return repo;
}

describe('run lock', () => {
  it('two preflights at once in the same repo wait for each other and both report correctly', async () => {
    const { top, ws } = await brokenStagedRepo();
    // Hold the lock first so both runs must wait, then let them race for it.
    const held = await acquireLock(ws);
    const before = await userState(top);
    const spawn = () => execa(process.execPath, ['--import', 'tsx', CLI_ENTRY, 'preflight', '--repo', ws, '--format', 'json'], { cwd: PROJECT_ROOT, reject: false });
    const children = [spawn(), spawn()];
    // Release only once both runs said they are waiting (startup time varies a lot on a busy machine).
    const waiting = children.map(
      (c) =>
        new Promise<void>((resolve) => {
          let seen = '';
          c.stderr?.on('data', (chunk: Buffer) => {
            seen += chunk.toString();
            if (seen.includes('waiting for another rustgate run')) resolve();
          });
        }),
    );
    await Promise.race([Promise.all(waiting), new Promise((r) => setTimeout(r, 120_000))]);
    held.release();
    const [a, b] = (await Promise.all(children)).map((r) => ({ code: r.exitCode, out: r.stdout, err: r.stderr }));
    expect(a?.err).toContain(`waiting for another rustgate run (pid ${process.pid})…`);
    expect(b?.err).toContain(`waiting for another rustgate run (pid ${process.pid})…`);
    for (const r of [a, b]) {
      expect(r?.code).toBe(1);
      expect(r?.err).toMatch(/waiting for another rustgate run \(pid \d+\)…/);
      expect(r?.err.match(/waiting for another rustgate run/g)).toHaveLength(1);
      const json = JSON.parse(r?.out ?? '') as { diagnostics: Array<{ code: string }> };
      expect(json.diagnostics.map((d) => d.code)).toEqual(['E0277']);
    }
    expect(await userState(top)).toEqual(before);
    expect(existsSync(lockPath(ws))).toBe(false);
  });

  it('gives up with LOCKED after the timeout while another live run holds the lock', async () => {
    const { top, ws } = await brokenStagedRepo();
    const held = await acquireLock(ws, { command: 'test holder' });
    let waited = 0;
    await untouched(top, async () => {
      await expect(runPreflight({ repo: ws, scope: 'staged', lockTimeoutMs: 300, onWait: () => void waited++ })).rejects.toMatchObject({ code: 'LOCKED', exitCode: 2 });
    });
    expect(waited).toBe(1);
    held.release();
    expect(existsSync(lockPath(ws))).toBe(false);
  });

  it('takes over a stale lock whose pid is dead', async () => {
    const { top, ws } = await brokenStagedRepo();
    const dead = await execa(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
    const pid = Number(dead.stdout);
    expect(pidAlive(pid)).toBe(false);
    ensureWorkDir(ws);
    writeFileSync(lockPath(ws), JSON.stringify({ pid, startedAt: '2020-01-01T00:00:00Z', command: 'crashed', token: 'x' }));
    const report = await untouched(top, () => runPreflight({ repo: ws, scope: 'staged', lockTimeoutMs: 1000 }));
    expect(report.ok).toBe(false);
    expect(existsSync(lockPath(ws))).toBe(false);
  });

  it('Ctrl-C releases the lock and leaves the user files untouched', async () => {
    const { top, ws } = await brokenStagedRepo();
    const before = await userState(top);
    const child = execa(process.execPath, ['--import', 'tsx', CLI_ENTRY, 'preflight', '--repo', ws], { cwd: PROJECT_ROOT, reject: false });
    const lock = lockPath(ws);
    const deadline = Date.now() + 60_000;
    while (!existsSync(lock) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    expect(existsSync(lock)).toBe(true);
    child.kill('SIGINT');
    const r = await child;
    expect(r.signal ?? r.exitCode).toBeTruthy();
    expect(existsSync(lock)).toBe(false);
    expect(await userState(top)).toEqual(before);
    expect(existsSync(path.join(ws, '.rustgate'))).toBe(true);
  });
});

describe('stale lock detection', () => {
  it('treats a live pid with another start time as a reused pid (stale)', () => {
    const start = procStartTime(process.pid);
    expect(start).toMatch(/^\d+$/);
    expect(holderAlive({ pid: process.pid, procStart: start })).toBe(true);
    // Where /proc exists every rustgate records its start time: a lock without one is not a live rustgate's.
    expect(holderAlive({ pid: process.pid })).toBe(false);
    expect(holderAlive({ pid: process.pid, procStart: '1' })).toBe(false);
  });

  it('a live pid without a start time does not make the run wait: the lock is taken over at once', async () => {
    const { ws } = await brokenStagedRepo();
    ensureWorkDir(ws);
    // pid 1 is alive on every Linux system and is never a rustgate run.
    writeFileSync(lockPath(ws), JSON.stringify({ pid: 1, startedAt: '2026-01-01T00:00:00Z', command: 'old', token: 't' }));
    const t0 = Date.now();
    const lock = await acquireLock(ws, { timeoutMs: 60_000 });
    expect(Date.now() - t0).toBeLessThan(5_000);
    expect(lock.holder.pid).toBe(process.pid);
    lock.release();
  });

  it('a lock path that is a directory is an error naming it (exit 2), not a 10-minute wait', async () => {
    const { ws } = await brokenStagedRepo();
    ensureWorkDir(ws);
    mkdirSync(lockPath(ws));
    const t0 = Date.now();
    await expect(acquireLock(ws, { timeoutMs: 60_000 })).rejects.toMatchObject({ code: 'LOCKED', exitCode: 2, message: expect.stringContaining(`${lockPath(ws)} is a directory`) });
    expect(Date.now() - t0).toBeLessThan(5_000);
  });
});
