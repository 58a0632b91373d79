import { createRequire as __rgCreateRequire } from 'node:module';
const require = __rgCreateRequire(import.meta.url);
import {
  ACTIONS,
  GRAPH_ACTIONS
} from "./chunk-H2WUFI7S.js";
import {
  RustText,
  interpolate,
  matchDetector
} from "./chunk-I4KIIW5R.js";
import "./chunk-CS55E7MD.js";
import "./chunk-AMJD2YOB.js";

// src/core/patterns/source.ts
function sameEdits(a, b) {
  return a.length === b.length && a.every((e, i) => {
    const f = b[i];
    return f !== void 0 && e.file === f.file && e.byteStart === f.byteStart && e.byteEnd === f.byteEnd && e.replacement === f.replacement;
  });
}
function locality(captures) {
  const values = Object.values(captures);
  if (values.some((v) => /^(?:crate|self|super)::/.test(v))) return 0;
  if (values.some((v) => /^(?:::)?(?:std|core|alloc)::/.test(v))) return 2;
  return 1;
}
function describe(pattern, params) {
  const shown = Object.entries(params).filter(([k]) => k !== "target" && k !== "match_primary").map(([k, v]) => `${k}=${v.length > 60 ? `${v.slice(0, 57)}...` : v}`);
  return shown.length > 0 ? `${pattern.title} (${shown.join(", ")})` : pattern.title;
}
var RANK = { high: 0, medium: 1, low: 2 };
function ordered(patterns) {
  return [...patterns].sort((a, b) => RANK[a.confidence ?? "medium"] - RANK[b.confidence ?? "medium"] || a.id.localeCompare(b.id));
}
async function proposeFromPatterns(patterns, index, ctx) {
  const d = ctx.diagnostics[index];
  if (!d || !d.primary) return [];
  const file = d.primary.file;
  const text = ctx.files.get(file);
  if (text === void 0) return [];
  const src = new RustText(text);
  const out = [];
  for (const pattern of ordered(patterns)) {
    if (pattern.kind !== "fix" || !pattern.template) continue;
    const name = pattern.template.action;
    const graphAction = name in GRAPH_ACTIONS ? GRAPH_ACTIONS[name] : void 0;
    const action = graphAction ? void 0 : ACTIONS[name];
    if (!action && !graphAction) continue;
    const matches = matchDetector(pattern, d).sort((a, b) => locality(a.captures) - locality(b.captures));
    if (matches.length === 0) continue;
    if (pattern.detector.isg?.kind && ctx.graph) {
      const node = await ctx.graph.nodeAt(file, d.primary.lineStart);
      if (!node || !pattern.detector.isg.kind.includes(node.kind)) continue;
    }
    let n = 0;
    for (const m of matches) {
      const params = {};
      let complete = true;
      for (const [k, v] of Object.entries(pattern.template.params ?? {})) {
        const value = interpolate(v, m.captures);
        if (value === null) {
          complete = false;
          break;
        }
        params[k] = value;
      }
      if (!complete) continue;
      let proposals;
      try {
        proposals = graphAction ? await graphAction({ diagnostic: d, matched: m.matched, params, ctx }) : [{ edits: action ? action({ file, src, diagnostic: d, matched: m.matched, params }) : [] }];
      } catch {
        proposals = [];
      }
      for (const prop of proposals) {
        const edits = prop.edits;
        if (edits.length === 0 || !graphAction && edits.some((e) => e.file !== file)) continue;
        if (out.some((c) => sameEdits(c.edits, edits))) continue;
        const described = describe(pattern, params);
        out.push({
          id: `pattern:${pattern.id}:${index}:${n++}`,
          origin: "pattern",
          patternId: pattern.id,
          description: prop.note ? `${described}: ${prop.note}` : described,
          edits,
          touchedKeys: [],
          targets: [index],
          ...prop.atCause ? { atCause: true } : {},
          // Widening a published crate's public API is a person's call: never better than a placeholder prior.
          ...prop.widensPublicApi ? { widensPublicApi: true, applicability: "HasPlaceholders" } : {}
        });
      }
    }
  }
  return out;
}
function createPatternSource(patterns) {
  const fixes = patterns.filter((p) => p.kind === "fix");
  return {
    name: "patterns",
    propose: (diagnosticIndex, ctx) => proposeFromPatterns(fixes, diagnosticIndex, ctx)
  };
}
function patternConfidence(patterns, patternId) {
  if (patternId === null) return null;
  const p = patterns.find((x) => x.id === patternId);
  return p ? p.confidence ?? "medium" : null;
}
export {
  createPatternSource,
  patternConfidence,
  proposeFromPatterns
};
