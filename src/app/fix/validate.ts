/**
 * Stage 4 of the fix pipeline, validation: the iterative search (core/fix/search) over the candidate sources,
 * each candidate checked in the private copy, gated to the plan, and reviewed against the public interface the
 * ISG parser sees (a candidate that narrows a public API, edits a test or adds a panic path is at most amber).
 */
import type { Diagnostic } from '../../core/diagnostics/types.js';
import { git } from '../../adapters/git/run.js';
import { applyEdits } from '../../core/fix/apply.js';
import { revertsUserChange } from '../../core/patterns/intent.js';
import { introducedFindings } from '../../core/patterns/antipatterns.js';
import type { Pattern } from '../../core/patterns/model.js';
import { loadPatterns } from '../../adapters/patterns/load.js';
import { panicFindings, publicApiFindings, testEditFindings } from '../../core/fix/safety.js';
import { checkCandidateScope, isWorkspaceFile } from '../../core/fix/scope.js';
import { unitOf } from '../../core/fix/progress.js';
import { lineOfByte, searchFix, type SearchResult, type Validator } from '../../core/fix/search.js';
import type { Candidate, CandidateSource, FixContext } from '../../core/fix/types.js';
import type { FileFacts } from '../../core/isg/facts.js';
import type { IsgStore } from '../../store/types.js';
import type { ValidationTree } from '../fix-validate.js';
import { createIsgLookup } from '../isg-lookup.js';
import type { CandidateSources } from './candidates.js';
import type { Retrieval } from './retrieve.js';
import { filesOf, keyAt, type FixScope } from './scope.js';

/** Limits of one search. */
export interface SearchLimits {
  maxRounds?: number;
  maxCandidatesPerRound?: number;
  timeBudgetMs?: number;
  /** Time limit of one model question (default 120 s). */
  modelTimeoutMs?: number;
}

/** Parses Rust files with the project's parser (once per distinct text). */
function factsCache(): (text: string) => Promise<FileFacts> {
  const cache = new Map<string, FileFacts>();
  return async (text) => {
    const have = cache.get(text);
    if (have) return have;
    const { parseRustSourceSafe } = await import('../../adapters/rust-parser/parse.js');
    const facts = parseRustSourceSafe(text);
    cache.set(text, facts);
    return facts;
  };
}

/**
 * The review of a progressing candidate: public-API narrowing, test edits, new panic paths, and constructs a fix must
 * never introduce (the library's `never_introduce` anti-patterns: `unsafe`, `transmute`, lint allows …), whatever
 * the candidate's origin (reasons; [] = none).
 */
export function reviewer(patterns: readonly Pattern[] = loadPatterns()): (c: Candidate, before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>, targets: readonly Diagnostic[]) => Promise<string[]> {
  const parse = factsCache();
  return async (c, before, after, targets) => {
    const files = Array.from(new Set(c.edits.map((e) => e.file))).filter((f) => f.endsWith('.rs')).sort();
    const reasons: string[] = [];
    for (const f of files) {
      const a = before.get(f);
      const b = after.get(f);
      if (a === undefined || b === undefined) continue;
      const fa = await parse(a);
      const fb = await parse(b);
      if (fa.parseError !== undefined || fb.parseError !== undefined) continue;
      reasons.push(...publicApiFindings(f, fa, fb, targets));
      reasons.push(...testEditFindings(f, a, fa, c.edits, targets));
    }
    reasons.push(...panicFindings(before, after, files));
    for (const f of files) {
      const a = before.get(f);
      const b = after.get(f);
      if (a === undefined || b === undefined) continue;
      for (const hit of introducedFindings(a, b, f, patterns)) reasons.push(`introduces ${hit.patternId} in ${f}:${hit.line} (${hit.title})`);
    }
    return reasons;
  };
}

/** Runs the validated search for the scope's errors. */
export async function searchValidated(input: { repo: string; scope: FixScope; retrieval: Retrieval; candidates: CandidateSources; tree: ValidationTree; store: IsgStore | null; limits: SearchLimits }): Promise<SearchResult> {
  const { repo, scope, retrieval, candidates, tree, store, limits } = input;
  const planned = retrieval.planned;
  // Errors that become visible in units a failing dependency had blocked join the plan (their files and ISG keys):
  // the compiler points at them, and the next round must be allowed to fix them there.
  const reachedAtStart = new Set([...(scope.initial.checkedUnits ?? []), ...scope.errors.map(unitOf)]);
  const validate: Validator = async (files) => {
    const v = await tree.validate(files);
    if (scope.initial.checkedUnits) {
      for (const d of v.errors) {
        if (reachedAtStart.has(unitOf(d)) || !d.primary) continue;
        for (const f of filesOf(d)) planned.files.add(f);
        const key = await keyAt(store, d.primary.file, d.primary.lineStart);
        if (key) planned.keys.add(key);
      }
    }
    return v;
  };
  return searchFix({
    files: scope.files,
    initial: scope.initial,
    sources: withIsgLookup(candidates.sources, repo, store, planned.files, scope.read),
    lateSources: candidates.late,
    lateTimeoutMs: limits.modelTimeoutMs ?? 120_000,
    review: reviewer(),
    validate,
    readFile: async (f) => (planned.files.has(f) ? scope.read(f) : undefined),
    gate: (c, current) => checkCandidateScope(c, { plannedFiles: planned.files, plannedKeys: planned.keys, repoRoot: repo, files: current }),
    ...(store ? { graph: store } : {}),
    ...(store ? { historyOf: (id: string) => store.learning.patternStats(id).catch(() => undefined) } : {}),
    ...(limits.maxRounds !== undefined ? { maxRounds: limits.maxRounds } : {}),
    ...(limits.maxCandidatesPerRound !== undefined ? { maxCandidatesPerRound: limits.maxCandidatesPerRound } : {}),
    ...(limits.timeBudgetMs !== undefined ? { timeBudgetMs: limits.timeBudgetMs } : {}),
  });
}

/**
 * Gives every source the ISG lookup (cross-file patterns find the definition an error points to; a file the graph
 * names as a definition joins the plan: it is what the error points at, like rustc's own secondary spans) and marks
 * each candidate that undoes the user's own uncommitted change (relative to HEAD) as `revertsUserChange`.
 */
function withIsgLookup(sources: readonly CandidateSource[], repo: string, store: IsgStore | null, plannedFiles: Set<string>, read: (f: string) => Promise<string | undefined>): CandidateSource[] {
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
      // `HEAD:./f` is relative to the workspace (plain `HEAD:f` would be relative to the repository top).
      h = git(repo, ['show', `HEAD:./${f}`]).then((r) => (r.exitCode === 0 ? r.stdout : undefined));
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
