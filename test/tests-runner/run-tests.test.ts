import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { beforeAll, describe, expect, it } from 'vitest';
import { hasNextest, parseCargoTest, parseNextest, runTests, testRunProblem } from '../../src/adapters/cargo/test-runner.js';
import { testNodeKey, type TestPackage } from '../../src/core/tests/index.js';

// Shared across runs so the fixture compiles once per machine, not once per test.
const targetDir = path.join(os.tmpdir(), 'rustgate-test-target-tests-runner');
let ws: string;

beforeAll(async () => {
  ws = mkdtempSync(path.join(os.tmpdir(), 'rg-tests-runner-'));
  cpSync(path.join(import.meta.dirname, '../fixtures/tests-runner/ws'), ws, { recursive: true });
  // Build every test binary first, so the time caps below measure test time, not compile time.
  const build = await execa('cargo', ['test', '--workspace', '--no-run', '--quiet'], {
    cwd: ws, reject: false, env: { CARGO_TARGET_DIR: targetDir },
  });
  expect(build.exitCode).toBe(0);
});

/** Pids of live processes running a test binary of the `slowpoke` fixture crate. */
function liveSlowpokeProcesses(): number[] {
  const out: number[] = [];
  for (const e of readdirSync('/proc').filter((x) => /^\d+$/.test(x))) {
    try {
      if (readFileSync(`/proc/${e}/cmdline`, 'utf8').includes('slowpoke-')) out.push(Number(e));
    } catch {
      // gone
    }
  }
  return out;
}

const renderFailure = { name: 'render::tests::renders_currency', package: 'report', binary: 'report' };

describe('runTests with real cargo', () => {
  it('finds cargo-nextest on this machine', async () => {
    expect(await hasNextest()).toBe(true);
  });

  it('runs the selected packages with nextest and reports the failing test', async () => {
    const r = await runTests({ cwd: ws, targetDir, packages: ['ledger', 'report'], timeoutMs: 120_000 });
    expect(r.runner).toBe('nextest');
    expect({ ran: r.ran, passed: r.passed, failed: r.failed, timedOut: r.timedOut, buildFailed: r.buildFailed }).toEqual({
      ran: 4, passed: 3, failed: 1, timedOut: false, buildFailed: false,
    });
    expect(r.failedTests.map(({ output: _o, ...t }) => t)).toEqual([renderFailure]);
    expect(r.failedTests[0]!.output).toContain('currency suffix missing');
    expect(r.command).toEqual([
      'cargo', 'nextest', 'run', '--no-fail-fast', '--no-tests=pass', '--message-format', 'libtest-json', '-p', 'ledger', '-p', 'report',
    ]);
    expect(r.exitCode).toBe(100);
  });

  it('falls back to cargo test when asked, with the same counts (doc tests included, none here)', async () => {
    const r = await runTests({ cwd: ws, targetDir, packages: ['ledger', 'report'], timeoutMs: 120_000, runner: 'cargo-test' });
    expect(r.runner).toBe('cargo-test');
    expect({ ran: r.ran, passed: r.passed, failed: r.failed, timedOut: r.timedOut }).toEqual({ ran: 4, passed: 3, failed: 1, timedOut: false });
    expect(r.failedTests.map(({ output: _o, ...t }) => t)).toEqual([renderFailure]);
    expect(r.failedTests[0]!.output).toContain('currency suffix missing');
    expect(r.exitCode).toBe(101);
  });

  it('parses nextest\'s human status lines too (the fallback for a nextest without libtest-json)', async () => {
    const r = await runTests({ cwd: ws, targetDir, packages: ['ledger', 'report'], timeoutMs: 120_000, nextestFormat: 'human' });
    expect(r.command).not.toContain('--message-format');
    expect({ ran: r.ran, passed: r.passed, failed: r.failed }).toEqual({ ran: 4, passed: 3, failed: 1 });
    expect(r.failedTests).toEqual([renderFailure]);
  });

  it('restricts the run to the given packages', async () => {
    const r = await runTests({ cwd: ws, targetDir, packages: ['ledger'], timeoutMs: 120_000 });
    expect({ ran: r.ran, passed: r.passed, failed: r.failed, failedTests: r.failedTests }).toEqual({ ran: 1, passed: 1, failed: 0, failedTests: [] });
    expect(r.exitCode).toBe(0);
  });

  it('runs nothing for an empty package list', async () => {
    const r = await runTests({ cwd: ws, targetDir, packages: [], timeoutMs: 1000 });
    expect({ ran: r.ran, failed: r.failed, timedOut: r.timedOut }).toEqual({ ran: 0, failed: 0, timedOut: false });
  });

  it.each(['nextest', 'cargo-test'] as const)('caps the time with %s: kills every process, keeps the failures so far', async (runner) => {
    const r = await runTests({ cwd: ws, targetDir, packages: ['slowpoke'], timeoutMs: 5000, runner });
    expect(r.timedOut).toBe(true);
    expect(r.exitCode).toBeNull();
    expect(r.ms).toBeGreaterThanOrEqual(5000);
    expect(r.ms).toBeLessThan(15_000);
    expect(r.failedTests.map((t) => [t.name, t.package])).toEqual([['tests::fails_fast', 'slowpoke']]);
    expect(r.passed).toBe(0);
    expect(liveSlowpokeProcesses()).toEqual([]);
    // Cut off is never a pass, and the run says how far it got.
    expect(r.ok).toBe(false);
    expect(r.selected).toBe(2);
    expect(r.problem).toBe('cut off by the 5 s time cap after 1 of 2 selected tests');
  });

  it('a clean nextest run counts selected = ran and runs the doctests beside it (none here)', async () => {
    const r = await runTests({ cwd: ws, targetDir, packages: ['ledger'], timeoutMs: 120_000 });
    expect({ selected: r.selected, ran: r.ran, passed: r.passed, ok: r.ok, problem: r.problem }).toEqual({ selected: 1, ran: 1, passed: 1, ok: true, problem: null });
    expect(r.doctests).toEqual({ selected: 0, ran: 0, passed: 0, failed: 0, command: ['cargo', 'test', '--doc', '--no-fail-fast', '-p', 'ledger'] });
  });
});

describe('an #[ignore]d test (real nextest)', () => {
  it('a clean run of a crate with an ignored test is a pass: selected counts what nextest runs', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'rg-tests-ignored-'));
    mkdirSync(path.join(dir, 'src'));
    writeFileSync(path.join(dir, 'Cargo.toml'), '[package]\nname = "ignored_one"\nversion = "0.1.0"\nedition = "2021"\n');
    writeFileSync(path.join(dir, 'src/lib.rs'), '#[test]\nfn a() {}\n\n#[test]\nfn b() {}\n\n#[test]\n#[ignore]\nfn slow() {}\n');
    const r = await runTests({ cwd: dir, targetDir, packages: ['ignored_one'], timeoutMs: 120_000 });
    expect({ runner: r.runner, selected: r.selected, ran: r.ran, ok: r.ok, problem: r.problem }).toEqual({ runner: 'nextest', selected: 2, ran: 2, ok: true, problem: null });
  });
});

describe('doctests (nextest does not run them)', () => {
  it('a crate whose only test is a failing doctest is not a pass with nextest: the doctest runs and fails', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'rg-doconly-'));
    cpSync(path.join(import.meta.dirname, '../fixtures/tests-runner/doctest-only'), dir, { recursive: true });
    const r = await runTests({ cwd: dir, targetDir: path.join(os.tmpdir(), 'rustgate-test-target-doconly'), packages: ['doconly'], timeoutMs: 180_000 });
    expect(r.runner).toBe('nextest');
    expect(r.doctests).toMatchObject({ selected: 1, ran: 1, passed: 0, failed: 1 });
    expect({ selected: r.selected, ran: r.ran, passed: r.passed, failed: r.failed, ok: r.ok }).toEqual({ selected: 1, ran: 1, passed: 0, failed: 1, ok: false });
    expect(r.failedTests.map((t) => t.name)).toEqual(['src/lib.rs - add (line 5)']);
    expect(r.problem).toBe('1 of 1 tests failed');
  });
});

describe('testRunProblem', () => {
  const base = { selected: 3, ran: 3, failed: 0, timedOut: false, buildFailed: false, exitCode: 0 as number | null };
  it('is null only for a complete, clean run', () => {
    expect(testRunProblem(base)).toBeNull();
    expect(testRunProblem({ ...base, selected: 0, ran: 0 })).toBeNull();
  });
  it('names selected-but-not-run, partial runs and odd exits', () => {
    expect(testRunProblem({ ...base, ran: 0 })).toBe('3 tests were selected but none ran');
    expect(testRunProblem({ ...base, ran: 2 })).toBe('only 2 of 3 selected tests ran');
    expect(testRunProblem({ ...base, exitCode: 4 })).toBe('the test runner exited with 4');
    expect(testRunProblem({ ...base, timedOut: true, ran: 0, exitCode: null }, 300_000)).toBe('cut off by the 300 s time cap after 0 of 3 selected tests');
  });
});

describe('testNodeKey on the fixture workspace', () => {
  const packages: TestPackage[] = [
    { name: 'ledger', targets: [{ name: 'ledger', kind: ['lib'], srcPath: 'ledger/src/lib.rs' }] },
    {
      name: 'report',
      targets: [
        { name: 'report', kind: ['lib'], srcPath: 'report/src/lib.rs' },
        { name: 'smoke', kind: ['test'], srcPath: 'report/tests/smoke.rs' },
      ],
    },
  ];
  // The keys the ISG holds for the fixture's test functions (CONTRACT.md key rules).
  const keys = new Set([
    'ledger/src/lib.rs-lib-tests::totals_amounts',
    'report/src/render.rs-render-tests::renders_total',
    'report/src/render.rs-render-tests::renders_currency',
    'report/tests/smoke.rs-smoke-smoke_renders',
  ]);
  const lookup = { packages, getNode: (key: string) => (keys.has(key) ? { key } : undefined) };

  it('maps the real failing test of a run to its ISG key', async () => {
    const r = await runTests({ cwd: ws, targetDir, packages: ['report'], timeoutMs: 120_000 });
    expect(await testNodeKey(r.failedTests[0]!, lookup)).toBe('report/src/render.rs-render-tests::renders_currency');
  });

  it.each([
    [{ name: 'tests::totals_amounts', package: 'ledger' }, 'ledger/src/lib.rs-lib-tests::totals_amounts'],
    [{ name: 'smoke_renders', package: 'report', binary: 'smoke' }, 'report/tests/smoke.rs-smoke-smoke_renders'],
    [{ name: 'render::tests::renders_total' }, 'report/src/render.rs-render-tests::renders_total'],
    [{ name: 'render::tests::missing', package: 'report' }, null],
  ])('%j → %s', async (test, expected) => {
    expect(await testNodeKey(test, lookup)).toBe(expected);
  });
});

describe('runTests on code that does not compile', () => {
  it('reports buildFailed with nothing run', async () => {
    const broken = mkdtempSync(path.join(os.tmpdir(), 'rg-tests-runner-broken-'));
    cpSync(path.join(import.meta.dirname, '../fixtures/tests-runner/ws'), broken, { recursive: true });
    writeFileSync(path.join(broken, 'ledger/src/lib.rs'), 'pub fn total(a: &[i64]) -> i64 { a.iter().sum::<i64>() + "x" }\n');
    const r = await runTests({ cwd: broken, targetDir: path.join(os.tmpdir(), 'rustgate-test-target-tests-runner-broken'), packages: ['ledger'], timeoutMs: 120_000 });
    expect({ buildFailed: r.buildFailed, ran: r.ran, failed: r.failed, timedOut: r.timedOut }).toEqual({ buildFailed: true, ran: 0, failed: 0, timedOut: false });
    expect(r.stderrTail).toContain('could not compile `ledger`');
  });
});

describe('parsers on recorded output', () => {
  it('parseNextest reads the human status lines when there is no JSON (older nextest)', () => {
    const stderr = [
      '    Starting 3 tests across 2 binaries',
      '        PASS [   0.015s] (1/3) ledger tests::totals_amounts',
      '        FAIL [   0.095s] (2/3) report render::tests::renders_currency',
      '        PASS [   0.020s] report::smoke smoke_renders',
      '────────────',
      '     Summary [   0.096s] 3 tests run: 2 passed, 1 failed, 0 skipped',
      '        FAIL [   0.095s] (2/3) report render::tests::renders_currency',
    ].join('\n');
    expect(parseNextest('', stderr)).toEqual({
      selected: 3, ran: 3, passed: 2, failed: 1,
      failedTests: [{ name: 'render::tests::renders_currency', package: 'report', binary: 'report' }],
    });
  });

  it('parseNextest takes nextest\'s own count when a binary has an ignored test (its JSON suite events repeat)', () => {
    // Recorded from cargo-nextest on a crate with tests a, b and an #[ignore]d c.
    const stdout = [
      '{"type":"suite","event":"started","test_count":3}',
      '{"type":"test","event":"started","name":"ign::ign$a"}',
      '{"type":"test","event":"ok","name":"ign::ign$a","exec_time":0.001}',
      '{"type":"suite","event":"ok","passed":1,"failed":0,"ignored":1,"measured":0,"filtered_out":0,"exec_time":0.004}',
      '{"type":"suite","event":"started","test_count":3}',
      '{"type":"test","event":"started","name":"ign::ign$b"}',
      '{"type":"test","event":"ok","name":"ign::ign$b","exec_time":0.001}',
      '{"type":"suite","event":"ok","passed":1,"failed":0,"ignored":1,"measured":0,"filtered_out":1,"exec_time":0.010}',
    ].join('\n');
    const stderr = '    Starting 2 tests across 1 binary (1 test skipped)\n';
    expect(parseNextest(stdout, stderr)).toEqual({ selected: 2, ran: 2, passed: 2, failed: 0, failedTests: [] });
  });

  it('parseCargoTest keeps the FAILED lines of an unfinished binary', () => {
    const stdout = 'running 2 tests\ntest tests::fails_fast ... FAILED\n';
    const stderr = '     Running unittests src/lib.rs (/t/debug/deps/slow_poke-0123456789abcdef)\n';
    expect(parseCargoTest(stdout, stderr, ['slow-poke'])).toEqual({
      selected: 2, ran: 1, passed: 0, failed: 1, failedTests: [{ name: 'tests::fails_fast', package: 'slow-poke', binary: 'slow_poke' }],
    });
  });
});
