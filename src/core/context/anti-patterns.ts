/**
 * The anti-pattern detector: textual checks for fixes that silence the compiler instead of fixing the code
 * (`unsafe impl Send`, `transmute`, lint allows, `todo!()`, a borrow "fixed" by `.clone()`...). Hits found near the
 * error go into the model's context as warnings; a model edit that introduces a hit the code did not have is
 * refused. Pure and line-based: it errs toward flagging, and a refused edit is cheap.
 */
import type { AnchoredEdit, CodeSlice } from './anchored-edits.js';

/** One kind of anti-pattern. */
export interface AntiPattern {
  id: string;
  /** What to tell the model (and the user) about it. */
  message: string;
  test: RegExp;
}

/** The built-in anti-patterns, most harmful first. */
export const ANTI_PATTERNS: readonly AntiPattern[] = [
  { id: 'unsafe_send_sync', message: '`unsafe impl Send/Sync` hides a thread-safety error instead of fixing it', test: /\bunsafe\s+impl\b[^{]*\b(Send|Sync)\b/ },
  { id: 'transmute', message: '`mem::transmute` bypasses the type system', test: /\btransmute\s*(::\s*<[^>]*>\s*)?\(/ },
  { id: 'unsafe_block', message: 'a new `unsafe` block is never an acceptable compile fix', test: /\bunsafe\s*\{/ },
  { id: 'static_mut', message: '`static mut` is unsynchronised global state', test: /\bstatic\s+mut\b/ },
  { id: 'lint_allow', message: 'silencing lints with `#[allow(...)]` does not fix the code', test: /#!?\[\s*allow\s*\(/ },
  { id: 'placeholder_macro', message: '`todo!()`/`unimplemented!()` compiles but fails at run time', test: /\b(todo|unimplemented)!\s*\(/ },
  { id: 'box_leak', message: '`Box::leak` trades a lifetime error for a memory leak', test: /\bBox::leak\s*\(/ },
  { id: 'forget', message: '`mem::forget` skips destructors', test: /\bmem::forget\s*\(/ },
  { id: 'unwrap_unchecked', message: '`unwrap_unchecked` is undefined behaviour on None/Err', test: /\.unwrap_unchecked\s*\(/ },
  { id: 'raw_pointer_cast', message: 'casting to a raw pointer to escape the borrow checker', test: /\bas\s+\*(const|mut)\b/ },
];

/** One anti-pattern occurrence. */
export interface AntiPatternHit {
  id: string;
  message: string;
  /** 1-based line within the scanned text. */
  line: number;
  excerpt: string;
}

/** Finds anti-patterns line by line (line comments are ignored). */
export function detectAntiPatterns(text: string, patterns: readonly AntiPattern[] = ANTI_PATTERNS): AntiPatternHit[] {
  const hits: AntiPatternHit[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\/\/.*$/, '');
    for (const p of patterns) if (p.test.test(line)) hits.push({ id: p.id, message: p.message, line: i + 1, excerpt: raw.trim().slice(0, 120) });
  });
  return hits;
}

/** Counts hits per anti-pattern id. */
function countById(hits: readonly AntiPatternHit[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const h of hits) m.set(h.id, (m.get(h.id) ?? 0) + 1);
  return m;
}

/**
 * Anti-patterns that anchored edits would add to the slices they edit (more hits of an id after than before).
 * Edits whose quote is not found are ignored here; anchoredEditsToFileEdits refuses them anyway.
 */
export function introducedAntiPatterns(edits: readonly AnchoredEdit[], slices: ReadonlyMap<string, CodeSlice>, patterns: readonly AntiPattern[] = ANTI_PATTERNS): AntiPatternHit[] {
  const after = new Map<string, string>();
  for (const e of edits) {
    const text = after.get(e.key) ?? slices.get(e.key)?.text;
    if (text === undefined || !text.includes(e.original)) continue;
    after.set(e.key, text.replace(e.original, () => e.replacement));
  }
  const out: AntiPatternHit[] = [];
  for (const [key, text] of after) {
    const before = countById(detectAntiPatterns(slices.get(key)?.text ?? '', patterns));
    const hits = detectAntiPatterns(text, patterns);
    const now = countById(hits);
    for (const [id, n] of now) {
      if (n > (before.get(id) ?? 0)) out.push(...hits.filter((h) => h.id === id).slice(before.get(id) ?? 0));
    }
  }
  return out;
}

/** Renders hits as bundle lines for the ContextPacker (`antiPatterns`). */
export function describeHits(hits: readonly AntiPatternHit[], where: string): string[] {
  return hits.map((h) => `${where}:${h.line}: ${h.message} (\`${h.excerpt}\`)`);
}
