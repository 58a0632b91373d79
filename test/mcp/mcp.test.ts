import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOOL_NAMES } from '../../src/mcp/server.js';
import { makeRepo, PATCHES, userHash } from '../validate-fix/helpers.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const tsx = import.meta.resolve('tsx');

type Result = { isError?: boolean; content: Array<{ type: string; text?: string }> };
const json = (r: unknown): Record<string, unknown> => JSON.parse((r as Result).content[0]?.text ?? 'null') as Record<string, unknown>;

describe('rustgate mcp (stdio, driven by the SDK client)', () => {
  let client: Client;
  let repo: string;
  let stderr = '';
  beforeAll(async () => {
    repo = await makeRepo();
    const transport = new StdioClientTransport({ command: process.execPath, args: ['--import', tsx, path.join(here, 'cli-entry.ts'), 'mcp', '--repo', repo], stderr: 'pipe', cwd: repo });
    transport.stderr?.on('data', (b: Buffer) => void (stderr += b.toString()));
    client = new Client({ name: 'rustgate-test', version: '0.0.0' });
    await client.connect(transport);
  }, 30_000);
  afterAll(async () => {
    await client?.close();
  });

  it('lists exactly the rustgate tools, each with an input schema', async () => {
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual([...TOOL_NAMES].sort());
    const show = tools.find((t) => t.name === 'isg_show');
    expect(show?.inputSchema).toMatchObject({ type: 'object', required: ['key'] });
  });

  it('build_isg, isg_show, isg_two_hop, preflight and validate_fix answer with compact JSON; nothing written', async () => {
    const before = userHash(repo);
    const built = json(await client.callTool({ name: 'build_isg', arguments: {} }));
    expect(built).toMatchObject({ nodes: 5, edges: 2, files_parsed: 1, by_kind: { fn: 3, mod: 1 }, by_rel: { CALLS: 1 } });
    const show = json(await client.callTool({ name: 'isg_show', arguments: { key: 'src/lib.rs-lib-clamp' } }));
    expect(show).toMatchObject({ key: 'src/lib.rs-lib-clamp', kind: 'fn', name: 'clamp', file: 'src/lib.rs', span: { start_line: 8, end_line: 17 }, public: true });
    const hop = json(await client.callTool({ name: 'isg_two_hop', arguments: { key: 'src/lib.rs-lib-add', rels: ['CALLS'] } }));
    expect(hop).toEqual({ seed: 'src/lib.rs-lib-add', nodes: [{ key: 'src/lib.rs-lib-tests::adds', kind: 'fn', hop: 1, via: 'CALLS' }] });
    const pf = json(await client.callTool({ name: 'preflight', arguments: { scope: 'worktree' } }));
    expect(pf).toMatchObject({ ok: true, scope: 'worktree', diagnostics: [] });
    const vf = await client.callTool({ name: 'validate_fix', arguments: { patch: readFileSync(path.join(PATCHES, 'breaking.patch'), 'utf8') } });
    expect((vf as Result).isError).toBeFalsy();
    const v = json(vf) as { diagnostics: Array<Record<string, unknown>> } & Record<string, unknown>;
    expect(v).toMatchObject({ ok: false, applies: true, touched_keys: ['src/lib.rs-lib-add'], validation_status: 'Failed' });
    expect(v.diagnostics[0]).toMatchObject({ level: 'error', code: 'E0277', isg: { key: 'src/lib.rs-lib-add' } });
    const ctx = json(await client.callTool({ name: 'context', arguments: { target: 'src/lib.rs-lib-clamp', budget: 1000 } }));
    expect(ctx).toMatchObject({ for: 'src/lib.rs-lib-clamp', kind: 'key', seeds: ['src/lib.rs-lib-clamp'], budget: 1000 });
    const sim = json(await client.callTool({ name: 'isg_similar', arguments: { key: 'src/lib.rs-lib-add', k: 2 } })) as { seed: string; neighbors: unknown[] };
    expect(sim.seed).toBe('src/lib.rs-lib-add');
    expect(sim.neighbors).toHaveLength(2);
    const dbg = json(await client.callTool({ name: 'debug_bug', arguments: {} }));
    expect(dbg).toMatchObject({ status: 'nothing_to_fix', candidate: null, applied_commit: null });
    expect(userHash(repo)).toBe(before);
  }, 90_000);

  it('bad arguments and refused patches are error results; the server keeps serving', async () => {
    const bad = (await client.callTool({ name: 'isg_show', arguments: { key: 42 } }).catch((e: unknown) => ({ rejected: String(e) }))) as Result | { rejected: string };
    if ('rejected' in bad) expect(bad.rejected).toMatch(/key/);
    else {
      expect(bad.isError).toBe(true);
      expect(bad.content[0]?.text).toMatch(/key/);
    }
    const unknown = await client.callTool({ name: 'isg_show', arguments: { key: 'src/lib.rs-lib-clmp' } });
    expect((unknown as Result).isError).toBe(true);
    expect(json(unknown)).toMatchObject({ error: 'UNKNOWN_KEY', message: "no ISG node with key 'src/lib.rs-lib-clmp'" });
    const refused = await client.callTool({ name: 'validate_fix', arguments: { patch: '--- a/.git/config\n+++ b/.git/config\n@@ -1 +1 @@\n-a\n+b\n' } });
    expect((refused as Result).isError).toBe(true);
    expect(json(refused)).toMatchObject({ error: 'PATCH_REJECTED', ok: false, applies: false, message: 'refusing the patch: .git/config is inside .git/' });
    const still = json(await client.callTool({ name: 'isg_show', arguments: { key: 'src/lib.rs-lib-add' } }));
    expect(still).toMatchObject({ key: 'src/lib.rs-lib-add', kind: 'fn' });
    expect(stderr).toBe('');
  }, 60_000);
});
