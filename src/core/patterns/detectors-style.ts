/**
 * Style-side text detectors: API design, performance, error handling and idioms that hide bugs. Each works on the
 * masked text (comments and literals never match), looks only at shapes it can read lexically with certainty, and
 * says what is wrong and what to write instead. Spread into `TEXT_DETECTORS` by antipatterns.ts.
 */
import { inTest, isLibraryPath, isTestLikeFile, maskedMatches, type TextDetector, type TextHit } from './detector-kit.js';
import { itemScopes, matchAngle, scopesAt, splitTopLevel, type ItemScope } from './items.js';
import type { RustText } from './rust-text.js';

/** Every match of `re` (global) on the masked text, skipping test code when `skipTests`. */
function matches(src: RustText, re: RegExp, filePath: string, skipTests: boolean): RegExpExecArray[] {
  if (skipTests && isTestLikeFile(filePath)) return [];
  const all = maskedMatches(src, re);
  return skipTests ? all.filter((m) => !inTest(src, m.index)) : all;
}

/** A detector from one regex: every match outside test code (when `skipTests`) is a hit unless `keep` says no. */
function regexDetector(re: RegExp, message: (m: RegExpExecArray, src: RustText) => string | null, opts: { skipTests?: boolean; libraryOnly?: boolean } = {}): TextDetector {
  return (src, filePath) => {
    if (opts.libraryOnly === true && !isLibraryPath(filePath)) return [];
    const hits: TextHit[] = [];
    for (const m of matches(src, re, filePath, opts.skipTests ?? true)) {
      const msg = message(m, src);
      if (msg !== null) hits.push({ index: m.index, message: msg });
    }
    return hits;
  };
}

/** Index of the `)` closing the `(` at `open` in the masked text, or -1. */
function closeParen(src: RustText, open: number): number {
  return src.masked[open] === '(' ? src.closeOf(open) : -1;
}

/** The source text of the call arguments whose `(` is at `open`, or null when unbalanced. */
function argsAt(src: RustText, open: number): { masked: string; text: string; close: number } | null {
  const close = closeParen(src, open);
  if (close < 0) return null;
  return { masked: src.masked.slice(open + 1, close), text: src.text.slice(open + 1, close), close };
}

/** The body `{…}` of a `for`/`while`/`loop`/`if` header starting at `from`: the first `{` at paren depth 0. */
function blockAfter(src: RustText, from: number): { open: number; close: number } | null {
  for (let j = from; j < src.masked.length; j++) {
    const ch = src.masked[j];
    if (ch === '(' || ch === '[') {
      const c = src.closeOf(j);
      if (c < 0) return null;
      j = c;
    } else if (ch === '{') {
      const close = src.closeOf(j);
      return close < 0 ? null : { open: j, close };
    } else if (ch === ';' || ch === '}') return null;
  }
  return null;
}

/** True when index `i` is inside the body of a `for`, `while` or `loop` within its innermost function. */
function inLoop(src: RustText, i: number): boolean {
  const fn = scopesAt(src, i).find((s) => s.keyword === 'fn');
  for (const b of src.enclosingBraces(i)) {
    if (fn && b.open <= fn.headerEnd) break;
    const head = src.masked.slice(Math.max(0, b.open - 400), b.open);
    const stmt = head.slice(Math.max(head.lastIndexOf(';'), head.lastIndexOf('{'), head.lastIndexOf('}')) + 1);
    if (/^\s*(?:'\w+\s*:\s*)?(?:for\b|while\b|loop\s*$)/.test(stmt)) return true;
  }
  return false;
}

/** True when the innermost block around index `i` is the body of a `for`, `while` or `loop` (not a branch in it). */
function directlyInLoop(src: RustText, i: number): boolean {
  const b = src.enclosingBraces(i)[0];
  if (!b) return false;
  const head = src.masked.slice(Math.max(0, b.open - 400), b.open);
  const stmt = head.slice(Math.max(head.lastIndexOf(';'), head.lastIndexOf('{'), head.lastIndexOf('}')) + 1);
  return /^\s*(?:'\w+\s*:\s*)?(?:for\b|while\b|loop\s*$)/.test(stmt) && !/^\s*while\s+let\b[^=]*=\s*$/.test(stmt);
}

/** `text` mentions identifier path `name` (a whole word, not a longer path segment). */
function mentions(text: string, name: string): boolean {
  return new RegExp(`(?<![\\w.])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`).test(text);
}

// ---------------------------------------------------------------------------------------------------------------
// Function signatures.

/** A function header: its parameter list and return type (masked text), whether `pub`, and where it sits. */
interface FnSig {
  scope: ItemScope;
  params: [number, number];
  ret: string;
  isPub: boolean;
  /** Inside `impl Trait for Type`: the signature is the trait's, not the author's to change. */
  inTraitImpl: boolean;
}

function fnSignatures(src: RustText): FnSig[] {
  const cached = src.memo.get('styleFnSigs') as FnSig[] | undefined;
  if (cached) return cached;
  const scopes = itemScopes(src);
  const out: FnSig[] = [];
  for (const s of scopes) {
    if (s.keyword !== 'fn') continue;
    const open = src.masked.indexOf('(', s.generics ? s.generics[1] : s.start);
    if (open < 0 || open > s.headerEnd) continue;
    const close = src.closeOf(open);
    if (close < 0 || close > s.headerEnd) continue;
    const tail = src.masked.slice(close + 1, s.headerEnd);
    const arrow = tail.indexOf('->');
    const ret = arrow < 0 ? '' : tail.slice(arrow + 2).split(/\bwhere\b/)[0]?.trim() ?? '';
    const lead = src.masked.slice(Math.max(0, s.start - 80), s.start);
    const isPub = /\bpub\s+(?:(?:const|async|unsafe|extern(?:\s+"\s*")?)\s+)*$/.test(lead);
    const impl = scopes.filter((o) => o.keyword === 'impl' && o.start < s.start && s.end <= o.end).sort((a, b) => b.start - a.start)[0];
    const inTraitImpl = impl !== undefined && /\bfor\b/.test(src.masked.slice(impl.start, impl.headerEnd));
    const inTrait = scopes.some((o) => o.keyword === 'trait' && o.start < s.start && s.end <= o.end);
    out.push({ scope: s, params: [open, close], ret, isPub: isPub && !inTrait, inTraitImpl });
  }
  src.memo.set('styleFnSigs', out);
  return out;
}

/** `&String`, `&Vec<T>`, `&Box<T>` or `&Option<T>` parameters (not `&mut`, not in trait impls, not closures). */
function refOwnedParam(kind: 'String' | 'Vec' | 'Box' | 'Option', advice: string): TextDetector {
  const re = kind === 'String' ? /&\s*(?:'\w+\s+)?String\b/g : new RegExp(`&\\s*(?:'\\w+\\s+)?${kind}\\s*<`, 'g');
  return (src, filePath) => {
    if (isTestLikeFile(filePath)) return [];
    const hits: TextHit[] = [];
    for (const sig of fnSignatures(src)) {
      if (sig.inTraitImpl || inTest(src, sig.scope.start)) continue;
      const [open, close] = sig.params;
      for (const [off, piece] of splitTopLevel(src.masked.slice(open + 1, close))) {
        const colon = piece.indexOf(':');
        if (colon < 0) continue;
        const ty = piece.slice(colon + 1);
        re.lastIndex = 0;
        const m = re.exec(ty);
        // The whole parameter type must be the reference (not `Option<&Vec<u8>>` or `&[&String]`).
        if (!m || ty.slice(0, m.index).trim() !== '') continue;
        if (kind !== 'String') {
          const lt = ty.indexOf('<', m.index);
          const gt = matchAngle(ty, lt);
          if (gt < 0 || ty.slice(gt + 1).trim() !== '') continue;
        } else if (ty.slice(m.index + m[0].length).trim() !== '') continue;
        hits.push({ index: open + 1 + off + colon + 1 + m.index, message: advice });
      }
    }
    return hits;
  };
}

/** The error type of `Result<T, E>` in a return type, or null when the return type is no two-parameter Result. */
function resultError(ret: string): string | null {
  const m = /^(?:(?:std|core)::result::)?Result\s*</.exec(ret);
  if (!m) return null;
  const lt = m[0].length - 1;
  const gt = matchAngle(ret, lt);
  if (gt < 0 || ret.slice(gt + 1).trim() !== '') return null;
  const parts = splitTopLevel(ret.slice(lt + 1, gt));
  return parts.length === 2 ? (parts[1]?.[1] ?? '').trim() : null;
}

/** Public library functions returning `Result<_, E>` where `keep(E)` picks the error shape. */
function pubResultError(keep: (err: string) => boolean, message: string): TextDetector {
  return (src, filePath) => {
    if (!isLibraryPath(filePath)) return [];
    const hits: TextHit[] = [];
    for (const sig of fnSignatures(src)) {
      if (!sig.isPub || sig.inTraitImpl || inTest(src, sig.scope.start)) continue;
      const err = resultError(sig.ret);
      if (err !== null && keep(err)) hits.push({ index: sig.scope.start, message });
    }
    return hits;
  };
}

// ---------------------------------------------------------------------------------------------------------------
// API design.

const implInto = regexDetector(/\bimpl\s*(?:<[^>{]*>\s*)?(?:(?:std|core)::convert::)?Into\s*<[^{]*?>\s+for\b/g, () => 'implement `From<Source> for Target` instead of `Into`: `From` gives `Into` for free through the blanket impl, and `?` and `T::from` only see `From`', { skipTests: false });

const implToString = regexDetector(/\bimpl\s*(?:<[^>{]*>\s*)?(?:(?:std|alloc)::string::)?ToString\s+for\b/g, () => 'implement `fmt::Display` instead of `ToString`: `to_string()` then comes from the blanket impl, and the type also works with `format!("{}")` and `write!`', { skipTests: false });

/** `impl From<…> for …` whose body can panic (`unwrap`, `expect`, `panic!`): a fallible conversion. */
const fallibleFrom: TextDetector = (src, filePath) => {
  if (isTestLikeFile(filePath)) return [];
  const hits: TextHit[] = [];
  for (const s of itemScopes(src)) {
    if (s.keyword !== 'impl' || src.masked[s.headerEnd] !== '{' || inTest(src, s.start)) continue;
    if (!/^impl\s*(?:<[^{]*?>\s*)?(?:(?:std|core)::convert::)?From\s*</.test(src.masked.slice(s.start, s.headerEnd))) continue;
    const body = src.masked.slice(s.headerEnd, s.end);
    // `fn from(_: Never)` ignores its input: the panic marks an impossible case, not a failing conversion.
    if (/\bfn\s+from\s*\(\s*_\s*:/.test(body)) continue;
    const p = /\.unwrap\(\)|\.expect\(|\bpanic!\s*\(/.exec(body);
    if (p) hits.push({ index: s.start, message: 'this `From` impl can panic; a conversion that can fail should be `TryFrom` (with an `Error` type), so callers get a `Result` instead of a crash' });
  }
  return hits;
};

const intoByRef = regexDetector(/\bfn\s+into_\w+\s*(?:<[^>(]*>)?\s*\(\s*&\s*(?:'\w+\s+)?(?:mut\s+)?self\b/g, () => 'an `into_*` method takes `self` by value by convention (it consumes the receiver); name a borrowing conversion `to_*` or `as_*`', { skipTests: true });

/**
 * `pub fn new() -> Self` with no parameters on a type that has no `Default` in the same file (neither derived nor
 * implemented): `Default` is what generic code, `..Default::default()` and `#[derive(Default)]` on containers use.
 */
const newWithoutDefault: TextDetector = (src, filePath) => {
  if (isTestLikeFile(filePath)) return [];
  const hits: TextHit[] = [];
  for (const s of itemScopes(src)) {
    if (s.keyword !== 'impl' || src.masked[s.headerEnd] !== '{' || inTest(src, s.start)) continue;
    const header = src.masked.slice(s.generics ? s.generics[1] + 1 : s.start + 4, s.headerEnd);
    if (/\bfor\b|\bwhere\b/.test(header)) continue;
    const name = /^\s*([A-Z]\w*)\s*(?:<[^{]*>)?\s*$/.exec(header)?.[1];
    if (name === undefined) continue;
    const body = src.masked.slice(s.headerEnd, s.end);
    const ctor = /\bpub\s+(?:const\s+)?fn\s+new\s*\(\s*\)\s*->\s*(?:Self|([A-Z]\w*))\b/.exec(body);
    if (!ctor || (ctor[1] !== undefined && ctor[1] !== name)) continue;
    const impl = new RegExp(`\\bimpl\\s*(?:<[^>{]*>\\s*)?(?:[\\w:]*::)?Default\\s+for\\s+${name}\\b`).test(src.masked);
    const derived = new RegExp(`#\\[derive\\([^\\]]*\\bDefault\\b[^\\]]*\\)\\]\\s*(?:#\\[[^\\]]*\\]\\s*)*(?:pub(?:\\([^)]*\\))?\\s+)?(?:struct|enum)\\s+${name}\\b`).test(src.masked);
    if (impl || derived) continue;
    hits.push({ index: s.headerEnd + ctor.index, message: `\`${name}::new()\` takes no arguments but \`${name}\` has no \`Default\`; add \`impl Default for ${name}\` (calling \`new\`) or derive it, so generic code and \`..Default::default()\` can build one` });
  }
  return hits;
};

// ---------------------------------------------------------------------------------------------------------------
// Performance.

// `.clone().into_iter()` is left alone: an owned iterator (stored in a struct, sent to a thread) needs the copy.
const cloneToIterate = regexDetector(/([a-z_][\w.]*)\.(clone|to_vec|to_owned)\(\)\s*\.iter\(\)/g, (m, src) => {
  // In a `for` header, a body that writes the collection needs the copy (the loop must not borrow it).
  const stmt = src.masked.slice(src.lineStart(m.index), m.index);
  if (/\bfor\b[^{;]*\bin\s+$/.test(stmt)) {
    const block = blockAfter(src, m.index);
    if (!block || mentions(src.masked.slice(block.open, block.close), m[1]?.split('.')[0] ?? '')) return null;
  }
  return `\`.${m[2] ?? 'clone'}().iter()\` copies the whole collection only to borrow from the copy; call \`.iter()\` on the original`;
});

/**
 * `.collect::<Vec<_>>()` (or another collection) immediately followed by `.len()` or `.is_empty()`. A following
 * `.into_iter()` is not flagged: collecting first is how a borrow is ended before the next step.
 */
const collectThenCount: TextDetector = regexDetector(/\.collect\s*::\s*</g, (m, src) => {
    const lt = m.index + m[0].length - 1;
    const gt = matchAngle(src.masked, lt);
    if (gt < 0 || !/^\s*\(\s*\)/.test(src.masked.slice(gt + 1, gt + 8))) return null;
    // Only a `Vec`: a set or map dedupes, so its `len()` is not the iterator's `count()`.
    if (!/^\s*(?:std::vec::)?Vec\s*</.test(src.masked.slice(lt + 1, gt))) return null;
    const after = src.masked.slice(src.masked.indexOf(')', gt) + 1, src.masked.indexOf(')', gt) + 30);
    const next = /^\s*\.(len|is_empty)\(\)/.exec(after)?.[1];
    if (next === undefined) return null;
    return next === 'len' ? 'collecting only to take `.len()` allocates a collection for a number; `.count()` on the iterator gives it directly' : 'collecting only to ask `.is_empty()` allocates a collection; `.next().is_none()` (or `.any(|_| true)`) on the iterator answers without it';
  });

const formatPushStr = regexDetector(/\.push_str\(\s*&\s*format!\s*\(/g, () => '`push_str(&format!(…))` allocates a temporary `String`; `write!(s, …)` (with `std::fmt::Write`) formats straight into the buffer');

/** `format!("{}", x)` with one argument: `x.to_string()` says the same. */
const formatToString = regexDetector(/\bformat!\s*\(/g, (m, src) => {
  const args = argsAt(src, m.index + m[0].length - 1);
  if (!args) return null;
  const parts = splitTopLevel(args.masked).filter(([, p]) => p.trim() !== '');
  const lit = /^\s*"(.*)"\s*$/s.exec(args.text.slice(0, parts[0]?.[1].length ?? 0));
  if (!lit) return null;
  if (parts.length === 2 && lit[1] === '{}') return '`format!("{}", x)` is `x.to_string()`: say what you mean, without the formatting machinery';
  if (parts.length === 1 && lit[1] !== undefined && !/[{}]/.test(lit[1])) return '`format!` of a plain literal only copies it; write `"…".to_string()` (or `String::from`)';
  return null;
});

const charsNthInLoop = regexDetector(/\.chars\(\)\s*\.nth\(/g, (m, src) => (inLoop(src, m.index) ? '`.chars().nth(i)` inside a loop decodes the string from the start on every iteration (quadratic); iterate `chars()`/`char_indices()` once, or collect into a `Vec<char>` before the loop' : null));

/** `let mut v = Vec::new(); for p in e { v.push(x); }`: a map/collect (which sizes the vector once). */
const pushLoopCollect = regexDetector(/\blet\s+mut\s+([a-z_]\w*)\s*(?::\s*Vec\s*<[^;=]*>\s*)?=\s*Vec::new\(\)\s*;\s*for\b/g, (m, src) => {
  const name = m[1] ?? '';
  const block = blockAfter(src, m.index + m[0].length);
  if (!block) return null;
  const start = src.skipSpace(block.open + 1);
  if (!src.masked.startsWith(`${name}.push(`, start)) return null;
  const close = src.closeOf(start + name.length + '.push'.length);
  if (close < 0) return null;
  const rest = src.masked.slice(close + 1, block.close).trim();
  if (rest !== '' && rest !== ';') return null;
  return `a loop whose only statement is \`${name}.push(…)\` builds the vector one growth at a time; \`let ${name}: Vec<_> = iter.map(|…| …).collect();\` states it and allocates once when the length is known`;
});

const mapClone = regexDetector(/\.map\(\s*\|\s*(&?)\s*([a-z_]\w*)\s*\|\s*(\*?)\s*([a-z_]\w*)(\.clone\(\))?\s*\)/g, (m) => {
  const [, amp, a, star, b, clone] = m;
  if (a !== b) return null;
  if (clone !== undefined && amp === '' && star === '') return '`.map(|x| x.clone())` is `.cloned()`';
  if (clone === undefined && ((amp === '&' && star === '') || (amp === '' && star === '*'))) return `\`.map(|${amp ?? ''}x| ${star ?? ''}x)\` is \`.copied()\``;
  return null;
});

/** `s = format!("{s}…")` / `s = format!("…", s, …)` in a loop: copies the whole string every iteration. */
const formatSelfAppend = regexDetector(/\b([a-z_]\w*)\s*=\s*format!\s*\(/g, (m, src) => {
  // `let s = format!(.., s)` shadows: each iteration starts from a fresh value, nothing accumulates.
  if (src.masked[m.index + m[0].indexOf('=') + 1] === '=' || /\blet\s+(?:mut\s+)?$/.test(src.masked.slice(Math.max(0, m.index - 12), m.index)) || !directlyInLoop(src, m.index)) return null;
  const name = m[1] ?? '';
  const args = argsAt(src, m.index + m[0].length - 1);
  if (!args) return null;
  const parts = splitTopLevel(args.masked).map(([off, p]) => args.text.slice(off, off + p.length).trim());
  if (!parts.slice(1).some((p) => p === name || p === `&${name}`) && !new RegExp(`\\{${name}\\}`).test(parts[0] ?? '')) return null;
  return `\`${name} = format!(…${name}…)\` in a loop copies the whole string on every iteration (quadratic); append with \`${name}.push_str(…)\` or \`write!(${name}, …)\``;
});

/** `.unwrap_or(…)` / `.ok_or(…)` / `.map_or(…)` whose argument allocates: it is built even when unused. */
const eagerAlloc = regexDetector(/\.(unwrap_or|ok_or|map_or)\(/g, (m, src) => {
  const args = argsAt(src, m.index + m[0].length - 1);
  if (!args) return null;
  const first = (splitTopLevel(args.masked)[0]?.[1] ?? '').trim();
  if (!/^(?:format!\s*\(|vec!\s*\[\s*[^\]\s]|String::from\s*\(|(?:"[^"]*"|[\w.]+)\.to_(?:string|owned)\(\)$)/.test(first)) return null;
  return `\`.${m[1] ?? 'unwrap_or'}(…)\` builds its allocating argument even when it is not used; \`.${m[1] === 'map_or' ? 'map_or_else' : `${m[1] ?? 'unwrap_or'}_else`}(|| …)\` builds it only when needed`;
});

const expectFormat = regexDetector(/\.expect\(\s*&\s*format!\s*\(/g, () => '`.expect(&format!(…))` formats the message even on success; `.unwrap_or_else(|e| panic!("…: {e}"))` formats only on failure');

/** `if !m.contains_key(k) { m.insert(k, …) }`: two lookups where the entry API needs one. */
const containsKeyInsert = regexDetector(/\bif\s+!\s*([a-z_][\w.]*)\.contains_key\(/g, (m, src) => {
  const map = m[1] ?? '';
  // A statement `if`, not a match guard (`Some(x) if !m.contains_key(k) => …`).
  if (!/(?:[;{}]|\belse)\s*$/.test(src.masked.slice(Math.max(0, m.index - 40), m.index))) return null;
  const args = argsAt(src, m.index + m[0].length - 1);
  if (!args) return null;
  const block = blockAfter(src, args.close + 1);
  if (!block) return null;
  const key = args.masked.trim().replace(/^&\s*/, '');
  const body = src.masked.slice(block.open + 1, block.close);
  const ins = new RegExp(`^\\s*${map.replace(/\./g, '\\.')}\\.insert\\(\\s*(?:${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')})\\s*(?:\\.clone\\(\\))?\\s*,`).exec(body);
  return ins ? `\`contains_key\` then \`insert\` hashes the key twice; \`${map}.entry(key).or_insert(…)\` (or \`or_insert_with\`) does one lookup` : null;
});

/** Calls whose result is surely an iterator: a `.find(…)` after one is `Iterator::find`, not a type's own `find`. */
const ITERATOR_SOURCE = /\.(?:iter|iter_mut|into_iter|chars|bytes|char_indices|lines|split\w*|keys|values|values_mut|drain|windows|chunks\w*|filter|map|filter_map|flat_map|skip|take|skip_while|take_while|rev|enumerate|zip|chain|copied|cloned|peekable)$/;

/**
 * `.find(…).is_some()` / `.position(…).is_none()` and friends on an iterator (or `str::find` with a literal
 * pattern): `.any(…)` / `.contains(…)` say it directly. A type's own `find` method (a map, a database) is left alone.
 */
const searchIsSome = regexDetector(/\.(find|position|rposition)\(/g, (m, src) => {
  const args = argsAt(src, m.index + m[0].length - 1);
  if (!args) return null;
  const end = src.skipSpaceBack(m.index);
  const callOpen = src.masked[end - 1] === ')' ? src.pairs().find((p) => p.close === end - 1 && p.kind === '(')?.open : undefined;
  const iterator = callOpen !== undefined && ITERATOR_SOURCE.test(src.masked.slice(Math.max(0, callOpen - 30), callOpen).trimEnd());
  const strFind = m[1] === 'find' && /^\s*["']/.test(args.masked);
  if (!iterator && !strFind) return null;
  const tail = /^\s*\.(is_some|is_none)\(\)/.exec(src.masked.slice(args.close + 1, args.close + 20));
  if (!tail) return null;
  return `\`.${m[1] ?? 'find'}(…).${tail[1] ?? 'is_some'}()\` asks only whether a match exists; use \`${tail[1] === 'is_none' ? '!' : ''}….any(…)\` on an iterator (or \`${tail[1] === 'is_none' ? '!' : ''}….contains(…)\` on a string)`;
});

const filterNext = regexDetector(/\.filter\(/g, (m, src) => {
  const args = argsAt(src, m.index + m[0].length - 1);
  if (!args) return null;
  return /^\s*\.next\(\)/.test(src.masked.slice(args.close + 1, args.close + 12)) ? '`.filter(…).next()` is `.find(…)`' : null;
});

/** `for x in v.clone() { … }` where the body never touches `v`: iterate a borrow instead. */
const forOverClone = regexDetector(/\bfor\s+([^{]+?)\s+in\s+([a-z_][\w.]*)\.(clone|to_vec)\(\)\s*\{/g, (m, src) => {
  const path = m[2] ?? '';
  const open = m.index + m[0].length - 1;
  const close = src.closeOf(open);
  if (close < 0) return null;
  const root = path.split('.')[0] ?? path;
  if (mentions(src.masked.slice(open, close), root)) return null;
  return `the loop copies \`${path}\` only to iterate it and never touches \`${path}\` in its body; iterate \`&${path}\` (or \`${path}.iter()\`)`;
});

const boxCollection = regexDetector(/\bBox\s*<\s*(Vec|String|HashMap|BTreeMap|HashSet|VecDeque)\b/g, (m) => `\`Box<${m[1] ?? 'Vec'}…>\` is a pointer to a pointer: \`${m[1] ?? 'Vec'}\` already keeps its contents on the heap, so drop the \`Box\` (or use \`Box<[T]>\`/\`Box<str>\` for a fixed buffer)`);

const rcOwnedBuffer = regexDetector(/\b(Arc|Rc)\s*<\s*(String|Vec)\b/g, (m) => `\`${m[1] ?? 'Arc'}<${m[2] ?? 'String'}…>\` holds two indirections and unused capacity; when the contents never change, \`${m[1] ?? 'Arc'}<${m[2] === 'String' ? 'str' : '[T]'}>\` stores them inline in one allocation`);

/** `Mutex<bool>`/`Mutex<usize>` and friends outside a `Condvar` pairing: an atomic does this without a lock. */
const mutexOfScalar: TextDetector = (src, filePath) => {
  if (/\bCondvar\b/.test(src.masked)) return [];
  return regexDetector(/\bMutex\s*<\s*(bool|u8|u16|u32|u64|usize|i8|i16|i32|i64|isize)\s*>/g, (m) => {
    const ty = m[1] ?? 'usize';
    const atomic = ty === 'bool' ? 'AtomicBool' : `Atomic${ty[0]?.toUpperCase() ?? ''}${ty.slice(1)}`;
    return `\`Mutex<${ty}>\` locks to guard one scalar; \`std::sync::atomic::${atomic}\` does the same without blocking (keep the \`Mutex\` only when it also guards a critical section)`;
  })(src, filePath);
};

const removeFrontInLoop = regexDetector(/\.(remove\(\s*0\s*\)|insert\(\s*0\s*,)/g, (m, src) => (inLoop(src, m.index) ? `\`.${m[1]?.startsWith('remove') === true ? 'remove(0)' : 'insert(0, …)'}\` in a loop shifts every element each time (quadratic on a \`Vec\`); use a \`VecDeque\` (\`pop_front\`/\`push_front\`) or iterate/reverse once` : null));

// ---------------------------------------------------------------------------------------------------------------
// Error handling.

const okUnwrap = regexDetector(/\.ok\(\)\s*\.(unwrap\(\)|expect\()/g, (m) => `\`.ok().${m[1] === 'unwrap()' ? 'unwrap()' : 'expect(…)'}\` throws the error away before panicking; \`.${m[1] === 'unwrap()' ? 'unwrap()' : 'expect(…)'}\` on the \`Result\` itself prints the error in the panic message`);

const mapErrDiscard = regexDetector(/\.map_err\(\s*\|\s*_\s*\|(?!\s*(?:std::)?fmt::Error\b)/g, () => '`.map_err(|_| …)` drops the original error, so the report loses its cause; keep it (`|e| MyError::Io(e)`, a `source` field, or `.context(…)`)', { libraryOnly: true });

const errTry = regexDetector(/\bErr\(/g, (m, src) => {
  if (/[\w:.]$/.test(src.masked.slice(0, m.index))) return null;
  const close = closeParen(src, m.index + m[0].length - 1);
  return close >= 0 && src.masked[close + 1] === '?' ? '`Err(e)?` returns through a conversion the reader has to notice; write `return Err(e.into())` (or `Err(e)?` only where the `From` conversion is the point)' : null;
});

const ignoredErr = regexDetector(/\bif\s+let\s+Err\s*\(\s*_\s*\)\s*=/g, (m, src) => {
  const block = blockAfter(src, m.index + m[0].length);
  if (!block || src.masked.slice(block.open + 1, block.close).trim() !== '') return null;
  return '`if let Err(_) = … {}` evaluates a fallible call and ignores its failure; handle it, propagate it with `?`, or write `let _ = …;` with a comment saying why losing it is fine';
});

// Only calls whose receiver is surely a file or the file system: `write_all`/`flush` also go to stdout (a closed pipe
// is often deliberately ignored) and to in-memory buffers that cannot fail.
const letUnderscoreIo = regexDetector(/\blet\s+_\s*=\s*(?:(?:(?:std::)?fs::(write|copy|rename|create_dir|create_dir_all|set_permissions|hard_link)\s*\()|(?:[\w.():]+?\.(sync_all|sync_data)\s*\())/g, (m) => `\`let _ = …${m[1] ?? m[2] ?? 'write'}(…)\` silently drops an I/O error: the data may not be where the program later assumes; propagate with \`?\` or log the failure`);

// ---------------------------------------------------------------------------------------------------------------
// Idioms that hide bugs.

const INT = '(?:u8|u16|u32|u64|u128|usize|i8|i16|i32|i64|i128|isize)';

/** `x.round() as i32`, `(a * 0.5) as usize`: a float converted with `as` saturates and maps NaN to 0 silently. */
const floatToIntCast = regexDetector(new RegExp(`\\bas\\s+(${INT})\\b`, 'g'), (m, src) => {
  const end = src.skipSpaceBack(m.index);
  const before = src.masked.slice(Math.max(0, end - 200), end);
  let floaty = /(?<![\w.])\d+\.\d+(?:_?f(?:32|64))?$|\b\d+(?:_?f(?:32|64))$|\bas\s+f(?:32|64)$/.test(before);
  if (!floaty && before.endsWith(')')) {
    const close = end - 1;
    const open = src.pairs().find((p) => p.close === close && p.kind === '(')?.open;
    if (open === undefined) return null;
    const callee = /\.(round|floor|ceil|trunc|sqrt|powf|powi|ln|log10|log2|exp|mul_add|to_degrees|to_radians)\s*$/.test(src.masked.slice(Math.max(0, open - 20), open));
    const inner = src.masked.slice(open + 1, close);
    const group = /[\w!>]\s*$/.test(src.masked.slice(Math.max(0, open - 2), open)) ? false : /(?<![\w.])\d+\.\d+(?:_?f(?:32|64))?\b|\bas\s+f(?:32|64)\b|\bf(?:32|64)::/.test(inner);
    floaty = callee || group;
  }
  if (!floaty) return null;
  // The expression since the statement (or assignment) began: only where it can produce NaN or an infinity (a
  // division by a non-literal, a logarithm, a root, a power) is the silent saturation a likely hidden bug; rounding
  // a value in a known range (pixel arithmetic) is the intended use of `as`. A bounded operand (`min`, `clamp`) is fine.
  const expr = before.slice(Math.max(before.lastIndexOf(';'), before.lastIndexOf('{'), before.lastIndexOf('}'), before.search(/=[^=]*$/)) + 1);
  if (/\.(?:min|max|clamp)\(/.test(expr)) return null;
  if (!/\/\s*(?!\d[\d_.]*\b)[\w(]|\.(?:ln|log|log2|log10|acos|asin)\(/.test(expr)) return null;
  return `a float that can be NaN or infinite here (division by a variable, logarithm) converted with \`as ${m[1] ?? 'i32'}\` saturates at the integer's bounds and turns NaN into 0 without an error; check \`is_finite()\` and the range (or the divisor) first`;
});

const floatEq = regexDetector(/(==|!=)\s*-?(\d+\.\d+)(?:_?f(?:32|64))?(?![\w.])|(?<![\w.])(\d+\.\d+)(?:_?f(?:32|64))?\s*(==|!=)\s*(-?[\w.]*)/g, (m, src) => {
  const lit = m[2] ?? m[3] ?? '';
  // Literals a binary float holds exactly (0.0, 1.0, 0.5, 0.25) are usually sentinels compared on purpose; a
  // literal like 0.1 or 0.3 is never exactly the result of arithmetic.
  if (Number.isInteger(Number(lit) * 1024)) return null;
  // A literal on the left must be the whole operand (`2.0 == x`, not `w % 2.0 == 0.0`), compared with a non-zero.
  if (m[3] !== undefined && (/[-+*/%]\s*$/.test(src.masked.slice(Math.max(0, m.index - 10), m.index)) || /^-?0\.0+$/.test(m[5] ?? ''))) return null;
  return `\`${m[1] ?? m[4] ?? '=='}\` on a float compares bits after rounding; \`0.1 + 0.2 != 0.3\`. Compare with a tolerance (\`(a - b).abs() < eps\`) unless exact equality is the point`;
});

const memReplaceDefault = regexDetector(/\bmem::replace\(/g, (m, src) => {
  const args = argsAt(src, m.index + m[0].length - 1);
  if (!args) return null;
  const parts = splitTopLevel(args.masked);
  if (parts.length !== 2 || !/^\s*&\s*mut\b/.test(parts[0]?.[1] ?? '')) return null;
  const v = (parts[1]?.[1] ?? '').trim();
  if (v === 'None') return '`mem::replace(&mut x, None)` is `x.take()`';
  // `T::new()` is `T::default()` only for the std collections; a user type's `new` may differ or have no `Default`.
  return /^(?:Default::default\(\)|[A-Z]\w*(?:::<[^>]*>)?::default\(\)|(?:String|Vec|VecDeque|HashMap|HashSet|BTreeMap|BTreeSet)::new\(\)|vec!\[\s*\])$/.test(v) ? '`mem::replace(&mut x, <empty value>)` is `mem::take(&mut x)`, which says the intent and uses the type\'s `Default`' : null;
});

/** `loop { match e { P => …, _ => break } }` with nothing else in the loop: a `while let`. */
const loopMatchBreak = regexDetector(/\bloop\s*\{\s*match\b/g, (m, src) => {
  const open = src.masked.indexOf('{', m.index);
  const close = src.closeOf(open);
  const block = blockAfter(src, m.index + m[0].length);
  if (close < 0 || !block || src.masked.slice(block.close + 1, close).trim().replace(/^;$/, '') !== '') return null;
  const body = src.masked.slice(block.open + 1, block.close);
  let depth = 0;
  let arms = 0;
  for (let j = 0; j < body.length; j++) {
    const ch = body[j] as string;
    if ('([{'.includes(ch)) depth++;
    else if (')]}'.includes(ch)) depth--;
    else if (depth === 0 && ch === '=' && body[j + 1] === '>') arms++;
  }
  if (arms !== 2 || !/=>\s*(?:break\s*(?:,|$)|\{\s*break\s*;?\s*\})/.test(body)) return null;
  return 'a `loop` around a `match` whose other arm is `break` is `while let Pattern = expr { … }`, which names the loop\'s condition';
});

const whileLetNext = regexDetector(/\bwhile\s+let\s+Some\s*\(([^=]*)\)\s*=\s*([a-z_]\w*)\.next\(\)\s*\{/g, (m, src) => {
  const it = m[2] ?? '';
  const open = m.index + m[0].length - 1;
  const close = src.closeOf(open);
  if (close < 0 || mentions(src.masked.slice(open, close), it)) return null;
  return `\`while let Some(x) = ${it}.next()\` is \`for x in ${it}.by_ref()\` (or \`for x in ${it}\` when it is not used afterwards)`;
});

/** `for i in 0..v.len() { … v[i] … }`: iterate the elements (with `enumerate()` when the index matters). */
const rangeLoopIndex = regexDetector(/\bfor\s+([a-z_]\w*)\s+in\s+0\s*\.\.\s*([a-z_][\w.]*)\.len\(\)\s*\{/g, (m, src) => {
  const [, i, v] = m;
  if (i === undefined || v === undefined) return null;
  const open = m.index + m[0].length - 1;
  const close = src.closeOf(open);
  if (close < 0) return null;
  const body = src.masked.slice(open, close);
  const esc = v.replace(/\./g, '\\.');
  if (!new RegExp(`(?<![\\w.])${esc}\\[\\s*${i}\\s*\\]`).test(body)) return null;
  // Any other use of `v` (neighbours `v[i + 1]`, `v.to_mut()[i]`, `v.swap(..)`) or of `i` (indexing another
  // collection in lockstep) really needs the index.
  const rest = body.replace(new RegExp(`(?<![\\w.])${esc}\\[\\s*${i}\\s*\\]`, 'g'), '');
  if (mentions(rest, v) || mentions(rest, i)) return null;
  return `\`for ${i} in 0..${v}.len()\` indexes \`${v}[${i}]\` with a bounds check each time; iterate \`${v}.iter()\` (or \`.iter().enumerate()\` when \`${i}\` is needed too)`;
});

const dbgMacro = regexDetector(/\bdbg!\s*\(/g, () => '`dbg!` is a debugging aid left in: it prints to stderr in release builds too; remove it or use `log`/`tracing`');

/** `if x.is_some() { … x.unwrap() … }`: the check and the unwrap can drift apart; bind with `if let`. */
// Locals only: with a field of `self`, `if let` can conflict with `&mut self` calls in the body (the borrow checker's
// known limitation), which is why careful code checks and unwraps separately there.
const checkThenUnwrap = regexDetector(/\bif\s+([a-z_]\w*)\.(is_some|is_ok)\(\)\s*\{/g, (m, src) => {
  const [, x, check] = m;
  if (x === undefined) return null;
  const open = m.index + m[0].length - 1;
  const close = src.closeOf(open);
  if (close < 0) return null;
  const body = src.masked.slice(open, close);
  if (!new RegExp(`(?<![\\w.])${x.replace(/\./g, '\\.')}(?:\\.as_ref\\(\\)|\\.as_mut\\(\\))?\\.(unwrap\\(\\)|expect\\()`).test(body)) return null;
  return `\`if ${x}.${check ?? 'is_some'}() { … ${x}.unwrap() … }\` checks and unwraps separately, and an edit can separate them; \`if let ${check === 'is_ok' ? 'Ok' : 'Some'}(v) = ${x} { … }\` binds the value once`;
});

const stepByZero = regexDetector(/\.step_by\(\s*0(?:_?usize)?\s*\)/g, () => '`.step_by(0)` always panics (`Iterator::step_by` asserts a positive step); use a step of at least 1');

/** The loop whose body or `while` header holds index `i` (within its innermost function): header start and body. */
function loopAround(src: RustText, i: number): { start: number; open: number; close: number } | null {
  const fn = scopesAt(src, i).find((s) => s.keyword === 'fn');
  const stmtStart = (at: number): number => {
    let s = at;
    while (s > 0 && !/[;{}]/.test(src.masked[s - 1] as string)) s--;
    return s;
  };
  // A `while` condition: the statement holding `i` starts with `while` and its body follows.
  const own = stmtStart(i);
  if (/^\s*(?:'\w+\s*:\s*)?while\b/.test(src.masked.slice(own, i))) {
    const block = blockAfter(src, i);
    if (block) return { start: own, ...block };
  }
  for (const b of src.enclosingBraces(i)) {
    if (fn && b.open <= fn.headerEnd) break;
    const start = stmtStart(b.open);
    if (/^\s*(?:'\w+\s*:\s*)?(?:for\b|while\b|loop\s*$)/.test(src.masked.slice(start, b.open))) return { start, open: b.open, close: b.close };
  }
  return null;
}

/**
 * `read_line(&mut buf)` / `read_until(b, &mut buf)` in a loop that never empties `buf`: both append, so each
 * iteration sees every earlier line too (and the buffer grows without bound).
 */
const readLineNoClear = regexDetector(/\.(read_line|read_until)\(/g, (m, src) => {
  const args = argsAt(src, m.index + m[0].length - 1);
  if (!args) return null;
  const parts = splitTopLevel(args.masked);
  const buf = /^\s*&\s*mut\s+([a-z_]\w*(?:\.[a-z_]\w*)?)\s*$/.exec(parts[parts.length - 1]?.[1] ?? '')?.[1];
  if (buf === undefined || (m[1] === 'read_line' ? parts.length !== 1 : parts.length !== 2)) return null;
  const loop = loopAround(src, m.index);
  if (!loop) return null;
  const b = buf.replace(/\./g, '\\.');
  const region = src.masked.slice(loop.start, loop.close);
  // Emptied, replaced, re-declared, or handed on by `&mut`/`take` somewhere in the loop.
  const reset = new RegExp(String.raw`(?<![\w.])${b}\s*\.\s*(?:clear|truncate|drain|split_off|split_to)\s*\(|(?<![\w.])${b}\s*=(?!=)|\blet\s+(?:mut\s+)?${b}\b|(?:take|replace|swap)\s*\(\s*&\s*mut\s+${b}\b`);
  if (reset.test(region)) return null;
  return `\`${m[1] ?? 'read_line'}\` appends to \`${buf}\`, and this loop never empties it: each iteration also sees every earlier line, and the buffer grows without bound; call \`${buf}.clear()\` before each read (or iterate \`.lines()\`)`;
});

/**
 * `let mut v = Vec::with_capacity(n);` then `v[i] = …` before anything grows `v`: capacity is not length, so the
 * index is out of bounds and the write panics.
 */
const withCapacityIndex: TextDetector = (src, filePath) => {
  const hits: TextHit[] = [];
  for (const m of matches(src, /\blet\s+mut\s+([a-z_]\w*)\s*(?::[^=;]*)?=\s*(?:std::vec::)?Vec(?:::<[^;(]*>)?::with_capacity\(/g, filePath, true)) {
    const name = m[1] ?? '';
    const args = argsAt(src, m.index + m[0].length - 1);
    const block = src.enclosingBraces(m.index)[0];
    if (!args || !block) continue;
    const from = args.close + 1;
    const rest = src.masked.slice(from, block.close);
    const write = new RegExp(String.raw`(?<![\w.])${name}\s*\[[^\]]*\]\s*(?:=(?!=)|[-+*/%&|^]=)`).exec(rest);
    if (!write) continue;
    // Grown, replaced, or handed to something that may fill it before the write.
    const grown = new RegExp(String.raw`(?<![\w.])${name}\s*\.\s*(?:push|resize|resize_with|extend|extend_from_slice|insert|append|set_len|spare_capacity_mut|as_mut_ptr)\b|(?<![\w.])${name}\s*=(?!=)|[(,]\s*(?:&\s*mut\s+)?${name}\s*[,)]`);
    // In a loop that began after the `let`, a growth later in the body runs before the next iteration's write.
    const loop = loopAround(src, from + write.index);
    const upTo = loop && loop.start >= from ? loop.close - from : write.index;
    if (grown.test(rest.slice(0, upTo))) continue;
    hits.push({ index: from + write.index, message: `\`${name}\` was made by \`Vec::with_capacity\` and nothing has grown it: capacity is not length, so \`${name}[…] = …\` is out of bounds and panics; use \`vec![init; n]\` (or \`resize\`) to have elements, or \`push\`` });
  }
  return hits;
};

/** `let t = SystemTime::now();` later measured with `t.elapsed()` or `SystemTime::now().duration_since(t)`. */
const systemTimeElapsed: TextDetector = (src, filePath) => {
  const hits: TextHit[] = [];
  for (const m of matches(src, /\blet\s+(?:mut\s+)?([a-z_]\w*)\s*=\s*(?:(?:std::)?time::)?SystemTime::now\(\)\s*;/g, filePath, true)) {
    const name = m[1] ?? '';
    const block = src.enclosingBraces(m.index)[0];
    const rest = src.masked.slice(m.index + m[0].length, block ? block.close : src.masked.length);
    // The binding is shadowed before any use: stop there.
    const shadow = new RegExp(String.raw`\blet\s+(?:mut\s+)?${name}\b`).exec(rest);
    const scope = shadow ? rest.slice(0, shadow.index) : rest;
    if (!new RegExp(String.raw`(?<![\w.])${name}\s*\.\s*elapsed\s*\(|SystemTime::now\(\)\s*\.\s*duration_since\(\s*${name}\s*\)`).test(scope)) continue;
    hits.push({ index: m.index, message: `\`${name}\` is wall-clock time (\`SystemTime\`) used to measure an interval: the clock can be adjusted or jump backwards, and \`elapsed()\` then errs or lies; use \`std::time::Instant::now()\` and \`${name}.elapsed()\`` });
  }
  return hits;
};

/**
 * `impl Display for T` whose `fmt` formats `self` through `Display` again (`self.to_string()`, or `self` as the
 * argument of a `{}`): `to_string` calls `fmt`, so it recurses until the stack overflows. A type with its own
 * inherent `to_string` method (which `self.to_string()` then calls) is left alone.
 */
const displayRecursion: TextDetector = (src, filePath) => {
  if (isTestLikeFile(filePath)) return [];
  const hits: TextHit[] = [];
  const ownToString = /\bfn\s+to_string\s*\(\s*&\s*self\b/.test(src.masked);
  for (const s of itemScopes(src)) {
    if (s.keyword !== 'impl' || src.masked[s.headerEnd] !== '{' || inTest(src, s.start)) continue;
    if (!/^impl\s*(?:<[^{]*?>\s*)?(?:(?:std|core)::)?(?:fmt::)?Display\s+for\b/.test(src.masked.slice(s.start, s.headerEnd))) continue;
    const body = src.masked.slice(s.headerEnd, s.end);
    const call = ownToString ? null : /(?<![\w.])self\s*\.\s*to_string\s*\(\s*\)/.exec(body);
    if (call) {
      hits.push({ index: s.headerEnd + call.index, message: '`self.to_string()` inside `Display::fmt` calls `fmt` again (`to_string` is built on `Display`): infinite recursion and a stack overflow (unless the type has its own inherent `to_string`, defined elsewhere); write the fields with `write!(f, …)`' });
      continue;
    }
    const re = /\b(?:write|format)!\s*\(/g;
    for (let m = re.exec(body); m; m = re.exec(body)) {
      const open = s.headerEnd + m.index + m[0].length - 1;
      const args = argsAt(src, open);
      if (!args) continue;
      const parts = splitTopLevel(args.masked).map(([off, p]) => args.text.slice(off, off + p.length).trim());
      const fmtIdx = m[0].startsWith('write') ? 1 : 0;
      const lit = /^"(.*)"$/s.exec(parts[fmtIdx] ?? '')?.[1];
      // One plain `{}` placeholder whose argument is `self` itself.
      if (lit === undefined || (lit.match(/\{[^{}]*\}/g) ?? []).length !== 1 || !lit.includes('{}') || parts.length !== fmtIdx + 2) continue;
      if (!/^(?:&\s*)?\*?\s*self$/.test(parts[fmtIdx + 1] ?? '')) continue;
      hits.push({ index: open, message: 'formatting `self` with `{}` inside `Display::fmt` calls this same `fmt` again: infinite recursion and a stack overflow; write the fields instead' });
    }
  }
  return hits;
};

/** The style-side text detectors by name. */
export const STYLE_DETECTORS: Readonly<Record<string, TextDetector>> = {
  ref_string_param: refOwnedParam('String', '`&String` parameter: take `&str` instead; a `&String` argument still coerces, and callers with a literal or a slice no longer need to allocate'),
  ref_vec_param: refOwnedParam('Vec', '`&Vec<T>` parameter: take `&[T]` instead; a `&Vec` argument still coerces, and arrays and slices work too'),
  ref_box_param: refOwnedParam('Box', '`&Box<T>` parameter: take `&T` instead; the extra indirection buys nothing, and callers without a `Box` can call it'),
  ref_option_param: refOwnedParam('Option', '`&Option<T>` parameter: take `Option<&T>` instead (callers pass `x.as_ref()`); it is as cheap and accepts values that are not stored in an `Option`'),
  string_error_result: pubResultError((e) => /^(?:String|&\s*'static\s+str)$/.test(e), 'a public function returning `Result<_, String>` gives callers an error they can only print; return an error type (an enum implementing `std::error::Error`) they can match on'),
  unit_error_result: pubResultError((e) => /^\(\s*\)$/.test(e), 'a public function returning `Result<_, ()>` reports failure with no information; return `Option<_>` if absence is the only failure, or an error type that says what went wrong'),
  impl_into: implInto,
  impl_to_string: implToString,
  fallible_from: fallibleFrom,
  into_by_ref: intoByRef,
  new_without_default: newWithoutDefault,
  clone_to_iterate: cloneToIterate,
  collect_then_count: collectThenCount,
  format_push_str: formatPushStr,
  format_to_string: formatToString,
  chars_nth_in_loop: charsNthInLoop,
  push_loop_collect: pushLoopCollect,
  map_clone: mapClone,
  format_self_append: formatSelfAppend,
  eager_alloc_or: eagerAlloc,
  expect_format: expectFormat,
  contains_key_insert: containsKeyInsert,
  search_is_some: searchIsSome,
  filter_next: filterNext,
  for_over_clone: forOverClone,
  box_collection: boxCollection,
  rc_owned_buffer: rcOwnedBuffer,
  mutex_of_scalar: mutexOfScalar,
  remove_front_in_loop: removeFrontInLoop,
  ok_unwrap: okUnwrap,
  map_err_discard: mapErrDiscard,
  err_try: errTry,
  ignored_err: ignoredErr,
  let_underscore_io: letUnderscoreIo,
  float_to_int_cast: floatToIntCast,
  float_eq: floatEq,
  mem_replace_default: memReplaceDefault,
  loop_match_break: loopMatchBreak,
  while_let_next: whileLetNext,
  range_loop_index: rangeLoopIndex,
  dbg_macro: dbgMacro,
  check_then_unwrap: checkThenUnwrap,
  step_by_zero: stepByZero,
  read_line_no_clear: readLineNoClear,
  with_capacity_index: withCapacityIndex,
  system_time_elapsed: systemTimeElapsed,
  display_recursion: displayRecursion,
};
