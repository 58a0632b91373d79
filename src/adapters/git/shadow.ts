/**
 * The selected content of a workspace as a list of entries — the index, a commit, or the working tree — with the
 * files of checked-out submodules expanded in place of their gitlinks, and a batched blob reader. The private-copy
 * module (`src/app/private-tree/`) materialises these lists. Reads only through git plumbing and plain file reads;
 * never touches the user's tree, index or refs.
 */
import { existsSync, lstatSync, readFileSync, readlinkSync, type Stats } from 'node:fs';
import path from 'node:path';
import type { Scope } from '../../core/preflight/types.js';
import { RustgateError } from '../../core/errors.js';
import { blobId, isOwnPath } from './changes.js';
import { unfinished, type RepoInfo } from './repo.js';
import { gitBuffer, gitOk, splitZ } from './run.js';

export { blobId };

/** Stat fields that change on every write of a file (ctime cannot be set back by user space). */
export interface FileStamp {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
}

/** The stamp of an lstat result. */
export function stampOf(st: Stats): FileStamp {
  return { size: st.size, mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs, ino: st.ino };
}

/** True when two stamps describe the same unchanged file. */
export function sameStamp(a: FileStamp | undefined, b: FileStamp | undefined): boolean {
  return a !== undefined && b !== undefined && a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs && a.ino === b.ino;
}

/** One file of the selected content. `oid` (read from `gitDir`'s repository) for git objects; `abs` for working-tree files. */
export interface ContentEntry {
  /** Workspace-relative, '/'-separated. */
  path: string;
  /** Git mode: 100644, 100755, 120000 (symlink). */
  mode: string;
  /** Content identity: the git blob id (computed for working-tree files). */
  id: string;
  oid?: string;
  /** The repository to read `oid` from (a submodule's checkout for its files); the workspace when absent. */
  repoDir?: string;
  abs?: string;
  /** Working-tree stamp, so an unchanged file is not re-read next run. */
  stat?: FileStamp;
}

/** Known ids of working-tree files by path, so unchanged files are not hashed again. */
export type KnownIds = (rel: string) => { id: string; mode: string; src?: FileStamp } | undefined;

/** Index entries (stage 0) of the repository at `cwd`, paths relative to `cwd`. */
async function indexEntries(info: RepoInfo, cwd: string): Promise<ContentEntry[]> {
  const out = await gitOk(cwd, ['ls-files', '-s', '-z']);
  const entries: ContentEntry[] = [];
  for (const rec of splitZ(out)) {
    const tab = rec.indexOf('\t');
    const [mode = '', oid = '', stage = ''] = rec.slice(0, tab).split(' ');
    if (stage !== '0') throw unfinished(info, 'conflict resolution');
    entries.push({ path: rec.slice(tab + 1), mode, id: oid, oid });
  }
  return entries;
}

/** Tree entries of a commit, paths relative to `cwd`. */
async function treeEntries(cwd: string, rev: string): Promise<ContentEntry[]> {
  const out = await gitOk(cwd, ['ls-tree', '-r', '-z', '--full-tree', rev]);
  const entries: ContentEntry[] = [];
  for (const rec of splitZ(out)) {
    const tab = rec.indexOf('\t');
    const [mode = '', , oid = ''] = rec.slice(0, tab).split(' ');
    entries.push({ path: rec.slice(tab + 1), mode, id: oid, oid });
  }
  return entries;
}

/** Working-tree files (tracked and untracked non-ignored) under `cwd`; directories with a `.git` are gitlinks. */
async function worktreeEntries(cwd: string, prefix: string, known: KnownIds): Promise<ContentEntry[]> {
  const out = await gitOk(cwd, ['ls-files', '-c', '-o', '--exclude-standard', '-z']);
  const entries: ContentEntry[] = [];
  const seen = new Set<string>();
  for (const raw of splitZ(out)) {
    const rel = raw.replace(/\/$/, '');
    if (seen.has(rel)) continue;
    seen.add(rel);
    const abs = path.join(cwd, rel);
    let st: Stats;
    try {
      st = lstatSync(abs);
    } catch {
      continue; // deleted in the working tree
    }
    let mode: string;
    if (st.isSymbolicLink()) mode = '120000';
    else if (st.isFile()) mode = st.mode & 0o111 ? '100755' : '100644';
    else if (st.isDirectory() && existsSync(path.join(abs, '.git'))) {
      entries.push({ path: rel, mode: '160000', id: '', abs });
      continue;
    } else continue;
    const prev = known(prefix + rel);
    const stat = stampOf(st);
    let id: string;
    if (prev && prev.mode === mode && sameStamp(prev.src, stat)) id = prev.id;
    else id = blobId(mode === '120000' ? Buffer.from(readlinkSync(abs)) : readFileSync(abs));
    entries.push({ path: rel, mode, id, abs, stat });
  }
  return entries;
}

/**
 * Replaces each gitlink by the files of the submodule's checkout: for the index and a commit, the tree of the
 * recorded commit read from the submodule's own repository; for the working tree, its working files.
 */
async function expandSubmodules(info: RepoInfo, scope: Scope, cwd: string, prefix: string, entries: ContentEntry[], known: KnownIds, warnings: string[], depth: number): Promise<ContentEntry[]> {
  const out: ContentEntry[] = [];
  for (const e of entries) {
    if (e.mode !== '160000') {
      out.push(prefix === '' ? e : { ...e, path: prefix + e.path, ...(e.oid !== undefined && e.repoDir === undefined ? { repoDir: cwd } : {}) });
      continue;
    }
    const subDir = path.join(cwd, e.path);
    const name = prefix + e.path;
    if (depth > 4 || !existsSync(path.join(subDir, '.git'))) {
      warnings.push(`submodule ${name} is not checked out: its files are not in the copy (run git submodule update --init)`);
      continue;
    }
    let sub: ContentEntry[];
    try {
      sub = scope === 'worktree' ? await worktreeEntries(subDir, `${name}/`, known) : await treeEntries(subDir, e.oid ?? 'HEAD');
    } catch {
      warnings.push(`submodule ${name}: commit ${e.oid ?? '?'} is not in its checkout, its files are not in the copy (run git submodule update)`);
      continue;
    }
    const subOut = await expandSubmodules(info, scope, subDir, `${name}/`, sub, known, warnings, depth + 1);
    for (const s of subOut) out.push(s.oid !== undefined && s.repoDir === undefined ? { ...s, repoDir: subDir } : s);
  }
  return out;
}

/** Lists the selected content of a scope (`rev` is the HEAD side of the range for `diff`), submodules expanded. */
export async function selectedContent(info: RepoInfo, scope: Scope, rev: string | null, known: KnownIds, warnings: string[] = []): Promise<ContentEntry[]> {
  const entries =
    scope === 'staged' ? await indexEntries(info, info.workspace) : scope === 'diff' ? await treeEntriesIn(info, rev ?? 'HEAD') : await worktreeEntries(info.workspace, '', known);
  const expanded = await expandSubmodules(info, scope, info.workspace, '', entries, known, warnings, 0);
  return expanded.filter((e) => !isOwnPath(e.path));
}

/** Tree entries of a commit under the workspace (`ls-tree` in a subdirectory lists that subdirectory, relative). */
async function treeEntriesIn(info: RepoInfo, rev: string): Promise<ContentEntry[]> {
  const out = await gitOk(info.workspace, ['ls-tree', '-r', '-z', rev]);
  const entries: ContentEntry[] = [];
  for (const rec of splitZ(out)) {
    const tab = rec.indexOf('\t');
    const [mode = '', , oid = ''] = rec.slice(0, tab).split(' ');
    entries.push({ path: rec.slice(tab + 1), mode, id: oid, oid });
  }
  return entries;
}

/** Reads blobs of the repository at `cwd` through one `git cat-file --batch` per chunk: oid → bytes. */
export async function readBlobs(cwd: string, oids: readonly string[]): Promise<Map<string, Buffer>> {
  const blobs = new Map<string, Buffer>();
  const CHUNK = 2000;
  for (let i = 0; i < oids.length; i += CHUNK) {
    const chunk = oids.slice(i, i + CHUNK);
    const r = await gitBuffer(cwd, ['cat-file', '--batch'], `${chunk.join('\n')}\n`);
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

/** Reads the bytes of entries (git objects grouped by repository, working-tree files directly): path → bytes. */
export async function readEntries(workspace: string, entries: readonly ContentEntry[]): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  const byRepo = new Map<string, ContentEntry[]>();
  for (const e of entries) {
    if (e.abs !== undefined) {
      try {
        out.set(e.path, e.mode === '120000' ? Buffer.from(readlinkSync(e.abs)) : readFileSync(e.abs));
      } catch {
        // deleted since it was listed: reported by the caller as unreadable
      }
      continue;
    }
    const repo = e.repoDir ?? workspace;
    const list = byRepo.get(repo) ?? [];
    list.push(e);
    byRepo.set(repo, list);
  }
  for (const [repo, list] of byRepo) {
    const blobs = await readBlobs(repo, [...new Set(list.map((e) => e.oid ?? ''))]);
    for (const e of list) {
      const b = blobs.get(e.oid ?? '');
      if (b !== undefined) out.set(e.path, b);
    }
  }
  return out;
}
