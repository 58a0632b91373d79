/**
 * Item-level structure on top of RustText: item headers (fn/impl/struct/…) with their generics, inline modules.
 * Heuristic and lexical; every consumer must return no edit when a lookup fails.
 */
import { RustText } from './rust-text.js';

/** An item keyword occurrence with its header and extent (string indexes). */
export interface ItemScope {
  keyword: 'fn' | 'impl' | 'struct' | 'enum' | 'trait' | 'union' | 'type';
  /** Index of the keyword. */
  start: number;
  /** Index of the `{` or `;` that ends the header. */
  headerEnd: number;
  /** Index of the closing `}` (or the `;`). */
  end: number;
  /** Item name (empty for impl). */
  name: string;
  /** Generics `<…>` right after the name (or after `impl`), as [open, close] indexes, or null. */
  generics: [number, number] | null;
}

/** Finds the index of the `>` matching the `<` at `open` in masked text (ignores `->`/`=>`); -1 if none. */
export function matchAngle(masked: string, open: number): number {
  let depth = 0;
  for (let i = open; i < masked.length; i++) {
    const ch = masked[i];
    if (ch === '<') depth++;
    else if (ch === '>' && masked[i - 1] !== '-' && masked[i - 1] !== '=') {
      depth--;
      if (depth === 0) return i;
    } else if (ch === ';' || ch === '{') return -1;
  }
  return -1;
}

/** All item scopes in the file. */
export function itemScopes(src: RustText): ItemScope[] {
  const cached = src.memo.get('itemScopes') as ItemScope[] | undefined;
  if (cached) return cached;
  const out = computeItemScopes(src);
  src.memo.set('itemScopes', out);
  return out;
}

function computeItemScopes(src: RustText): ItemScope[] {
  const m = src.masked;
  const out: ItemScope[] = [];
  const re = /\b(fn|impl|struct|enum|trait|union|type)\b/g;
  for (let hit = re.exec(m); hit; hit = re.exec(m)) {
    const keyword = hit[1] as ItemScope['keyword'];
    const start = hit.index;
    // `impl Trait` in argument/return position is not an item: an item `impl` starts a statement.
    if (keyword === 'impl') {
      const before = m.slice(src.skipSpaceBack(start) - 1, src.skipSpaceBack(start));
      if (before !== '' && !/[;{}\]]/.test(before) && !/\b(unsafe|default)\s*$/.test(m.slice(0, start))) continue;
    }
    if (keyword === 'fn') {
      // `fn(` pointer types and `Fn` traits are not items.
      if (/^fn\s*\(/.test(m.slice(start, start + 8))) continue;
    }
    let i = start + keyword.length;
    let name = '';
    let generics: [number, number] | null = null;
    if (keyword === 'impl') {
      const g = src.skipSpace(i);
      if (m[g] === '<') {
        const close = matchAngle(m, g);
        if (close < 0) continue;
        generics = [g, close];
        i = close + 1;
      }
    } else {
      const nm = /^\s+(r#)?([A-Za-z_]\w*)/.exec(m.slice(i, i + 200));
      if (!nm) continue;
      name = nm[2] ?? '';
      i += nm[0].length;
      const g = src.skipSpace(i);
      if (m[g] === '<') {
        const close = matchAngle(m, g);
        if (close < 0) continue;
        generics = [g, close];
        i = close + 1;
      }
    }
    // Header ends at the first `{` or `;` outside parentheses/brackets.
    let headerEnd = -1;
    for (let j = i; j < m.length; j++) {
      const ch = m[j];
      if (ch === '(' || ch === '[') {
        const c = src.closeOf(j);
        if (c < 0) break;
        j = c;
      } else if (ch === '{' || ch === ';') {
        headerEnd = j;
        break;
      } else if (ch === '}') break;
    }
    if (headerEnd < 0) continue;
    const end = m[headerEnd] === '{' ? src.closeOf(headerEnd) : headerEnd;
    if (end < 0) continue;
    out.push({ keyword, start, headerEnd, end, name, generics });
  }
  return out;
}

/** Item scopes containing index `i` (keyword ≤ i ≤ end), innermost first. */
export function scopesAt(src: RustText, i: number): ItemScope[] {
  return itemScopes(src)
    .filter((s) => s.start <= i && i <= s.end)
    .sort((a, b) => b.start - a.start);
}

/** Splits `text` at top-level commas (outside (), [], {}, <>); returns [startOffset, piece] pairs. */
export function splitTopLevel(text: string, sep = ','): [number, string][] {
  const out: [number, string][] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if ('([{<'.includes(ch)) depth++;
    else if (')]}'.includes(ch) || (ch === '>' && text[i - 1] !== '-' && text[i - 1] !== '=')) depth--;
    else if (ch === sep && depth === 0) {
      out.push([from, text.slice(from, i)]);
      from = i + 1;
    }
  }
  out.push([from, text.slice(from)]);
  return out;
}

/** An inline module `mod name { … }`. */
export interface InlineModule {
  name: string;
  open: number;
  close: number;
}

/** Inline modules of the file. */
export function inlineModules(src: RustText): InlineModule[] {
  const out: InlineModule[] = [];
  const re = /\bmod\s+([A-Za-z_]\w*)\s*\{/g;
  for (let hit = re.exec(src.masked); hit; hit = re.exec(src.masked)) {
    const open = hit.index + hit[0].length - 1;
    const close = src.closeOf(open);
    if (close > open) out.push({ name: hit[1] ?? '', open, close });
  }
  return out;
}

/** The innermost inline module containing index `i`, or null for the file's top level. */
export function moduleAt(src: RustText, i: number): InlineModule | null {
  const mods = inlineModules(src).filter((md) => md.open < i && i < md.close);
  mods.sort((a, b) => b.open - a.open);
  return mods[0] ?? null;
}
