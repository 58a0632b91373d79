/**
 * The applier of `debug-bug --apply`: writes a validated fix over the user's files, re-checks the written bytes,
 * commits once, and restores the previous bytes on any failure or signal.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import { RustgateError } from '../../core/errors.js';
import type { Validator } from '../../core/fix/search.js';
import { sha256 } from '../fix-validate.js';

/** What to apply: the validated content of each touched file, and how to re-check it once written. */
export interface ApplyRequest {
  /** Absolute repository root. */
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

/** Writes `after` over the user's files, re-checks the written bytes, commits once; restores `before` on any failure. */
export async function applyValidatedFix(req: ApplyRequest): Promise<ApplyResult> {
  const { repo, before, after, hashes, message } = req;
  const files = Array.from(after.keys()).filter((f) => before.get(f) !== after.get(f)).sort();
  const previous = new Map<string, Buffer>();
  for (const f of files) {
    const bytes = await readFile(path.join(repo, f));
    if (sha256(bytes) !== hashes.get(f)) {
      throw new RustgateError('WORKTREE_CHANGED', `${f} changed since it was checked`, 'Run `rustgate debug-bug` again on the current working tree.');
    }
    previous.set(f, bytes);
  }
  let interrupted = false;
  const onSigint = (): void => {
    interrupted = true;
  };
  // While the user's files differ from their previous bytes, a signal only sets a flag: the applier restores and exits.
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  for (const sig of signals) process.on(sig, onSigint);
  const guard = (): void => {
    if (interrupted) throw new RustgateError('INTERRUPTED', 'interrupted while applying the fix; files restored', 'Nothing was changed; run the command again.');
  };
  let written = false;
  try {
    for (const f of files) await writeFile(path.join(repo, f), after.get(f) ?? '');
    written = true;
    // Test hooks, read only here: fail, or pause (so a test can deliver SIGINT), right after the write.
    const pause = Number(process.env.RUSTGATE_TEST_PAUSE_AFTER_WRITE_MS ?? 0);
    for (let waited = 0; waited < pause && !interrupted; waited += 50) await new Promise((r) => setTimeout(r, 50));
    guard();
    if (process.env.RUSTGATE_TEST_FAIL_AFTER_WRITE === '1') throw new Error('injected failure after write (RUSTGATE_TEST_FAIL_AFTER_WRITE=1)');
    // Re-check exactly the bytes now on disk.
    const onDisk = new Map<string, string>();
    for (const f of files) onDisk.set(f, (await readFile(path.join(repo, f))).toString('utf8'));
    const recheck = await req.validate(onDisk);
    if (recheck.errors.length > 0 || recheck.status === 'Failed') throw new Error(`re-check of the written files failed: ${recheck.errors[0]?.message ?? recheck.status}`);
    guard();
    const commit = await execa('git', ['commit', '--quiet', '--only', '-m', message, '--', ...files], { cwd: repo, reject: false });
    if (commit.exitCode !== 0) throw new Error(`git commit failed: ${commit.stderr.trim() || commit.stdout.trim()}`);
    const sha = await execa('git', ['rev-parse', 'HEAD'], { cwd: repo, reject: false });
    return { commit: sha.stdout.trim() };
  } catch (e) {
    if (written || previous.size > 0) for (const [f, bytes] of previous) await writeFile(path.join(repo, f), bytes);
    throw e;
  } finally {
    for (const sig of signals) process.off(sig, onSigint);
  }
}
