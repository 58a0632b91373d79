/**
 * Arm templates for E0004: reads the arms of a `match`, abstracts from each the variant's name (as an identifier and,
 * under one case transform, inside string literals) and its bindings (by position or field), and instantiates the
 * template every sibling of the same payload shape agrees on for each variant rustc names as not covered. Pure text
 * work over `RustText`; whether the result compiles and passes the tests is validation's call.
 */
import { RustText } from './rust-text.js';

/** One uncovered variant as rustc prints it: `E::V`, `E::V(_, _)`, `E::V { .. }` (a leading `&` dropped). */
export interface MissingVariant {
  name: string;
  /** null: a unit variant; a number: a tuple variant's arity; 'struct': `{ .. }`. */
  payload: number | 'struct' | null;
}

/** One arm of the match, split into its pattern and body (string indexes into the source). */
export interface MatchArm {
  ref: boolean;
  /** The path before the variant (`Color::`, `Self::`, or empty under a glob import). */
  prefix: string;
  variant: string;
  /** Tuple sub-patterns or struct fields; null for a unit pattern. */
  payload: { kind: 'tuple'; items: string[]; rest: boolean } | { kind: 'struct'; fields: { field: string; sub: string }[]; rest: boolean } | null;
  /** Binding name → its hole (`B0`, `Ffield`), only for plain identifier bindings. */
  bindings: Map<string, string>;
  patText: string;
  /** Behind an attribute such as `#[cfg(…)]`: may not exist in every build, so never a template. */
  conditional?: boolean;
  body: string;
  end: number;
}

/** A case transform of a variant name, as it appears inside string literals. */
type Transform = (words: string[], name: string) => string;

/** Splits a CamelCase name into words (`DarkRed` → Dark, Red; `HTTPServer` → HTTP, Server; digits stay attached). */
export function nameWords(name: string): string[] {
  return name.match(/[A-Z]+(?![a-z])\d*|[A-Z]?[a-z]+\d*|\d+/g) ?? [name];
}

const cap = (w: string): string => (w[0] ?? '').toUpperCase() + w.slice(1).toLowerCase();

/** The transforms tried, each a way a name may be spelled in a string (identity first). */
export const TRANSFORMS: Readonly<Record<string, Transform>> = {
  identity: (_w, n) => n,
  lower: (_w, n) => n.toLowerCase(),
  upper: (_w, n) => n.toUpperCase(),
  snake: (w) => w.map((x) => x.toLowerCase()).join('_'),
  kebab: (w) => w.map((x) => x.toLowerCase()).join('-'),
  screaming_snake: (w) => w.map((x) => x.toUpperCase()).join('_'),
  screaming_kebab: (w) => w.map((x) => x.toUpperCase()).join('-'),
  words: (w) => w.join(' '),
  lower_words: (w) => w.map((x) => x.toLowerCase()).join(' '),
  title_words: (w) => w.map(cap).join(' '),
  camel: (w) => w.map((x, i) => (i === 0 ? x.toLowerCase() : cap(x))).join(''),
};

/** Parses rustc's list of uncovered patterns; null when one is not a plain variant (a tuple, a literal, a range…). */
export function parseMissing(pats: readonly string[]): MissingVariant[] | null {
  const out: MissingVariant[] = [];
  for (const p of pats) {
    const m = /^&*(?:[A-Za-z_]\w*::)*([A-Z]\w*)(?:\(((?:\s*_\s*,)*\s*_\s*)\)|\s*(\{\s*\.\.\s*\}))?$/.exec(p.trim());
    if (!m) return null;
    out.push({ name: m[1] as string, payload: m[3] ? 'struct' : m[2] !== undefined ? m[2].split(',').length : null });
  }
  return out;
}

/** Top-level comma split of a masked slice (brackets balanced), mapped back to the text. */
function splitComma(text: string, masked: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < masked.length; i++) {
    const c = masked[i];
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    else if (c === ',' && depth === 0) {
      out.push(text.slice(from, i).trim());
      from = i + 1;
    }
  }
  const last = text.slice(from).trim();
  if (last !== '') out.push(last);
  return out;
}

const BINDING = /^(?:ref\s+)?(?:mut\s+)?([a-z_]\w*)$/;

/** Parses one arm's pattern; null for anything but a (possibly `&`) variant path with plain bindings. */
function parsePattern(pat: string): Omit<MatchArm, 'body' | 'end'> | null {
  const m = /^(&\s*)?((?:[A-Za-z_]\w*\s*::\s*)*)([A-Z]\w*)\s*([({][\s\S]*[)}])?$/.exec(pat);
  if (!m) return null;
  const ref = m[1] !== undefined;
  const prefix = (m[2] ?? '').replace(/\s+/g, '');
  const variant = m[3] as string;
  const inner = m[4];
  const bindings = new Map<string, string>();
  if (inner === undefined) return { ref, prefix, variant, payload: null, bindings, patText: pat };
  const body = inner.slice(1, -1);
  const parts = splitComma(body, new RustText(body).masked);
  if (inner.startsWith('(')) {
    // `(..)` binds nothing and says no arity: such an arm joins only a template over all arms.
    if (parts.length === 1 && parts[0] === '..') return { ref, prefix, variant, payload: { kind: 'tuple', items: parts, rest: true }, bindings, patText: pat };
    for (const [i, s] of parts.entries()) {
      if (s === '_') continue;
      const b = BINDING.exec(s);
      if (!b) return null;
      bindings.set(b[1] as string, `B${i}`);
    }
    return { ref, prefix, variant, payload: { kind: 'tuple', items: parts, rest: false }, bindings, patText: pat };
  }
  const fields: { field: string; sub: string }[] = [];
  let rest = false;
  for (const s of parts) {
    if (s === '..') {
      rest = true;
      continue;
    }
    const f = /^(?:ref\s+)?(?:mut\s+)?([a-z_]\w*)\s*(?::\s*(.+))?$/s.exec(s);
    if (!f) return null;
    const field = f[1] as string;
    const sub = (f[2] ?? s).trim();
    if (sub === '_') {
      fields.push({ field, sub });
      continue;
    }
    const b = BINDING.exec(sub);
    if (!b) return null;
    bindings.set(b[1] as string, `F${field}`);
    fields.push({ field, sub });
  }
  return { ref, prefix, variant, payload: { kind: 'struct', fields, rest }, bindings, patText: pat };
}

/** Splits the arms of the match whose braces are `open`..`close`; null when one cannot be read safely. */
export function readArms(src: RustText, open: number, close: number): MatchArm[] | null {
  const arms: MatchArm[] = [];
  let i = src.skipSpace(open + 1);
  while (i < close) {
    const arrow = src.masked.indexOf('=>', i);
    if (arrow < 0 || arrow > close) return null;
    const patMasked = src.masked.slice(i, arrow);
    // Guards, or-patterns, `@` bindings and ranges name no single variant: nothing to abstract.
    if (/\bif\b|\||@|\.\.=|\d\s*\.\./.test(patMasked)) return null;
    // Comments are blanked; an attribute (`#[cfg(windows)]`) makes the arm conditional: read, never a template.
    let patText = patMasked.trim();
    const attrs = /^(?:#\[[^\]]*\]\s*)+/.exec(patText);
    if (attrs) patText = patText.slice(attrs[0].length);
    const parsed = parsePattern(patText);
    if (!parsed) return null;
    if (attrs) parsed.conditional = true;
    const b = src.skipSpace(arrow + 2);
    let bodyEnd: number;
    if (src.masked[b] === '{') {
      bodyEnd = src.closeOf(b) + 1;
      if (bodyEnd <= 0) return null;
    } else {
      bodyEnd = b;
      while (bodyEnd < close && src.masked[bodyEnd] !== ',') {
        const ch = src.masked[bodyEnd] as string;
        bodyEnd = '([{'.includes(ch) ? src.closeOf(bodyEnd) + 1 : bodyEnd + 1;
        if (bodyEnd <= 0) return null;
      }
    }
    // A block-like body without its comma would swallow the next arm: such a body is not read.
    if (src.masked.slice(b, bodyEnd).replace(/\{[^]*\}/g, '').includes('=>')) return null;
    arms.push({ ...parsed, body: src.text.slice(b, bodyEnd).trim(), end: bodyEnd });
    let n = src.skipSpace(bodyEnd);
    if (src.masked[n] === ',') n = src.skipSpace(n + 1);
    i = n;
  }
  return arms;
}

/** A body as tokens: string-literal contents apart from code, so each can be abstracted its own way. */
function tokens(body: string): { code: boolean; text: string }[] {
  const masked = new RustText(body).masked;
  const out: { code: boolean; text: string }[] = [];
  let from = 0;
  for (let i = 0; i < body.length; i++) {
    if (masked[i] !== '"') continue;
    // Content runs from after this quote to the next quote of the masked text (contents are blanked there).
    const close = masked.indexOf('"', i + 1);
    if (close < 0) break;
    out.push({ code: true, text: body.slice(from, i + 1) }, { code: false, text: body.slice(i + 1, close) });
    from = close;
    i = close;
  }
  out.push({ code: true, text: body.slice(from) });
  return out;
}

/**
 * The body with the variant abstracted: code identifiers equal to the name become ⟦N⟧, bindings their holes, and
 * (under transform `t`) the name so spelled inside string literals ⟦S⟧. Code whitespace is collapsed for comparing.
 */
function normalise(arm: MatchArm, t: string | null): string {
  const spelled = t === null ? null : (TRANSFORMS[t] as Transform)(nameWords(arm.variant), arm.variant);
  return tokens(arm.body)
    .map((tok) => {
      if (!tok.code) {
        // A binding named in a format string (`"{x}"`, `"{x:?}"`) is a binding all the same.
        const named = tok.text.replace(/\{([a-z_]\w*)(?=[:}])/g, (all, id: string) => (arm.bindings.has(id) ? `{⟦${arm.bindings.get(id) ?? ''}⟧` : all));
        return spelled ? named.split(spelled).join('⟦S⟧') : named;
      }
      return tok.text.replace(/[A-Za-z_]\w*/g, (id) => (id === arm.variant ? '⟦N⟧' : (arm.bindings.has(id) ? `⟦${arm.bindings.get(id) ?? ''}⟧` : id))).replace(/\s+/g, ' ');
    })
    .join('');
}

/** The body of `arm` rewritten for `variant` under transform `t` (bindings keep `arm`'s names). */
function instantiate(arm: MatchArm, t: string | null, variant: string): string {
  const from = t === null ? null : (TRANSFORMS[t] as Transform)(nameWords(arm.variant), arm.variant);
  const to = t === null ? null : (TRANSFORMS[t] as Transform)(nameWords(variant), variant);
  return tokens(arm.body)
    .map((tok) => {
      if (!tok.code) return from !== null && to !== null ? tok.text.split(from).join(to) : tok.text;
      return tok.text.replace(/[A-Za-z_]\w*/g, (id) => (id === arm.variant ? variant : id));
    })
    .join('');
}

/** The shape of an arm's pattern with names abstracted (peers must bind the same way). */
function patternShape(arm: MatchArm): string {
  const p = arm.payload;
  const head = `${arm.ref ? '&' : ''}${arm.prefix}`;
  if (p === null) return `${head}V`;
  if (p.kind === 'tuple') return `${head}V(${p.items.map((s) => (s === '_' ? '_' : s.replace(/[a-z_]\w*$/, 'b'))).join(',')})`;
  return `${head}V{${p.fields.map((f) => `${f.field}:${f.sub === '_' ? '_' : f.sub.replace(/[a-z_]\w*$/, 'b')}`).join(',')}${p.rest ? ',..' : ''}}`;
}

function payloadOf(arm: MatchArm): MissingVariant['payload'] | 'rest' {
  const p = arm.payload;
  return p === null ? null : p.kind === 'tuple' ? (p.rest ? 'rest' : p.items.length) : 'struct';
}

/** The pattern text of `arm` with `variant` in place of its own; `wild` replaces the payload by rustc's wildcards. */
function patternFor(arm: MatchArm, miss: MissingVariant, wild: boolean): string {
  const head = `${arm.ref ? '&' : ''}${arm.prefix}${miss.name}`;
  if (!wild) return `${head}${arm.patText.replace(/^&?\s*(?:[A-Za-z_]\w*\s*::\s*)*[A-Z]\w*/, '')}`;
  if (miss.payload === null) return head;
  if (miss.payload === 'struct') return `${head} { .. }`;
  return `${head}(${Array.from({ length: miss.payload }, () => '_').join(', ')})`;
}

/** Which templates a caller wants: those that spell the variant's name, or those that only pass its bindings on. */
export type ArmTemplateKind = 'name' | 'bindings';

/** Whether a normalised body depends on the variant: a constant shared by all arms is not a shape. */
const hasHole = (s: string): boolean => s.includes('⟦');

/**
 * The one arm text every reading agrees on for `miss`, from the arms that fit: first the arms of the same payload
 * shape (bindings abstracted), else all arms when their template binds nothing. Null when fewer than two arms agree
 * under a transform, when any arm of the group disagrees, or when two transforms give different texts.
 * `fields`: the variant's fields from its definition, when known (a struct template must name only those).
 */
export function armFor(all: readonly MatchArm[], miss: MissingVariant, fields: readonly string[] | null, kind: ArmTemplateKind): string | null {
  const arms = all.filter((a) => !a.conditional);
  const groups: { peers: MatchArm[]; wild: boolean }[] = [];
  const same = arms.filter((a) => payloadOf(a) === miss.payload && patternShape(a) === patternShape(arms.find((b) => payloadOf(b) === miss.payload) as MatchArm));
  if (same.length >= 2 && same.length === arms.filter((a) => payloadOf(a) === miss.payload).length) groups.push({ peers: same, wild: false });
  groups.push({ peers: [...arms], wild: true });
  for (const g of groups) {
    if (g.peers.length < 2) continue;
    const texts = new Set<string>();
    for (const t of [null, ...Object.keys(TRANSFORMS)]) {
      const keys = g.peers.map((a) => normalise(a, t));
      const k0 = keys[0] as string;
      if (!hasHole(k0) || keys.some((k) => k !== k0)) continue;
      // The two patterns split the templates: one that depends on the name, one that only passes bindings on.
      if ((kind === 'name') !== /⟦[NS]⟧/.test(k0)) continue;
      // A template over all arms may not use a binding (their payloads differ); wildcards stand in.
      if (g.wild && /⟦[BF]/.test(k0)) continue;
      const first = g.peers[0] as MatchArm;
      let pattern = patternFor(first, miss, g.wild);
      if (!g.wild && first.payload?.kind === 'struct' && fields !== null) {
        // The template names fields; the new variant must have them all (its others are left to `..`).
        const used = first.payload.fields.map((f) => f.field);
        if (used.some((f) => !fields.includes(f))) continue;
        if (!first.payload.rest && used.length !== fields.length) pattern = pattern.replace(/\s*\}$/, `${used.length > 0 ? ',' : ''} .. }`);
      }
      texts.add(`${pattern} => ${instantiate(first, t, miss.name)}`);
    }
    if (texts.size === 1) return [...texts][0] as string;
    if (texts.size > 1) return null; // two readings of the same arms disagree on the new one
  }
  return null;
}

/** Field names of variant `name` in an enum definition's text starting at `at` (null when not a struct variant). */
export function variantFields(src: RustText, at: number, name: string): string[] | null {
  const m = new RegExp(`\\b${name}\\s*\\{`, 'g');
  m.lastIndex = at;
  const hit = m.exec(src.masked);
  if (!hit) return null;
  const open = hit.index + hit[0].length - 1;
  const close = src.closeOf(open);
  if (close < 0) return null;
  return splitComma(src.text.slice(open + 1, close), src.masked.slice(open + 1, close))
    .map((f) => /^(?:#\[[^\]]*\]\s*)*(?:pub(?:\([^)]*\))?\s+)?([a-z_]\w*)\s*:/.exec(f.replace(/\/\/[^\n]*\n/g, ''))?.[1] ?? '')
    .filter((f) => f !== '');
}
