import { existsSync, mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORE_LIB, SPAWN_KEY, breakSend, cli, cliProcess, git, makeRepo, preflightJson, read, untouched, write } from './helpers.js';

describe('preflight environment errors exit 2 with the cause and the next step', () => {
  it('not a git repository', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'rg-pf-nogit-'));
    write(dir, 'Cargo.toml', '[workspace]\nmembers = []\n');
    const r = await cli(['preflight', '--repo', dir]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('error[NOT_A_GIT_REPO]');
    expect(r.err).toContain('hint:');
  });

  it('no Cargo.toml', async () => {
    const { top } = await makeRepo({ subdir: 'rust' });
    mkdirSync(path.join(top, 'docs'));
    const r = await untouched(top, () => cli(['preflight', '--repo', path.join(top, 'docs')]));
    expect(r.code).toBe(2);
    expect(r.err).toContain('error[NO_CARGO_TOML]');
  });

  it('cargo not on PATH', async () => {
    const { top, ws } = await makeRepo();
    write(ws, CORE_LIB, `${read(ws, CORE_LIB)}\n`);
    await git(top, 'add', CORE_LIB);
    const PATH = (process.env.PATH ?? '').split(path.delimiter).filter((d) => !d.includes('.cargo')).join(path.delimiter);
    const r = await untouched(top, () => cliProcess(['preflight', '--repo', ws], { PATH }));
    expect(r.code).toBe(2);
    expect(r.err).toContain('error[CARGO_MISSING]');
    expect(r.err).toContain('rustup');
  });

  it('a merge in progress', async () => {
    const { top, ws } = await makeRepo();
    await git(top, 'checkout', '-q', '-b', 'side');
    write(ws, 'README.md', 'side\n');
    await git(top, 'commit', '-q', '-am', 'side');
    await git(top, 'checkout', '-q', 'main');
    write(ws, 'README.md', 'main\n');
    await git(top, 'commit', '-q', '-am', 'main');
    await git(top, 'merge', 'side').catch(() => undefined); // conflicts: MERGE_HEAD stays
    const r = await untouched(top, () => cli(['preflight', '--repo', ws]));
    expect(r.code).toBe(2);
    expect(r.err).toContain('error[MERGE_IN_PROGRESS]');
    expect(r.err).toContain('finish or abort the merge, then retry');
  });

  it('a detached HEAD still works for --staged', async () => {
    const { top, ws } = await makeRepo();
    await git(top, 'checkout', '-q', '--detach', 'HEAD');
    write(ws, CORE_LIB, breakSend(read(ws, CORE_LIB)));
    await git(top, 'add', CORE_LIB);
    const { code, json } = await preflightJson(top, ws, '--staged');
    expect(code).toBe(1);
    expect(json.diagnostics[0]).toMatchObject({ code: 'E0277', isg: { key: SPAWN_KEY } });
  });

  it('an unborn branch counts every staged file', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'rg-pf-unborn-'));
    const { ws: src } = await makeRepo();
    rmSync(path.join(src, '.git'), { recursive: true, force: true });
    await git(dir, 'init', '-q');
    for (const f of ['Cargo.toml', 'Cargo.lock', 'crates/core/Cargo.toml', 'crates/core/src/lib.rs', 'crates/core/src/util.rs', 'crates/app/Cargo.toml', 'crates/app/src/lib.rs']) {
      write(dir, f, read(src, f));
    }
    await git(dir, 'add', '-A');
    const { code, json } = await preflightJson(dir, dir);
    expect(code).toBe(0);
    expect(json.changed_files).toHaveLength(7);
    expect(json.changes.every((c) => c.status === 'added')).toBe(true);
  });

  it('conflicting scope flags and an unknown format are usage errors', async () => {
    const { top, ws } = await makeRepo();
    const both = await cli(['preflight', '--repo', ws, '--staged', '--worktree']);
    expect(both.code).toBe(2);
    expect(both.err).toContain('error[BAD_FLAG]');
    const fmt = await untouched(top, () => cli(['preflight', '--repo', ws, '--format', 'xml']));
    expect(fmt.code).toBe(2);
    expect(fmt.err).toContain('error[BAD_FLAG]');
  });
});

describe('a workspace in a subdirectory of the repository', () => {
  it('--repo pointing at a member crate (or below) checks the whole workspace with workspace-relative keys', async () => {
    const { top, ws } = await makeRepo({ subdir: 'rust' });
    write(ws, CORE_LIB, breakSend(read(ws, CORE_LIB)));
    await git(top, 'add', '-A');
    for (const dir of [path.join(ws, 'crates/core'), path.join(ws, 'crates/app/src')]) {
      const { code, json } = await preflightJson(top, dir);
      expect(code).toBe(1);
      expect(json.changed_files).toEqual([CORE_LIB]);
      expect(json.diagnostics[0]).toMatchObject({ code: 'E0277', file: CORE_LIB, isg: { key: SPAWN_KEY } });
    }
    expect(existsSync(path.join(ws, 'crates/core/.rustgate'))).toBe(false);
  });

  it('reports workspace-relative paths and keys, and repo-relative paths in CI formats', async () => {
    const { top, ws } = await makeRepo({ subdir: 'rust/ws' });
    write(ws, CORE_LIB, breakSend(read(ws, CORE_LIB)));
    write(top, 'docs/notes.md', 'outside the workspace\n');
    await git(top, 'add', '-A');
    const { code, json } = await preflightJson(top, ws);
    expect(code).toBe(1);
    expect(json.changed_files).toEqual([CORE_LIB]);
    expect(json.outside_files).toEqual(['docs/notes.md']);
    expect(json.diagnostics[0]).toMatchObject({ file: CORE_LIB, isg: { key: SPAWN_KEY } });
    const gh = await untouched(top, () => cli(['preflight', '--repo', ws, '--format', 'github']));
    expect(gh.out).toMatch(/^::error file=rust\/ws\/crates\/core\/src\/lib\.rs,line=8,col=19,/m);
  });

  it('counts a change outside the workspace the same way from every scope, and says it was not checked', async () => {
    const { top, ws } = await makeRepo({ subdir: 'rust' });
    write(top, 'README.md', 'top-level readme\n');
    await git(top, 'add', 'README.md');
    const staged = await preflightJson(top, ws, '--staged');
    expect(staged.json).toMatchObject({ ok: true, skipped: true, changed_files: [], outside_files: ['README.md'] });
    const worktree = await preflightJson(top, ws, '--worktree');
    expect(worktree.json).toMatchObject({ skipped: true, changed_files: [], outside_files: ['README.md'] });
    await git(top, 'commit', '-q', '-m', 'readme');
    const range = await preflightJson(top, ws, '--diff', 'HEAD~1..HEAD');
    expect(range.json).toMatchObject({ skipped: true, changed_files: [], outside_files: ['README.md'] });
    write(ws, 'README.md', 'workspace readme\n');
    write(top, 'README.md', 'top-level readme, again\n');
    await git(top, 'add', '-A');
    const pretty = await untouched(top, () => cli(['preflight', '--repo', ws, '--staged']));
    expect(pretty.code).toBe(0);
    expect(pretty.out).toContain('1 changed file in rust/ (+1 outside it, not checked), none can affect cargo check — skipped.');
  });

  it('a cargo config above the workspace is read by cargo: it is checked, over the whole workspace', async () => {
    const { top, ws } = await makeRepo({ subdir: 'rust' });
    // A staged `.cargo/config.toml` at the repository top that denies warnings: cargo, run in rust/, reads it.
    write(top, '.cargo/config.toml', '[build]\nrustflags = ["-D", "warnings"]\n');
    write(ws, 'crates/app/src/lib.rs', `${read(ws, 'crates/app/src/lib.rs')}\nfn never_called_by_anyone() {}\n`);
    await git(top, 'add', '.cargo/config.toml');
    const { code, json } = await preflightJson(top, ws, '--staged');
    expect(json.skipped).toBe(false);
    expect(json.packages).toBeNull();
    expect(json.outside_files).toEqual([]);
    expect(json.warnings.join('\n')).toContain('.cargo/config.toml above the workspace changed: checking the whole workspace');
    // The worktree's app/src/lib.rs is not staged, so the check runs in the shadow with the committed lib.rs: clean.
    expect(code).toBe(0);
    await git(top, 'add', '-A');
    const denied = await preflightJson(top, ws, '--staged');
    expect(denied.code).toBe(1);
    expect(denied.json.diagnostics.some((d) => d.level === 'error' && /never_called_by_anyone|never used/.test(d.message))).toBe(true);
    // Staged and worktree versions of the config differ: the note says the staged one was not what cargo read.
    write(top, '.cargo/config.toml', '# emptied in the working tree only\n');
    const differs = await preflightJson(top, ws, '--staged');
    expect(differs.json.warnings.join('\n')).toMatch(/cargo reads \.cargo\/config\.toml from the working tree, which differs from the index/);
  });

  it("the private copy says when the working tree's own .cargo/config differs from the selected one (cargo reads both)", async () => {
    const { top, ws } = await makeRepo();
    // Partial staging sends the check to the shadow copy, which sits inside the workspace.
    write(ws, CORE_LIB, `${read(ws, CORE_LIB)}\n// staged\n`);
    await git(top, 'add', CORE_LIB);
    write(ws, CORE_LIB, `${read(ws, CORE_LIB)}// not staged\n`);
    const clean = await preflightJson(top, ws, '--staged');
    expect(clean.json.mode).toBe('shadow');
    expect(clean.json.warnings.join('\n')).not.toMatch(/also reads the working tree/);
    // An untracked config only the working tree has: cargo in the copy reads it from above, the note says so.
    write(ws, '.cargo/config.toml', '[build]\nrustflags = ["-D", "warnings"]\n');
    const untracked = await preflightJson(top, ws, '--staged');
    expect(untracked.json.mode).toBe('shadow');
    expect(untracked.json.warnings.join('\n')).toMatch(/private copy also reads the working tree's \.cargo\/config\.toml .*differs from the index/);
    // Staged as it is in the working tree: nothing to say.
    await git(top, 'add', '.cargo/config.toml');
    const same = await preflightJson(top, ws, '--staged');
    expect(same.json.warnings.join('\n')).not.toMatch(/also reads the working tree/);
  });
});
