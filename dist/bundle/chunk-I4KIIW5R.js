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

// src/core/patterns/detect.ts
var MAX_ALTERNATIVES = 8;
function groups(prefix, m) {
  const out = {};
  for (const [k, v] of Object.entries(m.groups ?? {})) if (v !== void 0) out[`${prefix}.${k}`] = v;
  return out;
}
function re(source) {
  return new RegExp(source, "s");
}
function childMessages(d, level) {
  const prefix = `${level}: `;
  return d.notes.filter((n) => n.startsWith(prefix)).map((n) => n.slice(prefix.length));
}
function matchDetector(pattern, d) {
  const det = pattern.detector;
  if (det.text_detector !== void 0) return [];
  const codes = det.code ?? pattern.error_codes;
  if (codes.length > 0 && (d.code === null || !codes.includes(d.code))) return [];
  if (d.level !== "error") return [];
  let base = {};
  const hay = [d.message, ...d.spans.map((s) => s.label ?? ""), ...d.notes].join("\n");
  if (det.unless !== void 0 && re(det.unless).test(hay)) return [];
  if (det.requires !== void 0 && !re(det.requires).test(hay)) return [];
  if (det.message !== void 0) {
    const m = re(det.message).exec(d.message);
    if (!m) return [];
    base = { ...base, ...groups("message", m) };
  }
  if (det.label !== void 0) {
    const m = re(det.label).exec(d.primary?.label ?? "");
    if (!m) return [];
    base = { ...base, ...groups("label", m) };
  }
  const matched = [];
  if (det.span_label !== void 0) {
    const r = re(det.span_label);
    for (const s of d.spans) {
      const m = r.exec(s.label ?? "");
      if (!m) continue;
      if (matched.length === 0) base = { ...base, ...groups("span", m) };
      matched.push(s);
    }
    if (matched.length === 0) return [];
  }
  if (det.note !== void 0) {
    const r = re(det.note);
    const hit = childMessages(d, "note").map((n) => r.exec(n)).find((m) => m !== null);
    if (!hit) return [];
    base = { ...base, ...groups("note", hit) };
  }
  let alternatives = [base];
  if (det.help !== void 0) {
    const r = re(det.help);
    const hits = childMessages(d, "help").map((h) => r.exec(h)).filter((m) => m !== null);
    if (hits.length === 0) return [];
    alternatives = alternatives.flatMap((a) => hits.map((h) => ({ ...a, ...groups("help", h) })));
  }
  if (det.suggestion !== void 0) {
    const msgRe = det.suggestion.message !== void 0 ? re(det.suggestion.message) : null;
    const repRe = det.suggestion.replacement !== void 0 ? re(det.suggestion.replacement) : null;
    const found = [];
    for (const s of d.suggestions) {
      const mm = msgRe ? msgRe.exec(s.message) : null;
      if (msgRe && !mm) continue;
      for (const e of s.edits) {
        const rm = repRe ? repRe.exec(e.replacement) : null;
        if (repRe && !rm) continue;
        const caps = { ...mm ? groups("suggestion", mm) : {}, ...rm ? groups("suggestion", rm) : {} };
        if (!found.some((f) => JSON.stringify(f) === JSON.stringify(caps))) found.push(caps);
        if (!repRe) break;
      }
    }
    if (found.length === 0) return [];
    alternatives = alternatives.flatMap((a) => found.map((f) => ({ ...a, ...f })));
  }
  return alternatives.slice(0, MAX_ALTERNATIVES).map((captures) => ({ captures, matched }));
}
function interpolate(template, captures) {
  let missing = false;
  const out = template.replace(/\{\{\s*([\w.|=]+)\s*\}\}/g, (_, keys) => {
    const v = keys.split("|").map((k) => k.startsWith("=") ? k.slice(1) : captures[k]).find((x) => x !== void 0);
    if (v === void 0) {
      missing = true;
      return "";
    }
    return v;
  });
  return missing ? null : out;
}

// src/core/patterns/items.ts
function matchAngle(masked, open) {
  let depth = 0;
  for (let i = open; i < masked.length; i++) {
    const ch = masked[i];
    if (ch === "<") depth++;
    else if (ch === ">" && masked[i - 1] !== "-" && masked[i - 1] !== "=") {
      depth--;
      if (depth === 0) return i;
    } else if (ch === ";" || ch === "{") return -1;
  }
  return -1;
}
function itemScopes(src) {
  const cached = src.memo.get("itemScopes");
  if (cached) return cached;
  const out = computeItemScopes(src);
  src.memo.set("itemScopes", out);
  return out;
}
function computeItemScopes(src) {
  const m = src.masked;
  const out = [];
  const re2 = /\b(fn|impl|struct|enum|trait|union|type)\b/g;
  for (let hit = re2.exec(m); hit; hit = re2.exec(m)) {
    const keyword = hit[1];
    const start = hit.index;
    if (keyword === "impl") {
      const before = m.slice(src.skipSpaceBack(start) - 1, src.skipSpaceBack(start));
      if (before !== "" && !/[;{}\]]/.test(before) && !/\b(unsafe|default)\s*$/.test(m.slice(0, start))) continue;
    }
    if (keyword === "fn") {
      if (/^fn\s*\(/.test(m.slice(start, start + 8))) continue;
    }
    let i = start + keyword.length;
    let name = "";
    let generics = null;
    if (keyword === "impl") {
      const g = src.skipSpace(i);
      if (m[g] === "<") {
        const close = matchAngle(m, g);
        if (close < 0) continue;
        generics = [g, close];
        i = close + 1;
      }
    } else {
      const nm = /^\s+(r#)?([A-Za-z_]\w*)/.exec(m.slice(i, i + 200));
      if (!nm) continue;
      name = nm[2] ?? "";
      i += nm[0].length;
      const g = src.skipSpace(i);
      if (m[g] === "<") {
        const close = matchAngle(m, g);
        if (close < 0) continue;
        generics = [g, close];
        i = close + 1;
      }
    }
    let headerEnd = -1;
    for (let j = i; j < m.length; j++) {
      const ch = m[j];
      if (ch === "(" || ch === "[") {
        const c = src.closeOf(j);
        if (c < 0) break;
        j = c;
      } else if (ch === "{" || ch === ";") {
        headerEnd = j;
        break;
      } else if (ch === "}") break;
    }
    if (headerEnd < 0) continue;
    const end = m[headerEnd] === "{" ? src.closeOf(headerEnd) : headerEnd;
    if (end < 0) continue;
    out.push({ keyword, start, headerEnd, end, name, generics });
  }
  return out;
}
function scopesAt(src, i) {
  return itemScopes(src).filter((s) => s.start <= i && i <= s.end).sort((a, b) => b.start - a.start);
}
function splitTopLevel(text, sep = ",") {
  const out = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if ("([{<".includes(ch)) depth++;
    else if (")]}".includes(ch) || ch === ">" && text[i - 1] !== "-" && text[i - 1] !== "=") depth--;
    else if (ch === sep && depth === 0) {
      out.push([from, text.slice(from, i)]);
      from = i + 1;
    }
  }
  out.push([from, text.slice(from)]);
  return out;
}
function inlineModules(src) {
  const out = [];
  const re2 = /\bmod\s+([A-Za-z_]\w*)\s*\{/g;
  for (let hit = re2.exec(src.masked); hit; hit = re2.exec(src.masked)) {
    const open = hit.index + hit[0].length - 1;
    const close = src.closeOf(open);
    if (close > open) out.push({ name: hit[1] ?? "", open, close });
  }
  return out;
}
function moduleAt(src, i) {
  const mods = inlineModules(src).filter((md) => md.open < i && i < md.close);
  mods.sort((a, b) => b.open - a.open);
  return mods[0] ?? null;
}

export {
  matchAngle,
  itemScopes,
  scopesAt,
  splitTopLevel,
  inlineModules,
  moduleAt,
  RustText,
  isIdent,
  isPostfixSafe,
  matchDetector,
  interpolate
};
