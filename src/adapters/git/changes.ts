/** Lists the files changed in each PreFlight scope, workspace-relative, through read-only git plumbing. */
import { createHash } from 'node:crypto';
import { lstatSync, readFileSync, readlinkSync } from 'node:fs';
import path from 'node:path';
import { isRustRelevant } from '../../core/preflight/classify.js';
import type { ChangedFile, ChangeStatus } from '../../core/preflight/types.js';
import { RustgateError } from '../../core/errors.js';
import type { RepoInfo } from './repo.js';
import { git, gitOk, splitZ } from './run.js';
import { isRustgatePath } from '../../core/paths.js';

/** A validated `--diff` range: both ends as commit ids. */
export interface ResolvedRange {
  base: string;
  head: string;
  text: string;
}

const STATUS: Record<string, ChangeStatus> = {
  A: 'added',
  M: 'modified',
  D: 'deleted',
  R: 'renamed',
  C: 'copied',
  T: 'typechange',
  U: 'unmerged',
};

/** Parses `git diff --name-status -z` output (status, then one path or two for renames/copies). */
export function parseNameStatusZ(out: string): ChangedFile[] {
  const tok = splitZ(out);
  const files: ChangedFile[] = [];
  for (let i = 0; i < tok.length; ) {
    const st = tok[i++] ?? '';
    const status = STATUS[st.charAt(0)] ?? 'unknown';
    if (status === 'renamed' || status === 'copied') {
      const oldPath = tok[i++] ?? '';
      const newPath = tok[i++] ?? '';
      files.push({ path: newPath, status, oldPath });
    } else {
      files.push({ path: tok[i++] ?? '', status });
    }
  }
  return files;
}

/** One record of `git diff-* --raw -z`: modes and object ids of both sides, the status and the path(s). */
export interface RawChange extends ChangedFile {
  srcMode: string;
  dstMode: string;
  srcOid: string;
  dstOid: string;
}

/** Parses `--raw -z` output (`:srcmode dstmode srcoid dstoid status NUL path NUL [path NUL]`). */
export function parseRawZ(out: string): RawChange[] {
  const tok = splitZ(out);
  const files: RawChange[] = [];
  for (let i = 0; i < tok.length; ) {
    const head = (tok[i++] ?? '').replace(/^:/, '').split(' ');
    const [srcMode = '', dstMode = '', srcOid = '', dstOid = '', st = ''] = head;
    const status = STATUS[st.charAt(0)] ?? 'unknown';
    if (status === 'renamed' || status === 'copied') {
      const oldPath = tok[i++] ?? '';
      files.push({ path: tok[i++] ?? '', status, oldPath, srcMode, dstMode, srcOid, dstOid });
    } else {
      files.push({ path: tok[i++] ?? '', status, srcMode, dstMode, srcOid, dstOid });
    }
  }
  return files;
}

/** git's blob id of some bytes (SHA-1 object format). */
export function blobId(bytes: Buffer): string {
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

/** Paths under `.rustgate/` (our own data) or `.git/` never count as changes. */
export function isOwnPath(p: string): boolean {
  return isRustgatePath(p) || p === '.git' || p.startsWith('.git/') || p.includes('/.git/');
}

/** Drops the raw fields and marks gitlinks (mode 160000 on either side): a submodule bump can change Rust code. */
function withSubmodules(raw: RawChange[]): ChangedFile[] {
  return raw.map(({ path, status, oldPath, srcMode, dstMode }) => ({
    path,
    status,
    ...(oldPath !== undefined ? { oldPath } : {}),
    ...(srcMode === '160000' || dstMode === '160000' ? { submodule: true as const } : {}),
  }));
}

function clean(files: ChangedFile[]): ChangedFile[] {
  const seen = new Set<string>();
  const out: ChangedFile[] = [];
  for (const f of files) {
    if (f.path === '' || isOwnPath(f.path) || seen.has(f.path)) continue;
    seen.add(f.path);
    out.push(f);
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

async function verifyCommit(info: RepoInfo, rev: string, range: string): Promise<string> {
  if (rev === '' || rev.startsWith('-')) {
    throw new RustgateError('BAD_RANGE', `bad --diff range '${range}'`, 'use --diff BASE..HEAD with two commits, e.g. --diff origin/main..HEAD');
  }
  const r = await git(info.workspace, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`]);
  if (r.exitCode !== 0) {
    throw new RustgateError('BAD_RANGE', `'${rev}' in --diff '${range}' is not a commit`, 'check the revision names (git log --oneline), fetch the base branch if it is remote, then retry');
  }
  return r.stdout.trim();
}

/** Validates `BASE..HEAD` (or `BASE...HEAD` = from the merge base, or a single `BASE` = `BASE..HEAD`). */
export async function resolveRange(info: RepoInfo, range: string): Promise<ResolvedRange> {
  const three = range.indexOf('...');
  const two = range.indexOf('..');
  if (three >= 0) {
    const a = await verifyCommit(info, range.slice(0, three), range);
    const b = await verifyCommit(info, range.slice(three + 3) || 'HEAD', range);
    const mb = await git(info.workspace, ['merge-base', a, b]);
    if (mb.exitCode !== 0) throw new RustgateError('BAD_RANGE', `'${range}' has no merge base`, 'use --diff BASE..HEAD with related commits');
    return { base: mb.stdout.trim(), head: b, text: range };
  }
  if (two >= 0) {
    const a = await verifyCommit(info, range.slice(0, two), range);
    const b = await verifyCommit(info, range.slice(two + 2) || 'HEAD', range);
    return { base: a, head: b, text: range };
  }
  return { base: await verifyCommit(info, range, range), head: await verifyCommit(info, 'HEAD', range), text: range };
}

/** Changed files of the index against HEAD (every staged file on an unborn branch). */
export async function stagedChanges(info: RepoInfo): Promise<ChangedFile[]> {
  if (info.head === null) {
    return clean(splitZ(await gitOk(info.workspace, ['ls-files', '-z'])).map((p) => ({ path: p, status: 'added' as const })));
  }
  // Plumbing only: porcelain `git diff` may refresh and rewrite the index even with GIT_OPTIONAL_LOCKS=0.
  const out = await gitOk(info.workspace, ['diff-index', '--cached', '--raw', '-M', '-z', '--relative', 'HEAD']);
  return clean(withSubmodules(parseRawZ(out)));
}

/** Changed files of the working tree against HEAD: tracked changes plus untracked, non-ignored files. */
export async function worktreeChanges(info: RepoInfo): Promise<ChangedFile[]> {
  const untracked = splitZ(await gitOk(info.workspace, ['ls-files', '-o', '--exclude-standard', '-z'])).map((p) => ({ path: p, status: 'added' as const }));
  if (info.head === null) {
    const tracked = splitZ(await gitOk(info.workspace, ['ls-files', '-z'])).map((p) => ({ path: p, status: 'added' as const }));
    return clean([...tracked, ...untracked]);
  }
  // `diff-index` (plumbing) never refreshes the index, so a stat-dirty file shows as modified with an unknown
  // worktree id: compare its content with HEAD's blob ourselves and drop it when equal.
  const out = await gitOk(info.workspace, ['diff-index', '--raw', '-M', '-z', '--relative', 'HEAD']);
  const tracked: ChangedFile[] = [];
  for (const c of parseRawZ(out)) {
    if (c.status === 'modified' && /^0+$/.test(c.dstOid) && c.srcMode === c.dstMode && sameContent(path.join(info.workspace, c.path), c.srcOid)) continue;
    tracked.push(c.oldPath === undefined ? { path: c.path, status: c.status } : { path: c.path, status: c.status, oldPath: c.oldPath });
  }
  return clean([...tracked, ...untracked]);
}

/** True when the file's bytes hash to `oid` (git's SHA-1 blob id). */
function sameContent(abs: string, oid: string): boolean {
  try {
    const st = lstatSync(abs);
    const bytes = st.isSymbolicLink() ? Buffer.from(readlinkSync(abs)) : readFileSync(abs);
    return blobId(bytes) === oid;
  } catch {
    return false;
  }
}

/** Changed files between the two ends of a range. */
export async function rangeChanges(info: RepoInfo, range: ResolvedRange): Promise<ChangedFile[]> {
  const out = await gitOk(info.workspace, ['diff-tree', '-r', '--raw', '-M', '-z', '--relative', range.base, range.head]);
  return clean(withSubmodules(parseRawZ(out)));
}

/**
 * Changed files of the same scope outside a subdirectory workspace, repository-relative and sorted ([] when the
 * workspace is the repository top): nothing under the workspace reads them, except cargo config and toolchain files
 * in its directory chain (see `cargoInputsAbove`). One extra plumbing call, only for subdirectory workspaces.
 */
export async function outsideChanges(info: RepoInfo, scope: 'staged' | 'worktree' | 'diff', range: ResolvedRange | null = null): Promise<string[]> {
  if (info.prefix === '') return [];
  const inside = `${info.prefix}/`;
  let paths: string[];
  if (scope === 'diff' && range !== null) {
    paths = splitZ(await gitOk(info.top, ['diff-tree', '-r', '--name-only', '--no-renames', '-z', range.base, range.head]));
  } else if (info.head === null) {
    paths = splitZ(await gitOk(info.top, ['ls-files', '-z', ...(scope === 'worktree' ? ['-c', '-o', '--exclude-standard'] : [])]));
  } else if (scope === 'staged') {
    paths = splitZ(await gitOk(info.top, ['diff-index', '--cached', '--name-only', '--no-renames', '-z', 'HEAD']));
  } else {
    paths = [];
    for (const c of parseRawZ(await gitOk(info.top, ['diff-index', '--raw', '--no-renames', '-z', 'HEAD']))) {
      if (c.status === 'modified' && /^0+$/.test(c.dstOid) && c.srcMode === c.dstMode && sameContent(path.join(info.top, c.path), c.srcOid)) continue;
      paths.push(c.path);
    }
    paths.push(...splitZ(await gitOk(info.top, ['ls-files', '-o', '--exclude-standard', '-z'])));
  }
  return [...new Set(paths)].filter((p) => p !== '' && !p.startsWith(inside) && !isOwnPath(p)).sort();
}

/** Every tracked `Cargo.toml` and `.rs` file at or below the workspace, workspace-relative (names only; plumbing). */
export async function trackedCargoInputs(info: RepoInfo): Promise<{ manifests: string[]; sources: string[] }> {
  const all = splitZ(await gitOk(info.workspace, ['ls-files', '-z', '--', ':(glob)**/Cargo.toml', ':(glob)**/*.rs']));
  return { manifests: all.filter((f) => f === 'Cargo.toml' || f.endsWith('/Cargo.toml')), sources: all.filter((f) => f.endsWith('.rs')) };
}

/**
 * The repository-relative `paths` whose selected content differs from the working tree (staged: index vs work tree;
 * diff: the range's head vs work tree). cargo reads files above the workspace from the working tree in every mode.
 */
export async function differFromWorktree(info: RepoInfo, scope: 'staged' | 'diff', head: string | null, paths: readonly string[]): Promise<string[]> {
  if (paths.length === 0) return [];
  const args = scope === 'staged' ? ['diff-files', '--raw', '-z'] : ['diff-index', '--raw', '-z', head ?? 'HEAD'];
  const specs = paths.map((p) => `:(literal)${p}`);
  const out = new Set<string>();
  for (const c of parseRawZ(await gitOk(info.top, [...args, '--', ...specs]))) {
    if (c.status === 'modified' && /^0+$/.test(c.dstOid) && c.srcMode === c.dstMode && sameContent(path.join(info.top, c.path), c.srcOid)) continue;
    out.add(c.path);
  }
  // A file only the working tree has (untracked, or not in the range's head) differs too: cargo reads it.
  const selected = new Set(splitZ(await gitOk(info.top, scope === 'staged' ? ['ls-files', '-z', '--', ...specs] : ['ls-tree', '-r', '-z', '--name-only', head ?? 'HEAD', '--', ...paths])));
  for (const p of paths) if (!selected.has(p) && existsOnDisk(path.join(info.top, p))) out.add(p);
  return [...out].sort();
}

function existsOnDisk(file: string): boolean {
  try {
    lstatSync(file);
    return true;
  } catch {
    return false;
  }
}

/**
 * Why the selected content is not the working tree, for the Rust-relevant paths of the workspace (empty: it is, so
 * cargo may run in place). `staged` compares the index with the working tree (`diff-files`); `diff` compares the
 * range's HEAD side, which must be the checked-out commit, with the working tree (`diff-index`). Both also report
 * untracked, non-ignored Rust-relevant files. Read-only plumbing with optional locks off: the index is never
 * refreshed or written, so a stat-dirty file is compared by content here instead.
 */
export async function inPlaceBlockers(info: RepoInfo, scope: 'staged' | 'diff', head: string | null = null): Promise<string[]> {
  const blockers: string[] = [];
  let out: string;
  if (scope === 'staged') {
    out = await gitOk(info.workspace, ['diff-files', '--raw', '-z', '--relative']);
  } else {
    if (head === null || head !== info.head) return ['the range does not end at the checked-out commit'];
    // Against the commit, the index is irrelevant: a path staged but equal to HEAD in the work tree is fine.
    out = await gitOk(info.workspace, ['diff-index', '--raw', '-z', '--relative', head]);
  }
  for (const c of parseRawZ(out)) {
    if (c.srcMode === '160000' || c.dstMode === '160000') {
      blockers.push(`submodule ${c.path} differs`);
      continue;
    }
    if (!isRustRelevant(c.path) && !(c.oldPath !== undefined && isRustRelevant(c.oldPath))) continue;
    // `diff-files` without a refresh lists stat-dirty files with an unknown work-tree id: equal bytes are no change.
    if (c.status === 'modified' && /^0+$/.test(c.dstOid) && c.srcMode === c.dstMode && sameContent(path.join(info.workspace, c.path), c.srcOid)) continue;
    blockers.push(`${c.path} differs from the ${scope === 'staged' ? 'index' : 'commit'}`);
  }
  const untracked = splitZ(await gitOk(info.workspace, ['ls-files', '-o', '--exclude-standard', '-z']));
  for (const p of untracked) if (isRustRelevant(p) && !isOwnPath(p)) blockers.push(`${p} is untracked`);
  return blockers;
}
