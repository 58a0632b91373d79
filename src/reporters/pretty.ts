/** `--format pretty`: findings grouped by ISG node, errors before warnings, a next-step hint and the time taken. */
import type { Applicability } from '../core/diagnostics/types.js';
import { directCallers } from '../core/preflight/blast.js';
import type { PreflightFinding, PreflightReport } from '../core/preflight/types.js';

const APPLICABILITY_RANK: Record<Applicability, number> = { MachineApplicable: 0, MaybeIncorrect: 1, Unspecified: 2, HasPlaceholders: 3 };

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function where(f: PreflightFinding): string {
  const p = f.diagnostic.primary;
  if (f.isg) return `in ${f.isg.kind} ${f.isg.name} (${f.isg.file}:${f.isg.startLine})`;
  return p ? `in ${p.file}` : '';
}

function reach(f: PreflightFinding): string {
  if (f.blastRadius.length === 0) return '';
  const callers = directCallers(f.blastRadius);
  const parts: string[] = [];
  if (callers > 0) parts.push(plural(callers, 'caller'));
  if (f.blastRadius.length > callers) parts.push(`${f.blastRadius.length} in blast radius`);
  return ` — ${parts.join(', ')}`;
}

/** Groups findings by ISG node (or file when unmapped), keeping the first-seen order. */
function groupByNode(findings: readonly PreflightFinding[]): PreflightFinding[][] {
  const groups = new Map<string, PreflightFinding[]>();
  for (const f of findings) {
    const id = f.isg?.key ?? `file:${f.diagnostic.primary?.file ?? ''}`;
    const g = groups.get(id);
    if (g) g.push(f);
    else groups.set(id, [f]);
  }
  return [...groups.values()];
}

function renderFinding(f: PreflightFinding): string[] {
  const d = f.diagnostic;
  const head = `${d.level}${d.code ? `[${d.code}]` : ''}`;
  const lines = [`${head} ${where(f)}${reach(f)}`.trimEnd()];
  const msg = d.message.split('\n');
  lines.push(...msg.map((l) => `  ${l}`));
  if (d.primary) lines.push(`  --> ${d.primary.file}:${d.primary.lineStart}:${d.primary.columnStart}`);
  // rustc's safest suggestions first (it lists a wrong HasPlaceholders one first for E0277, NOTES.md).
  const ranked = [...d.suggestions].sort((a, b) => APPLICABILITY_RANK[a.applicability] - APPLICABILITY_RANK[b.applicability]);
  for (const s of ranked.slice(0, 2)) {
    const edit = s.edits[0];
    if (edit) lines.push(`  help: ${s.message}${edit.replacement.trim() ? `: \`${edit.replacement.trim()}\`` : ''}`);
  }
  if (f.blastRadius.length > 0) {
    const shown = f.blastRadius.slice(0, 5).map((h) => h.key);
    const more = f.blastRadius.length - shown.length;
    lines.push(`  affects: ${shown.join(', ')}${more > 0 ? `, … (+${more})` : ''}`);
  }
  return lines;
}

/**
 * True when `debug-bug` has something to work on: a compiler error in a Rust source file or a failing test. A broken
 * manifest, lockfile, submodule or a cargo timeout is not a code fix, so no hint points there.
 */
export function debugBugCanHelp(report: PreflightReport): boolean {
  if (report.tests !== null && report.tests.failed > 0) return true;
  return report.findings.some((f) => f.diagnostic.level === 'error' && f.diagnostic.primary !== null && f.diagnostic.primary.file.endsWith('.rs') && (f.diagnostic.code !== null || f.diagnostic.source !== 'rustc' || !f.diagnostic.message.startsWith('cargo check failed')));
}

/** Renders the report for people. */
export function renderPretty(report: PreflightReport): string {
  const out: string[] = [];
  const scope = report.scope === 'diff' ? `--diff ${report.range ?? ''}` : `--${report.scope}`;
  const outside = report.outsideFiles.length;
  const files = outside === 0 ? plural(report.changedFiles.length, 'changed file') : `${plural(report.changedFiles.length, 'changed file')} in ${report.workspacePrefix}/ (+${outside} outside it, not checked)`;
  if (report.skipped) {
    out.push(`rustgate preflight ${scope}: ${files}, none can affect cargo check — skipped.`);
    out.push(`ok in ${seconds(report.ms.total)}`);
    return out.join('\n');
  }
  const errors = report.findings.filter((f) => f.diagnostic.level === 'error');
  const warnings = report.findings.filter((f) => f.diagnostic.level !== 'error');
  const extent = report.mode === null ? '' : report.checkedPackages === null ? ' (whole workspace' : ` (${plural(report.checkedPackages.length, 'package')}`;
  const how = report.mode === 'in_place' ? ', in place)' : report.mode === 'shadow' ? ', in the shadow copy)' : '';
  out.push(`rustgate preflight ${scope}: ${files}, ${plural(errors.length, 'error')}, ${plural(warnings.length, 'warning')}${extent}${how}`);
  for (const part of [errors, warnings]) {
    for (const group of groupByNode(part)) {
      out.push('');
      for (const f of group) out.push(...renderFinding(f));
    }
  }
  if (report.uncheckedFiles.length > 0) {
    const n = report.uncheckedFiles.length;
    out.push('', `${plural(n, 'changed file')} in no checked crate: ${report.uncheckedFiles.join(', ')} — not checked`);
  }
  if (outside > 0) {
    const shown = report.outsideFiles.slice(0, 5).join(', ') + (outside > 5 ? `, … (${outside - 5} more)` : '');
    out.push('', `${plural(outside, 'changed file')} outside the workspace ${report.workspacePrefix}/: ${shown} — not checked`);
  }
  for (const w of report.warnings) out.push('', `note: ${w}`);
  if (report.tests) {
    const t = report.tests;
    const selected = t.selected !== undefined ? `${t.selected} selected, ` : '';
    out.push('', `tests: ${selected}${t.passed}/${t.ran} passed, ${t.failed} failed${t.complete === false ? ' (incomplete: not a pass)' : ''}`);
  }
  out.push('');
  if (!report.ok && debugBugCanHelp(report)) out.push('hint: run `rustgate debug-bug` for a validated fix');
  out.push(`${report.ok ? 'ok' : 'failed'} in ${seconds(report.ms.total)} (cargo ${seconds(report.ms.cargo)})`);
  return out.join('\n');
}
