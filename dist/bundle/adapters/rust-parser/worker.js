import { createRequire as __rgCreateRequire } from 'node:module';
const require = __rgCreateRequire(import.meta.url);

// src/adapters/rust-parser/worker.ts
import { parentPort } from "node:worker_threads";

// src/adapters/rust-parser/parse.ts
import Parser from "./../../vendor/tree-sitter/index.js";
import Rust from "./../../vendor/tree-sitter-rust/bindings/node/index.js";

// src/core/isg/facts.ts
var FACTS_VERSION = 11;

// src/adapters/rust-parser/parse.ts
var parser;
function getParser() {
  if (!parser) {
    parser = new Parser();
    parser.setLanguage(Rust);
    cacheNodeTypes(Rust);
  }
  return parser;
}
function cacheNodeTypes(lang) {
  const base = Parser.SyntaxNode;
  const nativeType = base ? Object.getOwnPropertyDescriptor(base.prototype, "type")?.get : void 0;
  if (!nativeType || !Array.isArray(lang.nodeSubclasses)) return;
  for (const cls of new Set(lang.nodeSubclasses)) {
    if (cls === base || typeof cls !== "function") continue;
    const proto = cls.prototype;
    if (Object.getOwnPropertyDescriptor(proto, "type")) continue;
    Object.defineProperty(proto, "type", {
      configurable: true,
      get() {
        const t = nativeType.call(this);
        Object.defineProperty(proto, "type", { value: t, configurable: true });
        return t;
      }
    });
  }
}
function normalizeWs(text) {
  return text.replace(/\s+/g, " ").replace(/([<([&]) /g, "$1").replace(/ ([>)\],])/g, "$1").trim();
}
function stripGenerics(text) {
  let out = "";
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "<") depth++;
    else if (c === ">" && depth > 0 && text[i - 1] !== "-") depth--;
    else if (depth === 0) out += c;
  }
  return out.replace(/::::/g, "::").replace(/::$/, "");
}
function splitPath(text) {
  let t = text.replace(/\s+/g, " ").trim();
  if (t.startsWith("<")) {
    let depth = 0;
    let end = 0;
    for (let i = 0; i < t.length; i++) {
      if (t[i] === "<") depth++;
      else if (t[i] === ">" && t[i - 1] !== "-") {
        depth--;
        if (depth === 0) {
          end = i;
          break;
        }
      }
    }
    const inner = t.slice(1, end);
    const asIdx = inner.lastIndexOf(" as ");
    const head = asIdx >= 0 ? inner.slice(asIdx + 4) : inner;
    t = `${head}${t.slice(end + 1)}`;
  }
  return stripGenerics(t.replace(/\s+/g, "")).split("::").map((s) => s.replace(/^r#/, "")).filter((s) => s.length > 0);
}
var FEATURE_RE = /feature\s*=\s*"([^"]+)"/g;
function cfgPredicate(body) {
  const open = body.indexOf("(");
  const close = body.lastIndexOf(")");
  return open >= 0 && close > open ? normalizeWs(body.slice(open + 1, close)) : void 0;
}
function readAttrs(attrs) {
  const info = { features: [], derives: [], macroExport: false, cfg: [] };
  for (const a of attrs) {
    const text = a.text;
    const body = text.replace(/^#!?\[\s*/, "");
    if (/^cfg(_attr)?\s*\(/.test(body)) {
      for (const m of body.matchAll(FEATURE_RE)) if (m[1] && !info.features.includes(m[1])) info.features.push(m[1]);
    }
    if (/^cfg\s*\(/.test(body)) {
      const pred = cfgPredicate(body.replace(/\]\s*$/, ""));
      if (pred) info.cfg.push(pred);
    }
    const derive = /(?:^|[\s,(])derive\s*\(([^)]*)\)/.exec(body);
    if (derive && (body.startsWith("derive") || body.startsWith("cfg_attr"))) {
      for (const d of (derive[1] ?? "").split(",")) {
        const p = splitPath(d.trim());
        if (p.length > 0) info.derives.push(p);
      }
    }
    const path = /^path\s*=\s*"([^"]+)"/.exec(body);
    if (path?.[1]) info.pathAttr = path[1];
    if (/^macro_export\b/.test(body)) info.macroExport = true;
  }
  return info;
}
function docLine(comments) {
  for (const c of comments) {
    const t = c.text;
    if (t.startsWith("///") && !t.startsWith("////")) {
      const line = t.slice(3).trim();
      if (line) return line;
    } else if (t.startsWith("/**") && !t.startsWith("/***")) {
      const line = t.slice(3, -2).split("\n").map((l) => l.replace(/^\s*\*?\s?/, "").trim()).find((l) => l.length > 0);
      if (line) return line;
    }
  }
  return "";
}
var WRAPPERS = /* @__PURE__ */ new Set(["Box", "Arc", "Rc", "RefCell", "Cell", "Mutex", "RwLock", "Cow", "Pin", "ManuallyDrop"]);
function typePathOf(node) {
  if (!node) return void 0;
  switch (node.type) {
    case "type_identifier":
      return [node.text];
    case "scoped_type_identifier":
      return splitPath(node.text);
    case "reference_type":
    case "pointer_type":
      return typePathOf(node.childForFieldName("type"));
    case "generic_type": {
      const base = node.childForFieldName("type");
      const path = base ? splitPath(base.text) : void 0;
      const last = path?.[path.length - 1];
      if (last && WRAPPERS.has(last)) {
        const args = node.childForFieldName("type_arguments");
        const first = args?.namedChildren.find((c) => c.type !== "lifetime");
        return typePathOf(first ?? null);
      }
      return path;
    }
    case "dynamic_type":
    case "abstract_type":
      return typePathOf(node.childForFieldName("trait"));
    case "bounded_type":
      return typePathOf(node.namedChildren.find((c) => c.type !== "lifetime") ?? null);
    case "function_type":
      return node.childForFieldName("trait") ? typePathOf(node.childForFieldName("trait")) : void 0;
    case "parenthesized_type":
      return typePathOf(node.namedChildren[0] ?? null);
    default:
      return void 0;
  }
}
var LISTS = /* @__PURE__ */ new Set(["Vec", "VecDeque", "HashSet", "BTreeSet", "IndexSet", "BinaryHeap", "LinkedList", "SmallVec", "Option"]);
var MAPS = /* @__PURE__ */ new Set(["HashMap", "BTreeMap", "IndexMap"]);
function elemPathOf(node) {
  if (!node) return void 0;
  switch (node.type) {
    case "reference_type":
    case "pointer_type":
      return elemPathOf(node.childForFieldName("type"));
    case "array_type":
      return typePathOf(node.childForFieldName("element"));
    case "generic_type": {
      const base = node.childForFieldName("type");
      const last = base ? splitPath(base.text).pop() : void 0;
      const args = node.childForFieldName("type_arguments")?.namedChildren.filter((c) => c.type !== "lifetime") ?? [];
      if (last && WRAPPERS.has(last)) return elemPathOf(args[0] ?? null);
      if (last && LISTS.has(last)) return typePathOf(args[0] ?? null);
      if (last && MAPS.has(last)) return typePathOf(args[1] ?? null);
      return void 0;
    }
    default:
      return void 0;
  }
}
function typeNameOf(node) {
  if (!node) return "";
  if (node.type === "primitive_type") return node.text;
  if (node.type === "reference_type") return typeNameOf(node.childForFieldName("type"));
  if (node.type === "tuple_type") return "tuple";
  if (node.type === "array_type") return "array";
  const p = typePathOf(node);
  return p ? p[p.length - 1] : "";
}
function collectTypeRefs(node, out) {
  if (!node) return;
  if (node.type === "type_identifier") {
    out.push([node.text]);
    return;
  }
  if (node.type === "scoped_type_identifier") {
    out.push(splitPath(node.text));
    return;
  }
  if (node.type === "scoped_identifier") return;
  for (const c of node.namedChildren) collectTypeRefs(c, out);
}
function boundTraitsOf(boundsNode, param, text, into) {
  if (!boundsNode) return;
  for (const b of boundsNode.namedChildren) {
    let t = b;
    if (t.type === "higher_ranked_trait_bound") t = t.childForFieldName("type");
    if (!t || t.type === "lifetime" || t.type === "removed_trait_bound") continue;
    const base = t.type === "generic_type" || t.type === "function_type" ? t.childForFieldName("type") ?? t.childForFieldName("trait") : t;
    if (!base) continue;
    const path = splitPath(base.text);
    if (path.length > 0) into.push({ param, path, text });
  }
}
function readGenerics(item, g) {
  const tps = item.childForFieldName("type_parameters");
  if (tps) {
    for (const p of tps.namedChildren) {
      if (p.type === "type_parameter" || p.type === "constrained_type_parameter" || p.type === "optional_type_parameter") {
        const nameNode = p.childForFieldName("name") ?? p.childForFieldName("left") ?? p.namedChildren[0];
        const name = nameNode?.text ?? "";
        if (name) g.names.push(name);
        const bounds = p.childForFieldName("bounds");
        if (bounds) {
          const text = normalizeWs(`${name}: ${bounds.text.replace(/^:\s*/, "")}`);
          g.bounds.push(text);
          boundTraitsOf(bounds, name, text, g.traits);
        }
      } else if (p.type === "const_parameter") {
        const name = p.childForFieldName("name")?.text;
        if (name) g.names.push(name);
      }
    }
  }
  const where = item.namedChildren.find((c) => c.type === "where_clause");
  if (where) {
    for (const pred of where.namedChildren) {
      if (pred.type !== "where_predicate") continue;
      const left = pred.childForFieldName("left");
      const text = normalizeWs(pred.text);
      g.bounds.push(text);
      boundTraitsOf(pred.childForFieldName("bounds"), normalizeWs(left?.text ?? ""), text, g.traits);
    }
  }
}
function isTypeLike(seg) {
  return seg !== void 0 && /^[A-Z]/.test(seg);
}
function exprType(node) {
  if (!node) return void 0;
  switch (node.type) {
    case "reference_expression":
      return exprType(node.childForFieldName("value"));
    case "try_expression":
    case "await_expression":
    case "parenthesized_expression":
      return exprType(node.namedChildren[0] ?? null);
    case "identifier":
    case "scoped_identifier": {
      const path = splitPath(node.text);
      return isTypeLike(path[path.length - 1]) ? path : void 0;
    }
    case "struct_expression": {
      const name = node.childForFieldName("name");
      if (!name) return void 0;
      const path = splitPath(name.text);
      return path[0] === "Self" && path.length === 1 ? ["Self"] : path;
    }
    case "call_expression": {
      let fn = node.childForFieldName("function");
      if (fn?.type === "generic_function") fn = fn.childForFieldName("function");
      if (fn?.type !== "scoped_identifier") return void 0;
      const path = splitPath(fn.text);
      if (path.length >= 2 && isTypeLike(path[path.length - 2])) {
        const typePath = path.slice(0, -1);
        const last = typePath[typePath.length - 1];
        if (last && WRAPPERS.has(last)) {
          const arg = node.childForFieldName("arguments")?.namedChildren[0] ?? null;
          return exprType(arg);
        }
        return typePath;
      }
      return void 0;
    }
    default:
      return void 0;
  }
}
function callPathOf(node) {
  if (!node) return void 0;
  if (node.type === "try_expression" || node.type === "await_expression" || node.type === "parenthesized_expression") return callPathOf(node.namedChildren[0] ?? null);
  if (node.type !== "call_expression") return void 0;
  let fn = node.childForFieldName("function");
  if (fn?.type === "generic_function") fn = fn.childForFieldName("function");
  if (fn?.type !== "identifier" && fn?.type !== "scoped_identifier") return void 0;
  return splitPath(fn.text);
}
var RESULT_WRAPPERS = /* @__PURE__ */ new Set(["Option", "Result", ...WRAPPERS]);
function returnPathOf(node) {
  if (node?.type === "generic_type") {
    const base = node.childForFieldName("type");
    const last = base ? splitPath(base.text).pop() : void 0;
    if (last && RESULT_WRAPPERS.has(last)) {
      const first = node.childForFieldName("type_arguments")?.namedChildren.find((c) => c.type !== "lifetime");
      return returnPathOf(first ?? null);
    }
  }
  return typePathOf(node);
}
function receiverOf(node, depth = 0) {
  if (!node || depth > 40) return { kind: "other" };
  if (node.type === "self") return { kind: "self" };
  if (node.type === "identifier") return { kind: "ident", name: node.text };
  if (node.type === "field_expression") {
    const value = node.childForFieldName("value");
    const field = node.childForFieldName("field");
    if (value?.type === "self" && field) return { kind: "field", field: field.text };
    if (value && field?.type === "field_identifier") {
      const base = receiverOf(value, depth + 1);
      if (base.kind !== "other") return { kind: "field", field: field.text, base };
    }
  }
  if (node.type === "parenthesized_expression" || node.type === "reference_expression" || node.type === "try_expression" || node.type === "await_expression") {
    return receiverOf(node.namedChildren[node.namedChildren.length - 1] ?? null, depth + 1);
  }
  if (node.type === "index_expression") {
    const base = receiverOf(node.namedChildren[0] ?? null, depth + 1);
    if (base.kind !== "other") return { kind: "index", base };
  }
  if (node.type === "call_expression") {
    const fn = node.childForFieldName("function");
    if (fn?.type === "field_expression") {
      const m = fn.childForFieldName("field");
      const base = receiverOf(fn.childForFieldName("value"), depth + 1);
      if (m?.type === "field_identifier" && base.kind !== "other") return { kind: "mcall", method: m.text, base };
    }
  }
  const typeCall = typeCallPathOf(node);
  if (typeCall) return { kind: "call", path: typeCall };
  const t = exprType(node);
  if (t) return { kind: "typed", path: t };
  const call = callPathOf(node);
  if (call) return { kind: "call", path: call };
  return { kind: "other" };
}
function typeCallPathOf(node) {
  if (node.type === "try_expression" || node.type === "await_expression") return typeCallPathOf(node.namedChildren[0]);
  if (node.type !== "call_expression") return void 0;
  let fn = node.childForFieldName("function");
  if (fn?.type === "generic_function") fn = fn.childForFieldName("function");
  if (fn?.type !== "scoped_identifier") return void 0;
  const path = splitPath(fn.text);
  const ty = path[path.length - 2];
  return path.length >= 2 && isTypeLike(ty) && !WRAPPERS.has(ty) ? path : void 0;
}
function patternName(p) {
  if (!p) return void 0;
  if (p.type === "identifier") return p.text;
  if (p.type === "mut_pattern" || p.type === "ref_pattern") return patternName(p.namedChildren[0] ?? null);
  return void 0;
}
var ELEM_ADAPTORS = /* @__PURE__ */ new Set([
  "map",
  "for_each",
  "filter",
  "filter_map",
  "flat_map",
  "any",
  "all",
  "find",
  "find_map",
  "position",
  "take_while",
  "skip_while",
  "inspect",
  "max_by_key",
  "min_by_key",
  "map_while",
  "try_for_each",
  "partition"
]);
function bindElem(out, name, iterable) {
  const elems = out.elemLocals ??= {};
  const old = elems[name];
  elems[name] = old === void 0 || JSON.stringify(old) === JSON.stringify(iterable) ? iterable : null;
}
function tokens(tt, src) {
  const toks = [];
  const trees = [];
  const c = tt.walk();
  if (!c.gotoFirstChild()) return { toks, trees };
  do {
    const type = c.nodeType;
    const isTree = type === "token_tree";
    const text = type === "identifier" || type === "self" || type === "crate" || type === "super" ? src.slice(c.startIndex, c.endIndex) : "";
    toks.push({ type, text, line: c.startPosition.row + 1, isTree, open: isTree ? src.charAt(c.startIndex) : "" });
    if (isTree) trees.push(c.currentNode);
  } while (c.gotoNextSibling());
  return { toks, trees };
}
function scanTokenTree(tt, src, out) {
  const { toks, trees } = tokens(tt, src);
  for (const sub of trees) scanTokenTree(sub, src, out);
  for (let i = 0; i < toks.length; i++) {
    const k = toks[i];
    if (!k || k.type !== "identifier") continue;
    let next = toks[i + 1];
    if (next?.type === "::" && toks[i + 2]?.type === "<") {
      let depth = 0;
      let j = i + 2;
      for (; j < toks.length; j++) {
        const t = toks[j]?.type;
        if (t === "<") depth++;
        else if (t === ">") depth--;
        else if (t === ">>") depth -= 2;
        if (depth <= 0) break;
      }
      next = depth === 0 ? toks[j + 1] : void 0;
    }
    if (!next || !next.isTree || next.open !== "(") continue;
    const prev = toks[i - 1];
    if (prev?.type === ".") {
      const r = toks[i - 2];
      const recv = r?.type === "self" ? { kind: "self" } : r?.type === "identifier" && toks[i - 3]?.type !== "." ? { kind: "ident", name: r.text } : { kind: "other" };
      out.calls.push({ line: k.line, method: k.text, recv });
    } else {
      const path = [k.text];
      let j = i - 1;
      while (toks[j]?.type === "::" && ["identifier", "self", "crate", "super"].includes(toks[j - 1]?.type ?? "")) {
        path.unshift(toks[j - 1]?.text ?? "");
        j -= 2;
      }
      if (toks[j]?.type === "!" && toks[j - 1]?.text === "macro_rules" || toks[j]?.type === "fn" || toks[j]?.type === "$") continue;
      out.calls.push({ line: k.line, path });
    }
  }
}
function argType(node) {
  switch (node.type) {
    case "string_literal":
    case "raw_string_literal":
      return "str";
    case "integer_literal": {
      const m = /(u8|u16|u32|u64|u128|usize|i8|i16|i32|i64|i128|isize)$/.exec(node.text);
      return m ? m[1] : "int";
    }
    case "float_literal":
      return /f32$/.test(node.text) ? "f32" : "float";
    case "boolean_literal":
      return "bool";
    case "char_literal":
      return "char";
    case "tuple_expression":
      return "tuple";
    case "range_expression": {
      const t = node.text;
      if (t.includes("..=")) return t.startsWith("..=") ? "RangeToInclusive" : "RangeInclusive";
      const [a, b] = t.split("..").map((x) => x.trim());
      return a && b ? "Range" : a ? "RangeFrom" : b ? "RangeTo" : "RangeFull";
    }
    case "identifier":
      return `=${node.text}`;
    case "self":
      return "=self";
    case "reference_expression":
    case "parenthesized_expression":
      return argType(node.namedChildren[node.namedChildren.length - 1]);
    default: {
      const t = exprType(node);
      return t ? t[t.length - 1] : "";
    }
  }
}
function contextualDefault(node) {
  const parent = node.parent;
  if (parent?.type === "base_field_initializer") {
    const lit = parent.parent?.parent;
    const name = lit?.type === "struct_expression" ? lit.childForFieldName("name") : null;
    return name ? splitPath(name.text) : void 0;
  }
  if (parent?.type === "let_declaration") return typePathOf(parent.childForFieldName("type"));
  return void 0;
}
function onCall(node, out) {
  let fn = node.childForFieldName("function");
  if (fn?.type === "generic_function") fn = fn.childForFieldName("function");
  if (fn?.type === "identifier" || fn?.type === "scoped_identifier") {
    let path = splitPath(fn.text);
    if (path.length === 2 && path[0] === "Default" && path[1] === "default") {
      const t = contextualDefault(node);
      if (t) path = [...t, "default"];
    }
    const call = { line: node.startPosition.row + 1, path };
    if (path.length >= 2) {
      const args = node.childForFieldName("arguments")?.namedChildren.filter((c) => c.type !== "line_comment" && c.type !== "block_comment") ?? [];
      if (args.length > 0) call.args = args.map(argType);
    }
    out.calls.push(call);
  } else if (fn?.type === "field_expression") {
    const field = fn.childForFieldName("field");
    if (field && field.type === "field_identifier") {
      out.calls.push({ line: field.startPosition.row + 1, method: field.text, recv: receiverOf(fn.childForFieldName("value")) });
    }
  }
}
var BODY_TYPES = ["call_expression", "let_declaration", "macro_invocation", "for_expression", "closure_expression"];
function walkBody(root, src, out) {
  let skipUntil = -1;
  for (const node of root.descendantsOfType(BODY_TYPES)) {
    if (node.startIndex < skipUntil) continue;
    const t = node.type;
    if (t === "call_expression") onCall(node, out);
    else if (t === "let_declaration") {
      const name = patternName(node.childForFieldName("pattern"));
      if (name) {
        const value = node.childForFieldName("value");
        const tn = node.childForFieldName("type");
        const typeCall = tn || !value ? void 0 : typeCallPathOf(value);
        const ty = typePathOf(tn) ?? (typeNameOf(tn) ? [typeNameOf(tn)] : void 0) ?? (typeCall ? void 0 : exprType(value));
        const elem = elemPathOf(node.childForFieldName("type"));
        if (elem) (out.localElems ??= {})[name] = elem;
        if (ty) out.locals[name] = ty;
        else {
          const call = typeCall ?? callPathOf(value);
          if (call) (out.callLocals ??= {})[name] = call;
          else if (value) {
            const r = receiverOf(value);
            if (r.kind === "field" || r.kind === "index" || r.kind === "mcall") (out.callLocals ??= {})[name] = ["$recv", JSON.stringify(r)];
          }
        }
      }
    } else if (t === "for_expression") {
      const name = patternName(node.childForFieldName("pattern"));
      const iterable = receiverOf(node.childForFieldName("value"));
      if (name && iterable.kind !== "other") bindElem(out, name, iterable);
    } else if (t === "closure_expression") {
      const args = node.parent;
      const call = args?.type === "arguments" ? args.parent : null;
      const fn = call?.type === "call_expression" ? call.childForFieldName("function") : null;
      const method = fn?.type === "field_expression" ? fn.childForFieldName("field")?.text : void 0;
      if (fn && method && ELEM_ADAPTORS.has(method) && args?.namedChildren[0]?.id === node.id) {
        const first = node.childForFieldName("parameters")?.namedChildren[0];
        const p = first?.type === "parameter" ? first.childForFieldName("pattern") : first;
        const name = p?.type === "reference_pattern" ? patternName(p.namedChildren[0] ?? null) : patternName(p ?? null);
        const iterable = receiverOf(fn.childForFieldName("value"));
        if (name && iterable.kind !== "other") bindElem(out, name, iterable);
      }
    } else {
      const m = node.childForFieldName("macro");
      if (m) out.macros.push(splitPath(m.text));
      const tt = node.lastNamedChild;
      if (tt?.type === "token_tree") scanTokenTree(tt, src, out);
      skipUntil = node.endIndex;
    }
  }
}
function paramLocals(params, out) {
  if (!params) return;
  for (const p of params.namedChildren) {
    if (p.type !== "parameter") continue;
    const name = patternName(p.childForFieldName("pattern"));
    const tn = p.childForFieldName("type");
    const t = typePathOf(tn) ?? (typeNameOf(tn) ? [typeNameOf(tn)] : void 0);
    if (name && t) out.locals[name] = t;
    const elem = elemPathOf(p.childForFieldName("type"));
    if (name && elem) (out.localElems ??= {})[name] = elem;
  }
}
var FactsBuilder = class {
  constructor(src) {
    this.src = src;
  }
  src;
  items = [];
  uses = [];
  fileFeatures = [];
  fileCfg = [];
  macroMods = [];
  /** Rows of the current tree are shifted by this much (non-zero while walking items re-parsed from a macro body). */
  lineOffset = 0;
  macroDepth = 0;
  /**
   * Items wrapped in an item-position macro (`cfg_rt! { pub mod runtime; }`, `thread_local! { .. }`, the branches of
   * `cfg_if!`): a body is re-parsed as items and kept only when it parses cleanly, so DSL macros add nothing.
   * `features` are those of the invocation's own `#[cfg]` (and, in `cfg_if!`, of the branch).
   */
  macroItems(node, ctx, features) {
    const tt = node.lastNamedChild;
    if (!tt || tt.type !== "token_tree" || this.macroDepth >= 4) return;
    const name = splitPath(node.childForFieldName("macro")?.text ?? "").pop();
    if (name !== "cfg_if") {
      this.itemsFromTokenTree(tt, ctx, features);
      return;
    }
    let branchAttr = "";
    for (const child of tt.namedChildren) {
      if (child.type !== "token_tree") continue;
      const open = this.src.charAt(child.startIndex);
      if (open === "[") branchAttr = child.text;
      else if (open === "{") {
        const branch = [...features];
        for (const m of branchAttr.matchAll(FEATURE_RE)) if (m[1] && !branch.includes(m[1])) branch.push(m[1]);
        this.itemsFromTokenTree(child, ctx, branch);
        branchAttr = "";
      }
    }
  }
  itemsFromTokenTree(tt, ctx, features) {
    const open = this.src.charAt(tt.startIndex);
    if (open !== "{" && open !== "(" && open !== "[") return;
    const inner = this.src.slice(tt.startIndex + 1, tt.endIndex - 1);
    if (inner.trim() === "") return;
    const tree = getParser().parse(inner, void 0, { bufferSize: Math.max(32 * 1024, inner.length * 2 + 16) });
    if (tree.rootNode.hasError) return;
    const saved = { src: this.src, lineOffset: this.lineOffset };
    const first = this.items.length;
    this.src = inner;
    this.lineOffset = saved.lineOffset + tt.startPosition.row;
    this.macroDepth++;
    try {
      this.walkItems(tree.rootNode, ctx);
    } finally {
      this.macroDepth--;
      this.src = saved.src;
      const shift = this.lineOffset - saved.lineOffset;
      this.lineOffset = saved.lineOffset;
      for (let i = first; i < this.items.length; i++) {
        const it = this.items[i];
        for (const c of it.calls) c.line += shift;
        for (const f of features) if (!it.features.includes(f)) it.features.push(f);
      }
    }
  }
  slice(from, to) {
    return this.src.slice(from, to);
  }
  walkItems(container, ctx) {
    let attrs = [];
    let docs = [];
    for (const child of container.namedChildren) {
      switch (child.type) {
        case "attribute_item":
          attrs.push(child);
          continue;
        case "line_comment":
        case "block_comment":
          docs.push(child);
          continue;
        case "ERROR":
          this.walkItems(child, ctx);
          attrs = [];
          docs = [];
          continue;
        case "inner_attribute_item":
          if (ctx.mods.length === 0 && ctx.parent === void 0 && /^#!\[\s*cfg\s*\(/.test(child.text)) {
            const inner = readAttrs([child]);
            for (const f of inner.features) if (!this.fileFeatures.includes(f)) this.fileFeatures.push(f);
            for (const c of inner.cfg) this.fileCfg.push(c);
          }
          continue;
        case "macro_invocation":
          this.macroItems(child, ctx, readAttrs(attrs).features);
          attrs = [];
          docs = [];
          continue;
        default:
          this.item(child, attrs, docs, ctx);
          attrs = [];
          docs = [];
      }
    }
  }
  base(kind, name, node, attrs, docs, ctx, signature) {
    const vis = node.namedChildren.find((c) => c.type === "visibility_modifier");
    const fact = {
      kind,
      name,
      mods: ctx.mods,
      line: Math.min(attrs.leadLine ?? Infinity, node.startPosition.row + 1) + this.lineOffset,
      endLine: node.endPosition.row + 1 + this.lineOffset,
      signature: normalizeWs(signature).replace(/,$/, ""),
      public: ctx.traitPublic ?? (vis !== void 0 && vis.text.startsWith("pub")),
      features: attrs.features,
      derives: attrs.derives,
      doc: docLine(docs),
      bounds: [],
      boundTraits: [],
      generics: [],
      typeRefs: [],
      calls: [],
      locals: {},
      macros: []
    };
    if (ctx.parent !== void 0) fact.parent = ctx.parent;
    if (attrs.cfg.length > 0) fact.cfg = attrs.cfg;
    return fact;
  }
  push(fact) {
    this.items.push(fact);
    return this.items.length - 1;
  }
  withGenerics(fact, node) {
    const g = { names: fact.generics, bounds: fact.bounds, traits: fact.boundTraits };
    readGenerics(node, g);
  }
  item(node, attrNodes, docs, ctx) {
    const type = node.type;
    if (type === "use_declaration") {
      this.useDecl(node, ctx, readAttrs(attrNodes).cfg);
      return;
    }
    if (type === "foreign_mod_item") {
      const body = node.childForFieldName("body") ?? node.namedChildren.find((c) => c.type === "declaration_list");
      if (body) this.walkItems(body, ctx);
      return;
    }
    const nameNode = node.childForFieldName("name");
    const attrs = readAttrs(attrNodes);
    for (const lead of [...attrNodes, ...docs.filter((d) => /^(\/\/\/|\/\*\*)/.test(d.text))]) {
      const line = lead.startPosition.row + 1;
      if (attrs.leadLine === void 0 || line < attrs.leadLine) attrs.leadLine = line;
    }
    switch (type) {
      case "function_item":
      case "function_signature_item": {
        if (!nameNode) return;
        const body = node.childForFieldName("body");
        const sig = this.slice(node.startIndex, body ? body.startIndex : node.endIndex).replace(/;\s*$/, "");
        const f = this.base(ctx.parent !== void 0 ? "method" : "fn", nameNode.text, node, attrs, docs, ctx, sig);
        this.withGenerics(f, node);
        const params = node.childForFieldName("parameters");
        for (const p of params?.namedChildren ?? []) {
          if (p.type === "parameter") collectTypeRefs(p.childForFieldName("type"), f.typeRefs);
        }
        collectTypeRefs(node.childForFieldName("return_type"), f.typeRefs);
        const ret = returnPathOf(node.childForFieldName("return_type"));
        if (ret) f.ret = ret;
        paramLocals(params, f);
        if (body) walkBody(body, this.src, f);
        this.push(f);
        return;
      }
      case "struct_item":
      case "union_item":
      case "enum_item": {
        if (!nameNode) return;
        const kind = type === "struct_item" ? "struct" : type === "union_item" ? "union" : "enum";
        const f = this.base(kind, nameNode.text, node, attrs, docs, ctx, node.text);
        this.withGenerics(f, node);
        const body = node.childForFieldName("body");
        if (body) {
          if (kind === "enum") {
            for (const v of body.namedChildren) collectTypeRefs(v.childForFieldName("body"), f.typeRefs);
          } else {
            f.fields = {};
            for (const fd of body.namedChildren) {
              const t = fd.childForFieldName("type");
              collectTypeRefs(t, f.typeRefs);
              const fname = fd.childForFieldName("name");
              const tp = typePathOf(t);
              if (fd.type === "field_declaration" && fname && tp) f.fields[fname.text] = tp;
              const elem = elemPathOf(t);
              if (fd.type === "field_declaration" && fname && elem) (f.fieldElems ??= {})[fname.text] = elem;
            }
          }
        }
        this.push(f);
        return;
      }
      case "trait_item": {
        if (!nameNode) return;
        const body = node.childForFieldName("body");
        const sig = this.slice(node.startIndex, body ? body.startIndex : node.endIndex);
        const f = this.base("trait", nameNode.text, node, attrs, docs, ctx, sig);
        this.withGenerics(f, node);
        const supers = node.childForFieldName("bounds");
        if (supers) {
          const text = normalizeWs(`Self: ${supers.text.replace(/^:\s*/, "")}`);
          f.bounds.push(text);
          boundTraitsOf(supers, "Self", text, f.boundTraits);
        }
        const idx = this.push(f);
        if (body) this.walkItems(body, { mods: ctx.mods, parent: idx, traitPublic: f.public });
        return;
      }
      case "impl_item": {
        const body = node.childForFieldName("body");
        const typeNode = node.childForFieldName("type");
        const traitNode = node.childForFieldName("trait");
        if (!typeNode) return;
        const selfText = normalizeWs(typeNode.text);
        const neg = node.children.some((c) => c.type === "!");
        const traitText = traitNode ? `${neg ? "!" : ""}${normalizeWs(traitNode.text)}` : void 0;
        const name = traitText ? `impl ${traitText} for ${selfText}` : `impl ${selfText}`;
        const sig = this.slice(node.startIndex, body ? body.startIndex : node.endIndex);
        const f = this.base("impl", name, node, attrs, docs, ctx, sig);
        f.public = true;
        this.withGenerics(f, node);
        f.selfText = normalizeWs(stripGenerics(selfText));
        const sp = typePathOf(typeNode) ?? (typeNameOf(typeNode) ? [typeNameOf(typeNode)] : void 0);
        if (sp) f.selfPath = sp;
        if (traitNode && traitText) {
          f.traitText = normalizeWs(stripGenerics(traitText));
          const targs = traitNode.type === "generic_type" ? traitNode.childForFieldName("type_arguments")?.namedChildren.filter((c) => c.type !== "lifetime") ?? [] : [];
          if (targs.length > 0) {
            f.traitArgs = targs.map(typeNameOf);
          }
          const base = traitNode.type === "generic_type" ? traitNode.childForFieldName("type") : traitNode;
          f.traitPath = splitPath(base?.text ?? traitNode.text);
        }
        const idx = this.push(f);
        if (body) this.walkItems(body, { mods: ctx.mods, parent: idx, inImpl: true, ...traitNode ? { traitPublic: true } : {} });
        return;
      }
      case "type_item":
      case "associated_type": {
        if (!nameNode) return;
        const f = this.base("type", nameNode.text, node, attrs, docs, ctx, node.text.replace(/;\s*$/, ""));
        this.withGenerics(f, node);
        collectTypeRefs(node.childForFieldName("type"), f.typeRefs);
        this.push(f);
        return;
      }
      case "const_item":
      case "static_item": {
        if (!nameNode) return;
        const value = node.childForFieldName("value");
        const sig = value ? this.slice(node.startIndex, value.startIndex).replace(/=\s*$/, "") : node.text.replace(/;\s*$/, "");
        const f = this.base(type === "const_item" ? "const" : "static", nameNode.text, node, attrs, docs, ctx, sig);
        collectTypeRefs(node.childForFieldName("type"), f.typeRefs);
        if (value) walkBody(value, this.src, f);
        this.push(f);
        return;
      }
      case "macro_definition": {
        if (!nameNode) return;
        for (const m of node.text.matchAll(/\bmod\s+([A-Za-z_][A-Za-z0-9_]*)\s*;/g)) if (m[1] && !this.macroMods.includes(m[1])) this.macroMods.push(m[1]);
        const f = this.base("macro", nameNode.text, node, attrs, docs, ctx, `macro_rules! ${nameNode.text}`);
        f.public = attrs.macroExport;
        if (attrs.macroExport) f.macroExport = true;
        this.push(f);
        return;
      }
      case "mod_item": {
        if (!nameNode) return;
        const body = node.childForFieldName("body");
        const sig = this.slice(node.startIndex, body ? body.startIndex : node.endIndex).replace(/;\s*$/, "");
        const f = this.base("mod", nameNode.text, node, attrs, docs, ctx, sig);
        f.modFile = !body;
        if (attrs.pathAttr) f.pathAttr = attrs.pathAttr;
        this.push(f);
        if (body) this.walkItems(body, { mods: [...ctx.mods, nameNode.text] });
        return;
      }
      default:
        return;
    }
  }
  useDecl(node, ctx, cfg) {
    const vis = node.namedChildren.find((c) => c.type === "visibility_modifier");
    const pub = vis !== void 0 && vis.text.startsWith("pub");
    const line = node.startPosition.row + 1 + this.lineOffset;
    const add = (path, glob, alias) => {
      let p = path;
      if (p.length > 1 && p[p.length - 1] === "self") p = p.slice(0, -1);
      if (p.length === 0) return;
      const u = { mods: ctx.mods, path: p, glob, public: pub, line };
      if (alias !== void 0) u.alias = alias;
      if (cfg.length > 0) u.cfg = cfg;
      this.uses.push(u);
    };
    const flatten = (n, prefix) => {
      if (!n) return;
      switch (n.type) {
        case "use_as_clause": {
          const path = n.childForFieldName("path");
          const alias = n.childForFieldName("alias");
          if (path) add([...prefix, ...splitPath(path.text)], false, alias?.text);
          return;
        }
        case "use_wildcard": {
          const inner = n.namedChildren[0];
          add(inner ? [...prefix, ...splitPath(inner.text)] : prefix, true);
          return;
        }
        case "scoped_use_list": {
          const path = n.childForFieldName("path");
          const list = n.childForFieldName("list");
          flatten(list, path ? [...prefix, ...splitPath(path.text)] : prefix);
          return;
        }
        case "use_list":
          for (const c of n.namedChildren) flatten(c, prefix);
          return;
        case "self":
          add([...prefix, "self"], false);
          return;
        default:
          add([...prefix, ...splitPath(n.text)], false);
      }
    };
    flatten(node.childForFieldName("argument"), []);
  }
};
function syntaxErrorLines(root) {
  const lines = /* @__PURE__ */ new Set();
  const visit = (n) => {
    if (n.type === "ERROR" || n.isMissing) {
      lines.add(n.startPosition.row + 1);
      if (n.type === "ERROR") return;
    }
    for (const c of n.children) if (c.hasError || c.isMissing || c.type === "ERROR") visit(c);
  };
  if (root.hasError) visit(root);
  return [...lines].sort((a, b) => a - b);
}
function parseRustSource(src) {
  const tree = getParser().parse(src, void 0, { bufferSize: Math.max(32 * 1024, src.length * 2 + 16) });
  const root = tree.rootNode;
  const b = new FactsBuilder(src);
  b.walkItems(root, { mods: [] });
  let lines = 0;
  for (let i = src.indexOf("\n"); i !== -1; i = src.indexOf("\n", i + 1)) lines++;
  if (src.length > 0 && !src.endsWith("\n")) lines++;
  const facts = { version: FACTS_VERSION, items: b.items, uses: b.uses, syntaxErrors: syntaxErrorLines(root), fileFeatures: b.fileFeatures, lines };
  if (b.fileCfg.length > 0) facts.fileCfg = b.fileCfg;
  if (b.macroMods.length > 0) facts.macroMods = b.macroMods;
  return facts;
}
function parseRustSourceSafe(src) {
  try {
    return parseRustSource(src);
  } catch (e) {
    return { version: FACTS_VERSION, items: [], uses: [], syntaxErrors: [], fileFeatures: [], lines: 0, parseError: e instanceof Error ? e.message : String(e) };
  }
}

// src/adapters/rust-parser/worker.ts
parentPort?.on("message", (job) => {
  const results = job.files.map(({ file, text }) => {
    const facts = parseRustSourceSafe(text);
    return job.json ? { file, json: JSON.stringify(facts) } : { file, facts };
  });
  parentPort?.postMessage({ id: job.id, results });
});
