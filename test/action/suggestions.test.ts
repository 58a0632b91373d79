// Planning a review from a candidate diff: what becomes an inline suggestion and what goes into the body.
import { describe, expect, it } from 'vitest';
import { parseHunks, type Hunk } from '../../src/action/hunks.js';
import { fingerprintOf, planReview, readMarker, type PlanInput } from '../../src/action/suggestions.js';
import type { CandidateJson } from '../../src/action/contract.js';

// PR hunks for two files: lib.rs changed around line 25, report.rs gained lines 18..22.
const PR: Map<string, Hunk[]> = new Map([
  ['src/lib.rs', parseHunks("@@ -22,7 +22,7 @@\n /// Runs\n pub fn run_job<F>(job: F) -> u64\n where\n-    F: FnOnce() -> u64 + Send + 'static,\n+    F: FnOnce() -> u64 + 'static,\n {\n     thread::spawn(job)\n }")],
  ['src/report.rs', parseHunks('@@ -15,3 +15,8 @@\n a\n b\n }\n+\n+/// Sum\n+pub fn total() {\n+    x\n+}')],
]);

function candidate(diff: string, over: Partial<CandidateJson> = {}): CandidateJson {
  return { pattern_id: 'add-send-bound', diff, confidence: 0.9, validation_status: 'Cargo_OK', zero_llm: true, tokens_used: 0, touched_keys: ['src/lib.rs-lib-run_job'], ...over };
}

function plan(diff: string, over: Partial<PlanInput> = {}) {
  return planReview({ candidate: candidate(diff), prHunks: PR, pathPrefix: '', maxSuggestions: 20, rootCause: 'F lost its Send bound', ...over });
}

const SEND_FIX = "--- a/src/lib.rs\n+++ b/src/lib.rs\n@@ -24,3 +24,3 @@\n where\n-    F: FnOnce() -> u64 + 'static,\n+    F: FnOnce() -> u64 + Send + 'static,\n {\n";
const IMPORT_FIX = '--- a/src/report.rs\n+++ b/src/report.rs\n@@ -1,3 +1,4 @@\n //! Reports\n use crate::Item;\n+use crate::Priced;\n \n';

describe('planReview', () => {
  it('puts a one-line change in the diff on its RIGHT line, without start_line', () => {
    const p = plan(SEND_FIX);
    expect(p.comments).toHaveLength(1);
    const c = p.comments[0];
    expect({ path: c?.path, line: c?.line, side: c?.side, start_line: c?.start_line }).toEqual({ path: 'src/lib.rs', line: 25, side: 'RIGHT', start_line: undefined });
    expect(c?.body).toContain("```suggestion\n    F: FnOnce() -> u64 + Send + 'static,\n```");
    expect(c?.body).toContain('pattern `add-send-bound` · confidence 0.90 · validation **Cargo_OK** · zero-LLM');
    expect(readMarker(c?.body)).toBe(c?.fingerprint);
    expect(p.outsideDiff).toBe('');
  });

  it('gives a multi-line replacement start_line/start_side in the same hunk', () => {
    const p = plan("--- a/src/lib.rs\n+++ b/src/lib.rs\n@@ -23,4 +23,3 @@\n pub fn run_job<F>(job: F) -> u64\n-where\n-    F: FnOnce() -> u64 + 'static,\n+where F: FnOnce() -> u64 + Send + 'static,\n {\n");
    expect(p.comments.map((c) => [c.path, c.start_line, c.start_side, c.line, c.side])).toEqual([['src/lib.rs', 24, 'RIGHT', 25, 'RIGHT']]);
    expect(p.comments[0]?.body).toContain("```suggestion\nwhere F: FnOnce() -> u64 + Send + 'static,\n```");
  });

  it('moves a change outside the PR hunks into the body as a diff with context', () => {
    const p = plan(SEND_FIX + IMPORT_FIX);
    expect(p.comments.map((c) => c.path)).toEqual(['src/lib.rs']);
    expect(p.outsideDiff).toBe('--- a/src/report.rs\n+++ b/src/report.rs\n@@ -2,2 +2,3 @@\n use crate::Item;\n+use crate::Priced;\n \n');
    expect(p.body).toContain('```diff\n--- a/src/report.rs');
    expect(p.body).toContain('Root cause: F lost its Send bound');
    expect(readMarker(p.body)).toBe(fingerprintOf('review', SEND_FIX + IMPORT_FIX));
  });

  it('anchors a pure insertion inside the diff on the line before it', () => {
    const p = plan('--- a/src/report.rs\n+++ b/src/report.rs\n@@ -20,2 +20,3 @@\n pub fn total() {\n+    use crate::Priced;\n     x\n');
    expect(p.comments.map((c) => [c.line, c.start_line])).toEqual([[20, undefined]]);
    expect(p.comments[0]?.body).toContain('```suggestion\npub fn total() {\n    use crate::Priced;\n```');
  });

  it('refuses a range that starts in the diff and ends outside it', () => {
    const p = plan('--- a/src/lib.rs\n+++ b/src/lib.rs\n@@ -27,3 +27,1 @@\n     thread::spawn(job)\n-}\n-// trailing\n');
    expect(p.comments).toEqual([]);
    expect(p.outsideDiff).toContain('-// trailing');
  });

  it('honours max-suggestions and prefixes paths of a workspace in a subdirectory', () => {
    const sub = new Map([...PR].map(([k, v]) => [`rust/${k}`, v]));
    expect(plan(SEND_FIX, { maxSuggestions: 0 }).comments).toEqual([]);
    expect(plan(SEND_FIX, { maxSuggestions: 0 }).outsideDiff).toContain('+    F: FnOnce() -> u64 + Send');
    expect(plan(SEND_FIX, { prHunks: sub, pathPrefix: 'rust/' }).comments.map((c) => c.path)).toEqual(['rust/src/lib.rs']);
  });

  it('never suggests on a file the candidate creates', () => {
    const p = plan('--- /dev/null\n+++ b/src/lib.rs\n@@ -0,0 +1 @@\n+pub fn x() {}\n');
    expect(p.comments).toEqual([]);
    expect(p.outsideDiff).toContain('+pub fn x() {}');
  });

  it('uses a longer fence when the replacement contains backticks', () => {
    const p = plan("--- a/src/lib.rs\n+++ b/src/lib.rs\n@@ -25,1 +25,1 @@\n-    F: FnOnce() -> u64 + 'static,\n+    /// ```text\n");
    expect(p.comments[0]?.body).toContain('````suggestion\n    /// ```text\n````');
  });

  it('gives the same fingerprints for the same proposal', () => {
    expect(plan(SEND_FIX).comments[0]?.fingerprint).toBe(plan(SEND_FIX).comments[0]?.fingerprint);
    expect(plan(SEND_FIX).fingerprint).not.toBe(plan(SEND_FIX + IMPORT_FIX).fingerprint);
  });

  it('cuts an out-of-diff remainder that would break GitHub\'s review body limit', () => {
    const many = Array.from({ length: 3000 }, (_, i) => `+// generated line ${i} with some padding to make it long`).join('\n');
    const p = plan(`--- a/src/report.rs\n+++ b/src/report.rs\n@@ -1,1 +1,3001 @@\n //! Reports\n${many}\n`, { maxSuggestions: 0 });
    expect(p.outsideDiff.length).toBeGreaterThan(100_000);
    expect(p.body.length).toBeLessThan(65_536);
    expect(p.body).toContain('… (cut: see the job summary)\n```');
  });
});
