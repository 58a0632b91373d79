import { createRequire as __rgCreateRequire } from 'node:module';
const require = __rgCreateRequire(import.meta.url);
import {
  manifestDirsAbove,
  openWorkspace,
  readMembers,
  selectAffected,
  shardPackages
} from "./chunk-T6PCK566.js";
import "./chunk-LK6EHPNO.js";
import "./chunk-2PKMAFAA.js";
import "./chunk-MR43FRMH.js";
import "./chunk-YRYO5B6H.js";
import {
  outsideChanges,
  rangeChanges,
  resolveRange,
  stagedChanges,
  worktreeChanges
} from "./chunk-LDGAVYRV.js";
import {
  cargoInputsAbove
} from "./chunk-2GN7T756.js";
import "./chunk-AGTEUQPZ.js";
import "./chunk-PYF7NPU6.js";
import {
  gitOk,
  splitZ
} from "./chunk-YS7A56PW.js";
import {
  RustgateError
} from "./chunk-LM6P7DGY.js";
import "./chunk-KRZSXWDX.js";
import "./chunk-AMJD2YOB.js";

// src/app/affected.ts
async function rustFilesPerMember(root, members) {
  const dirs = [...members].sort((a, b) => b.manifestDir.length - a.manifestDir.length);
  const counts = /* @__PURE__ */ new Map();
  for (const f of splitZ(await gitOk(root, ["ls-files", "-z", "--", "*.rs"]))) {
    const owner = dirs.find((m) => m.manifestDir === "" || f === m.manifestDir || f.startsWith(`${m.manifestDir}/`));
    if (owner) counts.set(owner.name, (counts.get(owner.name) ?? 0) + 1);
  }
  return counts;
}
async function runAffected(opts) {
  const repo = await openWorkspace(opts.repo);
  let changed;
  let range = null;
  if (opts.scope === "staged") changed = await stagedChanges(repo);
  else if (opts.scope === "worktree") changed = await worktreeChanges(repo);
  else {
    if (!opts.range) throw new RustgateError("BAD_RANGE", "--diff needs a range", "use --diff BASE..HEAD, e.g. --diff origin/main..HEAD");
    range = await resolveRange(repo, opts.range);
    changed = await rangeChanges(repo, range);
  }
  const inputsAbove = cargoInputsAbove(await outsideChanges(repo, opts.scope, range), repo.prefix);
  const n = opts.shards ?? 1;
  const members = await readMembers(repo.workspace);
  if (!members.ok) {
    return { all: true, packages: [], shards: [], changedFiles: changed.length, unownedFiles: [], warnings: [`${members.error}: check the whole workspace`] };
  }
  const files = changed.flatMap((f) => f.oldPath !== void 0 ? [f.path, f.oldPath] : [f.path]);
  const sel = selectAffected({ members: members.members, changed, manifestDirs: manifestDirsAbove(repo.workspace, files) });
  const weights = sel.packages.length > 1 && n > 1 ? await rustFilesPerMember(repo.workspace, members.members) : /* @__PURE__ */ new Map();
  if (inputsAbove.length > 0) {
    const all = members.members.map((m) => m.name).sort();
    return { all: true, packages: all, shards: shardPackages(all, () => 1, n), changedFiles: changed.length, unownedFiles: sel.unowned, warnings: [`${inputsAbove.join(", ")} above the workspace changed: the whole workspace`] };
  }
  return {
    all: sel.all,
    packages: sel.packages,
    shards: shardPackages(sel.packages, (p) => weights.get(p) ?? 1, n),
    changedFiles: changed.length,
    unownedFiles: sel.unowned,
    warnings: []
  };
}
export {
  runAffected
};
