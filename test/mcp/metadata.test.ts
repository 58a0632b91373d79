// What a model learns from the server before calling anything: the instructions (the order of the tools), a
// description for every parameter, and annotations (only validate_fix and prove_fix are not read-only).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeRepo } from '../validate-fix/helpers.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const tsx = import.meta.resolve('tsx');
let client: Client;

beforeAll(async () => {
  const repo = await makeRepo();
  const transport = new StdioClientTransport({ command: process.execPath, args: ['--import', tsx, path.join(here, 'cli-entry.ts'), 'mcp', '--repo', repo], cwd: repo, stderr: 'pipe' });
  client = new Client({ name: 'rustgate-test', version: '0.0.0' });
  await client.connect(transport);
}, 30_000);
afterAll(async () => {
  await client?.close();
});

describe('rustgate mcp metadata', () => {
  it('tells the order: build_isg → preflight → debug_bug/context → validate_fix → prove_fix', () => {
    const text = client.getInstructions() ?? '';
    const order = ['build_isg', 'preflight', 'debug_bug', 'context', 'validate_fix', 'prove_fix'].map((t) => text.indexOf(t));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('describes every parameter and marks every tool but validate_fix and prove_fix read-only', async () => {
    const { tools } = await client.listTools();
    for (const t of tools) {
      const props = (t.inputSchema.properties ?? {}) as Record<string, { description?: string }>;
      for (const [name, schema] of Object.entries(props)) expect(schema.description, `${t.name}.${name}`).toMatch(/\w/);
      expect(t.annotations?.readOnlyHint, t.name).toBe(!['validate_fix', 'prove_fix'].includes(t.name));
      expect(t.annotations?.destructiveHint, t.name).toBe(false);
    }
  });
});
