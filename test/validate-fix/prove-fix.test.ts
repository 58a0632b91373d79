import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeRepo, PATCHES, runCli, userHash } from './helpers.js';

const patch = (name: string): string => path.join(PATCHES, name);

describe('rustgate prove-fix', () => {
  it('RED → GREEN with a real failing test and a real fix; then the two failure cases; nothing written', async () => {
    const repo = await makeRepo();
    const before = userHash(repo);
    const ok = await runCli(['prove-fix', '--fix', patch('fix.patch'), '--test-patch', patch('test-high.patch'), '--json', '--repo', repo]);
    expect(ok.err).toBe('');
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.out)).toMatchObject({
      proven: true,
      failed_step: null,
      tests: ['clamps_high'],
      red: { ran: 2, passed: 1, failed: 1, failed_tests: ['tests::clamps_high'], build_failed: false, target_failed: ['clamps_high'] },
      green: { ran: 2, passed: 2, failed: 0, failed_tests: [], target_failed: [] },
      regressions: [],
      touched_files: ['src/lib.rs'],
      touched_keys: ['src/lib.rs-lib-clamp'],
    });

    // A test that already passes proves nothing.
    const early = await runCli(['prove-fix', '--fix', patch('fix.patch'), '--test-patch', patch('test-low.patch'), '--json', '--repo', repo]);
    expect(early.code).toBe(1);
    expect(JSON.parse(early.out)).toMatchObject({ proven: false, failed_step: 'test_did_not_fail_first', tests: ['clamps_low'], red: { failed: 0, target_failed: [] }, green: null });

    // A "fix" that does not change the behaviour leaves the test red.
    const noop = await runCli(['prove-fix', '--fix', patch('noop-fix.patch'), '--test-patch', patch('test-high.patch'), '--json', '--repo', repo]);
    expect(noop.code).toBe(1);
    expect(JSON.parse(noop.out)).toMatchObject({ proven: false, failed_step: 'fix_did_not_make_it_pass', red: { target_failed: ['clamps_high'] }, green: { target_failed: ['clamps_high'] } });

    // An existing test by name that already passes.
    const named = await runCli(['prove-fix', '--fix', patch('fix.patch'), '--test', 'adds', '--json', '--repo', repo]);
    expect(named.code).toBe(1);
    expect(JSON.parse(named.out)).toMatchObject({ failed_step: 'test_did_not_fail_first', tests: ['adds'] });
    expect(userHash(repo)).toBe(before);
  }, 120_000);

  it('without a test: the test module and the context of the fixed key, exit 1', async () => {
    const repo = await makeRepo();
    const before = userHash(repo);
    const r = await runCli(['prove-fix', '--fix', patch('fix.patch'), '--json', '--repo', repo]);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out) as { needs_test: { test_module: unknown; context: { seeds: string[]; tokens: number } } };
    expect(j).toMatchObject({ proven: false, failed_step: 'needs_test', touched_keys: ['src/lib.rs-lib-clamp'] });
    expect(j.needs_test.test_module).toEqual({ file: 'src/lib.rs', key: 'src/lib.rs-lib-tests', suggestion: 'add the test inside src/lib.rs-lib-tests (src/lib.rs:19-27)' });
    expect(j.needs_test.context.seeds).toEqual(['src/lib.rs-lib-clamp']);
    expect(userHash(repo)).toBe(before);
  }, 60_000);
});
