// Every tool declares an outputSchema and answers with structuredContent that validates against it (checked here
// with ajv on the JSON Schema the SDK client received from tools/list), plus the same JSON as a text block. Run on
// a copy of examples/ledger with `Send` dropped from spawn_worker's bound (a real E0277), so preflight, context,
// debug_bug, validate_fix and prove_fix answer about a real error. `context` returns that error's ISG key and no prompt.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { Ajv, type ValidateFunction } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOOL_NAMES } from '../../src/mcp/server.js';
import { userHash } from '../validate-fix/helpers.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const tsx = import.meta.resolve('tsx');
const EXAMPLE = path.resolve(here, '../../examples/ledger');
const WORKER = 'crates/ledger-app/src/worker.rs';
const SPAWN = `${WORKER}-worker-spawn_worker`;

type Result = { isError?: boolean; structuredContent?: Record<string, unknown>; content: Array<{ type: string; text?: string }> };

let client: Client;
let repo: string;
let fixPatch: string;
let stderr = '';
const validators = new Map<string, ValidateFunction>();
const called = new Set<string>();

/** Calls a tool and checks the result's structuredContent against the declared schema; returns it. */
async function call(name: string, args: Record<string, unknown>): Promise<Record<string, unknown>> {
  const r = (await client.callTool({ name, arguments: args })) as Result;
  expect(r.isError, `${name}: ${r.content[0]?.text ?? ''}`).toBeFalsy();
  const structured = r.structuredContent;
  expect(structured, name).toBeTypeOf('object');
  const validate = validators.get(name);
  if (!validate) throw new Error(`no outputSchema listed for ${name}`);
  const valid = validate(structured);
  expect(validate.errors ?? [], name).toEqual([]);
  expect(valid, name).toBe(true);
  // Older clients read the text block: the same JSON.
  expect(r.content).toHaveLength(1);
  expect(JSON.parse(r.content[0]?.text ?? 'null')).toEqual(structured);
  called.add(name);
  return structured as Record<string, unknown>;
}

beforeAll(async () => {
  repo = mkdtempSync(path.join(os.tmpdir(), 'rustgate-mcp-ledger-'));
  cpSync(EXAMPLE, repo, { recursive: true });
  const git = (...args: string[]): string => execFileSync('git', args, { cwd: repo, encoding: 'utf8' });
  git('init', '-q', '-b', 'main');
  git('config', 'user.name', 'rustgate test');
  git('config', 'user.email', 'test@example.invalid');
  git('add', '-A');
  git('commit', '-q', '-m', 'ledger example');
  const worker = path.join(repo, WORKER);
  const text = readFileSync(worker, 'utf8');
  expect(text).toContain("FnOnce() -> u64 + Send + 'static");
  writeFileSync(worker, text.replace("FnOnce() -> u64 + Send + 'static", "FnOnce() -> u64 + 'static"));
  // The fix: back to the committed bound.
  fixPatch = git('diff', '-R');
  const transport = new StdioClientTransport({ command: process.execPath, args: ['--import', tsx, path.join(here, 'cli-entry.ts'), 'mcp', '--repo', repo], stderr: 'pipe', cwd: repo });
  transport.stderr?.on('data', (b: Buffer) => void (stderr += b.toString()));
  client = new Client({ name: 'rustgate-test', version: '0.0.0' });
  await client.connect(transport);
  const { tools } = await client.listTools();
  const ajv = new Ajv({ strict: false, allErrors: true });
  for (const t of tools) if (t.outputSchema) validators.set(t.name, ajv.compile(t.outputSchema));
}, 60_000);

afterAll(async () => {
  await client?.close();
});

describe('MCP outputSchema + structuredContent (examples/ledger, official SDK client)', () => {
  it('every tool declares an object outputSchema', async () => {
    const { tools } = await client.listTools();
    for (const name of TOOL_NAMES) {
      const t = tools.find((x) => x.name === name);
      expect(t?.outputSchema, name).toMatchObject({ type: 'object' });
      expect(t?.outputSchema?.required, name).toBeInstanceOf(Array);
    }
    // A schema that accepts anything would prove nothing: a wrong shape is refused.
    expect(validators.get('preflight')?.({ ok: 'yes' })).toBe(false);
    expect(validators.get('context')?.({ for: 'E0277', kind: 'error' })).toBe(false);
  });

  it('every tool answers on a real E0277 with structuredContent that validates; context is data, not a prompt', async () => {
    const before = userHash(repo);
    const built = await call('build_isg', {});
    expect(built.nodes).toBeGreaterThan(10);
    const shown = await call('isg_show', { key: SPAWN });
    expect(shown).toMatchObject({ key: SPAWN, kind: 'fn', file: WORKER });
    const hop = await call('isg_two_hop', { key: SPAWN });
    expect((hop.nodes as unknown[]).length).toBeGreaterThan(0);
    await call('isg_similar', { key: SPAWN, k: 3 });

    const pf = await call('preflight', { scope: 'worktree' });
    expect(pf.ok).toBe(false);
    const diag = (pf.diagnostics as Array<{ code: string | null; isg: { key: string } | null }>).find((d) => d.code === 'E0277');
    expect(diag?.isg?.key).toBe(SPAWN);

    const ctx = await call('context', { target: 'E0277' });
    expect(ctx).toMatchObject({ for: 'E0277', kind: 'error', seeds: [SPAWN], node: { key: SPAWN, kind: 'fn', file: WORKER } });
    const errors = ctx.errors as Array<{ code: string; key: string | null; file: string }>;
    expect(errors[0]).toMatchObject({ code: 'E0277', key: diag?.isg?.key, file: WORKER });
    const slices = ctx.slices as Array<{ key: string; role: string; text: string }>;
    expect(slices[0]).toMatchObject({ key: SPAWN, role: 'seed' });
    expect(slices[0]?.text).toContain("F: FnOnce() -> u64 + 'static,");
    const whole = JSON.stringify(ctx);
    expect(whole).not.toContain('Answer with JSON');
    expect(whole).not.toContain('JSON only');
    expect(ctx).not.toHaveProperty('system');
    expect(ctx).not.toHaveProperty('user');
    // Only examples whose detectors match this error (a missing Send bound), none of another kind.
    const examples = (ctx.pattern_examples as Array<{ id: string }>).map((p) => p.id);
    expect(examples).toContain('send_bound');
    for (const id of examples) expect(id).toMatch(/send|bound/);

    const vf = await call('validate_fix', { patch: fixPatch });
    expect(vf).toMatchObject({ ok: true, applies: true, touched_keys: [SPAWN], validation_status: 'Cargo_OK' });
    const dbg = await call('debug_bug', {});
    expect(dbg.status).toMatch(/^(fixed|proposed)$/);
    expect((dbg.errors as Array<{ isg_key: string | null }>)[0]?.isg_key).toBe(SPAWN);
    const proof = await call('prove_fix', { fix: fixPatch });
    expect(proof).toMatchObject({ proven: false, failed_step: 'needs_test', touched_keys: [SPAWN] });
    expect((proof.needs_test as { context: { node: { key: string } } }).context.node.key).toBe(SPAWN);

    expect([...called].sort()).toEqual([...TOOL_NAMES].sort());
    expect(userHash(repo)).toBe(before);
    expect(stderr).toBe('');
  }, 240_000);
});
