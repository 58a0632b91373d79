/** Reads a Cargo workspace through `cargo metadata --no-deps` and converts cargo's JSON into the Workspace model. */
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { runTool } from '../process/group.js';
import { RustgateError } from '../../core/errors.js';
import type { Workspace, WorkspacePackage, WorkspaceTarget } from '../../core/isg/workspace.js';

export interface CargoTarget {
  name: string;
  kind: string[];
  src_path: string;
}
export interface CargoDep {
  name: string;
  rename: string | null;
  path?: string;
  source: string | null;
}
export interface CargoPackage {
  name: string;
  id: string;
  manifest_path: string;
  targets: CargoTarget[];
  features: Record<string, string[]>;
  dependencies: CargoDep[];
}
/** The part of `cargo metadata --no-deps` JSON rustgate reads. */
export interface CargoMetadata {
  packages: CargoPackage[];
  workspace_members: string[];
  workspace_root: string;
  target_directory: string;
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

/** The nearest directory at or above `dir` holding `.git` (a repository's top), or null. */
function gitTopOf(dir: string): string | null {
  for (let d = dir; ; d = path.dirname(d)) {
    if (existsSync(path.join(d, '.git'))) return d;
    if (path.dirname(d) === d) return null;
  }
}

/** The quoted strings of a TOML array value `key = [ ... ]` inside the `[workspace]` table (enough for members/exclude). */
function workspaceList(manifest: string, key: string): string[] {
  const table = /^\s*\[workspace\]\s*$([\s\S]*?)(?=^\s*\[|(?![\s\S]))/m.exec(manifest)?.[1] ?? '';
  const m = new RegExp(`^\\s*${key}\\s*=\\s*\\[([\\s\\S]*?)\\]`, 'm').exec(table);
  return m?.[1] ? Array.from(m[1].matchAll(/"([^"]*)"|'([^']*)'/g), (x) => (x[1] ?? x[2] ?? '').replace(/\/$/, '')) : [];
}

/**
 * The Cargo workspace root for `dir`, found the way cargo does it (and without starting cargo, which costs
 * 0.1-0.2 s per run): the nearest Cargo.toml at or above `dir`; if it has no `[workspace]` table, the nearest
 * ancestor manifest with one (not past `stop`, the repository top) that does not `exclude` the package; else the
 * package itself. `package.workspace = "…"` is followed. Null when there is no Cargo.toml at all.
 */
export function locateWorkspaceRoot(dir: string, stop: string | null = gitTopOf(dir)): string | null {
  const read = (d: string): string | null => {
    try {
      return readFileSync(path.join(d, 'Cargo.toml'), 'utf8');
    } catch {
      return null;
    }
  };
  const within = (d: string): boolean => stop === null || d === stop || d.startsWith(`${stop}${path.sep}`);
  let pkgDir: string | null = null;
  let pkgManifest = '';
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
  const explicit = /^\s*workspace\s*=\s*"([^"]+)"/m.exec(pkgManifest.split(/^\s*\[(?!package\])/m)[0] ?? '');
  if (explicit?.[1]) return path.resolve(pkgDir, explicit[1]);
  for (let d = path.dirname(pkgDir); within(d) && d !== path.dirname(d); d = path.dirname(d)) {
    const m = read(d);
    if (m === null || !/^\s*\[workspace\]/m.test(m)) continue;
    const rel = path.relative(d, pkgDir).split(path.sep).join('/');
    if (workspaceList(m, 'exclude').some((x) => rel === x || rel.startsWith(`${x}/`))) return pkgDir;
    return d;
  }
  return pkgDir;
}

/**
 * Checks that `dir` is a directory inside a Cargo workspace (NOT_A_DIRECTORY / NO_CARGO_TOML) and returns the
 * workspace root's absolute path — the same root from the root, a subdirectory or a member crate's directory.
 */
export function checkWorkspaceDir(dir: string): string {
  const abs = path.resolve(dir);
  let isDir: boolean;
  try {
    isDir = statSync(abs).isDirectory();
  } catch {
    isDir = false;
  }
  if (!isDir) {
    throw new RustgateError('NOT_A_DIRECTORY', `${abs} is not a directory`, 'pass --repo DIR with the root of a Cargo workspace');
  }
  const root = locateWorkspaceRoot(realpathSync(abs));
  if (root === null) {
    throw new RustgateError('NO_CARGO_TOML', `no Cargo.toml in ${abs} or above it`, 'run inside a Cargo workspace or pass --repo DIR');
  }
  return root;
}

/** One `cargo metadata --no-deps` run: its parsed JSON, or why there is none. */
export type MetadataRun = { ok: true; meta: CargoMetadata } | { ok: false; missing: boolean; error: string };

/**
 * The one `cargo metadata --format-version 1 --no-deps --offline` call (no resolution, no network), through the
 * process module (allow-listed environment, own process group); `env` adds CARGO_TARGET_DIR and the like.
 */
export async function runCargoMetadata(dir: string, env: Record<string, string> = {}): Promise<MetadataRun> {
  const res = await runTool('cargo', ['metadata', '--format-version', '1', '--no-deps', '--offline'], { cwd: dir, env: { CARGO_TERM_COLOR: 'never', ...env }, timeoutMs: 120_000 });
  if (res.code === 'ENOENT') return { ok: false, missing: true, error: 'cargo was not found on PATH' };
  if (res.exitCode !== 0) return { ok: false, missing: false, error: `cargo metadata failed: ${firstErrorLine(String(res.stderr))}` };
  try {
    return { ok: true, meta: JSON.parse(String(res.stdout)) as CargoMetadata };
  } catch {
    return { ok: false, missing: false, error: 'cargo metadata printed invalid JSON' };
  }
}

/** Runs `cargo metadata --format-version 1 --no-deps` in `root` and returns the workspace's member packages. */
export async function readWorkspace(root: string): Promise<Workspace> {
  const abs = checkWorkspaceDir(root);
  const run = await runCargoMetadata(abs);
  if (!run.ok && run.missing) {
    throw new RustgateError('CARGO_MISSING', 'cargo was not found on PATH', 'install Rust with rustup (https://rustup.rs) and make sure cargo is on PATH');
  }
  if (!run.ok) {
    const hint = run.error.includes('invalid JSON') ? 'check the cargo version (rustup update)' : 'fix the Cargo.toml error above (try `cargo metadata --no-deps` yourself), then run again';
    throw new RustgateError('CARGO_METADATA_FAILED', run.error, hint);
  }
  return workspaceFromMetadata(abs, run.meta);
}

/**
 * The Workspace model of `cargo metadata --no-deps` output read in `abs` (the workspace directory as
 * `checkWorkspaceDir` returns it): paths relative to it, members outside it left out.
 */
export function workspaceFromMetadata(abs: string, meta: CargoMetadata): Workspace {
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
