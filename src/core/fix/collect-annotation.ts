/**
 * The collect-annotation candidate (E0277 "a value of type `C<A>` cannot be built from an iterator over elements of
 * type `B`"): when that `C<A>` is the type annotation of the `let` the error sits in, annotate `C<B>` — the type the
 * collected value already has. No cast is inserted (a cast could truncate), no value changes; the rest of the
 * function must agree with the element type, which validation checks. Pure: text only.
 */
import type { Diagnostic } from '../diagnostics/types.js';
import { byteToIndex, codeMask, indexToByte } from './rust-text.js';
import type { Candidate, CandidateSource, FixContext } from './types.js';

const MESSAGE = /^a value of type `([A-Za-z_][\w:]*)<([^<>`]+)>` cannot be built from an iterator over elements of type `([^`]+)`$/;

/** The candidate for diagnostic `index`, or none. */
export function collectAnnotationCandidates(diagnostics: readonly Diagnostic[], index: number, files: ReadonlyMap<string, string>): Candidate[] {
  const d = diagnostics[index];
  const m = d && d.level === 'error' && d.code === 'E0277' ? MESSAGE.exec(d.message) : null;
  if (!d || !d.primary || !m) return [];
  const [, container, element, item] = m as unknown as [string, string, string, string];
  // Only element types that can be written back as they are (no inference placeholders, closures or references).
  if (!/^[A-Za-z_][\w:]*(<[\w:, ]+>)?$/.test(item)) return [];
  const file = d.primary.file;
  const text = files.get(file);
  if (text === undefined) return [];
  const at = byteToIndex(text, d.primary.byteStart);
  const mask = codeMask(text);
  // The statement the error sits in: from the previous code `;`, `{` or `}` to the error.
  let k = at - 1;
  while (k >= 0 && !(mask[k] && (text[k] === ';' || text[k] === '{' || text[k] === '}'))) k--;
  const head = text.slice(k + 1, at);
  const short = container.split('::').pop() as string;
  const esc = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const ann = new RegExp(`^\\s*let\\s+(?:mut\\s+)?[A-Za-z_]\\w*\\s*:\\s*((?:[\\w]+::)*${esc(short)}\\s*<\\s*)${esc(element.trim())}\\s*>\\s*=`).exec(head);
  if (!ann) return [];
  const start = k + 1 + ann.index + ann[0].indexOf(ann[1] as string) + (ann[1] as string).length;
  const end = start + element.trim().length;
  if (text.slice(start, end) !== element.trim()) return [];
  return [
    {
      id: `collect_annotation:${index}`,
      origin: 'pattern',
      patternId: 'collect_annotation_element',
      description: `annotate the collected ${short}<${item}> (the iterator's element type) instead of ${short}<${element}>`,
      edits: [{ file, byteStart: indexToByte(text, start), byteEnd: indexToByte(text, end), replacement: item }],
      touchedKeys: [],
      targets: [index],
      applicability: 'MaybeIncorrect',
    },
  ];
}

/** The collect-annotation candidates as a CandidateSource. */
export function collectAnnotationSource(): CandidateSource {
  return {
    name: 'collect-annotation',
    propose: (i: number, ctx: FixContext) => Promise.resolve(collectAnnotationCandidates(ctx.diagnostics, i, ctx.files)),
  };
}
