/**
 * The renamed-binding candidate: several uses of a value `X` that no longer resolves (E0425), and one local
 * `let Y` in the same function that nothing refers to and whose scope holds every one of those uses — the binding
 * was renamed and its uses were not (or the other way round). The fix renames the binding back to `X`: one edit,
 * alpha-equivalent to renaming every use to `Y` (nothing else in that scope says `X`, and nothing says `Y`), so it
 * cannot change what the code computes. rustc does not offer it when the names are far apart (its similar-name
 * suggestion then points at an unrelated local). Pure: text only.
 */
import type { Diagnostic } from '../diagnostics/types.js';
import { bracePairs, byteToIndex, codeMask, fnBodyAround, indexToByte, occurrences } from './rust-text.js';
import type { Candidate, CandidateSource, FixContext } from './types.js';

const MISSING_VALUE = /^cannot find value `([A-Za-z_][A-Za-z0-9_]*)` in this scope/;

/** True when the identifier at `at` is a field, a path segment or a macro name (a rename of a local cannot touch it). */
function notAValue(text: string, at: number, name: string): boolean {
  const before = text.slice(Math.max(0, at - 3), at).replace(/\s+$/, '');
  const after = text.slice(at + name.length, at + name.length + 2);
  return before.endsWith('.') || before.endsWith('::') || after.startsWith('::') || after.startsWith('!');
}

/**
 * The renamed-binding candidate for diagnostic `index` (an E0425 "cannot find value"), or none. Every E0425 error
 * for the same name in the same file must lie in the scope of the one unused `let` binding the function declares
 * before them; that binding is renamed. Targets: all those errors.
 */
export function renameBindingCandidates(diagnostics: readonly Diagnostic[], index: number, files: ReadonlyMap<string, string>): Candidate[] {
  const d = diagnostics[index];
  const name = d && d.level === 'error' && d.code === 'E0425' ? MISSING_VALUE.exec(d.message)?.[1] : undefined;
  if (!d || !d.primary || name === undefined) return [];
  const file = d.primary.file;
  const text = files.get(file);
  if (text === undefined) return [];
  const targets: number[] = [];
  const sites: number[] = [];
  diagnostics.forEach((o, i) => {
    if (o.level !== 'error' || o.code !== 'E0425' || o.primary?.file !== file || MISSING_VALUE.exec(o.message)?.[1] !== name) return;
    targets.push(i);
    sites.push(byteToIndex(text, o.primary.byteStart));
  });
  const unique = Array.from(new Set(sites));
  const first = Math.min(...unique);
  const last = Math.max(...sites);
  const mask = codeMask(text);
  const pairs = bracePairs(text);
  // The innermost function body holding every use.
  const body = fnBodyAround(text, mask, pairs, first, last);
  if (!body) return [];
  const [bodyStart, bodyEnd] = body;
  const found: { at: number; binding: string }[] = [];
  const lets = /\blet\s+(?:mut\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*(?=[:=;])/g;
  lets.lastIndex = bodyStart;
  for (let m = lets.exec(text); m && m.index < first; m = lets.exec(text)) {
    if (!mask[m.index]) continue;
    const binding = m[1] as string;
    const at = m.index + m[0].lastIndexOf(binding);
    if (binding === name || binding.startsWith('_')) continue;
    // Its scope: the innermost block around the `let`, which must hold every use.
    let scopeEnd = bodyEnd;
    for (const [open, close] of pairs) if (open > bodyStart && open < at && close > at && close < scopeEnd) scopeEnd = close;
    if (last >= scopeEnd) continue;
    // Nothing in the function refers to the binding, and every value use of the name in its scope is an error site.
    if (occurrences(text, binding, bodyStart, bodyEnd).length !== 1) continue;
    const uses = occurrences(text, name, at, scopeEnd).filter((u) => !notAValue(text, u, name));
    if (uses.length !== unique.length || uses.some((u) => !unique.includes(u))) continue;
    found.push({ at, binding });
  }
  if (found.length !== 1) return [];
  const { at, binding } = found[0] as { at: number; binding: string };
  const byteStart = indexToByte(text, at);
  return [
    {
      id: `rename_binding:${index}`,
      origin: 'pattern',
      patternId: 'rename_unused_binding',
      description: `rename the unused binding \`${binding}\` to \`${name}\`, the name its ${unique.length} use${unique.length === 1 ? '' : 's'} expect`,
      edits: [{ file, byteStart, byteEnd: byteStart + new TextEncoder().encode(binding).length, replacement: name }],
      touchedKeys: [],
      targets,
      applicability: 'MaybeIncorrect',
    },
  ];
}

/** The renamed-binding candidates as a CandidateSource. */
export function renameBindingSource(): CandidateSource {
  return {
    name: 'rename-binding',
    propose: (i: number, ctx: FixContext) => Promise.resolve(renameBindingCandidates(ctx.diagnostics, i, ctx.files)),
  };
}
