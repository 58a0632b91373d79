/** Seeding `.rustgate/target` from the user's warm target dir copies dependency units only, with their mtimes. */
import { existsSync, mkdirSync, mkdtempSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedTargetDir, unitName, userTargetDir } from '../../src/app/private-tree/seed.js';

const H = '0123456789abcdef';

describe('target seeding', () => {
  it('names units like cargo lays them out', () => {
    expect(unitName(`libserde_json-${H}.rmeta`, 'deps')).toBe('serde_json');
    expect(unitName(`seed_a-${H}`, 'deps')).toBe('seed_a');
    expect(unitName(`seed-a-${H}`, '.fingerprint')).toBe('seed_a');
    expect(unitName(`proc-macro2-${H}`, 'build')).toBe('proc_macro2');
  });

  it('copies dependency units with their mtimes and never a workspace unit', () => {
    const base = mkdtempSync(path.join(os.tmpdir(), 'rg-seed-'));
    const from = path.join(base, 'target');
    const files = [`debug/deps/libserde-${H}.rmeta`, `debug/deps/libseed_a-${H}.rmeta`, `debug/deps/seed_a-${H}`, `debug/deps/libmy_bin_dep-${H}.rlib`, `debug/.fingerprint/serde-${H}/lib-serde`, `debug/.fingerprint/seed-a-${H}/lib-seed_a`, `debug/build/libc-${H}/output`, `debug/incremental/seed_a-${H}/x`];
    for (const f of files) {
      mkdirSync(path.dirname(path.join(from, f)), { recursive: true });
      writeFileSync(path.join(from, f), f);
      utimesSync(path.join(from, f), new Date(1_000_000), new Date(1_000_000));
    }
    const to = path.join(base, 'rg-target');
    expect(seedTargetDir(from, to, new Set(['seed-a', 'my-bin']))).toBe(4);
    expect(existsSync(path.join(to, `debug/deps/libserde-${H}.rmeta`))).toBe(true);
    expect(existsSync(path.join(to, `debug/deps/libmy_bin_dep-${H}.rlib`))).toBe(true);
    expect(existsSync(path.join(to, `debug/.fingerprint/serde-${H}/lib-serde`))).toBe(true);
    expect(existsSync(path.join(to, `debug/build/libc-${H}/output`))).toBe(true);
    for (const ws of [`debug/deps/libseed_a-${H}.rmeta`, `debug/deps/seed_a-${H}`, `debug/.fingerprint/seed-a-${H}`, 'debug/incremental']) expect(existsSync(path.join(to, ws))).toBe(false);
    expect(statSync(path.join(to, `debug/deps/libserde-${H}.rmeta`)).mtimeMs).toBe(1_000_000);
    expect(userTargetDir(path.join(base, 'none'), {})).toBeNull();
    expect(userTargetDir(base, {})).toBe(from);
    expect(userTargetDir(base, { CARGO_TARGET_DIR: 'target' })).toBe(from);
  });
});
