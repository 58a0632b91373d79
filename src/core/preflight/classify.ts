/** Which changed files can affect `cargo check`: everything else lets PreFlight skip cargo entirely. */
import type { ChangedFile } from './types.js';

function baseName(p: string): string {
  return p.slice(p.lastIndexOf('/') + 1);
}

/**
 * The files cargo (or rustup, for the toolchain) reads from a directory besides sources and manifests, relative to
 * that directory: the one list every reader of them uses (change classification, the metadata cache key, the
 * private copy's note about the working tree's config).
 */
export const CARGO_DIR_INPUTS = ['.cargo/config', '.cargo/config.toml', 'rust-toolchain', 'rust-toolchain.toml'] as const;

/** What a repository-relative path is among `CARGO_DIR_INPUTS` (at any level), or null. */
export function cargoDirInput(path: string): 'cargo-config' | 'toolchain' | null {
  const hit = CARGO_DIR_INPUTS.find((f) => path === f || path.endsWith(`/${f}`));
  if (hit === undefined) return null;
  return hit.startsWith('.cargo/') ? 'cargo-config' : 'toolchain';
}

/** True for files that can change what `cargo check` reports (sources, manifests, lock, toolchain, cargo config). */
export function isRustRelevant(path: string): boolean {
  const base = baseName(path);
  if (base.endsWith('.rs')) return true; // includes build.rs
  if (base === 'Cargo.toml' || base === 'Cargo.lock') return true;
  return cargoDirInput(path) !== null;
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
    const name = CARGO_DIR_INPUTS.find((f) => p === f || p.endsWith(`/${f}`));
    return name !== undefined && isAncestor(p.slice(0, Math.max(0, p.length - name.length - 1)));
  });
}
