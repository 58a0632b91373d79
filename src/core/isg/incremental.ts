/**
 * Which files an incremental refresh must re-resolve. Pure: no I/O.
 *
 * The resolver's output for a file's items (CALLS, USES, IMPLEMENTS, REQUIRES_BOUND) depends on the file's own facts
 * and on the workspace's *interface*: which names each module defines and imports, each item's cfg, each function's
 * return type and bounds, each struct's field types, which impls attach which members to which types. Bodies
 * (calls, locals, macros), spans, docs and signature text of other files never change it. So a refresh compares the
 * interface of each changed file before and after:
 *
 * - the module structure changed (a `mod` item, a glob import, file-level cfg, a file added or removed): every file
 *   is re-resolved;
 * - otherwise the names whose meaning changed are collected (an item's name, a field's name, an import's name, the
 *   members an impl attaches), and the change spreads to every interface entry that refers to one of them (a
 *   function returning a changed type changes what its callers' receivers are; an alias of a changed item changes
 *   too), until nothing new is added;
 * - the files to re-resolve are the changed ones plus every file whose facts mention one of those names anywhere
 *   (every lookup the resolver makes for a file starts from a name written in the file, and each step through
 *   another file's interface is covered by the spreading above).
 *
 * Names are compared as identifier tokens, so the test is conservative: a body-only edit re-resolves the edited file
 * alone, a new item only the files that mention its name.
 */
import type { FileFacts, ItemFact } from './facts.js';
import { fileItemKeys } from './resolve.js';

/** One changed file: facts before (undefined: added) and after (undefined: removed). */
export interface FileChange {
  file: string;
  before?: FileFacts;
  after?: FileFacts;
}

/** Past this many changed names, re-resolving everything is cheaper than finding who mentions them. */
export const MAX_CHANGED_NAMES = 256;

/** One piece of a file's interface: its identity (compared before/after), the names it gives meaning to, the names
 * its meaning depends on, and (impls) the trait whose default members it attaches. */
interface Entry {
  id: string;
  defines: string[];
  refs: string[];
  traitName?: string;
}

interface FileInterface {
  /** Module structure: any difference re-resolves every file. */
  structure: string;
  entries: Entry[];
}

const IDENT = /[A-Za-z_][A-Za-z0-9_]*/g;

function tokens(text: string): string[] {
  return text.match(IDENT) ?? [];
}

function pathTokens(paths: readonly (readonly string[] | undefined)[]): string[] {
  const out: string[] = [];
  for (const p of paths) if (p) for (const seg of p) out.push(...tokens(seg));
  return out;
}

/** Items with a return type or a scope (functions, methods, impls, traits): their generics and bounds type results. */
function scoped(item: ItemFact): boolean {
  return item.ret !== undefined || item.kind === 'fn' || item.kind === 'method' || item.kind === 'impl' || item.kind === 'trait';
}

/** The interface of one file, as the resolver sees it from other files. */
export function fileInterface(file: string, facts: FileFacts): FileInterface {
  const keys = fileItemKeys(file, facts.items);
  const rankOf = new Map<string, number>();
  const ranks = facts.items.map((item) => {
    const r = rankOf.get(item.name) ?? 0;
    rankOf.set(item.name, r + 1);
    return r;
  });
  const mods: unknown[] = [];
  const globs: unknown[] = [];
  const entries: Entry[] = [];
  const header = (idx: number | undefined): unknown => {
    if (idx === undefined) return undefined;
    const p = facts.items[idx] as ItemFact;
    return [keys[idx], p.kind, p.cfg, p.selfPath, p.traitPath, p.traitArgs, p.generics, p.boundTraits.map((b) => [b.param, b.path])];
  };
  facts.items.forEach((item, idx) => {
    if (item.kind === 'mod') {
      mods.push([keys[idx], item.name, item.mods, ranks[idx], item.cfg, item.features, item.modFile, item.pathAttr, item.parent]);
      return;
    }
    const parent = item.parent !== undefined ? facts.items[item.parent] : undefined;
    const scope = scoped(item) ? [item.generics, item.boundTraits.map((b) => [b.param, b.path])] : undefined;
    const id = JSON.stringify([keys[idx], item.kind, item.name, item.mods, ranks[idx], item.cfg, item.ret, item.macroExport, scope, item.selfPath, item.traitPath, item.traitArgs, header(item.parent)]);
    const refs = pathTokens([item.ret, item.selfPath, item.traitPath, ...item.boundTraits.map((b) => b.path)]);
    if (parent) refs.push(...pathTokens([parent.selfPath, parent.traitPath, ...parent.boundTraits.map((b) => b.path)]), ...tokens(parent.name));
    // An impl gives no name a meaning itself: its members do (entries of their own, with the impl's header in their
    // identity), and so do the trait's default members it attaches.
    const entry: Entry = { id, defines: item.kind === 'impl' ? [] : tokens(item.name), refs };
    if (item.kind === 'impl' && item.traitPath) entry.traitName = item.traitPath[item.traitPath.length - 1] as string;
    entries.push(entry);
    for (const [field, type] of Object.entries(item.fields ?? {})) {
      const elem = item.fieldElems?.[field];
      entries.push({ id: JSON.stringify(['field', keys[idx], field, type, elem]), defines: tokens(field), refs: pathTokens([type, elem]) });
    }
  });
  const useRank = new Map<string, number>();
  for (const u of facts.uses) {
    if (u.glob) {
      globs.push([u.mods, u.path, u.cfg, u.public]);
      continue;
    }
    const name = u.alias ?? u.path[u.path.length - 1] ?? '';
    const at = `${u.mods.join('::')}::${name}`;
    const r = useRank.get(at) ?? 0;
    useRank.set(at, r + 1);
    entries.push({ id: JSON.stringify(['use', u.mods, u.path, u.alias, u.public, u.cfg, r]), defines: tokens(name), refs: pathTokens([u.path]) });
  }
  const structure = JSON.stringify([facts.fileFeatures, facts.fileCfg, facts.macroMods, mods, globs]);
  return { structure, entries };
}

/** True when `text` contains `token` as a whole identifier. */
export function mentions(text: string, token: string): boolean {
  for (let at = text.indexOf(token); at >= 0; at = text.indexOf(token, at + 1)) {
    const before = at > 0 ? text.charCodeAt(at - 1) : 0;
    const after = at + token.length < text.length ? text.charCodeAt(at + token.length) : 0;
    if (!isIdentChar(before) && !isIdentChar(after)) return true;
  }
  return false;
}

function isIdentChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

/** The names of the members of every trait named `name` (through `use .. as name` aliases too), as tokens. */
function traitMembers(name: string, facts: Iterable<FileFacts>): string[] {
  const names = new Set([name]);
  const all = [...facts];
  // Aliases of aliases: a few rounds at most in practice.
  for (let grew = true; grew; ) {
    grew = false;
    for (const f of all) {
      for (const u of f.uses) {
        const last = u.path[u.path.length - 1];
        if (u.alias && names.has(u.alias) && last && !names.has(last)) {
          names.add(last);
          grew = true;
        }
      }
    }
  }
  const out: string[] = [];
  for (const f of all) {
    f.items.forEach((item) => {
      const parent = item.parent !== undefined ? f.items[item.parent] : undefined;
      if (parent?.kind === 'trait' && names.has(parent.name)) out.push(...tokens(item.name));
    });
  }
  return out;
}

/**
 * The files whose item edges must be re-resolved after `changes`, given every file's current facts and their JSON
 * text (the substring search runs on the text), or undefined when every file must be.
 */
export function filesToResolve(changes: readonly FileChange[], facts: ReadonlyMap<string, FileFacts>, json: (file: string) => string): Set<string> | undefined {
  const dirty = new Set<string>();
  const changed = new Set<string>();
  const members = (entry: Entry): string[] => (entry.traitName ? traitMembers(entry.traitName, [...facts.values(), ...changes.flatMap((c) => (c.before ? [c.before] : []))]) : []);
  for (const c of changes) {
    if (!c.before || !c.after) return undefined;
    dirty.add(c.file);
    const before = fileInterface(c.file, c.before);
    const after = fileInterface(c.file, c.after);
    if (before.structure !== after.structure) return undefined;
    // Entries present on one side only (a multiset difference: a duplicated entry counts twice).
    const count = new Map<string, number>();
    for (const e of after.entries) count.set(e.id, (count.get(e.id) ?? 0) + 1);
    for (const e of before.entries) count.set(e.id, (count.get(e.id) ?? 0) - 1);
    for (const e of [...before.entries, ...after.entries]) {
      if ((count.get(e.id) ?? 0) === 0) continue;
      for (const t of e.defines) changed.add(t);
      for (const t of members(e)) changed.add(t);
    }
  }
  let pending = [...changed];
  const interfaces = new Map<string, FileInterface>();
  while (pending.length > 0) {
    if (changed.size > MAX_CHANGED_NAMES) return undefined;
    const next: string[] = [];
    const add = (t: string): void => {
      if (!changed.has(t)) {
        changed.add(t);
        next.push(t);
      }
    };
    for (const [file, f] of facts) {
      const text = json(file);
      const hit = pending.filter((t) => mentions(text, t));
      if (hit.length === 0) continue;
      dirty.add(file);
      let iface = interfaces.get(file);
      if (!iface) interfaces.set(file, (iface = fileInterface(file, f)));
      const hits = new Set(hit);
      for (const e of iface.entries) {
        if (!e.refs.some((r) => hits.has(r))) continue;
        for (const t of e.defines) add(t);
        for (const t of members(e)) add(t);
      }
    }
    pending = next;
  }
  return dirty;
}
