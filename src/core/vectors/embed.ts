/**
 * Embedding ISG nodes as vectors. The built-in embedder is deterministic and needs no model: it hashes identifier
 * sub-tokens of the name, signature and doc (snake_case and CamelCase split) and shape features of the signature
 * (kind, arity, receiver, return family, generics, and the signature with identifiers erased) into a fixed number of
 * signed buckets, then L2-normalises. Two items with the same shape and different names land close together.
 */

/** What an embedder looks at for one node (a subset of IsgNode). */
export interface EmbedInput {
  kind: string;
  name: string;
  signature: string;
  doc: string;
}

/** Anything that turns nodes into unit vectors of a fixed dimension. */
export interface Embedder {
  /** Stable id; persisted vectors are keyed by it (changing the features must change the id). */
  readonly id: string;
  readonly dim: number;
  embed(items: readonly EmbedInput[]): Promise<Float32Array[]>;
}

/** The text a text embedder (e.g. a GGUF embedding model) sees for a node. */
export function embedText(n: EmbedInput): string {
  return [n.kind, n.name, n.signature, n.doc].filter((s) => s.length > 0).join('\n');
}

/** 32-bit FNV-1a of a string (UTF-16 code units; deterministic everywhere). */
export function fnv1a(s: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

const STOP = new Set(['the', 'a', 'an', 'of', 'to', 'and', 'or', 'in', 'is', 'for', 'on', 'with', 'this', 'that', 'it', 'be', 'by', 'as', 'at']);
const KEYWORDS = new Set(['pub', 'fn', 'crate', 'self', 'mut', 'impl', 'for', 'where', 'const', 'unsafe', 'async', 'extern', 'struct', 'enum', 'trait', 'type', 'static', 'dyn', 'as', 'in', 'mod', 'use', 'super', 'union', 'macro_rules']);

/** Splits identifiers into lowercase sub-tokens: `parse_HTTPResponse2` → parse, http, response, 2. */
export function subTokens(text: string): string[] {
  const out: string[] = [];
  for (const ident of text.match(/[A-Za-z_][A-Za-z0-9_]*|[0-9]+/g) ?? []) {
    for (const part of ident.split('_')) {
      if (!part) continue;
      for (const piece of part.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+/g) ?? [part]) out.push(piece.toLowerCase());
    }
  }
  return out;
}

/** Shape features of a signature: what stays the same when every name changes. */
export function shapeFeatures(kind: string, signature: string): string[] {
  const sig = signature.replace(/\s+/g, ' ').trim();
  const f: string[] = [`kind:${kind}`];
  if (/^pub\b/.test(sig)) f.push('pub');
  for (const kw of ['async', 'unsafe', 'const', 'extern']) if (new RegExp(`\\b${kw}\\b[^(]*\\bfn\\b`).test(sig)) f.push(`mod:${kw}`);
  const open = sig.indexOf('(');
  if (open >= 0 && (kind === 'fn' || kind === 'method')) {
    // Parameters: split the top-level parenthesised list by commas at depth 0.
    let depth = 0;
    let end = open;
    const params: string[] = [];
    let cur = '';
    for (let i = open + 1; i < sig.length; i++) {
      const c = sig[i]!;
      if ('([<{'.includes(c)) depth++;
      if (')]>}'.includes(c)) {
        if (depth === 0) {
          end = i;
          break;
        }
        depth--;
      }
      if (c === ',' && depth === 0) {
        params.push(cur.trim());
        cur = '';
      } else cur += c;
    }
    if (cur.trim()) params.push(cur.trim());
    const self = params[0] !== undefined && /\bself\b/.test(params[0]) ? params[0].replace(/\s/g, '') : null;
    f.push(`recv:${self === null ? 'none' : self.startsWith('&mut') ? '&mut' : self.startsWith('&') ? '&' : 'value'}`);
    f.push(`arity:${params.length - (self === null ? 0 : 1)}`);
    for (const p of self === null ? params : params.slice(1)) {
      const ty = p.includes(':') ? p.slice(p.indexOf(':') + 1).trim() : p;
      if (ty.startsWith('&mut')) f.push('param:&mut');
      else if (ty.startsWith('&')) f.push('param:&');
      if (/\bimpl\b/.test(ty)) f.push('param:impl');
      if (/\bdyn\b/.test(ty)) f.push('param:dyn');
    }
    const ret = sig.slice(end + 1).match(/->\s*(.*?)(\bwhere\b|\{|$)/)?.[1]?.trim() ?? '';
    const fam = ret === '' ? 'unit' : /^Result\b/.test(ret) ? 'result' : /^Option\b/.test(ret) ? 'option' : /^(Vec|HashMap|BTreeMap|HashSet|&\[)/.test(ret) ? 'collection' : ret.startsWith('&') ? 'ref' : /^impl\b/.test(ret) ? 'impl' : /^Self\b/.test(ret) ? 'self' : 'value';
    f.push(`ret:${fam}`);
  }
  const generics = sig.match(/^[^(]*?<([^>]*)>/)?.[1];
  if (generics !== undefined) {
    const parts = generics.split(',').map((g) => g.trim()).filter(Boolean);
    f.push(`generics:${parts.filter((g) => !g.startsWith("'")).length}`);
    if (parts.some((g) => g.startsWith("'"))) f.push('lifetimes');
  }
  if (/\bwhere\b/.test(sig)) f.push('where');
  for (const bound of ['Send', 'Sync', 'Clone', 'Copy', 'Debug', 'Default', 'FnOnce', 'FnMut', 'Fn', "'static"]) {
    if (new RegExp(`[:+]\\s*${bound.replace("'", "\\'")}\\b`).test(sig)) f.push(`bound:${bound}`);
  }
  // The signature with identifiers erased (keywords and punctuation kept): "pub fn _(_: &[_]) -> _".
  const erased = sig.replace(/[A-Za-z_][A-Za-z0-9_]*/g, (w) => (KEYWORDS.has(w) ? w : '_')).replace(/'_/g, "'l");
  f.push(`shape:${erased}`);
  return f;
}

/** Adds `weight` to the signed bucket of `feature`. */
function add(v: Float32Array, feature: string, weight: number): void {
  const h = fnv1a(feature);
  const sign = fnv1a(feature, 0x9747b28c) & 1 ? 1 : -1;
  const i = h % v.length;
  v[i] = v[i]! + sign * weight;
}

/** The built-in embedding of one node (pure, deterministic, unit length unless every feature is empty). */
export function builtinEmbedding(n: EmbedInput, dim = 256): Float32Array {
  const v = new Float32Array(dim);
  const nameTokens = subTokens(n.name);
  for (const t of nameTokens) add(v, `n:${t}`, 1.0);
  const nameSet = new Set(nameTokens);
  const sigIdents = n.signature.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? [];
  for (const ident of sigIdents) {
    if (KEYWORDS.has(ident)) continue;
    // Type-like identifiers (CamelCase or primitive) carry the interface; they count whole and split.
    if (/^[A-Z]/.test(ident) || /^(u|i|f)(8|16|32|64|128|size)$|^(bool|char|str|String)$/.test(ident)) add(v, `t:${ident}`, 1.5);
    for (const t of subTokens(ident)) if (!nameSet.has(t)) add(v, `s:${t}`, 0.5);
  }
  for (const t of subTokens(n.doc)) if (!STOP.has(t)) add(v, `d:${t}`, 0.4);
  for (const s of shapeFeatures(n.kind, n.signature)) add(v, s, s.startsWith('shape:') ? 2.5 : 1.0);
  let norm = 0;
  for (let i = 0; i < dim; i++) norm += v[i]! * v[i]!;
  norm = Math.sqrt(norm);
  if (norm > 0) for (let i = 0; i < dim; i++) v[i] = v[i]! / norm;
  return v;
}

/** The built-in embedder (no model, no I/O). */
export function createBuiltinEmbedder(dim = 256): Embedder {
  return {
    id: `builtin-v1-${dim}`,
    dim,
    embed: async (items) => items.map((n) => builtinEmbedding(n, dim)),
  };
}
