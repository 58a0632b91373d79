/**
 * JSON schema of a pattern file (patterns/<id>.yaml). The loader validates every file against it; docs can
 * render it. Regex fields are checked for syntax separately (JSON schema cannot).
 */
import { ACTION_NAMES } from './actions.js';
import { TEXT_DETECTORS } from './antipatterns.js';
import { GRAPH_ACTION_NAMES } from './graph-actions.js';

const regex = { type: 'string', minLength: 1 } as const;

/** The pattern file schema (JSON Schema draft-07). */
export const PATTERN_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'rustgate pattern',
  type: 'object',
  additionalProperties: false,
  required: ['id', 'title', 'error_codes', 'kind', 'detector', 'rationale', 'example', 'fixture'],
  properties: {
    id: { type: 'string', pattern: '^[a-z][a-z0-9_]*$' },
    title: { type: 'string', minLength: 1 },
    error_codes: { type: 'array', items: { type: 'string', pattern: '^(E\\d{4}|[a-z_]+)$' } },
    kind: { enum: ['fix', 'anti_pattern'] },
    severity: { enum: ['info', 'warning', 'error'] },
    never_introduce: { type: 'boolean' },
    report_existing: { type: 'boolean' },
    confidence: { enum: ['high', 'medium', 'low'] },
    detector: {
      type: 'object',
      additionalProperties: false,
      properties: {
        code: { type: 'array', items: { type: 'string' } },
        message: regex,
        label: regex,
        span_label: regex,
        help: regex,
        note: regex,
        unless: regex,
        requires: regex,
        suggestion: {
          type: 'object',
          additionalProperties: false,
          minProperties: 1,
          properties: { message: regex, replacement: regex },
        },
        isg: {
          type: 'object',
          additionalProperties: false,
          properties: { kind: { type: 'array', items: { type: 'string' } } },
        },
        text_detector: { enum: Object.keys(TEXT_DETECTORS) },
      },
    },
    template: {
      type: 'object',
      additionalProperties: false,
      required: ['action'],
      properties: {
        action: { enum: [...ACTION_NAMES, ...GRAPH_ACTION_NAMES] },
        params: { type: 'object', additionalProperties: { type: 'string' } },
      },
    },
    rationale: { type: 'string', minLength: 1 },
    example: {
      type: 'object',
      additionalProperties: false,
      required: ['before', 'after'],
      properties: { before: { type: 'string' }, after: { type: 'string' } },
    },
    fixture: { type: 'string', pattern: '^test/fixtures/patterns/[a-z0-9_]+/?$' },
  },
  allOf: [
    { if: { properties: { kind: { const: 'fix' } } }, then: { required: ['template'] } },
    { if: { properties: { kind: { const: 'anti_pattern' } } }, then: { required: ['severity'] } },
    // A construct never reported in existing code must at least be guarded against fixes.
    { if: { required: ['report_existing'], properties: { report_existing: { const: false } } }, then: { required: ['never_introduce'], properties: { never_introduce: { const: true } } } },
    // Only a text detector can be re-run on a candidate's text: never_introduce needs one.
    { if: { required: ['never_introduce'], properties: { never_introduce: { const: true } } }, then: { properties: { kind: { const: 'anti_pattern' }, detector: { required: ['text_detector'] } } } },
  ],
} as const;

/** Detector fields that hold regexes (checked with `new RegExp` at load). */
export const REGEX_FIELDS = ['message', 'label', 'span_label', 'help', 'note', 'unless', 'requires'] as const;
