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
