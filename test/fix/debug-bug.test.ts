import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { runDebugBug } from '../../src/app/debug-bug.js';
import { prepareValidationTree } from '../../src/app/fix-validate.js';
import { registerDebugBug, type DebugBugDeps } from '../../src/cli/commands/debug-bug.js';
import { renderError, type CliIO } from '../../src/cli/io.js';
import { git, makeRepo, treeHash } from './helpers.js';

/** Runs `rustgate debug-bug ARGS` through the real command and captures its output and exit code. */
async function cli(args: string[], deps: DebugBugDeps = { sources: () => Promise.resolve([]) }): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIO = { out: (t) => void (out += t), err: (t) => void (err += `${t}\n`), interactive: false };
  let code = 0;
  const program = new Command().exitOverride();
  registerDebugBug(program, io, (c) => (code = c), deps);
  try {
    await program.parseAsync(['debug-bug', ...args], { from: 'user' });
  } catch (e) {
    code = renderError(io, e);
  }
  return { code, out, err };
}

const checkCompiles = async (repo: string): Promise<boolean> =>
  (await execa('cargo', ['check', '--offline', '-q'], { cwd: repo, reject: false, env: { CARGO_TARGET_DIR: path.join(os.tmpdir(), 'rustgate-fix-test-target') } })).exitCode === 0;

describe('rustgate debug-bug (real cargo, real git)', () => {
  it('E0277 Send: the MachineApplicable `+ Send` wins, the `()` suggestion fails validation; --json shape; writes nothing', async () => {
    const repo = await makeRepo('send-bound');
    const before = await treeHash(repo);
    const r = await cli(['--json', '--repo', repo]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as Record<string, unknown> & { candidate: Record<string, unknown>; rounds: unknown };
    expect(Object.keys(j)).toEqual(['status', 'errors', 'candidate', 'applied_commit', 'report', 'errors_fixed', 'errors_remaining', 'rounds', 'warnings', 'validations', 'ms']);
    expect(j.status).toBe('proposed');
    expect(j.errors).toEqual([{ code: 'E0277', file: 'src/lib.rs', line: 9, isg_key: 'src/lib.rs-lib-run' }]);
    expect(j.applied_commit).toBeNull();
    expect(j.report).toEqual({
      rating: 'amber',
      root_cause: 'E0277 at src/lib.rs:9 (src/lib.rs-lib-run): `F` cannot be sent between threads safely; fix: E0277: consider further restricting type parameter `F` with trait `Send`',
      // The anti-pattern detectors (A4) run over the error files: the library's `.unwrap()` is reported, not fixed.
      anti_patterns: [
        {
          pattern_id: 'unwrap_in_library',
          severity: 'info',
          file: 'src/lib.rs',
          line: 9,
          message: '`.unwrap()` in library code panics the caller; return a `Result` (with `?`) or use `expect` with the invariant',
        },
      ],
    });
    expect(j.candidate).toEqual({
      pattern_id: 'rustc_suggestion',
      diff:
        'diff --git a/src/lib.rs b/src/lib.rs\n--- a/src/lib.rs\n+++ b/src/lib.rs\n@@ -4,7 +4,7 @@\n /// Runs `job` on a new thread and returns its result.\n pub fn run<F>(job: F) -> u64\n where\n' +
        "-    F: FnOnce() -> u64 + 'static,\n+    F: FnOnce() -> u64 + 'static + std::marker::Send,\n {\n     thread::spawn(job).join().unwrap()\n }\n",
      confidence: 0.7,
      validation_status: 'Cargo_OK',
      zero_llm: true,
      tokens_used: 0,
      touched_keys: ['src/lib.rs-lib-run'],
      description: 'E0277: consider further restricting type parameter `F` with trait `Send`',
      touched_files: ['src/lib.rs'],
    });
    // Validated: `+ Send` (MachineApplicable, tried first; compiles), the `()` call suggestion (HasPlaceholders; fails), both together (fails).
    expect(j.rounds).toEqual([
      {
        errors_before: 1,
        tried: [
          { id: 'rustc:0:1', errors_after: 0, status: 'Cargo_OK' },
          { id: 'rustc:0:0', errors_after: 1, status: 'Failed' },
          { id: 'rustc:0:all', errors_after: 1, status: 'Failed' },
        ],
        rejected: 0,
        accepted: 'rustc:0:1',
      },
    ]);
    expect(j.validations).toBe(3);
    expect(await treeHash(repo)).toBe(before);
  });

  it('--investigate never writes (tree, index and refs byte-identical) and prints the report', async () => {
    const repo = await makeRepo('send-bound');
    const before = await treeHash(repo);
    const r = await cli(['--investigate', '--repo', repo]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('debug-bug: proposed (rating amber)');
    expect(r.out).toContain("+    F: FnOnce() -> u64 + 'static + std::marker::Send,");
    expect(await treeHash(repo)).toBe(before);
    expect((await cli(['--investigate', '--apply', '--repo', repo])).code).toBe(2);
  });

  it('--apply makes exactly one commit, the tree compiles, a dirty unrelated file is left alone', async () => {
    const repo = await makeRepo('send-bound');
    await writeFile(path.join(repo, 'NOTES.md'), 'work in progress\n');
    await git(repo, 'add', 'NOTES.md');
    await git(repo, 'commit', '-q', '-m', 'notes');
    await writeFile(path.join(repo, 'NOTES.md'), 'work in progress, edited\n');
    const head = await git(repo, 'rev-parse', 'HEAD');
    const r = await cli(['--apply', '--json', '--tests', '--repo', repo]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { status: string; applied_commit: string; candidate: { confidence: number; validation_status: string }; report: { rating: string } };
    expect(j.status).toBe('fixed');
    expect(j.candidate.validation_status).toBe('Tests_OK');
    expect(j.candidate.confidence).toBe(0.9);
    expect(j.report.rating).toBe('green');
    expect(await git(repo, 'rev-list', '--count', `${head}..HEAD`)).toBe('1');
    expect(await git(repo, 'rev-parse', 'HEAD')).toBe(j.applied_commit);
    expect(await git(repo, 'log', '-1', '--format=%s')).toBe('rustgate: fix E0277 (pattern rustc_suggestion, confidence 0.90)');
    expect(await git(repo, 'show', '--name-only', '--format=', 'HEAD')).toBe('src/lib.rs');
    expect(await git(repo, 'status', '--porcelain')).toBe(' M NOTES.md');
    expect(await readFile(path.join(repo, 'NOTES.md'), 'utf8')).toBe('work in progress, edited\n');
    expect(await checkCompiles(repo)).toBe(true);
  });

  it('a failure after the write restores the files byte-identical and commits nothing', async () => {
    const repo = await makeRepo('send-bound');
    const before = await treeHash(repo);
    const lib = await readFile(path.join(repo, 'src/lib.rs'));
    process.env.RUSTGATE_TEST_FAIL_AFTER_WRITE = '1';
    try {
      await expect(runDebugBug({ repo, apply: true })).rejects.toThrow('injected failure after write');
    } finally {
      delete process.env.RUSTGATE_TEST_FAIL_AFTER_WRITE;
    }
    expect(await readFile(path.join(repo, 'src/lib.rs'))).toEqual(lib);
    expect(await treeHash(repo)).toBe(before);
    expect(await git(repo, 'rev-list', '--count', 'HEAD')).toBe('1');
  });

  it('no valid fix: no_safe_fix, exit 1, nothing written', async () => {
    const repo = await makeRepo('no-fix');
    const before = await treeHash(repo);
    const r = await cli(['--apply', '--json', '--repo', repo]);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out) as Record<string, unknown>;
    expect(j.status).toBe('no_safe_fix');
    expect(j.candidate).toBeNull();
    expect(j.applied_commit).toBeNull();
    // The CLI refreshes the ISG itself, so even without a prior build-isg the error has its key.
    expect(j.errors).toEqual([{ code: 'E0425', file: 'src/lib.rs', line: 3, isg_key: 'src/lib.rs-lib-total' }]);
    expect(j.report).toEqual({ rating: 'red', root_cause: 'E0425 at src/lib.rs:3 (src/lib.rs-lib-total): cannot find value `accumulate_quux` in this scope; no candidate validated (0 tried)', anti_patterns: [] });
    expect(await treeHash(repo)).toBe(before);
  });

  it('nothing_to_fix on a clean tree; --llm local with a missing model file is an environment error (exit 2)', async () => {
    const repo = await makeRepo('send-bound');
    const r0 = await cli(['--apply', '--json', '--repo', repo]);
    expect(JSON.parse(r0.out).status).toBe('fixed');
    const r = await cli(['--json', '--repo', repo]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ status: 'nothing_to_fix', errors: [], candidate: null, applied_commit: null, report: { rating: 'green', root_cause: 'no compile errors' } });
    // The tree is clean, so no model is needed and none is opened.
    const llm = await cli(['--llm', 'local', '--model', path.join(repo, 'missing.gguf'), '--json', '--repo', repo]);
    expect(llm.code).toBe(0);
    expect(JSON.parse(llm.out).status).toBe('nothing_to_fix');
    const bad = await cli(['--llm', 'gpt', '--repo', repo]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('error[BAD_FLAG]: unknown --llm mode: gpt');
    expect((await cli(['--repo', os.tmpdir()])).code).toBe(2);
  });
});

describe('debug-bug with the pattern library (default sources)', () => {
  it('validates pattern candidates next to rustc suggestions', async () => {
    const repo = await makeRepo('send-bound');
    const r = await cli(['--json', '--repo', repo], {});
    const j = JSON.parse(r.out) as { status: string; rounds: { tried: { id: string; errors_after: number }[] }[] };
    expect(j.status).toBe('proposed');
    expect(j.rounds[0]?.tried.find((t) => t.id === 'pattern:send_bound:0:0')).toEqual({ id: 'pattern:send_bound:0:0', errors_after: 0, status: 'Cargo_OK' });
  });
});

describe('debug-bug with a store', () => {
  it('maps errors and the fix to ISG keys, records Future_Code in CodeGraph and the run in the learning log; --apply validates with the impacted tests (Tests_OK)', async () => {
    const { memoryStore, node } = await import('./memory-store.js');
    const repo = await makeRepo('send-bound');
    const store = memoryStore([node('src/lib.rs-lib-run', 'fn', 'src/lib.rs', 4, 10), node('src/lib.rs-lib-tests', 'mod', 'src/lib.rs', 12, 18)]);
    const r = await runDebugBug({ repo, apply: true, store });
    expect(r.status).toBe('fixed');
    expect(r.errors).toEqual([{ code: 'E0277', file: 'src/lib.rs', line: 9, isg_key: 'src/lib.rs-lib-run' }]);
    expect(r.candidate?.touched_keys).toEqual(['src/lib.rs-lib-run']);
    const row = store.rows.get('src/lib.rs-lib-run');
    expect(row?.validationStatus).toBe('Tests_OK');
    expect(row?.lastAppliedCommit).toBe(r.applied_commit);
    expect(row?.futureAction).toBe('None');
    expect(row?.currentCode).toContain("F: FnOnce() -> u64 + 'static + std::marker::Send,");
    expect(store.runs.map((x) => [x.command, x.errorCodes, x.patternId, x.accepted, x.status, x.commit])).toEqual([
      ['debug-bug', ['E0277'], 'rustc_suggestion', true, 'fixed', r.applied_commit],
    ]);
  });
});

describe('debug-bug --apply and SIGINT', () => {
  it('restores the files byte-identical and commits nothing when interrupted after the write', async () => {
    const repo = await makeRepo('send-bound');
    const before = await treeHash(repo);
    const lib = await readFile(path.join(repo, 'src/lib.rs'));
    const script = path.join(path.dirname(new URL(import.meta.url).pathname), 'run-debug-bug.ts');
    const child = execa('node', ['--import', 'tsx', script, '--apply', '--repo', repo], {
      reject: false,
      cwd: path.resolve(path.dirname(script), '../..'),
      env: { RUSTGATE_TEST_PAUSE_AFTER_WRITE_MS: '20000' },
    });
    // Wait until the fix is on disk, then interrupt.
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline && (await readFile(path.join(repo, 'src/lib.rs'))).equals(lib)) await new Promise((r) => setTimeout(r, 50));
    expect(await readFile(path.join(repo, 'src/lib.rs'), 'utf8')).toMatch(/F: FnOnce\(\) -> u64 \+ .*Send/);
    child.kill('SIGINT');
    const r = await child;
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('error[INTERRUPTED]');
    expect(await readFile(path.join(repo, 'src/lib.rs'))).toEqual(lib);
    expect(await treeHash(repo)).toBe(before);
    expect(await git(repo, 'rev-list', '--count', 'HEAD')).toBe('1');
  });
});

describe('debug-bug validates with tests', () => {
  it('a suggestion that compiles and passes the unit tests but fails a doctest is rejected with --tests (doctests run beside nextest)', async () => {
    const repo = await makeRepo('doctest-guard');
    const before = await treeHash(repo);
    // Without tests the candidate compiles: it is what the doctest run has to catch.
    const compileOnly = JSON.parse((await cli(['--json', '--repo', repo])).out) as { status: string; candidate: { validation_status: string; diff: string } };
    expect([compileOnly.status, compileOnly.candidate.validation_status]).toEqual(['proposed', 'Cargo_OK']);
    expect(compileOnly.candidate.diff).toContain('+    (a / b).into()');

    const withTests = await cli(['--apply', '--json', '--tests', '--repo', repo]);
    expect(withTests.code).toBe(1);
    const j = JSON.parse(withTests.out) as { status: string; candidate: unknown; applied_commit: unknown; rounds: unknown };
    expect([j.status, j.candidate, j.applied_commit]).toEqual(['no_safe_fix', null, null]);
    expect(j.rounds).toEqual([{ errors_before: 1, tried: [{ id: 'rustc:0:0', errors_after: 1, status: 'Failed' }], rejected: 0, accepted: null }]);
    expect(await treeHash(repo)).toBe(before);

    // What failed is the doctest (the unit test passes), run by `cargo test --doc` beside the unit tests.
    const tree = await prepareValidationTree({ repoRoot: repo, tests: '' });
    const lib = (await tree.readWorktree('src/lib.rs')) ?? '';
    const v = await tree.validate(new Map([['src/lib.rs', lib.replace('    a / b\n', '    (a / b).into()\n')]]));
    expect([v.status, v.errors.map((d) => [d.source, d.message])]).toEqual(['Failed', [['test', 'test failed: src/lib.rs - ratio (line 6)']]]);
    const ran = tree.log.at(-1)?.tests;
    expect([ran?.selected, ran?.ran]).toEqual([2, 2]);
    // nextest never runs doctests, so they run beside it; plain `cargo test` runs them itself.
    if (ran?.command[1] === 'nextest') expect(ran.doctests).toEqual(['cargo', 'test', '--doc', '--no-fail-fast', '-p', 'ratio']);
    else expect([ran?.command.slice(0, 2), ran?.doctests]).toEqual([['cargo', 'test'], null]);
  });

  it('a suggestion that compiles but fails the tests is rejected with --tests (no_safe_fix), proposed without', async () => {
    const repo = await makeRepo('compiles-but-wrong');
    const before = await treeHash(repo);
    const withTests = await cli(['--apply', '--json', '--tests', '--repo', repo]);
    expect(withTests.code).toBe(1);
    const j = JSON.parse(withTests.out) as { status: string; candidate: unknown; rounds: unknown };
    expect(j.status).toBe('no_safe_fix');
    expect(j.candidate).toBeNull();
    expect(j.rounds).toEqual([{ errors_before: 1, tried: [{ id: 'rustc:0:0', errors_after: 1, status: 'Failed' }], rejected: 0, accepted: null }]);
    expect(await treeHash(repo)).toBe(before);

    const compileOnly = await cli(['--json', '--test', 'halves', '--repo', repo]);
    expect(JSON.parse(compileOnly.out).status).toBe('no_safe_fix');
    const noTests = await cli(['--json', '--repo', repo]);
    const k = JSON.parse(noTests.out) as { status: string; candidate: { validation_status: string; diff: string }; report: { rating: string } };
    expect([k.status, k.candidate.validation_status, k.report.rating]).toEqual(['proposed', 'Cargo_OK', 'amber']);
    expect(k.candidate.diff).toContain('+    (a / b).into()');
    expect(await treeHash(repo)).toBe(before);
  });
});

describe('debug-bug with the real ISG store', () => {
  it('after build-isg: errors and the fix carry ISGL1 keys; CodeGraph and the learning log are persisted', async () => {
    const { buildIsg } = await import('../../src/app/build-isg.js');
    const { openStore } = await import('../../src/store/cozo-store.js');
    const repo = await makeRepo('send-bound');
    const dir = path.join(repo, '.rustgate', 'store');
    const built = await openStore(dir);
    await buildIsg({ root: repo, store: built });
    await built.close();
    const r = await cli(['--apply', '--json', '--repo', repo]);
    const j = JSON.parse(r.out) as { status: string; errors: unknown; candidate: { touched_keys: string[] }; applied_commit: string };
    expect(j.status).toBe('fixed');
    expect(j.errors).toEqual([{ code: 'E0277', file: 'src/lib.rs', line: 9, isg_key: 'src/lib.rs-lib-run' }]);
    expect(j.candidate.touched_keys).toEqual(['src/lib.rs-lib-run']);
    const store = await openStore(dir);
    try {
      const row = await store.codeGraph.get('src/lib.rs-lib-run');
      expect([row?.validationStatus, row?.lastAppliedCommit, row?.futureAction]).toEqual(['Tests_OK', j.applied_commit, 'None']);
      expect(row?.currentCode).toContain("F: FnOnce() -> u64 + 'static + std::marker::Send,");
      const runs = await store.learning.list(10);
      expect(runs.map((x) => [x.command, x.errorCodes, x.patternId, x.accepted, x.status, x.commit])).toEqual([
        ['debug-bug', ['E0277'], 'rustc_suggestion', true, 'fixed', j.applied_commit],
      ]);
    } finally {
      await store.close();
    }
  });
});
