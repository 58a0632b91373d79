import { describe, expect, it } from 'vitest';
import { selectAffected, shardPackages, type MemberPackage } from '../../src/core/preflight/affected.js';
import type { ChangedFile } from '../../src/core/preflight/types.js';

// A root package `app` at '' with members: core <- util <- app, core <- cli, and a leaf `docs-helper`.
const MEMBERS: MemberPackage[] = [
  { name: 'app', manifestDir: '', deps: ['util', 'core'] },
  { name: 'core', manifestDir: 'crates/core', deps: [] },
  { name: 'util', manifestDir: 'crates/util', deps: ['core'] },
  { name: 'cli', manifestDir: 'crates/cli', deps: ['core'] },
  { name: 'docs-helper', manifestDir: 'tools/docs-helper', deps: [] },
];
const DIRS = new Set(['', 'crates/core', 'crates/util', 'crates/cli', 'tools/docs-helper', 'vendor/excluded']);

const mod = (path: string): ChangedFile => ({ path, status: 'modified' });

function check(changed: ChangedFile[], expected: { all: boolean; packages?: string[]; owners?: string[]; unowned?: string[]; reason?: string | null }): void {
  const sel = selectAffected({ members: MEMBERS, changed, manifestDirs: DIRS });
  expect(sel.all).toBe(expected.all);
  if (expected.packages) expect(sel.packages).toEqual(expected.packages);
  if (expected.owners) expect(sel.owners).toEqual(expected.owners);
  if (expected.unowned) expect(sel.unowned).toEqual(expected.unowned);
  if (expected.reason !== undefined) expect(sel.reason).toBe(expected.reason);
}

describe('selectAffected', () => {
  it.each<[string, ChangedFile[], Parameters<typeof check>[1]]>([
    ['a leaf crate alone', [mod('tools/docs-helper/src/main.rs')], { all: false, packages: ['docs-helper'], owners: ['docs-helper'] }],
    ['a base crate and its dependents, transitively', [mod('crates/core/src/lib.rs')], { all: false, packages: ['app', 'cli', 'core', 'util'] }],
    ['a middle crate', [mod('crates/util/src/deep/mod.rs')], { all: false, packages: ['app', 'util'] }],
    ['the root package owns files outside the members', [mod('src/main.rs')], { all: false, packages: ['app'] }],
    ['a member manifest selects that member', [mod('crates/cli/Cargo.toml')], { all: false, packages: ['cli'] }],
    ['the root manifest selects all', [mod('Cargo.toml')], { all: true, reason: 'root-manifest' }],
    ['the lockfile selects all', [mod('Cargo.lock'), mod('crates/cli/src/main.rs')], { all: true, reason: 'lockfile' }],
    ['a cargo config selects all', [mod('.cargo/config.toml')], { all: true, reason: 'cargo-config' }],
    ['the toolchain file selects all', [mod('rust-toolchain.toml')], { all: true, reason: 'toolchain' }],
    ['a removed member manifest selects all', [{ path: 'crates/cli/Cargo.toml', status: 'deleted' }], { all: true, reason: 'manifest-removed' }],
    ['a rename counts both sides', [{ path: 'crates/cli/src/a.rs', status: 'renamed', oldPath: 'crates/util/src/a.rs' }], { all: false, packages: ['app', 'cli', 'util'] }],
    ['non-Rust files select nothing', [mod('README.md'), mod('crates/core/notes.txt')], { all: false, packages: [], unowned: [] }],
    ['an excluded crate is owned by no member', [mod('vendor/excluded/src/lib.rs'), mod('crates/cli/src/main.rs')], { all: false, packages: ['cli'], unowned: ['vendor/excluded/src/lib.rs'] }],
    ['only files in no member: the whole workspace, still reported', [mod('vendor/excluded/src/lib.rs')], { all: true, reason: 'no-owner', unowned: ['vendor/excluded/src/lib.rs'] }],
  ])('%s', (_name, changed, expected) => check(changed, expected));

  it('with a virtual root manifest, a file directly under the root belongs to no member', () => {
    const members = MEMBERS.filter((m) => m.name !== 'app');
    const sel = selectAffected({ members, changed: [mod('build-tools/gen.rs'), mod('crates/util/src/lib.rs')], manifestDirs: DIRS });
    expect(sel).toMatchObject({ all: false, packages: ['util'], unowned: ['build-tools/gen.rs'] });
  });
});

describe('shardPackages', () => {
  it('balances by weight and keeps every package exactly once', () => {
    const w: Record<string, number> = { a: 10, b: 9, c: 2, d: 1, e: 1 };
    const shards = shardPackages(Object.keys(w), (n) => w[n] ?? 1, 2);
    expect(shards.flat().sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
    const totals = shards.map((s) => s.reduce((t, n) => t + (w[n] ?? 0), 0));
    expect(Math.abs((totals[0] ?? 0) - (totals[1] ?? 0))).toBeLessThanOrEqual(2);
  });

  it('never makes more shards than packages, nor empty ones', () => {
    expect(shardPackages(['x'], () => 1, 4)).toEqual([['x']]);
    expect(shardPackages([], () => 1, 3)).toEqual([]);
  });
});
