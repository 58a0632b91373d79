import { createRequire as __rgCreateRequire } from 'node:module';
const require = __rgCreateRequire(import.meta.url);
import {
  REPORT_FORMATS
} from "./chunk-ZMDLB4TP.js";
import {
  ExitCode,
  RustgateError
} from "./chunk-LM6P7DGY.js";

// src/cli/commands/preflight.ts
var collect = (value, prev) => [...prev, ...value.split(",").map((v) => v.trim()).filter(Boolean)];
function scopeOf(flags) {
  const chosen = [flags.staged ? "staged" : null, flags.diff !== void 0 ? "diff" : null, flags.worktree ? "worktree" : null].filter((x) => x !== null);
  if (chosen.length > 1) throw new RustgateError("BAD_FLAG", `choose one of --staged, --diff, --worktree (got ${chosen.map((c) => `--${c}`).join(" and ")})`, "run rustgate preflight --help");
  if (flags.diff !== void 0) return { scope: "diff", range: flags.diff };
  return { scope: flags.worktree ? "worktree" : "staged" };
}
async function preflightReport(flags, io, seams = {}) {
  const { scope, range } = scopeOf(flags);
  flags.package = [.../* @__PURE__ */ new Set([...flags.package ?? [], ...flags.packages ?? []])];
  const extensions = seams.extensions ? await seams.extensions(flags) : [];
  const { runPreflight } = await import("./chunk-KUPYJRBH.js");
  const packages = flags.package ?? [];
  return runPreflight({
    repo: flags.repo,
    scope,
    ...range !== void 0 ? { range } : {},
    ...flags.features && flags.features.length > 0 ? { features: flags.features } : {},
    ...flags.allFeatures ? { allFeatures: true } : {},
    ...packages.length > 0 ? { packages } : {},
    ...flags.workspace ? { wholeWorkspace: true } : {},
    ...flags.shadow ? { forceShadow: true } : {},
    ...flags.targets !== void 0 && flags.targets !== "all" ? { targets: flags.targets } : {},
    extensions,
    ...io.interactive ? { onProgress: (stage) => io.err(`rustgate: ${stage}\u2026`) } : {},
    onWait: (holder) => io.err(`waiting for another rustgate run (pid ${holder.pid})\u2026`)
  });
}
function registerPreflight(program, io, setExit, seams = {}) {
  const cmd = program.command("preflight").description("Check exactly the staged content (or a commit range, or the working tree) with cargo check: in place when it is the working tree, otherwise in a private copy; only the affected packages").option("--staged", "check the git index (default)").option("--diff <range>", "check the HEAD side of BASE..HEAD").option("--worktree", "check the working tree (tracked and untracked, non-ignored files)").option("--format <format>", `output format: ${REPORT_FORMATS.join("|")}`, "pretty").option("--features <list>", "cargo features to enable (comma-separated, repeatable)", collect, []).option("--all-features", "enable all cargo features").option("--package <name>", "check only this package (repeatable)", collect, []).option("--packages <list>", "check exactly these packages (comma-separated), e.g. a shard from `rustgate affected`", collect, []).option("--workspace", "check the whole workspace, not only the packages affected by the change").option("--shadow", "check in the private copy even when the staged content is the working tree").option("--hook", "run as a git hook (rust-analyzer overlay off unless --rust-analyzer is given)").option("--repo <dir>", "the workspace root (directory with the root Cargo.toml)", ".");
  seams.addOptions?.(cmd);
  cmd.action(async (flags) => {
    if (!REPORT_FORMATS.includes(flags.format)) {
      throw new RustgateError("BAD_FLAG", `unknown --format '${flags.format}'`, `use one of ${REPORT_FORMATS.join(", ")}`);
    }
    const report = await preflightReport(flags, io, seams);
    const { renderReport } = await import("./chunk-BKSHMJLN.js");
    const text = renderReport(report, flags.format);
    if (text !== "") io.out(text);
    if (!report.ok && flags.format === "pretty") {
      const { suggestGateFix, renderGateFix } = await import("./chunk-BITNSVRJ.js");
      const fix = await suggestGateFix(report, { repo: flags.repo }).catch((e) => ({ status: "skipped", reason: e instanceof Error ? e.message : String(e), pattern_id: null, confidence: null, rating: null, diff: null, command: null, ms: 0 }));
      if (fix) io.err(renderGateFix(fix));
    }
    setExit(report.ok ? ExitCode.Ok : ExitCode.Findings);
  });
}

export {
  scopeOf,
  preflightReport,
  registerPreflight
};
