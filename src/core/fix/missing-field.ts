/**
 * The missing-field candidate (E0063) for the two values that are not a guess: a field of type `PhantomData<…>`
 * (its only value is `PhantomData`, so nothing the program computes changes), and a field for which the function
 * already computed a local of the same name that nothing else uses (the shorthand `field` — filling it with a
 * literal instead would compile and silently drop that value). Any other missing field gets no candidate: a value
 * invented for it would change behaviour. The struct must be defined in the same file. Pure: text only.
 */
import type { Diagnostic } from '../diagnostics/types.js';
import { bracePairs, byteToIndex, codeMask, fnBodyAround, indexToByte, occurrences } from './rust-text.js';
import type { Candidate, CandidateSource, FixContext } from './types.js';

/** `missing field `a` in initializer of `S<_>``, `missing fields `a`, `b` and `c` in initializer of `m::S``. */
function parseMessage(message: string): { fields: string[]; struct: string } | null {
  const m = /^missing fields? (.+) in initializer of `([^`]+)`$/.exec(message);
  if (!m || /other field/.test(m[1] ?? '')) return null;
  const fields = Array.from((m[1] ?? '').matchAll(/`([A-Za-z_][A-Za-z0-9_]*)`/g), (x) => x[1] as string);
  const struct = (m[2] ?? '').replace(/<.*$/, '').split('::').pop() ?? '';
  return fields.length > 0 && /^[A-Za-z_]\w*$/.test(struct) ? { fields, struct } : null;
}

/** Field name → type text of `struct name { … }` defined in `text` (code only), or null. */
function structFields(text: string, mask: readonly boolean[], pairs: ReadonlyMap<number, number>, name: string): Map<string, string> | null {
  const re = new RegExp(`\\bstruct\\s+${name}\\b[^{;]*\\{`, 'g');
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (!mask[m.index]) continue;
    const open = m.index + m[0].length - 1;
    const close = pairs.get(open);
    if (close === undefined) return null;
    const out = new Map<string, string>();
    // Fields at depth 0 of the body, split at commas outside <>, (), [] (attributes and doc comments skipped).
    let depth = 0;
    let from = open + 1;
    const parts: string[] = [];
    for (let i = open + 1; i < close; i++) {
      if (!mask[i]) continue;
      const ch = text[i];
      if (ch === '<' || ch === '(' || ch === '[' || ch === '{') depth++;
      else if (ch === '>' && text[i - 1] !== '-') depth--;
      else if (ch === ')' || ch === ']' || ch === '}') depth--;
      else if (ch === ',' && depth === 0) {
        parts.push(text.slice(from, i));
        from = i + 1;
      }
    }
    parts.push(text.slice(from, close));
    for (const raw of parts) {
      const p = raw.replace(/\/\/[^\n]*/g, '').replace(/#\[[^\]]*\]/g, '').trim();
      const f = /^(?:pub(?:\s*\([^)]*\))?\s+)?([A-Za-z_]\w*)\s*:\s*([\s\S]+)$/.exec(p);
      if (f) out.set(f[1] as string, (f[2] as string).trim());
    }
    return out;
  }
  return null;
}

/** The value of a missing field that is not a guess, or null. */
function valueFor(field: string, type: string, text: string, body: [number, number] | null, literalAt: number): string | null {
  const phantom = /^((?:(?:::)?(?:core|std)::marker::)?PhantomData)\s*(?:<[\s\S]*>)?$/.exec(type);
  if (phantom) return `${field}: ${phantom[1] as string}`;
  if (!body) return null;
  // A local of that name, declared in the function before the literal, that nothing else refers to.
  const decls = Array.from(text.slice(body[0], literalAt).matchAll(new RegExp(`\\blet\\s+(?:mut\\s+)?${field}\\s*[:=]`, 'g')));
  if (decls.length !== 1) return null;
  return occurrences(text, field, body[0], body[1]).length === 1 ? field : null;
}

/** The missing-field candidate for diagnostic `index` (E0063), or none. */
export function missingFieldCandidates(diagnostics: readonly Diagnostic[], index: number, files: ReadonlyMap<string, string>): Candidate[] {
  const d = diagnostics[index];
  const parsed = d && d.level === 'error' && d.code === 'E0063' ? parseMessage(d.message) : null;
  if (!d || !d.primary || !parsed) return [];
  const file = d.primary.file;
  const text = files.get(file);
  if (text === undefined) return [];
  const mask = codeMask(text);
  const pairs = bracePairs(text);
  const fields = structFields(text, mask, pairs, parsed.struct);
  if (!fields) return [];
  // The literal's braces: the first code `{` after the struct path the error points at.
  let open = byteToIndex(text, d.primary.byteEnd);
  while (open < text.length && !(mask[open] && text[open] === '{')) open++;
  const close = pairs.get(open);
  if (close === undefined) return [];
  const body = fnBodyAround(text, mask, pairs, open, close);
  const values: string[] = [];
  for (const f of parsed.fields) {
    const type = fields.get(f);
    const v = type === undefined ? null : valueFor(f, type, text, body, open);
    if (v === null) return [];
    values.push(v);
  }
  let last = close - 1;
  while (last > open && /\s/.test(text[last] as string)) last--;
  const multiline = text.slice(open, close).includes('\n');
  const lineStart = text.lastIndexOf('\n', last) + 1;
  const indent = /^\s*/.exec(text.slice(lineStart, last + 1))?.[0] ?? '';
  const sep = last === open || text[last] === ',' ? '' : ',';
  const insert = multiline && last !== open ? `${sep}\n${values.map((v) => `${indent}${v},`).join('\n')}` : `${sep} ${values.join(', ')}${last === open ? ' ' : ''}`;
  const at = indexToByte(text, last + 1);
  return [
    {
      id: `missing_field:${index}`,
      origin: 'pattern',
      patternId: 'missing_field_determined',
      description: `fill the missing field${values.length === 1 ? '' : 's'} with ${values.map((v) => `\`${v}\``).join(', ')}`,
      edits: [{ file, byteStart: at, byteEnd: at, replacement: insert }],
      touchedKeys: [],
      targets: [index],
      applicability: 'MaybeIncorrect',
    },
  ];
}

/** The missing-field candidates as a CandidateSource. */
export function missingFieldSource(): CandidateSource {
  return {
    name: 'missing-field',
    propose: (i: number, ctx: FixContext) => Promise.resolve(missingFieldCandidates(ctx.diagnostics, i, ctx.files)),
  };
}
