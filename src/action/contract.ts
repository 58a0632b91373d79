/**
 * The CLI's JSON contract (CONTRACT.md) as the Action reads it. The Action only consumes the printed JSON,
 * so it works with whatever app code produced it; shapes are checked at the boundary with clear errors.
 */

/** A node of the Interface Signature Graph, as attached to a diagnostic. */
export interface IsgRef {
  key: string;
  kind: string;
  name: string;
}

/** One diagnostic of `preflight --format json`. */
export interface PreflightDiagnostic {
  level: 'error' | 'warning';
  code: string | null;
  message: string;
  file: string;
  line: number;
  column: number;
  isg: IsgRef | null;
  blast_radius: string[];
}

/** The output of `rustgate preflight --format json`. */
export interface PreflightJson {
  ok: boolean;
  scope: 'staged' | 'diff' | 'worktree';
  changed_files: string[];
  diagnostics: PreflightDiagnostic[];
  tests: { ran: number; passed: number; failed: number } | null;
  ms: { total: number; cargo: number };
}

/** The candidate fix of `debug-bug --json`. */
export interface CandidateJson {
  pattern_id: string | null;
  diff: string;
  confidence: number;
  validation_status: 'Cargo_OK' | 'Tests_OK' | 'Failed';
  zero_llm: boolean;
  tokens_used: number;
  touched_keys: string[];
}

/** The output of `rustgate debug-bug --json`. */
export interface DebugBugJson {
  status: 'fixed' | 'proposed' | 'no_safe_fix' | 'nothing_to_fix';
  errors: Array<{ code: string | null; file: string; line: number; isg_key: string | null }>;
  candidate: CandidateJson | null;
  applied_commit: string | null;
  report: { rating: 'green' | 'amber' | 'red'; root_cause: string };
}

/** Thrown when the CLI printed something that is not the contract's JSON. */
export class ContractError extends Error {
  override name = 'ContractError';
}

/** Parses and checks `preflight --format json` output. */
export function parsePreflightJson(stdout: string): PreflightJson {
  const v = parseObject(stdout, 'preflight');
  expect(typeof v.ok === 'boolean', 'preflight', '"ok" must be a boolean');
  expect(Array.isArray(v.diagnostics), 'preflight', '"diagnostics" must be an array');
  const diagnostics = (v.diagnostics as unknown[]).map((d, i) => {
    expect(isObject(d), 'preflight', `diagnostics[${i}] must be an object`);
    const o = d as Record<string, unknown>;
    expect(o.level === 'error' || o.level === 'warning', 'preflight', `diagnostics[${i}].level must be "error" or "warning"`);
    expect(typeof o.message === 'string', 'preflight', `diagnostics[${i}].message must be a string`);
    return {
      level: o.level as 'error' | 'warning',
      code: typeof o.code === 'string' ? o.code : null,
      message: o.message as string,
      file: typeof o.file === 'string' ? o.file : '',
      line: typeof o.line === 'number' ? o.line : 0,
      column: typeof o.column === 'number' ? o.column : 0,
      isg: isObject(o.isg) && typeof o.isg.key === 'string' ? (o.isg as unknown as IsgRef) : null,
      blast_radius: Array.isArray(o.blast_radius) ? o.blast_radius.filter((k): k is string => typeof k === 'string') : [],
    };
  });
  const ms = isObject(v.ms) ? v.ms : {};
  return {
    ok: v.ok as boolean,
    scope: (v.scope as PreflightJson['scope']) ?? 'diff',
    changed_files: Array.isArray(v.changed_files) ? v.changed_files.filter((f): f is string => typeof f === 'string') : [],
    diagnostics,
    tests: isObject(v.tests) ? (v.tests as PreflightJson['tests']) : null,
    ms: { total: Number(ms.total ?? 0), cargo: Number(ms.cargo ?? 0) },
  };
}

/** Parses and checks `debug-bug --json` output. */
export function parseDebugBugJson(stdout: string): DebugBugJson {
  const v = parseObject(stdout, 'debug-bug');
  const statuses = ['fixed', 'proposed', 'no_safe_fix', 'nothing_to_fix'];
  expect(typeof v.status === 'string' && statuses.includes(v.status), 'debug-bug', `"status" must be one of ${statuses.join(', ')}`);
  let candidate: CandidateJson | null = null;
  if (v.candidate !== null && v.candidate !== undefined) {
    expect(isObject(v.candidate), 'debug-bug', '"candidate" must be an object or null');
    const c = v.candidate as Record<string, unknown>;
    expect(typeof c.diff === 'string', 'debug-bug', '"candidate.diff" must be a string');
    expect(['Cargo_OK', 'Tests_OK', 'Failed'].includes(String(c.validation_status)), 'debug-bug', '"candidate.validation_status" must be Cargo_OK, Tests_OK or Failed');
    candidate = {
      pattern_id: typeof c.pattern_id === 'string' ? c.pattern_id : null,
      diff: c.diff as string,
      confidence: typeof c.confidence === 'number' ? c.confidence : 0,
      validation_status: c.validation_status as CandidateJson['validation_status'],
      zero_llm: c.zero_llm === true,
      tokens_used: typeof c.tokens_used === 'number' ? c.tokens_used : 0,
      touched_keys: Array.isArray(c.touched_keys) ? c.touched_keys.filter((k): k is string => typeof k === 'string') : [],
    };
  }
  const report = isObject(v.report) ? v.report : {};
  return {
    status: v.status as DebugBugJson['status'],
    errors: Array.isArray(v.errors) ? (v.errors as DebugBugJson['errors']) : [],
    candidate,
    applied_commit: typeof v.applied_commit === 'string' ? v.applied_commit : null,
    report: {
      rating: (['green', 'amber', 'red'].includes(String(report.rating)) ? report.rating : 'red') as DebugBugJson['report']['rating'],
      root_cause: typeof report.root_cause === 'string' ? report.root_cause : '',
    },
  };
}

/** The output of `rustgate affected --json`: the packages a change affects, optionally split into shards. */
export interface AffectedJson {
  ok: boolean;
  all: boolean;
  packages: string[];
  shards: string[][];
  changed_files: number;
  unowned_files: string[];
}

/** Parses and checks `affected --json` output. */
export function parseAffectedJson(stdout: string): AffectedJson {
  const v = parseObject(stdout, 'affected');
  const names = (x: unknown): x is string[] => Array.isArray(x) && x.every((n) => typeof n === 'string');
  expect(typeof v.ok === 'boolean', 'affected', '"ok" must be a boolean');
  expect(typeof v.all === 'boolean', 'affected', '"all" must be a boolean');
  expect(names(v.packages), 'affected', '"packages" must be an array of package names');
  expect(Array.isArray(v.shards) && v.shards.every(names), 'affected', '"shards" must be an array of arrays of package names');
  return {
    ok: v.ok,
    all: v.all,
    packages: v.packages,
    shards: v.shards as string[][],
    changed_files: typeof v.changed_files === 'number' ? v.changed_files : 0,
    unowned_files: names(v.unowned_files) ? v.unowned_files : [],
  };
}

/** True when the candidate passed PreFlight (and tests, when they ran). */
export function candidatePassed(c: CandidateJson | null): c is CandidateJson {
  return c !== null && (c.validation_status === 'Cargo_OK' || c.validation_status === 'Tests_OK');
}

/** The KPI fields of `stats --json` the job summary shows (docs/contract.md `rustgate stats`). */
export interface StatsJson {
  runs: number;
  fixes: number;
  proposed: number;
  first_apply_correctness: number | null;
  rollback_rate: number | null;
  zero_llm_rate: number | null;
  validation_accuracy: number | null;
  tokens_per_fix: { p50: number | null; p95: number | null };
  time_to_safe_fix_ms: { p50: number | null; p95: number | null };
  patterns: Array<{ id: string; tried: number; validated: number; applied: number; reverted: number }>;
}

/** Parses `rustgate stats --json`; fields the contract has but the output lacks read as 0 / null / empty. */
export function parseStatsJson(stdout: string): StatsJson {
  const v = parseObject(stdout, 'stats');
  const num = (x: unknown): number => (typeof x === 'number' && Number.isFinite(x) ? x : 0);
  const rate = (x: unknown): number | null => (typeof x === 'number' && Number.isFinite(x) ? x : null);
  const pct = (x: unknown): { p50: number | null; p95: number | null } => (isObject(x) ? { p50: rate(x.p50), p95: rate(x.p95) } : { p50: null, p95: null });
  expect(Array.isArray(v.patterns) || v.patterns === undefined, 'stats', '"patterns" must be an array');
  const patterns = (Array.isArray(v.patterns) ? v.patterns : []).filter(isObject).map((p) => ({
    id: typeof p.id === 'string' ? p.id : '?',
    tried: num(p.tried),
    validated: num(p.validated),
    applied: num(p.applied),
    reverted: num(p.reverted),
  }));
  return {
    runs: num(v.runs),
    fixes: num(v.fixes),
    proposed: num(v.proposed),
    first_apply_correctness: rate(v.first_apply_correctness),
    rollback_rate: rate(v.rollback_rate),
    zero_llm_rate: rate(v.zero_llm_rate),
    validation_accuracy: rate(v.validation_accuracy),
    tokens_per_fix: pct(v.tokens_per_fix),
    time_to_safe_fix_ms: pct(v.time_to_safe_fix_ms),
    patterns,
  };
}

function parseObject(stdout: string, command: string): Record<string, unknown> {
  let v: unknown;
  try {
    v = JSON.parse(stdout);
  } catch {
    throw new ContractError(`rustgate ${command} did not print JSON (first bytes: ${JSON.stringify(stdout.slice(0, 120))})`);
  }
  expect(isObject(v), command, 'the output must be a JSON object');
  return v as Record<string, unknown>;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function expect(cond: boolean, command: string, what: string): asserts cond {
  if (!cond) throw new ContractError(`rustgate ${command} printed JSON that breaks the contract: ${what}`);
}
