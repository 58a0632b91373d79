import { createRequire as __rgCreateRequire } from 'node:module';
const require = __rgCreateRequire(import.meta.url);

// src/core/patterns/rust-text.ts
var encoder = new TextEncoder();
var RustText = class {
  text;
  /** Same length as `text`; comments, strings and char literals replaced by spaces (newlines kept). */
  masked;
  /** byteAt[i] = UTF-8 byte offset of string index i (length text.length + 1). */
  byteAt;
  pairsCache = null;
  closeByOpen = null;
  /** Derived structures computed once per text (e.g. item scopes), keyed by their builder. */
  memo = /* @__PURE__ */ new Map();
  constructor(text) {
    this.text = text;
    this.byteAt = new Array(text.length + 1);
    let b = 0;
    for (let i = 0; i < text.length; i++) {
      this.byteAt[i] = b;
      const c = text.charCodeAt(i);
      if (c < 128) b += 1;
      else if (c < 2048) b += 2;
      else if (c >= 55296 && c <= 56319) {
        b += 4;
        i++;
        if (i < text.length) this.byteAt[i] = b - 4;
      } else b += 3;
    }
    this.byteAt[text.length] = b;
    this.masked = maskRust(text);
  }
  /** UTF-8 byte offset of string index `i`. */
  byteOf(i) {
    return this.byteAt[Math.max(0, Math.min(i, this.text.length))] ?? 0;
  }
  /** String index of UTF-8 byte offset `b` (the first index at or after it). */
  indexOf(b) {
    let lo = 0;
    let hi = this.text.length;
    while (lo < hi) {
      const mid = lo + hi >> 1;
      if ((this.byteAt[mid] ?? 0) < b) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
  /** All bracket pairs (unbalanced brackets are ignored), in order of their opening index. */
  pairs() {
    if (this.pairsCache) return this.pairsCache;
    const out = [];
    const stack = [];
    const closer = { "}": "{", ")": "(", "]": "[" };
    for (let i = 0; i < this.masked.length; i++) {
      const ch = this.masked[i];
      if (ch === "{" || ch === "(" || ch === "[") stack.push({ i, k: ch });
      else if (ch === "}" || ch === ")" || ch === "]") {
        const want = closer[ch];
        for (let s = stack.length - 1; s >= 0; s--) {
          if (stack[s]?.k === want) {
            const top = stack[s];
            stack.length = s;
            out.push({ open: top.i, close: i, kind: top.k });
            break;
          }
        }
      }
    }
    out.sort((a, b) => a.open - b.open);
    this.pairsCache = out;
    return out;
  }
  /** The partner of the bracket at `open`, or -1. */
  closeOf(open) {
    if (!this.closeByOpen) this.closeByOpen = new Map(this.pairs().map((p) => [p.open, p.close]));
    return this.closeByOpen.get(open) ?? -1;
  }
  /** Brace blocks `{…}` strictly containing index `i`, innermost first. */
  enclosingBraces(i) {
    return this.pairs().filter((p) => p.kind === "{" && p.open < i && i <= p.close).sort((a, b) => b.open - a.open);
  }
  /** Nesting depth of `{` at index `i` (0 = file top level). */
  braceDepth(i) {
    return this.enclosingBraces(i).length;
  }
  /** Index of the first non-whitespace character at or after `i` in the masked text (or text.length). */
  skipSpace(i) {
    let j = i;
    while (j < this.masked.length && /\s/.test(this.masked[j])) j++;
    return j;
  }
  /** Index just after the last non-whitespace character before `i` in the masked text (or 0). */
  skipSpaceBack(i) {
    let j = i;
    while (j > 0 && /\s/.test(this.masked[j - 1])) j--;
    return j;
  }
  /** Leading whitespace of the line containing index `i`. */
  indentAt(i) {
    const ls = this.text.lastIndexOf("\n", i - 1) + 1;
    const m = /^[ \t]*/.exec(this.text.slice(ls));
    return m ? m[0] : "";
  }
  /** Start index of the line containing `i`. */
  lineStart(i) {
    return this.text.lastIndexOf("\n", i - 1) + 1;
  }
};
function maskRust(src) {
  const out = src.split("");
  const blank = (from, to) => {
    for (let k = from; k < to && k < out.length; k++) if (out[k] !== "\n") out[k] = " ";
  };
  let i = 0;
  const n = src.length;
  while (i < n) {
    const c = src[i];
    const next = src[i + 1];
    if (c === "/" && next === "/") {
      const end = src.indexOf("\n", i);
      const stop = end < 0 ? n : end;
      blank(i, stop);
      i = stop;
      continue;
    }
    if (c === "/" && next === "*") {
      let depth = 1;
      let j = i + 2;
      while (j < n && depth > 0) {
        if (src[j] === "/" && src[j + 1] === "*") {
          depth++;
          j += 2;
        } else if (src[j] === "*" && src[j + 1] === "/") {
          depth--;
          j += 2;
        } else j++;
      }
      blank(i, j);
      i = j;
      continue;
    }
    const raw = /^b?r(#*)"/.exec(src.slice(i, i + 40));
    if (raw && (i === 0 || !/[\w]/.test(src[i - 1]))) {
      const hashes = raw[1] ?? "";
      const start = i + raw[0].length;
      const endMark = `"${hashes}`;
      const end = src.indexOf(endMark, start);
      const stop = end < 0 ? n : end;
      blank(start, stop);
      i = stop + endMark.length;
      continue;
    }
    if (c === '"') {
      let j = i + 1;
      while (j < n && src[j] !== '"') j += src[j] === "\\" ? 2 : 1;
      blank(i + 1, j);
      i = j + 1;
      continue;
    }
    if (c === "'") {
      const lit = /^'(?:\\(?:u\{[0-9a-fA-F]{1,6}\}|x[0-9a-fA-F]{2}|.)|[^\\'\n])'/u.exec(src.slice(i, i + 12));
      if (lit) {
        blank(i + 1, i + lit[0].length - 1);
        i += lit[0].length;
        continue;
      }
    }
    i++;
  }
  return out.join("");
}
function isIdent(s) {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(s);
}
function isPostfixSafe(expr) {
  const m = maskRust(expr.trim());
  if (m.length === 0) return false;
  if (/^[&*!-]/.test(m)) return false;
  let depth = 0;
  for (let i = 0; i < m.length; i++) {
    const ch = m[i];
    if ("([{".includes(ch)) depth++;
    else if (")]}".includes(ch)) depth--;
    else if (depth === 0) {
      if (/\s/.test(ch)) {
        return false;
      }
      if (ch === "<" && m.slice(i - 2, i) === "::") {
        let angle = 1;
        let j = i + 1;
        while (j < m.length && angle > 0) {
          if (m[j] === "<") angle++;
          else if (m[j] === ">") angle--;
          j++;
        }
        i = j - 1;
        continue;
      }
      if ("+-*/%&|^<>=!".includes(ch)) return false;
    }
  }
  return depth === 0;
}

export {
  RustText,
  isIdent,
  isPostfixSafe
};
