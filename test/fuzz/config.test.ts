/** Fuzz: `rustgate.yaml` text → parseConfigText returns a config or a typed exit-2 error, never a crash. */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { parseConfigText } from '../../src/config/load.js';
import { FUZZ, textFrom, typedOutcome } from './common.js';

const VOCAB = [
  'preflight:', 'fix:', '  budget_seconds: ', '  features: ', '  all_features: ', '  packages: ', '  tests:', '    enabled: ', '    timeout_seconds: ',
  '  rust_analyzer: ', '  llm: ', '  mode: ', '  anti_pattern_tau: ', 'true', 'false', 'null', '~', '[', ']', '{', '}', ',', '- ', ': ', '"', "'", '#',
  '&a ', '*a', '&b ', '*b', '*nope', '<<: *a', '!!str ', '!!binary ', '!!js/function ', '!!map', '---', '...', '%YAML 1.2', '\t', '  ', '|', '>', 'local', 'auto',
  'standard', 'offline', 'low-mem', '1e308', '-1', '0x10', '.inf', '.nan',
];

describe('fuzz: rustgate.yaml', () => {
  it('parses or refuses with a typed exit-2 error', () => {
    fc.assert(
      fc.property(textFrom(VOCAB), (text) => typedOutcome(() => parseConfigText(text, '/fuzz/rustgate.yaml'))),
      FUZZ,
    );
  });

  it('alias chains of any depth and width are refused or read, never a crash or a hang', () => {
    const bomb = fc.tuple(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 12 })).map(([depth, width]) => {
      const lines = ['a0: &a0 ["x"]'];
      for (let d = 1; d <= depth; d++) lines.push(`a${d}: &a${d} [${Array(width).fill(`*a${d - 1}`).join(', ')}]`);
      lines.push(`preflight:\n  features: *a${depth}`);
      return lines.join('\n');
    });
    fc.assert(fc.property(bomb, (text) => typedOutcome(() => parseConfigText(text, '/fuzz/rustgate.yaml'))), { ...FUZZ, numRuns: 100 });
  });
});
