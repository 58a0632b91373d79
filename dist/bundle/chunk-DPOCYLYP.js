import { createRequire as __rgCreateRequire } from 'node:module';
const require = __rgCreateRequire(import.meta.url);
import {
  printJson
} from "./chunk-XT5B7XE7.js";
import {
  ExitCode
} from "./chunk-LM6P7DGY.js";

// src/cli/commands/debug-bug.ts
import { createInterface } from "node:readline/promises";
async function defaultOpenStore(repo, onWarning = () => void 0) {
  const [{ checkWorkspaceDir }, { rustgatePaths }] = await Promise.all([import("./chunk-ACIX5YCK.js"), import("./chunk-R4NFFRP4.js")]);
  let root;
  try {
    root = checkWorkspaceDir(repo);
  } catch {
    return null;
  }
  const { openBuiltStore } = await import("./chunk-O3GJTAXS.js");
  try {
    return await openBuiltStore(root, rustgatePaths(root).store, { onWarning });
  } catch (e) {
    onWarning(`ISG not available, errors have no isg_key: ${e instanceof Error ? e.message : String(e)}`);
    return null;
  }
}
function renderDebugBugText(r) {
  const lines = [`debug-bug: ${r.status} (rating ${r.report.rating})`, `root cause: ${r.report.root_cause}`];
  for (const a of r.report.anti_patterns) lines.push(`  ${a.severity} ${a.pattern_id}${a.source === "vector" ? " (vector)" : ""} at ${a.file}:${a.line}: ${a.message}`);
  for (const e of r.errors) lines.push(`  error ${e.code ?? "-"} at ${e.file ?? "?"}:${e.line ?? "?"}${e.isg_key ? ` [${e.isg_key}]` : ""}`);
  if (r.candidate) {
    lines.push(`candidate: ${r.candidate.description}`);
    lines.push(`  pattern ${r.candidate.pattern_id ?? "-"}, confidence ${r.candidate.confidence.toFixed(2)}, ${r.candidate.validation_status}, zero-LLM ${String(r.candidate.zero_llm)}`);
    lines.push(r.candidate.diff.trimEnd());
  }
  if (r.errors_fixed.length > 0 && r.errors_remaining.length > 0) {
    for (const e of r.errors_fixed) lines.push(`  fixed ${e.code ?? "-"} at ${e.file ?? "?"}:${e.line ?? "?"}${e.isg_key ? ` [${e.isg_key}]` : ""}`);
    for (const e of r.errors_remaining) lines.push(`  remains ${e.code ?? "-"} at ${e.file ?? "?"}:${e.line ?? "?"}${e.isg_key ? ` [${e.isg_key}]` : ""}`);
  }
  for (const a of r.amber_reasons ?? []) lines.push(`  amber: ${a}`);
  if (r.applied_commit) lines.push(`applied in commit ${r.applied_commit}`);
  if (r.not_applied_reason) lines.push(`not applied: ${r.not_applied_reason}`);
  return lines.join("\n");
}
async function askOnTerminal(report, io) {
  io.err(renderDebugBugText(report));
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await rl.question("Apply this fix? [y/N] ");
    return /^y(es)?$/i.test(answer.trim());
  } finally {
    rl.close();
  }
}
function registerDebugBug(program, io, setExit, deps = {}) {
  program.command("debug-bug").description("Find a validated fix for the current compile errors of the working tree; apply it with --apply").option("--investigate", "only report: never apply").option("--apply", "apply a validated fix and make one git commit").option("--json", "print the report as JSON").option("--llm <mode>", "model to use for candidates: none|local|openai", "none").option("--model <path|id>", "with --llm local: a GGUF file or a models.yaml id; with --llm openai: the model name", process.env.RUSTGATE_MODEL).option("--mode <mode>", "resources: standard|low-mem|offline (default: fix.mode in rustgate.yaml, else standard)").option("--fallback-model <path|id>", "with --llm: a larger GGUF asked once per error when the first answer is unsure").option("--test <name>", "also require this test (cargo test filter) to pass").option("--tests", "also require the workspace's tests to pass").option("--repo <dir>", "the workspace root (directory with the root Cargo.toml)", ".").action(async (flags) => {
    const { runDebugBug, loadPatternSources } = await import("./chunk-3MCZKGXY.js");
    const isgWarnings = [];
    const store = await (deps.openStore ?? ((repo) => defaultOpenStore(repo, (m) => isgWarnings.push(m))))(flags.repo);
    try {
      const sources = deps.sources ? await deps.sources(flags.repo) : await loadPatternSources();
      const canAsk = io.interactive && Boolean(process.stdin.isTTY) && !flags.json && !flags.investigate && !flags.apply;
      const confirm = deps.confirm ?? (canAsk ? (r) => askOnTerminal(r, io) : void 0);
      const report = await runDebugBug({
        repo: flags.repo,
        investigate: Boolean(flags.investigate),
        apply: Boolean(flags.apply),
        llm: flags.llm,
        ...flags.model ? { model: flags.model } : {},
        ...flags.mode ? { mode: flags.mode } : {},
        ...flags.fallbackModel ? { fallbackModel: flags.fallbackModel } : {},
        test: flags.test ?? null,
        tests: Boolean(flags.tests),
        sources,
        store,
        ...confirm ? { confirm } : {}
      });
      report.warnings.unshift(...isgWarnings);
      for (const w of report.warnings) io.err(`warning: ${w}`);
      if (flags.json) {
        printJson(io, report);
      } else io.out(renderDebugBugText(report));
      const unapplied = Boolean(flags.apply) && report.status === "proposed";
      setExit(report.status === "no_safe_fix" || unapplied ? ExitCode.Findings : ExitCode.Ok);
    } finally {
      await store?.close();
    }
  });
}

export {
  defaultOpenStore,
  renderDebugBugText,
  registerDebugBug
};
