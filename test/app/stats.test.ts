/**
 * `rustgate stats`: the KPI arithmetic on recorded runs, and the real thing — a temp git repository, the ISG built,
 * two real `debug-bug --apply` runs (cross-file patterns), one fix reverted with `git revert`, then the command.
 */
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildIsg } from '../../src/app/build-isg.js';
import { loadPatternSources, runDebugBug } from '../../src/app/debug-bug.js';
import { computeStats, parseSince, percentile, renderStats, sparkline, weekOf, type StatsReport } from '../../src/app/stats.js';
import { registerStats } from '../../src/cli/commands/stats.js';
import { renderError, type CliIO } from '../../src/cli/io.js';
import type { RunRecord } from '../../src/store/types.js';
import { openStore } from '../../src/store/cozo-store.js';
import { commitAll, git } from '../fix/helpers.js';

const PATTERN_FIXTURES = path.resolve('test/fixtures/patterns');

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIO = { out: (t) => void (out += `${t}\n`), err: (t) => void (err += `${t}\n`), interactive: false };
  let code = 0;
  const program = new Command().exitOverride();
  registerStats(program, io, (c) => (code = c));
  try {
    await program.parseAsync(['stats', ...args], { from: 'user' });
  } catch (e) {
    code = renderError(io, e);
  }
  return { code, out, err };
}

function run(over: Partial<RunRecord> & { id: string }): RunRecord {
  return { startedAt: '2026-11-30T10:00:00.000Z', command: 'debug-bug', errorCodes: ['E0603'], patternId: null, candidates: 1, accepted: false, confidence: null, status: 'no_safe_fix', commit: null, detail: {}, ...over };
}

describe('computeStats', () => {
  it('rates, percentiles, per-pattern counts and weekly fixes from the runs', () => {
    const tried = (ids: [string, number][]) => ({ rounds: [{ tried: ids.map(([id, e]) => ({ id, errors_after: e, status: e === 0 ? 'Cargo_OK' : 'Failed' })) }] });
    const runs = [
      run({ id: 'a', status: 'fixed', commit: 'aaaa1111', patternId: 'make_visible_item', detail: { ...tried([['pattern:make_visible_item:0:0', 0], ['rustc:0:1', 1]]), zero_llm: true, tokens_used: 0, ms: 1000 } }),
      run({ id: 'b', status: 'fixed', commit: 'bbbb2222', patternId: 'llm', startedAt: '2026-11-16T09:00:00.000Z', detail: { ...tried([['llm:0:0', 0]]), zero_llm: false, tokens_used: 400, ms: 9000 } }),
      run({ id: 'c', status: 'apply_rolled_back', patternId: 'fields_from_scope', detail: { ...tried([['pattern:fields_from_scope:0:0', 0]]), ms: 3000 } }),
      run({ id: 'd', status: 'proposed', patternId: 'rustc_suggestion', detail: { ...tried([['rustc:0:0', 0]]), zero_llm: true, ms: 2000 } }),
      run({ id: 'e', status: 'no_safe_fix', detail: tried([['pattern:make_visible_item:0:0', 2]]) }),
      run({ id: 'f', command: 'prove-fix', status: 'fixed', commit: 'ffff' }),
    ];
    const s = computeStats(runs, new Set(['bbbb2222']), { pendingFutures: 2, weeks: 3 });
    expect(s).toMatchObject({
      fixes: 2,
      first_apply_correctness: 0.333,
      rollback_rate: 0.667,
      validation_accuracy: 0.667,
      zero_llm_rate: 0.5,
      tokens_per_fix: { p50: 0, p95: 400 },
      time_to_safe_fix_ms: { p50: 2000, p95: 9000 },
      runs: 5,
      proposed: 1,
      rolled_back: 1,
      reverted: 1,
      pending_futures: 2,
      weekly: [
        { week: '2026-11-16', fixes: 1 },
        { week: '2026-11-23', fixes: 0 },
        { week: '2026-11-30', fixes: 1 },
      ],
    });
    expect(s.patterns).toEqual([
      { id: 'make_visible_item', tried: 2, validated: 1, applied: 1, reverted: 0 },
      { id: 'llm', tried: 1, validated: 1, applied: 1, reverted: 1 },
      { id: 'rustc_suggestion', tried: 2, validated: 1, applied: 0, reverted: 0 },
      { id: 'fields_from_scope', tried: 1, validated: 1, applied: 0, reverted: 0 },
    ]);
    expect(renderStats(s)).toContain('fixes per week  █▁█');
  });

  it('is all nulls and zeros without runs; helpers behave at the edges', () => {
    const s = computeStats([], new Set());
    expect(s).toMatchObject({ fixes: 0, first_apply_correctness: null, rollback_rate: null, zero_llm_rate: null, tokens_per_fix: { p50: null, p95: null }, validation_accuracy: null, patterns: [], weekly: [] });
    expect(percentile([5, 1, 3], 50)).toBe(3);
    expect(percentile([5, 1, 3], 95)).toBe(5);
    expect(sparkline([0, 0])).toBe('▁▁');
    expect(weekOf('2026-12-06T23:00:00Z')).toBe('2026-11-30');
    expect(() => parseSince('last week')).toThrow(/not a date/);
    expect(parseSince('2026-11-01')).toBe('2026-11-01T00:00:00.000Z');
  });
});

describe('rustgate stats on a repository after real debug-bug --apply runs', () => {
  it('counts the applied fixes, the reverted one, and the patterns behind them', async () => {
    const repo = await mkdtemp(path.join(os.tmpdir(), 'rustgate-stats-'));
    await cp(path.join(PATTERN_FIXTURES, 'make_visible_method', 'broken'), repo, { recursive: true });
    await commitAll(repo);
    const sources = await loadPatternSources();
    const storeDir = path.join(repo, '.rustgate', 'store');
    const fix = async (): Promise<string | null> => {
      const store = await openStore(storeDir);
      try {
        await buildIsg({ root: repo, store });
        const r = await runDebugBug({ repo, apply: true, sources, store });
        if (r.applied_commit === null) throw new Error(`not applied: ${r.status} ${JSON.stringify(r.not_applied_reason ?? r.report)}`);
        return r.applied_commit;
      } finally {
        await store.close();
      }
    };
    const first = await fix();
    expect(first).toMatch(/^[0-9a-f]{40}$/);
    expect(await readFile(path.join(repo, 'src/account.rs'), 'utf8')).toContain('pub(crate) fn describe');
    // A second error: a private fn of another module, made visible at its definition through the graph.
    await writeFile(path.join(repo, 'src/account.rs'), `${await readFile(path.join(repo, 'src/account.rs'), 'utf8')}\nfn fee() -> i64 {\n    1\n}\n`);
    await writeFile(path.join(repo, 'src/lib.rs'), `${await readFile(path.join(repo, 'src/lib.rs'), 'utf8')}\npub fn fee() -> i64 {\n    account::fee()\n}\n`);
    await git(repo, 'commit', '-q', '-am', 'read the balance');
    const second = await fix();
    expect(second).toMatch(/^[0-9a-f]{40}$/);
    await git(repo, 'revert', '--no-edit', second as string);

    const r = await cli(['--json', '--repo', repo]);
    expect(r.code, r.err).toBe(0);
    const s = JSON.parse(r.out) as StatsReport;
    expect(Object.keys(s).slice(0, 8)).toEqual(['fixes', 'first_apply_correctness', 'rollback_rate', 'zero_llm_rate', 'tokens_per_fix', 'time_to_safe_fix_ms', 'validation_accuracy', 'patterns']);
    expect(s).toMatchObject({ fixes: 2, reverted: 1, rollback_rate: 0.5, first_apply_correctness: 0.5, validation_accuracy: 1, zero_llm_rate: 1, tokens_per_fix: { p50: 0, p95: 0 } });
    expect(s.time_to_safe_fix_ms.p50).toBeGreaterThan(0);
    expect(s.patterns.find((p) => p.id === 'make_visible_method')).toMatchObject({ applied: 1, reverted: 0 });
    expect(s.patterns.find((p) => p.id === 'make_visible_item')).toMatchObject({ applied: 1, reverted: 1 });
    expect(s.weekly.reduce((n, w) => n + w.fixes, 0)).toBe(2);

    const text = await cli(['--repo', repo]);
    expect(text.out).toMatch(/first-apply correctness\s+50\.0%/);
    expect(text.out).toMatch(/make_visible_item\s+\d+\s+\d+\s+1\s+1/);
    expect((JSON.parse((await cli(['--json', '--since', '2999-01-01', '--repo', repo])).out) as StatsReport).fixes).toBe(0);
    const bad = await cli(['--since', 'yesterday', '--repo', repo]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('hint:');
  }, 240_000);
});
