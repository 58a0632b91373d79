/**
 * The binding-type candidate (E0308 "expected `A`, found `B`" between two integer types, where rustc says the
 * expectation comes from a binding: "expected due to the type of this binding" on `x` or `x[i]`): the `let x: T`
 * that declared it in the same function names `A` once in its annotation; write `B` there instead. One edit at the
 * declaration instead of a `try_into().unwrap()` (a new panic path) or an `as` (a possible truncation) at every
 * store; the rest of the function must agree with the new type, which validation checks. Likewise a function's
 * return type that its returned value contradicts, unless the function is `pub`. Pure: text only.
 */
import type { Diagnostic } from '../diagnostics/types.js';
import { bracePairs, byteToIndex, codeMask, fnBodyAround, indexToByte } from './rust-text.js';
import type { Candidate, CandidateSource, FixContext } from './types.js';

const INT = '(?:u8|u16|u32|u64|u128|usize|i8|i16|i32|i64|i128|isize)';
const LABEL = new RegExp(`^expected \`(${INT})\`, found \`(${INT})\`$`);

/** The candidate for diagnostic `index`, or none. */
export function bindingTypeCandidates(diagnostics: readonly Diagnostic[], index: number, files: ReadonlyMap<string, string>): Candidate[] {
  const d = diagnostics[index];
  if (!d || d.level !== 'error' || d.code !== 'E0308' || !d.primary) return [];
  const types = LABEL.exec(d.primary.label ?? '');
  const binding = d.spans.find((s) => !s.isPrimary && s.label === 'expected due to the type of this binding' && s.file === d.primary?.file);
  if (!types) return [];
  const [, expected, found] = types as unknown as [string, string, string];
  const file = d.primary.file;
  const text = files.get(file);
  if (text === undefined) return [];
  if (!binding) return returnTypeCandidates(d, index, text, expected, found);
  // The place: a local or an element of one (`x`, `x[i]`, `x[i][j]`).
  const place = /^([a-z_]\w*)(?:\s*\[[^\]]*\])*$/.exec(text.slice(byteToIndex(text, binding.byteStart), byteToIndex(text, binding.byteEnd)).trim());
  if (!place) return [];
  const name = place[1] as string;
  const mask = codeMask(text);
  const at = byteToIndex(text, binding.byteStart);
  const body = fnBodyAround(text, mask, bracePairs(text), at, at);
  if (!body) return [];
  // The one `let [mut] name: T =` of the function before the place (a shadowing second `let` is too unsure).
  const lets = [...text.slice(body[0], at).matchAll(new RegExp(`\\blet\\s+(?:mut\\s+)?${name}\\s*:([^=;]+)=`, 'g'))].filter((m) => mask[body[0] + m.index]);
  const sameName = [...text.slice(body[0], body[1]).matchAll(new RegExp(`\\blet\\s+(?:mut\\s+)?${name}\\b`, 'g'))];
  if (lets.length !== 1 || sameName.length !== 1) return [];
  const m = lets[0] as RegExpExecArray;
  const annStart = body[0] + m.index + m[0].indexOf(':') + 1;
  const ann = m[1] as string;
  const hits = [...ann.matchAll(new RegExp(`(?<![\\w:])${expected}(?!\\w)`, 'g'))];
  if (hits.length !== 1) return [];
  const start = annStart + (hits[0]?.index ?? 0);
  const end = start + expected.length;
  return [
    {
      id: `binding_type:${index}`,
      origin: 'pattern',
      patternId: 'binding_type_from_values',
      description: `declare \`${name}\` with \`${found}\` (the type of the values stored into it) instead of \`${expected}\``,
      edits: [{ file, byteStart: indexToByte(text, start), byteEnd: indexToByte(text, end), replacement: found }],
      touchedKeys: [],
      targets: [index],
      applicability: 'MaybeIncorrect',
    },
  ];
}

/**
 * The same for a function's return type ("expected `A` because of return type" on the written type, `A` once in
 * it): the returned value's integer type is written there instead; validation checks the callers. Never on a `pub
 * fn` (a public signature: rustc's per-site conversions stay the only, amber, proposals there).
 */
function returnTypeCandidates(d: Diagnostic, index: number, text: string, expected: string, found: string): Candidate[] {
  const ret = d.spans.find((s) => !s.isPrimary && s.file === d.primary?.file && /^expected `[^`]+` because of return type$/.test(s.label ?? ''));
  if (!ret) return [];
  const from = byteToIndex(text, ret.byteStart);
  const written = text.slice(from, byteToIndex(text, ret.byteEnd));
  const hits = [...written.matchAll(new RegExp(`(?<![\\w:])${expected}(?!\\w)`, 'g'))];
  if (hits.length !== 1 || !codeMask(text)[from]) return [];
  // Not on a `pub fn`: that would change a public signature (the review lets an item's own error excuse it).
  const header = text.slice(Math.max(0, text.lastIndexOf('\n', text.lastIndexOf('fn ', from)) + 1), from);
  if (/(^|\s)pub\s+(?:(?:const|async|unsafe|extern\s+"[^"]*")\s+)*fn\s/.test(header)) return [];
  const start = from + (hits[0]?.index ?? 0);
  return [
    {
      id: `binding_type:ret:${index}`,
      origin: 'pattern',
      patternId: 'return_type_from_values',
      description: `return \`${found}\` (the type of the returned value) instead of \`${expected}\``,
      edits: [{ file: d.primary?.file ?? '', byteStart: indexToByte(text, start), byteEnd: indexToByte(text, start + expected.length), replacement: found }],
      touchedKeys: [],
      targets: [index],
      applicability: 'MaybeIncorrect',
    },
  ];
}

/** The binding-type candidates as a CandidateSource. */
export function bindingTypeSource(): CandidateSource {
  return {
    name: 'binding-type',
    propose: (i: number, ctx: FixContext) => Promise.resolve(bindingTypeCandidates(ctx.diagnostics, i, ctx.files)),
  };
}
