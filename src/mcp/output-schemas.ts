/**
 * The output schema of every MCP tool: what its `structuredContent` holds, as zod (the SDK turns it into the JSON
 * Schema `tools/list` declares and checks every result against it before sending).
 *
 * One contract, not two: each schema is bound to the TypeScript type the app already returns (and docs/contract.md
 * describes) by `schemaFor<T>()`, which does not compile unless the schema's output type and `T` have exactly the
 * same fields, optionality and value types, nested objects included. A field added to a report without its schema
 * (or the reverse) is a type error here, not a silent drift. Objects are loose (`additionalProperties` allowed),
 * because the contract lets new fields appear in any object.
 */
import { z } from 'zod';
import type { ContextReport } from '../app/context.js';
import type { DebugBugReport } from '../app/fix/report.js';
import type { ProveFixReport } from '../app/prove-fix.js';
import type { SimilarResult } from '../app/similar.js';
import type { ValidateFixReport } from '../app/validate-fix.js';
import type { ShowNodeJson, TwoHopJson } from '../core/isg/json.js';
import { NODE_KINDS, RELS, type BuildStats } from '../core/isg/types.js';
import type { ContractReport } from '../core/preflight/report.js';

/** What `build_isg` answers: the counts of `build-isg --json` and the first problems. */
export type BuildIsgToolResult = Pick<BuildStats, 'nodes' | 'edges' | 'by_kind' | 'by_rel' | 'files_parsed' | 'files_reused' | 'ms' | 'problems'>;

/**
 * `T` without the catch-all `[k: string]: unknown` of loose objects, recursively, with every optional field made a
 * required `{ optional: V }` (so a missing optional field differs from a present one: `{}` and `{ a?: 1 }` are
 * assignable to each other, `{}` and `{ a: { optional: 1 } }` are not).
 */
type Named<T> = T extends readonly (infer U)[] ? Named<U>[] : T extends object ? { [K in keyof T as string extends K ? (unknown extends T[K] ? never : K) : K]-?: Field<T[K]> } : T;
type Field<V> = undefined extends V ? { optional: Named<Exclude<V, undefined>> } : Named<V>;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/** Returns `schema` unchanged; compiles only when `schema`'s output has exactly the fields of `T` (see above). */
function schemaFor<T>() {
  return <S extends z.ZodType>(schema: S, ..._exact: Same<Named<z.output<S>>, Named<T>> extends true ? [] : [mismatch: { schema: Named<z.output<S>>; type: Named<T> }]): S => schema;
}

const obj = z.looseObject;
const str = z.string();
const int = z.number().int();
const rel = z.enum(RELS);
const kind = z.enum(NODE_KINDS);
const validation = z.enum(['Cargo_OK', 'Tests_OK', 'Failed']);

export const buildIsgOutput = schemaFor<BuildIsgToolResult>()(
  obj({
    nodes: int,
    edges: int,
    by_kind: z.record(str, int),
    by_rel: z.record(rel, int),
    files_parsed: int,
    files_reused: int,
    ms: z.number(),
    problems: z.array(obj({ file: str, kind: z.enum(['syntax_error', 'non_utf8', 'too_large', 'binary', 'symlink_outside', 'unreadable']), message: str, line: int.optional() })),
  }),
);

const nodeShape = {
  key: str,
  kind,
  name: str,
  file: str,
  span: obj({ start_line: int, end_line: int }),
  signature: str,
  public: z.boolean(),
  features: z.array(str),
  crate: str,
  doc: str,
  bounds: z.array(str),
};
const nodeJson = obj(nodeShape);

export const isgShowOutput = schemaFor<ShowNodeJson>()(
  obj({
    ...nodeShape,
    edges_out: z.array(obj({ rel, dst: str, attr: str.optional() })),
    edges_in: z.array(obj({ rel, src: str, attr: str.optional() })),
  }),
);

export const isgTwoHopOutput = schemaFor<TwoHopJson>()(obj({ seed: str, nodes: z.array(obj({ key: str, kind, hop: z.union([z.literal(1), z.literal(2)]), via: rel })) }));

export const isgSimilarOutput = schemaFor<SimilarResult>()(obj({ seed: str, neighbors: z.array(obj({ key: str, kind, distance: z.number() })) }));

const testSummary = obj({ ran: int, passed: int, failed: int, selected: int.optional(), complete: z.boolean().optional() });
const contractDiagnostic = obj({
  level: z.enum(['error', 'warning']),
  code: str.nullable(),
  message: str,
  file: str.nullable(),
  line: int.nullable(),
  column: int.nullable(),
  isg: obj({ key: str, kind: str, name: str }).nullable(),
  blast_radius: z.array(str),
});
const cargoMs = obj({ total: z.number(), cargo: z.number() });

export const preflightOutput = schemaFor<ContractReport>()(
  obj({
    ok: z.boolean(),
    scope: z.enum(['staged', 'diff', 'worktree']),
    changed_files: z.array(str),
    diagnostics: z.array(contractDiagnostic),
    tests: testSummary.nullable(),
    ms: cargoMs,
    skipped: z.boolean(),
    changes: z.array(obj({ path: str, status: z.enum(['added', 'modified', 'deleted', 'renamed', 'copied', 'typechange', 'unmerged', 'unknown']), old_path: str.optional() })),
    warnings: z.array(str),
    mode: z.enum(['in_place', 'shadow']).nullable(),
    packages: z.array(str).nullable(),
    unchecked_files: z.array(str),
    outside_files: z.array(str),
  }),
);

const packError = obj({ code: str.nullable(), message: str, file: str.nullable(), line: int.nullable(), key: str.nullable() });
const slice = obj({ key: str, file: str, byteStart: int, text: str, role: z.enum(['seed', 'definition', 'neighbor']), truncated: z.boolean() });
const patternExample = obj({ id: str, description: str, before: str, after: str });

export const contextOutput = schemaFor<ContextReport>()(
  obj({
    for: str,
    kind: z.enum(['error', 'key']),
    node: nodeJson.nullable(),
    seeds: z.array(str),
    neighbors: z.array(str),
    definitions: z.array(str),
    errors: z.array(packError),
    constraints: z.array(str),
    anti_patterns: z.array(str),
    pattern_examples: z.array(patternExample),
    slices: z.array(slice),
    dropped: z.array(str),
    tokens: int,
    budget: int,
  }),
);

export const validateFixOutput = schemaFor<ValidateFixReport>()(
  obj({
    ok: z.boolean(),
    applies: z.boolean(),
    touched_files: z.array(str),
    touched_keys: z.array(str),
    diagnostics: z.array(contractDiagnostic),
    tests: testSummary.nullable(),
    validation_status: validation,
    reason: str.optional(),
    warnings: z.array(str),
    ms: cargoMs,
  }),
);

const errorRow = obj({ code: str.nullable(), file: str.nullable(), line: int.nullable(), isg_key: str.nullable(), message: str.optional() });

export const debugBugOutput = schemaFor<DebugBugReport>()(
  obj({
    status: z.enum(['fixed', 'proposed', 'no_safe_fix', 'nothing_to_fix']),
    errors: z.array(errorRow),
    candidate: obj({
      pattern_id: str.nullable(),
      diff: str,
      confidence: z.number(),
      validation_status: validation,
      zero_llm: z.boolean(),
      tokens_used: int,
      touched_keys: z.array(str),
      description: str,
      touched_files: z.array(str),
    }).nullable(),
    applied_commit: str.nullable(),
    report: obj({
      rating: z.enum(['green', 'amber', 'red']),
      root_cause: str,
      anti_patterns: z.array(
        obj({ pattern_id: str, severity: str, file: str, line: int, message: str, source: z.literal('vector').optional(), isg_key: str.optional(), distance: z.number().optional() }),
      ),
    }),
    errors_fixed: z.array(errorRow),
    errors_remaining: z.array(errorRow),
    rounds: z.array(
      obj({
        errors_before: int,
        tried: z.array(obj({ id: str, errors_after: int, status: validation, revealed: int.optional() })),
        rejected: int,
        accepted: str.nullable(),
        asked_model: z.boolean().optional(),
      }),
    ),
    not_applied_reason: str.optional(),
    amber_reasons: z.array(str).optional(),
    reused_validated_fix: z.boolean().optional(),
    warnings: z.array(str),
    validations: int,
    llm: obj({
      mode: str,
      asked: int,
      tokens_used: int,
      rejected: z.array(str),
      attempts: z.array(obj({ diagnostic: int, attempt: z.enum(['primary', 'fallback']), reasoner: str, confidence: z.number(), rejected: str.nullable() })),
      escalations: int,
    }).optional(),
    resource_mode: z.enum(['low-mem', 'offline']).optional(),
    ms: z.number(),
  }),
);

const proofRun = obj({ ran: int, passed: int, failed: int, failed_tests: z.array(str), build_failed: z.boolean(), timed_out: z.boolean(), target_failed: z.array(str) });

export const proveFixOutput = schemaFor<ProveFixReport>()(
  obj({
    proven: z.boolean(),
    failed_step: z.enum(['test_did_not_fail_first', 'no_behavioural_red', 'fix_did_not_make_it_pass', 'regressions', 'needs_test']).nullable(),
    tests: z.array(str),
    red: proofRun.nullable(),
    green: proofRun.nullable(),
    regressions: z.array(str),
    touched_files: z.array(str),
    touched_keys: z.array(str),
    note: str.optional(),
    needs_test: obj({
      instructions: str,
      test_module: obj({ file: str, key: str.nullable(), suggestion: str }).nullable(),
      context: contextOutput.nullable(),
    }).optional(),
  }),
);

/** The output schema of each tool, by tool name. */
export const OUTPUT_SCHEMAS = {
  build_isg: buildIsgOutput,
  isg_show: isgShowOutput,
  isg_two_hop: isgTwoHopOutput,
  isg_similar: isgSimilarOutput,
  preflight: preflightOutput,
  context: contextOutput,
  validate_fix: validateFixOutput,
  debug_bug: debugBugOutput,
  prove_fix: proveFixOutput,
} as const;
