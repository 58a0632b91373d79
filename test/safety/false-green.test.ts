/**
 * Issue 10 item 2: PreFlight checks exactly the staged bytes whatever is in `.rustgate/`.
 * (a) A shadow file overwritten behind rustgate's back is detected by its stamp and rewritten.
 * (b) Private copies share `.rustgate/target`; cargo's freshness is mtime based and a workspace package's artifact
 *     does not depend on its path, so a copy that validated a fix must not make the next `preflight --staged` reuse
 *     the fixed build for the broken staged bytes. The target ledger bumps every file whose bytes differ.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cargoCheck } from '../../src/adapters/cargo/check.js';
import { openRepo } from '../../src/adapters/git/repo.js';
import { openPrivateTree } from '../../src/app/private-tree/index.js';
import { breakSend, cli, CORE_LIB, git, makeRepo, read, untouched, write } from '../preflight/helpers.js';

const FIX_SEND = (broken: string, fixed: string): string => {
  const b = broken.split('\n');
  const f = fixed.split('\n');
  const i = b.findIndex((l, k) => l !== f[k]);
  return `--- a/${CORE_LIB}\n+++ b/${CORE_LIB}\n@@ -${i + 1},1 +${i + 1},1 @@\n-${b[i] ?? ''}\n+${f[i] ?? ''}\n`;
};

/** A repo whose index (and working tree) holds the Send bound dropped: `preflight --staged` must exit 1. */
async function brokenStage(): Promise<{ top: string; ws: string; fixPatch: string }> {
  const { top, ws } = await makeRepo();
  const good = read(ws, CORE_LIB);
  const broken = breakSend(good);
  write(ws, CORE_LIB, broken);
  await git(top, 'add', CORE_LIB);
  const fixPatch = path.join(top, '..', `${path.basename(top)}-fix.patch`);
  writeFileSync(fixPatch, FIX_SEND(broken, good));
  return { top, ws, fixPatch };
}

const preflightStaged = async (ws: string): Promise<number> => (await cli(['preflight', '--staged', '--format', 'json', '--repo', ws])).code;

describe('no false green from the shared target dir or a tampered shadow', () => {
  it('(a) a shadow file overwritten with the HEAD version is rewritten: still exit 1', async () => {
    const { top, ws } = await brokenStage();
    expect(await preflightStaged(ws)).toBe(1);
    const shadowFile = path.join(ws, '.rustgate/shadow', CORE_LIB);
    writeFileSync(shadowFile, await git(top, 'show', `HEAD:${CORE_LIB}`));
    expect(await untouched(top, () => preflightStaged(ws))).toBe(1);
    expect(readFileSync(shadowFile, 'utf8')).toBe(read(ws, CORE_LIB));
  }, 120_000);

  it('(b) validate-fix, debug-bug and prove-fix of a fix never turn the broken stage green', async () => {
    const { top, ws, fixPatch } = await brokenStage();
    expect(await preflightStaged(ws)).toBe(1);
    const vf = await cli(['validate-fix', '--patch', fixPatch, '--json', '--repo', ws]);
    expect(vf.code, vf.err).toBe(0);
    expect(await untouched(top, () => preflightStaged(ws))).toBe(1);

    const db = await cli(['debug-bug', '--json', '--repo', ws]);
    expect(JSON.parse(db.out)).toMatchObject({ status: 'proposed', candidate: { validation_status: 'Cargo_OK' } });
    expect(await untouched(top, () => preflightStaged(ws))).toBe(1);

    const testPatch = path.join(top, '..', `${path.basename(top)}-test.patch`);
    writeFileSync(testPatch, '--- /dev/null\n+++ b/crates/core/tests/double.rs\n@@ -0,0 +1,4 @@\n+#[test]\n+fn doubles() {\n+    assert_eq!(pf_core::double(2), 4);\n+}\n');
    const pf = await cli(['prove-fix', '--fix', fixPatch, '--test-patch', testPatch, '--json', '--repo', ws]);
    // A compile-error fix has no behavioural RED, so it is not `proven` (exit 1) — but GREEN still built the fixed
    // copy through the shared target dir, which is what this test is about.
    expect(pf.code, pf.err).toBe(1);
    expect(JSON.parse(pf.out)).toMatchObject({ proven: false, failed_step: 'no_behavioural_red', green: { build_failed: false } });
    expect(await untouched(top, () => preflightStaged(ws))).toBe(1);
    // And the fixed content, once staged, goes green through the same target dir.
    write(ws, CORE_LIB, await git(top, 'show', `HEAD:${CORE_LIB}`));
    await git(top, 'add', CORE_LIB);
    expect(await preflightStaged(ws)).toBe(0);
  }, 300_000);

  it('two copies with different bytes alternate through one target dir: each check sees its own bytes', async () => {
    const { ws } = await brokenStage();
    const repo = await openRepo(ws);
    // 'shadow' holds the broken index; 'validate' the same working tree with the fix overlaid.
    const broken = openPrivateTree({ repo, name: 'shadow', source: 'staged' });
    const fixed = openPrivateTree({ repo, name: 'validate', source: 'worktree' });
    const good = (await git(ws, 'show', `HEAD:${CORE_LIB}`)).toString();
    const results: number[] = [];
    for (let round = 0; round < 3; round++) {
      await broken.sync();
      results.push((await cargoCheck({ cwd: broken.dir, targetDir: broken.targetDir })).exitCode ?? -1);
      await fixed.sync();
      await fixed.overlay(new Map([[CORE_LIB, good]]));
      results.push((await cargoCheck({ cwd: fixed.dir, targetDir: fixed.targetDir })).exitCode ?? -1);
    }
    expect(results).toEqual([101, 0, 101, 0, 101, 0]);
  }, 300_000);
});
