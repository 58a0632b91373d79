/**
 * One rustgate run at a time per workspace: a lock file at `<root>/.rustgate/lock` created with O_EXCL, holding the
 * owner's pid and start time. A lock whose pid is dead (or, on Linux, that has no start time or another one) is stale
 * and taken over; a lock path that is not a regular file is an error naming it. Ctrl-C releases it. Once held, the
 * lock finishes or rolls back an apply a killed run left behind (fix/journal.ts) and says which.
 */
import { randomUUID } from 'node:crypto';
import { closeSync, lstatSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { RustgateError } from '../core/errors.js';
import { recoverInterruptedApply, type ApplyRecovery } from './fix/journal.js';
import { notice } from './notices.js';
import { ensureWorkDir } from './workdir.js';
import { rustgatePaths } from '../core/paths.js';

/** Who holds the lock. */
export interface LockHolder {
  pid: number;
  startedAt: string;
  command: string;
  token: string;
  /** Linux: the process start time (clock ticks since boot), so a reused pid is not mistaken for the holder. */
  procStart?: string;
}

export interface LockOptions {
  /** How long to wait for another run before failing with LOCKED (default 10 minutes). */
  timeoutMs?: number;
  pollMs?: number;
  /** What the holder is doing, for the waiting message of others. */
  command?: string;
  /** Called once when this run has to wait for another. */
  onWait?: (holder: LockHolder) => void;
  /** Called when the lock finished or rolled back an interrupted apply (also sent to the process notices). */
  onRecover?: (recovery: ApplyRecovery) => void;
}

/** A held lock; `release` is idempotent. */
export interface RunLock {
  path: string;
  holder: LockHolder;
  /** What was done with an apply a killed run left behind, if there was one. */
  recovery: ApplyRecovery | null;
  release(): void;
}

/** Path of the lock file of a workspace. */
export function lockPath(root: string): string {
  return rustgatePaths(root).lock;
}

function readHolder(file: string): LockHolder | null {
  try {
    const h = JSON.parse(readFileSync(file, 'utf8')) as LockHolder;
    return typeof h.pid === 'number' ? h : null;
  } catch {
    return null;
  }
}

/** The start time of a process from /proc (Linux), or undefined where there is no /proc. */
export function procStartTime(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 22; the command name (field 2) may contain spaces, so count from the closing parenthesis.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

/**
 * True when the holder's process still runs (same pid and, where known, the same start time). Where /proc exists every
 * rustgate records its start time, so a lock without one was not written by a live rustgate here: stale.
 */
export function holderAlive(h: Pick<LockHolder, 'pid' | 'procStart'>): boolean {
  if (!pidAlive(h.pid)) return false;
  const now = procStartTime(h.pid);
  if (h.procStart === undefined) return now === undefined;
  return now === undefined || now === h.procStart;
}

/** Refuses a lock path that exists but is not a regular file (a directory, a FIFO, a link): it can never be released. */
function assertLockFileKind(file: string): void {
  let st;
  try {
    st = lstatSync(file);
  } catch {
    return;
  }
  if (!st.isFile()) {
    const kind = st.isDirectory() ? 'a directory' : st.isSymbolicLink() ? 'a symbolic link' : 'not a regular file';
    throw new RustgateError('LOCKED', `the run lock ${file} is ${kind}, not a lock file`, `Remove it (rm -r -- '${file}') and run again; rustgate creates it as a plain file.`);
  }
}

let signalDeferrals = 0;

/**
 * While the returned function has not been called, a SIGINT/SIGTERM does not release the lock or end the process:
 * the caller (the applier) handles the signal itself and unwinds, releasing the lock normally.
 */
export function deferSignalExit(): () => void {
  signalDeferrals += 1;
  let done = false;
  return () => {
    if (done) return;
    done = true;
    signalDeferrals -= 1;
  };
}

/** True when a process with this pid exists (EPERM means it exists but belongs to someone else). */
export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function tryCreate(file: string, holder: LockHolder): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'wx');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
  try {
    writeSync(fd, JSON.stringify(holder));
  } finally {
    closeSync(fd);
  }
  return true;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Acquires the workspace lock, waiting for another live run up to `timeoutMs`, then LOCKED. */
export async function acquireLock(root: string, opts: LockOptions = {}): Promise<RunLock> {
  const file = lockPath(root);
  ensureWorkDir(root); // never leave a `.rustgate/` without its `.gitignore`
  const procStart = procStartTime(process.pid);
  const holder: LockHolder = {
    pid: process.pid,
    startedAt: new Date().toISOString(),
    command: opts.command ?? 'rustgate',
    token: randomUUID(),
    ...(procStart !== undefined ? { procStart } : {}),
  };
  let released = false;
  const release = (): void => {
    if (released) return;
    released = true;
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    process.removeListener('exit', release);
    if (readHolder(file)?.token === holder.token) {
      try {
        unlinkSync(file);
      } catch {
        // already gone
      }
    }
  };
  // Ctrl-C: drop the lock, then let the signal do what it would have done — unless the applier is restoring files.
  // Installed before the lock file is created: a signal that lands between the two would otherwise end the process
  // by default and leave the file behind. Before our file exists, release() removes nothing (the token check).
  function onSignal(signal: NodeJS.Signals): void {
    if (signalDeferrals > 0) return;
    release();
    process.kill(process.pid, signal);
  }
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  process.once('exit', release);
  const deadline = Date.now() + (opts.timeoutMs ?? 600_000);
  const poll = opts.pollMs ?? 100;
  let told = false;
  let unreadableSince: number | null = null;
  try {
    for (;;) {
      assertLockFileKind(file);
      if (tryCreate(file, holder)) break;
      const other = readHolder(file);
      if (other === null) {
        // Being written right now, or garbage left by a crash: give a writer a moment, then take it over.
        unreadableSince ??= Date.now();
        if (Date.now() - unreadableSince > 2000) {
          try {
            unlinkSync(file);
          } catch {
            // someone else removed it
          }
          unreadableSince = null;
        }
      } else if (!holderAlive(other)) {
        // Stale: remove it only if it is still the same stale lock (another waiter may have replaced it).
        if (readHolder(file)?.token === other.token) {
          try {
            unlinkSync(file);
          } catch {
            // already gone
          }
        }
        continue;
      } else {
        unreadableSince = null;
        if (!told) {
          told = true;
          opts.onWait?.(other);
        }
      }
      if (Date.now() >= deadline) {
        const who = other ? ` (pid ${other.pid}, ${other.command}, since ${other.startedAt})` : '';
        throw new RustgateError('LOCKED', `another rustgate run holds ${file}${who}`, 'wait for it to finish; if no rustgate is running, delete the lock file');
      }
      await sleep(poll);
    }
  } catch (e) {
    release();
    throw e;
  }

  let recovery: ApplyRecovery | null = null;
  try {
    recovery = await recoverInterruptedApply(root);
  } catch (e) {
    notice(`could not recover an interrupted debug-bug --apply (${e instanceof Error ? e.message : String(e)}); its journal is kept in ${rustgatePaths(root).dir}`);
  }
  if (recovery) {
    notice(recovery.message);
    opts.onRecover?.(recovery);
  }
  return { path: file, holder, recovery, release };
}
