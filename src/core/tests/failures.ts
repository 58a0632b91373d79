/** Turns failing tests into Diagnostics (source 'test'), placed on the test function's ISG node when it is found. */
import type { Diagnostic, SourceSpan } from '../diagnostics/types.js';
import { testNodeKey, type TestKeyLookup, type TestRef } from './test-keys.js';

/** A failing test as the runner reports it. */
export interface FailedTestLike extends TestRef {
  output?: string;
}

/** What the mapping needs from the graph: packages to build candidate keys, and node locations. */
export interface FailureLookup extends TestKeyLookup {
  getNode(key: string): Promise<{ key: string; file: string; span: { startLine: number; endLine: number } } | undefined>;
}

/** The first line of a panic message in libtest output (`assertion … failed: …`), if any. */
function panicSummary(output: string | undefined): string | null {
  if (!output) return null;
  const lines = output.split('\n');
  const i = lines.findIndex((l) => / panicked at /.test(l));
  const next = i >= 0 ? lines[i + 1]?.trim() : undefined;
  return next ? next : null;
}

/**
 * One error-level Diagnostic per failing test: message `test <name> failed[: <panic message>]`, code null,
 * primary span on the test function's lines when its key is in the graph (else none), rendered = the test output.
 * With `timedOut`, one warning saying the test run hit its time cap.
 */
export async function testFailureDiagnostics(
  failed: FailedTestLike[],
  lookup: FailureLookup | null,
  opts: { timedOut?: boolean; timeoutSeconds?: number } = {},
): Promise<Diagnostic[]> {
  const out: Diagnostic[] = [];
  for (const t of failed) {
    const key = lookup ? await testNodeKey(t, lookup) : null;
    const node = key && lookup ? await lookup.getNode(key) : undefined;
    const span: SourceSpan | null = node
      ? {
          file: node.file, lineStart: node.span.startLine, lineEnd: node.span.endLine, columnStart: 1, columnEnd: 1,
          byteStart: -1, byteEnd: -1, isPrimary: true, label: 'failing test',
        }
      : null;
    const why = panicSummary(t.output);
    out.push({
      level: 'error',
      code: null,
      message: `test ${t.name} failed${why ? `: ${why}` : ''}`,
      primary: span,
      spans: span ? [span] : [],
      notes: t.package ? [`in package ${t.package}`] : [],
      suggestions: [],
      rendered: t.output ?? '',
      source: 'test',
      packageName: t.package ?? null,
    });
  }
  if (opts.timedOut) {
    out.push({
      level: 'warning',
      code: null,
      message: `tests stopped at the ${opts.timeoutSeconds ?? '?'} s cap; results cover the tests that finished (preflight.tests.timeout_seconds in rustgate.yaml)`,
      primary: null, spans: [], notes: [], suggestions: [], rendered: '', source: 'test', packageName: null,
    });
  }
  return out;
}
