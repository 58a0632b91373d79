/**
 * The Action's readers of the CLI's JSON (src/action/contract.ts): whatever the CLI printed, each either returns a
 * value of the contract's shape or throws a ContractError naming the command — never a TypeError from deep inside.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ContractError, parseAffectedJson, parseDebugBugJson, parsePreflightJson, parseStatsJson } from '../../src/action/contract.js';
import { FUZZ } from './common.js';

/** JSON values near the contract: the right keys with random values, nested a little. */
const KEYS = ['ok', 'status', 'errors', 'candidate', 'diff', 'validation_status', 'report', 'rating', 'diagnostics', 'patterns', 'id', 'tried', 'runs', 'fixes', 'tokens_per_fix', 'p50', 'time_to_safe_fix_ms', 'packages', 'shards', 'all'];
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  v: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(null, true, false, 0, -1, 1.5, 'Cargo_OK', 'proposed', 'x', Number.MAX_SAFE_INTEGER),
    fc.string({ maxLength: 8 }),
    fc.array(tie('v'), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom(...KEYS), tie('v'), { maxKeys: 6 }),
  ),
})).v;
const printed = fc.oneof(value.map((v) => JSON.stringify(v) ?? 'null'), fc.string({ maxLength: 40 }));

describe('Action contract readers (fuzz)', () => {
  for (const [name, parse] of [
    ['preflight', parsePreflightJson],
    ['debug-bug', parseDebugBugJson],
    ['affected', parseAffectedJson],
    ['stats', parseStatsJson],
  ] as const) {
    it(`${name}: a value or a ContractError, nothing else`, () => {
      fc.assert(
        fc.property(printed, (text) => {
          try {
            const v = (parse as (s: string) => unknown)(text);
            expect(typeof v).toBe('object');
          } catch (e) {
            expect(e).toBeInstanceOf(ContractError);
          }
        }),
        FUZZ,
      );
    });
  }

  it('stats: the shape the summary reads, whatever the fields held', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...KEYS), value, { maxKeys: 8 }), (obj) => {
        let s;
        try {
          s = parseStatsJson(JSON.stringify(obj));
        } catch (e) {
          expect(e).toBeInstanceOf(ContractError);
          return;
        }
        for (const n of [s.runs, s.fixes, s.proposed]) expect(Number.isFinite(n)).toBe(true);
        expect(Array.isArray(s.patterns)).toBe(true);
        for (const p of s.patterns) expect(typeof p.id).toBe('string');
      }),
      FUZZ,
    );
  });
});
