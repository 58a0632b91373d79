import { createRequire as __rgCreateRequire } from 'node:module';
const require = __rgCreateRequire(import.meta.url);
import {
  git
} from "./chunk-YS7A56PW.js";
import "./chunk-LM6P7DGY.js";
import "./chunk-AMJD2YOB.js";

// src/app/fix/gate.ts
async function suggestGateFix(report, opts) {
  if (report.ok || report.scope !== "staged") return null;
  const t0 = Date.now();
  const [{ openConfig }, { fixSettings }] = await Promise.all([import("./chunk-WTBKKSNF.js"), import("./chunk-QSICRLVG.js")]);
  const { openWorkspace } = await import("./chunk-KUPYJRBH.js");
  const ws = await openWorkspace(opts.repo);
  const seconds = fixSettings(await openConfig(ws.workspace)).gateSeconds;
  if (seconds <= 0) return null;
  const skip = (reason) => ({ status: "skipped", reason, pattern_id: null, confidence: null, rating: null, diff: null, command: null, ms: Date.now() - t0 });
  const dirty = await git(ws.workspace, ["diff-files", "--name-only", "-z"]);
  if (dirty.exitCode !== 0) return skip("git diff-files failed");
  const unstaged = dirty.stdout.split("\0").filter((f) => f !== "");
  if (unstaged.length > 0) return skip(`unstaged changes in ${unstaged.slice(0, 3).join(", ")}${unstaged.length > 3 ? ", \u2026" : ""}: stage them or run \`rustgate debug-bug\``);
  const { runDebugBug, loadPatternSources } = await import("./chunk-3MCZKGXY.js");
  const r = await runDebugBug({ repo: ws.workspace, investigate: true, llm: "none", sources: await loadPatternSources(), timeBudgetMs: seconds * 1e3, maxRounds: 3 });
  const c = r.candidate;
  if (r.status !== "proposed" || !c) return { ...skip(r.report.root_cause), status: "no_safe_fix" };
  return {
    status: "proposed",
    reason: r.not_applied_reason ?? (r.amber_reasons && r.amber_reasons.length > 0 ? `amber: ${r.amber_reasons.join("; ")}` : null),
    pattern_id: c.pattern_id,
    confidence: c.confidence,
    rating: r.report.rating,
    diff: c.diff,
    command: `rustgate debug-bug --apply${ws.prefix ? ` --repo ${ws.workspace}` : ""}`,
    ms: Date.now() - t0
  };
}
function renderGateFix(f) {
  if (f.status !== "proposed") return `rustgate: no validated fix${f.reason ? ` (${f.reason})` : ""}`;
  const lines = [`rustgate: validated fix (pattern ${f.pattern_id ?? "-"}, confidence ${(f.confidence ?? 0).toFixed(2)}, ${f.rating ?? "red"})`, (f.diff ?? "").trimEnd()];
  if (f.reason) lines.push(`note: ${f.reason}`);
  lines.push(`apply it with: ${f.command ?? "rustgate debug-bug --apply"}`);
  return lines.join("\n");
}
export {
  renderGateFix,
  suggestGateFix
};
