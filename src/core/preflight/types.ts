/** Data model of a PreFlight run: which content was checked, what changed, what cargo said, mapped to the ISG. */
import type { Diagnostic } from '../diagnostics/types.js';
import type { HopNode } from '../isg/query.js';
import type { NodeKind } from '../isg/types.js';

/** Which content a run checks: the index, the HEAD side of a commit range, or the working tree. */
export type Scope = 'staged' | 'diff' | 'worktree';

export type ChangeStatus = 'added' | 'modified' | 'deleted' | 'renamed' | 'copied' | 'typechange' | 'unmerged' | 'unknown';

/** One changed path, workspace-relative and '/'-separated; `oldPath` for renames and copies. */
export interface ChangedFile {
  path: string;
  status: ChangeStatus;
  oldPath?: string;
  /** Set when the path is a submodule (gitlink): its commit changed, so any Rust inside it may have. */
  submodule?: true;
}

/** The ISG node a diagnostic's primary span falls in (the innermost one). */
export interface IsgRef {
  key: string;
  kind: NodeKind;
  name: string;
  file: string;
  startLine: number;
}

/** One diagnostic with its place in the graph; the full Diagnostic (suggestions, spans) stays for the fix pipeline. */
export interface PreflightFinding {
  diagnostic: Diagnostic;
  isg: IsgRef | null;
  /** Reverse dependents of the node (callers, users, implementors), nearest first. */
  blastRadius: HopNode[];
}

/** Outcome of the impacted tests, filled in by the test runner (`--tests`), else null. */
export interface TestSummary {
  ran: number;
  passed: number;
  failed: number;
  /** Tests the runner selected (doctests included); more than `ran` means some never ran. */
  selected?: number;
  /** False when the run was cut off by its time cap or did not run every selected test. */
  complete?: boolean;
}

/** What cargo itself did (besides its diagnostics). */
export interface CargoOutcome {
  exitCode: number | null;
  buildSucceeded: boolean | null;
  timedOut: boolean;
  stderrTail: string;
}

/**
 * Where cargo ran: `in_place` in the user's workspace with the user's own target dir (the selected content is the
 * working tree for every Rust-relevant path), `shadow` in the private copy of the selected content.
 */
export type CheckMode = 'in_place' | 'shadow';

/** The single result object of a run; reporters format it, nothing else prints. */
export interface PreflightReport {
  ok: boolean;
  scope: Scope;
  /** The commit range for `--diff`, as given. */
  range: string | null;
  /** True when no Rust-relevant file changed, so cargo did not run. */
  skipped: boolean;
  changedFiles: ChangedFile[];
  /** Errors first, then warnings; each sorted by file and line. */
  findings: PreflightFinding[];
  tests: TestSummary | null;
  /** The workspace directory relative to the git top ('' when they are the same), for repo-relative output. */
  workspacePrefix: string;
  cargo: CargoOutcome | null;
  /** Where cargo ran (null when it did not run). */
  mode: CheckMode | null;
  /** Why the shadow was needed (e.g. "src/lib.rs differs from the index"), null in place or when cargo did not run. */
  modeReason: string | null;
  /** The packages checked with `-p`, or null for the whole workspace (and when cargo did not run). */
  checkedPackages: string[] | null;
  /** Rust-relevant changed files that no checked package owns (excluded crates, files in no crate). */
  uncheckedFiles: string[];
  /**
   * Changed files outside a subdirectory workspace (repository-relative) that cargo never reads, so nothing checked
   * them. Cargo config and toolchain files above the workspace are not here: they are read, and check everything.
   */
  outsideFiles: string[];
  /** Non-fatal notes (skipped symlinks, an ISG that could not be built…). */
  warnings: string[];
  ms: { total: number; cargo: number; shadow: number; isg: number };
}
