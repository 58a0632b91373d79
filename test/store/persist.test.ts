import { mkdtemp, readFile, readdir, rm, writeFile, appendFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dumpRelations, openStore, storeStats } from '../../src/store/cozo-store.js';
import type { FileRecord, IsgStore, RunRecord } from '../../src/store/types.js';
import { byEdge, byKey, diamondEdges, diamondNodes, edge, node, spanNodes } from './fixture.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rustgate-store-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const files: FileRecord[] = [
  { file: 'src/lib.rs', hash: 'aa', crate: 'demo', facts: { items: ['Engine'], nested: { n: 1.5 } } },
  { file: 'src/d.rs', hash: 'bb', crate: 'demo', facts: null },
];

const run1: RunRecord = {
  id: 'r1', startedAt: '2026-11-26T06:00:00.000Z', command: 'debug-bug', errorCodes: ['E0277'], patternId: 'add-send-bound',
  candidates: 2, accepted: true, confidence: 0.9, status: 'fixed', commit: 'abc', detail: { note: 'ok' },
};

async function fill(s: IsgStore): Promise<void> {
  await s.applyDelta({ upsertNodes: [...spanNodes(), ...diamondNodes()], removeNodes: [], addEdges: diamondEdges(), removeEdges: [] });
  await s.putFiles(files);
  await s.setMeta('root', '/repo');
  await s.codeGraph.setCurrent('A', 'fn a() {}');
  await s.codeGraph.setFuture('A', 'fn a() { 1 }', 'Edit');
  await s.learning.record(run1);
}

async function snapshotOf(s: IsgStore): Promise<unknown> {
  return {
    nodes: await s.allNodes(),
    edges: await s.allEdges(),
    files: [...(await s.loadFiles()).values()],
    meta: await s.getMeta('root'),
    code: await s.codeGraph.get('A'),
    pending: await s.codeGraph.pending(),
    runs: await s.learning.list(),
    twoHop: await s.twoHop('S', ['CALLS', 'USES'], 30, 'both'),
    nodeAt: await s.nodeAt('src/lib.rs', 7),
  };
}

function collectWarnings(): { warnings: string[]; onWarning: (m: string) => void } {
  const warnings: string[] = [];
  return { warnings, onWarning: (m) => warnings.push(m) };
}

describe('persistence', () => {
  it('flush + reopen in a new store object gives identical content', async () => {
    const s = await openStore(dir);
    await fill(s);
    const before = await snapshotOf(s);
    await s.flush();
    await s.close();
    const w = collectWarnings();
    const t = await openStore(dir, w);
    expect(await snapshotOf(t)).toEqual(before);
    expect(await t.allNodes()).toEqual([...spanNodes(), ...diamondNodes()].sort(byKey));
    expect(w.warnings).toEqual([]);
    await t.close();
  });

  it('small flushes go to the journal and are replayed on open', async () => {
    const s = await openStore(dir);
    await fill(s);
    await s.flush(); // first flush: snapshot
    await s.applyDelta({ upsertNodes: [node('Q', 'fn', 'src/q.rs', 1, 9)], removeNodes: ['E'], addEdges: [edge('Q', 'CALLS', 'S')], removeEdges: [edge('S', 'USES', 'B')] });
    await s.putFiles([{ file: 'src/q.rs', hash: 'qq', crate: 'demo', facts: [1] }]);
    await s.removeFiles(['src/d.rs']);
    await s.codeGraph.setValidationStatus('A', 'Cargo_OK');
    await s.flush();
    await s.setMeta('root', '/moved');
    await s.flush();
    const snap = await readFile(join(dir, 'store.snapshot'), 'utf8');
    const journal = await readFile(join(dir, 'store.journal'), 'utf8');
    expect(journal.trim().split('\n')).toHaveLength(2);
    const before = await snapshotOf(s);
    await s.close(); // nothing pending: close writes nothing
    expect(await readFile(join(dir, 'store.snapshot'), 'utf8')).toBe(snap);
    const t = await openStore(dir);
    expect(await snapshotOf(t)).toEqual(before);
    expect((await t.getNode('Q'))?.span).toEqual({ startLine: 1, endLine: 9 });
    expect(await t.getNode('E')).toBeUndefined();
    expect(await t.edgesIn('S', ['CALLS'])).toEqual([edge('A', 'CALLS', 'S'), edge('Q', 'CALLS', 'S'), edge('X', 'CALLS', 'S')]);
    expect([...(await t.loadFiles()).keys()].sort()).toEqual(['src/lib.rs', 'src/q.rs']);
    expect((await t.codeGraph.get('A'))?.validationStatus).toBe('Cargo_OK');
    expect(await t.getMeta('root')).toBe('/moved');
    await t.close();
  });

  it('a torn last journal append is dropped; the flushes before it survive', async () => {
    const s = await openStore(dir);
    await fill(s);
    await s.flush();
    await s.setMeta('root', '/one');
    await s.flush();
    await s.close();
    await appendFile(join(dir, 'store.journal'), '0123456789abcdef {"g":"x","ops":[{"t":"meta","n":"root","v":"/tw');
    const w = collectWarnings();
    const t = await openStore(dir, w);
    expect(w.warnings).toEqual([]);
    expect(await t.getMeta('root')).toBe('/one');
    expect(await t.allEdges()).toEqual(diamondEdges().sort(byEdge));
    // The next flush folds everything into a new snapshot and drops the damaged journal.
    await t.setMeta('root', '/two');
    await t.flush();
    expect((await readdir(dir)).sort()).toEqual(['store.head', 'store.snapshot']);
    await t.close();
    const u = await openStore(dir);
    expect(await u.getMeta('root')).toBe('/two');
    await u.close();
  });

  it('a deleted or truncated journal is detected through the head and the store is rebuilt with a warning', async () => {
    const s = await openStore(dir);
    await fill(s);
    await s.flush();
    await s.setMeta('root', '/one');
    await s.flush();
    await s.setMeta('root', '/two');
    await s.flush();
    await s.close();
    const journal = await readFile(join(dir, 'store.journal'), 'utf8');
    expect(journal.trim().split('\n')).toHaveLength(2);
    // Cut to the first line: replaying it alone would say '/one' — a silent rollback.
    await writeFile(join(dir, 'store.journal'), `${journal.split('\n')[0] ?? ''}\n`);
    const w = collectWarnings();
    const t = await openStore(dir, w);
    expect(w.warnings).toEqual([`store at ${dir} was unreadable/old (store.journal holds 1 of the 2 writes since the snapshot (deleted or truncated)); rebuilding`]);
    expect(await t.getMeta('root')).toBeUndefined();
    expect(await t.allNodes()).toEqual([]);
    await t.close();
    // Deleted altogether: the same.
    const u = await openStore(dir);
    await fill(u);
    await u.flush();
    await u.setMeta('root', '/three');
    await u.flush();
    await u.close();
    await rm(join(dir, 'store.journal'));
    const w2 = collectWarnings();
    const v = await openStore(dir, w2);
    expect(w2.warnings[0]).toContain('store.journal holds 0 of the 2 writes');
    await v.close();
  });

  it('a leftover temp file from a crash mid-snapshot does not matter', async () => {
    const s = await openStore(dir);
    await fill(s);
    await s.flush();
    await s.close();
    await writeFile(join(dir, 'store.snapshot.tmp-999-deadbeef'), '{"format":"rustgate-store","schema":1,"gen":"x","by');
    const t = await openStore(dir);
    expect(await t.allNodes()).toEqual([...spanNodes(), ...diamondNodes()].sort(byKey));
    await t.close();
  });

  it('journal lines of an older snapshot generation are ignored', async () => {
    const s = await openStore(dir);
    await fill(s);
    await s.flush();
    await s.setMeta('root', '/journaled');
    await s.flush();
    const oldJournal = await readFile(join(dir, 'store.journal'), 'utf8');
    await s.close();
    // Simulate a crash between writing a new snapshot and removing the old journal.
    const t = await openStore(dir);
    await t.setMeta('root', '/snap2');
    await t.applyDelta({ upsertNodes: Array.from({ length: 20_001 }, (_, i) => node(`bulk${i}`, 'fn', 'b.rs', i + 1, i + 1)), removeNodes: [], addEdges: [], removeEdges: [] });
    await t.flush(); // large: snapshot with a new generation
    await t.close();
    await writeFile(join(dir, 'store.journal'), oldJournal);
    const u = await openStore(dir);
    expect(await u.getMeta('root')).toBe('/snap2');
    expect((await u.allNodes()).length).toBe(20_001 + spanNodes().length + diamondNodes().length);
    await u.close();
  });

  it('close() flushes pending writes', async () => {
    const s = await openStore(dir);
    await fill(s);
    await s.close();
    const t = await openStore(dir);
    expect(await t.getMeta('root')).toBe('/repo');
    await t.close();
  });
});

describe('unreadable stores start empty with a warning', () => {
  async function expectEmpty(s: IsgStore): Promise<void> {
    expect(await s.allNodes()).toEqual([]);
    expect(await s.allEdges()).toEqual([]);
    expect((await s.loadFiles()).size).toBe(0);
    expect(await s.codeGraph.pending()).toEqual([]);
    expect(await s.getMeta('schema_version')).toBe('1');
  }

  async function persisted(): Promise<void> {
    const s = await openStore(dir);
    await fill(s);
    await s.flush();
    await s.setMeta('root', '/j');
    await s.flush();
    await s.close();
  }

  it('garbage snapshot', async () => {
    await persisted();
    await writeFile(join(dir, 'store.snapshot'), 'this is not a store');
    const w = collectWarnings();
    const s = await openStore(dir, w);
    expect(w.warnings).toEqual([`store at ${dir} was unreadable/old (no header); rebuilding`]);
    await expectEmpty(s);
    // The next flush makes the store healthy again.
    await s.setMeta('root', '/new');
    await s.close();
    const w2 = collectWarnings();
    const t = await openStore(dir, w2);
    expect(w2.warnings).toEqual([]);
    expect(await t.getMeta('root')).toBe('/new');
    await t.close();
  });

  it('flipped byte in the snapshot body', async () => {
    await persisted();
    const buf = await readFile(join(dir, 'store.snapshot'));
    buf[buf.length - 10] = (buf[buf.length - 10] ?? 0) ^ 1;
    await writeFile(join(dir, 'store.snapshot'), buf);
    const w = collectWarnings();
    const s = await openStore(dir, w);
    expect(w.warnings).toEqual([`store at ${dir} was unreadable/old (checksum mismatch); rebuilding`]);
    await expectEmpty(s);
    await s.close();
  });

  it('schema version mismatch', async () => {
    await persisted();
    const text = await readFile(join(dir, 'store.snapshot'), 'utf8');
    const nl = text.indexOf('\n');
    const header = JSON.parse(text.slice(0, nl)) as { schema: number };
    header.schema = 0;
    await writeFile(join(dir, 'store.snapshot'), `${JSON.stringify(header)}\n${text.slice(nl + 1)}`);
    const w = collectWarnings();
    const s = await openStore(dir, w);
    expect(w.warnings).toEqual([`store at ${dir} was unreadable/old (schema 0, expected 1); rebuilding`]);
    await expectEmpty(s);
    await s.close();
  });

  it('damaged journal line before the last one', async () => {
    await persisted();
    const s0 = await openStore(dir);
    await s0.setMeta('root', '/k');
    await s0.close();
    const path = join(dir, 'store.journal');
    const lines = (await readFile(path, 'utf8')).split('\n');
    expect(lines).toHaveLength(3); // two lines + the empty tail
    lines[0] = (lines[0] ?? '').replace('/j', '/J');
    await writeFile(path, lines.join('\n'));
    const w = collectWarnings();
    const s = await openStore(dir, w);
    expect(w.warnings).toEqual([`store at ${dir} was unreadable/old (journal line 1 is damaged); rebuilding`]);
    await expectEmpty(s);
    await s.close();
  });

  it('journal without a snapshot', async () => {
    await writeFile(join(dir, 'store.journal'), 'x\n');
    const w = collectWarnings();
    const s = await openStore(dir, w);
    expect(w.warnings).toEqual([`store at ${dir} was unreadable/old (journal without snapshot); rebuilding`]);
    await expectEmpty(s);
    await s.close();
  });

  it('a missing directory is created, with no warning', async () => {
    const w = collectWarnings();
    const sub = join(dir, 'a', 'b');
    const s = await openStore(sub, w);
    await s.flush();
    expect(w.warnings).toEqual([]);
    expect(await readdir(sub)).toEqual(['store.head', 'store.snapshot']);
    await s.close();
  });
});

describe('journal compaction', () => {
  it('once the journal outgrows its limit the next flush writes a new snapshot and drops the journal', async () => {
    const s = await openStore(dir);
    await fill(s);
    await s.flush();
    const big = (i: number): FileRecord => ({ file: `src/big${i}.rs`, hash: `h${i}`, crate: 'demo', facts: { text: String(i).repeat(900_000) } });
    await s.putFiles([big(1)]);
    await s.flush();
    await s.putFiles([big(2)]);
    await s.flush();
    expect((await readdir(dir)).sort()).toEqual(['store.head', 'store.journal', 'store.snapshot']);
    await s.putFiles([big(3)]); // 2.7 MB of journal > the 2 MiB floor
    await s.flush();
    expect((await readdir(dir)).sort()).toEqual(['store.head', 'store.snapshot']);
    await s.close();
    const t = await openStore(dir);
    expect([...(await t.loadFiles()).keys()].sort()).toEqual(['src/big1.rs', 'src/big2.rs', 'src/big3.rs', 'src/d.rs', 'src/lib.rs']);
    expect(((await t.loadFiles()).get('src/big3.rs')?.facts as { text: string }).text).toHaveLength(900_000);
    await t.close();
  });
});

describe('snapshot written without loading Cozo', () => {
  it('equals what Cozo itself exports for the same content', async () => {
    const s = await openStore(dir);
    await fill(s); // CodeGraph reads load Cozo: this snapshot is a Cozo export
    await s.flush();
    await s.close();

    const t = await openStore(dir);
    await t.learning.record({ ...run1, id: 'r2', startedAt: '2026-11-26T07:00:00.000Z', detail: null });
    await t.setMeta('root', '/other');
    await t.removeFiles(['src/d.rs']);
    const bulk = Array.from({ length: 20_001 }, (_, i) => node(`bulk${String(i).padStart(5, '0')}`, 'fn', 'b.rs', i + 1, i + 1));
    await t.applyDelta({ upsertNodes: bulk, removeNodes: ['E'], addEdges: [edge('bulk00001', 'CALLS', 'S', 'x')], removeEdges: [edge('S', 'USES', 'B')] });
    await t.flush(); // too big for the journal: full snapshot, built from memory
    expect(storeStats(t).engineLoaded).toBe(false);
    await t.close();
    expect((await readdir(dir)).sort()).toEqual(['store.head', 'store.snapshot']);

    const text = await readFile(join(dir, 'store.snapshot'), 'utf8');
    const fromMemory = JSON.parse(text.slice(text.indexOf('\n') + 1)) as Record<string, { headers: string[]; rows: unknown[][] }>;
    const u = await openStore(dir);
    const fromCozo = await dumpRelations(u);
    expect(storeStats(u).engineLoaded).toBe(true);
    for (const rel of Object.keys(fromCozo)) {
      expect(fromMemory[rel]?.headers, rel).toEqual(fromCozo[rel]?.headers);
      expect(fromMemory[rel]?.rows, rel).toEqual(fromCozo[rel]?.rows);
    }
    expect(Object.keys(fromMemory).sort()).toEqual(Object.keys(fromCozo).sort());
    expect((await u.learning.list()).map((r) => r.id)).toEqual(['r2', 'r1']);
    expect(await u.codeGraph.pending()).toHaveLength(1);
    expect(await u.edgesIn('S', ['CALLS'])).toEqual([edge('A', 'CALLS', 'S'), edge('X', 'CALLS', 'S'), edge('bulk00001', 'CALLS', 'S', 'x')]);
    await u.close();
  });
});
