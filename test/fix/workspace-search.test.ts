// The fix search on workspaces: progress per compilation unit (a fix in a library reveals its dependent's errors),
// several errors at once (fix what can be fixed, list what remains), and the --apply exit contract. Real cargo, git
// and the real ISG store, refreshed by the command itself (no prior build-isg).
import { appendFile, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { registerDebugBug } from '../../src/cli/commands/debug-bug.js';
import { renderError, type CliIO } from '../../src/cli/io.js';
import type { DebugBugReport } from '../../src/app/debug-bug.js';
import { git, makeRepo } from './helpers.js';

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIO = { out: (t) => void (out += t), err: (t) => void (err += `${t}\n`), interactive: false };
  let code = 0;
  const program = new Command().exitOverride();
  registerDebugBug(program, io, (c) => (code = c), { sources: () => Promise.resolve([]) });
  try {
    await program.parseAsync(['debug-bug', ...args], { from: 'user' });
  } catch (e) {
    code = renderError(io, e);
  }
  return { code, out, err };
}

const compiles = async (repo: string): Promise<boolean> =>
  (await execa('cargo', ['check', '--offline', '-q', '--workspace', '--all-targets'], { cwd: repo, reject: false, env: { CARGO_TARGET_DIR: path.join(os.tmpdir(), 'rustgate-fix-test-target') } })).exitCode === 0;

describe('debug-bug on a workspace (per-unit progress)', () => {
  it('cascade: `+ Send` in the library reveals the binary E0599, the next round imports the trait; fixed in two validated rounds, one commit', async () => {
    const repo = await makeRepo('cascade');
    const head = await git(repo, 'rev-parse', 'HEAD');
    const r = await cli(['--repo', repo, '--apply', '--json']);
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(r.out) as DebugBugReport;
    expect(j.status).toBe('fixed');
    // Only the library's error was visible at first: cargo stops at the broken crate.
    expect(j.errors.map((e) => [e.code, e.file, e.isg_key])).toEqual([['E0277', 'crates/ledger/src/lib.rs', 'crates/ledger/src/lib.rs-lib-run']]);
    // Round 1 accepts the bound although the error count stays at 1: the E0599 is newly visible, not new.
    const accepted = j.rounds.filter((x) => x.accepted !== null);
    expect(accepted).toHaveLength(2);
    const first = accepted[0]!;
    const firstTried = first.tried.find((t) => t.id === first.accepted);
    expect(firstTried?.errors_after).toBe(1);
    expect(firstTried?.revealed).toBe(1);
    expect(j.errors_fixed.map((e) => [e.code, e.file, e.isg_key])).toEqual([
      ['E0277', 'crates/ledger/src/lib.rs', 'crates/ledger/src/lib.rs-lib-run'],
      ['E0599', 'crates/shop/src/main.rs', 'crates/shop/src/main.rs-main-total'],
    ]);
    expect(j.errors_remaining).toEqual([]);
    expect(j.candidate?.touched_files).toEqual(['crates/ledger/src/lib.rs', 'crates/shop/src/main.rs']);
    expect(j.candidate?.validation_status).toBe('Tests_OK');
    // One combined commit: round 1 alone does not compile the workspace, so it is never a commit of its own.
    expect(await git(repo, 'rev-list', '--count', `${head}..HEAD`)).toBe('1');
    expect(await git(repo, 'show', '--name-only', '--format=', 'HEAD')).toBe('crates/ledger/src/lib.rs\ncrates/shop/src/main.rs');
    expect(await compiles(repo)).toBe(true);
    expect(await readFile(path.join(repo, 'crates/shop/src/main.rs'), 'utf8')).toContain('Priced');
  });

  it('cascade without an ISG store: the revealed error joins the plan, so the second round may fix it', async () => {
    const { runDebugBug, loadPatternSources } = await import('../../src/app/debug-bug.js');
    const repo = await makeRepo('cascade');
    const r = await runDebugBug({ repo, sources: await loadPatternSources() });
    expect(r.status).toBe('proposed');
    expect(r.errors_fixed.map((e) => e.code)).toEqual(['E0277', 'E0599']);
    expect(r.errors_remaining).toEqual([]);
    expect(r.candidate?.touched_files).toEqual(['crates/ledger/src/lib.rs', 'crates/shop/src/main.rs']);
  });

  it('two unrelated errors in one crate: both fixed, each listed with its ISG key', async () => {
    const repo = await makeRepo('two-errors');
    const r = await cli(['--repo', repo, '--json']);
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(r.out) as DebugBugReport;
    expect(j.status).toBe('proposed');
    expect(j.candidate?.validation_status).toBe('Cargo_OK');
    const fixed = new Set(j.errors_fixed.map((e) => `${e.code} ${e.isg_key}`));
    expect(fixed).toEqual(new Set(['E0277 src/jobs.rs-jobs-run', 'E0599 src/report.rs-report-total']));
    expect(j.errors_remaining).toEqual([]);
  });

  it('one fixable and one unfixable error: the fixable one is proposed, the other remains; --apply does not apply a partial fix and exits 1', async () => {
    const repo = await makeRepo('two-errors');
    await appendFile(path.join(repo, 'src/report.rs'), '\n/// The tax on a total (the helper was never written).\npub fn tax(total: u64) -> u64 {\n    total * tax_rate_quux()\n}\n');
    await git(repo, 'commit', '-q', '-am', 'tax');
    const head = await git(repo, 'rev-parse', 'HEAD');
    const r = await cli(['--repo', repo, '--apply', '--json']);
    const j = JSON.parse(r.out) as DebugBugReport;
    expect(j.status).toBe('proposed');
    expect(r.code).toBe(1);
    expect(j.applied_commit).toBeNull();
    expect(j.not_applied_reason).toMatch(/^partial fix: 1 error\(s\) remain/);
    expect(j.report.rating).not.toBe('green');
    expect(new Set(j.errors_fixed.map((e) => `${e.code} ${e.isg_key}`))).toEqual(new Set(['E0277 src/jobs.rs-jobs-run', 'E0599 src/report.rs-report-total']));
    expect(j.errors_remaining.map((e) => [e.code, e.file, e.isg_key])).toEqual([['E0425', 'src/report.rs', 'src/report.rs-report-tax']]);
    expect(j.candidate?.diff).toContain('+ std::marker::Send,');
    expect(await git(repo, 'rev-parse', 'HEAD')).toBe(head);
    expect(await git(repo, 'status', '--porcelain')).toBe('');
  });
});
