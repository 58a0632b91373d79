/**
 * The fix pipeline's data model. Fixes are data (STYLE.md §4): a candidate is a list of byte-range edits with
 * its origin; one applier writes them, and only after validation. Pure types, no I/O.
 */
import type { Applicability, Diagnostic } from '../diagnostics/types.js';
import type { GraphQuery } from '../isg/query.js';
import type { IsgNode, NodeKind } from '../isg/types.js';

/** Replace bytes [byteStart, byteEnd) of `file` (workspace-relative) with `replacement`. */
export interface FileEdit {
  file: string;
  byteStart: number;
  byteEnd: number;
  replacement: string;
}

export type CandidateOrigin = 'rustc' | 'pattern' | 'llm';

/** One proposed fix for one or more diagnostics. */
export interface Candidate {
  /** Stable within a run (e.g. `rustc:0:1`, `pattern:missing_trait_import:0`). */
  id: string;
  origin: CandidateOrigin;
  /** Pattern id for pattern candidates (rustc suggestions: `rustc_suggestion`), null for models. */
  patternId: string | null;
  /** One line for people: what the edit does. */
  description: string;
  edits: FileEdit[];
  /** ISG keys the edits fall in (planned scope); the safety gate rejects edits outside them. */
  touchedKeys: string[];
  /** The diagnostic(s) this candidate targets (indexes into the diagnostics it was made from). */
  targets: number[];
  /**
   * The source's safety label, in rustc's vocabulary (rustc's own for rustc candidates; a pattern's high/medium/low
   * confidence maps onto it). A prior for ordering and confidence only; validation decides.
   */
  applicability?: Applicability;
  /**
   * Data for ranking (optional, additive): the single edit at the cause (the definition the ISG points to) rather
   * than edits at the symptoms; whether it widens a published crate's public API; whether it undoes the user's own
   * staged change (then it is only a labelled alternative, never auto-applied).
   */
  atCause?: boolean;
  widensPublicApi?: boolean;
  revertsUserChange?: boolean;
  /** Model tokens spent to produce this candidate (model candidates only; 0 or absent for deterministic ones). */
  tokensUsed?: number;
}

/**
 * What a candidate source may ask the workspace and its ISG besides the diagnostics' own files: where an item is
 * defined (by name), the text of that file, and whether its crate is published. The app implements it from the
 * store; absent when there is no graph (a loose file).
 */
export interface IsgLookup {
  /** Nodes whose short name is `name`, optionally only of `kinds` (every crate of the workspace). */
  definitions(name: string, kinds?: readonly NodeKind[]): Promise<IsgNode[]>;
  /** Current text of a workspace file (undefined when it does not exist or may not be edited). */
  readFile(file: string): Promise<string | undefined>;
  /** True when `crate` can be published to a registry (its manifest does not say `publish = false`). */
  published(crate: string): Promise<boolean>;
}

/** Read-only context a candidate source may use. */
export interface FixContext {
  /** Current diagnostics, errors first. */
  diagnostics: readonly Diagnostic[];
  /** Content of the workspace files the diagnostics point at (workspace-relative path → text). */
  files: ReadonlyMap<string, string>;
  /** The ISG (for keys, bounds, callers); may be absent when fixing a loose file (benchmarks). */
  graph?: GraphQuery;
  /** Definitions by name and their files, through the ISG (cross-file patterns); absent without a graph. */
  lookup?: IsgLookup;
}

/** Anything that proposes candidates: rustc's suggestions, the pattern library, a model. */
export interface CandidateSource {
  readonly name: string;
  propose(diagnosticIndex: number, ctx: FixContext): Promise<Candidate[]>;
  /** Optional: candidates that fix several diagnostics at once (called once per round, after `propose`). */
  proposeCombined?(ctx: FixContext): Promise<Candidate[]>;
}
