// The npm package as a user installs it: a copy of this checkout with the bundle built (what `prepack` does), packed
// with `npm pack`, installed from the tarball with `--omit=dev --offline` into an empty project. Offline on purpose:
// the package has no runtime dependencies, so the install must not need the registry. Then the installed `rustgate`
// builds the graph (vendored tree-sitter prebuilds and Cozo wasm), runs PreFlight and installs hooks in a temp git
// copy of examples/ledger, and the hook gates real commits.
// bench/install.ts measures the same steps with the package's own scripts (`npm run bench -- install`).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyCheckout, installTarball, NODE_MODULES_TARGET_MB, pack, probeInstalled, ROOT, type Installed } from '../../bench/install.js';

let tmp = '';
let installed: Installed;
let tarballBytes = 0;

beforeAll(async () => {
  tmp = mkdtempSync(path.join(tmpdir(), 'rustgate-pack-'));
  const src = path.join(tmp, 'checkout');
  await copyCheckout(src);
  // prepack's own command (node scripts/build-action.mjs), run here so the slower tsc `prepare` is skipped.
  await execa(process.execPath, [path.join(src, 'scripts', 'build-action.mjs')], { cwd: src });
  const packed = await pack(src, tmp, true);
  tarballBytes = packed.bytes;
  installed = await installTarball(packed.tarball, tmp, { offline: true });
}, 120_000);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('the packed npm package installed with --omit=dev', () => {
  it(`installs rustgate alone, under ${NODE_MODULES_TARGET_MB} MB of node_modules, with a rustgate bin`, async () => {
    expect(installed.topLevel).toEqual(['rustgate']);
    expect(installed.packages).toBe(1);
    expect(installed.bytes / (1024 * 1024)).toBeLessThan(NODE_MODULES_TARGET_MB);
    expect(tarballBytes).toBeGreaterThan(0);
    // The natives the bundle loads ship under vendor/ (npm pack drops nested node_modules folders).
    const pkg = path.join(installed.project, 'node_modules', 'rustgate');
    const listed = await execa('find', [pkg, '-name', '*.node', '-path', '*linux-x64*']);
    expect(String(listed.stdout).split('\n').map((f) => path.relative(pkg, f)).sort()).toEqual([
      'dist/bundle/vendor/tree-sitter-rust/prebuilds/linux-x64/tree-sitter-rust.node',
      'dist/bundle/vendor/tree-sitter/prebuilds/linux-x64/tree-sitter.node',
    ]);
  });

  it('runs --version, build-isg, preflight --staged and hooks install from the install, and the hook gates commits', async () => {
    const p = await probeInstalled(installed.bin, tmp);
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(p.version).toBe(pkg.version);
    expect(p.buildIsg.exitCode, p.buildIsg.stderr).toBe(0);
    expect(p.buildIsg.nodes).toBeGreaterThan(10);
    expect(p.preflight.exitCode, p.preflight.stderr).toBe(0);
    expect(p.preflight.ok).toBe(true);
    expect(p.preflight.changed).toEqual(['crates/ledger-app/src/lib.rs']);
    expect(p.hooksInstall.exitCode, p.hooksInstall.output).toBe(0);
    // Without rustgate on PATH, the shim falls back to the installed bundle.
    expect(p.hook).toContain(path.join(installed.project, 'node_modules', 'rustgate', 'dist', 'bundle', 'cli.js'));
    expect(p.brokenCommitRefused).toBe(true);
    expect(p.goodCommit.exitCode, p.goodCommit.output).toBe(0);
  }, 150_000);
});
