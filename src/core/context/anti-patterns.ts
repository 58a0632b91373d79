/**
 * Anti-patterns in the model's context: the pattern library's `never_introduce` anti-patterns (silencing the
 * compiler instead of fixing the code: `unsafe impl Send`, `transmute`, lint allows, `todo!()`…), run by the same
 * text detectors as every other anti-pattern (masked text: comments and strings never match). Hits near the error go
 * into the context as warnings; a model edit that adds a hit the code did not have is refused.
 */
import { detectAntiPatterns, introducedFindings, neverIntroduced } from '../patterns/antipatterns.js';
import type { Finding, Pattern } from '../patterns/model.js';
import type { AnchoredEdit, CodeSlice } from './anchored-edits.js';

/** One anti-pattern occurrence in a slice. */
export interface AntiPatternHit {
  id: string;
  message: string;
  /** 1-based line within the scanned text. */
  line: number;
  excerpt: string;
}

function toHit(f: Finding, text: string): AntiPatternHit {
  return { id: f.patternId, message: f.message, line: f.line, excerpt: (text.split('\n')[f.line - 1] ?? '').trim().slice(0, 120) };
}

/** The never-introduce anti-patterns in one slice of `file` (lines relative to the slice). */
export function contextAntiPatterns(text: string, file: string, patterns: readonly Pattern[]): AntiPatternHit[] {
  return detectAntiPatterns(text, file, neverIntroduced(patterns)).map((f) => toHit(f, text));
}

/**
 * Never-introduce anti-patterns that anchored edits would add to the slices they edit (more hits of an id after than
 * before). Edits whose quote is not found are ignored here; anchoredEditsToFileEdits refuses them anyway.
 */
export function introducedAntiPatterns(edits: readonly AnchoredEdit[], slices: ReadonlyMap<string, CodeSlice>, patterns: readonly Pattern[]): AntiPatternHit[] {
  const after = new Map<string, string>();
  for (const e of edits) {
    const text = after.get(e.key) ?? slices.get(e.key)?.text;
    if (text === undefined || !text.includes(e.original)) continue;
    after.set(e.key, text.replace(e.original, () => e.replacement));
  }
  const out: AntiPatternHit[] = [];
  for (const [key, text] of after) {
    const slice = slices.get(key);
    out.push(...introducedFindings(slice?.text ?? '', text, slice?.file ?? key, patterns).map((f) => toHit(f, text)));
  }
  return out;
}

/** Renders hits as bundle lines for the ContextPacker (`antiPatterns`). */
export function describeHits(hits: readonly AntiPatternHit[], where: string): string[] {
  return hits.map((h) => `${where}:${h.line}: ${h.message} (\`${h.excerpt}\`)`);
}
