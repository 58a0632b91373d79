import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { execa, execaSync } from 'execa';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { TOOL_NAMES } from '../../src/mcp/server.js';
import { makeRepo, userHash } from '../validate-fix/helpers.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const rel = (p: string): string => path.join(ROOT, p);
const tsx = import.meta.resolve('tsx');

/** Splits `---` YAML frontmatter from a markdown file. */
function frontmatter(file: string): { meta: Record<string, unknown>; body: string } {
  const text = readFileSync(file, 'utf8');
  const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
  if (!m) throw new Error(`${file} has no frontmatter`);
  return { meta: parseYaml(m[1] ?? '') as Record<string, unknown>, body: m[2] ?? '' };
}

/** Tools a prompt names, written as "MCP tool `name`". */
const toolRefs = (body: string): string[] => Array.from(body.matchAll(/MCP tool `([a-z0-9_]+)`/g), (m) => m[1] ?? '');

const manifest = JSON.parse(readFileSync(rel('.claude-plugin/plugin.json'), 'utf8')) as Record<string, unknown>;

describe('Claude Code plugin files', () => {
  it('plugin.json: kebab-case name, the default layout (no component paths); .mcp.json runs the shipped bundle', () => {
    expect(manifest.name).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
    expect(manifest.version).toMatch(/^\d+\.\d+\.\d+$/);
    // Claude Code finds commands/, agents/ and hooks/hooks.json at the plugin root; a folder in "agents" is rejected.
    for (const field of ['commands', 'agents', 'hooks']) expect(manifest[field], field).toBeUndefined();
    for (const p of ['commands', 'agents', 'hooks/hooks.json']) expect(existsSync(rel(p)), p).toBe(true);
    const mcp = JSON.parse(readFileSync(rel('.mcp.json'), 'utf8')) as { mcpServers: unknown };
    expect(mcp.mcpServers).toEqual({ rustgate: { command: 'node', args: ['${CLAUDE_PLUGIN_ROOT}/dist/bundle/cli.js', 'mcp'] } });
    // Claude Code runs no build in its plugin cache: the server's entry is committed.
    const tracked = execaSync('git', ['ls-files', '--error-unmatch', 'dist/bundle/cli.js'], { cwd: ROOT, reject: false });
    expect(tracked.exitCode, 'dist/bundle/cli.js must be committed').toBe(0);
  });

  it('marketplace.json lists the plugin from the repository root under the same name and version', () => {
    const market = JSON.parse(readFileSync(rel('.claude-plugin/marketplace.json'), 'utf8')) as { name: string; owner: { name: string }; plugins: Array<{ name: string; source: string; version: string }> };
    expect(market.name).toMatch(/^[a-z][a-z0-9-]*$/);
    expect(market.owner.name.length).toBeGreaterThan(0);
    expect(market.plugins.map((p) => [p.name, p.source, p.version])).toEqual([[manifest.name, './', manifest.version]]);
  });

  it('commands: frontmatter with a description, and every tool they name exists in the MCP server', () => {
    const dir = rel('commands');
    const names = readdirSync(dir).filter((f) => f.endsWith('.md')).sort();
    expect(names).toEqual(['build-isg.md', 'debug-bug.md', 'prove-fix.md', 'validate-fix.md']);
    for (const n of names) {
      const { meta, body } = frontmatter(path.join(dir, n));
      expect(typeof meta.description, n).toBe('string');
      const refs = toolRefs(body);
      expect(refs.length, n).toBeGreaterThan(0);
      for (const t of refs) expect(TOOL_NAMES as readonly string[], `${n} names ${t}`).toContain(t);
    }
    // The fix flow goes scope → context → diff → validate_fix → present → apply on approval, in that order.
    const flow = frontmatter(path.join(dir, 'debug-bug.md')).body;
    const order = ['`debug_bug`', '`context`', 'unified', '`validate_fix`', 'confidence', 'approval'].map((s) => flow.indexOf(s));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('agents: one per role, each with name/description frontmatter and a tool that exists', () => {
    const dir = rel('agents');
    const names = readdirSync(dir).filter((f) => f.endsWith('.md')).sort();
    expect(names.map((n) => n.replace(/\.md$/, ''))).toEqual([
      'anti-pattern-detector', 'constraint-enforcer', 'context-builder', 'deep-reasoner', 'diff-presenter', 'exact-retriever',
      'first-responder', 'learning-orchestrator', 'pattern-recognizer', 'safety-gate', 'vector-retriever',
    ]);
    for (const n of names) {
      const { meta, body } = frontmatter(path.join(dir, n));
      expect(meta.name, n).toBe(n.replace(/\.md$/, ''));
      expect(typeof meta.description === 'string' && (meta.description as string).length > 40, n).toBe(true);
      const refs = toolRefs(body);
      expect(refs.length, n).toBeGreaterThan(0);
      for (const t of refs) expect(TOOL_NAMES as readonly string[], `${n} names ${t}`).toContain(t);
    }
  });

  it('hooks.json: a PostToolUse hook on Edit/Write running the preflight shim with a timeout', () => {
    const hooks = JSON.parse(readFileSync(rel('hooks/hooks.json'), 'utf8')) as { hooks: Record<string, Array<{ matcher: string; hooks: Array<{ type: string; command: string; timeout: number }> }>> };
    expect(Object.keys(hooks.hooks)).toEqual(['PostToolUse']);
    const entry = hooks.hooks.PostToolUse?.[0];
    expect(new RegExp(`^(?:${entry?.matcher ?? ''})$`).test('Edit')).toBe(true);
    expect(new RegExp(`^(?:${entry?.matcher ?? ''})$`).test('Write')).toBe(true);
    expect(new RegExp(`^(?:${entry?.matcher ?? ''})$`).test('Bash')).toBe(false);
    expect(entry?.hooks[0]).toEqual({ type: 'command', command: 'node "${CLAUDE_PLUGIN_ROOT}/hooks/preflight-on-edit.mjs"', timeout: 30 });
  });
});

describe('the PostToolUse shim', () => {
  const shim = rel('hooks/preflight-on-edit.mjs');
  const cli = JSON.stringify([process.execPath, '--import', tsx, rel('test/mcp/cli-entry.ts')]);
  const runHook = (payload: unknown, repo: string, env: Record<string, string> = {}) =>
    execa(process.execPath, [shim], { input: JSON.stringify(payload), reject: false, env: { RUSTGATE_HOOK_CLI: cli, CLAUDE_PROJECT_DIR: repo, RUSTGATE_HOOK_BUDGET_S: '60', ...env } });
  const context = (stdout: string): string => (JSON.parse(stdout) as { hookSpecificOutput: { hookEventName: string; additionalContext: string } }).hookSpecificOutput.additionalContext;

  it('reports the errors of an edited .rs file with their ISG keys, a clean tree as context, and ignores other files', async () => {
    const repo = await makeRepo();
    const clean = await runHook({ tool_name: 'Edit', tool_input: { file_path: path.join(repo, 'src/lib.rs') }, cwd: repo }, repo);
    expect(clean.exitCode).toBe(0);
    expect(context(clean.stdout)).toBe('rustgate PreFlight after editing lib.rs: the working tree compiles (cargo check in a private copy).');
    const lib = path.join(repo, 'src/lib.rs');
    writeFileSync(lib, readFileSync(lib, 'utf8').replace('    a + b\n', '    a + "one"\n'));
    const before = userHash(repo);
    const other = await runHook({ tool_name: 'Write', tool_input: { file_path: path.join(repo, 'README.md') }, cwd: repo }, repo);
    expect([other.exitCode, other.stdout]).toEqual([0, '']);
    const r = await runHook({ tool_name: 'Edit', tool_input: { file_path: lib }, cwd: repo }, repo);
    expect(r.exitCode).toBe(0);
    const out = JSON.parse(r.stdout) as { decision: string; reason: string };
    expect(out.decision).toBe('block');
    expect(out.reason).toContain('1 error(s) in the working tree');
    expect(out.reason).toContain('- E0277 at src/lib.rs:5 in src/lib.rs-lib-add (fn add): cannot add `&str` to `i32`');
    expect(userHash(repo)).toBe(before);
  }, 60_000);

  it('tells the model when it could not check: over budget, not a Cargo workspace, no CLI', async () => {
    const repo = await makeRepo();
    const file = { tool_name: 'Edit', tool_input: { file_path: path.join(repo, 'src/lib.rs') }, cwd: repo };
    const slow = await runHook(file, repo, { RUSTGATE_HOOK_BUDGET_S: '0.001' });
    expect(slow.exitCode).toBe(0);
    expect(context(slow.stdout)).toMatch(/^rustgate PreFlight did NOT check lib\.rs: it ran over the 0\.001 s budget \(RUSTGATE_HOOK_BUDGET_S\)\. The edit is unchecked/);
    const notRust = mkdtempSync(path.join(tmpdir(), 'rustgate-hook-plain-'));
    const plain = await runHook({ tool_name: 'Write', tool_input: { file_path: path.join(notRust, 'x.rs') }, cwd: notRust }, notRust);
    expect(context(plain.stdout)).toMatch(/^rustgate PreFlight did NOT check x\.rs \(exit 2\): /);
    const missing = await runHook(file, repo, { RUSTGATE_HOOK_CLI: JSON.stringify([path.join(notRust, 'no-such-rustgate')]) });
    expect(context(missing.stdout)).toMatch(/^rustgate PreFlight did NOT check lib\.rs: the CLI could not start \(/);
  }, 60_000);
});
