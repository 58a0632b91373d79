/**
 * `rustgate debug-bug`: read the working tree's errors (plan) → search for a validated fix in a private copy
 * → optionally apply it (write, re-check, one commit; restore the exact previous bytes on any failure).
 */
import { stat, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import type { Diagnostic } from '../core/diagnostics/types.js';
import { RustgateError } from '../core/errors.js';
import { unifiedDiff } from '../core/fix/diff.js';
import { itemCode } from '../core/fix/future.js';
import { rating, type FixValidationStatus, type Rating } from '../core/fix/rank.js';
import { rustcSource } from '../core/fix/rustc-candidates.js';
import { checkCandidateScope, isWorkspaceFile } from '../core/fix/scope.js';
import { lineOfByte, searchFix, type SearchResult } from '../core/fix/search.js';
import type { Candidate, CandidateSource, FileEdit, FixContext } from '../core/fix/types.js';
import { applyEdits } from '../core/fix/apply.js';
import { revertsUserChange } from '../core/patterns/intent.js';
import type { ModelOutcome } from '../adapters/llm/model-source.js';
import type { IsgStore } from '../store/types.js';
import { prepareValidationTree, sha256, type ValidationTree } from './fix-validate.js';
import { createIsgLookup } from './isg-lookup.js';
import { acquireLock } from './lock.js';
import { checkLlmAllowed, resolveResourceMode, STANDARD_RETRIEVAL_CAP, type ResourcePlan } from './resource-modes.js';

/** Inputs of one debug-bug run. */
export interface DebugBugOptions {
  repo: string;
  investigate?: boolean;
  apply?: boolean;
  llm?: string;
  /** `--model`: a GGUF path or manifest id (local), or the server's model name (openai). */
  model?: string;
  /** Validate against this test (a cargo test filter) as well as the compiler. */
  test?: string | null;
  /** Run the impacted tests after a clean check (Tests_OK); implied by `apply`. */
  tests?: boolean;
  /** Candidate sources besides rustc's suggestions (the pattern library, later a model). */
  sources?: CandidateSource[];
  /** The store, when the ISG has been built: keys, CodeGraph rows, learning log. */
  store?: IsgStore | null;
  /** Asked before writing when neither --apply nor --investigate was given; absent means never write. */
  confirm?: (report: DebugBugReport) => Promise<boolean>;
  maxRounds?: number;
  maxCandidatesPerRound?: number;
  timeBudgetMs?: number;
  /** `--mode standard|low-mem|offline`; wins over `fix.mode` in rustgate.yaml. */
  mode?: string;
  /** `--fallback-model PATH|ID`: the larger model asked once per diagnostic when the first answer is unsure. */
  fallbackModel?: string;
  /** τ of the vector anti-pattern detector; default `fix.anti_pattern_tau` in rustgate.yaml (0.2). */
  antiPatternTau?: number;
  /** Environment (RUSTGATE_OFFLINE, RUSTGATE_OPENAI_BASE_URL, models dir); default process.env. */
  env?: NodeJS.ProcessEnv;
  /** Machine memory for the resource plan; default os.totalmem(). */
  totalMemBytes?: number;
}

/** The `--json` object of CONTRACT.md, plus a few extra fields. */
export interface DebugBugReport {
  status: 'fixed' | 'proposed' | 'no_safe_fix' | 'nothing_to_fix';
  errors: { code: string | null; file: string | null; line: number | null; isg_key: string | null }[];
  candidate: {
    pattern_id: string | null;
    diff: string;
    confidence: number;
    validation_status: FixValidationStatus;
    zero_llm: boolean;
    tokens_used: number;
    touched_keys: string[];
    description: string;
    touched_files: string[];
  } | null;
  applied_commit: string | null;
  report: {
    rating: Rating;
    root_cause: string;
    /** Anti-pattern findings in the files of the errors, and guidance for errors whose fix is a design decision. */
    anti_patterns: { pattern_id: string; severity: string; file: string; line: number; message: string; source?: 'vector'; isg_key?: string; distance?: number }[];
  };
  /** Each search round: the candidates validated (errors left after each), the ones the gate rejected, the one accepted. */
  rounds: { errors_before: number; tried: { id: string; errors_after: number; status: FixValidationStatus }[]; rejected: number; accepted: string | null }[];
  validations: number;
  /** With --llm local|openai: how often the model was asked, its token use, and why its proposals were refused. */
  llm?: {
    mode: string;
    asked: number;
    tokens_used: number;
    rejected: string[];
    /** Every model answer in order: which model (primary, or the larger fallback after an unsure answer), its confidence, why refused. */
    attempts: { diagnostic: number; attempt: 'primary' | 'fallback'; reasoner: string; confidence: number; rejected: string | null }[];
    /** Diagnostics for which the fallback model was asked. */
    escalations: number;
  };
  /** The resource mode, when it is not `standard` (see src/app/resource-modes.ts). */
  resource_mode?: 'low-mem' | 'offline';
  ms: number;
}

const KNOWN_LLM = new Set(['none', 'local', 'openai']);

/** Anti-pattern detectors over the error files plus guidance for errors whose fix is an API decision (A4). */
async function antiPatternFindings(errors: readonly Diagnostic[], files: ReadonlyMap<string, string>): Promise<DebugBugReport['report']['anti_patterns']> {
  const { loadPatterns } = await import('../adapters/patterns/load.js');
  const { detectAntiPatterns, guidanceFor } = await import('../core/patterns/antipatterns.js');
  const patterns = loadPatterns();
  const found = [...guidanceFor(errors, patterns), ...Array.from(files).flatMap(([file, text]) => detectAntiPatterns(text, file, patterns))];
  return found.map((f) => ({ pattern_id: f.patternId, severity: f.severity, file: f.file, line: f.line, message: f.message }));
}

/** Vector anti-pattern findings (A4) among the planned keys: nodes whose code is within τ of an exemplar. */
async function vectorAntiPatternFindings(
  store: IsgStore,
  keys: ReadonlySet<string>,
  tau: number,
  readText: (file: string) => Promise<string | undefined>,
): Promise<DebugBugReport['report']['anti_patterns']> {
  const { flagAntiPatternNodes } = await import('../core/vectors/antipattern-vectors.js');
  const exemplars = await antiPatternExemplars();
  const nodes: { key: string; code: string; file: string; line: number }[] = [];
  for (const key of Array.from(keys).sort()) {
    const n = await store.getNode(key).catch(() => undefined);
    if (!n?.file || n.kind === 'crate' || n.kind === 'feature' || n.kind === 'mod') continue;
    const text = await readText(n.file);
    if (text === undefined) continue;
    const code = text.split('\n').slice(n.span.startLine - 1, n.span.endLine).join('\n');
    nodes.push({ key, code, file: n.file, line: n.span.startLine });
  }
  const byKey = new Map(nodes.map((n) => [n.key, n]));
  const titles = new Map(exemplars.map((e) => [e.patternId, e.title]));
  return flagAntiPatternNodes(nodes, exemplars, { tau }).map((h) => ({
    pattern_id: h.patternId,
    severity: h.severity,
    file: byKey.get(h.key)?.file ?? '',
    line: byKey.get(h.key)?.line ?? 0,
    message: `${h.key} looks like the "${titles.get(h.patternId) ?? h.patternId}" anti-pattern (vector distance ${h.distance} < τ ${tau})`,
    source: 'vector' as const,
    isg_key: h.key,
    distance: h.distance,
  }));
}

/** The anti-pattern exemplars, embedded once per process. */
let exemplarsOnce: Promise<import('../core/vectors/antipattern-vectors.js').AntiPatternExemplar[]> | undefined;
function antiPatternExemplars(): Promise<import('../core/vectors/antipattern-vectors.js').AntiPatternExemplar[]> {
  exemplarsOnce ??= (async () => {
    const { loadPatterns } = await import('../adapters/patterns/load.js');
    const { embedAntiPatternExemplars } = await import('../core/vectors/antipattern-vectors.js');
    return embedAntiPatternExemplars(loadPatterns());
  })();
  return exemplarsOnce;
}

/** Opens the model-backed candidate source for `--llm local|openai` (lazily: the model stack loads only when asked). */
async function openLlmSource(
  llm: string,
  model: string | undefined,
  onOutcome: (o: ModelOutcome) => void,
  resources: ResourcePlan,
  opts: { fallbackModel?: string; env?: NodeJS.ProcessEnv; totalMemBytes: number },
): Promise<{ source: CandidateSource; close: () => Promise<void> } | null> {
  if (llm === 'none') return null;
  const { openModelSource } = await import('./models.js');
  return openModelSource(llm as 'local' | 'openai', {
    ...(model !== undefined ? { model } : {}),
    ...(opts.env !== undefined ? { env: opts.env } : {}),
    offline: resources.offline,
    totalMemBytes: Math.min(resources.reasonerMemBytes, opts.totalMemBytes),
    ...(resources.modelThreads !== undefined ? { threads: resources.modelThreads } : {}),
    ...(resources.contextSize !== undefined ? { contextSize: resources.contextSize } : {}),
    ...(opts.fallbackModel !== undefined ? { fallbackModel: opts.fallbackModel } : {}),
    escalateFromManifest: resources.escalateFromManifest,
    source: { onOutcome },
  });
}

async function repoRootOf(dir: string): Promise<string> {
  const abs = path.resolve(dir);
  const st = await stat(abs).catch(() => null);
  if (!st?.isDirectory()) throw new RustgateError('NOT_A_DIRECTORY', `${abs} is not a directory`, 'Pass an existing directory with --repo DIR.');
  const r = await execa('git', ['rev-parse', '--show-toplevel'], { cwd: abs, reject: false });
  if (r.exitCode !== 0) throw new RustgateError('NOT_A_GIT_REPO', `${abs} is not inside a git repository`, 'Run `git init` there or pass --repo DIR of a git repository.');
  const cargo = await stat(path.join(abs, 'Cargo.toml')).catch(() => null);
  if (!cargo?.isFile()) throw new RustgateError('NO_CARGO_TOML', `no Cargo.toml in ${abs}`, 'Pass the Cargo workspace root with --repo DIR.');
  return abs;
}

/** Workspace files a diagnostic points at (primary, other spans and its suggestions). */
function filesOf(d: Diagnostic): string[] {
  const fs = new Set<string>();
  for (const s of d.spans) fs.add(s.file);
  if (d.primary) fs.add(d.primary.file);
  for (const s of d.suggestions) for (const e of s.edits) fs.add(e.span.file);
  return Array.from(fs).filter(isWorkspaceFile);
}

function describeError(d: Diagnostic, key: string | null): string {
  const where = d.primary ? `${d.primary.file}:${d.primary.lineStart}` : 'the workspace';
  return `${d.code ?? 'error'} at ${where}${key ? ` (${key})` : ''}: ${d.message}`;
}

function rootCause(errors: readonly Diagnostic[], keys: (string | null)[], result: SearchResult | null): string {
  const first = errors[0];
  if (!first) return 'no compile errors';
  const head = describeError(first, keys[0] ?? null) + (errors.length > 1 ? ` (+${errors.length - 1} more)` : '');
  if (!result || !result.candidate || result.outcome !== 'fixed') {
    const tried = result ? result.rounds.reduce((n, r) => n + r.tried.length, 0) : 0;
    return `${head}; no candidate validated (${tried} tried)`;
  }
  return `${head}; fix: ${result.candidate.description}`;
}

async function keyAt(store: IsgStore | null | undefined, file: string | null, line: number | null): Promise<string | null> {
  if (!store || file === null || line === null) return null;
  try {
    return (await store.nodeAt(file, line))?.key ?? null;
  } catch {
    return null;
  }
}

/** Files and keys the plan allows: everything the errors point at, plus the two-hop neighbourhood of their keys. */
async function plan(errors: readonly Diagnostic[], keys: (string | null)[], store: IsgStore | null | undefined, capPerHop = STANDARD_RETRIEVAL_CAP): Promise<{ files: Set<string>; keys: Set<string> }> {
  const files = new Set(errors.flatMap(filesOf));
  const planned = new Set<string>();
  if (store) {
    for (const k of keys) {
      if (!k) continue;
      planned.add(k);
      try {
        for (const h of await store.twoHop(k, ['CALLS', 'IMPLEMENTS', 'USES', 'DEPENDS', 'REQUIRES_BOUND'], capPerHop, 'both')) {
          planned.add(h.key);
          const n = await store.getNode(h.key);
          if (n?.file) files.add(n.file);
        }
      } catch {
        // a stale or partial graph narrows the plan; it never widens it
      }
    }
  }
  return { files, keys: planned };
}

/** Writes `after` over the user's files, re-checks the written bytes, commits once; restores `before` on any failure. */
async function applyAndCommit(
  repo: string,
  before: ReadonlyMap<string, string>,
  after: ReadonlyMap<string, string>,
  hashes: ReadonlyMap<string, string>,
  tree: ValidationTree,
  message: string,
): Promise<string> {
  const files = Array.from(after.keys()).filter((f) => before.get(f) !== after.get(f)).sort();
  const previous = new Map<string, Buffer>();
  for (const f of files) {
    const bytes = await readFile(path.join(repo, f));
    if (sha256(bytes) !== hashes.get(f)) {
      throw new RustgateError('WORKTREE_CHANGED', `${f} changed since it was checked`, 'Run `rustgate debug-bug` again on the current working tree.');
    }
    previous.set(f, bytes);
  }
  let interrupted = false;
  const onSigint = (): void => {
    interrupted = true;
  };
  // While the user's files differ from their previous bytes, a signal only sets a flag: the applier restores and exits.
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  for (const sig of signals) process.on(sig, onSigint);
  const guard = (): void => {
    if (interrupted) throw new RustgateError('INTERRUPTED', 'interrupted while applying the fix; files restored', 'Nothing was changed; run the command again.');
  };
  let written = false;
  try {
    for (const f of files) await writeFile(path.join(repo, f), after.get(f) ?? '');
    written = true;
    // Test hooks, read only here: fail, or pause (so a test can deliver SIGINT), right after the write.
    const pause = Number(process.env.RUSTGATE_TEST_PAUSE_AFTER_WRITE_MS ?? 0);
    for (let waited = 0; waited < pause && !interrupted; waited += 50) await new Promise((r) => setTimeout(r, 50));
    guard();
    if (process.env.RUSTGATE_TEST_FAIL_AFTER_WRITE === '1') throw new Error('injected failure after write (RUSTGATE_TEST_FAIL_AFTER_WRITE=1)');
    // Re-check exactly the bytes now on disk.
    const onDisk = new Map<string, string>();
    for (const f of files) onDisk.set(f, (await readFile(path.join(repo, f))).toString('utf8'));
    const recheck = await tree.validate(onDisk);
    if (recheck.errors.length > 0 || recheck.status === 'Failed') throw new Error(`re-check of the written files failed: ${recheck.errors[0]?.message ?? recheck.status}`);
    guard();
    const commit = await execa('git', ['commit', '--quiet', '--only', '-m', message, '--', ...files], { cwd: repo, reject: false });
    if (commit.exitCode !== 0) throw new Error(`git commit failed: ${commit.stderr.trim() || commit.stdout.trim()}`);
    const sha = await execa('git', ['rev-parse', 'HEAD'], { cwd: repo, reject: false });
    return sha.stdout.trim();
  } catch (e) {
    if (written || previous.size > 0) for (const [f, bytes] of previous) await writeFile(path.join(repo, f), bytes);
    throw e;
  } finally {
    for (const sig of signals) process.off(sig, onSigint);
  }
}

/** The bundled pattern library (patterns/*.yaml) as a candidate source; a pattern's confidence becomes the prior. */
export async function loadPatternSources(): Promise<CandidateSource[]> {
  const { loadPatterns } = await import('../adapters/patterns/load.js');
  const { createPatternSource, patternConfidence } = await import('../core/patterns/source.js');
  const patterns = loadPatterns();
  const source = createPatternSource(patterns);
  const prior = { high: 'MachineApplicable', medium: 'MaybeIncorrect', low: 'HasPlaceholders' } as const;
  return [
    {
      name: source.name,
      propose: async (i, ctx) =>
        (await source.propose(i, ctx)).map((c) => ({ ...c, applicability: c.applicability ?? prior[patternConfidence(patterns, c.patternId) ?? 'medium'] })),
    },
  ];
}

/** Runs the pipeline once and returns the report (and, with --apply, the commit). */
export async function runDebugBug(opts: DebugBugOptions): Promise<DebugBugReport> {
  const started = Date.now();
  const llm = opts.llm ?? 'none';
  if (!KNOWN_LLM.has(llm)) throw new RustgateError('BAD_FLAG', `unknown --llm mode: ${llm}`, 'Use --llm none, local or openai.');
  if (opts.investigate && opts.apply) throw new RustgateError('BAD_FLAG', '--investigate never applies a fix', 'Drop --apply, or drop --investigate to apply.');
  const repo = await repoRootOf(opts.repo);
  const env = opts.env ?? process.env;
  const { loadConfig, fixSettings } = await import('../config/index.js');
  const settings = fixSettings(loadConfig(repo));
  const totalMemBytes = opts.totalMemBytes ?? os.totalmem();
  const resources = resolveResourceMode(opts.mode, settings.mode, env, totalMemBytes);
  checkLlmAllowed(resources, llm, env);
  const tau = opts.antiPatternTau ?? settings.antiPatternTau;
  const lock = await acquireLock(repo, { command: 'debug-bug' });
  try {
    return await debugBugLocked(repo, opts, started, { resources, tau, totalMemBytes });
  } finally {
    lock.release();
  }
}

async function debugBugLocked(
  repo: string,
  opts: DebugBugOptions,
  started: number,
  run: { resources: ResourcePlan; tau: number; totalMemBytes: number },
): Promise<DebugBugReport> {
  const store = opts.store ?? null;
  // A fix that is applied must also pass the impacted tests, so --apply always validates with them.
  const withTests = Boolean(opts.tests) || Boolean(opts.apply);
  const tree = await prepareValidationTree({ repoRoot: repo, tests: opts.test ?? (withTests ? '' : null) });
  const initial = await tree.validate(new Map());
  const errors = initial.errors;
  const errorKeys = await Promise.all(errors.map((d) => keyAt(store, d.primary?.file ?? null, d.primary?.lineStart ?? null)));
  const errorRows = errors.map((d, i) => ({ code: d.code, file: d.primary?.file ?? null, line: d.primary?.lineStart ?? null, isg_key: errorKeys[i] ?? null }));
  const findings: DebugBugReport['report']['anti_patterns'] = [];
  const llmLog: NonNullable<DebugBugReport['llm']> = { mode: opts.llm ?? 'none', asked: 0, tokens_used: 0, rejected: [], attempts: [], escalations: 0 };
  const base = (status: DebugBugReport['status'], result: SearchResult | null): DebugBugReport => ({
    status,
    errors: errorRows,
    candidate: null,
    applied_commit: null,
    report: { rating: status === 'nothing_to_fix' ? 'green' : 'red', root_cause: rootCause(errors, errorKeys, result), anti_patterns: findings },
    rounds: (result?.rounds ?? []).map((r) => ({
      errors_before: r.errorsBefore,
      tried: r.tried.map((t) => ({ id: t.id, errors_after: t.errorsAfter, status: t.status })),
      rejected: r.rejected.length,
      accepted: r.accepted,
    })),
    validations: result?.validations ?? 0,
    ...(llmLog.mode !== 'none' ? { llm: llmLog } : {}),
    ...(run.resources.mode !== 'standard' ? { resource_mode: run.resources.mode } : {}),
    ms: Date.now() - started,
  });
  if (errors.length === 0 && initial.status !== 'Failed') return base('nothing_to_fix', null);

  // Read the files the errors point at, and remember their hashes for the applier.
  const files = new Map<string, string>();
  const hashes = new Map<string, string>();
  const read = async (f: string): Promise<string | undefined> => {
    const text = await tree.readWorktree(f);
    if (text !== undefined) {
      files.set(f, text);
      hashes.set(f, sha256(Buffer.from(text, 'utf8')));
    }
    return text;
  };
  for (const f of new Set(errors.flatMap(filesOf))) await read(f);
  findings.push(...(await antiPatternFindings(errors, files)));
  const planned = await plan(errors, errorKeys, store, run.resources.retrievalCapPerHop);
  if (store) {
    // Best effort: a vector finding is advice, and a failure here must not cost the fix.
    const readText = async (f: string): Promise<string | undefined> => files.get(f) ?? (await tree.readWorktree(f).catch(() => undefined));
    findings.push(...(await vectorAntiPatternFindings(store, planned.keys, run.tau, readText).catch(() => [])));
  }
  // The model comes last (LLM late and small): deterministic sources are asked first in every round.
  let tokensUsed = 0;
  const model = await openLlmSource(
    llmLog.mode,
    opts.model,
    (o) => {
      tokensUsed += o.tokensUsed;
      llmLog.asked += 1;
      llmLog.tokens_used = tokensUsed;
      if (o.rejected !== null) llmLog.rejected.push(o.rejected);
      const attempt = o.attempt ?? 'primary';
      if (attempt === 'fallback') llmLog.escalations += 1;
      llmLog.attempts.push({ diagnostic: o.diagnosticIndex, attempt, reasoner: o.reasoner ?? llmLog.mode, confidence: o.confidence ?? 0, rejected: o.rejected });
    },
    run.resources,
    { ...(opts.fallbackModel !== undefined ? { fallbackModel: opts.fallbackModel } : {}), ...(opts.env !== undefined ? { env: opts.env } : {}), totalMemBytes: run.totalMemBytes },
  );
  let result: SearchResult;
  try {
    result = await searchFix({
      files,
      initial,
      sources: withFixContext([rustcSource(), ...(opts.sources ?? []), ...(model ? [model.source] : [])], repo, store, planned.files, read),
      validate: tree.validate,
      readFile: async (f) => (planned.files.has(f) ? read(f) : undefined),
      gate: (c, current) => checkCandidateScope(c, { plannedFiles: planned.files, plannedKeys: planned.keys, repoRoot: repo, files: current }),
      ...(store ? { graph: store } : {}),
      ...(store ? { historyOf: (id: string) => store.learning.patternStats(id).catch(() => undefined) } : {}),
      ...(opts.maxRounds !== undefined ? { maxRounds: opts.maxRounds } : {}),
      ...(opts.maxCandidatesPerRound !== undefined ? { maxCandidatesPerRound: opts.maxCandidatesPerRound } : {}),
      ...(opts.timeBudgetMs !== undefined ? { timeBudgetMs: opts.timeBudgetMs } : {}),
    });
  } finally {
    await model?.close();
  }
  for (const [f, t] of result.original) if (!hashes.has(f)) hashes.set(f, sha256(Buffer.from(t, 'utf8')));

  const cand = result.candidate;
  if (result.outcome !== 'fixed' || !cand) {
    const report = base('no_safe_fix', result);
    await record(store, report, errors, result, null);
    return report;
  }
  const diff = unifiedDiff(result.original, result.files);
  const status = result.final.status;
  const stub = result.steps.some((s) => s.stub);
  // A fix that undoes the user's own change is a labelled alternative: proposed, never applied automatically.
  const reverts = result.steps.some((s) => s.candidate.revertsUserChange === true);
  const report: DebugBugReport = {
    ...base('proposed', result),
    candidate: {
      pattern_id: cand.patternId,
      diff,
      confidence: result.confidence,
      validation_status: status,
      zero_llm: result.steps.every((s) => s.candidate.origin !== 'llm'),
      tokens_used: tokensUsed,
      touched_keys: cand.touchedKeys,
      description: cand.description,
      touched_files: Array.from(new Set(cand.edits.map((e) => e.file))).sort(),
    },
    report: {
      rating: rating(result.confidence, status),
      root_cause:
        rootCause(errors, errorKeys, result) +
        (stub ? ' (inserts a todo!() stub: review before applying)' : '') +
        (reverts ? ' (undoes your own uncommitted change: an alternative, review before applying)' : ''),
      anti_patterns: findings,
    },
  };
  await recordFuture(store, result, cand.edits, status, diff);

  let apply = Boolean(opts.apply) && !opts.investigate;
  if (!opts.apply && !opts.investigate && opts.confirm) apply = await opts.confirm(report);
  // A stub compiles but is not a fix: it is proposed, never applied automatically.
  if (apply && !stub && !reverts) {
    const codes = Array.from(new Set(errors.map((d) => d.code ?? 'error'))).join(', ');
    const msg = `rustgate: fix ${codes} (pattern ${cand.patternId ?? 'none'}, confidence ${result.confidence.toFixed(2)})\n\n${cand.description}\n\nValidation: ${status}; candidate ${cand.id}.`;
    let sha: string;
    try {
      sha = await applyAndCommit(repo, result.original, result.files, hashes, tree, msg);
    } catch (e) {
      // The applier restored the user's bytes: a rollback, which `rustgate stats` counts.
      await record(store, { ...report, ms: Date.now() - started }, errors, result, cand.patternId, 'apply_rolled_back');
      throw e;
    }
    report.status = 'fixed';
    report.applied_commit = sha;
    if (store) {
      for (const k of cand.touchedKeys) await store.codeGraph.flipFutureToCurrent(k, sha).catch(() => undefined);
    }
  }
  report.ms = Date.now() - started;
  await record(store, report, errors, result, cand.patternId);
  return report;
}

/** CodeGraph: one Future_Code row per touched key, with the candidate diff and its validation status. */
async function recordFuture(store: IsgStore | null, result: SearchResult, edits: readonly FileEdit[], status: FixValidationStatus, diff: string): Promise<void> {
  if (!store || !result.candidate) return;
  const diffId = sha256(diff).slice(0, 16);
  for (const key of result.candidate.touchedKeys) {
    try {
      const node = await store.getNode(key);
      if (!node) continue;
      const before = result.original.get(node.file);
      const after = result.files.get(node.file);
      if (before === undefined || after === undefined) continue;
      const code = itemCode(before, after, node.span, edits.filter((e) => e.file === node.file));
      await store.codeGraph.setCurrent(key, code.current);
      await store.codeGraph.setFuture(key, code.future, 'Edit');
      await store.codeGraph.markFutureFid(key, sha256(code.future).slice(0, 16));
      await store.codeGraph.attachCandidateDiff(key, diffId);
      await store.codeGraph.setValidationStatus(key, status);
    } catch {
      // recording is best effort; the fix itself does not depend on it
    }
  }
}

/** The learning log: one row per run. */
async function record(store: IsgStore | null, report: DebugBugReport, errors: readonly Diagnostic[], result: SearchResult | null, patternId: string | null, status: string = report.status): Promise<void> {
  if (!store) return;
  try {
    await store.learning.record({
      id: `debug-bug-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
      startedAt: new Date(Date.now() - report.ms).toISOString(),
      command: 'debug-bug',
      errorCodes: Array.from(new Set(errors.map((d) => d.code ?? ''))).filter((c) => c !== ''),
      patternId,
      candidates: result ? result.rounds.reduce((n, r) => n + r.tried.length, 0) : 0,
      accepted: report.status === 'fixed',
      confidence: report.candidate?.confidence ?? null,
      status,
      commit: report.applied_commit,
      // zero_llm, tokens_used and ms feed `rustgate stats` (src/app/stats.ts).
      detail: { rounds: report.rounds, rating: report.report.rating, zero_llm: report.candidate?.zero_llm ?? null, tokens_used: report.candidate?.tokens_used ?? 0, ms: report.ms },
    });
    await store.flush();
  } catch {
    // best effort
  }
}

/**
 * Gives every source the ISG lookup (cross-file patterns find the definition an error points to; a file the graph
 * names as a definition joins the plan: it is what the error points at, like rustc's own secondary spans) and marks
 * each candidate that undoes the user's own uncommitted change (relative to HEAD) as `revertsUserChange`.
 */
function withFixContext(sources: CandidateSource[], repo: string, store: IsgStore | null, plannedFiles: Set<string>, read: (f: string) => Promise<string | undefined>): CandidateSource[] {
  const lookup = store
    ? createIsgLookup(repo, store, async (f) => {
        if (!isWorkspaceFile(f)) return undefined;
        plannedFiles.add(f);
        return read(f);
      })
    : undefined;
  const heads = new Map<string, Promise<string | undefined>>();
  const headOf = (f: string): Promise<string | undefined> => {
    let h = heads.get(f);
    if (!h) {
      h = execa('git', ['show', `HEAD:${f}`], { cwd: repo, reject: false, stripFinalNewline: false }).then((r) => (r.exitCode === 0 ? r.stdout : undefined));
      heads.set(f, h);
    }
    return h;
  };
  const annotate = async (cands: Candidate[], ctx: FixContext): Promise<Candidate[]> => {
    for (const c of cands) {
      for (const f of new Set(c.edits.map((e) => e.file))) {
        const current = ctx.files.get(f);
        const head = current === undefined || !isWorkspaceFile(f) ? undefined : await headOf(f);
        if (current === undefined || head === undefined) continue;
        const mine = c.edits.filter((e) => e.file === f);
        const after = applyEdits(current, mine);
        if (!after.ok) continue;
        if (revertsUserChange(head, current, after.text, mine.map((e) => lineOfByte(current, e.byteStart)))) {
          c.revertsUserChange = true;
          c.description = `undo your change in ${f}: ${c.description}`;
        }
      }
    }
    return cands;
  };
  const withCtx = (ctx: FixContext): FixContext => (lookup ? { ...ctx, lookup } : ctx);
  return sources.map((s) => ({
    ...s,
    propose: async (i, ctx) => annotate(await s.propose(i, withCtx(ctx)), ctx),
    ...(s.proposeCombined ? { proposeCombined: async (ctx: FixContext) => annotate(await (s.proposeCombined as NonNullable<typeof s.proposeCombined>)(withCtx(ctx)), ctx) } : {}),
  }));
}
