// The gate hands you the fix: a blocked staged PreFlight prints the validated zero-LLM diff, its pattern and
// confidence, and the one command that applies it; that command reuses the cached validated result.
import { appendFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import type { DebugBugReport } from '../../src/app/debug-bug.js';
import { registerDebugBug } from '../../src/cli/commands/debug-bug.js';
import { renderError, type CliIO } from '../../src/cli/io.js';
import { runCli } from '../validate-fix/helpers.js';
import { git, makeRepo } from './helpers.js';

async function debugBug(args: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const io: CliIO = { out: (t) => void (out += t), err: () => undefined, interactive: false };
  let code = 0;
  const program = new Command().exitOverride();
  registerDebugBug(program, io, (c) => (code = c));
  try {
    await program.parseAsync(['debug-bug', ...args], { from: 'user' });
  } catch (e) {
    code = renderError(io, e);
  }
  return { code, out };
}

describe('a blocked pre-commit hands over the fix', () => {
  it('prints the validated diff and the apply command; debug-bug --apply reuses it', async () => {
    const repo = await makeRepo('send-bound');
    await appendFile(path.join(repo, 'src/lib.rs'), '\n/// The answer.\npub fn answer() -> u64 {\n    42\n}\n');
    await git(repo, 'add', 'src/lib.rs');
    const r = await runCli(['preflight', '--staged', '--repo', repo]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/rustgate: validated fix \(pattern \w+, confidence 0\.\d\d, (green|amber)\)/);
    expect(r.err).toMatch(/\+ {4}F: FnOnce\(\) -> u64 \+ .*Send/);
    expect(r.err).toContain('apply it with: rustgate debug-bug --apply');
    const applied = await debugBug(['--repo', repo, '--apply', '--json']);
    expect(applied.code).toBe(0);
    const j = JSON.parse(applied.out) as DebugBugReport;
    expect(j.status).toBe('fixed');
    expect(j.reused_validated_fix).toBe(true);
    expect(await git(repo, 'log', '-1', '--format=%s')).toMatch(/^rustgate: fix E0277/);
  }, 180_000);

  it('is off with fix.gate_seconds: 0, and does not search when unstaged edits differ from the index', async () => {
    const repo = await makeRepo('send-bound');
    await appendFile(path.join(repo, 'src/lib.rs'), '\n// staged\n');
    await git(repo, 'add', 'src/lib.rs');
    await appendFile(path.join(repo, 'src/lib.rs'), '// unstaged\n');
    const dirty = await runCli(['preflight', '--staged', '--repo', repo]);
    expect(dirty.code).toBe(1);
    expect(dirty.err).toMatch(/no validated fix \(unstaged changes in src\/lib\.rs/);
    await writeFile(path.join(repo, 'rustgate.yaml'), 'fix:\n  gate_seconds: 0\n');
    const off = await runCli(['preflight', '--staged', '--repo', repo]);
    expect(off.code).toBe(1);
    expect(off.err).not.toContain('rustgate: validated fix');
    expect(off.err).not.toContain('no validated fix');
  }, 180_000);
});
