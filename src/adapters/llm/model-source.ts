/**
 * The model as a CandidateSource for the fix engine (origin `llm`): packs the error's ISG neighbourhood, asks the
 * Reasoner for anchored edits, and turns them into byte edits only when every quote matches exactly once inside a
 * planned key. A garbage answer yields no candidate; the validated pipeline decides about the rest.
 */
import type { Diagnostic } from '../../core/diagnostics/types.js';
import { anchoredEditsToFileEdits, sliceLines, type CodeSlice } from '../../core/context/anchored-edits.js';
import { describeHits, detectAntiPatterns, introducedAntiPatterns } from '../../core/context/anti-patterns.js';
import { packContext, type ContextBundle, type CountTokens, type PackInput, type PackSlice } from '../../core/context/pack.js';
import type { Candidate, CandidateSource, FixContext } from '../../core/fix/types.js';
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
}

/** Tuning for the model source. */
export interface ModelSourceOptions {
  /** Graph neighbours per hop offered to the packer (default 8). */
  neighborCap?: number;
  /** Lines either side of the error when there is no ISG node (default 15). */
  windowLines?: number;
  /** Extra bundle parts (anti-pattern hits, pattern examples, constraints) for a diagnostic. */
  extras?: (d: Diagnostic, ctx: FixContext) => Promise<Partial<Pick<PackInput, 'constraints' | 'antiPatterns' | 'patternExamples'>>>;
  onOutcome?: (o: ModelOutcome) => void;
}

const SKIP_KINDS = new Set(['crate', 'feature', 'mod']);
const NO_SILENCING = 'Fix the cause: no unsafe code, transmute, #[allow(...)], todo!() or Box::leak to make the error go away.';

/** Creates the `llm` CandidateSource. */
export function createModelSource(reasoner: Reasoner, packer: Packer, opts: ModelSourceOptions = {}): CandidateSource {
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
          neighbors.push({ key: n.key, ...ns });
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
      const found = [...slices].flatMap(([key, s]) => describeHits(detectAntiPatterns(s.text), key));
      const bundle = await packer({
        errors: [{ code: d.code, message: d.message, file: primary.file, line: primary.lineStart, key: seeds[0]?.key ?? null }],
        seeds,
        neighbors,
        constraints: [NO_SILENCING, ...(extra.constraints ?? []), ...d.notes.slice(0, 4).map((n) => `rustc: ${n}`)],
        antiPatterns: [...(extra.antiPatterns ?? []), ...found],
        patternExamples: extra.patternExamples ?? [],
      });
      const outcome: ModelOutcome = { diagnosticIndex, plannedKeys: bundle.plannedKeys, bundleTokens: bundle.tokens, tokensUsed: 0, rejected: null, raw: '' };
      if (bundle.plannedKeys.length === 0) {
        opts.onOutcome?.({ ...outcome, rejected: 'no code fits the token budget' });
        return [];
      }
      const proposal = await reasoner.propose(bundle);
      outcome.tokensUsed = proposal.tokensUsed;
      outcome.raw = proposal.raw;
      if (proposal.rejected !== null) {
        opts.onOutcome?.({ ...outcome, rejected: proposal.rejected });
        return [];
      }
      const introduced = introducedAntiPatterns(proposal.edits, slices);
      if (introduced.length > 0) {
        opts.onOutcome?.({ ...outcome, rejected: `the edit introduces an anti-pattern: ${introduced[0]!.id} (${introduced[0]!.message})` });
        return [];
      }
      const plannedFiles = bundle.slices.map((s) => s.file);
      const result = anchoredEditsToFileEdits(proposal.edits, slices, bundle.plannedKeys, plannedFiles);
      if ('rejected' in result) {
        opts.onOutcome?.({ ...outcome, rejected: result.rejected });
        return [];
      }
      opts.onOutcome?.(outcome);
      const touched = [...new Set(proposal.edits.map((e) => e.key))];
      const candidate: ModelCandidate = {
        id: `llm:${diagnosticIndex}:0`,
        origin: 'llm',
        patternId: null,
        description: `model edit of ${touched.join(', ')} (${reasoner.name})`,
        edits: result.edits,
        touchedKeys: touched,
        targets: [diagnosticIndex],
        confidence: proposal.confidence,
        tokensUsed: proposal.tokensUsed,
      };
      return [candidate];
    },
  };
}
