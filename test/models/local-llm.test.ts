// The real node-llama-cpp path on a generated tiny GGUF, run in the worker process: load, tokenize, constrained
// generation, embeddings, and the failure modes (missing, corrupt, crashing, too slow). No network, no download.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalLlm } from '../../src/adapters/llm/local.js';
import { createModelSource, createPacker, type ModelOutcome } from '../../src/adapters/llm/model-source.js';
import { createLocalReasoner } from '../../src/adapters/llm/reasoner.js';
import type { Diagnostic } from '../../src/core/diagnostics/types.js';
import { isRustgateError } from '../../src/core/errors.js';
import { writeCorruptGguf, writeTinyGguf } from '../helpers/gguf.js';

// One thread: on a busy 2-core machine llama.cpp's spinning threads make 2 threads far slower than 1.
const THREADS = 1;
let dir: string;
let modelPath: string;
let llm: LocalLlm;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'rustgate-llm-'));
  modelPath = writeTinyGguf(path.join(dir, 'tiny.gguf'), { seed: 7 });
  llm = await LocalLlm.open(modelPath, { threads: THREADS, contextSize: 4096 });
});

afterAll(async () => {
  await llm?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Resolves to the RustgateError code a promise rejects with. */
async function errorOf(p: Promise<unknown>): Promise<{ code: string; message: string; hint: string }> {
  try {
    await p;
  } catch (e) {
    if (isRustgateError(e)) return { code: e.code, message: e.message, hint: e.hint };
    throw e;
  }
  throw new Error('expected a rejection');
}

describe('LocalLlm on a tiny GGUF', () => {
  it('loads in a worker and reports the model', () => {
    expect(llm.info).toEqual({
      architecture: 'llama',
      name: 'rustgate-tiny-test',
      trainedContextSize: 4096,
      contextSize: 4096,
      embeddingSize: 32,
      hasChatTemplate: false,
      threads: 1,
    });
  });

  it('tokenizes with the model vocabulary', async () => {
    // SentencePiece adds a leading ▁; ASCII characters are single tokens, other bytes fall back to byte tokens.
    expect(await llm.countTokens('hello')).toBe(6);
    expect(await llm.countTokens('fn main() {}')).toBe(13);
    expect(await llm.countTokens('é')).toBe(3);
    expect((await llm.tokenize('a'))).toEqual([259, 324]);
  });

  it('generates JSON that satisfies an enum/boolean schema, deterministically', async () => {
    const schema = { type: 'object', properties: { ok: { type: 'boolean' }, kind: { enum: ['fix', 'skip'] } } };
    const req = { system: 'Decide.', prompt: 'Is this safe?', schema, maxTokens: 48 };
    const a = await llm.complete(req);
    const b = await llm.complete(req);
    expect(a.parseError).toBeUndefined();
    const parsed = a.parsed as { ok: unknown; kind: unknown };
    expect(Object.keys(parsed).sort()).toEqual(['kind', 'ok']);
    expect(typeof parsed.ok).toBe('boolean');
    expect(['fix', 'skip']).toContain(parsed.kind);
    expect(JSON.parse(a.text)).toEqual(a.parsed);
    expect(b.text).toBe(a.text);
    expect(a.promptTokens).toBe(await llm.countTokens('Decide.\n\nIs this safe?\n'));
  });

  it('embeds text as vectors of the model width', async () => {
    const [x, y, x2] = await llm.embed(['fn spawn(job: F)', 'struct Ledger', 'fn spawn(job: F)']);
    expect(x).toHaveLength(32);
    expect(y).toHaveLength(32);
    expect([...x!].every(Number.isFinite)).toBe(true);
    expect([...x2!]).toEqual([...x!]);
    expect([...y!]).not.toEqual([...x!]);
  });

  it('rejects the model garbage safely: no candidate, nothing written', async () => {
    const work = mkdtempSync(path.join(dir, 'ws-'));
    const src = 'pub fn total(xs: &[u32]) -> u32 {\n    let mut s = 0;\n    for x in xs { s += y; }\n    s\n}\n';
    writeFileSync(path.join(work, 'lib.rs'), src);
    const diag: Diagnostic = {
      level: 'error',
      code: 'E0425',
      message: 'cannot find value `y` in this scope',
      primary: { file: 'lib.rs', lineStart: 3, lineEnd: 3, columnStart: 24, columnEnd: 25, byteStart: 75, byteEnd: 76, isPrimary: true, label: 'not found in this scope' },
      spans: [],
      notes: ['help: a local variable with a similar name exists: `x`'],
      suggestions: [],
      rendered: '',
      source: 'rustc',
      packageName: 'demo',
    };
    const outcomes: ModelOutcome[] = [];
    const source = createModelSource(createLocalReasoner(llm, { maxTokens: 160 }), createPacker({ budget: 1500, countTokens: (t) => llm.countTokens(t) }), {
      onOutcome: (o) => outcomes.push(o),
    });
    const candidates = await source.propose(0, { diagnostics: [diag], files: new Map([['lib.rs', readFileSync(path.join(work, 'lib.rs'), 'utf8')]]) });
    expect(candidates).toEqual([]);
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0]!.plannedKeys).toEqual(['lib.rs:1-5']);
    expect(outcomes[0]!.rejected).toEqual(expect.any(String));
    expect(outcomes[0]!.tokensUsed).toBeGreaterThan(outcomes[0]!.bundleTokens);
    expect(outcomes[0]!.bundleTokens).toBeLessThanOrEqual(1500);
    expect(readFileSync(path.join(work, 'lib.rs'), 'utf8')).toBe(src);
  });
});

describe('LocalLlm failures', () => {
  it('names a missing model file and the way to get one', async () => {
    const e = await errorOf(LocalLlm.open(path.join(dir, 'nope.gguf')));
    expect(e.code).toBe('MODEL_MISSING');
    expect(e.message).toContain('nope.gguf');
    expect(e.hint).toContain('rustgate models pull');
    expect(e.hint).toContain('--model PATH');
  });

  it('reports a bad magic number as MODEL_INVALID with the cause', async () => {
    const e = await errorOf(LocalLlm.open(writeCorruptGguf(path.join(dir, 'magic.gguf'), 'bad_magic'), { threads: THREADS }));
    expect(e.code).toBe('MODEL_INVALID');
    expect(e.message).toContain('Invalid GGUF magic');
  });

  it("reports truncated tensor data with llama.cpp's own cause", async () => {
    const e = await errorOf(LocalLlm.open(writeCorruptGguf(path.join(dir, 'cut.gguf'), 'truncated'), { threads: THREADS }));
    expect(e.code).toBe('MODEL_INVALID');
    expect(e.message).toContain('not within the file bounds');
  });

  it('survives a model that aborts llama.cpp (SIGABRT in the worker)', async () => {
    const e = await errorOf(LocalLlm.open(writeCorruptGguf(path.join(dir, 'abort.gguf'), 'aborts'), { threads: THREADS }));
    expect(e.code).toBe('MODEL_INVALID');
    expect(e.message).toContain('killed by SIGABRT');
    expect(e.message).toContain('GGML_ASSERT');
    // This process is still alive and the shared model still answers.
    expect(await llm.countTokens('ok')).toBe(3);
  });

  it('times out a slow request, stops the worker, and refuses further requests', async () => {
    const slow = await LocalLlm.open(modelPath, { threads: THREADS, timeoutMs: 30 });
    const e = await errorOf(slow.complete({ system: 'x', prompt: 'y', maxTokens: 4000 }));
    expect(e.code).toBe('MODEL_TIMEOUT');
    expect(e.message).toContain('30 ms');
    const after = await errorOf(slow.countTokens('z'));
    expect(after.code).toBe('MODEL_FAILED');
    expect(after.message).toContain('not running');
    await slow.close();
  });

  it('times out a load', async () => {
    const e = await errorOf(LocalLlm.open(modelPath, { threads: THREADS, loadTimeoutMs: 1 }));
    expect(e.code).toBe('MODEL_TIMEOUT');
  });
});
