/**
 * Ranking, confidence and the red/amber/green rating of validated candidates. Validation outranks every prior:
 * rustc's applicability label and a pattern's history only order candidates that validated equally well.
 */
import type { Diagnostic } from '../diagnostics/types.js';
import { APPLICABILITY_RANK } from './rustc-candidates.js';
import type { Candidate } from './types.js';

/** How deep validation went: compiled (`Cargo_OK`), compiled and tests passed (`Tests_OK`), or not. */
export type FixValidationStatus = 'Cargo_OK' | 'Tests_OK' | 'Failed';

/** What a validator reports for a set of files. */
export interface ValidationResult {
  errors: Diagnostic[];
  warnings: Diagnostic[];
  status: FixValidationStatus;
  /**
   * Compilation units (cargo packages) the check actually compiled. A unit absent here was blocked behind a failing
   * dependency, so errors that appear in it later are newly visible, not new. Absent: every unit counts as checked.
   */
  checkedUnits?: string[];
  /**
   * Errors of the toolchain rather than the code (a `#![feature]` on a stable toolchain, E0554, in a file the
   * candidate did not change): no candidate fixes them, so they are not in `errors`; reported beside the result.
   * Absent: none.
   */
  toolchain?: Diagnostic[];
}

/** A candidate after validation, with the measures the ranking uses. */
export interface EvaluatedCandidate {
  candidate: Candidate;
  validation: ValidationResult;
  /** Errors before the candidate was applied. */
  errorsBefore: number;
  /** Errors after that were not there before (by code and message). */
  newErrors: number;
  /** Warnings after that were not there before (by code and message). */
  newWarnings: number;
  /** Lines removed plus lines added. */
  changedLines: number;
  /** How many distinct sources proposed the same edits (1 = only this one). */
  agreement: number;
  /** Whether the edit inserts a `todo!()`-style stub. */
  stub: boolean;
  /**
   * Targeted errors the candidate removed (see core/fix/progress). Absent: progress is judged by the error count
   * alone (the single-unit rule).
   */
  fixedTargets?: number;
  /** Errors that appeared in units the previous check never reached (newly visible, not new). */
  revealed?: number;
  /** Reasons the candidate is at most amber (narrows a public API, edits a test body, adds a panic path). */
  amber?: string[];
}

/** Success history of a pattern (from the learning log). */
export interface PatternHistory {
  tried: number;
  validated: number;
  accepted: number;
}

/** True when the candidate leaves no errors and the validation did not fail (tests, when run, passed). */
export function isClean(e: EvaluatedCandidate): boolean {
  return e.validation.errors.length === 0 && e.validation.status !== 'Failed';
}

/**
 * True when the candidate is progress: it fixes an error it targets without adding an error to a unit that was
 * checked before (errors revealed in blocked units do not count against it). Without per-unit data: the error
 * count strictly drops and nothing is new.
 */
export function isProgress(e: EvaluatedCandidate): boolean {
  if (isClean(e)) return true;
  if (e.newErrors > 0) return false;
  if (e.fixedTargets !== undefined) return e.fixedTargets > 0;
  return e.validation.errors.length < e.errorsBefore;
}

/** Errors left that were already visible before the candidate (revealed ones are the next round's work). */
export function knownErrorsLeft(e: EvaluatedCandidate): number {
  return e.validation.errors.length - (e.revealed ?? 0);
}

/** Laplace-smoothed acceptance rate of a pattern: 0.5 with no history. */
export function historyRate(h: PatternHistory | undefined): number {
  if (!h) return 0.5;
  return (h.accepted + 1) / (h.tried + 2);
}

/**
 * Orders evaluated candidates best first: clean before unclean, progress, tests passed before compiled only, fewer
 * remaining known errors, no new errors, nothing amber, no stub, no new warning, fewest changed lines, then agreement, the origin's history
 * (pattern vs rustc), rustc's label, and the id for a deterministic order.
 */
export function rankCandidates(items: readonly EvaluatedCandidate[], history: ReadonlyMap<string, PatternHistory> = new Map()): EvaluatedCandidate[] {
  const statusRank = (e: EvaluatedCandidate): number => (e.validation.status === 'Tests_OK' ? 0 : e.validation.status === 'Cargo_OK' ? 1 : 2);
  const originScore = (e: EvaluatedCandidate): number => historyRate(history.get(e.candidate.patternId ?? e.candidate.origin));
  const keys = (e: EvaluatedCandidate): number[] => [
    isClean(e) ? 0 : 1,
    isProgress(e) ? 0 : 1,
    statusRank(e),
    knownErrorsLeft(e),
    e.newErrors,
    (e.amber?.length ?? 0) > 0 ? 1 : 0,
    e.stub ? 1 : 0,
    // A fix that leaves an unused local or import behind ranks below one that does not, whatever its size.
    e.newWarnings > 0 ? 1 : 0,
    // Intent (H7, additive): a candidate undoing the user's own change ranks after every one that does not; among
    // equals, the edit at the cause (the definition the ISG points to) before edits at the symptom.
    e.candidate.revertsUserChange ? 1 : 0,
    e.changedLines,
    e.candidate.atCause ? 0 : 1,
    e.newWarnings,
    -e.agreement,
    -originScore(e),
    APPLICABILITY_RANK[e.candidate.applicability ?? 'Unspecified'],
  ];
  return [...items].sort((a, b) => {
    const ka = keys(a);
    const kb = keys(b);
    for (let i = 0; i < ka.length; i++) {
      const d = (ka[i] ?? 0) - (kb[i] ?? 0);
      if (d !== 0) return d;
    }
    return a.candidate.id < b.candidate.id ? -1 : a.candidate.id > b.candidate.id ? 1 : 0;
  });
}

/** Inputs of the confidence score. */
export interface ConfidenceInput {
  status: FixValidationStatus;
  /** Distinct sources that proposed the same edits. */
  agreement: number;
  /** History of the candidate's pattern, when it has one. */
  history?: PatternHistory;
  applicability?: Candidate['applicability'];
  /** New warnings the fix introduces. */
  newWarnings: number;
  /** The fix inserts a panicking stub. */
  stub: boolean;
  /** Rounds the search needed (each extra round is a little less certain). */
  rounds: number;
}

/**
 * Confidence in 0..1: mostly validation depth (failed 0, compiled 0.6, tests passed 0.8), plus agreement between
 * sources, rustc's label, the pattern's history; minus new warnings and extra rounds; stubs are capped low.
 */
export function confidence(x: ConfidenceInput): number {
  if (x.status === 'Failed') return 0;
  let c = x.status === 'Tests_OK' ? 0.8 : 0.6;
  if (x.agreement >= 2) c += 0.1;
  if (x.applicability === 'MachineApplicable') c += 0.1;
  else if (x.applicability === 'MaybeIncorrect') c += 0.05;
  if (x.history) c += 0.2 * (historyRate(x.history) - 0.5);
  if (x.newWarnings > 0) c -= 0.05;
  c -= 0.05 * Math.max(0, x.rounds - 1);
  if (x.stub) c = Math.min(c, 0.4);
  return Math.round(Math.min(1, Math.max(0, c)) * 100) / 100;
}

/** Red/amber/green: red when nothing validated, green from 0.75 confidence, amber in between. */
export type Rating = 'green' | 'amber' | 'red';

/** The rating of a validated fix of the given confidence (or of no fix). */
export function rating(conf: number | null, status: FixValidationStatus | null): Rating {
  if (conf === null || status === null || status === 'Failed' || conf <= 0) return 'red';
  return conf >= 0.75 ? 'green' : 'amber';
}
