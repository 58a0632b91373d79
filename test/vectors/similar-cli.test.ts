import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import type { CliIO } from '../../src/cli/io.js';
import { tempCopy } from '../isg/helpers/fixture.js';

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { out: (s) => void out.push(s), err: (s) => void err.push(s), interactive: false };
  const code = await main(args, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('rustgate isg similar (CLI, CONTRACT shape)', () => {
  it('prints {seed, neighbors:[{key, kind, distance}]} nearest first, k honoured; an unknown key is exit 2', async () => {
    const root = tempCopy('workspace');
    expect((await run(['build-isg', '--repo', root])).code).toBe(0);
    const seed = 'crates/core/src/runner.rs-runner-Alpha::process';
    const r = await run(['isg', 'similar', seed, '--k', '3', '--repo', root, '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { seed: string; neighbors: { key: string; kind: string; distance: number }[] };
    expect(Object.keys(j)).toEqual(['seed', 'neighbors']);
    expect(j.seed).toBe(seed);
    expect(j.neighbors).toHaveLength(3);
    for (const n of j.neighbors) expect(Object.keys(n)).toEqual(['key', 'kind', 'distance']);
    const distances = j.neighbors.map((n) => n.distance);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    expect(j.neighbors.map((n) => n.key)).not.toContain(seed);
    // The renamed twin in the fixture is the nearest neighbour.
    expect(j.neighbors[0]).toEqual({ key: 'crates/core/src/runner.rs-runner-Beta::process', kind: 'method', distance: 0 });
    const bad = await run(['isg', 'similar', 'crates/core/src/runner.rs-runner-Nope', '--repo', root]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('error[UNKNOWN_KEY]');
  });
});
