/**
 * Stage 2 of the fix pipeline, retrieval: the plan (the files and ISG keys a candidate may touch: the errors'
 * nodes and their two-hop neighbourhood) and the anti-pattern findings among them (text detectors, guidance for
 * errors whose fix is an API decision, and vector neighbours of known anti-patterns).
 */
import type { Diagnostic } from '../../core/diagnostics/types.js';
import type { IsgStore } from '../../store/types.js';
import type { FixScope } from './scope.js';
import { filesOf } from './scope.js';
import type { AntiPatternFinding } from './report.js';

/** What retrieval hands on. */
export interface Retrieval {
  planned: { files: Set<string>; keys: Set<string> };
  findings: AntiPatternFinding[];
}

/** Files and keys the plan allows: everything the errors point at, plus the two-hop neighbourhood of their keys. */
export async function plan(errors: readonly Diagnostic[], keys: (string | null)[], store: IsgStore | null | undefined, capPerHop: number): Promise<{ files: Set<string>; keys: Set<string> }> {
  const files = new Set(errors.flatMap(filesOf));
  const planned = new Set<string>();
  if (store) {
    for (const k of keys) {
      if (!k) continue;
      planned.add(k);
      try {
        for (const h of await store.twoHop(k, ['CALLS', 'IMPLEMENTS', 'USES', 'DEPENDS', 'REQUIRES_BOUND'], capPerHop, 'both')) {
          planned.add(h.key);
          const n = await store.getNode(h.key);
          if (n?.file) files.add(n.file);
        }
      } catch {
        // a stale or partial graph narrows the plan; it never widens it
      }
    }
  }
  return { files, keys: planned };
}

/** Anti-pattern detectors over the error files plus guidance for errors whose fix is an API decision (A4). */
async function antiPatternFindings(errors: readonly Diagnostic[], files: ReadonlyMap<string, string>): Promise<AntiPatternFinding[]> {
  const { loadPatterns } = await import('../../adapters/patterns/load.js');
  const { detectAntiPatterns, guidanceFor, reportedOnExistingCode } = await import('../../core/patterns/antipatterns.js');
  const patterns = reportedOnExistingCode(loadPatterns());
  const found = [...guidanceFor(errors, patterns), ...Array.from(files).flatMap(([file, text]) => detectAntiPatterns(text, file, patterns))];
  return found.map((f) => ({ pattern_id: f.patternId, severity: f.severity, file: f.file, line: f.line, message: f.message }));
}

/** The anti-pattern exemplars, embedded once per process. */
let exemplarsOnce: Promise<import('../../core/vectors/antipattern-vectors.js').AntiPatternExemplar[]> | undefined;
function antiPatternExemplars(): Promise<import('../../core/vectors/antipattern-vectors.js').AntiPatternExemplar[]> {
  exemplarsOnce ??= (async () => {
    const { loadPatterns } = await import('../../adapters/patterns/load.js');
    const { embedAntiPatternExemplars } = await import('../../core/vectors/antipattern-vectors.js');
    const { reportedOnExistingCode } = await import('../../core/patterns/antipatterns.js');
    return embedAntiPatternExemplars(reportedOnExistingCode(loadPatterns()));
  })();
  return exemplarsOnce;
}

/** Vector anti-pattern findings (A4) among the planned keys: nodes whose code is within τ of an exemplar. */
async function vectorAntiPatternFindings(store: IsgStore, keys: ReadonlySet<string>, tau: number, readText: (file: string) => Promise<string | undefined>): Promise<AntiPatternFinding[]> {
  const { flagAntiPatternNodes } = await import('../../core/vectors/antipattern-vectors.js');
  const exemplars = await antiPatternExemplars();
  const nodes: { key: string; code: string; file: string; line: number }[] = [];
  for (const key of Array.from(keys).sort()) {
    const n = await store.getNode(key).catch(() => undefined);
    if (!n?.file || n.kind === 'crate' || n.kind === 'feature' || n.kind === 'mod') continue;
    const text = await readText(n.file);
    if (text === undefined) continue;
    const code = text.split('\n').slice(n.span.startLine - 1, n.span.endLine).join('\n');
    nodes.push({ key, code, file: n.file, line: n.span.startLine });
  }
  const byKey = new Map(nodes.map((n) => [n.key, n]));
  const titles = new Map(exemplars.map((e) => [e.patternId, e.title]));
  return flagAntiPatternNodes(nodes, exemplars, { tau }).map((h) => ({
    pattern_id: h.patternId,
    severity: h.severity,
    file: byKey.get(h.key)?.file ?? '',
    line: byKey.get(h.key)?.line ?? 0,
    message: `${h.key} looks like the "${titles.get(h.patternId) ?? h.patternId}" anti-pattern (vector distance ${h.distance} < τ ${tau})`,
    source: 'vector' as const,
    isg_key: h.key,
    distance: h.distance,
  }));
}

/** Plans the fix's scope and gathers the anti-pattern findings (a vector failure never costs the fix). */
export async function retrieve(scope: FixScope, opts: { store: IsgStore | null; capPerHop: number; tau: number; readWorktree: (file: string) => Promise<string | undefined> }): Promise<Retrieval> {
  const findings = await antiPatternFindings(scope.errors, scope.files);
  const planned = await plan(scope.errors, scope.keys, opts.store, opts.capPerHop);
  if (opts.store) {
    const readText = async (f: string): Promise<string | undefined> => scope.files.get(f) ?? (await opts.readWorktree(f).catch(() => undefined));
    findings.push(...(await vectorAntiPatternFindings(opts.store, planned.keys, opts.tau, readText).catch(() => [])));
  }
  return { planned, findings };
}
