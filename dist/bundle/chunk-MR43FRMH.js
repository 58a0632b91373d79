import { createRequire as __rgCreateRequire } from 'node:module';
const require = __rgCreateRequire(import.meta.url);
import {
  runTool
} from "./chunk-YRYO5B6H.js";
import {
  RustgateError
} from "./chunk-LM6P7DGY.js";

// src/adapters/cargo/metadata.ts
import { existsSync, readFileSync, realpathSync, statSync } from "node:fs";
import path from "node:path";
function rel(root, p) {
  const r = path.relative(root, p);
  return r.split(path.sep).join("/");
}
function firstErrorLine(stderr) {
  const lines = stderr.split("\n").map((l) => l.trim());
  return lines.find((l) => l.startsWith("error")) ?? lines.find((l) => l.length > 0) ?? "cargo metadata failed";
}
function gitTopOf(dir) {
  for (let d = dir; ; d = path.dirname(d)) {
    if (existsSync(path.join(d, ".git"))) return d;
    if (path.dirname(d) === d) return null;
  }
}
function workspaceList(manifest, key) {
  const table = /^\s*\[workspace\]\s*$([\s\S]*?)(?=^\s*\[|(?![\s\S]))/m.exec(manifest)?.[1] ?? "";
  const m = new RegExp(`^\\s*${key}\\s*=\\s*\\[([\\s\\S]*?)\\]`, "m").exec(table);
  return m?.[1] ? Array.from(m[1].matchAll(/"([^"]*)"|'([^']*)'/g), (x) => (x[1] ?? x[2] ?? "").replace(/\/$/, "")) : [];
}
function locateWorkspaceRoot(dir, stop = gitTopOf(dir)) {
  const read = (d) => {
    try {
      return readFileSync(path.join(d, "Cargo.toml"), "utf8");
    } catch {
      return null;
    }
  };
  const within = (d) => stop === null || d === stop || d.startsWith(`${stop}${path.sep}`);
  let pkgDir = null;
  let pkgManifest = "";
  for (let d = path.resolve(dir); within(d); d = path.dirname(d)) {
    const m = read(d);
    if (m !== null) {
      pkgDir = d;
      pkgManifest = m;
      break;
    }
    if (path.dirname(d) === d) break;
  }
  if (pkgDir === null) return null;
  if (/^\s*\[workspace\]/m.test(pkgManifest)) return pkgDir;
  const explicit = /^\s*workspace\s*=\s*"([^"]+)"/m.exec(pkgManifest.split(/^\s*\[(?!package\])/m)[0] ?? "");
  if (explicit?.[1]) return path.resolve(pkgDir, explicit[1]);
  for (let d = path.dirname(pkgDir); within(d) && d !== path.dirname(d); d = path.dirname(d)) {
    const m = read(d);
    if (m === null || !/^\s*\[workspace\]/m.test(m)) continue;
    const rel2 = path.relative(d, pkgDir).split(path.sep).join("/");
    if (workspaceList(m, "exclude").some((x) => rel2 === x || rel2.startsWith(`${x}/`))) return pkgDir;
    return d;
  }
  return pkgDir;
}
function checkWorkspaceDir(dir) {
  const abs = path.resolve(dir);
  let isDir;
  try {
    isDir = statSync(abs).isDirectory();
  } catch {
    isDir = false;
  }
  if (!isDir) {
    throw new RustgateError("NOT_A_DIRECTORY", `${abs} is not a directory`, "pass --repo DIR with the root of a Cargo workspace");
  }
  const root = locateWorkspaceRoot(realpathSync(abs));
  if (root === null) {
    throw new RustgateError("NO_CARGO_TOML", `no Cargo.toml in ${abs} or above it`, "run inside a Cargo workspace or pass --repo DIR");
  }
  return root;
}
async function runCargoMetadata(dir, env = {}) {
  const res = await runTool("cargo", ["metadata", "--format-version", "1", "--no-deps", "--offline"], { cwd: dir, env: { CARGO_TERM_COLOR: "never", ...env }, timeoutMs: 12e4 });
  if (res.code === "ENOENT") return { ok: false, missing: true, error: "cargo was not found on PATH" };
  if (res.exitCode !== 0) return { ok: false, missing: false, error: `cargo metadata failed: ${firstErrorLine(String(res.stderr))}` };
  try {
    return { ok: true, meta: JSON.parse(String(res.stdout)) };
  } catch {
    return { ok: false, missing: false, error: "cargo metadata printed invalid JSON" };
  }
}
async function readWorkspace(root) {
  const abs = checkWorkspaceDir(root);
  const run = await runCargoMetadata(abs);
  if (!run.ok && run.missing) {
    throw new RustgateError("CARGO_MISSING", "cargo was not found on PATH", "install Rust with rustup (https://rustup.rs) and make sure cargo is on PATH");
  }
  if (!run.ok) {
    const hint = run.error.includes("invalid JSON") ? "check the cargo version (rustup update)" : "fix the Cargo.toml error above (try `cargo metadata --no-deps` yourself), then run again";
    throw new RustgateError("CARGO_METADATA_FAILED", run.error, hint);
  }
  return workspaceFromMetadata(abs, run.meta);
}
function workspaceFromMetadata(abs, meta) {
  const wsRoot = abs;
  const members = new Set(meta.workspace_members);
  const memberPkgs = meta.packages.filter((p) => members.has(p.id) && !rel(wsRoot, path.dirname(p.manifest_path)).startsWith(".."));
  const memberDirs = new Map(memberPkgs.map((p) => [path.dirname(p.manifest_path), p.name]));
  const packages = memberPkgs.map((p) => {
    const targets = p.targets.map((t) => ({ name: t.name, kind: [...t.kind], srcPath: rel(wsRoot, t.src_path) }));
    const deps = [];
    const renames = {};
    for (const d of p.dependencies) {
      const target = d.path ? memberDirs.get(d.path) : void 0;
      if (!target || target === p.name) continue;
      if (!deps.includes(target)) deps.push(target);
      if (d.rename) renames[d.rename.replace(/-/g, "_")] = target;
    }
    const pkg = {
      name: p.name,
      manifestDir: rel(wsRoot, path.dirname(p.manifest_path)),
      targets,
      features: p.features,
      deps: deps.sort()
    };
    if (Object.keys(renames).length > 0) pkg.renames = renames;
    return pkg;
  });
  packages.sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  return { root: wsRoot, packages };
}

export {
  locateWorkspaceRoot,
  checkWorkspaceDir,
  runCargoMetadata,
  readWorkspace,
  workspaceFromMetadata
};
