/**
 * The shadow tree: a private copy of exactly the selected content (index, a commit, or the working tree) under
 * `<workspace>/.rustgate/shadow/`, updated file by file so unchanged files keep their mtimes and cargo stays warm.
 * Reads only through git plumbing and plain file reads; never touches the user's tree, index or refs.
 */
import { chmodSync, existsSync, lstatSync, mkdirSync, readFileSync, readlinkSync, renameSync, rmSync, rmdirSync, symlinkSync, writeFileSync, type Stats } from 'node:fs';
import path from 'node:path';
import type { Scope } from '../../core/preflight/types.js';
import { RustgateError } from '../../core/errors.js';
import { blobId, isOwnPath } from './changes.js';

export { blobId };
import { unfinished, type RepoInfo } from './repo.js';
import { gitBuffer, gitOk, splitZ } from './run.js';

/** One file of the selected content. `oid` for git objects; `abs` for working-tree files. */
export interface ShadowEntry {
  /** Workspace-relative, '/'-separated. */
  path: string;
  /** Git mode: 100644, 100755, 120000 (symlink). */
  mode: string;
  /** Content identity: the git blob id (computed for working-tree files). */
  id: string;
  oid?: string;
  abs?: string;
  /** Working-tree stat, so an unchanged file is not re-read next run. */
  stat?: { size: number; mtimeMs: number };
}

interface ManifestEntry {
  id: string;
  mode: string;
  size?: number;
  mtimeMs?: number;
}

interface Manifest {
  version: 1;
  entries: Record<string, ManifestEntry>;
}

/** What materialisation did. */
export interface ShadowResult {
  dir: string;
  written: number;
  deleted: number;
  kept: number;
  warnings: string[];
  ms: number;
}

function readManifest(file: string, shadowDir: string): Manifest {
  if (!existsSync(shadowDir) || !existsSync(file)) return { version: 1, entries: {} };
  try {
    const m = JSON.parse(readFileSync(file, 'utf8')) as Manifest;
    return m.version === 1 && typeof m.entries === 'object' ? m : { version: 1, entries: {} };
  } catch {
    return { version: 1, entries: {} };
  }
}

function writeManifest(file: string, m: Manifest): void {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(m));
  renameSync(tmp, file);
}

/** Index entries (stage 0) under the workspace. */
async function indexEntries(info: RepoInfo): Promise<ShadowEntry[]> {
  const out = await gitOk(info.workspace, ['ls-files', '-s', '-z']);
  const entries: ShadowEntry[] = [];
  for (const rec of splitZ(out)) {
    const tab = rec.indexOf('\t');
    const [mode = '', oid = '', stage = ''] = rec.slice(0, tab).split(' ');
    if (stage !== '0') throw unfinished(info, 'conflict resolution');
    entries.push({ path: rec.slice(tab + 1), mode, id: oid, oid });
  }
  return entries;
}

/** Tree entries of a commit under the workspace. */
async function treeEntries(info: RepoInfo, rev: string): Promise<ShadowEntry[]> {
  const out = await gitOk(info.workspace, ['ls-tree', '-r', '-z', rev]);
  const entries: ShadowEntry[] = [];
  for (const rec of splitZ(out)) {
    const tab = rec.indexOf('\t');
    const [mode = '', , oid = ''] = rec.slice(0, tab).split(' ');
    entries.push({ path: rec.slice(tab + 1), mode, id: oid, oid });
  }
  return entries;
}

/** Working-tree files (tracked and untracked non-ignored) under the workspace; ids reuse the manifest when stat matches. */
async function worktreeEntries(info: RepoInfo, previous: Manifest): Promise<ShadowEntry[]> {
  const out = await gitOk(info.workspace, ['ls-files', '-c', '-o', '--exclude-standard', '-z']);
  const entries: ShadowEntry[] = [];
  const seen = new Set<string>();
  for (const rel of splitZ(out)) {
    if (seen.has(rel) || rel.endsWith('/')) continue;
    seen.add(rel);
    const abs = path.join(info.workspace, rel);
    let st: Stats;
    try {
      st = lstatSync(abs);
    } catch {
      continue; // deleted in the working tree
    }
    let mode: string;
    if (st.isSymbolicLink()) mode = '120000';
    else if (st.isFile()) mode = st.mode & 0o111 ? '100755' : '100644';
    else continue; // a submodule or nested repository directory
    const prev = previous.entries[rel];
    const stat = { size: st.size, mtimeMs: st.mtimeMs };
    let id: string;
    if (prev && prev.mode === mode && prev.size === stat.size && prev.mtimeMs === stat.mtimeMs) id = prev.id;
    else id = blobId(mode === '120000' ? Buffer.from(readlinkSync(abs)) : readFileSync(abs));
    entries.push({ path: rel, mode, id, abs, stat });
  }
  return entries;
}

/** Lists the selected content of a scope (`rev` is the HEAD side of the range for `diff`). */
export async function selectedContent(info: RepoInfo, scope: Scope, rev: string | null, manifestFile: string, shadowDir: string): Promise<ShadowEntry[]> {
  const entries =
    scope === 'staged' ? await indexEntries(info) : scope === 'diff' ? await treeEntries(info, rev ?? 'HEAD') : await worktreeEntries(info, readManifest(manifestFile, shadowDir));
  return entries.filter((e) => !isOwnPath(e.path));
}

/** Reads blobs through one `git cat-file --batch` per chunk: oid → bytes. */
async function readBlobs(info: RepoInfo, oids: string[]): Promise<Map<string, Buffer>> {
  const blobs = new Map<string, Buffer>();
  const CHUNK = 2000;
  for (let i = 0; i < oids.length; i += CHUNK) {
    const chunk = oids.slice(i, i + CHUNK);
    const r = await gitBuffer(info.workspace, ['cat-file', '--batch'], `${chunk.join('\n')}\n`);
    if (r.exitCode !== 0) throw new RustgateError('INTERNAL', `git cat-file --batch failed: ${r.stderr.trim()}`, 'report this with the output of `git fsck`');
    const buf = r.stdout;
    let pos = 0;
    while (pos < buf.length) {
      const nl = buf.indexOf(0x0a, pos);
      if (nl < 0) break;
      const header = buf.subarray(pos, nl).toString('utf8').split(' ');
      pos = nl + 1;
      if (header[1] === 'missing' || header.length < 3) continue;
      const size = Number(header[2]);
      blobs.set(header[0] ?? '', buf.subarray(pos, pos + size));
      pos += size + 1; // content, then a newline
    }
  }
  return blobs;
}

/** True when a symlink at `rel` with `target` resolves inside the workspace (so it also resolves inside the shadow). */
export function symlinkStaysInside(rel: string, target: string): boolean {
  if (path.posix.isAbsolute(target) || path.win32.isAbsolute(target)) return false;
  const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(rel), target));
  return resolved !== '..' && !resolved.startsWith('../') && resolved !== '.rustgate' && !resolved.startsWith('.rustgate/');
}

function isSymlink(abs: string): boolean {
  try {
    return lstatSync(abs).isSymbolicLink();
  } catch {
    return false;
  }
}

function removePath(abs: string): void {
  rmSync(abs, { recursive: true, force: true });
}

/** Removes now-empty parent directories of a deleted file, up to the shadow root. */
function pruneEmptyDirs(shadowDir: string, rel: string): void {
  let dir = path.dirname(rel);
  while (dir !== '.' && dir !== '') {
    try {
      rmdirSync(path.join(shadowDir, dir));
    } catch {
      return; // not empty (or gone)
    }
    dir = path.dirname(dir);
  }
}

function ensureParent(shadowDir: string, rel: string): void {
  const parent = path.dirname(path.join(shadowDir, rel));
  // A file where a directory must go (a path became a directory): replace it.
  let probe = path.dirname(rel);
  const chain: string[] = [];
  while (probe !== '.' && probe !== '') {
    chain.unshift(probe);
    probe = path.dirname(probe);
  }
  for (const d of chain) {
    const abs = path.join(shadowDir, d);
    try {
      const st = lstatSync(abs);
      if (!st.isDirectory()) removePath(abs);
    } catch {
      break;
    }
  }
  mkdirSync(parent, { recursive: true });
}

/**
 * Makes `shadowDir` hold exactly `entries`: writes only files whose id changed, deletes files no longer selected,
 * recreates in-workspace symlinks, skips submodules and symlinks that leave the workspace (with a warning).
 */
export async function materialiseShadow(info: RepoInfo, entries: readonly ShadowEntry[], shadowDir: string, manifestFile: string): Promise<ShadowResult> {
  const t0 = performance.now();
  const warnings: string[] = [];
  const manifest = readManifest(manifestFile, shadowDir);
  mkdirSync(shadowDir, { recursive: true });

  const wanted = new Map<string, ShadowEntry>();
  for (const e of entries) {
    if (e.mode === '160000') continue; // submodule: not our content
    if (e.mode === '120000') continue; // handled below, after the target is known
    wanted.set(e.path, e);
  }
  const links = entries.filter((e) => e.mode === '120000');

  // Symlink targets are blob contents (or readlink for working-tree files).
  const linkOids = links.filter((l) => l.oid !== undefined).map((l) => l.oid as string);
  const linkBlobs = linkOids.length > 0 ? await readBlobs(info, [...new Set(linkOids)]) : new Map<string, Buffer>();
  const linkTargets = new Map<string, string>();
  for (const l of links) {
    const target = l.abs !== undefined ? readlinkSync(l.abs) : (linkBlobs.get(l.oid ?? '')?.toString('utf8') ?? '');
    if (!symlinkStaysInside(l.path, target)) {
      warnings.push(`skipped symlink ${l.path} -> ${target}: its target is outside the workspace`);
      continue;
    }
    linkTargets.set(l.path, target);
    wanted.set(l.path, l);
  }

  let deleted = 0;
  for (const rel of Object.keys(manifest.entries)) {
    if (wanted.has(rel)) continue;
    removePath(path.join(shadowDir, rel));
    pruneEmptyDirs(shadowDir, rel);
    delete manifest.entries[rel];
    deleted++;
  }

  const toWrite: ShadowEntry[] = [];
  let kept = 0;
  for (const e of wanted.values()) {
    const prev = manifest.entries[e.path];
    const present = existsSync(path.join(shadowDir, e.path)) || isSymlink(path.join(shadowDir, e.path));
    if (prev && prev.id === e.id && prev.mode === e.mode && present) {
      kept++;
      if (e.stat) manifest.entries[e.path] = { ...prev, size: e.stat.size, mtimeMs: e.stat.mtimeMs };
      continue;
    }
    toWrite.push(e);
  }

  const blobOids = [...new Set(toWrite.filter((e) => e.mode !== '120000' && e.oid !== undefined).map((e) => e.oid as string))];
  const blobs = blobOids.length > 0 ? await readBlobs(info, blobOids) : new Map<string, Buffer>();
  for (const e of toWrite) {
    const abs = path.join(shadowDir, e.path);
    ensureParent(shadowDir, e.path);
    try {
      const st = lstatSync(abs);
      if (st.isDirectory() || st.isSymbolicLink() || e.mode === '120000') removePath(abs);
    } catch {
      // absent: nothing to replace
    }
    if (e.mode === '120000') {
      symlinkSync(linkTargets.get(e.path) ?? '', abs);
    } else {
      const bytes = e.abs !== undefined ? readFileSync(e.abs) : blobs.get(e.oid ?? '');
      if (bytes === undefined) {
        warnings.push(`could not read ${e.path} (object ${e.oid ?? '?'})`);
        continue;
      }
      // The id recorded must describe the bytes written (a working-tree file may change between listing and copy).
      const id = e.abs !== undefined ? blobId(bytes) : e.id;
      const fileMode = e.mode === '100755' ? 0o755 : 0o644;
      writeFileSync(abs, bytes, { mode: fileMode });
      chmodSync(abs, fileMode); // `mode` above applies only when the file is created
      manifest.entries[e.path] = e.stat ? { id, mode: e.mode, ...(id === e.id ? e.stat : {}) } : { id, mode: e.mode };
      continue;
    }
    manifest.entries[e.path] = e.stat ? { id: e.id, mode: e.mode, ...e.stat } : { id: e.id, mode: e.mode };
  }
  writeManifest(manifestFile, manifest);
  return { dir: shadowDir, written: toWrite.length, deleted, kept, warnings, ms: performance.now() - t0 };
}
