import { describe, expect, it } from 'vitest';
import { checkCandidateScope, isWorkspaceFile, testFunctionNames } from '../../src/core/fix/scope.js';
import type { Candidate, FileEdit } from '../../src/core/fix/types.js';

const cand = (edits: FileEdit[], touchedKeys: string[] = []): Candidate => ({
  id: 'c', origin: 'rustc', patternId: 'rustc_suggestion', description: 'd', edits, touchedKeys, targets: [0],
});
const edit = (file: string, byteStart = 0, byteEnd = 0, replacement = 'x'): FileEdit => ({ file, byteStart, byteEnd, replacement });
const opts = { plannedFiles: ['src/lib.rs', 'src/a.rs'], repoRoot: '/repo' };

describe('safety gate', () => {
  it('accepts a planned edit', () => {
    expect(checkCandidateScope(cand([edit('src/lib.rs')]), opts)).toEqual({ ok: true });
  });

  it.each([
    ['.git/config', 'edit inside .git/: .git/config'],
    ['src/.git/hooks/pre-commit', 'edit inside .git/: src/.git/hooks/pre-commit'],
    ['.rustgate/store/db', 'edit inside .rustgate/: .rustgate/store/db'],
    ['../other/lib.rs', 'edit outside the repository: ../other/lib.rs'],
    ['src/../../x.rs', 'edit outside the repository: src/../../x.rs'],
    ['/etc/passwd', 'edit outside the repository: /etc/passwd'],
    ['C:/x.rs', 'edit outside the repository: C:/x.rs'],
    ['src/b.rs', 'edit to a file outside the plan: src/b.rs'],
  ])('rejects %s', (file, reason) => {
    expect(checkCandidateScope(cand([edit(file)]), opts)).toEqual({ ok: false, reasons: [reason] });
  });

  it('rejects keys outside the plan when keys are planned', () => {
    const c = cand([edit('src/lib.rs')], ['src/lib.rs-lib-run', 'src/lib.rs-lib-other']);
    expect(checkCandidateScope(c, { ...opts, plannedKeys: ['src/lib.rs-lib-run'] })).toEqual({ ok: false, reasons: ['edit to an ISG key outside the plan: src/lib.rs-lib-other'] });
  });

  it('rejects an edit that deletes a #[test] fn', () => {
    const text = 'fn a() {}\n#[cfg(test)]\nmod tests {\n    #[test]\n    fn keeps() {}\n    #[test]\n    fn goes() { assert!(true) }\n}\n';
    const start = Buffer.from(text).indexOf('    #[test]\n    fn goes');
    const end = Buffer.from(text).indexOf('}\n}') + 2;
    const files = new Map([['src/lib.rs', text]]);
    expect(testFunctionNames(text)).toEqual(['keeps', 'goes']);
    expect(checkCandidateScope(cand([edit('src/lib.rs', start, end, '')]), { ...opts, files })).toEqual({ ok: false, reasons: ['deletes #[test] fn goes in src/lib.rs'] });
    // Editing the body keeps the test: accepted.
    const body = Buffer.from(text).indexOf('assert!(true)');
    expect(checkCandidateScope(cand([edit('src/lib.rs', body, body + 13, 'assert!(1 == 1)')]), { ...opts, files })).toEqual({ ok: true });
  });

  it('knows clean workspace paths', () => {
    expect(isWorkspaceFile('src/lib.rs')).toBe(true);
    expect(isWorkspaceFile('src\\lib.rs')).toBe(false);
    expect(isWorkspaceFile('')).toBe(false);
  });
});
