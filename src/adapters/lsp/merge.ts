/** Merges rust-analyzer's diagnostics into cargo's without repeating what cargo already said. Pure. */
import type { Diagnostic } from '../../core/diagnostics/types.js';

const normMessage = (m: string): string => m.trim().replace(/\s+/g, ' ').toLowerCase();

/** True when `a` and `b` report the same problem: same file and line with the same code, or same file and message. */
export function sameProblem(a: Diagnostic, b: Diagnostic): boolean {
  const fa = a.primary?.file ?? null;
  const fb = b.primary?.file ?? null;
  if (fa !== fb) return false;
  if (a.code !== null && a.code === b.code && a.primary?.lineStart === b.primary?.lineStart) return true;
  return normMessage(a.message) === normMessage(b.message);
}

/**
 * cargo's diagnostics first (they are authoritative and carry suggestions), then each rust-analyzer diagnostic
 * that repeats neither a cargo one nor an earlier rust-analyzer one.
 */
export function mergeDiagnostics(cargo: Diagnostic[], ra: Diagnostic[]): Diagnostic[] {
  const out = [...cargo];
  for (const d of ra) if (!out.some((o) => sameProblem(o, d))) out.push(d);
  return out;
}
