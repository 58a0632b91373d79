/**
 * Progress per compilation unit. cargo stops at a broken crate, so its dependents report nothing until it compiles;
 * a candidate that fixes the library reveals the dependents' errors. Those are newly visible, not new: a candidate
 * is progress when it removes the error(s) it targets without adding errors to units that were checked before.
 * Pure: works on validation results only.
 */
import type { Diagnostic } from '../diagnostics/types.js';
import type { ValidationResult } from './rank.js';

/** A diagnostic's identity across edits (spans move, code and message stay). */
export function diagnosticSignature(d: Diagnostic): string {
  return `${d.code ?? ''}|${d.message}`;
}

/** The compilation unit a diagnostic belongs to ('' for diagnostics cargo did not attribute, e.g. a failed run). */
export function unitOf(d: Diagnostic): string {
  return d.packageName ?? '';
}

/** The multiset difference `after − before` by signature, within each unit. */
export function addedDiagnostics(before: readonly Diagnostic[], after: readonly Diagnostic[]): Diagnostic[] {
  const pool = new Map<string, number>();
  const key = (d: Diagnostic): string => `${unitOf(d)}\u0000${diagnosticSignature(d)}`;
  for (const d of before) pool.set(key(d), (pool.get(key(d)) ?? 0) + 1);
  const out: Diagnostic[] = [];
  for (const d of after) {
    const n = pool.get(key(d)) ?? 0;
    if (n > 0) pool.set(key(d), n - 1);
    else out.push(d);
  }
  return out;
}

/** How a candidate's validation compares with the state it was applied to. */
export interface UnitProgress {
  /** Targeted errors that are gone (fewer of that signature in that unit than before). */
  fixed: Diagnostic[];
  /** Errors that were not there before, in units the previous check compiled (or where it reported errors). */
  added: Diagnostic[];
  /** Errors in units the previous check never reached (blocked behind a failing dependency): newly visible. */
  revealed: Diagnostic[];
  /** Errors of the previous state that are gone, targeted or not. */
  removed: Diagnostic[];
}

/** Units the validation reached: the ones it reports as compiled plus every unit it reported an error for. */
function reached(v: ValidationResult): Set<string> | null {
  if (!v.checkedUnits) return null;
  const s = new Set(v.checkedUnits);
  for (const d of v.errors) s.add(unitOf(d));
  s.add('');
  return s;
}

/**
 * Compares `after` with `before` for a candidate targeting `targets` (indexes into `before.errors`). Without unit
 * information (`checkedUnits` absent, e.g. a single-file validator) every unit counts as checked.
 */
export function unitProgress(before: ValidationResult, after: ValidationResult, targets: readonly number[]): UnitProgress {
  const checked = reached(before);
  const fresh = addedDiagnostics(before.errors, after.errors);
  const added = fresh.filter((d) => checked === null || checked.has(unitOf(d)));
  const revealed = fresh.filter((d) => checked !== null && !checked.has(unitOf(d)));
  const removed = addedDiagnostics(after.errors, before.errors);
  const removedIdx = new Set<Diagnostic>(removed);
  const fixed: Diagnostic[] = [];
  for (const t of new Set(targets)) {
    const d = before.errors[t];
    if (d && removedIdx.has(d)) fixed.push(d);
  }
  // A target whose twin (same unit and signature) was removed counts as fixed: which of the twins went is arbitrary.
  for (const t of new Set(targets)) {
    const d = before.errors[t];
    if (!d || fixed.includes(d)) continue;
    const twin = removed.find((r) => !fixed.includes(r) && unitOf(r) === unitOf(d) && diagnosticSignature(r) === diagnosticSignature(d));
    if (twin) fixed.push(d);
  }
  return { fixed, added, revealed, removed };
}

/** True when the candidate fixes at least one of its targets (or, targeting none, removes an error) and adds none. */
export function isUnitProgress(p: UnitProgress, targets: readonly number[]): boolean {
  if (p.added.length > 0) return false;
  return targets.length > 0 ? p.fixed.length > 0 : p.removed.length > 0;
}
