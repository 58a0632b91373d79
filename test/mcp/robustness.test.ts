// The MCP server under hostile input, over raw stdio: every request gets exactly one JSON-RPC answer (params of
// null/[]/a string → -32602, broken JSON → -32700, unknown methods → -32601), a line over the 4 MiB limit is answered
// and skipped, a 16 MB line does not kill the server, and a seeded fast-check run over arbitrary messages holds this.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkMessage, MAX_MESSAGE_BYTES } from '../../src/mcp/transport.js';
import { makeRepo } from '../validate-fix/helpers.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const tsx = import.meta.resolve('tsx');

type Reply = { jsonrpc: string; id: string | number | null; result?: unknown; error?: { code: number; message: string } };

/** A raw line-level client: writes lines, collects every reply line. */
class RawClient {
  replies: Reply[] = [];
  private buf = '';
  private waiters: Array<() => void> = [];
  constructor(readonly child: ChildProcessWithoutNullStreams) {
    child.stdout.on('data', (b: Buffer) => {
      this.buf += b.toString('utf8');
      let nl;
      while ((nl = this.buf.indexOf('\n')) >= 0) {
        const line = this.buf.slice(0, nl);
        this.buf = this.buf.slice(nl + 1);
        if (line.trim()) this.replies.push(JSON.parse(line) as Reply);
      }
      for (const w of this.waiters.splice(0)) w();
    });
  }
  write(line: string): void {
    this.child.stdin.write(`${line}\n`);
  }
  /** Waits for the reply with `id` (and returns it); fails after `ms`. */
  async reply(id: string | number | null, ms = 20_000): Promise<Reply> {
    const deadline = Date.now() + ms;
    for (;;) {
      const r = this.replies.find((x) => x.id === id);
      if (r) return r;
      if (Date.now() > deadline) throw new Error(`no reply for id ${JSON.stringify(id)} in ${ms} ms (exit ${this.child.exitCode})`);
      await new Promise<void>((res) => {
        this.waiters.push(res);
        setTimeout(res, 200);
      });
    }
  }
}

let client: RawClient;

beforeAll(async () => {
  const repo = await makeRepo();
  const child = spawn(process.execPath, ['--import', tsx, path.join(here, 'cli-entry.ts'), 'mcp', '--repo', repo], { cwd: repo, stdio: 'pipe' });
  client = new RawClient(child);
  client.write(JSON.stringify({ jsonrpc: '2.0', id: 0, method: 'initialize', params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 't', version: '0' } } }));
  expect((await client.reply(0, 30_000)).result).toBeDefined();
  client.write(JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' }));
}, 40_000);
afterAll(() => {
  client?.child.kill();
});

describe('MCP robustness (raw stdio)', () => {
  it.each([
    ['null', null],
    ['an array', []],
    ['a string', 'x'],
  ])('params of %s → -32602 for tools/list and tools/call', async (label, params) => {
    const id1 = `list-${label}`;
    const id2 = `call-${label}`;
    client.write(JSON.stringify({ jsonrpc: '2.0', id: id1, method: 'tools/list', params }));
    client.write(JSON.stringify({ jsonrpc: '2.0', id: id2, method: 'tools/call', params }));
    expect((await client.reply(id1)).error?.code).toBe(-32602);
    expect((await client.reply(id2)).error).toMatchObject({ code: -32602, message: expect.stringContaining(`"params" must be an object (got ${label})`) });
  });

  it('bad tools/call params → -32602; unknown methods (server/discover) → -32601; broken JSON → -32700', async () => {
    client.write(JSON.stringify({ jsonrpc: '2.0', id: 'noname', method: 'tools/call', params: { arguments: {} } }));
    client.write(JSON.stringify({ jsonrpc: '2.0', id: 'badargs', method: 'tools/call', params: { name: 'isg_show', arguments: 'key' } }));
    client.write(JSON.stringify({ jsonrpc: '2.0', id: 'discover', method: 'server/discover', params: {} }));
    client.write('{"jsonrpc":"2.0","id":"broken","method":');
    expect((await client.reply('noname')).error?.code).toBe(-32602);
    expect((await client.reply('badargs')).error?.code).toBe(-32602);
    expect((await client.reply('discover')).error?.code).toBe(-32601);
    expect((await client.reply('broken')).error?.code).toBe(-32700);
  });

  it('a 16 MB line is answered with the size limit and skipped; the server stays up', async () => {
    const big = JSON.stringify({ jsonrpc: '2.0', id: 'big', method: 'tools/call', params: { name: 'validate_fix', arguments: { patch: 'x'.repeat(16 * 1024 * 1024) } } });
    client.write(big);
    const r = await client.reply('big', 60_000);
    expect(r.error).toMatchObject({ code: -32600, message: expect.stringContaining(`the limit is ${MAX_MESSAGE_BYTES} bytes (4 MiB)`) });
    client.write(JSON.stringify({ jsonrpc: '2.0', id: 'after-big', method: 'tools/list' }));
    expect(((await client.reply('after-big')).result as { tools: unknown[] }).tools.length).toBeGreaterThan(0);
    expect(client.child.exitCode).toBeNull();
  }, 90_000);

  it('fuzz: every request with arbitrary params gets exactly one answer, never -32603, and the server stays up', async () => {
    const methods = ['tools/list', 'tools/call', 'initialize', 'ping', 'prompts/list', 'no/such/method'];
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...methods), fc.option(fc.jsonValue(), { nil: undefined }), async (method, params) => {
        const id = `fz-${n++}`;
        const msg: Record<string, unknown> = { jsonrpc: '2.0', id, method };
        if (params !== undefined) msg.params = params;
        // A well-formed tools/call would run a real tool: the property is about the protocol layer, so name none.
        if (method === 'tools/call' && typeof params === 'object' && params !== null && !Array.isArray(params) && typeof (params as { name?: unknown }).name === 'string') return;
        client.write(JSON.stringify(msg));
        const r = await client.reply(id);
        expect(client.replies.filter((x) => x.id === id)).toHaveLength(1);
        if (r.error) expect([-32700, -32600, -32601, -32602]).toContain(r.error.code);
      }),
      { numRuns: 150, seed: 20261204 },
    );
    expect(client.child.exitCode).toBeNull();
  }, 120_000);
});

describe('checkMessage (pure)', () => {
  it('never throws and answers every non-object or non-2.0 message as an invalid request', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const r = checkMessage(v);
        if (typeof v !== 'object' || v === null || Array.isArray(v) || (v as { jsonrpc?: unknown }).jsonrpc !== '2.0') expect(r?.code).toBe(-32600);
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});
