import { existsSync, mkdtempSync, statSync, utimesSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_LIB, CORE_LIB, MULTI_FIXTURE, breakSend, cli, git, makeRepo, preflightJson, read, userCargoCheck, write, type PreflightJson } from './helpers.js';

/** What must agree between the two modes: the gate's verdict and every diagnostic with its place in the graph. */
function verdict(j: PreflightJson): unknown {
  return { ok: j.ok, changed: j.changed_files, diagnostics: j.diagnostics.map((d) => ({ ...d, message: d.message })) };
}

describe('preflight in place when the staged content is the working tree', () => {
  it('checks in the workspace with the user target dir and finds exactly what the shadow finds', async () => {
    const { top, ws } = await makeRepo();
    await userCargoCheck(ws);
    write(ws, CORE_LIB, breakSend(read(ws, CORE_LIB)));
    await git(top, 'add', CORE_LIB);
    const inPlace = await preflightJson(top, ws, '--staged');
    expect(inPlace.json.mode).toBe('in_place');
    expect(inPlace.code).toBe(1);
    // Nothing copied, no second target dir: cargo used the user's target/ (and the main ISG mapped the finding).
    expect(existsSync(path.join(ws, '.rustgate/shadow'))).toBe(false);
    expect(existsSync(path.join(ws, '.rustgate/target'))).toBe(false);
    const shadow = await preflightJson(top, ws, '--staged', '--shadow');
    expect(shadow.json.mode).toBe('shadow');
    expect(verdict(shadow.json)).toEqual(verdict(inPlace.json));
    expect(inPlace.json.diagnostics.find((d) => d.level === 'error')).toMatchObject({ code: 'E0277', file: CORE_LIB, line: 8, isg: { key: 'crates/core/src/lib.rs-lib-spawn_worker' } });

    // And on a clean staged change.
    write(ws, CORE_LIB, `${read(ws, CORE_LIB).replace("F: FnOnce() -> u64 + 'static", "F: FnOnce() -> u64 + Send + 'static")}\n/// Fine.\npub fn fine() {}\n`);
    await git(top, 'add', CORE_LIB);
    const a = await preflightJson(top, ws, '--staged');
    const b = await preflightJson(top, ws, '--staged', '--shadow');
    expect([a.json.mode, b.json.mode]).toEqual(['in_place', 'shadow']);
    expect(verdict(a.json)).toEqual(verdict(b.json));
    expect(a.code).toBe(0);
  });

  it('uses the shadow for partial staging, untracked Rust files and a missing build cache; not for a touched file', async () => {
    const { top, ws } = await makeRepo();
    write(ws, APP_LIB, `${read(ws, APP_LIB)}\n/// Staged.\npub fn staged() {}\n`);
    await git(top, 'add', APP_LIB);
    const cold = await preflightJson(top, ws);
    expect(cold.json.mode).toBe('shadow'); // no target/ yet: rustgate never creates the user's build cache

    await userCargoCheck(ws);
    expect((await preflightJson(top, ws)).json.mode).toBe('in_place');

    // Same bytes, newer mtime (stat-dirty for git, which we never refresh): still in place.
    const abs = path.join(ws, APP_LIB);
    const later = new Date(statSync(abs).mtimeMs + 5000);
    utimesSync(abs, later, later);
    expect((await preflightJson(top, ws)).json.mode).toBe('in_place');

    write(ws, APP_LIB, `${read(ws, APP_LIB)}\npub fn unstaged() -> u64 { "no" }\n`);
    const partial = await preflightJson(top, ws);
    expect(partial.json.mode).toBe('shadow');
    expect(partial.code).toBe(0); // the unstaged break is not what is committed
    await git(top, 'checkout', '--', APP_LIB);

    write(ws, 'crates/app/src/extra.rs', 'pub fn x() {}\n');
    expect((await preflightJson(top, ws)).json.mode).toBe('shadow');
  });

  it('--diff ending at the checked-out commit runs in place; another range in the shadow', async () => {
    const { top, ws } = await makeRepo();
    await userCargoCheck(ws);
    write(ws, APP_LIB, `${read(ws, APP_LIB)}\n/// Committed.\npub fn committed() {}\n`);
    await git(top, 'commit', '-qam', 'second');
    const head = await preflightJson(top, ws, '--diff', 'HEAD~1..HEAD');
    expect(head.json.mode).toBe('in_place');
    expect(head.json.changed_files).toEqual([APP_LIB]);
    const older = await preflightJson(top, ws, '--diff', 'HEAD~1..HEAD~1');
    expect(older.json.skipped).toBe(true);
  });

  it('never writes Cargo.lock in place: a stale lockfile sends the check to the shadow', async () => {
    const { top, ws } = await makeRepo();
    await userCargoCheck(ws);
    // A new member dependency the lockfile does not know yet (path crate: no network needed).
    write(ws, 'crates/app/Cargo.toml', `${read(ws, 'crates/app/Cargo.toml')}extra-dep = { path = "../extra" }\n`);
    write(ws, 'crates/extra/Cargo.toml', '[package]\nname = "extra-dep"\nversion = "0.1.0"\nedition = "2021"\n');
    write(ws, 'crates/extra/src/lib.rs', '');
    await git(top, 'add', '-A');
    const lockBefore = read(ws, 'Cargo.lock');
    const r = await preflightJson(top, ws);
    expect(r.json.mode).toBe('shadow');
    expect(read(ws, 'Cargo.lock')).toBe(lockBefore);
  });
});

describe('only the affected packages are checked', () => {
  it('a change that affects every member is the whole workspace: no -p, no feature comparison', async () => {
    const ws = mkdtempSync(path.join(os.tmpdir(), 'rg-pf-allmembers-'));
    write(ws, 'Cargo.toml', '[workspace]\nmembers = ["base", "user"]\nresolver = "2"\n');
    write(ws, 'base/Cargo.toml', '[package]\nname = "am-base"\nversion = "0.1.0"\nedition = "2021"\n');
    write(ws, 'base/src/lib.rs', 'pub fn one() -> u32 { 1 }\n');
    write(ws, 'user/Cargo.toml', '[package]\nname = "am-user"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\nam-base = { path = "../base" }\n');
    write(ws, 'user/src/lib.rs', 'pub fn two() -> u32 { am_base::one() + 1 }\n');
    write(ws, '.gitignore', 'target/\n');
    await git(ws, 'init', '-q', '-b', 'main');
    await userCargoCheck(ws);
    await git(ws, 'add', '-A');
    await git(ws, 'commit', '-q', '-m', 'initial');
    // base is a dependency of the only other member: every member is affected.
    write(ws, 'base/src/lib.rs', 'pub fn one() -> u32 { 1 }\npub fn zero() -> u32 { 0 }\n');
    await git(ws, 'add', '-A');
    const r = await preflightJson(ws, ws);
    expect(r.json).toMatchObject({ ok: true, mode: 'in_place', packages: null });
    // No `cargo tree` ran to compare a subset's features with the workspace's: there is no subset.
    expect(existsSync(path.join(ws, '.rustgate/feature-sets.json'))).toBe(false);
  });

  it('selects owners and dependents, reports files in no crate, and the whole workspace for the lockfile', async () => {
    const { top, ws } = await makeRepo({ fixture: MULTI_FIXTURE });
    await userCargoCheck(ws);
    write(ws, 'crates/leaf/src/lib.rs', `${read(ws, 'crates/leaf/src/lib.rs')}\n/// More.\npub fn more() {}\n`);
    await git(top, 'add', '-A');
    // The first run does not know yet whether a subset resolves features like the workspace: it checks the whole
    // (warm) workspace and fills that knowledge beside the check; from then on the subset is used.
    const first = await preflightJson(top, ws);
    expect(first.json).toMatchObject({ ok: true, mode: 'in_place', packages: null });
    expect(existsSync(path.join(ws, '.rustgate/feature-sets.json'))).toBe(true);
    const leaf = await preflightJson(top, ws);
    expect(leaf.json).toMatchObject({ ok: true, mode: 'in_place', packages: ['mc-leaf'], unchecked_files: [] });

    write(ws, 'crates/mid/src/lib.rs', `${read(ws, 'crates/mid/src/lib.rs')}\npub fn broken() -> u64 { "x" }\n`);
    write(ws, 'vendor/excluded/src/lib.rs', 'this is not rust\n');
    await git(top, 'add', '-A');
    // A selection not seen before is learned the same way (whole workspace now, the subset next time).
    const midFirst = await preflightJson(top, ws);
    expect(midFirst.code).toBe(1);
    expect(midFirst.json).toMatchObject({ mode: 'in_place', packages: null, unchecked_files: ['vendor/excluded/src/lib.rs'] });
    const mid = await preflightJson(top, ws);
    expect(mid.code).toBe(1);
    expect(mid.json).toMatchObject({ mode: 'in_place', packages: ['mc-leaf', 'mc-mid'], unchecked_files: ['vendor/excluded/src/lib.rs'] });
    expect(mid.json.diagnostics.find((d) => d.level === 'error')).toMatchObject({ code: 'E0308', file: 'crates/mid/src/lib.rs' });
    const pretty = await cli(['preflight', '--repo', ws]);
    expect(pretty.out).toContain('1 changed file in no checked crate: vendor/excluded/src/lib.rs — not checked');

    const affected = await cli(['affected', '--repo', ws, '--json', '--shards', '2']);
    expect(affected.code).toBe(0);
    expect(JSON.parse(affected.out)).toEqual({ ok: true, all: false, packages: ['mc-leaf', 'mc-mid'], shards: [['mc-leaf'], ['mc-mid']], changed_files: 3, unowned_files: ['vendor/excluded/src/lib.rs'] });

    // An explicit set: exactly those packages; changed files they do not own are named.
    const only = await preflightJson(top, ws, '--packages', 'mc-solo');
    expect(only.json).toMatchObject({ ok: true, packages: ['mc-solo'] });
    expect(only.json.unchecked_files).toEqual(['crates/mid/src/lib.rs', 'crates/leaf/src/lib.rs', 'vendor/excluded/src/lib.rs'].sort());

    write(ws, 'Cargo.lock', `${read(ws, 'Cargo.lock')}\n`);
    await git(top, 'add', 'Cargo.lock');
    const all = await cli(['affected', '--repo', ws, '--json']);
    expect(JSON.parse(all.out)).toMatchObject({ all: true, packages: ['mc-base', 'mc-leaf', 'mc-mid', 'mc-solo'] });
    const whole = await preflightJson(top, ws);
    expect(whole.json.packages).toBeNull();
  });
});
