/**
 * Fuzz: unified diffs → the patch parser of validate-fix (src/core/patch): it returns a parse or a reason, never
 * throws; every path it accepts is safe (inside the repository, not in .git/), so nothing can be written elsewhere;
 * applying its hunks to any text returns a result, never throws.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyHunks } from '../../src/core/patch/apply.js';
import { parseUnifiedDiff, unsafePathReason } from '../../src/core/patch/parse.js';
import { FUZZ, textFrom } from './common.js';

const VOCAB = [
  'diff --git a/src/lib.rs b/src/lib.rs', '--- a/src/lib.rs', '+++ b/src/lib.rs', '--- /dev/null', '+++ /dev/null', '+++ b/../../etc/passwd', '+++ b//etc/passwd',
  '+++ b/.git/config', '+++ b/.GIT/hooks/pre-commit', '+++ b/src/./lib.rs', '+++ b/a/', '--- a/e/../../x.rs', '+++ b/C:\\x.rs', '@@ -1,3 +1,4 @@', '@@ -0,0 +1 @@',
  '@@ -1 +0,0 @@', '@@ -99999999999999999999,1 +1 @@', '@@ -1,2 +1,2 @@ fn main()', ' fn main() {', '+    let x = 1;', '-    let y = 2;', ' }', '\\ No newline at end of file',
  'new file mode 100644', 'deleted file mode 100644', 'rename from a.rs', 'rename to b.rs', 'similarity index 90%', 'Binary files a/x and b/x differ', 'GIT binary patch',
  'index 1234567..89abcde 100644', 'old mode 100644', 'new mode 100755', '+', '-', ' ', '@@', '---', '+++',
];

describe('fuzz: unified diffs', () => {
  it('parse or refuse; accepted paths are safe; hunks apply or refuse without throwing', () => {
    fc.assert(
      fc.property(textFrom(VOCAB, 30), fc.string({ maxLength: 200 }), (text, target) => {
        const parsed = parseUnifiedDiff(text);
        if (!parsed.ok) {
          expect(typeof parsed.reason).toBe('string');
          return;
        }
        for (const f of parsed.files) {
          for (const p of [f.oldPath, f.newPath]) if (p !== null && p !== undefined) expect(unsafePathReason(p)).toBeNull();
          const r = applyHunks(target, f.hunks);
          expect(typeof r.ok).toBe('boolean');
        }
      }),
      FUZZ,
    );
  });
});
