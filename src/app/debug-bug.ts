/**
 * `rustgate debug-bug`: the fix pipeline as a list of stages (src/app/fix/): scope seeds → retrieval → candidate
 * sources → validated search → present → apply. Nothing the user owns is written before the apply stage, and that
 * only with --apply (or a confirmation) for a clean, non-amber fix.
 */
import os from 'node:os';
import { RustgateError } from '../core/errors.js';
import type { CandidateSource } from '../core/fix/types.js';
import type { ModelOutcome } from '../adapters/llm/model-source.js';
import type { IsgStore } from '../store/types.js';
import { prepareValidationTree, sha256 } from './fix-validate.js';
import { applyValidatedFix } from './fix/apply.js';
import { candidateSources } from './fix/candidates.js';
import { notApplicable, present, record } from './fix/present.js';
import type { DebugBugReport } from './fix/report.js';
import { retrieve } from './fix/retrieve.js';
import { scopeSeeds } from './fix/scope.js';
import { searchValidated } from './fix/validate.js';
import { contentKey, loadFix, saveFix, type CachedFix } from './fix/cache.js';
import type { ValidationTree } from './fix-validate.js';
import type { SearchResult } from '../core/fix/search.js';
import { acquireLock } from './lock.js';
import { checkLlmAllowed, resolveResourceMode, type ResourcePlan } from './resource-modes.js';

export type { DebugBugErrorRow, DebugBugReport } from './fix/report.js';
export { loadPatternSources } from './fix/candidates.js';

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
  /** Opens the model source instead of app/models (tests: a scripted reasoner). */
  openModel?: (onOutcome: (o: ModelOutcome) => void) => Promise<{ source: CandidateSource; close: () => Promise<void> } | null>;
  /** Time limit of one model question (default 120 s); past it the model's candidate is dropped with a warning. */
  modelTimeoutMs?: number;
}

const KNOWN_LLM = new Set(['none', 'local', 'openai']);

// The workspace root through the one discovery (from a subdirectory or a member crate too).
async function repoRootOf(dir: string): Promise<string> {
  const { openWorkspace } = await import('./preflight.js');
  return (await openWorkspace(dir)).workspace;
}

/** Runs the pipeline once and returns the report (and, with --apply, the commit). */
export async function runDebugBug(opts: DebugBugOptions): Promise<DebugBugReport> {
  const started = Date.now();
  const llm = opts.llm ?? 'none';
  if (!KNOWN_LLM.has(llm)) throw new RustgateError('BAD_FLAG', `unknown --llm mode: ${llm}`, 'Use --llm none, local or openai.');
  if (opts.investigate && opts.apply) throw new RustgateError('BAD_FLAG', '--investigate never applies a fix', 'Drop --apply, or drop --investigate to apply.');
  const repo = await repoRootOf(opts.repo);
  const env = opts.env ?? process.env;
  const [{ openConfig }, { fixSettings }] = await Promise.all([import('../config/open.js'), import('../config/fix.js')]);
  const settings = fixSettings(await openConfig(repo));
  const totalMemBytes = opts.totalMemBytes ?? os.totalmem();
  const resources = resolveResourceMode(opts.mode, settings.mode, env, totalMemBytes);
  checkLlmAllowed(resources, llm, env);
  const tau = opts.antiPatternTau ?? settings.antiPatternTau;
  const lock = await acquireLock(repo, { command: 'debug-bug' });
  try {
    return await debugBugLocked(repo, opts, started, { resources, tau, totalMemBytes, featureSets: settings.validateFeatures });
  } finally {
    lock.release();
  }
}

async function debugBugLocked(
  repo: string,
  opts: DebugBugOptions,
  started: number,
  run: { resources: ResourcePlan; tau: number; totalMemBytes: number; featureSets: string[][] },
): Promise<DebugBugReport> {
  const store = opts.store ?? null;
  // A fix that is applied must also pass the impacted tests, so --apply always validates with them.
  const withTests = Boolean(opts.tests) || Boolean(opts.apply);
  const tree = await prepareValidationTree({ repoRoot: repo, tests: opts.test ?? (withTests ? '' : null), featureSets: run.featureSets });
  const wantsApply = Boolean(opts.apply) && !opts.investigate;
  // Nothing changed since a validated proposal (e.g. the one a blocked pre-commit printed): apply that very result.
  const key = await contentKey(repo, tree.files);
  const cached = wantsApply && opts.test == null ? await loadFix(repo, key) : null;
  if (cached && cached.refusal === null && (await passesNow(cached, tree))) return applyCached(repo, cached, tree, started);
  const scope = await scopeSeeds(tree, store);
  const retrieval = await retrieve(scope, { store, capPerHop: run.resources.retrievalCapPerHop, tau: run.tau, readWorktree: (f) => tree.readWorktree(f) });
  const candidates = candidateSources(opts.sources ?? [], {
    llm: opts.llm ?? 'none',
    ...(opts.model !== undefined ? { model: opts.model } : {}),
    ...(opts.fallbackModel !== undefined ? { fallbackModel: opts.fallbackModel } : {}),
    ...(opts.env !== undefined ? { env: opts.env } : {}),
    totalMemBytes: run.totalMemBytes,
    resources: run.resources,
    ...(opts.openModel ? { open: opts.openModel } : {}),
  });
  const nothing = scope.errors.length === 0 && scope.initial.status !== 'Failed';
  let result: SearchResult | null = null;
  try {
    if (!nothing) {
      result = await searchValidated({
        repo,
        scope,
        retrieval,
        candidates,
        tree,
        store,
        limits: {
          ...(opts.maxRounds !== undefined ? { maxRounds: opts.maxRounds } : {}),
          ...(opts.maxCandidatesPerRound !== undefined ? { maxCandidatesPerRound: opts.maxCandidatesPerRound } : {}),
          ...(opts.timeBudgetMs !== undefined ? { timeBudgetMs: opts.timeBudgetMs } : {}),
          ...(opts.modelTimeoutMs !== undefined ? { modelTimeoutMs: opts.modelTimeoutMs } : {}),
        },
      });
    }
  } finally {
    await candidates.close();
  }
  if (result) for (const [f, t] of result.original) if (!scope.hashes.has(f)) scope.hashes.set(f, sha256(Buffer.from(t, 'utf8')));
  const report = await present({ scope, retrieval, candidates, result, store, resourceMode: run.resources.mode, started });
  if (nothing) return report;

  if (result && report.status === 'proposed') {
    const changed = Array.from(result.files.keys()).filter((f) => result.original.get(f) !== result.files.get(f)).sort();
    await saveFix(repo, { version: 1, key, files: changed.map((f) => ({ path: f, before: result.original.get(f) ?? '', after: result.files.get(f) ?? '' })), refusal: notApplicable(result), report });
  }
  let apply = wantsApply;
  if (!opts.apply && !opts.investigate && opts.confirm && report.candidate) apply = await opts.confirm(report);
  const refusal = notApplicable(result);
  if (apply && refusal === null && result?.candidate) {
    const cand = result.candidate;
    const codes = Array.from(new Set(scope.errors.map((d) => d.code ?? 'error'))).join(', ');
    const msg = `rustgate: fix ${codes} (pattern ${cand.patternId ?? 'none'}, confidence ${result.confidence.toFixed(2)})\n\n${cand.description}\n\nValidation: ${result.final.status}; candidate ${cand.id}.`;
    let sha: string;
    try {
      ({ commit: sha } = await applyValidatedFix({ repo, before: result.original, after: result.files, hashes: scope.hashes, validate: tree.validate, message: msg }));
    } catch (e) {
      // The applier restored the user's bytes: a rollback, which `rustgate stats` counts.
      await record(store, { ...report, ms: Date.now() - started }, scope.errors, result, 'apply_rolled_back');
      throw e;
    }
    report.status = 'fixed';
    report.applied_commit = sha;
    if (store) for (const k of cand.touchedKeys) await store.codeGraph.flipFutureToCurrent(k, sha).catch(() => undefined);
  } else if (apply || wantsApply) {
    report.not_applied_reason = refusal ?? 'not applied';
  }
  report.ms = Date.now() - started;
  await record(store, report, scope.errors, result);
  return report;
}

/**
 * Whether a cached proposal meets this run's validation: one validated without tests (a `debug-bug` proposal or the
 * gate's) is validated with them first, and a proposal that fails them is not reused (the search runs instead).
 */
async function passesNow(cached: CachedFix, tree: ValidationTree): Promise<boolean> {
  if (cached.report.candidate?.validation_status === 'Tests_OK') return true;
  const v = await tree.validate(new Map(cached.files.map((f) => [f.path, f.after])));
  return v.status !== 'Failed' && v.errors.length === 0;
}

/** Applies a cached validated proposal (the workspace is byte-identical to what it was validated on). */
async function applyCached(repo: string, cached: CachedFix, tree: ValidationTree, started: number): Promise<DebugBugReport> {
  const before = new Map(cached.files.map((f) => [f.path, f.before]));
  const after = new Map(cached.files.map((f) => [f.path, f.after]));
  const hashes = new Map(cached.files.map((f) => [f.path, sha256(Buffer.from(f.before, 'utf8'))]));
  const r = cached.report;
  const codes = Array.from(new Set(r.errors.map((e) => e.code ?? 'error'))).join(', ');
  const c = r.candidate;
  const msg = `rustgate: fix ${codes} (pattern ${c?.pattern_id ?? 'none'}, confidence ${(c?.confidence ?? 0).toFixed(2)})\n\n${c?.description ?? ''}\n\nValidation: ${c?.validation_status ?? 'Cargo_OK'}; reused the validated proposal.`;
  const { commit } = await applyValidatedFix({ repo, before, after, hashes, validate: tree.validate, message: msg });
  return { ...r, status: 'fixed', applied_commit: commit, reused_validated_fix: true, ms: Date.now() - started };
}
