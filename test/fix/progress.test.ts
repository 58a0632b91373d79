// Progress per compilation unit and the search's round rules, on a toy two-unit "compiler": unit `lib` holds
// `LIBn` errors; unit `app` is checked only when `lib` has none (as cargo stops at a broken dependency).
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/core/diagnostics/types.js';
import { unitProgress, isUnitProgress } from '../../src/core/fix/progress.js';
import type { ValidationResult } from '../../src/core/fix/rank.js';
import { searchFix, type Validator } from '../../src/core/fix/search.js';
import type { Candidate, CandidateSource } from '../../src/core/fix/types.js';

const err = (message: string, file: string, byteStart: number, unit: string): Diagnostic => ({
  level: 'error', code: 'E0001', message, primary: { file, lineStart: 1, lineEnd: 1, columnStart: 1, columnEnd: 1, byteStart, byteEnd: byteStart + 4, isPrimary: true, label: null },
  spans: [], notes: [], suggestions: [], rendered: '', source: 'rustc', packageName: unit,
});
const compile = (files: ReadonlyMap<string, string>): ValidationResult => {
  const lib = files.get('lib.rs') ?? '';
  const app = files.get('app.rs') ?? '';
  const errors = Array.from(lib.matchAll(/LIB\d|NEW/g), (m) => err(m[0], 'lib.rs', m.index ?? 0, 'lib'));
  if (errors.length > 0) return { errors, warnings: [], status: 'Failed', checkedUnits: ['lib'] };
  const appErrors = Array.from(app.matchAll(/APP\d/g), (m) => err(m[0], 'app.rs', m.index ?? 0, 'app'));
  return { errors: appErrors, warnings: [], status: appErrors.length > 0 ? 'Failed' : 'Cargo_OK', checkedUnits: ['app', 'lib'] };
};
const validate: Validator = (files) => Promise.resolve(compile(files));
const replacing = (name: string, fixes: Record<string, string>, origin: Candidate['origin'] = 'rustc', calls: string[] = []): CandidateSource => ({
  name,
  propose: (i, ctx) => {
    const d = ctx.diagnostics[i];
    if (!d?.primary) return Promise.resolve([]);
    calls.push(d.message);
    const r = fixes[d.message];
    if (r === undefined) return Promise.resolve([]);
    const at = d.primary.byteStart;
    return Promise.resolve([{ id: `${name}:${d.message}`, origin, patternId: null, description: `${d.message} → ${r}`, edits: [{ file: d.primary.file, byteStart: at, byteEnd: at + 4, replacement: r }], touchedKeys: [], targets: [i], ...(origin === 'llm' ? { tokensUsed: 11 } : {}) }]);
  },
});
const files = (lib: string, app: string) => new Map([['lib.rs', lib], ['app.rs', app]]);

describe('unitProgress', () => {
  it('errors in a unit the previous check never reached are revealed, not added', () => {
    const before = compile(files('x LIB1 y', 'a APP1 b'));
    const after = compile(files('x ok!! y', 'a APP1 b'));
    const p = unitProgress(before, after, [0]);
    expect([p.fixed.length, p.added.length, p.revealed.length]).toEqual([1, 0, 1]);
    expect(isUnitProgress(p, [0])).toBe(true);
  });
  it('without unit data every error counts as new (the single-unit rule)', () => {
    const strip = (v: ValidationResult): ValidationResult => ({ errors: v.errors, warnings: v.warnings, status: v.status });
    const p = unitProgress(strip(compile(files('x LIB1 y', 'a APP1 b'))), strip(compile(files('x ok!! y', 'a APP1 b'))), [0]);
    expect([p.fixed.length, p.added.length, p.revealed.length]).toEqual([1, 1, 0]);
  });
});

describe('searchFix across units', () => {
  it('cascade: fixes the library, then the revealed app error: fixed in two rounds', async () => {
    const f = files('x LIB1 y', 'a APP1 b');
    const r = await searchFix({ files: f, initial: compile(f), sources: [replacing('s', { LIB1: 'ok!!', APP1: 'ok!!' })], validate });
    expect(r.outcome).toBe('fixed');
    expect(r.rounds.map((x) => [x.errorsBefore, x.accepted, x.tried.map((t) => [t.errorsAfter, t.revealed ?? 0])])).toEqual([
      [1, 's:LIB1', [[1, 1]]],
      [1, 's:APP1', [[0, 0]]],
    ]);
    expect(r.fixedErrors.map((d) => d.message)).toEqual(['LIB1', 'APP1']);
  });

  it('several errors: fixes what it can, reports the rest (partial)', async () => {
    const f = files('x LIB1 y LIB2 z', '');
    const r = await searchFix({ files: f, initial: compile(f), sources: [replacing('s', { LIB1: 'ok!!' })], validate });
    expect(r.outcome).toBe('partial');
    expect(r.fixedErrors.map((d) => d.message)).toEqual(['LIB1']);
    expect(r.final.errors.map((d) => d.message)).toEqual(['LIB2']);
    expect(r.confidence).toBeLessThan(0.75);
  });

  it('late sources (the model) are asked only when nothing deterministic made progress; a failing one is a warning', async () => {
    const f = files('x LIB1 y LIB2 z', '');
    const calls: string[] = [];
    const model = replacing('model', { LIB1: 'no!!', LIB2: 'ok!!' }, 'llm', calls);
    const r = await searchFix({ files: f, initial: compile(f), sources: [replacing('s', { LIB1: 'ok!!' })], lateSources: [model], validate });
    expect(r.outcome).toBe('fixed');
    // Round 1: the deterministic fix of LIB1 validated, the model was not asked; round 2: only the model helps.
    expect(r.rounds.map((x) => [x.accepted, x.askedLate ?? false])).toEqual([['s:LIB1', false], ['model:LIB2', true]]);
    expect(calls).toEqual(['LIB2']);
    expect(r.steps.reduce((n, s) => n + (s.candidate.tokensUsed ?? 0), 0)).toBe(11);
    const failing: CandidateSource = { name: 'model', propose: () => Promise.reject(new Error('server down')) };
    const r2 = await searchFix({ files: f, initial: compile(f), sources: [replacing('s', { LIB1: 'ok!!' })], lateSources: [failing], validate });
    expect(r2.outcome).toBe('partial');
    expect(r2.warnings).toEqual(['model: server down']);
  });

  it('a reviewed candidate with amber reasons ranks below a clean one and caps the confidence', async () => {
    const f = files('x LIB1 y', '');
    const two: CandidateSource = {
      name: 't',
      propose: () => Promise.resolve(['aa!!', 'bb!!'].map((rep) => ({ id: `t:${rep}`, origin: 'rustc' as const, patternId: null, description: rep, edits: [{ file: 'lib.rs', byteStart: 2, byteEnd: 6, replacement: rep }], touchedKeys: [], targets: [0], applicability: rep === 'aa!!' ? 'MachineApplicable' as const : 'Unspecified' as const }))),
    };
    const review = (c: Candidate): Promise<string[]> => Promise.resolve(c.id === 't:aa!!' ? ['narrows the public API'] : []);
    const r = await searchFix({ files: f, initial: compile(f), sources: [two], validate, review });
    expect(r.candidate?.id).toBe('t:bb!!');
    expect(r.amber).toEqual([]);
    const onlyAmber = await searchFix({ files: f, initial: compile(f), sources: [two], validate, review: () => Promise.resolve(['edits a test']) });
    expect(onlyAmber.outcome).toBe('fixed');
    expect(onlyAmber.amber).toEqual(['edits a test']);
    expect(onlyAmber.confidence).toBeLessThan(0.75);
  });
});
