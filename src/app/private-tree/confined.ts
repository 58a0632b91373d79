/**
 * File operations confined to one private copy, decided on physical paths: every parent directory is resolved
 * with realpath and must stay inside the copy's real root; files are created exclusively (O_EXCL | O_NOFOLLOW), so
 * a write never goes through a symlink; nothing outside the copy is ever written, read or removed.
 */
import { closeSync, constants, fstatSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, readlinkSync, realpathSync, rmdirSync, rmSync, symlinkSync, unlinkSync, writeSync, type Stats } from 'node:fs';
import path from 'node:path';
import { RustgateError } from '../../core/errors.js';
import { stampOf, type FileStamp } from '../../adapters/git/shadow.js';

/** Why a path of the copy cannot be used; `code` picks the error the caller throws. */
export class ConfinedPathError extends Error {
  constructor(
    readonly rel: string,
    readonly reason: 'escapes' | 'not-a-directory' | 'is-a-directory',
    message: string,
  ) {
    super(message);
    this.name = 'ConfinedPathError';
  }
}

/** Normalises a workspace-relative path ('/'-separated, no `.`/`..` left); null when it is not inside. */
export function normaliseRel(rel: string): string | null {
  if (rel === '' || rel.includes('\0') || rel.startsWith('/') || rel.startsWith('\\') || /^[A-Za-z]:/.test(rel)) return null;
  const n = path.posix.normalize(rel.replace(/\\/g, '/'));
  if (n === '.' || n === '..' || n.startsWith('../') || n.startsWith('/')) return null;
  return n.replace(/\/$/, '');
}

function lstatOrNull(abs: string): Stats | null {
  try {
    return lstatSync(abs);
  } catch {
    return null;
  }
}

/** A private copy rooted at `root` (created if missing), with operations that cannot leave it. */
export class ConfinedDir {
  /** The real (symlink-free) path of the root. */
  readonly real: string;

  /** `root` must be a real directory (not a link) whose parent is a real directory too: a planted link is refused. */
  constructor(readonly root: string) {
    for (const d of [path.dirname(root), root]) {
      const st = lstatOrNull(d);
      if (st === null) mkdirSync(d, { recursive: true });
      else if (!st.isDirectory()) throw new RustgateError('WORKDIR_CORRUPT', `${d} is not a plain directory (a symlink or a file)`, `delete ${d} (rustgate recreates it) and run again`);
    }
    this.real = realpathSync(root);
    if (this.real !== path.join(realpathSync(path.dirname(root)), path.basename(root))) {
      throw new RustgateError('WORKDIR_CORRUPT', `${root} does not resolve to itself`, `delete ${root} (rustgate recreates it) and run again`);
    }
  }

  /** Removes everything inside the copy (it is rustgate's own; used when its manifest is lost). Links are unlinked, never followed. */
  wipe(): void {
    for (const name of readdirSync(this.real)) rmSync(path.join(this.real, name), { recursive: true, force: true });
  }

  /** Every file and link in the copy (relative, '/'-separated), never descending into a link. */
  listAll(): string[] {
    const out: string[] = [];
    const walk = (rel: string): void => {
      for (const e of readdirSync(rel === '' ? this.real : path.join(this.real, rel), { withFileTypes: true })) {
        const r = rel === '' ? e.name : `${rel}/${e.name}`;
        if (e.isDirectory()) walk(r);
        else out.push(r);
      }
    };
    walk('');
    return out;
  }

  /** True when the copy holds nothing. */
  isEmpty(): boolean {
    return readdirSync(this.real).length === 0;
  }

  private inside(real: string): boolean {
    return real === this.real || real.startsWith(`${this.real}${path.sep}`);
  }

  private rel(rel: string): string {
    const n = normaliseRel(rel);
    if (n === null) throw new ConfinedPathError(rel, 'escapes', `${rel} is not a path inside the copy`);
    return n;
  }

  /**
   * The physical directory that holds `rel`: each existing parent is resolved with realpath and must stay inside;
   * missing ones are created (with `create`). Returns null when a parent is missing and `create` is false.
   */
  private parentOf(rel: string, create: boolean): string | null {
    const parts = rel.split('/');
    let dir = this.real;
    for (let i = 0; i < parts.length - 1; i++) {
      const next = path.join(dir, parts[i] ?? '');
      const st = lstatOrNull(next);
      if (st === null) {
        if (!create) return null;
        mkdirSync(next); // a plain mkdir never follows a link (EEXIST if one appeared)
        dir = next;
        continue;
      }
      if (st.isSymbolicLink()) {
        let real: string;
        try {
          real = realpathSync(next);
        } catch {
          throw new ConfinedPathError(rel, 'escapes', `${parts.slice(0, i + 1).join('/')} is a dangling symlink`);
        }
        if (!this.inside(real)) throw new ConfinedPathError(rel, 'escapes', `${rel} goes through the symlink ${parts.slice(0, i + 1).join('/')}, which leaves the copy`);
        if (!lstatSync(real).isDirectory()) throw new ConfinedPathError(rel, 'not-a-directory', `${parts.slice(0, i + 1).join('/')} is not a directory`);
        dir = real;
        continue;
      }
      if (!st.isDirectory()) throw new ConfinedPathError(rel, 'not-a-directory', `${parts.slice(0, i + 1).join('/')} is a file where a directory is expected`);
      dir = next;
    }
    return dir;
  }

  /** The physical absolute path of `rel` (its parent resolved); null when a parent is missing. */
  resolve(rel: string): string | null {
    const r = this.rel(rel);
    const parent = this.parentOf(r, false);
    return parent === null ? null : path.join(parent, path.basename(r));
  }

  /** lstat of `rel` inside the copy (never following the last component); null when absent. */
  lstat(rel: string): Stats | null {
    try {
      const abs = this.resolve(rel);
      return abs === null ? null : lstatOrNull(abs);
    } catch (e) {
      if (e instanceof ConfinedPathError) return null;
      throw e;
    }
  }

  /** Reads a regular file of the copy; undefined when absent or not a regular file. */
  read(rel: string): Buffer | undefined {
    const abs = this.resolve(rel);
    if (abs === null) return undefined;
    const st = lstatOrNull(abs);
    if (!st?.isFile()) return undefined;
    return readFileSync(abs);
  }

  /** Replaces whatever non-directory is at `rel` (a file or a link) by nothing; a directory there is an error. */
  private clear(abs: string, rel: string): void {
    const st = lstatOrNull(abs);
    if (st === null) return;
    if (st.isDirectory()) throw new ConfinedPathError(rel, 'is-a-directory', `${rel} is a directory where a file is expected`);
    unlinkSync(abs); // unlinks a link itself, never its target
  }

  /** Writes `bytes` to `rel` as a new file (exclusive create, never through a link) and returns its stamp. */
  write(rel: string, bytes: Uint8Array | string, mode = 0o644): FileStamp {
    const r = this.rel(rel);
    const parent = this.parentOf(r, true) as string;
    const abs = path.join(parent, path.basename(r));
    this.clear(abs, r);
    const fd = openSync(abs, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, mode);
    try {
      const buf = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
      let off = 0;
      while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off);
      return stampOf(fstatSync(fd));
    } finally {
      closeSync(fd);
    }
  }

  /** Creates the symlink `rel` → `target` (replacing a file or link there); the caller has checked the target. */
  symlink(rel: string, target: string): FileStamp {
    const r = this.rel(rel);
    const parent = this.parentOf(r, true) as string;
    const abs = path.join(parent, path.basename(r));
    this.clear(abs, r);
    symlinkSync(target, abs);
    return stampOf(lstatSync(abs));
  }

  /** The target of the symlink at `rel`, or undefined. */
  readlink(rel: string): string | undefined {
    const abs = this.resolve(rel);
    if (abs === null || !lstatOrNull(abs)?.isSymbolicLink()) return undefined;
    return readlinkSync(abs);
  }

  /** True when the symlink at `rel` resolves (physically, now) to a path inside the copy, or does not resolve at all. */
  linkStaysInside(rel: string): boolean {
    const abs = this.resolve(rel);
    if (abs === null) return true;
    try {
      return this.inside(realpathSync(abs));
    } catch {
      return true; // dangling: reads nothing, and writes never follow links
    }
  }

  /** Removes the directory `rel` of the copy and everything in it (links inside are unlinked, never followed). */
  removeTree(rel: string): void {
    const abs = this.resolve(this.rel(rel));
    if (abs === null || !lstatOrNull(abs)?.isDirectory()) return;
    rmSync(abs, { recursive: true, force: true });
  }

  /** Removes the file or link `rel` (never a directory, never outside) and prunes parents it left empty. */
  remove(rel: string): boolean {
    let r: string;
    let abs: string | null;
    try {
      r = this.rel(rel);
      abs = this.resolve(r);
    } catch (e) {
      if (e instanceof ConfinedPathError) return false;
      throw e;
    }
    if (abs === null) return false;
    const st = lstatOrNull(abs);
    if (st === null || st.isDirectory()) return false;
    unlinkSync(abs);
    let dir = path.dirname(abs);
    while (dir !== this.real && this.inside(dir)) {
      try {
        rmdirSync(dir);
      } catch {
        break; // not empty
      }
      dir = path.dirname(dir);
    }
    return true;
  }
}

/** Turns a confined-path failure in a private copy into the user-facing error (exit 2, naming the path). */
export function confinedError(e: ConfinedPathError, copyDir: string): RustgateError {
  if (e.reason === 'escapes') return new RustgateError('PATCH_REJECTED', `refusing to write ${e.rel}: ${e.message}`, 'patch the file the link points to, by its own path inside the workspace');
  return new RustgateError('WORKDIR_CORRUPT', `${path.join(copyDir, e.rel)}: ${e.message}`, `delete ${copyDir} (rustgate recreates it) and run again`);
}

/**
 * Reads the regular file `rel` of the user's workspace at `root` without leaving it: no component may be a
 * symlink (the file itself is opened with O_NOFOLLOW). Undefined when absent or not
 * a regular file; PATCH_REJECTED when the path goes through a link out of the workspace or is a link itself.
 */
export function readInside(root: string, rel: string): Buffer | undefined {
  const n = normaliseRel(rel);
  if (n === null) throw new RustgateError('PATCH_REJECTED', `${rel} is not a path inside the workspace`, 'use a path relative to the workspace root');
  const realRoot = realpathSync(root);
  // Every parent component must be a plain directory: a path through a link names another file than it says.
  let parent = realRoot;
  const parts = n.split('/');
  for (let i = 0; i < parts.length - 1; i++) {
    const next = path.join(parent, parts[i] ?? '');
    const st = lstatOrNull(next);
    if (st === null || (!st.isDirectory() && !st.isSymbolicLink())) return undefined;
    if (st.isSymbolicLink()) throw new RustgateError('PATCH_REJECTED', `refusing ${rel}: it goes through the symlink ${parts.slice(0, i + 1).join('/')}`, 'name the file by its own path inside the workspace');
    parent = next;
  }
  const abs = path.join(parent, path.basename(n));
  const st = lstatOrNull(abs);
  if (st === null) return undefined;
  if (st.isSymbolicLink()) throw new RustgateError('PATCH_REJECTED', `refusing ${rel}: it is a symlink`, 'patch the file the link points to instead');
  if (!st.isFile()) return undefined;
  const fd = openSync(abs, constants.O_RDONLY | constants.O_NOFOLLOW);
  try {
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}
