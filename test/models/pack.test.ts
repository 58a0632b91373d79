// The ContextPacker: seeds first, then constraints, anti-patterns, examples, neighbours; always within budget.
import { describe, expect, it } from 'vitest';
import { estimateTokens, packContext, SYSTEM_PROMPT, type PackInput, type PackSlice } from '../../src/core/context/pack.js';

// A counter that is easy to reason about: one token per whitespace-separated word.
const words = (t: string): number => t.split(/\s+/).filter(Boolean).length;

function slice(key: string, lines: number): PackSlice {
  const text = Array.from({ length: lines }, (_, i) => `let v${i} = ${key}_${i};\n`).join('');
  return { key, file: `src/${key}.rs`, byteStart: 0, text };
}

const input: PackInput = {
  errors: [{ code: 'E0277', message: '`F` cannot be sent between threads safely', file: 'src/exec.rs', line: 12, key: 'src/exec.rs-exec-spawn' }],
  seeds: [slice('spawn', 4)],
  neighbors: [slice('near', 4), slice('far', 40), slice('tiny', 1)],
  constraints: ['keep the public signature of spawn'],
  antiPatterns: ['unsafe impl Send for a wrapper'],
  patternExamples: [{ id: 'add_send_bound', description: 'add a Send bound', before: 'F: FnOnce()', after: 'F: FnOnce() + Send' }],
};

describe('packContext', () => {
  it('keeps everything when the budget allows, seeds before neighbours', async () => {
    const b = await packContext(input, { budget: 10_000, countTokens: words });
    expect(b.plannedKeys).toEqual(['spawn', 'near', 'far', 'tiny']);
    expect(b.slices.map((s) => [s.key, s.role, s.truncated])).toEqual([
      ['spawn', 'seed', false],
      ['near', 'neighbor', false],
      ['far', 'neighbor', false],
      ['tiny', 'neighbor', false],
    ]);
    expect(b.dropped).toEqual([]);
    expect(b.tokens).toBe(words(SYSTEM_PROMPT) + words(b.user));
    expect(b.user.indexOf('### key spawn')).toBeLessThan(b.user.indexOf('### key near'));
    expect(b.user).toContain('- error[E0277] at src/exec.rs:12 (key src/exec.rs-exec-spawn): `F` cannot be sent between threads safely');
  });

  it('drops the lowest-priority parts first and stays under budget', async () => {
    const full = await packContext(input, { budget: 10_000, countTokens: words });
    // Room for everything but the 40-line neighbour: it is dropped, the smaller one after it still fits.
    const budget = full.tokens - 150;
    const b = await packContext(input, { budget, countTokens: words });
    expect(b.tokens).toBeLessThanOrEqual(budget);
    expect(b.plannedKeys).toEqual(['spawn', 'near', 'tiny']);
    expect(b.dropped).toEqual(['neighbor:far']);
    expect(b.patternExamples.map((p) => p.id)).toEqual(['add_send_bound']);
  });

  it('cuts the first seed to the lines that fit when nothing else does', async () => {
    const bare = await packContext({ ...input, seeds: [], neighbors: [], constraints: [], antiPatterns: [], patternExamples: [] }, { budget: 10_000, countTokens: words });
    const big = slice('spawn', 50);
    // Each line is 4 words; the budget leaves room for the heading, the fence and 10 lines.
    const withHeading = await packContext({ ...input, seeds: [{ ...big, text: '' }], neighbors: [], constraints: [], antiPatterns: [], patternExamples: [] }, { budget: 10_000, countTokens: words });
    const budget = withHeading.tokens + 10 * 4 + 8;
    const b = await packContext({ ...input, seeds: [big] }, { budget, countTokens: words });
    expect(bare.plannedKeys).toEqual([]);
    expect(b.slices).toHaveLength(1);
    expect(b.slices[0]!.truncated).toBe(true);
    expect(b.slices[0]!.text).toBe(big.text.split(/(?<=\n)/).slice(0, 10).join(''));
    expect(b.plannedKeys).toEqual(['spawn']);
    expect(b.tokens).toBeLessThanOrEqual(budget);
    expect(b.dropped).toEqual([
      'constraint:keep the public signature of spawn',
      'anti_pattern:unsafe impl Send for a wrapper',
      'example:add_send_bound',
      'neighbor:near',
      'neighbor:far',
      'neighbor:tiny',
    ]);
  });

  it('uses the documented estimate by default (3 UTF-8 bytes a token)', async () => {
    expect(estimateTokens('abcdef')).toBe(2);
    expect(estimateTokens('é')).toBe(1);
    const b = await packContext(input);
    expect(b.budget).toBe(3000);
    expect(b.tokens).toBe(estimateTokens(SYSTEM_PROMPT) + estimateTokens(b.user));
  });
});
