/**
 * Unified-diff parsing for the Action: GitHub's per-file `patch` (hunks only) and rustgate's candidate
 * diffs (with file headers). Pure: strings in, data out. GitHub rejects a whole review with 422 when one
 * comment sits outside the PR diff, so every comment line is checked against these hunk ranges first.
 */

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

const HUNK_HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;

/** Parses the hunks of one file's diff (GitHub's `patch` field, or the body of a file section). */
export function parseHunks(patch: string): Hunk[] {
  const hunks: Hunk[] = [];
  let current: Hunk | null = null;
  let oldLine = 0;
  let newLine = 0;
  for (const raw of splitLines(patch)) {
    const header = HUNK_HEADER.exec(raw);
    if (header) {
      current = {
        oldStart: Number(header[1]),
        oldLines: header[2] === undefined ? 1 : Number(header[2]),
        newStart: Number(header[3]),
        newLines: header[4] === undefined ? 1 : Number(header[4]),
        lines: [],
      };
      hunks.push(current);
      oldLine = current.oldStart;
      newLine = current.newStart;
      continue;
    }
    if (current === null) continue;
    const kind = raw[0];
    const text = raw.slice(1);
    if (kind === ' ' || (raw === '' && oldLine < current.oldStart + current.oldLines)) {
      // An empty line inside a hunk is a context line whose leading space was stripped by some tools.
      current.lines.push({ kind: ' ', text, oldLine: oldLine++, newLine: newLine++ });
    } else if (kind === '-') {
      current.lines.push({ kind: '-', text, oldLine: oldLine++, newLine: null });
    } else if (kind === '+') {
      current.lines.push({ kind: '+', text, oldLine: null, newLine: newLine++ });
    }
    // '\ No newline at end of file' and anything else carries no line.
  }
  return hunks;
}

/** Parses a multi-file unified diff (`--- a/x` / `+++ b/x` headers, optional `diff --git` lines). */
export function parseUnifiedDiff(diff: string): FileDiff[] {
  const files: FileDiff[] = [];
  const lines = splitLines(diff);
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] ?? '';
    if (line.startsWith('--- ') && (lines[i + 1] ?? '').startsWith('+++ ')) {
      const oldPath = headerPath(line.slice(4));
      const newPath = headerPath((lines[i + 1] ?? '').slice(4));
      i += 2;
      const body: string[] = [];
      while (i < lines.length) {
        const l = lines[i] ?? '';
        if (l.startsWith('diff --git ') || (l.startsWith('--- ') && (lines[i + 1] ?? '').startsWith('+++ ') && !bodyExpectsLine(body))) break;
        body.push(l);
        i++;
      }
      files.push({ oldPath, newPath, hunks: parseHunks(body.join('\n')) });
      continue;
    }
    i++;
  }
  return files;
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

/** Strips `a/` / `b/` prefixes, timestamps after a tab, and maps /dev/null to null. */
function headerPath(raw: string): string | null {
  const p = raw.split('\t')[0]?.trim() ?? '';
  if (p === '/dev/null') return null;
  return p.startsWith('a/') || p.startsWith('b/') ? p.slice(2) : p;
}

/** True while the last hunk in `body` still expects lines, so a '--- x' line is a removed line, not a header. */
function bodyExpectsLine(body: string[]): boolean {
  const hunks = parseHunks(body.join('\n'));
  const last = hunks[hunks.length - 1];
  if (!last) return false;
  const oldSeen = last.lines.filter((l) => l.kind !== '+').length;
  const newSeen = last.lines.filter((l) => l.kind !== '-').length;
  return oldSeen < last.oldLines || newSeen < last.newLines;
}

function splitLines(text: string): string[] {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}
