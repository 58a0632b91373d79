// Issue 15: cfg is evaluated for the configuration PreFlight checks — default features plus what rustgate.yaml
// selects — so with `preflight.features: [fast]` a call lands on the `#[cfg(feature = "fast")]` item.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import type { CliIO } from '../../src/cli/io.js';
import { parseRustSource } from '../../src/adapters/rust-parser/parse.js';
import { selectedFeatures } from '../../src/core/isg/cfg.js';
import { resolveWorkspace } from '../../src/core/isg/resolve.js';
import type { WorkspacePackage } from '../../src/core/isg/workspace.js';

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { out: (s) => void out.push(s), err: (s) => void err.push(s), interactive: false };
  const code = await main(args, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const LIB = [
  '#[cfg(feature = "fast")]',
  '#[path = "fast.rs"]',
  'mod imp;',
  '#[cfg(not(feature = "fast"))]',
  '#[path = "slow.rs"]',
  'mod imp;',
  'pub fn go() -> u32 {',
  '    imp::run()',
  '}',
  '',
].join('\n');

const pkg: WorkspacePackage = {
  name: 'sel',
  manifestDir: '',
  targets: [{ name: 'sel', kind: ['lib'], srcPath: 'src/lib.rs' }],
  features: { default: ['std'], std: [], fast: ['simd'], simd: [], other: [] },
  deps: [],
};

describe('feature selection for cfg evaluation', () => {
  it('adds the selected features (and what they enable) to the defaults; package/feature applies to that package only', () => {
    expect([...selectedFeatures(pkg, undefined)].sort()).toEqual(['default', 'std']);
    expect([...selectedFeatures(pkg, { features: ['fast'] })].sort()).toEqual(['default', 'fast', 'simd', 'std']);
    expect([...selectedFeatures(pkg, { features: ['sel/other', 'elsewhere/fast', 'missing'] })].sort()).toEqual(['default', 'other', 'std']);
    expect([...selectedFeatures(pkg, { allFeatures: true })].sort()).toEqual(['default', 'fast', 'other', 'simd', 'std']);
  });

  it('the resolver calls the item the selection makes active', () => {
    const files = new Map([
      ['src/lib.rs', parseRustSource(LIB)],
      ['src/fast.rs', parseRustSource('pub fn run() -> u32 { 1 }\n')],
      ['src/slow.rs', parseRustSource('pub fn run() -> u32 { 2 }\n')],
    ]);
    const callee = (sel?: { features: string[] }): string[] =>
      resolveWorkspace({ root: '/ws', packages: [pkg] }, files, sel).graph.edges.filter((e) => e.src === 'src/lib.rs-lib-go' && e.rel === 'CALLS').map((e) => e.dst);
    expect(callee()).toEqual(['src/slow.rs-slow-run']);
    expect(callee({ features: ['fast'] })).toEqual(['src/fast.rs-fast-run']);
  });

  it('build-isg reads the selection from rustgate.yaml (real cargo metadata, real store)', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'rustgate-isg-features-'));
    mkdirSync(path.join(root, 'src'));
    writeFileSync(path.join(root, 'Cargo.toml'), '[package]\nname = "sel"\nversion = "0.1.0"\nedition = "2021"\n\n[features]\nfast = []\n');
    writeFileSync(path.join(root, 'src/lib.rs'), LIB);
    writeFileSync(path.join(root, 'src/fast.rs'), 'pub fn run() -> u32 { 1 }\n');
    writeFileSync(path.join(root, 'src/slow.rs'), 'pub fn run() -> u32 { 2 }\n');
    const calls = async (): Promise<string[]> => {
      expect((await run(['build-isg', '--repo', root, '--json'])).code).toBe(0);
      const shown = JSON.parse((await run(['isg', 'show', 'src/lib.rs-lib-go', '--repo', root, '--json'])).out) as { edges_out: Array<{ rel: string; dst: string }> };
      return shown.edges_out.filter((e) => e.rel === 'CALLS').map((e) => e.dst);
    };
    expect(await calls()).toEqual(['src/slow.rs-slow-run']);
    writeFileSync(path.join(root, 'rustgate.yaml'), 'preflight:\n  features: [fast]\n');
    // No .rs file changed: the whole workspace is re-resolved from cached facts, under the new selection.
    expect(await calls()).toEqual(['src/fast.rs-fast-run']);
  });
});
