import { createRequire as __rgCreateRequire } from 'node:module';
const require = __rgCreateRequire(import.meta.url);
import {
  REPORT_FORMATS
} from "./chunk-ZMDLB4TP.js";
import {
  directCallers,
  toContractJson
} from "./chunk-KRZSXWDX.js";
import "./chunk-AMJD2YOB.js";

// src/reporters/paths.ts
function repoRelative(prefix, file) {
  if (file.startsWith("/") || prefix === "") return file;
  return `${prefix.replace(/\/$/, "")}/${file}`;
}

// src/reporters/github.ts
function escapeData(s) {
  return s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeProperty(s) {
  return escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
function annotation(f, prefix) {
  const d = f.diagnostic;
  const cmd = d.level === "error" ? "error" : "warning";
  const props = [];
  if (d.primary && !d.primary.file.startsWith("/")) {
    props.push(`file=${escapeProperty(repoRelative(prefix, d.primary.file))}`);
    props.push(`line=${d.primary.lineStart}`, `col=${d.primary.columnStart}`);
    if (d.primary.lineEnd >= d.primary.lineStart) props.push(`endLine=${d.primary.lineEnd}`);
    if (d.primary.lineEnd === d.primary.lineStart && d.primary.columnEnd > d.primary.columnStart) props.push(`endColumn=${d.primary.columnEnd}`);
  }
  const what = d.code ?? (d.level === "error" ? "error" : "warning");
  props.push(`title=${escapeProperty(f.isg ? `${what} in ${f.isg.key}` : what)}`);
  let message = d.message;
  if (f.blastRadius.length > 0) message += `
${f.blastRadius.length} dependent item(s) in the blast radius: ${f.blastRadius.slice(0, 10).map((h) => h.key).join(", ")}`;
  return `::${cmd} ${props.join(",")}::${escapeData(message)}`;
}
function renderGithub(report) {
  return report.findings.map((f) => annotation(f, report.workspacePrefix)).join("\n");
}

// src/reporters/json.ts
function renderJson(report) {
  return JSON.stringify(toContractJson(report), null, 2);
}

// src/reporters/pretty.ts
var APPLICABILITY_RANK = { MachineApplicable: 0, MaybeIncorrect: 1, Unspecified: 2, HasPlaceholders: 3 };
function seconds(ms) {
  return `${(ms / 1e3).toFixed(ms < 1e4 ? 2 : 1)} s`;
}
function plural(n, word) {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
function where(f) {
  const p = f.diagnostic.primary;
  if (f.isg) return `in ${f.isg.kind} ${f.isg.name} (${f.isg.file}:${f.isg.startLine})`;
  return p ? `in ${p.file}` : "";
}
function reach(f) {
  if (f.blastRadius.length === 0) return "";
  const callers = directCallers(f.blastRadius);
  const parts = [];
  if (callers > 0) parts.push(plural(callers, "caller"));
  if (f.blastRadius.length > callers) parts.push(`${f.blastRadius.length} in blast radius`);
  return ` \u2014 ${parts.join(", ")}`;
}
function groupByNode(findings) {
  const groups = /* @__PURE__ */ new Map();
  for (const f of findings) {
    const id = f.isg?.key ?? `file:${f.diagnostic.primary?.file ?? ""}`;
    const g = groups.get(id);
    if (g) g.push(f);
    else groups.set(id, [f]);
  }
  return [...groups.values()];
}
function renderFinding(f) {
  const d = f.diagnostic;
  const head = `${d.level}${d.code ? `[${d.code}]` : ""}`;
  const lines = [`${head} ${where(f)}${reach(f)}`.trimEnd()];
  const msg = d.message.split("\n");
  lines.push(...msg.map((l) => `  ${l}`));
  if (d.primary) lines.push(`  --> ${d.primary.file}:${d.primary.lineStart}:${d.primary.columnStart}`);
  const ranked = [...d.suggestions].sort((a, b) => APPLICABILITY_RANK[a.applicability] - APPLICABILITY_RANK[b.applicability]);
  for (const s of ranked.slice(0, 2)) {
    const edit = s.edits[0];
    if (edit) lines.push(`  help: ${s.message}${edit.replacement.trim() ? `: \`${edit.replacement.trim()}\`` : ""}`);
  }
  if (f.blastRadius.length > 0) {
    const shown = f.blastRadius.slice(0, 5).map((h) => h.key);
    const more = f.blastRadius.length - shown.length;
    lines.push(`  affects: ${shown.join(", ")}${more > 0 ? `, \u2026 (+${more})` : ""}`);
  }
  return lines;
}
function debugBugCanHelp(report) {
  if (report.tests !== null && report.tests.failed > 0) return true;
  return report.findings.some((f) => f.diagnostic.level === "error" && f.diagnostic.primary !== null && f.diagnostic.primary.file.endsWith(".rs") && (f.diagnostic.code !== null || f.diagnostic.source !== "rustc" || !f.diagnostic.message.startsWith("cargo check failed")));
}
function renderPretty(report) {
  const out = [];
  const scope = report.scope === "diff" ? `--diff ${report.range ?? ""}` : `--${report.scope}`;
  const outside = report.outsideFiles.length;
  const files = outside === 0 ? plural(report.changedFiles.length, "changed file") : `${plural(report.changedFiles.length, "changed file")} in ${report.workspacePrefix}/ (+${outside} outside it, not checked)`;
  if (report.skipped) {
    out.push(`rustgate preflight ${scope}: ${files}, none can affect cargo check \u2014 skipped.`);
    out.push(`ok in ${seconds(report.ms.total)}`);
    return out.join("\n");
  }
  const errors = report.findings.filter((f) => f.diagnostic.level === "error");
  const warnings = report.findings.filter((f) => f.diagnostic.level !== "error");
  const extent = report.mode === null ? "" : report.checkedPackages === null ? " (whole workspace" : ` (${plural(report.checkedPackages.length, "package")}`;
  const how = report.mode === "in_place" ? ", in place)" : report.mode === "shadow" ? ", in the shadow copy)" : "";
  out.push(`rustgate preflight ${scope}: ${files}, ${plural(errors.length, "error")}, ${plural(warnings.length, "warning")}${extent}${how}`);
  for (const part of [errors, warnings]) {
    for (const group of groupByNode(part)) {
      out.push("");
      for (const f of group) out.push(...renderFinding(f));
    }
  }
  if (report.uncheckedFiles.length > 0) {
    const n = report.uncheckedFiles.length;
    out.push("", `${plural(n, "changed file")} in no checked crate: ${report.uncheckedFiles.join(", ")} \u2014 not checked`);
  }
  if (outside > 0) {
    const shown = report.outsideFiles.slice(0, 5).join(", ") + (outside > 5 ? `, \u2026 (${outside - 5} more)` : "");
    out.push("", `${plural(outside, "changed file")} outside the workspace ${report.workspacePrefix}/: ${shown} \u2014 not checked`);
  }
  for (const w of report.warnings) out.push("", `note: ${w}`);
  if (report.tests) {
    const t = report.tests;
    const selected = t.selected !== void 0 ? `${t.selected} selected, ` : "";
    out.push("", `tests: ${selected}${t.passed}/${t.ran} passed, ${t.failed} failed${t.complete === false ? " (incomplete: not a pass)" : ""}`);
  }
  out.push("");
  if (!report.ok && debugBugCanHelp(report)) out.push("hint: run `rustgate debug-bug` for a validated fix");
  out.push(`${report.ok ? "ok" : "failed"} in ${seconds(report.ms.total)} (cargo ${seconds(report.ms.cargo)})`);
  return out.join("\n");
}

// src/reporters/sarif.ts
import { createHash } from "node:crypto";
var TOOL_VERSION = "0.1.0";
function ruleId(f) {
  return f.diagnostic.code ?? (f.diagnostic.level === "error" ? "rustc-error" : "rustc-warning");
}
function helpUri(code) {
  return /^E\d{4}$/.test(code) ? `https://doc.rust-lang.org/error_codes/${code}.html` : void 0;
}
function toUri(p) {
  return p.split("/").map(encodeURIComponent).join("/");
}
function fingerprint(f, file) {
  const anchor = f.isg?.key ?? String(f.diagnostic.primary?.lineStart ?? 0);
  return createHash("sha256").update(`${ruleId(f)}\0${file}\0${anchor}\0${f.diagnostic.message}`).digest("hex").slice(0, 32);
}
var LOGICAL_KIND = { fn: "function", method: "member", struct: "type", enum: "type", union: "type", trait: "type", type: "type", impl: "type", mod: "module", const: "variable", static: "variable", macro: "function" };
function toSarif(report) {
  const rules = [];
  const ruleIndex = /* @__PURE__ */ new Map();
  for (const f of report.findings) {
    const id = ruleId(f);
    if (ruleIndex.has(id)) continue;
    ruleIndex.set(id, rules.length);
    const uri = helpUri(id);
    rules.push({
      id,
      name: id,
      shortDescription: { text: f.diagnostic.code ? `rustc ${f.diagnostic.code}` : `rustc ${f.diagnostic.level}` },
      ...uri ? { helpUri: uri } : {},
      defaultConfiguration: { level: f.diagnostic.level === "error" ? "error" : "warning" }
    });
  }
  const results = report.findings.map((f) => {
    const d = f.diagnostic;
    const id = ruleId(f);
    const file = d.primary && !d.primary.file.startsWith("/") ? repoRelative(report.workspacePrefix, d.primary.file) : null;
    const location = {};
    if (d.primary && file !== null) {
      location.physicalLocation = {
        artifactLocation: { uri: toUri(file), uriBaseId: "%SRCROOT%" },
        region: {
          startLine: d.primary.lineStart,
          startColumn: d.primary.columnStart,
          endLine: d.primary.lineEnd,
          ...d.primary.columnEnd > 0 ? { endColumn: d.primary.columnEnd } : {}
        }
      };
    }
    if (f.isg) location.logicalLocations = [{ fullyQualifiedName: f.isg.key, name: f.isg.name, kind: LOGICAL_KIND[f.isg.kind] ?? "declaration" }];
    return {
      ruleId: id,
      ruleIndex: ruleIndex.get(id) ?? 0,
      level: d.level === "error" ? "error" : "warning",
      message: { text: d.message },
      ...Object.keys(location).length > 0 ? { locations: [location] } : {},
      partialFingerprints: { "rustgate/v1": fingerprint(f, file ?? "") },
      properties: {
        isgKey: f.isg?.key ?? null,
        isgKind: f.isg?.kind ?? null,
        blastRadius: f.blastRadius.map((h) => h.key)
      }
    };
  });
  return {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: { driver: { name: "rustgate", version: TOOL_VERSION, rules } },
        automationDetails: { id: `rustgate/preflight/${report.scope}/` },
        results,
        properties: { scope: report.scope, ok: report.ok, changedFiles: report.changedFiles.map((c) => repoRelative(report.workspacePrefix, c.path)) }
      }
    ]
  };
}
function renderSarif(report) {
  return JSON.stringify(toSarif(report), null, 2);
}

// src/reporters/index.ts
function renderReport(report, format) {
  switch (format) {
    case "json":
      return renderJson(report);
    case "sarif":
      return renderSarif(report);
    case "github":
      return renderGithub(report);
    case "pretty":
      return renderPretty(report);
  }
}
export {
  REPORT_FORMATS,
  renderReport
};
