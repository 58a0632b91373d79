import { createRequire as __rgCreateRequire } from 'node:module';
const require = __rgCreateRequire(import.meta.url);
import {
  git,
  gitOk,
  splitZ
} from "./chunk-YS7A56PW.js";
import {
  RustgateError
} from "./chunk-LM6P7DGY.js";

// src/adapters/git/repo.ts
import { existsSync, readFileSync, realpathSync, statSync } from "node:fs";
import path from "node:path";
function readText(file) {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return "";
  }
}
async function openRepo(workspace) {
  if (!existsSync(workspace) || !statSync(workspace).isDirectory()) {
    throw new RustgateError("NOT_A_DIRECTORY", `${workspace} is not a directory`, "pass --repo with the directory that holds the root Cargo.toml");
  }
  const ws = realpathSync(workspace);
  const r = await git(ws, ["rev-parse", "--show-toplevel", "--absolute-git-dir", "--show-prefix", "HEAD"]);
  const [top = "", gitDir = "", prefixRaw = "", headLine = ""] = r.stdout.split("\n");
  if (top === "" || gitDir === "" || r.exitCode !== 0 && !/HEAD/.test(r.stderr)) {
    throw new RustgateError("NOT_A_GIT_REPO", `${ws} is not inside a git work tree`, "run rustgate inside a git work tree (or `git init` first), or pass --repo DIR");
  }
  const headFile = readText(path.join(gitDir, "HEAD"));
  return {
    top: realpathSync(top),
    workspace: ws,
    prefix: prefixRaw.replace(/\/$/, ""),
    gitDir,
    head: r.exitCode === 0 && /^[0-9a-f]{40,64}$/.test(headLine) ? headLine : null,
    detached: !headFile.startsWith("ref:")
  };
}
async function operationInProgress(info, checkUnmerged = true) {
  const marks = [
    ["MERGE_HEAD", "merge"],
    ["CHERRY_PICK_HEAD", "cherry-pick"],
    ["REVERT_HEAD", "revert"],
    ["rebase-merge", "rebase"],
    ["rebase-apply", "rebase"]
  ];
  for (const [file, name] of marks) if (existsSync(path.join(info.gitDir, file))) return name;
  if (!checkUnmerged) return null;
  const unmerged = splitZ(await gitOk(info.workspace, ["ls-files", "-u", "-z"]));
  return unmerged.length > 0 ? "conflict resolution" : null;
}
async function assertNoOperationInProgress(info, checkUnmerged = true) {
  const op = await operationInProgress(info, checkUnmerged);
  if (op !== null) {
    throw unfinished(info, op);
  }
}
async function assertIndexResolved(info) {
  const unmerged = splitZ(await gitOk(info.workspace, ["ls-files", "-u", "-z"]));
  if (unmerged.length > 0) throw unfinished(info, await operationInProgress(info, false) ?? "conflict resolution");
}
function unfinished(info, op) {
  return new RustgateError("MERGE_IN_PROGRESS", `a ${op} is in progress in ${info.top}`, `finish or abort the ${op}, then retry`);
}

export {
  openRepo,
  operationInProgress,
  assertNoOperationInProgress,
  assertIndexResolved,
  unfinished
};
