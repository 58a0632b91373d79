/** Shared settings and generators of the fuzz suites: fixed seeds (reproducible in CI), a few hundred cases each. */
import fc from 'fast-check';
import { isRustgateError } from '../../src/core/errors.js';

/** fast-check parameters of every suite: the seed is fixed so CI runs the same cases; override with FUZZ_SEED. */
export const FUZZ = { seed: Number(process.env.FUZZ_SEED ?? 20261204), numRuns: Number(process.env.FUZZ_RUNS ?? 300) };

/** Text made of `vocab` fragments, random strings and line breaks: close enough to the format to reach deep code. */
export function textFrom(vocab: readonly string[], maxLines = 20): fc.Arbitrary<string> {
  const piece = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...vocab) },
    { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
    { weight: 1, arbitrary: fc.integer({ min: -5, max: 2 ** 40 }).map(String) },
  );
  const line = fc.array(piece, { minLength: 0, maxLength: 4 }).map((p) => p.join(''));
  return fc.array(line, { maxLength: maxLines }).map((l) => l.join('\n'));
}

/** Runs `f`: a value, or a typed RustgateError that is not exit 3, is fine; anything else fails the property. */
export function typedOutcome(f: () => unknown): boolean {
  try {
    f();
    return true;
  } catch (e) {
    if (isRustgateError(e) && e.exitCode !== 3) return true;
    throw e;
  }
}
