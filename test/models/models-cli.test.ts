// `rustgate models list | verify | pull` on a temp cache dir. Never downloads: pull is tested offline and on a
// file that is already present.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command, CommanderError } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadManifest, openModelSource, recommendModel, resolveModelPath } from '../../src/app/models.js';
import { registerModels } from '../../src/cli/commands/models.js';
import { renderError, type CliIO } from '../../src/cli/io.js';
import { writeTinyGguf } from '../helpers/gguf.js';

let dir: string;
const savedEnv = { ...process.env };

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'rustgate-models-'));
  process.env.RUSTGATE_MODELS_DIR = dir;
  delete process.env.RUSTGATE_OFFLINE;
});

afterAll(() => {
  process.env = savedEnv;
  rmSync(dir, { recursive: true, force: true });
});

/** Runs `rustgate models ...` in-process and returns exit code and output. */
async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIO = { out: (t) => void (out += `${t}\n`), err: (t) => void (err += `${t}\n`), interactive: false };
  let code = 0;
  const program = new Command().exitOverride().configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) });
  registerModels(program, io, (c) => (code = c));
  try {
    await program.parseAsync(['models', ...args], { from: 'user' });
  } catch (e) {
    code = e instanceof CommanderError ? 2 : renderError(io, e);
  }
  return { code, out, err };
}

const IDS = ['qwen2.5-coder-1.5b-instruct-q4km', 'qwen2.5-coder-3b-instruct-q4km', 'qwen2.5-coder-7b-instruct-q4km', 'qwen2.5-coder-0.5b-instruct-q4km', 'nomic-embed-text-v1.5-q4km'];
const SMALL = 'qwen2.5-coder-1.5b-instruct-q4_k_m.gguf';

describe('models list', () => {
  it('prints the contract JSON with nothing present', async () => {
    const { code, out } = await run('list', '--json');
    expect(code).toBe(0);
    const json = JSON.parse(out) as { models: Array<Record<string, unknown>> };
    expect(json.models.map((m) => m.id)).toEqual(IDS);
    expect(json.models[0]).toEqual({ id: IDS[0], role: 'reasoner', file: SMALL, format: 'gguf', size_bytes: null, sha256: null, present: false });
    expect(json.models.map((m) => m.role)).toEqual(['reasoner', 'reasoner', 'reasoner', 'scout', 'embedding']);
    expect(json.models.every((m) => m.present === false)).toBe(true);
  });
});

describe('models verify and pull (no network)', () => {
  it('records the hash of a present file on first use, then checks it', async () => {
    const file = writeTinyGguf(path.join(dir, SMALL), { seed: 3, architecture: 'qwen2' });
    const sha = createHash('sha256').update(readFileSync(file)).digest('hex');
    const listed = JSON.parse((await run('list', '--json')).out) as { models: Array<Record<string, unknown>> };
    expect(listed.models[0]).toMatchObject({ present: true, size_bytes: statSync(file).size, sha256: null });

    const first = await run('verify', '--json');
    expect(first.code).toBe(0);
    const rows = (JSON.parse(first.out) as { models: Array<Record<string, unknown>> }).models;
    expect(rows[0]).toEqual({ id: IDS[0], file: SMALL, status: 'recorded', expected_sha256: null, actual_sha256: sha, architecture: 'qwen2' });
    expect(rows.slice(1).map((r) => r.status)).toEqual(['missing', 'missing', 'missing', 'missing']);
    expect((JSON.parse((await run('list', '--json')).out) as { models: Array<Record<string, unknown>> }).models[0]!.sha256).toBe(sha);

    const again = await run('verify', IDS[0]!, '--json');
    expect(JSON.parse(again.out)).toEqual({ ok: true, models: [{ id: IDS[0], file: SMALL, status: 'ok', expected_sha256: sha, actual_sha256: sha, architecture: 'qwen2' }] });

    // A present file is kept, not downloaded: pull works without any network.
    const pulled = await run('pull', IDS[0]!, '--json');
    expect(pulled.code).toBe(0);
    expect(JSON.parse(pulled.out)).toEqual({ id: IDS[0], path: file, downloaded: false, sha256: sha, verified: 'recorded' });

    appendFileSync(file, 'tampered');
    const bad = await run('verify', IDS[0]!, '--json');
    expect(bad.code).toBe(1);
    expect((JSON.parse(bad.out) as { models: Array<{ status: string }> }).models[0]!.status).toBe('mismatch');
    const badPull = await run('pull', IDS[0]!);
    expect(badPull.code).toBe(2);
    expect(badPull.err).toContain('error[MODEL_INVALID]');
    rmSync(file);
  });

  it('never trusts random bytes or another architecture on first use: invalid, exit 1, nothing recorded', async () => {
    const file = path.join(dir, SMALL);
    rmSync(path.join(dir, 'verified.json'), { force: true });
    writeFileSync(file, createHash('sha256').update('random').digest());
    const random = await run('verify', IDS[0]!, '--json');
    expect(random.code).toBe(1);
    expect((JSON.parse(random.out) as { models: Array<Record<string, unknown>> }).models[0]).toMatchObject({ status: 'invalid', problem: 'not a GGUF file (bad magic)' });
    writeTinyGguf(file, { seed: 4 }); // a real GGUF header, but llama, while the entry is qwen2
    const wrongArch = await run('verify', IDS[0]!, '--json');
    expect(wrongArch.code).toBe(1);
    expect((JSON.parse(wrongArch.out) as { models: Array<Record<string, unknown>> }).models[0]).toMatchObject({
      status: 'invalid', architecture: 'llama', problem: 'architecture llama, the manifest entry expects qwen2',
    });
    expect(existsSync(path.join(dir, 'verified.json')) ? (JSON.parse(readFileSync(path.join(dir, 'verified.json'), 'utf8')) as Record<string, unknown>)[IDS[0]!] : undefined).toBeUndefined();
    const pull = await run('pull', IDS[0]!);
    expect(pull.code).toBe(2);
    expect(pull.err).toContain('error[MODEL_INVALID]');
    rmSync(file);
  });

  it('a FIFO, a link to /dev/zero or a directory at a model path is exit 2 naming the path, without hanging', async () => {
    const file = path.join(dir, SMALL);
    execFileSync('mkfifo', [file]);
    const fifo = await run('verify', IDS[0]!, '--json');
    expect(fifo.code).toBe(2);
    expect(fifo.err).toContain(`error[MODEL_INVALID]: model path ${file} is a FIFO, not a GGUF file`);
    rmSync(file);
    symlinkSync('/dev/zero', file);
    const zero = await run('verify', IDS[0]!, '--json');
    expect(zero.code).toBe(2);
    expect(zero.err).toContain(`model path ${file} is a device`);
    rmSync(file);
    mkdirSync(file);
    const asDir = await run('verify', '--json');
    expect(asDir.code).toBe(2);
    expect(asDir.err).toContain(`model path ${file} is a directory`);
    expect(() => resolveModelPath(IDS[0], 'reasoner')).toThrow(expect.objectContaining({ code: 'MODEL_INVALID', exitCode: 2 }));
    rmSync(file, { recursive: true });
  });

  it('refuses to download when offline and says how to get the file', async () => {
    const viaFlag = await run('pull', IDS[2]!, '--offline');
    expect(viaFlag.code).toBe(2);
    expect(viaFlag.err).toContain(`error[MODEL_MISSING]: model ${IDS[2]} (qwen2.5-coder-7b-instruct-q4_k_m.gguf) is not in ${dir} and offline mode`);
    expect(viaFlag.err).toContain('https://huggingface.co/Qwen/Qwen2.5-Coder-7B-Instruct-GGUF');
    process.env.RUSTGATE_OFFLINE = '1';
    try {
      const viaEnv = await run('pull', IDS[4]!);
      expect(viaEnv.code).toBe(2);
      expect(viaEnv.err).toContain('nomic-embed-text-v1.5.Q4_K_M.gguf');
    } finally {
      delete process.env.RUSTGATE_OFFLINE;
    }
    const unknown = await run('pull', 'gpt-17');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('error[BAD_FLAG]: unknown model id "gpt-17"');
    const verifyMissing = await run('verify', IDS[1]!);
    expect(verifyMissing.err).toContain('error[MODEL_MISSING]');
  });
});

describe('resource modes and --model', () => {
  const entries = loadManifest();
  const GB = 1024 ** 3;
  it('recommends the largest reasoner that fits, preferring present files', () => {
    expect(recommendModel(entries, 'reasoner', 2 * GB)?.id).toBe(IDS[0]);
    expect(recommendModel(entries, 'reasoner', 4 * GB)?.id).toBe(IDS[0]);
    expect(recommendModel(entries, 'reasoner', 8 * GB)?.id).toBe(IDS[1]);
    expect(recommendModel(entries, 'reasoner', 32 * GB)?.id).toBe(IDS[2]);
    expect(recommendModel(entries, 'embedding', 32 * GB)?.id).toBe(IDS[4]);
    const present = mkdtempSync(path.join(dir, 'p-'));
    writeFileSync(path.join(present, SMALL), 'x');
    expect(recommendModel(entries, 'reasoner', 32 * GB, present)?.id).toBe(IDS[0]);
  });

  it('resolves --model as a path or an id', () => {
    expect(resolveModelPath('some/dir/m.gguf', 'reasoner')).toBe(path.resolve('some/dir/m.gguf'));
    expect(() => resolveModelPath(IDS[1], 'reasoner')).toThrow(/is not in/);
    expect(() => resolveModelPath(undefined, 'reasoner', { totalMemBytes: 32 * GB })).toThrow(/qwen2.5-coder-7b-instruct-q4km/);
  });

  it('rejects a broken manifest with the entry and field', () => {
    const bad = path.join(dir, 'bad.yaml');
    writeFileSync(bad, 'models:\n  - id: x\n    role: oracle\n');
    expect(() => loadManifest(bad)).toThrow('models[0].role must be reasoner|embedding|scout');
  });
});

describe('--llm wiring', () => {
  it('opens nothing for none, a worker for local --model PATH, and names what is missing', async () => {
    expect(await openModelSource('none')).toBeNull();
    const tiny = writeTinyGguf(path.join(dir, 'wiring.gguf'), { seed: 5 });
    const opened = await openModelSource('local', { model: tiny, threads: 1, contextSize: 512 });
    expect(opened).not.toBeNull();
    expect(opened!.source.name).toBe('llm');
    expect(opened!.reasoner.name).toBe(`local:${tiny}`);
    expect(await opened!.reasoner.countTokens!('hello')).toBe(6);
    await opened!.close();
    await expect(openModelSource('local', { model: IDS[1] })).rejects.toMatchObject({ code: 'MODEL_MISSING' });
    await expect(openModelSource('local', { model: path.join(dir, 'absent.gguf') })).rejects.toMatchObject({ code: 'MODEL_MISSING' });
    await expect(openModelSource('openai', { env: {} })).rejects.toMatchObject({ code: 'MODEL_MISSING' });
  });
});
