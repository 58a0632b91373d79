/**
 * Applies the hunks of one file patch to its current text, exactly (no fuzz): each hunk's old lines must match,
 * at its stated line or shifted like `git apply` does. Returns the new text and which original lines changed.
 */
import type { PatchHunk } from './parse.js';

/** Lines of the original text a patch changed: removed lines, and insertion points (before line n) of pure additions. */
export interface ChangedLines {
  removed: number[];
  insertedBefore: number[];
}

/** The patched text, or the first hunk that does not apply. */
export type HunkApplyResult = { ok: true; text: string; changed: ChangedLines } | { ok: false; hunk: number; header: string; reason: string };

/** `@@ -a,b +c,d @@` of a hunk, for messages. */
export function hunkHeader(h: PatchHunk): string {
  const oldStart = h.oldLines === 0 ? h.oldStart - 1 : h.oldStart;
  const newStart = h.newLines === 0 ? h.newStart - 1 : h.newStart;
  return `@@ -${oldStart},${h.oldLines} +${newStart},${h.newLines} @@`;
}

function splitLines(text: string): { lines: string[]; finalNewline: boolean } {
  if (text === '') return { lines: [], finalNewline: true };
  const lines = text.split('\n');
  const finalNewline = lines[lines.length - 1] === '';
  if (finalNewline) lines.pop();
  return { lines, finalNewline };
}

function matchesAt(lines: readonly string[], at: number, expected: readonly string[]): boolean {
  if (at < 0 || at + expected.length > lines.length) return false;
  for (let i = 0; i < expected.length; i++) if (lines[at + i] !== expected[i]) return false;
  return true;
}

/** Applies `hunks` in order to `text` (a created file starts from ''). */
export function applyHunks(text: string, hunks: readonly PatchHunk[]): HunkApplyResult {
  const { lines, finalNewline } = splitLines(text);
  const out: string[] = [];
  let cursor = 0; // next original line (0-based) not yet copied
  let offset = 0; // how far earlier hunks were found from their stated position
  let newFinalNewline = finalNewline;
  const changed: ChangedLines = { removed: [], insertedBefore: [] };
  for (const [i, h] of hunks.entries()) {
    const body = h.lines.filter((l) => !l.startsWith('\\'));
    const expected = body.filter((l) => l.startsWith(' ') || l.startsWith('-')).map((l) => l.slice(1));
    const bad = body.find((l) => !/^[ +-]/.test(l));
    if (bad !== undefined) return { ok: false, hunk: i + 1, header: hunkHeader(h), reason: `malformed line ${JSON.stringify(bad)}` };
    const stated = h.oldStart - 1 + offset;
    let at = -1;
    // Nearest match to the stated position, never before the end of the previous hunk.
    for (let d = 0; d <= lines.length; d++) {
      if (stated - d >= cursor && matchesAt(lines, stated - d, expected)) {
        at = stated - d;
        break;
      }
      if (d > 0 && stated + d >= cursor && matchesAt(lines, stated + d, expected)) {
        at = stated + d;
        break;
      }
      if (stated - d < cursor && stated + d > lines.length) break;
    }
    if (at < 0) {
      const why = expected.length === 0 ? `line ${h.oldStart} is past the end of the file` : `its ${expected.length} context/removed line(s) are not in the file at line ${h.oldStart} or nearby`;
      return { ok: false, hunk: i + 1, header: hunkHeader(h), reason: why };
    }
    offset = at - (h.oldStart - 1);
    out.push(...lines.slice(cursor, at));
    let orig = at; // 0-based original line of the next ' ' or '-' line
    let prev = ' ';
    // "\ No newline at end of file" after a line that exists on the new side (' ' or '+'): the new file ends without one.
    let newSideUnterminated = false;
    for (const l of h.lines) {
      const tag = l[0];
      if (tag === '\\') {
        if (prev === ' ' || prev === '+') newSideUnterminated = true;
        continue;
      }
      if (tag === ' ') {
        out.push(l.slice(1));
        orig++;
      } else if (tag === '-') {
        changed.removed.push(orig + 1);
        orig++;
      } else {
        out.push(l.slice(1));
        if (prev !== '-' && prev !== '+') changed.insertedBefore.push(orig + 1);
      }
      prev = tag ?? ' ';
    }
    // A hunk reaching the old end of file decides whether the new file ends with a newline.
    if (orig === lines.length) newFinalNewline = !newSideUnterminated;
    cursor = orig;
  }
  out.push(...lines.slice(cursor));
  const textOut = out.length === 0 ? '' : out.join('\n') + (newFinalNewline ? '\n' : '');
  return { ok: true, text: textOut, changed };
}
