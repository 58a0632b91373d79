/**
 * Maps a test reported by a test runner (`render::tests::renders_currency` in package `report`) to the ISGL1 key
 * of the test function (`report/src/render.rs-render-tests::renders_currency`), so a failing test can be shown
 * and fixed as a graph node. Pure: the graph is consulted through a lookup.
 */
import { makeKey } from '../isg/keys.js';

/** A build target as far as test mapping needs it (structurally a `WorkspaceTarget`). */
export interface TestTarget {
  name: string;
  /** Cargo target kinds, e.g. `["lib"]`, `["test"]`. */
  kind: string[];
  /** Crate root file, workspace-relative, '/'-separated. */
  srcPath: string;
}

/** A package as far as test mapping needs it (structurally a `WorkspacePackage`). */
export interface TestPackage {
  name: string;
  targets: TestTarget[];
}

/** A test as a runner reports it. */
export interface TestRef {
  /** The test's path inside its test binary, e.g. `render::tests::renders_currency`. */
  name: string;
  package?: string;
  /** The target (test binary) name when the runner knows it: the lib's name, an integration test file stem, a bin. */
  binary?: string;
}

/** Just enough of a GraphQuery to probe keys. */
export interface TestKeyLookup {
  packages: TestPackage[];
  getNode(key: string): Promise<{ key: string } | undefined> | { key: string } | undefined;
}

const norm = (s: string): string => s.replace(/-/g, '_');

/** The targets that may have built this test binary, most likely first (the library before others). */
function candidateTargets(test: TestRef, packages: TestPackage[]): TestTarget[] {
  const pkgs = test.package === undefined ? packages : packages.filter((p) => p.name === test.package);
  const targets = pkgs.flatMap((p) => p.targets);
  const testable = targets.filter((t) => t.kind.some((k) => k !== 'custom-build'));
  const matching = test.binary === undefined ? testable : testable.filter((t) => norm(t.name) === norm(test.binary!));
  const rank = (t: TestTarget): number => (t.kind.some((k) => k.endsWith('lib') || k === 'proc-macro') ? 0 : t.kind.includes('test') ? 1 : 2);
  return [...matching].sort((a, b) => rank(a) - rank(b));
}

/**
 * Every key the test could have, most specific first: for `a::b::t` in a target rooted at `src/lib.rs` it tries the
 * module files `src/a/b.rs`, `src/a/b/mod.rs` (item `t`), then `src/a.rs`, `src/a/mod.rs` (item `b::t`), then the
 * root file itself (item `a::b::t`). `#[path]` attributes are not followed.
 */
export function testKeyCandidates(test: TestRef, packages: TestPackage[]): string[] {
  const segs = test.name.split('::').filter((s) => s !== '');
  if (segs.length === 0) return [];
  const out: string[] = [];
  for (const target of candidateTargets(test, packages)) {
    const root = target.srcPath;
    const dir = root.includes('/') ? root.slice(0, root.lastIndexOf('/')) : '';
    const join = (p: string): string => (dir === '' ? p : `${dir}/${p}`);
    for (let i = segs.length - 1; i >= 0; i--) {
      const item = segs.slice(i).join('::');
      if (i === 0) {
        out.push(makeKey(root, item));
      } else {
        const mod = segs.slice(0, i).join('/');
        out.push(makeKey(join(`${mod}.rs`), item), makeKey(join(`${mod}/mod.rs`), item));
      }
    }
  }
  return [...new Set(out)];
}

/** The ISG key of the test function, or null when no candidate key is in the graph. */
export async function testNodeKey(test: TestRef, lookup: TestKeyLookup): Promise<string | null> {
  for (const key of testKeyCandidates(test, lookup.packages)) {
    if ((await lookup.getNode(key)) !== undefined) return key;
  }
  return null;
}
