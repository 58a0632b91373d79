/**
 * Named private copies of a workspace — the one mechanism behind PreFlight's shadow, debug-bug's validation tree,
 * validate-fix and prove-fix. A copy holds exactly the selected content (the index, a commit, or the working tree,
 * submodules materialised from their checkouts), synced by content id: unchanged files keep their mtimes so cargo
 * stays warm, every kept file is verified against the stamp recorded when it was written (a file changed behind
 * rustgate's back is rewritten), deleted files go. An overlay writes candidate files over the content and the next
 * overlay or `reset` restores exactly what this run changed. All writes are confined to the copy on physical paths.
 * All copies share one target dir, made safe by the target ledger (see ledger.ts). Callers hold the workspace lock.
 */
import { existsSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { blobId, readEntries, sameStamp, selectedContent, stampOf, type ContentEntry, type FileStamp } from '../../adapters/git/shadow.js';
import type { RepoInfo } from '../../adapters/git/repo.js';
import { RustgateError } from '../../core/errors.js';
import { rustgatePaths, symlinkResolvesInside, type PrivateTreeName } from '../../core/paths.js';
import type { Scope } from '../../core/preflight/types.js';
import { ensureWorkDir } from '../workdir.js';
import { ConfinedDir, ConfinedPathError, confinedError, normaliseRel } from './confined.js';
import { prepareBuild, type PreparedFile } from './ledger.js';
import { seedTargetDir, userTargetDir } from './seed.js';

/** What a private copy is made of. */
export interface PrivateTreeOptions {
  repo: RepoInfo;
  /** Which copy (each has its own directory, manifest and ISG store under `.rustgate/`). */
  name: PrivateTreeName;
  /** The content: the index, a commit (`rev`), or the working tree (tracked and untracked-not-ignored files). */
  source: Scope;
  /** The commit for source 'diff'. */
  rev?: string | null;
}

/** What one sync did. */
export interface SyncResult {
  dir: string;
  written: number;
  deleted: number;
  kept: number;
  /** Files whose mtime was bumped because the shared target dir last saw other bytes at that path. */
  bumped: number;
  warnings: string[];
  ms: number;
}

/** A named private copy; see the module comment. */
export interface PrivateTree {
  readonly dir: string;
  readonly targetDir: string;
  /** The ISG store built from this copy. */
  readonly storeDir: string;
  /** Makes the copy hold exactly the selected content (dropping any overlay), prepared for a build. */
  sync(): Promise<SyncResult>;
  /** Makes the copy hold the synced content with `files` written over it (null deletes), prepared for a build; replaces the previous overlay. */
  overlay(files: ReadonlyMap<string, string | Uint8Array | null>): Promise<void>;
  /** Drops the overlay: the copy holds the synced content again (not prepared for a build: sync or overlay first). */
  reset(): Promise<void>;
  /** The first proper prefix of `rel` that is a symlink in the synced content (a write there would follow it), or null. */
  linkOnPath(rel: string): string | null;
}

interface ManifestEntry {
  id: string;
  mode: string;
  /** Stamp of the copy's file when rustgate last wrote or bumped it. */
  st?: FileStamp;
  /** Stamp of the user's working-tree file the id was computed from (source 'worktree'). */
  src?: FileStamp;
}

interface Manifest {
  version: 2;
  entries: Record<string, ManifestEntry>;
}

/** Reads a manifest; null when missing or unreadable (the copy's content is then unknown). Version 1 lists paths only. */
function readManifest(file: string): Manifest | null {
  if (!existsSync(file)) return null;
  try {
    const m = JSON.parse(readFileSync(file, 'utf8')) as { version?: number; entries?: Record<string, { mode?: string }> };
    if (typeof m.entries !== 'object' || m.entries === null) return null;
    if (m.version === 2) return m as Manifest;
    if (m.version === 1) {
      // An older rustgate's manifest: keep the paths (so deletions happen) but trust none of the content.
      const entries: Record<string, ManifestEntry> = {};
      for (const [p, e] of Object.entries(m.entries)) entries[p] = { id: '', mode: e.mode ?? '100644' };
      return { version: 2, entries };
    }
  } catch {
    // unreadable
  }
  return null;
}

function writeManifest(file: string, m: Manifest): void {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(m));
  renameSync(tmp, file);
}

const fileMode = (mode: string): number => (mode === '100755' ? 0o755 : 0o644);

/** Opens (creating if needed) the named private copy of `opts.repo`. Nothing is written until `sync`. */
export function openPrivateTree(opts: PrivateTreeOptions): PrivateTree {
  const paths = rustgatePaths(opts.repo.workspace);
  ensureWorkDir(opts.repo.workspace);
  const tp = paths.tree(opts.name);
  const dir = new ConfinedDir(tp.dir);
  let manifest: Manifest = { version: 2, entries: {} };
  /** The synced content by path (for restores and link checks); null before the first sync. */
  let base: Map<string, ContentEntry> | null = null;
  let overlaid = new Set<string>();
  /** Every symlink path of the synced content, materialised or refused. */
  let contentLinks = new Set<string>();
  /** The materialised links of the synced content: path → target. */
  let baseLinks = new Map<string, string>();

  // Runs a write step, turning a confined-path failure into the user-facing error.
  const guard = <T>(fn: () => T, fromPatch: boolean): T => {
    try {
      return fn();
    } catch (e) {
      if (e instanceof ConfinedPathError) {
        if (fromPatch) {
          const why = e.reason === 'escapes' ? e.message : `${e.message} in the content the patch applies to`;
          throw new RustgateError('PATCH_REJECTED', `refusing the patch: ${why}`, e.reason === 'escapes' ? 'patch the file the link points to, by its own path inside the workspace' : `make the patch add files, not directories (${e.rel})`);
        }
        throw confinedError(e, tp.dir);
      }
      throw e;
    }
  };

  // Sets the mtime of each path to `time` (for a link: of its target inside the copy) and records the new stamps.
  const bump = (rels: readonly string[], time: number): void => {
    const when = new Date(time);
    for (const rel of rels) {
      const abs = dir.resolve(rel);
      if (abs === null) continue;
      try {
        utimesSync(abs, when, when); // follows a link to its target, which is what cargo stats
      } catch {
        continue; // a dangling link: cargo cannot read it either
      }
      const e = manifest.entries[rel];
      const st = dir.lstat(rel);
      if (e && st) e.st = stampOf(st);
      if (e?.mode === '120000') {
        // The target's stamp changed too: record it so the next verification does not take it for tampering.
        const real = path.relative(dir.real, path.resolve(path.dirname(abs), dir.readlink(rel) ?? ''));
        const t = manifest.entries[real.split(path.sep).join('/')];
        const tst = dir.lstat(real);
        if (t && tst) t.st = stampOf(tst);
      }
    }
  };

  // Tells the target ledger which bytes the next build sees, and bumps every file cargo could otherwise misjudge.
  const prepare = (): number => {
    const content = new Map<string, PreparedFile>();
    for (const [p, e] of Object.entries(manifest.entries)) {
      let mtimeMs = e.st?.mtimeMs ?? 0;
      if (e.mode === '120000') {
        // Cargo stats through a link: what counts is its target's mtime (a dangling link is never bumped).
        const abs = dir.resolve(p);
        try {
          mtimeMs = abs === null ? Number.MAX_SAFE_INTEGER : statSync(abs).mtimeMs;
        } catch {
          mtimeMs = Number.MAX_SAFE_INTEGER;
        }
      }
      content.set(p, { id: e.id, mtimeMs });
    }
    const plan = prepareBuild(paths.targetLedger, content);
    bump(plan.paths, plan.time);
    return plan.paths.length;
  };

  // The first use of the shared target dir starts from the user's warm dependency builds (see seed.ts).
  const seedOnce = async (): Promise<void> => {
    const from = userTargetDir(opts.repo.workspace);
    if (from === null || path.resolve(from) === paths.target) return;
    const { readWorkspace } = await import('../../adapters/cargo/metadata.js');
    const ws = await readWorkspace(opts.repo.workspace).catch(() => null);
    if (ws === null) return; // a manifest cargo rejects: the check will say why
    const names = new Set(ws.packages.flatMap((p) => [p.name, ...p.targets.map((t) => t.name)]));
    const tmp = `${paths.target}.seeding`;
    rmSync(tmp, { recursive: true, force: true });
    try {
      seedTargetDir(from, tmp, names);
      renameSync(tmp, paths.target);
    } catch {
      rmSync(tmp, { recursive: true, force: true }); // a cold build is slower, never wrong
    }
  };

  const sync = async (): Promise<SyncResult> => {
    const t0 = performance.now();
    const warnings: string[] = [];
    const loaded = readManifest(tp.manifest);
    if (loaded === null && !dir.isEmpty()) dir.wipe(); // content unknown: start over rather than trust it
    manifest = loaded ?? { version: 2, entries: {} };
    const known = (rel: string) => {
      const e = manifest.entries[rel];
      return e && e.id !== '' ? { id: e.id, mode: e.mode, ...(e.src ? { src: e.src } : {}) } : undefined;
    };
    const entries = await selectedContent(opts.repo, opts.source, opts.rev ?? null, known, warnings);
    if (!existsSync(paths.target)) await seedOnce();

    // Symlinks: materialised only when they resolve inside the copy, following every other link of the content.
    const links = entries.filter((e) => e.mode === '120000');
    const linkBytes = links.length > 0 ? await readEntries(opts.repo.workspace, links) : new Map<string, Buffer>();
    const linkTarget = new Map(links.map((l) => [l.path, linkBytes.get(l.path)?.toString('utf8') ?? '']));
    const wanted = new Map<string, ContentEntry>();
    for (const e of entries) {
      if (e.mode === '160000') continue; // a gitlink that could not be expanded (warned)
      if (normaliseRel(e.path) !== e.path) {
        warnings.push(`skipped ${e.path}: not a plain relative path`);
        continue;
      }
      if (e.mode === '120000') {
        const target = linkTarget.get(e.path) ?? '';
        if (!symlinkResolvesInside(e.path, target, (p) => linkTarget.get(p))) {
          warnings.push(`skipped symlink ${e.path} -> ${target}: its target is outside the workspace`);
          continue;
        }
      }
      wanted.set(e.path, e);
    }

    let deleted = 0;
    const toWrite: ContentEntry[] = [];
    let kept = 0;
    try {
      for (const rel of Object.keys(manifest.entries)) {
        if (wanted.has(rel)) continue;
        guard(() => dir.remove(rel), false);
        delete manifest.entries[rel];
        deleted++;
      }
      // Anything else in the copy is not the content (a stray file, a planted directory): it goes too. Cargo's own
      // lockfile for a content without one stays, so it is not re-resolved on every run.
      for (const rel of dir.listAll()) {
        if (wanted.has(rel) || manifest.entries[rel] !== undefined || (rel === 'Cargo.lock' && !wanted.has(rel))) continue;
        dir.remove(rel);
        deleted++;
      }
      for (const e of wanted.values()) {
        const prev = manifest.entries[e.path];
        const st = dir.lstat(e.path);
        if (prev && prev.id === e.id && prev.mode === e.mode && st && sameStamp(prev.st, stampOf(st))) {
          kept++;
          if (e.stat) prev.src = e.stat;
          continue;
        }
        toWrite.push(e);
      }
      const bytes = await readEntries(opts.repo.workspace, toWrite.filter((e) => e.mode !== '120000'));
      for (const e of toWrite) {
        // A directory where the content has a file is not the content: the copy is ours, so it goes.
        if (dir.lstat(e.path)?.isDirectory()) guard(() => dir.removeTree(e.path), false);
        if (e.mode === '120000') {
          const target = linkTarget.get(e.path) ?? '';
          const st = guard(() => dir.symlink(e.path, target), false);
          if (!dir.linkStaysInside(e.path)) {
            // The physical check after the fact (e.g. a link into a directory of the copy that is itself a link).
            dir.remove(e.path);
            delete manifest.entries[e.path];
            warnings.push(`skipped symlink ${e.path} -> ${target}: its target is outside the workspace`);
            continue;
          }
          manifest.entries[e.path] = { id: e.id, mode: e.mode, st, ...(e.stat ? { src: e.stat } : {}) };
          continue;
        }
        const b = bytes.get(e.path);
        if (b === undefined) {
          warnings.push(`could not read ${e.path} (object ${e.oid ?? '?'})`);
          delete manifest.entries[e.path];
          dir.remove(e.path);
          continue;
        }
        // The id recorded must describe the bytes written (a working-tree file may change between listing and copy).
        const id = e.abs !== undefined ? blobId(b) : e.id;
        const st = guard(() => dir.write(e.path, b, fileMode(e.mode)), false);
        manifest.entries[e.path] = { id, mode: e.mode, st, ...(e.stat && id === e.id ? { src: e.stat } : {}) };
      }
      // The shared target dir must see every byte that differs from what it last built.
      const bumped = prepare();
      base = wanted;
      contentLinks = new Set(links.map((l) => l.path));
      baseLinks = new Map([...wanted.values()].filter((e) => e.mode === '120000' && manifest.entries[e.path] !== undefined).map((e) => [e.path, linkTarget.get(e.path) ?? '']));
      overlaid = new Set();
      return { dir: tp.dir, written: toWrite.length, deleted, kept, bumped, warnings, ms: performance.now() - t0 };
    } finally {
      writeManifest(tp.manifest, manifest);
    }
  };

  const overlay = async (files: ReadonlyMap<string, string | Uint8Array | null>, forBuild: boolean): Promise<void> => {
    if (base === null) throw new RustgateError('INTERNAL', `overlay before sync of ${tp.dir}`, 'report this');
    const synced = base;
    const next = new Map<string, string | Uint8Array | null>();
    for (const [rel, content] of files) {
      const n = normaliseRel(rel);
      if (n === null) throw new RustgateError('PATCH_REJECTED', `refusing the patch: ${rel} is not a path inside the workspace`, 'use paths relative to the workspace root');
      next.set(n, content);
    }
    try {
      // Restore what the previous overlay changed and this one does not.
      const restore = [...overlaid].filter((p) => !next.has(p));
      const restoreBytes = await readEntries(opts.repo.workspace, restore.map((p) => synced.get(p)).filter((e): e is ContentEntry => e !== undefined && e.mode !== '120000'));
      for (const p of restore) {
        const e = synced.get(p);
        const b = restoreBytes.get(p);
        if (e && e.mode === '120000') {
          const target = baseLinks.get(p);
          if (target === undefined) {
            dir.remove(p);
            delete manifest.entries[p];
          } else if (dir.readlink(p) !== target) {
            manifest.entries[p] = { id: e.id, mode: e.mode, st: guard(() => dir.symlink(p, target), false) };
          }
        } else if (e && b !== undefined) {
          const id = e.abs !== undefined ? blobId(b) : e.id;
          manifest.entries[p] = { id, mode: e.mode, st: guard(() => dir.write(p, b, fileMode(e.mode)), false) };
        } else {
          dir.remove(p);
          delete manifest.entries[p];
        }
        overlaid.delete(p);
      }
      for (const [p, content] of next) {
        overlaid.add(p);
        if (content === null) {
          guard(() => dir.remove(p), true);
          delete manifest.entries[p];
          continue;
        }
        const buf = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
        const id = blobId(buf);
        const mode = synced.get(p)?.mode === '100755' ? '100755' : '100644';
        const cur = manifest.entries[p];
        const st = dir.lstat(p);
        if (cur && cur.id === id && st && sameStamp(cur.st, stampOf(st))) continue; // already holds these bytes
        manifest.entries[p] = { id, mode, st: guard(() => dir.write(p, buf, fileMode(mode)), true) };
      }
      if (forBuild) prepare();
    } finally {
      writeManifest(tp.manifest, manifest);
    }
  };

  return {
    dir: tp.dir,
    targetDir: paths.target,
    storeDir: tp.store,
    sync,
    overlay: (files) => overlay(files, true),
    reset: () => overlay(new Map(), false),
    linkOnPath: (rel) => {
      const n = normaliseRel(rel);
      if (n === null || base === null) return null;
      const parts = n.split('/');
      for (let i = 1; i < parts.length; i++) {
        const prefix = parts.slice(0, i).join('/');
        if (contentLinks.has(prefix)) return prefix;
      }
      return null;
    },
  };
}
