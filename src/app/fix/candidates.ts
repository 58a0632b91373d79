/**
 * Stage 3 of the fix pipeline, candidate sources: rustc's suggestions and the pattern library (deterministic,
 * asked every round), and the model (asked last: only in a round where nothing deterministic made progress). The
 * model opens lazily on its first question, and a model that is missing, unreachable, slow or refuses costs only
 * its candidates — a warning, never a failure of the run.
 */
import { bindingTypeSource } from '../../core/fix/binding-type.js';
import { collectAnnotationSource } from '../../core/fix/collect-annotation.js';
import { missingFieldSource } from '../../core/fix/missing-field.js';
import { renameBindingSource } from '../../core/fix/rename-binding.js';
import { rustcSource } from '../../core/fix/rustc-candidates.js';
import type { Candidate, CandidateSource, FixContext } from '../../core/fix/types.js';
import type { ModelOutcome } from '../../adapters/llm/model-source.js';
import type { ResourcePlan } from '../resource-modes.js';
import type { LlmLog } from './report.js';

/** What the candidate stage hands on. */
export interface CandidateSources {
  /** Asked every round. */
  sources: CandidateSource[];
  /** Asked only when no deterministic candidate made progress in the round (the model). */
  late: CandidateSource[];
  /** The model's log for the report (present with --llm local|openai). */
  llm: LlmLog | null;
  /** Closes the model when it was opened. */
  close(): Promise<void>;
}

/** The bundled pattern library (patterns/*.yaml) as a candidate source; a pattern's confidence becomes the prior. */
export async function loadPatternSources(): Promise<CandidateSource[]> {
  const { loadPatterns } = await import('../../adapters/patterns/load.js');
  const { createPatternSource, patternConfidence } = await import('../../core/patterns/source.js');
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

/** How to reach a model. */
export interface ModelChoice {
  llm: string;
  model?: string;
  fallbackModel?: string;
  env?: NodeJS.ProcessEnv;
  totalMemBytes: number;
  resources: ResourcePlan;
  /** Opens the model source (tests inject a scripted reasoner here); default: app/models' openModelSource. */
  open?: (onOutcome: (o: ModelOutcome) => void) => Promise<{ source: CandidateSource; close: () => Promise<void> } | null>;
}

async function defaultOpen(choice: ModelChoice, onOutcome: (o: ModelOutcome) => void): Promise<{ source: CandidateSource; close: () => Promise<void> } | null> {
  const { openModelSource } = await import('../models.js');
  const r = choice.resources;
  return openModelSource(choice.llm as 'local' | 'openai', {
    ...(choice.model !== undefined ? { model: choice.model } : {}),
    ...(choice.env !== undefined ? { env: choice.env } : {}),
    offline: r.offline,
    totalMemBytes: Math.min(r.reasonerMemBytes, choice.totalMemBytes),
    ...(r.modelThreads !== undefined ? { threads: r.modelThreads } : {}),
    ...(r.contextSize !== undefined ? { contextSize: r.contextSize } : {}),
    ...(choice.fallbackModel !== undefined ? { fallbackModel: choice.fallbackModel } : {}),
    escalateFromManifest: r.escalateFromManifest,
    source: { onOutcome },
  });
}

/**
 * The model as a late source that opens on its first question. Opening or asking may throw (missing file,
 * unreachable server): the search turns that into a warning; a failed open is not retried.
 */
function lazyModelSource(choice: ModelChoice, log: LlmLog): { source: CandidateSource; close: () => Promise<void> } {
  let opened: Promise<{ source: CandidateSource; close: () => Promise<void> } | null> | undefined;
  const onOutcome = (o: ModelOutcome): void => {
    log.asked += 1;
    log.tokens_used += o.tokensUsed;
    if (o.rejected !== null) log.rejected.push(o.rejected);
    const attempt = o.attempt ?? 'primary';
    if (attempt === 'fallback') log.escalations += 1;
    log.attempts.push({ diagnostic: o.diagnosticIndex, attempt, reasoner: o.reasoner ?? log.mode, confidence: o.confidence ?? 0, rejected: o.rejected });
  };
  const get = (): Promise<{ source: CandidateSource; close: () => Promise<void> } | null> => {
    opened ??= (choice.open ?? ((cb) => defaultOpen(choice, cb)))(onOutcome);
    return opened;
  };
  const withTokens = (cs: Candidate[]): Candidate[] =>
    cs.map((c) => ({ ...c, tokensUsed: (c as Candidate & { tokensUsed?: number }).tokensUsed ?? 0 }));
  return {
    source: {
      name: `model:${choice.llm}`,
      propose: async (i: number, ctx: FixContext) => {
        const m = await get();
        return m ? withTokens(await m.source.propose(i, ctx)) : [];
      },
      proposeCombined: async (ctx: FixContext) => {
        const m = await get();
        return m?.source.proposeCombined ? withTokens(await m.source.proposeCombined(ctx)) : [];
      },
    },
    close: async () => {
      if (!opened) return;
      const m = await opened.catch(() => null);
      await m?.close().catch(() => undefined);
    },
  };
}

/** The built-in deterministic sources besides rustc's suggestions (fixes rustc does not offer; see core/fix). */
export function builtinSources(): CandidateSource[] {
  return [renameBindingSource(), missingFieldSource(), collectAnnotationSource(), bindingTypeSource()];
}

/**
 * The candidate sources of a run: rustc, the renamed-binding, missing-field, collect-annotation and binding-type sources (core/fix:
 * fixes rustc does not offer whose value is not a guess), the given deterministic ones, and (late) the model.
 */
export function candidateSources(extra: readonly CandidateSource[], choice: ModelChoice): CandidateSources {
  const sources = [rustcSource(), ...builtinSources(), ...extra];
  if (choice.llm === 'none') return { sources, late: [], llm: null, close: async () => undefined };
  const log: LlmLog = { mode: choice.llm, asked: 0, tokens_used: 0, rejected: [], attempts: [], escalations: 0 };
  const model = lazyModelSource(choice, log);
  return { sources, late: [model.source], llm: log, close: model.close };
}
