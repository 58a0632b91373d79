import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareValidationTree } from '../../src/app/fix-validate.js';
import { openPrivateTree } from '../../src/app/private-tree/index.js';
import { openRepo } from '../../src/adapters/git/repo.js';
import { makeRepo, treeHash } from './helpers.js';

describe('workspace validator', () => {
  it('checks overrides in a synced private copy, runs tests when asked, never writes the user files', async () => {
    const repo = await makeRepo('send-bound');
    const before = await treeHash(repo);
    const tree = await prepareValidationTree({ repoRoot: repo, tests: '' });
    expect(tree.dir).toBe(path.join(repo, '.rustgate', 'validate'));
    expect(tree.files).toEqual(['Cargo.lock', 'Cargo.toml', 'src/lib.rs']);
    expect(await readFile(path.join(repo, '.rustgate', '.gitignore'), 'utf8')).toBe('*\n');

    const broken = await tree.validate(new Map());
    expect([broken.status, broken.errors.map((d) => [d.code, d.primary?.file, d.primary?.lineStart])]).toEqual(['Failed', [['E0277', 'src/lib.rs', 9]]]);

    const lib = (await tree.readWorktree('src/lib.rs')) ?? '';
    const fixed = lib.replace("u64 + 'static,", "u64 + Send + 'static,");
    expect(await tree.validate(new Map([['src/lib.rs', fixed]]))).toMatchObject({ errors: [], status: 'Tests_OK' });

    const failing = await tree.validate(new Map([['src/lib.rs', fixed.replace('|| 7), 7)', '|| 7), 8)')]]));
    expect([failing.status, failing.errors.map((d) => [d.source, d.message])]).toEqual(['Failed', [['test', 'test failed: tests::runs_job']]]);

    // A test-name filter: the named test must exist and pass.
    const named = await prepareValidationTree({ repoRoot: repo, tests: 'runs_job' });
    expect((await named.validate(new Map([['src/lib.rs', fixed]]))).status).toBe('Tests_OK');
    const unknown = await prepareValidationTree({ repoRoot: repo, tests: 'no_such_test' });
    expect((await unknown.validate(new Map([['src/lib.rs', fixed]]))).errors.map((d) => d.message)).toEqual(['no test matched no_such_test']);

    // An empty override map puts the working tree's bytes back.
    expect((await tree.validate(new Map())).errors.map((d) => d.code)).toEqual(['E0277']);
    expect(await treeHash(repo)).toBe(before);

    // A second preparation rewrites only what changed and drops files that are gone.
    const copy = path.join(tree.dir, 'Cargo.toml');
    const mtime = (await stat(copy)).mtimeMs;
    await writeFile(path.join(tree.dir, 'stale.rs'), 'x');
    const again = await prepareValidationTree({ repoRoot: repo });
    expect((await stat(copy)).mtimeMs).toBe(mtime);
    await expect(stat(path.join(again.dir, 'stale.rs'))).rejects.toThrow();
  });
});

describe('scoped validation (PreFlight selection, shared target dir)', () => {
  it('checks a leaf edit with -p, a library edit with its dependents, a manifest edit over the whole workspace; untouched units keep their errors', async () => {
    const repo = await makeRepo('three-crates');
    const tree = await prepareValidationTree({ repoRoot: repo });
    // The same target dir PreFlight's private copy (the shadow) builds into: no separate cold build.
    const preflightTarget = openPrivateTree({ repo: await openRepo(repo), name: 'shadow', source: 'staged' }).targetDir;
    expect(preflightTarget).toBe(path.join(repo, '.rustgate', 'target'));

    const baseline = await tree.validate(new Map());
    expect(baseline.errors.map((d) => [d.code, d.packageName])).toEqual([['E0425', 'extra']]);
    expect(tree.log.at(-1)?.args).toContain('--workspace');

    const main = (await tree.readWorktree('crates/app/src/main.rs')) ?? '';
    const lib = (await tree.readWorktree('crates/base/src/lib.rs')) ?? '';
    // An unchanged file among the overrides does not widen the selection.
    const leaf = await tree.validate(new Map([['crates/app/src/main.rs', main.replace('250, 100', '250, 100, 5')], ['crates/base/src/lib.rs', lib]]));
    const leafCheck = tree.log.at(-1);
    expect(leafCheck?.changed).toEqual(['crates/app/src/main.rs']);
    expect(leafCheck?.args).toEqual(['cargo', 'check', '--all-targets', '--message-format=json', '--keep-going', '-p', 'app']);
    // `extra` was not checked again, yet its error is still there (from the whole-workspace check): not "fixed".
    expect(leaf.errors.map((d) => [d.code, d.packageName])).toEqual([['E0425', 'extra']]);
    expect(leaf.checkedUnits).toEqual(expect.arrayContaining(['app', 'base']));

    // A candidate that breaks `app` shows up in the scoped check.
    const broken = await tree.validate(new Map([['crates/app/src/main.rs', main.replace('base::total', 'base::totl')]]));
    expect(broken.errors.map((d) => [d.code, d.packageName]).sort()).toEqual([['E0425', 'app'], ['E0425', 'extra']]);

    // A library edit validates the library and every dependent.
    await tree.validate(new Map([['crates/base/src/lib.rs', lib.replace('prices.iter().sum()', 'prices.iter().copied().sum()')]]));
    expect(tree.log.at(-1)?.args.slice(-4)).toEqual(['-p', 'app', '-p', 'base']);

    // A manifest edit (a member's or the root's) validates the whole workspace.
    const extraToml = (await tree.readWorktree('crates/extra/Cargo.toml')) ?? '';
    await tree.validate(new Map([['crates/extra/Cargo.toml', `${extraToml}\n[features]\nfast = []\n`]]));
    expect(tree.log.at(-1)?.args).toContain('--workspace');
    expect(tree.log.at(-1)?.args).not.toContain('-p');
    const rootToml = (await tree.readWorktree('Cargo.toml')) ?? '';
    await tree.validate(new Map([['Cargo.toml', `${rootToml}\n[profile.dev]\ndebug = 0\n`], ['crates/app/src/main.rs', main.replace('250, 100', '1')]]));
    expect(tree.log.at(-1)?.args).toContain('--workspace');
  });
});
