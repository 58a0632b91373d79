/**
 * Issue 10 item 1 (data loss through symlink chains) and item 8 (a directory where a file is expected): every write
 * into a private copy is confined on physical paths. Two committed relative links that each look inside the
 * workspace — `a/b/c/d -> ../../..` and `e -> a/b/c/d/../../..` — resolve from a copy below `.rustgate/` to the
 * user's tree or above it; a patch through them must be refused (exit 2) and nothing of the user's may change.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { prepareValidationTree } from '../../src/app/fix-validate.js';
import { isRustgateError } from '../../src/core/errors.js';
import { CORE_LIB, FIXTURE, git, userState } from '../preflight/helpers.js';
import { runCli } from '../validate-fix/helpers.js';

const SENTINEL = 'pub fn sentinel() {}\n';

/** outer/{crates/core/src/lib.rs sentinel, repo/ (the fixture workspace with the link chain committed)}. */
async function hostileRepo(): Promise<{ outer: string; repo: string; original: string }> {
  const outer = mkdtempSync(path.join(os.tmpdir(), 'rg-safety-'));
  mkdirSync(path.join(outer, 'crates/core/src'), { recursive: true });
  writeFileSync(path.join(outer, CORE_LIB), SENTINEL);
  const repo = path.join(outer, 'repo');
  cpSync(FIXTURE, repo, { recursive: true });
  mkdirSync(path.join(repo, 'a/b/c'), { recursive: true });
  symlinkSync('../../..', path.join(repo, 'a/b/c/d'));
  // From a copy two or three levels below the root these reach the copy's parent, the user's tree, or above it.
  symlinkSync('a/b/c/d/../../..', path.join(repo, 'e'));
  symlinkSync('a/b/c/d/../..', path.join(repo, 'f'));
  symlinkSync('a/b/c/d/..', path.join(repo, 'g'));
  await git(repo, 'init', '-q', '-b', 'main');
  await git(repo, 'add', '-A');
  await git(repo, 'commit', '-q', '-m', 'links');
  return { outer, repo, original: readFileSync(path.join(repo, CORE_LIB), 'utf8') };
}

const addPatch = (p: string): string => `diff --git a/${p} b/${p}\nnew file mode 100644\n--- /dev/null\n+++ b/${p}\n@@ -0,0 +1 @@\n+pub fn pwned() {}\n`;

function patchFile(outer: string, name: string, text: string): string {
  const file = path.join(outer, `${name}.patch`);
  writeFileSync(file, text);
  return file;
}

describe('private copies never write through symlink chains', () => {
  it('validate-fix refuses patches through the links (add and a modify whose --- and +++ differ): exit 2, nothing lost', async () => {
    const { outer, repo, original } = await hostileRepo();
    const before = await userState(repo);
    const modify = (to: string): string =>
      `--- a/${CORE_LIB}\n+++ b/${to}/${CORE_LIB}\n@@ -1,2 +1,2 @@\n //! Worker helpers used by pf-app.\n-use std::thread;\n+use std::thread; // pwned\n`;
    const cases: Array<[string, string]> = [
      ['add-e', addPatch(`e/${CORE_LIB}`)],
      ['add-f', addPatch(`f/${CORE_LIB}`)],
      ['add-g', addPatch(`g/crates/core/src/x.rs`)],
      ['add-dd', addPatch(`a/b/c/d/${CORE_LIB}`)],
      ['modify-e', modify('e')],
      ['modify-f', modify('f')],
    ];
    for (const [name, text] of cases) {
      for (const staged of name.endsWith('-e') ? [false, true] : [false]) {
        const r = await runCli(['validate-fix', '--patch', patchFile(outer, name, text), '--json', '--repo', repo, ...(staged ? ['--staged'] : [])]);
        expect(r.code, `${name} ${r.err}`).toBe(2);
        expect(r.err).toMatch(/symlink/);
        expect(r.err).toContain('hint:');
        expect(readFileSync(path.join(repo, CORE_LIB), 'utf8')).toBe(original);
        expect(readFileSync(path.join(outer, CORE_LIB), 'utf8')).toBe(SENTINEL);
      }
    }
    expect(await userState(repo)).toEqual(before);
    // The copy did not materialise the escaping links at all.
    const pf = await runCli(['preflight', '--staged', '--format', 'json', '--repo', repo]);
    expect(pf.code).toBe(0);
    expect(await userState(repo)).toEqual(before);
    expect(readFileSync(path.join(outer, CORE_LIB), 'utf8')).toBe(SENTINEL);
  }, 300_000);

  it("the MCP server's validate_fix refuses the same patch as an error result; the user file survives", async () => {
    const { repo, original } = await hostileRepo();
    const before = await userState(repo);
    const { Client } = await import('@modelcontextprotocol/sdk/client/index.js');
    const { StdioClientTransport } = await import('@modelcontextprotocol/sdk/client/stdio.js');
    const entry = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../mcp/cli-entry.ts');
    const transport = new StdioClientTransport({ command: process.execPath, args: ['--import', import.meta.resolve('tsx'), entry, 'mcp', '--repo', repo], stderr: 'pipe', cwd: repo });
    const client = new Client({ name: 'rustgate-safety', version: '0.0.0' });
    await client.connect(transport);
    try {
      const r = (await client.callTool({ name: 'validate_fix', arguments: { patch: addPatch(`e/${CORE_LIB}`) } })) as { isError?: boolean; content: Array<{ text?: string }> };
      expect(r.isError).toBe(true);
      expect(JSON.parse(r.content[0]?.text ?? '{}')).toMatchObject({ error: 'PATCH_REJECTED', applies: false });
    } finally {
      await client.close();
    }
    expect(readFileSync(path.join(repo, CORE_LIB), 'utf8')).toBe(original);
    expect(await userState(repo)).toEqual(before);
  }, 120_000);

  it('prove-fix --test-patch through a link is refused, the user file survives', async () => {
    const { outer, repo, original } = await hostileRepo();
    const before = await userState(repo);
    const fix = `--- a/${CORE_LIB}\n+++ b/${CORE_LIB}\n@@ -12,3 +12,3 @@\n pub fn double(x: u64) -> u64 {\n-    x * 2\n+    x + x\n }\n`;
    const test = addPatch(`e/${CORE_LIB}`).replace('+pub fn pwned() {}', '+#[test]\n+fn t() {}').replace('@@ -0,0 +1 @@', '@@ -0,0 +1,2 @@');
    const r = await runCli(['prove-fix', '--fix', patchFile(outer, 'fix', fix), '--test-patch', patchFile(outer, 'test', test), '--json', '--repo', repo]);
    expect(r.code, r.err).toBe(2);
    expect(r.err).toMatch(/symlink/);
    expect(readFileSync(path.join(repo, CORE_LIB), 'utf8')).toBe(original);
    expect(readFileSync(path.join(outer, CORE_LIB), 'utf8')).toBe(SENTINEL);
    expect(await userState(repo)).toEqual(before);
  }, 120_000);

  it('a patch adding a directory name: exit 2 naming it; a directory planted in the copy heals; a planted link is refused', async () => {
    const { outer, repo } = await hostileRepo();
    const before = await userState(repo);
    const r = await runCli(['validate-fix', '--patch', patchFile(outer, 'dir', addPatch('a/')), '--json', '--repo', repo]);
    expect(r.code, r.err).toBe(2);
    expect(r.err).toContain('a is a directory');
    // Validation tree of debug-bug: a directory planted where the copy holds a file, and a stray file.
    await prepareValidationTree({ repoRoot: repo });
    const planted = path.join(repo, '.rustgate/validate', CORE_LIB);
    rmSync(planted);
    mkdirSync(path.join(planted, 'x/y'), { recursive: true });
    writeFileSync(path.join(planted, 'x/z.rs'), 'stray');
    writeFileSync(path.join(repo, '.rustgate/validate/crates/core/src/stray.rs'), 'stray');
    const tree = await prepareValidationTree({ repoRoot: repo });
    expect(readFileSync(planted, 'utf8')).toBe(readFileSync(path.join(repo, CORE_LIB), 'utf8'));
    expect(existsSync(path.join(repo, '.rustgate/validate/crates/core/src/stray.rs'))).toBe(false);
    expect((await tree.validate(new Map())).status).toBe('Cargo_OK');
    // The copy's own directory replaced by a link to the user's tree: refused, nothing followed.
    rmSync(path.join(repo, '.rustgate/validate'), { recursive: true });
    symlinkSync('..', path.join(repo, '.rustgate/validate'));
    const err = await prepareValidationTree({ repoRoot: repo }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(isRustgateError(err)).toBe(true);
    expect(err).toMatchObject({ code: 'WORKDIR_CORRUPT', exitCode: 2 });
    expect(String((err as Error).message)).toContain('.rustgate/validate');
    expect(await userState(repo)).toEqual(before);
  }, 120_000);
});
