// Anchored edits → byte edits: a table of model answers, each either exact byte edits or a refusal.
import { describe, expect, it } from 'vitest';
import { anchoredEditsToFileEdits, sliceLines, type AnchoredEdit, type CodeSlice } from '../../src/core/context/anchored-edits.js';
import { parseProposal, proposalSchema } from '../../src/core/context/proposal.js';
import { applyEdits } from '../../src/core/fix/apply.js';

const file = 'crates/app/src/lib.rs';
const text = '// héllo\npub fn run(job: F) where F: FnOnce() -> u64 {\n    job()\n}\n\npub fn idle() {}\n';
const run = sliceLines(file, text, 2, 4);
const idle = sliceLines(file, text, 6, 6);
const other: CodeSlice = { file: 'crates/other/src/lib.rs', byteStart: 0, text: 'fn x() {}\n' };
const slices = new Map<string, CodeSlice>([
  [`${file}-lib-run`, run],
  [`${file}-lib-idle`, idle],
  ['crates/other/src/lib.rs-lib-x', other],
]);
const planned = [`${file}-lib-run`, `${file}-lib-idle`, 'crates/other/src/lib.rs-lib-x'];

function check(edits: AnchoredEdit[], expected: string | { text: string }, plannedFiles?: string[]): void {
  const res = anchoredEditsToFileEdits(edits, slices, planned, plannedFiles);
  if (typeof expected === 'string') {
    expect(res).toEqual({ rejected: expected });
  } else {
    expect('edits' in res).toBe(true);
    if (!('edits' in res)) return;
    const applied = applyEdits(text, res.edits);
    expect(applied).toEqual({ ok: true, text: expected.text });
  }
}

describe('sliceLines', () => {
  it('cuts whole lines with UTF-8 byte offsets', () => {
    // "// héllo\n" is 10 bytes (é is two).
    expect(run).toEqual({ file, byteStart: 10, text: 'pub fn run(job: F) where F: FnOnce() -> u64 {\n    job()\n}\n' });
    expect(idle).toEqual({ file, byteStart: 10 + run.text.length + 1, text: 'pub fn idle() {}\n' });
    expect(sliceLines(file, 'a\nb', 2, 9)).toEqual({ file, byteStart: 2, text: 'b' });
  });
});

describe('anchoredEditsToFileEdits', () => {
  it('makes the byte edit for a quote that occurs once', () => {
    check([{ key: `${file}-lib-run`, original: 'FnOnce() -> u64', replacement: 'FnOnce() -> u64 + Send' }], {
      text: text.replace('FnOnce() -> u64', 'FnOnce() -> u64 + Send'),
    });
  });

  it('applies edits in two keys of one file', () => {
    check(
      [
        { key: `${file}-lib-idle`, original: '{}', replacement: '{ run_idle() }' },
        { key: `${file}-lib-run`, original: 'job()', replacement: 'job() + 1' },
      ],
      { text: text.replace('job()\n', 'job() + 1\n').replace('idle() {}', 'idle() { run_idle() }') },
    );
  });

  it('refuses what it cannot place exactly', () => {
    check([], 'the model proposed no edits');
    check([{ key: `${file}-lib-main`, original: 'x', replacement: 'y' }], `edit 1 (key "${file}-lib-main"): key is not in the planned scope`);
    check([{ key: `${file}-lib-run`, original: 'spawn(job)', replacement: 'x' }], `edit 1 (key "${file}-lib-run"): quote "spawn(job)" not found in the key's code`);
    // "job" appears in the signature and the body: ambiguous.
    check([{ key: `${file}-lib-run`, original: 'job', replacement: 'task' }], `edit 1 (key "${file}-lib-run"): quote "job" occurs more than once in the key's code`);
    check([{ key: `${file}-lib-run`, original: '', replacement: 'x' }], `edit 1 (key "${file}-lib-run"): empty quote`);
    check([{ key: `${file}-lib-run`, original: 'job()', replacement: 'job()' }], `edit 1 (key "${file}-lib-run"): replacement equals the quote`);
    // The quote exists in the file but in another key's code: not accepted for this key.
    check([{ key: `${file}-lib-idle`, original: 'FnOnce', replacement: 'Fn' }], `edit 1 (key "${file}-lib-idle"): quote "FnOnce" not found in the key's code`);
    check(
      [
        { key: `${file}-lib-run`, original: '-> u64 {', replacement: '-> u32 {' },
        { key: `${file}-lib-run`, original: 'u64 {\n    job', replacement: 'u8 {\n    job' },
      ],
      'edits overlap in crates/app/src/lib.rs at bytes 50..55',
    );
    check([{ key: 'crates/other/src/lib.rs-lib-x', original: 'x()', replacement: 'y()' }], 'edit 1 (key "crates/other/src/lib.rs-lib-x"): touches crates/other/src/lib.rs, which is outside the planned files', [file]);
  });
});

describe('parseProposal', () => {
  it('reads a valid answer, fenced or not', () => {
    const answer = { edits: [{ key: 'k', original: 'a', replacement: 'b' }], confidence: 'high' };
    expect(parseProposal(JSON.stringify(answer))).toEqual({ ok: true, edits: answer.edits, confidence: 0.85 });
    expect(parseProposal('```json\n' + JSON.stringify({ ...answer, confidence: 0.4 }) + '\n```')).toEqual({ ok: true, edits: answer.edits, confidence: 0.4 });
  });

  it('turns garbage into a reason', () => {
    expect(parseProposal('{"edits": [')).toMatchObject({ ok: false });
    expect(parseProposal('[]')).toEqual({ ok: false, reason: 'answer is not a JSON object' });
    expect(parseProposal('{"confidence":"low"}')).toEqual({ ok: false, reason: 'answer has no "edits" array' });
    expect(parseProposal('{"edits":[{"key":"k","original":3}],"confidence":"low"}')).toEqual({ ok: false, reason: 'edit 1 lacks string "key", "original" and "replacement"' });
    expect(parseProposal('{"edits":[],"confidence":"sure"}')).toEqual({ ok: false, reason: 'answer has no valid "confidence" ("sure")' });
  });

  it('builds a schema whose keys are the planned keys', () => {
    const s = proposalSchema(['a', 'b'], true) as { properties: { edits: { items: { properties: { key: unknown }; required: string[] } } }; required: string[] };
    expect(s.properties.edits.items.properties.key).toEqual({ enum: ['a', 'b'] });
    expect(s.properties.edits.items.required).toEqual(['key', 'original', 'replacement']);
    expect(s.required).toEqual(['edits', 'confidence']);
    expect('required' in proposalSchema(['a'])).toBe(false);
  });
});
