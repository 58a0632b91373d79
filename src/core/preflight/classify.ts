/** Which changed files can affect `cargo check`: everything else lets PreFlight skip cargo entirely. */
import type { ChangedFile } from './types.js';

function baseName(p: string): string {
  return p.slice(p.lastIndexOf('/') + 1);
}

/** True for files that can change what `cargo check` reports (sources, manifests, lock, toolchain, cargo config). */
export function isRustRelevant(path: string): boolean {
  const base = baseName(path);
  if (base.endsWith('.rs')) return true; // includes build.rs
  if (base === 'Cargo.toml' || base === 'Cargo.lock') return true;
  if (base.startsWith('rust-toolchain')) return true;
  // `.cargo/config` and `.cargo/config.toml` at any level.
  return /(^|\/)\.cargo\/config(\.toml)?$/.test(path);
}

/** Splits the changed files into the relevant ones (a submodule bump always is); `skip` is true when none is relevant. */
export function classifyChanges(files: readonly ChangedFile[]): { relevant: ChangedFile[]; skip: boolean } {
  const relevant = files.filter((f) => f.submodule === true || isRustRelevant(f.path) || (f.oldPath !== undefined && isRustRelevant(f.oldPath)));
  return { relevant, skip: relevant.length === 0 };
}

/**
 * The changed files above a subdirectory workspace that cargo (or rustup) still reads when it runs there: a
 * `.cargo/config[.toml]` or `rust-toolchain[.toml]` in the workspace's own directory chain. `outside` holds
 * repository-relative paths of files outside the workspace; `prefix` is the workspace directory ('' at the top).
 */
export function cargoInputsAbove(outside: readonly string[], prefix: string): string[] {
  const isAncestor = (dir: string): boolean => dir === '' || prefix === dir || prefix.startsWith(`${dir}/`);
  return outside.filter((p) => {
    const cfg = /^(?:(.*)\/)?\.cargo\/config(?:\.toml)?$/.exec(p);
    if (cfg) return isAncestor(cfg[1] ?? '');
    const slash = p.lastIndexOf('/');
    const base = p.slice(slash + 1);
    return (base === 'rust-toolchain' || base === 'rust-toolchain.toml') && isAncestor(slash < 0 ? '' : p.slice(0, slash));
  });
}
