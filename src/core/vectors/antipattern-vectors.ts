/**
 * Anti-pattern detection by vectors (A4): every `kind: anti_pattern` pattern's example (`example.before` plus its
 * title) is embedded once as an exemplar; an ISG node whose code lies within cosine distance τ of an exemplar is
 * flagged. This complements the lexical detectors: it catches code that is shaped like a known anti-pattern
 * (same erased signature and body, different names) without a hand-written rule. Pure.
 */
import type { Pattern, Severity } from '../patterns/model.js';
import { builtinEmbedding, type EmbedInput } from './embed.js';

/** Default cosine-distance threshold: a node is flagged when it is closer than this to an exemplar. */
export const DEFAULT_ANTI_PATTERN_TAU = 0.2;

/** The kind both sides are embedded as: code snippets compared by shape and identifiers, not ISG kinds. */
const SNIPPET_KIND = 'snippet';

/** One embedded anti-pattern exemplar. */
export interface AntiPatternExemplar {
  patternId: string;
  title: string;
  severity: Severity;
  vector: Float32Array;
}

/** A node to check: its key and the code it stands for (signature line(s) and body). */
export interface CodeNodeInput {
  key: string;
  /** The node's source text (signature and body). */
  code: string;
}

/** A node closer than τ to an exemplar (the nearest exemplar per node). */
export interface VectorAntiPatternHit {
  key: string;
  patternId: string;
  severity: Severity;
  /** Cosine distance to the exemplar, 6 decimals. */
  distance: number;
}

/** What the embedder sees for a code snippet (the same shape for exemplars and nodes, so distances are comparable). */
export function snippetInput(code: string, doc = ''): EmbedInput {
  return { kind: SNIPPET_KIND, name: '', signature: code, doc };
}

/** Embeds the exemplars of every anti-pattern (built-in embedder, `dim` buckets); call once per pattern set. */
export function embedAntiPatternExemplars(patterns: readonly Pattern[], dim = 256): AntiPatternExemplar[] {
  return patterns
    .filter((p) => p.kind === 'anti_pattern' && p.example.before.trim().length > 0)
    .map((p) => ({ patternId: p.id, title: p.title, severity: p.severity ?? 'warning', vector: builtinEmbedding(snippetInput(p.example.before, p.title), dim) }));
}

function cosineDistance(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  for (let i = 0; i < a.length && i < b.length; i++) dot += a[i]! * b[i]!;
  return Math.max(0, 1 - dot);
}

/**
 * Flags the nodes whose code is within cosine distance `tau` (exclusive) of an exemplar; one hit per node (its
 * nearest exemplar), sorted by distance then key. Nodes with empty code are skipped.
 */
export function flagAntiPatternNodes(nodes: readonly CodeNodeInput[], exemplars: readonly AntiPatternExemplar[], opts: { tau?: number } = {}): VectorAntiPatternHit[] {
  const tau = opts.tau ?? DEFAULT_ANTI_PATTERN_TAU;
  const dim = exemplars[0]?.vector.length ?? 0;
  if (dim === 0) return [];
  const hits: VectorAntiPatternHit[] = [];
  for (const n of nodes) {
    if (n.code.trim().length === 0) continue;
    const v = builtinEmbedding(snippetInput(n.code), dim);
    let best: { ex: AntiPatternExemplar; d: number } | null = null;
    for (const ex of exemplars) {
      const d = cosineDistance(v, ex.vector);
      if (best === null || d < best.d) best = { ex, d };
    }
    if (best !== null && best.d < tau) hits.push({ key: n.key, patternId: best.ex.patternId, severity: best.ex.severity, distance: Math.round(best.d * 1e6) / 1e6 });
  }
  return hits.sort((a, b) => a.distance - b.distance || a.key.localeCompare(b.key));
}
