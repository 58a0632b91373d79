import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSingleFile, singleFileValidator } from '../../src/adapters/rustc/single-file.js';
import type { Diagnostic, Suggestion } from '../../src/core/diagnostics/types.js';
import { applyEdits } from '../../src/core/fix/apply.js';
import { hasPlaceholder, insertsStub, rustcSource, rustcSuggestionCandidates } from '../../src/core/fix/rustc-candidates.js';
import { searchFix } from '../../src/core/fix/search.js';
import { FIXTURES } from './helpers.js';

const span = (byteStart: number, byteEnd: number) => ({
  file: 'main.rs', lineStart: 1, lineEnd: 1, columnStart: 1, columnEnd: 1, byteStart, byteEnd, isPrimary: true, label: null,
});
const diag = (code: string, suggestions: Suggestion[]): Diagnostic => ({
  level: 'error', code, message: `m ${code}`, primary: span(0, 1), spans: [span(0, 1)], notes: [], suggestions, rendered: '', source: 'rustc', packageName: null,
});
const sugg = (applicability: Suggestion['applicability'], ...edits: [number, number, string][]): Suggestion => ({
  message: 'help', applicability, edits: edits.map(([s, e, r]) => ({ span: span(s, e), replacement: r })),
});

describe('rustc suggestion candidates', () => {
  it('come from real rustc JSON with correct byte offsets after multi-byte text', async () => {
    const text = await readFile(path.join(FIXTURES, 'loose/missing-mut.rs'), 'utf8');
    const check = await checkSingleFile(text, { edition: '2021' });
    expect(check.status).toBe('Failed');
    expect(check.errors.map((d) => d.code)).toEqual(['E0596']);
    const cands = rustcSuggestionCandidates(check.errors);
    expect(cands.map((c) => [c.id, c.applicability, c.edits])).toEqual([
      ['rustc:0:0', 'MachineApplicable', [{ file: 'main.rs', byteStart: 65, byteEnd: 65, replacement: 'mut ' }]],
    ]);
    const fixed = applyEdits(text, cands[0]?.edits ?? []);
    expect(fixed.ok && fixed.text.split('\n')[2]).toBe('    let mut words = Vec::new();');
  });

  it('search fixes the loose file and the result compiles', async () => {
    const text = await readFile(path.join(FIXTURES, 'loose/missing-mut.rs'), 'utf8');
    const opts = { edition: '2021', fileName: 'main.rs' };
    const initial = await checkSingleFile(text, opts);
    const r = await searchFix({ files: new Map([['main.rs', text]]), initial, sources: [rustcSource()], validate: singleFileValidator(opts) });
    expect(r.outcome).toBe('fixed');
    expect(r.final.status).toBe('Cargo_OK');
    expect(r.candidate?.edits).toEqual([{ file: 'main.rs', byteStart: 65, byteEnd: 65, replacement: 'mut ' }]);
    expect((await checkSingleFile(r.files.get('main.rs') ?? '', opts)).errors).toEqual([]);
  });

  it('each suggestion alone, joined same-point insertions, and combined MachineApplicable ones', () => {
    const diags = [
      diag('E0001', [sugg('MachineApplicable', [0, 1, 'a']), sugg('HasPlaceholders', [0, 0, '()'])]),
      diag('E0002', [sugg('MachineApplicable', [5, 6, 'b'])]),
      diag('E0046', [sugg('HasPlaceholders', [9, 9, 'fn x() {}']), sugg('HasPlaceholders', [9, 9, 'fn y() {}'])]),
    ];
    const c = rustcSuggestionCandidates(diags);
    expect(c.map((x) => [x.id, x.targets, x.edits.map((e) => `${e.byteStart}-${e.byteEnd}:${e.replacement}`)])).toEqual([
      ['rustc:0:0', [0], ['0-1:a']],
      ['rustc:0:1', [0], ['0-0:()']],
      ['rustc:1:0', [1], ['5-6:b']],
      ['rustc:2:0', [2], ['9-9:fn x() {}', '9-9:fn y() {}']],
      ['rustc:2:1', [2], ['9-9:fn x() {}']],
      ['rustc:2:2', [2], ['9-9:fn y() {}']],
      ['rustc:all-machine-applicable', [0, 1], ['0-1:a', '5-6:b']],
      ['rustc:first-of-each', [0, 1, 2], ['0-1:a', '5-6:b', '9-9:fn x() {}', '9-9:fn y() {}']],
    ]);
    expect(rustcSuggestionCandidates(diags, 1).map((x) => x.id)).toEqual(['rustc:1:0']);
  });

  it('skips placeholders and flags stubs', () => {
    expect(hasPlaceholder('foo(/* value */)')).toBe(true);
    expect(hasPlaceholder('Vec</* Type */>')).toBe(true);
    expect(hasPlaceholder('...')).toBe(true);
    expect(hasPlaceholder('x.clone()')).toBe(false);
    expect(hasPlaceholder('a / b * c')).toBe(false);
    const d = [diag('E0061', [sugg('HasPlaceholders', [0, 1, 'f(/* u32 */)']), sugg('MaybeIncorrect', [0, 1, 'g()'])])];
    expect(rustcSuggestionCandidates(d).map((x) => x.edits[0]?.replacement)).toEqual(['g()']);
    expect(rustcSuggestionCandidates(d, undefined, { allowPlaceholders: true }).map((x) => x.edits[0]?.replacement)).toEqual(['f(/* u32 */)', 'g()']);
    expect(insertsStub([{ file: 'a', byteStart: 0, byteEnd: 0, replacement: 'fn f() { todo!() }' }])).toBe(true);
    expect(insertsStub([{ file: 'a', byteStart: 0, byteEnd: 0, replacement: 'fn f() {}' }])).toBe(false);
  });

  it('never proposes edits outside the workspace (std sources)', () => {
    const d = diag('E0277', [{ message: 'x', applicability: 'MachineApplicable', edits: [{ span: { ...span(0, 1), file: '/rustc/lib/std.rs' }, replacement: 'y' }] }]);
    expect(rustcSuggestionCandidates([d])).toEqual([]);
  });
});
