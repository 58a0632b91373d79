import { createRequire as __rgCreateRequire } from 'node:module';
const require = __rgCreateRequire(import.meta.url);
import {
  builtinEmbedding
} from "./chunk-KI7HMC7H.js";
import "./chunk-AMJD2YOB.js";

// src/core/vectors/antipattern-vectors.ts
var DEFAULT_ANTI_PATTERN_TAU = 0.2;
var SNIPPET_KIND = "snippet";
function snippetInput(code, doc = "") {
  return { kind: SNIPPET_KIND, name: "", signature: code, doc };
}
function embedAntiPatternExemplars(patterns, dim = 256) {
  return patterns.filter((p) => p.kind === "anti_pattern" && p.example.before.trim().length > 0).map((p) => ({ patternId: p.id, title: p.title, severity: p.severity ?? "warning", vector: builtinEmbedding(snippetInput(p.example.before, p.title), dim) }));
}
function cosineDistance(a, b) {
  let dot = 0;
  for (let i = 0; i < a.length && i < b.length; i++) dot += a[i] * b[i];
  return Math.max(0, 1 - dot);
}
function flagAntiPatternNodes(nodes, exemplars, opts = {}) {
  const tau = opts.tau ?? DEFAULT_ANTI_PATTERN_TAU;
  const dim = exemplars[0]?.vector.length ?? 0;
  if (dim === 0) return [];
  const hits = [];
  for (const n of nodes) {
    if (n.code.trim().length === 0) continue;
    const v = builtinEmbedding(snippetInput(n.code), dim);
    let best = null;
    for (const ex of exemplars) {
      const d = cosineDistance(v, ex.vector);
      if (best === null || d < best.d) best = { ex, d };
    }
    if (best !== null && best.d < tau) hits.push({ key: n.key, patternId: best.ex.patternId, severity: best.ex.severity, distance: Math.round(best.d * 1e6) / 1e6 });
  }
  return hits.sort((a, b) => a.distance - b.distance || a.key.localeCompare(b.key));
}
export {
  DEFAULT_ANTI_PATTERN_TAU,
  embedAntiPatternExemplars,
  flagAntiPatternNodes,
  snippetInput
};
