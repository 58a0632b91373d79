/** The one edit distance (src/core/edit-distance.ts): Levenshtein, and with adjacent transpositions for typos. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editDistance } from '../../src/core/edit-distance.js';

describe('editDistance', () => {
  it('counts insertions, deletions and substitutions; a swap is two edits, or one with transpositions', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('collection', 'collections')).toBe(1);
    expect(editDistance('ab', 'ba')).toBe(2);
    expect(editDistance('ab', 'ba', { transpositions: true })).toBe(1);
    expect(editDistance('root_modul', 'root_module', { transpositions: true })).toBe(1);
    expect(editDistance('ca', 'abc', { transpositions: true })).toBe(3); // optimal string alignment, not full Damerau
  });

  it('is a metric-like measure on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), fc.boolean(), (a, b, t) => {
        const d = editDistance(a, b, { transpositions: t });
        expect(d).toBe(editDistance(b, a, { transpositions: t }));
        expect(d === 0).toBe(a === b);
        expect(d).toBeGreaterThanOrEqual(Math.abs(a.length - b.length));
        expect(d).toBeLessThanOrEqual(Math.max(a.length, b.length));
        expect(editDistance(a, b, { transpositions: true })).toBeLessThanOrEqual(editDistance(a, b));
      }),
    );
  });
});
