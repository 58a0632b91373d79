/**
 * A cache of `cargo metadata --no-deps` output for checks in place (`.rustgate/metadata.json`), so a warm PreFlight
 * run starts cargo once: for the check (metadata costs 20–45 ms of a 0.2–0.4 s warm check, and the ISG refresh of a
 * failing check needs it too). The key is everything that output depends on, as cargo reads it from the working
 * tree: the workspace directory, every tracked `Cargo.toml` by path and stat stamp (a new tracked crate adds a path;
 * any write moves its mtime and ctime), every tracked `.rs` path (cargo discovers bin/test/example/bench targets from
 * the file layout), every cargo config and toolchain file from the workspace up to `/` and in CARGO_HOME, and the
 * variables that move the target directory. The member manifests' own stamps are checked as well (a member git
 * ignores). In place, untracked Rust-relevant files already send the check to the shadow, which reads afresh.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stampOf } from '../git/shadow.js';
import type { CargoMetadata } from './metadata.js';
import { CARGO_DIR_INPUTS } from '../../core/preflight/classify.js';

interface Entry {
  key: string;
  /** Absolute member manifest → its stat stamp. */
  stamps: Record<string, string>;
  meta: CargoMetadata;
}

/** The file's stat stamp (size, mtime, ctime, inode: the one the private copies use), '-' when it is absent. */
function stamp(file: string): string {
  try {
    return JSON.stringify(stampOf(statSync(file)));
  } catch {
    return '-';
  }
}

/** The config and toolchain files cargo may read for `dir`: every ancestor's, then CARGO_HOME's. */
function configFiles(dir: string, env: NodeJS.ProcessEnv): string[] {
  const files: string[] = [];
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    files.push(...CARGO_DIR_INPUTS.map((f) => path.join(d, f)));
    if (path.dirname(d) === d) break;
  }
  const home = env.CARGO_HOME ?? path.join(env.HOME ?? os.homedir(), '.cargo');
  files.push(...CARGO_DIR_INPUTS.filter((f) => f.startsWith('.cargo/')).map((f) => path.join(home, f.slice('.cargo/'.length))));
  return files;
}

/** The cache key for `workspace` given its tracked manifests and `.rs` files (workspace-relative paths, from git). */
export function metadataKey(workspace: string, tracked: { manifests: readonly string[]; sources: readonly string[] }, env: NodeJS.ProcessEnv = process.env): string {
  const h = createHash('sha256').update('metadata-v2\0').update(`${path.resolve(workspace)}\0`);
  for (const m of [...tracked.manifests].sort()) h.update(`${m}=${stamp(path.join(workspace, m))}\0`);
  for (const f of [...tracked.sources].sort()) h.update(`${f}\0`);
  for (const v of ['CARGO_TARGET_DIR', 'CARGO_BUILD_TARGET_DIR', 'CARGO_HOME', 'RUSTUP_TOOLCHAIN']) h.update(`${v}=${env[v] ?? ''}\0`);
  for (const f of configFiles(workspace, env)) h.update(`${f}=${stamp(f)}\0`);
  return h.digest('hex');
}

/** The member manifests of the metadata (absolute paths). */
function memberManifests(meta: CargoMetadata): string[] {
  const ids = new Set(meta.workspace_members);
  return meta.packages.filter((p) => ids.has(p.id)).map((p) => p.manifest_path);
}

/** The cached metadata for `key`, or null (no cache, another key, a member manifest changed, unreadable). */
export function readCachedMetadata(file: string, key: string): CargoMetadata | null {
  let entry: Entry;
  try {
    entry = JSON.parse(readFileSync(file, 'utf8')) as Entry;
  } catch {
    return null;
  }
  if (typeof entry !== 'object' || entry === null || entry.key !== key || typeof entry.stamps !== 'object' || entry.stamps === null) return null;
  const meta = entry.meta;
  if (typeof meta !== 'object' || meta === null || !Array.isArray(meta.packages) || !Array.isArray(meta.workspace_members)) return null;
  if (typeof meta.workspace_root !== 'string' || typeof meta.target_directory !== 'string') return null;
  try {
    for (const m of memberManifests(meta)) if (typeof m !== 'string' || entry.stamps[m] !== stamp(m)) return null;
  } catch {
    return null;
  }
  return meta;
}

/** Saves `meta` under `key` (write to a temp file, then rename: a reader never sees half a file). */
export function writeCachedMetadata(file: string, key: string, meta: CargoMetadata): void {
  const stamps: Record<string, string> = {};
  for (const m of memberManifests(meta)) stamps[m] = stamp(m);
  const entry: Entry = { key, stamps, meta };
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(entry));
  renameSync(tmp, file);
}
