import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/core/diagnostics/types.js';
import { confidence, rankCandidates, rating, type EvaluatedCandidate } from '../../src/core/fix/rank.js';
import type { Candidate } from '../../src/core/fix/types.js';

const err = (message: string): Diagnostic => ({ level: 'error', code: 'E0001', message, primary: null, spans: [], notes: [], suggestions: [], rendered: '', source: 'rustc', packageName: null });
const ev = (id: string, over: Partial<EvaluatedCandidate> & { errors?: number; status?: EvaluatedCandidate['validation']['status']; cand?: Partial<Candidate> }): EvaluatedCandidate => ({
  candidate: { id, origin: 'rustc', patternId: 'rustc_suggestion', description: id, edits: [], touchedKeys: [], targets: [0], applicability: 'MaybeIncorrect', ...over.cand },
  validation: { errors: Array.from({ length: over.errors ?? 0 }, (_, i) => err(`e${i}`)), warnings: [], status: over.status ?? ((over.errors ?? 0) === 0 ? 'Cargo_OK' : 'Failed') },
  errorsBefore: 2, newErrors: 0, newWarnings: 0, changedLines: 2, agreement: 1, stub: false, ...over,
});

describe('rankCandidates', () => {
  it('puts validation before every prior', () => {
    const order = rankCandidates([
      ev('ma-fails', { errors: 2, cand: { applicability: 'MachineApplicable' } }),
      ev('partial', { errors: 1 }),
      ev('clean-big', { changedLines: 9 }),
      ev('clean-small', { changedLines: 1 }),
      ev('tests-ok', { status: 'Tests_OK', changedLines: 5 }),
      ev('clean-stub', { changedLines: 1, stub: true }),
      ev('clean-warns', { changedLines: 1, newWarnings: 2 }),
    ]).map((e) => e.candidate.id);
    expect(order).toEqual(['tests-ok', 'clean-small', 'clean-big', 'clean-warns', 'clean-stub', 'partial', 'ma-fails']);
  });

  it('breaks ties by agreement, history, then rustc label', () => {
    const hist = new Map([['good_pattern', { tried: 10, validated: 9, accepted: 9 }]]);
    const order = rankCandidates([
      ev('rustc-mi', {}),
      ev('rustc-ma', { cand: { applicability: 'MachineApplicable' } }),
      ev('pattern', { cand: { origin: 'pattern', patternId: 'good_pattern', applicability: undefined } }),
      ev('agreed', { agreement: 2 }),
    ], hist).map((e) => e.candidate.id);
    expect(order).toEqual(['agreed', 'pattern', 'rustc-ma', 'rustc-mi']);
  });
});

describe('confidence and rating', () => {
  it.each([
    [{ status: 'Failed' as const, agreement: 1, newWarnings: 0, stub: false, rounds: 1 }, 0, 'red'],
    [{ status: 'Cargo_OK' as const, agreement: 1, newWarnings: 0, stub: false, rounds: 1 }, 0.6, 'amber'],
    [{ status: 'Cargo_OK' as const, agreement: 1, applicability: 'MachineApplicable' as const, newWarnings: 0, stub: false, rounds: 1 }, 0.7, 'amber'],
    [{ status: 'Cargo_OK' as const, agreement: 2, applicability: 'MachineApplicable' as const, newWarnings: 0, stub: false, rounds: 1 }, 0.8, 'green'],
    [{ status: 'Tests_OK' as const, agreement: 1, applicability: 'MachineApplicable' as const, newWarnings: 0, stub: false, rounds: 1 }, 0.9, 'green'],
    [{ status: 'Tests_OK' as const, agreement: 1, newWarnings: 1, stub: false, rounds: 3 }, 0.65, 'amber'],
    [{ status: 'Tests_OK' as const, agreement: 2, newWarnings: 0, stub: true, rounds: 1 }, 0.4, 'amber'],
    [{ status: 'Cargo_OK' as const, agreement: 1, history: { tried: 8, validated: 8, accepted: 8 }, newWarnings: 0, stub: false, rounds: 1 }, 0.68, 'amber'],
  ])('%o → %s', (input, expected, r) => {
    const c = confidence(input);
    expect(c).toBe(expected);
    expect(rating(c, input.status)).toBe(r);
  });

  it('rates no fix red', () => {
    expect(rating(null, null)).toBe('red');
  });
});
