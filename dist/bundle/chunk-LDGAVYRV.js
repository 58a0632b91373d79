import { createRequire as __rgCreateRequire } from 'node:module';
const require = __rgCreateRequire(import.meta.url);
import {
  isRustRelevant
} from "./chunk-2GN7T756.js";
import {
  isRustgatePath
} from "./chunk-AGTEUQPZ.js";
import {
  git,
  gitOk,
  splitZ
} from "./chunk-YS7A56PW.js";
import {
  RustgateError
} from "./chunk-LM6P7DGY.js";

// src/adapters/git/changes.ts
import { createHash } from "node:crypto";
import { lstatSync, readFileSync, readlinkSync } from "node:fs";
import path from "node:path";
var STATUS = {
  A: "added",
  M: "modified",
  D: "deleted",
  R: "renamed",
  C: "copied",
  T: "typechange",
  U: "unmerged"
};
function parseNameStatusZ(out) {
  const tok = splitZ(out);
  const files = [];
  for (let i = 0; i < tok.length; ) {
    const st = tok[i++] ?? "";
    const status = STATUS[st.charAt(0)] ?? "unknown";
    if (status === "renamed" || status === "copied") {
      const oldPath = tok[i++] ?? "";
      const newPath = tok[i++] ?? "";
      files.push({ path: newPath, status, oldPath });
    } else {
      files.push({ path: tok[i++] ?? "", status });
    }
  }
  return files;
}
function parseRawZ(out) {
  const tok = splitZ(out);
  const files = [];
  for (let i = 0; i < tok.length; ) {
    const head = (tok[i++] ?? "").replace(/^:/, "").split(" ");
    const [srcMode = "", dstMode = "", srcOid = "", dstOid = "", st = ""] = head;
    const status = STATUS[st.charAt(0)] ?? "unknown";
    if (status === "renamed" || status === "copied") {
      const oldPath = tok[i++] ?? "";
      files.push({ path: tok[i++] ?? "", status, oldPath, srcMode, dstMode, srcOid, dstOid });
    } else {
      files.push({ path: tok[i++] ?? "", status, srcMode, dstMode, srcOid, dstOid });
    }
  }
  return files;
}
function blobId(bytes) {
  return createHash("sha1").update(`blob ${bytes.length}\0`).update(bytes).digest("hex");
}
function isOwnPath(p) {
  return isRustgatePath(p) || p === ".git" || p.startsWith(".git/") || p.includes("/.git/");
}
function withSubmodules(raw) {
  return raw.map(({ path: path2, status, oldPath, srcMode, dstMode }) => ({
    path: path2,
    status,
    ...oldPath !== void 0 ? { oldPath } : {},
    ...srcMode === "160000" || dstMode === "160000" ? { submodule: true } : {}
  }));
}
function clean(files) {
  const seen = /* @__PURE__ */ new Set();
  const out = [];
  for (const f of files) {
    if (f.path === "" || isOwnPath(f.path) || seen.has(f.path)) continue;
    seen.add(f.path);
    out.push(f);
  }
  return out.sort((a, b) => a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
}
async function verifyCommit(info, rev, range) {
  if (rev === "" || rev.startsWith("-")) {
    throw new RustgateError("BAD_RANGE", `bad --diff range '${range}'`, "use --diff BASE..HEAD with two commits, e.g. --diff origin/main..HEAD");
  }
  const r = await git(info.workspace, ["rev-parse", "--verify", "--quiet", "--end-of-options", `${rev}^{commit}`]);
  if (r.exitCode !== 0) {
    throw new RustgateError("BAD_RANGE", `'${rev}' in --diff '${range}' is not a commit`, "check the revision names (git log --oneline), fetch the base branch if it is remote, then retry");
  }
  return r.stdout.trim();
}
async function resolveRange(info, range) {
  const three = range.indexOf("...");
  const two = range.indexOf("..");
  if (three >= 0) {
    const a = await verifyCommit(info, range.slice(0, three), range);
    const b = await verifyCommit(info, range.slice(three + 3) || "HEAD", range);
    const mb = await git(info.workspace, ["merge-base", a, b]);
    if (mb.exitCode !== 0) throw new RustgateError("BAD_RANGE", `'${range}' has no merge base`, "use --diff BASE..HEAD with related commits");
    return { base: mb.stdout.trim(), head: b, text: range };
  }
  if (two >= 0) {
    const a = await verifyCommit(info, range.slice(0, two), range);
    const b = await verifyCommit(info, range.slice(two + 2) || "HEAD", range);
    return { base: a, head: b, text: range };
  }
  return { base: await verifyCommit(info, range, range), head: await verifyCommit(info, "HEAD", range), text: range };
}
async function stagedChanges(info) {
  if (info.head === null) {
    return clean(splitZ(await gitOk(info.workspace, ["ls-files", "-z"])).map((p) => ({ path: p, status: "added" })));
  }
  const out = await gitOk(info.workspace, ["diff-index", "--cached", "--raw", "-M", "-z", "--relative", "HEAD"]);
  return clean(withSubmodules(parseRawZ(out)));
}
async function worktreeChanges(info) {
  const untracked = splitZ(await gitOk(info.workspace, ["ls-files", "-o", "--exclude-standard", "-z"])).map((p) => ({ path: p, status: "added" }));
  if (info.head === null) {
    const tracked2 = splitZ(await gitOk(info.workspace, ["ls-files", "-z"])).map((p) => ({ path: p, status: "added" }));
    return clean([...tracked2, ...untracked]);
  }
  const out = await gitOk(info.workspace, ["diff-index", "--raw", "-M", "-z", "--relative", "HEAD"]);
  const tracked = [];
  for (const c of parseRawZ(out)) {
    if (c.status === "modified" && /^0+$/.test(c.dstOid) && c.srcMode === c.dstMode && sameContent(path.join(info.workspace, c.path), c.srcOid)) continue;
    tracked.push(c.oldPath === void 0 ? { path: c.path, status: c.status } : { path: c.path, status: c.status, oldPath: c.oldPath });
  }
  return clean([...tracked, ...untracked]);
}
function sameContent(abs, oid) {
  try {
    const st = lstatSync(abs);
    const bytes = st.isSymbolicLink() ? Buffer.from(readlinkSync(abs)) : readFileSync(abs);
    return blobId(bytes) === oid;
  } catch {
    return false;
  }
}
async function rangeChanges(info, range) {
  const out = await gitOk(info.workspace, ["diff-tree", "-r", "--raw", "-M", "-z", "--relative", range.base, range.head]);
  return clean(withSubmodules(parseRawZ(out)));
}
async function outsideChanges(info, scope, range = null) {
  if (info.prefix === "") return [];
  const inside = `${info.prefix}/`;
  let paths;
  if (scope === "diff" && range !== null) {
    paths = splitZ(await gitOk(info.top, ["diff-tree", "-r", "--name-only", "--no-renames", "-z", range.base, range.head]));
  } else if (info.head === null) {
    paths = splitZ(await gitOk(info.top, ["ls-files", "-z", ...scope === "worktree" ? ["-c", "-o", "--exclude-standard"] : []]));
  } else if (scope === "staged") {
    paths = splitZ(await gitOk(info.top, ["diff-index", "--cached", "--name-only", "--no-renames", "-z", "HEAD"]));
  } else {
    paths = [];
    for (const c of parseRawZ(await gitOk(info.top, ["diff-index", "--raw", "--no-renames", "-z", "HEAD"]))) {
      if (c.status === "modified" && /^0+$/.test(c.dstOid) && c.srcMode === c.dstMode && sameContent(path.join(info.top, c.path), c.srcOid)) continue;
      paths.push(c.path);
    }
    paths.push(...splitZ(await gitOk(info.top, ["ls-files", "-o", "--exclude-standard", "-z"])));
  }
  return [...new Set(paths)].filter((p) => p !== "" && !p.startsWith(inside) && !isOwnPath(p)).sort();
}
async function trackedCargoInputs(info) {
  const all = splitZ(await gitOk(info.workspace, ["ls-files", "-z", "--", ":(glob)**/Cargo.toml", ":(glob)**/*.rs"]));
  return { manifests: all.filter((f) => f === "Cargo.toml" || f.endsWith("/Cargo.toml")), sources: all.filter((f) => f.endsWith(".rs")) };
}
async function differFromWorktree(info, scope, head, paths) {
  if (paths.length === 0) return [];
  const args = scope === "staged" ? ["diff-files", "--raw", "-z"] : ["diff-index", "--raw", "-z", head ?? "HEAD"];
  const specs = paths.map((p) => `:(literal)${p}`);
  const out = /* @__PURE__ */ new Set();
  for (const c of parseRawZ(await gitOk(info.top, [...args, "--", ...specs]))) {
    if (c.status === "modified" && /^0+$/.test(c.dstOid) && c.srcMode === c.dstMode && sameContent(path.join(info.top, c.path), c.srcOid)) continue;
    out.add(c.path);
  }
  const selected = new Set(splitZ(await gitOk(info.top, scope === "staged" ? ["ls-files", "-z", "--", ...specs] : ["ls-tree", "-r", "-z", "--name-only", head ?? "HEAD", "--", ...paths])));
  for (const p of paths) if (!selected.has(p) && existsOnDisk(path.join(info.top, p))) out.add(p);
  return [...out].sort();
}
function existsOnDisk(file) {
  try {
    lstatSync(file);
    return true;
  } catch {
    return false;
  }
}
async function inPlaceBlockers(info, scope, head = null) {
  const blockers = [];
  let out;
  if (scope === "staged") {
    out = await gitOk(info.workspace, ["diff-files", "--raw", "-z", "--relative"]);
  } else {
    if (head === null || head !== info.head) return ["the range does not end at the checked-out commit"];
    out = await gitOk(info.workspace, ["diff-index", "--raw", "-z", "--relative", head]);
  }
  for (const c of parseRawZ(out)) {
    if (c.srcMode === "160000" || c.dstMode === "160000") {
      blockers.push(`submodule ${c.path} differs`);
      continue;
    }
    if (!isRustRelevant(c.path) && !(c.oldPath !== void 0 && isRustRelevant(c.oldPath))) continue;
    if (c.status === "modified" && /^0+$/.test(c.dstOid) && c.srcMode === c.dstMode && sameContent(path.join(info.workspace, c.path), c.srcOid)) continue;
    blockers.push(`${c.path} differs from the ${scope === "staged" ? "index" : "commit"}`);
  }
  const untracked = splitZ(await gitOk(info.workspace, ["ls-files", "-o", "--exclude-standard", "-z"]));
  for (const p of untracked) if (isRustRelevant(p) && !isOwnPath(p)) blockers.push(`${p} is untracked`);
  return blockers;
}

export {
  parseNameStatusZ,
  parseRawZ,
  blobId,
  isOwnPath,
  resolveRange,
  stagedChanges,
  worktreeChanges,
  rangeChanges,
  outsideChanges,
  trackedCargoInputs,
  differFromWorktree,
  inPlaceBlockers
};
