import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeRepo, runCli, userHash } from './helpers.js';

interface Ctx {
  for: string;
  kind: string;
  seeds: string[];
  neighbors: string[];
  errors: Array<Record<string, unknown>>;
  slices: Array<{ key: string; role: string; text: string }>;
  tokens: number;
  budget: number;
  node: { key: string; kind: string; span: { start_line: number } } | null;
}

describe('rustgate context', () => {
  it('for an error code: the first current diagnostic, its key as seed, under the budget', async () => {
    const repo = await makeRepo();
    const lib = path.join(repo, 'src/lib.rs');
    writeFileSync(lib, readFileSync(lib, 'utf8').replace('    a + b\n', '    a + "one"\n'));
    const before = userHash(repo);
    const r = await runCli(['context', '--for', 'E0277', '--budget', '3000', '--json', '--repo', repo]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as Ctx;
    expect(j).toMatchObject({ for: 'E0277', kind: 'error', seeds: ['src/lib.rs-lib-add'], budget: 3000 });
    expect(j.errors[0]).toMatchObject({ code: 'E0277', file: 'src/lib.rs', line: 5, key: 'src/lib.rs-lib-add' });
    expect(j.slices[0]).toMatchObject({ key: 'src/lib.rs-lib-add', role: 'seed', text: '/// Adds two numbers.\npub fn add(a: i32, b: i32) -> i32 {\n    a + "one"\n}\n' });
    expect(j.neighbors).toEqual(['src/lib.rs-lib-tests::adds']);
    expect(j.node).toMatchObject({ key: 'src/lib.rs-lib-add', kind: 'fn', span: { start_line: 3 } });
    // Context, not a prompt: no instructions or answer format in the JSON.
    expect(r.out).not.toMatch(/Answer|JSON only/);
    expect(j).not.toHaveProperty('system');
    expect(j).not.toHaveProperty('user');
    expect(j.tokens).toBeGreaterThan(0);
    expect(j.tokens).toBeLessThanOrEqual(3000);
    expect(userHash(repo)).toBe(before);
    // No such code now: a usage error naming the codes there are.
    const none = await runCli(['context', '--for', 'E0599', '--json', '--repo', repo]);
    expect(none.code).toBe(2);
    expect(none.err).toContain('current codes: E0277');
  }, 60_000);

  it('for a key under a small budget: the seed is kept, neighbours dropped first', async () => {
    const repo = await makeRepo();
    const r = await runCli(['context', '--for', 'src/lib.rs-lib-clamp', '--budget', '250', '--json', '--repo', repo]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as Ctx;
    expect(j.kind).toBe('key');
    expect(j.seeds).toEqual(['src/lib.rs-lib-clamp']);
    expect(j.slices.map((s) => s.key)[0]).toBe('src/lib.rs-lib-clamp');
    expect(j.tokens).toBeLessThanOrEqual(250);
    expect(j.slices[0]?.text).toContain('pub fn clamp(v: i32, lo: i32, hi: i32) -> i32 {');
    // Without --json: the bundle as a document, the seed's code under its role, no instructions.
    const text = await runCli(['context', '--for', 'src/lib.rs-lib-clamp', '--budget', '250', '--repo', repo]);
    expect(text.code).toBe(0);
    expect(text.out).toContain('### seed src/lib.rs-lib-clamp (src/lib.rs)');
    expect(text.out).toContain('pub fn clamp(v: i32, lo: i32, hi: i32) -> i32 {');
    expect(text.out).not.toMatch(/Answer|JSON only|you may edit/);
    const bad = await runCli(['context', '--for', 'src/lib.rs-lib-clmp', '--repo', repo]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("no ISG node with key 'src/lib.rs-lib-clmp'");
  }, 60_000);
});
