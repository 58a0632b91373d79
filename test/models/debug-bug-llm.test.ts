import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runDebugBug } from '../../src/app/debug-bug.js';
import { makeRepo, treeHash } from '../fix/helpers.js';
import { writeTinyGguf } from '../helpers/gguf.js';

// The end-to-end check: the real local-model path (a tiny generated GGUF in a worker process) runs inside
// debug-bug, its garbage proposal goes through the same gate and validation as any candidate, and the run ends in
// no_safe_fix with nothing written.
describe('debug-bug --llm local with a tiny generated model', () => {
  it('runs end to end and safely reports no_safe_fix on a fixture it cannot fix', async () => {
    const repo = await makeRepo('no-fix');
    const model = writeTinyGguf(path.join(await mkdtemp(path.join(os.tmpdir(), 'rg-llm-')), 'tiny.gguf'));
    const before = await treeHash(repo);
    const report = await runDebugBug({ repo, llm: 'local', model, sources: [] });
    expect(report.status).toBe('no_safe_fix');
    expect(report.candidate).toBeNull();
    expect(report.errors.map((e) => e.code)).toEqual(['E0425']);
    expect(report.applied_commit).toBeNull();
    // The model really was asked, and its random-weight answer was refused before validation.
    expect(report.llm?.mode).toBe('local');
    expect(report.llm?.asked).toBeGreaterThanOrEqual(1);
    expect(report.llm?.rejected.length).toBe(report.llm?.asked);
    expect(await treeHash(repo)).toBe(before);
  });

  it('a missing model file costs only its candidate: a warning naming it, the deterministic outcome, nothing written', async () => {
    const repo = await makeRepo('no-fix');
    const before = await treeHash(repo);
    const r = await runDebugBug({ repo, llm: 'local', model: path.join(repo, 'nope.gguf'), sources: [] });
    expect(r.status).toBe('no_safe_fix');
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toContain('nope.gguf');
    expect(await treeHash(repo)).toBe(before);
  });
});
