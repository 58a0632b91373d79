// The ContextPacker: seeds first, then constraints, anti-patterns, examples, neighbours; always within budget.
import { describe, expect, it } from 'vitest';
import { estimateTokens, namedInError, packContext, packParts, renderContext, SYSTEM_PROMPT, type PackInput, type PackSlice } from '../../src/core/context/pack.js';

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
      'neighbor:near',
      'neighbor:far',
      'neighbor:tiny',
      'example:add_send_bound',
    ]);
  });

  it('uses the documented conservative estimate by default (2.6 UTF-8 bytes a token)', async () => {
    expect(estimateTokens('abcdef')).toBe(3);
    expect(estimateTokens('é')).toBe(1);
    // NOTES: bytes/3 undercounted SmolLM2's tokenizer by up to 8%; the estimate must cover that on Rust source.
    const rust = 'pub fn run<F>(job: F) -> u64\nwhere\n    F: FnOnce() -> u64 + Send + \'static,\n{\n    std::thread::spawn(job).join().unwrap()\n}\n'.repeat(20);
    const bytes = new TextEncoder().encode(rust).length;
    expect(estimateTokens(rust)).toBeGreaterThanOrEqual(Math.ceil((bytes / 3) * 1.08));
    const b = await packContext(input);
    expect(b.budget).toBe(3000);
    expect(b.tokens).toBe(estimateTokens(SYSTEM_PROMPT) + estimateTokens(b.user));
  });
});

describe('ContextPacker order', () => {
  it('puts the definitions the error names right after the seed, neighbours next, examples last', async () => {
    const code = (key: string, lines: number) => ({ key, file: 'src/lib.rs', byteStart: 0, text: Array.from({ length: lines }, (_, i) => `let ${key}_${i} = ${i};\n`).join('') });
    const base = { errors: [{ code: 'E0599', message: 'no method named `price` found for `&Line`', file: 'src/main.rs', line: 5, key: 'total' }], constraints: [], antiPatterns: [] };
    const examples = Array.from({ length: 8 }, (_, i) => ({ id: `ex${i}`, description: 'an example', before: 'x'.repeat(200), after: 'y'.repeat(200) }));
    const input = { ...base, seeds: [code('total', 3)], definitions: [code('Priced', 4)], neighbors: [code('main', 4)], patternExamples: examples };
    const all = await packContext(input, { budget: 100_000 });
    expect(all.slices.map((s) => [s.key, s.role])).toEqual([['total', 'seed'], ['Priced', 'definition'], ['main', 'neighbor']]);
    expect(all.user.indexOf('Priced')).toBeLessThan(all.user.indexOf('### key main'));
    // At a small budget the examples go first, never the trait definition.
    const small = await packContext(input, { budget: (await packContext({ ...input, patternExamples: [] }, { budget: 100_000 })).tokens + 20 });
    expect(small.plannedKeys).toEqual(['total', 'Priced', 'main']);
    expect(small.patternExamples).toEqual([]);
    expect(namedInError(['no method named `price` found for reference `&ledger::Line`', 'help: trait `Priced` which provides `price` is implemented but not in scope'])).toEqual(new Set(['price', 'ledger', 'Line', 'Priced']));
  });
});

describe('packParts + renderContext (the context command: data, no prompt)', () => {
  it('chooses the same parts in the same order, measured on the document, which carries no instructions', async () => {
    const parts = await packParts(input, { budget: 10_000, countTokens: words });
    const prompt = await packContext(input, { budget: 10_000, countTokens: words });
    expect(parts.plannedKeys).toEqual(prompt.plannedKeys);
    expect(parts).not.toHaveProperty('system');
    expect(parts).not.toHaveProperty('user');
    const doc = renderContext(parts);
    expect(parts.tokens).toBe(words(doc));
    expect(doc).toContain('- error[E0277] at src/exec.rs:12 (key src/exec.rs-exec-spawn): `F` cannot be sent between threads safely');
    expect(doc.indexOf('### seed spawn (src/spawn.rs)')).toBeLessThan(doc.indexOf('### neighbor near (src/near.rs)'));
    expect(doc).toContain('### add_send_bound: add a Send bound');
    expect(doc).toContain('## Anti-patterns found nearby\n- unsafe impl Send for a wrapper');
    for (const instruction of ['Answer', 'JSON only', 'you may edit', 'do not repeat', SYSTEM_PROMPT]) expect(doc).not.toContain(instruction);
    // Under a budget the document's tokens stay within it; the lowest-priority parts go first, as for the prompt.
    const budget = parts.tokens - 150;
    const small = await packParts(input, { budget, countTokens: words });
    expect(small.tokens).toBeLessThanOrEqual(budget);
    expect(small.dropped).toEqual(['neighbor:far']);
  });
});
