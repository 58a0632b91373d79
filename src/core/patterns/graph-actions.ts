/**
 * Template actions that edit where an error is *caused*, which is often another file or crate of the workspace:
 * the definition the ISG (`FixContext.lookup`) or rustc's secondary spans point to. Async (they may read a file
 * through the lookup), pure otherwise; each returns no proposal when it cannot act safely. Validation decides.
 */
import type { Diagnostic, SourceSpan } from '../diagnostics/types.js';
import type { FileEdit, FixContext } from '../fix/types.js';
import type { IsgNode, NodeKind } from '../isg/types.js';
import { ACTIONS, appendPostfixEdits } from './actions.js';
import { itemScopes, matchAngle, scopesAt, splitTopLevel } from './items.js';
import { armFor, parseMissing, readArms, variantFields } from './match-arms.js';
import { isIdent, RustText } from './rust-text.js';

/** What a graph action sees: the diagnostic, its detector's spans and params, and the whole fix context. */
export interface GraphActionInput {
  diagnostic: Diagnostic;
  matched: readonly SourceSpan[];
  params: Readonly<Record<string, string>>;
  ctx: FixContext;
}

/** One proposal of a graph action, with the data ranking uses (see `Candidate`). */
export interface GraphProposal {
  edits: FileEdit[];
  /** The edit is at the cause (a definition) rather than at the error's own span. */
  atCause?: boolean;
  /** It makes an item of a published crate `pub` (a public API change: amber at most). */
  widensPublicApi?: boolean;
  /** A short note for the description (e.g. `pub(crate) in src/util.rs`). */
  note?: string;
}

/** A graph action. */
export type GraphActionFn = (input: GraphActionInput) => Promise<GraphProposal[]>;

/** Names of the graph actions (kept apart from the synchronous ones in actions.ts). */
export type GraphActionName =
  | 'make_visible'
  | 'derive_at_definition'
  | 'trait_method_from_siblings'
  | 'trait_method_forward'
  | 'trait_method_mirror'
  | 'trait_method_canonical'
  | 'arms_like_siblings'
  | 'fields_from_scope'
  | 'remove_try'
  | 'restore_try'
  | 'param_type_at_callee'
  | 'map_err_to_variant';

async function textOf(input: GraphActionInput, file: string): Promise<RustText | undefined> {
  const have = input.ctx.files.get(file);
  if (have !== undefined) return new RustText(have);
  const read = await input.ctx.lookup?.readFile(file).catch(() => undefined);
  return read === undefined ? undefined : new RustText(read);
}

function mk(file: string, src: RustText, start: number, end: number, replacement: string): FileEdit {
  return { file, byteStart: src.byteOf(start), byteEnd: src.byteOf(end), replacement };
}

/** String index of the start of 1-based `line`. */
function lineIndex(src: RustText, line: number): number {
  let at = 0;
  for (let l = 1; l < line; l++) {
    const nl = src.text.indexOf('\n', at);
    if (nl < 0) return src.text.length;
    at = nl + 1;
  }
  return at;
}

/** The package a workspace file belongs to when no graph says so: the path before its `src/` (or tests/…). */
export function crateDirOf(file: string): string {
  const m = /^(.*?)(?:^|\/)(?:src|tests|examples|benches)\//.exec(file);
  return m ? (m[1] ?? '') : '';
}

/** Definitions named `name` the graph knows (empty without a lookup). */
async function defs(input: GraphActionInput, name: string, kinds: readonly NodeKind[]): Promise<IsgNode[]> {
  if (!input.ctx.lookup) return [];
  return input.ctx.lookup.definitions(name, kinds).catch(() => []);
}

// ---------------------------------------------------------------------------------------------------------
// make_visible

const KIND_WORDS: Record<string, NodeKind[]> = {
  function: ['fn', 'method'],
  'associated function': ['method', 'fn'],
  method: ['method', 'fn'],
  constant: ['const'],
  static: ['static'],
  struct: ['struct'],
  'unit struct': ['struct'],
  'tuple struct': ['struct'],
  enum: ['enum'],
  trait: ['trait'],
  'type alias': ['type'],
  module: ['mod'],
  union: ['union'],
  macro: ['macro'],
};

const ITEM_KW = '(?:(?:const|async|unsafe|extern\\s+"[^"]*")\\s+)*fn|const|static|struct|enum|trait|type|mod|union';

/** Where a definition sits: file and a string index at or before its item keyword, plus its crate when known. */
interface DefSite {
  file: string;
  from: number;
  crate: string | null;
}

/** The written path before the name at the primary span (`a::util::helper` → ['a', 'util']). */
function qualifier(src: RustText, span: SourceSpan | null, name: string): string[] {
  if (!span) return [];
  const start = src.indexOf(span.byteStart);
  const end = src.indexOf(span.byteEnd);
  const text = src.masked.slice(Math.max(0, start - 200), end);
  const m = new RegExp(`((?:[A-Za-z_]\\w*\\s*::\\s*)+)${name}\\s*$`).exec(text);
  return m ? (m[1] ?? '').split('::').map((s) => s.trim()).filter((s) => s !== '') : [];
}

/** True when node `n` can be the item `qual::name` (its file or inline module is named like the last segment). */
function consistent(n: IsgNode, qual: readonly string[], name: string): boolean {
  const last = qual[qual.length - 1];
  if (last === undefined || ['crate', 'self', 'super', 'Self'].includes(last)) return true;
  if (/^[A-Z]/.test(last)) return n.key.endsWith(`-${last}::${name}`);
  const stem = n.file.replace(/\.rs$/, '').split('/');
  const fileMod = stem[stem.length - 1] === 'mod' ? stem[stem.length - 2] : stem[stem.length - 1];
  return fileMod === last || n.key.includes(`${last}::${name}`) || (qual.length === 1 && (fileMod === 'lib' || fileMod === 'main'));
}

/** Index of `<vis>? <kw> name` at or after `from` (the first one, within a few lines), with the visibility's extent. */
function findItem(src: RustText, from: number, name: string): { at: number; vis: [number, number] | null; visText: string } | null {
  const re = new RegExp(`(^|[\\s;{}\\]])((pub(?:\\s*\\([^)]*\\))?\\s+)?(?:${ITEM_KW})\\s+(?:r#)?${name}\\b)`, 'g');
  // From the character before `from`, so an item that starts its line (no doc comment above) is found too.
  re.lastIndex = Math.max(0, from - 1);
  const m = re.exec(src.masked);
  if (!m) return null;
  const at = m.index + (m[1] ?? '').length;
  if (src.masked.slice(from, at).split('\n').length > 12) return null;
  const vis = m[3];
  return { at, vis: vis ? [at, at + vis.length] : null, visText: vis ? vis.trim() : '' };
}

/** The visibility edit at a definition: `pub(crate)` within the crate, `pub` across crates; none when already enough. */
function visibilityEdit(file: string, src: RustText, at: number, vis: [number, number] | null, visText: string, cross: boolean): FileEdit | null {
  const want = cross ? 'pub' : 'pub(crate)';
  const current = visText.replace(/\s+/g, '');
  if (current === 'pub' || current === want) return null;
  if (vis) return mk(file, src, vis[0], vis[1], `${want} `);
  return mk(file, src, at, at, `${want} `);
}

/** The visibility written on the `use` item around `span` (`pub`, `pub(crate)`…), or null when it is no `pub use`. */
function reexportVisibility(src: RustText, span: SourceSpan | null): string | null {
  if (!span) return null;
  const at = src.indexOf(span.byteStart);
  // A `use` item holds no `;` before its end, so no `;` between its keyword and the span means the span is in it.
  const head = /(?:^|[;{}\]])\s*(pub(?:\s*\([^)]*\))?)\s+use\b[^;]*$/.exec(src.masked.slice(Math.max(0, at - 4000), at));
  const vis = head ? (head[1] ?? '').replace(/\s+/g, '') : null;
  // `pub(super)`/`pub(in …)` name a module relative to the use, not to the item: left to the default rule.
  return vis === 'pub' || vis === 'pub(crate)' ? vis : null;
}

/** The visibility edit that makes an item exactly `want` visible (none when it already is, or is `pub`). */
function visibilityEditTo(file: string, src: RustText, at: number, vis: [number, number] | null, visText: string, want: string): FileEdit | null {
  const current = visText.replace(/\s+/g, '');
  if (current === 'pub' || current === want) return null;
  if (vis) return mk(file, src, vis[0], vis[1], `${want} `);
  return mk(file, src, at, at, `${want} `);
}

/**
 * Makes the private item, method or field the error names visible at its definition, wherever the graph (or a
 * secondary span) locates it: `pub(crate)` when the use is in the same crate, `pub` across crates (flagged when
 * that widens a published crate's API). Params: `name` (+ `kind`, rustc's word), or `field` + `struct`.
 */
const makeVisible: GraphActionFn = async (input) => {
  const d = input.diagnostic;
  const useFile = d.primary?.file;
  if (!useFile) return [];
  const useSrc = await textOf(input, useFile);
  if (!useSrc) return [];
  const field = input.params.field?.trim() ?? '';
  const structName = (input.params.struct ?? '').replace(/<.*$/s, '').split('::').pop() ?? '';
  const name = field !== '' ? structName : (input.params.name?.trim() ?? '');
  if (!isIdent(name) || (field !== '' && !isIdent(field))) return [];
  const kinds = field !== '' ? (['struct'] as NodeKind[]) : (KIND_WORDS[input.params.kind ?? ''] ?? ['fn', 'method', 'struct', 'enum', 'trait', 'const', 'static', 'type', 'mod', 'union']);
  const sites: DefSite[] = [];
  // rustc's own pointer to the definition ("private method defined here", or a note "the trait `T` is defined
  // here" in another file), in any file.
  for (const s of input.matched) sites.push({ file: s.file, from: -s.byteStart - 1, crate: null });
  for (const s of d.noteSpans ?? []) if (/\bdefined here\b/.test(s.label ?? '')) sites.push({ file: s.file, from: -s.byteStart - 1, crate: null });
  const qual = field !== '' ? [] : qualifier(useSrc, d.primary, name);
  for (const n of await defs(input, name, kinds)) {
    if (field === '' && !consistent(n, qual, name)) continue;
    sites.push({ file: n.file, from: n.span.startLine, crate: n.crate });
  }
  const useCrate = d.packageName;
  // A re-export (`pub use m::{T}`) needs the item at least as visible as the re-export itself, and does not widen
  // the crate's API: the crate's own source already declares the name public there.
  const reexport = field === '' ? reexportVisibility(useSrc, d.primary) : null;
  const out: GraphProposal[] = [];
  const seen = new Set<string>();
  for (const site of sites.slice(0, 6)) {
    const src = await textOf(input, site.file);
    if (!src) continue;
    const from = site.from < 0 ? src.indexOf(-site.from - 1) : lineIndex(src, site.from);
    const cross = site.crate !== null && useCrate !== null ? site.crate !== useCrate : crateDirOf(site.file) !== crateDirOf(useFile);
    let e: FileEdit | null = null;
    if (field === '') {
      const item = findItem(src, from, name);
      if (!item) continue;
      e = reexport !== null && !cross ? visibilityEditTo(site.file, src, item.at, item.vis, item.visText, reexport) : visibilityEdit(site.file, src, item.at, item.vis, item.visText, cross);
    } else {
      const def = new RegExp(`\\bstruct\\s+${name}\\b[^{;(]*\\{`, 'g');
      def.lastIndex = from;
      const m = def.exec(src.masked);
      if (!m || src.masked.slice(from, m.index).split('\n').length > 12) continue;
      const open = m.index + m[0].length - 1;
      const close = src.closeOf(open);
      if (close < 0) continue;
      for (const [off, piece] of splitTopLevel(src.masked.slice(open + 1, close))) {
        const f = new RegExp(`^(\\s*(?:#\\[[^\\]]*\\]\\s*)*)(pub(?:\\s*\\([^)]*\\))?\\s+)?${field}\\s*:`).exec(piece);
        if (!f) continue;
        const at = open + 1 + off + (f[1]?.length ?? 0);
        const vis = f[2];
        e = visibilityEdit(site.file, src, at, vis ? [at, at + vis.length] : null, vis?.trim() ?? '', cross);
        break;
      }
    }
    if (!e) continue;
    const k = `${e.file}:${e.byteStart}`;
    if (seen.has(k)) continue;
    seen.add(k);
    const widens = reexport !== null && !cross ? false : cross && site.crate !== null && input.ctx.lookup ? await input.ctx.lookup.published(site.crate).catch(() => true) : cross;
    out.push({ edits: [e], atCause: e.file !== useFile, widensPublicApi: widens, note: `${e.replacement.trim()} in ${e.file}` });
  }
  return out;
};

// ---------------------------------------------------------------------------------------------------------
// derive_at_definition

/** The derive list written directly above `struct|enum|union name` in `src`, or null when the type is not there. */
function derivesOf(src: RustText, name: string): string[] | null {
  const re = new RegExp(`\\b(?:struct|enum|union)\\s+${name}\\b`, 'g');
  const hits = [...src.masked.matchAll(re)];
  if (hits.length !== 1) return null;
  const kw = hits[0]?.index ?? 0;
  const head = src.masked.slice(Math.max(0, kw - 600), kw);
  const attrs = /((?:#\[[^\]]*\]\s*)*)(?:pub(?:\s*\([^)]*\))?\s*)?$/.exec(head)?.[1] ?? '';
  const list: string[] = [];
  for (const m of attrs.matchAll(/#\[\s*derive\s*\(([^)]*)\)\s*\]/g)) for (const t of (m[1] ?? '').split(',')) if (t.trim() !== '') list.push(t.trim().split('::').pop() ?? '');
  return list;
}

/**
 * Restores a derive at the type's definition, wherever the graph locates it (another file or crate). Params
 * `type`, `trait`, optional `only_if_derives` (e.g. `Clone` for `Copy`: a type that derives Clone but not Copy is
 * the shape a removed `derive(Copy)` leaves). One edit at the cause instead of `.clone()` at every use.
 */
const deriveAtDefinition: GraphActionFn = async (input) => {
  const typeName = (input.params.type ?? '').replace(/<.*$/s, '').split('::').pop() ?? '';
  const trait = input.params.trait ?? '';
  if (!isIdent(typeName) || !isIdent(trait)) return [];
  const files = new Set<string>();
  const primary = input.diagnostic.primary?.file;
  if (primary) files.add(primary);
  for (const n of await defs(input, typeName, ['struct', 'enum', 'union'])) files.add(n.file);
  const out: GraphProposal[] = [];
  for (const file of files) {
    const src = await textOf(input, file);
    if (!src) continue;
    const have = derivesOf(src, typeName);
    if (have === null) continue;
    const need = input.params.only_if_derives;
    if (need && !need.split(',').every((t) => have.includes(t.trim()))) continue;
    const edits = ACTIONS.add_derive({ file, src, diagnostic: input.diagnostic, matched: [], params: { type: typeName, trait } });
    if (edits.length > 0) out.push({ edits, atCause: true, note: `derive(${trait}) on ${typeName} in ${file}` });
  }
  return out;
};

// ---------------------------------------------------------------------------------------------------------
// trait_method_from_siblings

/** `fn name…{ body }` inside [from, to) of `src`: its body text (between the braces), or null. */
function methodBody(src: RustText, from: number, to: number, name: string): string | null {
  const re = new RegExp(`\\bfn\\s+${name}\\b`, 'g');
  re.lastIndex = from;
  const m = re.exec(src.masked);
  if (!m || m.index >= to) return null;
  const scope = itemScopes(src).find((s) => s.start === m.index && s.keyword === 'fn');
  if (!scope || src.masked[scope.headerEnd] !== '{') return null;
  return src.text.slice(scope.headerEnd + 1, scope.end).trim();
}

/**
 * E0046: a missing trait method whose body every sibling impl of the trait (at least two) writes the same way, and that reads no
 * field of `self` (so it is not about the other type's data), is added with that body and the trait's signature.
 * Otherwise nothing (rustc's `todo!()` stub stays the only, never auto-applied, proposal). Param `names`.
 */
const traitMethodFromSiblings: GraphActionFn = async (input) => {
  const d = input.diagnostic;
  const names = [...(input.params.names ?? '').matchAll(/`([^`]+)`/g)].map((m) => m[1] ?? '').filter(isIdent);
  const p = d.primary;
  if (names.length === 0 || !p) return [];
  const implSrc = await textOf(input, p.file);
  if (!implSrc) return [];
  const implAt = implSrc.indexOf(p.byteStart);
  const impl = itemScopes(implSrc).find((s) => s.keyword === 'impl' && s.start <= implAt && implAt <= s.headerEnd);
  if (!impl || implSrc.masked[impl.headerEnd] !== '{') return [];
  const header = implSrc.masked.slice(impl.start, impl.headerEnd);
  const hm = /\bimpl\b(?:\s*<[^{]*?>)?\s+(?:[\w:]+::)?([A-Za-z_]\w*)(?:<[^{]*>)?\s+for\s+/.exec(header);
  const traitName = hm?.[1];
  if (!traitName) return [];
  // The trait's declaration: rustc's "`x` from trait" span, else the graph.
  const traitFiles = new Set<string>(d.spans.filter((s) => !s.isPrimary && /from trait$/.test(s.label ?? '')).map((s) => s.file));
  for (const n of await defs(input, traitName, ['trait'])) traitFiles.add(n.file);
  let traitSrc: RustText | undefined;
  let traitScope;
  for (const f of traitFiles) {
    const s = await textOf(input, f);
    const sc = s ? itemScopes(s).find((x) => x.keyword === 'trait' && x.name === traitName) : undefined;
    if (s && sc) {
      traitSrc = s;
      traitScope = sc;
      break;
    }
  }
  if (!traitSrc || !traitScope) return [];
  // Files that may hold sibling impls: the impl's and trait's files, files the context has, graph impl nodes.
  const candidates = new Set<string>([p.file, ...traitFiles, ...input.ctx.files.keys()]);
  for (const n of await defs(input, `impl ${traitName} for`, ['impl'])) candidates.add(n.file);
  if (input.ctx.lookup) {
    for (const t of await defs(input, traitName, ['trait'])) {
      for (const e of (await input.ctx.graph?.edgesIn(t.key, ['IMPLEMENTS']).catch(() => [])) ?? []) {
        const n = await input.ctx.graph?.getNode(e.src).catch(() => undefined);
        if (n?.file) candidates.add(n.file);
      }
    }
  }
  const additions: string[] = [];
  for (const name of names) {
    const sigRe = new RegExp(`\\bfn\\s+${name}\\b[^;{]*;`);
    const body = traitSrc.masked.slice(traitScope.headerEnd, traitScope.end);
    const sig = sigRe.exec(body);
    if (!sig) return [];
    const sigText = traitSrc.text.slice(traitScope.headerEnd + sig.index, traitScope.headerEnd + sig.index + sig[0].length - 1).trim();
    const bodies: string[] = [];
    for (const f of candidates) {
      const s = await textOf(input, f);
      if (!s) continue;
      for (const sc of itemScopes(s)) {
        if (sc.keyword !== 'impl' || (f === p.file && sc.start === impl.start) || s.masked[sc.headerEnd] !== '{') continue;
        if (!new RegExp(`\\b${traitName}\\b(?:<[^{]*>)?\\s+for\\b`).test(s.masked.slice(sc.start, sc.headerEnd))) continue;
        const b = methodBody(s, sc.headerEnd, sc.end, name);
        if (b !== null) bodies.push(b);
      }
    }
    const first = bodies[0];
    // One sibling is a guess; two or more writing it the same way are a de-facto default.
    if (first === undefined || bodies.length < 2 || bodies.some((b) => b.replace(/\s+/g, ' ') !== first.replace(/\s+/g, ' '))) return [];
    if (/\bself\s*\.\s*[A-Za-z_]\w*\b(?!\s*\()/.test(first) || /\b(?:todo|unimplemented|unreachable)!/.test(first)) return [];
    additions.push(`${sigText} {\n        ${first.replace(/\n\s*/g, '\n        ')}\n    }`);
  }
  return [{ edits: [addMethodsEdit(p.file, implSrc, impl, additions)], note: `body shared by every sibling impl of ${traitName}` }];
};

// ---------------------------------------------------------------------------------------------------------
// E0046 body sources beyond sibling impls: forwarding, mutability mirrors, canonical bodies

type Scope = ReturnType<typeof itemScopes>[number];

/** A trait impl block: where it is and its header's parts (whitespace removed from `traitArgs` and `selfType`). */
interface TraitImpl {
  file: string;
  src: RustText;
  scope: Scope;
  /** The trait's last path segment (`Deref` for `std::ops::Deref`). */
  trait: string;
  /** The trait's generic arguments as written, `<…>` included (`<[u8]>`), or ''. */
  traitArgs: string;
  /** The self type after `for`, before any `where`. */
  selfType: string;
}

/** Parses the masked header `impl<…> path::Trait<Args> for SelfType where …` (up to its `{`). */
function implHeader(header: string): { trait: string; traitArgs: string; selfType: string } | null {
  let i = header.indexOf('impl') + 4;
  while (/\s/.test(header[i] ?? '')) i++;
  if (header[i] === '<') {
    const close = matchAngle(header, i);
    if (close < 0) return null;
    i = close + 1;
  }
  const path = /^\s*(?:::\s*)?(?:[A-Za-z_]\w*\s*::\s*)*([A-Za-z_]\w*)\s*/.exec(header.slice(i));
  if (!path) return null;
  i += path[0].length;
  let traitArgs = '';
  if (header[i] === '<') {
    const close = matchAngle(header, i);
    if (close < 0) return null;
    traitArgs = header.slice(i, close + 1).replace(/\s+/g, '');
    i = close + 1;
  }
  const rest = /^\s*for\s+([\s\S]*)$/.exec(header.slice(i));
  if (!rest) return null;
  const selfType = (rest[1] ?? '').replace(/\bwhere\b[\s\S]*$/, '').replace(/\s+/g, '');
  return selfType === '' ? null : { trait: path[1] ?? '', traitArgs, selfType };
}

/** Every trait impl block of a file. */
function traitImpls(file: string, src: RustText): TraitImpl[] {
  const out: TraitImpl[] = [];
  for (const scope of itemScopes(src)) {
    if (scope.keyword !== 'impl' || src.masked[scope.headerEnd] !== '{') continue;
    const h = implHeader(src.masked.slice(scope.start, scope.headerEnd));
    if (h) out.push({ file, src, scope, ...h });
  }
  return out;
}

/** The trait impl an E0046 points at (its primary span is on the impl's header). */
async function traitImplAt(input: GraphActionInput): Promise<TraitImpl | null> {
  const p = input.diagnostic.primary;
  if (!p) return null;
  const src = await textOf(input, p.file);
  if (!src) return null;
  const at = src.indexOf(p.byteStart);
  return traitImpls(p.file, src).find((t) => t.scope.start <= at && at <= t.scope.headerEnd) ?? null;
}

/** The missing item names of an E0046 (param `names`, rustc's backquoted list); null when one is not a plain name. */
function missingNames(input: GraphActionInput): string[] | null {
  const names = [...(input.params.names ?? '').matchAll(/`([^`]+)`/g)].map((m) => m[1] ?? '');
  return names.length > 0 && names.every(isIdent) ? names : null;
}

/** A fn item directly inside an impl block: name, receiver as written, the other parameters' names, body. */
interface ImplFn {
  name: string;
  /** `&self`, `&mut self`, `self`… with whitespace removed, or null for an associated fn. */
  receiver: string | null;
  params: string[];
  /** Body text between the braces, trimmed. */
  body: string;
  /** True when the body holds a comment or a literal (the masked text differs). */
  literal: boolean;
}

/** The receiver and parameter names of a parameter list (text between the parentheses); null on a pattern parameter. */
function paramNames(list: string): { receiver: string | null; params: (string | null)[] } | null {
  const pieces = splitTopLevel(list).map(([, x]) => x.trim()).filter((x) => x !== '');
  let receiver: string | null = null;
  const first = pieces[0];
  if (first !== undefined && /^(?:&\s*(?:'\w+\s+)?(?:mut\s+)?)?(?:mut\s+)?self\b/.test(first)) {
    receiver = first.replace(/\s+/g, '');
    pieces.shift();
  }
  const params: (string | null)[] = [];
  for (const piece of pieces) {
    const m = /^(?:mut\s+)?([A-Za-z_]\w*)\s*:/.exec(piece);
    if (!m) return null;
    params.push(m[1] === '_' ? null : (m[1] ?? null));
  }
  return { receiver, params };
}

/** The fn items directly inside `impl`, or null when one has a parameter pattern or no body. */
function implFns(src: RustText, impl: Scope): ImplFn[] | null {
  const depth = src.braceDepth(impl.headerEnd + 1);
  const out: ImplFn[] = [];
  for (const fn of itemScopes(src)) {
    if (fn.keyword !== 'fn' || fn.start <= impl.headerEnd || fn.start >= impl.end || src.braceDepth(fn.start) !== depth) continue;
    if (src.masked[fn.headerEnd] !== '{') return null;
    const po = src.masked.indexOf('(', fn.generics ? fn.generics[1] : fn.start);
    const pc = po < 0 ? -1 : src.closeOf(po);
    if (pc < 0 || pc > fn.headerEnd) return null;
    const names = paramNames(src.masked.slice(po + 1, pc));
    if (!names || names.params.some((x) => x === null)) return null;
    const body = src.text.slice(fn.headerEnd + 1, fn.end).trim();
    const masked = src.masked.slice(fn.headerEnd + 1, fn.end).trim();
    out.push({ name: fn.name, receiver: names.receiver, params: names.params as string[], body, literal: body !== masked });
  }
  return out;
}

/** The declaration of trait `name` (rustc's "from trait" span, else the graph), or null (a std trait). */
async function traitDecl(input: GraphActionInput, name: string): Promise<{ src: RustText; scope: Scope } | null> {
  const files = new Set<string>(input.diagnostic.spans.filter((s) => !s.isPrimary && /from trait$/.test(s.label ?? '')).map((s) => s.file));
  for (const n of await defs(input, name, ['trait'])) files.add(n.file);
  for (const f of files) {
    const src = await textOf(input, f);
    const scope = src ? itemScopes(src).find((x) => x.keyword === 'trait' && x.name === name) : undefined;
    if (src && scope) return { src, scope };
  }
  return null;
}

/**
 * The missing method's signature: rustc's E0046 suggestion (`fn m(&self, _: u32) -> u32 { todo!() }`, printed
 * even for std traits) without its stub, each `_` parameter named — by `names` (a sibling's own names, positionally),
 * else by the trait's declaration, else `argN`. Null when rustc printed none or a parameter is another pattern.
 */
async function missingSignature(input: GraphActionInput, trait: string, name: string, names: readonly string[] = []): Promise<{ sig: string; receiver: string | null; params: string[] } | null> {
  let sig: string | null = null;
  const re = new RegExp(`(?:^|\\n)[ \\t]*((?:(?:unsafe|async|const)\\s+)*fn\\s+${name}\\b[^\\n]*?)\\s*\\{\\s*todo!\\(\\)\\s*\\}`);
  for (const s of input.diagnostic.suggestions) for (const e of s.edits) sig ??= re.exec(e.replacement)?.[1]?.trim() ?? null;
  if (sig === null) return null;
  const text = new RustText(sig);
  const head = new RegExp(`\\bfn\\s+${name}\\s*`).exec(text.masked);
  if (!head) return null;
  let open = head.index + head[0].length;
  if (text.masked[open] === '<') open = text.skipSpace(matchAngle(text.masked, open) + 1);
  if (text.masked[open] !== '(') return null;
  const close = text.closeOf(open);
  if (close < 0) return null;
  const parsed = paramNames(text.masked.slice(open + 1, close));
  if (!parsed) return null;
  // The trait's own parameter names, when its declaration is in the workspace.
  let declared: (string | null)[] = [];
  const decl = parsed.params.some((x) => x === null) && names.length === 0 ? await traitDecl(input, trait) : null;
  if (decl) {
    const d = new RegExp(`\\bfn\\s+${name}\\b`).exec(decl.src.masked.slice(decl.scope.headerEnd, decl.scope.end));
    const at = d ? decl.scope.headerEnd + d.index : -1;
    const po = at < 0 ? -1 : decl.src.masked.indexOf('(', at);
    const pc = po < 0 ? -1 : decl.src.closeOf(po);
    declared = pc < 0 ? [] : (paramNames(decl.src.masked.slice(po + 1, pc))?.params ?? []);
  }
  const params = parsed.params.map((p, k) => p ?? names[k] ?? declared[k] ?? `arg${k + 1}`);
  if (new Set(params).size !== params.length || params.some((p) => p === 'self' || !isIdent(p))) return null;
  // Rebuild the list with the names: the receiver as printed, then `name: Type` per parameter.
  const pieces = splitTopLevel(text.text.slice(open + 1, close)).map(([, x]) => x.trim()).filter((x) => x !== '');
  const rebuilt = pieces.map((piece, k) => {
    const j = parsed.receiver !== null ? k - 1 : k;
    return j < 0 ? piece : piece.replace(/^(?:mut\s+)?[A-Za-z_]\w*\s*:/, `${params[j] ?? ''}:`);
  });
  return { sig: `${sig.slice(0, open + 1)}${rebuilt.join(', ')}${sig.slice(close)}`, receiver: parsed.receiver, params };
}

/** The edit that adds `methods` (`sig { body }` texts, 4-space relative indentation) before the impl's closing brace. */
function addMethodsEdit(file: string, src: RustText, impl: Scope, methods: readonly string[]): FileEdit {
  const close = impl.end;
  const at = src.skipSpaceBack(close);
  const indent = `${src.indentAt(impl.start)}    `;
  const empty = src.masked.slice(impl.headerEnd + 1, close).trim() === '';
  const text = methods.map((a) => `\n${indent}${a.replace(/\n {4}/g, `\n${indent}`).replace(/^ {4}/, '')}`).join('\n');
  return mk(file, src, at, at, `${empty ? '' : '\n'}${text}\n${src.indentAt(impl.start)}`.replace(/^\n\n/, '\n'));
}

/** `sig { body }` with the body on its own, re-indented lines. */
function methodText(sig: string, body: string): string {
  return `${sig} {\n        ${body.replace(/\n\s*/g, '\n        ')}\n    }`;
}

/** Files that may hold another impl for the same self type: the impl's, the context's, the type's definition. */
async function implFiles(input: GraphActionInput, impl: TraitImpl, otherTrait: string | null): Promise<string[]> {
  const files = new Set<string>([impl.file, ...input.ctx.files.keys()]);
  const base = /^(?:[A-Za-z_]\w*::)*([A-Za-z_]\w*)/.exec(impl.selfType)?.[1] ?? '';
  if (isIdent(base)) for (const n of await defs(input, base, ['struct', 'enum', 'union'])) files.add(n.file);
  if (otherTrait !== null) for (const n of await defs(input, `impl ${otherTrait} for ${impl.selfType}`, ['impl'])) files.add(n.file);
  return [...files];
}

/** The impls of `trait` (null: any trait) for exactly `impl`'s self type (whitespace aside) in the candidate files. */
async function implsFor(input: GraphActionInput, impl: TraitImpl, trait: string | null, traitArgs: string | null): Promise<TraitImpl[]> {
  const out: TraitImpl[] = [];
  for (const f of await implFiles(input, impl, trait)) {
    const src = f === impl.file ? impl.src : await textOf(input, f);
    if (!src) continue;
    for (const t of traitImpls(f, src)) if ((trait === null || t.trait === trait) && t.selfType === impl.selfType && (traitArgs === null || t.traitArgs === traitArgs)) out.push(t);
  }
  return out;
}

// Forwarding

const FWD_RECV = String.raw`self(?:\s*\.\s*\w+)+|\(\s*(?:\*{2,}\s*self(?:\s*\.\s*\w+)*|\*+\s*self(?:\s*\.\s*\w+)+)\s*\)`;
const FWD_FIRST = String.raw`&\s*(?:mut\s+)?\*{2,}\s*self|\*+\s*self|&\s*(?:mut\s+)?self(?:\s*\.\s*\w+)+|self(?:\s*\.\s*\w+)+`;
const FWD_PATH = String.raw`<[^;{}()]*?>|(?:[A-Za-z_]\w*\s*::\s*)*[A-Za-z_]\w*(?:\s*::\s*<[^;{}()]*?>|<[^;{}()]*?>)?`;

/** How `f` forwards, as a key shared by methods forwarding the same way (`.|self.0`, `::|T|&**self`), or null. */
function forwardKey(f: ImplFn): string | null {
  if (f.literal || f.receiver === null) return null;
  const args = f.params.map((p) => `\\s*${p}\\s*`).join(',');
  const body = f.body.replace(/;$/, '');
  const a = new RegExp(`^(${FWD_RECV})\\s*\\.\\s*${f.name}\\s*\\(${args || '\\s*'}\\)$`).exec(body);
  if (a) return `.|${(a[1] ?? '').replace(/\s+/g, '')}`;
  const b = new RegExp(`^(${FWD_PATH})\\s*::\\s*${f.name}\\s*\\(\\s*(${FWD_FIRST})\\s*${args ? `,${args}` : ''}\\)$`).exec(body);
  if (b) return `::|${(b[1] ?? '').replace(/\s+/g, ' ').trim()}|${(b[2] ?? '').replace(/\s+/g, '')}`;
  return null;
}

/** The forwarding call of method `name` with `params` for a key of `forwardKey`. */
function forwardCall(key: string, name: string, params: readonly string[]): string {
  const [kind, a = '', b = ''] = key.split('|');
  return kind === '.' ? `${a}.${name}(${params.join(', ')})` : `${a}::${name}(${[b, ...params].join(', ')})`;
}

/** True when the field `field` is all the state of struct `name` (its only field apart from `PhantomData`). */
async function soleField(input: GraphActionInput, impl: TraitImpl, field: string): Promise<boolean> {
  const name = /^(?:[A-Za-z_]\w*::)*([A-Za-z_]\w*)/.exec(impl.selfType)?.[1] ?? '';
  if (!isIdent(name)) return false;
  const files = new Set<string>([impl.file]);
  for (const n of await defs(input, name, ['struct'])) files.add(n.file);
  const found: boolean[] = [];
  for (const f of files) {
    const src = f === impl.file ? impl.src : await textOf(input, f);
    if (!src) continue;
    for (const s of itemScopes(src)) {
      if (s.keyword !== 'struct' || s.name !== name) continue;
      const from = s.generics ? s.generics[1] + 1 : s.start;
      const open = /[({]/.exec(src.masked.slice(from, s.headerEnd + 1));
      if (!open) continue;
      const o = from + open.index;
      const c = src.closeOf(o);
      if (c < 0) continue;
      const fields = splitTopLevel(src.masked.slice(o + 1, c)).map(([, x]) => x.trim()).filter((x) => x !== '');
      const state = fields.map((x, k) => [open[0] === '(' ? String(k) : (/([A-Za-z_]\w*)\s*:/.exec(x.replace(/^(?:#\[[^\]]*\]\s*)*(?:pub(?:\s*\([^)]*\))?\s+)?/, ''))?.[1] ?? ''), x] as const).filter(([, x]) => !/\bPhantomData\b/.test(x));
      found.push(state.length === 1 && state[0]?.[0] === field);
    }
  }
  return found.length === 1 && found[0] === true;
}

/**
 * E0046 in an impl whose every method forwards to one receiver with its own name and arguments (`self.0.m(a)`,
 * `(**self).m(a)`, `T::m(&**self, a)`): the missing method forwards the same way. Two forwarding siblings are a
 * convention; one suffices only where that receiver is all the impl's state (a `&T`/`&mut T`/`Box<T>`/`Rc<T>`/`Arc<T>`
 * impl dereferencing `self`, or the only field of a newtype), since such an impl has nothing else to act on. Any
 * method that does not forward: nothing. Param `names`.
 */
const traitMethodForward: GraphActionFn = async (input) => {
  const names = missingNames(input);
  const impl = await traitImplAt(input);
  if (!names || !impl) return [];
  const fns = implFns(impl.src, impl.scope);
  if (!fns || fns.length === 0) return [];
  const keys = fns.map(forwardKey);
  const key = keys[0];
  if (key === null || key === undefined || keys.some((k) => k !== key)) return [];
  // `Self::m(self.0)` names this very impl's method: not a forward.
  if (/^::\|Self\b/.test(key)) return [];
  if (fns.length < 2) {
    const [kind, recv = ''] = key.split('|');
    const pointer = /^(?:&|(?:(?:std|alloc)::(?:boxed|rc|sync)::)?(?:Box|Rc|Arc)<)/.test(impl.selfType);
    const deref = kind === '.' && /^\(\*+self\)$/.test(recv);
    const field = kind === '.' ? /^self\.(\w+)/.exec(recv)?.[1] : undefined;
    if (!(pointer && deref) && !(field !== undefined && (await soleField(input, impl, field)))) return [];
  }
  const methods: string[] = [];
  for (const name of names) {
    const sig = await missingSignature(input, impl.trait, name);
    if (!sig || sig.receiver === null) return [];
    methods.push(methodText(sig.sig, forwardCall(key, name, sig.params)));
  }
  return [{ edits: [addMethodsEdit(impl.file, impl.src, impl.scope, methods)], note: `forwards like the impl's other ${fns.length === 1 ? 'method' : 'methods'}` }];
};

// Mutability mirrors

/** Paired std traits: trait → [its method, the twin trait, the twin's method] (shared ↔ mutable). */
const MIRRORS: Readonly<Record<string, readonly [string, string, string]>> = {
  DerefMut: ['deref_mut', 'Deref', 'deref'],
  AsMut: ['as_mut', 'AsRef', 'as_ref'],
  IndexMut: ['index_mut', 'Index', 'index'],
  BorrowMut: ['borrow_mut', 'Borrow', 'borrow'],
  Deref: ['deref', 'DerefMut', 'deref_mut'],
  AsRef: ['as_ref', 'AsMut', 'as_mut'],
  Index: ['index', 'IndexMut', 'index_mut'],
  Borrow: ['borrow', 'BorrowMut', 'borrow_mut'],
};

/** Shared accessors and their mutable counterparts. */
const MUT_METHODS: Readonly<Record<string, string>> = {
  as_ref: 'as_mut',
  deref: 'deref_mut',
  borrow: 'borrow_mut',
  index: 'index_mut',
  get: 'get_mut',
  get_ref: 'get_mut',
  first: 'first_mut',
  last: 'last_mut',
  as_slice: 'as_mut_slice',
  as_str: 'as_mut_str',
  as_deref: 'as_deref_mut',
};

/** Mutable accessors and their shared counterparts (`get_mut` is `get` with a key; alone it may be `get_ref`). */
const SHARED_METHODS: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(MUT_METHODS).filter(([k]) => k !== 'get_ref').map(([k, v]) => [v, k]),
);

/** Methods that pass a reference through unchanged, whichever its mutability. */
const REF_NEUTRAL = new Set(['unwrap']);

/**
 * The mirror of an accessor body in the other mutability. To `&mut` (`toMut`): each `&` borrow becomes `&mut `,
 * `ref` becomes `ref mut`, each accessor its `_mut` counterpart; to shared: each `&mut` becomes `&`, `ref mut`
 * becomes `ref`, each `_mut` accessor its shared one. Null when anything in the body has no known mirror: another
 * call, a macro, a closure, `unsafe`, a cast, a binary `&`/`&&`, a lifetime, a `mut` that is not part of a borrow
 * being mirrored, a literal or comment.
 */
export function mirrorBody(body: string, toMut: boolean): string | null {
  if (new RustText(body).masked !== body) return null;
  if (/\b(?:unsafe|as|static|const|fn|loop|while|for|return)\b|[|!'"]|::|&&/.test(body)) return null;
  let out = '';
  let i = 0;
  const prev = (): string => out.trimEnd().slice(-1);
  while (i < body.length) {
    const ch = body[i] as string;
    if (ch === '&') {
      // A borrow, not a binary `&`: nothing that ends an operand before it.
      if (/[\w)\]]/.test(prev())) return null;
      const mut = /^&\s*mut\s+/.exec(body.slice(i));
      if (toMut === (mut !== null)) return null;
      out += toMut ? '&mut ' : '&';
      i += mut ? mut[0].length : 1;
      while (body[i] === ' ') i++;
      continue;
    }
    const word = /^[A-Za-z_]\w*/.exec(body.slice(i));
    if (word) {
      const w = word[0];
      const after = body.slice(i + w.length);
      const dotted = prev() === '.';
      if (w === 'mut') return null;
      if (w === 'ref') {
        const mut = /^\s+mut\b/.exec(after);
        if (toMut === (mut !== null)) return null;
        out += toMut ? 'ref mut' : 'ref';
        i += w.length + (mut ? mut[0].length : 0);
        continue;
      }
      if (/^\s*\(/.test(after)) {
        // A call: a mapped accessor or a pass-through method; a capitalised tuple constructor (`Some(x)`); else none.
        const mapped = toMut ? MUT_METHODS[w] : w === 'get_mut' && /^\s*\(\s*\)/.test(after) ? undefined : SHARED_METHODS[w];
        if (dotted && mapped !== undefined) out += mapped;
        else if (dotted && REF_NEUTRAL.has(w)) out += w;
        else if (!dotted && /^[A-Z]/.test(w)) out += w;
        else if (!dotted && ['match', 'if', 'else', 'in', 'let'].includes(w)) out += w;
        else return null;
      } else out += w;
      i += w.length;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

/**
 * E0046 for one accessor of a shared/mutable pair: `deref_mut`/`as_mut`/`index_mut`/`borrow_mut` mirror the same
 * self type's `deref`/`as_ref`/`index`/`borrow` (same trait arguments) and the other way round; any other `m_mut`
 * (a `StreamingIteratorMut::get_mut`) mirrors the one `&self` method `m` of the same self type's other trait impls,
 * and a missing `m` the one `&mut self` method `m_mut` (the `_mut` naming convention of Rust's API guidelines). The
 * body is mirrored (`&self.x` ↔ `&mut self.x`, `.as_ref()` ↔ `.as_mut()`) only when every borrow and accessor in it
 * has a mirror; the twin's parameter names are kept.
 */
const traitMethodMirror: GraphActionFn = async (input) => {
  const names = missingNames(input);
  const impl = await traitImplAt(input);
  const method = names?.[0];
  if (!names || names.length !== 1 || !impl || method === undefined) return [];
  const std = MIRRORS[impl.trait];
  const toMut = /_mut$/.test(method);
  let twin: string;
  let owners: TraitImpl[];
  if (std) {
    if (method !== std[0]) return [];
    twin = std[2];
    owners = await implsFor(input, impl, std[1], impl.traitArgs);
  } else {
    twin = toMut ? method.replace(/_mut$/, '') : `${method}_mut`;
    if (twin === '') return [];
    owners = (await implsFor(input, impl, null, null)).filter((t) => t.file !== impl.file || t.scope.start !== impl.scope.start);
  }
  const found = owners.flatMap((t) => (implFns(t.src, t.scope) ?? []).filter((f) => f.name === twin).map((f) => ({ t, f })));
  const only = found.length === 1 ? found[0] : undefined;
  const shared = /^&(?:'\w+)?self$/;
  const mutable = /^&(?:'\w+)?mutself$/;
  if (!only || only.f.literal || !(toMut ? shared : mutable).test(only.f.receiver ?? '')) return [];
  const body = mirrorBody(only.f.body, toMut);
  const sig = body === null ? null : await missingSignature(input, impl.trait, method, only.f.params);
  if (body === null || !sig || !(toMut ? mutable : shared).test(sig.receiver ?? '') || sig.params.join(',') !== only.f.params.join(',')) return [];
  const where = only.t.file !== impl.file ? ` in ${only.t.file}` : '';
  return [{ edits: [addMethodsEdit(impl.file, impl.src, impl.scope, [methodText(sig.sig, body)])], note: `mirrors ${only.t.trait}::${twin} of ${impl.selfType}${where}` }];
};

// Canonical bodies

/** True when the self type of `impl` derives `trait` at its definition (this file, or where the graph finds the type). */
async function selfTypeDerives(input: GraphActionInput, impl: TraitImpl, trait: string): Promise<boolean> {
  const name = /^(?:[A-Za-z_]\w*::)*([A-Za-z_]\w*)(<.*>)?$/.exec(impl.selfType)?.[1] ?? '';
  if (!isIdent(name)) return false;
  const files = new Set<string>([impl.file]);
  for (const n of await defs(input, name, ['struct', 'enum', 'union'])) files.add(n.file);
  for (const f of files) {
    const src = f === impl.file ? impl.src : await textOf(input, f);
    if ((src ? derivesOf(src, name) : null)?.includes(trait)) return true;
  }
  return false;
}

/** True when the self type of `impl` is `Copy`: derived at its definition or implemented for the same self type. */
async function isCopy(input: GraphActionInput, impl: TraitImpl): Promise<boolean> {
  if ((await implsFor(input, impl, 'Copy', '')).length > 0) return true;
  return selfTypeDerives(input, impl, 'Copy');
}

/** True when the self type has `Ord` (derived, or implemented with a `cmp` that does not call `partial_cmp`). */
async function hasOrdApartFromPartialOrd(input: GraphActionInput, impl: TraitImpl): Promise<boolean> {
  const ords = await implsFor(input, impl, 'Ord', '');
  if (ords.length === 1 && ords[0]) {
    const o = ords[0];
    // `cmp` written through `partial_cmp` would make `Some(self.cmp(other))` recurse forever.
    return !/\bpartial_cmp\b/.test(o.src.masked.slice(o.scope.headerEnd, o.scope.end)) && /\bfn\s+cmp\b/.test(o.src.masked.slice(o.scope.headerEnd, o.scope.end));
  }
  if (ords.length > 1) return false;
  return selfTypeDerives(input, impl, 'Ord');
}

/**
 * E0046 where rustc and clippy name the only sensible body (clippy's `non_canonical_clone_impl` and
 * `non_canonical_partial_ord_impl`): `Clone::clone` of a type that is `Copy` → `*self`; `PartialOrd::partial_cmp` of a
 * type that is `Ord` (against `Self`) → `Some(self.cmp(other))`. Only when the other impl or derive is in the code.
 */
const traitMethodCanonical: GraphActionFn = async (input) => {
  const names = missingNames(input);
  const impl = await traitImplAt(input);
  if (!names || names.length !== 1 || !impl) return [];
  let body: string | null = null;
  let sig: Awaited<ReturnType<typeof missingSignature>> = null;
  if (impl.trait === 'Clone' && names[0] === 'clone' && impl.traitArgs === '') {
    sig = await missingSignature(input, 'Clone', 'clone');
    if (sig?.receiver === '&self' && sig.params.length === 0 && (await isCopy(input, impl))) body = '*self';
  } else if (impl.trait === 'PartialOrd' && names[0] === 'partial_cmp' && (impl.traitArgs === '' || impl.traitArgs === `<${impl.selfType}>` || impl.traitArgs === '<Self>')) {
    sig = await missingSignature(input, 'PartialOrd', 'partial_cmp', ['other']);
    if (sig?.receiver === '&self' && sig.params.length === 1 && (await hasOrdApartFromPartialOrd(input, impl))) body = `Some(self.cmp(${sig.params[0] ?? 'other'}))`;
  }
  if (body === null || !sig) return [];
  return [{ edits: [addMethodsEdit(impl.file, impl.src, impl.scope, [methodText(sig.sig, body)])], note: impl.trait === 'Clone' ? `${impl.selfType} is Copy` : `${impl.selfType} is Ord` }];
};

// ---------------------------------------------------------------------------------------------------------
// arms_like_siblings

/**
 * E0004: adds the arms rustc names as not covered, each instantiated from the template every sibling arm of the same
 * payload shape agrees on (`match-arms.ts`): param `shape: bindings` takes templates that pass the payload's bindings
 * on (`E::A(x) => x.f(y)`), `shape: name` those that spell the variant's name (`E::DarkRed => "dark-red"`, `E::A =>
 * other::E::A`). Never a wildcard, a copied constant or a panicking placeholder. Param `patterns` (rustc's list).
 */
const armsLikeSiblings: GraphActionFn = async (input) => {
  const list = input.params.patterns ?? '';
  const kind = input.params.shape === 'name' ? 'name' : 'bindings';
  const p = input.diagnostic.primary;
  if (!p || /\bmore\b/.test(list)) return [];
  const missing = parseMissing([...list.matchAll(/`([^`]+)`/g)].map((m) => m[1] ?? ''));
  if (!missing || missing.length === 0) return [];
  const src = await textOf(input, p.file);
  if (!src) return [];
  const start = src.indexOf(p.byteStart);
  const end = src.indexOf(p.byteEnd);
  if (!/\bmatch\s*$/.test(src.masked.slice(Math.max(0, start - 10), start))) return [];
  const open = src.skipSpace(end);
  if (src.masked[open] !== '{') return [];
  const close = src.closeOf(open);
  if (close < 0) return [];
  const arms = readArms(src, open, close);
  if (!arms || arms.length < 2) return [];
  const added: string[] = [];
  for (const miss of missing) {
    // A struct variant's fields, from rustc's "not covered" pointer into the enum's definition.
    let fields: string[] | null = null;
    const at = (input.diagnostic.noteSpans ?? []).find((s) => s.label === 'not covered' && miss.payload === 'struct');
    if (at) {
      const def = await textOf(input, at.file);
      if (def) fields = variantFields(def, def.indexOf(at.byteStart), miss.name);
    }
    const arm = armFor(arms, miss, fields, kind);
    // Arms that share a value but bind nothing (`A => false, B => false`) are not a shape: the missing variant may
    // well be the one that differs, so that case is left to a person.
    if (arm === null) return [];
    added.push(arm);
  }
  const last = arms[arms.length - 1] as { end: number; body: string };
  const after = src.skipSpace(last.end);
  const hasComma = src.masked[after] === ',';
  const insertAt = hasComma ? after + 1 : last.end;
  const indent = src.indentAt(src.lineStart(last.end) === src.lineStart(open) ? open : last.end);
  const multiline = src.masked.slice(open, close).includes('\n');
  const lead = hasComma || last.body.endsWith('}') ? '' : ',';
  // A block body takes no comma (rustfmt's style); the others do.
  const text = added.map((a) => `${multiline ? `\n${indent}` : ' '}${a}${a.endsWith('}') ? '' : ','}`).join('');
  return [{ edits: [mk(p.file, src, insertAt, insertAt, `${lead}${text}`)], note: kind === 'name' ? 'arms spell the variant as the existing ones do' : 'arms mirror the existing ones' }];
};

// ---------------------------------------------------------------------------------------------------------
// fields_from_scope

/**
 * E0063: fills missing fields from same-named locals or parameters in scope (`S { a, b }` shorthand), then, when the
 * struct has `Default` (derived or implemented, wherever the graph finds it), `..Default::default()` for the rest.
 * Never invents a value. Params `fields`, `struct`.
 */
const fieldsFromScope: GraphActionFn = async (input) => {
  const fields = [...(input.params.fields ?? '').matchAll(/`([^`]+)`/g)].map((m) => m[1] ?? '');
  const structName = (input.params.struct ?? '').replace(/<.*$/s, '').split('::').pop() ?? '';
  const p = input.diagnostic.primary;
  if (!p || fields.length === 0 || fields.some((f) => !isIdent(f)) || !isIdent(structName) || /other field/.test(input.params.fields ?? '')) return [];
  const src = await textOf(input, p.file);
  if (!src) return [];
  const start = src.indexOf(p.byteStart);
  const end = src.indexOf(p.byteEnd);
  const open = src.skipSpace(end);
  if (src.masked[open] !== '{') return [];
  const close = src.closeOf(open);
  if (close < 0) return [];
  const inner = src.masked.slice(open + 1, close);
  if (inner.includes('..')) return [];
  const fn = scopesAt(src, start).find((s) => s.keyword === 'fn');
  const inScope = (f: string): boolean => {
    if (!fn) return false;
    const header = src.masked.slice(fn.start, fn.headerEnd);
    if (new RegExp(`[(,]\\s*(?:mut\\s+)?${f}\\s*:`).test(header)) return true;
    const body = src.masked.slice(fn.headerEnd, start);
    return new RegExp(`\\blet\\s+(?:mut\\s+)?${f}\\b\\s*[:=;]`).test(body);
  };
  const locals = fields.filter(inScope);
  const rest = fields.filter((f) => !locals.includes(f));
  let hasDefault = false;
  if (rest.length > 0) {
    const files = new Set<string>([p.file]);
    for (const n of await defs(input, structName, ['struct'])) files.add(n.file);
    for (const f of files) {
      const s = await textOf(input, f);
      if (!s) continue;
      const derives = derivesOf(s, structName);
      if ((derives ?? []).includes('Default') || new RegExp(`\\bimpl\\b[^{;]*\\bDefault\\s+for\\s+${structName}\\b`).test(s.masked)) hasDefault = true;
    }
    if (!hasDefault) return [];
  }
  const parts = [...locals, ...(rest.length > 0 ? ['..Default::default()'] : [])];
  const at = src.skipSpaceBack(close);
  const hasFields = inner.trim() !== '';
  const trailingComma = src.masked[at - 1] === ',';
  let replacement: string;
  if (inner.includes('\n')) {
    const indent = hasFields ? src.indentAt(at - 1) : `${src.indentAt(open)}    `;
    replacement = `${hasFields && !trailingComma ? ',' : ''}${parts.map((x) => `\n${indent}${x}${x.startsWith('..') ? '' : ','}`).join('')}`;
  } else if (!hasFields) {
    return [{ edits: [mk(p.file, src, open + 1, close, ` ${parts.join(', ')} `)], note: locals.length > 0 ? 'fields from locals in scope' : '..Default::default()' }];
  } else {
    replacement = `${trailingComma ? '' : ','} ${parts.join(', ')}`;
  }
  return [{ edits: [mk(p.file, src, at, at, replacement)], note: locals.length > 0 ? 'fields from locals in scope' : '..Default::default()' }];
};

// ---------------------------------------------------------------------------------------------------------
// the `?` family

/**
 * E0277 on `?` applied to a value that is not `Try`: drops that `?`. With param `require: annotated_let` (a `?` in
 * a function that cannot propagate), only a `?` that ends the initialiser of `let name: T = …?;`: the binding then
 * holds the whole operand, of the written type `T` (rustc checks it), so no error value is dropped — unlike a
 * statement `f()?;` whose `Result` would be silently ignored, or an unannotated `let` that would start holding one.
 */
const removeTry: GraphActionFn = async (input) => {
  const p = input.diagnostic.primary;
  if (!p) return [];
  const src = await textOf(input, p.file);
  if (!src) return [];
  const end = src.indexOf(p.byteEnd);
  const q = src.masked[end - 1] === '?' ? end - 1 : src.masked[end] === '?' ? end : -1;
  if (q < 0) return [];
  if (input.params.require === 'annotated_let') {
    if (src.masked[src.skipSpace(q + 1)] !== ';') return [];
    // The statement's start: the previous `;`, `{` or `}` outside the initialiser's own brackets.
    let k = q - 1;
    let depth = 0;
    for (; k >= 0; k--) {
      const ch = src.masked[k] as string;
      if (')]}'.includes(ch)) depth++;
      else if ('([{'.includes(ch)) {
        if (depth === 0) break;
        depth--;
      } else if (ch === ';' && depth === 0) break;
    }
    if (!/^\s*let\s+(?:mut\s+)?[a-z_]\w*\s*:[^=]+=/.test(src.masked.slice(k + 1, q)) || /^\s*let\s+_\s*:/.test(src.masked.slice(k + 1, q))) return [];
  }
  return [{ edits: [mk(p.file, src, q, q + 1, '')] }];
};

/** Index of the `let name … = <init>;` initialiser end before `before` in the enclosing fn, or null. */
function letInit(src: RustText, fnStart: number, before: number, name: string): { start: number; end: number } | null {
  const re = new RegExp(`\\blet\\s+(?:mut\\s+)?${name}\\s*(?::[^=;]*)?=`, 'g');
  re.lastIndex = fnStart;
  let found: { start: number; end: number } | null = null;
  for (let m = re.exec(src.masked); m && m.index < before; m = re.exec(src.masked)) {
    const s = src.skipSpace(m.index + m[0].length);
    let e = s;
    while (e < src.masked.length && src.masked[e] !== ';') {
      const ch = src.masked[e] as string;
      e = '([{'.includes(ch) ? src.closeOf(e) + 1 : e + 1;
      if (e <= 0) return null;
    }
    found = { start: s, end: src.skipSpaceBack(e) };
  }
  return found;
}

/**
 * A `Result`/`Option` used as the value it carries (a removed `?`): appends `?` where the value is made — at the
 * expression rustc points at (E0308), or at the `let` that bound the local used as a value (E0369/E0599/E0614) —
 * only inside a fn that itself returns `Result`/`Option` (its error type is for validation to check). Param
 * `local` (the local's name, `@matched` for the operand the detector's span selects, or `@receiver` for the local
 * a field or method at the primary span is taken from, when its `let` is the statement right before), or `at: matched` (append
 * to the expression the detector's span selects); neither: the primary expression.
 */
const restoreTry: GraphActionFn = async (input) => {
  const p = input.diagnostic.primary;
  if (!p) return [];
  const src = await textOf(input, p.file);
  if (!src) return [];
  const start = src.indexOf(p.byteStart);
  const fn = scopesAt(src, start).find((s) => s.keyword === 'fn');
  if (!fn) return [];
  const header = src.masked.slice(fn.start, fn.headerEnd);
  if (!/->\s*(?:[\w:]+::)?(?:Result|Option)\s*</.test(header) && !/->\s*(?:io|fmt|anyhow)::Result\b/.test(header)) return [];
  let local = input.params.local?.trim();
  if (local === '@matched') {
    // The operand rustc labels with the `Result`/`Option` type (`v` in `v * 3`).
    const s = input.matched.find((x) => x.file === p.file);
    local = s ? src.text.slice(src.indexOf(s.byteStart), src.indexOf(s.byteEnd)).trim() : '';
  }
  let adjacentOnly = false;
  if (local === '@receiver') {
    // The local a field or method is taken from (`cfg` in `cfg.port`); the `?` moves the early return to its
    // `let`, so only when that `let` is the statement right before the use (nothing runs in between).
    const dot = src.skipSpaceBack(start) - 1;
    const recv = src.masked[dot] === '.' ? /([A-Za-z_]\w*)\s*$/.exec(src.masked.slice(Math.max(0, dot - 100), dot)) : null;
    // A plain local only: not a field (`self.cfg.port`) or a path (`m::CFG.port`).
    const before = recv ? src.masked.slice(0, dot - recv[0].length).trimEnd() : '';
    local = recv && !before.endsWith('.') && !before.endsWith('::') ? (recv[1] ?? '') : '';
    adjacentOnly = true;
  }
  if (local !== undefined) {
    if (!isIdent(local)) return [];
    const init = letInit(src, fn.headerEnd, start, local);
    if (!init || src.masked[init.end - 1] === '?') return [];
    if (adjacentOnly) {
      const semi = src.masked.indexOf(';', init.end);
      const between = src.masked.slice(semi + 1, start);
      // The use's statement starts after the let's `;` with no other `;` or block in between.
      if (semi < 0 || /[;{}]/.test(between)) return [];
    }
    return [{ edits: [mk(p.file, src, init.end, init.end, '?')], atCause: true, note: `at the let of \`${local}\`` }];
  }
  // `at: matched`: the expression the detector's span selects (the initialiser of a `let` whose pattern expects
  // the carried value), else the primary expression.
  const target = input.params.at === 'matched' ? input.matched.find((x) => x.file === p.file) : p;
  if (!target) return [];
  const ts = src.indexOf(target.byteStart);
  const te = src.indexOf(target.byteEnd);
  if (src.masked[te - 1] === '?' || src.masked[src.skipSpace(te)] === '?') return [];
  const input2 = { file: p.file, src, diagnostic: input.diagnostic, matched: [], params: {} };
  const edits = appendPostfixEdits(input2, { start: ts, end: te }, '?');
  return edits.length > 0 ? [{ edits, ...(target !== p ? { atCause: true } : {}) }] : [];
};

// ---------------------------------------------------------------------------------------------------------
// param_type_at_callee

const INT_RE = /^[iu](?:8|16|32|64|128|size)$/;

/**
 * E0308 between integer types at a call's argument: changes the callee's parameter type (wherever the graph finds
 * the fn) to the type the callers pass. One edit at the signature instead of a conversion at every call site, and
 * never a `.try_into().unwrap()` panic path. Params `expected`, `found` (rustc's label).
 */
const paramTypeAtCallee: GraphActionFn = async (input) => {
  const d = input.diagnostic;
  const expected = input.params.expected ?? '';
  const found = input.params.found ?? '';
  const p = d.primary;
  const callee = input.matched[0];
  if (!p || !callee || !INT_RE.test(expected) || !INT_RE.test(found) || expected === found) return [];
  const useSrc = await textOf(input, p.file);
  if (!useSrc || callee.file !== p.file) return [];
  const cs = useSrc.indexOf(callee.byteStart);
  const ce = useSrc.indexOf(callee.byteEnd);
  const calleeText = useSrc.masked.slice(cs, ce).replace(/\s+/g, '');
  const name = /([A-Za-z_]\w*)$/.exec(calleeText)?.[1] ?? '';
  if (!isIdent(name)) return [];
  const method = /\.\s*$/.test(useSrc.masked.slice(Math.max(0, cs - 3), cs));
  // Which argument: the index of the top-level piece of the call's parentheses that holds the primary span.
  const open = useSrc.skipSpace(ce);
  if (useSrc.masked[open] !== '(') return [];
  const close = useSrc.closeOf(open);
  const at = useSrc.indexOf(p.byteStart);
  if (close < 0 || at < open || at > close) return [];
  let argIndex = -1;
  for (const [k, [off, piece]] of splitTopLevel(useSrc.masked.slice(open + 1, close)).entries()) {
    if (open + 1 + off <= at && at <= open + 1 + off + piece.length) argIndex = k;
  }
  if (argIndex < 0) return [];
  const qual = calleeText.split('::').slice(0, -1);
  const sites = new Map<string, number[]>();
  for (const n of await defs(input, name, method ? ['method'] : ['fn', 'method'])) {
    if (!method && !consistent(n, qual, name)) continue;
    sites.set(n.file, [...(sites.get(n.file) ?? []), n.span.startLine]);
  }
  const out: GraphProposal[] = [];
  for (const [file, lines] of sites) {
    if (out.length > 0 || lines.length !== 1) break;
    const src = await textOf(input, file);
    if (!src) continue;
    const from = lineIndex(src, lines[0] as number);
    const fn = itemScopes(src).find((sc) => sc.keyword === 'fn' && sc.name === name && sc.start >= from);
    if (!fn) continue;
    const po = src.masked.indexOf('(', fn.generics ? fn.generics[1] : fn.start);
    const pc = po < 0 ? -1 : src.closeOf(po);
    if (pc < 0 || pc > fn.headerEnd) continue;
    const params = splitTopLevel(src.masked.slice(po + 1, pc)).filter(([, x]) => x.trim() !== '');
    const own = params.filter(([, x]) => !/^\s*(?:&\s*(?:'\w+\s+)?(?:mut\s+)?)?(?:mut\s+)?self\b/.test(x));
    const param = own[argIndex];
    if (!param || own.length !== splitTopLevel(useSrc.masked.slice(open + 1, close)).filter(([, x]) => x.trim() !== '').length) continue;
    const m = new RegExp(`:\\s*(${expected})\\s*$`).exec(param[1]);
    if (!m) continue;
    const tyAt = po + 1 + param[0] + param[1].lastIndexOf(expected);
    out.push({ edits: [mk(file, src, tyAt, tyAt + expected.length, found)], atCause: true, note: `parameter ${argIndex + 1} of \`${name}\` in ${file} becomes ${found}` });
  }
  return out;
};

// ---------------------------------------------------------------------------------------------------------
// map_err_to_variant

/** Path segments of a type as written or printed (`::std::io::Error` → ['std', 'io', 'Error']), whitespace removed. */
function typeSegments(t: string): string[] {
  return t.replace(/\s+/g, '').replace(/^::/, '').split('::');
}

/**
 * True when a variant's field type as written can be the type rustc printed: equal paths, or one a suffix of the
 * other (`io::Error` ~ `std::io::Error`, `std::num::ParseIntError` ~ `ParseIntError`). Generic types must be equal.
 */
function sameTypePath(written: string, printed: string): boolean {
  const w = typeSegments(written);
  const p = typeSegments(printed);
  if (w.join('::') === p.join('::')) return true;
  if ([...w, ...p].some((x) => !isIdent(x))) return false;
  const [short, long] = w.length <= p.length ? [w, p] : [p, w];
  return short.every((x, i) => x === long[long.length - short.length + i]);
}

/**
 * The `?` an error conversion belongs to: the span itself when it is the `?` (E0277), or, for a span on a method
 * name (E0271 on `parse`), the `?` right after that call (`parse()?`, `parse::<u16>()?`). -1 when there is none.
 */
function tryAfter(src: RustText, start: number, end: number): number {
  const text = src.text.slice(start, end);
  if (text === '?') return src.skipSpaceBack(start) === start ? start : -1;
  if (!isIdent(text)) return -1;
  let i = src.skipSpace(end);
  if (src.masked.startsWith('::<', i)) {
    const close = matchAngle(src.masked, i + 2);
    if (close < 0) return -1;
    i = src.skipSpace(close + 1);
  }
  if (src.masked[i] !== '(') return -1;
  const close = src.closeOf(i);
  if (close < 0) return -1;
  return src.masked[close + 1] === '?' ? close + 1 : -1;
}

/**
 * E0277 "`?` couldn't convert the error to `E`" (or E0271 on `parse()?` whose `FromStr::Err` is not `E`): when `E` is an enum (defined once, in this file or wherever the
 * graph finds it) with exactly one single-field tuple variant holding the source error type, inserts
 * `.map_err(E::Variant)` before the `?`. The enum is named as the enclosing fn's signature writes it. Two variants
 * holding the same type, a generic enum, or a struct error type: nothing (which wrapping is meant is the author's).
 */
const mapErrToVariant: GraphActionFn = async (input) => {
  const target = (input.params.target ?? '').trim();
  const source = (input.params.source ?? '').trim();
  const typeName = typeSegments(target).pop() ?? '';
  const p = input.diagnostic.primary;
  if (!p || !isIdent(typeName) || /[<>]/.test(target) || source === '') return [];
  const site = await textOf(input, p.file);
  if (!site) return [];
  const q = tryAfter(site, site.indexOf(p.byteStart), site.indexOf(p.byteEnd));
  if (q < 0) return [];
  const files = new Set<string>([p.file]);
  for (const n of await defs(input, typeName, ['enum'])) files.add(n.file);
  let enums = 0;
  const variants: string[] = [];
  for (const file of files) {
    const src = file === p.file ? site : await textOf(input, file);
    if (!src) continue;
    for (const m of src.masked.matchAll(new RegExp(`\\benum\\s+${typeName}\\s*(<|\\{)`, 'g'))) {
      enums++;
      if (m[1] === '<') return [];
      const open = (m.index ?? 0) + m[0].length - 1;
      const close = src.closeOf(open);
      if (close < 0) return [];
      for (const [, piece] of splitTopLevel(src.masked.slice(open + 1, close))) {
        const v = /^\s*(?:#\s*\[[^\]]*\]\s*)*([A-Z]\w*)\s*\(\s*(?:#\s*\[[^\]]*\]\s*)*([^(),]+?)\s*,?\s*\)\s*$/.exec(piece);
        if (v && sameTypePath(v[2] ?? '', source)) variants.push(v[1] ?? '');
      }
    }
  }
  if (enums !== 1 || variants.length !== 1) return [];
  // Name the enum as the enclosing fn's signature does (`errors::ConfigError`), else by its bare name.
  const fn = scopesAt(site, q).find((s) => s.keyword === 'fn' && s.headerEnd < q);
  const written = fn ? new RegExp(`((?:[A-Za-z_]\\w*::)*)${typeName}\\b`).exec(site.masked.slice(fn.start, fn.headerEnd)) : null;
  const path = `${written?.[1] ?? ''}${typeName}::${variants[0] ?? ''}`;
  return [{ edits: [mk(p.file, site, q, q, `.map_err(${path})`)], note: `wrap the error in ${path}` }];
};

/** Every graph action by name. */
export const GRAPH_ACTIONS: Readonly<Record<GraphActionName, GraphActionFn>> = {
  make_visible: makeVisible,
  derive_at_definition: deriveAtDefinition,
  trait_method_from_siblings: traitMethodFromSiblings,
  trait_method_forward: traitMethodForward,
  trait_method_mirror: traitMethodMirror,
  trait_method_canonical: traitMethodCanonical,
  arms_like_siblings: armsLikeSiblings,
  fields_from_scope: fieldsFromScope,
  remove_try: removeTry,
  restore_try: restoreTry,
  param_type_at_callee: paramTypeAtCallee,
  map_err_to_variant: mapErrToVariant,
};

/** Names of the graph actions (for the schema). */
export const GRAPH_ACTION_NAMES = Object.keys(GRAPH_ACTIONS) as GraphActionName[];
