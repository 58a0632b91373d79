import { chmodSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  checkWithLanguageServer,
  detectRustAnalyzer,
  RA_MISSING_NOTICE,
  rustAnalyzerCheck,
  rustAnalyzerNotice,
  startLanguageServer,
} from '../../src/adapters/lsp/index.js';

const serverScript = path.join(import.meta.dirname, 'server/marker-server.ts');
const tsx = import.meta.resolve('tsx');
/** The marker server as a command line, in the given mode. */
const server = (mode: string): { command: string; args: string[] } => ({ command: process.execPath, args: ['--import', tsx, serverScript, `--mode=${mode}`] });

/** Pids of marker servers still running in `mode`. */
function liveServers(modeArg: string): number[] {
  return readdirSync('/proc')
    .filter((e) => /^\d+$/.test(e))
    .filter((e) => {
      try {
        const cmd = readFileSync(`/proc/${e}/cmdline`, 'utf8');
        return cmd.includes('marker-server.ts') && cmd.includes(modeArg);
      } catch {
        return false;
      }
    })
    .map(Number);
}

const root = mkdtempSync(path.join(os.tmpdir(), 'rg-lsp-'));
const broken = 'pub fn a() {}\nlet BROKEN = 1; // SHAKY\n';
const files = [
  { path: 'src/lib.rs', text: broken },
  { path: 'src/clean.rs', text: 'pub fn ok() {}\n' },
];
const brokenError = {
  level: 'error',
  code: 'E9999',
  message: 'marker BROKEN found',
  source: 'rust-analyzer',
  packageName: null,
  primary: { file: 'src/lib.rs', lineStart: 2, lineEnd: 2, columnStart: 5, columnEnd: 11, byteStart: 18, byteEnd: 24, isPrimary: true, label: null },
};

describe('checkWithLanguageServer against a real LSP server', () => {
  it.each(['push', 'pull'])('opens unsaved buffers and collects error diagnostics (%s mode)', async (mode) => {
    const r = await checkWithLanguageServer({ ...server(mode), root, files, quietMs: 200, timeoutMs: 30_000 });
    expect(r.status).toBe('ok');
    expect(r.message).toBeNull();
    expect(r.serverName).toBe('marker-server');
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject(brokenError);
  });

  it('keeps warnings when asked', async () => {
    const r = await checkWithLanguageServer({ ...server('push'), root, files, quietMs: 200, minLevel: 'warning' });
    expect(r.diagnostics.map((d) => [d.level, d.code, d.primary?.lineStart, d.primary?.columnStart])).toEqual([
      ['error', 'E9999', 2, 5],
      ['warning', 'W0001', 2, 20],
    ]);
  });

  it('follows didChange: clean, then broken, then clean again', async () => {
    const uri = pathToFileURL(path.join(root, 'src/lib.rs')).href;
    const s = await startLanguageServer(server('push').command, server('push').args, pathToFileURL(root).href);
    s.open(uri, 'pub fn a() {}\n');
    const codes = async (): Promise<string[]> =>
      [...(await s.collectDiagnostics({ uris: [uri], quietMs: 200, timeoutMs: 10_000 })).diagnostics.get(uri)!].map((d) => String(d.code));
    expect(await codes()).toEqual([]);
    s.change(uri, broken);
    expect(await codes()).toEqual(['E9999', 'W0001']);
    s.change(uri, 'pub fn a() {}\n');
    expect(await codes()).toEqual([]);
    await s.shutdown();
    expect((await s.exited).exitCode).toBe(0);
  });

  it('gives up on a server that never answers, with a clear result and the process gone', async () => {
    const started = Date.now();
    const r = await checkWithLanguageServer({ ...server('silent'), root, files, timeoutMs: 1500 });
    expect(r.status).toBe('timeout');
    expect(r.diagnostics).toEqual([]);
    expect(r.message).toBe(`${process.execPath} did not answer initialize within 1500 ms`);
    expect(Date.now() - started).toBeLessThan(6000);
    expect(liveServers('--mode=silent')).toEqual([]);
  });

  it('kills a server that ignores shutdown', async () => {
    const s = await startLanguageServer(server('no-shutdown').command, server('no-shutdown').args, pathToFileURL(root).href);
    const { signal } = await Promise.race([
      (async () => {
        await s.shutdown(500);
        return s.exited;
      })(),
      new Promise<never>((_, rej) => setTimeout(() => rej(new Error('shutdown hung')), 10_000)),
    ]);
    expect(signal).toBe('SIGKILL');
  });

  it.each([
    ['crash-on-init', 'code 3'],
    ['crash-on-open', 'code 7'],
  ])('reports a server that crashes (%s)', async (mode, exit) => {
    const r = await checkWithLanguageServer({ ...server(mode), root, files, quietMs: 200, timeoutMs: 30_000 });
    expect(r.status).toBe('crashed');
    expect(r.diagnostics).toEqual([]);
    expect(r.message).toContain(exit);
  });

  it('reports a server that cannot be started as unavailable', async () => {
    const r = await checkWithLanguageServer({ command: path.join(root, 'no-such-server'), root, files });
    expect(r.status).toBe('unavailable');
    expect(r.message).toContain('no-such-server');
  });
});

describe('rust-analyzer detection', () => {
  const bin = mkdtempSync(path.join(os.tmpdir(), 'rg-lsp-bin-'));
  const script = (name: string, body: string): string => {
    const file = path.join(bin, name);
    writeFileSync(file, `#!/bin/sh\n${body}\n`);
    chmodSync(file, 0o755);
    return file;
  };
  // What `~/.cargo/bin/rust-analyzer` does when the rustup component is not installed.
  const proxy = script('ra-proxy', `echo "error: Unknown binary 'rust-analyzer' in official toolchain 'stable-x86_64-unknown-linux-gnu'." >&2; exit 1`);
  const real = script('ra-real', 'echo "rust-analyzer 1.95.0 (5980761 2026-04-14)"');

  it('counts the rustup proxy without the component as absent', async () => {
    const p = await detectRustAnalyzer(proxy);
    expect(p).toEqual({
      available: false, command: proxy, version: null,
      reason: "error: Unknown binary 'rust-analyzer' in official toolchain 'stable-x86_64-unknown-linux-gnu'.",
    });
    expect(rustAnalyzerNotice(p)).toBe('rust-analyzer not found: cargo check only');
  });

  it('counts a missing command as absent and a working one as present', async () => {
    const missing = await detectRustAnalyzer(path.join(bin, 'nothing-here'));
    expect(missing.available).toBe(false);
    expect(rustAnalyzerNotice(missing)).toBe(RA_MISSING_NOTICE);
    const ok = await detectRustAnalyzer(real);
    expect(ok).toEqual({ available: true, command: real, version: 'rust-analyzer 1.95.0 (5980761 2026-04-14)', reason: null });
    expect(rustAnalyzerNotice(ok)).toBeNull();
  });

  it('rustAnalyzerCheck returns the notice without starting anything when rust-analyzer is absent', async () => {
    const r = await rustAnalyzerCheck({ root, files, command: proxy });
    expect(r).toEqual({ status: 'unavailable', diagnostics: [], message: RA_MISSING_NOTICE, serverName: null, ms: 0 });
  });
});
