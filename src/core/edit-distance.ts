/**
 * Edit distance between two strings: insertions, deletions and substitutions each cost 1 (Levenshtein); with
 * `transpositions`, swapping two adjacent characters costs 1 as well (optimal string alignment), which is how a
 * mistyped name usually differs from the intended one. Pure.
 */
export function editDistance(a: string, b: string, opts: { transpositions?: boolean } = {}): number {
  // Rows i-2, i-1 and i of the dynamic programme over prefixes of `a` (rows) and `b` (columns).
  let before: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      let d = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (opts.transpositions === true && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, (before[j - 2] as number) + 1);
      row.push(d);
    }
    before = prev;
    prev = row;
  }
  return prev[b.length] as number;
}
