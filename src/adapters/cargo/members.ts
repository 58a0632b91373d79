/**
 * The workspace's members, their manifest directories and the dependency edges between them, plus cargo's target
 * directory, from one `cargo metadata --no-deps` (no resolution, no network): what PreFlight's package selection needs.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { runTool } from '../process/group.js';
import type { MemberPackage } from '../../core/preflight/affected.js';
import { runCargoMetadata, type CargoMetadata } from './metadata.js';

/** Members and target directory of a workspace, or the first line of cargo's complaint. */
export type MembersResult = { ok: true; members: MemberPackage[]; targetDirectory: string; workspaceRoot: string } | { ok: false; error: string };

function rel(root: string, p: string): string {
  return path.relative(root, p).split(path.sep).join('/');
}

/** Runs `cargo metadata --no-deps --offline` in `dir` with `env` (so CARGO_TARGET_DIR and config apply as for the check). */
export async function readMembers(dir: string, env: Record<string, string> = {}): Promise<MembersResult> {
  const run = await runCargoMetadata(dir, env);
  return run.ok ? membersFromMetadata(run.meta) : { ok: false, error: run.error };
}

/** PreFlight's view of `cargo metadata --no-deps` output: members, their path dependencies, the target directory. */
export function membersFromMetadata(meta: CargoMetadata): MembersResult {
  const root = meta.workspace_root;
  const ids = new Set(meta.workspace_members);
  const memberPkgs = meta.packages.filter((p) => ids.has(p.id));
  const byDir = new Map(memberPkgs.map((p) => [path.dirname(p.manifest_path), p.name]));
  const members = memberPkgs.map((p) => {
    const deps = new Set<string>();
    for (const d of p.dependencies) {
      const target = d.path !== undefined ? byDir.get(d.path) : undefined;
      if (target !== undefined && target !== p.name) deps.add(target);
    }
    return { name: p.name, manifestDir: rel(root, path.dirname(p.manifest_path)), deps: [...deps].sort() };
  });
  return { ok: true, members, targetDirectory: meta.target_directory, workspaceRoot: root };
}

/** Every directory at or above the given workspace-relative files (up to the root) that holds a Cargo.toml in `root`. */
export function manifestDirsAbove(root: string, files: readonly string[]): Set<string> {
  const dirs = new Set<string>();
  const seen = new Set<string>();
  for (const f of files) {
    let d = f.includes('/') ? f.slice(0, f.lastIndexOf('/')) : '';
    for (;;) {
      if (seen.has(d)) break;
      seen.add(d);
      if (existsSync(path.join(root, d, 'Cargo.toml'))) dirs.add(d);
      if (d === '') break;
      d = d.includes('/') ? d.slice(0, d.lastIndexOf('/')) : '';
    }
  }
  return dirs;
}

/**
 * The resolved feature set of every package in the build of `packages` (null: `--workspace`), one `name vX.Y.Z
 * features` line each, from `cargo tree` (resolution only, offline); null when cargo tree fails. With resolver 2 a
 * `-p` subset can enable fewer features of a dependency than the whole workspace does, and cargo then compiles that
 * dependency again: comparing these lines tells whether a subset reuses the workspace's artifacts. `locked`: never
 * write Cargo.lock (in the user's own workspace).
 */
export async function resolvedFeatures(root: string, packages: readonly string[] | null, featureArgs: readonly string[], env: Record<string, string> = {}, locked = false): Promise<string[] | null> {
  const select = packages === null ? ['--workspace'] : packages.flatMap((p) => ['-p', p]);
  const r = await runTool('cargo', ['tree', '--offline', '-e', 'normal,build,dev', '--prefix', 'none', '-f', '{p} {f}', ...(locked ? ['--locked'] : []), ...select, ...featureArgs], {
    cwd: root,
    env: { CARGO_TERM_COLOR: 'never', ...env },
    timeoutMs: 120_000,
  });
  if (r.exitCode !== 0) return null;
  const lines = new Set(String(r.stdout).split('\n').map((l) => l.replace(/ \(\*\)$/, '').trim()).filter((l) => l !== ''));
  return [...lines].sort();
}
