import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isRustgateError } from '../../src/core/errors.js';
import { dumpRelations, openMemoryStore } from '../../src/store/cozo-store.js';
import { DATA_RELATIONS } from '../../src/store/schema.js';
import type { CodeGraphRow, IsgStore, RunRecord } from '../../src/store/types.js';
import { diamondEdges, diamondNodes } from './fixture.js';

let s: IsgStore;
beforeEach(async () => {
  s = await openMemoryStore();
  await s.applyDelta({ upsertNodes: diamondNodes(), removeNodes: [], addEdges: diamondEdges(), removeEdges: [] });
  await s.putFiles([{ file: 'src/d.rs', hash: 'h', crate: 'demo', facts: { a: 1 } }]);
  await s.setMeta('root', '/r');
  await s.learning.record(run('r0', '2026-01-01T00:00:00.000Z', null, 'nothing_to_fix', false));
});
afterEach(async () => {
  await s.close();
});

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

function run(id: string, startedAt: string, patternId: string | null, status: string, accepted: boolean): RunRecord {
  return {
    id, startedAt, command: 'debug-bug', errorCodes: ['E0599'], patternId, candidates: 1, accepted,
    confidence: accepted ? 1 : null, status, commit: accepted ? 'c0ffee' : null, detail: { id },
  };
}

/** Every relation except code_graph, as Cozo holds it. */
async function others(): Promise<unknown> {
  return dumpRelations(s, DATA_RELATIONS.filter((r) => r !== 'code_graph'));
}

function strip(row: CodeGraphRow | undefined): Omit<CodeGraphRow, 'updatedAt'> {
  expect(row?.updatedAt).toMatch(ISO_UTC);
  const { updatedAt: _u, ...rest } = row as CodeGraphRow;
  return rest;
}

describe('CodeGraph', () => {
  it('full lifecycle Edit: current → future → fids → diff → Cargo_OK → flip; writes only code_graph', async () => {
    const before = await others();
    const key = 'S';
    await s.codeGraph.setCurrent(key, 'fn s() {}');
    expect(strip(await s.codeGraph.get(key))).toEqual({
      key, currentCode: 'fn s() {}', futureCode: null, futureAction: 'None', currentFid: null, futureFid: null,
      candidateDiffId: null, validationStatus: 'Pending', lastAppliedCommit: null,
    });
    await s.codeGraph.markCurrentFid(key, 'fid-cur');
    await s.codeGraph.setFuture(key, 'fn s() -> u8 { 1 }', 'Edit');
    await s.codeGraph.markFutureFid(key, 'fid-fut');
    await s.codeGraph.attachCandidateDiff(key, 'diff-1');
    await s.codeGraph.setValidationStatus(key, 'Cargo_OK');
    expect(strip(await s.codeGraph.get(key))).toEqual({
      key, currentCode: 'fn s() {}', futureCode: 'fn s() -> u8 { 1 }', futureAction: 'Edit', currentFid: 'fid-cur',
      futureFid: 'fid-fut', candidateDiffId: 'diff-1', validationStatus: 'Cargo_OK', lastAppliedCommit: null,
    });
    expect((await s.codeGraph.pending()).map((r) => r.key)).toEqual([key]);
    await s.codeGraph.flipFutureToCurrent(key, 'deadbeef');
    expect(strip(await s.codeGraph.get(key))).toEqual({
      key, currentCode: 'fn s() -> u8 { 1 }', futureCode: null, futureAction: 'None', currentFid: 'fid-fut', futureFid: null,
      candidateDiffId: 'diff-1', validationStatus: 'Cargo_OK', lastAppliedCommit: 'deadbeef',
    });
    expect(await s.codeGraph.pending()).toEqual([]);
    expect(await others()).toEqual(before);
    const all = await dumpRelations(s, ['code_graph']);
    expect(all.code_graph?.rows).toHaveLength(1);
  });

  it('Create on a new key, Delete flips current to null, clearFuture resets the proposal', async () => {
    const before = await others();
    await s.codeGraph.setFuture('new', 'fn new() {}', 'Create');
    expect((await s.codeGraph.get('new'))?.currentCode).toBeNull();
    await s.codeGraph.markFutureFid('new', 'f1');
    await s.codeGraph.flipFutureToCurrent('new', 'c1');
    expect(strip(await s.codeGraph.get('new'))).toMatchObject({ currentCode: 'fn new() {}', currentFid: 'f1', futureAction: 'None', lastAppliedCommit: 'c1' });

    await s.codeGraph.markCurrentFid('new', 'f1');
    await s.codeGraph.setFuture('new', null, 'Delete');
    await s.codeGraph.flipFutureToCurrent('new', 'c2');
    expect(strip(await s.codeGraph.get('new'))).toEqual({
      key: 'new', currentCode: null, futureCode: null, futureAction: 'None', currentFid: null, futureFid: null,
      candidateDiffId: null, validationStatus: 'Pending', lastAppliedCommit: 'c2',
    });

    await s.codeGraph.setCurrent('k', 'a');
    await s.codeGraph.markCurrentFid('k', 'fa');
    await s.codeGraph.setCurrent('k', 'a');
    expect((await s.codeGraph.get('k'))?.currentFid).toBe('fa'); // same code keeps its fingerprint
    await s.codeGraph.setFuture('k', 'b', 'Edit');
    await s.codeGraph.setValidationStatus('k', 'Failed');
    await s.codeGraph.clearFuture('k');
    expect(strip(await s.codeGraph.get('k'))).toEqual({
      key: 'k', currentCode: 'a', futureCode: null, futureAction: 'None', currentFid: 'fa', futureFid: null,
      candidateDiffId: null, validationStatus: 'Pending', lastAppliedCommit: null,
    });
    await s.codeGraph.setCurrent('k', 'changed');
    expect((await s.codeGraph.get('k'))?.currentFid).toBeNull(); // stale fingerprint dropped
    await s.codeGraph.clearFuture('unknown'); // no-op
    expect(await s.codeGraph.get('unknown')).toBeUndefined();
    expect(await others()).toEqual(before);
  });

  it('misuse is rejected', async () => {
    const err = await s.codeGraph.markFutureFid('missing', 'f').catch((e: unknown) => e);
    expect(isRustgateError(err) && err.code).toBe('UNKNOWN_KEY');
    await expect(s.codeGraph.setFuture('k', null, 'Edit')).rejects.toThrow('needs code');
    await expect(s.codeGraph.setFuture('k', 'x', 'None')).rejects.toThrow('clearFuture');
    await s.codeGraph.setCurrent('k', 'a');
    await expect(s.codeGraph.flipFutureToCurrent('k', 'c')).rejects.toThrow('no pending future');
    // The store still works after rejected calls.
    expect((await s.codeGraph.get('k'))?.currentCode).toBe('a');
  });
});

describe('LearningLog', () => {
  it('lists newest first and computes pattern stats', async () => {
    await s.learning.record(run('r1', '2026-01-02T00:00:00.000Z', 'p1', 'fixed', true));
    await s.learning.record(run('r2', '2026-01-03T00:00:00.000Z', 'p1', 'proposed', false));
    await s.learning.record(run('r3', '2026-01-04T00:00:00.000Z', 'p1', 'no_safe_fix', false));
    await s.learning.record(run('r4', '2026-01-04T00:00:00.000Z', 'p2', 'Cargo_OK', true));
    expect((await s.learning.list()).map((r) => r.id)).toEqual(['r4', 'r3', 'r2', 'r1', 'r0']);
    expect(await s.learning.list(2)).toEqual([run('r4', '2026-01-04T00:00:00.000Z', 'p2', 'Cargo_OK', true), run('r3', '2026-01-04T00:00:00.000Z', 'p1', 'no_safe_fix', false)]);
    expect(await s.learning.patternStats('p1')).toEqual({ tried: 3, validated: 2, accepted: 1 });
    expect(await s.learning.patternStats('p2')).toEqual({ tried: 1, validated: 1, accepted: 1 });
    expect(await s.learning.patternStats('nope')).toEqual({ tried: 0, validated: 0, accepted: 0 });
    // Re-recording an id replaces it.
    await s.learning.record(run('r3', '2026-01-04T00:00:00.000Z', 'p1', 'fixed', true));
    expect(await s.learning.patternStats('p1')).toEqual({ tried: 3, validated: 3, accepted: 2 });
  });
});
