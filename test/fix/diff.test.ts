import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { candidateDiff, unifiedDiff } from '../../src/core/fix/diff.js';
import { itemCode } from '../../src/core/fix/future.js';

describe('unified diff', () => {
  const before = new Map([['src/lib.rs', 'use std::thread;\n\npub fn run<F: FnOnce() + \'static>(f: F) {\n    thread::spawn(f);\n}\n'], ['src/other.rs', 'x\n']]);
  const after = new Map([['src/lib.rs', 'use std::thread;\n\npub fn run<F: FnOnce() + \'static + Send>(f: F) {\n    thread::spawn(f);\n}\n'], ['src/other.rs', 'x\n']]);

  it('is git-style with a/ b/ paths and only changed files', () => {
    expect(unifiedDiff(before, after)).toBe(
      'diff --git a/src/lib.rs b/src/lib.rs\n--- a/src/lib.rs\n+++ b/src/lib.rs\n@@ -1,5 +1,5 @@\n use std::thread;\n \n' +
        "-pub fn run<F: FnOnce() + 'static>(f: F) {\n+pub fn run<F: FnOnce() + 'static + Send>(f: F) {\n     thread::spawn(f);\n }\n",
    );
    expect(unifiedDiff(before, before)).toBe('');
  });

  it('applies with git apply', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'rustgate-diff-'));
    await mkdir(path.join(dir, 'src'));
    for (const [f, t] of before) await writeFile(path.join(dir, f), t);
    await execa('git', ['init', '-q'], { cwd: dir });
    const patch = candidateDiff(before, [{ file: 'src/lib.rs', byteStart: 50, byteEnd: 50, replacement: ' + Send' }]) ?? '';
    await writeFile(path.join(dir, 'fix.patch'), patch);
    const r = await execa('git', ['apply', '--check', 'fix.patch'], { cwd: dir, reject: false });
    expect(r.exitCode).toBe(0);
    expect(patch).toContain("+pub fn run<F: FnOnce() + 'static + Send>(f: F) {");
  });

  it('maps an item through edits (CodeGraph Future_Code)', () => {
    const b = 'fn a() {}\nfn run() {\n    go();\n}\nfn z() {}\n';
    const edits = [{ file: 'f', byteStart: 0, byteEnd: 0, replacement: 'use x;\n' }, { file: 'f', byteStart: 25, byteEnd: 25, replacement: 'now' }];
    const a = 'use x;\nfn a() {}\nfn run() {\n    gonow();\n}\nfn z() {}\n';
    expect(itemCode(b, a, { startLine: 2, endLine: 4 }, edits)).toEqual({ current: 'fn run() {\n    go();\n}\n', future: 'fn run() {\n    gonow();\n}\n' });
  });
});
