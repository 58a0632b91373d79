/**
 * The apply journal: before `debug-bug --apply` writes a byte of the user's files it records, fsynced, in
 * `.rustgate/apply-journal.json`, each file's pre-run bytes and the commit it intends to make. A run that dies in the
 * write→commit window leaves the journal behind; the next run that takes the run lock finishes the apply (the commit
 * landed) or rolls it back (it did not), touching only files that still hold exactly the bytes rustgate wrote.
 */
import { createHash } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readdirSync, readFileSync, renameSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import { readFile, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { git } from '../../adapters/git/run.js';
import { ensureWorkDir } from '../workdir.js';
import { rustgatePaths } from '../../core/paths.js';

/** One file of an apply: where it is, its bytes before, and the blobs involved. */
export interface JournalFile {
  /** Path relative to the repository root. */
  path: string;
  /** Index mode of the file (e.g. 100644). */
  mode: string;
  /** The pre-run bytes, base64. */
  before: string;
  beforeSha256: string;
  /** sha256 of the bytes rustgate writes (the validated content). */
  afterSha256: string;
  /** The blob of the validated content, as committed. */
  afterBlob: string;
  /** The file's index blob before the apply (equals the pre-run bytes: `--apply` refuses unstaged changes). */
  indexBlob: string;
}

/** What an interrupted apply meant to do. */
export interface ApplyJournal {
  version: 1;
  /** Absolute repository root. */
  repo: string;
  pid: number;
  createdAt: string;
  /** HEAD before the apply, null on an unborn branch. */
  oldHead: string | null;
  /** The commit the apply builds (already in the object store when the journal is written). */
  commit: string;
  files: JournalFile[];
}

/** What the next run did with an interrupted apply. */
export interface ApplyRecovery {
  action: 'finished' | 'rolled_back' | 'left';
  commit: string;
  /** Files whose pre-run bytes were written back (rolled_back). */
  restored: string[];
  /** Files left as they are because they no longer hold rustgate's bytes, with the blob of their pre-run content. */
  left: { path: string; previousBlob: string | null }[];
  /** One line for stderr and the report. */
  message: string;
}

/** Where the journal of a repository lives. */
export function journalPath(root: string): string {
  return rustgatePaths(root).applyJournal;
}

/** sha256 hex of some bytes. */
export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

function fsyncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // some file systems refuse fsync on a directory; the rename is still atomic
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Writes the journal durably (temp file, fsync, rename, fsync of the directory) before the first write. */
export function writeJournal(root: string, journal: ApplyJournal): void {
  const dir = ensureWorkDir(root);
  const file = journalPath(root);
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = openSync(tmp, 'w', 0o600);
  try {
    writeSync(fd, JSON.stringify(journal));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
  fsyncDir(dir);
}

/** Removes the journal once the apply is complete or undone (durably). */
export function clearJournal(root: string): void {
  try {
    unlinkSync(journalPath(root));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  fsyncDir(rustgatePaths(root).dir);
}

/** Temp files an interrupted apply may leave in `.rustgate/` (journal temp, private index): removed by recovery. */
/** The temporary sibling `replaceFile` writes `real` through (a name no tool reads as a source: a dot file, `.tmp`). */
function replacementTemp(real: string, pid: number): string {
  return path.join(path.dirname(real), `.${path.basename(real)}.rustgate-${pid}.tmp`);
}

/**
 * Replaces a user's file all at once: the bytes go to a temporary sibling (same directory, so the same file system)
 * with the file's mode, which is then renamed over the file's physical path (a symbolic link keeps pointing at it).
 * A reader — an editor, cargo, a killed run's recovery — sees the old bytes or the new ones, never a truncated file.
 */
export async function replaceFile(abs: string, bytes: string | Buffer): Promise<void> {
  const real = await realpath(abs);
  const mode = (await stat(real)).mode & 0o7777;
  const tmp = replacementTemp(real, process.pid);
  try {
    await writeFile(tmp, bytes, { mode });
    await rename(tmp, real);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}

/** Removes the temporary siblings a killed `replaceFile` left beside the journal's files (any pid). */
async function removeReplacementTemps(repo: string, files: readonly JournalFile[]): Promise<void> {
  for (const f of files) {
    const real = await realpath(path.join(repo, f.path)).catch(() => path.join(repo, f.path));
    const prefix = `.${path.basename(real)}.rustgate-`;
    for (const n of readdirSync(path.dirname(real))) {
      if (n.startsWith(prefix) && /^\d+\.tmp$/.test(n.slice(prefix.length))) rmSync(path.join(path.dirname(real), n), { force: true });
    }
  }
}

function removeLeftovers(root: string): void {
  const dir = rustgatePaths(root).dir;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const n of names) {
    if (/^apply-journal\.json\.\d+\.tmp$/.test(n) || /^apply-index\.\d+$/.test(n)) rmSync(path.join(dir, n), { force: true });
  }
}

function readJournal(root: string): ApplyJournal | 'unreadable' | null {
  let text: string;
  try {
    text = readFileSync(journalPath(root), 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    return 'unreadable';
  }
  try {
    const j = JSON.parse(text) as ApplyJournal;
    if (j.version !== 1 || !Array.isArray(j.files) || typeof j.commit !== 'string') return 'unreadable';
    return j;
  } catch {
    return 'unreadable';
  }
}

async function headOf(repo: string): Promise<string | null> {
  const r = await git(repo, ['rev-parse', '-q', '--verify', 'HEAD^{commit}']);
  return r.exitCode === 0 ? r.stdout.trim() : null;
}

/** The index entry (mode and blob) of one path, or null when it is not in the index. */
export async function indexEntry(repo: string, file: string): Promise<{ mode: string; blob: string } | null> {
  const r = await git(repo, ['ls-files', '-s', '-z', '--', file]);
  const line = r.stdout.split('\0')[0] ?? '';
  const m = /^(\d+) ([0-9a-f]+) (\d)\t/.exec(line);
  if (!m || m[3] !== '0') return null;
  return { mode: m[1] ?? '100644', blob: m[2] ?? '' };
}

/** Points the real index entries of `files` at their committed blobs, where the entry still holds its pre-run blob. */
export async function stageCommitted(repo: string, files: readonly JournalFile[]): Promise<void> {
  const lines: string[] = [];
  for (const f of files) {
    const now = await indexEntry(repo, f.path);
    if (now && now.blob === f.indexBlob) lines.push(`${f.mode} ${f.afterBlob}\t${f.path}\0`);
  }
  if (lines.length === 0) return;
  // The index lock may be held for a moment by an editor's git integration: retry briefly.
  for (let attempt = 0; ; attempt++) {
    const r = await git(repo, ['update-index', '-z', '--index-info'], lines.join(''));
    if (r.exitCode === 0) return;
    if (attempt >= 20) throw new Error(`git update-index failed: ${r.stderr.trim()}`);
    await new Promise((res) => setTimeout(res, 100));
  }
}

/**
 * Writes the pre-run bytes back into each file that still holds exactly the bytes rustgate wrote; a file that holds
 * anything else (a concurrent edit) is left as it is and reported.
 */
export async function restoreOwnBytes(repo: string, files: readonly JournalFile[]): Promise<{ restored: string[]; left: { path: string; previousBlob: string | null }[] }> {
  const restored: string[] = [];
  const left: { path: string; previousBlob: string | null }[] = [];
  for (const f of files) {
    const abs = path.join(repo, f.path);
    let now: Buffer | null;
    try {
      now = await readFile(abs);
    } catch {
      now = null;
    }
    const h = now === null ? null : sha256Hex(now);
    if (h === f.beforeSha256) continue; // never written, or already restored
    if (h === f.afterSha256) {
      await replaceFile(abs, Buffer.from(f.before, 'base64'));
      restored.push(f.path);
    } else {
      left.push({ path: f.path, previousBlob: f.indexBlob || null });
    }
  }
  return { restored, left };
}

/** One sentence naming the files left alone and where their previous content is kept. */
export function describeLeft(left: readonly { path: string; previousBlob: string | null }[]): string {
  if (left.length === 0) return '';
  return `; left as they are (changed after rustgate wrote them): ${left
    .map((l) => (l.previousBlob ? `${l.path} (previous content: git cat-file -p ${l.previousBlob})` : l.path))
    .join(', ')}`;
}

/**
 * Finishes or rolls back an apply a killed run left behind (called with the run lock held). Returns what it did,
 * or null when there was nothing to recover.
 */
export async function recoverInterruptedApply(root: string): Promise<ApplyRecovery | null> {
  const journal = readJournal(root);
  if (journal === null) {
    removeLeftovers(root);
    return null;
  }
  if (journal === 'unreadable') {
    // A journal that is not complete JSON was never finished writing: no user file was touched yet.
    rmSync(journalPath(root), { recursive: true, force: true });
    removeLeftovers(root);
    return null;
  }
  const repo = journal.repo;
  await removeReplacementTemps(repo, journal.files).catch(() => undefined);
  const head = await headOf(repo);
  let recovery: ApplyRecovery;
  if (head === journal.commit) {
    await stageCommitted(repo, journal.files);
    recovery = {
      action: 'finished',
      commit: journal.commit,
      restored: [],
      left: [],
      message: `an interrupted debug-bug --apply was finished: commit ${journal.commit.slice(0, 12)} had landed; its files are now staged as committed`,
    };
  } else if (head === journal.oldHead) {
    const { restored, left } = await restoreOwnBytes(repo, journal.files);
    recovery = {
      action: 'rolled_back',
      commit: journal.commit,
      restored,
      left,
      message: `an interrupted debug-bug --apply was rolled back: ${restored.length > 0 ? `restored ${restored.join(', ')}` : 'no file needed restoring'}${describeLeft(left)}`,
    };
  } else {
    // HEAD moved since (the user committed or switched): touch nothing, say where the previous bytes are.
    const left = journal.files.map((f) => ({ path: f.path, previousBlob: f.indexBlob || null }));
    recovery = {
      action: 'left',
      commit: journal.commit,
      restored: [],
      left,
      message: `an interrupted debug-bug --apply was left as it is because HEAD moved since${describeLeft(left)}`,
    };
  }
  clearJournal(root);
  removeLeftovers(root);
  return recovery;
}
