/**
 * Unified diffs proposed from outside (a person, Claude Code, a model) as data: parsed with `diff`, every path
 * checked to stay inside the workspace and away from `.git/` and `.rustgate/`. Broken input is returned as a reason.
 */
import { parsePatch } from 'diff';
import { RUSTGATE_DIR } from '../paths.js';

/** One hunk: old/new ranges (1-based; `oldStart` is the line an insertion goes before when `oldLines` is 0). */
export interface PatchHunk {
  oldStart: number;
  oldLines: number;
  newStart: number;
  newLines: number;
  /** Raw hunk lines with their ' ', '-', '+' or '\' prefix. */
  lines: string[];
}

/** The change one patch makes to one file; paths are workspace-relative and '/'-separated. */
export interface FilePatch {
  kind: 'modify' | 'add' | 'delete' | 'rename';
  /** The path read (null when the file is created). */
  oldPath: string | null;
  /** The path written (null when the file is deleted). */
  newPath: string | null;
  hunks: PatchHunk[];
}

/** A parsed patch, or why it is refused. */
export type ParsedPatch = { ok: true; files: FilePatch[] } | { ok: false; reason: string };

/** Why a patch path is unsafe, or null when it is a plain workspace-relative path. */
export function unsafePathReason(p: string): string | null {
  if (p === '') return 'an empty file name';
  if (p.includes('\0')) return `${JSON.stringify(p)} contains a NUL byte`;
  if (p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith('\\')) return `${p} is an absolute path`;
  const parts = p.split(/[\\/]+/);
  let depth = 0;
  for (const part of parts) {
    if (part === '..') depth--;
    else if (part !== '.' && part !== '') depth++;
    if (depth < 0) return `${p} escapes the repository`;
  }
  if (parts.some((x) => x.toLowerCase() === '.git')) return `${p} is inside .git/`;
  if (parts[0] === RUSTGATE_DIR) return `${p} is inside rustgate's own ${RUSTGATE_DIR}/ directory`;
  return null;
}

/** Normalises a patch file name: strips a trailing timestamp and the `a/` / `b/` prefixes of git-style diffs. */
function cleanName(name: string | undefined, strip: boolean): string | null {
  if (name === undefined) return null;
  const n = name.split('\t')[0]?.trim() ?? '';
  if (n === '/dev/null') return null;
  return strip ? n.replace(/^[ab]\//, '') : n;
}

/** Parses a unified diff (plain or `git diff` style) and checks every path it names. */
export function parseUnifiedDiff(text: string): ParsedPatch {
  if (text.trim() === '') return { ok: false, reason: 'the patch is empty' };
  if (/^GIT binary patch$/m.test(text) || /^Binary files .* differ$/m.test(text)) return { ok: false, reason: 'binary patches are not supported' };
  let parsed: ReturnType<typeof parsePatch>;
  try {
    parsed = parsePatch(text);
  } catch (e) {
    return { ok: false, reason: `not a unified diff: ${e instanceof Error ? e.message : String(e)}` };
  }
  const files: FilePatch[] = [];
  for (const p of parsed) {
    if ((p as { isBinary?: boolean }).isBinary) return { ok: false, reason: `binary patch of ${p.newFileName ?? p.oldFileName ?? '?'} is not supported` };
    if (p.oldFileName === undefined && p.newFileName === undefined && p.hunks.length === 0) continue; // preamble only
    const rawOld = p.oldFileName?.split('\t')[0]?.trim();
    const rawNew = p.newFileName?.split('\t')[0]?.trim();
    const git = (p as { isGit?: boolean }).isGit === true;
    // `a/` and `b/` are prefixes only when both sides use them (or one side is /dev/null).
    const strip = git || ((rawOld === '/dev/null' || rawOld?.startsWith('a/') === true) && (rawNew === '/dev/null' || rawNew?.startsWith('b/') === true));
    const oldPath = cleanName(p.oldFileName, strip);
    const newPath = cleanName(p.newFileName, strip);
    if (oldPath === null && newPath === null) return { ok: false, reason: 'a file patch names /dev/null on both sides' };
    for (const side of [oldPath, newPath]) {
      if (side === null) continue;
      const why = unsafePathReason(side);
      if (why !== null) return { ok: false, reason: `refusing the patch: ${why}` };
    }
    const norm = (s: string | null): string | null => (s === null ? null : s.split(/[\\/]+/).filter((x) => x !== '.' && x !== '').join('/'));
    const o = norm(oldPath);
    const n = norm(newPath);
    const kind: FilePatch['kind'] = o === null ? 'add' : n === null ? 'delete' : o !== n ? 'rename' : 'modify';
    if (kind !== 'rename' && p.hunks.length === 0) return { ok: false, reason: `the patch of ${n ?? o ?? '?'} has no hunks` };
    files.push({ kind, oldPath: o, newPath: n, hunks: p.hunks.map((h) => ({ oldStart: h.oldStart, oldLines: h.oldLines, newStart: h.newStart, newLines: h.newLines, lines: [...h.lines] })) });
  }
  if (files.length === 0) return { ok: false, reason: 'the patch changes no file' };
  const seen = new Set<string>();
  for (const f of files) {
    for (const p of f.kind === 'rename' ? [f.oldPath, f.newPath] : [f.newPath ?? f.oldPath]) {
      if (p === null) continue;
      if (seen.has(p)) return { ok: false, reason: `the patch changes ${p} more than once` };
      seen.add(p);
    }
  }
  return { ok: true, files };
}
