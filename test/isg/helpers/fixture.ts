/** Fixture helpers for the ISG tests: temp copies of test/fixtures/isg/* and a full parse + resolve. */
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readWorkspace } from '../../../src/adapters/cargo/metadata.js';
import { parseRustSource } from '../../../src/adapters/rust-parser/parse.js';
import type { FileFacts } from '../../../src/core/isg/facts.js';
import { resolveWorkspace, type ResolveResult } from '../../../src/core/isg/resolve.js';

export const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/isg');

/** Copies fixture `name` into a fresh temp directory and returns its path. */
export function tempCopy(name: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), `rustgate-isg-${name}-`));
  cpSync(path.join(FIXTURES, name), dir, { recursive: true });
  return dir;
}

function rsFiles(root: string, rel = ''): string[] {
  const out: string[] = [];
  for (const name of readdirSync(path.join(root, rel)).sort()) {
    const r = rel ? `${rel}/${name}` : name;
    if (name === 'target' || name.startsWith('.')) continue;
    if (statSync(path.join(root, r)).isDirectory()) out.push(...rsFiles(root, r));
    else if (name.endsWith('.rs')) out.push(r);
  }
  return out;
}

/** Parses and resolves a workspace directly (no store), for graph assertions. */
export async function resolveDir(root: string): Promise<ResolveResult & { facts: Map<string, FileFacts> }> {
  const ws = await readWorkspace(root);
  const facts = new Map(rsFiles(root).map((f) => [f, parseRustSource(readFileSync(path.join(root, f), 'utf8'))]));
  return { ...resolveWorkspace(ws, facts), facts };
}
