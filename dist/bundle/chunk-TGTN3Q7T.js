import { createRequire as __rgCreateRequire } from 'node:module';
const require = __rgCreateRequire(import.meta.url);
import {
  rustgatePaths
} from "./chunk-AGTEUQPZ.js";
import {
  git
} from "./chunk-YS7A56PW.js";
import {
  RustgateError
} from "./chunk-LM6P7DGY.js";

// src/adapters/hooks/install.ts
import { chmodSync as chmodSync2, existsSync as existsSync2, mkdirSync as mkdirSync2, readdirSync as readdirSync2, readFileSync as readFileSync2, realpathSync, renameSync, rmdirSync as rmdirSync2, rmSync as rmSync2, statSync, writeFileSync as writeFileSync2 } from "node:fs";
import path3 from "node:path";
import { fileURLToPath } from "node:url";

// src/adapters/hooks/config.ts
import path from "node:path";
async function openHookRepo(dir) {
  const r = await git(dir, ["rev-parse", "--path-format=absolute", "--show-toplevel", "--git-common-dir"]);
  const [top = "", commonDir = ""] = r.stdout.split("\n");
  if (r.exitCode !== 0 || top === "" || commonDir === "") {
    const why = r.stderr.trim().split("\n")[0];
    throw new RustgateError(
      "NOT_A_GIT_REPO",
      `${dir} is not inside a git work tree${why ? ` (${why})` : ""}`,
      "Run `git init` first, or pass --repo pointing at a git repository."
    );
  }
  return { top: path.resolve(top), commonDir: path.resolve(commonDir) };
}
async function getConfig(cwd, key, scope) {
  const r = await git(cwd, ["config", ...scope ? [`--${scope}`] : [], "--get", key]);
  return r.exitCode === 0 ? r.stdout.replace(/\n$/, "") : null;
}
async function setLocalConfig(cwd, key, value) {
  const r = value === null ? await git(cwd, ["config", "--local", "--unset", key]) : await git(cwd, ["config", "--local", key, value]);
  if (r.exitCode !== 0 && !(value === null && r.exitCode === 5)) {
    throw new RustgateError("INTERNAL", `git config ${key} failed: ${r.stderr.trim()}`, "Check the repository config (.git/config) is writable.");
  }
}

// src/adapters/hooks/legacy.ts
import { chmodSync, existsSync, readdirSync, readFileSync, rmSync, rmdirSync, writeFileSync, mkdirSync } from "node:fs";
import path2 from "node:path";
var HUSKY_PATH = ".husky/_";
async function uninstallLegacyHooks(repo, top) {
  const sdir = rustgatePaths(repo).hooks;
  const stateFile2 = path2.join(sdir, "state.json");
  if (!existsSync(stateFile2)) return null;
  let state;
  try {
    state = JSON.parse(readFileSync(stateFile2, "utf8"));
  } catch (e) {
    throw new RustgateError("STORE_CORRUPT", `${stateFile2} is not readable JSON`, "Restore core.hooksPath and .husky/ by hand, then delete .rustgate/hooks/.", { cause: e });
  }
  const removed = [];
  const restored = [];
  for (const f of [...state.files].reverse()) {
    const abs = path2.join(top, f.path);
    if (f.before === null) {
      rmSync(abs, { force: true });
      removed.push(f.path);
    } else {
      writeFileSync(abs, readFileSync(path2.join(sdir, f.before.backup)));
      chmodSync(abs, f.before.mode);
      restored.push(f.path);
    }
  }
  await setLocalConfig(top, "core.hooksPath", state.hooksPathLocalBefore);
  const underscore = path2.join(top, HUSKY_PATH);
  if (state.huskyUnderscoreBefore === null) {
    rmSync(underscore, { recursive: true, force: true });
  } else {
    const keep = state.huskyUnderscoreBefore;
    if (existsSync(underscore)) {
      for (const name of readdirSync(underscore)) if (!(name in keep)) rmSync(path2.join(underscore, name), { recursive: true, force: true });
    }
    mkdirSync(underscore, { recursive: true });
    for (const [name, { data, mode }] of Object.entries(keep)) {
      writeFileSync(path2.join(underscore, name), Buffer.from(data, "base64"));
      chmodSync(path2.join(underscore, name), mode);
    }
  }
  const huskyDir = path2.join(top, ".husky");
  if (!state.huskyDirExisted && existsSync(huskyDir) && readdirSync(huskyDir).length === 0) rmdirSync(huskyDir);
  rmSync(sdir, { recursive: true, force: true });
  return { removed, restored, hooksPath: state.hooksPathLocalBefore };
}

// src/adapters/hooks/install.ts
var __rgMetaUrl = new URL("./../adapters/hooks/install.js", import.meta.url).href;
var RUSTGATE_HOOKS = ["pre-commit", "pre-merge-commit", "pre-push"];
var HOOK_MARKER = "rustgate-hook v2";
var GIT_HOOKS = /* @__PURE__ */ new Set([
  "applypatch-msg",
  "pre-applypatch",
  "post-applypatch",
  "pre-commit",
  "pre-merge-commit",
  "prepare-commit-msg",
  "commit-msg",
  "post-commit",
  "pre-rebase",
  "post-checkout",
  "post-merge",
  "pre-push",
  "pre-receive",
  "update",
  "proc-receive",
  "post-receive",
  "post-update",
  "reference-transaction",
  "push-to-checkout",
  "pre-auto-gc",
  "post-rewrite",
  "sendemail-validate",
  "fsmonitor-watchman",
  "p4-changelist",
  "p4-prepare-changelist",
  "p4-post-changelist",
  "p4-pre-submit",
  "post-index-change"
]);
function templatesDir() {
  return fileURLToPath(new URL("../../../hooks/", __rgMetaUrl));
}
function shQuote(s) {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}
function isExecutableFile(p) {
  try {
    const st = statSync(p);
    return st.isFile() && (st.mode & 73) !== 0;
  } catch {
    return false;
  }
}
function isOurs(file) {
  try {
    return readFileSync2(file, "utf8").includes(HOOK_MARKER);
  } catch {
    return false;
  }
}
function hooksPathExpr(value, name) {
  if (value === "~" || value.startsWith("~/")) return `"$HOME"${shQuote(`${value.slice(1)}/${name}`)}`;
  return shQuote(path3.posix.join(value, name));
}
function resolveHooksPath(value, top) {
  if (value === "~" || value.startsWith("~/")) return path3.join(process.env.HOME ?? "", value.slice(1));
  return path3.resolve(top, value);
}
function stateFile(commonDir) {
  return path3.join(commonDir, "rustgate", "hooks.json");
}
function readState(commonDir) {
  const file = stateFile(commonDir);
  if (!existsSync2(file)) return null;
  try {
    const s = JSON.parse(readFileSync2(file, "utf8"));
    if (s.version === 2 && Array.isArray(s.hooks)) return s;
  } catch {
  }
  throw new RustgateError("STORE_CORRUPT", `${file} is not a rustgate hooks record`, `Delete ${file} and the rustgate hooks in ${path3.join(commonDir, "hooks")} by hand, then install again.`);
}
function writeState(commonDir, state) {
  mkdirSync2(path3.dirname(stateFile(commonDir)), { recursive: true });
  writeFileSync2(stateFile(commonDir), `${JSON.stringify(state, null, 2)}
`);
}
function renderShim(hook, rec, previousHooksPath, workspace, cli) {
  const chain = [];
  if (rec.backup !== null && rec.chained) chain.push(`"\${0%/*}"/${shQuote(rec.backup)}`);
  if (previousHooksPath !== null) chain.push(hooksPathExpr(previousHooksPath, hook));
  const lines = [];
  if (chain.length > 0) {
    lines.push("# Hooks that ran before rustgate was installed run first, unchanged.");
    const stdinCopy = hook === "pre-push";
    if (stdinCopy) lines.push("rg_in=$(mktemp) || exit 1", 'cat > "$rg_in"');
    for (const c of chain) {
      const run = `${c} "$@"${stdinCopy ? ' < "$rg_in"' : ""} || { rg_rc=$?;${stdinCopy ? ' rm -f "$rg_in";' : ""} exit $rg_rc; }`;
      lines.push(c.startsWith('"${0') ? run : `[ ! -x ${c} ] || ${run}`);
    }
    if (stdinCopy) lines.push('exec 0< "$rg_in"; rm -f "$rg_in"');
  }
  const local = ['[ -x node_modules/.bin/rustgate ] && exec node_modules/.bin/rustgate "$@"'];
  if (workspace !== "") {
    const bin = shQuote(`${workspace}/node_modules/.bin/rustgate`);
    local.push(`[ -x ${bin} ] && exec ${bin} "$@"`);
  }
  const script = cli?.args[cli.args.length - 1];
  const installer = cli && script ? `[ -f ${shQuote(script)} ] && [ -x ${shQuote(cli.node)} ] && exec ${shQuote(cli.node)} ${cli.args.map(shQuote).join(" ")} "$@"` : "";
  return readFileSync2(path3.join(templatesDir(), "hook.sh"), "utf8").replaceAll("@@CHAIN@@", lines.join("\n")).replaceAll("@@HOOK@@", hook).replaceAll("@@GITCMD@@", hook === "pre-push" ? "push" : hook === "pre-merge-commit" ? "merge" : "commit").replaceAll("@@WORKSPACE@@", workspace === "" ? "" : ` --workspace ${shQuote(workspace)}`).replaceAll("@@LOCAL@@", local.join("\n")).replaceAll("@@INSTALLER@@", installer);
}
function renderChain(name, previousHooksPath) {
  return readFileSync2(path3.join(templatesDir(), "chain.sh"), "utf8").replaceAll("@@HOOK@@", name).replaceAll("@@FROM@@", previousHooksPath).replaceAll("@@PREV@@", hooksPathExpr(previousHooksPath, name));
}
function writeHook(file, content) {
  writeFileSync2(file, content, { mode: 493 });
  chmodSync2(file, 493);
}
function moveAside(hooksDir, name, rec) {
  const backup = `${name}.rustgate-prev`;
  if (rec.backup !== null || existsSync2(path3.join(hooksDir, backup))) {
    throw new RustgateError(
      "BAD_FLAG",
      `${path3.join(hooksDir, name)} was replaced after rustgate was installed, and ${backup} still holds the hook from before`,
      "Run `rustgate hooks uninstall`, decide which hook to keep, then install again."
    );
  }
  renameSync(path3.join(hooksDir, name), path3.join(hooksDir, backup));
  rec.backup = backup;
}
async function installHooks(opts) {
  if (!existsSync2(opts.repo) || !statSync(opts.repo).isDirectory()) {
    throw new RustgateError("NOT_A_DIRECTORY", `${opts.repo} is not a directory`, "Pass --repo pointing at your repository.");
  }
  const repo = realpathSync(opts.repo);
  const { top, commonDir } = await openHookRepo(repo);
  const wsAbs = realpathSync(opts.workspace ?? repo);
  const workspace = path3.relative(top, wsAbs).split(path3.sep).join("/");
  if (workspace.startsWith("..") || path3.isAbsolute(workspace)) {
    throw new RustgateError("BAD_FLAG", `the workspace ${wsAbs} is outside the git work tree ${top}`, "Pass --repo with a directory inside the repository.");
  }
  let migrated = false;
  for (const dir of /* @__PURE__ */ new Set([wsAbs, repo, top])) if (await uninstallLegacyHooks(dir, top) !== null) migrated = true;
  const existing = readState(commonDir);
  const hooksDir = path3.join(commonDir, "hooks");
  const ourValue = path3.relative(top, hooksDir).startsWith("..") ? hooksDir : path3.relative(top, hooksDir).split(path3.sep).join("/");
  const effective = await getConfig(top, "core.hooksPath");
  const effectiveIsOurs = effective !== null && resolveHooksPath(effective, top) === hooksDir;
  const previousHooksPath = effective !== null && !effectiveIsOurs ? effective : existing?.previousHooksPath ?? null;
  const state = {
    version: 2,
    workspace,
    hooksPathLocalBefore: existing ? existing.hooksPathLocalBefore : await getConfig(top, "core.hooksPath", "local"),
    previousHooksPath,
    hooksPathSet: previousHooksPath !== null ? ourValue : null,
    hooks: existing?.hooks ?? []
  };
  const record = (name, kind) => {
    let rec = state.hooks.find((h) => h.name === name);
    if (!rec) {
      rec = { name, kind, backup: null, chained: false };
      state.hooks.push(rec);
    }
    return rec;
  };
  mkdirSync2(hooksDir, { recursive: true });
  const chained = [];
  const written = [];
  const notes = [];
  const shown = (p) => p.startsWith(`${top}${path3.sep}`) ? path3.relative(top, p) : p;
  for (const hook of RUSTGATE_HOOKS) {
    const file = path3.join(hooksDir, hook);
    const rec = record(hook, "shim");
    if (existsSync2(file) && !isOurs(file) && isOurs(`${file}.legacy`)) {
      writeHook(`${file}.legacy`, renderShim(hook, rec, previousHooksPath, workspace, opts.cli ?? null));
      written.push(`${hook}.legacy`);
      notes.push(`${hook}: the pre-commit framework's hook runs rustgate's shim (${hook}.legacy) first; it was updated there`);
      continue;
    }
    if (existsSync2(file) && !isOurs(file)) {
      const wasActive = isExecutableFile(file) && previousHooksPath === null;
      moveAside(hooksDir, hook, rec);
      rec.chained = wasActive;
    }
    if (rec.chained && rec.backup) chained.push({ hook, from: shown(path3.join(hooksDir, rec.backup)) });
    if (previousHooksPath !== null && isExecutableFile(path3.join(resolveHooksPath(previousHooksPath, top), hook))) {
      chained.push({ hook, from: shown(path3.join(resolveHooksPath(previousHooksPath, top), hook)) });
    }
    writeHook(file, renderShim(hook, rec, previousHooksPath, workspace, opts.cli ?? null));
    written.push(hook);
  }
  if (previousHooksPath !== null) {
    const prevDir = resolveHooksPath(previousHooksPath, top);
    const names = existsSync2(prevDir) ? readdirSync2(prevDir).sort() : [];
    for (const name of names) {
      if (!GIT_HOOKS.has(name) || RUSTGATE_HOOKS.includes(name) || !isExecutableFile(path3.join(prevDir, name))) continue;
      const file = path3.join(hooksDir, name);
      const rec = record(name, "chain");
      if (existsSync2(file) && !isOurs(file)) moveAside(hooksDir, name, rec);
      writeHook(file, renderChain(name, previousHooksPath));
      written.push(name);
      chained.push({ hook: name, from: shown(path3.join(prevDir, name)) });
    }
    await setLocalConfig(top, "core.hooksPath", ourValue);
    notes.push(
      `core.hooksPath was ${previousHooksPath}: rustgate set it to ${ourValue} and runs that folder's hooks from there. git resolves a relative core.hooksPath in each worktree's own top, so the hooks do not run in linked worktrees (git worktree add) of this repository.`
    );
    if (/(^|\/)\.husky(\/_)?\/?$/.test(previousHooksPath)) {
      notes.push("husky sets core.hooksPath back to .husky/_ on its next install (npm install runs its prepare script), which turns rustgate's hooks off: run `rustgate hooks install` again after it.");
    }
  } else {
    notes.push(`The hooks live in ${shown(hooksDir)}: they run in every worktree of this repository and move with it; no tracked file was written. A clone runs \`rustgate hooks install\` itself (git never clones hooks).`);
  }
  writeState(commonDir, state);
  return { gitTop: top, hooksDir, workspace, hooksPath: state.hooksPathSet, written, chained, updated: existing !== null, migrated, notes };
}
async function uninstallHooks(opts) {
  if (!existsSync2(opts.repo) || !statSync(opts.repo).isDirectory()) {
    throw new RustgateError("NOT_A_DIRECTORY", `${opts.repo} is not a directory`, "Pass --repo pointing at your repository.");
  }
  const repo = realpathSync(opts.repo);
  const { top, commonDir } = await openHookRepo(repo);
  const removed = [];
  const restored = [];
  const notes = [];
  let wasInstalled = false;
  for (const dir of /* @__PURE__ */ new Set([repo, top])) {
    const legacy = await uninstallLegacyHooks(dir, top);
    if (legacy !== null) {
      wasInstalled = true;
      removed.push(...legacy.removed);
      restored.push(...legacy.restored);
    }
  }
  const state = readState(commonDir);
  if (state !== null) {
    wasInstalled = true;
    const hooksDir = path3.join(commonDir, "hooks");
    for (const rec of [...state.hooks].reverse()) {
      const file = path3.join(hooksDir, rec.name);
      if (existsSync2(file) && isOurs(file)) {
        rmSync2(file);
        removed.push(rec.name);
      } else if (existsSync2(file)) {
        if (isOurs(`${file}.legacy`)) {
          rmSync2(`${file}.legacy`);
          removed.push(`${rec.name}.legacy`);
        }
        notes.push(`${shownPath(top, file)} was replaced after install and is left as it is`);
      }
      if (rec.backup !== null && existsSync2(path3.join(hooksDir, rec.backup))) {
        if (existsSync2(file)) notes.push(`${shownPath(top, path3.join(hooksDir, rec.backup))} (the hook from before rustgate) is kept beside it`);
        else {
          renameSync(path3.join(hooksDir, rec.backup), file);
          restored.push(rec.name);
        }
      }
    }
    if (state.hooksPathSet !== null) await setLocalConfig(top, "core.hooksPath", state.hooksPathLocalBefore);
    rmSync2(stateFile(commonDir), { force: true });
    const dir = path3.dirname(stateFile(commonDir));
    if (existsSync2(dir) && readdirSync2(dir).length === 0) rmdirSync2(dir);
  }
  return { wasInstalled, gitTop: top, removed, restored, hooksPath: await getConfig(top, "core.hooksPath", "local"), notes };
}
function shownPath(top, p) {
  return p.startsWith(`${top}${path3.sep}`) ? path3.relative(top, p) : p;
}

// src/adapters/hooks/push.ts
var ZERO = /^0+$/;
function parsePushLines(text) {
  const out = [];
  for (const line of text.split("\n")) {
    const [localRef, localSha, remoteRef, remoteSha] = line.trim().split(/\s+/);
    if (!localRef || !localSha || !remoteRef || !remoteSha) continue;
    if (!/^[0-9a-f]{40,64}$/.test(localSha) || !/^[0-9a-f]{40,64}$/.test(remoteSha)) continue;
    out.push({ localRef, localSha, remoteRef, remoteSha });
  }
  return out;
}
async function commitOf(top, rev) {
  const r = await git(top, ["rev-parse", "--verify", "--quiet", `${rev}^{commit}`]);
  return r.exitCode === 0 ? r.stdout.trim() : null;
}
async function mergeBase(top, a, b) {
  const r = await git(top, ["merge-base", a, b]);
  return r.exitCode === 0 && r.stdout.trim() !== "" ? r.stdout.trim() : null;
}
async function newBranchBase(top, remote, head) {
  const def = await git(top, ["symbolic-ref", "--quiet", `refs/remotes/${remote}/HEAD`]);
  if (def.exitCode === 0 && def.stdout.trim() !== "") {
    const ref = def.stdout.trim();
    const mb = await mergeBase(top, head, ref);
    if (mb !== null) return { base: mb, against: ref.replace(/^refs\/remotes\//, "") };
  }
  const refs = (await git(top, ["for-each-ref", "--format=%(refname)", "refs/remotes/"])).stdout.split("\n").filter((r) => r !== "" && !r.endsWith("/HEAD"));
  const own = refs.filter((r) => r.startsWith(`refs/remotes/${remote}/`));
  let best = null;
  for (const ref of own.length > 0 ? own : refs) {
    const mb = await mergeBase(top, head, ref);
    if (mb === null) continue;
    const count = Number((await git(top, ["rev-list", "--count", `${mb}..${head}`])).stdout.trim());
    if (best === null || count < best.count) best = { base: mb, against: ref.replace(/^refs\/remotes\//, ""), count };
  }
  return best && { base: best.base, against: best.against };
}
async function planPush(top, remote, updates) {
  const plans = [];
  const seen = /* @__PURE__ */ new Set();
  for (const update of updates) {
    if (ZERO.test(update.localSha)) {
      plans.push({ update, action: "skip", reason: "deletion" });
      continue;
    }
    const head = await commitOf(top, update.localSha);
    if (head === null) {
      plans.push({ update, action: "skip", reason: "not-a-commit" });
      continue;
    }
    let plan;
    const remoteCommit = ZERO.test(update.remoteSha) ? null : await commitOf(top, update.remoteSha);
    if (remoteCommit !== null) {
      plan = remoteCommit === head ? { update, action: "skip", reason: "nothing-new" } : { update, action: "check", base: remoteCommit, head, baseFrom: "remote" };
    } else {
      const nb = await newBranchBase(top, remote, head);
      if (nb === null) plan = { update, action: "skip", reason: "no-base" };
      else if (nb.base === head) plan = { update, action: "skip", reason: "nothing-new" };
      else plan = { update, action: "check", base: nb.base, head, baseFrom: "merge-base", against: nb.against };
    }
    if (plan.action === "check") {
      const key = `${plan.base}..${plan.head}`;
      if (seen.has(key)) continue;
      seen.add(key);
    }
    plans.push(plan);
  }
  return plans;
}

export {
  openHookRepo,
  RUSTGATE_HOOKS,
  HOOK_MARKER,
  shQuote,
  installHooks,
  uninstallHooks,
  parsePushLines,
  planPush
};
