/**
 * The answer format asked of a model: a JSON object with anchored edits and a confidence word. One schema for the
 * local grammar and for OpenAI-compatible `response_format`; one parser that treats any deviation as a rejection.
 */
import type { AnchoredEdit } from './anchored-edits.js';

/** Confidence words a model may answer with, and the number each stands for. */
export const CONFIDENCE_LEVELS = { low: 0.3, medium: 0.6, high: 0.85 } as const;
export type ConfidenceWord = keyof typeof CONFIDENCE_LEVELS;

/** Limits that keep a constrained generation short (and a garbage one finite). */
export const PROPOSAL_LIMITS = { maxEdits: 6, maxQuoteChars: 600 } as const;

/**
 * JSON schema of the answer. Keys are an enum of the planned keys, so a grammar-constrained model cannot name
 * another. `strict` adds `required`/`additionalProperties` for OpenAI's strict json_schema mode (the local grammar
 * treats every listed property as required already).
 */
export function proposalSchema(plannedKeys: readonly string[], strict = false): Record<string, unknown> {
  const keys = plannedKeys.length > 0 ? [...plannedKeys] : [''];
  const edit: Record<string, unknown> = {
    type: 'object',
    properties: {
      key: { enum: keys },
      original: { type: 'string', maxLength: PROPOSAL_LIMITS.maxQuoteChars },
      replacement: { type: 'string', maxLength: PROPOSAL_LIMITS.maxQuoteChars },
    },
  };
  const root: Record<string, unknown> = {
    type: 'object',
    properties: {
      edits: { type: 'array', items: edit, maxItems: PROPOSAL_LIMITS.maxEdits },
      confidence: { enum: Object.keys(CONFIDENCE_LEVELS) },
    },
  };
  if (strict) {
    edit.required = ['key', 'original', 'replacement'];
    edit.additionalProperties = false;
    root.required = ['edits', 'confidence'];
    root.additionalProperties = false;
  }
  return root;
}

/** A parsed answer, or why it is unusable. */
export type ParsedProposal = { ok: true; edits: AnchoredEdit[]; confidence: number } | { ok: false; reason: string };

/** Parses a model's answer text (JSON, possibly inside a ```json fence). Never throws. */
export function parseProposal(text: string): ParsedProposal {
  const fenced = /```(?:json)?\s*([\s\S]*?)```/.exec(text);
  const body = (fenced?.[1] ?? text).trim();
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (e) {
    return { ok: false, reason: `answer is not JSON: ${(e as Error).message}` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, reason: 'answer is not a JSON object' };
  const obj = value as Record<string, unknown>;
  if (!Array.isArray(obj.edits)) return { ok: false, reason: 'answer has no "edits" array' };
  if (obj.edits.length > PROPOSAL_LIMITS.maxEdits) return { ok: false, reason: `answer has ${obj.edits.length} edits (at most ${PROPOSAL_LIMITS.maxEdits})` };
  const edits: AnchoredEdit[] = [];
  for (const [i, raw] of obj.edits.entries()) {
    const e = raw as Record<string, unknown> | null;
    if (typeof e !== 'object' || e === null || typeof e.key !== 'string' || typeof e.original !== 'string' || typeof e.replacement !== 'string') {
      return { ok: false, reason: `edit ${i + 1} lacks string "key", "original" and "replacement"` };
    }
    edits.push({ key: e.key, original: e.original, replacement: e.replacement });
  }
  const word = obj.confidence;
  const confidence = typeof word === 'string' && word in CONFIDENCE_LEVELS ? CONFIDENCE_LEVELS[word as ConfidenceWord] : typeof word === 'number' && word >= 0 && word <= 1 ? word : null;
  if (confidence === null) return { ok: false, reason: `answer has no valid "confidence" (${JSON.stringify(word)})` };
  return { ok: true, edits, confidence };
}
