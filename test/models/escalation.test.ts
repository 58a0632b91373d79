// Escalation: a larger fallback model is asked once per diagnostic when the first answer is unsure (confidence below
// the threshold) or unusable. Decision logic with scripted reasoners (the thing under test is the model source);
// one end-to-end run with two real generated GGUFs (different seeds) through openModelSource.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openModelSource } from '../../src/app/models.js';
import { createModelSource, createPacker, type ModelCandidate, type ModelOutcome } from '../../src/adapters/llm/model-source.js';
import type { Proposal, Reasoner } from '../../src/adapters/llm/reasoner.js';
import type { Diagnostic } from '../../src/core/diagnostics/types.js';
import type { FixContext } from '../../src/core/fix/types.js';
import { writeTinyGguf } from '../helpers/gguf.js';

const FILE = 'src/lib.rs';
const SRC = 'pub fn total(xs: &[u64]) -> u64 {\n    xs.iter().sum::<u64>() + missing\n}\n';
const diag: Diagnostic = {
  level: 'error',
  code: 'E0425',
  message: 'cannot find value `missing` in this scope',
  primary: { file: FILE, lineStart: 2, lineEnd: 2, columnStart: 30, columnEnd: 37, byteStart: 0, byteEnd: 0, isPrimary: true, label: null },
  spans: [],
  notes: [],
  suggestions: [],
  rendered: '',
  source: 'rustc',
  packageName: 'demo',
};
const ctx = (): FixContext => ({ diagnostics: [diag, { ...diag }], files: new Map([[FILE, SRC]]) });
const KEY = `${FILE}:1-3`;
const EDIT = { key: KEY, original: ' + missing', replacement: '' };

/** A reasoner that answers from a script and counts its calls. */
function scripted(name: string, answers: Array<Partial<Proposal>>, delayMs = 0): Reasoner & { calls: number; closed: boolean } {
  const r = {
    name,
    calls: 0,
    closed: false,
    async propose(): Promise<Proposal> {
      const a = answers[Math.min(r.calls, answers.length - 1)]!;
      r.calls += 1;
      if (delayMs > 0) await new Promise((res) => setTimeout(res, delayMs));
      return { edits: [], confidence: 0, tokensUsed: 10, rejected: null, raw: '', ...a };
    },
    async close() {
      r.closed = true;
    },
  };
  return r;
}

function source(primary: Reasoner, fallback: Reasoner | null, outcomes: ModelOutcome[], extra: { threshold?: number; timeoutMs?: number } = {}) {
  let opened = 0;
  const s = createModelSource(primary, createPacker({ budget: 2000 }), {
    onOutcome: (o) => outcomes.push(o),
    ...(fallback
      ? {
          escalation: {
            name: fallback.name,
            ...extra,
            open: async () => {
              opened += 1;
              return fallback;
            },
          },
        }
      : {}),
  });
  return { s, opened: () => opened };
}

const brief = (o: ModelOutcome) => [o.diagnosticIndex, o.attempt, o.reasoner, o.confidence, o.rejected];

describe('escalation decision', () => {
  it('keeps a confident first answer and never opens the fallback', async () => {
    const outcomes: ModelOutcome[] = [];
    const big = scripted('big', [{ edits: [EDIT], confidence: 0.85 }]);
    const { s, opened } = source(scripted('small', [{ edits: [EDIT], confidence: 0.85 }]), big, outcomes);
    const cands = (await s.propose(0, ctx())) as ModelCandidate[];
    expect(cands.map((c) => [c.id, c.confidence])).toEqual([['llm:0:0', 0.85]]);
    expect(outcomes.map(brief)).toEqual([[0, 'primary', 'small', 0.85, null]]);
    expect([opened(), big.calls]).toEqual([0, 0]);
  });

  it('asks the fallback once per diagnostic when the first answer is unsure, and offers both candidates', async () => {
    const outcomes: ModelOutcome[] = [];
    const small = scripted('small', [{ edits: [EDIT], confidence: 0.3 }]);
    const big = scripted('big', [{ edits: [EDIT], confidence: 0.85 }]);
    const { s, opened } = source(small, big, outcomes);
    const first = (await s.propose(0, ctx())) as ModelCandidate[];
    expect(first.map((c) => [c.id, c.confidence, c.description])).toEqual([
      ['llm:0:1', 0.85, `model edit of ${KEY} (big)`],
      ['llm:0:0', 0.3, `model edit of ${KEY} (small)`],
    ]);
    // Same diagnostic again (a later search round): no second escalation. Another diagnostic: one more.
    await s.propose(0, ctx());
    await s.propose(1, ctx());
    expect(outcomes.map(brief)).toEqual([
      [0, 'primary', 'small', 0.3, null],
      [0, 'fallback', 'big', 0.85, null],
      [0, 'primary', 'small', 0.3, null],
      [1, 'primary', 'small', 0.3, null],
      [1, 'fallback', 'big', 0.85, null],
    ]);
    // The fallback is opened once and shared.
    expect([opened(), big.calls, small.calls]).toEqual([1, 2, 3]);
  });

  it('treats a refused answer as confidence 0 and honours the threshold', async () => {
    const outcomes: ModelOutcome[] = [];
    const { s } = source(scripted('small', [{ rejected: 'answer is not JSON: x', raw: 'x' }]), scripted('big', [{ rejected: 'answer is not JSON: y' }]), outcomes);
    expect(await s.propose(0, ctx())).toEqual([]);
    expect(outcomes.map(brief)).toEqual([
      [0, 'primary', 'small', 0, 'answer is not JSON: x'],
      [0, 'fallback', 'big', 0, 'answer is not JSON: y'],
    ]);
    // threshold 0.25: a 0.3 answer is confident enough.
    const o2: ModelOutcome[] = [];
    const { s: s2, opened } = source(scripted('small', [{ edits: [EDIT], confidence: 0.3 }]), scripted('big', []), o2, { threshold: 0.25 });
    expect(((await s2.propose(0, ctx())) as ModelCandidate[]).map((c) => c.id)).toEqual(['llm:0:0']);
    expect(opened()).toBe(0);
  });

  it('a fallback slower than its hard timeout is recorded and the first answer stands', async () => {
    const outcomes: ModelOutcome[] = [];
    const { s } = source(scripted('small', [{ edits: [EDIT], confidence: 0.3 }]), scripted('big', [{ edits: [EDIT], confidence: 0.85 }], 2000), outcomes, { timeoutMs: 100 });
    const t0 = Date.now();
    const cands = (await s.propose(0, ctx())) as ModelCandidate[];
    expect(Date.now() - t0).toBeLessThan(1500);
    expect(cands.map((c) => c.id)).toEqual(['llm:0:0']);
    expect(outcomes.map(brief)).toEqual([
      [0, 'primary', 'small', 0.3, null],
      [0, 'fallback', 'big', 0, 'fallback failed: the fallback model took longer than 100 ms'],
    ]);
  });
});

describe('escalation with two real tiny GGUFs', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'rg-escalate-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('the small model answers, is unsure, and the larger one is loaded and asked; both attempts are logged', async () => {
    const small = writeTinyGguf(path.join(dir, 'small.gguf'), { seed: 3 });
    const large = writeTinyGguf(path.join(dir, 'large.gguf'), { seed: 11, name: 'rustgate-tiny-large' });
    const outcomes: ModelOutcome[] = [];
    const opened = await openModelSource('local', {
      model: small,
      fallbackModel: large,
      threads: 1,
      contextSize: 2048,
      env: { RUSTGATE_MODELS_DIR: dir },
      offline: true,
      escalationTimeoutMs: 60_000,
      source: { onOutcome: (o) => outcomes.push(o) },
    });
    expect(opened?.fallbackPath).toBe(large);
    try {
      await opened!.source.propose(0, ctx());
    } finally {
      await opened!.close();
    }
    // Random weights: whatever the small model says is refused or unsure (< 0.5), so escalation is taken once.
    expect(outcomes.map((o) => [o.attempt, o.reasoner])).toEqual([
      ['primary', `local:${small}`],
      ['fallback', `local:${large}`],
    ]);
    expect(outcomes[0]!.confidence ?? 1).toBeLessThan(0.5);
    for (const o of outcomes) expect(o.tokensUsed).toBeGreaterThan(0);
  }, 60_000);
});
