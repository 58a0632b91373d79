/** Fuzz: rustc/cargo JSON lines → parseCargoMessages (the only reader of rustc's JSON shape) never throws. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCargoMessages } from '../../src/adapters/cargo/diagnostics.js';
import { FUZZ } from './common.js';

const span = fc.record(
  {
    file_name: fc.oneof(fc.constantFrom('src/lib.rs', '/abs/x.rs', '../out.rs', '<anon>', ''), fc.string()),
    byte_start: fc.oneof(fc.integer(), fc.double(), fc.constant(null)),
    byte_end: fc.oneof(fc.integer(), fc.constant(-1)),
    line_start: fc.oneof(fc.integer(), fc.string()),
    line_end: fc.integer(),
    column_start: fc.integer(),
    column_end: fc.integer(),
    is_primary: fc.oneof(fc.boolean(), fc.string()),
    label: fc.oneof(fc.string(), fc.constant(null)),
    suggested_replacement: fc.oneof(fc.string(), fc.constant(null)),
    suggestion_applicability: fc.oneof(fc.constantFrom('MachineApplicable', 'MaybeIncorrect', 'HasPlaceholders', 'Unspecified'), fc.string()),
    expansion: fc.oneof(fc.constant(null), fc.anything()),
  },
  { requiredKeys: [] },
);
const message: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  msg: fc.record(
    {
      message: fc.oneof(fc.string(), fc.integer()),
      code: fc.oneof(fc.constant(null), fc.record({ code: fc.oneof(fc.constantFrom('E0277', 'E0599'), fc.string()), explanation: fc.oneof(fc.string(), fc.constant(null)) }), fc.string()),
      level: fc.oneof(fc.constantFrom('error', 'warning', 'note', 'help', 'failure-note', 'error: internal compiler error'), fc.string()),
      spans: fc.oneof(fc.array(span, { maxLength: 3 }), fc.anything()),
      children: fc.oneof(fc.array(tie('msg'), { maxLength: 2 }), fc.constant(null)),
      rendered: fc.oneof(fc.string(), fc.constant(null)),
    },
    { requiredKeys: [] },
  ),
})).msg;
const line = fc.oneof(
  { weight: 4, arbitrary: fc.record({ reason: fc.constantFrom('compiler-message', 'compiler-artifact', 'build-finished', 'build-script-executed'), package_id: fc.oneof(fc.constantFrom('path+file:///w/crates/a#a@0.1.0', 'a 0.1.0 (path+file:///w)'), fc.string()), message, success: fc.boolean() }, { requiredKeys: ['reason'] }).map((o) => JSON.stringify(o)) },
  { weight: 1, arbitrary: fc.json() },
  { weight: 1, arbitrary: fc.string() },
);

describe('fuzz: cargo JSON lines', () => {
  it('returns diagnostics for any stream of lines, never throws', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 8 }), (lines) => {
        const r = parseCargoMessages(lines.join('\n'), '/w');
        expect(Array.isArray(r.diagnostics)).toBe(true);
        for (const d of r.diagnostics) expect(typeof d.message).toBe('string');
      }),
      FUZZ,
    );
  });
});
