import { createRequire as __rgCreateRequire } from 'node:module';
const require = __rgCreateRequire(import.meta.url);
import {
  crateKey,
  featureKey,
  makeKey
} from "./chunk-C2TXHI23.js";
import {
  FACTS_VERSION,
  parseRustSourceSafe
} from "./chunk-7U7AS37J.js";
import {
  openConfig
} from "./chunk-VBXHXDJU.js";
import "./chunk-FCGSBGFK.js";
import {
  NODE_KINDS,
  RELS
} from "./chunk-6CU5GOAN.js";
import {
  ensureWorkDir
} from "./chunk-2PKMAFAA.js";
import {
  readWorkspace
} from "./chunk-MR43FRMH.js";
import "./chunk-YRYO5B6H.js";
import {
  RUSTGATE_DIR
} from "./chunk-AGTEUQPZ.js";
import "./chunk-LM6P7DGY.js";
import "./chunk-AMJD2YOB.js";

// src/app/build-isg.ts
import { createHash } from "node:crypto";
import { lstatSync, readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import path from "node:path";

// src/adapters/rust-parser/pool.ts
import { Worker } from "node:worker_threads";
var __rgMetaUrl = new URL("./adapters/rust-parser/pool.js", import.meta.url).href;
async function parseFilesJson(inputs, onResult, opts = {}) {
  await run(inputs, opts, true, (file, r) => {
    if (typeof r === "string") onResult(file, r, JSON.parse(r));
    else onResult(file, JSON.stringify(r), r);
  });
}
async function run(inputs, opts, json, sink) {
  const minFiles = opts.minFilesForWorkers ?? 200;
  const workers = opts.workers ?? (inputs.length >= minFiles ? 2 : 0);
  const done = /* @__PURE__ */ new Set();
  const record = (file, r) => {
    done.add(file);
    sink(file, r);
  };
  if (workers > 0 && inputs.length > 0) {
    try {
      await parseInWorkers(inputs, workers, opts, json, record);
      return;
    } catch {
    }
  }
  for (let i = 0; i < inputs.length; i++) {
    const inp = inputs[i];
    if (!done.has(inp.file)) record(inp.file, parseRustSourceSafe(inp.text));
    opts.onFile?.(i + 1, inputs.length);
    if (i % 32 === 31) await new Promise((r) => setImmediate(r));
  }
}
function startWorker() {
  if (__rgMetaUrl.endsWith(".ts")) {
    const url = new URL("./worker.ts", __rgMetaUrl).href;
    const boot = `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(url)}); });`;
    return new Worker(boot, { eval: true });
  }
  return new Worker(new URL("./worker.js", __rgMetaUrl));
}
async function parseInWorkers(inputs, n, opts, json, sink) {
  const batches = [];
  const size = 16;
  for (let i = 0; i < inputs.length; i += size) batches.push(inputs.slice(i, i + size).map(({ file, text }) => ({ file, text })));
  let next = 0;
  let done = 0;
  const pool = Array.from({ length: n }, () => startWorker());
  try {
    await Promise.all(
      pool.map(
        (w) => new Promise((resolve, reject) => {
          const send = () => {
            if (next >= batches.length) {
              resolve();
              return;
            }
            const id = next++;
            w.postMessage({ id, json, files: batches[id] });
          };
          w.on("message", (msg) => {
            send();
            for (const r of msg.results) sink(r.file, r.json ?? r.facts);
            done += msg.results.length;
            opts.onFile?.(done, inputs.length);
          });
          w.on("error", reject);
          w.on("exit", (code) => {
            if (next < batches.length || code !== 0) reject(new Error(`parser worker exited with code ${code}`));
          });
          send();
        })
      )
    );
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
}

// src/core/isg/delta.ts
function edgeId(e) {
  return `${e.src}\0${e.rel}\0${e.dst}`;
}
function sameNode(a, b) {
  const eqArr = (x, y) => {
    const xs = x ?? [];
    const ys = y ?? [];
    return xs.length === ys.length && xs.every((v, i) => v === ys[i]);
  };
  return a.key === b.key && a.kind === b.kind && a.name === b.name && a.crate === b.crate && a.file === b.file && a.span.startLine === b.span.startLine && a.span.endLine === b.span.endLine && a.signature === b.signature && a.sigHash === b.sigHash && a.public === b.public && a.doc === b.doc && eqArr(a.features, b.features) && eqArr(a.bounds, b.bounds);
}
function diffGraphs(old, next) {
  if (strictlySorted(old.nodes, cmpNodes) && strictlySorted(next.nodes, cmpNodes) && strictlySorted(old.edges, cmpEdgeIds) && strictlySorted(next.edges, cmpEdgeIds)) {
    return mergeDiff(old, next);
  }
  return mapDiff(old, next);
}
function cmpStr(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
function cmpNodes(a, b) {
  return cmpStr(a.key, b.key);
}
function cmpEdgeIds(a, b) {
  return cmpStr(a.src, b.src) || cmpStr(a.rel, b.rel) || cmpStr(a.dst, b.dst);
}
function strictlySorted(xs, cmp) {
  for (let i = 1; i < xs.length; i++) if (cmp(xs[i - 1], xs[i]) >= 0) return false;
  return true;
}
function mergeDiff(old, next) {
  const out = { upsertNodes: [], removeNodes: [], addEdges: [], removeEdges: [] };
  const on = old.nodes;
  const nn = next.nodes;
  let i = 0;
  let j = 0;
  while (i < on.length || j < nn.length) {
    const o = on[i];
    const n = nn[j];
    const c = o === void 0 ? 1 : n === void 0 ? -1 : cmpNodes(o, n);
    if (c < 0) {
      out.removeNodes.push(o.key);
      i++;
    } else if (c > 0) {
      out.upsertNodes.push(n);
      j++;
    } else {
      if (!sameNode(o, n)) out.upsertNodes.push(n);
      i++;
      j++;
    }
  }
  const oe = old.edges;
  const ne = next.edges;
  i = 0;
  j = 0;
  while (i < oe.length || j < ne.length) {
    const o = oe[i];
    const n = ne[j];
    const c = o === void 0 ? 1 : n === void 0 ? -1 : cmpEdgeIds(o, n);
    if (c < 0) {
      out.removeEdges.push(o);
      i++;
    } else if (c > 0) {
      out.addEdges.push(n);
      j++;
    } else {
      if (o.attr !== n.attr) out.addEdges.push(n);
      i++;
      j++;
    }
  }
  return out;
}
function mapDiff(old, next) {
  const oldNodes = new Map(old.nodes.map((n) => [n.key, n]));
  const newKeys = new Set(next.nodes.map((n) => n.key));
  const upsertNodes = next.nodes.filter((n) => {
    const o = oldNodes.get(n.key);
    return !o || !sameNode(o, n);
  });
  const removeNodes = old.nodes.filter((n) => !newKeys.has(n.key)).map((n) => n.key);
  const oldEdges = new Map(old.edges.map((e) => [edgeId(e), e]));
  const newEdges = new Set(next.edges.map(edgeId));
  return {
    upsertNodes,
    removeNodes,
    addEdges: next.edges.filter((e) => oldEdges.get(edgeId(e))?.attr !== e.attr),
    removeEdges: old.edges.filter((e) => !newEdges.has(edgeId(e)))
  };
}

// src/core/isg/cfg.ts
var ON = /* @__PURE__ */ new Set(["test", "debug_assertions", "unix", "panic_unwind"]);
var ON_PAIRS = /* @__PURE__ */ new Set([
  "target_os=linux",
  "target_family=unix",
  "target_pointer_width=64",
  "target_arch=x86_64",
  "target_endian=little",
  "target_env=gnu",
  "panic=unwind",
  "target_vendor=unknown"
]);
function lex(text) {
  const out = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (/\s/.test(c)) i++;
    else if (c === "(" || c === ")" || c === "," || c === "=") {
      out.push({ t: "p", v: c });
      i++;
    } else if (c === '"') {
      const end = text.indexOf('"', i + 1);
      if (end < 0) return void 0;
      out.push({ t: "str", v: text.slice(i + 1, end) });
      i = end + 1;
    } else {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i));
      if (!m) return void 0;
      out.push({ t: "id", v: m[0] });
      i += m[0].length;
    }
  }
  return out;
}
function evalCfg(text, features) {
  const toks = lex(text);
  if (!toks) return void 0;
  let i = 0;
  const pred = () => {
    const head = toks[i++];
    if (head?.t !== "id") return void 0;
    const next = toks[i];
    if (next?.t === "p" && next.v === "=") {
      i++;
      const value = toks[i++];
      if (value?.t !== "str") return void 0;
      return head.v === "feature" ? features.has(value.v) : ON_PAIRS.has(`${head.v}=${value.v}`);
    }
    if (next?.t === "p" && next.v === "(") {
      i++;
      const args = [];
      while (toks[i] && !(toks[i]?.t === "p" && toks[i]?.v === ")")) {
        const a = pred();
        if (a === void 0) return void 0;
        args.push(a);
        if (toks[i]?.t === "p" && toks[i]?.v === ",") i++;
      }
      if (!(toks[i]?.t === "p" && toks[i]?.v === ")")) return void 0;
      i++;
      if (head.v === "all") return args.every(Boolean);
      if (head.v === "any") return args.some(Boolean);
      if (head.v === "not") return args.length === 1 ? !args[0] : void 0;
      return void 0;
    }
    return ON.has(head.v);
  };
  const v = pred();
  return i === toks.length ? v : void 0;
}
function defaultFeatures(pkg) {
  const on = /* @__PURE__ */ new Set();
  const visit = (f) => {
    if (on.has(f) || f.startsWith("dep:") || f.includes("/")) return;
    on.add(f);
    for (const g of pkg.features[f] ?? []) visit(g);
  };
  if (pkg.features.default) visit("default");
  return on;
}
function selectedFeatures(pkg, sel) {
  const on = defaultFeatures(pkg);
  if (!sel) return on;
  const visit = (f) => {
    if (on.has(f) || f.startsWith("dep:") || f.includes("/")) return;
    on.add(f);
    for (const g of pkg.features[f] ?? []) visit(g);
  };
  if (sel.allFeatures) for (const f of Object.keys(pkg.features)) visit(f);
  for (const f of sel.features ?? []) {
    const slash = f.indexOf("/");
    if (slash < 0) {
      if (f in pkg.features) visit(f);
    } else if (f.slice(0, slash) === pkg.name) visit(f.slice(slash + 1));
  }
  return on;
}
function cfgActive(preds, features) {
  if (!preds) return true;
  return preds.every((p) => evalCfg(p, features) !== false);
}

// src/core/isg/std-names.ts
var NAMES = `
new default clone clone_from to_owned to_string into from try_into try_from as_ref as_mut borrow borrow_mut deref deref_mut drop
eq ne cmp partial_cmp lt le gt ge max min clamp hash fmt write_str write_fmt write write_all flush read read_to_string read_to_end
read_exact read_line lines bytes chars char_indices split split_whitespace splitn rsplit rsplitn split_once rsplit_once trim
trim_start trim_end trim_matches strip_prefix strip_suffix starts_with ends_with contains find rfind replace replacen to_lowercase
to_uppercase to_ascii_lowercase to_ascii_uppercase parse len is_empty push push_str pop insert remove clear truncate extend
extend_from_slice append drain retain dedup sort sort_by sort_by_key sort_unstable sort_unstable_by sort_unstable_by_key reverse
iter iter_mut into_iter get get_mut get_or_insert get_or_insert_with first last first_mut last_mut split_at split_first
split_last chunks windows join concat repeat swap fill resize capacity reserve shrink_to_fit with_capacity as_slice as_str
as_bytes as_ptr as_mut_ptr to_vec into_boxed_slice binary_search contains_key entry or_insert or_insert_with or_default keys
values values_mut remove_entry and_modify next next_back peek map filter filter_map flat_map flatten fold try_fold for_each
try_for_each collect count sum product any all position rposition enumerate zip chain take skip take_while skip_while step_by
rev cloned copied inspect last nth by_ref partition unzip min_by max_by min_by_key max_by_key cycle fuse scan find_map unwrap
expect unwrap_or unwrap_or_else unwrap_or_default unwrap_err expect_err ok err ok_or ok_or_else and_then or_else map_err map_or
map_or_else is_some is_none is_ok is_err as_deref as_deref_mut take replace filter xor zip transpose copied cloned lock try_lock
read write send recv try_recv join spawn wait notify_one notify_all load store swap compare_exchange fetch_add fetch_sub
get_ref get_mut into_inner set call call_mut call_once poll await exists is_file is_dir file_name file_stem extension parent
display to_path_buf to_str to_string_lossy with_extension with_file_name components canonicalize metadata display kind
description source cause type_id as_any downcast downcast_ref is abs pow sqrt checked_add checked_sub checked_mul saturating_add
saturating_sub wrapping_add wrapping_sub to_le_bytes to_be_bytes from_str from_utf8 push_back push_front pop_back pop_front
front back is_char_boundary elapsed duration_since now as_secs as_millis subsec_nanos stdout stderr stdin lock build finish
serialize deserialize visit_str visit_map visit_seq next_element next_key next_value error custom with_context context
boxed into_boxed as_path to_path exit matches is_match captures status output args env var current_dir
`;
var STD_METHOD_NAMES = new Set(NAMES.split(/\s+/).filter(Boolean));

// src/core/isg/workspace.ts
function libCrateName(pkg) {
  const lib = pkg.targets.find((t) => t.kind.some((k) => k === "lib" || k === "rlib" || k === "proc-macro" || k.endsWith("lib")));
  return (lib?.name ?? pkg.name).replace(/-/g, "_");
}

// src/core/isg/resolve.ts
var TYPE_KINDS = /* @__PURE__ */ new Set(["struct", "enum", "union", "trait", "type"]);
var CALLABLE_KINDS = /* @__PURE__ */ new Set(["fn", "method", "const", "static"]);
var PRELUDE_VARIANTS = /* @__PURE__ */ new Set(["Some", "Ok", "Err"]);
var ALL_FEATURES = { has: () => true };
var INT_TYPES = /* @__PURE__ */ new Set(["u8", "u16", "u32", "u64", "u128", "usize", "i8", "i16", "i32", "i64", "i128", "isize"]);
var SAME_TYPE_METHODS = /* @__PURE__ */ new Set(["clone", "to_owned", "as_ref", "as_mut", "borrow", "borrow_mut", "unwrap", "expect", "lock", "read", "write", "deref", "deref_mut", "as_deref", "as_deref_mut", "get_mut", "by_ref"]);
var ELEMENT_PRESERVING = /* @__PURE__ */ new Set(["iter", "iter_mut", "into_iter", "drain", "filter", "skip", "take", "rev", "peekable", "chain", "cloned", "copied", "by_ref", "inspect", "step_by", "skip_while", "take_while", "values", "values_mut", "into_values", "as_slice", "to_vec"]);
var ELEMENT_ACCESS = /* @__PURE__ */ new Set(["first", "last", "get", "get_mut", "first_mut", "last_mut", "pop", "next", "next_back", "nth", "peek", "find", "remove", "swap_remove", "pop_front", "pop_back", "front", "back", "max_by_key", "min_by_key"]);
function dirname(p) {
  const i = p.lastIndexOf("/");
  return i < 0 ? "" : p.slice(0, i);
}
function joinPath(...parts) {
  const out = [];
  for (const part of parts) {
    for (const seg of part.split("/")) {
      if (seg === "" || seg === ".") continue;
      if (seg === "..") out.pop();
      else out.push(seg);
    }
  }
  return out.join("/");
}
function sigHash(text) {
  let h1 = 3735928559;
  let h2 = 1103547991;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ h1 >>> 16, 2246822507) ^ Math.imul(h2 ^ h2 >>> 13, 3266489909);
  h2 = Math.imul(h2 ^ h2 >>> 16, 2246822507) ^ Math.imul(h1 ^ h1 >>> 13, 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, "0");
}
function interfaceName(items, item) {
  const prefix = item.mods.length > 0 ? `${item.mods.join("::")}::` : "";
  const parent = item.parent !== void 0 ? items[item.parent] : void 0;
  if (parent?.kind === "trait") return `${prefix}${parent.name}::${item.name}`;
  if (parent?.kind === "impl") {
    const self = parent.selfText ?? parent.name;
    return parent.traitText ? `${prefix}<${self} as ${parent.traitText}>::${item.name}` : `${prefix}${self}::${item.name}`;
  }
  if (item.kind === "macro") return `${prefix}${item.name}!`;
  return `${prefix}${item.name}`;
}
function fileItemKeys(file, items) {
  const seen = /* @__PURE__ */ new Map();
  return items.map((item) => {
    const base = makeKey(file, interfaceName(items, item));
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base} #${n}`;
  });
}
function owningPackage(ws, file) {
  let best;
  for (const p of ws.packages) {
    const dir = p.manifestDir;
    if (dir === "" || file.startsWith(`${dir}/`)) {
      if (!best || dir.length > best.manifestDir.length) best = p;
    }
  }
  return best;
}
function pushUnique(list, values) {
  for (const v of values) if (!list.includes(v)) list.push(v);
}
var Resolver = class {
  constructor(ws, files, selection, edgesOf, timings) {
    this.ws = ws;
    this.files = files;
    this.selection = selection;
    this.edgesOf = edgesOf;
    this.timings = timings;
  }
  ws;
  files;
  selection;
  edgesOf;
  timings;
  nodes = /* @__PURE__ */ new Map();
  /** src → dst → the edges between them (one per relation). Keys are the resolver's own key strings, whose hashes V8
   * caches, so a lookup never builds or hashes a concatenated id. */
  edgeSet = /* @__PURE__ */ new Map();
  unresolvedCalls = 0;
  externalDerives = 0;
  /** file → its instances (one per crate whose module tree reaches it), each: inline path key → module. */
  modules = /* @__PURE__ */ new Map();
  /** file → keys of its items (same order as facts.items). */
  itemKeys = /* @__PURE__ */ new Map();
  defsByKey = /* @__PURE__ */ new Map();
  /** package name → lib crate root module */
  libRoots = /* @__PURE__ */ new Map();
  /** Rust crate name (lib name or rename) → package name, per package. */
  externs = /* @__PURE__ */ new Map();
  /** type/trait key → methods and assoc items: name → keys (inherent first, then trait impls). */
  inherent = /* @__PURE__ */ new Map();
  traitImplItems = /* @__PURE__ */ new Map();
  /** type key → trait keys it implements. */
  implementedTraits = /* @__PURE__ */ new Map();
  /** trait key → its declared items: name → key. */
  traitItems = /* @__PURE__ */ new Map();
  /** package → method name → keys (for the unique-name fallback). */
  methodsByName = /* @__PURE__ */ new Map();
  /** package → macro_rules name → keys. */
  macrosByPkg = /* @__PURE__ */ new Map();
  containers = /* @__PURE__ */ new Map();
  onFeatures = /* @__PURE__ */ new Map();
  visible = /* @__PURE__ */ new Map();
  fallbackCache = /* @__PURE__ */ new Map();
  /** Trait impls for types outside the workspace (`impl From<X> for i32`): self type name → item name → keys. */
  externalImpls = /* @__PURE__ */ new Map();
  nameCache = /* @__PURE__ */ new Map();
  /** Names being resolved, per module: the depth of the resolveName frame computing each. */
  inProgress = /* @__PURE__ */ new Map();
  nameDepth = 0;
  /** The shallowest in-progress frame the current resolveName computation ran into (a cycle), Infinity if none. */
  cycleLow = Infinity;
  counts = /* @__PURE__ */ new Map();
  run() {
    const pkgs = this.ws.packages;
    for (const p of pkgs) {
      const ext = /* @__PURE__ */ new Map();
      for (const q of pkgs) ext.set(libCrateName(q), q.name);
      for (const [alias, target] of Object.entries(p.renames ?? {})) ext.set(alias, target);
      this.externs.set(p.name, ext);
    }
    let t = performance.now();
    const step = (name, run2) => {
      run2();
      const now = performance.now();
      if (this.timings) this.timings[`resolve_${name}`] = Math.round(now - t);
      t = now;
    };
    step("keys", () => this.assignKeys());
    step("modules", () => this.buildModuleTree());
    step("scopes", () => this.populateScopes());
    step("nodes", () => this.emitNodes());
    step("impls", () => this.buildImplIndex());
    step("edges", () => this.emitEdges());
    const nodes = [...this.nodes.values()].sort((a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
    const edges = [];
    for (const src of [...this.edgeSet.keys()].sort(cmpStr2)) {
      const group = [];
      for (const list of this.edgeSet.get(src).values()) for (const e of list) group.push(e);
      group.sort(compareEdges);
      for (const e of group) edges.push(e);
    }
    return { graph: { nodes, edges }, unresolvedCalls: this.unresolvedCalls, externalDerives: this.externalDerives, reached: this.reachedFiles(), counts: this.counts };
  }
  // ---- keys -------------------------------------------------------------------------------------------
  assignKeys() {
    for (const [file, facts] of this.files) this.itemKeys.set(file, fileItemKeys(file, facts.items));
  }
  keyOf(file, idx) {
    return this.itemKeys.get(file)?.[idx] ?? "";
  }
  // ---- module tree ------------------------------------------------------------------------------------
  /** The first instance of a file's modules (the one nodes and impls are registered with). */
  primary(file) {
    return this.modules.get(file)?.[0];
  }
  /** The methods named `method` in `pkg` and the packages it depends on, impl methods folded onto their trait's
   * declaration (cached: the same names are looked up for tens of thousands of calls). */
  fallbackTargets(pkg, method) {
    let byMethod = this.fallbackCache.get(pkg.name);
    if (!byMethod) this.fallbackCache.set(pkg.name, byMethod = /* @__PURE__ */ new Map());
    const hit = byMethod.get(method);
    if (hit) return hit;
    const folded = /* @__PURE__ */ new Set();
    for (const p of this.visiblePackages(pkg)) {
      for (const k of this.methodsByName.get(p)?.get(method) ?? []) {
        const def = this.defsByKey.get(k);
        const parentKey = def?.item?.parent !== void 0 ? this.keyOf(def.owner.file, def.item.parent) : void 0;
        const c = parentKey ? this.containers.get(parentKey) : void 0;
        const decl = c?.item.kind === "impl" && c.traitDef ? this.traitItems.get(c.traitDef.key)?.get(method) : void 0;
        folded.add(decl ?? k);
      }
    }
    byMethod.set(method, folded);
    return folded;
  }
  /** False when the item, its impl/trait or its module has a cfg that is off on this host even with every feature on. */
  hostActive(owner, item, facts) {
    const all = ALL_FEATURES;
    const parent = item.parent !== void 0 ? facts.items[item.parent] : void 0;
    if (!cfgActive(item.cfg, all) || !cfgActive(parent?.cfg, all)) return false;
    for (let m = owner; m; m = m.parent) {
      if (m.active) break;
      const decl = this.defsByKey.get(m.nodeKey)?.item;
      if (decl && !cfgActive(decl.cfg, all)) return false;
      if (m.mods.length === 0 && !cfgActive(this.files.get(m.file)?.fileCfg, all)) return false;
    }
    return true;
  }
  /** The package and every workspace package it depends on, directly or not. */
  visiblePackages(pkg) {
    let seen = this.visible.get(pkg.name);
    if (seen) return seen;
    const out = /* @__PURE__ */ new Set();
    const visit = (name) => {
      if (out.has(name)) return;
      out.add(name);
      for (const d of this.ws.packages.find((p) => p.name === name)?.deps ?? []) visit(d);
    };
    visit(pkg.name);
    seen = [...out];
    this.visible.set(pkg.name, seen);
    return seen;
  }
  featuresOn(pkg) {
    let on = this.onFeatures.get(pkg.name);
    if (!on) this.onFeatures.set(pkg.name, on = selectedFeatures(pkg, this.selection));
    return on;
  }
  newModule(pkg, file, mods, parent, dir, nodeKey, features, active, inst) {
    const m = { pkg, file, mods, parent, dir, nodeKey, features, active, on: this.featuresOn(pkg), items: /* @__PURE__ */ new Map(), uses: [], fileChildren: /* @__PURE__ */ new Map() };
    m.root = parent ? parent.root : m;
    inst.set(mods.join("::"), m);
    if (mods.length === 0 && parent) parent.fileChildren.set(nodeKey, m);
    return m;
  }
  /**
   * Creates the module of `file` (and its inline and file submodules, recursively) as part of `parent`'s crate. A file
   * that several crates reach (`tests/util/mod.rs` of three integration tests) gets one instance per crate.
   */
  buildFile(pkg, file, parent, nodeKey, inherited, isDirOwner, active = true) {
    const facts = this.files.get(file);
    if (!facts) return void 0;
    const existing = this.modules.get(file) ?? [];
    for (const inst2 of existing) {
      const top2 = inst2.get("");
      if (parent ? top2.root === parent.root : top2.parent === void 0 && top2.pkg === pkg) return top2;
    }
    const stem = file.slice(file.lastIndexOf("/") + 1).replace(/\.rs$/, "");
    const dir = isDirOwner ? dirname(file) : joinPath(dirname(file), stem);
    const features = [...inherited];
    pushUnique(features, facts.fileFeatures);
    const inst = /* @__PURE__ */ new Map();
    existing.push(inst);
    this.modules.set(file, existing);
    const top = this.newModule(pkg, file, [], parent, dir, nodeKey, features, active && cfgActive(facts.fileCfg, this.featuresOn(pkg)), inst);
    this.buildChildren(pkg, file, facts, inst);
    return top;
  }
  buildChildren(pkg, file, facts, inst) {
    facts.items.forEach((item, idx) => {
      if (item.kind !== "mod" || item.parent !== void 0) return;
      const owner = inst.get(item.mods.join("::"));
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
      let candidates;
      if (item.pathAttr) {
        const base = item.mods.length === 0 ? dirname(file) : owner.dir;
        candidates = [{ path: joinPath(base, item.pathAttr), dirOwner: true }];
      } else {
        candidates = [
          { path: joinPath(owner.dir, `${item.name}.rs`), dirOwner: false },
          { path: joinPath(owner.dir, item.name, "mod.rs"), dirOwner: true }
        ];
      }
      const found = candidates.find((c) => this.files.has(c.path));
      if (found) this.buildFile(pkg, found.path, owner, key, features, found.dirOwner, active);
    });
  }
  buildModuleTree() {
    const order = (kinds) => kinds.some((k) => k.endsWith("lib") || k === "proc-macro") ? 0 : kinds.includes("bin") ? 1 : kinds.includes("custom-build") ? 3 : 2;
    for (const pkg of this.ws.packages) {
      const targets = [...pkg.targets].sort((a, b) => order(a.kind) - order(b.kind));
      for (const t of targets) {
        const m = this.buildFile(pkg, t.srcPath, void 0, crateKey(pkg.name), [], true);
        if (m && order(t.kind) === 0 && !this.libRoots.has(pkg.name)) this.libRoots.set(pkg.name, m);
      }
    }
    const macroMods = /* @__PURE__ */ new Map();
    for (const [file, insts] of this.modules) {
      const names = this.files.get(file)?.macroMods;
      const pkg = insts[0]?.get("")?.pkg.name;
      if (!names || !pkg) continue;
      let set = macroMods.get(pkg);
      if (!set) macroMods.set(pkg, set = /* @__PURE__ */ new Set());
      for (const n of names) set.add(n);
    }
    if (macroMods.size === 0) return;
    for (const file of [...this.files.keys()].sort()) {
      if (this.modules.has(file)) continue;
      const pkg = owningPackage(this.ws, file);
      const parts = file.split("/");
      const stem = (parts[parts.length - 1] ?? "").replace(/\.rs$/, "");
      const name = stem === "mod" ? parts[parts.length - 2] : stem;
      if (!pkg || !name || !macroMods.get(pkg.name)?.has(name)) continue;
      this.buildFile(pkg, file, void 0, crateKey(pkg.name), [], stem === "mod");
    }
  }
  /** The files some crate's module tree reaches (the ones that have nodes). */
  reachedFiles() {
    return [...this.modules.keys()].sort();
  }
  populateScopes() {
    for (const [file, facts] of this.files) {
      const instances = this.modules.get(file) ?? [];
      instances.forEach((byFile, n) => this.populateInstance(file, facts, byFile, n === 0));
    }
  }
  populateInstance(file, facts, byFile, first) {
    {
      facts.items.forEach((item, idx) => {
        if (item.parent !== void 0 || item.kind === "impl") return;
        const owner = byFile.get(item.mods.join("::"));
        if (!owner) return;
        const key = this.keyOf(file, idx);
        const def = { kind: item.kind, key, owner, item, active: owner.active && cfgActive(item.cfg, owner.on) };
        if (item.kind === "mod") {
          const child = byFile.get([...item.mods, item.name].join("::")) ?? owner.fileChildren.get(key);
          if (child) def.module = child;
        }
        if (first) this.defsByKey.set(key, def);
        addDef(owner.items, item.name, def);
        if (item.kind === "macro" && first) {
          let byName = this.macrosByPkg.get(owner.pkg.name);
          if (!byName) this.macrosByPkg.set(owner.pkg.name, byName = /* @__PURE__ */ new Map());
          const list = byName.get(item.name) ?? [];
          list.push(key);
          byName.set(item.name, list);
          if (item.macroExport && owner.root !== owner) addDef(owner.root.items, item.name, def);
        }
      });
      for (const u of facts.uses) {
        const m = byFile.get(u.mods.join("::"));
        if (m) m.uses.push(u);
      }
    }
  }
  // ---- nodes ------------------------------------------------------------------------------------------
  emitNodes() {
    for (const pkg of this.ws.packages) {
      this.addNode({ key: crateKey(pkg.name), kind: "crate", name: pkg.name, crate: pkg.name, file: "", span: { startLine: 0, endLine: 0 }, signature: `crate ${pkg.name}`, sigHash: sigHash(`crate ${pkg.name}`), public: true, features: [], doc: "" });
      for (const f of Object.keys(pkg.features).sort()) this.featureNode(pkg.name, f);
    }
    for (const [file, facts] of this.files) {
      const byFile = this.primary(file);
      const pkg = byFile?.get("")?.pkg;
      if (!pkg) continue;
      facts.items.forEach((item, idx) => {
        const owner = byFile?.get(item.mods.join("::"));
        const features = [...owner?.features ?? []];
        const parent = item.parent !== void 0 ? facts.items[item.parent] : void 0;
        if (parent) pushUnique(features, parent.features);
        pushUnique(features, item.features);
        const key = this.keyOf(file, idx);
        const node = {
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
          doc: item.doc
        };
        if (item.bounds.length > 0) node.bounds = [...item.bounds];
        this.addNode(node);
        for (const f of features) {
          this.featureNode(pkg.name, f);
          this.edge(key, "FEATURE_GATED_BY", featureKey(pkg.name, f));
        }
      });
    }
  }
  addNode(n) {
    if (!this.nodes.has(n.key)) this.nodes.set(n.key, n);
  }
  featureNode(pkg, f) {
    const key = featureKey(pkg, f);
    this.addNode({ key, kind: "feature", name: f, crate: pkg, file: "", span: { startLine: 0, endLine: 0 }, signature: `feature ${f}`, sigHash: sigHash(`feature ${f}`), public: true, features: [], doc: "" });
  }
  /**
   * Adds an edge; (src, rel, dst) is its identity. A second edge with the same identity merges into the first:
   * a precise CALLS beats a `by_name` one, and REQUIRES_BOUND texts on the same trait are joined with '; '.
   */
  edge(src, rel, dst, attr = "") {
    if (src === dst && rel !== "CALLS") return;
    let byDst = this.edgeSet.get(src);
    if (!byDst) this.edgeSet.set(src, byDst = /* @__PURE__ */ new Map());
    let list = byDst.get(dst);
    if (!list) byDst.set(dst, list = []);
    const at = list.findIndex((e) => e.rel === rel);
    const old = at < 0 ? void 0 : list[at];
    if (!old) {
      list.push({ src, dst, rel, attr });
      return;
    }
    if (old.attr === attr) return;
    if (rel === "CALLS") {
      if (attr === "") list[at] = { src, dst, rel, attr };
    } else if (attr !== "" && !old.attr.split("; ").includes(attr)) {
      list[at] = { src, dst, rel, attr: old.attr ? `${old.attr}; ${attr}` : attr };
    }
  }
  // ---- name resolution --------------------------------------------------------------------------------
  crateRootByName(from, name) {
    const pkgName = this.externs.get(from.pkg.name)?.get(name);
    return pkgName ? this.libRoots.get(pkgName) : void 0;
  }
  moduleDef(m) {
    return { kind: "mod", key: m.nodeKey, module: m, owner: m.parent ?? m, active: m.active };
  }
  /** Everything `name` can mean in module `m` (items, imports, glob imports, extern crates). */
  resolveName(m, name) {
    let cache = this.nameCache.get(m);
    if (!cache) this.nameCache.set(m, cache = /* @__PURE__ */ new Map());
    const cached = cache.get(name);
    if (cached) return cached;
    let busy = this.inProgress.get(m);
    if (!busy) this.inProgress.set(m, busy = /* @__PURE__ */ new Map());
    const met = busy.get(name);
    if (met !== void 0) {
      if (met < this.cycleLow) this.cycleLow = met;
      return [];
    }
    const depth = ++this.nameDepth;
    busy.set(name, depth);
    const outerLow = this.cycleLow;
    this.cycleLow = Infinity;
    const out = [];
    const inactive = [];
    const add = (d, on) => {
      const list = on && d.active ? out : inactive;
      if (!list.includes(d)) list.push(d);
    };
    for (const d of m.items.get(name) ?? []) add(d, true);
    let importedOutside = false;
    for (const u of m.uses) {
      if (u.glob) continue;
      const imported = u.alias ?? u.path[u.path.length - 1];
      if (imported !== name || imported === "_") continue;
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
  resolvePath(m, segs) {
    const first = segs[0];
    if (first === void 0) return [];
    let cur;
    let i = 1;
    if (first === "crate" || first === "$crate") cur = [this.moduleDef(m.root)];
    else if (first === "self") cur = [this.moduleDef(m)];
    else if (first === "super") {
      let p = m.parent;
      while (segs[i] === "super" && p) {
        p = p.parent;
        i++;
      }
      cur = p ? [this.moduleDef(p)] : [];
    } else if (first === "Self" || first === "std" || first === "core" || first === "alloc") {
      return [];
    } else cur = this.resolveName(m, first);
    for (; i < segs.length && cur.length > 0; i++) {
      const seg = segs[i];
      const next = [];
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
  assocItems(typeKey, name) {
    const t = this.traitItems.get(typeKey);
    if (t) {
      const k = t.get(name);
      return k ? [k] : [];
    }
    const inh = this.inherent.get(typeKey)?.get(name);
    if (inh && inh.length > 0) return inh;
    const viaTrait = this.traitImplItems.get(typeKey)?.get(name);
    if (viaTrait && viaTrait.length > 0) return viaTrait;
    const out = [];
    for (const tr of this.implementedTraits.get(typeKey) ?? []) {
      const k = this.traitItems.get(tr)?.get(name);
      if (k) out.push(k);
    }
    return out;
  }
  pickType(defs) {
    return defs.find((d) => TYPE_KINDS.has(d.kind));
  }
  // ---- impl index -------------------------------------------------------------------------------------
  buildImplIndex() {
    for (const [file, facts] of this.files) {
      const byFile = this.primary(file);
      if (!byFile) continue;
      facts.items.forEach((item, idx) => {
        const key = this.keyOf(file, idx);
        const owner = byFile.get(item.mods.join("::"));
        if (!owner) return;
        if (item.kind === "trait") {
          this.traitItems.set(key, /* @__PURE__ */ new Map());
          this.containers.set(key, { item, key, traitDef: this.defsByKey.get(key) });
        }
        if (item.parent !== void 0) {
          const parentItem = facts.items[item.parent];
          const def = { kind: item.kind, key, owner, item, active: owner.active && cfgActive(parentItem?.cfg, owner.on) && cfgActive(item.cfg, owner.on) };
          this.defsByKey.set(key, def);
          if (item.kind === "method") {
            let byName = this.methodsByName.get(owner.pkg.name);
            if (!byName) this.methodsByName.set(owner.pkg.name, byName = /* @__PURE__ */ new Map());
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
      const children = [];
      facts.items.forEach((item, idx) => {
        if (item.parent !== void 0) (children[item.parent] ??= []).push(idx);
      });
      facts.items.forEach((item, idx) => {
        const key = this.keyOf(file, idx);
        const owner = byFile.get(item.mods.join("::"));
        if (!owner) return;
        if (item.parent !== void 0) {
          const parentKey = this.keyOf(file, item.parent);
          const parent = facts.items[item.parent];
          if (parent?.kind === "trait") this.traitItems.get(parentKey)?.set(item.name, key);
          return;
        }
        if (item.kind !== "impl") return;
        const selfDef = item.selfPath ? this.pickType(this.resolvePath(owner, item.selfPath)) : void 0;
        const traitDef = item.traitPath ? this.resolvePath(owner, item.traitPath).find((d) => d.kind === "trait") : void 0;
        const c = { item, key };
        if (selfDef) c.selfDef = selfDef;
        if (traitDef) c.traitDef = traitDef;
        this.containers.set(key, c);
        if (!selfDef) {
          const selfName = item.selfPath?.at(-1);
          if (selfName && item.traitPath) {
            let byName2 = this.externalImpls.get(selfName);
            if (!byName2) this.externalImpls.set(selfName, byName2 = /* @__PURE__ */ new Map());
            for (const cidx of children[idx] ?? []) {
              const child = facts.items[cidx];
              const list = byName2.get(child.name) ?? [];
              list.push(this.keyOf(file, cidx));
              byName2.set(child.name, list);
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
        if (!byName) index.set(selfDef.key, byName = /* @__PURE__ */ new Map());
        for (const cidx of children[idx] ?? []) {
          const child = facts.items[cidx];
          const list = byName.get(child.name) ?? [];
          list.push(this.keyOf(file, cidx));
          byName.set(child.name, list);
        }
      });
    }
  }
  // ---- edges ------------------------------------------------------------------------------------------
  emitEdges() {
    for (const pkg of this.ws.packages) for (const d of pkg.deps) this.edge(crateKey(pkg.name), "DEPENDS", crateKey(d));
    for (const file of [...this.files.keys()].sort()) {
      const facts = this.files.get(file);
      const emit = !this.edgesOf || this.edgesOf.has(file);
      const unresolved0 = this.unresolvedCalls;
      const derives0 = this.externalDerives;
      for (const byFile of this.modules.get(file) ?? []) {
        for (const m of byFile.values()) this.moduleDepends(m);
        if (!emit) continue;
        facts.items.forEach((item, idx) => {
          const owner = byFile.get(item.mods.join("::"));
          if (owner) this.itemEdges(file, facts, item, idx, owner);
        });
      }
      if (emit) this.counts.set(file, [this.unresolvedCalls - unresolved0, this.externalDerives - derives0]);
    }
  }
  moduleDepends(m) {
    for (const u of m.uses) {
      for (const d of this.resolvePath(m, u.path)) {
        const target = u.glob && d.module ? d.module : d.kind === "mod" && d.module ? d.module : d.owner;
        if (target.nodeKey !== m.nodeKey) this.edge(m.nodeKey, "DEPENDS", target.nodeKey);
      }
    }
  }
  itemEdges(file, facts, item, idx, owner) {
    const key = this.keyOf(file, idx);
    const container = item.parent !== void 0 ? this.containers.get(this.keyOf(file, item.parent)) : item.kind === "impl" ? this.containers.get(key) : void 0;
    const scope = new Scope(item, container, facts);
    if (item.kind === "impl") {
      const c = this.containers.get(key);
      if (c?.traitDef) this.edge(key, "IMPLEMENTS", c.traitDef.key);
      if (c?.selfDef) this.edge(key, "IMPLEMENTS", c.selfDef.key);
    }
    if (container?.item.kind === "impl" && container.traitDef) {
      const decl = this.traitItems.get(container.traitDef.key)?.get(item.name);
      if (decl) this.edge(key, "IMPLEMENTS", decl);
    }
    for (const d of item.derives) {
      const trait = this.resolvePath(owner, d).find((x) => x.kind === "trait");
      if (trait) this.edge(key, "IMPLEMENTS", trait.key);
      else this.externalDerives++;
    }
    for (const ref of item.typeRefs) {
      if (ref.length === 1 && (scope.isGeneric(ref[0]) || ref[0] === "Self")) continue;
      const t = this.pickType(this.resolvePath(owner, ref));
      if (t && t.key !== key) this.edge(key, "USES", t.key);
    }
    for (const mac of item.macros) {
      const target = this.resolveMacro(owner, mac);
      if (target) this.edge(key, "USES", target);
    }
    for (const b of item.boundTraits) {
      const trait = this.resolvePath(owner, b.path).find((x) => x.kind === "trait");
      if (trait) this.edge(key, "REQUIRES_BOUND", trait.key, b.text);
    }
    if (!this.hostActive(owner, item, facts)) return;
    for (const call of item.calls) {
      const targets = call.method !== void 0 ? this.resolveMethodCall(owner, scope, call.method, call.recv, key) : this.resolvePathCall(owner, scope, call.path ?? [], call.args);
      if (targets === "constructor") continue;
      if (targets === void 0) {
        this.unresolvedCalls++;
        continue;
      }
      this.edge(key, "CALLS", targets.key, targets.byName ? "by_name" : "");
    }
  }
  resolveMacro(owner, path2) {
    const name = path2[path2.length - 1];
    if (name === void 0) return void 0;
    if (path2.length === 1) {
      const local = this.macrosByPkg.get(owner.pkg.name)?.get(name);
      if (local && local.length > 0) {
        const sameFile = local.find((k) => this.defsByKey.get(k)?.owner.file === owner.file);
        return sameFile ?? local[0];
      }
    }
    return this.resolvePath(owner, path2).find((d) => d.kind === "macro")?.key;
  }
  /** The workspace type (or generic parameter's bound traits) a type path denotes in this scope. */
  typeTargets(owner, scope, path2) {
    if (path2.length === 1 && path2[0] === "Self") {
      const c = scope.container;
      if (!c) return void 0;
      if (c.item.kind === "trait") return c.traitDef ? [c.traitDef] : void 0;
      return c.selfDef ? [c.selfDef] : void 0;
    }
    if (path2.length === 1 && scope.isGeneric(path2[0])) {
      const traits = scope.boundsOf(path2[0]).map((p) => this.resolvePath(owner, p).find((d) => d.kind === "trait")).filter((d) => d !== void 0);
      return traits.length > 0 ? traits : void 0;
    }
    const t = this.pickType(this.resolvePath(owner, path2));
    return t ? [t] : void 0;
  }
  firstAssoc(types, name, preferCallable) {
    for (const t of types) {
      const keys = this.assocItems(t.key, name);
      const defs = keys.map((k) => this.defsByKey.get(k)).filter((d) => d !== void 0);
      const pick = preferCallable ? defs.find((d) => CALLABLE_KINDS.has(d.kind)) ?? defs[0] : defs[0];
      if (pick) return pick;
    }
    return void 0;
  }
  /** The argument type text a call fact recorded, with locals and `self` looked up. */
  argTypeName(scope, a) {
    if (a === void 0 || !a.startsWith("=")) return a ?? "";
    const name = a.slice(1);
    if (name === "self") {
      const self = scope.container?.selfDef?.item?.name ?? scope.container?.item.selfPath?.at(-1);
      return self ?? "";
    }
    const t = scope.item.locals[name];
    return t ? t[t.length - 1] : "";
  }
  /**
   * Picks among several trait-impl methods of the same name (`impl From<A> for T`, `impl From<B> for T`) by the first
   * argument's type. Undefined when the argument's type is unknown or matches none or several: no edge is guessed.
   */
  pickOverload(cands, scope, args, mustMatch) {
    if (cands.length === 1 && !mustMatch) return cands[0];
    const implOf = (d) => d.item?.parent !== void 0 ? this.files.get(d.owner.file)?.items[d.item.parent] : void 0;
    if (!cands.every((d) => implOf(d)?.kind === "impl" && implOf(d)?.traitPath)) return mustMatch ? void 0 : cands[0];
    const arg = this.argTypeName(scope, args?.[0]);
    if (arg === "") return void 0;
    const fits = (ta) => ta !== void 0 && (ta === arg || arg === "int" && INT_TYPES.has(ta) || arg === "float" && (ta === "f32" || ta === "f64"));
    const hits = cands.filter((d) => fits(implOf(d)?.traitArgs?.[0]));
    return hits.length === 1 ? hits[0] : void 0;
  }
  resolvePathCall(owner, scope, path2, args) {
    if (path2.length === 0) return void 0;
    if (path2.length === 1 && scope.isLocal(path2[0])) return void 0;
    if (path2.length >= 2) {
      const typePath = path2.slice(0, -1);
      const last = path2[path2.length - 1];
      if (typePath.length === 1 && (typePath[0] === "Self" || scope.isGeneric(typePath[0]))) {
        const types = this.typeTargets(owner, scope, typePath);
        const d = types ? this.firstAssoc(types, last, true) : void 0;
        return d ? { key: d.key } : void 0;
      }
    }
    const defs = this.resolvePath(owner, path2);
    const callables = defs.filter((d) => CALLABLE_KINDS.has(d.kind));
    if (callables.length > 0) {
      const picked = this.pickOverload(callables, scope, args, false);
      return picked ? { key: picked.key } : void 0;
    }
    if (defs.length === 0 && path2.length === 2) {
      const keys = this.externalImpls.get(path2[0])?.get(path2[1]) ?? [];
      const cands = keys.map((k) => this.defsByKey.get(k)).filter((d) => d !== void 0);
      const picked = cands.length > 0 ? this.pickOverload(cands, scope, args, true) : void 0;
      if (picked) return { key: picked.key };
    }
    if (defs.length === 0 && path2.length >= 2 && args && args.length > 0) {
      const traitName = path2[path2.length - 2];
      const method = path2[path2.length - 1];
      const argType = this.argTypeName(scope, args[0]);
      const self = argType === "" ? void 0 : argType === scope.container?.selfDef?.item?.name ? scope.container.selfDef : this.pickType(this.resolvePath(owner, [argType]));
      const hits = (self ? this.traitImplItems.get(self.key)?.get(method) ?? [] : []).filter((k) => {
        const d = this.defsByKey.get(k);
        const impl = d?.item?.parent !== void 0 ? this.files.get(d.owner.file)?.items[d.item.parent] : void 0;
        return impl?.traitPath?.at(-1) === traitName;
      });
      if (hits.length === 1) return { key: hits[0] };
    }
    if (defs.some((d) => d.kind === "struct")) return "constructor";
    if (defs.length === 0 && path2.length === 1 && PRELUDE_VARIANTS.has(path2[0])) return "constructor";
    if (defs.length === 0 && path2.length >= 2 && this.resolvePath(owner, path2.slice(0, -1)).some((d) => d.kind === "enum")) return "constructor";
    return void 0;
  }
  /** The workspace types the result of calling `path` has, from the callee's declared return type. */
  callResultTypes(owner, scope, path2) {
    const target = this.resolvePathCall(owner, scope, path2);
    const guess = () => path2.length >= 2 && /^[A-Z]/.test(path2[path2.length - 2]) ? this.typeTargets(owner, scope, path2.slice(0, -1)) : void 0;
    if (target === "constructor") return guess();
    if (!target) return guess();
    const def = this.defsByKey.get(target.key);
    const item = def?.item;
    if (!def || !item?.ret) return void 0;
    const parentKey = item.parent !== void 0 ? this.keyOf(def.owner.file, item.parent) : void 0;
    const container = parentKey ? this.containers.get(parentKey) : void 0;
    return this.typeTargets(def.owner, new Scope(item, container, void 0), item.ret);
  }
  /**
   * The workspace types a receiver has: `known` false when syntax does not tell (then the unique-name fallback may
   * apply); `types` undefined with `known` true when the type is known to be outside the workspace (std, a dependency).
   */
  recvTypes(owner, scope, recv, depth = 0) {
    if (!recv || depth > 48) return { known: false };
    const known = (types) => types ? { types, known: true } : { known: true };
    switch (recv.kind) {
      case "self":
        return known(this.typeTargets(owner, scope, ["Self"]));
      case "ident": {
        const local = scope.item.locals[recv.name];
        if (local) return known(this.typeTargets(owner, scope, local));
        const callee = scope.item.callLocals?.[recv.name];
        if (callee?.[0] === "$recv" && callee[1] !== void 0) return this.recvTypes(owner, scope, JSON.parse(callee[1]), depth + 1);
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
      case "typed":
        return known(this.typeTargets(owner, scope, recv.path));
      case "call": {
        const types = this.callResultTypes(owner, scope, recv.path);
        return types ? { types, known: true } : { known: this.outsideTypeCall(owner, scope, recv.path) };
      }
      case "field": {
        if (recv.base === void 0) {
          const selfDef = scope.container?.selfDef;
          const fieldType = selfDef?.item?.fields?.[recv.field];
          if (!selfDef || !fieldType) return { known: false };
          const generic = fieldType.length === 1 && scope.isGeneric(fieldType[0]);
          return known(generic ? this.typeTargets(owner, scope, fieldType) : this.typeTargets(selfDef.owner, Scope.empty(), fieldType));
        }
        const base = this.recvTypes(owner, scope, recv.base, depth + 1);
        if (base.known && !base.types) return { known: true };
        const out = [];
        let declared = false;
        for (const t of base.types ?? []) {
          const fieldType = t.item?.fields?.[recv.field];
          if (!fieldType) continue;
          declared = true;
          for (const d of this.typeTargets(t.owner, Scope.empty(), fieldType) ?? []) if (!out.includes(d)) out.push(d);
        }
        return out.length > 0 ? { types: out, known: true } : { known: declared };
      }
      case "mcall": {
        if (ELEMENT_ACCESS.has(recv.method)) {
          const elems = this.elemTypes(owner, scope, recv.base, depth + 1);
          if (elems) return { types: elems, known: true };
        }
        const base = this.recvTypes(owner, scope, recv.base, depth + 1);
        if (base.known && !base.types) return { known: true };
        if (!base.types) return { known: false };
        if (SAME_TYPE_METHODS.has(recv.method)) return base;
        const m = this.firstAssoc(base.types, recv.method, true);
        const types = m ? this.defResultTypes(m) : void 0;
        return types ? { types, known: true } : { known: false };
      }
      case "index": {
        const types = this.elemTypes(owner, scope, recv.base, depth + 1);
        return types ? { types, known: true } : { known: false };
      }
      default:
        return { known: false };
    }
  }
  /** True for `Type::f(..)` where `Type` is not a workspace type (`WalkBuilder::new(..)`): its result is outside too. */
  outsideTypeCall(owner, scope, path2) {
    if (path2.length < 2) return false;
    const ty = path2.slice(0, -1);
    const last = ty[ty.length - 1];
    if (!/^[A-Z]/.test(last) || last === "Self" || ty.length === 1 && scope.isGeneric(last)) return false;
    return this.resolvePath(owner, ty).length === 0;
  }
  /** The workspace types of the elements of a collection or iterator expression, when its declaration tells. */
  elemTypes(owner, scope, recv, depth) {
    if (depth > 48) return void 0;
    if (recv.kind === "mcall" && ELEMENT_PRESERVING.has(recv.method)) return this.elemTypes(owner, scope, recv.base, depth + 1);
    if (recv.kind === "ident") {
      const elem = scope.item.localElems?.[recv.name];
      return elem ? this.typeTargets(owner, scope, elem) : void 0;
    }
    if (recv.kind === "field") {
      const bases = recv.base === void 0 ? scope.container?.selfDef ? [scope.container.selfDef] : [] : this.recvTypes(owner, scope, recv.base, depth + 1).types ?? [];
      const out = [];
      for (const t of bases) {
        const elem = t.item?.fieldElems?.[recv.field];
        if (!elem) continue;
        for (const d of this.typeTargets(t.owner, Scope.empty(), elem) ?? []) if (!out.includes(d)) out.push(d);
      }
      return out.length > 0 ? out : void 0;
    }
    return void 0;
  }
  /** The workspace types a call to `def` returns, from its declared return type. */
  defResultTypes(def) {
    const item = def.item;
    if (!item?.ret) return void 0;
    const parentKey = item.parent !== void 0 ? this.keyOf(def.owner.file, item.parent) : void 0;
    const container = parentKey ? this.containers.get(parentKey) : void 0;
    return this.typeTargets(def.owner, new Scope(item, container, void 0), item.ret);
  }
  resolveMethodCall(owner, scope, method, recv, self = "") {
    const { types, known } = this.recvTypes(owner, scope, recv);
    if (known) {
      if (!types) return void 0;
      const d = this.firstAssoc(types, method, true);
      return d ? { key: d.key } : void 0;
    }
    if (STD_METHOD_NAMES.has(method)) return void 0;
    const folded = this.fallbackTargets(owner.pkg, method);
    if (folded.size === 1 && ![...folded].includes(self)) return { key: [...folded][0], byName: true };
    return void 0;
  }
};
var Scope = class _Scope {
  constructor(item, container, _facts) {
    this.item = item;
    this.container = container;
    this.generics = /* @__PURE__ */ new Set([...item.generics, ...container && container.item !== item ? container.item.generics : []]);
  }
  item;
  container;
  generics;
  static empty() {
    const blank = { kind: "fn", name: "", mods: [], line: 0, endLine: 0, signature: "", public: false, features: [], derives: [], doc: "", bounds: [], boundTraits: [], generics: [], typeRefs: [], calls: [], locals: {}, macros: [] };
    return new _Scope(blank, void 0, void 0);
  }
  isGeneric(name) {
    return this.generics.has(name);
  }
  isLocal(name) {
    return Object.prototype.hasOwnProperty.call(this.item.locals, name);
  }
  boundsOf(param) {
    const all = [...this.item.boundTraits, ...this.container && this.container.item !== this.item ? this.container.item.boundTraits : []];
    return all.filter((b) => b.param === param).map((b) => b.path);
  }
};
function addDef(map, name, def) {
  const list = map.get(name);
  if (list) list.push(def);
  else map.set(name, [def]);
}
function resolverFingerprint() {
  const code = [Resolver, Scope, interfaceName, fileItemKeys, owningPackage, addDef, compareEdges, cfgActive, evalCfg, defaultFeatures, selectedFeatures].map(String).join("\n");
  return sigHash(`${code}
${[...STD_METHOD_NAMES].join(",")}`);
}
function cmpStr2(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
function compareEdges(a, b) {
  if (a.src !== b.src) return a.src < b.src ? -1 : 1;
  if (a.rel !== b.rel) return a.rel < b.rel ? -1 : 1;
  if (a.dst !== b.dst) return a.dst < b.dst ? -1 : 1;
  return a.attr < b.attr ? -1 : a.attr > b.attr ? 1 : 0;
}
function resolveWorkspace(ws, files, selection, opts = {}) {
  const sorted = new Map([...files.entries()].sort((a, b) => a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return new Resolver(ws, sorted, selection, opts.edgesOf, opts.timings).run();
}

// src/core/isg/incremental.ts
var MAX_CHANGED_NAMES = 256;
var IDENT = /[A-Za-z_][A-Za-z0-9_]*/g;
function tokens(text) {
  return text.match(IDENT) ?? [];
}
function pathTokens(paths) {
  const out = [];
  for (const p of paths) if (p) for (const seg of p) out.push(...tokens(seg));
  return out;
}
function scoped(item) {
  return item.ret !== void 0 || item.kind === "fn" || item.kind === "method" || item.kind === "impl" || item.kind === "trait";
}
function fileInterface(file, facts) {
  const keys = fileItemKeys(file, facts.items);
  const rankOf = /* @__PURE__ */ new Map();
  const ranks = facts.items.map((item) => {
    const r = rankOf.get(item.name) ?? 0;
    rankOf.set(item.name, r + 1);
    return r;
  });
  const mods = [];
  const globs = [];
  const entries = [];
  const header = (idx) => {
    if (idx === void 0) return void 0;
    const p = facts.items[idx];
    return [keys[idx], p.kind, p.cfg, p.selfPath, p.traitPath, p.traitArgs, p.generics, p.boundTraits.map((b) => [b.param, b.path])];
  };
  facts.items.forEach((item, idx) => {
    if (item.kind === "mod") {
      mods.push([keys[idx], item.name, item.mods, ranks[idx], item.cfg, item.features, item.modFile, item.pathAttr, item.parent]);
      return;
    }
    const parent = item.parent !== void 0 ? facts.items[item.parent] : void 0;
    const scope = scoped(item) ? [item.generics, item.boundTraits.map((b) => [b.param, b.path])] : void 0;
    const id = JSON.stringify([keys[idx], item.kind, item.name, item.mods, ranks[idx], item.cfg, item.ret, item.macroExport, scope, item.selfPath, item.traitPath, item.traitArgs, header(item.parent)]);
    const refs = pathTokens([item.ret, item.selfPath, item.traitPath, ...item.boundTraits.map((b) => b.path)]);
    if (parent) refs.push(...pathTokens([parent.selfPath, parent.traitPath, ...parent.boundTraits.map((b) => b.path)]), ...tokens(parent.name));
    const entry = { id, defines: item.kind === "impl" ? [] : tokens(item.name), refs };
    if (item.kind === "impl" && item.traitPath) entry.traitName = item.traitPath[item.traitPath.length - 1];
    entries.push(entry);
    for (const [field, type] of Object.entries(item.fields ?? {})) {
      const elem = item.fieldElems?.[field];
      entries.push({ id: JSON.stringify(["field", keys[idx], field, type, elem]), defines: tokens(field), refs: pathTokens([type, elem]) });
    }
  });
  const useRank = /* @__PURE__ */ new Map();
  for (const u of facts.uses) {
    if (u.glob) {
      globs.push([u.mods, u.path, u.cfg, u.public]);
      continue;
    }
    const name = u.alias ?? u.path[u.path.length - 1] ?? "";
    const at = `${u.mods.join("::")}::${name}`;
    const r = useRank.get(at) ?? 0;
    useRank.set(at, r + 1);
    entries.push({ id: JSON.stringify(["use", u.mods, u.path, u.alias, u.public, u.cfg, r]), defines: tokens(name), refs: pathTokens([u.path]) });
  }
  const structure = JSON.stringify([facts.fileFeatures, facts.fileCfg, facts.macroMods, mods, globs]);
  return { structure, entries };
}
function mentions(text, token) {
  for (let at = text.indexOf(token); at >= 0; at = text.indexOf(token, at + 1)) {
    const before = at > 0 ? text.charCodeAt(at - 1) : 0;
    const after = at + token.length < text.length ? text.charCodeAt(at + token.length) : 0;
    if (!isIdentChar(before) && !isIdentChar(after)) return true;
  }
  return false;
}
function isIdentChar(c) {
  return c >= 48 && c <= 57 || c >= 65 && c <= 90 || c >= 97 && c <= 122 || c === 95;
}
function traitMembers(name, facts) {
  const names = /* @__PURE__ */ new Set([name]);
  const all = [...facts];
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
  const out = [];
  for (const f of all) {
    f.items.forEach((item) => {
      const parent = item.parent !== void 0 ? f.items[item.parent] : void 0;
      if (parent?.kind === "trait" && names.has(parent.name)) out.push(...tokens(item.name));
    });
  }
  return out;
}
function filesToResolve(changes, facts, json) {
  const dirty = /* @__PURE__ */ new Set();
  const changed = /* @__PURE__ */ new Set();
  const members = (entry) => entry.traitName ? traitMembers(entry.traitName, [...facts.values(), ...changes.flatMap((c) => c.before ? [c.before] : [])]) : [];
  for (const c of changes) {
    if (!c.before || !c.after) return void 0;
    dirty.add(c.file);
    const before = fileInterface(c.file, c.before);
    const after = fileInterface(c.file, c.after);
    if (before.structure !== after.structure) return void 0;
    const count = /* @__PURE__ */ new Map();
    for (const e of after.entries) count.set(e.id, (count.get(e.id) ?? 0) + 1);
    for (const e of before.entries) count.set(e.id, (count.get(e.id) ?? 0) - 1);
    for (const e of [...before.entries, ...after.entries]) {
      if ((count.get(e.id) ?? 0) === 0) continue;
      for (const t of e.defines) changed.add(t);
      for (const t of members(e)) changed.add(t);
    }
  }
  let pending = [...changed];
  const interfaces = /* @__PURE__ */ new Map();
  while (pending.length > 0) {
    if (changed.size > MAX_CHANGED_NAMES) return void 0;
    const next = [];
    const add = (t) => {
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
      if (!iface) interfaces.set(file, iface = fileInterface(file, f));
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

// src/app/build-isg.ts
var MAX_FILE_BYTES = 2 * 1024 * 1024;
var SKIP_DIRS = /* @__PURE__ */ new Set(["target", "node_modules", ".git", RUSTGATE_DIR]);
function scanRustFiles(root, problems, known) {
  const realRoot = realpathSync(root);
  const out = [];
  const inside = (real) => real === realRoot || real.startsWith(`${realRoot}${path.sep}`);
  const walk = (absDir, relDir, chain) => {
    let entries;
    try {
      entries = readdirSync(absDir).sort();
    } catch {
      return;
    }
    for (const name of entries) {
      const abs = path.join(absDir, name);
      const rel = relDir ? `${relDir}/${name}` : name;
      let st;
      try {
        st = lstatSync(abs);
      } catch {
        continue;
      }
      let isDir = st.isDirectory();
      let isFile = st.isFile();
      if (st.isSymbolicLink()) {
        let real;
        try {
          real = realpathSync(abs);
        } catch {
          continue;
        }
        if (!inside(real)) {
          if (name.endsWith(".rs") || statSafe(real)?.isDirectory()) {
            problems.push({ file: rel, kind: "symlink_outside", message: `symlink leaves the repository (${real}); not followed` });
          }
          continue;
        }
        const target = statSafe(real);
        if (target?.isDirectory()) {
          if (chain.has(real)) continue;
          isDir = true;
        } else isFile = target?.isFile() ?? false;
      }
      if (isDir) {
        if (SKIP_DIRS.has(name) || name.startsWith(".")) continue;
        let real;
        try {
          real = realpathSync(abs);
        } catch {
          continue;
        }
        if (chain.has(real)) continue;
        walk(abs, rel, /* @__PURE__ */ new Set([...chain, real]));
        continue;
      }
      if (!isFile || !name.endsWith(".rs")) continue;
      const file = readChecked(abs, rel, problems, known?.get(rel));
      if (file) out.push(file);
    }
  };
  walk(realRoot, "", /* @__PURE__ */ new Set([realRoot]));
  return out;
}
function statSafe(p) {
  try {
    return statSync(p);
  } catch {
    return void 0;
  }
}
function readChecked(abs, rel, problems, knownHash) {
  const size = statSafe(abs)?.size ?? 0;
  if (size > MAX_FILE_BYTES) {
    problems.push({ file: rel, kind: "too_large", message: `${size} bytes is over the ${MAX_FILE_BYTES}-byte limit; skipped` });
    return void 0;
  }
  let bytes;
  try {
    bytes = readFileSync(abs);
  } catch (e) {
    problems.push({ file: rel, kind: "unreadable", message: `cannot read: ${e.message}` });
    return void 0;
  }
  if (bytes.includes(0)) {
    problems.push({ file: rel, kind: "binary", message: "contains NUL bytes; skipped" });
    return void 0;
  }
  const hash = createHash("sha256").update(bytes).digest("hex");
  if (hash === knownHash) return { file: rel, abs, text: "", hash, raw: bytes };
  const text = decodeUtf8(bytes);
  if (text === void 0) {
    problems.push({ file: rel, kind: "non_utf8", message: "not valid UTF-8; skipped" });
    return void 0;
  }
  return { file: rel, abs, text, hash };
}
function decodeUtf8(bytes) {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return void 0;
  }
}
function isFacts(v) {
  return typeof v === "object" && v !== null && v.version === FACTS_VERSION && Array.isArray(v.items);
}
function decodeFacts(stored) {
  let v = stored;
  if (typeof v === "string") {
    try {
      v = JSON.parse(v);
    } catch {
      return void 0;
    }
  }
  return isFacts(v) ? v : void 0;
}
var META_BASIS = "resolve_basis";
var META_COUNTS = "resolve_counts";
function isItemEdge(e) {
  return e.rel !== "DEPENDS" && e.rel !== "FEATURE_GATED_BY";
}
function parseCounts(text) {
  if (text === void 0) return void 0;
  try {
    const v = JSON.parse(text);
    return typeof v === "object" && v !== null && !Array.isArray(v) ? new Map(Object.entries(v)) : void 0;
  } catch {
    return void 0;
  }
}
async function buildIsg(opts) {
  const t0 = performance.now();
  let tPhase = t0;
  const lap = (phase) => {
    const now = performance.now();
    if (opts.timings) {
      opts.timings[phase] = Math.round(now - tPhase);
      opts.timings[`${phase}_rss_mb`] = Math.round(process.memoryUsage.rss() / 1e6);
    }
    tPhase = now;
  };
  const root = path.resolve(opts.root);
  const ws = opts.workspace ?? await readWorkspace(root);
  ensureWorkDir(root);
  lap("workspace");
  const problems = [];
  opts.onProgress?.({ phase: "scan", done: 0, total: 0 });
  const cached = await opts.store.loadFiles();
  lap("load_cache");
  const knownHashes = /* @__PURE__ */ new Map();
  for (const [file, rec] of cached) knownHashes.set(file, rec.hash);
  let scanned = scanRustFiles(root, problems, knownHashes).filter((f) => owningPackage(ws, f.file) !== void 0);
  lap("scan");
  const selection = opts.features ?? await openConfig(root).then((c) => ({ features: c.preflight.features, allFeatures: c.preflight.allFeatures }));
  const basis = sigHash(JSON.stringify([FACTS_VERSION, resolverFingerprint(), ws.packages, selection]));
  const [storedBasis, storedCounts] = await Promise.all([opts.store.getMeta(META_BASIS), opts.store.getMeta(META_COUNTS)]);
  const priorCounts = storedBasis === basis ? parseCounts(storedCounts) : void 0;
  const current = `{"version":${FACTS_VERSION},`;
  const unchanged = (f) => {
    const rec = cached.get(f.file);
    return rec?.hash === f.hash && typeof rec.facts === "string" && rec.facts.startsWith(current) && priorCounts?.has(f.file) === true;
  };
  if (priorCounts && cached.size > 0 && scanned.length === cached.size && scanned.every(unchanged)) {
    const [nodes, edges] = await Promise.all([opts.store.allNodes(), opts.store.allEdges()]);
    lap("read_old");
    if (opts.timings) opts.timings.files_resolved = 0;
    const [unresolved, derives] = sumCounts(priorCounts);
    return buildResult({ nodes, edges }, { parsed: 0, reused: scanned.length, unresolved, derives, problems, t0 });
  }
  const facts = /* @__PURE__ */ new Map();
  const toParse = [];
  let undecodable = false;
  for (const f of scanned) {
    const rec = cached.get(f.file);
    const reused = rec && rec.hash === f.hash ? decodeFacts(rec.facts) : void 0;
    if (reused) {
      facts.set(f.file, reused);
      continue;
    }
    if (f.raw) {
      const text = decodeUtf8(f.raw);
      if (text === void 0) {
        problems.push({ file: f.file, kind: "non_utf8", message: "not valid UTF-8; skipped" });
        undecodable = true;
        continue;
      }
      f.text = text;
    }
    toParse.push(f);
  }
  for (const f of scanned) delete f.raw;
  if (undecodable) scanned = scanned.filter((f) => facts.has(f.file) || toParse.includes(f));
  lap("decode_cache");
  const factsJson = /* @__PURE__ */ new Map();
  await parseFilesJson(
    toParse,
    (file, json, f) => {
      facts.set(file, f);
      factsJson.set(file, json);
    },
    {
      ...opts.workers !== void 0 ? { workers: opts.workers } : {},
      onFile: (done, total) => opts.onProgress?.({ phase: "parse", done, total })
    }
  );
  for (const f of toParse) f.text = "";
  lap("parse");
  opts.onProgress?.({ phase: "resolve", done: 0, total: facts.size });
  const scannedNames = new Set(scanned.map((f) => f.file));
  const gone = [...cached.keys()].filter((f) => !scannedNames.has(f));
  let edgesOf;
  if (priorCounts && cached.size > 0) {
    const changes = [];
    for (const f of toParse) {
      const before = cached.get(f.file);
      const old = before ? decodeFacts(before.facts) : void 0;
      const after = facts.get(f.file);
      changes.push({ file: f.file, ...old ? { before: old } : {}, ...after ? { after } : {} });
    }
    for (const file of gone) changes.push({ file });
    const jsonOf = (file) => {
      const parsed = factsJson.get(file);
      if (parsed !== void 0) return parsed;
      const stored = cached.get(file)?.facts;
      return typeof stored === "string" ? stored : JSON.stringify(stored ?? facts.get(file));
    };
    const parsedNow = new Set(toParse.map((f) => f.file));
    const counted = [...facts.keys()].every((f) => parsedNow.has(f) || priorCounts.has(f));
    if (counted) edgesOf = filesToResolve(changes, facts, jsonOf);
  }
  lap("plan");
  if (opts.timings) opts.timings.files_resolved = edgesOf ? edgesOf.size : facts.size;
  const resolved = resolveWorkspace(ws, facts, selection, { ...edgesOf ? { edgesOf } : {}, ...opts.timings ? { timings: opts.timings } : {} });
  const { graph, reached } = resolved;
  lap("resolve");
  opts.onProgress?.({ phase: "write", done: 0, total: graph.nodes.length });
  const [oldNodes, oldEdges] = await Promise.all([opts.store.allNodes(), opts.store.allEdges()]);
  lap("read_old");
  const counts = /* @__PURE__ */ new Map();
  if (edgesOf && priorCounts) {
    for (const file of facts.keys()) {
      const c = edgesOf.has(file) ? resolved.counts.get(file) : priorCounts.get(file);
      if (c) counts.set(file, c);
    }
    const fileOf = new Map(oldNodes.map((n) => [n.key, n.file]));
    const kept = oldEdges.filter((e) => isItemEdge(e) && !edgesOf.has(fileOf.get(e.src) ?? ""));
    if (kept.length > 0) graph.edges = mergeSorted(graph.edges, kept.sort(compareEdges));
  } else for (const [file, c] of resolved.counts) counts.set(file, c);
  const [unresolvedCalls, externalDerives] = sumCounts(counts);
  lap("merge");
  const delta = diffGraphs({ nodes: oldNodes, edges: oldEdges }, graph);
  lap("diff");
  if (delta.upsertNodes.length + delta.removeNodes.length + delta.addEdges.length + delta.removeEdges.length > 0) {
    await opts.store.applyDelta(delta);
  }
  lap("write_graph");
  if (gone.length > 0) await opts.store.removeFiles(gone);
  const records = toParse.map((f) => ({ file: f.file, hash: f.hash, crate: owningPackage(ws, f.file)?.name ?? "", facts: factsJson.get(f.file) ?? JSON.stringify(facts.get(f.file)) }));
  if (records.length > 0) await opts.store.putFiles(records);
  lap("write_files");
  await opts.store.setMeta("facts_version", String(FACTS_VERSION));
  await opts.store.setMeta(META_BASIS, basis);
  await opts.store.setMeta(META_COUNTS, JSON.stringify(Object.fromEntries(counts)));
  await opts.store.flush();
  lap("flush");
  const inTree = new Set(reached);
  for (const f of [...toParse].sort((a, b) => a.file < b.file ? -1 : 1)) {
    const parsed = facts.get(f.file);
    if (!parsed || !inTree.has(f.file)) continue;
    if (parsed.parseError) problems.push({ file: f.file, kind: "syntax_error", message: `the parser failed on this file: ${parsed.parseError}` });
    for (const line of parsed.syntaxErrors) problems.push({ file: f.file, kind: "syntax_error", message: "tree-sitter could not parse this part; the rest of the file is indexed", line });
  }
  return buildResult(graph, { parsed: toParse.length, reused: scanned.length - toParse.length, unresolved: unresolvedCalls, derives: externalDerives, problems, t0 });
}
function mergeSorted(a, b) {
  const out = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) out.push(compareEdges(a[i], b[j]) <= 0 ? a[i++] : b[j++]);
  while (i < a.length) out.push(a[i++]);
  while (j < b.length) out.push(b[j++]);
  return out;
}
function sumCounts(counts) {
  let unresolved = 0;
  let derives = 0;
  for (const [u, d] of counts.values()) {
    unresolved += u;
    derives += d;
  }
  return [unresolved, derives];
}
function buildResult(graph, s) {
  const byKind = {};
  for (const k of NODE_KINDS) byKind[k] = 0;
  for (const n of graph.nodes) byKind[n.kind] = (byKind[n.kind] ?? 0) + 1;
  const byRel = Object.fromEntries(RELS.map((r) => [r, 0]));
  for (const e of graph.edges) byRel[e.rel]++;
  return {
    nodes: graph.nodes.length,
    edges: graph.edges.length,
    by_kind: byKind,
    by_rel: byRel,
    files_parsed: s.parsed,
    files_reused: s.reused,
    unresolved_calls: s.unresolved,
    external_derives: s.derives,
    problems: s.problems,
    ms: Math.round(performance.now() - s.t0)
  };
}
async function openBuiltStore(root, dir, opts = {}) {
  const { openStore } = await import("./chunk-S2PTQMPJ.js");
  const store = await openStore(dir, opts.onWarning ? { onWarning: opts.onWarning } : {});
  try {
    await buildIsg({ root, store, ...opts.workspace ? { workspace: opts.workspace } : {} });
    return store;
  } catch (e) {
    await store.close().catch(() => void 0);
    throw e;
  }
}
export {
  MAX_FILE_BYTES,
  buildIsg,
  openBuiltStore,
  scanRustFiles
};
