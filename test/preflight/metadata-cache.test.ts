/**
 * PreFlight's cache of `cargo metadata --no-deps` for checks in place (src/adapters/cargo/metadata-cache.ts): a warm
 * run reuses it, and anything the metadata depends on — a tracked manifest, a new tracked crate, a cargo config
 * above the workspace, the target-dir variables, an ignored member's manifest — makes it miss.
 */
import { chmodSync, mkdtempSync, readFileSync, utimesSync } from 'node:fs';
import { execaSync } from 'execa';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { metadataKey, readCachedMetadata, writeCachedMetadata } from '../../src/adapters/cargo/metadata-cache.js';
import type { CargoMetadata } from '../../src/adapters/cargo/metadata.js';
import { cliProcess, git, preflightJson, userCargoCheck, write } from './helpers.js';

function workspace(globMembers: boolean): string {
  const ws = mkdtempSync(path.join(os.tmpdir(), 'rg-members-'));
  write(ws, 'Cargo.toml', `[workspace]\nmembers = [${globMembers ? '"crates/*"' : '"crates/a", "crates/b"'}]\nresolver = "2"\n`);
  write(ws, 'crates/a/Cargo.toml', '[package]\nname = "mc-a"\nversion = "0.1.0"\nedition = "2021"\n');
  write(ws, 'crates/a/src/lib.rs', 'pub fn a() -> u32 { 1 }\n');
  write(ws, 'crates/b/Cargo.toml', '[package]\nname = "mc-b"\nversion = "0.1.0"\nedition = "2021"\n');
  write(ws, 'crates/b/src/lib.rs', 'pub fn b() -> u32 { 2 }\n');
  write(ws, '.gitignore', 'target/\n');
  return ws;
}

/** Metadata as cargo prints it for the workspace at `ws` (the fields rustgate reads). */
function meta(ws: string): CargoMetadata {
  const pkg = (name: string, dir: string) => ({ name, id: `path+file://${ws}/${dir}#${name}@0.1.0`, manifest_path: path.join(ws, dir, 'Cargo.toml'), targets: [], features: {}, dependencies: [] });
  const packages = [pkg('mc-a', 'crates/a'), pkg('mc-b', 'crates/b')];
  return { packages, workspace_members: packages.map((p) => p.id), workspace_root: ws, target_directory: path.join(ws, 'target') };
}

describe('metadata cache key and entry', () => {
  it('misses when a tracked manifest, a .rs path, a config above, a target-dir variable or a member manifest changes', () => {
    const ws = workspace(false);
    const tracked = { manifests: ['Cargo.toml', 'crates/a/Cargo.toml', 'crates/b/Cargo.toml'], sources: ['crates/a/src/lib.rs', 'crates/b/src/lib.rs'] };
    const env = { HOME: ws };
    const key = metadataKey(ws, tracked, env);
    expect(metadataKey(ws, tracked, env)).toBe(key);
    const file = path.join(ws, '.rustgate/metadata.json');
    writeCachedMetadata(file, key, meta(ws));
    expect(readCachedMetadata(file, key)).toEqual(meta(ws));

    // A new tracked crate, a new target file (cargo discovers tests/*.rs), another target dir: other keys.
    expect(metadataKey(ws, { ...tracked, manifests: [...tracked.manifests, 'crates/c/Cargo.toml'] }, env)).not.toBe(key);
    expect(metadataKey(ws, { ...tracked, sources: [...tracked.sources, 'crates/a/tests/it.rs'] }, env)).not.toBe(key);
    expect(metadataKey(ws, tracked, { ...env, CARGO_TARGET_DIR: '/elsewhere' })).not.toBe(key);
    // An edited manifest, a cargo config in the workspace (not in a sibling directory): other keys.
    const past = new Date(Date.now() - 60_000);
    utimesSync(path.join(ws, 'crates/b/Cargo.toml'), past, past);
    expect(metadataKey(ws, tracked, env)).not.toBe(key);
    const key2 = metadataKey(ws, tracked, env);
    write(path.dirname(ws), `${path.basename(ws)}-sibling-is-not-above/.cargo/config.toml`, '');
    expect(metadataKey(ws, tracked, env)).toBe(key2);
    write(ws, '.cargo/config.toml', '[build]\ntarget-dir = "elsewhere"\n');
    expect(metadataKey(ws, tracked, env)).not.toBe(key2);

    // The entry itself: a member manifest that changed since it was written (a member git ignores) is a miss.
    writeCachedMetadata(file, key, meta(ws));
    utimesSync(path.join(ws, 'crates/a/Cargo.toml'), past, past);
    expect(readCachedMetadata(file, key)).toBeNull();
    expect(readCachedMetadata(file, 'another key')).toBeNull();
  });

  it('a corrupted or hostile cache file is a miss, never an error (fuzz)', () => {
    const ws = workspace(false);
    const file = path.join(ws, '.rustgate/metadata.json');
    const key = 'k';
    const metaLike = fc.oneof(fc.anything(), fc.constant(meta(ws)), fc.record({ packages: fc.array(fc.anything()), workspace_members: fc.array(fc.anything()), workspace_root: fc.string(), target_directory: fc.string() }));
    const entry = fc.record({ key: fc.constantFrom('k', 'x'), stamps: fc.oneof(fc.anything(), fc.dictionary(fc.string(), fc.string())), meta: metaLike });
    fc.assert(
      fc.property(fc.oneof(fc.string(), entry.map((e) => JSON.stringify(e)), fc.anything().map((v) => JSON.stringify(v) ?? 'undefined')), (text) => {
        write(ws, '.rustgate/metadata.json', text);
        const r = readCachedMetadata(file, key);
        expect(r === null || Array.isArray(r.packages)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('PreFlight in place with the metadata cache', () => {
  it('writes it on the first run, reuses it, and sees a crate added through a glob on the next run', async () => {
    const ws = workspace(true);
    await git(ws, 'init', '-q', '-b', 'main');
    await userCargoCheck(ws);
    await git(ws, 'add', '-A');
    await git(ws, 'commit', '-q', '-m', 'initial');
    write(ws, 'crates/a/src/lib.rs', 'pub fn a() -> u32 { 1 }\npub fn a2() -> u32 { 3 }\n');
    await git(ws, 'add', '-A');
    const first = await preflightJson(ws, ws);
    expect(first.json).toMatchObject({ ok: true, mode: 'in_place' });
    const cache = JSON.parse(readFileSync(path.join(ws, '.rustgate/metadata.json'), 'utf8')) as { meta: CargoMetadata };
    expect(cache.meta.packages.map((m) => m.name).sort()).toEqual(['mc-a', 'mc-b']);

    // A warm run starts cargo once, for the check: no `cargo metadata` (a logging cargo shim first on PATH).
    const shim = mkdtempSync(path.join(os.tmpdir(), 'rg-cargo-shim-'));
    const realCargo = execaSync('sh', ['-c', 'command -v cargo']).stdout.trim();
    write(shim, 'cargo', `#!/bin/sh\necho "$1" >> "${shim}/calls"\nexec "${realCargo}" "$@"\n`);
    chmodSync(path.join(shim, 'cargo'), 0o755);
    write(ws, 'crates/a/src/lib.rs', 'pub fn a() -> u32 { 1 }\npub fn a3() -> u32 { 4 }\n');
    await git(ws, 'add', '-A');
    const warm = await cliProcess(['preflight', '--repo', ws, '--format', 'json'], { PATH: `${shim}${path.delimiter}${process.env.PATH ?? ''}`, HOME: process.env.HOME ?? '' });
    expect(warm.code).toBe(0);
    expect(readFileSync(path.join(shim, 'calls'), 'utf8').split('\n').filter(Boolean)).toEqual(['check']);
    // A failing check builds the ISG to map its error from the same metadata: still one cargo start.
    write(ws, 'crates/a/src/lib.rs', 'pub fn a() -> u32 { "one" }\n');
    await git(ws, 'add', '-A');
    const failing = await cliProcess(['preflight', '--repo', ws, '--format', 'json'], { PATH: `${shim}${path.delimiter}${process.env.PATH ?? ''}`, HOME: process.env.HOME ?? '' });
    expect(failing.code).toBe(1);
    expect((JSON.parse(failing.out) as { diagnostics: Array<{ level: string; isg: { key: string } | null }> }).diagnostics.find((d) => d.level === 'error')?.isg?.key).toBe('crates/a/src/lib.rs-lib-a');
    expect(readFileSync(path.join(shim, 'calls'), 'utf8').split('\n').filter(Boolean)).toEqual(['check', 'check']);
    write(ws, 'crates/a/src/lib.rs', 'pub fn a() -> u32 { 1 }\n');

    // A new crate committed under crates/* (the root manifest unchanged): the key misses, cargo metadata runs, and
    // a broken file in the new crate is checked — not reported as "in no crate".
    write(ws, 'crates/c/Cargo.toml', '[package]\nname = "mc-c"\nversion = "0.1.0"\nedition = "2021"\n');
    write(ws, 'crates/c/src/lib.rs', 'pub fn c() -> u32 { 3 }\n');
    await git(ws, 'add', '-A');
    await git(ws, 'commit', '-q', '-m', 'add c');
    await userCargoCheck(ws);
    write(ws, 'crates/c/src/lib.rs', 'pub fn c() -> u32 { "three" }\n');
    await git(ws, 'add', '-A');
    const broken = await preflightJson(ws, ws);
    expect(broken.code).toBe(1);
    expect(broken.json.unchecked_files).toEqual([]);
    expect(broken.json.diagnostics.find((d) => d.level === 'error')).toMatchObject({ code: 'E0308', file: 'crates/c/src/lib.rs' });
    const after = JSON.parse(readFileSync(path.join(ws, '.rustgate/metadata.json'), 'utf8')) as { meta: CargoMetadata };
    expect(after.meta.packages.map((m) => m.name).sort()).toEqual(['mc-a', 'mc-b', 'mc-c']);
  });
});
