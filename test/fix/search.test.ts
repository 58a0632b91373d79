import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/core/diagnostics/types.js';
import type { ValidationResult } from '../../src/core/fix/rank.js';
import { countNew, searchFix, type Validator } from '../../src/core/fix/search.js';
import type { Candidate, CandidateSource } from '../../src/core/fix/types.js';

// A tiny deterministic "compiler" over one file: every `BUG<n>` is an error, `NEW` is an error that was not there
// before, `WARN` a warning. Candidates replace text; the search must pick the ones that really reduce the errors.
const err = (message: string, byteStart: number): Diagnostic => ({
  level: 'error', code: 'E0001', message, primary: { file: 'f.rs', lineStart: 1, lineEnd: 1, columnStart: 1, columnEnd: 1, byteStart, byteEnd: byteStart + 4, isPrimary: true, label: null },
  spans: [], notes: [], suggestions: [], rendered: '', source: 'rustc', packageName: null,
});
const compile = (text: string): ValidationResult => {
  const errors = Array.from(text.matchAll(/BUG\d|NEW/g), (m) => err(m[0], m.index ?? 0));
  const warnings = Array.from(text.matchAll(/WARN/g), (m) => ({ ...err('warn', m.index ?? 0), level: 'warning' as const }));
  return { errors, warnings, status: errors.length === 0 ? 'Cargo_OK' : 'Failed' };
};
let validations = 0;
const validate: Validator = (files) => {
  validations++;
  return Promise.resolve(compile(files.get('f.rs') ?? ''));
};
/** Proposes, for each error `BUGn` at its offset, the given replacements. */
const source = (name: string, replacements: Record<string, string[]>, origin: Candidate['origin'] = 'rustc'): CandidateSource => ({
  name,
  propose: (i, ctx) => {
    const d = ctx.diagnostics[i];
    const at = d?.primary?.byteStart ?? 0;
    return Promise.resolve((replacements[d?.message ?? ''] ?? []).map((r, j) => ({
      id: `${name}:${d?.message}:${j}`, origin, patternId: origin === 'pattern' ? `${name}_p` : 'rustc_suggestion', description: `${d?.message} → ${r}`,
      edits: [{ file: 'f.rs', byteStart: at, byteEnd: at + 4, replacement: r }], touchedKeys: [], targets: [i],
    })));
  },
});
const run = (text: string, sources: CandidateSource[], extra: Partial<Parameters<typeof searchFix>[0]> = {}) =>
  searchFix({ files: new Map([['f.rs', text]]), initial: compile(text), sources, validate, ...extra });

describe('searchFix', () => {
  it('merges candidates that fix different errors, rejecting candidates that add errors', async () => {
    const r = await run('a BUG1 b BUG2 c', [source('s', { BUG1: ['NEW!', 'ok1!'], BUG2: ['ok2!'] })]);
    expect(r.outcome).toBe('fixed');
    expect(r.files.get('f.rs')).toBe('a ok1! b ok2! c');
    expect(r.rounds.map((x) => [x.errorsBefore, x.accepted, x.tried.map((t) => [t.id, t.errorsAfter, t.newErrors])])).toEqual([
      [2, 'merge(s:BUG1:1,s:BUG2:0)', [['s:BUG1:0', 2, 1], ['s:BUG1:1', 1, 0], ['s:BUG2:0', 1, 0], ['merge(s:BUG1:1,s:BUG2:0)', 0, 0]]],
    ]);
    expect(r.candidate?.edits).toEqual([{ file: 'f.rs', byteStart: 2, byteEnd: 13, replacement: 'ok1! b ok2!' }]);
    expect(r.final.status).toBe('Cargo_OK');
  });

  it('takes one error per round when fixes cannot be merged', async () => {
    // Both fixes rewrite the same bytes, so they cannot be merged: two rounds.
    const overlapping: CandidateSource = {
      name: 'o',
      propose: (i, ctx) => {
        const d = ctx.diagnostics[i];
        const text = ctx.files.get('f.rs') ?? '';
        if (!d) return Promise.resolve([]);
        const fixed = text.replace(d.message, 'okok');
        return Promise.resolve([{ id: `o:${d.message}`, origin: 'rustc', patternId: 'rustc_suggestion', description: d.message, edits: [{ file: 'f.rs', byteStart: 0, byteEnd: text.length, replacement: fixed }], touchedKeys: [], targets: [i] }]);
      },
    };
    const r = await run('BUG1 BUG2', [overlapping]);
    expect(r.outcome).toBe('fixed');
    expect(r.files.get('f.rs')).toBe('okok okok');
    expect(r.steps.map((s) => s.candidate.id)).toEqual(['o:BUG1', 'o:BUG2']);
    expect(r.candidate?.id).toBe('o:BUG1+o:BUG2');
    expect(r.confidence).toBe(0.55); // compiled 0.6, minus 0.05 for the second round
  });

  it('prefers the fix without new warnings, and agreement between sources', async () => {
    const r = await run('x BUG1 y', [source('a', { BUG1: ['WARN', 'good'] }), source('b', { BUG1: ['good'] }, 'pattern')]);
    expect(r.steps[0]?.candidate.origin).toBe('pattern');
    expect(r.steps[0]?.agreement).toBe(2);
    expect(r.files.get('f.rs')).toBe('x good y');
    expect(r.confidence).toBe(0.7); // compiled 0.6 + agreement 0.1
  });

  it('asks the history of each pattern once and lets it break ties', async () => {
    const asked: string[] = [];
    const historyOf = (id: string) => {
      asked.push(id);
      return Promise.resolve(id === 'p_p' ? { tried: 10, validated: 10, accepted: 10 } : { tried: 10, validated: 1, accepted: 0 });
    };
    const r = await run('x BUG1 y', [source('r', { BUG1: ['good'] }), source('p', { BUG1: ['fine'] }, 'pattern')], { historyOf });
    expect(asked).toEqual(['p_p', 'rustc_suggestion']);
    expect(r.steps[0]?.candidate.id).toBe('p:BUG1:0');
    expect(r.confidence).toBe(0.68); // compiled 0.6 + 0.2 × (11/12 − 0.5) = 0.683
  });

  it('reports no_progress and changes nothing when no candidate helps', async () => {
    const r = await run('BUG1', [source('s', { BUG1: ['NEW.', 'BUG2'] })]);
    expect(r.outcome).toBe('no_progress');
    expect(r.candidate).toBeNull();
    expect(r.files.get('f.rs')).toBe('BUG1');
    expect(r.confidence).toBe(0);
  });

  it('reports nothing_to_fix without validating', async () => {
    validations = 0;
    const r = await run('clean', [source('s', {})]);
    expect(r.outcome).toBe('nothing_to_fix');
    expect(validations).toBe(0);
  });

  it('bounds candidates per round and rounds', async () => {
    validations = 0;
    const r = await run('BUG1', [source('s', { BUG1: ['NEW1', 'NEW2', 'NEW3', 'fine'] })], { maxCandidatesPerRound: 2 });
    expect(validations).toBe(2);
    expect(r.outcome).toBe('no_progress');
    const chain = await run('BUG1', [source('s', { BUG1: ['BUG2'], BUG2: ['BUG3'], BUG3: ['done'] })], { maxRounds: 2 });
    // BUG1→BUG2 keeps one error (a new one): never accepted.
    expect(chain.outcome).toBe('no_progress');
  });

  it('looks one round ahead when a fix uncovers an error of a later phase', async () => {
    const r = await run('x BUG1 y', [source('s', { BUG1: ['BUG7'], BUG7: ['done'] })]);
    expect(r.outcome).toBe('fixed');
    expect(r.files.get('f.rs')).toBe('x done y');
    expect(r.steps.map((s) => s.candidate.id)).toEqual(['s:BUG1:0', 's:BUG7:0']);
    const none = await run('x BUG1 y', [source('s', { BUG1: ['BUG7'], BUG7: ['BUG8'] })]);
    expect(none.outcome).toBe('no_progress');
    expect(none.files.get('f.rs')).toBe('x BUG1 y');
    const off = await run('x BUG1 y', [source('s', { BUG1: ['BUG7'], BUG7: ['done'] })], { lookahead: 0 });
    expect(off.outcome).toBe('no_progress');
  });

  it('stops at the time budget', async () => {
    let t = 0;
    const r = await run('BUG1 BUG2', [source('s', { BUG1: ['ok1!'], BUG2: ['ok2!'] })], { timeBudgetMs: 10, now: () => (t += 20) });
    expect(r.timedOut).toBe(true);
    expect(r.validations).toBe(0);
  });

  it('asks the gate before validating', async () => {
    validations = 0;
    const r = await run('BUG1', [source('s', { BUG1: ['fix!'] })], { gate: () => ({ ok: false, reasons: ['no'] }) });
    expect(validations).toBe(0);
    expect(r.rounds[0]?.rejected).toEqual([{ id: 's:BUG1:0', reasons: ['no'] }]);
  });

  it('counts new diagnostics as a multiset', () => {
    expect(countNew([err('a', 0), err('a', 5)], [err('a', 9), err('a', 1), err('a', 2), err('b', 0)])).toBe(2);
  });
});
