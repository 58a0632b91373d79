/**
 * The renamed-binding candidate: several uses of a value `X` that no longer resolves (E0425), and one local
 * `let Y` in the same function that nothing refers to and whose scope holds every one of those uses — the binding
 * was renamed and its uses were not (or the other way round). The fix renames the binding back to `X`: one edit,
 * alpha-equivalent to renaming every use to `Y` (nothing else in that scope says `X`, and nothing says `Y`), so it
 * cannot change what the code computes. rustc does not offer it when the names are far apart (its similar-name
 * suggestion then points at an unrelated local). Pure: text only.
 */
import type { Diagnostic } from '../diagnostics/types.js';
import type { Candidate, CandidateSource, FixContext } from './types.js';

const MISSING_VALUE = /^cannot find value `([A-Za-z_][A-Za-z0-9_]*)` in this scope/;

/** Per UTF-16 index of `text`: true where the character is code (not in a comment, string or char literal). */
export function codeMask(text: string): boolean[] {
  const mask = new Array<boolean>(text.length).fill(true);
  const n = text.length;
  let i = 0;
  const hide = (from: number, to: number): void => {
    for (let k = from; k < to && k < n; k++) mask[k] = false;
  };
  const ident = (ch: string | undefined): boolean => ch !== undefined && /[A-Za-z0-9_]/.test(ch);
  while (i < n) {
    const ch = text[i];
    const next = text[i + 1];
    if (ch === '/' && next === '/') {
      const end = text.indexOf('\n', i);
      const stop = end < 0 ? n : end;
      hide(i, stop);
      i = stop;
    } else if (ch === '/' && next === '*') {
      let depth = 1;
      let k = i + 2;
      while (k < n && depth > 0) {
        if (text[k] === '/' && text[k + 1] === '*') {
          depth++;
          k += 2;
        } else if (text[k] === '*' && text[k + 1] === '/') {
          depth--;
          k += 2;
        } else k++;
      }
      hide(i, k);
      i = k;
    } else if ((ch === 'r' || (ch === 'b' && next === 'r')) && !ident(text[i - 1]) && /^b?r#*"/.test(text.slice(i, i + 260))) {
      const m = /^b?r(#*)"/.exec(text.slice(i, i + 260)) as RegExpExecArray;
      const close = `"${m[1] ?? ''}`;
      const end = text.indexOf(close, i + m[0].length);
      const stop = end < 0 ? n : end + close.length;
      hide(i, stop);
      i = stop;
    } else if (ch === '"') {
      let k = i + 1;
      while (k < n && text[k] !== '"') k += text[k] === '\\' ? 2 : 1;
      hide(i, k + 1);
      i = k + 1;
    } else if (ch === "'") {
      // A char literal ('x', '\n', '\u{..}'); otherwise a lifetime or label, which is code.
      if (next === '\\') {
        const end = text.indexOf("'", i + 2 + (text[i + 2] === "'" ? 1 : 0));
        const stop = end < 0 ? n : end + 1;
        hide(i, stop);
        i = stop;
      } else if (text[i + 2] === "'" || (next !== undefined && text.codePointAt(i + 1)! > 0xffff && text[i + 3] === "'")) {
        const stop = text[i + 2] === "'" ? i + 3 : i + 4;
        hide(i, stop);
        i = stop;
      } else i++;
    } else i++;
  }
  return mask;
}

/** For each code `{`, the index of its matching `}` (unbalanced braces are left out). */
function bracePairs(text: string, mask: readonly boolean[]): Map<number, number> {
  const pairs = new Map<number, number>();
  const stack: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (!mask[i]) continue;
    if (text[i] === '{') stack.push(i);
    else if (text[i] === '}') {
      const open = stack.pop();
      if (open !== undefined) pairs.set(open, i);
    }
  }
  return pairs;
}

/** UTF-8 byte offset → UTF-16 index of `text` (and back, through `indexToByte`). */
function byteToIndex(text: string, byte: number): number {
  let b = 0;
  for (let i = 0; i < text.length; i++) {
    if (b >= byte) return i;
    const cp = text.codePointAt(i) as number;
    b += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    if (cp > 0xffff) i++;
  }
  return text.length;
}

function indexToByte(text: string, index: number): number {
  return new TextEncoder().encode(text.slice(0, index)).length;
}

/** Indexes of `name` as a whole identifier in text[from, to) (any context: code, strings, comments). */
function occurrences(text: string, name: string, from: number, to: number): number[] {
  const out: number[] = [];
  const re = new RegExp(`(?<![A-Za-z0-9_])${name}(?![A-Za-z0-9_])`, 'g');
  re.lastIndex = from;
  for (let m = re.exec(text); m && m.index < to; m = re.exec(text)) out.push(m.index);
  return out;
}

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
  const pairs = bracePairs(text, mask);
  // The innermost function body holding every use.
  let body: [number, number] | null = null;
  for (const [open, close] of pairs) {
    if (open >= first || close <= last) continue;
    if (body && open < body[0]) continue;
    let k = open - 1;
    while (k >= 0 && !(mask[k] && (text[k] === ';' || text[k] === '{' || text[k] === '}'))) k--;
    if (/\bfn\s+[A-Za-z_]/.test(text.slice(k + 1, open))) body = [open, close];
  }
  if (!body) return [];
  const [bodyStart, bodyEnd] = body;
  const found: { at: number; binding: string }[] = [];
  const lets = /\blet\s+(?:mut\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*(?=[:=;])/g;
  lets.lastIndex = bodyStart;
  for (let m = lets.exec(text); m && m.index < first; m = lets.exec(text)) {
    if (!mask[m.index]) continue;
    const binding = m[1] as string;
    const at = m.index + m[0].indexOf(binding, 3);
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
