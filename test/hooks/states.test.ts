/** The installed hooks in the git states a team meets: merges, linked worktrees, moved and cloned repositories, subdirectories. */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { broken, clean, commitFile, commitLib, git, head, LIB, makeRepo, run, rustgate } from './helpers.js';

const lib = (repo: string): string => readFileSync(path.join(repo, LIB), 'utf8');

describe('merges', () => {
  it('concluding a conflicted merge checks the index as the merge result (not MERGE_IN_PROGRESS)', async () => {
    const repo = await makeRepo();
    expect((await rustgate(repo, 'hooks', 'install')).exitCode).toBe(0);
    const original = lib(repo);
    await git(repo, 'checkout', '-q', '-b', 'side');
    expect((await commitLib(repo, original.replace('a + b', 'a.wrapping_add(b)'))).exitCode).toBe(0);
    await git(repo, 'checkout', '-q', 'main');
    expect((await commitLib(repo, original.replace('a + b', 'a.saturating_add(b)'))).exitCode).toBe(0);
    expect((await git(repo, 'merge', 'side')).exitCode).toBe(1); // conflict
    const start = await head(repo);

    // Resolved wrongly: the merge result does not compile, and that is what blocks.
    writeFileSync(path.join(repo, LIB), broken);
    await git(repo, 'add', LIB);
    const bad = await run('git', ['commit', '--no-edit'], repo);
    expect(bad.exitCode).toBe(1);
    expect(bad.all).toContain('error[E0277]');
    expect(bad.all).not.toContain('MERGE_IN_PROGRESS');
    expect(await head(repo)).toBe(start);

    // Resolved well: the merge is concluded.
    writeFileSync(path.join(repo, LIB), original.replace('a + b', 'a.wrapping_add(b)'));
    await git(repo, 'add', LIB);
    const good = await run('git', ['commit', '-q', '--no-edit'], repo);
    expect(good.exitCode).toBe(0);
    expect((await git(repo, 'rev-list', '--parents', '-n', '1', 'HEAD')).stdout.trim().split(' ')).toHaveLength(3);
  });

  it('a clean merge is checked by pre-merge-commit', async () => {
    const repo = await makeRepo();
    expect((await rustgate(repo, 'hooks', 'install')).exitCode).toBe(0);
    await git(repo, 'checkout', '-q', '-b', 'side');
    // The side branch got its break past the hook.
    expect((await commitLib(repo, broken, { RUSTGATE: '0' })).exitCode).toBe(0);
    await git(repo, 'checkout', '-q', 'main');
    expect((await commitFile(repo, 'NOTES.md', 'main moved on\n')).exitCode).toBe(0);
    const start = await head(repo);

    const merge = await run('git', ['merge', '--no-edit', 'side'], repo);
    expect(merge.exitCode).not.toBe(0);
    expect(merge.all).toContain('error[E0277]');
    expect(merge.all).toContain('rustgate: merge blocked');
    expect(await head(repo)).toBe(start);
  });
});

describe('commits that use their own index', () => {
  it('`git commit <path>` checks what it commits (git\'s temporary index), not .git/index', async () => {
    const repo = await makeRepo();
    expect((await rustgate(repo, 'hooks', 'install')).exitCode).toBe(0);
    // The index holds a broken version; the working tree a clean one, which `git commit src/lib.rs` records.
    writeFileSync(path.join(repo, LIB), broken);
    await git(repo, 'add', LIB);
    writeFileSync(path.join(repo, LIB), clean);
    const partial = await run('git', ['commit', '-q', '-m', 'partial', LIB], repo);
    expect(partial.exitCode).toBe(0);
    expect((await git(repo, 'show', `HEAD:${LIB}`)).stdout).toBe(clean.trimEnd());
    // And the other way round: a clean index, a broken working file committed by path.
    writeFileSync(path.join(repo, LIB), broken);
    const bad = await run('git', ['commit', '-q', '-m', 'partial broken', LIB], repo);
    expect(bad.exitCode).toBe(1);
    expect(bad.all).toContain('error[E0277]');
  });
});

describe('linked worktrees', () => {
  it('hooks installed once run in a worktree added later', async () => {
    const repo = await makeRepo();
    expect((await rustgate(repo, 'hooks', 'install')).exitCode).toBe(0);
    const wt = path.join(mkdtempSync(path.join(os.tmpdir(), 'rg-hooks-wt-')), 'wt');
    expect((await git(repo, 'worktree', 'add', '-q', '-b', 'wt', wt)).exitCode).toBe(0);
    const start = await head(wt);

    const bad = await commitLib(wt, broken);
    expect(bad.exitCode).toBe(1);
    expect(bad.all).toContain('error[E0277]');
    expect(bad.all).toContain('src/lib.rs:2');
    expect(await head(wt)).toBe(start);
    expect((await commitLib(wt, clean)).exitCode).toBe(0);
  });
});

describe('moved, copied and cloned repositories', () => {
  it('after mv and cp -r the hooks check the repository they run in', async () => {
    const first = await makeRepo();
    expect((await rustgate(first, 'hooks', 'install')).exitCode).toBe(0);
    const moved = `${first}-moved`;
    renameSync(first, moved);
    expect((await commitLib(moved, broken)).exitCode).toBe(1);

    // The copy has the broken change staged; the original's index is clean: a hook checking the original would pass.
    const copy = `${first}-copy`;
    cpSync(moved, copy, { recursive: true });
    await git(moved, 'reset', '-q');
    const bad = await run('git', ['commit', '-q', '-m', 'copy'], copy);
    expect(bad.exitCode).toBe(1);
    expect(bad.all).toContain('error[E0277]');
    expect((await commitLib(copy, clean)).exitCode).toBe(0);
  });

  it('installing commits nothing; a clone installs its own hooks, which check the clone', async () => {
    const origin = await makeRepo();
    expect((await rustgate(origin, 'hooks', 'install')).exitCode).toBe(0);
    // `git add -A && git commit` after install: there is nothing of rustgate's to commit.
    await git(origin, 'add', '-A');
    expect((await git(origin, 'status', '--porcelain')).stdout).toBe('');
    const clone = path.join(mkdtempSync(path.join(os.tmpdir(), 'rg-hooks-clone-')), 'clone');
    expect((await git(os.tmpdir(), 'clone', '-q', origin, clone)).exitCode).toBe(0);
    expect(existsSync(path.join(clone, '.git/hooks/pre-commit'))).toBe(false); // git never clones hooks

    expect((await rustgate(clone, 'hooks', 'install')).exitCode).toBe(0);
    const bad = await commitLib(clone, broken);
    expect(bad.exitCode).toBe(1);
    expect(bad.all).toContain('error[E0277]');
    expect((await git(origin, 'status', '--porcelain')).stdout).toBe('');
  });
});

describe('a workspace in a subdirectory', () => {
  it('install records it; installing again from deeper inside updates, never chains itself', async () => {
    const repo = await makeRepo({ subdir: 'rust' });
    const fromTop = await rustgate(repo, 'hooks', 'install');
    expect(fromTop.exitCode).toBe(2);
    expect(fromTop.stderr).toContain('error[NO_CARGO_TOML]');
    expect(existsSync(path.join(repo, '.git/hooks/pre-commit'))).toBe(false);

    const first = await rustgate(path.join(repo, 'rust'), 'hooks', 'install');
    expect(first.exitCode).toBe(0);
    expect(first.stdout).toContain('(workspace rust/)');
    const shim = readFileSync(path.join(repo, '.git/hooks/pre-commit'), 'utf8');
    expect(shim).toContain("--workspace 'rust'");

    const second = await rustgate(path.join(repo, 'rust', 'src'), 'hooks', 'install');
    expect(second.exitCode).toBe(0);
    expect(second.stdout).toContain('hooks updated');
    expect(second.stdout).not.toContain('still runs');
    expect(readFileSync(path.join(repo, '.git/hooks/pre-commit'), 'utf8')).toBe(shim);
    expect(readdirSync(path.join(repo, '.git/hooks')).filter((n) => n.includes('rustgate-prev'))).toEqual([]);

    const bad = await commitFile(repo, `rust/${LIB}`, broken);
    expect(bad.exitCode).toBe(1);
    expect(bad.all.match(/commit blocked/g)).toHaveLength(1);
    expect(bad.all).toContain('--> src/lib.rs:2:7'); // workspace-relative, as PreFlight prints paths
    expect((await commitFile(repo, `rust/${LIB}`, clean)).exitCode).toBe(0);
  });

  it('a cargo config above the workspace is checked by the hook; a README above it is not a reason to run cargo', async () => {
    const repo = await makeRepo({ subdir: 'rust' });
    expect((await rustgate(path.join(repo, 'rust'), 'hooks', 'install')).exitCode).toBe(0);
    // Committed code with a warning (an unused function) passes; a config at the top that denies warnings must not.
    expect((await commitFile(repo, `rust/${LIB}`, `${clean}\nfn unused_helper() {}\n`)).exitCode).toBe(0);
    expect((await commitFile(repo, 'README.md', 'top-level readme\n')).exitCode).toBe(0);
    const denied = await commitFile(repo, '.cargo/config.toml', '[build]\nrustflags = ["-D", "warnings"]\n');
    expect(denied.exitCode).toBe(1);
    expect(denied.all).toContain('unused_helper');
    expect(denied.all).toContain('commit blocked');
  });
});

describe('the budget line', () => {
  it('reports PreFlight\'s own time, the same number PreFlight prints', async () => {
    const repo = await makeRepo();
    writeFileSync(path.join(repo, 'rustgate.yaml'), 'preflight:\n  budget_seconds: 0.001\n');
    expect((await rustgate(repo, 'hooks', 'install')).exitCode).toBe(0);
    const bad = await commitLib(repo, broken);
    expect(bad.exitCode).toBe(1);
    const own = /failed in (\d+\.\d+) s/.exec(bad.all)?.[1];
    const hook = /PreFlight took (\d+\.\d+) s, over the 0\.001 s budget/.exec(bad.all)?.[1];
    expect(own).toBeDefined();
    expect(hook).toBe(own);
  });
});

describe('a workspace member in a git submodule', () => {
  it('commits are checked with the submodule content (no "failed to read Cargo.toml"), including a submodule bump that breaks a caller', async () => {
    const base = mkdtempSync(path.join(os.tmpdir(), 'rg-hooks-sub-'));
    const sub = path.join(base, 'subcrate');
    const put = (dir: string, rel: string, body: string): void => {
      mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      writeFileSync(path.join(dir, rel), body);
    };
    put(sub, 'Cargo.toml', '[package]\nname = "subcrate"\nversion = "0.1.0"\nedition = "2021"\n');
    put(sub, 'src/lib.rs', 'pub fn answer() -> u32 {\n    42\n}\n');
    await git(sub, 'init', '-q', '-b', 'main');
    await git(sub, 'add', '-A');
    await git(sub, 'commit', '-q', '-m', 'sub');
    const top = path.join(base, 'top');
    put(top, 'Cargo.toml', '[workspace]\nmembers = ["app", "vendor/subcrate"]\nresolver = "2"\n');
    put(top, 'app/Cargo.toml', '[package]\nname = "app"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\nsubcrate = { path = "../vendor/subcrate" }\n');
    put(top, 'app/src/lib.rs', 'pub fn twice() -> u32 {\n    subcrate::answer() * 2\n}\n');
    put(top, '.gitignore', 'target/\n');
    await git(top, 'init', '-q', '-b', 'main');
    await git(top, '-c', 'protocol.file.allow=always', 'submodule', 'add', '-q', sub, 'vendor/subcrate');
    await git(top, 'add', '-A');
    await git(top, 'commit', '-q', '-m', 'top');
    expect((await rustgate(top, 'hooks', 'install')).exitCode).toBe(0);

    // An ordinary change in the parent: checked, and green (it failed on every commit before submodules were materialised).
    const ok = await commitFile(top, 'app/src/lib.rs', 'pub fn twice() -> u32 {\n    subcrate::answer() + subcrate::answer()\n}\n');
    expect(ok.all).not.toContain('failed to read');
    expect(ok.exitCode).toBe(0);

    // The submodule changes its signature; staging the new gitlink breaks the caller in the parent.
    const inSub = path.join(top, 'vendor/subcrate');
    put(inSub, 'src/lib.rs', 'pub fn answer() -> String {\n    "42".into()\n}\n');
    await git(inSub, 'commit', '-q', '-am', 'answer is a String now');
    await git(top, 'add', 'vendor/subcrate');
    const start = await head(top);
    const bump = await run('git', ['commit', '-q', '-m', 'bump subcrate'], top);
    expect(bump.exitCode).toBe(1);
    expect(bump.all).toContain('app/src/lib.rs');
    expect(await head(top)).toBe(start);
  });
});
