/**
 * The validated-fix cache: the last proposal of the search, keyed by a hash of every workspace file's content, so
 * `debug-bug --apply` right after a blocked pre-commit (or a `debug-bug` proposal) applies that very result instead
 * of searching again — only when nothing changed since. Lives in `<repo>/.rustgate/fix-cache.json`.
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { sha256 } from '../fix-validate.js';
import { ensureWorkDir } from '../workdir.js';
import type { DebugBugReport } from './report.js';

/** One cached proposal. */
export interface CachedFix {
  version: 1;
  /** `contentKey` of the workspace the proposal was validated on. */
  key: string;
  /** Files the fix changes: content before (as validated) and after. */
  files: { path: string; before: string; after: string }[];
  /** Why it must not be applied automatically; null when it may be. */
  refusal: string | null;
  report: DebugBugReport;
}

const FILE = 'fix-cache.json';

/** A hash of every listed file's path and content (missing files count as absent). */
export async function contentKey(root: string, files: readonly string[]): Promise<string> {
  const parts: string[] = [];
  for (const f of [...files].sort()) {
    const bytes = await readFile(path.join(root, f)).catch(() => null);
    parts.push(`${f}\u0000${bytes === null ? '-' : sha256(bytes)}`);
  }
  return sha256(parts.join('\n'));
}

/** Saves the proposal (atomically; a failure to cache never costs the run). */
export async function saveFix(root: string, entry: CachedFix): Promise<void> {
  try {
    const dir = ensureWorkDir(root);
    const tmp = path.join(dir, `${FILE}.${process.pid}.tmp`);
    await writeFile(tmp, JSON.stringify(entry));
    await rename(tmp, path.join(dir, FILE));
  } catch {
    // best effort
  }
}

/** The cached proposal for `key`, or null (none, another key, unreadable). */
export async function loadFix(root: string, key: string): Promise<CachedFix | null> {
  try {
    const entry = JSON.parse(await readFile(path.join(ensureWorkDir(root), FILE), 'utf8')) as CachedFix;
    return entry.version === 1 && entry.key === key && Array.isArray(entry.files) ? entry : null;
  } catch {
    return null;
  }
}
