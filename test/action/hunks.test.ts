// Hunk parsing and the "is this line in the PR diff" rule that keeps createReview away from 422.
import { describe, expect, it } from 'vitest';
import { isCommentableRange, parseHunks, parseUnifiedDiff, rightRanges } from '../../src/action/hunks.js';

// GitHub's `patch` for the fixture's src/report.rs (head adds `total` after line 17).
const REPORT_PATCH = [
  '@@ -15,3 +15,8 @@ pub fn is_empty(items: &[Item]) -> bool {',
  ' pub fn largest(items: &[Item]) -> Option<u64> {',
  '     items.iter().map(|i| i.cents).max()',
  ' }',
  '+',
  '+/// Sum of all prices in cents.',
  '+pub fn total(items: &[Item]) -> u64 {',
  '+    items.iter().map(|i| i.price()).sum()',
  '+}',
].join('\n');

const TWO_HUNKS = [
  '@@ -1,4 +1,3 @@',
  ' a',
  '-b',
  ' c',
  ' d',
  '@@ -40,3 +39,5 @@ fn x() {',
  ' p',
  '+q',
  '+r',
  ' s',
  ' t',
  '\\ No newline at end of file',
].join('\n');

describe('parseHunks', () => {
  it('reads headers and numbers every line on both sides', () => {
    const [h] = parseHunks(REPORT_PATCH);
    expect(h).toMatchObject({ oldStart: 15, oldLines: 3, newStart: 15, newLines: 8 });
    expect(h?.lines.map((l) => [l.kind, l.oldLine, l.newLine])).toEqual([
      [' ', 15, 15], [' ', 16, 16], [' ', 17, 17], ['+', null, 18], ['+', null, 19], ['+', null, 20], ['+', null, 21], ['+', null, 22],
    ]);
  });

  it('handles several hunks, deletions and the no-newline marker', () => {
    const hunks = parseHunks(TWO_HUNKS);
    expect(hunks.map((h) => [h.oldStart, h.oldLines, h.newStart, h.newLines, h.lines.length])).toEqual([[1, 4, 1, 3, 4], [40, 3, 39, 5, 5]]);
    expect(hunks[0]?.lines[1]).toEqual({ kind: '-', text: 'b', oldLine: 2, newLine: null });
    expect(hunks[1]?.lines[2]).toEqual({ kind: '+', text: 'r', oldLine: null, newLine: 41 });
    expect(rightRanges(hunks)).toEqual([[1, 3], [39, 43]]);
  });

  it('defaults an omitted count to 1 and skips a zero-length new side', () => {
    const hunks = parseHunks('@@ -3 +3 @@\n-x\n+y\n@@ -9,2 +8,0 @@\n-gone\n-gone too');
    expect(hunks.map((h) => [h.oldLines, h.newLines])).toEqual([[1, 1], [2, 0]]);
    expect(rightRanges(hunks)).toEqual([[3, 3]]);
  });
});

describe('isCommentableRange', () => {
  const hunks = parseHunks(TWO_HUNKS);
  const cases: Array<[number, number, boolean, string]> = [
    [1, 1, true, 'first line of a hunk'],
    [3, 3, true, 'last line of a hunk'],
    [4, 4, false, 'just after a hunk'],
    [2, 3, true, 'a range inside one hunk'],
    [3, 39, false, 'a range spanning two hunks'],
    [39, 43, true, 'a whole hunk'],
    [43, 44, false, 'a range running past the hunk'],
    [38, 38, false, 'just before a hunk'],
    [5, 3, false, 'start after end'],
  ];
  it.each(cases)('%i..%i → %s (%s)', (start, line, ok) => {
    expect(isCommentableRange(hunks, start, line)).toBe(ok);
  });
});

describe('parseUnifiedDiff', () => {
  it('splits files, strips a/ b/ prefixes and keeps removed lines that look like headers', () => {
    const diff = [
      'diff --git a/src/lib.rs b/src/lib.rs',
      'index 1111111..2222222 100644',
      '--- a/src/lib.rs',
      '+++ b/src/lib.rs',
      '@@ -1,2 +1,2 @@',
      '--- not a header: a removed line starting with "-- "',
      '+++ not a header either',
      ' keep',
      '--- /dev/null',
      '+++ b/src/new.rs',
      '@@ -0,0 +1 @@',
      '+pub fn fresh() {}',
    ].join('\n');
    const files = parseUnifiedDiff(diff);
    expect(files.map((f) => [f.oldPath, f.newPath, f.hunks.length])).toEqual([['src/lib.rs', 'src/lib.rs', 1], [null, 'src/new.rs', 1]]);
    expect(files[0]?.hunks[0]?.lines.map((l) => l.kind + l.text)).toEqual([
      '--- not a header: a removed line starting with "-- "',
      '+++ not a header either',
      ' keep',
    ]);
    expect(files[1]?.hunks[0]?.lines).toEqual([{ kind: '+', text: 'pub fn fresh() {}', oldLine: null, newLine: 1 }]);
  });
});
