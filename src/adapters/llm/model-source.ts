/**
 * The model as a CandidateSource for the fix engine (origin `llm`): packs the error's ISG neighbourhood, asks the
 * Reasoner for anchored edits, and turns them into byte edits only when every quote matches exactly once inside a
 * planned key. A garbage answer yields no candidate; the validated pipeline decides about the rest.
 */
import type { Diagnostic } from '../../core/diagnostics/types.js';
import { anchoredEditsToFileEdits, sliceLines, type CodeSlice } from '../../core/context/anchored-edits.js';
import { contextAntiPatterns, describeHits, introducedAntiPatterns } from '../../core/context/anti-patterns.js';
import type { Pattern } from '../../core/patterns/model.js';
import { loadPatterns } from '../patterns/load.js';
import { namedInError, packContext, type ContextBundle, type CountTokens, type PackInput, type PackSlice } from '../../core/context/pack.js';
import type { Candidate, CandidateSource, FixContext } from '../../core/fix/types.js';
import { RustgateError } from '../../core/errors.js';
import { RELS } from '../../core/isg/types.js';
import type { Reasoner } from './reasoner.js';

/** Packs a context bundle (ContextPacker bound to a budget and a token counter). */
export type Packer = (input: PackInput) => Promise<ContextBundle>;

/** A ContextPacker with a fixed budget and counter (the reasoner's tokenizer when it has one). */
export function createPacker(opts: { budget?: number; countTokens?: CountTokens } = {}): Packer {
  return (input) => packContext(input, opts);
}

/** A model candidate, with what the fix report needs beyond Candidate. */
export interface ModelCandidate extends Candidate {
  confidence: number;
  tokensUsed: number;
}

/** What happened for one diagnostic (for reports and the audit log), whether or not a candidate came out. */
export interface ModelOutcome {
  diagnosticIndex: number;
  plannedKeys: string[];
  bundleTokens: number;
  tokensUsed: number;
  rejected: string | null;
  raw: string;
  /** Which model answered: the first (small) one, or the larger fallback after a low-confidence answer. */
  attempt?: 'primary' | 'fallback';
  /** The reasoner's name (`local:<file>`, `openai:<model>`). */
  reasoner?: string;
  /** The proposal's confidence (0 when the answer was refused). */
  confidence?: number;
}

/** Escalation to a larger model when the first answer is unsure (below `threshold`) or unusable. */
export interface EscalationOptions {
  /** Opens the fallback reasoner; called at most once per source (lazily, on the first escalation). */
  open: () => Promise<Reasoner>;
  /** Name for the log before the fallback is open (e.g. `local:<file>`). */
  name?: string;
  /** Confidence below which the fallback is asked (default 0.5). */
  threshold?: number;
  /** Hard limit for opening the fallback and for its answer, each (default 180 s). */
  timeoutMs?: number;
}

/** Default confidence threshold for escalation. */
export const DEFAULT_ESCALATION_THRESHOLD = 0.5;
const DEFAULT_ESCALATION_TIMEOUT_MS = 180_000;

type Attempt = { candidate: ModelCandidate | null; log: Omit<ModelOutcome, 'diagnosticIndex' | 'plannedKeys' | 'bundleTokens'> };

/** Tuning for the model source. */
export interface ModelSourceOptions {
  /** Graph neighbours per hop offered to the packer (default 8). */
  neighborCap?: number;
  /** Lines either side of the error when there is no ISG node (default 15). */
  windowLines?: number;
  /** Extra bundle parts (anti-pattern hits, pattern examples, constraints) for a diagnostic. */
  extras?: (d: Diagnostic, ctx: FixContext) => Promise<Partial<Pick<PackInput, 'constraints' | 'antiPatterns' | 'patternExamples'>>>;
  onOutcome?: (o: ModelOutcome) => void;
  /** Ask a larger model once per diagnostic when the first answer's confidence is below the threshold. */
  escalation?: EscalationOptions;
  /** The pattern library whose `never_introduce` anti-patterns are shown and refused (default: the bundled one). */
  patterns?: readonly Pattern[];
}

const SKIP_KINDS = new Set(['crate', 'feature', 'mod']);
const NO_SILENCING = 'Fix the cause: no unsafe code, transmute, #[allow(...)], todo!() or Box::leak to make the error go away.';

/** Creates the `llm` CandidateSource. */
export function createModelSource(reasoner: Reasoner, packer: Packer, opts: ModelSourceOptions = {}): CandidateSource {
  const escalated = new Set<number>();
  const patterns = opts.patterns ?? loadPatterns();
  let fallbackOpening: Promise<Reasoner> | undefined;
  return {
    name: 'llm',
    async propose(diagnosticIndex: number, ctx: FixContext): Promise<Candidate[]> {
      const d = ctx.diagnostics[diagnosticIndex];
      const primary = d?.primary;
      if (d === undefined || primary == null) return [];
      const text = ctx.files.get(primary.file);
      if (text === undefined) return [];
      const slices = new Map<string, CodeSlice>();
      const seeds: PackSlice[] = [];
      const neighbors: PackSlice[] = [];
      const definitions: PackSlice[] = [];
      const named = namedInError([d.message, ...d.notes]);
      const node = ctx.graph ? await ctx.graph.nodeAt(primary.file, primary.lineStart) : undefined;
      if (node !== undefined && node.file === primary.file) {
        const s = sliceLines(node.file, text, node.span.startLine, node.span.endLine);
        slices.set(node.key, s);
        seeds.push({ key: node.key, ...s });
        const hops = await ctx.graph!.twoHop(node.key, RELS, opts.neighborCap ?? 8, 'both');
        for (const h of hops) {
          if (SKIP_KINDS.has(h.kind) || slices.has(h.key)) continue;
          const n = await ctx.graph!.getNode(h.key);
          const nText = n === undefined ? undefined : ctx.files.get(n.file);
          if (n === undefined || nText === undefined) continue;
          const ns = sliceLines(n.file, nText, n.span.startLine, n.span.endLine);
          slices.set(n.key, ns);
          // The items the error names (its trait, its type) come right after the seed; the rest are neighbours.
          (named.has(n.name.slice(n.name.lastIndexOf(':') + 1)) ? definitions : neighbors).push({ key: n.key, ...ns });
        }
      } else {
        // No ISG node (a loose file): a window around the error stands in for the key.
        const w = opts.windowLines ?? 15;
        const start = Math.max(1, primary.lineStart - w);
        const end = primary.lineEnd + w;
        const s = sliceLines(primary.file, text, start, end);
        const lineCount = s.text.split(/(?<=\n)/).filter((l) => l.length > 0).length;
        const key = `${primary.file}:${start}-${start + Math.max(lineCount, 1) - 1}`;
        slices.set(key, s);
        seeds.push({ key, ...s });
      }
      const extra = opts.extras ? await opts.extras(d, ctx) : {};
      // Anti-patterns already in the code around the error: shown to the model as things not to repeat.
      const found = [...slices].flatMap(([key, s]) => describeHits(contextAntiPatterns(s.text, s.file, patterns), key));
      const bundle = await packer({
        errors: [{ code: d.code, message: d.message, file: primary.file, line: primary.lineStart, key: seeds[0]?.key ?? null }],
        seeds,
        definitions,
        neighbors,
        constraints: [NO_SILENCING, ...(extra.constraints ?? []), ...d.notes.slice(0, 4).map((n) => `rustc: ${n}`)],
        antiPatterns: [...(extra.antiPatterns ?? []), ...found],
        patternExamples: extra.patternExamples ?? [],
      });
      const base = { diagnosticIndex, plannedKeys: bundle.plannedKeys, bundleTokens: bundle.tokens };
      if (bundle.plannedKeys.length === 0) {
        opts.onOutcome?.({ ...base, tokensUsed: 0, rejected: 'no code fits the token budget', raw: '' });
        return [];
      }
      const first = await attempt(reasoner, 'primary', diagnosticIndex, bundle, slices);
      opts.onOutcome?.({ ...base, ...first.log });
      const esc = opts.escalation;
      const threshold = esc?.threshold ?? DEFAULT_ESCALATION_THRESHOLD;
      // A refused answer counts as confidence 0: the small model had nothing usable, so the larger one is asked.
      if (esc === undefined || (first.candidate !== null && first.candidate.confidence >= threshold)) return first.candidate ? [first.candidate] : [];
      // At most once per diagnostic, whatever the search does with this one's candidates.
      if (escalated.has(diagnosticIndex)) return first.candidate ? [first.candidate] : [];
      escalated.add(diagnosticIndex);
      let second: Attempt;
      try {
        const fallback = await withTimeout(openFallback(esc), esc.timeoutMs ?? DEFAULT_ESCALATION_TIMEOUT_MS, 'opening the fallback model');
        second = await withTimeout(attempt(fallback, 'fallback', diagnosticIndex, bundle, slices), esc.timeoutMs ?? DEFAULT_ESCALATION_TIMEOUT_MS, 'the fallback model');
      } catch (e) {
        // A fallback that cannot load or answer in time costs this attempt only; the primary's result stands.
        const reason = `fallback failed: ${(e as Error).message}`;
        opts.onOutcome?.({ ...base, tokensUsed: 0, rejected: reason, raw: '', attempt: 'fallback', reasoner: fallbackName(esc), confidence: 0 });
        return first.candidate ? [first.candidate] : [];
      }
      opts.onOutcome?.({ ...base, ...second.log });
      return [second.candidate, first.candidate].filter((c): c is ModelCandidate => c !== null);
    },
  };

  /** Asks one reasoner and turns its answer into a candidate, or says why not. */
  async function attempt(r: Reasoner, which: 'primary' | 'fallback', diagnosticIndex: number, bundle: ContextBundle, slices: Map<string, CodeSlice>): Promise<Attempt> {
    const proposal = await r.propose(bundle);
    const log = { tokensUsed: proposal.tokensUsed, raw: proposal.raw, attempt: which, reasoner: r.name, confidence: proposal.rejected === null ? proposal.confidence : 0 };
    if (proposal.rejected !== null) return { candidate: null, log: { ...log, rejected: proposal.rejected } };
    const introduced = introducedAntiPatterns(proposal.edits, slices, patterns);
    if (introduced.length > 0) {
      return { candidate: null, log: { ...log, rejected: `the edit introduces an anti-pattern: ${introduced[0]!.id} (${introduced[0]!.message})` } };
    }
    const plannedFiles = bundle.slices.map((s) => s.file);
    const result = anchoredEditsToFileEdits(proposal.edits, slices, bundle.plannedKeys, plannedFiles);
    if ('rejected' in result) return { candidate: null, log: { ...log, rejected: result.rejected } };
    const touched = [...new Set(proposal.edits.map((e) => e.key))];
    const candidate: ModelCandidate = {
      id: `llm:${diagnosticIndex}:${which === 'primary' ? 0 : 1}`,
      origin: 'llm',
      patternId: null,
      description: `model edit of ${touched.join(', ')} (${r.name})`,
      edits: result.edits,
      touchedKeys: touched,
      targets: [diagnosticIndex],
      confidence: proposal.confidence,
      tokensUsed: proposal.tokensUsed,
    };
    return { candidate, log: { ...log, rejected: null } };
  }

  /** The fallback reasoner, opened on first need and shared by later diagnostics. */
  function openFallback(esc: EscalationOptions): Promise<Reasoner> {
    fallbackOpening ??= esc.open();
    return fallbackOpening;
  }
}

/** The fallback's display name before it is open. */
function fallbackName(esc: EscalationOptions): string {
  return esc.name ?? 'fallback';
}

/** Rejects with MODEL_TIMEOUT when `p` takes longer than `ms`. */
function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new RustgateError('MODEL_TIMEOUT', `${what} took longer than ${ms} ms`, 'use a smaller fallback model or drop --fallback-model')), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}
