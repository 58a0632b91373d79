import { beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import type { IsgEdge, IsgNode } from '../../src/core/isg/types.js';
import { FIXTURES, resolveDir } from './helpers/fixture.js';

const CORE = 'crates/core/src';
const APP = 'crates/app/src';
let nodes: IsgNode[];
let edges: IsgEdge[];
let unresolved: number;
let externalDerives: number;

const node = (key: string): IsgNode | undefined => nodes.find((n) => n.key === key);
const e = (src: string, rel: IsgEdge['rel'], dst: string, attr = ''): IsgEdge => ({ src, rel, dst, attr });
const out = (src: string, rel: IsgEdge['rel']): string[] => edges.filter((x) => x.src === src && x.rel === rel).map((x) => x.dst).sort();

beforeAll(async () => {
  const r = await resolveDir(path.join(FIXTURES, 'workspace'));
  nodes = r.graph.nodes;
  edges = r.graph.edges;
  unresolved = r.unresolvedCalls;
  externalDerives = r.externalDerives;
});

describe('ISG keys', () => {
  it('names every interface per the contract', () => {
    const keys = nodes.map((n) => n.key);
    for (const k of [
      `${CORE}/exec.rs-exec-Executor`,
      `${CORE}/exec.rs-exec-Executor::run`,
      `${CORE}/exec.rs-exec-impl Executor`,
      `${CORE}/exec.rs-exec-spawn_job`,
      `${CORE}/runner.rs-runner-Runner`,
      `${CORE}/runner.rs-runner-Runner::run`,
      `${CORE}/runner.rs-runner-Runner::name`,
      `${CORE}/runner.rs-runner-<Pool as Runner>::run`,
      `${CORE}/runner.rs-runner-<Solo as Runner>::run`,
      `${CORE}/runner.rs-runner-impl Runner for Pool<T>`,
      `${CORE}/runner.rs-runner-impl Pool<T>`,
      `${CORE}/runner.rs-runner-Pool::new`,
      `${CORE}/runner.rs-runner-run_async`,
      `${CORE}/lib.rs-lib-log_line!`,
      `${CORE}/lib.rs-lib-nested`,
      `${CORE}/lib.rs-lib-nested::inner`,
      `${CORE}/lib.rs-lib-nested::inner::depth`,
      `${CORE}/lib.rs-lib-metrics`,
      `${CORE}/lib.rs-lib-fast_path`,
      `${CORE}/lib.rs-lib-fast_path #2`,
      `${CORE}/util/mod.rs-mod-text`,
      `${CORE}/util/text.rs-text-normalize`,
      `${CORE}/metrics.rs-metrics-Counter`,
      `${APP}/main.rs-main-main`,
      `${APP}/main.rs-main-cli`,
      'crate:rg-core',
      'crate:rg-app',
      'feature:rg-core/metrics',
      'feature:rg-app/verbose',
    ]) {
      expect(keys).toContain(k);
    }
  });

  it('records kind, span, signature, visibility, doc and bounds', () => {
    expect(node(`${CORE}/exec.rs-exec-Executor::run`)).toMatchObject({
      kind: 'method', name: 'run', crate: 'rg-core', file: `${CORE}/exec.rs`, span: { startLine: 16, endLine: 21 },
      signature: 'pub fn run(&self, job: u64) -> u64', public: true, features: [],
    });
    expect(node(`${CORE}/exec.rs-exec-spawn_job`)).toMatchObject({
      kind: 'fn', signature: "pub fn spawn_job<F>(job: F) -> u64 where F: FnOnce() -> u64 + Send + 'static",
      bounds: ["F: FnOnce() -> u64 + Send + 'static"],
    });
    expect(node(`${CORE}/runner.rs-runner-Runner`)).toMatchObject({ kind: 'trait', doc: 'Something that runs jobs.', bounds: ['Self: Send'] });
    expect(node(`${CORE}/runner.rs-runner-Pool::len_hint`)?.public).toBe(false);
    expect(node(`${CORE}/runner.rs-runner-run_async`)?.signature).toBe('pub async fn run_async<R: Runner + Sync>(r: &R, job: u64) -> u64');
    expect(node(`${CORE}/lib.rs-lib-log_line!`)).toMatchObject({ kind: 'macro', name: 'log_line', public: true });
    // Spans start at the item's doc comment / outer attributes (diagnostics on a derive map to the item).
    expect(node(`${CORE}/runner.rs-runner-Pool`)?.span).toEqual({ startLine: 12, endLine: 17 });
    expect(node(`${CORE}/lib.rs-lib-fast_path`)?.span).toEqual({ startLine: 32, endLine: 36 });
    expect(node(`${CORE}/lib.rs-lib-fast_path #2`)?.span).toEqual({ startLine: 38, endLine: 41 });
    expect(node(`${CORE}/runner.rs-runner-Pool`)?.signature).toBe('pub struct Pool<T> { pub size: usize, pub items: Vec<T>, }');
  });
});

describe('ISG edges', () => {
  const run = `${CORE}/exec.rs-exec-Executor::run`;
  it('resolves calls through self, a typed local, a field, a rename and a unit-struct local', () => {
    expect(out(run, 'CALLS')).toEqual([
      `${CORE}/exec.rs-exec-Executor::helper`,
      `${CORE}/lib.rs-lib-nested::inner::depth`,
      `${CORE}/runner.rs-runner-<Pool as Runner>::run`,
      `${CORE}/runner.rs-runner-<Solo as Runner>::run`,
      `${CORE}/runner.rs-runner-Pool::new`,
      `${CORE}/runner.rs-runner-Pool::total`,
    ]);
    expect(edges).toContainEqual(e(`${CORE}/exec.rs-exec-Executor::new`, 'CALLS', `${CORE}/util/text.rs-text-normalize`));
    expect(edges).toContainEqual(e(`${CORE}/lib.rs-lib-nested::inner::depth`, 'CALLS', `${CORE}/lib.rs-lib-nested::outer_helper`));
    expect(edges).toContainEqual(e(`${CORE}/runner.rs-runner-run_async`, 'CALLS', `${CORE}/runner.rs-runner-Runner::run`));
  });

  it('resolves calls across crates through use, re-exports, renames and globs', () => {
    expect(out(`${APP}/main.rs-main-main`, 'CALLS')).toEqual([
      `${APP}/cli.rs-cli-print`,
      `${CORE}/exec.rs-exec-Executor::new`,
      `${CORE}/exec.rs-exec-Executor::run`,
      `${CORE}/runner.rs-runner-<Pool as Runner>::run`,
      `${CORE}/runner.rs-runner-Pool::new`,
    ]);
    expect(out(`${APP}/cli.rs-cli-print`, 'CALLS')).toEqual([`${CORE}/exec.rs-exec-spawn_job`]);
  });

  it('types a local through the return type of the function that produced it', () => {
    expect(edges).toContainEqual(e(`${CORE}/exec.rs-exec-Executor::mystery`, 'CALLS', `${CORE}/runner.rs-runner-Alpha::process`));
  });

  it('never guesses: an ambiguous method and std calls make no edge and are counted', () => {
    const mystery = `${CORE}/exec.rs-exec-Executor::mystery`;
    expect(out(mystery, 'CALLS')).toEqual([`${CORE}/runner.rs-runner-Alpha::process`, `${CORE}/runner.rs-runner-pick`]);
    // `b.process()` on a loop variable of unknown type: Alpha::process and Beta::process both match.
    expect(edges.filter((x) => x.dst.endsWith('::process'))).toEqual([e(mystery, 'CALLS', `${CORE}/runner.rs-runner-Alpha::process`)]);
    expect(unresolved).toBe(12);
  });

  it('links impls, trait methods and types', () => {
    expect(out(`${CORE}/runner.rs-runner-impl Runner for Pool<T>`, 'IMPLEMENTS')).toEqual([`${CORE}/runner.rs-runner-Pool`, `${CORE}/runner.rs-runner-Runner`]);
    expect(out(`${CORE}/runner.rs-runner-impl Pool<T>`, 'IMPLEMENTS')).toEqual([`${CORE}/runner.rs-runner-Pool`]);
    expect(edges).toContainEqual(e(`${CORE}/runner.rs-runner-<Solo as Runner>::run`, 'IMPLEMENTS', `${CORE}/runner.rs-runner-Runner::run`));
    expect(externalDerives).toBe(3);
    expect(edges).toContainEqual(e(`${CORE}/exec.rs-exec-Executor`, 'USES', `${CORE}/runner.rs-runner-Pool`));
    expect(edges).toContainEqual(e(`${CORE}/exec.rs-exec-Executor::helper`, 'USES', `${CORE}/lib.rs-lib-log_line!`));
    expect(edges).toContainEqual(e(`${APP}/main.rs-main-main`, 'USES', `${CORE}/lib.rs-lib-log_line!`));
  });

  it('records bounds on workspace traits and dependencies between crates and modules', () => {
    expect(edges.filter((x) => x.rel === 'REQUIRES_BOUND')).toEqual([
      e(`${CORE}/runner.rs-runner-run_async`, 'REQUIRES_BOUND', `${CORE}/runner.rs-runner-Runner`, 'R: Runner + Sync'),
    ]);
    expect(edges).toContainEqual(e('crate:rg-app', 'DEPENDS', 'crate:rg-core'));
    expect(out(`${CORE}/lib.rs-lib-exec`, 'DEPENDS')).toEqual([`${CORE}/lib.rs-lib-nested::inner`, `${CORE}/lib.rs-lib-runner`, `${CORE}/util/mod.rs-mod-text`]);
  });

  it('gates items by their own cfg and by the cfg of their module declaration', () => {
    expect(out(`${CORE}/metrics.rs-metrics-record`, 'FEATURE_GATED_BY')).toEqual(['feature:rg-core/metrics']);
    expect(node(`${CORE}/metrics.rs-metrics-Counter`)?.features).toEqual(['metrics']);
    expect(out(`${CORE}/lib.rs-lib-fast_path #2`, 'FEATURE_GATED_BY')).toEqual(['feature:rg-core/fast']);
    expect(out(`${APP}/cli.rs-cli-verbose`, 'FEATURE_GATED_BY')).toEqual(['feature:rg-app/verbose']);
    expect(out(`${CORE}/exec.rs-exec-Executor::run`, 'FEATURE_GATED_BY')).toEqual([]);
  });

  it('is deterministic', async () => {
    const again = await resolveDir(path.join(FIXTURES, 'workspace'));
    expect(again.graph.nodes).toEqual(nodes);
    expect(again.graph.edges).toEqual(edges);
  });
});
