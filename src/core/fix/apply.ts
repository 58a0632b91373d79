/**
 * Applying edits to text, in memory. Edits carry UTF-8 byte offsets (rustc's unit); JavaScript strings are UTF-16,
 * so the text is encoded, edited as bytes and decoded. Bad edits are a result, never a throw.
 */
import type { FileEdit } from './types.js';

/** The outcome of applying edits: the new text, or why the edits cannot be applied. */
export type ApplyResult = { ok: true; text: string } | { ok: false; reason: string };

/** The outcome of applying edits across files. */
export type ApplyFilesResult = { ok: true; files: Map<string, string> } | { ok: false; reason: string };

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8');

/** True when `offset` is not inside a multi-byte UTF-8 sequence (a continuation byte is 0b10xxxxxx). */
function onCharBoundary(bytes: Uint8Array, offset: number): boolean {
  if (offset === 0 || offset === bytes.length) return true;
  const b = bytes[offset];
  return b !== undefined && (b & 0xc0) !== 0x80;
}

function sameEdit(a: FileEdit, b: FileEdit): boolean {
  return a.byteStart === b.byteStart && a.byteEnd === b.byteEnd && a.replacement === b.replacement;
}

/**
 * Applies `edits` (byte ranges into `text`'s UTF-8 encoding) to `text`. Identical duplicate edits count once;
 * overlapping ranges, out-of-range offsets and offsets inside a multi-byte character are rejected. Several
 * insertions at the same offset are kept in the order given.
 */
export function applyEdits(text: string, edits: readonly FileEdit[]): ApplyResult {
  const bytes = encoder.encode(text);
  const unique: FileEdit[] = [];
  for (const e of edits) if (!unique.some((u) => sameEdit(u, e))) unique.push(e);
  for (const e of unique) {
    if (!Number.isInteger(e.byteStart) || !Number.isInteger(e.byteEnd) || e.byteStart < 0 || e.byteEnd < e.byteStart) {
      return { ok: false, reason: `bad range ${e.byteStart}..${e.byteEnd} in ${e.file}` };
    }
    if (e.byteEnd > bytes.length) return { ok: false, reason: `range ${e.byteStart}..${e.byteEnd} past the end of ${e.file} (${bytes.length} bytes)` };
    if (!onCharBoundary(bytes, e.byteStart) || !onCharBoundary(bytes, e.byteEnd)) {
      return { ok: false, reason: `range ${e.byteStart}..${e.byteEnd} splits a UTF-8 character in ${e.file}` };
    }
  }
  // Stable sort by start keeps same-offset insertions in their given order.
  const sorted = unique.map((e, i) => ({ e, i })).sort((a, b) => a.e.byteStart - b.e.byteStart || a.e.byteEnd - b.e.byteEnd || a.i - b.i);
  const parts: Uint8Array[] = [];
  let cursor = 0;
  let prev: FileEdit | null = null;
  for (const { e } of sorted) {
    if (prev !== null) {
      // Two edits overlap when the later starts before the earlier ends; touching is fine, and so are
      // insertions at one point, but not an insertion strictly inside a replaced range.
      const overlap = e.byteStart < prev.byteEnd || (e.byteStart === prev.byteStart && prev.byteEnd > prev.byteStart && e.byteEnd > e.byteStart);
      if (overlap) return { ok: false, reason: `overlapping edits at ${prev.byteStart}..${prev.byteEnd} and ${e.byteStart}..${e.byteEnd} in ${e.file}` };
    }
    parts.push(bytes.subarray(cursor, e.byteStart));
    parts.push(encoder.encode(e.replacement));
    cursor = e.byteEnd;
    prev = e;
  }
  parts.push(bytes.subarray(cursor));
  const total = parts.reduce((n, p) => n + p.length, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return { ok: true, text: decoder.decode(out) };
}

/** Applies edits grouped by file to `files`; returns the full new map (unchanged files included). */
export function applyEditsToFiles(files: ReadonlyMap<string, string>, edits: readonly FileEdit[]): ApplyFilesResult {
  const byFile = new Map<string, FileEdit[]>();
  for (const e of edits) {
    const list = byFile.get(e.file) ?? [];
    list.push(e);
    byFile.set(e.file, list);
  }
  const out = new Map(files);
  for (const [file, list] of byFile) {
    const text = files.get(file);
    if (text === undefined) return { ok: false, reason: `edit to a file that was not read: ${file}` };
    const r = applyEdits(text, list);
    if (!r.ok) return r;
    out.set(file, r.text);
  }
  return { ok: true, files: out };
}

/** UTF-8 byte length of a string. */
export function byteLength(text: string): number {
  return encoder.encode(text).length;
}

/**
 * One edit per changed file turning `before` into `after` (common prefix and suffix trimmed, on character
 * boundaries), so a multi-round fix can be reported as one candidate against the original files.
 */
export function editsBetween(before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>): FileEdit[] {
  const edits: FileEdit[] = [];
  for (const [file, newText] of after) {
    const oldText = before.get(file);
    if (oldText === undefined || oldText === newText) continue;
    const a = Array.from(oldText);
    const b = Array.from(newText);
    let pre = 0;
    while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
    let suf = 0;
    while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;
    const prefix = a.slice(0, pre).join('');
    const removed = a.slice(pre, a.length - suf).join('');
    const inserted = b.slice(pre, b.length - suf).join('');
    const start = byteLength(prefix);
    edits.push({ file, byteStart: start, byteEnd: start + byteLength(removed), replacement: inserted });
  }
  return edits.sort((x, y) => (x.file < y.file ? -1 : x.file > y.file ? 1 : x.byteStart - y.byteStart));
}

/** Number of lines that differ between two texts (removed plus added lines of a line diff, via LCS-free counting). */
export function changedLineCount(before: string, after: string): number {
  if (before === after) return 0;
  const a = before.split('\n');
  const b = after.split('\n');
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;
  return a.length - pre - suf + (b.length - pre - suf);
}
