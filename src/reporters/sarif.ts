/** `--format sarif`: SARIF 2.1.0 for GitHub code scanning (rules = rustc codes, ISG key in result properties). */
import { createHash } from 'node:crypto';
import type { PreflightFinding, PreflightReport } from '../core/preflight/types.js';
import { repoRelative } from './paths.js';

const TOOL_VERSION = '0.1.0';

/** Rule id of a finding: rustc's code (E0277, unused_variables) or a generic id. */
function ruleId(f: PreflightFinding): string {
  return f.diagnostic.code ?? (f.diagnostic.level === 'error' ? 'rustc-error' : 'rustc-warning');
}

function helpUri(code: string): string | undefined {
  return /^E\d{4}$/.test(code) ? `https://doc.rust-lang.org/error_codes/${code}.html` : undefined;
}

/** Percent-encodes each path segment so the URI is a valid relative reference. */
function toUri(p: string): string {
  return p.split('/').map(encodeURIComponent).join('/');
}

/** Stable across line shifts: rule, file, ISG key (or line when unmapped) and message. */
function fingerprint(f: PreflightFinding, file: string): string {
  const anchor = f.isg?.key ?? String(f.diagnostic.primary?.lineStart ?? 0);
  return createHash('sha256').update(`${ruleId(f)}\0${file}\0${anchor}\0${f.diagnostic.message}`).digest('hex').slice(0, 32);
}

const LOGICAL_KIND: Record<string, string> = { fn: 'function', method: 'member', struct: 'type', enum: 'type', union: 'type', trait: 'type', type: 'type', impl: 'type', mod: 'module', const: 'variable', static: 'variable', macro: 'function' };

/** Renders the report as a SARIF 2.1.0 log object. */
export function toSarif(report: PreflightReport): Record<string, unknown> {
  const rules: Array<Record<string, unknown>> = [];
  const ruleIndex = new Map<string, number>();
  for (const f of report.findings) {
    const id = ruleId(f);
    if (ruleIndex.has(id)) continue;
    ruleIndex.set(id, rules.length);
    const uri = helpUri(id);
    rules.push({
      id,
      name: id,
      shortDescription: { text: f.diagnostic.code ? `rustc ${f.diagnostic.code}` : `rustc ${f.diagnostic.level}` },
      ...(uri ? { helpUri: uri } : {}),
      defaultConfiguration: { level: f.diagnostic.level === 'error' ? 'error' : 'warning' },
    });
  }
  const results = report.findings.map((f) => {
    const d = f.diagnostic;
    const id = ruleId(f);
    const file = d.primary && !d.primary.file.startsWith('/') ? repoRelative(report.workspacePrefix, d.primary.file) : null;
    const location: Record<string, unknown> = {};
    if (d.primary && file !== null) {
      location.physicalLocation = {
        artifactLocation: { uri: toUri(file), uriBaseId: '%SRCROOT%' },
        region: {
          startLine: d.primary.lineStart,
          startColumn: d.primary.columnStart,
          endLine: d.primary.lineEnd,
          ...(d.primary.columnEnd > 0 ? { endColumn: d.primary.columnEnd } : {}),
        },
      };
    }
    if (f.isg) location.logicalLocations = [{ fullyQualifiedName: f.isg.key, name: f.isg.name, kind: LOGICAL_KIND[f.isg.kind] ?? 'declaration' }];
    return {
      ruleId: id,
      ruleIndex: ruleIndex.get(id) ?? 0,
      level: d.level === 'error' ? 'error' : 'warning',
      message: { text: d.message },
      ...(Object.keys(location).length > 0 ? { locations: [location] } : {}),
      partialFingerprints: { 'rustgate/v1': fingerprint(f, file ?? '') },
      properties: {
        isgKey: f.isg?.key ?? null,
        isgKind: f.isg?.kind ?? null,
        blastRadius: f.blastRadius.map((h) => h.key),
      },
    };
  });
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'rustgate', version: TOOL_VERSION, rules } },
        automationDetails: { id: `rustgate/preflight/${report.scope}/` },
        results,
        properties: { scope: report.scope, ok: report.ok, changedFiles: report.changedFiles.map((c) => repoRelative(report.workspacePrefix, c.path)) },
      },
    ],
  };
}

/** SARIF text. */
export function renderSarif(report: PreflightReport): string {
  return JSON.stringify(toSarif(report), null, 2);
}
