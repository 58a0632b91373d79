// The OpenAI-compatible backend against a real local HTTP server that speaks /v1/chat/completions.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatCompletionsUrl, createOpenAiReasoner } from '../../src/adapters/llm/reasoner.js';
import { isRustgateError } from '../../src/core/errors.js';
import { packContext } from '../../src/core/context/pack.js';

interface Seen {
  method: string;
  url: string;
  auth: string | undefined;
  body: Record<string, unknown>;
}

const KEY = 'sk-test-never-logged-123';
const seen: Seen[] = [];
// What the server answers next: a status and a body, or a delay that outlasts the client.
let next: { status: number; body: string; delayMs?: number } = { status: 200, body: '' };
let server: http.Server;
let baseUrl: string;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let data = '';
    req.on('data', (c: Buffer) => (data += c.toString('utf8')));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', auth: req.headers.authorization, body: JSON.parse(data) as Record<string, unknown> });
      const answer = next;
      setTimeout(() => {
        res.writeHead(answer.status, { 'content-type': 'application/json' });
        res.end(answer.body);
      }, answer.delayMs ?? 0);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

function chat(content: string, totalTokens = 321): string {
  return JSON.stringify({ choices: [{ index: 0, message: { role: 'assistant', content } }], usage: { total_tokens: totalTokens } });
}

const bundle = packContext({
  errors: [{ code: 'E0599', message: 'no method named `price` found', file: 'src/main.rs', line: 3, key: 'src/main.rs-main-main' }],
  seeds: [{ key: 'src/main.rs-main-main', file: 'src/main.rs', byteStart: 0, text: 'fn main() {\n    item.price();\n}\n' }],
  neighbors: [],
  constraints: [],
  antiPatterns: [],
  patternExamples: [],
});

describe('OpenAI-compatible reasoner', () => {
  it('sends model, messages and a json_schema response format; parses the answer', async () => {
    const answer = { edits: [{ key: 'src/main.rs-main-main', original: 'fn main() {', replacement: 'use ledger::Priced;\nfn main() {' }], confidence: 'medium' };
    next = { status: 200, body: chat(JSON.stringify(answer)) };
    const r = createOpenAiReasoner({ env: { RUSTGATE_OPENAI_BASE_URL: `${baseUrl}/v1/`, RUSTGATE_OPENAI_API_KEY: KEY, RUSTGATE_OPENAI_MODEL: 'qwen2.5-coder:7b' } });
    const p = await r.propose(await bundle);
    expect(p).toEqual({ edits: answer.edits, confidence: 0.6, tokensUsed: 321, rejected: null, raw: JSON.stringify(answer) });
    const req = seen.at(-1)!;
    expect(req.method).toBe('POST');
    expect(req.url).toBe('/v1/chat/completions');
    expect(req.auth).toBe(`Bearer ${KEY}`);
    expect(req.body.model).toBe('qwen2.5-coder:7b');
    expect(req.body.temperature).toBe(0);
    const messages = req.body.messages as Array<{ role: string; content: string }>;
    expect(messages.map((m) => m.role)).toEqual(['system', 'user']);
    expect(messages[1]!.content).toContain('### key src/main.rs-main-main (src/main.rs)');
    const format = req.body.response_format as { type: string; json_schema: { name: string; strict: boolean; schema: { properties: { edits: { items: { properties: { key: unknown } } } } } } };
    expect(format.type).toBe('json_schema');
    expect(format.json_schema.name).toBe('rustgate_edits');
    expect(format.json_schema.strict).toBe(true);
    expect(format.json_schema.schema.properties.edits.items.properties.key).toEqual({ enum: ['src/main.rs-main-main'] });
  });

  it('rejects an answer that is not JSON (no exception, no edits)', async () => {
    next = { status: 200, body: chat('Sure! Here is the fix: add `use ledger::Priced;`', 40) };
    const r = createOpenAiReasoner({ baseUrl, apiKey: KEY });
    const p = await r.propose(await bundle);
    expect(p.edits).toEqual([]);
    expect(p.tokensUsed).toBe(40);
    expect(p.rejected).toMatch(/^answer is not JSON: /);
    expect(seen.at(-1)!.body.model).toBe('local');
  });

  it('rejects a server body that is not JSON', async () => {
    next = { status: 200, body: '<html>oops</html>' };
    const p = await createOpenAiReasoner({ baseUrl }).propose(await bundle);
    expect(p.rejected).toBe('server response is not JSON');
    expect(seen.at(-1)!.auth).toBeUndefined();
  });

  it('turns HTTP errors and timeouts into typed errors without the key', async () => {
    const codeOf = async (p: Promise<unknown>): Promise<[string, string]> => {
      try {
        await p;
      } catch (e) {
        if (isRustgateError(e)) return [e.code, `${e.message} ${e.hint}`];
        throw e;
      }
      throw new Error('expected a rejection');
    };
    next = { status: 401, body: '{"error":"bad key"}' };
    const [c401, m401] = await codeOf(createOpenAiReasoner({ baseUrl, apiKey: KEY }).propose(await bundle));
    expect(c401).toBe('MODEL_FAILED');
    expect(m401).toContain('HTTP 401');
    expect(m401).toContain('RUSTGATE_OPENAI_API_KEY');
    expect(m401).not.toContain(KEY);
    next = { status: 200, body: chat('{}'), delayMs: 2000 };
    const [cSlow] = await codeOf(createOpenAiReasoner({ baseUrl, apiKey: KEY, timeoutMs: 100 }).propose(await bundle));
    expect(cSlow).toBe('MODEL_TIMEOUT');
    const [cDown, mDown] = await codeOf(createOpenAiReasoner({ baseUrl: 'http://127.0.0.1:9', apiKey: KEY }).propose(await bundle));
    expect(cDown).toBe('MODEL_FAILED');
    expect(mDown).not.toContain(KEY);
    expect(() => createOpenAiReasoner({ env: {} })).toThrow(/no OpenAI-compatible server configured/);
  });

  it('accepts base URLs with or without /v1', () => {
    expect(chatCompletionsUrl('http://h:1')).toBe('http://h:1/v1/chat/completions');
    expect(chatCompletionsUrl('http://h:1/v1')).toBe('http://h:1/v1/chat/completions');
    expect(chatCompletionsUrl('http://h:1/api/')).toBe('http://h:1/api/v1/chat/completions');
  });
});
