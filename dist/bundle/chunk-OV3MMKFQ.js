import { createRequire as __rgCreateRequire } from 'node:module';
const require = __rgCreateRequire(import.meta.url);

// src/core/preflight/classify.ts
function baseName(p) {
  return p.slice(p.lastIndexOf("/") + 1);
}
function isRustRelevant(path) {
  const base = baseName(path);
  if (base.endsWith(".rs")) return true;
  if (base === "Cargo.toml" || base === "Cargo.lock") return true;
  if (base.startsWith("rust-toolchain")) return true;
  return /(^|\/)\.cargo\/config(\.toml)?$/.test(path);
}
function classifyChanges(files) {
  const relevant = files.filter((f) => f.submodule === true || isRustRelevant(f.path) || f.oldPath !== void 0 && isRustRelevant(f.oldPath));
  return { relevant, skip: relevant.length === 0 };
}
function cargoInputsAbove(outside, prefix) {
  const isAncestor = (dir) => dir === "" || prefix === dir || prefix.startsWith(`${dir}/`);
  return outside.filter((p) => {
    const cfg = /^(?:(.*)\/)?\.cargo\/config(?:\.toml)?$/.exec(p);
    if (cfg) return isAncestor(cfg[1] ?? "");
    const slash = p.lastIndexOf("/");
    const base = p.slice(slash + 1);
    return (base === "rust-toolchain" || base === "rust-toolchain.toml") && isAncestor(slash < 0 ? "" : p.slice(0, slash));
  });
}

export {
  isRustRelevant,
  classifyChanges,
  cargoInputsAbove
};
