/**
 * `rustgate affected`: which workspace packages a change affects (the same selection PreFlight checks with `-p`),
 * optionally split into shards of similar size for parallel CI jobs. Reads git and `cargo metadata`; writes nothing.
 */
import { manifestDirsAbove, readMembers } from '../adapters/cargo/members.js';
import { outsideChanges, rangeChanges, resolveRange, stagedChanges, worktreeChanges, type ResolvedRange } from '../adapters/git/changes.js';
import { cargoInputsAbove } from '../core/preflight/classify.js';
import { gitOk, splitZ } from '../adapters/git/run.js';
import { selectAffected, shardPackages, type MemberPackage } from '../core/preflight/affected.js';
import { RustgateError } from '../core/errors.js';
import type { ChangedFile, Scope } from '../core/preflight/types.js';
import { openWorkspace } from './preflight.js';

export interface AffectedOptions {
  repo: string;
  scope: Scope;
  range?: string;
  /** Number of shards wanted (default 1). */
  shards?: number;
}

/** The selection as the CLI prints it. */
export interface AffectedReport {
  /** True when the whole workspace must be checked (root manifest, lockfile, cargo config, toolchain…). */
  all: boolean;
  packages: string[];
  shards: string[][];
  changedFiles: number;
  unownedFiles: string[];
  /** Non-fatal notes (not printed in the JSON, whose shape is fixed). */
  warnings: string[];
}

/** `.rs` files per member (nearest member manifest above each tracked file), the shard weight. */
async function rustFilesPerMember(root: string, members: readonly MemberPackage[]): Promise<Map<string, number>> {
  const dirs = [...members].sort((a, b) => b.manifestDir.length - a.manifestDir.length);
  const counts = new Map<string, number>();
  for (const f of splitZ(await gitOk(root, ['ls-files', '-z', '--', '*.rs']))) {
    const owner = dirs.find((m) => m.manifestDir === '' || f === m.manifestDir || f.startsWith(`${m.manifestDir}/`));
    if (owner) counts.set(owner.name, (counts.get(owner.name) ?? 0) + 1);
  }
  return counts;
}

/** Computes the affected packages of the selected change, read from the working tree's manifests. */
export async function runAffected(opts: AffectedOptions): Promise<AffectedReport> {
  const repo = await openWorkspace(opts.repo);
  let changed: ChangedFile[];
  let range: ResolvedRange | null = null;
  if (opts.scope === 'staged') changed = await stagedChanges(repo);
  else if (opts.scope === 'worktree') changed = await worktreeChanges(repo);
  else {
    if (!opts.range) throw new RustgateError('BAD_RANGE', '--diff needs a range', 'use --diff BASE..HEAD, e.g. --diff origin/main..HEAD');
    range = await resolveRange(repo, opts.range);
    changed = await rangeChanges(repo, range);
  }
  // Cargo config and toolchain files above a subdirectory workspace are read by cargo: the whole workspace.
  const inputsAbove = cargoInputsAbove(await outsideChanges(repo, opts.scope, range), repo.prefix);
  const n = opts.shards ?? 1;
  const members = await readMembers(repo.workspace);
  if (!members.ok) {
    // cargo cannot read the manifests: only a whole-workspace check will say why.
    return { all: true, packages: [], shards: [], changedFiles: changed.length, unownedFiles: [], warnings: [`${members.error}: check the whole workspace`] };
  }
  const files = changed.flatMap((f) => (f.oldPath !== undefined ? [f.path, f.oldPath] : [f.path]));
  const sel = selectAffected({ members: members.members, changed, manifestDirs: manifestDirsAbove(repo.workspace, files) });
  const weights = sel.packages.length > 1 && n > 1 ? await rustFilesPerMember(repo.workspace, members.members) : new Map<string, number>();
  if (inputsAbove.length > 0) {
    const all = members.members.map((m) => m.name).sort();
    return { all: true, packages: all, shards: shardPackages(all, () => 1, n), changedFiles: changed.length, unownedFiles: sel.unowned, warnings: [`${inputsAbove.join(', ')} above the workspace changed: the whole workspace`] };
  }
  return {
    all: sel.all,
    packages: sel.packages,
    shards: shardPackages(sel.packages, (p) => weights.get(p) ?? 1, n),
    changedFiles: changed.length,
    unownedFiles: sel.unowned,
    warnings: [],
  };
}
