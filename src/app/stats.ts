/**
 * `rustgate stats`: the fix pipeline's KPIs from the learning log (one row per debug-bug run), CodeGraph (pending
 * Future_Code rows) and git (an applied fix's commit reverted later). Definitions:
 * - fixes: applied fixes (`debug-bug --apply` made a commit); attempts = fixes + applies rolled back by the applier.
 * - rollback_rate: (applier rollbacks + fixes reverted in git) / attempts.
 * - first_apply_correctness: fixes kept (not reverted) / attempts.
 * - validation_accuracy: fixes / attempts (the validated verdict held when the written bytes were re-checked).
 * - zero_llm_rate, tokens_per_fix: over fixes; time_to_safe_fix_ms: over runs that found a validated candidate.
 * - patterns: per pattern id, candidates tried and validated (from each run's rounds), fixes applied and reverted.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { git } from '../adapters/git/run.js';
import { RustgateError } from '../core/errors.js';
import type { RunRecord } from '../store/types.js';
import { rustgatePaths } from '../core/paths.js';

/** Per-pattern counts. */
export interface PatternKpi {
  id: string;
  tried: number;
  validated: number;
  applied: number;
  reverted: number;
}

/** The `stats --json` object (CONTRACT.md "Additions"), plus a few extra fields. */
export interface StatsReport {
  fixes: number;
  first_apply_correctness: number | null;
  rollback_rate: number | null;
  zero_llm_rate: number | null;
  tokens_per_fix: { p50: number | null; p95: number | null };
  time_to_safe_fix_ms: { p50: number | null; p95: number | null };
  validation_accuracy: number | null;
  patterns: PatternKpi[];
  /** Extra: runs read, proposals not applied, applier rollbacks, fixes reverted in git, CodeGraph rows pending. */
  runs: number;
  proposed: number;
  rolled_back: number;
  reverted: number;
  pending_futures: number;
  since: string | null;
  /** Extra: fixes per ISO week (Monday, UTC), oldest first, the last `weeks` weeks up to the newest run. */
  weekly: { week: string; fixes: number }[];
}

/** Nearest-rank percentile of `xs` (null when empty). */
export function percentile(xs: readonly number[], p: number): number | null {
  if (xs.length === 0) return null;
  const sorted = [...xs].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1] ?? null;
}

function ratio(n: number, d: number): number | null {
  return d === 0 ? null : Math.round((n / d) * 1000) / 1000;
}

/** What one run's `detail` may hold (older runs lack the newer fields). */
interface RunDetail {
  rounds?: { tried?: { id?: string; errors_after?: number; status?: string }[] }[];
  zero_llm?: boolean;
  tokens_used?: number;
  ms?: number;
}

function detailOf(r: RunRecord): RunDetail {
  return r.detail !== null && typeof r.detail === 'object' ? (r.detail as RunDetail) : {};
}

/** The pattern id behind a candidate id (`pattern:make_pub:0:1` → make_pub, `rustc:0:1` → rustc_suggestion). */
export function patternOfCandidate(id: string): string[] {
  if (id.startsWith('merge(')) return Array.from(new Set(id.slice(6, -1).split(',').flatMap(patternOfCandidate)));
  if (id.includes('+')) return Array.from(new Set(id.split('+').flatMap(patternOfCandidate)));
  const [origin, name] = id.split(':');
  if (origin === 'pattern' && name) return [name];
  if (origin === 'rustc') return ['rustc_suggestion'];
  if (origin === 'llm') return ['llm'];
  return [];
}

/** Monday (UTC) of the ISO week of `iso`, as YYYY-MM-DD. */
export function weekOf(iso: string): string {
  const d = new Date(iso);
  const day = (d.getUTCDay() + 6) % 7;
  const monday = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - day));
  return monday.toISOString().slice(0, 10);
}

/** Computes the KPIs from runs (any order) and the set of applied commits that were reverted. Pure. */
export function computeStats(runs: readonly RunRecord[], reverted: ReadonlySet<string>, opts: { pendingFutures?: number; since?: string | null; weeks?: number } = {}): StatsReport {
  const debug = runs.filter((r) => r.command === 'debug-bug');
  const fixes = debug.filter((r) => r.status === 'fixed' && r.commit !== null);
  const rolledBack = debug.filter((r) => r.status === 'apply_rolled_back');
  const revertedFixes = fixes.filter((r) => r.commit !== null && reverted.has(r.commit));
  const attempts = fixes.length + rolledBack.length;
  const safe = debug.filter((r) => r.status === 'fixed' || r.status === 'proposed' || r.status === 'apply_rolled_back');
  const withZero = fixes.filter((r) => detailOf(r).zero_llm !== undefined);
  const tokens = fixes.map((r) => detailOf(r).tokens_used).filter((t): t is number => typeof t === 'number');
  const times = safe.map((r) => detailOf(r).ms).filter((t): t is number => typeof t === 'number');
  const per = new Map<string, PatternKpi>();
  const kpi = (id: string): PatternKpi => {
    let k = per.get(id);
    if (!k) {
      k = { id, tried: 0, validated: 0, applied: 0, reverted: 0 };
      per.set(id, k);
    }
    return k;
  };
  for (const r of debug) {
    for (const round of detailOf(r).rounds ?? []) {
      for (const t of round.tried ?? []) {
        for (const id of patternOfCandidate(t.id ?? '')) {
          const k = kpi(id);
          k.tried++;
          if (t.errors_after === 0 && t.status !== 'Failed') k.validated++;
        }
      }
    }
  }
  for (const r of fixes) {
    for (const id of (r.patternId ?? 'llm').split('+')) {
      const k = kpi(id);
      k.applied++;
      if (r.commit !== null && reverted.has(r.commit)) k.reverted++;
    }
  }
  // Fixes per week, the last `weeks` weeks ending at the newest run's week.
  const weeks = opts.weeks ?? 8;
  const newest = debug.reduce<string | null>((m, r) => (m === null || r.startedAt > m ? r.startedAt : m), null);
  const weekly: { week: string; fixes: number }[] = [];
  if (newest !== null) {
    const last = new Date(`${weekOf(newest)}T00:00:00Z`);
    for (let i = weeks - 1; i >= 0; i--) {
      const w = new Date(last.getTime() - i * 7 * 86_400_000).toISOString().slice(0, 10);
      weekly.push({ week: w, fixes: fixes.filter((r) => weekOf(r.startedAt) === w).length });
    }
  }
  return {
    fixes: fixes.length,
    first_apply_correctness: ratio(fixes.length - revertedFixes.length, attempts),
    rollback_rate: ratio(rolledBack.length + revertedFixes.length, attempts),
    zero_llm_rate: ratio(withZero.filter((r) => detailOf(r).zero_llm === true).length, withZero.length),
    tokens_per_fix: { p50: percentile(tokens, 50), p95: percentile(tokens, 95) },
    time_to_safe_fix_ms: { p50: percentile(times, 50), p95: percentile(times, 95) },
    validation_accuracy: ratio(fixes.length, attempts),
    patterns: Array.from(per.values()).sort((a, b) => b.applied - a.applied || b.tried - a.tried || a.id.localeCompare(b.id)),
    runs: debug.length,
    proposed: debug.filter((r) => r.status === 'proposed').length,
    rolled_back: rolledBack.length,
    reverted: revertedFixes.length,
    pending_futures: opts.pendingFutures ?? 0,
    since: opts.since ?? null,
    weekly,
  };
}

/** Parses `--since` (an ISO date or date-time); exit 2 with a hint when it is not one. */
export function parseSince(since: string | undefined): string | null {
  if (since === undefined) return null;
  const ok = /^\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.test(since.trim());
  const t = ok ? Date.parse(since.trim()) : NaN;
  if (Number.isNaN(t)) throw new RustgateError('BAD_FLAG', `--since is not a date: ${since}`, 'Use an ISO date such as 2026-11-01 (or 2026-11-01T12:00:00Z).');
  return new Date(t).toISOString();
}

/** Applied commits (of `shas`) that a later commit reverts (`git revert`'s "This reverts commit <sha>"). */
async function revertedCommits(repo: string, shas: readonly string[]): Promise<Set<string>> {
  const out = new Set<string>();
  if (shas.length === 0) return out;
  const r = await git(repo, ['log', '--all', '--format=%B%x00', '--grep=This reverts commit']);
  if (r.exitCode !== 0) return out;
  for (const m of r.stdout.matchAll(/This reverts commit ([0-9a-f]{7,40})/g)) {
    const hit = shas.find((s) => s.startsWith(m[1] ?? '-'));
    if (hit) out.add(hit);
  }
  return out;
}

/** Reads the repository's learning log and CodeGraph and returns the KPIs (an empty report without a store). */
export async function runStats(opts: { repo: string; since?: string }): Promise<StatsReport> {
  const repo = path.resolve(opts.repo);
  const st = await stat(repo).catch(() => null);
  if (!st?.isDirectory()) throw new RustgateError('NOT_A_DIRECTORY', `${repo} is not a directory`, 'Pass the repository with --repo DIR.');
  const since = parseSince(opts.since);
  const dir = rustgatePaths(repo).store;
  const hasStore = (await stat(dir).catch(() => null))?.isDirectory() ?? false;
  if (!hasStore) return computeStats([], new Set(), { since });
  const { openStore } = await import('../store/cozo-store.js');
  const store = await openStore(dir);
  try {
    const runs = (await store.learning.list()).filter((r) => since === null || r.startedAt >= since);
    const pending = await store.codeGraph.pending().catch(() => []);
    const shas = runs.filter((r) => r.status === 'fixed' && r.commit !== null).map((r) => r.commit as string);
    return computeStats(runs, await revertedCommits(repo, shas), { pendingFutures: pending.length, since });
  } finally {
    await store.close();
  }
}

const BARS = '▁▂▃▄▅▆▇█';

/** A text sparkline of `values` (one block per value, scaled to the maximum). */
export function sparkline(values: readonly number[]): string {
  const max = Math.max(0, ...values);
  return values.map((v) => (max === 0 ? BARS[0] : BARS[Math.min(7, Math.round((v / max) * 7))])).join('');
}

function pct(x: number | null): string {
  return x === null ? '-' : `${(x * 100).toFixed(1)}%`;
}

function num(x: number | null, unit = ''): string {
  return x === null ? '-' : `${x}${unit}`;
}

/** The terminal rendering: the KPI table, the per-pattern table, and fixes per week as a sparkline. */
export function renderStats(s: StatsReport): string {
  const rows: [string, string][] = [
    ['fixes applied', String(s.fixes)],
    ['first-apply correctness', pct(s.first_apply_correctness)],
    ['rollback rate', pct(s.rollback_rate)],
    ['zero-LLM rate', pct(s.zero_llm_rate)],
    ['tokens per fix p50 / p95', `${num(s.tokens_per_fix.p50)} / ${num(s.tokens_per_fix.p95)}`],
    ['time to safe fix p50 / p95', `${num(s.time_to_safe_fix_ms.p50, ' ms')} / ${num(s.time_to_safe_fix_ms.p95, ' ms')}`],
    ['validation accuracy', pct(s.validation_accuracy)],
    ['runs / proposed only / pending futures', `${s.runs} / ${s.proposed} / ${s.pending_futures}`],
  ];
  const w = Math.max(...rows.map(([k]) => k.length));
  const lines = [`rustgate stats${s.since ? ` since ${s.since.slice(0, 10)}` : ''}`, ...rows.map(([k, v]) => `  ${k.padEnd(w)}  ${v}`)];
  if (s.weekly.length > 0) {
    lines.push('', `  fixes per week  ${sparkline(s.weekly.map((x) => x.fixes))}  (${s.weekly[0]?.week} … ${s.weekly[s.weekly.length - 1]?.week}, max ${Math.max(...s.weekly.map((x) => x.fixes))})`);
  }
  if (s.patterns.length > 0) {
    const idW = Math.max(7, ...s.patterns.map((p) => p.id.length));
    lines.push('', `  ${'pattern'.padEnd(idW)}  tried  validated  applied  reverted`);
    for (const p of s.patterns) lines.push(`  ${p.id.padEnd(idW)}  ${String(p.tried).padStart(5)}  ${String(p.validated).padStart(9)}  ${String(p.applied).padStart(7)}  ${String(p.reverted).padStart(8)}`);
  }
  if (s.runs === 0) lines.push('', '  no debug-bug runs recorded yet (the log needs the ISG store: run `rustgate build-isg` once)');
  return lines.join('\n');
}
