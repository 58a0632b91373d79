// Resource modes: the resolution table (flag wins over rustgate.yaml, default standard), the low-mem knobs, and
// offline refusing an OpenAI-compatible server that is not on this machine (through runDebugBug too).
import { describe, expect, it } from 'vitest';
import { runDebugBug } from '../../src/app/debug-bug.js';
import { recommendModel, loadManifest } from '../../src/app/models.js';
import { checkLlmAllowed, isLoopbackUrl, resolveResourceMode } from '../../src/app/resource-modes.js';
import { makeRepo, treeHash } from '../fix/helpers.js';

const GB = 1024 ** 3;

describe('resolveResourceMode', () => {
  it.each([
    [undefined, null, {}, 'standard', 'default', false],
    [undefined, 'low-mem', {}, 'low-mem', 'config', false],
    ['standard', 'low-mem', {}, 'standard', 'flag', false],
    ['offline', 'standard', {}, 'offline', 'flag', true],
    [undefined, 'offline', {}, 'offline', 'config', true],
    ['low-mem', null, { RUSTGATE_OFFLINE: '1' }, 'low-mem', 'flag', true],
    [undefined, null, { RUSTGATE_OFFLINE: 'true' }, 'standard', 'default', true],
  ] as const)('flag %s, config %s, env %j → %s (from %s), offline %s', (flag, config, env, mode, from, offline) => {
    const plan = resolveResourceMode(flag, config, env, 16 * GB);
    expect([plan.mode, plan.from, plan.offline]).toEqual([mode, from, offline]);
  });

  it('standard keeps the current defaults; low-mem caps model, context, threads, retrieval and validation', () => {
    expect(resolveResourceMode(undefined, null, {}, 16 * GB)).toEqual({
      mode: 'standard',
      from: 'default',
      offline: false,
      reasonerMemBytes: 16 * GB,
      contextSize: undefined,
      modelThreads: undefined,
      retrievalCapPerHop: 30,
      validationParallelism: 1,
      escalateFromManifest: true,
    });
    const low = resolveResourceMode('low-mem', null, {}, 16 * GB);
    expect(low).toEqual({
      mode: 'low-mem',
      from: 'flag',
      offline: false,
      reasonerMemBytes: 4 * GB,
      contextSize: 6144,
      modelThreads: 1,
      retrievalCapPerHop: 25,
      validationParallelism: 1,
      escalateFromManifest: false,
    });
    // On 16 GB, standard recommends the 7B reasoner; low-mem's cap picks the smallest one.
    const manifest = loadManifest();
    expect(recommendModel(manifest, 'reasoner', 16 * GB)?.id).toBe('qwen2.5-coder-7b-instruct-q4km');
    expect(recommendModel(manifest, 'reasoner', low.reasonerMemBytes)?.id).toBe('qwen2.5-coder-1.5b-instruct-q4km');
    expect(resolveResourceMode('low-mem', null, {}, 6 * GB).reasonerMemBytes).toBe(3 * GB);
  });

  it('rejects an unknown --mode with BAD_FLAG', () => {
    expect(() => resolveResourceMode('turbo', null, {}, GB)).toThrow(expect.objectContaining({ code: 'BAD_FLAG', message: 'unknown --mode: turbo' }));
  });
});

describe('offline and --llm openai', () => {
  it('knows loopback URLs', () => {
    expect(['http://127.0.0.1:8080', 'http://localhost:11434/v1', 'http://[::1]:8080', 'http://127.3.2.1'].map(isLoopbackUrl)).toEqual([true, true, true, true]);
    expect(['https://api.openai.com/v1', 'http://10.0.0.5:8080', 'http://localhost.evil.com', 'not a url'].map(isLoopbackUrl)).toEqual([false, false, false, false]);
  });

  it('refuses a non-loopback base URL when offline, and allows loopback, local and none', () => {
    const offline = resolveResourceMode('offline', null, {}, GB);
    expect(() => checkLlmAllowed(offline, 'openai', { RUSTGATE_OPENAI_BASE_URL: 'https://api.example.com/v1' })).toThrow(
      expect.objectContaining({ code: 'BAD_FLAG', message: '--llm openai would reach api.example.com over the network, which --mode offline forbids' }),
    );
    expect(() => checkLlmAllowed(offline, 'openai', {})).toThrow(expect.objectContaining({ code: 'BAD_FLAG' }));
    expect(() => checkLlmAllowed(offline, 'openai', { RUSTGATE_OPENAI_BASE_URL: 'http://127.0.0.1:8080' })).not.toThrow();
    expect(() => checkLlmAllowed(offline, 'local', {})).not.toThrow();
    const viaEnv = resolveResourceMode(undefined, null, { RUSTGATE_OFFLINE: '1' }, GB);
    expect(() => checkLlmAllowed(viaEnv, 'openai', { RUSTGATE_OPENAI_BASE_URL: 'http://10.1.2.3:8080' })).toThrow(expect.objectContaining({ message: expect.stringContaining('RUSTGATE_OFFLINE=1 forbids') }));
    expect(() => checkLlmAllowed(resolveResourceMode('standard', null, {}, GB), 'openai', { RUSTGATE_OPENAI_BASE_URL: 'https://api.example.com' })).not.toThrow();
  });

  it('debug-bug --mode offline --llm openai with a remote URL fails with BAD_FLAG before anything runs', async () => {
    const repo = await makeRepo('no-fix');
    const before = await treeHash(repo);
    await expect(runDebugBug({ repo, llm: 'openai', mode: 'offline', env: { RUSTGATE_OPENAI_BASE_URL: 'https://api.example.com/v1' }, sources: [] })).rejects.toMatchObject({
      code: 'BAD_FLAG',
      hint: expect.stringContaining('127.0.0.1'),
    });
    await expect(runDebugBug({ repo, mode: 'fast', sources: [] })).rejects.toMatchObject({ code: 'BAD_FLAG', message: 'unknown --mode: fast' });
    expect(await treeHash(repo)).toBe(before);
  });

  it('debug-bug reports a non-standard mode, and the flag wins over fix.mode', async () => {
    const repo = await makeRepo('no-fix');
    const low = await runDebugBug({ repo, mode: 'low-mem', sources: [], investigate: true });
    expect([low.status, low.resource_mode]).toEqual(['no_safe_fix', 'low-mem']);
    const std = await runDebugBug({ repo, mode: 'standard', sources: [], investigate: true });
    expect('resource_mode' in std).toBe(false);
  });
});
