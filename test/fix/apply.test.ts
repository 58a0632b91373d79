import { describe, expect, it } from 'vitest';
import { applyEdits, applyEditsToFiles, byteLength, changedLineCount, editsBetween } from '../../src/core/fix/apply.js';
import type { FileEdit } from '../../src/core/fix/types.js';

const e = (byteStart: number, byteEnd: number, replacement: string): FileEdit => ({ file: 'a.rs', byteStart, byteEnd, replacement });

describe('applyEdits', () => {
  // "é" is 2 bytes, "✓" 3 bytes, "🦀" 4 bytes (a surrogate pair in UTF-16).
  const text = 'let s = "é✓🦀"; let v = 1;';
  const at = (needle: string): number => byteLength(text.slice(0, text.indexOf(needle)));

  it('uses UTF-8 byte offsets after multi-byte characters', () => {
    expect(at('let v')).toBe(21); // 9 + (2 + 3 + 4) + 3 bytes
    expect(Buffer.from(text, 'utf8').indexOf('let v')).toBe(21);
    const r = applyEdits(text, [e(at('v ='), at('v ='), 'mut ')]);
    expect(r).toEqual({ ok: true, text: 'let s = "é✓🦀"; let mut v = 1;' });
  });

  it('replaces a multi-byte character as a whole', () => {
    const start = at('🦀');
    expect(applyEdits(text, [e(start, start + 4, 'crab')])).toEqual({ ok: true, text: 'let s = "é✓crab"; let v = 1;' });
  });

  it('rejects an offset inside a multi-byte character', () => {
    const start = at('✓');
    const r = applyEdits(text, [e(start + 1, start + 3, 'x')]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain('splits a UTF-8 character');
  });

  it('rejects overlapping edits without throwing', () => {
    const r = applyEdits('abcdef', [e(1, 4, 'X'), e(3, 5, 'Y')]);
    expect(r).toEqual({ ok: false, reason: 'overlapping edits at 1..4 and 3..5 in a.rs' });
  });

  it('rejects ranges past the end and reversed ranges', () => {
    expect(applyEdits('abc', [e(2, 9, '')]).ok).toBe(false);
    expect(applyEdits('abc', [e(2, 1, '')]).ok).toBe(false);
  });

  it('applies edits in any order, counts duplicates once, keeps same-point insertions in order', () => {
    expect(applyEdits('abcdef', [e(4, 5, 'E'), e(0, 1, 'A'), e(0, 1, 'A')])).toEqual({ ok: true, text: 'AbcdEf' });
    expect(applyEdits('ab', [e(1, 1, 'x'), e(1, 1, 'y')])).toEqual({ ok: true, text: 'axyb' });
    expect(applyEdits('abcd', [e(1, 1, '<'), e(1, 3, 'Z')])).toEqual({ ok: true, text: 'a<Zd' });
  });

  it('groups edits by file and refuses files it was not given', () => {
    const files = new Map([['a.rs', 'one'], ['b.rs', 'two']]);
    const r = applyEditsToFiles(files, [e(0, 3, '1'), { file: 'b.rs', byteStart: 3, byteEnd: 3, replacement: '!' }]);
    expect(r.ok && Object.fromEntries(r.files)).toEqual({ 'a.rs': '1', 'b.rs': 'two!' });
    expect(applyEditsToFiles(files, [{ file: 'c.rs', byteStart: 0, byteEnd: 0, replacement: 'x' }])).toEqual({ ok: false, reason: 'edit to a file that was not read: c.rs' });
  });

  it('editsBetween reproduces the new text with one minimal edit per file', () => {
    const before = new Map([['a.rs', 'fn ö() { 1 }\n'], ['b.rs', 'same']]);
    const after = new Map([['a.rs', 'fn ö() { 2 }\n'], ['b.rs', 'same']]);
    const edits = editsBetween(before, after);
    expect(edits).toEqual([{ file: 'a.rs', byteStart: 10, byteEnd: 11, replacement: '2' }]);
    expect(applyEdits(before.get('a.rs') ?? '', edits)).toEqual({ ok: true, text: 'fn ö() { 2 }\n' });
  });

  it('counts changed lines', () => {
    expect(changedLineCount('a\nb\nc', 'a\nB\nc')).toBe(2);
    expect(changedLineCount('a\nb', 'a\nb')).toBe(0);
    expect(changedLineCount('a\nc', 'a\nb\nc')).toBe(1);
  });
});
