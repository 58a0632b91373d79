import { createRequire as __rgCreateRequire } from 'node:module';
const require = __rgCreateRequire(import.meta.url);
import {
  notice
} from "./chunk-LK6EHPNO.js";
import {
  ensureWorkDir
} from "./chunk-2PKMAFAA.js";
import {
  checkWorkspaceDir,
  locateWorkspaceRoot,
  runCargoMetadata,
  workspaceFromMetadata
} from "./chunk-MR43FRMH.js";
import {
  runTool,
  startTool
} from "./chunk-YRYO5B6H.js";
import {
  blobId,
  differFromWorktree,
  inPlaceBlockers,
  isOwnPath,
  outsideChanges,
  rangeChanges,
  resolveRange,
  stagedChanges,
  trackedCargoInputs,
  worktreeChanges
} from "./chunk-LDGAVYRV.js";
import {
  CARGO_DIR_INPUTS,
  cargoDirInput,
  cargoInputsAbove,
  classifyChanges,
  isRustRelevant
} from "./chunk-2GN7T756.js";
import {
  rustgatePaths,
  symlinkResolvesInside
} from "./chunk-AGTEUQPZ.js";
import {
  assertIndexResolved,
  assertNoOperationInProgress,
  openRepo,
  unfinished
} from "./chunk-PYF7NPU6.js";
import {
  git,
  gitBuffer,
  gitOk,
  splitZ
} from "./chunk-YS7A56PW.js";
import {
  RustgateError
} from "./chunk-LM6P7DGY.js";
import {
  hasErrors,
  mapFindings,
  selectDiagnostics
} from "./chunk-KRZSXWDX.js";

// src/app/preflight.ts
import { createHash as createHash3 } from "node:crypto";
import { existsSync as existsSync5, readFileSync as readFileSync8, renameSync as renameSync5, writeFileSync as writeFileSync4 } from "node:fs";
import path11 from "node:path";

// src/adapters/cargo/check.ts
import path2 from "node:path";
import { StringDecoder } from "node:string_decoder";

// src/adapters/cargo/diagnostics.ts
import path from "node:path";
var LEVELS = {
  error: "error",
  "error: internal compiler error": "error",
  warning: "warning",
  note: "note",
  help: "help"
};
var APPLICABILITIES = /* @__PURE__ */ new Set(["MachineApplicable", "MaybeIncorrect", "HasPlaceholders", "Unspecified"]);
var num = (v) => typeof v === "number" && Number.isFinite(v) ? v : 0;
var strOrNull = (v) => typeof v === "string" ? v : null;
var isObject = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
function normalizeSpan(raw, depth = 0) {
  if (!isObject(raw)) return null;
  const exp = isObject(raw.expansion) && depth < 64 ? normalizeSpan(raw.expansion.span, depth + 1) : null;
  return {
    file_name: typeof raw.file_name === "string" ? raw.file_name : "",
    byte_start: num(raw.byte_start),
    byte_end: num(raw.byte_end),
    line_start: num(raw.line_start),
    line_end: num(raw.line_end),
    column_start: num(raw.column_start),
    column_end: num(raw.column_end),
    is_primary: raw.is_primary === true,
    label: strOrNull(raw.label),
    suggested_replacement: strOrNull(raw.suggested_replacement),
    suggestion_applicability: strOrNull(raw.suggestion_applicability),
    expansion: exp ? { span: exp } : null
  };
}
function normalizeDiagnostic(raw, depth = 0) {
  if (!isObject(raw) || typeof raw.message !== "string" || depth > 32) return null;
  const code = isObject(raw.code) && typeof raw.code.code === "string" ? { code: raw.code.code } : null;
  return {
    message: raw.message,
    code,
    level: typeof raw.level === "string" ? raw.level : "note",
    spans: Array.isArray(raw.spans) ? raw.spans.map((s) => normalizeSpan(s)).filter((s) => s !== null) : [],
    children: Array.isArray(raw.children) ? raw.children.map((c) => normalizeDiagnostic(c, depth + 1)).filter((c) => c !== null) : [],
    rendered: strOrNull(raw.rendered)
  };
}
function toWorkspacePath(fileName, workspaceRoot) {
  const abs = path.resolve(workspaceRoot, fileName);
  const rel2 = path.relative(workspaceRoot, abs);
  if (rel2 === "" || rel2.startsWith("..") || path.isAbsolute(rel2)) return abs.split(path.sep).join("/");
  return rel2.split(path.sep).join("/");
}
function isWorkspacePath(file) {
  return !file.startsWith("/") && !/^[A-Za-z]:/.test(file);
}
function convertSpan(span, root) {
  return {
    file: toWorkspacePath(span.file_name, root),
    lineStart: span.line_start,
    lineEnd: span.line_end,
    columnStart: span.column_start,
    columnEnd: span.column_end,
    byteStart: span.byte_start,
    byteEnd: span.byte_end,
    isPrimary: span.is_primary,
    label: span.label
  };
}
function userFacingSpan(span, root) {
  let current = span;
  for (let depth = 0; depth < 64; depth++) {
    if (isWorkspacePath(toWorkspacePath(current.file_name, root)) || current.expansion === null) return current;
    current = current.expansion.span;
  }
  return span;
}
function overlaps(a, b) {
  return a.file_name === b.file_name && a.byte_start < b.byte_end + (a.byte_start === b.byte_start ? 1 : 0) && b.byte_start < a.byte_end + (a.byte_start === b.byte_start ? 1 : 0);
}
function suggestionsOf(child, root) {
  const spans = child.spans.filter((s) => s.suggested_replacement !== null);
  if (spans.length === 0) return [];
  const applicability = (s) => APPLICABILITIES.has(s.suggestion_applicability ?? "") ? s.suggestion_applicability : "Unspecified";
  const anyOverlap = spans.some((a, i) => spans.some((b, j) => i < j && overlaps(a, b)));
  const toEdit = (s) => ({ span: convertSpan(s, root), replacement: s.suggested_replacement ?? "" });
  const first = spans[0];
  if (!anyOverlap) return [{ message: child.message, applicability: applicability(first), edits: spans.map(toEdit) }];
  return spans.map((s) => ({ message: child.message, applicability: applicability(s), edits: [toEdit(s)] }));
}
function convertDiagnostic(d, root, packageName) {
  const spans = d.spans.map((s) => convertSpan(userFacingSpan(s, root), root));
  const primaryRaw = d.spans.find((s) => s.is_primary) ?? d.spans[0];
  const notes = [];
  const suggestions = [];
  const noteSpans = [];
  const visit = (children) => {
    for (const child of children) {
      notes.push(`${child.level}: ${child.message}`);
      for (const s of child.spans) if (s.suggested_replacement === null) noteSpans.push({ ...convertSpan(userFacingSpan(s, root), root), label: s.label ?? child.message });
      suggestions.push(...suggestionsOf(child, root));
      visit(child.children);
    }
  };
  visit(d.children);
  suggestions.push(...suggestionsOf({ ...d, children: [] }, root));
  return {
    level: LEVELS[d.level] ?? "note",
    code: d.code?.code ?? null,
    message: d.message,
    primary: primaryRaw ? convertSpan(userFacingSpan(primaryRaw, root), root) : null,
    spans,
    notes,
    ...noteSpans.length > 0 ? { noteSpans } : {},
    suggestions,
    rendered: d.rendered ?? d.message,
    source: "rustc",
    packageName
  };
}
function packageNameFromId(id) {
  const hash = id.lastIndexOf("#");
  if (hash >= 0) {
    const tail2 = id.slice(hash + 1);
    const at = tail2.indexOf("@");
    if (at >= 0) return tail2.slice(0, at);
    const beforeHash = id.slice(0, hash);
    return beforeHash.slice(beforeHash.lastIndexOf("/") + 1) || null;
  }
  const space = id.indexOf(" ");
  return space > 0 ? id.slice(0, space) : null;
}
function parseCargoMessages(stdout, workspaceRoot) {
  const diagnostics = [];
  let buildSucceeded = null;
  const seen = /* @__PURE__ */ new Set();
  const checked = /* @__PURE__ */ new Set();
  for (const line of stdout.split("\n")) {
    if (!line.startsWith("{")) continue;
    let msg;
    try {
      msg = JSON.parse(line);
    } catch {
      continue;
    }
    if (!isObject(msg)) continue;
    if (msg.reason === "build-finished") buildSucceeded = typeof msg.success === "boolean" ? msg.success : null;
    if ((msg.reason === "compiler-artifact" || msg.reason === "compiler-message") && typeof msg.package_id === "string") {
      const name = packageNameFromId(msg.package_id);
      if (name) checked.add(name);
    }
    if (msg.reason !== "compiler-message") continue;
    const message = normalizeDiagnostic(msg.message);
    if (!message || message.level === "failure-note") continue;
    const diag = convertDiagnostic(message, workspaceRoot, typeof msg.package_id === "string" ? packageNameFromId(msg.package_id) : null);
    const p = diag.primary;
    const id = `${diag.level}|${diag.code ?? ""}|${diag.message}|${p ? `${p.file}:${p.byteStart}:${p.byteEnd}` : ""}`;
    if (seen.has(id)) continue;
    seen.add(id);
    diagnostics.push(diag);
  }
  return { diagnostics, buildSucceeded, checkedPackages: Array.from(checked).sort() };
}
function isErrorMessageLine(line) {
  if (!line.includes('"compiler-message"') || !line.includes('"level":"error')) return false;
  try {
    const m = JSON.parse(line);
    return m.reason === "compiler-message" && m.message?.level === "error";
  } catch {
    return false;
  }
}

// src/adapters/cargo/check.ts
function cargoCheckArgs(opts) {
  const args = ["check", ...opts.targets && opts.targets.length > 0 ? opts.targets.map((t) => `--${t}`) : ["--all-targets"], "--message-format=json"];
  if (opts.keepGoing !== false) args.push("--keep-going");
  if (opts.locked) args.push("--locked");
  if (opts.packages && opts.packages.length > 0) for (const p of opts.packages) args.push("-p", p);
  else args.push("--workspace");
  if (opts.allFeatures) args.push("--all-features");
  else {
    if (opts.noDefaultFeatures) args.push("--no-default-features");
    if (opts.features && opts.features.length > 0) args.push("--features", opts.features.join(","));
  }
  return args;
}
function watchFirstError(stream, onFirst) {
  let pending = "";
  const utf8 = new StringDecoder("utf8");
  const onData = (chunk) => {
    const lines = (pending + (typeof chunk === "string" ? chunk : utf8.write(chunk))).split("\n");
    pending = lines.pop() ?? "";
    if (lines.some(isErrorMessageLine)) {
      stream.removeListener("data", onData);
      pending = "";
      onFirst();
    }
  };
  stream.on("data", onData);
}
function tail(text, lines = 30) {
  return text.split("\n").filter((l) => l.trim() !== "").slice(-lines).join("\n");
}
async function cargoCheck(opts) {
  const t0 = performance.now();
  const run = (args2) => {
    const { child } = startTool("cargo", args2, {
      cwd: opts.cwd,
      env: { ...opts.targetDir !== null ? { CARGO_TARGET_DIR: opts.targetDir } : {}, CARGO_TERM_COLOR: "never", CARGO_TERM_PROGRESS_WHEN: "never", ...opts.env },
      maxBuffer: 512 * 1024 * 1024,
      ...opts.timeoutMs !== void 0 ? { timeoutMs: opts.timeoutMs } : {}
    });
    if (opts.onFirstError) watchFirstError(child.stdout, opts.onFirstError);
    return child;
  };
  const args = cargoCheckArgs(opts);
  let r = await run(args);
  if (r.exitCode !== 0 && args.includes("--keep-going") && /unexpected argument '--keep-going'|unknown.*--keep-going|-Z unstable-options.*keep-going/.test(String(r.stderr))) {
    r = await run(args.filter((a) => a !== "--keep-going"));
  }
  if (r.failed && r.exitCode === void 0 && r.code === "ENOENT") {
    throw new RustgateError("CARGO_MISSING", "cargo is not on PATH", "install Rust with rustup (https://rustup.rs), then retry");
  }
  const { diagnostics, buildSucceeded, checkedPackages } = parseCargoMessages(r.stdout, path2.resolve(opts.cwd));
  return {
    diagnostics,
    buildSucceeded,
    checkedPackages,
    exitCode: r.exitCode ?? null,
    timedOut: r.timedOut,
    ms: performance.now() - t0,
    stderrTail: tail(r.stderr)
  };
}
function lockfileNeedsUpdate(stderr) {
  return /--locked was passed|cannot update the lock file|lock file .* needs to be updated/.test(stderr);
}

// src/adapters/cargo/members.ts
import { existsSync } from "node:fs";
import path3 from "node:path";
function rel(root, p) {
  return path3.relative(root, p).split(path3.sep).join("/");
}
async function readMembers(dir, env = {}) {
  const run = await runCargoMetadata(dir, env);
  return run.ok ? membersFromMetadata(run.meta) : { ok: false, error: run.error };
}
function membersFromMetadata(meta) {
  const root = meta.workspace_root;
  const ids = new Set(meta.workspace_members);
  const memberPkgs = meta.packages.filter((p) => ids.has(p.id));
  const byDir = new Map(memberPkgs.map((p) => [path3.dirname(p.manifest_path), p.name]));
  const members = memberPkgs.map((p) => {
    const deps = /* @__PURE__ */ new Set();
    for (const d of p.dependencies) {
      const target = d.path !== void 0 ? byDir.get(d.path) : void 0;
      if (target !== void 0 && target !== p.name) deps.add(target);
    }
    return { name: p.name, manifestDir: rel(root, path3.dirname(p.manifest_path)), deps: [...deps].sort() };
  });
  return { ok: true, members, targetDirectory: meta.target_directory, workspaceRoot: root };
}
function manifestDirsAbove(root, files) {
  const dirs = /* @__PURE__ */ new Set();
  const seen = /* @__PURE__ */ new Set();
  for (const f of files) {
    let d = f.includes("/") ? f.slice(0, f.lastIndexOf("/")) : "";
    for (; ; ) {
      if (seen.has(d)) break;
      seen.add(d);
      if (existsSync(path3.join(root, d, "Cargo.toml"))) dirs.add(d);
      if (d === "") break;
      d = d.includes("/") ? d.slice(0, d.lastIndexOf("/")) : "";
    }
  }
  return dirs;
}
async function resolvedFeatures(root, packages, featureArgs, env = {}, locked = false) {
  const select = packages === null ? ["--workspace"] : packages.flatMap((p) => ["-p", p]);
  const r = await runTool("cargo", ["tree", "--offline", "-e", "normal,build,dev", "--prefix", "none", "-f", "{p} {f}", ...locked ? ["--locked"] : [], ...select, ...featureArgs], {
    cwd: root,
    env: { CARGO_TERM_COLOR: "never", ...env },
    timeoutMs: 12e4
  });
  if (r.exitCode !== 0) return null;
  const lines = new Set(String(r.stdout).split("\n").map((l) => l.replace(/ \(\*\)$/, "").trim()).filter((l) => l !== ""));
  return [...lines].sort();
}

// src/adapters/cargo/metadata-cache.ts
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync as readFileSync2, renameSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path5 from "node:path";

// src/adapters/git/shadow.ts
import { existsSync as existsSync2, lstatSync, readFileSync, readlinkSync } from "node:fs";
import path4 from "node:path";
function stampOf(st) {
  return { size: st.size, mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs, ino: st.ino };
}
function sameStamp(a, b) {
  return a !== void 0 && b !== void 0 && a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs && a.ino === b.ino;
}
async function indexEntries(info, cwd) {
  const out = await gitOk(cwd, ["ls-files", "-s", "-z"]);
  const entries = [];
  for (const rec of splitZ(out)) {
    const tab = rec.indexOf("	");
    const [mode = "", oid = "", stage = ""] = rec.slice(0, tab).split(" ");
    if (stage !== "0") throw unfinished(info, "conflict resolution");
    entries.push({ path: rec.slice(tab + 1), mode, id: oid, oid });
  }
  return entries;
}
async function treeEntries(cwd, rev) {
  const out = await gitOk(cwd, ["ls-tree", "-r", "-z", "--full-tree", rev]);
  const entries = [];
  for (const rec of splitZ(out)) {
    const tab = rec.indexOf("	");
    const [mode = "", , oid = ""] = rec.slice(0, tab).split(" ");
    entries.push({ path: rec.slice(tab + 1), mode, id: oid, oid });
  }
  return entries;
}
async function worktreeEntries(cwd, prefix, known) {
  const out = await gitOk(cwd, ["ls-files", "-c", "-o", "--exclude-standard", "-z"]);
  const entries = [];
  const seen = /* @__PURE__ */ new Set();
  for (const raw of splitZ(out)) {
    const rel2 = raw.replace(/\/$/, "");
    if (seen.has(rel2)) continue;
    seen.add(rel2);
    const abs = path4.join(cwd, rel2);
    let st;
    try {
      st = lstatSync(abs);
    } catch {
      continue;
    }
    let mode;
    if (st.isSymbolicLink()) mode = "120000";
    else if (st.isFile()) mode = st.mode & 73 ? "100755" : "100644";
    else if (st.isDirectory() && existsSync2(path4.join(abs, ".git"))) {
      entries.push({ path: rel2, mode: "160000", id: "", abs });
      continue;
    } else continue;
    const prev = known(prefix + rel2);
    const stat2 = stampOf(st);
    let id;
    if (prev && prev.mode === mode && sameStamp(prev.src, stat2)) id = prev.id;
    else id = blobId(mode === "120000" ? Buffer.from(readlinkSync(abs)) : readFileSync(abs));
    entries.push({ path: rel2, mode, id, abs, stat: stat2 });
  }
  return entries;
}
async function expandSubmodules(info, scope, cwd, prefix, entries, known, warnings, depth) {
  const out = [];
  for (const e of entries) {
    if (e.mode !== "160000") {
      out.push(prefix === "" ? e : { ...e, path: prefix + e.path, ...e.oid !== void 0 && e.repoDir === void 0 ? { repoDir: cwd } : {} });
      continue;
    }
    const subDir = path4.join(cwd, e.path);
    const name = prefix + e.path;
    if (depth > 4 || !existsSync2(path4.join(subDir, ".git"))) {
      warnings.push(`submodule ${name} is not checked out: its files are not in the copy (run git submodule update --init)`);
      continue;
    }
    let sub;
    try {
      sub = scope === "worktree" ? await worktreeEntries(subDir, `${name}/`, known) : await treeEntries(subDir, e.oid ?? "HEAD");
    } catch {
      warnings.push(`submodule ${name}: commit ${e.oid ?? "?"} is not in its checkout, its files are not in the copy (run git submodule update)`);
      continue;
    }
    const subOut = await expandSubmodules(info, scope, subDir, `${name}/`, sub, known, warnings, depth + 1);
    for (const s of subOut) out.push(s.oid !== void 0 && s.repoDir === void 0 ? { ...s, repoDir: subDir } : s);
  }
  return out;
}
async function selectedContent(info, scope, rev, known, warnings = []) {
  const entries = scope === "staged" ? await indexEntries(info, info.workspace) : scope === "diff" ? await treeEntriesIn(info, rev ?? "HEAD") : await worktreeEntries(info.workspace, "", known);
  const expanded = await expandSubmodules(info, scope, info.workspace, "", entries, known, warnings, 0);
  return expanded.filter((e) => !isOwnPath(e.path));
}
async function treeEntriesIn(info, rev) {
  const out = await gitOk(info.workspace, ["ls-tree", "-r", "-z", rev]);
  const entries = [];
  for (const rec of splitZ(out)) {
    const tab = rec.indexOf("	");
    const [mode = "", , oid = ""] = rec.slice(0, tab).split(" ");
    entries.push({ path: rec.slice(tab + 1), mode, id: oid, oid });
  }
  return entries;
}
async function readBlobs(cwd, oids) {
  const blobs = /* @__PURE__ */ new Map();
  const CHUNK = 2e3;
  for (let i = 0; i < oids.length; i += CHUNK) {
    const chunk = oids.slice(i, i + CHUNK);
    const r = await gitBuffer(cwd, ["cat-file", "--batch"], `${chunk.join("\n")}
`);
    if (r.exitCode !== 0) throw new RustgateError("INTERNAL", `git cat-file --batch failed: ${r.stderr.trim()}`, "report this with the output of `git fsck`");
    const buf = r.stdout;
    let pos = 0;
    while (pos < buf.length) {
      const nl = buf.indexOf(10, pos);
      if (nl < 0) break;
      const header = buf.subarray(pos, nl).toString("utf8").split(" ");
      pos = nl + 1;
      if (header[1] === "missing" || header.length < 3) continue;
      const size = Number(header[2]);
      blobs.set(header[0] ?? "", buf.subarray(pos, pos + size));
      pos += size + 1;
    }
  }
  return blobs;
}
async function readEntries(workspace, entries) {
  const out = /* @__PURE__ */ new Map();
  const byRepo = /* @__PURE__ */ new Map();
  for (const e of entries) {
    if (e.abs !== void 0) {
      try {
        out.set(e.path, e.mode === "120000" ? Buffer.from(readlinkSync(e.abs)) : readFileSync(e.abs));
      } catch {
      }
      continue;
    }
    const repo = e.repoDir ?? workspace;
    const list = byRepo.get(repo) ?? [];
    list.push(e);
    byRepo.set(repo, list);
  }
  for (const [repo, list] of byRepo) {
    const blobs = await readBlobs(repo, [...new Set(list.map((e) => e.oid ?? ""))]);
    for (const e of list) {
      const b = blobs.get(e.oid ?? "");
      if (b !== void 0) out.set(e.path, b);
    }
  }
  return out;
}

// src/adapters/cargo/metadata-cache.ts
function stamp(file) {
  try {
    return JSON.stringify(stampOf(statSync(file)));
  } catch {
    return "-";
  }
}
function configFiles(dir, env) {
  const files = [];
  for (let d = path5.resolve(dir); ; d = path5.dirname(d)) {
    files.push(...CARGO_DIR_INPUTS.map((f) => path5.join(d, f)));
    if (path5.dirname(d) === d) break;
  }
  const home = env.CARGO_HOME ?? path5.join(env.HOME ?? os.homedir(), ".cargo");
  files.push(...CARGO_DIR_INPUTS.filter((f) => f.startsWith(".cargo/")).map((f) => path5.join(home, f.slice(".cargo/".length))));
  return files;
}
function metadataKey(workspace, tracked, env = process.env) {
  const h = createHash("sha256").update("metadata-v2\0").update(`${path5.resolve(workspace)}\0`);
  for (const m of [...tracked.manifests].sort()) h.update(`${m}=${stamp(path5.join(workspace, m))}\0`);
  for (const f of [...tracked.sources].sort()) h.update(`${f}\0`);
  for (const v of ["CARGO_TARGET_DIR", "CARGO_BUILD_TARGET_DIR", "CARGO_HOME", "RUSTUP_TOOLCHAIN"]) h.update(`${v}=${env[v] ?? ""}\0`);
  for (const f of configFiles(workspace, env)) h.update(`${f}=${stamp(f)}\0`);
  return h.digest("hex");
}
function memberManifests(meta) {
  const ids = new Set(meta.workspace_members);
  return meta.packages.filter((p) => ids.has(p.id)).map((p) => p.manifest_path);
}
function readCachedMetadata(file, key) {
  let entry;
  try {
    entry = JSON.parse(readFileSync2(file, "utf8"));
  } catch {
    return null;
  }
  if (typeof entry !== "object" || entry === null || entry.key !== key || typeof entry.stamps !== "object" || entry.stamps === null) return null;
  const meta = entry.meta;
  if (typeof meta !== "object" || meta === null || !Array.isArray(meta.packages) || !Array.isArray(meta.workspace_members)) return null;
  if (typeof meta.workspace_root !== "string" || typeof meta.target_directory !== "string") return null;
  try {
    for (const m of memberManifests(meta)) if (typeof m !== "string" || entry.stamps[m] !== stamp(m)) return null;
  } catch {
    return null;
  }
  return meta;
}
function writeCachedMetadata(file, key, meta) {
  const stamps = {};
  for (const m of memberManifests(meta)) stamps[m] = stamp(m);
  const entry = { key, stamps, meta };
  mkdirSync(path5.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(entry));
  renameSync(tmp, file);
}

// src/core/preflight/affected.ts
function baseName(p) {
  return p.slice(p.lastIndexOf("/") + 1);
}
function dirName(p) {
  const i = p.lastIndexOf("/");
  return i < 0 ? "" : p.slice(0, i);
}
function wholeWorkspaceReason(p, status) {
  const base = baseName(p);
  if (p === "Cargo.toml") return "root-manifest";
  if (base === "Cargo.lock") return "lockfile";
  const input = cargoDirInput(p);
  if (input !== null) return input;
  if (base === "Cargo.toml" && (status === "deleted" || status === "renamed")) return "manifest-removed";
  return null;
}
function nearestManifest(dir, manifestDirs) {
  for (let d = dir; ; d = dirName(d)) {
    if (manifestDirs.has(d)) return d;
    if (d === "") return null;
  }
}
function selectAffected(input) {
  const names = input.members.map((m) => m.name).sort();
  const byDir = new Map(input.members.map((m) => [m.manifestDir, m.name]));
  const paths = [];
  for (const f of input.changed) {
    if (isRustRelevant(f.path)) paths.push({ path: f.path, status: f.status });
    if (f.oldPath !== void 0 && isRustRelevant(f.oldPath)) paths.push({ path: f.oldPath, status: "deleted" });
  }
  const owners = /* @__PURE__ */ new Set();
  const unowned = /* @__PURE__ */ new Set();
  const fileOwners = {};
  let reason = null;
  for (const { path: path12, status } of paths) {
    reason ??= wholeWorkspaceReason(path12, status);
    const dir = nearestManifest(dirName(path12), input.manifestDirs);
    const owner = dir === null ? void 0 : byDir.get(dir);
    fileOwners[path12] = owner ?? null;
    if (owner !== void 0) owners.add(owner);
    else if (wholeWorkspaceReason(path12, status) === null) unowned.add(path12);
  }
  const ownerList = [...owners].sort();
  if (reason === null && owners.size === 0 && unowned.size > 0) reason = "no-owner";
  if (reason !== null) return { all: true, reason, packages: names, owners: ownerList, unowned: [...unowned].sort(), relevant: paths.length, fileOwners };
  const dependents = /* @__PURE__ */ new Map();
  for (const m of input.members) for (const d of m.deps) dependents.set(d, [...dependents.get(d) ?? [], m.name]);
  const selected = new Set(owners);
  const queue = [...owners];
  while (queue.length > 0) {
    const next = queue.pop();
    for (const dep of dependents.get(next) ?? []) {
      if (!selected.has(dep)) {
        selected.add(dep);
        queue.push(dep);
      }
    }
  }
  const packages = [...selected].sort();
  return { all: packages.length === names.length && names.length > 0, reason: null, packages, owners: ownerList, unowned: [...unowned].sort(), relevant: paths.length, fileOwners };
}
function shardPackages(packages, weight, n) {
  const count = Math.max(1, Math.min(Math.floor(n), packages.length));
  if (packages.length === 0) return [];
  const shards = Array.from({ length: count }, () => ({ names: [], total: 0 }));
  const ordered = [...packages].sort((a, b) => weight(b) - weight(a) || (a < b ? -1 : a > b ? 1 : 0));
  for (const name of ordered) {
    let lightest = shards[0];
    for (const s of shards) if (s.total < lightest.total) lightest = s;
    lightest.names.push(name);
    lightest.total += Math.max(1, weight(name));
  }
  return shards.map((s) => s.names.sort());
}
function uncheckedFiles(selection, checked) {
  const set = checked === null ? null : new Set(checked);
  return Object.entries(selection.fileOwners).filter(([p, owner]) => wholeWorkspaceReason(p, "modified") === null && (owner === null || set !== null && !set.has(owner))).map(([p]) => p).sort();
}
function featureDrift(workspace, subset) {
  const ws = new Set(workspace);
  return subset.filter((l) => !ws.has(l));
}

// src/app/lock.ts
import { randomUUID } from "node:crypto";
import { closeSync as closeSync2, lstatSync as lstatSync2, openSync as openSync2, readFileSync as readFileSync4, unlinkSync as unlinkSync2, writeSync as writeSync2 } from "node:fs";

// src/app/fix/journal.ts
import { createHash as createHash2 } from "node:crypto";
import { closeSync, fsyncSync, openSync, readdirSync, readFileSync as readFileSync3, renameSync as renameSync2, rmSync, unlinkSync, writeSync } from "node:fs";
import { readFile, realpath, rename, rm, stat, writeFile } from "node:fs/promises";
import path6 from "node:path";
function journalPath(root) {
  return rustgatePaths(root).applyJournal;
}
function sha256Hex(data) {
  return createHash2("sha256").update(data).digest("hex");
}
function fsyncDir(dir) {
  let fd;
  try {
    fd = openSync(dir, "r");
    fsyncSync(fd);
  } catch {
  } finally {
    if (fd !== void 0) closeSync(fd);
  }
}
function writeJournal(root, journal) {
  const dir = ensureWorkDir(root);
  const file = journalPath(root);
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = openSync(tmp, "w", 384);
  try {
    writeSync(fd, JSON.stringify(journal));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync2(tmp, file);
  fsyncDir(dir);
}
function clearJournal(root) {
  try {
    unlinkSync(journalPath(root));
  } catch (e) {
    if (e.code !== "ENOENT") throw e;
  }
  fsyncDir(rustgatePaths(root).dir);
}
function replacementTemp(real, pid) {
  return path6.join(path6.dirname(real), `.${path6.basename(real)}.rustgate-${pid}.tmp`);
}
async function replaceFile(abs, bytes) {
  const real = await realpath(abs);
  const mode = (await stat(real)).mode & 4095;
  const tmp = replacementTemp(real, process.pid);
  try {
    await writeFile(tmp, bytes, { mode });
    await rename(tmp, real);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}
async function removeReplacementTemps(repo, files) {
  for (const f of files) {
    const real = await realpath(path6.join(repo, f.path)).catch(() => path6.join(repo, f.path));
    const prefix = `.${path6.basename(real)}.rustgate-`;
    for (const n of readdirSync(path6.dirname(real))) {
      if (n.startsWith(prefix) && /^\d+\.tmp$/.test(n.slice(prefix.length))) rmSync(path6.join(path6.dirname(real), n), { force: true });
    }
  }
}
function removeLeftovers(root) {
  const dir = rustgatePaths(root).dir;
  let names;
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const n of names) {
    if (/^apply-journal\.json\.\d+\.tmp$/.test(n) || /^apply-index\.\d+$/.test(n)) rmSync(path6.join(dir, n), { force: true });
  }
}
function readJournal(root) {
  let text;
  try {
    text = readFileSync3(journalPath(root), "utf8");
  } catch (e) {
    const code = e.code;
    if (code === "ENOENT") return null;
    return "unreadable";
  }
  try {
    const j = JSON.parse(text);
    if (j.version !== 1 || !Array.isArray(j.files) || typeof j.commit !== "string") return "unreadable";
    return j;
  } catch {
    return "unreadable";
  }
}
async function headOf(repo) {
  const r = await git(repo, ["rev-parse", "-q", "--verify", "HEAD^{commit}"]);
  return r.exitCode === 0 ? r.stdout.trim() : null;
}
async function indexEntry(repo, file) {
  const r = await git(repo, ["ls-files", "-s", "-z", "--", file]);
  const line = r.stdout.split("\0")[0] ?? "";
  const m = /^(\d+) ([0-9a-f]+) (\d)\t/.exec(line);
  if (!m || m[3] !== "0") return null;
  return { mode: m[1] ?? "100644", blob: m[2] ?? "" };
}
async function stageCommitted(repo, files) {
  const lines = [];
  for (const f of files) {
    const now = await indexEntry(repo, f.path);
    if (now && now.blob === f.indexBlob) lines.push(`${f.mode} ${f.afterBlob}	${f.path}\0`);
  }
  if (lines.length === 0) return;
  for (let attempt = 0; ; attempt++) {
    const r = await git(repo, ["update-index", "-z", "--index-info"], lines.join(""));
    if (r.exitCode === 0) return;
    if (attempt >= 20) throw new Error(`git update-index failed: ${r.stderr.trim()}`);
    await new Promise((res) => setTimeout(res, 100));
  }
}
async function restoreOwnBytes(repo, files) {
  const restored = [];
  const left = [];
  for (const f of files) {
    const abs = path6.join(repo, f.path);
    let now;
    try {
      now = await readFile(abs);
    } catch {
      now = null;
    }
    const h = now === null ? null : sha256Hex(now);
    if (h === f.beforeSha256) continue;
    if (h === f.afterSha256) {
      await replaceFile(abs, Buffer.from(f.before, "base64"));
      restored.push(f.path);
    } else {
      left.push({ path: f.path, previousBlob: f.indexBlob || null });
    }
  }
  return { restored, left };
}
function describeLeft(left) {
  if (left.length === 0) return "";
  return `; left as they are (changed after rustgate wrote them): ${left.map((l) => l.previousBlob ? `${l.path} (previous content: git cat-file -p ${l.previousBlob})` : l.path).join(", ")}`;
}
async function recoverInterruptedApply(root) {
  const journal = readJournal(root);
  if (journal === null) {
    removeLeftovers(root);
    return null;
  }
  if (journal === "unreadable") {
    rmSync(journalPath(root), { recursive: true, force: true });
    removeLeftovers(root);
    return null;
  }
  const repo = journal.repo;
  await removeReplacementTemps(repo, journal.files).catch(() => void 0);
  const head = await headOf(repo);
  let recovery;
  if (head === journal.commit) {
    await stageCommitted(repo, journal.files);
    recovery = {
      action: "finished",
      commit: journal.commit,
      restored: [],
      left: [],
      message: `an interrupted debug-bug --apply was finished: commit ${journal.commit.slice(0, 12)} had landed; its files are now staged as committed`
    };
  } else if (head === journal.oldHead) {
    const { restored, left } = await restoreOwnBytes(repo, journal.files);
    recovery = {
      action: "rolled_back",
      commit: journal.commit,
      restored,
      left,
      message: `an interrupted debug-bug --apply was rolled back: ${restored.length > 0 ? `restored ${restored.join(", ")}` : "no file needed restoring"}${describeLeft(left)}`
    };
  } else {
    const left = journal.files.map((f) => ({ path: f.path, previousBlob: f.indexBlob || null }));
    recovery = {
      action: "left",
      commit: journal.commit,
      restored: [],
      left,
      message: `an interrupted debug-bug --apply was left as it is because HEAD moved since${describeLeft(left)}`
    };
  }
  clearJournal(root);
  removeLeftovers(root);
  return recovery;
}

// src/app/lock.ts
function lockPath(root) {
  return rustgatePaths(root).lock;
}
function readHolder(file) {
  try {
    const h = JSON.parse(readFileSync4(file, "utf8"));
    return typeof h.pid === "number" ? h : null;
  } catch {
    return null;
  }
}
function procStartTime(pid) {
  try {
    const stat2 = readFileSync4(`/proc/${pid}/stat`, "utf8");
    return stat2.slice(stat2.lastIndexOf(")") + 2).split(" ")[19];
  } catch {
    return void 0;
  }
}
function holderAlive(h) {
  if (!pidAlive(h.pid)) return false;
  const now = procStartTime(h.pid);
  if (h.procStart === void 0) return now === void 0;
  return now === void 0 || now === h.procStart;
}
function assertLockFileKind(file) {
  let st;
  try {
    st = lstatSync2(file);
  } catch {
    return;
  }
  if (!st.isFile()) {
    const kind = st.isDirectory() ? "a directory" : st.isSymbolicLink() ? "a symbolic link" : "not a regular file";
    throw new RustgateError("LOCKED", `the run lock ${file} is ${kind}, not a lock file`, `Remove it (rm -r -- '${file}') and run again; rustgate creates it as a plain file.`);
  }
}
var signalDeferrals = 0;
function deferSignalExit() {
  signalDeferrals += 1;
  let done = false;
  return () => {
    if (done) return;
    done = true;
    signalDeferrals -= 1;
  };
}
function pidAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === "EPERM";
  }
}
function tryCreate(file, holder) {
  let fd;
  try {
    fd = openSync2(file, "wx");
  } catch (e) {
    if (e.code === "EEXIST") return false;
    throw e;
  }
  try {
    writeSync2(fd, JSON.stringify(holder));
  } finally {
    closeSync2(fd);
  }
  return true;
}
var sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function acquireLock(root, opts = {}) {
  const file = lockPath(root);
  ensureWorkDir(root);
  const procStart = procStartTime(process.pid);
  const holder = {
    pid: process.pid,
    startedAt: (/* @__PURE__ */ new Date()).toISOString(),
    command: opts.command ?? "rustgate",
    token: randomUUID(),
    ...procStart !== void 0 ? { procStart } : {}
  };
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.removeListener("SIGINT", onSignal);
    process.removeListener("SIGTERM", onSignal);
    process.removeListener("exit", release);
    if (readHolder(file)?.token === holder.token) {
      try {
        unlinkSync2(file);
      } catch {
      }
    }
  };
  function onSignal(signal) {
    if (signalDeferrals > 0) return;
    release();
    process.kill(process.pid, signal);
  }
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  process.once("exit", release);
  const deadline = Date.now() + (opts.timeoutMs ?? 6e5);
  const poll = opts.pollMs ?? 100;
  let told = false;
  let unreadableSince = null;
  try {
    for (; ; ) {
      assertLockFileKind(file);
      if (tryCreate(file, holder)) break;
      const other = readHolder(file);
      if (other === null) {
        unreadableSince ??= Date.now();
        if (Date.now() - unreadableSince > 2e3) {
          try {
            unlinkSync2(file);
          } catch {
          }
          unreadableSince = null;
        }
      } else if (!holderAlive(other)) {
        if (readHolder(file)?.token === other.token) {
          try {
            unlinkSync2(file);
          } catch {
          }
        }
        continue;
      } else {
        unreadableSince = null;
        if (!told) {
          told = true;
          opts.onWait?.(other);
        }
      }
      if (Date.now() >= deadline) {
        const who = other ? ` (pid ${other.pid}, ${other.command}, since ${other.startedAt})` : "";
        throw new RustgateError("LOCKED", `another rustgate run holds ${file}${who}`, "wait for it to finish; if no rustgate is running, delete the lock file");
      }
      await sleep(poll);
    }
  } catch (e) {
    release();
    throw e;
  }
  let recovery = null;
  try {
    recovery = await recoverInterruptedApply(root);
  } catch (e) {
    notice(`could not recover an interrupted debug-bug --apply (${e instanceof Error ? e.message : String(e)}); its journal is kept in ${rustgatePaths(root).dir}`);
  }
  if (recovery) {
    notice(recovery.message);
    opts.onRecover?.(recovery);
  }
  return { path: file, holder, recovery, release };
}

// src/app/private-tree/index.ts
import { existsSync as existsSync4, readFileSync as readFileSync7, renameSync as renameSync4, rmSync as rmSync3, statSync as statSync3, utimesSync, writeFileSync as writeFileSync3 } from "node:fs";
import path10 from "node:path";

// src/app/private-tree/confined.ts
import { closeSync as closeSync3, constants, fstatSync, lstatSync as lstatSync3, mkdirSync as mkdirSync2, openSync as openSync3, readdirSync as readdirSync2, readFileSync as readFileSync5, readlinkSync as readlinkSync2, realpathSync, rmdirSync, rmSync as rmSync2, symlinkSync, unlinkSync as unlinkSync3, writeSync as writeSync3 } from "node:fs";
import path7 from "node:path";
var ConfinedPathError = class extends Error {
  constructor(rel2, reason, message) {
    super(message);
    this.rel = rel2;
    this.reason = reason;
    this.name = "ConfinedPathError";
  }
  rel;
  reason;
};
function normaliseRel(rel2) {
  if (rel2 === "" || rel2.includes("\0") || rel2.startsWith("/") || rel2.startsWith("\\") || /^[A-Za-z]:/.test(rel2)) return null;
  const n = path7.posix.normalize(rel2.replace(/\\/g, "/"));
  if (n === "." || n === ".." || n.startsWith("../") || n.startsWith("/")) return null;
  return n.replace(/\/$/, "");
}
function lstatOrNull(abs) {
  try {
    return lstatSync3(abs);
  } catch {
    return null;
  }
}
var ConfinedDir = class {
  /** `root` must be a real directory (not a link) whose parent is a real directory too: a planted link is refused. */
  constructor(root) {
    this.root = root;
    for (const d of [path7.dirname(root), root]) {
      const st = lstatOrNull(d);
      if (st === null) mkdirSync2(d, { recursive: true });
      else if (!st.isDirectory()) throw new RustgateError("WORKDIR_CORRUPT", `${d} is not a plain directory (a symlink or a file)`, `delete ${d} (rustgate recreates it) and run again`);
    }
    this.real = realpathSync(root);
    if (this.real !== path7.join(realpathSync(path7.dirname(root)), path7.basename(root))) {
      throw new RustgateError("WORKDIR_CORRUPT", `${root} does not resolve to itself`, `delete ${root} (rustgate recreates it) and run again`);
    }
  }
  root;
  /** The real (symlink-free) path of the root. */
  real;
  /** Removes everything inside the copy (it is rustgate's own; used when its manifest is lost). Links are unlinked, never followed. */
  wipe() {
    for (const name of readdirSync2(this.real)) rmSync2(path7.join(this.real, name), { recursive: true, force: true });
  }
  /** Every file and link in the copy (relative, '/'-separated), never descending into a link. */
  listAll() {
    const out = [];
    const walk = (rel2) => {
      for (const e of readdirSync2(rel2 === "" ? this.real : path7.join(this.real, rel2), { withFileTypes: true })) {
        const r = rel2 === "" ? e.name : `${rel2}/${e.name}`;
        if (e.isDirectory()) walk(r);
        else out.push(r);
      }
    };
    walk("");
    return out;
  }
  /** True when the copy holds nothing. */
  isEmpty() {
    return readdirSync2(this.real).length === 0;
  }
  inside(real) {
    return real === this.real || real.startsWith(`${this.real}${path7.sep}`);
  }
  rel(rel2) {
    const n = normaliseRel(rel2);
    if (n === null) throw new ConfinedPathError(rel2, "escapes", `${rel2} is not a path inside the copy`);
    return n;
  }
  /**
   * The physical directory that holds `rel`: each existing parent is resolved with realpath and must stay inside;
   * missing ones are created (with `create`). Returns null when a parent is missing and `create` is false.
   */
  parentOf(rel2, create) {
    const parts = rel2.split("/");
    let dir = this.real;
    for (let i = 0; i < parts.length - 1; i++) {
      const next = path7.join(dir, parts[i] ?? "");
      const st = lstatOrNull(next);
      if (st === null) {
        if (!create) return null;
        mkdirSync2(next);
        dir = next;
        continue;
      }
      if (st.isSymbolicLink()) {
        let real;
        try {
          real = realpathSync(next);
        } catch {
          throw new ConfinedPathError(rel2, "escapes", `${parts.slice(0, i + 1).join("/")} is a dangling symlink`);
        }
        if (!this.inside(real)) throw new ConfinedPathError(rel2, "escapes", `${rel2} goes through the symlink ${parts.slice(0, i + 1).join("/")}, which leaves the copy`);
        if (!lstatSync3(real).isDirectory()) throw new ConfinedPathError(rel2, "not-a-directory", `${parts.slice(0, i + 1).join("/")} is not a directory`);
        dir = real;
        continue;
      }
      if (!st.isDirectory()) throw new ConfinedPathError(rel2, "not-a-directory", `${parts.slice(0, i + 1).join("/")} is a file where a directory is expected`);
      dir = next;
    }
    return dir;
  }
  /** The physical absolute path of `rel` (its parent resolved); null when a parent is missing. */
  resolve(rel2) {
    const r = this.rel(rel2);
    const parent = this.parentOf(r, false);
    return parent === null ? null : path7.join(parent, path7.basename(r));
  }
  /** lstat of `rel` inside the copy (never following the last component); null when absent. */
  lstat(rel2) {
    try {
      const abs = this.resolve(rel2);
      return abs === null ? null : lstatOrNull(abs);
    } catch (e) {
      if (e instanceof ConfinedPathError) return null;
      throw e;
    }
  }
  /** Reads a regular file of the copy; undefined when absent or not a regular file. */
  read(rel2) {
    const abs = this.resolve(rel2);
    if (abs === null) return void 0;
    const st = lstatOrNull(abs);
    if (!st?.isFile()) return void 0;
    return readFileSync5(abs);
  }
  /** Replaces whatever non-directory is at `rel` (a file or a link) by nothing; a directory there is an error. */
  clear(abs, rel2) {
    const st = lstatOrNull(abs);
    if (st === null) return;
    if (st.isDirectory()) throw new ConfinedPathError(rel2, "is-a-directory", `${rel2} is a directory where a file is expected`);
    unlinkSync3(abs);
  }
  /** Writes `bytes` to `rel` as a new file (exclusive create, never through a link) and returns its stamp. */
  write(rel2, bytes, mode = 420) {
    const r = this.rel(rel2);
    const parent = this.parentOf(r, true);
    const abs = path7.join(parent, path7.basename(r));
    this.clear(abs, r);
    const fd = openSync3(abs, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, mode);
    try {
      const buf = typeof bytes === "string" ? Buffer.from(bytes, "utf8") : bytes;
      let off = 0;
      while (off < buf.length) off += writeSync3(fd, buf, off, buf.length - off);
      return stampOf(fstatSync(fd));
    } finally {
      closeSync3(fd);
    }
  }
  /** Creates the symlink `rel` → `target` (replacing a file or link there); the caller has checked the target. */
  symlink(rel2, target) {
    const r = this.rel(rel2);
    const parent = this.parentOf(r, true);
    const abs = path7.join(parent, path7.basename(r));
    this.clear(abs, r);
    symlinkSync(target, abs);
    return stampOf(lstatSync3(abs));
  }
  /** The target of the symlink at `rel`, or undefined. */
  readlink(rel2) {
    const abs = this.resolve(rel2);
    if (abs === null || !lstatOrNull(abs)?.isSymbolicLink()) return void 0;
    return readlinkSync2(abs);
  }
  /** True when the symlink at `rel` resolves (physically, now) to a path inside the copy, or does not resolve at all. */
  linkStaysInside(rel2) {
    const abs = this.resolve(rel2);
    if (abs === null) return true;
    try {
      return this.inside(realpathSync(abs));
    } catch {
      return true;
    }
  }
  /** Removes the directory `rel` of the copy and everything in it (links inside are unlinked, never followed). */
  removeTree(rel2) {
    const abs = this.resolve(this.rel(rel2));
    if (abs === null || !lstatOrNull(abs)?.isDirectory()) return;
    rmSync2(abs, { recursive: true, force: true });
  }
  /** Removes the file or link `rel` (never a directory, never outside) and prunes parents it left empty. */
  remove(rel2) {
    let r;
    let abs;
    try {
      r = this.rel(rel2);
      abs = this.resolve(r);
    } catch (e) {
      if (e instanceof ConfinedPathError) return false;
      throw e;
    }
    if (abs === null) return false;
    const st = lstatOrNull(abs);
    if (st === null || st.isDirectory()) return false;
    unlinkSync3(abs);
    let dir = path7.dirname(abs);
    while (dir !== this.real && this.inside(dir)) {
      try {
        rmdirSync(dir);
      } catch {
        break;
      }
      dir = path7.dirname(dir);
    }
    return true;
  }
};
function confinedError(e, copyDir) {
  if (e.reason === "escapes") return new RustgateError("PATCH_REJECTED", `refusing to write ${e.rel}: ${e.message}`, "patch the file the link points to, by its own path inside the workspace");
  return new RustgateError("WORKDIR_CORRUPT", `${path7.join(copyDir, e.rel)}: ${e.message}`, `delete ${copyDir} (rustgate recreates it) and run again`);
}
function readInside(root, rel2) {
  const n = normaliseRel(rel2);
  if (n === null) throw new RustgateError("PATCH_REJECTED", `${rel2} is not a path inside the workspace`, "use a path relative to the workspace root");
  const realRoot = realpathSync(root);
  let parent = realRoot;
  const parts = n.split("/");
  for (let i = 0; i < parts.length - 1; i++) {
    const next = path7.join(parent, parts[i] ?? "");
    const st2 = lstatOrNull(next);
    if (st2 === null || !st2.isDirectory() && !st2.isSymbolicLink()) return void 0;
    if (st2.isSymbolicLink()) throw new RustgateError("PATCH_REJECTED", `refusing ${rel2}: it goes through the symlink ${parts.slice(0, i + 1).join("/")}`, "name the file by its own path inside the workspace");
    parent = next;
  }
  const abs = path7.join(parent, path7.basename(n));
  const st = lstatOrNull(abs);
  if (st === null) return void 0;
  if (st.isSymbolicLink()) throw new RustgateError("PATCH_REJECTED", `refusing ${rel2}: it is a symlink`, "patch the file the link points to instead");
  if (!st.isFile()) return void 0;
  const fd = openSync3(abs, constants.O_RDONLY | constants.O_NOFOLLOW);
  try {
    return readFileSync5(fd);
  } finally {
    closeSync3(fd);
  }
}

// src/app/private-tree/ledger.ts
import { mkdirSync as mkdirSync3, readFileSync as readFileSync6, renameSync as renameSync3, writeFileSync as writeFileSync2 } from "node:fs";
import path8 from "node:path";
function prepareBuild(file, content, now = Date.now()) {
  let data = { version: 3, files: {} };
  try {
    const d = JSON.parse(readFileSync6(file, "utf8"));
    if (d.version === 3 && typeof d.files === "object" && d.files !== null) data = d;
  } catch {
  }
  const time = Math.floor(now) + 1;
  const paths = [];
  for (const [p, f] of content) {
    const e = data.files[p];
    if (e === void 0 || e.id !== f.id) {
      data.files[p] = { id: f.id, since: time };
      paths.push(p);
    } else if (Math.round(f.mtimeMs) < e.since) {
      paths.push(p);
    }
  }
  for (const [p, e] of Object.entries(data.files)) {
    if (!content.has(p) && e.id !== null) data.files[p] = { id: null, since: time };
  }
  mkdirSync3(path8.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync2(tmp, JSON.stringify(data));
  renameSync3(tmp, file);
  return { time, paths };
}

// src/app/private-tree/seed.ts
import { cpSync, existsSync as existsSync3, readdirSync as readdirSync3, statSync as statSync2 } from "node:fs";
import path9 from "node:path";
function userTargetDir(root, env = process.env) {
  const dir = env.CARGO_TARGET_DIR ? path9.resolve(root, env.CARGO_TARGET_DIR) : path9.join(root, "target");
  try {
    return statSync2(dir).isDirectory() ? dir : null;
  } catch {
    return null;
  }
}
function unitName(entry, dir) {
  const base = dir === "deps" && entry.startsWith("lib") ? entry.slice(3) : entry;
  return base.replace(/-[0-9a-f]{16}(\..*)?$/, "").replace(/-/g, "_");
}
function seedTargetDir(from, to, workspaceNames) {
  const skip = new Set([...workspaceNames].map((n) => n.replace(/-/g, "_")));
  let copied = 0;
  for (const profile of ["debug"]) {
    for (const sub of ["deps", ".fingerprint", "build"]) {
      const src = path9.join(from, profile, sub);
      if (!existsSync3(src)) continue;
      for (const entry of readdirSync3(src)) {
        if (skip.has(unitName(entry, sub))) continue;
        cpSync(path9.join(src, entry), path9.join(to, profile, sub, entry), { recursive: true, preserveTimestamps: true, verbatimSymlinks: true, errorOnExist: false, force: false });
        copied++;
      }
    }
  }
  return copied;
}

// src/app/private-tree/index.ts
function readManifest(file) {
  if (!existsSync4(file)) return null;
  try {
    const m = JSON.parse(readFileSync7(file, "utf8"));
    if (typeof m.entries !== "object" || m.entries === null) return null;
    if (m.version === 2) return m;
    if (m.version === 1) {
      const entries = {};
      for (const [p, e] of Object.entries(m.entries)) entries[p] = { id: "", mode: e.mode ?? "100644" };
      return { version: 2, entries };
    }
  } catch {
  }
  return null;
}
function writeManifest(file, m) {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync3(tmp, JSON.stringify(m));
  renameSync4(tmp, file);
}
var fileMode = (mode) => mode === "100755" ? 493 : 420;
function openPrivateTree(opts) {
  const paths = rustgatePaths(opts.repo.workspace);
  ensureWorkDir(opts.repo.workspace);
  const tp = paths.tree(opts.name);
  const dir = new ConfinedDir(tp.dir);
  let manifest = { version: 2, entries: {} };
  let base = null;
  let overlaid = /* @__PURE__ */ new Set();
  let contentLinks = /* @__PURE__ */ new Set();
  let baseLinks = /* @__PURE__ */ new Map();
  const guard = (fn, fromPatch) => {
    try {
      return fn();
    } catch (e) {
      if (e instanceof ConfinedPathError) {
        if (fromPatch) {
          const why = e.reason === "escapes" ? e.message : `${e.message} in the content the patch applies to`;
          throw new RustgateError("PATCH_REJECTED", `refusing the patch: ${why}`, e.reason === "escapes" ? "patch the file the link points to, by its own path inside the workspace" : `make the patch add files, not directories (${e.rel})`);
        }
        throw confinedError(e, tp.dir);
      }
      throw e;
    }
  };
  const bump = (rels, time) => {
    const when = new Date(time);
    for (const rel2 of rels) {
      const abs = dir.resolve(rel2);
      if (abs === null) continue;
      try {
        utimesSync(abs, when, when);
      } catch {
        continue;
      }
      const e = manifest.entries[rel2];
      const st = dir.lstat(rel2);
      if (e && st) e.st = stampOf(st);
      if (e?.mode === "120000") {
        const real = path10.relative(dir.real, path10.resolve(path10.dirname(abs), dir.readlink(rel2) ?? ""));
        const t = manifest.entries[real.split(path10.sep).join("/")];
        const tst = dir.lstat(real);
        if (t && tst) t.st = stampOf(tst);
      }
    }
  };
  const prepare = () => {
    const content = /* @__PURE__ */ new Map();
    for (const [p, e] of Object.entries(manifest.entries)) {
      let mtimeMs = e.st?.mtimeMs ?? 0;
      if (e.mode === "120000") {
        const abs = dir.resolve(p);
        try {
          mtimeMs = abs === null ? Number.MAX_SAFE_INTEGER : statSync3(abs).mtimeMs;
        } catch {
          mtimeMs = Number.MAX_SAFE_INTEGER;
        }
      }
      content.set(p, { id: e.id, mtimeMs });
    }
    const plan = prepareBuild(paths.targetLedger, content);
    bump(plan.paths, plan.time);
    return plan.paths.length;
  };
  const seedOnce = async () => {
    const from = userTargetDir(opts.repo.workspace);
    if (from === null || path10.resolve(from) === paths.target) return;
    const { readWorkspace } = await import("./chunk-ACIX5YCK.js");
    const ws = await readWorkspace(opts.repo.workspace).catch(() => null);
    if (ws === null) return;
    const names = new Set(ws.packages.flatMap((p) => [p.name, ...p.targets.map((t) => t.name)]));
    const tmp = `${paths.target}.seeding`;
    rmSync3(tmp, { recursive: true, force: true });
    try {
      seedTargetDir(from, tmp, names);
      renameSync4(tmp, paths.target);
    } catch {
      rmSync3(tmp, { recursive: true, force: true });
    }
  };
  const sync = async () => {
    const t0 = performance.now();
    const warnings = [];
    const loaded = readManifest(tp.manifest);
    if (loaded === null && !dir.isEmpty()) dir.wipe();
    manifest = loaded ?? { version: 2, entries: {} };
    const known = (rel2) => {
      const e = manifest.entries[rel2];
      return e && e.id !== "" ? { id: e.id, mode: e.mode, ...e.src ? { src: e.src } : {} } : void 0;
    };
    const entries = await selectedContent(opts.repo, opts.source, opts.rev ?? null, known, warnings);
    if (!existsSync4(paths.target)) await seedOnce();
    const links = entries.filter((e) => e.mode === "120000");
    const linkBytes = links.length > 0 ? await readEntries(opts.repo.workspace, links) : /* @__PURE__ */ new Map();
    const linkTarget = new Map(links.map((l) => [l.path, linkBytes.get(l.path)?.toString("utf8") ?? ""]));
    const wanted = /* @__PURE__ */ new Map();
    for (const e of entries) {
      if (e.mode === "160000") continue;
      if (normaliseRel(e.path) !== e.path) {
        warnings.push(`skipped ${e.path}: not a plain relative path`);
        continue;
      }
      if (e.mode === "120000") {
        const target = linkTarget.get(e.path) ?? "";
        if (!symlinkResolvesInside(e.path, target, (p) => linkTarget.get(p))) {
          warnings.push(`skipped symlink ${e.path} -> ${target}: its target is outside the workspace`);
          continue;
        }
      }
      wanted.set(e.path, e);
    }
    let deleted = 0;
    const toWrite = [];
    let kept = 0;
    try {
      for (const rel2 of Object.keys(manifest.entries)) {
        if (wanted.has(rel2)) continue;
        guard(() => dir.remove(rel2), false);
        delete manifest.entries[rel2];
        deleted++;
      }
      for (const rel2 of dir.listAll()) {
        if (wanted.has(rel2) || manifest.entries[rel2] !== void 0 || rel2 === "Cargo.lock" && !wanted.has(rel2)) continue;
        dir.remove(rel2);
        deleted++;
      }
      for (const e of wanted.values()) {
        const prev = manifest.entries[e.path];
        const st = dir.lstat(e.path);
        if (prev && prev.id === e.id && prev.mode === e.mode && st && sameStamp(prev.st, stampOf(st))) {
          kept++;
          if (e.stat) prev.src = e.stat;
          continue;
        }
        toWrite.push(e);
      }
      const bytes = await readEntries(opts.repo.workspace, toWrite.filter((e) => e.mode !== "120000"));
      for (const e of toWrite) {
        if (dir.lstat(e.path)?.isDirectory()) guard(() => dir.removeTree(e.path), false);
        if (e.mode === "120000") {
          const target = linkTarget.get(e.path) ?? "";
          const st2 = guard(() => dir.symlink(e.path, target), false);
          if (!dir.linkStaysInside(e.path)) {
            dir.remove(e.path);
            delete manifest.entries[e.path];
            warnings.push(`skipped symlink ${e.path} -> ${target}: its target is outside the workspace`);
            continue;
          }
          manifest.entries[e.path] = { id: e.id, mode: e.mode, st: st2, ...e.stat ? { src: e.stat } : {} };
          continue;
        }
        const b = bytes.get(e.path);
        if (b === void 0) {
          warnings.push(`could not read ${e.path} (object ${e.oid ?? "?"})`);
          delete manifest.entries[e.path];
          dir.remove(e.path);
          continue;
        }
        const id = e.abs !== void 0 ? blobId(b) : e.id;
        const st = guard(() => dir.write(e.path, b, fileMode(e.mode)), false);
        manifest.entries[e.path] = { id, mode: e.mode, st, ...e.stat && id === e.id ? { src: e.stat } : {} };
      }
      const bumped = prepare();
      base = wanted;
      contentLinks = new Set(links.map((l) => l.path));
      baseLinks = new Map([...wanted.values()].filter((e) => e.mode === "120000" && manifest.entries[e.path] !== void 0).map((e) => [e.path, linkTarget.get(e.path) ?? ""]));
      overlaid = /* @__PURE__ */ new Set();
      return { dir: tp.dir, written: toWrite.length, deleted, kept, bumped, warnings, ms: performance.now() - t0 };
    } finally {
      writeManifest(tp.manifest, manifest);
    }
  };
  const overlay = async (files, forBuild) => {
    if (base === null) throw new RustgateError("INTERNAL", `overlay before sync of ${tp.dir}`, "report this");
    const synced = base;
    const next = /* @__PURE__ */ new Map();
    for (const [rel2, content] of files) {
      const n = normaliseRel(rel2);
      if (n === null) throw new RustgateError("PATCH_REJECTED", `refusing the patch: ${rel2} is not a path inside the workspace`, "use paths relative to the workspace root");
      next.set(n, content);
    }
    try {
      const restore = [...overlaid].filter((p) => !next.has(p));
      const restoreBytes = await readEntries(opts.repo.workspace, restore.map((p) => synced.get(p)).filter((e) => e !== void 0 && e.mode !== "120000"));
      for (const p of restore) {
        const e = synced.get(p);
        const b = restoreBytes.get(p);
        if (e && e.mode === "120000") {
          const target = baseLinks.get(p);
          if (target === void 0) {
            dir.remove(p);
            delete manifest.entries[p];
          } else if (dir.readlink(p) !== target) {
            manifest.entries[p] = { id: e.id, mode: e.mode, st: guard(() => dir.symlink(p, target), false) };
          }
        } else if (e && b !== void 0) {
          const id = e.abs !== void 0 ? blobId(b) : e.id;
          manifest.entries[p] = { id, mode: e.mode, st: guard(() => dir.write(p, b, fileMode(e.mode)), false) };
        } else {
          dir.remove(p);
          delete manifest.entries[p];
        }
        overlaid.delete(p);
      }
      for (const [p, content] of next) {
        overlaid.add(p);
        if (content === null) {
          guard(() => dir.remove(p), true);
          delete manifest.entries[p];
          continue;
        }
        const buf = typeof content === "string" ? Buffer.from(content, "utf8") : Buffer.from(content);
        const id = blobId(buf);
        const mode = synced.get(p)?.mode === "100755" ? "100755" : "100644";
        const cur = manifest.entries[p];
        const st = dir.lstat(p);
        if (cur && cur.id === id && st && sameStamp(cur.st, stampOf(st))) continue;
        manifest.entries[p] = { id, mode, st: guard(() => dir.write(p, buf, fileMode(mode)), true) };
      }
      if (forBuild) prepare();
    } finally {
      writeManifest(tp.manifest, manifest);
    }
  };
  return {
    dir: tp.dir,
    targetDir: paths.target,
    storeDir: tp.store,
    sync,
    overlay: (files) => overlay(files, true),
    reset: () => overlay(/* @__PURE__ */ new Map(), false),
    linkOnPath: (rel2) => {
      const n = normaliseRel(rel2);
      if (n === null || base === null) return null;
      const parts = n.split("/");
      for (let i = 1; i < parts.length; i++) {
        const prefix = parts.slice(0, i).join("/");
        if (contentLinks.has(prefix)) return prefix;
      }
      return null;
    }
  };
}

// src/app/preflight.ts
async function shadowGraph(shadowRoot, storeDir, warnings, workspace) {
  const { openBuiltStore } = await import("./chunk-O3GJTAXS.js");
  try {
    const store = await openBuiltStore(shadowRoot, storeDir, { onWarning: (m) => warnings.push(m), ...workspace ? { workspace } : {} });
    return { graph: store, close: () => store.close() };
  } catch (e) {
    warnings.push(`ISG unavailable, diagnostics are not mapped to graph nodes: ${e instanceof Error ? e.message : String(e)}`);
    return null;
  }
}
function cargoFailure(message, file, line = 1, column = 1) {
  return {
    level: "error",
    code: null,
    message,
    primary: file === null ? null : { file, lineStart: line, lineEnd: line, columnStart: column, columnEnd: column, byteStart: 0, byteEnd: 0, isPrimary: true, label: null },
    spans: [],
    notes: [],
    suggestions: [],
    rendered: message,
    source: "rustc",
    packageName: null
  };
}
function synthesiseCargoFailure(res, shadowRoot, timeoutMs) {
  if (res.timedOut) return cargoFailure(`cargo check timed out after ${Math.round((timeoutMs ?? 0) / 1e3)} s`, null);
  if (res.exitCode === 0 || res.diagnostics.some((d) => d.level === "error")) return null;
  const text = res.stderrTail.split(`${shadowRoot}/`).join("").split(shadowRoot).join(".");
  const lines = text.split("\n");
  const firstError = lines.find((l) => l.startsWith("error")) ?? lines[0] ?? "cargo check failed";
  const arrow = /-->\s+([^\s:]+):(\d+):(\d+)/.exec(text);
  const quoted = /`([^`\s]*?(?:Cargo\.toml|Cargo\.lock|\.rs))`/.exec(text);
  const message = `cargo check failed: ${firstError.replace(/^error:\s*/, "")}`;
  if (arrow?.[1] && !arrow[1].startsWith("/")) return cargoFailure(`${message}
${text}`, arrow[1], Number(arrow[2]), Number(arrow[3]));
  const file = quoted?.[1] && !quoted[1].startsWith("/") ? quoted[1] : null;
  return cargoFailure(`${message}
${text}`, file);
}
function findWorkspaceRoot(dir, top) {
  return locateWorkspaceRoot(dir, top);
}
async function openWorkspace(dir) {
  const repo = await openRepo(path11.resolve(dir));
  const root = findWorkspaceRoot(repo.workspace, repo.top);
  if (root === null) {
    throw new RustgateError("NO_CARGO_TOML", `no Cargo.toml in ${repo.workspace} or above it in the repository`, "pass --repo with the directory that holds the workspace root Cargo.toml");
  }
  return root === repo.workspace ? repo : openRepo(root);
}
async function choosePackages(root, members, changed, opts, warnings) {
  if (!members.ok) {
    if (opts.packages && opts.packages.length > 0) return { packages: opts.packages, unchecked: [], unowned: [], targetDirectory: null };
    warnings.push(`${members.error}: checking the whole workspace`);
    return { packages: null, unchecked: [], unowned: [], targetDirectory: null };
  }
  const files = changed.flatMap((f) => f.oldPath !== void 0 ? [f.path, f.oldPath] : [f.path]);
  const selection = selectAffected({ members: members.members, changed, manifestDirs: manifestDirsAbove(root, files) });
  let packages;
  if (opts.packages && opts.packages.length > 0) packages = [...opts.packages].sort();
  else if (opts.wholeWorkspace || selection.all || selection.packages.length === 0) packages = null;
  else packages = selection.packages;
  return { packages, unchecked: uncheckedFiles(selection, packages), unowned: uncheckedFiles(selection, null), targetDirectory: members.targetDirectory };
}
async function metadataOfWorktree(repo) {
  const file = rustgatePaths(repo.workspace).metadata;
  const key = await trackedCargoInputs(repo).then(
    (tracked) => metadataKey(repo.workspace, tracked),
    () => null
  );
  const hit = key === null ? null : readCachedMetadata(file, key);
  if (hit !== null) return { ok: true, meta: hit };
  const fresh = await runCargoMetadata(repo.workspace);
  try {
    if (key !== null && fresh.ok) writeCachedMetadata(file, key, fresh.meta);
  } catch {
  }
  return fresh;
}
function workspaceOf(repo, run) {
  if (run === null || !run.ok) return void 0;
  try {
    return workspaceFromMetadata(checkWorkspaceDir(repo.workspace), run.meta);
  } catch {
    return void 0;
  }
}
function manifestsHash(root, members, extra) {
  const h = createHash3("sha256");
  for (const rel2 of ["Cargo.lock", ...members.map((m) => m.manifestDir === "" ? "Cargo.toml" : `${m.manifestDir}/Cargo.toml`).sort()]) {
    h.update(`${rel2}\0`);
    try {
      h.update(readFileSync8(path11.join(root, rel2)));
    } catch {
      h.update("-");
    }
  }
  return h.update(extra.join("\0")).digest("hex");
}
async function subsetKeepsFeatures(root, cacheFile, members, packages, opts, env, locked, cachedOnly = false) {
  const featureArgs = opts.allFeatures ? ["--all-features"] : opts.features && opts.features.length > 0 ? ["--features", opts.features.join(",")] : [];
  const file = cacheFile;
  let cache = {};
  try {
    cache = JSON.parse(readFileSync8(file, "utf8"));
  } catch {
    cache = {};
  }
  const base = manifestsHash(root, members, featureArgs);
  if (cachedOnly) {
    const ws2 = cache[`${base}:*`];
    const sub2 = cache[`${base}:${packages.join(",")}`];
    return ws2 === void 0 || sub2 === void 0 ? void 0 : featureDrift(ws2, sub2).length === 0;
  }
  const get = async (sel) => {
    const key = `${base}:${sel === null ? "*" : sel.join(",")}`;
    const hit = cache[key];
    if (hit) return hit;
    const lines = await resolvedFeatures(root, sel, featureArgs, env, locked);
    if (lines !== null) cache[key] = lines;
    return lines;
  };
  const [ws, sub] = await Promise.all([get(null), get(packages)]);
  const keys = Object.keys(cache);
  for (const k of keys.slice(0, Math.max(0, keys.length - 32))) delete cache[k];
  try {
    writeFileSync4(`${file}.tmp`, JSON.stringify(cache));
    renameSync5(`${file}.tmp`, file);
  } catch {
  }
  return ws !== null && sub !== null && featureDrift(ws, sub).length === 0;
}
async function affectedPackagesIn(root, changed, opts) {
  const env = opts.targetDir !== null ? { CARGO_TARGET_DIR: opts.targetDir } : {};
  const meta = await readMembers(root, env);
  const popts = { repo: opts.repo, scope: "worktree", ...opts.features ? { features: opts.features } : {}, ...opts.allFeatures ? { allFeatures: true } : {} };
  const choice = await choosePackages(root, meta, changed, popts, []);
  if (choice.packages === null || !meta.ok) return null;
  const keeps = await subsetKeepsFeatures(root, rustgatePaths(opts.repo).featureSets, meta.members, choice.packages, popts, env, false);
  return keeps ? choice.packages : null;
}
async function runPreflight(opts) {
  const t0 = performance.now();
  const progress = opts.onProgress ?? (() => void 0);
  const repo = await openWorkspace(opts.repo);
  if (opts.scope === "diff" && !opts.range) {
    throw new RustgateError("BAD_RANGE", "--diff needs a range", "use --diff BASE..HEAD, e.g. --diff origin/main..HEAD");
  }
  if (opts.scope === "worktree") await assertNoOperationInProgress(repo, true);
  else if (opts.scope === "staged") await assertIndexResolved(repo);
  let range = null;
  progress("listing changes");
  let changed;
  if (opts.scope === "staged") changed = await stagedChanges(repo);
  else if (opts.scope === "worktree") changed = await worktreeChanges(repo);
  else {
    range = await resolveRange(repo, opts.range ?? "");
    changed = await rangeChanges(repo, range);
  }
  const warnings = [];
  const outside = await outsideChanges(repo, opts.scope, range);
  const inputsAbove = cargoInputsAbove(outside, repo.prefix);
  const base = {
    scope: opts.scope,
    range: range?.text ?? null,
    changedFiles: changed,
    workspacePrefix: repo.prefix,
    outsideFiles: outside.filter((p) => !inputsAbove.includes(p)),
    warnings
  };
  if (classifyChanges(changed).skip && inputsAbove.length === 0) {
    if (existsSync5(rustgatePaths(repo.workspace).applyJournal)) {
      (await acquireLock(repo.workspace, { command: `preflight --${opts.scope}`, ...opts.onWait ? { onWait: opts.onWait } : {} })).release();
    }
    return { ...base, ok: true, skipped: true, findings: [], cargo: null, tests: null, mode: null, modeReason: null, checkedPackages: null, uncheckedFiles: [], ms: { total: performance.now() - t0, cargo: 0, shadow: 0, isg: 0 } };
  }
  const workDir = ensureWorkDir(repo.workspace);
  const lock = await acquireLock(repo.workspace, {
    command: `preflight --${opts.scope}`,
    ...opts.lockTimeoutMs !== void 0 ? { timeoutMs: opts.lockTimeoutMs } : {},
    ...opts.onWait ? { onWait: opts.onWait } : {}
  });
  try {
    progress("comparing the selected content with the working tree");
    const metadataInPlace = opts.forceShadow ? null : metadataOfWorktree(repo);
    const membersInPlace = metadataInPlace === null ? null : metadataInPlace.then((run) => run.ok ? membersFromMetadata(run.meta) : { ok: false, error: run.error });
    const blockers = opts.forceShadow ? ["--shadow was given"] : opts.scope === "worktree" ? [] : await inPlaceBlockers(repo, opts.scope, range?.head ?? null);
    if (blockers.length === 0 && !existsSync5(path11.join(repo.workspace, "Cargo.lock"))) blockers.push("the workspace has no Cargo.lock");
    let members = null;
    if (blockers.length === 0 && membersInPlace !== null) {
      members = await membersInPlace;
      if (members.ok && !existsSync5(members.targetDirectory)) blockers.push(`no build cache yet at ${members.targetDirectory}`);
    }
    if (inputsAbove.length > 0) {
      warnings.push(`${inputsAbove.join(", ")} above the workspace changed: checking the whole workspace`);
      if (opts.scope !== "worktree") {
        const differ = await differFromWorktree(repo, opts.scope, range?.head ?? null, inputsAbove);
        if (differ.length > 0) warnings.push(`cargo reads ${differ.join(", ")} from the working tree, which differs from the ${opts.scope === "staged" ? "index" : "commit"}: the selected version of ${differ.length === 1 ? "that file was" : "those files were"} not checked`);
      }
    }
    const graphFor = async (root, store) => shadowGraph(root, store, warnings, root === repo.workspace && metadataInPlace !== null ? workspaceOf(repo, await metadataInPlace) : void 0);
    let mode = blockers.length === 0 ? "in_place" : "shadow";
    let checkRoot = repo.workspace;
    let targetDir = null;
    let shadowMs = 0;
    let storeDir = rustgatePaths(repo.workspace).store;
    const enterShadow = async () => {
      progress("materialising the shadow tree");
      const tree = openPrivateTree({ repo, name: "shadow", source: opts.scope, rev: range?.head ?? null });
      const shadow = await tree.sync();
      const shadowDir = tree.dir;
      warnings.push(...shadow.warnings);
      shadowMs = shadow.ms;
      if (!existsSync5(path11.join(shadowDir, "Cargo.toml"))) {
        throw new RustgateError("NO_CARGO_TOML", `the ${opts.scope === "diff" ? "commit" : opts.scope === "staged" ? "index" : "working tree"} has no Cargo.toml at the workspace root`, "stage (git add) the workspace Cargo.toml, or pass --repo with the workspace directory");
      }
      if (opts.scope !== "worktree") {
        const own = CARGO_DIR_INPUTS.filter((f) => cargoDirInput(f) === "cargo-config").map((f) => repo.prefix === "" ? f : `${repo.prefix}/${f}`);
        const differ = await differFromWorktree(repo, opts.scope, range?.head ?? null, own);
        if (differ.length > 0) warnings.push(`the private copy also reads the working tree's ${differ.join(", ")} (cargo reads the config files of every directory above it), which differs from the ${opts.scope === "staged" ? "index" : "commit"}: settings only the working-tree version has applied to this check too; stage it or stash it to check the selected version alone`);
      }
      mode = "shadow";
      checkRoot = shadowDir;
      targetDir = tree.targetDir;
      storeDir = tree.storeDir;
    };
    let fillFeatureCache;
    let early = null;
    const runCargo = async () => {
      progress("selecting the affected packages");
      const meta = mode === "in_place" && members !== null ? members : await readMembers(checkRoot, targetDir !== null ? { CARGO_TARGET_DIR: targetDir } : {});
      const choice2 = await choosePackages(checkRoot, meta, changed, inputsAbove.length > 0 ? { ...opts, wholeWorkspace: true } : opts, warnings);
      if (choice2.packages !== null && !(opts.packages && opts.packages.length > 0) && meta.ok) {
        progress("comparing feature resolution");
        const env = targetDir !== null ? { CARGO_TARGET_DIR: targetDir } : {};
        const cacheFile = rustgatePaths(repo.workspace).featureSets;
        const keeps = await subsetKeepsFeatures(checkRoot, cacheFile, meta.members, choice2.packages, opts, env, mode === "in_place", true);
        if (keeps === void 0) {
          const subset = choice2.packages;
          fillFeatureCache = subsetKeepsFeatures(checkRoot, cacheFile, meta.members, subset, opts, env, mode === "in_place").then(
            () => void 0,
            () => void 0
          );
          choice2.packages = null;
          choice2.unchecked = choice2.unowned;
        } else if (!keeps) {
          choice2.packages = null;
          choice2.unchecked = choice2.unowned;
        }
      }
      progress("cargo check");
      const root = checkRoot;
      const store = storeDir;
      const onFirstError = () => {
        if (opts.isg === false || early !== null) return;
        early = { root, graph: graphFor(root, store) };
      };
      const checking = cargoCheck({
        onFirstError,
        cwd: checkRoot,
        targetDir,
        // In place, cargo must never rewrite the user's Cargo.lock.
        locked: mode === "in_place",
        ...opts.features ? { features: opts.features } : {},
        ...opts.allFeatures ? { allFeatures: true } : {},
        ...choice2.packages !== null ? { packages: choice2.packages } : {},
        ...opts.targets && opts.targets.length > 0 ? { targets: opts.targets } : {},
        ...opts.cargoTimeoutMs !== void 0 ? { timeoutMs: opts.cargoTimeoutMs } : {}
      });
      const [res2] = await Promise.all([checking, fillFeatureCache]);
      fillFeatureCache = void 0;
      return { res: res2, choice: choice2 };
    };
    if (mode === "shadow") await enterShadow();
    let { res, choice } = await runCargo();
    if (mode === "in_place" && res.exitCode !== 0 && lockfileNeedsUpdate(res.stderrTail)) {
      blockers.push("Cargo.lock needs an update");
      await enterShadow();
      ({ res, choice } = await runCargo());
    }
    const diagnostics = [...res.diagnostics];
    const failure = synthesiseCargoFailure(res, checkRoot, opts.cargoTimeoutMs);
    if (failure) diagnostics.push(failure);
    const extensions = opts.extensions ?? [];
    let isgMs = 0;
    let opened = null;
    let graphTried = false;
    const ensureGraph = async () => {
      if (graphTried || opts.isg === false) return;
      graphTried = true;
      progress("refreshing the ISG");
      const t = performance.now();
      const started = early;
      early = null;
      if (started !== null && started.root === checkRoot) opened = await started.graph;
      else {
        if (started !== null) await (await started.graph)?.close();
        opened = await graphFor(checkRoot, storeDir);
      }
      isgMs += performance.now() - t;
    };
    if (extensions.some((e) => e.needsGraph)) await ensureGraph();
    const ctxTarget = targetDir ?? choice.targetDirectory ?? path11.join(repo.workspace, "target");
    try {
      let tests = null;
      for (const ext of extensions) {
        progress(ext.name);
        const graph = opened?.graph ?? null;
        const out = await ext.run({ repo, scope: opts.scope, mode, shadowRoot: checkRoot, targetDir: ctxTarget, workDir, changedFiles: changed, diagnostics, graph });
        if (out.diagnostics) diagnostics.push(...out.diagnostics);
        if (out.tests) tests = out.tests;
        if (out.warnings) warnings.push(...out.warnings);
      }
      const selected = selectDiagnostics(diagnostics);
      if (selected.length > 0) await ensureGraph();
      const tMap = performance.now();
      const findings = await mapFindings(selected, opened?.graph ?? null);
      isgMs += performance.now() - tMap;
      const failedTests = tests !== null && tests.failed > 0;
      return {
        ...base,
        ok: !hasErrors(findings) && !failedTests,
        skipped: false,
        findings,
        tests,
        cargo: { exitCode: res.exitCode, buildSucceeded: res.buildSucceeded, timedOut: res.timedOut, stderrTail: res.stderrTail },
        mode,
        modeReason: blockers[0] ?? null,
        checkedPackages: choice.packages,
        uncheckedFiles: choice.unchecked,
        ms: { total: performance.now() - t0, cargo: res.ms, shadow: shadowMs, isg: isgMs }
      };
    } finally {
      await opened?.close();
      const unused = early;
      if (unused !== null) await (await unused.graph)?.close();
    }
  } finally {
    lock.release();
  }
}

export {
  readMembers,
  manifestDirsAbove,
  selectAffected,
  shardPackages,
  cargoCheckArgs,
  cargoCheck,
  sha256Hex,
  writeJournal,
  clearJournal,
  replaceFile,
  indexEntry,
  stageCommitted,
  restoreOwnBytes,
  describeLeft,
  deferSignalExit,
  acquireLock,
  readInside,
  openPrivateTree,
  synthesiseCargoFailure,
  findWorkspaceRoot,
  openWorkspace,
  affectedPackagesIn,
  runPreflight
};
