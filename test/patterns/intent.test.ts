/**
 * Intent from the diff: a candidate that undoes the user's own uncommitted change is recognised, ranked after the
 * ones that adapt the code to it, and never applied automatically; without a user change the edit at the cause wins.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPatternSources, runDebugBug } from '../../src/app/debug-bug.js';
import { revertsUserChange, userChangedLines } from '../../src/core/patterns/intent.js';
import { git, repoWithFiles } from '../fix/helpers.js';

describe('revertsUserChange', () => {
  const head = 'a\n#[derive(Clone, Copy)]\nstruct P;\nfn f() {}\n';
  const current = 'a\n#[derive(Clone)]\nstruct P;\nfn f() {}\n';
  it('is true for an edit that brings a changed line back towards HEAD', () => {
    expect(userChangedLines(head, current)).toEqual(new Set([2]));
    expect(revertsUserChange(head, current, head, [2])).toBe(true);
  });
  it('is false for an edit elsewhere, for one that moves further from HEAD, and without a user change', () => {
    expect(revertsUserChange(head, current, current.replace('fn f() {}', 'fn f() { g() }'), [4])).toBe(false);
    expect(revertsUserChange(head, current, current.replace('Clone)', 'Clone, Debug)'), [2])).toBe(false);
    expect(revertsUserChange(head, head, head.replace('a', 'b'), [1])).toBe(false);
  });
  it('sees a pure deletion through the lines around it', () => {
    const deleted = 'a\nstruct P;\nfn f() {}\n';
    expect(userChangedLines(head, deleted)).toEqual(new Set([1, 2]));
    expect(revertsUserChange(head, deleted, head, [2])).toBe(true);
  });
});

const LIB_HEAD = '#[derive(Clone, Copy)]\npub struct P {\n    pub x: i32,\n}\n\npub fn f(a: P) -> i32 {\n    let b = a;\n    a.x + b.x\n}\n';

async function repoWith(lib: string): Promise<string> {
  return repoWithFiles('rustgate-intent-', { 'Cargo.toml': '[package]\nname = "intent"\nversion = "0.1.0"\nedition = "2021"\npublish = false\n', 'src/lib.rs': lib });
}

describe('debug-bug and the user\'s own change (real cargo, real git)', () => {
  it('the user removed derive(Copy): the fix adapts the code (.clone()), restoring Copy is not chosen', async () => {
    const repo = await repoWith(LIB_HEAD);
    await writeFile(path.join(repo, 'src/lib.rs'), LIB_HEAD.replace('Clone, Copy', 'Clone'));
    // Staged, as in a pre-commit hook (--apply never commits unstaged lines).
    await git(repo, 'add', 'src/lib.rs');
    const sources = await loadPatternSources();
    const r = await runDebugBug({ repo, apply: true, sources });
    expect(r.status).toBe('fixed');
    const after = await readFile(path.join(repo, 'src/lib.rs'), 'utf8');
    expect(after).toContain('#[derive(Clone)]');
    expect(after).toContain('.clone()');
    // The restore was validated too, and marked as undoing the user's change.
    expect(r.rounds[0]?.tried.some((t) => t.id.startsWith('pattern:derive_copy_restore:'))).toBe(true);
  }, 120_000);

  it('the same broken code committed (no user change): the one edit at the cause, derive(Copy), wins', async () => {
    const repo = await repoWith(LIB_HEAD.replace('Clone, Copy', 'Clone'));
    const sources = await loadPatternSources();
    const r = await runDebugBug({ repo, investigate: true, sources });
    expect(r.status).toBe('proposed');
    expect(r.candidate?.pattern_id).toBe('derive_copy_restore');
    expect(r.candidate?.diff).toContain('+#[derive(Clone, Copy)]');
  }, 120_000);
});
