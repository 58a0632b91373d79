/**
 * Seeds rustgate's shared target dir once from the user's warm one, so the first private-copy check is not a second
 * cold build of every dependency. Only dependency units are copied (not hardlinked: cargo may rewrite an artifact in
 * place) — `deps/`, `.fingerprint/` and `build/` entries whose unit is not a workspace package or target — with their
 * mtimes, which cargo's freshness needs. Workspace units are never copied: the copies build their own, and the target
 * ledger (see ledger.ts) starts empty, so every workspace file counts as changed.
 * Measured: a 2-member workspace with serde/serde_json/regex/libc: the first check in a copy took 2.1 s seeded (23
 * dependency units fresh, only the 2 members rebuilt) against 150 s cold, same machine and session.
 */
import { cpSync, existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** The user's cargo target dir for a workspace: CARGO_TARGET_DIR, else `<root>/target` (null when absent). */
export function userTargetDir(root: string, env: NodeJS.ProcessEnv = process.env): string | null {
  const dir = env.CARGO_TARGET_DIR ? path.resolve(root, env.CARGO_TARGET_DIR) : path.join(root, 'target');
  try {
    return statSync(dir).isDirectory() ? dir : null;
  } catch {
    return null;
  }
}

/** The unit name of an entry of `deps/`, `.fingerprint/` or `build/` (`libfoo_bar-0123abcd.rmeta` → `foo_bar`), '-' as '_'. */
export function unitName(entry: string, dir: 'deps' | '.fingerprint' | 'build'): string {
  const base = dir === 'deps' && entry.startsWith('lib') ? entry.slice(3) : entry;
  return base.replace(/-[0-9a-f]{16}(\..*)?$/, '').replace(/-/g, '_');
}

/**
 * Copies the dependency units of `from`'s profile dirs (debug and the like, host only) into `to`, skipping every
 * unit named like a workspace package or target (`workspaceNames`, any of '-'/'_'). Returns how many entries it copied.
 */
export function seedTargetDir(from: string, to: string, workspaceNames: ReadonlySet<string>): number {
  const skip = new Set([...workspaceNames].map((n) => n.replace(/-/g, '_')));
  let copied = 0;
  for (const profile of ['debug']) {
    for (const sub of ['deps', '.fingerprint', 'build'] as const) {
      const src = path.join(from, profile, sub);
      if (!existsSync(src)) continue;
      for (const entry of readdirSync(src)) {
        if (skip.has(unitName(entry, sub))) continue;
        cpSync(path.join(src, entry), path.join(to, profile, sub, entry), { recursive: true, preserveTimestamps: true, verbatimSymlinks: true, errorOnExist: false, force: false });
        copied++;
      }
    }
  }
  return copied;
}
