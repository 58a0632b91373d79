import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import type { CliIO } from '../../src/cli/io.js';
import { tempCopy } from './helpers/fixture.js';

const CORE = 'crates/core/src';

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { out: (s) => void out.push(s), err: (s) => void err.push(s), interactive: false };
  const code = await main(args, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('rustgate build-isg / isg (CLI)', () => {
  let root: string;
  beforeAll(() => {
    root = tempCopy('workspace');
  });

  it('build-isg --json prints the contract stats and refreshes incrementally', async () => {
    const r = await run(['build-isg', '--repo', root, '--json']);
    expect(r.code).toBe(0);
    const stats = JSON.parse(r.out) as Record<string, unknown>;
    expect(stats).toMatchObject({ nodes: 54, edges: 51, files_parsed: 8, files_reused: 0, unresolved_calls: 12 });
    expect(typeof stats.ms).toBe('number');
    expect(stats.by_kind).toMatchObject({ fn: 13, method: 13, struct: 6, enum: 0, trait: 1, impl: 6, type: 0, macro: 1, mod: 8, const: 0 });
    expect(stats.by_rel).toEqual({ CALLS: 20, IMPLEMENTS: 10, USES: 5, DEPENDS: 9, REQUIRES_BOUND: 1, FEATURE_GATED_BY: 6 });
    const again = JSON.parse((await run(['build-isg', '--repo', root, '--json'])).out) as Record<string, unknown>;
    expect(again).toMatchObject({ nodes: 54, edges: 51, files_parsed: 0, files_reused: 8 });
    const pretty = await run(['build-isg', '--repo', root]);
    expect(pretty.out).toContain('ISG: 54 nodes, 51 edges');
  });

  it('isg show --json prints the node with its edges', async () => {
    const r = await run(['isg', 'show', `${CORE}/runner.rs-runner-Pool::total`, '--repo', root, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({
      key: `${CORE}/runner.rs-runner-Pool::total`,
      kind: 'method',
      name: 'total',
      file: `${CORE}/runner.rs`,
      span: { start_line: 33, end_line: 35 },
      signature: 'pub fn total(&self) -> u64',
      public: true,
      features: [],
      edges_out: [{ rel: 'CALLS', dst: `${CORE}/runner.rs-runner-Pool::len_hint` }],
      edges_in: [{ rel: 'CALLS', src: `${CORE}/exec.rs-exec-Executor::run` }],
    });
    const gated = JSON.parse((await run(['isg', 'show', `${CORE}/metrics.rs-metrics-record`, '--repo', root, '--json'])).out) as { features: string[]; edges_out: unknown[] };
    expect(gated.features).toEqual(['metrics']);
    expect(gated.edges_out).toEqual([
      { rel: 'USES', dst: `${CORE}/metrics.rs-metrics-Counter` },
      { rel: 'FEATURE_GATED_BY', dst: 'feature:rg-core/metrics' },
    ]);
  });

  it('isg two-hop --json lists nodes by hop with the relation that reached them', async () => {
    const r = await run(['isg', 'two-hop', `${CORE}/runner.rs-runner-Pool::total`, '--rel', 'CALLS', '--repo', root, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual({
      seed: `${CORE}/runner.rs-runner-Pool::total`,
      nodes: [
        { key: `${CORE}/exec.rs-exec-Executor::run`, kind: 'method', hop: 1, via: 'CALLS' },
        { key: `${CORE}/runner.rs-runner-Pool::len_hint`, kind: 'method', hop: 1, via: 'CALLS' },
        { key: 'crates/app/src/main.rs-main-main', kind: 'fn', hop: 2, via: 'CALLS' },
        { key: `${CORE}/exec.rs-exec-Executor::helper`, kind: 'method', hop: 2, via: 'CALLS' },
        { key: `${CORE}/lib.rs-lib-nested::inner::depth`, kind: 'fn', hop: 2, via: 'CALLS' },
        { key: `${CORE}/runner.rs-runner-<Pool as Runner>::run`, kind: 'method', hop: 2, via: 'CALLS' },
        { key: `${CORE}/runner.rs-runner-<Solo as Runner>::run`, kind: 'method', hop: 2, via: 'CALLS' },
        { key: `${CORE}/runner.rs-runner-Pool::new`, kind: 'method', hop: 2, via: 'CALLS' },
      ],
    });
    const capped = JSON.parse((await run(['isg', 'two-hop', `${CORE}/runner.rs-runner-Pool::total`, '--rel', 'CALLS', '--cap', '1', '--repo', root, '--json'])).out) as { nodes: unknown[] };
    expect(capped.nodes).toHaveLength(2);
  });

  it('isg export prints every node and edge in the contract shapes, as json and jsonl', async () => {
    const r = await run(['isg', 'export', '--repo', root]);
    expect(r.code).toBe(0);
    const g = JSON.parse(r.out) as { nodes: Record<string, unknown>[]; edges: { src: string; dst: string; rel: string; attrs: Record<string, string> }[] };
    const stats = JSON.parse((await run(['build-isg', '--repo', root, '--json'])).out) as { nodes: number; edges: number };
    expect(g.nodes).toHaveLength(stats.nodes);
    expect(g.edges).toHaveLength(stats.edges);
    // A node is `isg show`'s object without its edges.
    const shown = JSON.parse((await run(['isg', 'show', `${CORE}/runner.rs-runner-Pool::total`, '--repo', root, '--json'])).out) as Record<string, unknown>;
    delete shown.edges_out;
    delete shown.edges_in;
    expect(g.nodes.find((n) => n.key === `${CORE}/runner.rs-runner-Pool::total`)).toEqual(shown);
    expect(g.edges).toContainEqual({ src: `${CORE}/runner.rs-runner-Pool::total`, dst: `${CORE}/runner.rs-runner-Pool::len_hint`, rel: 'CALLS', attrs: {} });
    const bound = g.edges.find((e) => e.rel === 'REQUIRES_BOUND');
    expect(bound?.attrs.bound).toMatch(/:/);
    const l = await run(['isg', 'export', '--format', 'jsonl', '--repo', root]);
    expect(l.code).toBe(0);
    const lines = l.out.split('\n').map((x) => JSON.parse(x) as { node?: unknown; edge?: unknown });
    expect(lines.filter((x) => x.node !== undefined)).toEqual(g.nodes.map((node) => ({ node })));
    expect(lines.filter((x) => x.edge !== undefined)).toEqual(g.edges.map((edge) => ({ edge })));
    const bad = await run(['isg', 'export', '--format', 'csv', '--repo', root]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('error[BAD_FLAG]');
  });

  it('an unknown key or relation is a usage error with a hint', async () => {
    const r = await run(['isg', 'show', `${CORE}/runner.rs-runner-Pool::totl`, '--repo', root, '--json']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('error[UNKNOWN_KEY]');
    expect(r.err).toContain(`'${CORE}/runner.rs-runner-Pool::total'`);
    const bare = await run(['isg', 'show', 'Executor::run', '--repo', root]);
    expect(bare.code).toBe(2);
    expect(bare.err).toContain(`hint: closest keys: '${CORE}/exec.rs-exec-Executor::run' (run rustgate build-isg if the code changed)`);
    const bad = await run(['isg', 'two-hop', `${CORE}/runner.rs-runner-Pool::total`, '--rel', 'CALL', '--repo', root]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('error[BAD_FLAG]');
  });

  it('environment errors exit 2 naming the cause', async () => {
    const noToml = mkdtempSync(path.join(os.tmpdir(), 'rustgate-isg-notoml-'));
    const r1 = await run(['build-isg', '--repo', noToml]);
    expect(r1.code).toBe(2);
    expect(r1.err).toContain('error[NO_CARGO_TOML]');
    expect(r1.err).toContain('hint: run inside a Cargo workspace or pass --repo DIR');
    const file = path.join(noToml, 'file.txt');
    writeFileSync(file, 'x');
    const r2 = await run(['isg', 'show', 'x', '--repo', file]);
    expect(r2.code).toBe(2);
    expect(r2.err).toContain('error[NOT_A_DIRECTORY]');
    writeFileSync(path.join(noToml, 'Cargo.toml'), '[package\nname = ');
    const r3 = await run(['build-isg', '--repo', noToml]);
    expect(r3.code).toBe(2);
    expect(r3.err).toContain('error[CARGO_METADATA_FAILED]');
    const savedPath = process.env.PATH;
    process.env.PATH = path.join(noToml, 'no-bin');
    try {
      const r4 = await run(['build-isg', '--repo', root]);
      expect(r4.code).toBe(2);
      expect(r4.err).toContain('error[CARGO_MISSING]');
    } finally {
      process.env.PATH = savedPath;
    }
  });

  it('an empty workspace builds to zero nodes', async () => {
    const r = await run(['build-isg', '--repo', tempCopy('empty'), '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ nodes: 0, edges: 0, files_parsed: 0 });
  });
});
