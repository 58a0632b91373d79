/**
 * A cache of `cargo metadata --no-deps` for checks in place (`.rustgate/members.json`), so a warm PreFlight run does
 * not start cargo twice (metadata costs 20–45 ms of a 0.2–0.4 s warm check). The key is everything that output
 * depends on, as cargo reads it from the working tree: the workspace directory, every tracked `Cargo.toml` by path,
 * size and mtime (a new tracked crate adds a path; any write moves the mtime), every cargo config and toolchain file
 * from the workspace up to `/` and in CARGO_HOME, and the variables that move the target directory. The member
 * manifests' own size and mtime are checked as well (a member git ignores). In place, untracked Rust-relevant files
 * already send the check to the shadow, which reads its metadata afresh.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { MembersResult } from './members.js';

interface Entry {
  key: string;
  /** Workspace-relative member manifest → "size:mtimeMs". */
  stamps: Record<string, string>;
  result: MembersResult & { ok: true };
}

function stamp(file: string): string {
  try {
    const st = statSync(file);
    return `${st.size}:${st.mtimeMs}`;
  } catch {
    return '-';
  }
}

/** The config and toolchain files cargo may read for `dir`: every ancestor's, then CARGO_HOME's. */
function configFiles(dir: string, env: NodeJS.ProcessEnv): string[] {
  const files: string[] = [];
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    files.push(path.join(d, '.cargo', 'config'), path.join(d, '.cargo', 'config.toml'), path.join(d, 'rust-toolchain'), path.join(d, 'rust-toolchain.toml'));
    if (path.dirname(d) === d) break;
  }
  const home = env.CARGO_HOME ?? path.join(env.HOME ?? os.homedir(), '.cargo');
  files.push(path.join(home, 'config'), path.join(home, 'config.toml'));
  return files;
}

/** The cache key for `workspace` given its tracked manifests (workspace-relative paths, from git). */
export function membersKey(workspace: string, trackedManifests: readonly string[], env: NodeJS.ProcessEnv = process.env): string {
  const h = createHash('sha256').update('members-v1\0').update(`${path.resolve(workspace)}\0`);
  for (const m of [...trackedManifests].sort()) h.update(`${m}=${stamp(path.join(workspace, m))}\0`);
  for (const v of ['CARGO_TARGET_DIR', 'CARGO_BUILD_TARGET_DIR', 'CARGO_HOME', 'RUSTUP_TOOLCHAIN']) h.update(`${v}=${env[v] ?? ''}\0`);
  for (const f of configFiles(workspace, env)) h.update(`${f}=${stamp(f)}\0`);
  return h.digest('hex');
}

function manifestOf(workspace: string, manifestDir: string): string {
  return path.join(workspace, manifestDir, 'Cargo.toml');
}

/** The cached members for `key`, or null (no cache, another key, a member manifest changed, unreadable). */
export function readCachedMembers(file: string, workspace: string, key: string): MembersResult | null {
  let entry: Entry;
  try {
    entry = JSON.parse(readFileSync(file, 'utf8')) as Entry;
  } catch {
    return null;
  }
  if (entry?.key !== key || entry.result?.ok !== true || !Array.isArray(entry.result.members) || typeof entry.stamps !== 'object' || entry.stamps === null) return null;
  for (const m of entry.result.members) {
    if (typeof m?.manifestDir !== 'string' || entry.stamps[m.manifestDir] !== stamp(manifestOf(workspace, m.manifestDir))) return null;
  }
  return entry.result;
}

/** Saves `result` under `key` (write to a temp file, then rename: a reader never sees half a file). */
export function writeCachedMembers(file: string, workspace: string, key: string, result: MembersResult): void {
  if (!result.ok) return;
  const stamps: Record<string, string> = {};
  for (const m of result.members) stamps[m.manifestDir] = stamp(manifestOf(workspace, m.manifestDir));
  const entry: Entry = { key, stamps, result };
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(entry));
  renameSync(tmp, file);
}
