import { createRequire as __rgCreateRequire } from 'node:module';
const require = __rgCreateRequire(import.meta.url);

// src/core/preflight/classify.ts
function baseName(p) {
  return p.slice(p.lastIndexOf("/") + 1);
}
var CARGO_DIR_INPUTS = [".cargo/config", ".cargo/config.toml", "rust-toolchain", "rust-toolchain.toml"];
function cargoDirInput(path) {
  const hit = CARGO_DIR_INPUTS.find((f) => path === f || path.endsWith(`/${f}`));
  if (hit === void 0) return null;
  return hit.startsWith(".cargo/") ? "cargo-config" : "toolchain";
}
function isRustRelevant(path) {
  const base = baseName(path);
  if (base.endsWith(".rs")) return true;
  if (base === "Cargo.toml" || base === "Cargo.lock") return true;
  return cargoDirInput(path) !== null;
}
function classifyChanges(files) {
  const relevant = files.filter((f) => f.submodule === true || isRustRelevant(f.path) || f.oldPath !== void 0 && isRustRelevant(f.oldPath));
  return { relevant, skip: relevant.length === 0 };
}
function cargoInputsAbove(outside, prefix) {
  const isAncestor = (dir) => dir === "" || prefix === dir || prefix.startsWith(`${dir}/`);
  return outside.filter((p) => {
    const name = CARGO_DIR_INPUTS.find((f) => p === f || p.endsWith(`/${f}`));
    return name !== void 0 && isAncestor(p.slice(0, Math.max(0, p.length - name.length - 1)));
  });
}

export {
  CARGO_DIR_INPUTS,
  cargoDirInput,
  isRustRelevant,
  classifyChanges,
  cargoInputsAbove
};
