/** The proposed (Future) code of an ISG item after a fix: the item's lines mapped through the edits. */
import type { LineSpan } from '../isg/types.js';
import { byteLength } from './apply.js';
import type { FileEdit } from './types.js';

/** Byte offset of the start of 1-based `line` in `text` (the text's length past the end). */
function lineStartByte(text: string, line: number): number {
  const lines = text.split('\n');
  let n = 0;
  for (let i = 0; i < line - 1 && i < lines.length; i++) n += byteLength(lines[i] ?? '') + 1;
  return Math.min(n, byteLength(text));
}

/** Where `offset` of the old text lands in the new text; `inclusive` counts edits ending exactly at it. */
export function mapOffset(offset: number, edits: readonly FileEdit[], inclusive: boolean): number {
  let delta = 0;
  for (const e of edits) {
    const before = inclusive ? e.byteEnd <= offset : e.byteEnd <= offset && e.byteStart < offset;
    if (before) delta += byteLength(e.replacement) - (e.byteEnd - e.byteStart);
  }
  return offset + delta;
}

/** The current and future code of the item spanning `span` of one file, given that file's edits. */
export function itemCode(before: string, after: string, span: LineSpan, edits: readonly FileEdit[]): { current: string; future: string } {
  const enc = new TextEncoder();
  const dec = new TextDecoder();
  const start = lineStartByte(before, span.startLine);
  const end = lineStartByte(before, span.endLine + 1);
  const b = enc.encode(before);
  const a = enc.encode(after);
  const fStart = mapOffset(start, edits, false);
  const fEnd = mapOffset(end, edits, true);
  return { current: dec.decode(b.subarray(start, end)), future: dec.decode(a.subarray(fStart, Math.max(fStart, fEnd))) };
}
