import { createRequire as __rgCreateRequire } from 'node:module';
const require = __rgCreateRequire(import.meta.url);

// src/core/vectors/embed.ts
function embedText(n) {
  return [n.kind, n.name, n.signature, n.doc].filter((s) => s.length > 0).join("\n");
}
function fnv1a(s, seed = 2166136261) {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 16777619) >>> 0;
  }
  return h >>> 0;
}
var STOP = /* @__PURE__ */ new Set(["the", "a", "an", "of", "to", "and", "or", "in", "is", "for", "on", "with", "this", "that", "it", "be", "by", "as", "at"]);
var KEYWORDS = /* @__PURE__ */ new Set(["pub", "fn", "crate", "self", "mut", "impl", "for", "where", "const", "unsafe", "async", "extern", "struct", "enum", "trait", "type", "static", "dyn", "as", "in", "mod", "use", "super", "union", "macro_rules"]);
function subTokens(text) {
  const out = [];
  for (const ident of text.match(/[A-Za-z_][A-Za-z0-9_]*|[0-9]+/g) ?? []) {
    for (const part of ident.split("_")) {
      if (!part) continue;
      for (const piece of part.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+/g) ?? [part]) out.push(piece.toLowerCase());
    }
  }
  return out;
}
function shapeFeatures(kind, signature) {
  const sig = signature.replace(/\s+/g, " ").trim();
  const f = [`kind:${kind}`];
  if (/^pub\b/.test(sig)) f.push("pub");
  for (const kw of ["async", "unsafe", "const", "extern"]) if (new RegExp(`\\b${kw}\\b[^(]*\\bfn\\b`).test(sig)) f.push(`mod:${kw}`);
  const open = sig.indexOf("(");
  if (open >= 0 && (kind === "fn" || kind === "method")) {
    let depth = 0;
    let end = open;
    const params = [];
    let cur = "";
    for (let i = open + 1; i < sig.length; i++) {
      const c = sig[i];
      if ("([<{".includes(c)) depth++;
      if (")]>}".includes(c)) {
        if (depth === 0) {
          end = i;
          break;
        }
        depth--;
      }
      if (c === "," && depth === 0) {
        params.push(cur.trim());
        cur = "";
      } else cur += c;
    }
    if (cur.trim()) params.push(cur.trim());
    const self = params[0] !== void 0 && /\bself\b/.test(params[0]) ? params[0].replace(/\s/g, "") : null;
    f.push(`recv:${self === null ? "none" : self.startsWith("&mut") ? "&mut" : self.startsWith("&") ? "&" : "value"}`);
    f.push(`arity:${params.length - (self === null ? 0 : 1)}`);
    for (const p of self === null ? params : params.slice(1)) {
      const ty = p.includes(":") ? p.slice(p.indexOf(":") + 1).trim() : p;
      if (ty.startsWith("&mut")) f.push("param:&mut");
      else if (ty.startsWith("&")) f.push("param:&");
      if (/\bimpl\b/.test(ty)) f.push("param:impl");
      if (/\bdyn\b/.test(ty)) f.push("param:dyn");
    }
    const ret = sig.slice(end + 1).match(/->\s*(.*?)(\bwhere\b|\{|$)/)?.[1]?.trim() ?? "";
    const fam = ret === "" ? "unit" : /^Result\b/.test(ret) ? "result" : /^Option\b/.test(ret) ? "option" : /^(Vec|HashMap|BTreeMap|HashSet|&\[)/.test(ret) ? "collection" : ret.startsWith("&") ? "ref" : /^impl\b/.test(ret) ? "impl" : /^Self\b/.test(ret) ? "self" : "value";
    f.push(`ret:${fam}`);
  }
  const generics = sig.match(/^[^(]*?<([^>]*)>/)?.[1];
  if (generics !== void 0) {
    const parts = generics.split(",").map((g) => g.trim()).filter(Boolean);
    f.push(`generics:${parts.filter((g) => !g.startsWith("'")).length}`);
    if (parts.some((g) => g.startsWith("'"))) f.push("lifetimes");
  }
  if (/\bwhere\b/.test(sig)) f.push("where");
  for (const bound of ["Send", "Sync", "Clone", "Copy", "Debug", "Default", "FnOnce", "FnMut", "Fn", "'static"]) {
    if (new RegExp(`[:+]\\s*${bound.replace("'", "\\'")}\\b`).test(sig)) f.push(`bound:${bound}`);
  }
  const erased = sig.replace(/[A-Za-z_][A-Za-z0-9_]*/g, (w) => KEYWORDS.has(w) ? w : "_").replace(/'_/g, "'l");
  f.push(`shape:${erased}`);
  return f;
}
function add(v, feature, weight) {
  const h = fnv1a(feature);
  const sign = fnv1a(feature, 2538058380) & 1 ? 1 : -1;
  const i = h % v.length;
  v[i] = v[i] + sign * weight;
}
function builtinEmbedding(n, dim = 256) {
  const v = new Float32Array(dim);
  const nameTokens = subTokens(n.name);
  for (const t of nameTokens) add(v, `n:${t}`, 1);
  const nameSet = new Set(nameTokens);
  const sigIdents = n.signature.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? [];
  for (const ident of sigIdents) {
    if (KEYWORDS.has(ident)) continue;
    if (/^[A-Z]/.test(ident) || /^(u|i|f)(8|16|32|64|128|size)$|^(bool|char|str|String)$/.test(ident)) add(v, `t:${ident}`, 1.5);
    for (const t of subTokens(ident)) if (!nameSet.has(t)) add(v, `s:${t}`, 0.5);
  }
  for (const t of subTokens(n.doc)) if (!STOP.has(t)) add(v, `d:${t}`, 0.4);
  for (const s of shapeFeatures(n.kind, n.signature)) add(v, s, s.startsWith("shape:") ? 2.5 : 1);
  let norm = 0;
  for (let i = 0; i < dim; i++) norm += v[i] * v[i];
  norm = Math.sqrt(norm);
  if (norm > 0) for (let i = 0; i < dim; i++) v[i] = v[i] / norm;
  return v;
}
function createBuiltinEmbedder(dim = 256) {
  return {
    id: `builtin-v1-${dim}`,
    dim,
    embed: async (items) => items.map((n) => builtinEmbedding(n, dim))
  };
}

export {
  embedText,
  builtinEmbedding,
  createBuiltinEmbedder
};
