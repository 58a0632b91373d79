import { describe, expect, it } from 'vitest';
import { cratesOwningFiles, impactedPackages, testFailureDiagnostics, testKeyCandidates } from '../../src/core/tests/index.js';

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

describe('cratesOwningFiles', () => {
  const pkgs = [
    { name: 'root-app', manifestDir: '' },
    { name: 'ledger', manifestDir: 'crates/ledger' },
    { name: 'ledger-macros', manifestDir: 'crates/ledger/macros' },
  ];
  it.each<[string[], string[]]>([
    [['crates/ledger/src/lib.rs'], ['ledger']],
    [['crates/ledger/macros/src/lib.rs', 'crates/ledger/Cargo.toml'], ['ledger', 'ledger-macros']],
    [['src/main.rs', 'README.md'], ['root-app']],
    [['crates/ledgerish/src/lib.rs'], ['root-app']],
  ])('%j → %j', (files, expected) => {
    expect(cratesOwningFiles(files, pkgs)).toEqual(expected);
  });
  it('owns nothing outside every package of a virtual workspace', () => {
    expect(cratesOwningFiles(['README.md'], pkgs.slice(1))).toEqual([]);
  });
});

describe('testFailureDiagnostics', () => {
  it('places a failure without a graph nowhere, keeps output, and warns about the time cap', async () => {
    const ds = await testFailureDiagnostics(
      [{ name: 'tests::fails_fast', package: 'slowpoke', output: "thread 'tests::fails_fast' (9) panicked at src/lib.rs:7:9:\nquick failure\n" }],
      null,
      { timedOut: true, timeoutSeconds: 5 },
    );
    expect(ds.map((d) => [d.level, d.message, d.primary, d.packageName])).toEqual([
      ['error', 'test tests::fails_fast failed: quick failure', null, 'slowpoke'],
      ['warning', 'tests stopped at the 5 s cap; results cover the tests that finished (preflight.tests.timeout_seconds in rustgate.yaml)', null, null],
    ]);
  });
});
