/**
 * The Interface Signature Graph model. Pure data: no I/O, no parser, no database.
 *
 * An ISGL1 key is `<workspace-relative path>-<file stem>-<InterfaceName>` (CONTRACT.md), e.g.
 * `src/exec.rs-exec-Executor::spawn`. Keys stay stable across edits that do not rename or move an item.
 */

/** Kinds of ISG nodes. `crate` and `feature` are synthetic nodes used as edge endpoints. */
export type NodeKind =
  | 'fn'
  | 'method'
  | 'struct'
  | 'enum'
  | 'union'
  | 'trait'
  | 'impl'
  | 'type'
  | 'const'
  | 'static'
  | 'macro'
  | 'mod'
  | 'crate'
  | 'feature';

export const NODE_KINDS: readonly NodeKind[] = [
  'fn', 'method', 'struct', 'enum', 'union', 'trait', 'impl', 'type', 'const', 'static', 'macro', 'mod', 'crate', 'feature',
];

/** Edge relations of the ISG. */
export type Rel = 'CALLS' | 'IMPLEMENTS' | 'USES' | 'DEPENDS' | 'REQUIRES_BOUND' | 'FEATURE_GATED_BY';

export const RELS: readonly Rel[] = ['CALLS', 'IMPLEMENTS', 'USES', 'DEPENDS', 'REQUIRES_BOUND', 'FEATURE_GATED_BY'];

/** A 1-based inclusive line span. */
export interface LineSpan {
  startLine: number;
  endLine: number;
}

/** One interface of the workspace. */
export interface IsgNode {
  key: string;
  kind: NodeKind;
  /** Short name (`spawn`, `Executor`, `impl Runner for Executor`). */
  name: string;
  /** Cargo package name that owns the file (for `crate` nodes: the package itself). */
  crate: string;
  /** Workspace-relative, '/'-separated path; '' for synthetic nodes. */
  file: string;
  span: LineSpan;
  /** Signature text without the body, whitespace-normalised. */
  signature: string;
  /** Short stable hash of `signature` (changes when the interface changes). */
  sigHash: string;
  public: boolean;
  /** Cargo features gating this item (itself or an enclosing module), e.g. `["serde"]`. */
  features: string[];
  /** First line of the doc comment, '' when none. */
  doc: string;
  /** Every generic bound and where predicate of the item as written (`T: Send + 'static`), std traits included. */
  bounds?: string[];
}

/** A directed edge. `attr` carries relation-specific text (the bound for REQUIRES_BOUND). */
export interface IsgEdge {
  src: string;
  dst: string;
  rel: Rel;
  attr: string;
}

/** A problem found while building the graph: broken input is data, not an exception. */
export interface GraphProblem {
  file: string;
  kind: 'syntax_error' | 'non_utf8' | 'too_large' | 'binary' | 'symlink_outside' | 'unreadable';
  message: string;
  line?: number;
}

/** The graph of a whole workspace. */
export interface IsgGraph {
  nodes: IsgNode[];
  edges: IsgEdge[];
}

/** Stats printed by `build-isg --json` (CONTRACT.md). */
export interface BuildStats {
  nodes: number;
  edges: number;
  by_kind: Record<string, number>;
  by_rel: Record<Rel, number>;
  files_parsed: number;
  files_reused: number;
  unresolved_calls: number;
  problems: GraphProblem[];
  ms: number;
}
