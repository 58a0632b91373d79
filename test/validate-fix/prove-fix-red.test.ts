// prove-fix's RED means a test that compiles and fails. For a compile-error fix, a test that merely fails to build
// without the fix (here `1 + 1 == 2`) is no behavioural RED: the report says so and the fix is not `proven`.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { git, makeRepo, PATCHES, runCli, userHash } from './helpers.js';

const ONE_PLUS_ONE = `diff --git a/src/lib.rs b/src/lib.rs
--- a/src/lib.rs
+++ b/src/lib.rs
@@ -24,4 +24,9 @@ mod tests {
     fn adds() {
         assert_eq!(add(2, 3), 5);
     }
+
+    #[test]
+    fn one_plus_one() {
+        assert_eq!(1 + 1, 2);
+    }
 }
`;

describe('prove-fix RED semantics', () => {
  it('a compile-error fix with a test that only fails to build is not proven (no_behavioural_red), and says why', async () => {
    const repo = await makeRepo();
    // The working tree has the compile error (E0277 in add); the fix restores the line.
    await git(repo, 'apply', path.join(PATCHES, 'breaking.patch'));
    const fix = path.join(repo, '..', `${path.basename(repo)}-fix.patch`);
    writeFileSync(fix, await git(repo, 'diff', '-R'));
    const testPatch = path.join(repo, '..', `${path.basename(repo)}-test.patch`);
    writeFileSync(testPatch, ONE_PLUS_ONE);
    const before = userHash(repo);
    const r = await runCli(['prove-fix', '--fix', fix, '--test-patch', testPatch, '--json', '--repo', repo]);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out) as Record<string, unknown>;
    expect(j).toMatchObject({
      proven: false,
      failed_step: 'no_behavioural_red',
      tests: ['one_plus_one'],
      red: { build_failed: true, target_failed: [] },
      green: { build_failed: false, failed: 0, target_failed: [] },
    });
    expect(j.note).toContain('a compile error is not a behavioural RED');
    expect(j.note).toContain('shows the fix compiles, not that it is right');
    expect(userHash(repo)).toBe(before);
    expect(readFileSync(path.join(repo, 'src/lib.rs'), 'utf8')).toContain('a + "one"');
  }, 120_000);

  it('a behavioural RED (a compiling test that fails) still proves the fix', async () => {
    const repo = await makeRepo();
    const r = await runCli(['prove-fix', '--fix', path.join(PATCHES, 'fix.patch'), '--test-patch', path.join(PATCHES, 'test-high.patch'), '--json', '--repo', repo]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ proven: true, failed_step: null, red: { build_failed: false, target_failed: ['clamps_high'] } });
  }, 120_000);
});
