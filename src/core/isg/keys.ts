/** ISGL1 key construction (CONTRACT.md): `<rel path>-<file stem>-<InterfaceName>`. */

/** The file stem used in keys: `src/exec.rs` → `exec`. */
export function fileStem(relPath: string): string {
  const base = relPath.slice(relPath.lastIndexOf('/') + 1);
  return base.endsWith('.rs') ? base.slice(0, -3) : base;
}

/** Builds the key of an interface declared in `relPath`. */
export function makeKey(relPath: string, interfaceName: string): string {
  return `${relPath}-${fileStem(relPath)}-${interfaceName}`;
}

/** Key of the synthetic node for a Cargo package. */
export function crateKey(crateName: string): string {
  return `crate:${crateName}`;
}

/** Key of the synthetic node for a Cargo feature of a package. */
export function featureKey(crateName: string, feature: string): string {
  return `feature:${crateName}/${feature}`;
}
