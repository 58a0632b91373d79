/** `--format github`: GitHub Actions workflow-command annotations (`::error file=…,line=…::message`). */
import type { PreflightFinding, PreflightReport } from '../core/preflight/types.js';
import { repoRelative } from './paths.js';

/** Escapes a workflow-command message: `%`, CR and LF. */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a workflow-command property value: as data, plus `:` and `,`. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function annotation(f: PreflightFinding, prefix: string): string {
  const d = f.diagnostic;
  const cmd = d.level === 'error' ? 'error' : 'warning';
  const props: string[] = [];
  if (d.primary && !d.primary.file.startsWith('/')) {
    props.push(`file=${escapeProperty(repoRelative(prefix, d.primary.file))}`);
    props.push(`line=${d.primary.lineStart}`, `col=${d.primary.columnStart}`);
    if (d.primary.lineEnd >= d.primary.lineStart) props.push(`endLine=${d.primary.lineEnd}`);
    if (d.primary.lineEnd === d.primary.lineStart && d.primary.columnEnd > d.primary.columnStart) props.push(`endColumn=${d.primary.columnEnd}`);
  }
  const what = d.code ?? (d.level === 'error' ? 'error' : 'warning');
  props.push(`title=${escapeProperty(f.isg ? `${what} in ${f.isg.key}` : what)}`);
  let message = d.message;
  if (f.blastRadius.length > 0) message += `\n${f.blastRadius.length} dependent item(s) in the blast radius: ${f.blastRadius.slice(0, 10).map((h) => h.key).join(', ')}`;
  return `::${cmd} ${props.join(',')}::${escapeData(message)}`;
}

/** Renders one annotation per finding (empty output when there is none). */
export function renderGithub(report: PreflightReport): string {
  return report.findings.map((f) => annotation(f, report.workspacePrefix)).join('\n');
}
