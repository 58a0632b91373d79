/**
 * Small text helpers over Rust source for the fix candidates that rustc does not offer: which characters are code
 * (not comments, strings or char literals), matching braces, the enclosing function body, byte/UTF-16 offsets.
 * Deliberately lexical; validation decides. Pure.
 */

/** Per UTF-16 index of `text`: true where the character is code (not in a comment, string or char literal). */
export function codeMask(text: string): boolean[] {
  const mask = new Array<boolean>(text.length).fill(true);
  const n = text.length;
  let i = 0;
  const hide = (from: number, to: number): void => {
    for (let k = from; k < to && k < n; k++) mask[k] = false;
  };
  const ident = (ch: string | undefined): boolean => ch !== undefined && /[A-Za-z0-9_]/.test(ch);
  while (i < n) {
    const ch = text[i];
    const next = text[i + 1];
    if (ch === '/' && next === '/') {
      const end = text.indexOf('\n', i);
      const stop = end < 0 ? n : end;
      hide(i, stop);
      i = stop;
    } else if (ch === '/' && next === '*') {
      let depth = 1;
      let k = i + 2;
      while (k < n && depth > 0) {
        if (text[k] === '/' && text[k + 1] === '*') {
          depth++;
          k += 2;
        } else if (text[k] === '*' && text[k + 1] === '/') {
          depth--;
          k += 2;
        } else k++;
      }
      hide(i, k);
      i = k;
    } else if ((ch === 'r' || (ch === 'b' && next === 'r')) && !ident(text[i - 1]) && /^b?r#*"/.test(text.slice(i, i + 260))) {
      const m = /^b?r(#*)"/.exec(text.slice(i, i + 260)) as RegExpExecArray;
      const close = `"${m[1] ?? ''}`;
      const end = text.indexOf(close, i + m[0].length);
      const stop = end < 0 ? n : end + close.length;
      hide(i, stop);
      i = stop;
    } else if (ch === '"') {
      let k = i + 1;
      while (k < n && text[k] !== '"') k += text[k] === '\\' ? 2 : 1;
      hide(i, k + 1);
      i = k + 1;
    } else if (ch === "'") {
      // A char literal ('x', '\n', '\u{..}'); otherwise a lifetime or label, which is code.
      if (next === '\\') {
        const end = text.indexOf("'", i + 2 + (text[i + 2] === "'" ? 1 : 0));
        const stop = end < 0 ? n : end + 1;
        hide(i, stop);
        i = stop;
      } else if (text[i + 2] === "'" || (next !== undefined && text.codePointAt(i + 1)! > 0xffff && text[i + 3] === "'")) {
        const stop = text[i + 2] === "'" ? i + 3 : i + 4;
        hide(i, stop);
        i = stop;
      } else i++;
    } else i++;
  }
  return mask;
}

/** For each code `{`, the index of its matching `}` (unbalanced braces are left out). */
export function bracePairs(text: string, mask: readonly boolean[]): Map<number, number> {
  const pairs = new Map<number, number>();
  const stack: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (!mask[i]) continue;
    if (text[i] === '{') stack.push(i);
    else if (text[i] === '}') {
      const open = stack.pop();
      if (open !== undefined) pairs.set(open, i);
    }
  }
  return pairs;
}

/** UTF-8 byte offset → UTF-16 index of `text` (and back, through `indexToByte`). */
export function byteToIndex(text: string, byte: number): number {
  let b = 0;
  for (let i = 0; i < text.length; i++) {
    if (b >= byte) return i;
    const cp = text.codePointAt(i) as number;
    b += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    if (cp > 0xffff) i++;
  }
  return text.length;
}

export function indexToByte(text: string, index: number): number {
  return new TextEncoder().encode(text.slice(0, index)).length;
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
