import { createRequire as __rgCreateRequire } from 'node:module';
const require = __rgCreateRequire(import.meta.url);
import {
  RUSTGATE_HOOKS,
  openHookRepo,
  parsePushLines,
  planPush
} from "./chunk-TGTN3Q7T.js";
import "./chunk-AGTEUQPZ.js";
import "./chunk-YS7A56PW.js";
import {
  ExitCode,
  RustgateError
} from "./chunk-LM6P7DGY.js";
import "./chunk-AMJD2YOB.js";

// src/cli/commands/hooks-run.ts
import { existsSync } from "node:fs";
import path from "node:path";
var seconds = (ms) => (ms / 1e3).toFixed(ms < 1e4 ? 2 : 1);
var short = (sha) => sha.slice(0, 10);
function normaliseGitEnv(cwd) {
  const index = process.env.GIT_INDEX_FILE;
  if (index && !path.isAbsolute(index)) process.env.GIT_INDEX_FILE = path.resolve(cwd, index);
  if (process.env.GIT_DIR !== void 0 && process.env.GIT_WORK_TREE === void 0) delete process.env.GIT_DIR;
}
async function preflight(workspace, io, scope) {
  const [{ preflightReport }, { preflightSeams }] = await Promise.all([import("./chunk-7HSUL7BT.js"), import("./chunk-TBTAO2BR.js")]);
  return preflightReport({ repo: workspace, format: "pretty", hook: true, ...scope }, { ...io, interactive: false }, preflightSeams());
}
async function nothingToCheck(workspace) {
  if (!existsSync(path.join(workspace, "Cargo.toml"))) return false;
  const [{ openRepo }, { outsideChanges, stagedChanges }, { cargoInputsAbove, classifyChanges }] = await Promise.all([
    import("./chunk-NC4EL3W7.js"),
    import("./chunk-WIGJ3PZV.js"),
    import("./chunk-JL25QIED.js")
  ]);
  const repo = await openRepo(workspace);
  if (!classifyChanges(await stagedChanges(repo)).skip) return false;
  return cargoInputsAbove(await outsideChanges(repo, "staged"), repo.prefix).length === 0;
}
async function printReport(io, report) {
  const { renderReport } = await import("./chunk-BKSHMJLN.js");
  io.out(renderReport(report, "pretty"));
}
function describePlan(p) {
  if (p.action === "skip") return p.update.localRef;
  const base = p.baseFrom === "remote" ? `${short(p.base)} on the remote` : `the merge base ${short(p.base)} with ${p.against ?? "the remote"}`;
  return `${p.update.localRef} (${short(p.base)}..${short(p.head)}, from ${base})`;
}
async function runHook(opts) {
  const { io } = opts;
  if (!RUSTGATE_HOOKS.includes(opts.hook)) {
    throw new RustgateError("BAD_FLAG", `unknown hook "${opts.hook}"`, `Use one of: ${RUSTGATE_HOOKS.join(", ")}.`);
  }
  const hook = opts.hook;
  if (process.env.RUSTGATE === "0") {
    io.err(`rustgate: ${hook} check skipped (RUSTGATE=0)`);
    return ExitCode.Ok;
  }
  normaliseGitEnv(process.cwd());
  const workspace = opts.repo !== void 0 ? path.resolve(opts.repo) : path.join((await openHookRepo(process.cwd())).top, opts.workspace ?? "");
  const what = hook === "pre-push" ? "push" : hook === "pre-merge-commit" ? "merge" : "commit";
  const blocked = () => io.err(`rustgate: ${what} blocked. Fix the problems above, or skip rustgate once with RUSTGATE=0 git ${what} \u2026 (git ${what} --no-verify skips every hook).`);
  if (hook !== "pre-push") {
    if (await nothingToCheck(workspace)) return ExitCode.Ok;
    const report = await preflight(workspace, io, { staged: true });
    const { openConfig } = await import("./chunk-WTBKKSNF.js");
    const budget = (await openConfig(workspace)).preflight.budgetSeconds;
    const over = report.ms.total > budget * 1e3;
    if (!report.ok) await printReport(io, report);
    if (!report.ok || over) {
      io.err(
        over ? `rustgate ${hook}: PreFlight took ${seconds(report.ms.total)} s, over the ${budget} s budget (preflight.budget_seconds in rustgate.yaml)` : `rustgate ${hook}: PreFlight took ${seconds(report.ms.total)} s (budget ${budget} s)`
      );
    }
    if (!report.ok) blocked();
    return report.ok ? ExitCode.Ok : ExitCode.Findings;
  }
  const remote = opts.hookArgs[0] ?? "origin";
  const top = (await openHookRepo(workspace)).top;
  const plans = await planPush(top, remote, parsePushLines(await opts.readStdin()));
  let failed = false;
  for (const p of plans) {
    if (p.action === "skip") {
      if (p.reason === "no-base") {
        io.err(`rustgate pre-push: ${p.update.localRef} is new and ${remote} has no branch to compare it with: not checked (push a base branch first, or run rustgate preflight --diff BASE..${p.update.localRef})`);
      }
      continue;
    }
    const report = await preflight(workspace, io, { diff: `${p.base}..${p.head}`, tests: true });
    if (!report.ok) {
      failed = true;
      io.err(`rustgate pre-push: ${describePlan(p)}`);
      await printReport(io, report);
      io.err(`rustgate pre-push: PreFlight with tests took ${seconds(report.ms.total)} s`);
    }
  }
  if (failed) blocked();
  return failed ? ExitCode.Findings : ExitCode.Ok;
}
export {
  runHook
};
