// The model comes last and is never fatal: it is asked only in a round where no deterministic candidate made
// progress, a model that fails costs only its candidates (a warning; the deterministic result and exit codes stand),
// and tokens_used counts only model tokens on the accepted path. Scripted reasoners record their calls; one
// unreachable OpenAI-compatible server (a closed port on 127.0.0.1). Real cargo, git and ISG store.
import { appendFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { runDebugBug, type DebugBugReport } from '../../src/app/debug-bug.js';
import { openBuiltStore } from '../../src/app/build-isg.js';
import { createModelSource, createPacker } from '../../src/adapters/llm/model-source.js';
import type { Proposal, Reasoner } from '../../src/adapters/llm/reasoner.js';
import type { ContextBundle } from '../../src/core/context/pack.js';
import { registerDebugBug } from '../../src/cli/commands/debug-bug.js';
import { renderError, type CliIO } from '../../src/cli/io.js';
import { git, makeRepo } from './helpers.js';

/** A reasoner that answers from a function of the bundle and records every call. */
function scripted(answer: (b: ContextBundle) => Partial<Proposal>): Reasoner & { calls: ContextBundle[] } {
  const calls: ContextBundle[] = [];
  return {
    name: 'scripted',
    calls,
    propose(bundle) {
      calls.push(bundle);
      return Promise.resolve({ edits: [], confidence: 0.9, tokensUsed: 37, rejected: null, raw: '', ...answer(bundle) });
    },
    close: () => Promise.resolve(),
  };
}

async function withStore<T>(repo: string, f: (store: Awaited<ReturnType<typeof openBuiltStore>>) => Promise<T>): Promise<T> {
  const store = await openBuiltStore(repo, path.join(repo, '.rustgate', 'store'));
  try {
    return await f(store);
  } finally {
    await store.close();
  }
}

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIO = { out: (t) => void (out += t), err: (t) => void (err += `${t}\n`), interactive: false };
  let code = 0;
  const program = new Command().exitOverride();
  registerDebugBug(program, io, (c) => (code = c), { sources: () => Promise.resolve([]) });
  try {
    await program.parseAsync(['debug-bug', ...args], { from: 'user' });
  } catch (e) {
    code = renderError(io, e);
  }
  return { code, out, err };
}

/** A TCP port on 127.0.0.1 that nothing listens on (bound, then closed). */
async function closedPort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as net.AddressInfo).port;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

describe('model last', () => {
  it('is not asked when a deterministic candidate validated; tokens_used stays 0', async () => {
    const repo = await makeRepo('send-bound');
    const reasoner = scripted(() => ({ rejected: 'should not be asked' }));
    const r = await withStore(repo, (store) =>
      runDebugBug({ repo, llm: 'local', store, openModel: async (onOutcome) => ({ source: createModelSource(reasoner, createPacker(), { onOutcome }), close: async () => undefined }) }),
    );
    expect(r.status).toBe('proposed');
    expect(r.candidate?.diff).toContain('+ std::marker::Send,');
    expect(reasoner.calls).toHaveLength(0);
    expect(r.candidate?.zero_llm).toBe(true);
    expect(r.candidate?.tokens_used).toBe(0);
    expect(r.llm?.asked).toBe(0);
    expect(r.rounds.some((x) => x.asked_model)).toBe(false);
  });

  it('is asked when nothing deterministic helps; its tokens count on the accepted path, bundles keyed by ISG nodes', async () => {
    const repo = await makeRepo('no-fix');
    const reasoner = scripted((b) => ({ edits: [{ key: b.plannedKeys[0] ?? '', original: 'accumulate_quux', replacement: '|a, b| a + b' }] }));
    const r = await withStore(repo, (store) =>
      runDebugBug({ repo, llm: 'local', store, openModel: async (onOutcome) => ({ source: createModelSource(reasoner, createPacker(), { onOutcome }), close: async () => undefined }) }),
    );
    expect(reasoner.calls.length).toBeGreaterThanOrEqual(1);
    expect(reasoner.calls[0]?.plannedKeys).toContain('src/lib.rs-lib-total');
    expect(r.status).toBe('proposed');
    expect(r.candidate?.zero_llm).toBe(false);
    expect(r.candidate?.tokens_used).toBe(37);
    expect(r.llm?.tokens_used).toBe(37 * reasoner.calls.length);
    expect(r.rounds[0]?.asked_model).toBe(true);
  });

  it('a model that cannot open, or is too slow, costs only its candidate: a warning, the outcome of --llm none', async () => {
    const repo = await makeRepo('no-fix');
    const broken = await withStore(repo, (store) => runDebugBug({ repo, llm: 'local', store, openModel: () => Promise.reject(new Error('model file is corrupt')) }));
    expect(broken.status).toBe('no_safe_fix');
    expect(broken.warnings).toEqual(['model:local: model file is corrupt']);
    const slowReasoner: Reasoner = { name: 'slow', propose: () => new Promise(() => undefined), close: () => Promise.resolve() };
    const slow = await withStore(repo, (store) =>
      runDebugBug({ repo, llm: 'local', store, modelTimeoutMs: 300, openModel: async (onOutcome) => ({ source: createModelSource(slowReasoner, createPacker(), { onOutcome }), close: async () => undefined }) }),
    );
    expect(slow.status).toBe('no_safe_fix');
    expect(slow.warnings).toEqual(['model:local: no answer within 300 ms']);
  });

  it('an unreachable OpenAI-compatible server changes neither the deterministic outcome nor the exit code', async () => {
    const repo = await makeRepo('two-errors');
    // One error nothing deterministic fixes, so the model is asked in the last round.
    await appendFile(path.join(repo, 'src/report.rs'), '\npub fn tax(total: u64) -> u64 {\n    total * tax_rate_quux()\n}\n');
    await git(repo, 'commit', '-q', '-am', 'tax');
    const none = await cli(['--repo', repo, '--json']);
    const port = await closedPort();
    const saved = process.env.RUSTGATE_OPENAI_BASE_URL;
    process.env.RUSTGATE_OPENAI_BASE_URL = `http://127.0.0.1:${port}`;
    let remote: Awaited<ReturnType<typeof cli>>;
    try {
      remote = await cli(['--repo', repo, '--json', '--llm', 'openai']);
    } finally {
      if (saved === undefined) delete process.env.RUSTGATE_OPENAI_BASE_URL;
      else process.env.RUSTGATE_OPENAI_BASE_URL = saved;
    }
    const a = JSON.parse(none.out) as DebugBugReport;
    const b = JSON.parse(remote.out) as DebugBugReport;
    expect(remote.code).toBe(none.code);
    expect(b.status).toBe(a.status);
    expect(b.status).toBe('proposed');
    expect(b.candidate?.diff).toBe(a.candidate?.diff);
    expect(b.errors_remaining).toEqual(a.errors_remaining);
    expect(b.warnings.length).toBeGreaterThan(0);
    expect(b.warnings[0]).toMatch(/cannot reach|fetch failed|ECONNREFUSED/);
    expect(remote.err).toMatch(/warning: model:openai/);
    expect(b.candidate?.tokens_used).toBe(0);
  });
});
