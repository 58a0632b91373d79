import { existsSync, lstatSync, readlinkSync, statSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openRepo } from '../../src/adapters/git/repo.js';
import { blobId } from '../../src/adapters/git/shadow.js';
import { symlinkResolvesInside } from '../../src/core/paths.js';
import { openPrivateTree } from '../../src/app/private-tree/index.js';
import { runPreflight } from '../../src/app/preflight.js';
import { ensureWorkDir } from '../../src/app/workdir.js';
import { APP_LIB, CORE_LIB, git, makeRepo, read, untouched, write } from './helpers.js';

const shadowFile = (ws: string, rel: string) => path.join(ws, '.rustgate/shadow', rel);

describe('shadow tree', () => {
  it('rewrites only changed files (mtimes of the others stay, so cargo stays warm) and deletes removed ones', async () => {
    const { top, ws } = await makeRepo();
    write(ws, APP_LIB, `${read(ws, APP_LIB)}\n`);
    await git(top, 'add', APP_LIB);
    const first = await untouched(top, () => runPreflight({ repo: ws, scope: 'staged', isg: false }));
    expect(first.ok).toBe(true);
    const mtimeCore = statSync(shadowFile(ws, CORE_LIB)).mtimeMs;
    const mtimeApp = statSync(shadowFile(ws, APP_LIB)).mtimeMs;
    await new Promise((r) => setTimeout(r, 20));
    write(ws, APP_LIB, `${read(ws, APP_LIB)}// second edit\n`);
    await git(top, 'add', APP_LIB);
    await git(top, 'rm', '-q', '--cached', 'README.md');
    const second = await untouched(top, () => runPreflight({ repo: ws, scope: 'staged', isg: false }));
    expect(second.ok).toBe(true);
    expect(statSync(shadowFile(ws, CORE_LIB)).mtimeMs).toBe(mtimeCore);
    expect(statSync(shadowFile(ws, APP_LIB)).mtimeMs).toBeGreaterThan(mtimeApp);
    expect(read(ws, `.rustgate/shadow/${APP_LIB}`)).toContain('// second edit');
    expect(existsSync(shadowFile(ws, 'README.md'))).toBe(false);
    // A warm re-check of unchanged content is much cheaper than the cold one.
    const third = await runPreflight({ repo: ws, scope: 'staged', isg: false });
    expect(third.ms.cargo).toBeLessThan(first.ms.cargo);
  });

  it('materialises exactly the selected content: index vs working tree, ids shared between scopes', async () => {
    const { top, ws } = await makeRepo();
    write(ws, CORE_LIB, `${read(ws, CORE_LIB)}// staged\n`);
    await git(top, 'add', CORE_LIB);
    write(ws, CORE_LIB, `${read(ws, CORE_LIB)}// unstaged\n`);
    write(ws, 'notes.txt', 'untracked\n');
    ensureWorkDir(ws);
    const info = await openRepo(ws);
    const dir = path.join(ws, '.rustgate', 'validate');
    const staged = await untouched(top, async () => openPrivateTree({ repo: info, name: 'validate', source: 'staged' }).sync());
    expect(staged.warnings).toEqual([]);
    expect(read(dir, CORE_LIB).endsWith('// staged\n')).toBe(true);
    expect(existsSync(path.join(dir, 'notes.txt'))).toBe(false);
    const wt = await untouched(top, async () => openPrivateTree({ repo: info, name: 'validate', source: 'worktree' }).sync());
    expect(read(dir, CORE_LIB).endsWith('// unstaged\n')).toBe(true);
    expect(read(dir, 'notes.txt')).toBe('untracked\n');
    // Only the two differing files were written: the others kept their index blob ids.
    expect(wt.written).toBe(2);
    expect(blobId(Buffer.from('untracked\n'))).toBe((await git(top, 'hash-object', 'notes.txt')).trim());
  });

  it('recreates in-workspace symlinks, skips ones leaving the workspace, never copies .rustgate/', async () => {
    const { top, ws } = await makeRepo();
    symlinkSync('util.rs', path.join(ws, 'crates/core/src/alias.rs'));
    symlinkSync('/etc/hostname', path.join(ws, 'outside-abs'));
    symlinkSync('../../etc', path.join(ws, 'outside-rel'));
    write(ws, '.rustgate/sneaky.rs', 'force-added\n');
    write(ws, CORE_LIB, `${read(ws, CORE_LIB)}\n`);
    await git(top, 'add', 'crates/core/src/alias.rs', 'outside-abs', 'outside-rel', CORE_LIB);
    await git(top, 'add', '-f', '.rustgate/sneaky.rs');
    const report = await untouched(top, () => runPreflight({ repo: ws, scope: 'staged', isg: false }));
    expect(report.ok).toBe(true);
    expect(report.changedFiles.map((c) => c.path)).toEqual(['crates/core/src/alias.rs', CORE_LIB, 'outside-abs', 'outside-rel']);
    expect(lstatSync(shadowFile(ws, 'crates/core/src/alias.rs')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(shadowFile(ws, 'crates/core/src/alias.rs'))).toBe('util.rs');
    expect(existsSync(shadowFile(ws, 'outside-abs'))).toBe(false);
    expect(existsSync(shadowFile(ws, 'outside-rel'))).toBe(false);
    expect(existsSync(shadowFile(ws, '.rustgate/sneaky.rs'))).toBe(false);
    expect(report.warnings).toEqual([
      'skipped symlink outside-abs -> /etc/hostname: its target is outside the workspace',
      'skipped symlink outside-rel -> ../../etc: its target is outside the workspace',
    ]);
  });

  it('judges symlink targets relative to the link, following the other links of the content', () => {
    const none = () => undefined;
    expect(symlinkResolvesInside('a/b/link', '../c.rs', none)).toBe(true);
    expect(symlinkResolvesInside('a/link', '../../x', none)).toBe(false);
    expect(symlinkResolvesInside('link', '/abs', none)).toBe(false);
    expect(symlinkResolvesInside('link', '.rustgate/store', none)).toBe(false);
    // Lexically inside, physically outside: `e -> a/b/c/d/../../..` through `a/b/c/d -> ../../..`.
    const links = new Map([['a/b/c/d', '../../..'], ['e', 'a/b/c/d/../../..']]);
    expect(symlinkResolvesInside('a/b/c/d', '../../..', (p) => links.get(p))).toBe(true);
    expect(symlinkResolvesInside('e', 'a/b/c/d/../../..', (p) => links.get(p))).toBe(false);
    expect(symlinkResolvesInside('loop', 'loop2', (p) => (p === 'loop2' ? 'loop' : p === 'loop' ? 'loop2' : undefined))).toBe(false);
  });
});
