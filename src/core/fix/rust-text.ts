/**
 * Small text helpers over Rust source for the fix candidates that rustc does not offer: which characters are code
 * (not comments, strings or char literals), matching braces, the enclosing function body, byte/UTF-16 offsets —
 * answered by the pattern actions' one lexical view (`RustText`), not a second lexer. Deliberately lexical;
 * validation decides. Pure.
 */
import { RustText } from '../patterns/rust-text.js';

/** The lexical view of the last text asked about (callers ask several questions of one file in a row). */
let last: RustText | null = null;
function view(text: string): RustText {
  if (last === null || last.text !== text) last = new RustText(text);
  return last;
}

/**
 * Per UTF-16 index of `text`: true where the character is code (not in a comment, string or char literal), from
 * the pattern actions' masked copy (`RustText.masked`, which blanks those with spaces). Only non-space characters
 * are asked about.
 */
export function codeMask(text: string): boolean[] {
  const { masked } = view(text);
  return Array.from(masked, (c, i) => c !== ' ' || text[i] === ' ');
}

/** For each code `{`, the index of its matching `}` (unbalanced braces are left out). */
export function bracePairs(text: string): Map<number, number> {
  return new Map(view(text).pairs().filter((p) => p.kind === '{').map((p) => [p.open, p.close]));
}

/** UTF-8 byte offset → UTF-16 index of `text` (and back, through `indexToByte`). */
export function byteToIndex(text: string, byte: number): number {
  return view(text).indexOf(byte);
}

export function indexToByte(text: string, index: number): number {
  return view(text).byteOf(index);
}

/** Indexes of `name` as a whole identifier in text[from, to) (any context: code, strings, comments). */
export function occurrences(text: string, name: string, from: number, to: number): number[] {
  const out: number[] = [];
  const re = new RegExp(`(?<![A-Za-z0-9_])${name}(?![A-Za-z0-9_])`, 'g');
  re.lastIndex = from;
  for (let m = re.exec(text); m && m.index < to; m = re.exec(text)) out.push(m.index);
  return out;
}

/** The innermost function body (`{` and `}` indexes) that holds text[first, last], or null. */
export function fnBodyAround(text: string, mask: readonly boolean[], pairs: ReadonlyMap<number, number>, first: number, last: number): [number, number] | null {
  let body: [number, number] | null = null;
  for (const [open, close] of pairs) {
    if (open >= first || close <= last) continue;
    if (body && open < body[0]) continue;
    let k = open - 1;
    while (k >= 0 && !(mask[k] && (text[k] === ';' || text[k] === '{' || text[k] === '}'))) k--;
    if (/\bfn\s+[A-Za-z_]/.test(text.slice(k + 1, open))) body = [open, close];
  }
  return body;
}
