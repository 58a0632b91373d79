import { utimesSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_LIB, CORE_LIB, SPAWN_KEY, breakSend, cli, git, makeRepo, preflightJson, read, untouched, write } from './helpers.js';

describe('preflight --worktree', () => {
  it('checks the working tree, including untracked files, and ignores what is only staged', async () => {
    const { top, ws } = await makeRepo();
    // A stat-dirty tracked file (same content, new mtime): git would refresh and rewrite the index if it could lock it.
    utimesSync(path.join(ws, APP_LIB), new Date(), new Date(Date.now() + 60_000));
    write(ws, CORE_LIB, `${read(ws, CORE_LIB)}\npub mod fresh;\n`);
    write(ws, 'crates/core/src/fresh.rs', 'pub fn fresh() -> u64 {\n    "nope"\n}\n');
    const { code, json } = await preflightJson(top, ws, '--worktree');
    expect(code).toBe(1);
    expect(json.scope).toBe('worktree');
    expect(json.changed_files).toEqual(['crates/core/src/fresh.rs', CORE_LIB]);
    expect(json.changes).toContainEqual({ path: 'crates/core/src/fresh.rs', status: 'added' });
    expect(json.diagnostics.find((d) => d.level === 'error')).toMatchObject({ code: 'E0308', file: 'crates/core/src/fresh.rs', line: 2 });
    // Fix it in the working tree: passes, and only the changed files are rewritten in the shadow.
    write(ws, 'crates/core/src/fresh.rs', 'pub fn fresh() -> u64 {\n    7\n}\n');
    const again = await preflightJson(top, ws, '--worktree');
    expect(again.code).toBe(0);
    // The staged scope still sees HEAD's (clean) index: nothing staged.
    const staged = await preflightJson(top, ws, '--staged');
    expect(staged.code).toBe(0);
    expect(staged.json.changed_files).toEqual([]);
    expect(staged.json.skipped).toBe(true);
  });
});

describe('preflight --diff BASE..HEAD', () => {
  it('checks the HEAD side of a range and reports the files it changed', async () => {
    const { top, ws } = await makeRepo();
    write(ws, CORE_LIB, breakSend(read(ws, CORE_LIB)));
    await git(top, 'commit', '-q', '-am', 'drop Send');
    write(ws, APP_LIB, read(ws, APP_LIB).replace('answer = {}', 'the answer = {}'));
    await git(top, 'commit', '-q', '-am', 'reword');
    // The working tree and index are clean and equal HEAD; the range decides.
    const bad = await preflightJson(top, ws, '--diff', 'HEAD~2..HEAD');
    expect(bad.code).toBe(1);
    expect(bad.json.scope).toBe('diff');
    expect(bad.json.changed_files).toEqual([APP_LIB, CORE_LIB]);
    expect(bad.json.diagnostics.find((d) => d.level === 'error')).toMatchObject({ code: 'E0277', file: CORE_LIB, line: 8, isg: { key: SPAWN_KEY } });
    const good = await preflightJson(top, ws, '--diff', 'HEAD~2..HEAD~2');
    expect(good).toMatchObject({ code: 0, json: { ok: true, skipped: true, changed_files: [] } });
    const older = await preflightJson(top, ws, '--diff', 'main~2..main~1');
    expect(older.code).toBe(1);
    expect(older.json.changed_files).toEqual([CORE_LIB]);
  });

  it('BASE...HEAD checks from the merge base (a pull request), so changes on the base branch do not count', async () => {
    const { top, ws } = await makeRepo();
    await git(top, 'checkout', '-q', '-b', 'feature');
    write(ws, CORE_LIB, breakSend(read(ws, CORE_LIB)));
    await git(top, 'commit', '-q', '-am', 'feature: drop Send');
    await git(top, 'checkout', '-q', 'main');
    write(ws, 'README.md', 'base moved on\n');
    await git(top, 'commit', '-q', '-am', 'main: docs');
    const pr = await preflightJson(top, ws, '--diff', 'main...feature');
    expect(pr.code).toBe(1);
    expect(pr.json.changed_files).toEqual([CORE_LIB]);
    const twoDot = await preflightJson(top, ws, '--diff', 'main..feature');
    expect(twoDot.json.changed_files).toEqual(['README.md', CORE_LIB]);
  });

  it('rejects a bad range with exit 2 and BAD_RANGE', async () => {
    const { top, ws } = await makeRepo();
    for (const range of ['nope..HEAD', 'HEAD..nope', '..', '--output=x..HEAD']) {
      const r = await untouched(top, () => cli(['preflight', '--repo', ws, '--diff', range, '--format', 'json']));
      expect(r.code, range).toBe(2);
      expect(r.err, range).toContain('error[BAD_RANGE]');
      expect(r.out).toBe('');
    }
  });
});

describe('a cargo failure without compiler messages', () => {
  it('a staged broken Cargo.toml fails the gate with the manifest error and its location', async () => {
    const { top, ws } = await makeRepo();
    write(ws, 'crates/app/Cargo.toml', `${read(ws, 'crates/app/Cargo.toml')}bogus = [\n`);
    await git(top, 'add', 'crates/app/Cargo.toml');
    const { code, json } = await preflightJson(top, ws);
    expect(code).toBe(1);
    expect(json.changed_files).toEqual(['crates/app/Cargo.toml']);
    expect(json.diagnostics).toHaveLength(1);
    expect(json.diagnostics[0]).toMatchObject({ level: 'error', code: null, file: 'crates/app/Cargo.toml', line: 8, isg: null, blast_radius: [] });
    expect(json.diagnostics[0]?.message).toMatch(/^cargo check failed: unclosed array/);
    expect(json.diagnostics[0]?.message).not.toContain('.rustgate/shadow');
  });
});

describe('cargo flags', () => {
  it('--features, --all-features and --package select what cargo checks', async () => {
    const { top, ws } = await makeRepo();
    write(ws, 'crates/core/src/util.rs', `${read(ws, 'crates/core/src/util.rs')}// touched\n`);
    await git(top, 'add', '-A');
    expect((await preflightJson(top, ws)).code).toBe(0);
    for (const flags of [['--features', 'pf-core/extra'], ['--all-features'], ['--package', 'pf-core', '--features', 'extra']]) {
      const { code, json } = await preflightJson(top, ws, ...flags);
      expect(code, flags.join(' ')).toBe(1);
      expect(json.diagnostics.find((d) => d.level === 'error'), flags.join(' ')).toMatchObject({
        code: 'E0308',
        file: 'crates/core/src/util.rs',
        line: 11,
        isg: { key: 'crates/core/src/util.rs-util-extra', kind: 'fn', name: 'extra' },
      });
    }
    // Without the feature, checking only pf-app passes.
    expect((await preflightJson(top, ws, '--package', 'pf-app')).code).toBe(0);
  });
});
