/** Builds the PreFlight report from cargo's diagnostics and the ISG, and converts it to the contract JSON. */
import type { Diagnostic } from '../diagnostics/types.js';
import type { GraphQuery } from '../isg/query.js';
import { blastRadius, BLAST_CAP } from './blast.js';
import type { ChangedFile, PreflightFinding, PreflightReport, TestSummary } from './types.js';

/** rustc's closing summaries ("aborting due to 1 previous error", "2 warnings emitted") are not findings. */
export function isSummaryNoise(d: Diagnostic): boolean {
  if (d.primary !== null || d.spans.length > 0) return false;
  return /^aborting due to\b/.test(d.message) || /^\d+ warnings? emitted\b/.test(d.message) || /warnings? emitted$/.test(d.message);
}

/** Keeps errors and warnings that are real findings, errors first, then by file and position. */
export function selectDiagnostics(diags: readonly Diagnostic[]): Diagnostic[] {
  const kept = diags.filter((d) => (d.level === 'error' || d.level === 'warning') && !isSummaryNoise(d));
  const rank = (d: Diagnostic): number => (d.level === 'error' ? 0 : 1);
  return kept
    .map((d, i) => ({ d, i }))
    .sort((a, b) => {
      const r = rank(a.d) - rank(b.d);
      if (r !== 0) return r;
      const fa = a.d.primary?.file ?? '\uffff';
      const fb = b.d.primary?.file ?? '\uffff';
      if (fa !== fb) return fa < fb ? -1 : 1;
      const la = a.d.primary?.lineStart ?? 0;
      const lb = b.d.primary?.lineStart ?? 0;
      if (la !== lb) return la - lb;
      const ca = a.d.primary?.columnStart ?? 0;
      const cb = b.d.primary?.columnStart ?? 0;
      return ca !== cb ? ca - cb : a.i - b.i;
    })
    .map((x) => x.d);
}

/** Maps each diagnostic's primary span to the innermost ISG node and computes its blast radius. */
export async function mapFindings(diags: readonly Diagnostic[], graph: GraphQuery | null, cap: number = BLAST_CAP): Promise<PreflightFinding[]> {
  const out: PreflightFinding[] = [];
  for (const diagnostic of diags) {
    const p = diagnostic.primary;
    if (graph === null || p === null || p.file.startsWith('/')) {
      out.push({ diagnostic, isg: null, blastRadius: [] });
      continue;
    }
    const node = await graph.nodeAt(p.file, p.lineStart);
    if (!node) {
      out.push({ diagnostic, isg: null, blastRadius: [] });
      continue;
    }
    out.push({
      diagnostic,
      isg: { key: node.key, kind: node.kind, name: node.name, file: node.file, startLine: node.span.startLine },
      blastRadius: await blastRadius(graph, node.key, cap),
    });
  }
  return out;
}

/** True when at least one finding is an error (the gate fails). */
export function hasErrors(findings: readonly PreflightFinding[]): boolean {
  return findings.some((f) => f.diagnostic.level === 'error');
}

/** The `diagnostics[]` entry of the contract JSON. */
export interface ContractDiagnostic {
  level: 'error' | 'warning';
  code: string | null;
  message: string;
  file: string | null;
  line: number | null;
  column: number | null;
  isg: { key: string; kind: string; name: string } | null;
  blast_radius: string[];
}

/** `preflight --format json` (CONTRACT.md); the extra fields (`skipped`, `changes`, `warnings`, `mode`, `packages`, `unchecked_files`, `outside_files`) are additions. */
export interface ContractReport {
  ok: boolean;
  scope: PreflightReport['scope'];
  changed_files: string[];
  diagnostics: ContractDiagnostic[];
  tests: TestSummary | null;
  ms: { total: number; cargo: number };
  skipped: boolean;
  changes: Array<{ path: string; status: ChangedFile['status']; old_path?: string }>;
  warnings: string[];
  mode: PreflightReport['mode'];
  /** `-p` packages, or null for the whole workspace. */
  packages: string[] | null;
  unchecked_files: string[];
  /** Changed files outside a subdirectory workspace (repository-relative) that nothing checked. */
  outside_files: string[];
}

/** One finding in the contract's diagnostic shape (shared by preflight and validate-fix). */
export function toContractDiagnostic(f: PreflightFinding): ContractDiagnostic {
  return {
    level: f.diagnostic.level === 'error' ? 'error' : 'warning',
    code: f.diagnostic.code,
    message: f.diagnostic.message,
    file: f.diagnostic.primary?.file ?? null,
    line: f.diagnostic.primary?.lineStart ?? null,
    column: f.diagnostic.primary?.columnStart ?? null,
    isg: f.isg ? { key: f.isg.key, kind: f.isg.kind, name: f.isg.name } : null,
    blast_radius: f.blastRadius.map((h) => h.key),
  };
}

/** Converts a report to the contract JSON object. */
export function toContractJson(r: PreflightReport): ContractReport {
  return {
    ok: r.ok,
    scope: r.scope,
    changed_files: r.changedFiles.map((f) => f.path),
    diagnostics: r.findings.map(toContractDiagnostic),
    tests: r.tests,
    ms: { total: Math.round(r.ms.total), cargo: Math.round(r.ms.cargo) },
    skipped: r.skipped,
    changes: r.changedFiles.map((f) => (f.oldPath === undefined ? { path: f.path, status: f.status } : { path: f.path, status: f.status, old_path: f.oldPath })),
    warnings: r.warnings,
    mode: r.mode,
    packages: r.checkedPackages,
    unchecked_files: r.uncheckedFiles,
    outside_files: r.outsideFiles,
  };
}
