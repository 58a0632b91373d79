/**
 * The error map: for each rustc error code, how rustgate answers it — a pattern (listed), a rustc suggestion the
 * fix engine validates, or a documented design decision where rustgate gives guidance only and never edits. Data
 * in patterns/map/error-codes.yaml; this is its model, its JSON schema and the cross-checks against the library.
 */
import type { Pattern } from './model.js';

/** How an error code is answered. */
export type ErrorMapping = 'pattern' | 'rustc_suggestion' | 'guidance';

/** One entry of the error map. */
export interface ErrorMapEntry {
  code: string;
  mapping: ErrorMapping;
  /** rustc's one-line title of the code (`rustc --explain`'s first sentence). */
  title: string;
  /** For `pattern`: the pattern ids that handle it (each lists the code in its `error_codes`). */
  patterns?: string[];
  /** Why: for guidance, the design decision; for rustc_suggestion, what is validated; for pattern, optional. */
  note?: string;
  /** For `rustc_suggestion`: the corpus case(s) where a validated rustc suggestion fixed it. */
  evidence?: string[];
}

/** JSON schema (draft-07) of the map file: a list of entries. */
export const ERROR_MAP_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'rustgate error map',
  type: 'array',
  items: {
    type: 'object',
    additionalProperties: false,
    required: ['code', 'mapping', 'title'],
    properties: {
      code: { type: 'string', pattern: '^E\\d{4}$' },
      mapping: { enum: ['pattern', 'rustc_suggestion', 'guidance'] },
      title: { type: 'string', minLength: 1 },
      patterns: { type: 'array', minItems: 1, items: { type: 'string', pattern: '^[a-z][a-z0-9_]*$' } },
      note: { type: 'string', minLength: 1 },
      evidence: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
    },
    allOf: [
      { if: { properties: { mapping: { const: 'pattern' } } }, then: { required: ['patterns'] } },
      { if: { properties: { mapping: { const: 'guidance' } } }, then: { required: ['note'] } },
      { if: { properties: { mapping: { const: 'rustc_suggestion' } } }, then: { required: ['note', 'evidence'] } },
    ],
  },
} as const;

/**
 * Problems beyond the schema: duplicate codes, a listed pattern that does not exist or does not name the code, and
 * a code some fix pattern handles that the map does not say so. Empty when consistent.
 */
export function checkErrorMap(entries: readonly ErrorMapEntry[], patterns: readonly Pattern[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  const byId = new Map(patterns.map((p) => [p.id, p]));
  for (const e of entries) {
    if (seen.has(e.code)) problems.push(`${e.code}: listed twice`);
    seen.add(e.code);
    for (const id of e.patterns ?? []) {
      const p = byId.get(id);
      if (!p) problems.push(`${e.code}: pattern ${id} does not exist`);
      else if (!p.error_codes.includes(e.code)) problems.push(`${e.code}: pattern ${id} does not list ${e.code} in error_codes`);
    }
  }
  const mapped = new Map(entries.map((e) => [e.code, e]));
  for (const p of patterns) {
    if (p.kind !== 'fix') continue;
    for (const code of p.error_codes) {
      if (!/^E\d{4}$/.test(code)) continue;
      const e = mapped.get(code);
      if (!e || e.mapping !== 'pattern' || !(e.patterns ?? []).includes(p.id)) problems.push(`${code}: fix pattern ${p.id} handles it but the map does not list it`);
    }
  }
  return problems;
}
