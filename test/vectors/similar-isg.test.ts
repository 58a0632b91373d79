// `isg similar` on a real ISG: the fixture workspace built by the ISG builder (real cargo metadata, tree-sitter).
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIsg } from '../../src/app/build-isg.js';
import { similarNodes } from '../../src/app/similar.js';
import { TestMemoryStore } from '../isg/helpers/memory-store.js';

let root: string;
const store = new TestMemoryStore();

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'rustgate-similar-isg-'));
  cpSync(path.resolve('test/fixtures/isg/workspace'), root, { recursive: true });
  await buildIsg({ root, store });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const R = 'crates/core/src/runner.rs-runner-';

describe('isg similar on the fixture workspace', () => {
  it('puts implementations of the same trait method side by side', async () => {
    const res = await similarNodes(store, `${R}<Pool as Runner>::run`, { k: 3, repo: root });
    expect(Object.keys(res)).toEqual(['seed', 'neighbors']);
    expect(res.neighbors.slice(0, 2).map((n) => n.key).sort()).toEqual([`${R}<Solo as Runner>::run`, `${R}Runner::run`]);
    expect(res.neighbors.slice(0, 2).map((n) => [n.kind, n.distance])).toEqual([
      ['method', 0],
      ['method', 0],
    ]);
    expect(Object.keys(res.neighbors[0]!)).toEqual(['key', 'kind', 'distance']);
  });

  it('finds a renamed twin with the same shape', async () => {
    const res = await similarNodes(store, `${R}Alpha::process`, { k: 5, repo: root });
    expect(res.neighbors[0]).toEqual({ key: `${R}Beta::process`, kind: 'method', distance: 0 });
  });
});
