/**
 * The one map of rustgate's data directory: every path under `<workspace>/.rustgate/` is spelled here and nowhere
 * else, plus the pure rule that decides whether a symlink of a private copy stays inside that copy.
 */
import path from 'node:path';

/** The name of rustgate's data directory at the workspace root. */
export const RUSTGATE_DIR = '.rustgate';

/** The files of one named private copy of the workspace (the PreFlight shadow, a validation tree…). */
export interface PrivateTreePaths {
  /** The copy itself, laid out like the workspace. */
  dir: string;
  /** What the copy holds (content ids and the stat of each file at write time). */
  manifest: string;
  /** The ISG store built from the copy. */
  store: string;
}

/** Every path rustgate keeps under one workspace. */
export interface RustgatePaths {
  /** The workspace root (the directory holding the root Cargo.toml). */
  root: string;
  /** `<root>/.rustgate`. */
  dir: string;
  gitignore: string;
  /** The ISG store of the workspace itself. */
  store: string;
  /** The one cargo target dir every private copy shares (safe through the target ledger). */
  target: string;
  /** Per target dir: the content each workspace-relative path had when a copy last synced into it. */
  targetLedger: string;
  lock: string;
  /** PreFlight's cache of resolved dependency features per package selection (`cargo tree`). */
  featureSets: string;
  /** PreFlight's cache of `cargo metadata --no-deps` for checks in place. */
  metadata: string;
  hooks: string;
  vectors: string;
  logs: string;
  /** The journal of an interrupted `debug-bug --apply`. */
  applyJournal: string;
  /** A named private copy: `shadow` (PreFlight), `validate` (debug-bug), `validate-fix`, `prove-fix`. */
  tree(name: PrivateTreeName): PrivateTreePaths;
}

/** The private copies rustgate makes. */
export type PrivateTreeName = 'shadow' | 'validate' | 'validate-fix' | 'prove-fix';

/** The paths under `<root>/.rustgate/` for the workspace at the absolute directory `root`. */
export function rustgatePaths(root: string): RustgatePaths {
  const dir = path.join(root, RUSTGATE_DIR);
  const target = path.join(dir, 'target');
  return {
    root,
    dir,
    gitignore: path.join(dir, '.gitignore'),
    store: path.join(dir, 'store'),
    target,
    targetLedger: path.join(target, 'rustgate-ledger.json'),
    lock: path.join(dir, 'lock'),
    featureSets: path.join(dir, 'feature-sets.json'),
    metadata: path.join(dir, 'metadata.json'),
    hooks: path.join(dir, 'hooks'),
    vectors: path.join(dir, 'vectors'),
    logs: path.join(dir, 'logs'),
    applyJournal: path.join(dir, 'apply-journal.json'),
    tree: (name) => ({ dir: path.join(dir, name), manifest: path.join(dir, `${name}.manifest.json`), store: path.join(dir, `${name}-store`) }),
  };
}

/** True for a workspace-relative path inside rustgate's own data directory. */
export function isRustgatePath(rel: string): boolean {
  return rel === RUSTGATE_DIR || rel.startsWith(`${RUSTGATE_DIR}/`);
}

/**
 * Whether a symlink at workspace-relative `rel` with target `target` resolves inside the workspace when every other
 * symlink of the same content (`linkOf`: relative path → target) is followed the way the kernel does, component by
 * component. A `..` at the root, an absolute target, a loop, or a path into `.git`/`.rustgate` is outside.
 * (Lexical normalisation is not enough: `e -> a/b/c/d/../../..` with `a/b/c/d -> ../../..` leaves the tree.)
 */
export function symlinkResolvesInside(rel: string, target: string, linkOf: (rel: string) => string | undefined): boolean {
  let hops = 0;
  // Resolves `parts` against the directory `base` (components from the root); null when it leaves the root.
  const walk = (base: string[], target: string): string[] | null => {
    if (target.startsWith('/') || /^[A-Za-z]:[\\/]/.test(target) || target.startsWith('\\')) return null;
    const cur = [...base];
    const parts = target.split(/[\\/]+/).filter((p) => p !== '' && p !== '.');
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i] ?? '';
      if (p === '..') {
        if (cur.length === 0) return null;
        cur.pop();
        continue;
      }
      cur.push(p);
      const link = linkOf(cur.join('/'));
      if (link !== undefined) {
        if (++hops > 40) return null;
        cur.pop();
        const resolved = walk(cur, link);
        if (resolved === null) return null;
        cur.splice(0, cur.length, ...resolved);
      }
    }
    return cur;
  };
  const base = rel.split('/').slice(0, -1);
  const end = walk(base, target);
  if (end === null) return false;
  const first = end[0]?.toLowerCase();
  return first !== '.git' && first !== RUSTGATE_DIR && !end.some((p) => p.toLowerCase() === '.git');
}
