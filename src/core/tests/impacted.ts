/** Which workspace packages a change can break: the changed ones and everything that depends on them. */

/**
 * The changed crates plus every workspace crate that depends on one of them, directly or transitively,
 * sorted by name. `workspaceDeps` maps a package to the workspace packages it depends on; names that are
 * not in the map (a changed crate outside the workspace, a typo) are kept as given and never expanded.
 */
export function impactedPackages(changedCrates: string[], workspaceDeps: Map<string, string[]>): string[] {
  // Reverse the edges once: package → packages that depend on it.
  const dependents = new Map<string, string[]>();
  for (const [pkg, deps] of workspaceDeps) {
    for (const dep of deps) {
      const list = dependents.get(dep);
      if (list) list.push(pkg);
      else dependents.set(dep, [pkg]);
    }
  }
  const seen = new Set<string>();
  const queue = [...changedCrates];
  while (queue.length > 0) {
    const pkg = queue.pop()!;
    if (seen.has(pkg)) continue;
    seen.add(pkg);
    for (const d of dependents.get(pkg) ?? []) if (!seen.has(d)) queue.push(d);
  }
  return [...seen].sort();
}

/** A package's name and its directory (workspace-relative, '' for the root package), as in `WorkspacePackage`. */
export interface PackageDir {
  name: string;
  manifestDir: string;
}

/**
 * The packages that own `files` (workspace-relative paths): each file belongs to the package with the longest
 * manifest directory that contains it; files outside every package (README.md at a virtual root) own nothing.
 * Sorted, without duplicates.
 */
export function cratesOwningFiles(files: string[], packages: PackageDir[]): string[] {
  const byDepth = [...packages].sort((a, b) => b.manifestDir.length - a.manifestDir.length);
  const out = new Set<string>();
  for (const f of files) {
    const owner = byDepth.find((p) => p.manifestDir === '' || f === p.manifestDir || f.startsWith(`${p.manifestDir}/`));
    if (owner) out.add(owner.name);
  }
  return [...out].sort();
}
