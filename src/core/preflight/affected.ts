/**
 * Which workspace packages a change can affect: the packages owning the changed files plus every workspace package
 * that depends on them, transitively. Pure: the caller reads `cargo metadata` and the tree.
 */
import { cargoDirInput, isRustRelevant } from './classify.js';
import type { ChangedFile } from './types.js';

/** One workspace member as the selection needs it. */
export interface MemberPackage {
  name: string;
  /** Directory of its Cargo.toml, workspace-relative, '/'-separated ('' for the root package). */
  manifestDir: string;
  /** Names of the workspace members it depends on (normal, dev and build dependencies). */
  deps: readonly string[];
}

/** What the selection needs to know about the checked tree. */
export interface AffectedInput {
  members: readonly MemberPackage[];
  changed: readonly ChangedFile[];
  /**
   * Workspace-relative directories that hold a Cargo.toml in the checked tree, at least every ancestor directory of
   * a changed file that has one ('' for the root). A file's nearest manifest decides its owner, so a file in an
   * excluded crate (its own Cargo.toml, not a member) is owned by no member.
   */
  manifestDirs: ReadonlySet<string>;
}

/** Why the whole workspace is selected. */
export type WholeReason = 'root-manifest' | 'lockfile' | 'cargo-config' | 'toolchain' | 'manifest-removed' | 'no-owner';

/** The selection: `all` means `--workspace`; otherwise exactly `packages` (sorted). */
export interface AffectedSelection {
  all: boolean;
  /** Why `all` is true (null when it is not). */
  reason: WholeReason | null;
  /** The selected package names (every member when `all`), sorted. */
  packages: string[];
  /** The packages that own a changed file (before adding their dependents), sorted. */
  owners: string[];
  /** Rust-relevant changed files no member owns (excluded crates, files outside any crate), sorted. */
  unowned: string[];
  /** How many Rust-relevant changed paths were considered. */
  relevant: number;
  /** Each Rust-relevant changed path (old paths of renames too) and the member that owns it, or null. */
  fileOwners: Record<string, string | null>;
}

function baseName(p: string): string {
  return p.slice(p.lastIndexOf('/') + 1);
}

function dirName(p: string): string {
  const i = p.lastIndexOf('/');
  return i < 0 ? '' : p.slice(0, i);
}

/** The reason a changed path forces the whole workspace, or null. */
export function wholeWorkspaceReason(p: string, status: ChangedFile['status']): WholeReason | null {
  const base = baseName(p);
  if (p === 'Cargo.toml') return 'root-manifest';
  if (base === 'Cargo.lock') return 'lockfile';
  const input = cargoDirInput(p);
  if (input !== null) return input;
  // A member whose manifest disappears leaves dependents that no longer build: only the whole workspace sees that.
  if (base === 'Cargo.toml' && (status === 'deleted' || status === 'renamed')) return 'manifest-removed';
  return null;
}

/** The directory of the nearest manifest at or above `dir` (null when there is none). */
function nearestManifest(dir: string, manifestDirs: ReadonlySet<string>): string | null {
  for (let d = dir; ; d = dirName(d)) {
    if (manifestDirs.has(d)) return d;
    if (d === '') return null;
  }
}

/** Selects the affected packages of a change; a root manifest, lock, cargo config or toolchain change selects all. */
export function selectAffected(input: AffectedInput): AffectedSelection {
  const names = input.members.map((m) => m.name).sort();
  const byDir = new Map(input.members.map((m) => [m.manifestDir, m.name]));
  const paths: Array<{ path: string; status: ChangedFile['status'] }> = [];
  for (const f of input.changed) {
    if (isRustRelevant(f.path)) paths.push({ path: f.path, status: f.status });
    if (f.oldPath !== undefined && isRustRelevant(f.oldPath)) paths.push({ path: f.oldPath, status: 'deleted' });
  }
  const owners = new Set<string>();
  const unowned = new Set<string>();
  const fileOwners: Record<string, string | null> = {};
  let reason: WholeReason | null = null;
  for (const { path, status } of paths) {
    reason ??= wholeWorkspaceReason(path, status);
    const dir = nearestManifest(dirName(path), input.manifestDirs);
    const owner = dir === null ? undefined : byDir.get(dir);
    fileOwners[path] = owner ?? null;
    if (owner !== undefined) owners.add(owner);
    else if (wholeWorkspaceReason(path, status) === null) unowned.add(path);
  }
  const ownerList = [...owners].sort();
  // Only files outside every member changed: one may still be pulled in by `#[path]` or `include!`, which the
  // selection cannot see, so check everything (they are still reported as owned by no crate).
  if (reason === null && owners.size === 0 && unowned.size > 0) reason = 'no-owner';
  if (reason !== null) return { all: true, reason, packages: names, owners: ownerList, unowned: [...unowned].sort(), relevant: paths.length, fileOwners };
  // Reverse dependency closure over workspace edges.
  const dependents = new Map<string, string[]>();
  for (const m of input.members) for (const d of m.deps) dependents.set(d, [...(dependents.get(d) ?? []), m.name]);
  const selected = new Set<string>(owners);
  const queue = [...owners];
  while (queue.length > 0) {
    const next = queue.pop() as string;
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

/** Splits packages into at most `n` shards of similar total weight (largest first onto the lightest shard). */
export function shardPackages(packages: readonly string[], weight: (name: string) => number, n: number): string[][] {
  const count = Math.max(1, Math.min(Math.floor(n), packages.length));
  if (packages.length === 0) return [];
  const shards = Array.from({ length: count }, () => ({ names: [] as string[], total: 0 }));
  const ordered = [...packages].sort((a, b) => weight(b) - weight(a) || (a < b ? -1 : a > b ? 1 : 0));
  for (const name of ordered) {
    let lightest = shards[0] as { names: string[]; total: number };
    for (const s of shards) if (s.total < lightest.total) lightest = s;
    lightest.names.push(name);
    lightest.total += Math.max(1, weight(name));
  }
  return shards.map((s) => s.names.sort());
}

/** Rust-relevant changed files a check of `checked` (null: the whole workspace) does not cover, sorted. */
export function uncheckedFiles(selection: Pick<AffectedSelection, 'fileOwners'>, checked: readonly string[] | null): string[] {
  const set = checked === null ? null : new Set(checked);
  return Object.entries(selection.fileOwners)
    .filter(([p, owner]) => wholeWorkspaceReason(p, 'modified') === null && (owner === null || (set !== null && !set.has(owner))))
    .map(([p]) => p)
    .sort();
}

/**
 * Packages whose features a subset build resolves differently from the whole workspace (lines of the subset not in
 * the workspace's): non-empty means `-p` would compile those dependencies again instead of reusing the warm cache.
 */
export function featureDrift(workspace: readonly string[], subset: readonly string[]): string[] {
  const ws = new Set(workspace);
  return subset.filter((l) => !ws.has(l));
}
