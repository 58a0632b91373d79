/**
 * context use case: the ContextPacker's bundle for one error code (the first current diagnostic with that code in
 * the whole workspace on disk, committed or not) or one ISG key — the error, its ISG node, the definitions the error
 * names, two-hop neighbours, constraints and the pattern examples whose detectors match, as code slices under a token
 * budget. Context only, as data: no instructions or answer format (those belong to whoever asks a model).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadPatterns } from '../adapters/patterns/load.js';
import { contextAntiPatterns, describeHits } from '../core/context/anti-patterns.js';
import { sliceLines } from '../core/context/anchored-edits.js';
import { DEFAULT_TOKEN_BUDGET, namedInError, packParts, renderContext, type PackedParts, type PackError, type PackSlice, type PatternExample } from '../core/context/pack.js';
import type { Diagnostic } from '../core/diagnostics/types.js';
import { RustgateError } from '../core/errors.js';
import { nodeJson, type NodeJson } from '../core/isg/json.js';
import { matchDetector } from '../core/patterns/detect.js';
import { RELS, type IsgNode } from '../core/isg/types.js';
import type { IsgStore } from '../store/types.js';
import { openWorkspace } from './preflight.js';
import { openBuiltStore } from './validate-fix.js';
import { storeDir } from './workdir.js';

/** Options of `buildContext`. */
export interface ContextOptions {
  repo: string;
  /** An error code (`E0277`) or an ISG key. */
  target: string;
  budget?: number;
  /** Graph neighbours per hop (default 8). */
  neighborCap?: number;
  onProgress?: (stage: string) => void;
}

/** The bundle plus what it was built for (`context --json`, docs/contract.md). */
export interface ContextReport {
  for: string;
  kind: 'error' | 'key';
  /** The ISG node the bundle is about (the error's or the key's); null when the error sits in no node. */
  node: NodeJson | null;
  seeds: string[];
  neighbors: string[];
  /** Definitions of the items the error names (packed right after the seeds). */
  definitions: string[];
  errors: PackError[];
  constraints: string[];
  anti_patterns: string[];
  /** Accepted fixes whose detectors match this error (none for a key). */
  pattern_examples: PatternExample[];
  slices: PackedParts['slices'];
  dropped: string[];
  /** Tokens of the bundle rendered as a document (`renderContext`), by the conservative estimate. */
  tokens: number;
  budget: number;
}

/** The bundle as a document (what `rustgate context` prints without --json): its sections, no instructions. */
export function contextText(r: ContextReport): string {
  return renderContext({ errors: r.errors, slices: r.slices, constraints: r.constraints, antiPatterns: r.anti_patterns, patternExamples: r.pattern_examples });
}

const SKIP_KINDS = new Set(['crate', 'feature', 'mod']);
const ERROR_CODE = /^E\d{4}$/;

/** Constraints a fix of `node` must keep: its bounds as written and its REQUIRES_BOUND edges. */
async function constraintsOf(store: IsgStore, node: IsgNode): Promise<string[]> {
  const out: string[] = [];
  for (const b of node.bounds ?? []) out.push(`${node.key} requires ${b}`);
  for (const e of await store.edgesOut(node.key, ['REQUIRES_BOUND'])) out.push(`${node.key} REQUIRES_BOUND ${e.dst}${e.attr ? ` (${e.attr})` : ''}`);
  return [...new Set(out)];
}

/** Builds the context bundle for an error code or a key. Throws UNKNOWN_KEY / BAD_FLAG when there is nothing to seed. */
export async function buildContext(opts: ContextOptions): Promise<ContextReport> {
  const progress = opts.onProgress ?? (() => undefined);
  const repo = await openWorkspace(opts.repo);
  const budget = opts.budget ?? DEFAULT_TOKEN_BUDGET;
  if (!Number.isInteger(budget) || budget < 200) throw new RustgateError('BAD_FLAG', `--budget must be an integer of at least 200 tokens (got ${String(opts.budget)})`, 'for example --budget 3000');
  const isError = ERROR_CODE.test(opts.target);
  const errors: PackError[] = [];
  const notes: string[] = [];
  let seedKey: string | null;
  let errorWindow: { file: string; line: number } | null = null;
  progress('refreshing the ISG');
  const store = await openBuiltStore(repo.workspace, storeDir(repo.workspace));
  let hitDiagnostic: Diagnostic | null = null;
  try {
    if (isError) {
      // The whole workspace as it is on disk, committed or not (not only the changed files).
      progress('checking the workspace');
      const { prepareValidationTree } = await import('./fix-validate.js');
      const tree = await prepareValidationTree({ repoRoot: repo.workspace });
      const state = await tree.validate(new Map());
      const all = [...state.errors, ...state.warnings];
      const hit = all.find((d) => d.code === opts.target);
      if (!hit) {
        const codes = [...new Set(all.map((d) => d.code).filter((c): c is string => c !== null))];
        throw new RustgateError('UNKNOWN_KEY', `no current diagnostic has code ${opts.target}`, codes.length > 0 ? `current codes: ${codes.join(', ')}` : 'the workspace checks clean; pass an ISG key instead');
      }
      hitDiagnostic = hit;
      const p = hit.primary;
      const key = p ? ((await store.nodeAt(p.file, p.lineStart).catch(() => undefined))?.key ?? null) : null;
      errors.push({ code: hit.code, message: hit.message, file: p?.file ?? null, line: p?.lineStart ?? null, key });
      notes.push(...hit.notes.slice(0, 4).map((n) => `rustc: ${n}`));
      seedKey = key;
      if (seedKey === null && p) errorWindow = { file: p.file, line: p.lineStart };
    } else {
      seedKey = opts.target;
    }

    const texts = new Map<string, string | undefined>();
    const textOf = (file: string): string | undefined => {
      if (!texts.has(file)) {
        try {
          texts.set(file, readFileSync(path.join(repo.workspace, file), 'utf8'));
        } catch {
          texts.set(file, undefined);
        }
      }
      return texts.get(file);
    };
    const seeds: PackSlice[] = [];
    const neighbors: PackSlice[] = [];
    const definitions: PackSlice[] = [];
    const named = namedInError(hitDiagnostic ? [hitDiagnostic.message, ...hitDiagnostic.notes] : []);
    // Facts a fix must keep (the seed's bounds, rustc's notes); no advice: that is the asker's prompt.
    const constraints: string[] = [];
    let seedNode: IsgNode | undefined;
    if (seedKey !== null) {
      seedNode = await store.getNode(seedKey);
      if (!seedNode) {
        const wanted = seedKey.slice(seedKey.lastIndexOf('-') + 1);
        const near = (await store.allNodes()).filter((n) => n.name === wanted || n.key.endsWith(`-${wanted}`)).map((n) => n.key).slice(0, 3);
        throw new RustgateError('UNKNOWN_KEY', `no ISG node with key '${seedKey}'`, near.length > 0 ? `closest keys: ${near.map((k) => `'${k}'`).join(', ')}` : 'run rustgate build-isg first');
      }
      const text = textOf(seedNode.file);
      if (text !== undefined) seeds.push({ key: seedNode.key, ...sliceLines(seedNode.file, text, seedNode.span.startLine, seedNode.span.endLine) });
      constraints.push(...(await constraintsOf(store, seedNode)));
      for (const h of await store.twoHop(seedNode.key, RELS, opts.neighborCap ?? 8, 'both')) {
        if (SKIP_KINDS.has(h.kind)) continue;
        const n = await store.getNode(h.key);
        const t = n ? textOf(n.file) : undefined;
        if (!n || t === undefined) continue;
        // The traits/types/functions the error names go first; the other neighbours after them.
        (named.has(n.name.slice(n.name.lastIndexOf(':') + 1)) ? definitions : neighbors).push({ key: n.key, ...sliceLines(n.file, t, n.span.startLine, n.span.endLine) });
      }
    } else if (errorWindow) {
      // No ISG node around the error (e.g. a crate-level item): a window of lines stands in for the seed.
      const t = textOf(errorWindow.file);
      if (t !== undefined) {
        const start = Math.max(1, errorWindow.line - 15);
        seeds.push({ key: `${errorWindow.file}:${start}-${errorWindow.line + 15}`, ...sliceLines(errorWindow.file, t, start, errorWindow.line + 15) });
      }
    }
    constraints.push(...notes);
    const library = loadPatterns();
    const antiPatterns = [...seeds, ...definitions, ...neighbors].flatMap((s) => describeHits(contextAntiPatterns(s.text, s.file, library), s.key));
    // Examples by relevance: only patterns whose detectors match this diagnostic, not every pattern of its code.
    const target = hitDiagnostic;
    const patternExamples: PatternExample[] =
      target === null
        ? []
        : library
            .filter((p) => p.kind === 'fix' && matchDetector(p, target).length > 0)
            .map((p) => ({ id: p.id, description: p.title, before: p.example.before.trimEnd(), after: p.example.after.trimEnd() }));
    const bundle = await packParts({ errors, seeds, definitions, neighbors, constraints, antiPatterns, patternExamples }, { budget });
    return {
      for: opts.target,
      kind: isError ? 'error' : 'key',
      node: seedNode ? nodeJson(seedNode) : null,
      seeds: seeds.map((s) => s.key),
      neighbors: bundle.slices.filter((s) => s.role === 'neighbor').map((s) => s.key),
      definitions: bundle.slices.filter((s) => s.role === 'definition').map((s) => s.key),
      errors: bundle.errors,
      constraints: bundle.constraints,
      anti_patterns: bundle.antiPatterns,
      pattern_examples: bundle.patternExamples,
      slices: bundle.slices,
      dropped: bundle.dropped,
      tokens: bundle.tokens,
      budget: bundle.budget,
    };
  } finally {
    await store.close();
  }
}
