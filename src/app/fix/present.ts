/**
 * Stage 5 of the fix pipeline, present: turns the search result into the report (the diff, its rating, which
 * errors it fixes and which remain, each with its ISG key), records the candidate in CodeGraph and the run in the
 * learning log. The apply stage (apply.ts) writes only what this stage presented.
 */
import type { Diagnostic } from '../../core/diagnostics/types.js';
import { unifiedDiff } from '../../core/fix/diff.js';
import { itemCode } from '../../core/fix/future.js';
import { rating, type FixValidationStatus } from '../../core/fix/rank.js';
import type { SearchResult } from '../../core/fix/search.js';
import type { FileEdit } from '../../core/fix/types.js';
import type { IsgStore } from '../../store/types.js';
import { sha256 } from '../fix-validate.js';
import type { CandidateSources } from './candidates.js';
import type { DebugBugReport } from './report.js';
import type { Retrieval } from './retrieve.js';
import { errorRows, type FixScope } from './scope.js';

function describeError(d: Diagnostic, key: string | null): string {
  const where = d.primary ? `${d.primary.file}:${d.primary.lineStart}` : 'the workspace';
  return `${d.code ?? 'error'} at ${where}${key ? ` (${key})` : ''}: ${d.message}`;
}

function rootCause(errors: readonly Diagnostic[], keys: (string | null)[], result: SearchResult | null): string {
  const first = errors[0];
  if (!first) return 'no compile errors';
  const head = describeError(first, keys[0] ?? null) + (errors.length > 1 ? ` (+${errors.length - 1} more)` : '');
  if (!result || !result.candidate || result.outcome === 'no_progress' || result.outcome === 'nothing_to_fix') {
    const tried = result ? result.rounds.reduce((n, r) => n + r.tried.length, 0) : 0;
    return `${head}; no candidate validated (${tried} tried)`;
  }
  const left = result.final.errors.length;
  return `${head}; fix: ${result.candidate.description}${result.outcome === 'partial' ? ` (partial: ${left} error${left === 1 ? '' : 's'} remain)` : ''}`;
}

/** The report for a run: `nothing_to_fix`, `no_safe_fix`, or `proposed` with the candidate (apply may make it `fixed`). */
export async function present(input: { scope: FixScope; retrieval: Retrieval; candidates: CandidateSources; result: SearchResult | null; store: IsgStore | null; resourceMode: string; started: number }): Promise<DebugBugReport> {
  const { scope, retrieval, candidates, result, store } = input;
  const known = new Map<Diagnostic, string | null>(scope.errors.map((d, i) => [d, scope.keys[i] ?? null]));
  const rows = await errorRows(scope.errors, store, known);
  const nothing = scope.errors.length === 0 && scope.initial.status !== 'Failed';
  // Remaining errors that were there at the start keep their key; revealed ones are looked up.
  const remaining = result ? result.final.errors : scope.errors;
  const used = new Set<Diagnostic>();
  const remainingKnown = new Map<Diagnostic, string | null>();
  for (const d of remaining) {
    const twin = scope.errors.find((e) => !used.has(e) && e.code === d.code && e.message === d.message && e.packageName === d.packageName);
    if (!twin) continue;
    used.add(twin);
    remainingKnown.set(d, known.get(twin) ?? null);
  }
  const warnings = [...(result?.warnings ?? [])];
  // Toolchain errors (a nightly-only `#![feature]`) are no candidate's to fix; say that those targets cannot be built.
  for (const d of (result ? result.final : scope.initial).toolchain ?? []) {
    warnings.push(`${d.primary ? `${d.primary.file}:${d.primary.lineStart}` : 'a target'} needs a nightly toolchain (${d.code ?? 'error'}: ${d.message}); that target cannot be built on this toolchain, so the fix was not validated against it`);
  }
  const report: DebugBugReport = {
    status: nothing ? 'nothing_to_fix' : 'no_safe_fix',
    errors: rows.map(({ message: _message, ...row }) => row),
    candidate: null,
    applied_commit: null,
    report: { rating: nothing ? 'green' : 'red', root_cause: rootCause(scope.errors, scope.keys, result), anti_patterns: retrieval.findings },
    errors_fixed: result && result.candidate ? await errorRows(result.fixedErrors, store, known) : [],
    errors_remaining: await errorRows(remaining, store, remainingKnown),
    rounds: (result?.rounds ?? []).map((r) => ({
      errors_before: r.errorsBefore,
      tried: r.tried.map((t) => ({ id: t.id, errors_after: t.errorsAfter, status: t.status, ...(t.revealed ? { revealed: t.revealed } : {}) })),
      rejected: r.rejected.length,
      accepted: r.accepted,
      ...(r.askedLate ? { asked_model: true } : {}),
    })),
    warnings,
    validations: result?.validations ?? 0,
    ...(candidates.llm ? { llm: candidates.llm } : {}),
    ...(input.resourceMode !== 'standard' ? { resource_mode: input.resourceMode as 'low-mem' | 'offline' } : {}),
    ms: Date.now() - input.started,
  };
  const cand = result?.candidate;
  if (!result || !cand || (result.outcome !== 'fixed' && result.outcome !== 'partial')) return report;
  const diff = unifiedDiff(result.original, result.files);
  // A partial fix leaves the check failing; it is rated as what it validated: each step compiled its targets.
  const status: FixValidationStatus = result.outcome === 'fixed' ? result.final.status : 'Failed';
  const stub = result.steps.some((s) => s.stub);
  report.status = 'proposed';
  report.candidate = {
    pattern_id: cand.patternId,
    diff,
    confidence: result.confidence,
    validation_status: status,
    zero_llm: result.steps.every((s) => s.candidate.origin !== 'llm'),
    // Only model tokens spent on the accepted path; report.llm keeps the totals.
    tokens_used: result.steps.reduce((n, s) => n + (s.candidate.tokensUsed ?? 0), 0),
    touched_keys: cand.touchedKeys,
    description: cand.description,
    touched_files: Array.from(new Set(cand.edits.map((e) => e.file))).sort(),
  };
  const amberRating = result.amber.length > 0 || result.outcome === 'partial';
  const r = rating(result.confidence, result.outcome === 'fixed' ? status : 'Cargo_OK');
  report.report.rating = amberRating && r === 'green' ? 'amber' : r;
  report.report.root_cause += stub ? ' (inserts a todo!() stub: review before applying)' : '';
  // A fix that undoes the user's own uncommitted change is a labelled alternative (H7 intent from the diff).
  if (result.steps.some((s) => s.candidate.revertsUserChange === true)) report.report.root_cause += ' (undoes your own uncommitted change: an alternative, review before applying)';
  if (result.amber.length > 0) report.amber_reasons = result.amber;
  await recordFuture(store, result, cand.edits, status, diff);
  return report;
}

/** Why a presented candidate must not be applied automatically, or null when it may be. */
export function notApplicable(result: SearchResult | null): string | null {
  if (!result || !result.candidate) return 'no validated fix';
  if (result.outcome === 'partial') return `partial fix: ${result.final.errors.length} error(s) remain; apply it by hand or fix the rest first`;
  if (result.outcome !== 'fixed') return 'no validated fix';
  if (result.steps.some((s) => s.stub)) return 'the fix inserts a todo!() stub';
  if (result.steps.some((s) => s.candidate.revertsUserChange === true)) return 'the fix undoes your own uncommitted change';
  if (result.amber.length > 0) return `amber: ${result.amber.join('; ')}`;
  return null;
}

/** CodeGraph: one Future_Code row per touched key, with the candidate diff and its validation status. */
async function recordFuture(store: IsgStore | null, result: SearchResult, edits: readonly FileEdit[], status: FixValidationStatus, diff: string): Promise<void> {
  if (!store || !result.candidate) return;
  const diffId = sha256(diff).slice(0, 16);
  for (const key of result.candidate.touchedKeys) {
    try {
      const node = await store.getNode(key);
      if (!node) continue;
      const before = result.original.get(node.file);
      const after = result.files.get(node.file);
      if (before === undefined || after === undefined) continue;
      const code = itemCode(before, after, node.span, edits.filter((e) => e.file === node.file));
      await store.codeGraph.setCurrent(key, code.current);
      await store.codeGraph.setFuture(key, code.future, 'Edit');
      await store.codeGraph.markFutureFid(key, sha256(code.future).slice(0, 16));
      await store.codeGraph.attachCandidateDiff(key, diffId);
      await store.codeGraph.setValidationStatus(key, status);
    } catch {
      // recording is best effort; the fix itself does not depend on it
    }
  }
}

/** The learning log: one row per run. */
export async function record(store: IsgStore | null, report: DebugBugReport, errors: readonly Diagnostic[], result: SearchResult | null, status: string = report.status): Promise<void> {
  if (!store) return;
  try {
    await store.learning.record({
      id: `debug-bug-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
      startedAt: new Date(Date.now() - report.ms).toISOString(),
      command: 'debug-bug',
      errorCodes: Array.from(new Set(errors.map((d) => d.code ?? ''))).filter((c) => c !== ''),
      patternId: report.candidate?.pattern_id ?? null,
      candidates: result ? result.rounds.reduce((n, r) => n + r.tried.length, 0) : 0,
      accepted: report.status === 'fixed',
      confidence: report.candidate?.confidence ?? null,
      status,
      commit: report.applied_commit,
      // zero_llm, tokens_used and ms feed `rustgate stats` (src/app/stats.ts).
      detail: { rounds: report.rounds, rating: report.report.rating, zero_llm: report.candidate?.zero_llm ?? null, tokens_used: report.candidate?.tokens_used ?? 0, ms: report.ms },
    });
    await store.flush();
  } catch {
    // best effort
  }
}
