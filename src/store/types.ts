/**
 * The store port: what the rest of rustgate may ask of persistent storage. One implementation today
 * (CozoDB through cozo-lib-wasm, `cozo-store.ts`); the interface lets another engine replace it.
 *
 * Invariant: CodeGraph is the only relation that holds code edits; every other relation is read-only context
 * for the fix pipeline (written only by the ISG builder and the audit log).
 */
import type { GraphQuery } from '../core/isg/query.js';
import type { IsgEdge, IsgNode } from '../core/isg/types.js';

/** Per-file parse cache: lets a rebuild skip unchanged files (hash match) and still re-resolve edges globally. */
export interface FileRecord {
  /** Workspace-relative path. */
  file: string;
  /** Content hash (sha256 hex of the bytes). */
  hash: string;
  /** Owning Cargo package. */
  crate: string;
  /** The parser's facts for this file, JSON-serialisable; opaque to the store. */
  facts: unknown;
}

/** A change to the stored graph, computed by the builder (so a one-file edit writes a handful of rows). */
export interface GraphDelta {
  upsertNodes: IsgNode[];
  removeNodes: string[];
  addEdges: IsgEdge[];
  removeEdges: IsgEdge[];
}

export type FutureAction = 'None' | 'Create' | 'Edit' | 'Delete';
export type ValidationStatus = 'Pending' | 'RA_OK' | 'Cargo_OK' | 'Tests_OK' | 'Failed';

/** One CodeGraph row: the current and proposed code of one ISG key. */
export interface CodeGraphRow {
  key: string;
  currentCode: string | null;
  futureCode: string | null;
  futureAction: FutureAction;
  /** Fingerprint (content hash) of currentCode / futureCode. */
  currentFid: string | null;
  futureFid: string | null;
  candidateDiffId: string | null;
  validationStatus: ValidationStatus;
  lastAppliedCommit: string | null;
  /** ISO-8601 UTC. */
  updatedAt: string;
}

/** The only API that writes code edits (seed's CodeGraph). */
export interface CodeGraphApi {
  get(key: string): Promise<CodeGraphRow | undefined>;
  setCurrent(key: string, code: string): Promise<void>;
  setFuture(key: string, code: string | null, action: FutureAction): Promise<void>;
  markCurrentFid(key: string, fid: string): Promise<void>;
  markFutureFid(key: string, fid: string): Promise<void>;
  attachCandidateDiff(key: string, diffId: string): Promise<void>;
  setValidationStatus(key: string, status: ValidationStatus): Promise<void>;
  /** Future becomes Current (after an applied, committed fix); Future fields reset. */
  flipFutureToCurrent(key: string, commit: string): Promise<void>;
  clearFuture(key: string): Promise<void>;
  /** All rows with a pending Future_Action (for resuming or reporting). */
  pending(): Promise<CodeGraphRow[]>;
}

/** One audited fix-pipeline run (LearningStore). */
export interface RunRecord {
  id: string;
  startedAt: string;
  command: string;
  errorCodes: string[];
  patternId: string | null;
  candidates: number;
  accepted: boolean;
  confidence: number | null;
  status: string;
  commit: string | null;
  detail: unknown;
}

export interface LearningLog {
  record(run: RunRecord): Promise<void>;
  list(limit?: number): Promise<RunRecord[]>;
  /** Success statistics per pattern: how often its candidate validated and was accepted. */
  patternStats(patternId: string): Promise<{ tried: number; validated: number; accepted: number }>;
}

export interface IsgStore extends GraphQuery {
  readonly codeGraph: CodeGraphApi;
  readonly learning: LearningLog;
  loadFiles(): Promise<Map<string, FileRecord>>;
  putFiles(records: FileRecord[]): Promise<void>;
  removeFiles(files: string[]): Promise<void>;
  allNodes(): Promise<IsgNode[]>;
  allEdges(): Promise<IsgEdge[]>;
  applyDelta(delta: GraphDelta): Promise<void>;
  getMeta(name: string): Promise<string | undefined>;
  setMeta(name: string, value: string): Promise<void>;
  /** Persists everything written so far, atomically (a crash never leaves a half-written store). */
  flush(): Promise<void>;
  close(): Promise<void>;
}
