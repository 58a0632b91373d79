/**
 * Every test's temporary directories go under one per-run directory, removed when the run ends: the suite makes
 * hundreds of temp git repos, shadow trees and cargo target dirs (≈ 12 GB per full run), and a test that fails or
 * is killed must not leave them behind in the machine's /tmp. Child processes (workers, cargo, git) inherit TMPDIR.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export default function setup(): () => void {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'rustgate-tests-'));
  const before = process.env.TMPDIR;
  process.env.TMPDIR = dir;
  return () => {
    if (before === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = before;
    if (process.env.RUSTGATE_KEEP_TEST_TMP) {
      process.stderr.write(`test temp dirs kept in ${dir}\n`);
      return;
    }
    rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  };
}
