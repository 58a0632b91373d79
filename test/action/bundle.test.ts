// The bundled CLI (dist/bundle/, what the Action and the Claude Code plugin run) from a clean action root with no
// node_modules anywhere above it: it parses with the shipped tree-sitter prebuilds, stores with the shipped Cozo
// wasm (both from dist/bundle/vendor/, which npm packs, unlike a nested node_modules), installs the git hooks, and says
// what to install for the optional node-llama-cpp.
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { execa } from 'execa';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildBundle, ROOT } from './harness.js';

let cli = '';
let repo = '';

async function git(cwd: string, ...args: string[]): Promise<void> {
  await execa('git', args, { cwd });
}

beforeAll(async () => {
  cli = join(dirname(await buildBundle()), 'bundle', 'cli.js');
  repo = mkdtempSync(join(tmpdir(), 'rustgate-bundle-repo-'));
  cpSync(join(ROOT, 'examples/ledger'), repo, { recursive: true });
  await git(repo, 'init', '-q', '-b', 'main');
  await git(repo, 'config', 'user.email', 'test@rustgate.invalid');
  await git(repo, 'config', 'user.name', 'rustgate test');
  await git(repo, 'add', '-A');
  await git(repo, 'commit', '-q', '-m', 'base');
}, 120_000);

/** Runs the bundled CLI with a minimal environment (no NODE_PATH, no npm): what a runner or the plugin cache has. */
function run(args: string[], env: Record<string, string> = {}) {
  const keep = ['PATH', 'HOME', 'CARGO_HOME', 'RUSTUP_HOME', 'RUSTUP_TOOLCHAIN'];
  const base = Object.fromEntries(keep.filter((k) => process.env[k]).map((k) => [k, process.env[k] as string]));
  return execa(process.execPath, [cli, ...args], { cwd: repo, env: { ...base, ...env }, extendEnv: false, reject: false, timeout: 170_000 });
}

describe('the bundled CLI from a clean copy', () => {
  it('prints the package version and builds the graph (tree-sitter prebuilds, Cozo wasm)', async () => {
    const v = await run(['--version']);
    expect(v.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const r = await run(['build-isg', '--json']);
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
    const report = JSON.parse(r.stdout) as { nodes: number; files_parsed: number };
    expect(report.files_parsed).toBeGreaterThan(0);
    expect(report.nodes).toBeGreaterThan(10);
  }, 120_000);

  it('runs preflight on a staged broken change and maps the error', async () => {
    const file = join(repo, 'crates/ledger-app/src/lib.rs');
    writeFileSync(file, 'pub fn broken() -> u32 { "no" }\n', { flag: 'a' });
    await git(repo, 'add', '-A');
    const r = await run(['preflight', '--staged', '--format', 'json']);
    expect(r.exitCode, r.stderr).toBe(1);
    const report = JSON.parse(r.stdout) as { ok: boolean; diagnostics: Array<{ code: string | null; file: string | null }> };
    expect(report.ok).toBe(false);
    expect(report.diagnostics.some((d) => d.code === 'E0308' && d.file === 'crates/ledger-app/src/lib.rs')).toBe(true);
    await git(repo, 'reset', '-q', '--hard');
  }, 170_000);

  it('installs the git hooks, pointing at the bundle', async () => {
    const r = await run(['hooks', 'install']);
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/hooks installed/);
    const uninstall = await run(['hooks', 'uninstall']);
    expect(uninstall.exitCode).toBe(0);
  }, 60_000);

  it('models pull without node-llama-cpp: exit 2 naming the exact package to install', async () => {
    const models = mkdtempSync(join(tmpdir(), 'rustgate-bundle-models-'));
    const r = await run(['models', 'pull', 'qwen2.5-coder-1.5b-instruct-q4km'], { RUSTGATE_MODELS_DIR: models });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('needs node-llama-cpp, an optional dependency that is not installed');
    expect(r.stderr).toContain('npm i -E node-llama-cpp@3.21.1');
    expect(r.stderr).toContain('--llm none');
  }, 60_000);
});
