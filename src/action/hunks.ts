/**
 * Unified-diff parsing for the Action: GitHub's per-file `patch` (hunks only) and rustgate's candidate
 * diffs (with file headers), read with the `diff` package and numbered per line. Pure: strings in, data out.
 * GitHub rejects a whole review with 422 when one comment sits outside the PR diff, so every comment line is
 * checked against these hunk ranges first.
 */
import { parsePatch } from 'diff';

/** One line of a hunk: context (' '), removed ('-') or added ('+'), with its line numbers on each side. */
export interface HunkLine {
  kind: ' ' | '-' | '+';
  text: string;
  /** Line number in the old file (null for added lines). */
  oldLine: number | null;
  /** Line number in the new file (null for removed lines). */
  newLine: number | null;
}

/** A hunk as announced by its `@@ -a,b +c,d @@` header, with its lines. */
export interface Hunk {
  oldStart: number;
  oldLines: number;
  newStart: number;
  newLines: number;
  lines: HunkLine[];
}

/** One file of a multi-file unified diff; paths without the `a/` `b/` prefixes, null for /dev/null. */
export interface FileDiff {
  oldPath: string | null;
  newPath: string | null;
  hunks: Hunk[];
}

/** jsdiff's hunk: it moves the start of an empty side one line on (`-5,0` reads as 6); GitHub counts as written. */
interface JsdiffHunk {
  oldStart: number;
  oldLines: number;
  newStart: number;
  newLines: number;
  lines: string[];
}

/** Numbers every line of a parsed hunk on both sides. */
function numberHunk(h: JsdiffHunk): Hunk {
  const hunk: Hunk = {
    oldStart: h.oldLines === 0 ? h.oldStart - 1 : h.oldStart,
    oldLines: h.oldLines,
    newStart: h.newLines === 0 ? h.newStart - 1 : h.newStart,
    newLines: h.newLines,
    lines: [],
  };
  let oldLine = hunk.oldStart;
  let newLine = hunk.newStart;
  for (const raw of h.lines) {
    const kind = raw[0];
    const text = raw.slice(1);
    // An empty line inside a hunk is a context line whose leading space was stripped by some tools.
    if (kind === ' ' || raw === '') hunk.lines.push({ kind: ' ', text, oldLine: oldLine++, newLine: newLine++ });
    else if (kind === '-') hunk.lines.push({ kind: '-', text, oldLine: oldLine++, newLine: null });
    else if (kind === '+') hunk.lines.push({ kind: '+', text, oldLine: null, newLine: newLine++ });
    // '\ No newline at end of file' carries no line.
  }
  return hunk;
}

/** jsdiff's parse, or nothing for input it refuses: no hunk means no comment is placed on it. */
function parse(text: string): ReturnType<typeof parsePatch> {
  try {
    return parsePatch(text.replace(/\r\n/g, '\n'));
  } catch {
    return [];
  }
}

/** Parses the hunks of one file's diff (GitHub's `patch` field, or the body of a file section). */
export function parseHunks(patch: string): Hunk[] {
  return parse(patch).flatMap((file) => file.hunks.map(numberHunk));
}

/** Parses a multi-file unified diff (`--- a/x` / `+++ b/x` headers, optional `diff --git` lines). */
export function parseUnifiedDiff(diff: string): FileDiff[] {
  return parse(diff)
    .filter((f) => f.oldFileName !== undefined || f.newFileName !== undefined)
    .map((f) => ({ oldPath: headerPath(f.oldFileName ?? ''), newPath: headerPath(f.newFileName ?? ''), hunks: f.hunks.map(numberHunk) }));
}

/** The path a file's comments go to: the new path, or the old one for a deletion. */
export function filePath(f: FileDiff): string {
  return f.newPath ?? f.oldPath ?? '';
}

/** True when lines startLine..line (RIGHT side, new-file numbers) all lie in one hunk of the PR diff. */
export function isCommentableRange(hunks: readonly Hunk[], startLine: number, line: number): boolean {
  if (startLine > line) return false;
  return hunks.some((h) => h.newLines > 0 && startLine >= h.newStart && line <= h.newStart + h.newLines - 1);
}

/** The RIGHT-side line ranges [first, last] a review comment may target, one per hunk. */
export function rightRanges(hunks: readonly Hunk[]): Array<[number, number]> {
  return hunks.filter((h) => h.newLines > 0).map((h) => [h.newStart, h.newStart + h.newLines - 1]);
}

/** Strips `a/` / `b/` prefixes (and any timestamp after a tab), and maps /dev/null to null. */
function headerPath(raw: string): string | null {
  const p = raw.split('\t')[0]?.trim() ?? '';
  if (p === '/dev/null') return null;
  return p.startsWith('a/') || p.startsWith('b/') ? p.slice(2) : p;
}
