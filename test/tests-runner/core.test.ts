import { describe, expect, it } from 'vitest';
import { impactedPackages, testKeyCandidates } from '../../src/core/tests/index.js';

describe('impactedPackages', () => {
  // app → api → model; cli → model; tools stands alone; model depends on nothing in the workspace.
  const deps = new Map<string, string[]>([
    ['model', []],
    ['api', ['model']],
    ['app', ['api']],
    ['cli', ['model', 'tools']],
    ['tools', []],
  ]);
  it.each<[string[], string[]]>([
    [['model'], ['api', 'app', 'cli', 'model']],
    [['api'], ['api', 'app']],
    [['app'], ['app']],
    [['tools', 'app'], ['app', 'cli', 'tools']],
    [[], []],
    [['not-in-workspace'], ['not-in-workspace']],
  ])('changed %j → %j', (changed, expected) => {
    expect(impactedPackages(changed, deps)).toEqual(expected);
  });

  it('terminates on a dependency cycle (dev-dependencies can form one)', () => {
    const cyclic = new Map([['a', ['b']], ['b', ['a']], ['c', ['a']]]);
    expect(impactedPackages(['a'], cyclic)).toEqual(['a', 'b', 'c']);
  });
});

describe('testKeyCandidates', () => {
  const packages = [{ name: 'exec-core', targets: [{ name: 'exec_core', kind: ['lib'], srcPath: 'src/lib.rs' }] }];
  it('tries module files deepest first, then the crate root', () => {
    expect(testKeyCandidates({ name: 'exec::tests::runs_job', package: 'exec-core' }, packages)).toEqual([
      'src/exec/tests.rs-tests-runs_job',
      'src/exec/tests/mod.rs-mod-runs_job',
      'src/exec.rs-exec-tests::runs_job',
      'src/exec/mod.rs-mod-tests::runs_job',
      'src/lib.rs-lib-exec::tests::runs_job',
    ]);
  });
  it('matches a binary name with dashes normalised and knows nothing of other packages', () => {
    expect(testKeyCandidates({ name: 't', binary: 'exec-core' }, packages)).toEqual(['src/lib.rs-lib-t']);
    expect(testKeyCandidates({ name: 't', package: 'other' }, packages)).toEqual([]);
  });
});
