/**
 * The target ledger: what makes one cargo target dir safe to share between private copies. Cargo decides freshness
 * by mtime, and a workspace package gets the same `-C metadata` hash whatever its path, so a copy whose file has
 * old bytes and an old mtime would reuse an artifact another copy built from different bytes (a false green).
 * Per workspace-relative path the ledger keeps the content id last prepared for a build into this target dir and
 * `since`, the time it was first prepared (every build after `since` saw those bytes at that path; every build of
 * other bytes ended before it). Preparing a copy bumps, to a fresh `since`, the mtime of each file whose id differs
 * (or is absent from the ledger); a file with the same id but an mtime older than `since` is bumped to `since`, as
 * it may predate a build of other bytes. So cargo sees every byte difference — whether the builds in between
 * completed, failed, were killed or checked only some packages. It lives inside the target dir (deleted with it);
 * missing or unreadable, every file counts as different.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

interface LedgerEntry {
  /** Content id (git blob id), or null: the last prepared copy did not hold this path. */
  id: string | null;
  /** Epoch ms when this id was first prepared. */
  since: number;
}

interface LedgerFile {
  version: 3;
  files: Record<string, LedgerEntry>;
}

/** One file of a copy about to be built: its content id and current mtime. */
export interface PreparedFile {
  id: string;
  mtimeMs: number;
}

/** What to do before cargo runs: set these files' mtimes to `time` (epoch ms). */
export interface BumpPlan {
  time: number;
  paths: string[];
}

/**
 * Records that a copy holding exactly `content` is about to be built into the target dir whose ledger is at `file`,
 * and returns the files whose mtimes must be set to `plan.time` first. The ledger is saved before returning:
 * callers bump right away; a crash in between only leaves files that the next prepare bumps again.
 */
export function prepareBuild(file: string, content: ReadonlyMap<string, PreparedFile>, now: number = Date.now()): BumpPlan {
  let data: LedgerFile = { version: 3, files: {} };
  try {
    const d = JSON.parse(readFileSync(file, 'utf8')) as LedgerFile;
    if (d.version === 3 && typeof d.files === 'object' && d.files !== null) data = d;
  } catch {
    // missing or corrupt: every path differs
  }
  // Strictly after anything built so far (builds ran before this call, under the same lock).
  const time = Math.floor(now) + 1;
  const paths: string[] = [];
  for (const [p, f] of content) {
    const e = data.files[p];
    if (e === undefined || e.id !== f.id) {
      data.files[p] = { id: f.id, since: time };
      paths.push(p);
    } else if (Math.round(f.mtimeMs) < e.since) {
      paths.push(p);
    }
  }
  for (const [p, e] of Object.entries(data.files)) {
    if (!content.has(p) && e.id !== null) data.files[p] = { id: null, since: time };
  }
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(data));
  renameSync(tmp, file);
  return { time, paths };
}
