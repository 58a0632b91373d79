import { existsSync, readFileSync, rmSync, symlinkSync, writeFileSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildIsg } from '../../src/app/build-isg.js';
import type { IsgEdge } from '../../src/core/isg/types.js';
import type { FileRecord, IsgStore } from '../../src/store/types.js';
import { resolveDir, tempCopy } from './helpers/fixture.js';
import { newStore, reopen } from './helpers/store.js';

const CORE = 'crates/core/src';

async function edgesOf(store: IsgStore): Promise<IsgEdge[]> {
  return store.allEdges();
}

describe('buildIsg', () => {
  it('builds the whole workspace, then reuses every unchanged file', async () => {
    const root = tempCopy('workspace');
    let store = await newStore(root);
    const first = await buildIsg({ root, store });
    const direct = await resolveDir(root);
    expect(first).toMatchObject({ nodes: direct.graph.nodes.length, edges: direct.graph.edges.length, files_parsed: 8, files_reused: 0, unresolved_calls: 12, problems: [] });
    expect(Object.keys(first.by_rel).sort()).toEqual(['CALLS', 'DEPENDS', 'FEATURE_GATED_BY', 'IMPLEMENTS', 'REQUIRES_BOUND', 'USES']);
    expect(first.by_rel.REQUIRES_BOUND).toBe(1);
    expect(first.by_kind).toMatchObject({ method: 13, trait: 1, impl: 6, macro: 1, crate: 2, feature: 4 });
    expect(readFileSync(path.join(root, '.rustgate', '.gitignore'), 'utf8')).toBe('*\n');
    expect((await store.allNodes()).map((n) => n.key).sort()).toEqual(direct.graph.nodes.map((n) => n.key).sort());

    store = await reopen(store, root);
    const second = await buildIsg({ root, store });
    expect(second).toMatchObject({ files_parsed: 0, files_reused: 8, nodes: first.nodes, edges: first.edges });
    await store.close();
  });

  it('re-parses one edited file and updates edges from unchanged files into it', async () => {
    const root = tempCopy('workspace');
    let store = await newStore(root);
    await buildIsg({ root, store });
    store = await reopen(store, root);
    const runner = path.join(root, CORE, 'runner.rs');
    // `pick()` now returns a Beta (so `a.process()` in the unchanged exec.rs means Beta::process), and Pool::total is renamed.
    const src = readFileSync(runner, 'utf8')
      .replace('pub fn pick() -> Alpha {\n    Alpha\n}', 'pub fn pick() -> Beta {\n    Beta\n}')
      .replace('pub fn total(&self)', 'pub fn grand_total(&self)');
    writeFileSync(runner, src);
    const r = await buildIsg({ root, store });
    expect(r).toMatchObject({ files_parsed: 1, files_reused: 7 });
    const edges = await edgesOf(store);
    const mystery = `${CORE}/exec.rs-exec-Executor::mystery`;
    expect(edges.filter((e) => e.src === mystery && e.rel === 'CALLS').sort(cmp)).toEqual([
      { src: mystery, rel: 'CALLS', dst: `${CORE}/runner.rs-runner-Beta::process`, attr: '' },
      { src: mystery, rel: 'CALLS', dst: `${CORE}/runner.rs-runner-pick`, attr: '' },
    ]);
    expect(edges.filter((e) => e.dst === `${CORE}/runner.rs-runner-Pool::total`)).toEqual([]);
    expect(await store.getNode(`${CORE}/runner.rs-runner-Pool::total`)).toBeUndefined();
    expect((await store.getNode(`${CORE}/runner.rs-runner-Pool::grand_total`))?.span).toEqual({ startLine: 33, endLine: 35 });
    expect(edges).toContainEqual({ src: `${CORE}/runner.rs-runner-Pool::grand_total`, rel: 'CALLS', dst: `${CORE}/runner.rs-runner-Pool::len_hint`, attr: '' });
    // The same graph as a from-scratch build of the edited tree.
    const direct = await resolveDir(root);
    expect([...edges].sort(cmp)).toEqual([...direct.graph.edges].sort(cmp));
    await store.close();
  });

  it('drops the nodes and file records of a deleted file', async () => {
    const root = tempCopy('workspace');
    let store = await newStore(root);
    await buildIsg({ root, store });
    expect(await store.getNode(`${CORE}/metrics.rs-metrics-record`)).toBeDefined();
    rmSync(path.join(root, CORE, 'metrics.rs'));
    store = await reopen(store, root);
    const r = await buildIsg({ root, store });
    expect(r).toMatchObject({ files_parsed: 0, files_reused: 7 });
    expect(await store.getNode(`${CORE}/metrics.rs-metrics-record`)).toBeUndefined();
    expect(await store.getNode(`${CORE}/metrics.rs-metrics-Counter`)).toBeUndefined();
    expect(await store.getNode(`${CORE}/lib.rs-lib-metrics`)).toBeDefined();
    expect([...(await store.loadFiles()).keys()]).not.toContain(`${CORE}/metrics.rs`);
    expect((await store.allEdges()).filter((e) => e.src.startsWith(`${CORE}/metrics.rs`))).toEqual([]);
    await store.close();
  });

  it('indexes the rest of a file with a syntax error and reports the line', async () => {
    const root = tempCopy('workspace');
    writeFileSync(path.join(root, CORE, 'util/text.rs'), 'pub fn normalize(s: &str) -> String {\n    s.trim().to_string()\n}\n\npub fn broken( {\n}\n\npub fn emit(s: &str) {\n    let _ = s.len();\n}\n');
    const store = await newStore(root);
    const r = await buildIsg({ root, store });
    expect(r.problems.filter((p) => p.kind === 'syntax_error').map((p) => [p.file, p.line])).toEqual([[`${CORE}/util/text.rs`, 5]]);
    expect(await store.getNode(`${CORE}/util/text.rs-text-normalize`)).toBeDefined();
    expect(await store.getNode(`${CORE}/util/text.rs-text-emit`)).toBeDefined();
    await store.close();
  });

  it('skips non-UTF-8, binary and oversized files and symlinks that leave the repository', async () => {
    const root = tempCopy('workspace');
    const outside = mkdtempSync(path.join(os.tmpdir(), 'rustgate-isg-outside-'));
    writeFileSync(path.join(outside, 'secret.rs'), 'pub fn secret() {}\n');
    writeFileSync(path.join(root, CORE, 'latin1.rs'), Buffer.from([0x2f, 0x2f, 0x20, 0xe9, 0x0a, 0x66, 0x6e, 0x20, 0x78, 0x28, 0x29, 0x20, 0x7b, 0x7d, 0x0a]));
    writeFileSync(path.join(root, CORE, 'nul.rs'), Buffer.from('fn a() {}\n\u0000\n'));
    writeFileSync(path.join(root, CORE, 'huge.rs'), `// ${'x'.repeat(2 * 1024 * 1024)}\n`);
    symlinkSync(path.join(outside, 'secret.rs'), path.join(root, CORE, 'secret.rs'));
    symlinkSync(outside, path.join(root, CORE, 'elsewhere'));
    const store = await newStore(root);
    const r = await buildIsg({ root, store });
    expect(r.problems.map((p) => [p.kind, p.file]).sort()).toEqual([
      ['binary', `${CORE}/nul.rs`],
      ['non_utf8', `${CORE}/latin1.rs`],
      ['symlink_outside', `${CORE}/elsewhere`],
      ['symlink_outside', `${CORE}/secret.rs`],
      ['too_large', `${CORE}/huge.rs`],
    ]);
    expect(r.files_parsed).toBe(8);
    expect((await store.allNodes()).filter((n) => /latin1|nul\.rs|huge|secret/.test(n.key))).toEqual([]);
    await store.close();
  });

  it('builds an empty workspace to zero nodes', async () => {
    const root = tempCopy('empty');
    const store = await newStore(root);
    const r = await buildIsg({ root, store });
    expect(r).toMatchObject({ nodes: 0, edges: 0, files_parsed: 0, files_reused: 0, problems: [] });
    expect(existsSync(path.join(root, '.rustgate', '.gitignore'))).toBe(true);
    await store.close();
  });
  it('re-parses a file whose cached facts are of an older format even though its bytes did not change', async () => {
    const root = tempCopy('workspace');
    let store = await newStore(root);
    const first = await buildIsg({ root, store });
    const before = { nodes: await store.allNodes(), edges: await store.allEdges() };
    const file = `${CORE}/runner.rs`;
    const rec = (await store.loadFiles()).get(file);
    expect(rec).toBeDefined();
    await store.putFiles([{ ...(rec as FileRecord), facts: JSON.stringify({ version: 1, items: [] }) }]);
    await store.flush();
    store = await reopen(store, root);
    const second = await buildIsg({ root, store });
    expect(second).toMatchObject({ files_parsed: 1, files_reused: 7, nodes: first.nodes, edges: first.edges, problems: [] });
    expect(await store.allNodes()).toEqual(before.nodes);
    expect(await store.allEdges()).toEqual(before.edges);
    await store.close();
  });
});

function cmp(a: IsgEdge, b: IsgEdge): number {
  const ka = `${a.src}|${a.rel}|${a.dst}|${a.attr}`;
  const kb = `${b.src}|${b.rel}|${b.dst}|${b.attr}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

describe('directories symlinked inside the repository', () => {
  it('are indexed under both paths (both crates compile them); a link to an ancestor is not followed', async () => {
    const root = tempCopy('workspace');
    symlinkSync('../../core/src/util', path.join(root, 'crates/app/src/shared'));
    symlinkSync('..', path.join(root, CORE, 'util/back'));
    const main = path.join(root, 'crates/app/src/main.rs');
    writeFileSync(main, `#[path = "shared/text.rs"]\nmod shared_text;\n${readFileSync(main, 'utf8')}`);
    const store = await newStore(root);
    await buildIsg({ root, store });
    expect(await store.getNode(`${CORE}/util/text.rs-text-normalize`)).toBeDefined();
    expect(await store.getNode('crates/app/src/shared/text.rs-text-normalize')).toBeDefined();
    expect((await store.allNodes()).some((n) => n.file.includes('/back/'))).toBe(false);
    await store.close();
  });
});
