import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyHunks } from '../../src/core/patch/apply.js';
import { parseUnifiedDiff, unsafePathReason } from '../../src/core/patch/parse.js';
import { readPatchArg } from '../../src/cli/commands/validate-fix.js';
import { makeRepo, PATCHES, runCli, userHash } from './helpers.js';

const patch = (name: string): string => path.join(PATCHES, name);

describe('patch parsing (pure)', () => {
  it.each([
    ['.git/config', 'is inside .git/'],
    ['src/../../outside.rs', 'escapes the repository'],
    ['../outside.rs', 'escapes the repository'],
    ['/etc/passwd', 'is an absolute path'],
    ['sub/.GIT/hooks/pre-commit', 'is inside .git/'],
    ['.rustgate/store/x', ".rustgate/"],
  ])('%s is refused (%s)', (p, why) => expect(unsafePathReason(p)).toContain(why));

  it('accepts plain relative paths', () => {
    expect(unsafePathReason('src/lib.rs')).toBeNull();
    expect(unsafePathReason('./src/a/../lib.rs')).toBeNull();
  });

  it('refuses binary patches and a non-diff', () => {
    expect(parseUnifiedDiff('diff --git a/x.png b/x.png\nBinary files a/x.png and b/x.png differ\n')).toEqual({ ok: false, reason: 'binary patches are not supported' });
    expect(parseUnifiedDiff('')).toEqual({ ok: false, reason: 'the patch is empty' });
  });

  it('applies hunks with an offset and records the changed original lines', () => {
    const p = parseUnifiedDiff('--- a/f.rs\n+++ b/f.rs\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n@@ -6,2 +6,3 @@\n f\n+g2\n h\n');
    if (!p.ok) throw new Error(p.reason);
    const r = applyHunks('x\na\nb\nc\nd\ne\nf\nh\n', p.files[0]!.hunks);
    expect(r).toEqual({ ok: true, text: 'x\na\nB\nc\nd\ne\nf\ng2\nh\n', changed: { removed: [3], insertedBefore: [8] } });
    const bad = applyHunks('a\nZ\nc\n', p.files[0]!.hunks);
    expect(bad).toMatchObject({ ok: false, hunk: 1, header: '@@ -1,3 +1,3 @@' });
  });
});

describe('patch application edge cases (pure)', () => {
  const apply = (diff: string, text: string) => {
    const p = parseUnifiedDiff(diff);
    if (!p.ok) throw new Error(p.reason);
    return applyHunks(text, p.files[0]!.hunks);
  };
  const table: Array<[string, string, string, string]> = [
    ['CRLF lines keep their \\r', '--- a/f.rs\n+++ b/f.rs\n@@ -1,2 +1,2 @@\n a\r\n-b\r\n+B\r\n', 'a\r\nb\r\n', 'a\r\nB\r\n'],
    ['no newline at end of file on both sides', '--- a/f.rs\n+++ b/f.rs\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+B\n\\ No newline at end of file\n', 'a\nb', 'a\nB'],
    ['adding a final newline', '--- a/f.rs\n+++ b/f.rs\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n', 'a\nb', 'a\nb\n'],
    ['appending at the end', '--- a/f.rs\n+++ b/f.rs\n@@ -1,2 +1,3 @@\n a\n b\n+c\n', 'a\nb\n', 'a\nb\nc\n'],
  ];
  it.each(table)('%s', (_name, diff, before, after) => expect(apply(diff, before)).toMatchObject({ ok: true, text: after }));

  it('reads the patch from a file or from stdin (-)', () => {
    expect(readPatchArg('-', () => 'from stdin')).toBe('from stdin');
    expect(() => readPatchArg(undefined)).toThrow('--patch is required');
    expect(() => readPatchArg('/nonexistent/x.patch')).toThrow('cannot read the patch /nonexistent/x.patch');
  });
});

describe('rustgate validate-fix', () => {
  it('a good patch: exit 0, Cargo_OK, exact touched keys, nothing written', async () => {
    const repo = await makeRepo();
    const before = userHash(repo);
    const r = await runCli(['validate-fix', '--patch', patch('fix.patch'), '--json', '--repo', repo]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as Record<string, unknown>;
    expect(j).toMatchObject({ ok: true, applies: true, touched_files: ['src/lib.rs'], touched_keys: ['src/lib.rs-lib-clamp'], diagnostics: [], tests: null, validation_status: 'Cargo_OK' });
    expect(userHash(repo)).toBe(before);
    // With --tests the impacted tests run in the copy too.
    const t = await runCli(['validate-fix', '--patch', patch('test-high.patch'), '--tests', '--json', '--repo', repo]);
    const tj = JSON.parse(t.out) as Record<string, unknown>;
    expect(t.code).toBe(1); // the new test fails on the unfixed code
    expect(tj).toMatchObject({ ok: false, applies: true, touched_keys: ['src/lib.rs-lib-tests'], tests: { ran: 2, passed: 1, failed: 1 }, validation_status: 'Failed' });
    expect(userHash(repo)).toBe(before);
    // The copy was restored: validating the fix again still sees no test from the previous patch.
    const again = await runCli(['validate-fix', '--patch', patch('fix.patch'), '--tests', '--json', '--repo', repo]);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.out)).toMatchObject({ ok: true, tests: { ran: 1, passed: 1, failed: 0 }, validation_status: 'Tests_OK' });
  }, 90_000);

  it('a breaking patch: exit 1 with the E-code mapped to its ISG key; --staged patches the index', async () => {
    const repo = await makeRepo();
    const before = userHash(repo);
    const r = await runCli(['validate-fix', '--patch', patch('breaking.patch'), '--json', '--repo', repo]);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out) as { diagnostics: Array<Record<string, unknown>> } & Record<string, unknown>;
    expect(j).toMatchObject({ ok: false, applies: true, touched_keys: ['src/lib.rs-lib-add'], validation_status: 'Failed' });
    const err = j.diagnostics.find((d) => d.level === 'error');
    expect(err).toMatchObject({ code: 'E0277', file: 'src/lib.rs', line: 5, isg: { key: 'src/lib.rs-lib-add', kind: 'fn', name: 'add' } });
    expect(userHash(repo)).toBe(before);
    // A working-tree edit that is not staged: --staged applies to the index, the default to the working tree.
    const lib = path.join(repo, 'src/lib.rs');
    writeFileSync(lib, `// unstaged comment\n${(await import('node:fs')).readFileSync(lib, 'utf8')}`);
    const mid = userHash(repo);
    const staged = await runCli(['validate-fix', '--patch', patch('fix.patch'), '--staged', '--json', '--repo', repo]);
    expect(staged.code).toBe(0);
    const wt = await runCli(['validate-fix', '--patch', patch('fix.patch'), '--json', '--repo', repo]);
    expect(wt.code).toBe(0); // applied one line further down (offset), like git apply
    expect(userHash(repo)).toBe(mid);
  }, 90_000);

  it('refuses non-applying and escaping patches with exit 2, writing nothing', async () => {
    const repo = await makeRepo();
    const before = userHash(repo);
    const cases: Array<[string, string]> = [
      ['--- a/src/lib.rs\n+++ b/src/lib.rs\n@@ -4,3 +4,3 @@\n pub fn add(a: i32, b: i32) -> i32 {\n-    a - b\n+    a * b\n }\n', 'hunk #1 (@@ -4,3 +4,3 @@) of src/lib.rs does not apply'],
      ['diff --git a/.git/config b/.git/config\n--- a/.git/config\n+++ b/.git/config\n@@ -1 +1 @@\n-[core]\n+[core] # x\n', '.git/config is inside .git/'],
      ['--- a/../outside.rs\n+++ b/../outside.rs\n@@ -0,0 +1 @@\n+fn x() {}\n', '../outside.rs escapes the repository'],
      ['--- /dev/null\n+++ /tmp/abs.rs\n@@ -0,0 +1 @@\n+fn x() {}\n', '/tmp/abs.rs is an absolute path'],
      ['diff --git a/src/lib.rs b/../moved.rs\nsimilarity index 100%\nrename from src/lib.rs\nrename to ../moved.rs\n', 'escapes the repository'],
      ['--- a/src/missing.rs\n+++ b/src/missing.rs\n@@ -1 +1 @@\n-a\n+b\n', 'src/missing.rs does not exist in the working tree'],
    ];
    for (const [text, reason] of cases) {
      const file = path.join(repo, '..', `${path.basename(repo)}.patch`);
      writeFileSync(file, text);
      const r = await runCli(['validate-fix', '--patch', file, '--json', '--repo', repo]);
      expect(r.code, text).toBe(2);
      expect(r.err).toContain(reason);
      expect(JSON.parse(r.out)).toMatchObject({ ok: false, applies: false });
      expect(userHash(repo)).toBe(before);
    }
  }, 60_000);

  it('a patch that adds a module file: keys of the new file; the copy drops it afterwards', async () => {
    const repo = await makeRepo();
    const before = userHash(repo);
    const text = [
      'diff --git a/src/extra.rs b/src/extra.rs',
      'new file mode 100644',
      '--- /dev/null',
      '+++ b/src/extra.rs',
      '@@ -0,0 +1,4 @@',
      '+/// Three times `x`.',
      '+pub fn triple(x: i32) -> i32 {',
      '+    crate::add(x, crate::add(x, x))',
      '+}',
      'diff --git a/src/lib.rs b/src/lib.rs',
      '--- a/src/lib.rs',
      '+++ b/src/lib.rs',
      '@@ -1,2 +1,4 @@',
      ' //! A tiny calculator for rustgate\'s validate-fix and prove-fix tests.',
      '+',
      '+pub mod extra;',
      ' ',
      '',
    ].join('\n');
    const file = path.join(repo, '..', `${path.basename(repo)}-add.patch`);
    writeFileSync(file, text);
    const r = await runCli(['validate-fix', '--patch', file, '--json', '--repo', repo]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ ok: true, touched_files: ['src/extra.rs', 'src/lib.rs'], touched_keys: ['src/extra.rs-extra-triple'], validation_status: 'Cargo_OK' });
    expect(existsSync(path.join(repo, '.rustgate/validate-fix/tree/src/extra.rs'))).toBe(false);
    expect(userHash(repo)).toBe(before);
  }, 60_000);
});
