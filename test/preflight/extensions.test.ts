import { describe, expect, it } from 'vitest';
import { runPreflight, type PreflightContext, type PreflightExtension } from '../../src/app/preflight.js';
import type { Diagnostic } from '../../src/core/diagnostics/types.js';
import { APP_LIB, CORE_LIB, SPAWN_KEY, git, makeRepo, read, untouched, write } from './helpers.js';

function testFailure(file: string, line: number): Diagnostic {
  return {
    level: 'error',
    code: null,
    message: 'test worker::runs failed',
    primary: { file, lineStart: line, lineEnd: line, columnStart: 1, columnEnd: 2, byteStart: 0, byteEnd: 1, isPrimary: true, label: null },
    spans: [],
    notes: [],
    suggestions: [],
    rendered: 'test failed',
    source: 'test',
    packageName: 'pf-core',
  };
}

describe('extension seam (--tests, rust-analyzer)', () => {
  it('merges extension diagnostics, tests and warnings; builds the graph for those that ask, maps the rest after', async () => {
    const { top, ws } = await makeRepo();
    write(ws, APP_LIB, `${read(ws, APP_LIB)}\n`);
    await git(top, 'add', APP_LIB);
    const seen: Array<{ name: string; graph: boolean; errors: number }> = [];
    const probe = (name: string, needsGraph: boolean, out: Awaited<ReturnType<PreflightExtension['run']>>): PreflightExtension => ({
      name,
      needsGraph,
      run: async (ctx: PreflightContext) => {
        seen.push({ name, graph: ctx.graph !== null, errors: ctx.diagnostics.filter((d) => d.level === 'error').length });
        if (ctx.graph) expect((await ctx.graph.nodeAt(CORE_LIB, 8))?.key).toBe(SPAWN_KEY);
        expect(ctx.shadowRoot.endsWith('.rustgate/shadow')).toBe(true);
        return out;
      },
    });
    const report = await untouched(top, () =>
      runPreflight({
        repo: ws,
        scope: 'staged',
        extensions: [
          probe('lsp', false, { warnings: ['rust-analyzer not installed'] }),
          probe('tests', true, { diagnostics: [testFailure(CORE_LIB, 8)], tests: { ran: 2, passed: 1, failed: 1 } }),
        ],
      }),
    );
    expect(seen).toEqual([
      { name: 'lsp', graph: true, errors: 0 },
      { name: 'tests', graph: true, errors: 0 },
    ]);
    expect(report.ok).toBe(false);
    expect(report.tests).toEqual({ ran: 2, passed: 1, failed: 1 });
    expect(report.warnings).toEqual(['rust-analyzer not installed']);
    expect(report.findings.map((f) => [f.diagnostic.source, f.isg?.key])).toEqual([['test', SPAWN_KEY]]);
  });

  it('a clean check with extensions that need no graph never builds it', async () => {
    const { top, ws } = await makeRepo();
    write(ws, APP_LIB, `${read(ws, APP_LIB)}\n`);
    await git(top, 'add', APP_LIB);
    let graphSeen: boolean | null = null;
    const report = await runPreflight({
      repo: ws,
      scope: 'staged',
      extensions: [{ name: 'noop', run: async (ctx) => ((graphSeen = ctx.graph !== null), {}) }],
    });
    expect(report.ok).toBe(true);
    expect(graphSeen).toBe(false);
    expect(report.ms.isg).toBeLessThan(50);
  });
});
