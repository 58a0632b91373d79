/** Issue 12 item 3: a workspace member inside a git submodule is materialised from the submodule's checkout. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { git, preflightJson, write } from './helpers.js';

async function repoWithSubmoduleMember(): Promise<{ top: string; sub: string }> {
  const base = mkdtempSync(path.join(os.tmpdir(), 'rg-sub-'));
  const sub = path.join(base, 'subcrate');
  mkdirSync(sub);
  write(sub, 'Cargo.toml', '[package]\nname = "subcrate"\nversion = "0.1.0"\nedition = "2021"\n');
  write(sub, 'src/lib.rs', 'pub fn answer() -> u32 {\n    42\n}\n');
  await git(sub, 'init', '-q', '-b', 'main');
  await git(sub, 'add', '-A');
  await git(sub, 'commit', '-q', '-m', 'sub');
  const top = path.join(base, 'top');
  mkdirSync(top);
  write(top, 'Cargo.toml', '[workspace]\nmembers = ["app", "vendor/subcrate"]\nresolver = "2"\n');
  write(top, 'app/Cargo.toml', '[package]\nname = "app"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\nsubcrate = { path = "../vendor/subcrate" }\n');
  write(top, 'app/src/lib.rs', 'pub fn twice() -> u32 {\n    subcrate::answer() * 2\n}\n');
  await git(top, 'init', '-q', '-b', 'main');
  await git(top, '-c', 'protocol.file.allow=always', 'submodule', 'add', '-q', sub, 'vendor/subcrate');
  await git(top, 'add', '-A');
  await git(top, 'commit', '-q', '-m', 'top');
  return { top, sub: path.join(top, 'vendor/subcrate') };
}

describe('submodule members', () => {
  it('checks the submodule content recorded in the index (staged) and its working files (worktree)', async () => {
    const { top, sub } = await repoWithSubmoduleMember();
    write(top, 'app/src/lib.rs', 'pub fn twice() -> u32 {\n    subcrate::answer() * 2 + 0\n}\n');
    await git(top, 'add', 'app/src/lib.rs');
    const staged = await preflightJson(top, top, '--staged');
    expect(staged.json.warnings.filter((w) => w.includes('submodule'))).toEqual([]);
    expect(staged.code).toBe(0);
    // A broken, uncommitted edit inside the submodule: not in the recorded commit, so the staged check stays green…
    writeFileSync(path.join(sub, 'src/lib.rs'), 'pub fn answer() -> u32 {\n    "42"\n}\n');
    expect((await preflightJson(top, top, '--staged')).code).toBe(0);
    // …while the working tree check sees it.
    const wt = await preflightJson(top, top, '--worktree');
    expect(wt.code).toBe(1);
    expect(wt.json.diagnostics.find((d) => d.level === 'error')).toMatchObject({ code: 'E0308', file: 'vendor/subcrate/src/lib.rs' });
  }, 180_000);
});
