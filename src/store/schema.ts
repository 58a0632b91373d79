/**
 * The Cozo relations of the store and the conversions between their rows and rustgate's types.
 * Only the store knows these column names; bump SCHEMA_VERSION whenever a relation changes shape.
 */
import type { IsgEdge, IsgNode, NodeKind, Rel } from '../core/isg/types.js';
import type { CozoValue } from './cozo-engine.js';
import type { CodeGraphRow, FileRecord, FutureAction, RunRecord, ValidationStatus } from './types.js';

/** Version of the relation layout below; a store file with another version is rebuilt, not migrated. */
export const SCHEMA_VERSION = 1;

/** Relations that hold data (indices are rebuilt from them on import). */
export const DATA_RELATIONS = ['node', 'edge', 'file_state', 'code_graph', 'run_log', 'meta'] as const;

/** `:create` and `::index create` statements, run once on an empty database. */
export const SCHEMA_SCRIPTS: readonly string[] = [
  `:create node {key: String => kind: String, name: String, crate: String, file: String, start_line: Int,
    end_line: Int, signature: String, sig_hash: String, public: Bool, features: Json, doc: String,
    extra: Json default {}}`,
  // Innermost-span lookup for nodeAt: prefix scan on file.
  '::index create node:by_file {file, start_line, end_line}',
  ':create edge {src: String, rel: String, dst: String => attr: String, extra: Json default {}}',
  // Incoming edges: prefix scan on dst.
  '::index create edge:by_dst {dst, rel, src}',
  ':create file_state {file: String => hash: String, crate: String, facts: Json?}',
  `:create code_graph {key: String => current_code: String?, future_code: String?, future_action: String,
    current_fid: String?, future_fid: String?, candidate_diff_id: String?, validation_status: String,
    last_applied_commit: String?, updated_at: String}`,
  `:create run_log {id: String => started_at: String, command: String, error_codes: Json, pattern_id: String?,
    candidates: Int, accepted: Bool, confidence: Float?, status: String, commit: String?, detail: Json?}`,
  ':create meta {name: String => value: String}',
];

export const NODE_COLS = 'key, kind, name, crate, file, start_line, end_line, signature, sig_hash, public, features, doc, extra';
export const EDGE_COLS = 'src, rel, dst, attr, extra';
export const FILE_COLS = 'file, hash, crate, facts';
export const CODE_COLS =
  'key, current_code, future_code, future_action, current_fid, future_fid, candidate_diff_id, validation_status, last_applied_commit, updated_at';
export const RUN_COLS = 'id, started_at, command, error_codes, pattern_id, candidates, accepted, confidence, status, commit, detail';

const NODE_FIELDS = new Set(['key', 'kind', 'name', 'crate', 'file', 'span', 'signature', 'sigHash', 'public', 'features', 'doc']);
const EDGE_FIELDS = new Set(['src', 'dst', 'rel', 'attr']);

/** Fields the builder added beyond the known ones, kept in the `extra` column so they round-trip. */
function extraOf(obj: object, known: Set<string>): Record<string, unknown> {
  let extra: Record<string, unknown> | undefined;
  for (const [k, v] of Object.entries(obj)) {
    if (!known.has(k) && v !== undefined) (extra ??= {})[k] = v;
  }
  return extra ?? {};
}

export function nodeToRow(n: IsgNode): unknown[] {
  return [n.key, n.kind, n.name, n.crate, n.file, n.span.startLine, n.span.endLine, n.signature, n.sigHash, n.public,
    n.features, n.doc, extraOf(n, NODE_FIELDS)];
}

/** A frozen node built from a row in NODE_COLS order (callers share it, so it must not change). */
export function rowToNode(r: CozoValue[]): IsgNode {
  const extra = (r[12] ?? {}) as Record<string, unknown>;
  const node: IsgNode = {
    ...extra,
    key: r[0] as string,
    kind: r[1] as NodeKind,
    name: r[2] as string,
    crate: r[3] as string,
    file: r[4] as string,
    span: Object.freeze({ startLine: r[5] as number, endLine: r[6] as number }),
    signature: r[7] as string,
    sigHash: r[8] as string,
    public: r[9] as boolean,
    features: Object.freeze([...(r[10] as string[])]) as string[],
    doc: r[11] as string,
  };
  return Object.freeze(node);
}

export function edgeToRow(e: IsgEdge): unknown[] {
  return [e.src, e.rel, e.dst, e.attr ?? '', extraOf(e, EDGE_FIELDS)];
}

export function rowToEdge(r: CozoValue[]): IsgEdge {
  const e: IsgEdge = { src: r[0] as string, dst: r[2] as string, rel: r[1] as Rel, attr: r[3] as string };
  const extra = r[4];
  // Fast path: almost every edge has no extra fields, and spreading {} 120k times is measurable.
  if (extra !== null && typeof extra === 'object' && !Array.isArray(extra)) {
    for (const k in extra) if (!EDGE_FIELDS.has(k)) (e as unknown as Record<string, unknown>)[k] = extra[k];
  }
  return Object.freeze(e);
}

/** The identity of an edge in the store: (src, rel, dst); `attr` is a value, not part of the key. */
export function edgeId(src: string, rel: string, dst: string): string {
  return `${src}\u0001${rel}\u0001${dst}`;
}

export function fileToRow(f: FileRecord): unknown[] {
  return [f.file, f.hash, f.crate, f.facts === undefined ? null : f.facts];
}

export function rowToFile(r: CozoValue[]): FileRecord {
  return Object.freeze({ file: r[0] as string, hash: r[1] as string, crate: r[2] as string, facts: r[3] });
}

export function codeToRow(c: CodeGraphRow): unknown[] {
  return [c.key, c.currentCode, c.futureCode, c.futureAction, c.currentFid, c.futureFid, c.candidateDiffId,
    c.validationStatus, c.lastAppliedCommit, c.updatedAt];
}

export function rowToCode(r: CozoValue[]): CodeGraphRow {
  return {
    key: r[0] as string,
    currentCode: r[1] as string | null,
    futureCode: r[2] as string | null,
    futureAction: r[3] as FutureAction,
    currentFid: r[4] as string | null,
    futureFid: r[5] as string | null,
    candidateDiffId: r[6] as string | null,
    validationStatus: r[7] as ValidationStatus,
    lastAppliedCommit: r[8] as string | null,
    updatedAt: r[9] as string,
  };
}

export function runToRow(x: RunRecord): unknown[] {
  return [x.id, x.startedAt, x.command, x.errorCodes, x.patternId, x.candidates, x.accepted, x.confidence, x.status,
    x.commit, x.detail === undefined ? null : x.detail];
}

export function rowToRun(r: CozoValue[]): RunRecord {
  return {
    id: r[0] as string,
    startedAt: r[1] as string,
    command: r[2] as string,
    errorCodes: r[3] as string[],
    patternId: r[4] as string | null,
    candidates: r[5] as number,
    accepted: r[6] as boolean,
    confidence: r[7] as number | null,
    status: r[8] as string,
    commit: r[9] as string | null,
    detail: r[10],
  };
}
