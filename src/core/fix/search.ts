/**
 * The iterative fix search. Each round takes the current errors, asks every source for candidates, validates
 * them (bounded in number and time) and accepts the best one that is progress per compilation unit (it fixes an
 * error it targets and adds none to units that were checked before; see progress.ts), whatever else remains
 * broken. Late sources (the model) are asked only in a round where nothing deterministic made progress. It stops
 * when no error is left or nothing helps. Pure given the injected validator and reader:
 * it never touches files, the applier does that after the whole result validated.
 */
import type { Diagnostic } from '../diagnostics/types.js';
import type { GraphQuery } from '../isg/query.js';
import { applyEditsToFiles, changedLineCount, editsBetween } from './apply.js';
import { confidence, isClean, isProgress, rankCandidates, type EvaluatedCandidate, type FixValidationStatus, type PatternHistory, type ValidationResult } from './rank.js';
import { APPLICABILITY_RANK, editsKey, insertsStub } from './rustc-candidates.js';
import type { ScopeVerdict } from './scope.js';
import type { Applicability } from '../diagnostics/types.js';
import type { Candidate, CandidateSource, FileEdit, FixContext } from './types.js';
import { addedDiagnostics, diagnosticSignature, unitOf, unitProgress } from './progress.js';

/** Checks a whole set of files (workspace-relative path → text); only the files that differ need writing. */
export type Validator = (files: Map<string, string>) => Promise<ValidationResult>;

/** Inputs of one search. */
export interface SearchOptions {
  /** Original content of the files the diagnostics point at (more are loaded through `readFile` on demand). */
  files: ReadonlyMap<string, string>;
  /** The validation of the original files (its errors are what we fix). */
  initial: ValidationResult;
  sources: readonly CandidateSource[];
  /**
   * Sources asked only in a round where no candidate of `sources` made progress (the model: last and small). A
   * late source that throws, refuses or exceeds `lateTimeoutMs` costs only its candidates: a warning, no failure.
   */
  lateSources?: readonly CandidateSource[];
  /** Time limit of one late-source call (default: none). */
  lateTimeoutMs?: number;
  /** Public-interface and test/panic checks of a validated candidate: reasons it is at most amber (see core/fix/safety). */
  review?: (candidate: Candidate, before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>, targets: readonly Diagnostic[]) => Promise<string[]>;
  validate: Validator;
  /** Loads a workspace file a candidate edits but `files` lacks; undefined when it does not exist. */
  readFile?: (file: string) => Promise<string | undefined>;
  /** The safety gate, called on every candidate before validation (with the files it would edit). */
  gate?: (candidate: Candidate, files: ReadonlyMap<string, string>) => ScopeVerdict;
  graph?: GraphQuery;
  history?: ReadonlyMap<string, PatternHistory>;
  /** Looks up a pattern's history on demand (e.g. the learning log), once per pattern id; merged into `history`. */
  historyOf?: (patternId: string) => Promise<PatternHistory | undefined>;
  maxRounds?: number;
  maxCandidatesPerRound?: number;
  /** Sidesteps explored when no candidate makes progress (default 2; 0 disables the lookahead). */
  lookahead?: number;
  timeBudgetMs?: number;
  now?: () => number;
}

/** One round of the search, for the report. */
export interface SearchRound {
  errorsBefore: number;
  /** `revealed`: errors that appeared in units the previous check had not reached (newly visible, not new). */
  tried: { id: string; errorsAfter: number; newErrors: number; status: FixValidationStatus; revealed?: number }[];
  rejected: { id: string; reasons: string[] }[];
  accepted: string | null;
  /** True when the late sources (the model) were asked in this round. */
  askedLate?: boolean;
}

/** What the search found. */
export interface SearchResult {
  /** `fixed`: no error left; `partial`: fewer errors; `no_progress`: nothing helped; `nothing_to_fix`: no error to begin with. */
  outcome: 'fixed' | 'partial' | 'no_progress' | 'nothing_to_fix';
  /** The final content of every file read (original where unchanged). */
  files: Map<string, string>;
  /** The original content of every file read. */
  original: Map<string, string>;
  /** All accepted steps as one candidate against the original files; null when nothing was accepted. */
  candidate: Candidate | null;
  /** The accepted step of each round. */
  steps: EvaluatedCandidate[];
  /** The validation of the final files. */
  final: ValidationResult;
  confidence: number;
  rounds: SearchRound[];
  validations: number;
  timedOut: boolean;
  /** Errors seen during the search (the initial ones and those revealed later) that the accepted steps removed. */
  fixedErrors: Diagnostic[];
  /** Late sources that failed, refused or timed out (each cost only its candidates). */
  warnings: string[];
  /** Why the result is at most amber (the accepted steps' review reasons), empty when none. */
  amber: string[];
}

/** A diagnostic's identity across edits (spans move, code and message stay). */
export { diagnosticSignature };

/** How many of `after` are not matched by one of `before` (multiset difference by signature, per unit). */
export function countNew(before: readonly Diagnostic[], after: readonly Diagnostic[]): number {
  return addedDiagnostics(before, after).length;
}

/** 1-based line of a byte offset in `text`. */
export function lineOfByte(text: string, byteOffset: number): number {
  const bytes = new TextEncoder().encode(text);
  let line = 1;
  for (let i = 0; i < byteOffset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** ISG keys of the innermost items the edits fall in (sorted, unique); empty without a graph. */
export async function touchedKeysOf(edits: readonly FileEdit[], files: ReadonlyMap<string, string>, graph?: GraphQuery): Promise<string[]> {
  if (!graph) return [];
  const keys = new Set<string>();
  for (const e of edits) {
    const text = files.get(e.file);
    if (text === undefined) continue;
    const node = await graph.nodeAt(e.file, lineOfByte(text, e.byteStart));
    if (node) keys.add(node.key);
  }
  return Array.from(keys).sort();
}

function priorOf(c: Candidate): number {
  // Patterns rank like MaybeIncorrect suggestions by default: specific, but still only a prior.
  const label: Applicability = c.applicability ?? (c.origin === 'pattern' ? 'MaybeIncorrect' : 'Unspecified');
  return APPLICABILITY_RANK[label];
}

interface Pooled {
  candidate: Candidate;
  origins: Set<string>;
}

/** A late source's call, bounded in time; a failure becomes a warning and no candidates. */
async function guarded(name: string, call: () => Promise<Candidate[]>, warnings: string[], timeoutMs?: number): Promise<Candidate[]> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const limit = timeoutMs === undefined ? null : new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${String(timeoutMs)} ms`)), timeoutMs);
    });
    return await (limit ? Promise.race([call(), limit]) : call());
  } catch (e) {
    const msg = `${name}: ${e instanceof Error ? e.message : String(e)}`;
    if (!warnings.includes(msg)) warnings.push(msg);
    return [];
  } finally {
    if (timer) clearTimeout(timer);
  }
}

/** Collects candidates from every source for every error, merged by identical edits (agreement). */
async function collect(ctx: FixContext, sources: readonly CandidateSource[], late?: { warnings: string[]; timeoutMs?: number }): Promise<Pooled[]> {
  const pool = new Map<string, Pooled>();
  const add = (c: Candidate, source: string): void => {
    if (c.edits.length === 0) return;
    const k = editsKey(c.edits);
    const have = pool.get(k);
    if (!have) {
      pool.set(k, { candidate: c, origins: new Set([source]) });
      return;
    }
    have.origins.add(source);
    // Credit a pattern over a raw suggestion when both propose the same edit.
    if (have.candidate.origin !== 'pattern' && c.origin === 'pattern') have.candidate = { ...c, applicability: have.candidate.applicability ?? c.applicability };
  };
  const ask = (source: CandidateSource, call: () => Promise<Candidate[]>): Promise<Candidate[]> =>
    late ? guarded(source.name, call, late.warnings, late.timeoutMs) : call();
  for (const source of sources) {
    for (let i = 0; i < ctx.diagnostics.length; i++) {
      if (ctx.diagnostics[i]?.level !== 'error') continue;
      for (const c of await ask(source, () => source.propose(i, ctx))) add(c, source.name);
    }
    const combined = source.proposeCombined?.bind(source);
    if (combined) for (const c of await ask(source, () => combined(ctx))) add(c, source.name);
  }
  const list = Array.from(pool.values());
  list.sort((a, b) => {
    const pa = priorOf(a.candidate);
    const pb = priorOf(b.candidate);
    if (pa !== pb) return pa - pb;
    if (a.origins.size !== b.origins.size) return b.origins.size - a.origins.size;
    if (a.candidate.targets.length !== b.candidate.targets.length) return b.candidate.targets.length - a.candidate.targets.length;
    return Math.min(...a.candidate.targets) - Math.min(...b.candidate.targets);
  });
  return list;
}

function combinedCandidate(steps: readonly EvaluatedCandidate[], edits: FileEdit[], touchedKeys: string[]): Candidate | null {
  if (steps.length === 0 || edits.length === 0) return null;
  const first = steps[0] as EvaluatedCandidate;
  if (steps.length === 1) return { ...first.candidate, edits, touchedKeys };
  const patterns = Array.from(new Set(steps.map((s) => s.candidate.patternId ?? s.candidate.origin)));
  const worst = steps.reduce<Applicability>((w, s) => {
    const a = s.candidate.applicability ?? 'Unspecified';
    return APPLICABILITY_RANK[a] > APPLICABILITY_RANK[w] ? a : w;
  }, 'MachineApplicable');
  return {
    id: steps.map((s) => s.candidate.id).join('+'),
    origin: steps.some((s) => s.candidate.origin === 'llm') ? 'llm' : steps.some((s) => s.candidate.origin === 'pattern') ? 'pattern' : 'rustc',
    patternId: patterns.length === 1 ? (patterns[0] as string) : patterns.join('+'),
    description: steps.map((s) => s.candidate.description).join('; '),
    edits,
    touchedKeys,
    targets: Array.from(new Set(steps.flatMap((s) => s.candidate.targets))).sort((a, b) => a - b),
    applicability: worst,
    tokensUsed: steps.reduce((n, s) => n + (s.candidate.tokensUsed ?? 0), 0),
  };
}

/** Runs the search; see the module comment. */
export async function searchFix(opts: SearchOptions): Promise<SearchResult> {
  const now = opts.now ?? Date.now;
  const started = now();
  const maxRounds = opts.maxRounds ?? 4;
  const cap = opts.maxCandidatesPerRound ?? 12;
  const budget = opts.timeBudgetMs ?? 120_000;
  const lookahead = opts.lookahead ?? 2;
  const history = new Map(opts.history ?? []);
  const asked = new Set<string>();
  const original = new Map(opts.files);
  let current = new Map(opts.files);
  let state: ValidationResult = opts.initial;
  const steps: EvaluatedCandidate[] = [];
  const rounds: SearchRound[] = [];
  const warnings: string[] = [];
  // Every error seen in an accepted state: the initial ones, then the ones each step revealed.
  const seen: Diagnostic[] = [...opts.initial.errors];
  let validations = 0;
  let timedOut = false;

  const ensureFiles = async (c: Candidate): Promise<boolean> => {
    for (const e of c.edits) {
      if (current.has(e.file)) continue;
      const text = opts.readFile ? await opts.readFile(e.file) : undefined;
      if (text === undefined) return false;
      current.set(e.file, text);
      original.set(e.file, text);
    }
    return true;
  };

  const done = (): SearchResult => ({ outcome: 'nothing_to_fix', files: current, original, candidate: null, steps, final: state, confidence: 0, rounds, validations, timedOut, fixedErrors: [], warnings, amber: [] });
  if (state.errors.length === 0 && state.status !== 'Failed') return done();

  /** Validates one candidate on top of `files` (state `st`), measuring progress per unit. */
  const evaluate = async (c: Candidate, agreement: number, files: Map<string, string>, st: ValidationResult, round: SearchRound): Promise<EvaluatedCandidate | null> => {
    const applied = applyEditsToFiles(files, c.edits);
    if (!applied.ok) {
      round.rejected.push({ id: c.id, reasons: [applied.reason] });
      return null;
    }
    const v = await opts.validate(applied.files);
    validations++;
    const changed = Array.from(new Set(c.edits.map((e) => e.file))).reduce((n, f) => n + changedLineCount(files.get(f) ?? '', applied.files.get(f) ?? ''), 0);
    const p = unitProgress(st, v, c.targets);
    const checkedBefore = st.checkedUnits ? new Set([...st.checkedUnits, ...st.errors.map(unitOf), '']) : null;
    const e: EvaluatedCandidate = {
      candidate: c,
      validation: v,
      errorsBefore: st.errors.length,
      newErrors: p.added.length,
      newWarnings: addedDiagnostics(st.warnings, v.warnings).filter((w) => !checkedBefore || checkedBefore.has(unitOf(w))).length,
      changedLines: changed,
      agreement,
      stub: insertsStub(c.edits),
      fixedTargets: p.fixed.length,
      revealed: p.revealed.length,
    };
    if (opts.review && isProgress(e)) {
      const targets = c.targets.map((t) => st.errors[t]).filter((d): d is Diagnostic => d !== undefined);
      const reasons = await opts.review(c, files, applied.files, targets);
      if (reasons.length > 0) e.amber = reasons;
    }
    round.tried.push({ id: c.id, errorsAfter: v.errors.length, newErrors: e.newErrors, status: v.status, ...(e.revealed ? { revealed: e.revealed } : {}) });
    return e;
  };

  /** Validates up to `limit` candidates of `sources` for the errors of `st` on top of `files`. */
  const evaluateSources = async (sources: readonly CandidateSource[], late: boolean, files: Map<string, string>, st: ValidationResult, limit: number, round: SearchRound): Promise<EvaluatedCandidate[]> => {
    const ctx: FixContext = { diagnostics: st.errors, files, ...(opts.graph ? { graph: opts.graph } : {}) };
    const pooled = await collect(ctx, sources, late ? { warnings, ...(opts.lateTimeoutMs !== undefined ? { timeoutMs: opts.lateTimeoutMs } : {}) } : undefined);
    if (opts.historyOf) {
      for (const p of pooled) {
        const id = p.candidate.patternId;
        if (id === null || asked.has(id) || history.has(id)) continue;
        asked.add(id);
        const h = await opts.historyOf(id);
        if (h) history.set(id, h);
      }
    }
    const evaluated: EvaluatedCandidate[] = [];
    for (const p of pooled) {
      if (evaluated.length >= limit) break;
      if (now() - started > budget) {
        timedOut = true;
        break;
      }
      const c = p.candidate;
      if (!(await ensureFiles(c))) {
        round.rejected.push({ id: c.id, reasons: ['edits a file that does not exist'] });
        continue;
      }
      for (const [f, t] of current) if (!files.has(f)) files.set(f, t);
      if (opts.gate) {
        const verdict = opts.gate(c, files);
        if (!verdict.ok) {
          round.rejected.push({ id: c.id, reasons: verdict.reasons });
          continue;
        }
      }
      const e = await evaluate(c, p.origins.size, files, st, round);
      if (e) evaluated.push(e);
    }
    return evaluated;
  };

  /** One round: deterministic sources first; late sources (the model) only when none of theirs made progress. */
  const evaluateRound = async (files: Map<string, string>, st: ValidationResult, limit: number): Promise<{ evaluated: EvaluatedCandidate[]; round: SearchRound }> => {
    const round: SearchRound = { errorsBefore: st.errors.length, tried: [], rejected: [], accepted: null };
    rounds.push(round);
    const evaluated = await evaluateSources(opts.sources, false, files, st, limit, round);
    if (opts.lateSources && opts.lateSources.length > 0 && !evaluated.some(isProgress) && !timedOut) {
      round.askedLate = true;
      evaluated.push(...(await evaluateSources(opts.lateSources, true, files, st, limit, round)));
    }
    return { evaluated, round };
  };

  /** Unions the best progressing candidate of each distinct target (non-overlapping edits) and validates it. */
  const mergeProgress = async (ranked: readonly EvaluatedCandidate[], files: Map<string, string>, st: ValidationResult, round: SearchRound): Promise<EvaluatedCandidate | null> => {
    const picks: EvaluatedCandidate[] = [];
    const edits: FileEdit[] = [];
    for (const e of ranked) {
      if (!isProgress(e) || isClean(e) || e.newErrors > 0 || (e.amber?.length ?? 0) > 0) continue;
      if (picks.some((p) => p.candidate.targets.some((t) => e.candidate.targets.includes(t)))) continue;
      if (e.candidate.edits.some((x) => edits.some((y) => x.file === y.file && x.byteStart < y.byteEnd && y.byteStart < x.byteEnd))) continue;
      picks.push(e);
      edits.push(...e.candidate.edits);
    }
    if (picks.length < 2 || now() - started > budget) return null;
    const parts = picks.map((p) => p.candidate);
    const patterns = Array.from(new Set(parts.map((c) => c.patternId ?? c.origin)));
    const candidate: Candidate = {
      id: `merge(${parts.map((c) => c.id).join(',')})`,
      origin: parts.some((c) => c.origin === 'llm') ? 'llm' : parts.some((c) => c.origin === 'pattern') ? 'pattern' : 'rustc',
      patternId: patterns.join('+'),
      description: parts.map((c) => c.description).join('; '),
      edits,
      touchedKeys: [],
      targets: parts.flatMap((c) => c.targets),
      applicability: parts.reduce<Applicability>((w, c) => {
        const a = c.applicability ?? 'Unspecified';
        return APPLICABILITY_RANK[a] > APPLICABILITY_RANK[w] ? a : w;
      }, 'MachineApplicable'),
      tokensUsed: parts.reduce((n, c) => n + (c.tokensUsed ?? 0), 0),
    };
    const e = await evaluate(candidate, Math.min(...picks.map((p) => p.agreement)), files, st, round);
    if (e) e.stub = picks.some((p) => p.stub);
    return e;
  };

  const accept = (e: EvaluatedCandidate, round: SearchRound): boolean => {
    const applied = applyEditsToFiles(current, e.candidate.edits);
    if (!applied.ok) return false; // cannot happen: it applied a moment ago
    round.accepted = e.candidate.id;
    steps.push(e);
    seen.push(...addedDiagnostics(state.errors, e.validation.errors));
    current = applied.files;
    state = e.validation;
    return true;
  };

  for (let r = 0; r < maxRounds && state.errors.length > 0 && !timedOut; r++) {
    const { evaluated, round } = await evaluateRound(current, state, cap);
    let ranked = rankCandidates(evaluated, history);
    // Several candidates each fixing a different error: try them together once (saves a round per error).
    const merged = await mergeProgress(ranked, current, state, round);
    if (merged) ranked = rankCandidates([...evaluated, merged], history);
    const best = ranked[0];
    if (best && isProgress(best)) {
      if (!accept(best, round)) break;
      continue;
    }
    // Lookahead: fixing an error can uncover one of a later compiler phase (a missing `use` fixed, then type
    // inference fails), so the count stays the same. Try one more round from the best such sidesteps; accept
    // the pair only if it ends with strictly fewer errors than now and the second step adds none.
    const sidesteps = ranked
      // Compiler errors only: a candidate that compiles but fails tests is wrong, not a step towards a fix.
      .filter((e) => (e.amber?.length ?? 0) === 0 && e.validation.errors.length <= state.errors.length && e.validation.errors.some((d) => d.source !== 'test') && countNew(e.validation.errors, state.errors) > 0)
      .slice(0, lookahead);
    let found = false;
    for (const side of sidesteps) {
      if (r + 1 >= maxRounds || timedOut) break;
      const applied = applyEditsToFiles(current, side.candidate.edits);
      if (!applied.ok) continue;
      const next = await evaluateRound(applied.files, side.validation, Math.max(2, Math.floor(cap / 2)));
      const second = rankCandidates(next.evaluated, history).find((e) => isProgress(e) && e.validation.errors.length < state.errors.length);
      if (!second) continue;
      // A sidestep makes no progress on its own, so evaluation did not review it: review it now, or a panic path
      // it adds (a `try_into().unwrap()` whose E0308 became an E0599 until the second step imported the trait)
      // would be applied unrated.
      if (opts.review && side.amber === undefined) {
        const targets = side.candidate.targets.map((t) => state.errors[t]).filter((d): d is Diagnostic => d !== undefined);
        const reasons = await opts.review(side.candidate, current, applied.files, targets);
        if (reasons.length > 0) side.amber = reasons;
      }
      accept(side, round);
      accept(second, next.round);
      r++;
      found = true;
      break;
    }
    if (!found) break;
  }

  const edits = editsBetween(original, current);
  const keys = await touchedKeysOf(edits, original, opts.graph);
  const candidate = combinedCandidate(steps, edits, keys);
  const clean = steps.length > 0 && isClean(steps[steps.length - 1] as EvaluatedCandidate);
  const outcome = clean ? 'fixed' : steps.length > 0 ? 'partial' : 'no_progress';
  const amber = Array.from(new Set(steps.flatMap((s) => s.amber ?? [])));
  const conf = steps.length > 0
    ? confidence({
        // A partial fix compiled nothing yet: rate it as compiled at best, then cap it below green.
        status: clean ? state.status : 'Cargo_OK',
        agreement: Math.min(...steps.map((s) => s.agreement)),
        ...(candidate?.patternId && history?.get(candidate.patternId) ? { history: history.get(candidate.patternId) as PatternHistory } : {}),
        ...(candidate?.applicability ? { applicability: candidate.applicability } : {}),
        newWarnings: countNew(opts.initial.warnings, state.warnings),
        stub: steps.some((s) => s.stub),
        rounds: steps.length,
      })
    : 0;
  // Amber reasons and partial fixes never reach green (0.75): they are shown, not applied automatically.
  const capped = !clean || amber.length > 0 ? Math.min(conf, 0.7) : conf;
  const fixedErrors = addedDiagnostics(state.errors, seen);
  return { outcome, files: current, original, candidate, steps, final: state, confidence: capped, rounds, validations, timedOut, fixedErrors, warnings, amber };
}
