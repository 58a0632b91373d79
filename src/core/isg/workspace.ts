/** A Cargo workspace as rustgate sees it: packages, their targets, features and workspace-internal dependencies. Pure data. */

/** One build target of a package (lib, bin, test, example, bench, custom-build). */
export interface WorkspaceTarget {
  name: string;
  /** Cargo's target kinds, e.g. `["lib"]`, `["bin"]`, `["test"]`. */
  kind: string[];
  /** Crate root file, workspace-relative and '/'-separated. */
  srcPath: string;
}

/** One member package of the workspace. */
export interface WorkspacePackage {
  name: string;
  /** Directory holding the package's Cargo.toml, workspace-relative ('' for the root package). */
  manifestDir: string;
  targets: WorkspaceTarget[];
  /** Cargo features: feature name → what it enables. */
  features: Record<string, string[]>;
  /** Names of the workspace packages this package depends on (any dependency kind). */
  deps: string[];
  /** Renamed workspace dependencies: the name used in Rust paths → package name. */
  renames?: Record<string, string>;
}

/** The workspace: an absolute root and its member packages, sorted by name. */
export interface Workspace {
  root: string;
  packages: WorkspacePackage[];
}

/** The name a package's library is referred to by in Rust paths (`my-lib` → `my_lib`). */
export function libCrateName(pkg: WorkspacePackage): string {
  const lib = pkg.targets.find((t) => t.kind.some((k) => k === 'lib' || k === 'rlib' || k === 'proc-macro' || k.endsWith('lib')));
  return (lib?.name ?? pkg.name).replace(/-/g, '_');
}
