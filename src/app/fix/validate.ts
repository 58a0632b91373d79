/**
 * Stage 4 of the fix pipeline, validation: the iterative search (core/fix/search) over the candidate sources,
 * each candidate checked in the private copy, gated to the plan, and reviewed against the public interface the
 * ISG parser sees (a candidate that narrows a public API, edits a test or adds a panic path is at most amber).
 */
import type { Diagnostic } from '../../core/diagnostics/types.js';
import { panicFindings, publicApiFindings, testEditFindings } from '../../core/fix/safety.js';
import { checkCandidateScope, isWorkspaceFile } from '../../core/fix/scope.js';
import { searchFix, type SearchResult } from '../../core/fix/search.js';
import type { Candidate, CandidateSource, FixContext } from '../../core/fix/types.js';
import type { FileFacts } from '../../core/isg/facts.js';
import type { IsgStore } from '../../store/types.js';
import type { ValidationTree } from '../fix-validate.js';
import { createIsgLookup } from '../isg-lookup.js';
import type { CandidateSources } from './candidates.js';
import type { Retrieval } from './retrieve.js';
import type { FixScope } from './scope.js';

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

/** The review of a progressing candidate: public-API narrowing, test edits, new panic paths (reasons; [] = none). */
export function reviewer(): (c: Candidate, before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>, targets: readonly Diagnostic[]) => Promise<string[]> {
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
      reasons.push(...testEditFindings(f, a, fa, c.edits));
    }
    reasons.push(...panicFindings(before, after, files));
    return reasons;
  };
}

/** Runs the validated search for the scope's errors. */
export async function searchValidated(input: { repo: string; scope: FixScope; retrieval: Retrieval; candidates: CandidateSources; tree: ValidationTree; store: IsgStore | null; limits: SearchLimits }): Promise<SearchResult> {
  const { repo, scope, retrieval, candidates, tree, store, limits } = input;
  const planned = retrieval.planned;
  return searchFix({
    files: scope.files,
    initial: scope.initial,
    sources: withIsgLookup(candidates.sources, repo, store, planned.files, scope.read),
    lateSources: candidates.late,
    lateTimeoutMs: limits.modelTimeoutMs ?? 120_000,
    review: reviewer(),
    validate: tree.validate,
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
 * Gives every source the ISG lookup (cross-file patterns find the definition an error points to). A file the
 * graph names as a definition joins the plan: it is what the error points at, like rustc's own secondary spans.
 */
function withIsgLookup(sources: readonly CandidateSource[], repo: string, store: IsgStore | null, plannedFiles: Set<string>, read: (f: string) => Promise<string | undefined>): CandidateSource[] {
  if (!store) return [...sources];
  const lookup = createIsgLookup(repo, store, async (f) => {
    if (!isWorkspaceFile(f)) return undefined;
    plannedFiles.add(f);
    return read(f);
  });
  return sources.map((s) => ({ ...s, propose: (i, ctx) => s.propose(i, { ...ctx, lookup }), ...(s.proposeCombined ? { proposeCombined: (ctx: FixContext) => (s.proposeCombined as NonNullable<typeof s.proposeCombined>)({ ...ctx, lookup }) } : {}) }));
}
