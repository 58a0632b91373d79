// A GGUF embedding model (the generated tiny one) behind the Embedder interface, feeding the same similar search.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalLlm } from '../../src/adapters/llm/local.js';
import { createGgufEmbedder } from '../../src/adapters/vectors/gguf-embedder.js';
import { similarNodes } from '../../src/app/similar.js';
import { writeTinyGguf } from '../helpers/gguf.js';
import { FIXTURE_NODES } from './fixture-nodes.js';

let dir: string;
let llm: LocalLlm;
beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'rustgate-gguf-embed-'));
  llm = await LocalLlm.open(writeTinyGguf(path.join(dir, 'tiny.gguf'), { seed: 11 }), { threads: 1, contextSize: 512 });
});
afterAll(async () => {
  await llm?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('GGUF embedder', () => {
  it('returns unit vectors of the model width and plugs into isg similar', async () => {
    const e = createGgufEmbedder(llm, 'gguf:tiny');
    expect(e.dim).toBe(32);
    const [v] = await e.embed([FIXTURE_NODES[0]!]);
    expect(v).toHaveLength(32);
    expect(Math.hypot(...v!)).toBeCloseTo(1, 5);
    const res = await similarNodes({ allNodes: async () => FIXTURE_NODES }, FIXTURE_NODES[0]!.key, { k: 4, embedder: e, repo: dir });
    expect(res.neighbors).toHaveLength(4);
    expect(res.neighbors.map((n) => n.key)).not.toContain(FIXTURE_NODES[0]!.key);
    const d = res.neighbors.map((n) => n.distance);
    expect(d).toEqual([...d].sort((a, b) => a - b));
  });
});
