/**
 * The graph as a safety check (what no compiler gives): compares the public interface of the edited files before
 * and after a candidate, and flags edits to tests and new panic paths. Each finding makes the candidate at most
 * amber: it is shown, never applied automatically. Pure: it takes the parser's facts, never reads a file.
 */
import type { Diagnostic } from '../diagnostics/types.js';
import type { FileFacts, ItemFact } from '../isg/facts.js';
import type { FileEdit } from './types.js';
import { occurrences } from './rust-text.js';

/** One public entry of a file's interface: its identity and what callers depend on. */
interface PublicEntry {
  id: string;
  /** Signature, bounds and derives, for the narrowing check. */
  shape: { signature: string; bounds: string[]; derives: string[] };
  line: number;
  endLine: number;
}

function itemId(facts: FileFacts, item: ItemFact): string {
  const parent = item.parent !== undefined ? facts.items[item.parent] : undefined;
  const owner = parent ? `${parent.traitText ? `<${parent.selfText ?? ''} as ${parent.traitText}>` : (parent.selfText ?? '')}::` : '';
  return `${item.kind} ${[...item.mods, `${owner}${item.name}`].join('::')}`;
}

/** `pub(crate)`, `pub(super)`, `pub(self)`, `pub(in …)`: visible inside the crate only. */
const RESTRICTED = /^pub\s*\(/;

/** True when callers outside the crate can name the item (plain pub itself, and pub or trait-impl parent). */
function isPublic(facts: FileFacts, item: ItemFact): boolean {
  if (item.kind === 'impl') return false;
  const parent = item.parent !== undefined ? facts.items[item.parent] : undefined;
  if (parent?.kind === 'impl' && parent.traitText) return false; // trait impls are covered by the trait
  if (parent?.kind === 'trait') return true;
  return item.public && !RESTRICTED.test(item.signature);
}

/** Splits `text` at commas outside (), [], {} and <> (a `->` is not a closing angle). */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '(' || ch === '[' || ch === '{' || ch === '<') depth++;
    else if (ch === ')' || ch === ']' || ch === '}' || (ch === '>' && text[i - 1] !== '-')) depth--;
    else if (ch === ',' && depth === 0) {
      parts.push(text.slice(from, i));
      from = i + 1;
    }
  }
  parts.push(text.slice(from));
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}

/**
 * The part of a struct's or union's signature callers outside the crate depend on: the header and its plain-`pub`
 * fields (from their `pub`, so field docs and attributes do not count), plus `..` when it has any other field
 * (which forbids struct literals outside the crate). Narrowing a `pub(crate)` or private field leaves it unchanged.
 */
export function publicFieldShape(signature: string): string {
  let open = -1;
  let close = -1;
  if (signature.endsWith('}')) {
    close = signature.length - 1;
    let depth = 0;
    for (let i = close; i >= 0; i--) {
      if (signature[i] === '}') depth++;
      else if (signature[i] === '{' && --depth === 0) {
        open = i;
        break;
      }
    }
  } else {
    // A tuple struct: the first `(` outside the generics (a where clause follows the fields).
    const name = /\b(?:struct|union)\s+(?:r#)?[A-Za-z_]\w*/.exec(signature);
    let depth = 0;
    for (let i = name ? name.index + name[0].length : signature.length; i < signature.length; i++) {
      const ch = signature[i];
      if (ch === '<') depth++;
      else if (ch === '>' && signature[i - 1] !== '-') depth--;
      else if (depth === 0 && ch === ';') break;
      else if (depth === 0 && ch === '(') {
        open = i;
        let d = 0;
        for (let j = i; j < signature.length; j++) {
          if (signature[j] === '(') d++;
          else if (signature[j] === ')' && --d === 0) {
            close = j;
            break;
          }
        }
        break;
      }
    }
  }
  if (open < 0 || close < 0) return signature;
  const fields = splitTopLevel(signature.slice(open + 1, close));
  const kept: string[] = [];
  let hidden = false;
  for (const f of fields) {
    const m = /(?:^|\s)pub\s+(?!\()/.exec(f);
    if (m) kept.push(f.slice(m.index).trim());
    else hidden = true;
  }
  if (hidden) kept.push('..');
  return `${signature.slice(0, open + 1)} ${kept.join(', ')} ${signature.slice(close)}`;
}

/** The public interface of one file: pub items (with their shape) and pub re-exports. */
export function publicInterface(facts: FileFacts): Map<string, PublicEntry> {
  const out = new Map<string, PublicEntry>();
  for (const item of facts.items) {
    if (!isPublic(facts, item)) continue;
    out.set(itemId(facts, item), {
      id: itemId(facts, item),
      shape: { signature: item.kind === 'struct' || item.kind === 'union' ? publicFieldShape(item.signature) : item.signature, bounds: [...item.bounds].sort(), derives: item.derives.map((d) => d.join('::')).sort() },
      line: item.line,
      endLine: item.endLine,
    });
  }
  for (const u of facts.uses) {
    if (!u.public) continue;
    const id = `use ${[...u.mods, ...u.path].join('::')}${u.glob ? '::*' : ''}${u.alias ? ` as ${u.alias}` : ''}`;
    out.set(id, { id, shape: { signature: id, bounds: [], derives: [] }, line: u.line, endLine: u.line });
  }
  return out;
}

/** Whether a targeted error lies inside [line, endLine] of `file`: the item's own definition is the cause. */
function errorInside(targets: readonly Diagnostic[], file: string, line: number, endLine: number): boolean {
  return targets.some((d) => d.primary !== null && d.primary.file === file && d.primary.lineStart >= line && d.primary.lineStart <= endLine);
}

/**
 * Public-API findings for one edited file: a pub item or re-export removed (or made private), a derive removed,
 * a signature or bound changed — unless a targeted error lies in that item's own definition.
 */
export function publicApiFindings(file: string, before: FileFacts, after: FileFacts, targets: readonly Diagnostic[]): string[] {
  const a = publicInterface(before);
  const b = publicInterface(after);
  const out: string[] = [];
  for (const [id, old] of a) {
    if (errorInside(targets, file, old.line, old.endLine)) continue;
    const now = b.get(id);
    if (!now) {
      out.push(`removes or hides public ${id} (${file}:${old.line})`);
      continue;
    }
    const lostDerives = old.shape.derives.filter((d) => !now.shape.derives.includes(d));
    if (lostDerives.length > 0) out.push(`removes derive ${lostDerives.join(', ')} from public ${id} (${file}:${old.line})`);
    if (old.shape.signature !== now.shape.signature || old.shape.bounds.join('|') !== now.shape.bounds.join('|')) {
      out.push(`changes the signature or bounds of public ${id} (${file}:${old.line})`);
    }
  }
  return out;
}

const TEST_ATTR = /#\[\s*(?:[\w:]+::)?test\b/;

/** Whether lines [line, endLine] of `text` hold a test: a `#[test]`-style attribute on the item, or a test module. */
function isTestItem(text: string, item: ItemFact): boolean {
  if (item.mods.some((m) => m === 'tests' || m === 'test')) return true;
  const head = text.split('\n').slice(item.line - 1, item.endLine).join('\n');
  const sig = head.indexOf('fn ');
  return TEST_ATTR.test(sig >= 0 ? head.slice(0, sig) : head);
}

/** Byte offset → 1-based line. */
function lineAt(text: string, byte: number): number {
  const bytes = new TextEncoder().encode(text);
  let line = 1;
  for (let i = 0; i < byte && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/**
 * True when the edit only renames a `let` binding that nothing in the item refers to: the name after `let` (or
 * `let mut`) is replaced by another name. No expression of the test changes meaning (the old name was used
 * nowhere; uses of the new name did not resolve before, or the candidate would not compile), so it asserts what it
 * asserted — a renamed local in a test is fixed in the test, where the error is.
 */
function renamesUnusedBinding(text: string, item: ItemFact, e: FileEdit, replaced: string): boolean {
  const ident = /^[A-Za-z_][A-Za-z0-9_]*$/;
  if (!ident.test(replaced) || !ident.test(e.replacement)) return false;
  const bytes = new TextEncoder().encode(text);
  const lineStart = bytes.lastIndexOf(0x0a, e.byteStart - 1) + 1;
  const before = new TextDecoder().decode(bytes.slice(lineStart, e.byteStart));
  if (!/\blet\s+(?:mut\s+)?$/.test(before)) return false;
  const body = text.split('\n').slice(item.line - 1, item.endLine).join('\n');
  return occurrences(body, replaced, 0, body.length).length === 1;
}

/**
 * True when the edit only deletes a `?` that rustc reports as applied to a value that is not `Try` (one of the
 * targets): such a `?` can do nothing, so the expression keeps its value and the test asserts what it asserted.
 */
function dropsInertTry(file: string, e: FileEdit, replaced: string, targets: readonly Diagnostic[]): boolean {
  if (replaced !== '?' || e.replacement !== '') return false;
  return targets.some((d) => d.primary?.file === file && /^the `\?` operator can only be applied to values that implement `Try`$/.test(d.message) && d.primary.byteStart <= e.byteStart && e.byteStart <= d.primary.byteEnd);
}

/** Test-edit findings: an edit inside a test function, a test module, a `tests/` file, or a doc comment (doctest). */
export function testEditFindings(file: string, text: string, facts: FileFacts, edits: readonly FileEdit[], targets: readonly Diagnostic[] = []): string[] {
  const out = new Set<string>();
  if (/(^|\/)tests\//.test(file)) {
    if (edits.some((e) => e.file === file)) out.add(`edits the test file ${file}`);
    return Array.from(out);
  }
  const lines = text.split('\n');
  const enc = new TextEncoder();
  const dec = new TextDecoder();
  for (const e of edits) {
    if (e.file !== file) continue;
    // Adding an import to a test module changes no assertion: only `use` lines inserted where there was only space.
    const replaced = dec.decode(enc.encode(text).slice(e.byteStart, e.byteEnd));
    if (replaced.trim() === '' && e.replacement.split('\n').every((l) => l.trim() === '' || /^\s*use\s+[^;]+;\s*$/.test(l))) continue;
    const l = lineAt(text, e.byteStart);
    const l2 = lineAt(text, e.byteEnd);
    for (const item of facts.items) {
      if (item.kind !== 'fn' && item.kind !== 'method' && item.kind !== 'mod') continue;
      if (l < item.line || l > item.endLine) continue;
      if (isTestItem(text, item) && !renamesUnusedBinding(text, item, e, replaced) && !dropsInertTry(file, e, replaced, targets)) out.add(`edits the test ${item.name} (${file}:${item.line})`);
    }
    for (let i = l; i <= l2; i++) {
      if (/^\s*\/\/[/!]/.test(lines[i - 1] ?? '')) {
        out.add(`edits a doc comment, which may hold a doctest (${file}:${i})`);
        break;
      }
    }
  }
  return Array.from(out);
}

const PANICS: readonly [RegExp, string][] = [
  [/\.unwrap\(\)/g, '.unwrap()'],
  [/\.expect\(/g, '.expect(..)'],
  [/\btodo!/g, 'todo!'],
  [/\bunimplemented!/g, 'unimplemented!'],
  [/\bunreachable!/g, 'unreachable!'],
  [/\bpanic!/g, 'panic!'],
];

/** Panic-path findings: the candidate's files hold more `unwrap`/`expect`/`todo!`/`unreachable!`/... than before. */
export function panicFindings(before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>, files: readonly string[]): string[] {
  const out: string[] = [];
  for (const f of files) {
    const a = before.get(f) ?? '';
    const b = after.get(f) ?? '';
    for (const [re, name] of PANICS) {
      const n = (a.match(re) ?? []).length;
      const m = (b.match(re) ?? []).length;
      if (m > n) out.push(`inserts a panic path (${name}) in ${f}`);
    }
  }
  return out;
}
