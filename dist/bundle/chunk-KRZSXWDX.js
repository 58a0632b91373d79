import { createRequire as __rgCreateRequire } from 'node:module';
const require = __rgCreateRequire(import.meta.url);

// src/core/preflight/blast.ts
var BLAST_RELS = ["CALLS", "USES", "IMPLEMENTS", "REQUIRES_BOUND"];
var BLAST_CAP = 30;
async function blastRadius(graph, key, cap = BLAST_CAP) {
  const hops = await graph.twoHop(key, BLAST_RELS, cap, "in");
  return hops.filter((h) => h.key !== key);
}
function directCallers(radius) {
  return radius.filter((h) => h.hop === 1 && h.via === "CALLS").length;
}

// src/core/preflight/report.ts
function isSummaryNoise(d) {
  if (d.primary !== null || d.spans.length > 0) return false;
  return /^aborting due to\b/.test(d.message) || /^\d+ warnings? emitted\b/.test(d.message) || /warnings? emitted$/.test(d.message);
}
function selectDiagnostics(diags) {
  const kept = diags.filter((d) => (d.level === "error" || d.level === "warning") && !isSummaryNoise(d));
  const rank = (d) => d.level === "error" ? 0 : 1;
  return kept.map((d, i) => ({ d, i })).sort((a, b) => {
    const r = rank(a.d) - rank(b.d);
    if (r !== 0) return r;
    const fa = a.d.primary?.file ?? "\uFFFF";
    const fb = b.d.primary?.file ?? "\uFFFF";
    if (fa !== fb) return fa < fb ? -1 : 1;
    const la = a.d.primary?.lineStart ?? 0;
    const lb = b.d.primary?.lineStart ?? 0;
    if (la !== lb) return la - lb;
    const ca = a.d.primary?.columnStart ?? 0;
    const cb = b.d.primary?.columnStart ?? 0;
    return ca !== cb ? ca - cb : a.i - b.i;
  }).map((x) => x.d);
}
async function mapFindings(diags, graph, cap = BLAST_CAP) {
  const out = [];
  for (const diagnostic of diags) {
    const p = diagnostic.primary;
    if (graph === null || p === null || p.file.startsWith("/")) {
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
      blastRadius: await blastRadius(graph, node.key, cap)
    });
  }
  return out;
}
function hasErrors(findings) {
  return findings.some((f) => f.diagnostic.level === "error");
}
function toContractDiagnostic(f) {
  return {
    level: f.diagnostic.level === "error" ? "error" : "warning",
    code: f.diagnostic.code,
    message: f.diagnostic.message,
    file: f.diagnostic.primary?.file ?? null,
    line: f.diagnostic.primary?.lineStart ?? null,
    column: f.diagnostic.primary?.columnStart ?? null,
    isg: f.isg ? { key: f.isg.key, kind: f.isg.kind, name: f.isg.name } : null,
    blast_radius: f.blastRadius.map((h) => h.key)
  };
}
function toContractJson(r) {
  return {
    ok: r.ok,
    scope: r.scope,
    changed_files: r.changedFiles.map((f) => f.path),
    diagnostics: r.findings.map(toContractDiagnostic),
    tests: r.tests,
    ms: { total: Math.round(r.ms.total), cargo: Math.round(r.ms.cargo) },
    skipped: r.skipped,
    changes: r.changedFiles.map((f) => f.oldPath === void 0 ? { path: f.path, status: f.status } : { path: f.path, status: f.status, old_path: f.oldPath }),
    warnings: r.warnings,
    mode: r.mode,
    packages: r.checkedPackages,
    unchecked_files: r.uncheckedFiles,
    outside_files: r.outsideFiles
  };
}

export {
  directCallers,
  isSummaryNoise,
  selectDiagnostics,
  mapFindings,
  hasErrors,
  toContractDiagnostic,
  toContractJson
};
