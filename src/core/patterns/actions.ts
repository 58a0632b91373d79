/**
 * Built-in template actions: pure functions from (file text, diagnostic spans, captures) to byte-range edits.
 * Each returns [] when it cannot act safely; a proposal is only a proposal, real rustc validates it.
 */
import type { Diagnostic, SourceSpan } from '../diagnostics/types.js';
import type { FileEdit } from '../fix/types.js';
import type { ActionName } from './model.js';
import { inlineModules, itemScopes, moduleAt, scopesAt, splitTopLevel, type ItemScope } from './items.js';
import { isIdent, isPostfixSafe, RustText } from './rust-text.js';
import { editDistance } from '../edit-distance.js';

/** What an action sees: one file, one diagnostic, the spans the detector selected, interpolated params. */
export interface ActionInput {
  /** Workspace-relative path of the file the primary span is in. */
  file: string;
  src: RustText;
  diagnostic: Diagnostic;
  /** Spans selected by the detector's `span_label` (may be empty). */
  matched: readonly SourceSpan[];
  params: Readonly<Record<string, string>>;
}

/** A template action. */
export type ActionFn = (input: ActionInput) => FileEdit[];

interface Range {
  start: number;
  end: number;
}

function edit(input: ActionInput, start: number, end: number, replacement: string): FileEdit {
  return { file: input.file, byteStart: input.src.byteOf(start), byteEnd: input.src.byteOf(end), replacement };
}

function rangeOf(input: ActionInput, span: SourceSpan | null): Range | null {
  if (!span || span.file !== input.file) return null;
  const start = input.src.indexOf(span.byteStart);
  const end = input.src.indexOf(span.byteEnd);
  if (end < start || end > input.src.text.length) return null;
  return { start, end };
}

function primary(input: ActionInput): Range | null {
  return rangeOf(input, input.diagnostic.primary);
}

/**
 * The occurrence of identifier `name` inside `r`: the range itself when it is exactly `name`, else the single
 * occurrence within it (a span widened to a macro call such as `println!(…)` still names one use).
 */
function narrowTo(input: ActionInput, r: Range | null, name: string): Range | null {
  if (!r) return null;
  if (textOf(input, r) === name) return r;
  const hits = [...input.src.masked.slice(r.start, r.end).matchAll(new RegExp(`(?<![\\w])${name}(?![\\w])`, 'g'))];
  if (hits.length !== 1) return null;
  const at = r.start + (hits[0]?.index ?? 0);
  return { start: at, end: at + name.length };
}

/** The spans an action works on: `target: matched` uses the detector's spans, otherwise the primary span. */
function targets(input: ActionInput): Range[] {
  if (input.params.target === 'matched') {
    return input.matched.map((s) => rangeOf(input, s)).filter((r): r is Range => r !== null);
  }
  const p = primary(input);
  return p ? [p] : [];
}

function textOf(input: ActionInput, r: Range): string {
  return input.src.text.slice(r.start, r.end);
}

/** True when the identifier at `r` is a shorthand field in a struct literal (`S { name }`). */
function isShorthandField(src: RustText, r: Range): boolean {
  const before = src.masked[src.skipSpaceBack(r.start) - 1];
  const after = src.masked[src.skipSpace(r.end)];
  if (!((before === '{' || before === ',') && (after === ',' || after === '}'))) return false;
  const block = src.enclosingBraces(r.start)[0];
  if (!block) return false;
  const head = src.masked.slice(Math.max(0, block.open - 200), block.open);
  return /(?:\b[A-Z]\w*|\bSelf)(?:::<[^>]*>)?\s*$/.test(head);
}

/** True when `r` sits in a pattern (a `let` pattern before its `=`, or a match arm before `=>`), not an expression. */
function inPattern(src: RustText, r: Range): boolean {
  const stmtStart = Math.max(src.masked.lastIndexOf(';', r.start - 1), src.masked.lastIndexOf('{', r.start - 1), src.masked.lastIndexOf('}', r.start - 1)) + 1;
  if (/\blet\b[^=]*$/.test(src.masked.slice(stmtStart, r.start))) return true;
  const after = src.masked.slice(r.end, r.end + 200);
  return /^[^,;{}]*?(?:=>|@)/.test(after) && !/^[^,;{}]*?[=!<>]=[^>]/.test(after);
}

/** Appends a postfix (e.g. `.clone()`) to the expression at `r`, handling shorthand fields and precedence. */
export function appendPostfixEdits(input: ActionInput, r: { start: number; end: number }, suffix: string): FileEdit[] {
  return appendPostfix(input, r, suffix);
}

function appendPostfix(input: ActionInput, r: Range, suffix: string): FileEdit[] {
  const text = textOf(input, r);
  if (text.trim() === '' || text.endsWith(suffix) || inPattern(input.src, r)) return [];
  if (isIdent(text) && isShorthandField(input.src, r)) return [edit(input, r.start, r.end, `${text}: ${text}${suffix}`)];
  if (isPostfixSafe(text)) return [edit(input, r.end, r.end, suffix)];
  return [edit(input, r.start, r.start, '('), edit(input, r.end, r.end, `)${suffix}`)];
}

/** Prefixes `&`, `&mut ` or `*` to the expression at `r`, handling shorthand fields and precedence. */
function prefixExpr(input: ActionInput, r: Range, prefix: string): FileEdit[] {
  const text = textOf(input, r);
  if (text.trim() === '' || inPattern(input.src, r)) return [];
  if (isIdent(text) && isShorthandField(input.src, r)) return [edit(input, r.start, r.end, `${text}: ${prefix}${text}`)];
  // A prefix operator binds looser than a following `.method()`, `[i]` or `?`: parenthesise a receiver.
  const next = input.src.masked[input.src.skipSpace(r.end)];
  const receiver = next === '.' || next === '[' || next === '?';
  // A prefix operator binds tighter than binary operators and `as`, looser than method calls.
  const simple = isPostfixSafe(text) || /^[&*]/.test(text);
  if (receiver) return [edit(input, r.start, r.start, simple ? `(${prefix}` : `(${prefix}(`), edit(input, r.end, r.end, simple ? ')' : '))')];
  if (simple) return [edit(input, r.start, r.start, prefix)];
  return [edit(input, r.start, r.start, `${prefix}(`), edit(input, r.end, r.end, ')')];
}

// ---------------------------------------------------------------------------------------------------------
// insert_use

const PATH_RE = /^(?:::)?[A-Za-z_]\w*(?:::[A-Za-z_]\w*)*$/;

/** Adds `use <path>;` to the module that contains the primary span (after its last `use`, or at its top). */
const insertUse: ActionFn = (input) => {
  const path = input.params.path?.trim() ?? '';
  if (!PATH_RE.test(path)) return [];
  const last = path.split('::').pop() ?? '';
  const p = input.params.match_primary === 'true' ? narrowTo(input, primary(input), last) : primary(input);
  if (!p) return [];
  // Guard: the unresolved name must be what the import brings in (not `a::b::Name` needing a path rewrite).
  if (input.params.match_primary === 'true') {
    if (textOf(input, p) !== last) return [];
    const before = input.src.masked.slice(Math.max(0, p.start - 2), p.start);
    if (before === '::') return [];
  }
  const { src } = input;
  const mod = moduleAt(src, p.start);
  const bodyStart = mod ? mod.open + 1 : 0;
  const bodyEnd = mod ? mod.close : src.text.length;
  const depth = mod ? src.braceDepth(mod.open + 1) : 0;
  const body = src.text.slice(bodyStart, bodyEnd);
  if (new RegExp(`\\buse\\s+${path.replace(/[:]/g, '\\:')}\\s*;`).test(body)) return [];
  // Last `use` item directly in this module.
  const useRe = /(^|[\s;}])((?:pub(?:\([^)]*\))?\s+)?use\s[^;]*;)/g;
  let lastUseEnd = -1;
  let lastUseStart = -1;
  useRe.lastIndex = bodyStart;
  for (let m = useRe.exec(src.masked); m && m.index < bodyEnd; m = useRe.exec(src.masked)) {
    const at = m.index + (m[1] ?? '').length;
    if (src.braceDepth(at) !== depth) continue;
    lastUseStart = at;
    lastUseEnd = at + (m[2] ?? '').length;
  }
  if (lastUseEnd > 0) {
    return [edit(input, lastUseEnd, lastUseEnd, `\n${src.indentAt(lastUseStart)}use ${path};`)];
  }
  // No `use` yet: after inner attributes (`#![…]`) and inner doc comments, before the first item.
  let at = src.skipSpace(bodyStart);
  while (src.masked.startsWith('#![', at)) {
    const close = src.closeOf(at + 2);
    if (close < 0) return [];
    at = src.skipSpace(close + 1);
  }
  if (at >= bodyEnd) {
    if (mod) return [edit(input, bodyStart, bodyStart, `\n${src.indentAt(mod.open)}    use ${path};`)];
    return [edit(input, src.text.length, src.text.length, `${src.text.endsWith('\n') || src.text === '' ? '' : '\n'}use ${path};\n`)];
  }
  const line = src.lineStart(at);
  if (line < bodyStart) {
    // The module body starts on the `mod … {` line: put the import on its own line.
    return [edit(input, bodyStart, bodyStart, `\n${src.indentAt(at)}use ${path};`)];
  }
  return [edit(input, line, line, `${src.indentAt(at)}use ${path};\n\n`)];
};

// ---------------------------------------------------------------------------------------------------------
// add_bound

/** Traits outside the prelude that a bound may name; qualified unless the file already imports the name. */
const STD_TRAIT_PATHS: Record<string, string> = {
  Debug: 'std::fmt::Debug',
  Display: 'std::fmt::Display',
  Hash: 'std::hash::Hash',
  FromStr: 'std::str::FromStr',
  Error: 'std::error::Error',
  Any: 'std::any::Any',
  Add: 'std::ops::Add',
  Sub: 'std::ops::Sub',
  Mul: 'std::ops::Mul',
  Div: 'std::ops::Div',
  Rem: 'std::ops::Rem',
  Neg: 'std::ops::Neg',
  AddAssign: 'std::ops::AddAssign',
  SubAssign: 'std::ops::SubAssign',
  Deref: 'std::ops::Deref',
  Borrow: 'std::borrow::Borrow',
  Sum: 'std::iter::Sum',
  Product: 'std::iter::Product',
};

function qualifyBound(src: RustText, bound: string): string {
  const name = /^(\w+)/.exec(bound)?.[1] ?? '';
  const path = STD_TRAIT_PATHS[name];
  if (!path) return bound;
  const imported = new RegExp(`\\buse\\s[^;]*\\b${name}\\b[^;]*;`).test(src.masked) || new RegExp(`\\btrait\\s+${name}\\b`).test(src.masked);
  return imported ? bound : path + bound.slice(name.length);
}

/** Splits a bound list `A + B<C> + 'static` into its parts. */
function boundParts(list: string): string[] {
  return splitTopLevel(list, '+').map(([, s]) => s.trim()).filter((s) => s !== '');
}

/** Where clause predicates of a header: [absolute start of bound list, bound list] for `param:`. */
function wherePredicate(src: RustText, scope: ItemScope, param: string): [number, string] | null {
  const header = src.masked.slice(scope.start, scope.headerEnd);
  const w = /\bwhere\b/.exec(header);
  if (!w) return null;
  const clauseStart = scope.start + w.index + w[0].length;
  const clause = src.masked.slice(clauseStart, scope.headerEnd);
  for (const [off, piece] of splitTopLevel(clause)) {
    const m = new RegExp(`^(\\s*${param}\\s*:)`).exec(piece);
    if (m) return [clauseStart + off + m[1]!.length, piece.slice(m[1]!.length)];
  }
  return null;
}

/**
 * Where to look for the item a span belongs to: the span itself, or, for a span inside an attribute such as
 * `#[derive(Clone)]` (derive errors point there), the item the attribute is attached to.
 */
function itemAnchor(src: RustText, i: number): number {
  const attr = src.pairs().filter((q) => q.kind === '[' && q.open < i && i < q.close && src.masked[q.open - 1] === '#').sort((a, b) => a.open - b.open)[0];
  if (!attr) return i;
  const kw = /\b(?:fn|impl|struct|enum|trait|union|type)\b/.exec(src.masked.slice(attr.close));
  return kw ? attr.close + kw.index : i;
}

/** Adds `bound` (e.g. `Send + 'static`) to generic parameter `param` of the innermost item declaring it. */
const addBound: ActionFn = (input) => {
  const param = input.params.param?.trim() ?? '';
  const rawBound = input.params.bound?.trim() ?? '';
  const p = primary(input);
  if (!p || rawBound === '') return [];
  const { src } = input;
  const wanted = boundParts(rawBound).map((b) => qualifyBound(src, b));
  if (wanted.length === 0 || wanted.some((b) => !/^(?:'\w+|[\w:]+(?:<.*>)?|\?Sized)$/.test(b))) return [];
  if (/^impl [\w:<>, ']+$/.test(param)) return addBoundToImplTrait(input, p, param, wanted);
  if (!isIdent(param) || param === 'Self') return [];
  for (const scope of scopesAt(src, itemAnchor(src, p.start))) {
    if (!scope.generics) continue;
    const [gOpen, gClose] = scope.generics;
    const inner = src.masked.slice(gOpen + 1, gClose);
    for (const [off, piece] of splitTopLevel(inner)) {
      const lead = /^\s*/.exec(piece)?.[0].length ?? 0;
      const decl = piece.slice(lead);
      const nm = new RegExp(`^${param}\\b`).exec(decl);
      if (!nm) continue;
      const nameEnd = gOpen + 1 + off + lead + param.length;
      const rest = decl.slice(param.length);
      const where = wherePredicate(src, scope, param);
      const existing = [...(rest.trimStart().startsWith(':') ? boundParts(rest.replace(/^\s*:/, '').split('=')[0] ?? '') : []), ...(where ? boundParts(where[1]) : [])];
      const missing = wanted.filter((b) => !existing.some((e) => e === b || e.endsWith(`::${b}`) || b.endsWith(`::${e}`)));
      if (missing.length === 0) return [];
      if (where) {
        const endOfList = where[0] + where[1].trimEnd().length;
        return [edit(input, endOfList, endOfList, ` + ${missing.join(' + ')}`)];
      }
      if (rest.trimStart().startsWith(':')) {
        // Append after the existing bounds, before a default (`= X`) if any.
        const bounds = rest.split('=')[0] ?? '';
        const endOfList = nameEnd + bounds.trimEnd().length;
        return [edit(input, endOfList, endOfList, ` + ${missing.join(' + ')}`)];
      }
      return [edit(input, nameEnd, nameEnd, `: ${missing.join(' + ')}`)];
    }
  }
  return [];
};

/** `x: impl A` in the enclosing fn's signature → `x: impl A + B`, when that `impl A` occurs exactly once there. */
function addBoundToImplTrait(input: ActionInput, p: Range, param: string, wanted: string[]): FileEdit[] {
  const { src } = input;
  const fn = scopesAt(src, p.start).find((s) => s.keyword === 'fn');
  if (!fn) return [];
  const header = src.masked.slice(fn.start, fn.headerEnd);
  const escaped = param.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const hits = [...header.matchAll(new RegExp(`${escaped}(?![\\w<])`, 'g'))];
  if (hits.length !== 1) return [];
  const existing = boundParts(param.slice('impl '.length));
  const missing = wanted.filter((b) => !existing.includes(b));
  if (missing.length === 0) return [];
  const at = fn.start + (hits[0]?.index ?? 0) + param.length;
  return [edit(input, at, at, ` + ${missing.join(' + ')}`)];
}

// ---------------------------------------------------------------------------------------------------------
// closures, bindings, borrows

/** `|x| …` → `move |x| …`; `async {` → `async move {`. */
const addMoveToClosure: ActionFn = (input) => {
  const p = primary(input);
  if (!p) return [];
  const text = textOf(input, p);
  const before = input.src.masked.slice(Math.max(0, p.start - 5), p.start);
  if (/\bmove\s*$/.test(before)) return [];
  if (text.startsWith('|')) return [edit(input, p.start, p.start, 'move ')];
  if (/^async\b/.test(text)) {
    const after = input.src.masked.slice(p.start + 5, p.start + 12);
    if (/^\s*move\b/.test(after)) return [];
    return [edit(input, p.start + 5, p.start + 5, ' move')];
  }
  return [];
};

/** `let x` / `for x in` / param `x: T` / closure param `|x|` → the same with `mut`, nearest declaration first. */
const addMutToBinding: ActionFn = (input) => {
  const name = input.params.name?.trim() ?? '';
  if (!isIdent(name)) return [];
  const p = primary(input);
  if (!p) return [];
  const { src } = input;
  const fn = scopesAt(src, p.start).find((s) => s.keyword === 'fn');
  const from = fn ? fn.start : 0;
  const region = src.masked.slice(from, p.start);
  const sites: number[] = [];
  const add = (re: RegExp): void => {
    for (let m = re.exec(region); m; m = re.exec(region)) sites.push(from + m.index + m[0].length - name.length);
  };
  add(new RegExp(`\\blet\\s+(?:ref\\s+)?${name}(?=\\s*[:=;])`, 'g'));
  add(new RegExp(`\\blet\\s*\\((?:[^()=;]*[,(]\\s*)?${name}(?=\\s*[,)])`, 'g'));
  add(new RegExp(`\\bfor\\s+${name}(?=\\s+in\\b)`, 'g'));
  add(new RegExp(`[(,]\\s*${name}(?=\\s*:[^:])`, 'g'));
  add(new RegExp(`\\|\\s*${name}(?=\\s*[|:,])`, 'g'));
  if (sites.length === 0) return [];
  const site = Math.max(...sites);
  if (/\bmut\s+$/.test(src.masked.slice(Math.max(0, site - 4), site))) return [];
  // A struct-literal field `S { x: 1 }` also matches `[(,] x:`; only a declaration inside a pattern or parameter list counts.
  const open = src.enclosingBraces(site)[0];
  if (open && src.masked.slice(open.open, site).trim() === '{' && !/\blet\b/.test(src.masked.slice(src.lineStart(site), site))) return [];
  return [edit(input, site, site, 'mut ')];
};

/** Prefixes `&` (or `&mut ` with `mode: mut`) to the target expression(s). */
const borrowAtSpan: ActionFn = (input) => {
  const mode = input.params.mode?.trim() ?? '';
  const prefix = mode === 'mut' || mode === 'mutably' ? '&mut ' : mode === 'reborrow' ? '&mut *' : '&';
  return targets(input).flatMap((r) => prefixExpr(input, r, prefix));
};

/** Appends `.clone()` to the target expression(s). */
const cloneAtSpan: ActionFn = (input) => targets(input).flatMap((r) => appendPostfix(input, r, '.clone()'));

/** Appends `.to_string()` (or `.to_owned()`, `method: to_owned`) to the target expression. */
const toOwnedAtSpan: ActionFn = (input) => {
  const method = input.params.method === 'to_owned' ? 'to_owned' : 'to_string';
  return targets(input).flatMap((r) => appendPostfix(input, r, `.${method}()`));
};

/** Appends `.into()` to the target expression. */
const intoAtSpan: ActionFn = (input) => targets(input).flatMap((r) => appendPostfix(input, r, '.into()'));

/** Prefixes `*` to the target expression. */
const derefAtSpan: ActionFn = (input) => targets(input).flatMap((r) => prefixExpr(input, r, '*'));

/** Inserts `ref ` before each selected pattern binding (`x` or `mut x`). */
const refBinding: ActionFn = (input) => {
  const out: FileEdit[] = [];
  for (const r of targets(input)) {
    const text = textOf(input, r);
    if (!/^(?:mut\s+)?[a-z_]\w*$/.test(text)) return [];
    if (/\bref\s+$/.test(input.src.masked.slice(Math.max(0, r.start - 4), r.start))) continue;
    if (!out.some((e) => e.byteStart === input.src.byteOf(r.start))) out.push(edit(input, r.start, r.start, 'ref '));
  }
  return out;
};

// ---------------------------------------------------------------------------------------------------------
// match arms, struct fields

const ARM_PATTERN_RE = /^(?:[A-Za-z_]\w*::)*[A-Za-z_]\w*(?:\(_(?:, _)*\)| \{ \.\. \})?$/;

/**
 * Adds the arms rustc names as not covered, with an empty body, only when every existing arm body is empty
 * (a statement-like match); never a panicking placeholder, never a wildcard.
 */
const missingMatchArms: ActionFn = (input) => {
  const list = input.params.patterns ?? '';
  if (/\bmore\b/.test(list)) return [];
  let pats = [...list.matchAll(/`([^`]+)`/g)].map((m) => m[1] ?? '');
  // Matching on a reference: rustc writes `&E::A`; existing arms without `&` rely on default binding modes.
  const refd = pats.every((x) => x.startsWith('&'));
  if (refd) pats = pats.map((x) => x.slice(1));
  if (pats.length === 0 || pats.some((x) => !ARM_PATTERN_RE.test(x) || x === '_')) return [];
  const p = primary(input);
  if (!p) return [];
  const { src } = input;
  if (!/\bmatch\s*$/.test(src.masked.slice(Math.max(0, p.start - 10), p.start))) return [];
  const open = src.skipSpace(p.end);
  if (src.masked[open] !== '{') return [];
  const close = src.closeOf(open);
  if (close < 0) return [];
  // Every arm body must be `{}` or `()`.
  const inner = src.masked.slice(open + 1, close);
  const arrows = [...inner.matchAll(/=>/g)].map((m) => open + 1 + m.index);
  if (arrows.length === 0) return [];
  let lastBodyEnd = -1;
  if (refd && arrows.some((a) => src.masked.slice(src.lineStart(a), a).trim().startsWith('&'))) pats = pats.map((x) => `&${x}`);
  for (const a of arrows) {
    if (src.braceDepth(a) !== src.braceDepth(open + 1)) return [];
    const b = src.skipSpace(a + 2);
    const ch = src.masked[b];
    if (ch !== '{' && ch !== '(') return [];
    const c = src.closeOf(b);
    if (c < 0 || src.masked.slice(b + 1, c).trim() !== '') return [];
    lastBodyEnd = c + 1;
  }
  const tail = src.masked.slice(lastBodyEnd, close).trim();
  if (tail !== '' && tail !== ',') return [];
  const needComma = src.masked[lastBodyEnd - 1] === ')' && tail === '' ? ',' : '';
  const at = src.skipSpaceBack(close);
  if (!src.masked.slice(open, close).includes('\n')) return [edit(input, at, at, `${needComma}${pats.map((x) => ` ${x} => {}`).join('')}`)];
  const indent = src.indentAt(arrows[arrows.length - 1] as number);
  return [edit(input, at, at, `${needComma}${pats.map((x) => `\n${indent}${x} => {}`).join('')}`)];
};

/** Types whose zero value is unambiguous, and that value. */
function obviousDefault(ty: string): string | null {
  const t = ty.replace(/\s+/g, '');
  if (/^(?:[iu](?:8|16|32|64|128|size))$/.test(t)) return '0';
  if (/^f(?:32|64)$/.test(t)) return '0.0';
  if (t === 'bool') return 'false';
  if (t === 'String') return 'String::new()';
  if (/^Vec<.+>$/.test(t)) return 'Vec::new()';
  if (/^Option<.+>$/.test(t)) return 'None';
  return null;
}

/**
 * Fills missing struct fields with their type's obvious zero value (0, false, String::new(), Vec::new(), None),
 * only when the struct is defined in the same file and every missing field has such a type.
 */
const missingStructFields: ActionFn = (input) => {
  const fields = [...(input.params.fields ?? '').matchAll(/`([^`]+)`/g)].map((m) => m[1] ?? '');
  const structName = (input.params.struct ?? '').replace(/<.*$/s, '').split('::').pop() ?? '';
  if (fields.length === 0 || fields.some((f) => !isIdent(f)) || !isIdent(structName) || /other field/.test(input.params.fields ?? '')) return [];
  const p = primary(input);
  if (!p) return [];
  const { src } = input;
  const def = new RegExp(`\\bstruct\\s+${structName}\\b[^{;(]*\\{`).exec(src.masked);
  if (!def) return [];
  const defOpen = def.index + def[0].length - 1;
  const defClose = src.closeOf(defOpen);
  if (defClose < 0) return [];
  const types = new Map<string, string>();
  for (const [, piece] of splitTopLevel(src.masked.slice(defOpen + 1, defClose))) {
    const m = /^\s*(?:#\[[^\]]*\]\s*)*(?:pub(?:\([^)]*\))?\s+)?([A-Za-z_]\w*)\s*:\s*([\s\S]+?)\s*$/.exec(piece);
    if (m) types.set(m[1] ?? '', m[2] ?? '');
  }
  const values: string[] = [];
  for (const f of fields) {
    const ty = types.get(f);
    const v = ty === undefined ? null : obviousDefault(ty);
    if (v === null) return [];
    values.push(`${f}: ${v}`);
  }
  const open = src.skipSpace(p.end);
  if (src.masked[open] !== '{') return [];
  const close = src.closeOf(open);
  if (close < 0) return [];
  const inner = src.masked.slice(open + 1, close);
  if (inner.includes('..')) return [];
  const at = src.skipSpaceBack(close);
  const hasFields = inner.trim() !== '';
  const trailingComma = src.masked[at - 1] === ',';
  if (inner.includes('\n')) {
    const indent = hasFields ? src.indentAt(at - 1) : `${src.indentAt(open)}    `;
    const lead = hasFields && !trailingComma ? ',' : '';
    return [edit(input, at, at, `${lead}${values.map((v) => `\n${indent}${v},`).join('')}`)];
  }
  if (!hasFields) return [edit(input, open + 1, close, ` ${values.join(', ')} `)];
  return [edit(input, at, at, `${trailingComma ? '' : ','} ${values.join(', ')}${trailingComma ? ',' : ''}`)];
};

// ---------------------------------------------------------------------------------------------------------
// visibility, lifetimes, statements

const ITEM_KEYWORDS = '(?:(?:const|async|unsafe)\\s+)*fn|const|static|struct|enum|trait|type|mod|union';

/** Makes a private item `pub(crate)` when its module is an inline module of the same file. */
const makePub: ActionFn = (input) => {
  const name = input.params.name?.trim() ?? '';
  if (!isIdent(name)) return [];
  if (input.params.target === 'matched') return makePubAtDefinition(input, name);
  const p = narrowTo(input, primary(input), name);
  if (!p) return [];
  const { src } = input;
  // The path written before the private name: `a::b::NAME`.
  const before = /((?:[A-Za-z_]\w*\s*::\s*)+)$/.exec(src.masked.slice(Math.max(0, p.start - 300), p.start));
  const segs = before ? (before[1] ?? '').split('::').map((s) => s.trim()).filter((s) => s !== '') : [];
  if (segs.length === 0 || segs.includes('super')) return [];
  const mods = inlineModules(src);
  // At the top of a path: a module at file level, or one declared in a block (e.g. a fn body) around the use site.
  const visibleFromUse = (md: { open: number }): boolean => {
    const block = src.enclosingBraces(md.open)[0];
    return !block || (block.open < p.start && p.start < block.close);
  };
  const childOf = (parent: { open: number; close: number } | null, seg: string) =>
    mods
      .filter((md) => md.name === seg && (parent === null ? visibleFromUse(md) : md.open > parent.open && md.close < parent.close && src.braceDepth(md.open) === src.braceDepth(parent.open + 1)))
      .sort((a, b) => b.open - a.open)[0];
  // Resolve from the current module, then from the crate root.
  const starts = [moduleAt(src, p.start), null];
  for (const startMod of starts) {
    let cur: { open: number; close: number } | null = startMod;
    let ok = true;
    for (const seg of segs) {
      if (seg === 'crate') {
        cur = null;
        continue;
      }
      if (seg === 'self') continue;
      const next = childOf(cur, seg);
      if (!next) {
        ok = false;
        break;
      }
      cur = next;
    }
    if (!ok || cur === null) continue;
    const bodyDepth = src.braceDepth(cur.open + 1);
    const re = new RegExp(`(^|[\\s;}\\]])((?:${ITEM_KEYWORDS})\\s+${name}\\b)`, 'g');
    re.lastIndex = cur.open + 1;
    for (let m = re.exec(src.masked); m && m.index < cur.close; m = re.exec(src.masked)) {
      const at = m.index + (m[1] ?? '').length;
      if (src.braceDepth(at) !== bodyDepth) continue;
      const prev = src.masked.slice(Math.max(0, at - 20), at);
      if (/\bpub(?:\s*\([^)]*\))?\s*$/.test(prev)) return [];
      return [edit(input, at, at, 'pub(crate) ')];
    }
  }
  return [];
};

/** `pub(crate)` on the definition rustc points at ("private method defined here"), when it is in this file. */
function makePubAtDefinition(input: ActionInput, name: string): FileEdit[] {
  for (const r of targets(input)) {
    const head = input.src.masked.slice(r.start, r.end);
    if (!new RegExp(`^(?:${ITEM_KEYWORDS})\\s+${name}\\b`).test(head)) continue;
    const prev = input.src.masked.slice(Math.max(0, r.start - 20), r.start);
    if (/\bpub(?:\s*\([^)]*\))?\s*$/.test(prev)) return [];
    return [edit(input, r.start, r.start, 'pub(crate) ')];
  }
  return [];
}

/** A lifetime name not used in `text`. */
function freshLifetime(text: string): string {
  for (const l of ['a', 'b', 'c', 'd', 'l']) if (!new RegExp(`'${l}\\b`).test(text)) return `'${l}`;
  return "'lt";
}

/** Inserts lifetime `lt` into the reference or path type at `r`: `&T` → `&'a T`, `Foo` → `Foo<'a>`. */
function lifetimeAt(input: ActionInput, r: Range, lt: string): FileEdit | null {
  const { src } = input;
  const text = textOf(input, r);
  if (text === '&') return edit(input, r.end, r.end, `${lt} `);
  if (text === "'_") return edit(input, r.start, r.end, lt);
  if (/^[A-Z]\w*$/.test(text)) {
    const next = src.skipSpace(r.end);
    if (src.masked[next] === '<') return edit(input, next + 1, next + 1, `${lt}, `);
    return edit(input, r.end, r.end, `<${lt}>`);
  }
  return null;
}

/**
 * E0106: gives a reference (or lifetime-generic type) in a struct/enum/type alias a named lifetime declared on
 * the item; in a fn signature (`mode: fn`), ties every unnamed reference parameter and the return type to one
 * new lifetime; `mode: static` uses `'static` for a return type with nothing to borrow from.
 */
const addLifetime: ActionFn = (input) => {
  const p = primary(input);
  if (!p) return [];
  const { src } = input;
  const mode = input.params.mode ?? 'item';
  if (mode === 'static') {
    const e = lifetimeAt(input, p, "'static");
    return e ? [e] : [];
  }
  const kinds: ItemScope['keyword'][] = mode === 'fn' ? ['fn'] : ['struct', 'enum', 'union', 'type'];
  const scope = scopesAt(src, p.start).find((s) => kinds.includes(s.keyword));
  if (!scope) return [];
  if (mode === 'fn' && p.start > scope.headerEnd) return [];
  const edits: FileEdit[] = [];
  let lt: string;
  if (scope.generics) {
    const [gOpen, gClose] = scope.generics;
    const lifetimes = [...src.masked.slice(gOpen + 1, gClose).matchAll(/(?:^|,)\s*('\w+)/g)].map((m) => m[1] ?? '');
    if (lifetimes.length > 1) return [];
    if (lifetimes.length === 1 && mode !== 'fn') lt = lifetimes[0] as string;
    else {
      if (lifetimes.length === 1) return [];
      lt = freshLifetime(src.text.slice(scope.start, scope.end + 1));
      edits.push(edit(input, gOpen + 1, gOpen + 1, `${lt}, `));
    }
  } else {
    lt = freshLifetime(src.text.slice(scope.start, scope.end + 1));
    const afterName = src.masked.indexOf(scope.name, scope.start + scope.keyword.length) + scope.name.length;
    edits.push(edit(input, afterName, afterName, `<${lt}>`));
  }
  const at = lifetimeAt(input, p, lt);
  if (!at) return [];
  edits.push(at);
  if (mode === 'fn') {
    // Every unnamed `&` in the parameter list gets the same lifetime.
    const open = src.masked.indexOf('(', scope.start);
    const close = open < 0 ? -1 : src.closeOf(open);
    if (close < 0 || close > scope.headerEnd) return [];
    for (let i = open; i < close; i++) {
      if (src.masked[i] === '&' && src.masked[i + 1] !== '&' && !/^\s*'/.test(src.masked.slice(i + 1, i + 4))) {
        edits.push(edit(input, i + 1, i + 1, `${lt} `));
      }
    }
  }
  return edits;
};

/** Removes the `;` after the last statement of the block at the primary span (a block whose value was lost). */
const removeSemicolon: ActionFn = (input) => {
  const { src } = input;
  const spans = [input.diagnostic.primary, ...input.matched].map((s) => rangeOf(input, s)).filter((r): r is Range => r !== null);
  for (const r of spans) {
    let open = src.masked[r.start] === '{' ? r.start : -1;
    if (open < 0) {
      // A span on a fn's return type: use that fn's body.
      const fn = scopesAt(src, r.start).find((s) => s.keyword === 'fn' && r.start < s.headerEnd);
      if (fn && src.masked[fn.headerEnd] === '{') open = fn.headerEnd;
    }
    if (open < 0) continue;
    const close = src.closeOf(open);
    if (close < 0) continue;
    const last = src.skipSpaceBack(close) - 1;
    if (src.masked[last] !== ';') continue;
    // The statement must be an expression statement, not `let`, an item, or `return`.
    const stmtStart = Math.max(src.masked.lastIndexOf(';', last - 1), src.masked.lastIndexOf('}', last - 1), open) + 1;
    const stmt = src.masked.slice(stmtStart, last).trim();
    if (stmt === '' || /^(?:let|return|break|continue|use|fn|struct|enum|impl|const|static)\b/.test(stmt)) continue;
    if (src.braceDepth(last) !== src.braceDepth(open + 1)) continue;
    return [edit(input, last, last + 1, '')];
  }
  return [];
};

/**
 * Replaces the primary identifier with `text` (a name rustc says exists), or with `prefix` inserts text before
 * it: `prefix: "let "` turns an assignment to an undeclared name into a declaration.
 */
const replacePrimary: ActionFn = (input) => {
  const p = primary(input);
  if (!p || !isIdent(textOf(input, p))) return [];
  const prefix = input.params.prefix;
  if (prefix === 'self.') {
    // A field of `self` named bare inside a method: only where `self` is in scope (a method with a self receiver).
    const fn = scopesAt(input.src, p.start).find((sc) => sc.keyword === 'fn');
    if (!fn || !/\bself\b/.test(input.src.masked.slice(fn.start, fn.headerEnd))) return [];
    if (input.src.masked[input.src.skipSpaceBack(p.start) - 1] === '.') return [];
    if (isShorthandField(input.src, p)) return [edit(input, p.start, p.end, `${textOf(input, p)}: self.${textOf(input, p)}`)];
    return [edit(input, p.start, p.start, 'self.')];
  }
  if (prefix !== undefined) {
    const next = input.src.skipSpace(p.end);
    const stmtStart = input.src.masked[input.src.skipSpaceBack(p.start) - 1];
    if (prefix !== 'let ' || input.src.masked[next] !== '=' || input.src.masked[next + 1] === '=') return [];
    if (stmtStart !== undefined && !';{}'.includes(stmtStart)) return [];
    // `let_x = 1;` / `letx = 1;` is a `let` with the space lost, not a new name `let_x`.
    const glued = /^let_?([a-z_]\w*)$/.exec(textOf(input, p));
    if (glued) return [edit(input, p.start, p.end, `let ${glued[1] ?? ''}`)];
    return [edit(input, p.start, p.start, prefix)];
  }
  const text = input.params.text?.trim() ?? '';
  if (!isIdent(text)) return [];
  const old = textOf(input, p);
  if (isShorthandField(input.src, p)) return [edit(input, p.start, p.end, `${old}: ${text}`)];
  return [edit(input, p.start, p.end, text)];
};

/** Renames a declaration among the matched spans from `from` to `to` (e.g. an `_x` binding that is used). */
const renameDeclaration: ActionFn = (input) => {
  const from = input.params.from ?? '';
  const to = input.params.to ?? '';
  if (!isIdent(from) || !isIdent(to)) return [];
  for (const s of input.matched) {
    const r = rangeOf(input, s);
    if (r && textOf(input, r) === from) return [edit(input, r.start, r.end, to)];
  }
  return [];
};

/** E0716: binds the temporary at the primary span to a `let` before its statement and uses the binding. */
const hoistTemporary: ActionFn = (input) => {
  const p = primary(input);
  if (!p) return [];
  const { src } = input;
  const expr = textOf(input, p);
  if (expr.trim() === '' || expr.includes('\n')) return [];
  const block = src.enclosingBraces(p.start)[0];
  if (!block) return [];
  // Statement start: after the last `;`, `{` or `}` before the span at the block's own nesting level.
  let s = p.start - 1;
  for (; s > block.open; s--) {
    const ch = src.masked[s];
    if ((ch === ';' || ch === '}' || ch === '{') && src.braceDepth(s + 1) === src.braceDepth(p.start)) break;
    if (ch === '}' || ch === '{') return [];
  }
  const stmt = src.skipSpace(s + 1);
  if (stmt > p.start) return [];
  const fnText = src.text.slice(block.open, block.close);
  let name = 'tmp';
  for (let k = 1; new RegExp(`\\b${name}\\b`).test(fnText); k++) name = `tmp${k}`;
  const indent = src.indentAt(stmt);
  return [edit(input, stmt, stmt, `let ${name} = ${expr};\n${indent}`), edit(input, p.start, p.end, name)];
};

/**
 * Inserts a method call (e.g. `.borrow()`, `.clone()`, `.map(ToString::to_string)`, `.collect::<Vec<_>>()`) between a
 * receiver and the method named at the target span (`recv.method()` → `recv.borrow().method()`).
 */
const insertMethodCall: ActionFn = (input) => {
  const call = input.params.call?.trim() ?? '';
  if (!/^(?:\.[a-z_]\w*\((?:[A-Za-z_][\w:]*)?\))+$/.test(call) && call !== '.collect::<Vec<_>>()') return [];
  const out: FileEdit[] = [];
  for (const r of targets(input)) {
    if (!/^[a-z_]\w*/.test(textOf(input, r))) return [];
    const dot = input.src.skipSpaceBack(r.start) - 1;
    if (input.src.masked[dot] !== '.') return [];
    out.push(edit(input, dot, dot, call));
  }
  return out;
};

/** Appends `.method()` (an identifier: `cloned`, `copied`, `as_deref`, …) to the target expression. */
const appendMethodCall: ActionFn = (input) => {
  const method = input.params.method?.trim() ?? '';
  if (!/^[a-z_]\w*$/.test(method)) return [];
  return targets(input).flatMap((r) => appendPostfix(input, r, `.${method}()`));
};

/** Calls a method that was used like a field: `x.len` → `x.len()` (only for a bare method name). */
const callMethod: ActionFn = (input) => {
  const p = primary(input);
  if (!p || !/^[a-z_]\w*$/.test(textOf(input, p))) return [];
  if (input.src.masked[input.src.skipSpaceBack(p.start) - 1] !== '.') return [];
  if (input.src.masked[input.src.skipSpace(p.end)] === '(') return [];
  return [edit(input, p.end, p.end, '()')];
};

/** Removes a leading `&`, `&mut ` or `*` from the target expression (`&v.iter()` → `v.iter()`). */
const removePrefix: ActionFn = (input) => {
  let p = primary(input);
  if (!p) return [];
  // A span that covers a whole `for` loop (a desugaring span mapped to its call site) means its iterated expression.
  const loop = /^for\s+[^{]*?\s+in\s+/.exec(input.src.masked.slice(p.start, p.end));
  if (loop) p = { start: p.start + loop[0].length, end: p.end };
  const m = /^(&\s*mut\s+|&|\*)/.exec(textOf(input, p));
  if (!m) return [];
  const want = input.params.prefix ?? '&';
  if ((want === '&') !== m[0].startsWith('&')) return [];
  return [edit(input, p.start, p.start + m[0].length, '')];
};

/** Removes the selected call arguments (rustc's "unexpected argument" spans) together with one adjacent comma. */
const removeArguments: ActionFn = (input) => {
  const { src } = input;
  const ranges = targets(input).sort((a, b) => a.start - b.start);
  if (ranges.length === 0) return [];
  const out: FileEdit[] = [];
  for (const r of ranges) {
    const parens = src.pairs().filter((q) => q.kind === '(' && q.open < r.start && r.end <= q.close).sort((a, b) => b.open - a.open)[0];
    if (!parens) return [];
    // The argument must be a whole top-level argument of that call.
    const before = src.skipSpaceBack(r.start);
    const after = src.skipSpace(r.end);
    const prevCh = src.masked[before - 1];
    const nextCh = src.masked[after];
    if (!((prevCh === '(' || prevCh === ',') && (nextCh === ')' || nextCh === ','))) return [];
    if (prevCh === ',') out.push(edit(input, before - 1, r.end, ''));
    else if (nextCh === ',') out.push(edit(input, r.start, src.skipSpace(after + 1), ''));
    else out.push(edit(input, r.start, r.end, ''));
  }
  return out;
};

/** Removes `mut ` from a binding the compiler says need not be mutable. */
const removeMut: ActionFn = (input) => {
  const p = primary(input);
  if (!p) return [];
  const m = /^mut\s+(?=[a-z_]\w*$)/.exec(textOf(input, p));
  if (!m) return [];
  return [edit(input, p.start, p.start + m[0].length, '')];
};

/** Makes a private field `pub(crate)` when its struct is defined in the same file (named field only). */
const makeFieldPub: ActionFn = (input) => {
  const field = input.params.field?.trim() ?? '';
  const structName = (input.params.struct ?? '').replace(/<.*$/s, '').split('::').pop() ?? '';
  if (!isIdent(field) || !isIdent(structName)) return [];
  const { src } = input;
  const defs = [...src.masked.matchAll(new RegExp(`\\bstruct\\s+${structName}\\b[^{;(]*\\{`, 'g'))];
  if (defs.length !== 1) return [];
  const open = (defs[0]?.index ?? 0) + (defs[0]?.[0].length ?? 0) - 1;
  const close = src.closeOf(open);
  if (close < 0) return [];
  for (const [off, piece] of splitTopLevel(src.masked.slice(open + 1, close))) {
    const m = new RegExp(`^(\\s*(?:#\\[[^\\]]*\\]\\s*)*)(pub(?:\\([^)]*\\))?\\s+)?${field}\\s*:`).exec(piece);
    if (!m) continue;
    if (m[2] !== undefined) return [];
    const at = open + 1 + off + (m[1]?.length ?? 0);
    return [edit(input, at, at, 'pub(crate) ')];
  }
  return [];
};

/**
 * Declares a missing generic parameter or lifetime (`T`, `'a`) on the innermost fn/struct/enum/impl/trait
 * around the span: lifetimes go first in the list, types after the existing ones.
 */
const declareGeneric: ActionFn = (input) => {
  const name = input.params.name?.trim() ?? '';
  const isLifetime = /^'[a-z_]\w*$/.test(name);
  if (!isLifetime && !/^[A-Z]\w*$/.test(name)) return [];
  const p = primary(input);
  if (!p) return [];
  const { src } = input;
  const kinds = input.params.on ? input.params.on.split(',') : ['fn', 'struct', 'enum', 'union', 'impl', 'trait', 'type'];
  const scope = scopesAt(src, p.start).find((sc) => kinds.includes(sc.keyword));
  if (!scope) return [];
  if (scope.generics) {
    const [gOpen, gClose] = scope.generics;
    const inner = src.masked.slice(gOpen + 1, gClose);
    if (new RegExp(`(?:^|,)\\s*${name}\\b`).test(inner)) return [];
    if (isLifetime) return [edit(input, gOpen + 1, gOpen + 1, `${name}, `)];
    const end = src.skipSpaceBack(gClose);
    return [edit(input, end, end, src.masked[end - 1] === ',' ? ` ${name}` : `, ${name}`)];
  }
  if (scope.keyword === 'impl') {
    const at = scope.start + 'impl'.length;
    return [edit(input, at, at, `<${name}>`)];
  }
  const nameAt = src.masked.indexOf(scope.name, scope.start + scope.keyword.length);
  if (nameAt < 0) return [];
  return [edit(input, nameAt + scope.name.length, nameAt + scope.name.length, `<${name}>`)];
};

/** Traits `#[derive]` can add, with the derives each one needs alongside. */
const DERIVABLE: Record<string, string[]> = {
  Debug: [],
  Clone: [],
  Copy: ['Clone'],
  PartialEq: [],
  Eq: ['PartialEq'],
  PartialOrd: ['PartialEq'],
  Ord: ['PartialEq', 'Eq', 'PartialOrd'],
  Hash: [],
  Default: [],
};

/**
 * Derives a std trait for a struct/enum defined in the same file: extends its `#[derive(…)]` list (with the
 * derives the trait requires) or adds one above the item. Whether every field supports it is for rustc to say.
 */
const addDerive: ActionFn = (input) => {
  const typeName = (input.params.type ?? '').replace(/<.*$/s, '').split('::').pop() ?? '';
  const trait = (input.params.trait ?? '').split('::').pop() ?? '';
  const needs = DERIVABLE[trait];
  if (!isIdent(typeName) || needs === undefined) return [];
  const { src } = input;
  const defs = [...src.masked.matchAll(new RegExp(`\\b(?:struct|enum|union)\\s+${typeName}\\b`, 'g'))];
  if (defs.length !== 1) return [];
  const kw = defs[0]?.index ?? 0;
  // Item start: before `pub`/`pub(crate)`.
  const vis = /(?:\bpub\s*(?:\([^)]*\))?\s*)$/.exec(src.masked.slice(Math.max(0, kw - 30), kw));
  const itemStart = kw - (vis ? vis[0].length : 0);
  // Walk back over the outer attributes directly above the item, looking for a derive list.
  let at = src.skipSpaceBack(itemStart);
  let deriveList: [number, number] | null = null;
  while (at > 0 && src.masked[at - 1] === ']') {
    const pair = src.pairs().find((q) => q.kind === '[' && q.close === at - 1);
    if (!pair || src.masked[pair.open - 1] !== '#') break;
    const d = /^\[\s*derive\s*\(/.exec(src.masked.slice(pair.open, pair.close));
    if (d) {
      const open = pair.open + d[0].length - 1;
      const close = src.closeOf(open);
      if (close > 0) deriveList = [open, close];
    }
    at = src.skipSpaceBack(pair.open - 1);
  }
  const present = deriveList ? splitTopLevel(src.masked.slice(deriveList[0] + 1, deriveList[1])).map(([, x]) => x.trim().split('::').pop() ?? '').filter((x) => x !== '') : [];
  const implemented = (t: string): boolean => new RegExp(`\\bimpl\\b[^{;]*\\b${t}\\b[^{;]*\\bfor\\s+${typeName}\\b`).test(src.masked);
  const add = [...needs, trait].filter((t, i, all) => all.indexOf(t) === i && !present.includes(t) && !implemented(t));
  if (!add.includes(trait)) return [];
  if (deriveList) {
    const end = src.skipSpaceBack(deriveList[1]);
    const sep = present.length === 0 ? '' : src.masked[end - 1] === ',' ? ' ' : ', ';
    return [edit(input, end, end, `${sep}${add.join(', ')}`)];
  }
  return [edit(input, itemStart, itemStart, `#[derive(${add.join(', ')})]\n${src.indentAt(itemStart)}`)];
};

/**
 * Turns a shared reference binding into a mutable one: `&self` → `&mut self`, a parameter `v: &T` → `v: &mut T`,
 * or `let v = &x;` → `let v = &mut x;` (the nearest declaration of `name` in the enclosing fn).
 */
const mutRefBinding: ActionFn = (input) => {
  const name = input.params.name?.trim() ?? '';
  if (!isIdent(name)) return [];
  const p = primary(input);
  if (!p) return [];
  const { src } = input;
  const fn = scopesAt(src, p.start).find((sc) => sc.keyword === 'fn');
  if (!fn) return [];
  const header = src.masked.slice(fn.start, fn.headerEnd);
  if (name === 'self') {
    const m = /&\s*(?:'\w+\s+)?(?=self\b)/.exec(header);
    return m ? [edit(input, fn.start + m.index + m[0].length, fn.start + m.index + m[0].length, 'mut ')] : [];
  }
  const param = new RegExp(`[(,]\\s*${name}\\s*:\\s*&\\s*(?:'\\w+\\s+)?(?!mut\\b)`).exec(header);
  const local = new RegExp(`\\blet\\s+${name}\\s*(?::\\s*&\\s*(?:'\\w+\\s+)?(?!mut\\b)|(?::[^=;]*)?=\\s*&\\s*(?!mut\\b))`, 'g');
  let best = -1;
  const body = src.masked.slice(fn.headerEnd, p.start);
  for (let m = local.exec(body); m; m = local.exec(body)) best = fn.headerEnd + m.index + m[0].length;
  if (best < 0 && param) best = fn.start + param.index + param[0].length;
  if (best < 0) return [];
  return [edit(input, best, best, 'mut ')];
};

/** Adds `-> T` to a fn without a return type whose body's value has type `T` (a concrete type rustc printed). */
const addReturnType: ActionFn = (input) => {
  const ty = input.params.type?.trim() ?? '';
  if (ty === '' || /[{}_]|impl |dyn |\[closure|\bopaque\b/.test(ty)) return [];
  const p = primary(input);
  if (!p) return [];
  const { src } = input;
  const fn = scopesAt(src, p.start).find((sc) => sc.keyword === 'fn');
  if (!fn || src.masked[fn.headerEnd] !== '{') return [];
  const header = src.masked.slice(fn.start, fn.headerEnd);
  if (header.includes('->')) return [];
  const open = src.masked.indexOf('(', fn.start);
  const close = open < 0 ? -1 : src.closeOf(open);
  if (close < 0 || close > fn.headerEnd) return [];
  return [edit(input, close + 1, close + 1, ` -> ${ty}`)];
};

/** Ends the expression at the primary span with `;` (its value was not meant to be the block's value). */
const addSemicolon: ActionFn = (input) => {
  const p = primary(input);
  if (!p) return [];
  const next = input.src.masked[input.src.skipSpace(p.end)];
  if (next === ';') return [];
  return [edit(input, p.end, p.end, ';')];
};

/** Gives parameter `name`'s reference type the named lifetime: `b: &str` → `b: &'a str` (E0621). */
const lifetimeOnParam: ActionFn = (input) => {
  const name = input.params.name?.trim() ?? '';
  const lt = input.params.lifetime?.trim() ?? '';
  if (!isIdent(name) || !/^'[a-z_]\w*$/.test(lt)) return [];
  const p = primary(input);
  if (!p) return [];
  const { src } = input;
  const fn = scopesAt(src, p.start).find((sc) => sc.keyword === 'fn');
  if (!fn) return [];
  const header = src.masked.slice(fn.start, fn.headerEnd);
  const m = new RegExp(`[(,]\\s*(?:mut\\s+)?${name}\\s*:\\s*&(?!\\s*')`).exec(header);
  if (!m) return [];
  const at = fn.start + m.index + m[0].length;
  return [edit(input, at, at, `${lt} `)];
};

/** Wraps the target expression in a constructor or function: `x` → `Some(x)`, `Box::new(x)`, `Wrapper(x)`. */
const wrapExpr: ActionFn = (input) => {
  const w = input.params.with?.trim() ?? '';
  if (!/^(?:[A-Za-z_]\w*::)*[A-Z]\w*$|^(?:[A-Za-z_]\w*::)*[A-Z]\w*::new$/.test(w)) return [];
  return targets(input).flatMap((r) => {
    const text = textOf(input, r);
    if (text.trim() === '' || inPattern(input.src, r)) return [];
    if (isIdent(text) && isShorthandField(input.src, r)) return [edit(input, r.start, r.end, `${text}: ${w}(${text})`)];
    return [edit(input, r.start, r.start, `${w}(`), edit(input, r.end, r.end, ')')];
  });
};

/** Calls a zero-argument function that was named instead of called: `seven` → `seven()`. */
const callValue: ActionFn = (input) => targets(input).flatMap((r) => appendPostfix(input, r, '()'));

/** A one-character string written as a char literal: `'x'` → `"x"`. */
const charToStr: ActionFn = (input) => {
  const p = primary(input);
  if (!p) return [];
  const text = textOf(input, p);
  const m = /^'(\\'|\\?[^']|\\u\{[0-9a-fA-F]{1,6}\})'$/u.exec(text);
  if (!m) return [];
  const body = m[1] ?? '';
  const inner = body === "\\'" ? "'" : body === '"' ? '\\"' : body;
  return [edit(input, p.start, p.end, `"${inner}"`)];
};

/** `fn f()` → `async fn f()` for the fn header rustc marks "this is not `async`" (the selected span). */
const makeAsync: ActionFn = (input) => {
  for (const r of targets(input)) {
    const head = input.src.masked.slice(r.start, r.end);
    const m = /^((?:pub(?:\s*\([^)]*\))?\s+)?)(?:(?:unsafe|extern\s+"[^"]*")\s+)*fn\b/.exec(head);
    if (!m || /\bconst\b/.test(head.slice(0, m[0].length))) continue;
    const at = r.start + (m[1]?.length ?? 0);
    return [edit(input, at, at, 'async ')];
  }
  return [];
};

/**
 * Replaces the type at the primary span with the one the trait declares (`type`), or for a receiver
 * (`mode: toggle_mut`) switches `&mut self` ↔ `&self`.
 */
const replaceType: ActionFn = (input) => {
  const p = primary(input);
  if (!p) return [];
  const text = textOf(input, p);
  if (input.params.mode === 'toggle_mut') {
    if (/^&\s*mut\s+self$/.test(text)) return [edit(input, p.start, p.end, '&self')];
    if (/^&\s*self$/.test(text)) return [edit(input, p.start, p.end, '&mut self')];
    return [];
  }
  const ty = input.params.type?.trim() ?? '';
  const typeLike = /^[\w:&'<>[\]\s,()*+]+$/;
  if (!typeLike.test(ty) || !typeLike.test(text) || /[{}_]/.test(ty.replace(/\w+_\w*/g, 'x'))) return [];
  return [edit(input, p.start, p.end, ty)];
};

/** Adds `..` to a struct pattern that leaves fields out: `S { a }` → `S { a, .. }`. */
const addRestPattern: ActionFn = (input) => {
  const p = primary(input);
  if (!p) return [];
  const { src } = input;
  const close = src.skipSpaceBack(p.end) - 1;
  if (src.masked[close] !== '}') return [];
  const open = src.pairs().find((q) => q.kind === '{' && q.close === close)?.open ?? -1;
  if (open < p.start) return [];
  const inner = src.masked.slice(open + 1, close);
  if (/\.\./.test(inner)) return [];
  const end = src.skipSpaceBack(close);
  if (inner.trim() === '') return [edit(input, open + 1, close, ' .. ')];
  return [edit(input, end, end, src.masked[end - 1] === ',' ? ' ..' : ', ..')];
};

/**
 * A `move` closure takes a variable that is used again afterwards: clone it into a new binding just before the
 * statement and let the closure capture the clone (`let v_clone = v.clone();` … `move || use(v_clone)`).
 */
const cloneIntoClosure: ActionFn = (input) => {
  const name = input.params.name?.trim() ?? '';
  if (!isIdent(name)) return [];
  const { src } = input;
  const r = targets(input).find((t) => /^move\b/.test(src.masked.slice(t.start, t.end)));
  if (!r) return [];
  // Closure parameters `|…|`, then a block body or an expression up to the end of the enclosing call/statement.
  const bar = src.skipSpace(r.start + 4);
  if (src.masked[bar] !== '|') return [];
  const bar2 = src.masked.indexOf('|', bar + 1);
  if (bar2 < 0) return [];
  const bodyStart = src.skipSpace(bar2 + 1);
  let end: number;
  if (src.masked[bodyStart] === '{') end = src.closeOf(bodyStart);
  else {
    const call = src.pairs().filter((q) => q.kind === '(' && q.open < r.start && r.start < q.close).sort((a, b) => b.open - a.open)[0];
    end = call ? call.close : src.masked.indexOf(';', bodyStart);
  }
  if (end < 0) return [];
  const fresh = `${name}_clone`;
  if (new RegExp(`\\b${fresh}\\b`).test(src.masked)) return [];
  const uses = [...src.masked.slice(bodyStart, end).matchAll(new RegExp(`(?<![\\w.])${name}\\b(?!\\s*:[^:])`, 'g'))];
  if (uses.length === 0) return [];
  // Statement start, as for hoisting a temporary.
  const block = src.enclosingBraces(r.start)[0];
  if (!block) return [];
  let st = r.start - 1;
  for (; st > block.open; st--) {
    const ch = src.masked[st];
    if ((ch === ';' || ch === '}' || ch === '{') && src.braceDepth(st + 1) === src.braceDepth(r.start)) break;
  }
  const stmt = src.skipSpace(st + 1);
  const edits: FileEdit[] = [edit(input, stmt, stmt, `let ${fresh} = ${name}.clone();\n${src.indentAt(stmt)}`)];
  for (const u of uses) {
    const at = bodyStart + (u.index ?? 0);
    edits.push(edit(input, at, at + name.length, fresh));
  }
  return edits;
};

// ---------------------------------------------------------------------------------------------------------
// the `?` family, lossless integer conversions, redundant calls, shadowing lifetimes

/**
 * Inserts an adapter call between an operand and its `?` (the primary span): `s.parse()?` → `s.parse().ok()?`.
 * Only a zero-argument method call is accepted as the adapter.
 */
const insertBeforeTry: ActionFn = (input) => {
  const call = input.params.call?.trim() ?? '';
  if (!/^\.[a-z_]\w*\(\)$/.test(call)) return [];
  const p = primary(input);
  if (!p || textOf(input, p) !== '?') return [];
  const before = input.src.masked.slice(Math.max(0, p.start - call.length), p.start);
  if (before === call || input.src.skipSpaceBack(p.start) !== p.start) return [];
  return [edit(input, p.start, p.start, call)];
};

/** Macros whose value is `()`: a final statement calling one discards nothing. */
const UNIT_MACROS = /^(?:print|println|eprint|eprintln|assert|assert_eq|assert_ne|debug_assert|debug_assert_eq|debug_assert_ne)!\s*[([{]/;

/**
 * True when the statement (masked, without its `;`) certainly has a value that may be dropped: a `let`, an
 * expression ending in `?` (the error already propagates), an assignment, or a call of a unit-valued std macro.
 * A plain call is refused: it may return a `Result` that the new tail would silently drop.
 */
function discardsNothing(stmt: string): boolean {
  const s = stmt.trim();
  if (/^let\b/.test(s) || s.endsWith('?') || UNIT_MACROS.test(s)) return true;
  // A top-level `=` or compound assignment (not `==`, `!=`, `<=`, `>=`, `=>`).
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i] as string;
    if ('([{'.includes(ch)) depth++;
    else if (')]}'.includes(ch)) depth--;
    else if (ch === '=' && depth === 0) {
      const prev = s[i - 1] ?? '';
      const next = s[i + 1] ?? '';
      if (next === '=' || next === '>' || prev === '=' || prev === '!') return false;
      if (prev === '<' || prev === '>') return s[i - 2] === prev; // `<<=` / `>>=` assign; `<=` / `>=` compare
      return true;
    }
  }
  return false;
}

/**
 * E0308 on a fn whose body has no tail: appends `value` (`Ok(())`) as the tail, when the body is empty or its last
 * statement discards nothing (see discardsNothing); the primary span is the fn's return type.
 */
const appendUnitTail: ActionFn = (input) => {
  const value = input.params.value?.trim() ?? '';
  if (value !== 'Ok(())') return [];
  const p = primary(input);
  if (!p) return [];
  const { src } = input;
  if (src.masked[p.start] === '{') return unitTailAfterBlock(input, p, value);
  const fn = scopesAt(src, p.start).find((s) => s.keyword === 'fn' && p.start < s.headerEnd);
  if (!fn || src.masked[fn.headerEnd] !== '{') return [];
  const open = fn.headerEnd;
  const close = fn.end;
  const last = lastStatement(src, open, close);
  if (last === null) return [];
  if (last === 'empty') {
    if (!src.text.slice(open + 1, close).includes('\n')) return [edit(input, open + 1, close, ` ${value} `)];
    const indent = src.indentAt(fn.start);
    return [edit(input, open + 1, close, `\n${indent}    ${value}\n${indent}`)];
  }
  const stmt = src.masked.slice(last.start, last.end);
  if (src.masked[last.end] === ';' ? !discardsNothing(stmt) : !/^\s*(?:pub(?:\([^)]*\))?\s+)?(?:fn|struct|enum|impl|mod|trait|use|const|static)\b/.test(stmt)) return [];
  const at = last.end + 1;
  const indent = src.lineStart(last.end) === src.lineStart(open) ? `${src.indentAt(fn.start)}    ` : src.indentAt(src.skipSpace(last.start));
  return [edit(input, at, at, `\n${indent}${value}`)];
};

/**
 * The fn body's tail is an `if` without `else` (or a `for`/`while` loop) whose block the primary span covers: its
 * value is `()`, so `value` goes after it as the new tail. Only when that block is the last thing in the fn body.
 */
function unitTailAfterBlock(input: ActionInput, p: Range, value: string): FileEdit[] {
  const { src } = input;
  const close = src.closeOf(p.start);
  if (close < 0 || src.skipSpaceBack(p.end) - 1 !== close) return [];
  const fn = scopesAt(src, p.start).find((s) => s.keyword === 'fn' && s.headerEnd < p.start);
  if (!fn || src.masked[fn.headerEnd] !== '{' || src.skipSpace(close + 1) !== fn.end) return [];
  const last = lastStatementOrTail(src, fn.headerEnd, fn.end);
  if (!last || last.end !== close || !/^\s*(?:if|for|while)\b/.test(src.masked.slice(last.start, p.start))) return [];
  if (/\belse\b/.test(src.masked.slice(last.start, p.start))) return [];
  return [edit(input, close + 1, close + 1, `\n${src.indentAt(src.skipSpace(last.start))}${value}`)];
}

/** Like lastStatement, but a trailing block expression (the body's tail) counts as the last statement too. */
function lastStatementOrTail(src: RustText, open: number, close: number): { start: number; end: number } | null {
  const m = src.masked;
  let start = open + 1;
  let last: { start: number; end: number } | null = null;
  for (let i = open + 1; i < close; i++) {
    const ch = m[i] as string;
    if (ch === '(' || ch === '[' || ch === '{') {
      const j = src.closeOf(i);
      if (j < 0 || j > close) return null;
      if (ch === '{') {
        const rest = m.slice(src.skipSpace(j + 1), close);
        if (!/^(?:else\b|[.?])/.test(rest)) {
          last = { start, end: j };
          start = j + 1;
        }
      }
      i = j;
      continue;
    }
    if (ch === ';') {
      last = { start, end: i };
      start = i + 1;
    }
  }
  return m.slice(start, close).trim() === '' ? last : null;
}

/**
 * The last statement of the block `open`…`close` (masked indexes: its start, and the index of its `;` or closing
 * `}`), 'empty' for an empty block, or null when the block ends in a tail expression or cannot be split. Statements
 * end at a top-level `;`, or at the `}` of a block statement (`for`/`while`/`loop`/`if`/`match`/`unsafe`/a bare
 * block/an item) not followed by `else`, `.` or `?`.
 */
function lastStatement(src: RustText, open: number, close: number): { start: number; end: number } | 'empty' | null {
  const m = src.masked;
  let start = open + 1;
  let last: { start: number; end: number } | null = null;
  for (let i = open + 1; i < close; i++) {
    const ch = m[i] as string;
    if (ch === '(' || ch === '[' || ch === '{') {
      const j = src.closeOf(i);
      if (j < 0 || j > close) return null;
      if (ch === '{') {
        const head = m.slice(start, i).trim();
        const rest = m.slice(src.skipSpace(j + 1), close);
        const blockStmt = head === '' || /^(?:for|while|loop|if|match|unsafe)\b/.test(head) || /^(?:pub(?:\([^)]*\))?\s+)?(?:fn|struct|enum|impl|mod|trait)\b/.test(head);
        if (blockStmt && !/^(?:else\b|[.?])/.test(rest)) {
          last = { start, end: j };
          start = j + 1;
        }
      }
      i = j;
      continue;
    }
    if (ch === ';') {
      last = { start, end: i };
      start = i + 1;
    }
  }
  if (m.slice(start, close).trim() !== '') return null;
  return last ?? (m.slice(open + 1, close).trim() === '' ? 'empty' : null);
}

/**
 * Integer and float conversions std implements with `From` (lossless on every target: no `u32` → `usize`, no
 * `u16` → `isize`): from → the types it widens to.
 */
const LOSSLESS: Readonly<Record<string, readonly string[]>> = {
  u8: ['u16', 'u32', 'u64', 'u128', 'usize', 'i16', 'i32', 'i64', 'i128', 'isize', 'f32', 'f64'],
  u16: ['u32', 'u64', 'u128', 'usize', 'i32', 'i64', 'i128', 'f32', 'f64'],
  u32: ['u64', 'u128', 'i64', 'i128', 'f64'],
  u64: ['u128', 'i128'],
  i8: ['i16', 'i32', 'i64', 'i128', 'isize', 'f32', 'f64'],
  i16: ['i32', 'i64', 'i128', 'isize', 'f32', 'f64'],
  i32: ['i64', 'i128', 'f64'],
  i64: ['i128'],
  f32: ['f64'],
};

/** True when std converts `from` into `to` with `From`, losing nothing. */
export function isLosslessConversion(from: string, to: string): boolean {
  return LOSSLESS[from]?.includes(to) ?? false;
}

/**
 * `x` of type `from` where `to` is expected → `to::from(x)`, only when the conversion is lossless; an integer
 * literal with a `from` suffix gets the `to` suffix instead (`1u32` → `1u64`). A float literal is wrapped, never
 * re-suffixed (`0.1f32` and `0.1f64` are different values).
 */
const convertLossless: ActionFn = (input) => {
  const from = input.params.from?.trim() ?? '';
  const to = input.params.to?.trim() ?? '';
  if (!isLosslessConversion(from, to)) return [];
  return targets(input).flatMap((r) => {
    const text = textOf(input, r);
    if (text.trim() === '' || inPattern(input.src, r)) return [];
    if (new RegExp(`^-?(?:0x[0-9a-fA-F_]+|0o[0-7_]+|0b[01_]+|\\d[\\d_]*)_?${from}$`).test(text) && !from.startsWith('f')) {
      return [edit(input, r.end - from.length, r.end, to)];
    }
    if (isIdent(text) && isShorthandField(input.src, r)) return [edit(input, r.start, r.end, `${text}: ${to}::from(${text})`)];
    return [edit(input, r.start, r.start, `${to}::from(`), edit(input, r.end, r.end, ')')];
  });
};

/**
 * Widens every item of an iterator before the call at the primary span (`sum`/`product`): `v.iter().sum()` →
 * `v.iter().map(|&x| u64::from(x)).sum()` (`ref: '&'` for items that are references), only for lossless pairs.
 */
const mapLosslessBeforeCall: ActionFn = (input) => {
  const from = input.params.from?.trim() ?? '';
  const to = input.params.to?.trim() ?? '';
  const byRef = input.params.ref === '&';
  if (!isLosslessConversion(from, to) || (input.params.ref ?? '') !== (byRef ? '&' : '')) return [];
  const p = primary(input);
  if (!p || !isIdent(textOf(input, p))) return [];
  const dot = input.src.skipSpaceBack(p.start) - 1;
  if (input.src.masked[dot] !== '.') return [];
  return [edit(input, dot, dot, byRef ? `.map(|&x| ${to}::from(x))` : `.map(${to}::from)`)];
};

/** Shared accessors of std collections and their mutable twins (same element, same arguments). */
const MUT_ACCESSORS: Readonly<Record<string, string>> = { get: 'get_mut', first: 'first_mut', last: 'last_mut', front: 'front_mut', back: 'back_mut' };

/**
 * A write through a binding that a shared accessor produced: `let x = v.first().unwrap();` or
 * `if let Some(x) = m.get(k) {` → `first_mut` / `get_mut`. Only when the binding's initialiser is exactly one such
 * accessor call (optionally followed by `.unwrap()`, `.expect("…")` or `?`) on a plain receiver path.
 */
const accessorToMut: ActionFn = (input) => {
  const name = input.params.name?.trim() ?? '';
  if (!isIdent(name)) return [];
  const p = primary(input);
  if (!p) return [];
  const { src } = input;
  const fn = scopesAt(src, p.start).find((sc) => sc.keyword === 'fn');
  if (!fn) return [];
  const body = src.masked.slice(fn.headerEnd, p.start);
  const decl = new RegExp(`\\blet\\s+${name}\\s*=|\\b(?:if|while)\\s+let\\s+Some\\s*\\(\\s*${name}\\s*\\)\\s*=`, 'g');
  let init = -1;
  let stop = ';';
  for (let m = decl.exec(body); m; m = decl.exec(body)) {
    init = fn.headerEnd + m.index + m[0].length;
    // The initialiser runs to the `;` of a let or the `{` of an if/while let.
    stop = m[0].startsWith('let') ? ';' : '{';
  }
  if (init < 0) return [];
  let end = init;
  while (end < p.start && src.masked[end] !== stop) {
    const ch = src.masked[end] as string;
    end = ch === '(' || ch === '[' ? src.closeOf(end) + 1 : end + 1;
    if (end <= 0) return [];
  }
  const expr = src.masked.slice(init, end).trim();
  const m = /^(?:self\.)?[a-z_]\w*(?:\.[a-z_]\w*)*?\.(get|first|last|front|back)\s*\(/.exec(expr);
  if (!m) return [];
  const method = m[1] as string;
  const open = src.skipSpace(init) + m[0].length - 1;
  const close = src.closeOf(open);
  if (close < 0) return [];
  if ((method !== 'get') !== (src.masked.slice(open + 1, close).trim() === '')) return [];
  const rest = src.text.slice(close + 1, end).trim();
  if (!/^(?:\.unwrap\(\)|\.expect\("(?:[^"\\]|\\.)*"\)|\?)?$/.test(rest)) return [];
  const at = open - method.length;
  return [edit(input, at, open, MUT_ACCESSORS[method] as string)];
};

/**
 * Removes a zero-argument method call whose name is the primary span: `x.cloned().unwrap()` → `x.unwrap()`.
 * The call must be written `.name()` with nothing between the parentheses (or, with `args: literal`, one string
 * literal).
 */
const removeMethodCall: ActionFn = (input) => {
  const method = input.params.method?.trim() ?? '';
  const p = primary(input);
  if (!p || !isIdent(method) || textOf(input, p) !== method) return [];
  const { src } = input;
  const dot = src.skipSpaceBack(p.start) - 1;
  if (src.masked[dot] !== '.') return [];
  const paren = src.skipSpace(p.end);
  if (src.masked[paren] !== '(') return [];
  const close = src.closeOf(paren);
  if (close < 0) return [];
  const args = src.text.slice(paren + 1, close).trim();
  // `args: literal` also accepts one plain string literal (`.expect("…")`): dropping it drops no side effect.
  if (args !== '' && !(input.params.args === 'literal' && /^"(?:[^"\\]|\\.)*"$/s.test(args))) return [];
  return [edit(input, dot, close + 1, '')];
};

/**
 * E0496: a fn declares a lifetime its enclosing impl or trait already declares. Renames the fn's own lifetime (its
 * declaration and every use inside the fn) to a name used nowhere in the file: the inner name already shadowed the
 * outer one, so the fn means the same. Declines when the fn declares the name again (nested generics, `for<'a>`).
 */
const renameShadowingLifetime: ActionFn = (input) => {
  const lt = input.params.lifetime?.trim() ?? '';
  if (!/^'[a-z_]\w*$/.test(lt) || lt === "'static" || lt === "'_") return [];
  const p = primary(input);
  if (!p || textOf(input, p) !== lt) return [];
  const { src } = input;
  const fn = scopesAt(src, p.start).find((s) => s.keyword === 'fn' && s.generics !== null && s.generics[0] < p.start && p.start < s.generics[1]);
  if (!fn) return [];
  const region = src.masked.slice(fn.start, fn.end + 1);
  const name = lt.slice(1);
  const decls = [...region.matchAll(new RegExp(`(?:[<,]|\\bfor\\s*<)\\s*'${name}\\b(?!')`, 'g'))];
  if (decls.length !== 1 || /\bfor\s*</.test(region)) return [];
  const fresh = freshLifetime(src.masked);
  const out: FileEdit[] = [];
  for (const m of region.matchAll(new RegExp(`'${name}\\b(?!')`, 'g'))) {
    const at = fn.start + (m.index ?? 0);
    out.push(edit(input, at, at + lt.length, fresh));
  }
  return out;
};

// ---------------------------------------------------------------------------------------------------------
// types, conversions, paths and statics (h36)

/** std's public modules (the same for `core` and `alloc` where they exist), and the well-known nested ones. */
const STD_MODULES: Readonly<Record<string, readonly string[]>> = {
  '': ['alloc', 'any', 'arch', 'array', 'ascii', 'backtrace', 'borrow', 'boxed', 'cell', 'char', 'clone', 'cmp', 'collections', 'convert', 'default', 'env', 'error', 'f32', 'f64', 'ffi', 'fmt', 'fs', 'future', 'hash', 'hint', 'i8', 'i16', 'i32', 'i64', 'i128', 'io', 'isize', 'iter', 'marker', 'mem', 'net', 'num', 'ops', 'option', 'os', 'panic', 'path', 'pin', 'prelude', 'primitive', 'process', 'ptr', 'rc', 'result', 'slice', 'str', 'string', 'sync', 'task', 'thread', 'time', 'u8', 'u16', 'u32', 'u64', 'u128', 'usize', 'vec'],
  collections: ['binary_heap', 'btree_map', 'btree_set', 'hash_map', 'hash_set', 'linked_list', 'vec_deque'],
  sync: ['atomic', 'mpsc'],
  os: ['fd', 'raw', 'unix', 'windows', 'linux', 'wasi'],
  io: ['prelude'],
};

/** Files that are a crate's root module, where `crate::` names the file's top level (a bare `main.rs`/`lib.rs` is a single-file crate). */
function isCrateRootFile(file: string): boolean {
  return /^(?:lib|main)\.rs$|(?:^|\/)(?:src\/(?:lib|main)\.rs|src\/bin\/[^/]+\.rs|(?:tests|examples|benches)\/[^/]+\.rs|build\.rs)$/.test(file);
}

/** Names usable as a path prefix (`name::…`) declared directly in the module body `open`…`close`: modules, enums, imports. */
function pathItemNames(src: RustText, open: number, close: number): string[] {
  const depth = src.braceDepth(open + 1);
  const body = src.masked.slice(open + 1, close);
  const names: string[] = [];
  const add = (re: RegExp, group: number): void => {
    for (const m of body.matchAll(re)) {
      if (src.braceDepth(open + 1 + (m.index ?? 0)) === depth) names.push(m[group] ?? '');
    }
  };
  add(/\b(?:mod|enum)\s+([A-Za-z_]\w*)/g, 1);
  add(/\buse\s[^;]*?\bas\s+([A-Za-z_]\w*)\s*;/g, 1);
  add(/\buse\s+(?:[\w]+::)+([A-Za-z_]\w*)\s*;/g, 1);
  return names.filter((n) => n !== '' && n !== '_');
}

/**
 * E0432 "could not find `X` in `M`": a path segment rustc cannot find and offers nothing for. Replaces it with the one
 * name of a module, enum or import in `M` within edit distance 2 (none when two are equally close): `M` is std
 * (its well-known modules) or an inline module of this file, resolved from the import rustc names, the written path
 * or rustc's label.
 */
const fixPathSegment: ActionFn = (input) => {
  const seg = input.params.segment?.trim() ?? '';
  const label = input.params.parent?.trim() ?? '';
  const p = primary(input);
  if (!p || !isIdent(seg) || textOf(input, p) !== seg) return [];
  const { src } = input;
  // The parent path: E0432's message names the whole import (`local::x::collection`); else the path written before the
  // segment; else rustc's label, which names only the parent's last segment.
  const imported = /^unresolved import `((?:[A-Za-z_]\w*::)+)([A-Za-z_]\w*)`$/.exec(input.diagnostic.message);
  const written = /((?:[A-Za-z_]\w*\s*::\s*)+)$/.exec(src.masked.slice(Math.max(0, p.start - 300), p.start));
  const parentPath = imported && imported[2] === seg ? imported[1] : written ? written[1] : null;
  let segs = parentPath !== null && parentPath !== undefined ? parentPath.split('::').map((s) => s.trim()).filter((s) => s !== '') : label === '' ? [] : label.split('::');
  if (segs.length === 0) segs = ['crate'];
  let names: string[] = [];
  if (segs[0] === 'std' || segs[0] === 'core' || segs[0] === 'alloc') {
    if (segs.length > 2) return [];
    names = [...(STD_MODULES[segs[1] ?? ''] ?? [])];
  } else {
    const mods = inlineModules(src);
    const here = moduleAt(src, p.start);
    const bodyOf = (m: { open: number; close: number } | null): [number, number] => (m ? [m.open, m.close] : [-1, src.text.length]);
    const childOf = (parent: { open: number; close: number } | null, name: string) => {
      const [o, c] = bodyOf(parent);
      return mods.find((md) => md.name === name && md.open > o && md.close < c && src.braceDepth(md.open) === src.braceDepth(o + 1)) ?? null;
    };
    const starts: ({ open: number; close: number } | null)[] = [];
    if (segs[0] === 'crate') {
      if (!isCrateRootFile(input.file)) return [];
      starts.push(null);
      segs = segs.slice(1);
    } else if (segs[0] === 'self') {
      starts.push(here);
      segs = segs.slice(1);
    } else {
      starts.push(here);
      if (isCrateRootFile(input.file) && here !== null) starts.push(null);
    }
    for (const start of starts) {
      let cur = start;
      let ok = true;
      for (const s of segs) {
        const next = childOf(cur, s);
        if (!next) {
          ok = false;
          break;
        }
        cur = next;
      }
      if (!ok) continue;
      const [o, c] = bodyOf(cur);
      names.push(...pathItemNames(src, o, c));
    }
  }
  if (names.includes(seg)) return [];
  const scored = [...new Set(names)].map((n) => [n, editDistance(seg, n, { transpositions: true })] as const).filter(([, dist]) => dist <= 2 && dist < seg.length);
  const best = Math.min(...scored.map(([, dist]) => dist));
  const closest = scored.filter(([, dist]) => dist === best);
  if (closest.length !== 1) return [];
  return [edit(input, p.start, p.end, closest[0]?.[0] ?? seg)];
};

/** Appends a validated call chain to the target expression: `.map(String::from)`, `.into_iter().map(String::from).collect()`. */
const appendCall: ActionFn = (input) => {
  const call = input.params.call?.trim() ?? '';
  if (!/^(?:\.[a-z_]\w*\((?:[A-Za-z_][\w:]*)?\))+$/.test(call)) return [];
  return targets(input).flatMap((r) => appendPostfix(input, r, call));
};

/**
 * Wraps the target expression in a call of a std path (`std::path::Path::new`): the short form (`Path::new`) when the
 * file imports the type's name from that module, else the full path; or in a primitive's `From` (`char::from`).
 */
const wrapCall: ActionFn = (input) => {
  const full = input.params.path?.trim() ?? '';
  let callee: string;
  if (/^(?:[iu](?:8|16|32|64|128|size)|f32|f64|char)::from$/.test(full)) callee = full;
  else {
    const m = /^((?:[a-z_]\w*::)+)([A-Z]\w*)::([a-z_]\w*)$/.exec(full);
    if (!m) return [];
    const [, mod, type, fn] = m as unknown as [string, string, string, string];
    const modPath = mod.slice(0, -2).replace(/:/g, '\\:');
    const imported = new RegExp(`\\buse\\s+${modPath}::(?:${type}\\s*;|\\{[^}]*\\b${type}\\b(?!\\s+as)[^}]*\\})`).test(input.src.masked);
    callee = imported ? `${type}::${fn}` : full;
  }
  return targets(input).flatMap((r) => {
    const text = textOf(input, r);
    if (text.trim() === '' || inPattern(input.src, r)) return [];
    if (isIdent(text) && isShorthandField(input.src, r)) return [edit(input, r.start, r.end, `${text}: ${callee}(${text})`)];
    return [edit(input, r.start, r.start, `${callee}(`), edit(input, r.end, r.end, ')')];
  });
};

/**
 * A cast rustc rejects, the primary span being the whole cast `x as T`: `x as String` → `x.to_string()` (`method`), or
 * with `method: from`, `x as f64` → `f64::from(x)` (for a conversion std implements losslessly).
 */
const castToMethod: ActionFn = (input) => {
  const method = input.params.method?.trim() ?? '';
  const type = input.params.type?.trim() ?? '';
  const p = primary(input);
  if (!p || !/^[a-z_]\w*$/.test(method) || !isIdent(type)) return [];
  const masked = input.src.masked.slice(p.start, p.end);
  const m = new RegExp(`\\s+as\\s+${type}$`).exec(masked);
  if (!m) return [];
  const operand = { start: p.start, end: p.start + m.index };
  const text = textOf(input, operand).trim();
  if (text === '' || /\bas\s*$/.test(text)) return [];
  if (method === 'from') return [edit(input, operand.start, operand.start, `${type}::from(`), edit(input, operand.end, p.end, ')')];
  return isPostfixSafe(text) ? [edit(input, operand.end, p.end, `.${method}()`)] : [edit(input, operand.start, operand.start, '('), edit(input, operand.end, p.end, `).${method}()`)];
};

/** Items `static NAME: TYPE = INIT;` (not `mut`) of the file: the type's and the initialiser's ranges. */
function staticItems(src: RustText): { type: Range; init: Range }[] {
  const out: { type: Range; init: Range }[] = [];
  for (const m of src.masked.matchAll(/\bstatic\s+(?!mut\b)[A-Za-z_]\w*\s*:/g)) {
    const depth = src.braceDepth(m.index ?? 0);
    const typeStart = src.skipSpace((m.index ?? 0) + m[0].length);
    let i = typeStart;
    let angle = 0;
    while (i < src.masked.length && !(src.masked[i] === '=' && angle === 0)) {
      const ch = src.masked[i] as string;
      if (ch === '<') angle++;
      else if (ch === '>' && src.masked[i - 1] !== '-') angle--;
      else if (ch === '(' || ch === '[' || ch === '{') i = src.closeOf(i);
      else if (ch === ';') break;
      if (i < 0) break;
      i++;
    }
    if (i < 0 || src.masked[i] !== '=') continue;
    const typeEnd = src.skipSpaceBack(i);
    const initStart = src.skipSpace(i + 1);
    let j = initStart;
    while (j < src.masked.length && src.masked[j] !== ';') {
      const ch = src.masked[j] as string;
      if (ch === '(' || ch === '[' || ch === '{') j = src.closeOf(j);
      if (j < 0) break;
      j++;
    }
    if (j < 0 || src.braceDepth(j) !== depth) continue;
    out.push({ type: { start: typeStart, end: typeEnd }, init: { start: initStart, end: src.skipSpaceBack(j) } });
  }
  return out;
}

/**
 * E0015 in a static whose initialiser calls a non-const fn, where rustc notes "consider wrapping this expression in
 * `std::sync::LazyLock::new(|| ...)`": `static M: T = INIT;` → `static M: LazyLock<T> = LazyLock::new(|| INIT);`.
 * The value is computed on first use instead of at compile time; reads go through `Deref`.
 */
const lazyStatic: ActionFn = (input) => {
  const p = primary(input);
  if (!p) return [];
  const { src } = input;
  const item = staticItems(src).find((s) => s.init.start <= p.start && p.end <= s.init.end);
  if (!item) return [];
  const type = textOf(input, item.type);
  if (/\bLazyLock\b|\bOnceLock\b/.test(type) || /\bLazyLock\b/.test(textOf(input, item.init))) return [];
  const imported = /\buse\s+std::sync::(?:LazyLock\s*;|\{[^}]*\bLazyLock\b(?!\s+as)[^}]*\})/.test(src.masked);
  const lazy = imported ? 'LazyLock' : 'std::sync::LazyLock';
  return [
    edit(input, item.type.start, item.type.start, `${lazy}<`),
    edit(input, item.type.end, item.type.end, '>'),
    edit(input, item.init.start, item.init.start, `${lazy}::new(|| `),
    edit(input, item.init.end, item.init.end, ')'),
  ];
};

/**
 * E0015 on an empty `String` built by a non-const call (`String::from("")`, `"".to_string()`, `"".to_owned()`,
 * `"".into()`) → `String::new()`: the same value, from a const fn.
 */
const emptyStringNew: ActionFn = (input) => {
  const p = primary(input);
  if (!p) return [];
  const { src } = input;
  const text = src.text.slice(p.start, p.end);
  if (/^String\s*::\s*from\s*\(\s*""\s*\)$/.test(text)) return [edit(input, p.start, p.end, 'String::new()')];
  const m = /^(?:to_string|to_owned|into)\s*\(\s*\)$/.exec(text);
  if (!m) return [];
  const dot = src.skipSpaceBack(p.start) - 1;
  if (src.masked[dot] !== '.') return [];
  const lit = src.skipSpaceBack(dot);
  if (src.text.slice(lit - 2, lit) !== '""' || /[\w"#]/.test(src.text[lit - 3] ?? '')) return [];
  return [edit(input, lit - 2, p.end, 'String::new()')];
};

/**
 * E0368 `+=` on a `&str` local that was initialised with a string literal: `let mut s = "a";` → `let mut s =
 * String::from("a");` (`String::new()` for `""`), the owned string `+=` appends to. The span labelled "cannot use
 * `+=` on type `&str`" names the local; its nearest `let mut` in the fn must be unannotated with a literal initialiser.
 */
const ownedStringBinding: ActionFn = (input) => {
  const { src } = input;
  const target = input.matched.map((s) => rangeOf(input, s)).find((r): r is Range => r !== null);
  if (!target) return [];
  const name = textOf(input, target);
  if (!isIdent(name)) return [];
  const fn = scopesAt(src, target.start).find((s) => s.keyword === 'fn');
  if (!fn) return [];
  const body = src.masked.slice(fn.headerEnd, target.start);
  const decl = new RegExp(`\\blet\\s+(mut\\s+)?${name}\\b\\s*(:)?`, 'g');
  let last: RegExpExecArray | null = null;
  for (let m = decl.exec(body); m; m = decl.exec(body)) last = m;
  if (!last || last[1] === undefined || last[2] !== undefined) return [];
  const eq = src.skipSpace(fn.headerEnd + last.index + last[0].length);
  if (src.masked[eq] !== '=') return [];
  const litStart = src.skipSpace(eq + 1);
  const semi = src.masked.indexOf(';', litStart);
  if (semi < 0) return [];
  const lit = src.text.slice(litStart, src.skipSpaceBack(semi));
  if (!/^"(?:[^"\\]|\\.)*"$/s.test(lit)) return [];
  const litEnd = litStart + lit.length;
  return [edit(input, litStart, litEnd, lit === '""' ? 'String::new()' : `String::from(${lit})`)];
};

/**
 * E0277 "can't compare `&str` with `char`": the right operand of the `==`/`!=` at the primary span is a char literal;
 * written with double quotes it is the one-character string the comparison means (`s == 'x'` → `s == "x"`).
 */
const charOperandToStr: ActionFn = (input) => {
  const p = primary(input);
  if (!p || !/^[!=]=$/.test(textOf(input, p))) return [];
  const { src } = input;
  const at = src.skipSpace(p.end);
  const m = /^'(\\'|\\?[^'\\]|\\u\{[0-9a-fA-F]{1,6}\})'/u.exec(src.text.slice(at, at + 12));
  if (!m) return [];
  const end = at + m[0].length;
  // The literal must be the whole operand: what follows ends the comparison.
  if (!/^\s*(?:$|[),;{}\]]|&&|\|\||=>)/.test(src.masked.slice(end, end + 40))) return [];
  const body = m[1] ?? '';
  const inner = body === "\\'" ? "'" : body === '"' ? '\\"' : body;
  return [edit(input, at, end, `"${inner}"`)];
};

/**
 * E0277 "cannot add `bool` to `usize`" (and the other arithmetic operators): the right operand of the operator at the
 * primary span is a `bool`; `to::from(…)` (0 or 1, std's lossless `From<bool>`) makes it the number the operator
 * needs. The operand must be a parenthesised group or a plain place (`cost`, `self.flag`).
 */
const fromOperand: ActionFn = (input) => {
  const to = input.params.to?.trim() ?? '';
  if (!/^(?:[iu](?:8|16|32|64|128|size)|f32|f64)$/.test(to)) return [];
  const p = primary(input);
  if (!p || !/^[-+*/]=?$/.test(textOf(input, p))) return [];
  const { src } = input;
  const at = src.skipSpace(p.end);
  if (src.masked[at] === '(') {
    const close = src.closeOf(at);
    if (close < 0) return [];
    return [edit(input, at, at, `${to}::from`)];
  }
  const m = /^[a-z_]\w*(?:\.[a-z_]\w*)*/.exec(src.masked.slice(at, at + 200));
  if (!m) return [];
  const end = at + m[0].length;
  if (/^\s*(?:[([.?]|as\b)/.test(src.masked.slice(end, end + 4))) return [];
  return [edit(input, at, at, `${to}::from(`), edit(input, end, end, ')')];
};

/**
 * E0599 `format` called as a fn or method that does not exist: `String::format("{}", x)` → `format!("{}", x)`, and
 * `"{} items".format(n)` (a string literal receiver) → `format!("{} items", n)`. std has one `format`, the macro.
 */
const formatMacro: ActionFn = (input) => {
  const p = primary(input);
  if (!p || textOf(input, p) !== 'format') return [];
  const { src } = input;
  const open = src.skipSpace(p.end);
  if (src.masked[open] !== '(') return [];
  const close = src.closeOf(open);
  if (close < 0) return [];
  const path = /String\s*::\s*$/.exec(src.masked.slice(Math.max(0, p.start - 20), p.start));
  if (path) {
    const start = p.start - path[0].length;
    if (/[\w:]/.test(src.masked[start - 1] ?? '')) return [];
    return [edit(input, start, p.end, 'format!')];
  }
  const dot = src.skipSpaceBack(p.start) - 1;
  if (src.masked[dot] !== '.') return [];
  const litEnd = src.skipSpaceBack(dot);
  if (src.masked[litEnd - 1] !== '"') return [];
  const litStart = src.masked.lastIndexOf('"', litEnd - 2);
  if (litStart < 0 || /[\w#]/.test(src.masked[litStart - 1] ?? '')) return [];
  const lit = src.text.slice(litStart, litEnd);
  if (!/^"(?:[^"\\]|\\.)*"$/s.test(lit)) return [];
  const args = src.text.slice(open + 1, close).trim();
  return [edit(input, litStart, close + 1, `format!(${lit}${args === '' ? '' : `, ${args}`})`)];
};

/** Where std defines the methods of `String` and `Vec` (as rustc's note spans name the files). */
const OWNER_FILES: Readonly<Record<string, RegExp>> = { string: /(?:^|\/)alloc\/src\/string\.rs$/, vec: /(?:^|\/)alloc\/src\/vec\/mod\.rs$/ };

/**
 * The argument of a method call does not fit the method but fits its sibling: renames the method (the span rustc labels
 * "arguments to this method are incorrect") from `from` to `to` — `s.push_str(c)` → `s.push(c)`, `v.push(w)` →
 * `v.extend(w)` — and with `borrow: 'true'` borrows the argument (the primary span): `s.push(t)` → `s.push_str(&t)`.
 * Only for a method of std's `String` or `Vec` (`owner`), never a namesake of another type.
 */
const renameCall: ActionFn = (input) => {
  const from = input.params.from?.trim() ?? '';
  const to = input.params.to?.trim() ?? '';
  if (!isIdent(from) || !isIdent(to)) return [];
  const { src } = input;
  const method = input.matched.map((s) => rangeOf(input, s)).find((r): r is Range => r !== null && textOf(input, r) === from);
  const arg = primary(input);
  if (!method || !arg || src.masked[src.skipSpaceBack(method.start) - 1] !== '.') return [];
  // `owner` pins the method to std's `String` or `Vec`: rustc's "method defined here" note points into alloc's source.
  const owner = OWNER_FILES[input.params.owner ?? ''];
  if (!owner || !(input.diagnostic.noteSpans ?? []).some((n) => n.label === 'method defined here' && owner.test(n.file))) return [];
  // The argument must be the call's only argument.
  const open = src.skipSpace(method.end);
  if (src.masked[open] !== '(' || src.skipSpace(open + 1) !== arg.start || src.skipSpace(arg.end) !== src.closeOf(open)) return [];
  const edits = [edit(input, method.start, method.end, to)];
  if (input.params.borrow === 'true') edits.push(...prefixExpr(input, arg, '&'));
  return edits;
};

/**
 * A zero-argument method call that does not exist on the receiver's type, replaced by the one that means the same:
 * `iter.to_vec()` → `iter.collect::<Vec<_>>()`. The primary span must be `from`, written `.from()`.
 */
const replaceMethod: ActionFn = (input) => {
  const from = input.params.from?.trim() ?? '';
  const to = input.params.to?.trim() ?? '';
  if (!isIdent(from) || !/^[a-z_]\w*(?:::<[\w<>_, ]+>)?$/.test(to)) return [];
  const p = primary(input);
  if (!p || textOf(input, p) !== from) return [];
  const { src } = input;
  if (src.masked[src.skipSpaceBack(p.start) - 1] !== '.') return [];
  const open = src.skipSpace(p.end);
  if (src.masked[open] !== '(' || src.masked.slice(open + 1, src.closeOf(open)).trim() !== '') return [];
  return [edit(input, p.start, p.end, to)];
};

/** Every built-in action by name. */
// ---------------------------------------------------------------------------------------------------------
// Ownership, trait-impl signatures and derives (2026-12-05, issue 14 item 4)

/** The note span in this file whose label (its note's message) matches `re`. */
function noteRange(input: ActionInput, re: RegExp): Range | null {
  const s = (input.diagnostic.noteSpans ?? []).find((n) => re.test(n.label ?? ''));
  return s ? rangeOf(input, s) : null;
}

/** The span (primary or secondary) in this file whose label matches `re`. */
function labelledRange(input: ActionInput, re: RegExp): Range | null {
  const s = input.diagnostic.spans.find((n) => re.test(n.label ?? ''));
  return s ? rangeOf(input, s) : null;
}

/** True when index `i` lies in an inherent `impl` block (not `impl Trait for Type`), whose methods the file owns. */
function inInherentImpl(src: RustText, i: number): boolean {
  const impl = scopesAt(src, i).find((s) => s.keyword === 'impl');
  if (!impl) return false;
  return !/\bfor\b/.test(src.masked.slice(impl.generics ? impl.generics[1] + 1 : impl.start + 4, impl.headerEnd));
}

/**
 * E0507 / E0382: a method of an inherent impl of this file takes `self` by value and is called on borrowed content
 * (or on a value used again). When rustc's note points at that `self`, the method is made to take `&self`; it
 * compiles only if the body never moves out of `self`, and every caller that could call it before still can
 * (auto-ref). Never for `into_*` methods or a type with a destructor.
 */
const borrowReceiverAtDefinition: ActionFn = (input) => {
  const r = noteRange(input, /takes ownership of the receiver `self`/);
  if (!r || textOf(input, r) !== 'self') return [];
  const { src } = input;
  const before = src.masked.slice(Math.max(0, r.start - 8), r.start);
  // `mut self`, `&self` or a typed `self: Box<Self>` are other shapes.
  if (/(?:\bmut\s+|&\s*)$/.test(before) || src.masked[src.skipSpace(r.end)] === ':') return [];
  if (src.masked[src.skipSpaceBack(r.start) - 1] !== '(') return [];
  // `into_*` consumes by convention (Rust API guidelines, C-CONV): the caller is what has to change.
  if (/\bfn\s+into_\w*\s*(?:<[^(]*>)?\s*\($/.test(src.masked.slice(Math.max(0, r.start - 120), src.skipSpaceBack(r.start)))) return [];
  if (!inInherentImpl(src, r.start)) return [];
  // A type with a destructor: consuming `self` may be how the method releases it (`fn close(self) {}`).
  const impl = scopesAt(src, r.start).find((s) => s.keyword === 'impl');
  const selfType = impl ? /([A-Za-z_]\w*)\s*(?:<[^{]*)?$/.exec(src.masked.slice(impl.generics ? impl.generics[1] + 1 : impl.start + 4, impl.headerEnd).trim())?.[1] : undefined;
  if (!selfType || new RegExp(`\\bimpl\\b[^{;]*\\bDrop\\s+for\\s+${selfType}\\b`).test(src.masked)) return [];
  return [edit(input, r.start, r.start, '&')];
};

/** The `#[derive(…)]` list directly above the item whose keyword is at `kw`: [open paren, close paren], or null. */
function deriveListAbove(src: RustText, kw: number): [number, number] | null {
  const vis = /(?:\bpub\s*(?:\([^)]*\))?\s*)$/.exec(src.masked.slice(Math.max(0, kw - 30), kw));
  let at = src.skipSpaceBack(kw - (vis ? vis[0].length : 0));
  while (at > 0 && src.masked[at - 1] === ']') {
    const pair = src.pairs().find((q) => q.kind === '[' && q.close === at - 1);
    if (!pair || src.masked[pair.open - 1] !== '#') return null;
    const d = /^\[\s*derive\s*\(/.exec(src.masked.slice(pair.open, pair.close));
    if (d) {
      const open = pair.open + d[0].length - 1;
      const close = src.closeOf(open);
      return close > 0 ? [open, close] : null;
    }
    at = src.skipSpaceBack(pair.open - 1);
  }
  return null;
}

/** Edits removing entry `name` from the derive list `[open, close]`; the whole attribute when it is the only one. */
function removeFromDerive(input: ActionInput, list: [number, number], name: string): FileEdit[] {
  const { src } = input;
  const pieces = splitTopLevel(src.masked.slice(list[0] + 1, list[1]));
  const entries = pieces.map(([off, p]) => ({ start: list[0] + 1 + off, text: p })).filter((p) => p.text.trim() !== '');
  const k = entries.findIndex((p) => (p.text.trim().split('::').pop() ?? '') === name);
  if (k < 0) return [];
  if (entries.length === 1) {
    // `#[derive(Copy)]` alone: drop the attribute and its line.
    const hash = src.masked.lastIndexOf('#', list[0]);
    const close = src.closeOf(hash + 1);
    if (hash < 0 || close < 0) return [];
    const lineStart = src.lineStart(hash);
    const onlyThere = src.masked.slice(lineStart, hash).trim() === '' && src.masked[close + 1] === '\n';
    return onlyThere ? [edit(input, lineStart, close + 2, '')] : [edit(input, hash, src.skipSpace(close + 1), '')];
  }
  const entry = entries[k] as { start: number; text: string };
  const start = src.skipSpace(entry.start);
  const end = entry.start + entry.text.length;
  if (k < entries.length - 1) return [edit(input, start, src.skipSpace(end + 1), '')];
  // The last entry: remove it with the comma before it.
  const comma = src.masked.lastIndexOf(',', start);
  return [edit(input, comma, end, '')];
}

/**
 * Removes a derived trait. `at: primary`: the primary span is the trait's name inside a `#[derive(…)]` (E0119: a
 * manual impl of the same trait exists, and the author's own impl is kept). Otherwise `trait` is removed from the
 * derive list of the struct/enum whose name is the primary span (E0204, E0184: `Copy` the type cannot have).
 */
const removeDeriveTrait: ActionFn = (input) => {
  const p = primary(input);
  if (!p) return [];
  const { src } = input;
  const name = textOf(input, p);
  if (!isIdent(name)) return [];
  if (input.params.at === 'primary') {
    const list = src.pairs().find((q) => q.kind === '(' && q.open < p.start && p.end <= q.close && /#\[\s*derive\s*$/.test(src.masked.slice(Math.max(0, q.open - 12), q.open)));
    if (!list) return [];
    return removeFromDerive(input, [list.open, list.close], name);
  }
  const trait = input.params.trait?.trim() ?? '';
  if (!isIdent(trait)) return [];
  const kw = /\b(?:struct|enum|union)\s+$/.exec(src.masked.slice(Math.max(0, p.start - 20), p.start));
  if (!kw) return [];
  // A generic type: the missing `Copy` may be a bound on a parameter instead (another pattern's shape).
  if (src.masked[src.skipSpace(p.end)] === '<') return [];
  const list = deriveListAbove(src, p.start - kw[0].length);
  return list ? removeFromDerive(input, list, trait) : [];
};

/** The parameter list `(…)` of the fn signature at `r` (a span starting at or before `fn`): [open, close]. */
function fnParams(src: RustText, r: Range): [number, number] | null {
  const m = /\bfn\s+[A-Za-z_]\w*\s*(?:<[^(]*>\s*)?\(/.exec(src.masked.slice(r.start, r.end + 1));
  if (!m) return null;
  const open = r.start + m.index + m[0].length - 1;
  const close = src.closeOf(open);
  return close > 0 ? [open, close] : null;
}

/** E0186: the trait declares a receiver the impl method lacks; the impl takes the receiver the message names. */
const addReceiver: ActionFn = (input) => {
  const receiver = input.params.receiver?.trim() ?? '';
  if (!/^(?:&(?:'[a-z_]\w*\s+)?(?:mut\s+)?)?self$/.test(receiver)) return [];
  const p = primary(input);
  if (!p) return [];
  const params = fnParams(input.src, p);
  if (!params) return [];
  const inner = input.src.masked.slice(params[0] + 1, params[1]);
  if (/\bself\b/.test(inner)) return [];
  return [edit(input, params[0] + 1, params[0] + 1, inner.trim() === '' ? receiver : `${receiver}, `)];
};

/** E0185: the impl method has a receiver the trait's declaration lacks; the receiver is removed from the impl. */
const removeReceiver: ActionFn = (input) => {
  const p = primary(input);
  if (!p) return [];
  const { src } = input;
  const params = fnParams(src, p);
  if (!params) return [];
  const first = splitTopLevel(src.masked.slice(params[0] + 1, params[1]))[0];
  if (!first || !/^\s*(?:&(?:'[a-z_]\w*\s+)?(?:mut\s+)?|mut\s+)?self\s*$/.test(first[1])) return [];
  const start = params[0] + 1;
  const end = start + first[1].length;
  const next = src.masked[end] === ',' ? src.skipSpace(end + 1) : end;
  return [edit(input, start, next, '')];
};

/** Normalises a type or parameter text for comparison (whitespace only). */
function squash(s: string): string {
  return s.replace(/\s+/g, ' ').replace(/\s*([<>(),&:])\s*/g, '$1').trim();
}

/**
 * E0050: the impl method has fewer parameters than the trait declares. When the impl's parameters are a prefix of
 * the trait's (same types in the same order), the missing ones are appended unused (`_name: Type`) — the trait fixes
 * the signature; the body is left alone. The trait's declaration must be in this file (rustc's secondary span).
 */
const paramsFromTrait: ActionFn = (input) => {
  const p = primary(input);
  const t = labelledRange(input, /^trait requires \d+ parameters?$/);
  if (!p || !t) return [];
  const { src } = input;
  const types = (pieces: string[]): string[] => pieces.map((x) => (/\bself$/.test(x.trim()) ? squash(x) : squash(x.slice(x.indexOf(':') + 1))));
  const implPieces = splitTopLevel(src.masked.slice(p.start, p.end)).map(([, x]) => x).filter((x) => x.trim() !== '');
  const traitPieces = splitTopLevel(src.text.slice(t.start, t.end)).map(([, x]) => x).filter((x) => x.trim() !== '');
  if (implPieces.length >= traitPieces.length) return [];
  const ti = types(traitPieces);
  if (types(implPieces).some((ty, k) => ty !== ti[k])) return [];
  const extra: string[] = [];
  for (const piece of traitPieces.slice(implPieces.length)) {
    const m = /^\s*(?:mut\s+)?([A-Za-z_]\w*)\s*:\s*([\s\S]+?)\s*$/.exec(piece);
    if (!m || /\bself\b/.test(piece)) return [];
    const name = m[1] === '_' || (m[1] ?? '').startsWith('_') ? (m[1] ?? '_') : `_${m[1] ?? ''}`;
    extra.push(`${name}: ${m[2] ?? ''}`);
  }
  const sep = implPieces.length === 0 ? '' : ', ';
  const end = src.skipSpaceBack(p.end);
  return [edit(input, end, end, `${sep}${extra.join(', ')}`)];
};

/**
 * E0107 "missing generics" on the self type of an `impl` header: the impl is made generic over the type's own
 * parameters, copied from its definition in this file (`struct G<T: Clone>` → `impl<T: Clone> G<T>`), defaults dropped.
 */
const implGenericsFromDefinition: ActionFn = (input) => {
  const p = primary(input);
  if (!p) return [];
  const { src } = input;
  const name = textOf(input, p);
  if (!isIdent(name) || src.masked[src.skipSpace(p.end)] === '<') return [];
  const impl = scopesAt(src, p.start).find((s) => s.keyword === 'impl');
  if (!impl || p.end > impl.headerEnd || impl.generics) return [];
  if (!/^impl\s/.test(src.masked.slice(impl.start, impl.start + 5))) return [];
  const defs = itemScopes(src).filter((s) => (s.keyword === 'struct' || s.keyword === 'enum' || s.keyword === 'union') && s.name === name);
  if (defs.length !== 1) return [];
  const g = defs[0]?.generics;
  if (!g) return [];
  const decl: string[] = [];
  const args: string[] = [];
  for (const [, piece] of splitTopLevel(src.text.slice(g[0] + 1, g[1]))) {
    const text = piece.trim();
    if (text === '') continue;
    const noDefault = splitTopLevel(text, '=')[0]?.[1].trim() ?? '';
    const m = /^(?:const\s+)?('?[A-Za-z_]\w*)/.exec(noDefault);
    if (!m) return [];
    decl.push(noDefault);
    args.push(m[1] ?? '');
  }
  if (args.length === 0) return [];
  const implKw = impl.start + 4;
  return [edit(input, implKw, implKw, `<${decl.join(', ')}>`), edit(input, p.end, p.end, `<${args.join(', ')}>`)];
};

/**
 * E0277 Display: the value has no `Display`, and rustc notes that `{:?}` may do; the formatting parameter rustc
 * points at (`{}`, `{name}`, `{:>8}`) asks for `Debug` instead. Only when it has no other formatting trait.
 */
const debugPlaceholder: ActionFn = (input) => {
  const r = labelledRange(input, /^required by this formatting parameter$/);
  if (!r) return [];
  const text = textOf(input, r);
  const m = /^\{([A-Za-z_]\w*|\d+)?(?::([^}]*))?\}$/.exec(text);
  if (!m) return [];
  const spec = m[2];
  if (spec === undefined) return [edit(input, r.end - 1, r.end - 1, ':?')];
  if (/[?xXeEobp]$/.test(spec)) return [];
  return [edit(input, r.end - 1, r.end - 1, '?')];
};

/**
 * E0207: an impl type parameter that nothing in the impl uses (not the self type, the trait, a where clause or any
 * item) is removed from `impl<…>`; an unconstrained parameter that is used elsewhere in the impl is a design question.
 */
const removeUnusedImplParam: ActionFn = (input) => {
  const p = primary(input);
  if (!p) return [];
  const { src } = input;
  const name = textOf(input, p);
  if (!/^[A-Z]\w*$/.test(name)) return [];
  const impl = scopesAt(src, p.start).find((s) => s.keyword === 'impl');
  if (!impl?.generics || p.start < impl.generics[0] || p.end > impl.generics[1]) return [];
  const [open, close] = impl.generics;
  const uses = [...src.masked.slice(close + 1, impl.end).matchAll(new RegExp(`(?<![\\w'])${name}(?!\\w)`, 'g'))];
  if (uses.length > 0) return [];
  const pieces = splitTopLevel(src.masked.slice(open + 1, close)).filter(([, x]) => x.trim() !== '');
  const k = pieces.findIndex(([off, x]) => open + 1 + off + x.indexOf(x.trim()) === p.start);
  if (k < 0) return [];
  // Another parameter's bound naming it (`U: From<T>`) keeps it.
  if (pieces.some(([, x], j) => j !== k && new RegExp(`(?<![\\w'])${name}(?!\\w)`).test(x))) return [];
  if (pieces.length === 1) return [edit(input, open, close + 1, '')];
  const [off, piece] = pieces[k] as [number, string];
  const start = open + 1 + off;
  const end = start + piece.length;
  if (k < pieces.length - 1) return [edit(input, src.skipSpace(start), src.skipSpace(end + 1), '')];
  return [edit(input, start - 1, end, '')];
};

/** Index of the `;` ending the statement that starts at or contains `from`, skipping bracketed groups; -1 if none before `limit`. */
function statementEnd(src: RustText, from: number, limit: number): number {
  for (let i = from; i < limit; i++) {
    const ch = src.masked[i];
    if (ch === '(' || ch === '[' || ch === '{') {
      const close = src.closeOf(i);
      if (close < 0) return -1;
      i = close;
    } else if (ch === ';') return i;
  }
  return -1;
}

/** True when the `{` at `open` starts a bare block statement (after `;`, `{` or `}`), not a body or an expression. */
function isBareBlock(src: RustText, open: number): boolean {
  const before = src.masked[src.skipSpaceBack(open) - 1];
  return before === ';' || before === '{' || before === '}';
}

/**
 * E0597: a local borrowed past the end of the bare block that declares it. When its `let` is the block's first
 * statement (so moving it changes no order of evaluation) and its name appears nowhere else in the enclosing block,
 * the `let` moves to just before the block: the local then lives as long as the borrow needs; nothing else moves.
 */
const hoistBorrowedLocal: ActionFn = (input) => {
  const decl = labelledRange(input, /^binding `\w+` declared here$/);
  const dropped = labelledRange(input, /^`\w+` dropped here while still borrowed$/);
  if (!decl || !dropped) return [];
  const { src } = input;
  const name = textOf(input, decl);
  if (!isIdent(name)) return [];
  const head = /\blet\s+(?:mut\s+)?$/.exec(src.masked.slice(Math.max(0, decl.start - 12), decl.start));
  if (!head) return [];
  const letAt = decl.start - head[0].length;
  const block = src.enclosingBraces(letAt)[0];
  if (!block || block.close !== dropped.start || src.skipSpace(block.open + 1) !== letAt || !isBareBlock(src, block.open)) return [];
  const outer = src.enclosingBraces(block.open)[0];
  if (!outer) return [];
  const nameRe = new RegExp(`(?<![\\w'])${name}(?!\\w)`);
  if (nameRe.test(src.masked.slice(outer.open + 1, block.open)) || nameRe.test(src.masked.slice(block.close + 1, outer.close))) return [];
  const end = statementEnd(src, decl.end, block.close);
  if (end < 0) return [];
  const stmt = src.text.slice(letAt, end + 1);
  return [edit(input, block.open, block.open, `${stmt}\n${src.indentAt(block.open)}`), edit(input, letAt, src.skipSpace(end + 1), '')];
};

/**
 * E0434: a nested `fn` reads a local of the enclosing function, which only a closure can capture. A plain nested fn
 * (no generics, attributes, qualifiers or recursion, used only after its definition) becomes `let name = |params|
 * -> Ret { body };` with the same parameters, return type and body.
 */
const innerFnToClosure: ActionFn = (input) => {
  const p = primary(input);
  if (!p) return [];
  const { src } = input;
  const fns = scopesAt(src, p.start).filter((s) => s.keyword === 'fn');
  const inner = fns[0];
  const outerFn = fns[1];
  if (!inner || !outerFn || inner.generics || src.masked[inner.headerEnd] !== '{') return [];
  if (!isBareBlock(src, inner.start)) return [];
  const m = /^fn\s+([a-z_]\w*)\s*\(/.exec(src.masked.slice(inner.start, inner.headerEnd));
  if (!m) return [];
  const name = m[1] ?? '';
  const open = inner.start + m[0].length - 1;
  const close = src.closeOf(open);
  if (close < 0 || close > inner.headerEnd) return [];
  const params = src.text.slice(open + 1, close).trim();
  if (/\bself\b/.test(params)) return [];
  const ret = src.text.slice(close + 1, inner.headerEnd).trim();
  if (ret !== '' && !/^->\s*[^{]+$/.test(ret)) return [];
  // A closure's return type cannot be `impl Trait`, and a where clause has no closure form.
  if (/\b(?:where|impl)\b/.test(ret)) return [];
  const nameRe = new RegExp(`(?<![\\w.:])${name}(?!\\w)`);
  // Recursion, or a use before the definition (fn items are visible in the whole block; a `let` is not).
  if (nameRe.test(src.masked.slice(inner.headerEnd, inner.end))) return [];
  const outerBody = src.enclosingBraces(inner.start)[0];
  if (!outerBody || nameRe.test(src.masked.slice(outerBody.open + 1, inner.start))) return [];
  const head = `let ${name} = |${params}|${ret === '' ? '' : ` ${ret}`} `;
  return [edit(input, inner.start, inner.headerEnd, head), edit(input, inner.end + 1, inner.end + 1, ';')];
};

/**
 * Lifetime errors without a code ("lifetime may not live long enough") where rustc's help names the outlives bound
 * the body needs (`'b: 'a`): the bound is added where `'b` is declared (the fn's or its impl's generics).
 */
const addLifetimeBound: ActionFn = (input) => {
  const m = /^('[a-z_]\w*): ('[a-z_]\w*)$/.exec(input.params.bound?.trim() ?? '');
  const p = primary(input);
  if (!m || !p) return [];
  const [, short, long] = m as unknown as [string, string, string];
  const { src } = input;
  for (const scope of scopesAt(src, p.start)) {
    if (!scope.generics || (scope.keyword !== 'fn' && scope.keyword !== 'impl')) continue;
    const [open, close] = scope.generics;
    for (const [off, piece] of splitTopLevel(src.masked.slice(open + 1, close))) {
      const d = new RegExp(`^\\s*${short}(?!\\w)(\\s*:\\s*[^,]*)?\\s*$`).exec(piece);
      if (!d) continue;
      if (d[1] !== undefined && new RegExp(`${long}(?!\\w)`).test(d[1])) return [];
      const at = open + 1 + off + piece.trimEnd().length;
      return [edit(input, at, at, d[1] === undefined ? `: ${long}` : ` + ${long}`)];
    }
  }
  return [];
};

/** Appends `.clone()` at the note span whose label (its note's message) matches `params.note`. */
const cloneAtNote: ActionFn = (input) => {
  let re: RegExp;
  try {
    re = new RegExp(input.params.note ?? '^$');
  } catch {
    return [];
  }
  const r = noteRange(input, re);
  return r ? appendPostfix(input, r, '.clone()') : [];
};

/**
 * Derives the list of std traits rustc asks for (`PartialEq, PartialOrd`) through the one trait of the list whose
 * required derives cover the others (`PartialOrd` needs `PartialEq`); a list no single trait covers gets no proposal.
 */
const addDeriveCovering: ActionFn = (input) => {
  const list = (input.params.traits ?? '').split(',').map((t) => t.trim()).filter((t) => t !== '');
  if (list.length === 0 || list.some((t) => DERIVABLE[t] === undefined)) return [];
  const top = list.find((t) => list.every((u) => u === t || (DERIVABLE[t] ?? []).includes(u)));
  return top ? addDerive({ ...input, params: { ...input.params, trait: top } }) : [];
};

/**
 * E0507 on an `Option` field behind `&mut` (`let next = self.next;`, or the fn's returned value): the value is taken
 * out with `.take()`, leaving `None` — what the move meant, since a moved-from place cannot be read until it is
 * assigned again. Only where the place is a whole `let` initialiser or the returned value, never a match scrutinee
 * or an argument (there the author may have meant a borrow).
 */
const takeOptionPlace: ActionFn = (input) => {
  const p = primary(input);
  if (!p) return [];
  const { src } = input;
  const text = textOf(input, p);
  if (!/^(?:self|[a-z_]\w*)(?:\.[a-z_]\w*)+$/.test(text)) return [];
  const before = src.masked.slice(Math.max(0, p.start - 200), p.start);
  const after = src.masked[src.skipSpace(p.end)];
  const letInit = /\blet\s+(?:mut\s+)?[a-z_]\w*\s*(?::[^=;{}]+)?=\s*$/.test(before) && after === ';';
  const returned = /\breturn\s+$/.test(before) && (after === ';' || after === '}');
  const tail = /[;{]\s*$/.test(before) && after === '}' && scopesAt(src, p.start)[0]?.keyword === 'fn' && src.enclosingBraces(p.start)[0]?.close === scopesAt(src, p.start)[0]?.end;
  if (!letInit && !returned && !tail) return [];
  return [edit(input, p.end, p.end, '.take()')];
};

export const ACTIONS: Readonly<Record<ActionName, ActionFn>> = {
  insert_use: insertUse,
  add_bound: addBound,
  add_move_to_closure: addMoveToClosure,
  add_mut_to_binding: addMutToBinding,
  borrow_at_span: borrowAtSpan,
  clone_at_span: cloneAtSpan,
  to_owned_at_span: toOwnedAtSpan,
  into_at_span: intoAtSpan,
  deref_at_span: derefAtSpan,
  ref_binding: refBinding,
  missing_match_arms: missingMatchArms,
  missing_struct_fields: missingStructFields,
  make_pub: makePub,
  add_lifetime: addLifetime,
  remove_semicolon: removeSemicolon,
  replace_primary: replacePrimary,
  rename_declaration: renameDeclaration,
  hoist_temporary: hoistTemporary,
  insert_method_call: insertMethodCall,
  append_method_call: appendMethodCall,
  call_method: callMethod,
  remove_prefix: removePrefix,
  remove_arguments: removeArguments,
  remove_mut: removeMut,
  make_field_pub: makeFieldPub,
  declare_generic: declareGeneric,
  add_derive: addDerive,
  mut_ref_binding: mutRefBinding,
  add_return_type: addReturnType,
  add_semicolon: addSemicolon,
  lifetime_on_param: lifetimeOnParam,
  wrap_expr: wrapExpr,
  call_value: callValue,
  char_to_str: charToStr,
  make_async: makeAsync,
  replace_type: replaceType,
  add_rest_pattern: addRestPattern,
  clone_into_closure: cloneIntoClosure,
  insert_before_try: insertBeforeTry,
  append_unit_tail: appendUnitTail,
  convert_lossless: convertLossless,
  remove_method_call: removeMethodCall,
  map_lossless_before_call: mapLosslessBeforeCall,
  accessor_to_mut: accessorToMut,
  rename_shadowing_lifetime: renameShadowingLifetime,
  // Ownership, trait-impl signatures and derives (2026-12-05).
  borrow_receiver_at_definition: borrowReceiverAtDefinition,
  remove_derive_trait: removeDeriveTrait,
  add_receiver: addReceiver,
  remove_receiver: removeReceiver,
  params_from_trait: paramsFromTrait,
  impl_generics_from_definition: implGenericsFromDefinition,
  debug_placeholder: debugPlaceholder,
  remove_unused_impl_param: removeUnusedImplParam,
  hoist_borrowed_local: hoistBorrowedLocal,
  inner_fn_to_closure: innerFnToClosure,
  add_lifetime_bound: addLifetimeBound,
  clone_at_note: cloneAtNote,
  add_derive_covering: addDeriveCovering,
  fix_path_segment: fixPathSegment,
  append_call: appendCall,
  wrap_call: wrapCall,
  cast_to_method: castToMethod,
  lazy_static: lazyStatic,
  empty_string_new: emptyStringNew,
  owned_string_binding: ownedStringBinding,
  char_operand_to_str: charOperandToStr,
  from_operand: fromOperand,
  format_macro: formatMacro,
  rename_call: renameCall,
  replace_method: replaceMethod,
  take_option_place: takeOptionPlace,
};

/** Names of the built-in actions (for the schema). */
export const ACTION_NAMES = Object.keys(ACTIONS) as ActionName[];
