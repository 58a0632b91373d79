/**
 * The applier of `debug-bug --apply`: builds the commit from blobs of exactly the validated content, journals the
 * pre-run bytes, writes the files, re-checks the written bytes, moves HEAD with a compare-and-swap, then stages the
 * committed blobs. On any failure or signal before HEAD moves it restores each file that still holds exactly the bytes
 * it wrote, and leaves (and names) a file someone changed in between.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { git } from '../../adapters/git/run.js';
import { RustgateError, isRustgateError } from '../../core/errors.js';
import type { Validator } from '../../core/fix/search.js';
import { deferSignalExit } from '../lock.js';
import { ensureWorkDir } from '../workdir.js';
import { clearJournal, describeLeft, indexEntry, replaceFile, restoreOwnBytes, sha256Hex, stageCommitted, writeJournal, type ApplyJournal, type JournalFile } from './journal.js';

/** What to apply: the validated content of each touched file, and how to re-check it once written. */
export interface ApplyRequest {
  /** Absolute repository root (the git top level). */
  repo: string;
  /** The content each file had when the fix was validated (workspace-relative path → text). */
  before: ReadonlyMap<string, string>;
  /** The validated content; files whose text equals `before` are not written. */
  after: ReadonlyMap<string, string>;
  /** sha256 of each file's bytes when it was read for the search; the disk must still match. */
  hashes: ReadonlyMap<string, string>;
  /** Re-checks the written content (the validation tree's validator). */
  validate: Validator;
  /** The commit message. */
  message: string;
}

/** The outcome of a successful apply. */
export interface ApplyResult {
  /** The new commit. */
  commit: string;
}

async function gitOrThrow(repo: string, args: string[], input?: string, env?: Record<string, string>): Promise<string> {
  const r = await git(repo, args, input, env ? { env } : {});
  if (r.exitCode !== 0) {
    const why = r.stderr.trim() || r.stdout.trim();
    if (args[0] === 'commit-tree' && /identity|user\.(name|email)|empty ident/i.test(why)) {
      throw new RustgateError('BAD_CONFIG', `git cannot make the fix commit: ${why}`, 'Set your identity: git config user.name "…" && git config user.email "…".');
    }
    throw new Error(`git ${args[0] ?? ''} failed (exit ${r.exitCode}): ${why}`);
  }
  return r.stdout.trim();
}

/** Test hooks (test-only; documented in README "Test hooks"): pause after the write so a test can signal or edit. */
async function testPause(isInterrupted: () => boolean): Promise<void> {
  const pause = Number(process.env.RUSTGATE_TEST_PAUSE_AFTER_WRITE_MS ?? 0);
  if (!(pause > 0)) return;
  const marker = process.env.RUSTGATE_TEST_WRITE_MARKER;
  if (marker) await writeFile(marker, `${process.pid}\n`);
  for (let waited = 0; waited < pause && !isInterrupted(); waited += 50) await new Promise((r) => setTimeout(r, 50));
}

/**
 * Refuses a touched file whose index entry differs from its working-tree bytes: the commit holds exactly the validated
 * bytes, so it would carry the user's unstaged lines.
 */
async function checkStaged(repo: string, file: string, beforeBlob: string): Promise<{ mode: string; blob: string }> {
  const entry = await indexEntry(repo, file);
  if (entry === null) {
    throw new RustgateError('WORKTREE_CHANGED', `${file} is not in the index, so the fix commit would carry its unstaged content`, `Stage it first (git add -- ${file}) or run without --apply and apply the proposed diff yourself.`);
  }
  if (entry.blob !== beforeBlob) {
    throw new RustgateError(
      'WORKTREE_CHANGED',
      `${file} has unstaged changes; --apply commits exactly the validated bytes and will not commit your unstaged lines`,
      `Stage the file (git add -- ${file}) to commit your change with the fix, or commit/stash it first; or run without --apply to see the proposed diff.`,
    );
  }
  return entry;
}

/** Writes `after` over the user's files, re-checks the written bytes, commits once; see the module comment. */
export async function applyValidatedFix(req: ApplyRequest): Promise<ApplyResult> {
  const { repo, before, after, hashes, message } = req;
  const files = Array.from(after.keys()).filter((f) => before.get(f) !== after.get(f)).sort();
  if (files.length === 0) throw new Error('applyValidatedFix: the fix changes no file');

  // 1. The disk and the index must still hold what was validated.
  const previous = new Map<string, Buffer>();
  for (const f of files) {
    const bytes = await readFile(path.join(repo, f));
    if (sha256Hex(bytes) !== hashes.get(f)) {
      throw new RustgateError('WORKTREE_CHANGED', `${f} changed since it was checked`, 'Run `rustgate debug-bug` again on the current working tree.');
    }
    previous.set(f, bytes);
  }
  const journalFiles: JournalFile[] = [];
  for (const f of files) {
    const prev = previous.get(f) ?? Buffer.alloc(0);
    const text = after.get(f) ?? '';
    const beforeBlob = await gitOrThrow(repo, ['hash-object', '-w', '--stdin', `--path=${f}`], prev.toString('utf8'));
    const entry = await checkStaged(repo, f, beforeBlob);
    const afterBlob = await gitOrThrow(repo, ['hash-object', '-w', '--stdin', `--path=${f}`], text);
    journalFiles.push({ path: f, mode: entry.mode, before: prev.toString('base64'), beforeSha256: sha256Hex(prev), afterSha256: sha256Hex(Buffer.from(text, 'utf8')), afterBlob, indexBlob: entry.blob });
  }

  // 2. The commit, built from HEAD's tree plus the validated blobs in a private index (the user's index is untouched).
  const headRun = await git(repo, ['rev-parse', '-q', '--verify', 'HEAD^{commit}']);
  const oldHead = headRun.exitCode === 0 ? headRun.stdout.trim() : null;
  const privateIndex = path.join(ensureWorkDir(repo), `apply-index.${process.pid}`);
  let commit: string;
  try {
    const env = { GIT_INDEX_FILE: privateIndex };
    await gitOrThrow(repo, oldHead ? ['read-tree', oldHead] : ['read-tree', '--empty'], undefined, env);
    await gitOrThrow(repo, ['update-index', '-z', '--index-info'], journalFiles.map((j) => `${j.mode} ${j.afterBlob}\t${j.path}\0`).join(''), env);
    const tree = await gitOrThrow(repo, ['write-tree'], undefined, env);
    commit = await gitOrThrow(repo, ['commit-tree', tree, ...(oldHead ? ['-p', oldHead] : [])], message.endsWith('\n') ? message : `${message}\n`);
  } finally {
    await rm(privateIndex, { force: true });
  }

  // 3. Journal (fsynced) before the first write; signals only set a flag from here until HEAD moves.
  const journal: ApplyJournal = { version: 1, repo, pid: process.pid, createdAt: new Date().toISOString(), oldHead, commit, files: journalFiles };
  let interrupted: NodeJS.Signals | null = null;
  const onSignal = (sig: NodeJS.Signals): void => {
    interrupted ??= sig;
  };
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  for (const sig of signals) process.on(sig, onSignal);
  const undefer = deferSignalExit();
  let committed = false;
  try {
    writeJournal(repo, journal);
    try {
      // Each file is replaced whole (temp + rename): never seen truncated, even by a SIGKILL's recovery.
      for (const f of files) await replaceFile(path.join(repo, f), after.get(f) ?? '');
      await testPause(() => interrupted !== null);
      if (interrupted) throw new RustgateError('INTERRUPTED', `interrupted (${String(interrupted)}) while applying the fix`, 'Nothing was committed; run the command again.');
      if (process.env.RUSTGATE_TEST_FAIL_AFTER_WRITE === '1') throw new Error('injected failure after write (RUSTGATE_TEST_FAIL_AFTER_WRITE=1)');
      // 4. Re-check exactly the bytes now on disk, and that they are still the validated bytes.
      const onDisk = new Map<string, string>();
      for (const f of files) onDisk.set(f, (await readFile(path.join(repo, f))).toString('utf8'));
      const changed = files.filter((f) => onDisk.get(f) !== after.get(f));
      if (changed.length > 0) throw new RustgateError('WORKTREE_CHANGED', `${changed.join(', ')} changed while the fix was being applied`, 'Nothing was committed; run `rustgate debug-bug` again on the current working tree.');
      const recheck = await req.validate(onDisk);
      if (recheck.errors.length > 0 || recheck.status === 'Failed') throw new Error(`re-check of the written files failed: ${recheck.errors[0]?.message ?? recheck.status}`);
      if (interrupted) throw new RustgateError('INTERRUPTED', `interrupted (${String(interrupted)}) while applying the fix`, 'Nothing was committed; run the command again.');
      for (const f of files) {
        if ((await readFile(path.join(repo, f))).toString('utf8') !== after.get(f)) {
          throw new RustgateError('WORKTREE_CHANGED', `${f} changed while the fix was being applied`, 'Nothing was committed; run `rustgate debug-bug` again on the current working tree.');
        }
      }
      // 5. Move HEAD only if it still points where the commit was built on.
      const moved = await git(repo, ['update-ref', '-m', 'rustgate: debug-bug --apply', 'HEAD', commit, oldHead ?? '']);
      if (moved.exitCode !== 0) throw new RustgateError('WORKTREE_CHANGED', `HEAD moved while the fix was being applied: ${moved.stderr.trim()}`, 'Nothing was committed; run `rustgate debug-bug` again.');
      committed = true;
    } catch (e) {
      const { restored, left } = await restoreOwnBytes(repo, journalFiles);
      clearJournal(repo);
      throw withRestoreNote(e, restored, left);
    }
    // 6. Stage the committed blobs for exactly these paths; a failure here leaves the journal for the next run.
    await stageCommitted(repo, journalFiles);
    clearJournal(repo);
    return { commit };
  } finally {
    undefer();
    for (const sig of signals) process.off(sig, onSignal);
    if (!committed) await rm(privateIndex, { force: true });
  }
}

/** Adds what the restore did to the error the user sees (a left file is named, with where its old bytes are). */
function withRestoreNote(e: unknown, restored: string[], left: { path: string; previousBlob: string | null }[]): unknown {
  const note = `${restored.length > 0 ? `; restored ${restored.join(', ')}` : ''}${describeLeft(left)}`;
  if (isRustgateError(e)) {
    const hint = left.length > 0 ? `${e.hint} Check the files named above: rustgate did not overwrite them.` : e.hint;
    return new RustgateError(e.code, `${e.message}${note}`, hint, { cause: e.cause, exitCode: e.exitCode });
  }
  if (e instanceof Error) {
    e.message = `${e.message}${note}`;
    return e;
  }
  return e;
}
