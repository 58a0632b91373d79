import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
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
  it('plugin.json: kebab-case name, ./-relative component paths that exist, the MCP server runs `rustgate mcp`', () => {
    expect(manifest.name).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
    expect(manifest.version).toMatch(/^\d+\.\d+\.\d+$/);
    for (const field of ['commands', 'agents', 'hooks'] as const) {
      const p = manifest[field] as string;
      expect(p.startsWith('./') && !p.includes('..'), `${field}: ${p}`).toBe(true);
      expect(existsSync(rel(p)), p).toBe(true);
    }
    expect(manifest.mcpServers).toEqual({ rustgate: { command: 'node', args: ['${CLAUDE_PLUGIN_ROOT}/dist/cli.js', 'mcp'] } });
  });

  it('commands: frontmatter with a description, and every tool they name exists in the MCP server', () => {
    const dir = rel(manifest.commands as string);
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
    const dir = rel(manifest.agents as string);
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
    const hooks = JSON.parse(readFileSync(rel(manifest.hooks as string), 'utf8')) as { hooks: Record<string, Array<{ matcher: string; hooks: Array<{ type: string; command: string; timeout: number }> }>> };
    expect(Object.keys(hooks.hooks)).toEqual(['PostToolUse']);
    const entry = hooks.hooks.PostToolUse?.[0];
    expect(new RegExp(`^(?:${entry?.matcher ?? ''})$`).test('Edit')).toBe(true);
    expect(new RegExp(`^(?:${entry?.matcher ?? ''})$`).test('Write')).toBe(true);
    expect(new RegExp(`^(?:${entry?.matcher ?? ''})$`).test('Bash')).toBe(false);
    expect(entry?.hooks[0]).toEqual({ type: 'command', command: 'node "${CLAUDE_PLUGIN_ROOT}/claude/hooks/preflight-on-edit.mjs"', timeout: 30 });
  });
});

describe('the PostToolUse shim', () => {
  const shim = rel('claude/hooks/preflight-on-edit.mjs');
  const cli = JSON.stringify([process.execPath, '--import', tsx, rel('test/mcp/cli-entry.ts')]);
  const runHook = (payload: unknown, repo: string) =>
    execa(process.execPath, [shim], { input: JSON.stringify(payload), reject: false, env: { RUSTGATE_HOOK_CLI: cli, CLAUDE_PROJECT_DIR: repo, RUSTGATE_HOOK_BUDGET_S: '60' } });

  it('reports the errors of an edited .rs file with their ISG keys; stays silent for other files and clean trees', async () => {
    const repo = await makeRepo();
    const clean = await runHook({ tool_name: 'Edit', tool_input: { file_path: path.join(repo, 'src/lib.rs') }, cwd: repo }, repo);
    expect(clean.exitCode).toBe(0);
    expect(clean.stdout).toBe('');
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
});
