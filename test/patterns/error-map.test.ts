/** The error map (patterns/map/error-codes.yaml): schema, consistency with the pattern library, and the loader's errors. */
import { describe, expect, it } from 'vitest';
import { loadErrorMap, parseErrorMap } from '../../src/adapters/patterns/error-map.js';
import { loadPatterns } from '../../src/adapters/patterns/load.js';
import { checkErrorMap } from '../../src/core/patterns/error-map.js';

const patterns = loadPatterns();

describe('the bundled error map', () => {
  it('loads, maps at least 200 codes, and lists every code a fix pattern handles under that pattern', () => {
    const map = loadErrorMap();
    expect(map.length).toBeGreaterThanOrEqual(200);
    expect(checkErrorMap(map, patterns)).toEqual([]);
    const e0603 = map.find((e) => e.code === 'E0603');
    expect(e0603?.mapping).toBe('pattern');
    expect(e0603?.patterns).toEqual(expect.arrayContaining(['make_pub', 'make_visible_item']));
    for (const e of map.filter((x) => x.mapping === 'guidance')) expect(e.note?.length ?? 0).toBeGreaterThan(20);
    for (const e of map.filter((x) => x.mapping === 'rustc_suggestion')) expect(e.evidence?.length ?? 0).toBeGreaterThan(0);
  });
});

describe('checks', () => {
  it('rejects a guidance entry without its reason, naming the entry', () => {
    expect(() => parseErrorMap('- code: E0133\n  mapping: guidance\n  title: Unsafe code was used outside of an unsafe block.\n', 'x.yaml', patterns)).toThrow(/error map x.yaml: entry \/0 must have required property 'note'/);
  });

  it('finds duplicates, unknown patterns, patterns that do not list the code, and pattern codes left unmapped', () => {
    const problems = checkErrorMap(
      [
        { code: 'E0133', mapping: 'guidance', title: 't', note: 'n' },
        { code: 'E0133', mapping: 'guidance', title: 't', note: 'n' },
        { code: 'E0599', mapping: 'pattern', title: 't', patterns: ['no_such_pattern', 'make_visible_item'] },
      ],
      patterns.filter((p) => p.id === 'make_visible_item' || p.id === 'remove_try_non_try'),
    );
    expect(problems).toEqual([
      'E0133: listed twice',
      'E0599: pattern no_such_pattern does not exist',
      'E0599: pattern make_visible_item does not list E0599 in error_codes',
      'E0603: fix pattern make_visible_item handles it but the map does not list it',
      'E0277: fix pattern remove_try_non_try handles it but the map does not list it',
    ]);
  });
});
