/** Reads a Cargo workspace through `cargo metadata --no-deps` and converts cargo's JSON into the Workspace model. */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { runTool } from '../process/group.js';
import { RustgateError } from '../../core/errors.js';
import type { Workspace, WorkspacePackage, WorkspaceTarget } from '../../core/isg/workspace.js';

interface CargoTarget {
  name: string;
  kind: string[];
  src_path: string;
}
interface CargoDep {
  name: string;
  rename: string | null;
  path?: string;
  source: string | null;
}
interface CargoPackage {
  name: string;
  id: string;
  manifest_path: string;
  targets: CargoTarget[];
  features: Record<string, string[]>;
  dependencies: CargoDep[];
}
interface CargoMetadata {
  packages: CargoPackage[];
  workspace_members: string[];
  workspace_root: string;
}

function rel(root: string, p: string): string {
  const r = path.relative(root, p);
  return r.split(path.sep).join('/');
}

/** The first line of cargo's stderr that says what went wrong. */
function firstErrorLine(stderr: string): string {
  const lines = stderr.split('\n').map((l) => l.trim());
  return lines.find((l) => l.startsWith('error')) ?? lines.find((l) => l.length > 0) ?? 'cargo metadata failed';
}

/** Checks that `root` is a directory with a Cargo.toml (NOT_A_DIRECTORY / NO_CARGO_TOML) and returns its absolute path. */
export function checkWorkspaceDir(root: string): string {
  const abs = path.resolve(root);
  let isDir: boolean;
  try {
    isDir = statSync(abs).isDirectory();
  } catch {
    isDir = false;
  }
  if (!isDir) {
    throw new RustgateError('NOT_A_DIRECTORY', `${abs} is not a directory`, 'pass --repo DIR with the root of a Cargo workspace');
  }
  if (!existsSync(path.join(abs, 'Cargo.toml'))) {
    throw new RustgateError('NO_CARGO_TOML', `no Cargo.toml in ${abs}`, 'run inside a Cargo workspace or pass --repo DIR');
  }
  return abs;
}

/** Runs `cargo metadata --format-version 1 --no-deps` in `root` and returns the workspace's member packages. */
export async function readWorkspace(root: string): Promise<Workspace> {
  const abs = checkWorkspaceDir(root);
  const res = await runTool('cargo', ['metadata', '--format-version', '1', '--no-deps', '--offline'], { cwd: abs, env: { CARGO_TERM_COLOR: 'never' }, timeoutMs: 120_000 });
  const err = res as { code?: string };
  if (err.code === 'ENOENT') {
    throw new RustgateError('CARGO_MISSING', 'cargo was not found on PATH', 'install Rust with rustup (https://rustup.rs) and make sure cargo is on PATH');
  }
  if (res.exitCode !== 0) {
    throw new RustgateError(
      'CARGO_METADATA_FAILED',
      `cargo metadata failed: ${firstErrorLine(String(res.stderr))}`,
      'fix the Cargo.toml error above (try `cargo metadata --no-deps` yourself), then run again',
    );
  }
  let meta: CargoMetadata;
  try {
    meta = JSON.parse(String(res.stdout)) as CargoMetadata;
  } catch (e) {
    throw new RustgateError('CARGO_METADATA_FAILED', 'cargo metadata printed invalid JSON', 'check the cargo version (rustup update)', { cause: e });
  }
  // Paths are made relative to the directory we were asked about, which keys are based on.
  const wsRoot = abs;
  const members = new Set(meta.workspace_members);
  // Members outside DIR (DIR is itself a member of a larger workspace) are left out: keys are relative to DIR.
  const memberPkgs = meta.packages.filter((p) => members.has(p.id) && !rel(wsRoot, path.dirname(p.manifest_path)).startsWith('..'));
  const memberDirs = new Map(memberPkgs.map((p) => [path.dirname(p.manifest_path), p.name]));
  const packages: WorkspacePackage[] = memberPkgs.map((p) => {
    const targets: WorkspaceTarget[] = p.targets.map((t) => ({ name: t.name, kind: [...t.kind], srcPath: rel(wsRoot, t.src_path) }));
    const deps: string[] = [];
    const renames: Record<string, string> = {};
    for (const d of p.dependencies) {
      const target = d.path ? memberDirs.get(d.path) : undefined;
      if (!target || target === p.name) continue;
      if (!deps.includes(target)) deps.push(target);
      if (d.rename) renames[d.rename.replace(/-/g, '_')] = target;
    }
    const pkg: WorkspacePackage = {
      name: p.name,
      manifestDir: rel(wsRoot, path.dirname(p.manifest_path)),
      targets,
      features: p.features,
      deps: deps.sort(),
    };
    if (Object.keys(renames).length > 0) pkg.renames = renames;
    return pkg;
  });
  packages.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { root: wsRoot, packages };
}
