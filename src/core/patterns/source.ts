/**
 * The pattern library as a CandidateSource: for one diagnostic, every fix pattern whose detector matches runs
 * its template action and proposes the resulting edits. Proposals only; the fix engine validates with rustc.
 */
import type { Candidate, CandidateSource, FileEdit, FixContext } from '../fix/types.js';
import { ACTIONS } from './actions.js';
import { interpolate, matchDetector } from './detect.js';
import { GRAPH_ACTIONS, type GraphActionName, type GraphProposal } from './graph-actions.js';
import type { ActionName, Pattern, PatternConfidence } from './model.js';
import { RustText } from './rust-text.js';

function sameEdits(a: readonly FileEdit[], b: readonly FileEdit[]): boolean {
  return a.length === b.length && a.every((e, i) => {
    const f = b[i];
    return f !== undefined && e.file === f.file && e.byteStart === f.byteStart && e.byteEnd === f.byteEnd && e.replacement === f.replacement;
  });
}

/** 0 for a path into this crate, 2 for the standard library, 1 for other crates or no path. */
function locality(captures: Record<string, string>): number {
  const values = Object.values(captures);
  if (values.some((v) => /^(?:crate|self|super)::/.test(v))) return 0;
  if (values.some((v) => /^(?:::)?(?:std|core|alloc)::/.test(v))) return 2;
  return 1;
}

/** One-line description: the pattern title plus the parameters it was instantiated with. */
function describe(pattern: Pattern, params: Record<string, string>): string {
  const shown = Object.entries(params)
    .filter(([k]) => k !== 'target' && k !== 'match_primary')
    .map(([k, v]) => `${k}=${v.length > 60 ? `${v.slice(0, 57)}...` : v}`);
  return shown.length > 0 ? `${pattern.title} (${shown.join(', ')})` : pattern.title;
}

const RANK = { high: 0, medium: 1, low: 2 } as const;

/** High-confidence patterns first (they claim an edit two patterns would both propose), then by id. */
function ordered(patterns: readonly Pattern[]): Pattern[] {
  return [...patterns].sort((a, b) => RANK[a.confidence ?? 'medium'] - RANK[b.confidence ?? 'medium'] || a.id.localeCompare(b.id));
}

/** Candidates the fix patterns propose for diagnostic `index` (pure and synchronous; the source wraps it). */
export async function proposeFromPatterns(patterns: readonly Pattern[], index: number, ctx: FixContext): Promise<Candidate[]> {
  const d = ctx.diagnostics[index];
  if (!d || !d.primary) return [];
  const file = d.primary.file;
  const text = ctx.files.get(file);
  if (text === undefined) return [];
  const src = new RustText(text);
  const out: Candidate[] = [];
  for (const pattern of ordered(patterns)) {
    if (pattern.kind !== 'fix' || !pattern.template) continue;
    const name = pattern.template.action;
    const graphAction = name in GRAPH_ACTIONS ? GRAPH_ACTIONS[name as GraphActionName] : undefined;
    const action = graphAction ? undefined : ACTIONS[name as ActionName];
    if (!action && !graphAction) continue;
    // Workspace-local alternatives first (`crate::…`, then other crates), std/core/alloc namesakes last.
    const matches = matchDetector(pattern, d).sort((a, b) => locality(a.captures) - locality(b.captures));
    if (matches.length === 0) continue;
    if (pattern.detector.isg?.kind && ctx.graph) {
      const node = await ctx.graph.nodeAt(file, d.primary.lineStart);
      if (!node || !pattern.detector.isg.kind.includes(node.kind)) continue;
    }
    let n = 0;
    for (const m of matches) {
      const params: Record<string, string> = {};
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
      let proposals: GraphProposal[];
      try {
        proposals = graphAction
          ? await graphAction({ diagnostic: d, matched: m.matched, params, ctx })
          : [{ edits: action ? action({ file, src, diagnostic: d, matched: m.matched, params }) : [] }];
      } catch {
        // An action that trips over unexpected text proposes nothing; it must never break the pipeline.
        proposals = [];
      }
      for (const prop of proposals) {
        const edits = prop.edits;
        // Synchronous actions edit only the diagnostic's file; graph actions may edit the definition's file.
        if (edits.length === 0 || (!graphAction && edits.some((e) => e.file !== file))) continue;
        if (out.some((c) => sameEdits(c.edits, edits))) continue;
        const described = describe(pattern, params);
        out.push({
          id: `pattern:${pattern.id}:${index}:${n++}`,
          origin: 'pattern',
          patternId: pattern.id,
          description: prop.note ? `${described}: ${prop.note}` : described,
          edits,
          touchedKeys: [],
          targets: [index],
          ...(prop.atCause ? { atCause: true } : {}),
          // Widening a published crate's public API is a person's call: never better than a placeholder prior.
          ...(prop.widensPublicApi ? { widensPublicApi: true, applicability: 'HasPlaceholders' as const } : {}),
        });
      }
    }
  }
  return out;
}

/** The pattern library as a candidate source named 'patterns'. */
export function createPatternSource(patterns: readonly Pattern[]): CandidateSource {
  const fixes = patterns.filter((p) => p.kind === 'fix');
  return {
    name: 'patterns',
    propose: (diagnosticIndex: number, ctx: FixContext) => proposeFromPatterns(fixes, diagnosticIndex, ctx),
  };
}

/** The confidence prior of the pattern behind a candidate (`patternId`), or null when it is not a pattern's. */
export function patternConfidence(patterns: readonly Pattern[], patternId: string | null): PatternConfidence | null {
  if (patternId === null) return null;
  const p = patterns.find((x) => x.id === patternId);
  return p ? (p.confidence ?? 'medium') : null;
}
