/**
 * The gate hands you the fix: when PreFlight blocks a commit, the zero-LLM search runs on the staged content within
 * a small budget (`fix.gate_seconds`, default 5 s; 0 turns it off) and returns the validated diff, its pattern and
 * confidence, and the one command that applies it. The proposal is cached, so that command reuses it when nothing
 * changed since. The staged content is searched only when the working tree holds exactly it (no unstaged edits to
 * tracked files); otherwise the gate says why it did not look.
 */
import { git } from '../../adapters/git/run.js';
import type { PreflightReport } from '../../core/preflight/types.js';

/** What the blocked gate prints under its report. */
export interface GateFix {
  status: 'proposed' | 'no_safe_fix' | 'skipped';
  /** Why the search did not run or found nothing. */
  reason: string | null;
  pattern_id: string | null;
  confidence: number | null;
  rating: 'green' | 'amber' | 'red' | null;
  diff: string | null;
  /** The command that applies it (reusing the validated result). */
  command: string | null;
  ms: number;
}

/** Runs the gate's fix search for a blocked staged PreFlight; null when the report did not block or it is off. */
export async function suggestGateFix(report: PreflightReport, opts: { repo: string }): Promise<GateFix | null> {
  if (report.ok || report.scope !== 'staged') return null;
  const t0 = Date.now();
  const [{ openConfig }, { fixSettings }] = await Promise.all([import('../../config/open.js'), import('../../config/fix.js')]);
  const { openWorkspace } = await import('../preflight.js');
  const ws = await openWorkspace(opts.repo);
  const seconds = fixSettings(await openConfig(ws.workspace)).gateSeconds;
  if (seconds <= 0) return null;
  const skip = (reason: string): GateFix => ({ status: 'skipped', reason, pattern_id: null, confidence: null, rating: null, diff: null, command: null, ms: Date.now() - t0 });
  // Plumbing only (no index refresh): tracked files whose working-tree content differs from the index.
  const dirty = await git(ws.workspace, ['diff-files', '--name-only', '-z']);
  if (dirty.exitCode !== 0) return skip('git diff-files failed');
  const unstaged = dirty.stdout.split('\u0000').filter((f) => f !== '');
  if (unstaged.length > 0) return skip(`unstaged changes in ${unstaged.slice(0, 3).join(', ')}${unstaged.length > 3 ? ', …' : ''}: stage them or run \`rustgate debug-bug\``);
  const { runDebugBug, loadPatternSources } = await import('../debug-bug.js');
  const r = await runDebugBug({ repo: ws.workspace, investigate: true, llm: 'none', sources: await loadPatternSources(), timeBudgetMs: seconds * 1000, maxRounds: 3 });
  const c = r.candidate;
  if (r.status !== 'proposed' || !c) return { ...skip(r.report.root_cause), status: 'no_safe_fix' };
  return {
    status: 'proposed',
    reason: r.not_applied_reason ?? (r.amber_reasons && r.amber_reasons.length > 0 ? `amber: ${r.amber_reasons.join('; ')}` : null),
    pattern_id: c.pattern_id,
    confidence: c.confidence,
    rating: r.report.rating,
    diff: c.diff,
    command: `rustgate debug-bug --apply${ws.prefix ? ` --repo ${ws.workspace}` : ''}`,
    ms: Date.now() - t0,
  };
}

/** The gate's fix as text under the PreFlight report. */
export function renderGateFix(f: GateFix): string {
  if (f.status !== 'proposed') return `rustgate: no validated fix${f.reason ? ` (${f.reason})` : ''}`;
  const lines = [`rustgate: validated fix (pattern ${f.pattern_id ?? '-'}, confidence ${(f.confidence ?? 0).toFixed(2)}, ${f.rating ?? 'red'})`, (f.diff ?? '').trimEnd()];
  if (f.reason) lines.push(`note: ${f.reason}`);
  lines.push(`apply it with: ${f.command ?? 'rustgate debug-bug --apply'}`);
  return lines.join('\n');
}
