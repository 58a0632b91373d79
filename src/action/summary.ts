/**
 * Job-summary Markdown for both modes: a table of broken ISG nodes, timings, and a Mermaid graph of each
 * broken node with the callers in its blast radius. Pure: returns strings, main.ts writes them.
 */
import type { DebugBugJson, PreflightDiagnostic, PreflightJson, StatsJson } from './contract.js';
import { describeCandidate, withoutFinalNewline } from './suggestions.js';

/** Most callers drawn per broken node; the rest are counted. */
const MAX_CALLERS_DRAWN = 12;

/** The PreFlight summary: verdict, diagnostics table, timings and the blast-radius graph. */
export function preflightSummary(report: PreflightJson, range: string, pathPrefix: string): string {
  const errors = report.diagnostics.filter((d) => d.level === 'error').length;
  const warnings = report.diagnostics.length - errors;
  const out: string[] = [
    `## rustgate PreFlight: ${report.ok ? '✅ passed' : '❌ failed'}`,
    '',
    `Range \`${range}\` · ${report.changed_files.length} changed file(s) · ${errors} error(s) · ${warnings} warning(s)`,
    '',
  ];
  if (report.diagnostics.length > 0) {
    out.push('| ISG node | code | message | blast radius |', '|---|---|---|---|');
    for (const d of report.diagnostics) {
      const node = d.isg ? `\`${cell(d.isg.key)}\` (${cell(d.isg.kind)})` : '—';
      const where = d.file ? `<br>\`${cell(`${pathPrefix}${d.file}:${d.line}:${d.column}`)}\`` : '';
      out.push(`| ${node} | ${d.code ?? d.level} | ${cell(d.message)}${where} | ${blastCell(d.blast_radius)} |`);
    }
    out.push('');
  }
  const t = report.ms;
  out.push(`**Timings:** total ${t.total} ms · cargo ${t.cargo} ms${report.tests ? ` · tests ${report.tests.passed}/${report.tests.ran} passed` : ''}`, '');
  const graph = blastGraph(report.diagnostics);
  if (graph) out.push('### Blast radius', '', '```mermaid', graph, '```', '');
  return out.join('\n');
}

/** A Mermaid flowchart: each broken node (red) with an edge from every caller in its blast radius. */
export function blastGraph(diagnostics: readonly PreflightDiagnostic[]): string {
  const ids = new Map<string, string>();
  const id = (key: string): string => {
    let v = ids.get(key);
    if (v === undefined) {
      v = `n${ids.size}`;
      ids.set(key, v);
    }
    return v;
  };
  const lines: string[] = [];
  const edges = new Set<string>();
  const broken = new Set<string>();
  for (const d of diagnostics) {
    if (!d.isg || broken.has(d.isg.key)) continue;
    broken.add(d.isg.key);
    const target = id(d.isg.key);
    lines.push(`  ${target}["${label(d.isg.key)}"]:::broken`);
    for (const caller of d.blast_radius.slice(0, MAX_CALLERS_DRAWN)) {
      const edge = `  ${id(caller)}["${label(caller)}"] --> ${target}`;
      if (!edges.has(edge)) lines.push(edge);
      edges.add(edge);
    }
    const more = d.blast_radius.length - MAX_CALLERS_DRAWN;
    if (more > 0) lines.push(`  ${target}_more(["+${more} more"]) -.-> ${target}`);
  }
  if (lines.length === 0) return '';
  return ['flowchart LR', ...lines, '  classDef broken fill:#fdd,stroke:#c00'].join('\n');
}

/** The fix-mode summary; `why` explains a fallback (fork, read-only token, API error) when there is one. */
export function fixSummary(result: DebugBugJson, why: string | null, reviewUrl: string | null): string {
  const out = [`## rustgate fix: ${result.status}`, ''];
  if (result.errors.length > 0) {
    out.push('| ISG node | code | where |', '|---|---|---|');
    for (const e of result.errors) out.push(`| ${e.isg_key ? `\`${cell(e.isg_key)}\`` : '—'} | ${e.code ?? '—'} | \`${cell(`${e.file}:${e.line}`)}\` |`);
    out.push('');
  }
  if (result.report.root_cause) out.push(`Root cause (${result.report.rating}): ${result.report.root_cause}`, '');
  const c = result.candidate;
  if (c) {
    out.push(`Candidate: ${describeCandidate(c)}`, '');
    if (reviewUrl) out.push(`Posted as a PR review: ${reviewUrl}`, '');
    if (why) out.push(`> [!NOTE]`, `> ${why}`, '', 'The proposed change, to apply by hand (`git apply`):', '', '```diff', withoutFinalNewline(c.diff), '```', '');
    else out.push('<details><summary>The whole proposed change</summary>', '', '```diff', withoutFinalNewline(c.diff), '```', '', '</details>', '');
  } else if (why) {
    out.push(`> [!NOTE]`, `> ${why}`, '');
  }
  return out.join('\n');
}

/**
 * The fix pipeline's KPIs for this run (`stats --json --since <run start>`): a table, the per-pattern counts, and a
 * Mermaid bar chart of candidates tried vs validated per pattern when more than one pattern was tried. `unavailable`
 * says why there are none (the stats call failed): the summary never hides that it could not read them.
 */
export function kpiSummary(stats: StatsJson | null, unavailable: string | null = null): string {
  const out = ['### Fix pipeline KPIs (this run)', ''];
  if (stats === null) {
    out.push(`Not available: ${unavailable ?? 'no statistics'}.`, '');
    return out.join('\n');
  }
  const share = (x: number | null): string => (x === null ? '—' : `${Math.round(x * 1000) / 10} %`);
  const n = (x: number | null, unit = ''): string => (x === null ? '—' : `${Math.round(x)}${unit}`);
  out.push(
    '| KPI | value |',
    '|---|---|',
    `| runs / fixes applied / proposals | ${stats.runs} / ${stats.fixes} / ${stats.proposed} |`,
    `| first-apply correctness | ${share(stats.first_apply_correctness)} |`,
    `| rollback rate | ${share(stats.rollback_rate)} |`,
    `| zero-LLM rate | ${share(stats.zero_llm_rate)} |`,
    `| validation accuracy | ${share(stats.validation_accuracy)} |`,
    `| tokens per fix p50 / p95 | ${n(stats.tokens_per_fix.p50)} / ${n(stats.tokens_per_fix.p95)} |`,
    `| time to a safe fix p50 / p95 | ${n(stats.time_to_safe_fix_ms.p50, ' ms')} / ${n(stats.time_to_safe_fix_ms.p95, ' ms')} |`,
    '',
  );
  const tried = stats.patterns.filter((p) => p.tried > 0 || p.applied > 0);
  if (tried.length > 0) {
    out.push('| pattern | tried | validated | applied | reverted |', '|---|---|---|---|---|');
    for (const p of tried) out.push(`| \`${cell(p.id)}\` | ${p.tried} | ${p.validated} | ${p.applied} | ${p.reverted} |`);
    out.push('');
  }
  if (tried.length > 1) {
    const shown = tried.slice(0, 12);
    const max = Math.max(1, ...shown.map((p) => p.tried));
    out.push(
      '```mermaid',
      'xychart-beta',
      '  title "Candidates per pattern: tried (bars) and validated (line)"',
      `  x-axis [${shown.map((p) => `"${p.id.replace(/"/g, "'")}"`).join(', ')}]`,
      `  y-axis "candidates" 0 --> ${max}`,
      `  bar [${shown.map((p) => p.tried).join(', ')}]`,
      `  line [${shown.map((p) => p.validated).join(', ')}]`,
      '```',
      '',
    );
  }
  return out.join('\n');
}

/** Escapes a value for a Markdown table cell. */
function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}

function blastCell(keys: readonly string[]): string {
  if (keys.length === 0) return '—';
  const shown = keys.slice(0, 5).map((k) => `\`${cell(k)}\``).join('<br>');
  return keys.length > 5 ? `${keys.length}: ${shown}<br>…` : `${keys.length}: ${shown}`;
}

/** Escapes a node key for a quoted Mermaid label. */
function label(key: string): string {
  return key.replace(/"/g, '#quot;').replace(/</g, '#lt;').replace(/>/g, '#gt;');
}
