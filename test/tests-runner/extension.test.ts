import { cpSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { beforeAll, describe, expect, it } from 'vitest';
import { impactedTestsExtension, type ExtensionContext } from '../../src/adapters/cargo/test-runner.js';
import type { Diagnostic } from '../../src/core/diagnostics/types.js';

const targetDir = path.join(os.tmpdir(), 'rustgate-test-target-tests-runner');
let ws: string;

beforeAll(async () => {
  ws = mkdtempSync(path.join(os.tmpdir(), 'rg-tests-ext-'));
  cpSync(path.join(import.meta.dirname, '../fixtures/tests-runner/ws'), ws, { recursive: true });
  await execa('cargo', ['test', '--workspace', '--no-run', '--quiet'], { cwd: ws, env: { CARGO_TARGET_DIR: targetDir } });
});

// The ISG node of the failing test (what the store would return for its key).
const testNode = { key: 'report/src/render.rs-render-tests::renders_currency', file: 'report/src/render.rs', span: { startLine: 15, endLine: 19 } };
const graph = { getNode: async (key: string) => (key === testNode.key ? ({ ...testNode, kind: 'fn' } as never) : undefined) };
const ctx = (changed: string[], diagnostics: Diagnostic[] = []): ExtensionContext => ({
  shadowRoot: ws, targetDir, changedFiles: changed.map((p) => ({ path: p, status: 'modified' })), diagnostics, graph,
});

describe('impactedTestsExtension (real cargo, real cargo metadata)', () => {
  it('tests the changed crate and its dependents, failing test on its ISG node', async () => {
    const out = await impactedTestsExtension({ timeoutSeconds: 120 }).run(ctx(['ledger/src/lib.rs']));
    expect(out.tests).toEqual({ ran: 4, passed: 3, failed: 1, selected: 4, complete: true });
    expect(out.run?.command.slice(-4)).toEqual(['-p', 'ledger', '-p', 'report']);
    expect(out.diagnostics).toHaveLength(1);
    expect(out.diagnostics![0]).toMatchObject({
      level: 'error',
      source: 'test',
      message: 'test render::tests::renders_currency failed: assertion `left == right` failed: currency suffix missing',
      primary: { file: 'report/src/render.rs', lineStart: 15, lineEnd: 19 },
      packageName: 'report',
    });
  });

  it('tests only the changed leaf crate', async () => {
    const out = await impactedTestsExtension({ timeoutSeconds: 120 }).run(ctx(['report/tests/smoke.rs']));
    expect(out.run?.command.slice(-2)).toEqual(['-p', 'report']);
    expect(out.tests).toEqual({ ran: 3, passed: 2, failed: 1, selected: 3, complete: true });
  });

  it('a run cut off by the cap is an error with the hint to raise preflight.tests.timeout_seconds, and says the counts', async () => {
    const out = await impactedTestsExtension({ timeoutSeconds: 5 }).run(ctx(['slowpoke/src/lib.rs']));
    expect(out.tests).toEqual({ ran: 1, passed: 0, failed: 1, selected: 2, complete: false });
    const cap = out.diagnostics?.find((d) => d.message.startsWith('tests not complete'));
    expect(cap?.level).toBe('error');
    expect(cap?.message).toBe('tests not complete: cut off by the 5 s time cap after 1 of 2 selected tests; raise preflight.tests.timeout_seconds in rustgate.yaml (now 5)');
    expect(out.warnings?.[0]).toMatch(/^tests \(nextest\) of slowpoke: 2 selected, 1 ran, 0 passed, 1 failed in \d+\.\d s$/);
  });

  it('runs nothing when no crate owns the change, or when cargo already found errors', async () => {
    expect(await impactedTestsExtension({ timeoutSeconds: 120 }).run(ctx(['README.md']))).toEqual({
      tests: { ran: 0, passed: 0, failed: 0 }, warnings: ['no crate owns the changed files: no tests to run'],
    });
    const err = { level: 'error' } as Diagnostic;
    expect(await impactedTestsExtension({ timeoutSeconds: 120 }).run(ctx(['ledger/src/lib.rs'], [err]))).toEqual({
      warnings: ['tests not run: the checked content has compile errors'],
    });
  });
});
