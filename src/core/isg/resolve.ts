/**
 * Turns the parser's per-file facts of a whole workspace into the ISG: builds the module tree of every crate,
 * resolves names through `mod`, `use` (self/super/crate, renames, globs, other workspace crates) and the impl index,
 * and emits nodes and edges. Pure: no I/O. An unresolvable call is counted, never guessed into an edge.
 */
import type { FileFacts, ItemFact, Receiver, UseFact } from './facts.js';
import { cfgActive, defaultFeatures, evalCfg, selectedFeatures, type FeatureSelection } from './cfg.js';
import { crateKey, featureKey, makeKey } from './keys.js';
import { STD_METHOD_NAMES } from './std-names.js';
import type { IsgEdge, IsgGraph, IsgNode, NodeKind, Rel } from './types.js';
import { libCrateName, type Workspace, type WorkspacePackage } from './workspace.js';

/** The resolved graph plus what could not be resolved (counted, not invented). */
export interface ResolveResult {
  graph: IsgGraph;
  /** Calls (path or method) that produced no edge: std/external calls, unknown receivers, ambiguous names. */
  unresolvedCalls: number;
  /** `#[derive(X)]` whose X is not a workspace trait (std/proc-macro derives): no node is invented for them. */
  externalDerives: number;
  /** Files in some crate's module tree (targets' roots, `mod` declarations, `#[path]` targets), sorted. */
  reached: string[];
  /** Per file whose item edges were emitted: [unresolved calls, external derives] (the totals above are their sums). */
  counts: Map<string, [number, number]>;
}

/** Options of one resolution. */
export interface ResolveOptions {
  /** Emit the item edges (every relation but DEPENDS and FEATURE_GATED_BY) of these files only; nodes, module
   * DEPENDS and FEATURE_GATED_BY edges are always complete. Default: every file. */
  edgesOf?: ReadonlySet<string>;
  /** Filled with the wall time (ms) of each step (`resolve_<step>`), for benchmarks. */
  timings?: Record<string, number>;
}

interface Module {
  pkg: WorkspacePackage;
  file: string;
  /** Inline module path inside `file`. */
  mods: string[];
  parent?: Module;
  root: Module;
  /** Directory in which `mod x;` declared here looks for `x.rs` / `x/mod.rs`. */
  dir: string;
  /** Key of the node standing for this module: the `mod` item, or the crate node for a crate root. */
  nodeKey: string;
  features: string[];
  /** False when a `#[cfg(..)]` on the module (or an enclosing one) is off in the checked configuration. */
  active: boolean;
  /** Features on for this crate (default features and what they enable). */
  on: ReadonlySet<string>;
  items: Map<string, Def[]>;
  uses: UseFact[];
  /** `mod x;` declaration key → the file module it declares, for this instance of the file. */
  fileChildren: Map<string, Module>;
}

interface Def {
  kind: NodeKind;
  key: string;
  /** The module a `mod` def stands for. */
  module?: Module;
  /** The module the item is declared in. */
  owner: Module;
  item?: ItemFact;
  /** False when the item or its module is cfg'd out in the checked configuration. */
  active: boolean;
}

/** Per impl/trait container: what `Self` is and which bounds are in scope. */
interface Container {
  item: ItemFact;
  key: string;
  selfDef?: Def;
  traitDef?: Def;
}

const TYPE_KINDS = new Set<NodeKind>(['struct', 'enum', 'union', 'trait', 'type']);
const CALLABLE_KINDS = new Set<NodeKind>(['fn', 'method', 'const', 'static']);
const PRELUDE_VARIANTS = new Set(['Some', 'Ok', 'Err']);
/** A feature set that holds every feature (for "off on this host whatever the features"). */
const ALL_FEATURES: ReadonlySet<string> = { has: () => true } as unknown as ReadonlySet<string>;
const INT_TYPES = new Set(['u8', 'u16', 'u32', 'u64', 'u128', 'usize', 'i8', 'i16', 'i32', 'i64', 'i128', 'isize']);
/** Methods whose result has the receiver's type (as far as the workspace types go): `x.clone().run()`. */
const SAME_TYPE_METHODS = new Set(['clone', 'to_owned', 'as_ref', 'as_mut', 'borrow', 'borrow_mut', 'unwrap', 'expect', 'lock', 'read', 'write', 'deref', 'deref_mut', 'as_deref', 'as_deref_mut', 'get_mut', 'by_ref']);
/** Iterator/collection methods whose elements are the receiver's elements. */
const ELEMENT_PRESERVING = new Set(['iter', 'iter_mut', 'into_iter', 'drain', 'filter', 'skip', 'take', 'rev', 'peekable', 'chain', 'cloned', 'copied', 'by_ref', 'inspect', 'step_by', 'skip_while', 'take_while', 'values', 'values_mut', 'into_values', 'as_slice', 'to_vec']);
/** Methods that return one element of their receiver (through Option, which return types unwrap). */
const ELEMENT_ACCESS = new Set(['first', 'last', 'get', 'get_mut', 'first_mut', 'last_mut', 'pop', 'next', 'next_back', 'nth', 'peek', 'find', 'remove', 'swap_remove', 'pop_front', 'pop_back', 'front', 'back', 'max_by_key', 'min_by_key']);

function dirname(p: string): string {
  const i = p.lastIndexOf('/');
  return i < 0 ? '' : p.slice(0, i);
}

function joinPath(...parts: string[]): string {
  const out: string[] = [];
  for (const part of parts) {
    for (const seg of part.split('/')) {
      if (seg === '' || seg === '.') continue;
      if (seg === '..') out.pop();
      else out.push(seg);
    }
  }
  return out.join('/');
}

/** A short stable hash (53-bit, hex) of a signature. */
export function sigHash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

/** The InterfaceName of an item (CONTRACT.md), before duplicate suffixes. */
export function interfaceName(items: readonly ItemFact[], item: ItemFact): string {
  const prefix = item.mods.length > 0 ? `${item.mods.join('::')}::` : '';
  const parent = item.parent !== undefined ? items[item.parent] : undefined;
  if (parent?.kind === 'trait') return `${prefix}${parent.name}::${item.name}`;
  if (parent?.kind === 'impl') {
    const self = parent.selfText ?? parent.name;
    return parent.traitText ? `${prefix}<${self} as ${parent.traitText}>::${item.name}` : `${prefix}${self}::${item.name}`;
  }
  if (item.kind === 'macro') return `${prefix}${item.name}!`;
  return `${prefix}${item.name}`;
}

/** The ISG keys of a file's items, in item order (a repeated InterfaceName gets ` #2`, ` #3`, ...). */
export function fileItemKeys(file: string, items: readonly ItemFact[]): string[] {
  const seen = new Map<string, number>();
  return items.map((item) => {
    const base = makeKey(file, interfaceName(items, item));
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base} #${n}`;
  });
}

/** The package owning `file`: the one with the longest manifest directory containing it. */
export function owningPackage(ws: Workspace, file: string): WorkspacePackage | undefined {
  let best: WorkspacePackage | undefined;
  for (const p of ws.packages) {
    const dir = p.manifestDir;
    if (dir === '' || file.startsWith(`${dir}/`)) {
      if (!best || dir.length > best.manifestDir.length) best = p;
    }
  }
  return best;
}

function pushUnique(list: string[], values: readonly string[]): void {
  for (const v of values) if (!list.includes(v)) list.push(v);
}

class Resolver {
  readonly nodes = new Map<string, IsgNode>();
  /** src → dst → the edges between them (one per relation). Keys are the resolver's own key strings, whose hashes V8
   * caches, so a lookup never builds or hashes a concatenated id. */
  private readonly edgeSet = new Map<string, Map<string, IsgEdge[]>>();
  unresolvedCalls = 0;
  externalDerives = 0;

  /** file → its instances (one per crate whose module tree reaches it), each: inline path key → module. */
  private readonly modules = new Map<string, Map<string, Module>[]>();
  /** file → keys of its items (same order as facts.items). */
  private readonly itemKeys = new Map<string, string[]>();
  private readonly defsByKey = new Map<string, Def>();
  /** package name → lib crate root module */
  private readonly libRoots = new Map<string, Module>();
  /** Rust crate name (lib name or rename) → package name, per package. */
  private readonly externs = new Map<string, Map<string, string>>();
  /** type/trait key → methods and assoc items: name → keys (inherent first, then trait impls). */
  private readonly inherent = new Map<string, Map<string, string[]>>();
  private readonly traitImplItems = new Map<string, Map<string, string[]>>();
  /** type key → trait keys it implements. */
  private readonly implementedTraits = new Map<string, string[]>();
  /** trait key → its declared items: name → key. */
  private readonly traitItems = new Map<string, Map<string, string>>();
  /** package → method name → keys (for the unique-name fallback). */
  private readonly methodsByName = new Map<string, Map<string, string[]>>();
  /** package → macro_rules name → keys. */
  private readonly macrosByPkg = new Map<string, Map<string, string[]>>();
  private readonly containers = new Map<string, Container>();
  private readonly onFeatures = new Map<string, Set<string>>();
  private readonly visible = new Map<string, string[]>();
  private readonly fallbackCache = new Map<string, Map<string, Set<string>>>();
  /** Trait impls for types outside the workspace (`impl From<X> for i32`): self type name → item name → keys. */
  private readonly externalImpls = new Map<string, Map<string, string[]>>();
  private readonly nameCache = new Map<Module, Map<string, Def[]>>();
  /** Names being resolved, per module: the depth of the resolveName frame computing each. */
  private readonly inProgress = new Map<Module, Map<string, number>>();
  private nameDepth = 0;
  /** The shallowest in-progress frame the current resolveName computation ran into (a cycle), Infinity if none. */
  private cycleLow = Infinity;
  private readonly counts = new Map<string, [number, number]>();

  constructor(
    private readonly ws: Workspace,
    private readonly files: ReadonlyMap<string, FileFacts>,
    private readonly selection?: FeatureSelection,
    private readonly edgesOf?: ReadonlySet<string>,
    private readonly timings?: Record<string, number>,
  ) {}

  run(): ResolveResult {
    const pkgs = this.ws.packages;
    for (const p of pkgs) {
      const ext = new Map<string, string>();
      for (const q of pkgs) ext.set(libCrateName(q), q.name);
      for (const [alias, target] of Object.entries(p.renames ?? {})) ext.set(alias, target);
      this.externs.set(p.name, ext);
    }
    let t = performance.now();
    const step = (name: string, run: () => void): void => {
      run();
      const now = performance.now();
      if (this.timings) this.timings[`resolve_${name}`] = Math.round(now - t);
      t = now;
    };
    step('keys', () => this.assignKeys());
    step('modules', () => this.buildModuleTree());
    step('scopes', () => this.populateScopes());
    step('nodes', () => this.emitNodes());
    step('impls', () => this.buildImplIndex());
    step('edges', () => this.emitEdges());
    const nodes = [...this.nodes.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    // Sorted by (src, rel, dst, attr) as compareEdges orders them, one source at a time.
    const edges: IsgEdge[] = [];
    for (const src of [...this.edgeSet.keys()].sort(cmpStr)) {
      const group: IsgEdge[] = [];
      for (const list of (this.edgeSet.get(src) as Map<string, IsgEdge[]>).values()) for (const e of list) group.push(e);
      group.sort(compareEdges);
      for (const e of group) edges.push(e);
    }
    return { graph: { nodes, edges }, unresolvedCalls: this.unresolvedCalls, externalDerives: this.externalDerives, reached: this.reachedFiles(), counts: this.counts };
  }

  // ---- keys -------------------------------------------------------------------------------------------

  private assignKeys(): void {
    for (const [file, facts] of this.files) this.itemKeys.set(file, fileItemKeys(file, facts.items));
  }

  private keyOf(file: string, idx: number): string {
    return this.itemKeys.get(file)?.[idx] ?? '';
  }

  // ---- module tree ------------------------------------------------------------------------------------

  /** The first instance of a file's modules (the one nodes and impls are registered with). */
  private primary(file: string): Map<string, Module> | undefined {
    return this.modules.get(file)?.[0];
  }

  /** The methods named `method` in `pkg` and the packages it depends on, impl methods folded onto their trait's
   * declaration (cached: the same names are looked up for tens of thousands of calls). */
  private fallbackTargets(pkg: WorkspacePackage, method: string): Set<string> {
    let byMethod = this.fallbackCache.get(pkg.name);
    if (!byMethod) this.fallbackCache.set(pkg.name, (byMethod = new Map()));
    const hit = byMethod.get(method);
    if (hit) return hit;
    const folded = new Set<string>();
    for (const p of this.visiblePackages(pkg)) {
      for (const k of this.methodsByName.get(p)?.get(method) ?? []) {
        const def = this.defsByKey.get(k);
        const parentKey = def?.item?.parent !== undefined ? this.keyOf(def.owner.file, def.item.parent) : undefined;
        const c = parentKey ? this.containers.get(parentKey) : undefined;
        const decl = c?.item.kind === 'impl' && c.traitDef ? this.traitItems.get(c.traitDef.key)?.get(method) : undefined;
        folded.add(decl ?? k);
      }
    }
    byMethod.set(method, folded);
    return folded;
  }

  /** False when the item, its impl/trait or its module has a cfg that is off on this host even with every feature on. */
  private hostActive(owner: Module, item: ItemFact, facts: FileFacts): boolean {
    const all = ALL_FEATURES;
    const parent = item.parent !== undefined ? facts.items[item.parent] : undefined;
    if (!cfgActive(item.cfg, all) || !cfgActive(parent?.cfg, all)) return false;
    for (let m: Module | undefined = owner; m; m = m.parent) {
      if (m.active) break; // an active module's ancestors are active too
      const decl = this.defsByKey.get(m.nodeKey)?.item;
      if (decl && !cfgActive(decl.cfg, all)) return false;
      if (m.mods.length === 0 && !cfgActive(this.files.get(m.file)?.fileCfg, all)) return false;
    }
    return true;
  }

  /** The package and every workspace package it depends on, directly or not. */
  private visiblePackages(pkg: WorkspacePackage): string[] {
    let seen = this.visible.get(pkg.name);
    if (seen) return seen;
    const out = new Set<string>();
    const visit = (name: string): void => {
      if (out.has(name)) return;
      out.add(name);
      for (const d of this.ws.packages.find((p) => p.name === name)?.deps ?? []) visit(d);
    };
    visit(pkg.name);
    seen = [...out];
    this.visible.set(pkg.name, seen);
    return seen;
  }

  private featuresOn(pkg: WorkspacePackage): Set<string> {
    let on = this.onFeatures.get(pkg.name);
    if (!on) this.onFeatures.set(pkg.name, (on = selectedFeatures(pkg, this.selection)));
    return on;
  }

  private newModule(pkg: WorkspacePackage, file: string, mods: string[], parent: Module | undefined, dir: string, nodeKey: string, features: string[], active: boolean, inst: Map<string, Module>): Module {
    const m = { pkg, file, mods, parent, dir, nodeKey, features, active, on: this.featuresOn(pkg), items: new Map(), uses: [], fileChildren: new Map() } as unknown as Module;
    m.root = parent ? parent.root : m;
    inst.set(mods.join('::'), m);
    if (mods.length === 0 && parent) parent.fileChildren.set(nodeKey, m);
    return m;
  }

  /**
   * Creates the module of `file` (and its inline and file submodules, recursively) as part of `parent`'s crate. A file
   * that several crates reach (`tests/util/mod.rs` of three integration tests) gets one instance per crate.
   */
  private buildFile(pkg: WorkspacePackage, file: string, parent: Module | undefined, nodeKey: string, inherited: string[], isDirOwner: boolean, active = true): Module | undefined {
    const facts = this.files.get(file);
    if (!facts) return undefined;
    const existing = this.modules.get(file) ?? [];
    for (const inst of existing) {
      const top = inst.get('') as Module;
      if (parent ? top.root === parent.root : top.parent === undefined && top.pkg === pkg) return top;
    }
    const stem = file.slice(file.lastIndexOf('/') + 1).replace(/\.rs$/, '');
    const dir = isDirOwner ? dirname(file) : joinPath(dirname(file), stem);
    const features = [...inherited];
    pushUnique(features, facts.fileFeatures);
    const inst = new Map<string, Module>();
    existing.push(inst);
    this.modules.set(file, existing);
    const top = this.newModule(pkg, file, [], parent, dir, nodeKey, features, active && cfgActive(facts.fileCfg, this.featuresOn(pkg)), inst);
    this.buildChildren(pkg, file, facts, inst);
    return top;
  }

  private buildChildren(pkg: WorkspacePackage, file: string, facts: FileFacts, inst: Map<string, Module>): void {
    facts.items.forEach((item, idx) => {
      if (item.kind !== 'mod' || item.parent !== undefined) return;
      const owner = inst.get(item.mods.join('::'));
      if (!owner) return;
      const features = [...owner.features];
      pushUnique(features, item.features);
      const key = this.keyOf(file, idx);
      const active = owner.active && cfgActive(item.cfg, owner.on);
      if (!item.modFile) {
        const mods = [...item.mods, item.name];
        this.newModule(pkg, file, mods, owner, joinPath(owner.dir, item.name), key, features, active, inst);
        return;
      }
      let candidates: { path: string; dirOwner: boolean }[];
      if (item.pathAttr) {
        const base = item.mods.length === 0 ? dirname(file) : owner.dir;
        candidates = [{ path: joinPath(base, item.pathAttr), dirOwner: true }];
      } else {
        candidates = [
          { path: joinPath(owner.dir, `${item.name}.rs`), dirOwner: false },
          { path: joinPath(owner.dir, item.name, 'mod.rs'), dirOwner: true },
        ];
      }
      const found = candidates.find((c) => this.files.has(c.path));
      if (found) this.buildFile(pkg, found.path, owner, key, features, found.dirOwner, active);
    });
  }

  private buildModuleTree(): void {
    const order = (kinds: string[]): number =>
      kinds.some((k) => k.endsWith('lib') || k === 'proc-macro') ? 0 : kinds.includes('bin') ? 1 : kinds.includes('custom-build') ? 3 : 2;
    for (const pkg of this.ws.packages) {
      const targets = [...pkg.targets].sort((a, b) => order(a.kind) - order(b.kind));
      for (const t of targets) {
        const m = this.buildFile(pkg, t.srcPath, undefined, crateKey(pkg.name), [], true);
        if (m && order(t.kind) === 0 && !this.libRoots.has(pkg.name)) this.libRoots.set(pkg.name, m);
      }
    }
    // Files no target's module tree reaches (book samples, fixtures, stale files) are not part of any crate: cargo
    // never compiles them, so they get no nodes — unless a macro of their package declares a module of that name
    // (`mod de;` inside serde_core's `crate_root!`): then they are indexed as stand-alone modules, as well as syntax allows.
    const macroMods = new Map<string, Set<string>>();
    for (const [file, insts] of this.modules) {
      const names = this.files.get(file)?.macroMods;
      const pkg = insts[0]?.get('')?.pkg.name;
      if (!names || !pkg) continue;
      let set = macroMods.get(pkg);
      if (!set) macroMods.set(pkg, (set = new Set()));
      for (const n of names) set.add(n);
    }
    if (macroMods.size === 0) return;
    for (const file of [...this.files.keys()].sort()) {
      if (this.modules.has(file)) continue;
      const pkg = owningPackage(this.ws, file);
      const parts = file.split('/');
      const stem = (parts[parts.length - 1] ?? '').replace(/\.rs$/, '');
      const name = stem === 'mod' ? parts[parts.length - 2] : stem;
      if (!pkg || !name || !macroMods.get(pkg.name)?.has(name)) continue;
      this.buildFile(pkg, file, undefined, crateKey(pkg.name), [], stem === 'mod');
    }
  }

  /** The files some crate's module tree reaches (the ones that have nodes). */
  reachedFiles(): string[] {
    return [...this.modules.keys()].sort();
  }

  private populateScopes(): void {
    for (const [file, facts] of this.files) {
      const instances = this.modules.get(file) ?? [];
      instances.forEach((byFile, n) => this.populateInstance(file, facts, byFile, n === 0));
    }
  }

  private populateInstance(file: string, facts: FileFacts, byFile: Map<string, Module>, first: boolean): void {
    {
      facts.items.forEach((item, idx) => {
        if (item.parent !== undefined || item.kind === 'impl') return;
        const owner = byFile.get(item.mods.join('::'));
        if (!owner) return;
        const key = this.keyOf(file, idx);
        const def: Def = { kind: item.kind, key, owner, item, active: owner.active && cfgActive(item.cfg, owner.on) };
        if (item.kind === 'mod') {
          const child = byFile.get([...item.mods, item.name].join('::')) ?? owner.fileChildren.get(key);
          if (child) def.module = child;
        }
        if (first) this.defsByKey.set(key, def);
        addDef(owner.items, item.name, def);
        if (item.kind === 'macro' && first) {
          let byName = this.macrosByPkg.get(owner.pkg.name);
          if (!byName) this.macrosByPkg.set(owner.pkg.name, (byName = new Map()));
          const list = byName.get(item.name) ?? [];
          list.push(key);
          byName.set(item.name, list);
          if (item.macroExport && owner.root !== owner) addDef(owner.root.items, item.name, def);
        }
      });
      for (const u of facts.uses) {
        const m = byFile.get(u.mods.join('::'));
        if (m) m.uses.push(u);
      }
    }
  }

  // ---- nodes ------------------------------------------------------------------------------------------

  private emitNodes(): void {
    for (const pkg of this.ws.packages) {
      this.addNode({ key: crateKey(pkg.name), kind: 'crate', name: pkg.name, crate: pkg.name, file: '', span: { startLine: 0, endLine: 0 }, signature: `crate ${pkg.name}`, sigHash: sigHash(`crate ${pkg.name}`), public: true, features: [], doc: '' });
      for (const f of Object.keys(pkg.features).sort()) this.featureNode(pkg.name, f);
    }
    for (const [file, facts] of this.files) {
      const byFile = this.primary(file);
      const pkg = byFile?.get('')?.pkg;
      if (!pkg) continue;
      facts.items.forEach((item, idx) => {
        const owner = byFile?.get(item.mods.join('::'));
        const features = [...(owner?.features ?? [])];
        const parent = item.parent !== undefined ? facts.items[item.parent] : undefined;
        if (parent) pushUnique(features, parent.features);
        pushUnique(features, item.features);
        const key = this.keyOf(file, idx);
        const node: IsgNode = {
          key,
          kind: item.kind,
          name: item.name,
          crate: pkg.name,
          file,
          span: { startLine: item.line, endLine: item.endLine },
          signature: item.signature,
          sigHash: sigHash(item.signature),
          public: item.public,
          features,
          doc: item.doc,
        };
        if (item.bounds.length > 0) node.bounds = [...item.bounds];
        this.addNode(node);
        for (const f of features) {
          this.featureNode(pkg.name, f);
          this.edge(key, 'FEATURE_GATED_BY', featureKey(pkg.name, f));
        }
      });
    }
  }

  private addNode(n: IsgNode): void {
    if (!this.nodes.has(n.key)) this.nodes.set(n.key, n);
  }

  private featureNode(pkg: string, f: string): void {
    const key = featureKey(pkg, f);
    this.addNode({ key, kind: 'feature', name: f, crate: pkg, file: '', span: { startLine: 0, endLine: 0 }, signature: `feature ${f}`, sigHash: sigHash(`feature ${f}`), public: true, features: [], doc: '' });
  }

  /**
   * Adds an edge; (src, rel, dst) is its identity. A second edge with the same identity merges into the first:
   * a precise CALLS beats a `by_name` one, and REQUIRES_BOUND texts on the same trait are joined with '; '.
   */
  private edge(src: string, rel: Rel, dst: string, attr = ''): void {
    if (src === dst && rel !== 'CALLS') return;
    let byDst = this.edgeSet.get(src);
    if (!byDst) this.edgeSet.set(src, (byDst = new Map()));
    let list = byDst.get(dst);
    if (!list) byDst.set(dst, (list = []));
    const at = list.findIndex((e) => e.rel === rel);
    const old = at < 0 ? undefined : list[at];
    if (!old) {
      list.push({ src, dst, rel, attr });
      return;
    }
    if (old.attr === attr) return;
    if (rel === 'CALLS') {
      if (attr === '') list[at] = { src, dst, rel, attr };
    } else if (attr !== '' && !old.attr.split('; ').includes(attr)) {
      list[at] = { src, dst, rel, attr: old.attr ? `${old.attr}; ${attr}` : attr };
    }
  }

  // ---- name resolution --------------------------------------------------------------------------------

  private crateRootByName(from: Module, name: string): Module | undefined {
    const pkgName = this.externs.get(from.pkg.name)?.get(name);
    return pkgName ? this.libRoots.get(pkgName) : undefined;
  }

  private moduleDef(m: Module): Def {
    return { kind: 'mod', key: m.nodeKey, module: m, owner: m.parent ?? m, active: m.active };
  }

  /** Everything `name` can mean in module `m` (items, imports, glob imports, extern crates). */
  private resolveName(m: Module, name: string): Def[] {
    let cache = this.nameCache.get(m);
    if (!cache) this.nameCache.set(m, (cache = new Map()));
    const cached = cache.get(name);
    if (cached) return cached;
    // A glob cycle (`use super::*` both ways) makes a lookup meet itself: that frame answers [] for now, and no frame
    // between the two caches its partial answer, so every answer cached is the one a fresh lookup gives, whichever
    // lookup ran first (an incremental refresh resolves fewer items, in another order, and must get the same graph).
    let busy = this.inProgress.get(m);
    if (!busy) this.inProgress.set(m, (busy = new Map()));
    const met = busy.get(name);
    if (met !== undefined) {
      if (met < this.cycleLow) this.cycleLow = met;
      return [];
    }
    const depth = ++this.nameDepth;
    busy.set(name, depth);
    const outerLow = this.cycleLow;
    this.cycleLow = Infinity;
    // Definitions and imports whose cfg is off only count when no active one names the same thing.
    const out: Def[] = [];
    const inactive: Def[] = [];
    const add = (d: Def, on: boolean): void => {
      const list = on && d.active ? out : inactive;
      if (!list.includes(d)) list.push(d);
    };
    for (const d of m.items.get(name) ?? []) add(d, true);
    // `use std::fs;` names something outside the workspace: a glob import must not supply another `fs`.
    let importedOutside = false;
    for (const u of m.uses) {
      if (u.glob) continue;
      const imported = u.alias ?? u.path[u.path.length - 1];
      if (imported !== name || imported === '_') continue;
      const on = cfgActive(u.cfg, m.on);
      const found = this.resolvePath(m, u.path);
      if (found.length === 0 && on) importedOutside = true;
      for (const d of found) add(d, on);
    }
    if (out.length === 0 && !importedOutside) {
      for (const u of m.uses) {
        if (!u.glob) continue;
        const on = cfgActive(u.cfg, m.on);
        for (const target of this.resolvePath(m, u.path)) {
          if (target.module) for (const d of this.resolveName(target.module, name)) add(d, on);
        }
      }
    }
    if (out.length === 0) out.push(...inactive);
    if (out.length === 0) {
      const root = this.crateRootByName(m, name);
      if (root) out.push(this.moduleDef(root));
    }
    busy.delete(name);
    this.nameDepth--;
    const low = this.cycleLow;
    this.cycleLow = low < depth ? Math.min(outerLow, low) : outerLow;
    if (low >= depth) cache.set(name, out);
    return out;
  }

  /** Resolves a path as written in module `m`. */
  private resolvePath(m: Module, segs: readonly string[]): Def[] {
    const first = segs[0];
    if (first === undefined) return [];
    let cur: Def[];
    let i = 1;
    if (first === 'crate' || first === '$crate') cur = [this.moduleDef(m.root)];
    else if (first === 'self') cur = [this.moduleDef(m)];
    else if (first === 'super') {
      let p: Module | undefined = m.parent;
      while (segs[i] === 'super' && p) {
        p = p.parent;
        i++;
      }
      cur = p ? [this.moduleDef(p)] : [];
    } else if (first === 'Self' || first === 'std' || first === 'core' || first === 'alloc') {
      return [];
    } else cur = this.resolveName(m, first);
    for (; i < segs.length && cur.length > 0; i++) {
      const seg = segs[i] as string;
      const next: Def[] = [];
      for (const d of cur) {
        if (d.module) {
          for (const x of this.resolveName(d.module, seg)) if (!next.includes(x)) next.push(x);
        } else if (TYPE_KINDS.has(d.kind)) {
          for (const key of this.assocItems(d.key, seg)) {
            const def = this.defsByKey.get(key);
            if (def && !next.includes(def)) next.push(def);
          }
        }
      }
      cur = next;
    }
    return cur;
  }

  /** Associated items named `name` of a type or trait: inherent first, then trait impls, then trait defaults. */
  private assocItems(typeKey: string, name: string): string[] {
    const t = this.traitItems.get(typeKey);
    if (t) {
      const k = t.get(name);
      return k ? [k] : [];
    }
    const inh = this.inherent.get(typeKey)?.get(name);
    if (inh && inh.length > 0) return inh;
    const viaTrait = this.traitImplItems.get(typeKey)?.get(name);
    if (viaTrait && viaTrait.length > 0) return viaTrait;
    const out: string[] = [];
    for (const tr of this.implementedTraits.get(typeKey) ?? []) {
      const k = this.traitItems.get(tr)?.get(name);
      if (k) out.push(k);
    }
    return out;
  }

  private pickType(defs: Def[]): Def | undefined {
    return defs.find((d) => TYPE_KINDS.has(d.kind));
  }

  // ---- impl index -------------------------------------------------------------------------------------

  private buildImplIndex(): void {
    // Register member defs of impls and traits first, so that paths like `Type::method` resolve.
    for (const [file, facts] of this.files) {
      const byFile = this.primary(file);
      if (!byFile) continue;
      facts.items.forEach((item, idx) => {
        const key = this.keyOf(file, idx);
        const owner = byFile.get(item.mods.join('::'));
        if (!owner) return;
        if (item.kind === 'trait') {
          this.traitItems.set(key, new Map());
          this.containers.set(key, { item, key, traitDef: this.defsByKey.get(key) });
        }
        if (item.parent !== undefined) {
          const parentItem = facts.items[item.parent];
          const def: Def = { kind: item.kind, key, owner, item, active: owner.active && cfgActive(parentItem?.cfg, owner.on) && cfgActive(item.cfg, owner.on) };
          this.defsByKey.set(key, def);
          if (item.kind === 'method') {
            let byName = this.methodsByName.get(owner.pkg.name);
            if (!byName) this.methodsByName.set(owner.pkg.name, (byName = new Map()));
            const list = byName.get(item.name) ?? [];
            list.push(key);
            byName.set(item.name, list);
          }
        }
      });
    }
    for (const [file, facts] of this.files) {
      const byFile = this.primary(file);
      if (!byFile) continue;
      // Members of each impl/trait, in item order (one pass, instead of a scan of the file per impl).
      const children: number[][] = [];
      facts.items.forEach((item, idx) => {
        if (item.parent !== undefined) (children[item.parent] ??= []).push(idx);
      });
      facts.items.forEach((item, idx) => {
        const key = this.keyOf(file, idx);
        const owner = byFile.get(item.mods.join('::'));
        if (!owner) return;
        if (item.parent !== undefined) {
          const parentKey = this.keyOf(file, item.parent);
          const parent = facts.items[item.parent];
          if (parent?.kind === 'trait') this.traitItems.get(parentKey)?.set(item.name, key);
          return;
        }
        if (item.kind !== 'impl') return;
        const selfDef = item.selfPath ? this.pickType(this.resolvePath(owner, item.selfPath)) : undefined;
        const traitDef = item.traitPath ? this.resolvePath(owner, item.traitPath).find((d) => d.kind === 'trait') : undefined;
        const c: Container = { item, key };
        if (selfDef) c.selfDef = selfDef;
        if (traitDef) c.traitDef = traitDef;
        this.containers.set(key, c);
        if (!selfDef) {
          const selfName = item.selfPath?.at(-1);
          if (selfName && item.traitPath) {
            let byName = this.externalImpls.get(selfName);
            if (!byName) this.externalImpls.set(selfName, (byName = new Map()));
            for (const cidx of children[idx] ?? []) {
              const child = facts.items[cidx] as ItemFact;
              const list = byName.get(child.name) ?? [];
              list.push(this.keyOf(file, cidx));
              byName.set(child.name, list);
            }
          }
          return;
        }
        if (traitDef) {
          const list = this.implementedTraits.get(selfDef.key) ?? [];
          if (!list.includes(traitDef.key)) list.push(traitDef.key);
          this.implementedTraits.set(selfDef.key, list);
        }
        const index = item.traitPath ? this.traitImplItems : this.inherent;
        let byName = index.get(selfDef.key);
        if (!byName) index.set(selfDef.key, (byName = new Map()));
        for (const cidx of children[idx] ?? []) {
          const child = facts.items[cidx] as ItemFact;
          const list = byName.get(child.name) ?? [];
          list.push(this.keyOf(file, cidx));
          byName.set(child.name, list);
        }
      });
    }
  }

  // ---- edges ------------------------------------------------------------------------------------------

  private emitEdges(): void {
    for (const pkg of this.ws.packages) for (const d of pkg.deps) this.edge(crateKey(pkg.name), 'DEPENDS', crateKey(d));
    for (const file of [...this.files.keys()].sort()) {
      const facts = this.files.get(file) as FileFacts;
      // A file several crates reach is resolved in each of them; the edges are the union.
      const emit = !this.edgesOf || this.edgesOf.has(file);
      const unresolved0 = this.unresolvedCalls;
      const derives0 = this.externalDerives;
      for (const byFile of this.modules.get(file) ?? []) {
        for (const m of byFile.values()) this.moduleDepends(m);
        if (!emit) continue;
        facts.items.forEach((item, idx) => {
          const owner = byFile.get(item.mods.join('::'));
          if (owner) this.itemEdges(file, facts, item, idx, owner);
        });
      }
      if (emit) this.counts.set(file, [this.unresolvedCalls - unresolved0, this.externalDerives - derives0]);
    }
  }

  private moduleDepends(m: Module): void {
    for (const u of m.uses) {
      for (const d of this.resolvePath(m, u.path)) {
        const target = u.glob && d.module ? d.module : d.kind === 'mod' && d.module ? d.module : d.owner;
        if (target.nodeKey !== m.nodeKey) this.edge(m.nodeKey, 'DEPENDS', target.nodeKey);
      }
    }
  }

  private itemEdges(file: string, facts: FileFacts, item: ItemFact, idx: number, owner: Module): void {
    const key = this.keyOf(file, idx);
    const container = item.parent !== undefined ? this.containers.get(this.keyOf(file, item.parent)) : item.kind === 'impl' ? this.containers.get(key) : undefined;
    const scope = new Scope(item, container, facts);

    if (item.kind === 'impl') {
      const c = this.containers.get(key);
      if (c?.traitDef) this.edge(key, 'IMPLEMENTS', c.traitDef.key);
      if (c?.selfDef) this.edge(key, 'IMPLEMENTS', c.selfDef.key);
    }
    if (container?.item.kind === 'impl' && container.traitDef) {
      const decl = this.traitItems.get(container.traitDef.key)?.get(item.name);
      if (decl) this.edge(key, 'IMPLEMENTS', decl);
    }
    for (const d of item.derives) {
      const trait = this.resolvePath(owner, d).find((x) => x.kind === 'trait');
      if (trait) this.edge(key, 'IMPLEMENTS', trait.key);
      else this.externalDerives++;
    }
    // USES: workspace types named in the signature or fields.
    for (const ref of item.typeRefs) {
      if (ref.length === 1 && (scope.isGeneric(ref[0] as string) || ref[0] === 'Self')) continue;
      const t = this.pickType(this.resolvePath(owner, ref));
      if (t && t.key !== key) this.edge(key, 'USES', t.key);
    }
    for (const mac of item.macros) {
      const target = this.resolveMacro(owner, mac);
      if (target) this.edge(key, 'USES', target);
    }
    // REQUIRES_BOUND: only workspace traits become edges; every bound stays in the node's `bounds`.
    for (const b of item.boundTraits) {
      const trait = this.resolvePath(owner, b.path).find((x) => x.kind === 'trait');
      if (trait) this.edge(key, 'REQUIRES_BOUND', trait.key, b.text);
    }
    // Code cfg'd out on this host whatever the features (`#[cfg(windows)]`, a custom `--cfg`) is never checked here:
    // its calls are not resolved against the active items (feature-gated code keeps its edges).
    if (!this.hostActive(owner, item, facts)) return;
    for (const call of item.calls) {
      const targets = call.method !== undefined ? this.resolveMethodCall(owner, scope, call.method, call.recv, key) : this.resolvePathCall(owner, scope, call.path ?? [], call.args);
      if (targets === 'constructor') continue;
      if (targets === undefined) {
        this.unresolvedCalls++;
        continue;
      }
      this.edge(key, 'CALLS', targets.key, targets.byName ? 'by_name' : '');
    }
  }

  private resolveMacro(owner: Module, path: readonly string[]): string | undefined {
    const name = path[path.length - 1];
    if (name === undefined) return undefined;
    if (path.length === 1) {
      const local = this.macrosByPkg.get(owner.pkg.name)?.get(name);
      if (local && local.length > 0) {
        const sameFile = local.find((k) => this.defsByKey.get(k)?.owner.file === owner.file);
        return sameFile ?? local[0];
      }
    }
    return this.resolvePath(owner, path).find((d) => d.kind === 'macro')?.key;
  }

  /** The workspace type (or generic parameter's bound traits) a type path denotes in this scope. */
  private typeTargets(owner: Module, scope: Scope, path: readonly string[]): Def[] | undefined {
    if (path.length === 1 && path[0] === 'Self') {
      const c = scope.container;
      if (!c) return undefined;
      if (c.item.kind === 'trait') return c.traitDef ? [c.traitDef] : undefined;
      return c.selfDef ? [c.selfDef] : undefined;
    }
    if (path.length === 1 && scope.isGeneric(path[0] as string)) {
      const traits = scope
        .boundsOf(path[0] as string)
        .map((p) => this.resolvePath(owner, p).find((d) => d.kind === 'trait'))
        .filter((d): d is Def => d !== undefined);
      return traits.length > 0 ? traits : undefined;
    }
    const t = this.pickType(this.resolvePath(owner, path));
    return t ? [t] : undefined;
  }

  private firstAssoc(types: readonly Def[], name: string, preferCallable: boolean): Def | undefined {
    for (const t of types) {
      const keys = this.assocItems(t.key, name);
      const defs = keys.map((k) => this.defsByKey.get(k)).filter((d): d is Def => d !== undefined);
      const pick = preferCallable ? (defs.find((d) => CALLABLE_KINDS.has(d.kind)) ?? defs[0]) : defs[0];
      if (pick) return pick;
    }
    return undefined;
  }

  /** The argument type text a call fact recorded, with locals and `self` looked up. */
  private argTypeName(scope: Scope, a: string | undefined): string {
    if (a === undefined || !a.startsWith('=')) return a ?? '';
    const name = a.slice(1);
    if (name === 'self') {
      const self = scope.container?.selfDef?.item?.name ?? scope.container?.item.selfPath?.at(-1);
      return self ?? '';
    }
    const t = scope.item.locals[name];
    return t ? (t[t.length - 1] as string) : '';
  }

  /**
   * Picks among several trait-impl methods of the same name (`impl From<A> for T`, `impl From<B> for T`) by the first
   * argument's type. Undefined when the argument's type is unknown or matches none or several: no edge is guessed.
   */
  private pickOverload(cands: readonly Def[], scope: Scope, args: readonly string[] | undefined, mustMatch: boolean): Def | undefined {
    if (cands.length === 1 && !mustMatch) return cands[0];
    const implOf = (d: Def): ItemFact | undefined => (d.item?.parent !== undefined ? this.files.get(d.owner.file)?.items[d.item.parent] : undefined);
    if (!cands.every((d) => implOf(d)?.kind === 'impl' && implOf(d)?.traitPath)) return mustMatch ? undefined : cands[0];
    const arg = this.argTypeName(scope, args?.[0]);
    if (arg === '') return undefined;
    const fits = (ta: string | undefined): boolean =>
      ta !== undefined && (ta === arg || (arg === 'int' && INT_TYPES.has(ta)) || (arg === 'float' && (ta === 'f32' || ta === 'f64')));
    const hits = cands.filter((d) => fits(implOf(d)?.traitArgs?.[0]));
    return hits.length === 1 ? hits[0] : undefined;
  }

  private resolvePathCall(owner: Module, scope: Scope, path: readonly string[], args?: readonly string[]): { key: string; byName?: boolean } | 'constructor' | undefined {
    if (path.length === 0) return undefined;
    if (path.length === 1 && scope.isLocal(path[0] as string)) return undefined;
    if (path.length >= 2) {
      const typePath = path.slice(0, -1);
      const last = path[path.length - 1] as string;
      if ((typePath.length === 1 && (typePath[0] === 'Self' || scope.isGeneric(typePath[0] as string)))) {
        const types = this.typeTargets(owner, scope, typePath);
        const d = types ? this.firstAssoc(types, last, true) : undefined;
        return d ? { key: d.key } : undefined;
      }
    }
    const defs = this.resolvePath(owner, path);
    const callables = defs.filter((d) => CALLABLE_KINDS.has(d.kind));
    if (callables.length > 0) {
      const picked = this.pickOverload(callables, scope, args, false);
      return picked ? { key: picked.key } : undefined;
    }
    // `i32::from(x)`, `String::from(x)`: a workspace impl of a trait for a type outside the workspace, only when the
    // argument's type says which one (std has its own impls of the same traits for these types).
    if (defs.length === 0 && path.length === 2) {
      const keys = this.externalImpls.get(path[0] as string)?.get(path[1] as string) ?? [];
      const cands = keys.map((k) => this.defsByKey.get(k)).filter((d): d is Def => d !== undefined);
      const picked = cands.length > 0 ? this.pickOverload(cands, scope, args, true) : undefined;
      if (picked) return { key: picked.key };
    }
    // `Display::fmt(self, f)`, `fmt::Debug::fmt(&x, f)`: a trait outside the workspace called on a workspace type.
    if (defs.length === 0 && path.length >= 2 && args && args.length > 0) {
      const traitName = path[path.length - 2] as string;
      const method = path[path.length - 1] as string;
      const argType = this.argTypeName(scope, args[0]);
      const self = argType === '' ? undefined : argType === scope.container?.selfDef?.item?.name ? scope.container.selfDef : this.pickType(this.resolvePath(owner, [argType]));
      const hits = (self ? (this.traitImplItems.get(self.key)?.get(method) ?? []) : []).filter((k) => {
        const d = this.defsByKey.get(k);
        const impl = d?.item?.parent !== undefined ? this.files.get(d.owner.file)?.items[d.item.parent] : undefined;
        return impl?.traitPath?.at(-1) === traitName;
      });
      if (hits.length === 1) return { key: hits[0] as string };
    }
    if (defs.some((d) => d.kind === 'struct')) return 'constructor';
    // The prelude's variant constructors build values; they are not calls.
    if (defs.length === 0 && path.length === 1 && PRELUDE_VARIANTS.has(path[0] as string)) return 'constructor';
    // `Enum::Variant(..)` of a workspace enum builds a value; it is not a call.
    if (defs.length === 0 && path.length >= 2 && this.resolvePath(owner, path.slice(0, -1)).some((d) => d.kind === 'enum')) return 'constructor';
    return undefined;
  }

  /** The workspace types the result of calling `path` has, from the callee's declared return type. */
  private callResultTypes(owner: Module, scope: Scope, path: readonly string[]): Def[] | undefined {
    const target = this.resolvePathCall(owner, scope, path);
    // `Type::f(..)` with f not found (a derive's `default`, a std constructor): most such calls build a `Type`.
    const guess = (): Def[] | undefined => (path.length >= 2 && /^[A-Z]/.test(path[path.length - 2] as string) ? this.typeTargets(owner, scope, path.slice(0, -1)) : undefined);
    if (target === 'constructor') return guess();
    if (!target) return guess();
    const def = this.defsByKey.get(target.key);
    const item = def?.item;
    if (!def || !item?.ret) return undefined;
    const parentKey = item.parent !== undefined ? this.keyOf(def.owner.file, item.parent) : undefined;
    const container = parentKey ? this.containers.get(parentKey) : undefined;
    return this.typeTargets(def.owner, new Scope(item, container, undefined), item.ret);
  }

  /**
   * The workspace types a receiver has: `known` false when syntax does not tell (then the unique-name fallback may
   * apply); `types` undefined with `known` true when the type is known to be outside the workspace (std, a dependency).
   */
  private recvTypes(owner: Module, scope: Scope, recv: Receiver | undefined, depth = 0): { types?: Def[]; known: boolean } {
    if (!recv || depth > 48) return { known: false };
    const known = (types: Def[] | undefined): { types?: Def[]; known: boolean } => (types ? { types, known: true } : { known: true });
    switch (recv.kind) {
      case 'self':
        return known(this.typeTargets(owner, scope, ['Self']));
      case 'ident': {
        const local = scope.item.locals[recv.name];
        if (local) return known(this.typeTargets(owner, scope, local));
        const callee = scope.item.callLocals?.[recv.name];
        if (callee?.[0] === '$recv' && callee[1] !== undefined) return this.recvTypes(owner, scope, JSON.parse(callee[1]) as Receiver, depth + 1);
        if (callee) {
          const types = this.callResultTypes(owner, scope, callee);
          return types ? { types, known: true } : { known: this.outsideTypeCall(owner, scope, callee) };
        }
        const iterable = scope.item.elemLocals?.[recv.name];
        if (iterable) {
          const types = this.elemTypes(owner, scope, iterable, depth + 1);
          return types ? { types, known: true } : { known: false };
        }
        return { known: false };
      }
      case 'typed':
        return known(this.typeTargets(owner, scope, recv.path));
      case 'call': {
        const types = this.callResultTypes(owner, scope, recv.path);
        return types ? { types, known: true } : { known: this.outsideTypeCall(owner, scope, recv.path) };
      }
      case 'field': {
        if (recv.base === undefined) {
          const selfDef = scope.container?.selfDef;
          const fieldType = selfDef?.item?.fields?.[recv.field];
          if (!selfDef || !fieldType) return { known: false };
          // A field of generic type `T` is typed by the bounds the impl puts on `T`.
          const generic = fieldType.length === 1 && scope.isGeneric(fieldType[0] as string);
          return known(generic ? this.typeTargets(owner, scope, fieldType) : this.typeTargets(selfDef.owner, Scope.empty(), fieldType));
        }
        const base = this.recvTypes(owner, scope, recv.base, depth + 1);
        // A field of a value known to be of an outside type: outside too, as far as we can tell.
        if (base.known && !base.types) return { known: true };
        const out: Def[] = [];
        let declared = false;
        for (const t of base.types ?? []) {
          const fieldType = t.item?.fields?.[recv.field];
          if (!fieldType) continue;
          declared = true;
          for (const d of this.typeTargets(t.owner, Scope.empty(), fieldType) ?? []) if (!out.includes(d)) out.push(d);
        }
        // A declared field of an outside type (`ctx.handlebars`) is outside too.
        return out.length > 0 ? { types: out, known: true } : { known: declared };
      }
      case 'mcall': {
        if (ELEMENT_ACCESS.has(recv.method)) {
          const elems = this.elemTypes(owner, scope, recv.base, depth + 1);
          if (elems) return { types: elems, known: true };
        }
        const base = this.recvTypes(owner, scope, recv.base, depth + 1);
        // A method chain on an outside type (`WalkBuilder::new(..).max_depth(..)`) stays outside: no name guessing.
        if (base.known && !base.types) return { known: true };
        if (!base.types) return { known: false };
        if (SAME_TYPE_METHODS.has(recv.method)) return base;
        const m = this.firstAssoc(base.types, recv.method, true);
        const types = m ? this.defResultTypes(m) : undefined;
        return types ? { types, known: true } : { known: false };
      }
      case 'index': {
        const types = this.elemTypes(owner, scope, recv.base, depth + 1);
        return types ? { types, known: true } : { known: false };
      }
      default:
        return { known: false };
    }
  }

  /** True for `Type::f(..)` where `Type` is not a workspace type (`WalkBuilder::new(..)`): its result is outside too. */
  private outsideTypeCall(owner: Module, scope: Scope, path: readonly string[]): boolean {
    if (path.length < 2) return false;
    const ty = path.slice(0, -1);
    const last = ty[ty.length - 1] as string;
    if (!/^[A-Z]/.test(last) || last === 'Self' || (ty.length === 1 && scope.isGeneric(last))) return false;
    return this.resolvePath(owner, ty).length === 0;
  }

  /** The workspace types of the elements of a collection or iterator expression, when its declaration tells. */
  private elemTypes(owner: Module, scope: Scope, recv: Receiver, depth: number): Def[] | undefined {
    if (depth > 48) return undefined;
    if (recv.kind === 'mcall' && ELEMENT_PRESERVING.has(recv.method)) return this.elemTypes(owner, scope, recv.base, depth + 1);
    if (recv.kind === 'ident') {
      const elem = scope.item.localElems?.[recv.name];
      return elem ? this.typeTargets(owner, scope, elem) : undefined;
    }
    if (recv.kind === 'field') {
      const bases = recv.base === undefined ? (scope.container?.selfDef ? [scope.container.selfDef] : []) : (this.recvTypes(owner, scope, recv.base, depth + 1).types ?? []);
      const out: Def[] = [];
      for (const t of bases) {
        const elem = t.item?.fieldElems?.[recv.field];
        if (!elem) continue;
        for (const d of this.typeTargets(t.owner, Scope.empty(), elem) ?? []) if (!out.includes(d)) out.push(d);
      }
      return out.length > 0 ? out : undefined;
    }
    return undefined;
  }

  /** The workspace types a call to `def` returns, from its declared return type. */
  private defResultTypes(def: Def): Def[] | undefined {
    const item = def.item;
    if (!item?.ret) return undefined;
    const parentKey = item.parent !== undefined ? this.keyOf(def.owner.file, item.parent) : undefined;
    const container = parentKey ? this.containers.get(parentKey) : undefined;
    return this.typeTargets(def.owner, new Scope(item, container, undefined), item.ret);
  }

  private resolveMethodCall(owner: Module, scope: Scope, method: string, recv: ItemFact['calls'][number]['recv'], self = ''): { key: string; byName?: boolean } | undefined {
    const { types, known } = this.recvTypes(owner, scope, recv);
    if (known) {
      if (!types) return undefined;
      const d = this.firstAssoc(types, method, true);
      return d ? { key: d.key } : undefined;
    }
    // Unknown receiver: accept only a method name that std/core types do not have and that is unique among the methods
    // of the caller's package and the workspace packages it depends on (trait impls fold onto their declaration).
    if (STD_METHOD_NAMES.has(method)) return undefined;
    const folded = this.fallbackTargets(owner.pkg, method);
    // A guess that the method calls itself is almost always a same-named method of another type (`e.depth()` inside
    // `DirEntry::depth` on the wrapped walkdir entry).
    if (folded.size === 1 && ![...folded].includes(self)) return { key: [...folded][0] as string, byName: true };
    return undefined;
  }
}

/** The generic parameters, bounds and locals visible inside one item. */
class Scope {
  private readonly generics: Set<string>;
  constructor(
    readonly item: ItemFact,
    readonly container: Container | undefined,
    _facts: FileFacts | undefined,
  ) {
    this.generics = new Set([...item.generics, ...(container && container.item !== item ? container.item.generics : [])]);
  }

  static empty(): Scope {
    const blank: ItemFact = { kind: 'fn', name: '', mods: [], line: 0, endLine: 0, signature: '', public: false, features: [], derives: [], doc: '', bounds: [], boundTraits: [], generics: [], typeRefs: [], calls: [], locals: {}, macros: [] };
    return new Scope(blank, undefined, undefined);
  }

  isGeneric(name: string): boolean {
    return this.generics.has(name);
  }

  isLocal(name: string): boolean {
    return Object.prototype.hasOwnProperty.call(this.item.locals, name);
  }

  boundsOf(param: string): string[][] {
    const all = [...this.item.boundTraits, ...(this.container && this.container.item !== this.item ? this.container.item.boundTraits : [])];
    return all.filter((b) => b.param === param).map((b) => b.path);
  }
}

function addDef(map: Map<string, Def[]>, name: string, def: Def): void {
  const list = map.get(name);
  if (list) list.push(def);
  else map.set(name, [def]);
}

/**
 * A fingerprint of the resolver's own code (this module's resolution logic, cfg evaluation and the std names list):
 * an incremental refresh keeps the stored edges of unchanged files only when they were resolved by the same code.
 */
export function resolverFingerprint(): string {
  const code = [Resolver, Scope, interfaceName, fileItemKeys, owningPackage, addDef, compareEdges, cfgActive, evalCfg, defaultFeatures, selectedFeatures].map(String).join('\n');
  return sigHash(`${code}\n${[...STD_METHOD_NAMES].join(',')}`);
}

function cmpStr(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The order of a graph's edges: (src, rel, dst, attr). */
export function compareEdges(a: IsgEdge, b: IsgEdge): number {
  if (a.src !== b.src) return a.src < b.src ? -1 : 1;
  if (a.rel !== b.rel) return a.rel < b.rel ? -1 : 1;
  if (a.dst !== b.dst) return a.dst < b.dst ? -1 : 1;
  return a.attr < b.attr ? -1 : a.attr > b.attr ? 1 : 0;
}

/** Resolves the facts of every file of `ws` (workspace-relative path → facts) into the ISG; cfg sees `selection`'s features on top of the defaults. */
export function resolveWorkspace(ws: Workspace, files: ReadonlyMap<string, FileFacts>, selection?: FeatureSelection, opts: ResolveOptions = {}): ResolveResult {
  const sorted = new Map([...files.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)));
  return new Resolver(ws, sorted, selection, opts.edgesOf, opts.timings).run();
}
