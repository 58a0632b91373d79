/**
 * The report of the fix pipeline (`debug-bug --json`, CONTRACT.md): the shape every stage hands to the next at the
 * end. Types only.
 */
import type { FixValidationStatus, Rating } from '../../core/fix/rank.js';

/** One error of the report, with its ISG key. */
export interface DebugBugErrorRow {
  code: string | null;
  file: string | null;
  line: number | null;
  isg_key: string | null;
  message?: string;
}

/** The `--json` object of CONTRACT.md, plus a few extra fields. */
export interface DebugBugReport {
  status: 'fixed' | 'proposed' | 'no_safe_fix' | 'nothing_to_fix';
  errors: DebugBugErrorRow[];
  candidate: {
    pattern_id: string | null;
    diff: string;
    confidence: number;
    validation_status: FixValidationStatus;
    zero_llm: boolean;
    tokens_used: number;
    touched_keys: string[];
    description: string;
    touched_files: string[];
  } | null;
  applied_commit: string | null;
  report: {
    rating: Rating;
    root_cause: string;
    /** Anti-pattern findings in the files of the errors, and guidance for errors whose fix is a design decision. */
    anti_patterns: { pattern_id: string; severity: string; file: string; line: number; message: string; source?: 'vector'; isg_key?: string; distance?: number }[];
  };
  /**
   * Errors the proposed (or applied) change removes and errors it leaves, each with its ISG key. A round fixes
   * one error (or a group sharing a fix) without adding errors, so a partial fix is reported as such.
   */
  errors_fixed: DebugBugErrorRow[];
  errors_remaining: DebugBugErrorRow[];
  /**
   * Each search round: the candidates validated (errors left after each, errors newly visible in units a failing
   * dependency had blocked), the ones the gate rejected, the one accepted, whether the model was asked.
   */
  rounds: { errors_before: number; tried: { id: string; errors_after: number; status: FixValidationStatus; revealed?: number }[]; rejected: number; accepted: string | null; asked_model?: boolean }[];
  /** With --apply (or a confirmation) when nothing was applied: why (partial, amber, a stub, no fix). */
  not_applied_reason?: string;
  /** Why the candidate is at most amber: narrows a public API, edits a test body, adds a panic path. */
  amber_reasons?: string[];
  /** True when --apply applied the cached proposal validated on this exact content (no new search). */
  reused_validated_fix?: boolean;
  /** Non-fatal problems (a model that was missing, unreachable, slow or refused): each cost only its candidates. */
  warnings: string[];
  validations: number;
  /** With --llm local|openai: how often the model was asked, its token use, and why its proposals were refused. */
  llm?: {
    mode: string;
    asked: number;
    tokens_used: number;
    rejected: string[];
    /** Every model answer in order: which model (primary, or the larger fallback after an unsure answer), its confidence, why refused. */
    attempts: { diagnostic: number; attempt: 'primary' | 'fallback'; reasoner: string; confidence: number; rejected: string | null }[];
    /** Diagnostics for which the fallback model was asked. */
    escalations: number;
  };
  /** The resource mode, when it is not `standard` (see src/app/resource-modes.ts). */
  resource_mode?: 'low-mem' | 'offline';
  ms: number;
}

/** An anti-pattern finding of the report. */
export type AntiPatternFinding = DebugBugReport['report']['anti_patterns'][number];

/** The model log of the report. */
export type LlmLog = NonNullable<DebugBugReport['llm']>;
