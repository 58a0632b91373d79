import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareValidationTree } from '../../src/app/fix-validate.js';
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
