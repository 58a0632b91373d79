/**
 * Turning a model's anchored edits into byte edits. Models are bad at line arithmetic, so a model names an ISG key,
 * quotes original text from that key's code and gives a replacement; rustgate checks that the quote occurs exactly
 * once in the key's slice and computes the byte range itself. Anything doubtful rejects the whole proposal.
 */
import type { FileEdit } from '../fix/types.js';

/** One edit as a model proposes it: replace the quoted `original` text inside the code of `key`. */
export interface AnchoredEdit {
  key: string;
  original: string;
  replacement: string;
}

/** The code of one ISG key as the model saw it: `text` starts at UTF-8 byte `byteStart` of `file`. */
export interface CodeSlice {
  file: string;
  byteStart: number;
  text: string;
}

/** Byte edits ready for the applier, or the reason the proposal was refused. */
export type AnchoredResult = { edits: FileEdit[] } | { rejected: string };

const encoder = new TextEncoder();

/** UTF-8 length of a JS string. */
export function utf8Length(s: string): number {
  return encoder.encode(s).length;
}

/** Every index where `needle` starts in `hay`, overlapping matches included, stopping after `limit`. */
function occurrences(hay: string, needle: string, limit: number): number[] {
  const found: number[] = [];
  let from = 0;
  while (found.length < limit) {
    const at = hay.indexOf(needle, from);
    if (at < 0) break;
    found.push(at);
    from = at + 1;
  }
  return found;
}

/** Shortens text for a rejection message. */
function short(s: string): string {
  const one = s.replace(/\s+/g, ' ');
  return JSON.stringify(one.length > 60 ? `${one.slice(0, 57)}...` : one);
}

/**
 * Converts anchored edits to byte edits. Rejects (nothing is applied) when: there are no edits; an edit names a key
 * outside `plannedKeys` or without a slice; the quote is empty, missing or ambiguous in the slice; the edit changes
 * nothing; a slice's file is not one of `plannedFiles` (when given); or two edits overlap.
 */
export function anchoredEditsToFileEdits(
  edits: readonly AnchoredEdit[],
  slices: ReadonlyMap<string, CodeSlice>,
  plannedKeys: Iterable<string>,
  plannedFiles?: Iterable<string>,
): AnchoredResult {
  const planned = new Set(plannedKeys);
  const files = plannedFiles === undefined ? null : new Set(plannedFiles);
  if (edits.length === 0) return { rejected: 'the model proposed no edits' };
  const out: FileEdit[] = [];
  for (const [i, e] of edits.entries()) {
    const where = `edit ${i + 1} (key ${JSON.stringify(e.key)})`;
    if (!planned.has(e.key)) return { rejected: `${where}: key is not in the planned scope` };
    const slice = slices.get(e.key);
    if (slice === undefined) return { rejected: `${where}: no code slice for this key` };
    if (files !== null && !files.has(slice.file)) return { rejected: `${where}: touches ${slice.file}, which is outside the planned files` };
    if (e.original.length === 0) return { rejected: `${where}: empty quote` };
    if (e.original === e.replacement) return { rejected: `${where}: replacement equals the quote` };
    const hits = occurrences(slice.text, e.original, 2);
    if (hits.length === 0) return { rejected: `${where}: quote ${short(e.original)} not found in the key's code` };
    if (hits.length > 1) return { rejected: `${where}: quote ${short(e.original)} occurs more than once in the key's code` };
    const at = hits[0] ?? 0;
    const byteStart = slice.byteStart + utf8Length(slice.text.slice(0, at));
    out.push({ file: slice.file, byteStart, byteEnd: byteStart + utf8Length(e.original), replacement: e.replacement });
  }
  out.sort((a, b) => a.file.localeCompare(b.file) || a.byteStart - b.byteStart);
  for (let i = 1; i < out.length; i++) {
    const prev = out[i - 1];
    const cur = out[i];
    if (prev !== undefined && cur !== undefined && prev.file === cur.file && cur.byteStart < prev.byteEnd) {
      return { rejected: `edits overlap in ${cur.file} at bytes ${cur.byteStart}..${prev.byteEnd}` };
    }
  }
  return { edits: out };
}

/**
 * The slice of `text` covering 1-based inclusive lines [startLine, endLine] (the last line keeps its newline),
 * with its UTF-8 byte offset. Lines past the end are clamped.
 */
export function sliceLines(file: string, text: string, startLine: number, endLine: number): CodeSlice {
  const lines = text.split(/(?<=\n)/);
  const first = Math.max(1, startLine);
  const last = Math.min(lines.length, Math.max(first, endLine));
  const before = lines.slice(0, first - 1).join('');
  return { file, byteStart: utf8Length(before), text: lines.slice(first - 1, last).join('') };
}
