/** Fuzz: pattern YAML → parsePattern returns a pattern or a typed exit-2 PATTERN_INVALID, never a crash. */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { parsePattern } from '../../src/adapters/patterns/load.js';
import { FUZZ, textFrom, typedOutcome } from './common.js';

const VOCAB = [
  'id: fuzz', 'title: t', 'error_codes: [E0277]', 'error_codes: ', 'kind: fix', 'kind: anti_pattern', 'confidence: high', 'confidence: ', 'detector:', '  help: ',
  '  message: ', '  code: ', '  text_detector: ', '  suggestion:', '    message: ', '    replacement: ', 'template:', '  action: add_derive', '  action: ', '  params:',
  '    type: ', "'{{help.type}}'", 'rationale: r', 'example:', '  before: b', '  after: a', 'fixture: test/fixtures/patterns/fuzz', '(', ')', '[', '(?<x>', '\\', '*',
  '+?', '{2,1}', '&a ', '*a', '*nope', '<<: *a', '"', "'", '- ', '  ',
];

describe('fuzz: pattern YAML', () => {
  it('parses or refuses with a typed error', () => {
    fc.assert(fc.property(textFrom(VOCAB, 24), (text) => typedOutcome(() => parsePattern(text, '/fuzz/fuzz.yaml'))), FUZZ);
  });
});
