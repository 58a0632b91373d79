import { createRequire as __rgCreateRequire } from 'node:module';
const require = __rgCreateRequire(import.meta.url);
import {
  RustText,
  inlineModules,
  isIdent,
  isPostfixSafe,
  itemScopes,
  matchAngle,
  moduleAt,
  scopesAt,
  splitTopLevel
} from "./chunk-I4KIIW5R.js";
import {
  editDistance
} from "./chunk-CS55E7MD.js";

// src/core/patterns/actions.ts
function edit(input, start, end, replacement) {
  return { file: input.file, byteStart: input.src.byteOf(start), byteEnd: input.src.byteOf(end), replacement };
}
function rangeOf(input, span) {
  if (!span || span.file !== input.file) return null;
  const start = input.src.indexOf(span.byteStart);
  const end = input.src.indexOf(span.byteEnd);
  if (end < start || end > input.src.text.length) return null;
  return { start, end };
}
function primary(input) {
  return rangeOf(input, input.diagnostic.primary);
}
function narrowTo(input, r, name) {
  if (!r) return null;
  if (textOf(input, r) === name) return r;
  const hits = [...input.src.masked.slice(r.start, r.end).matchAll(new RegExp(`(?<![\\w])${name}(?![\\w])`, "g"))];
  if (hits.length !== 1) return null;
  const at = r.start + (hits[0]?.index ?? 0);
  return { start: at, end: at + name.length };
}
function targets(input) {
  if (input.params.target === "matched") {
    return input.matched.map((s) => rangeOf(input, s)).filter((r) => r !== null);
  }
  const p = primary(input);
  return p ? [p] : [];
}
function textOf(input, r) {
  return input.src.text.slice(r.start, r.end);
}
function isShorthandField(src, r) {
  const before = src.masked[src.skipSpaceBack(r.start) - 1];
  const after = src.masked[src.skipSpace(r.end)];
  if (!((before === "{" || before === ",") && (after === "," || after === "}"))) return false;
  const block = src.enclosingBraces(r.start)[0];
  if (!block) return false;
  const head = src.masked.slice(Math.max(0, block.open - 200), block.open);
  return /(?:\b[A-Z]\w*|\bSelf)(?:::<[^>]*>)?\s*$/.test(head);
}
function inPattern(src, r) {
  const stmtStart = Math.max(src.masked.lastIndexOf(";", r.start - 1), src.masked.lastIndexOf("{", r.start - 1), src.masked.lastIndexOf("}", r.start - 1)) + 1;
  if (/\blet\b[^=]*$/.test(src.masked.slice(stmtStart, r.start))) return true;
  const after = src.masked.slice(r.end, r.end + 200);
  return /^[^,;{}]*?(?:=>|@)/.test(after) && !/^[^,;{}]*?[=!<>]=[^>]/.test(after);
}
function appendPostfixEdits(input, r, suffix) {
  return appendPostfix(input, r, suffix);
}
function appendPostfix(input, r, suffix) {
  const text = textOf(input, r);
  if (text.trim() === "" || text.endsWith(suffix) || inPattern(input.src, r)) return [];
  if (isIdent(text) && isShorthandField(input.src, r)) return [edit(input, r.start, r.end, `${text}: ${text}${suffix}`)];
  if (isPostfixSafe(text)) return [edit(input, r.end, r.end, suffix)];
  return [edit(input, r.start, r.start, "("), edit(input, r.end, r.end, `)${suffix}`)];
}
function prefixExpr(input, r, prefix) {
  const text = textOf(input, r);
  if (text.trim() === "" || inPattern(input.src, r)) return [];
  if (isIdent(text) && isShorthandField(input.src, r)) return [edit(input, r.start, r.end, `${text}: ${prefix}${text}`)];
  const next = input.src.masked[input.src.skipSpace(r.end)];
  const receiver = next === "." || next === "[" || next === "?";
  const simple = isPostfixSafe(text) || /^[&*]/.test(text);
  if (receiver) return [edit(input, r.start, r.start, simple ? `(${prefix}` : `(${prefix}(`), edit(input, r.end, r.end, simple ? ")" : "))")];
  if (simple) return [edit(input, r.start, r.start, prefix)];
  return [edit(input, r.start, r.start, `${prefix}(`), edit(input, r.end, r.end, ")")];
}
var PATH_RE = /^(?:::)?[A-Za-z_]\w*(?:::[A-Za-z_]\w*)*$/;
var insertUse = (input) => {
  const path = input.params.path?.trim() ?? "";
  if (!PATH_RE.test(path)) return [];
  const last = path.split("::").pop() ?? "";
  const p = input.params.match_primary === "true" ? narrowTo(input, primary(input), last) : primary(input);
  if (!p) return [];
  if (input.params.match_primary === "true") {
    if (textOf(input, p) !== last) return [];
    const before = input.src.masked.slice(Math.max(0, p.start - 2), p.start);
    if (before === "::") return [];
  }
  const { src } = input;
  const mod = moduleAt(src, p.start);
  const bodyStart = mod ? mod.open + 1 : 0;
  const bodyEnd = mod ? mod.close : src.text.length;
  const depth = mod ? src.braceDepth(mod.open + 1) : 0;
  const body = src.text.slice(bodyStart, bodyEnd);
  if (new RegExp(`\\buse\\s+${path.replace(/[:]/g, "\\:")}\\s*;`).test(body)) return [];
  const useRe = /(^|[\s;}])((?:pub(?:\([^)]*\))?\s+)?use\s[^;]*;)/g;
  let lastUseEnd = -1;
  let lastUseStart = -1;
  useRe.lastIndex = bodyStart;
  for (let m = useRe.exec(src.masked); m && m.index < bodyEnd; m = useRe.exec(src.masked)) {
    const at2 = m.index + (m[1] ?? "").length;
    if (src.braceDepth(at2) !== depth) continue;
    lastUseStart = at2;
    lastUseEnd = at2 + (m[2] ?? "").length;
  }
  if (lastUseEnd > 0) {
    return [edit(input, lastUseEnd, lastUseEnd, `
${src.indentAt(lastUseStart)}use ${path};`)];
  }
  let at = src.skipSpace(bodyStart);
  while (src.masked.startsWith("#![", at)) {
    const close = src.closeOf(at + 2);
    if (close < 0) return [];
    at = src.skipSpace(close + 1);
  }
  if (at >= bodyEnd) {
    if (mod) return [edit(input, bodyStart, bodyStart, `
${src.indentAt(mod.open)}    use ${path};`)];
    return [edit(input, src.text.length, src.text.length, `${src.text.endsWith("\n") || src.text === "" ? "" : "\n"}use ${path};
`)];
  }
  const line = src.lineStart(at);
  if (line < bodyStart) {
    return [edit(input, bodyStart, bodyStart, `
${src.indentAt(at)}use ${path};`)];
  }
  return [edit(input, line, line, `${src.indentAt(at)}use ${path};

`)];
};
var STD_TRAIT_PATHS = {
  Debug: "std::fmt::Debug",
  Display: "std::fmt::Display",
  Hash: "std::hash::Hash",
  FromStr: "std::str::FromStr",
  Error: "std::error::Error",
  Any: "std::any::Any",
  Add: "std::ops::Add",
  Sub: "std::ops::Sub",
  Mul: "std::ops::Mul",
  Div: "std::ops::Div",
  Rem: "std::ops::Rem",
  Neg: "std::ops::Neg",
  AddAssign: "std::ops::AddAssign",
  SubAssign: "std::ops::SubAssign",
  Deref: "std::ops::Deref",
  Borrow: "std::borrow::Borrow",
  Sum: "std::iter::Sum",
  Product: "std::iter::Product"
};
function qualifyBound(src, bound) {
  const name = /^(\w+)/.exec(bound)?.[1] ?? "";
  const path = STD_TRAIT_PATHS[name];
  if (!path) return bound;
  const imported = new RegExp(`\\buse\\s[^;]*\\b${name}\\b[^;]*;`).test(src.masked) || new RegExp(`\\btrait\\s+${name}\\b`).test(src.masked);
  return imported ? bound : path + bound.slice(name.length);
}
function boundParts(list) {
  return splitTopLevel(list, "+").map(([, s]) => s.trim()).filter((s) => s !== "");
}
function wherePredicate(src, scope, param) {
  const header = src.masked.slice(scope.start, scope.headerEnd);
  const w = /\bwhere\b/.exec(header);
  if (!w) return null;
  const clauseStart = scope.start + w.index + w[0].length;
  const clause = src.masked.slice(clauseStart, scope.headerEnd);
  for (const [off, piece] of splitTopLevel(clause)) {
    const m = new RegExp(`^(\\s*${param}\\s*:)`).exec(piece);
    if (m) return [clauseStart + off + m[1].length, piece.slice(m[1].length)];
  }
  return null;
}
function itemAnchor(src, i) {
  const attr = src.pairs().filter((q) => q.kind === "[" && q.open < i && i < q.close && src.masked[q.open - 1] === "#").sort((a, b) => a.open - b.open)[0];
  if (!attr) return i;
  const kw = /\b(?:fn|impl|struct|enum|trait|union|type)\b/.exec(src.masked.slice(attr.close));
  return kw ? attr.close + kw.index : i;
}
var addBound = (input) => {
  const param = input.params.param?.trim() ?? "";
  const rawBound = input.params.bound?.trim() ?? "";
  const p = primary(input);
  if (!p || rawBound === "") return [];
  const { src } = input;
  const wanted = boundParts(rawBound).map((b) => qualifyBound(src, b));
  if (wanted.length === 0 || wanted.some((b) => !/^(?:'\w+|[\w:]+(?:<.*>)?|\?Sized)$/.test(b))) return [];
  if (/^impl [\w:<>, ']+$/.test(param)) return addBoundToImplTrait(input, p, param, wanted);
  if (!isIdent(param) || param === "Self") return [];
  for (const scope of scopesAt(src, itemAnchor(src, p.start))) {
    if (!scope.generics) continue;
    const [gOpen, gClose] = scope.generics;
    const inner = src.masked.slice(gOpen + 1, gClose);
    for (const [off, piece] of splitTopLevel(inner)) {
      const lead = /^\s*/.exec(piece)?.[0].length ?? 0;
      const decl = piece.slice(lead);
      const nm = new RegExp(`^${param}\\b`).exec(decl);
      if (!nm) continue;
      const nameEnd = gOpen + 1 + off + lead + param.length;
      const rest = decl.slice(param.length);
      const where = wherePredicate(src, scope, param);
      const existing = [...rest.trimStart().startsWith(":") ? boundParts(rest.replace(/^\s*:/, "").split("=")[0] ?? "") : [], ...where ? boundParts(where[1]) : []];
      const missing = wanted.filter((b) => !existing.some((e) => e === b || e.endsWith(`::${b}`) || b.endsWith(`::${e}`)));
      if (missing.length === 0) return [];
      if (where) {
        const endOfList = where[0] + where[1].trimEnd().length;
        return [edit(input, endOfList, endOfList, ` + ${missing.join(" + ")}`)];
      }
      if (rest.trimStart().startsWith(":")) {
        const bounds = rest.split("=")[0] ?? "";
        const endOfList = nameEnd + bounds.trimEnd().length;
        return [edit(input, endOfList, endOfList, ` + ${missing.join(" + ")}`)];
      }
      return [edit(input, nameEnd, nameEnd, `: ${missing.join(" + ")}`)];
    }
  }
  return [];
};
function addBoundToImplTrait(input, p, param, wanted) {
  const { src } = input;
  const fn = scopesAt(src, p.start).find((s) => s.keyword === "fn");
  if (!fn) return [];
  const header = src.masked.slice(fn.start, fn.headerEnd);
  const escaped = param.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const hits = [...header.matchAll(new RegExp(`${escaped}(?![\\w<])`, "g"))];
  if (hits.length !== 1) return [];
  const existing = boundParts(param.slice("impl ".length));
  const missing = wanted.filter((b) => !existing.includes(b));
  if (missing.length === 0) return [];
  const at = fn.start + (hits[0]?.index ?? 0) + param.length;
  return [edit(input, at, at, ` + ${missing.join(" + ")}`)];
}
var addMoveToClosure = (input) => {
  const p = primary(input);
  if (!p) return [];
  const text = textOf(input, p);
  const before = input.src.masked.slice(Math.max(0, p.start - 5), p.start);
  if (/\bmove\s*$/.test(before)) return [];
  if (text.startsWith("|")) return [edit(input, p.start, p.start, "move ")];
  if (/^async\b/.test(text)) {
    const after = input.src.masked.slice(p.start + 5, p.start + 12);
    if (/^\s*move\b/.test(after)) return [];
    return [edit(input, p.start + 5, p.start + 5, " move")];
  }
  return [];
};
var addMutToBinding = (input) => {
  const name = input.params.name?.trim() ?? "";
  if (!isIdent(name)) return [];
  const p = primary(input);
  if (!p) return [];
  const { src } = input;
  const fn = scopesAt(src, p.start).find((s) => s.keyword === "fn");
  const from = fn ? fn.start : 0;
  const region = src.masked.slice(from, p.start);
  const sites = [];
  const add = (re) => {
    for (let m = re.exec(region); m; m = re.exec(region)) sites.push(from + m.index + m[0].length - name.length);
  };
  add(new RegExp(`\\blet\\s+(?:ref\\s+)?${name}(?=\\s*[:=;])`, "g"));
  add(new RegExp(`\\blet\\s*\\((?:[^()=;]*[,(]\\s*)?${name}(?=\\s*[,)])`, "g"));
  add(new RegExp(`\\bfor\\s+${name}(?=\\s+in\\b)`, "g"));
  add(new RegExp(`[(,]\\s*${name}(?=\\s*:[^:])`, "g"));
  add(new RegExp(`\\|\\s*${name}(?=\\s*[|:,])`, "g"));
  if (sites.length === 0) return [];
  const site = Math.max(...sites);
  if (/\bmut\s+$/.test(src.masked.slice(Math.max(0, site - 4), site))) return [];
  const open = src.enclosingBraces(site)[0];
  if (open && src.masked.slice(open.open, site).trim() === "{" && !/\blet\b/.test(src.masked.slice(src.lineStart(site), site))) return [];
  return [edit(input, site, site, "mut ")];
};
var borrowAtSpan = (input) => {
  const mode = input.params.mode?.trim() ?? "";
  const prefix = mode === "mut" || mode === "mutably" ? "&mut " : mode === "reborrow" ? "&mut *" : "&";
  return targets(input).flatMap((r) => prefixExpr(input, r, prefix));
};
var cloneAtSpan = (input) => targets(input).flatMap((r) => appendPostfix(input, r, ".clone()"));
var toOwnedAtSpan = (input) => {
  const method = input.params.method === "to_owned" ? "to_owned" : "to_string";
  return targets(input).flatMap((r) => appendPostfix(input, r, `.${method}()`));
};
var intoAtSpan = (input) => targets(input).flatMap((r) => appendPostfix(input, r, ".into()"));
var derefAtSpan = (input) => targets(input).flatMap((r) => prefixExpr(input, r, "*"));
var refBinding = (input) => {
  const out = [];
  for (const r of targets(input)) {
    const text = textOf(input, r);
    if (!/^(?:mut\s+)?[a-z_]\w*$/.test(text)) return [];
    if (/\bref\s+$/.test(input.src.masked.slice(Math.max(0, r.start - 4), r.start))) continue;
    if (!out.some((e) => e.byteStart === input.src.byteOf(r.start))) out.push(edit(input, r.start, r.start, "ref "));
  }
  return out;
};
var ARM_PATTERN_RE = /^(?:[A-Za-z_]\w*::)*[A-Za-z_]\w*(?:\(_(?:, _)*\)| \{ \.\. \})?$/;
var missingMatchArms = (input) => {
  const list = input.params.patterns ?? "";
  if (/\bmore\b/.test(list)) return [];
  let pats = [...list.matchAll(/`([^`]+)`/g)].map((m) => m[1] ?? "");
  const refd = pats.every((x) => x.startsWith("&"));
  if (refd) pats = pats.map((x) => x.slice(1));
  if (pats.length === 0 || pats.some((x) => !ARM_PATTERN_RE.test(x) || x === "_")) return [];
  const p = primary(input);
  if (!p) return [];
  const { src } = input;
  if (!/\bmatch\s*$/.test(src.masked.slice(Math.max(0, p.start - 10), p.start))) return [];
  const open = src.skipSpace(p.end);
  if (src.masked[open] !== "{") return [];
  const close = src.closeOf(open);
  if (close < 0) return [];
  const inner = src.masked.slice(open + 1, close);
  const arrows = [...inner.matchAll(/=>/g)].map((m) => open + 1 + m.index);
  if (arrows.length === 0) return [];
  let lastBodyEnd = -1;
  if (refd && arrows.some((a) => src.masked.slice(src.lineStart(a), a).trim().startsWith("&"))) pats = pats.map((x) => `&${x}`);
  for (const a of arrows) {
    if (src.braceDepth(a) !== src.braceDepth(open + 1)) return [];
    const b = src.skipSpace(a + 2);
    const ch = src.masked[b];
    if (ch !== "{" && ch !== "(") return [];
    const c = src.closeOf(b);
    if (c < 0 || src.masked.slice(b + 1, c).trim() !== "") return [];
    lastBodyEnd = c + 1;
  }
  const tail = src.masked.slice(lastBodyEnd, close).trim();
  if (tail !== "" && tail !== ",") return [];
  const needComma = src.masked[lastBodyEnd - 1] === ")" && tail === "" ? "," : "";
  const at = src.skipSpaceBack(close);
  if (!src.masked.slice(open, close).includes("\n")) return [edit(input, at, at, `${needComma}${pats.map((x) => ` ${x} => {}`).join("")}`)];
  const indent = src.indentAt(arrows[arrows.length - 1]);
  return [edit(input, at, at, `${needComma}${pats.map((x) => `
${indent}${x} => {}`).join("")}`)];
};
function obviousDefault(ty) {
  const t = ty.replace(/\s+/g, "");
  if (/^(?:[iu](?:8|16|32|64|128|size))$/.test(t)) return "0";
  if (/^f(?:32|64)$/.test(t)) return "0.0";
  if (t === "bool") return "false";
  if (t === "String") return "String::new()";
  if (/^Vec<.+>$/.test(t)) return "Vec::new()";
  if (/^Option<.+>$/.test(t)) return "None";
  return null;
}
var missingStructFields = (input) => {
  const fields = [...(input.params.fields ?? "").matchAll(/`([^`]+)`/g)].map((m) => m[1] ?? "");
  const structName = (input.params.struct ?? "").replace(/<.*$/s, "").split("::").pop() ?? "";
  if (fields.length === 0 || fields.some((f) => !isIdent(f)) || !isIdent(structName) || /other field/.test(input.params.fields ?? "")) return [];
  const p = primary(input);
  if (!p) return [];
  const { src } = input;
  const def = new RegExp(`\\bstruct\\s+${structName}\\b[^{;(]*\\{`).exec(src.masked);
  if (!def) return [];
  const defOpen = def.index + def[0].length - 1;
  const defClose = src.closeOf(defOpen);
  if (defClose < 0) return [];
  const types = /* @__PURE__ */ new Map();
  for (const [, piece] of splitTopLevel(src.masked.slice(defOpen + 1, defClose))) {
    const m = /^\s*(?:#\[[^\]]*\]\s*)*(?:pub(?:\([^)]*\))?\s+)?([A-Za-z_]\w*)\s*:\s*([\s\S]+?)\s*$/.exec(piece);
    if (m) types.set(m[1] ?? "", m[2] ?? "");
  }
  const values = [];
  for (const f of fields) {
    const ty = types.get(f);
    const v = ty === void 0 ? null : obviousDefault(ty);
    if (v === null) return [];
    values.push(`${f}: ${v}`);
  }
  const open = src.skipSpace(p.end);
  if (src.masked[open] !== "{") return [];
  const close = src.closeOf(open);
  if (close < 0) return [];
  const inner = src.masked.slice(open + 1, close);
  if (inner.includes("..")) return [];
  const at = src.skipSpaceBack(close);
  const hasFields = inner.trim() !== "";
  const trailingComma = src.masked[at - 1] === ",";
  if (inner.includes("\n")) {
    const indent = hasFields ? src.indentAt(at - 1) : `${src.indentAt(open)}    `;
    const lead = hasFields && !trailingComma ? "," : "";
    return [edit(input, at, at, `${lead}${values.map((v) => `
${indent}${v},`).join("")}`)];
  }
  if (!hasFields) return [edit(input, open + 1, close, ` ${values.join(", ")} `)];
  return [edit(input, at, at, `${trailingComma ? "" : ","} ${values.join(", ")}${trailingComma ? "," : ""}`)];
};
var ITEM_KEYWORDS = "(?:(?:const|async|unsafe)\\s+)*fn|const|static|struct|enum|trait|type|mod|union";
var makePub = (input) => {
  const name = input.params.name?.trim() ?? "";
  if (!isIdent(name)) return [];
  if (input.params.target === "matched") return makePubAtDefinition(input, name);
  const p = narrowTo(input, primary(input), name);
  if (!p) return [];
  const { src } = input;
  const before = /((?:[A-Za-z_]\w*\s*::\s*)+)$/.exec(src.masked.slice(Math.max(0, p.start - 300), p.start));
  const segs = before ? (before[1] ?? "").split("::").map((s) => s.trim()).filter((s) => s !== "") : [];
  if (segs.length === 0 || segs.includes("super")) return [];
  const mods = inlineModules(src);
  const visibleFromUse = (md) => {
    const block = src.enclosingBraces(md.open)[0];
    return !block || block.open < p.start && p.start < block.close;
  };
  const childOf = (parent, seg) => mods.filter((md) => md.name === seg && (parent === null ? visibleFromUse(md) : md.open > parent.open && md.close < parent.close && src.braceDepth(md.open) === src.braceDepth(parent.open + 1))).sort((a, b) => b.open - a.open)[0];
  const starts = [moduleAt(src, p.start), null];
  for (const startMod of starts) {
    let cur = startMod;
    let ok = true;
    for (const seg of segs) {
      if (seg === "crate") {
        cur = null;
        continue;
      }
      if (seg === "self") continue;
      const next = childOf(cur, seg);
      if (!next) {
        ok = false;
        break;
      }
      cur = next;
    }
    if (!ok || cur === null) continue;
    const bodyDepth = src.braceDepth(cur.open + 1);
    const re = new RegExp(`(^|[\\s;}\\]])((?:${ITEM_KEYWORDS})\\s+${name}\\b)`, "g");
    re.lastIndex = cur.open + 1;
    for (let m = re.exec(src.masked); m && m.index < cur.close; m = re.exec(src.masked)) {
      const at = m.index + (m[1] ?? "").length;
      if (src.braceDepth(at) !== bodyDepth) continue;
      const prev = src.masked.slice(Math.max(0, at - 20), at);
      if (/\bpub(?:\s*\([^)]*\))?\s*$/.test(prev)) return [];
      return [edit(input, at, at, "pub(crate) ")];
    }
  }
  return [];
};
function makePubAtDefinition(input, name) {
  for (const r of targets(input)) {
    const head = input.src.masked.slice(r.start, r.end);
    if (!new RegExp(`^(?:${ITEM_KEYWORDS})\\s+${name}\\b`).test(head)) continue;
    const prev = input.src.masked.slice(Math.max(0, r.start - 20), r.start);
    if (/\bpub(?:\s*\([^)]*\))?\s*$/.test(prev)) return [];
    return [edit(input, r.start, r.start, "pub(crate) ")];
  }
  return [];
}
function freshLifetime(text) {
  for (const l of ["a", "b", "c", "d", "l"]) if (!new RegExp(`'${l}\\b`).test(text)) return `'${l}`;
  return "'lt";
}
function lifetimeAt(input, r, lt) {
  const { src } = input;
  const text = textOf(input, r);
  if (text === "&") return edit(input, r.end, r.end, `${lt} `);
  if (text === "'_") return edit(input, r.start, r.end, lt);
  if (/^[A-Z]\w*$/.test(text)) {
    const next = src.skipSpace(r.end);
    if (src.masked[next] === "<") return edit(input, next + 1, next + 1, `${lt}, `);
    return edit(input, r.end, r.end, `<${lt}>`);
  }
  return null;
}
var addLifetime = (input) => {
  const p = primary(input);
  if (!p) return [];
  const { src } = input;
  const mode = input.params.mode ?? "item";
  if (mode === "static") {
    const e = lifetimeAt(input, p, "'static");
    return e ? [e] : [];
  }
  const kinds = mode === "fn" ? ["fn"] : ["struct", "enum", "union", "type"];
  const scope = scopesAt(src, p.start).find((s) => kinds.includes(s.keyword));
  if (!scope) return [];
  if (mode === "fn" && p.start > scope.headerEnd) return [];
  const edits = [];
  let lt;
  if (scope.generics) {
    const [gOpen, gClose] = scope.generics;
    const lifetimes = [...src.masked.slice(gOpen + 1, gClose).matchAll(/(?:^|,)\s*('\w+)/g)].map((m) => m[1] ?? "");
    if (lifetimes.length > 1) return [];
    if (lifetimes.length === 1 && mode !== "fn") lt = lifetimes[0];
    else {
      if (lifetimes.length === 1) return [];
      lt = freshLifetime(src.text.slice(scope.start, scope.end + 1));
      edits.push(edit(input, gOpen + 1, gOpen + 1, `${lt}, `));
    }
  } else {
    lt = freshLifetime(src.text.slice(scope.start, scope.end + 1));
    const afterName = src.masked.indexOf(scope.name, scope.start + scope.keyword.length) + scope.name.length;
    edits.push(edit(input, afterName, afterName, `<${lt}>`));
  }
  const at = lifetimeAt(input, p, lt);
  if (!at) return [];
  edits.push(at);
  if (mode === "fn") {
    const open = src.masked.indexOf("(", scope.start);
    const close = open < 0 ? -1 : src.closeOf(open);
    if (close < 0 || close > scope.headerEnd) return [];
    for (let i = open; i < close; i++) {
      if (src.masked[i] === "&" && src.masked[i + 1] !== "&" && !/^\s*'/.test(src.masked.slice(i + 1, i + 4))) {
        edits.push(edit(input, i + 1, i + 1, `${lt} `));
      }
    }
  }
  return edits;
};
var removeSemicolon = (input) => {
  const { src } = input;
  const spans = [input.diagnostic.primary, ...input.matched].map((s) => rangeOf(input, s)).filter((r) => r !== null);
  for (const r of spans) {
    let open = src.masked[r.start] === "{" ? r.start : -1;
    if (open < 0) {
      const fn = scopesAt(src, r.start).find((s) => s.keyword === "fn" && r.start < s.headerEnd);
      if (fn && src.masked[fn.headerEnd] === "{") open = fn.headerEnd;
    }
    if (open < 0) continue;
    const close = src.closeOf(open);
    if (close < 0) continue;
    const last = src.skipSpaceBack(close) - 1;
    if (src.masked[last] !== ";") continue;
    const stmtStart = Math.max(src.masked.lastIndexOf(";", last - 1), src.masked.lastIndexOf("}", last - 1), open) + 1;
    const stmt = src.masked.slice(stmtStart, last).trim();
    if (stmt === "" || /^(?:let|return|break|continue|use|fn|struct|enum|impl|const|static)\b/.test(stmt)) continue;
    if (src.braceDepth(last) !== src.braceDepth(open + 1)) continue;
    return [edit(input, last, last + 1, "")];
  }
  return [];
};
var replacePrimary = (input) => {
  const p = primary(input);
  if (!p || !isIdent(textOf(input, p))) return [];
  const prefix = input.params.prefix;
  if (prefix === "self.") {
    const fn = scopesAt(input.src, p.start).find((sc) => sc.keyword === "fn");
    if (!fn || !/\bself\b/.test(input.src.masked.slice(fn.start, fn.headerEnd))) return [];
    if (input.src.masked[input.src.skipSpaceBack(p.start) - 1] === ".") return [];
    if (isShorthandField(input.src, p)) return [edit(input, p.start, p.end, `${textOf(input, p)}: self.${textOf(input, p)}`)];
    return [edit(input, p.start, p.start, "self.")];
  }
  if (prefix !== void 0) {
    const next = input.src.skipSpace(p.end);
    const stmtStart = input.src.masked[input.src.skipSpaceBack(p.start) - 1];
    if (prefix !== "let " || input.src.masked[next] !== "=" || input.src.masked[next + 1] === "=") return [];
    if (stmtStart !== void 0 && !";{}".includes(stmtStart)) return [];
    const glued = /^let_?([a-z_]\w*)$/.exec(textOf(input, p));
    if (glued) return [edit(input, p.start, p.end, `let ${glued[1] ?? ""}`)];
    return [edit(input, p.start, p.start, prefix)];
  }
  const text = input.params.text?.trim() ?? "";
  if (!isIdent(text)) return [];
  const old = textOf(input, p);
  if (isShorthandField(input.src, p)) return [edit(input, p.start, p.end, `${old}: ${text}`)];
  return [edit(input, p.start, p.end, text)];
};
var renameDeclaration = (input) => {
  const from = input.params.from ?? "";
  const to = input.params.to ?? "";
  if (!isIdent(from) || !isIdent(to)) return [];
  for (const s of input.matched) {
    const r = rangeOf(input, s);
    if (r && textOf(input, r) === from) return [edit(input, r.start, r.end, to)];
  }
  return [];
};
var hoistTemporary = (input) => {
  const p = primary(input);
  if (!p) return [];
  const { src } = input;
  const expr = textOf(input, p);
  if (expr.trim() === "" || expr.includes("\n")) return [];
  const block = src.enclosingBraces(p.start)[0];
  if (!block) return [];
  let s = p.start - 1;
  for (; s > block.open; s--) {
    const ch = src.masked[s];
    if ((ch === ";" || ch === "}" || ch === "{") && src.braceDepth(s + 1) === src.braceDepth(p.start)) break;
    if (ch === "}" || ch === "{") return [];
  }
  const stmt = src.skipSpace(s + 1);
  if (stmt > p.start) return [];
  const fnText = src.text.slice(block.open, block.close);
  let name = "tmp";
  for (let k = 1; new RegExp(`\\b${name}\\b`).test(fnText); k++) name = `tmp${k}`;
  const indent = src.indentAt(stmt);
  return [edit(input, stmt, stmt, `let ${name} = ${expr};
${indent}`), edit(input, p.start, p.end, name)];
};
var insertMethodCall = (input) => {
  const call = input.params.call?.trim() ?? "";
  if (!/^(?:\.[a-z_]\w*\((?:[A-Za-z_][\w:]*)?\))+$/.test(call) && call !== ".collect::<Vec<_>>()") return [];
  const out = [];
  for (const r of targets(input)) {
    if (!/^[a-z_]\w*/.test(textOf(input, r))) return [];
    const dot = input.src.skipSpaceBack(r.start) - 1;
    if (input.src.masked[dot] !== ".") return [];
    out.push(edit(input, dot, dot, call));
  }
  return out;
};
var appendMethodCall = (input) => {
  const method = input.params.method?.trim() ?? "";
  if (!/^[a-z_]\w*$/.test(method)) return [];
  return targets(input).flatMap((r) => appendPostfix(input, r, `.${method}()`));
};
var callMethod = (input) => {
  const p = primary(input);
  if (!p || !/^[a-z_]\w*$/.test(textOf(input, p))) return [];
  if (input.src.masked[input.src.skipSpaceBack(p.start) - 1] !== ".") return [];
  if (input.src.masked[input.src.skipSpace(p.end)] === "(") return [];
  return [edit(input, p.end, p.end, "()")];
};
var removePrefix = (input) => {
  let p = primary(input);
  if (!p) return [];
  const loop = /^for\s+[^{]*?\s+in\s+/.exec(input.src.masked.slice(p.start, p.end));
  if (loop) p = { start: p.start + loop[0].length, end: p.end };
  const m = /^(&\s*mut\s+|&|\*)/.exec(textOf(input, p));
  if (!m) return [];
  const want = input.params.prefix ?? "&";
  if (want === "&" !== m[0].startsWith("&")) return [];
  return [edit(input, p.start, p.start + m[0].length, "")];
};
var removeArguments = (input) => {
  const { src } = input;
  const ranges = targets(input).sort((a, b) => a.start - b.start);
  if (ranges.length === 0) return [];
  const out = [];
  for (const r of ranges) {
    const parens = src.pairs().filter((q) => q.kind === "(" && q.open < r.start && r.end <= q.close).sort((a, b) => b.open - a.open)[0];
    if (!parens) return [];
    const before = src.skipSpaceBack(r.start);
    const after = src.skipSpace(r.end);
    const prevCh = src.masked[before - 1];
    const nextCh = src.masked[after];
    if (!((prevCh === "(" || prevCh === ",") && (nextCh === ")" || nextCh === ","))) return [];
    if (prevCh === ",") out.push(edit(input, before - 1, r.end, ""));
    else if (nextCh === ",") out.push(edit(input, r.start, src.skipSpace(after + 1), ""));
    else out.push(edit(input, r.start, r.end, ""));
  }
  return out;
};
var removeMut = (input) => {
  const p = primary(input);
  if (!p) return [];
  const m = /^mut\s+(?=[a-z_]\w*$)/.exec(textOf(input, p));
  if (!m) return [];
  return [edit(input, p.start, p.start + m[0].length, "")];
};
var makeFieldPub = (input) => {
  const field = input.params.field?.trim() ?? "";
  const structName = (input.params.struct ?? "").replace(/<.*$/s, "").split("::").pop() ?? "";
  if (!isIdent(field) || !isIdent(structName)) return [];
  const { src } = input;
  const defs2 = [...src.masked.matchAll(new RegExp(`\\bstruct\\s+${structName}\\b[^{;(]*\\{`, "g"))];
  if (defs2.length !== 1) return [];
  const open = (defs2[0]?.index ?? 0) + (defs2[0]?.[0].length ?? 0) - 1;
  const close = src.closeOf(open);
  if (close < 0) return [];
  for (const [off, piece] of splitTopLevel(src.masked.slice(open + 1, close))) {
    const m = new RegExp(`^(\\s*(?:#\\[[^\\]]*\\]\\s*)*)(pub(?:\\([^)]*\\))?\\s+)?${field}\\s*:`).exec(piece);
    if (!m) continue;
    if (m[2] !== void 0) return [];
    const at = open + 1 + off + (m[1]?.length ?? 0);
    return [edit(input, at, at, "pub(crate) ")];
  }
  return [];
};
var declareGeneric = (input) => {
  const name = input.params.name?.trim() ?? "";
  const isLifetime = /^'[a-z_]\w*$/.test(name);
  if (!isLifetime && !/^[A-Z]\w*$/.test(name)) return [];
  const p = primary(input);
  if (!p) return [];
  const { src } = input;
  const kinds = input.params.on ? input.params.on.split(",") : ["fn", "struct", "enum", "union", "impl", "trait", "type"];
  const scope = scopesAt(src, p.start).find((sc) => kinds.includes(sc.keyword));
  if (!scope) return [];
  if (scope.generics) {
    const [gOpen, gClose] = scope.generics;
    const inner = src.masked.slice(gOpen + 1, gClose);
    if (new RegExp(`(?:^|,)\\s*${name}\\b`).test(inner)) return [];
    if (isLifetime) return [edit(input, gOpen + 1, gOpen + 1, `${name}, `)];
    const end = src.skipSpaceBack(gClose);
    return [edit(input, end, end, src.masked[end - 1] === "," ? ` ${name}` : `, ${name}`)];
  }
  if (scope.keyword === "impl") {
    const at = scope.start + "impl".length;
    return [edit(input, at, at, `<${name}>`)];
  }
  const nameAt = src.masked.indexOf(scope.name, scope.start + scope.keyword.length);
  if (nameAt < 0) return [];
  return [edit(input, nameAt + scope.name.length, nameAt + scope.name.length, `<${name}>`)];
};
var DERIVABLE = {
  Debug: [],
  Clone: [],
  Copy: ["Clone"],
  PartialEq: [],
  Eq: ["PartialEq"],
  PartialOrd: ["PartialEq"],
  Ord: ["PartialEq", "Eq", "PartialOrd"],
  Hash: [],
  Default: []
};
var addDerive = (input) => {
  const typeName = (input.params.type ?? "").replace(/<.*$/s, "").split("::").pop() ?? "";
  const trait = (input.params.trait ?? "").split("::").pop() ?? "";
  const needs = DERIVABLE[trait];
  if (!isIdent(typeName) || needs === void 0) return [];
  const { src } = input;
  const defs2 = [...src.masked.matchAll(new RegExp(`\\b(?:struct|enum|union)\\s+${typeName}\\b`, "g"))];
  if (defs2.length !== 1) return [];
  const kw = defs2[0]?.index ?? 0;
  const vis = /(?:\bpub\s*(?:\([^)]*\))?\s*)$/.exec(src.masked.slice(Math.max(0, kw - 30), kw));
  const itemStart = kw - (vis ? vis[0].length : 0);
  let at = src.skipSpaceBack(itemStart);
  let deriveList = null;
  while (at > 0 && src.masked[at - 1] === "]") {
    const pair = src.pairs().find((q) => q.kind === "[" && q.close === at - 1);
    if (!pair || src.masked[pair.open - 1] !== "#") break;
    const d = /^\[\s*derive\s*\(/.exec(src.masked.slice(pair.open, pair.close));
    if (d) {
      const open = pair.open + d[0].length - 1;
      const close = src.closeOf(open);
      if (close > 0) deriveList = [open, close];
    }
    at = src.skipSpaceBack(pair.open - 1);
  }
  const present = deriveList ? splitTopLevel(src.masked.slice(deriveList[0] + 1, deriveList[1])).map(([, x]) => x.trim().split("::").pop() ?? "").filter((x) => x !== "") : [];
  const implemented = (t) => new RegExp(`\\bimpl\\b[^{;]*\\b${t}\\b[^{;]*\\bfor\\s+${typeName}\\b`).test(src.masked);
  const add = [...needs, trait].filter((t, i, all) => all.indexOf(t) === i && !present.includes(t) && !implemented(t));
  if (!add.includes(trait)) return [];
  if (deriveList) {
    const end = src.skipSpaceBack(deriveList[1]);
    const sep = present.length === 0 ? "" : src.masked[end - 1] === "," ? " " : ", ";
    return [edit(input, end, end, `${sep}${add.join(", ")}`)];
  }
  return [edit(input, itemStart, itemStart, `#[derive(${add.join(", ")})]
${src.indentAt(itemStart)}`)];
};
var mutRefBinding = (input) => {
  const name = input.params.name?.trim() ?? "";
  if (!isIdent(name)) return [];
  const p = primary(input);
  if (!p) return [];
  const { src } = input;
  const fn = scopesAt(src, p.start).find((sc) => sc.keyword === "fn");
  if (!fn) return [];
  const header = src.masked.slice(fn.start, fn.headerEnd);
  if (name === "self") {
    const m = /&\s*(?:'\w+\s+)?(?=self\b)/.exec(header);
    return m ? [edit(input, fn.start + m.index + m[0].length, fn.start + m.index + m[0].length, "mut ")] : [];
  }
  const param = new RegExp(`[(,]\\s*${name}\\s*:\\s*&\\s*(?:'\\w+\\s+)?(?!mut\\b)`).exec(header);
  const local = new RegExp(`\\blet\\s+${name}\\s*(?::\\s*&\\s*(?:'\\w+\\s+)?(?!mut\\b)|(?::[^=;]*)?=\\s*&\\s*(?!mut\\b))`, "g");
  let best = -1;
  const body = src.masked.slice(fn.headerEnd, p.start);
  for (let m = local.exec(body); m; m = local.exec(body)) best = fn.headerEnd + m.index + m[0].length;
  if (best < 0 && param) best = fn.start + param.index + param[0].length;
  if (best < 0) return [];
  return [edit(input, best, best, "mut ")];
};
var addReturnType = (input) => {
  const ty = input.params.type?.trim() ?? "";
  if (ty === "" || /[{}_]|impl |dyn |\[closure|\bopaque\b/.test(ty)) return [];
  const p = primary(input);
  if (!p) return [];
  const { src } = input;
  const fn = scopesAt(src, p.start).find((sc) => sc.keyword === "fn");
  if (!fn || src.masked[fn.headerEnd] !== "{") return [];
  const header = src.masked.slice(fn.start, fn.headerEnd);
  if (header.includes("->")) return [];
  const open = src.masked.indexOf("(", fn.start);
  const close = open < 0 ? -1 : src.closeOf(open);
  if (close < 0 || close > fn.headerEnd) return [];
  return [edit(input, close + 1, close + 1, ` -> ${ty}`)];
};
var addSemicolon = (input) => {
  const p = primary(input);
  if (!p) return [];
  const next = input.src.masked[input.src.skipSpace(p.end)];
  if (next === ";") return [];
  return [edit(input, p.end, p.end, ";")];
};
var lifetimeOnParam = (input) => {
  const name = input.params.name?.trim() ?? "";
  const lt = input.params.lifetime?.trim() ?? "";
  if (!isIdent(name) || !/^'[a-z_]\w*$/.test(lt)) return [];
  const p = primary(input);
  if (!p) return [];
  const { src } = input;
  const fn = scopesAt(src, p.start).find((sc) => sc.keyword === "fn");
  if (!fn) return [];
  const header = src.masked.slice(fn.start, fn.headerEnd);
  const m = new RegExp(`[(,]\\s*(?:mut\\s+)?${name}\\s*:\\s*&(?!\\s*')`).exec(header);
  if (!m) return [];
  const at = fn.start + m.index + m[0].length;
  return [edit(input, at, at, `${lt} `)];
};
var wrapExpr = (input) => {
  const w = input.params.with?.trim() ?? "";
  if (!/^(?:[A-Za-z_]\w*::)*[A-Z]\w*$|^(?:[A-Za-z_]\w*::)*[A-Z]\w*::new$/.test(w)) return [];
  return targets(input).flatMap((r) => {
    const text = textOf(input, r);
    if (text.trim() === "" || inPattern(input.src, r)) return [];
    if (isIdent(text) && isShorthandField(input.src, r)) return [edit(input, r.start, r.end, `${text}: ${w}(${text})`)];
    return [edit(input, r.start, r.start, `${w}(`), edit(input, r.end, r.end, ")")];
  });
};
var callValue = (input) => targets(input).flatMap((r) => appendPostfix(input, r, "()"));
var charToStr = (input) => {
  const p = primary(input);
  if (!p) return [];
  const text = textOf(input, p);
  const m = /^'(\\'|\\?[^']|\\u\{[0-9a-fA-F]{1,6}\})'$/u.exec(text);
  if (!m) return [];
  const body = m[1] ?? "";
  const inner = body === "\\'" ? "'" : body === '"' ? '\\"' : body;
  return [edit(input, p.start, p.end, `"${inner}"`)];
};
var makeAsync = (input) => {
  for (const r of targets(input)) {
    const head = input.src.masked.slice(r.start, r.end);
    const m = /^((?:pub(?:\s*\([^)]*\))?\s+)?)(?:(?:unsafe|extern\s+"[^"]*")\s+)*fn\b/.exec(head);
    if (!m || /\bconst\b/.test(head.slice(0, m[0].length))) continue;
    const at = r.start + (m[1]?.length ?? 0);
    return [edit(input, at, at, "async ")];
  }
  return [];
};
var replaceType = (input) => {
  const p = primary(input);
  if (!p) return [];
  const text = textOf(input, p);
  if (input.params.mode === "toggle_mut") {
    if (/^&\s*mut\s+self$/.test(text)) return [edit(input, p.start, p.end, "&self")];
    if (/^&\s*self$/.test(text)) return [edit(input, p.start, p.end, "&mut self")];
    return [];
  }
  const ty = input.params.type?.trim() ?? "";
  const typeLike = /^[\w:&'<>[\]\s,()*+]+$/;
  if (!typeLike.test(ty) || !typeLike.test(text) || /[{}_]/.test(ty.replace(/\w+_\w*/g, "x"))) return [];
  return [edit(input, p.start, p.end, ty)];
};
var addRestPattern = (input) => {
  const p = primary(input);
  if (!p) return [];
  const { src } = input;
  const close = src.skipSpaceBack(p.end) - 1;
  if (src.masked[close] !== "}") return [];
  const open = src.pairs().find((q) => q.kind === "{" && q.close === close)?.open ?? -1;
  if (open < p.start) return [];
  const inner = src.masked.slice(open + 1, close);
  if (/\.\./.test(inner)) return [];
  const end = src.skipSpaceBack(close);
  if (inner.trim() === "") return [edit(input, open + 1, close, " .. ")];
  return [edit(input, end, end, src.masked[end - 1] === "," ? " .." : ", ..")];
};
var cloneIntoClosure = (input) => {
  const name = input.params.name?.trim() ?? "";
  if (!isIdent(name)) return [];
  const { src } = input;
  const r = targets(input).find((t) => /^move\b/.test(src.masked.slice(t.start, t.end)));
  if (!r) return [];
  const bar = src.skipSpace(r.start + 4);
  if (src.masked[bar] !== "|") return [];
  const bar2 = src.masked.indexOf("|", bar + 1);
  if (bar2 < 0) return [];
  const bodyStart = src.skipSpace(bar2 + 1);
  let end;
  if (src.masked[bodyStart] === "{") end = src.closeOf(bodyStart);
  else {
    const call = src.pairs().filter((q) => q.kind === "(" && q.open < r.start && r.start < q.close).sort((a, b) => b.open - a.open)[0];
    end = call ? call.close : src.masked.indexOf(";", bodyStart);
  }
  if (end < 0) return [];
  const fresh = `${name}_clone`;
  if (new RegExp(`\\b${fresh}\\b`).test(src.masked)) return [];
  const uses = [...src.masked.slice(bodyStart, end).matchAll(new RegExp(`(?<![\\w.])${name}\\b(?!\\s*:[^:])`, "g"))];
  if (uses.length === 0) return [];
  const block = src.enclosingBraces(r.start)[0];
  if (!block) return [];
  let st = r.start - 1;
  for (; st > block.open; st--) {
    const ch = src.masked[st];
    if ((ch === ";" || ch === "}" || ch === "{") && src.braceDepth(st + 1) === src.braceDepth(r.start)) break;
  }
  const stmt = src.skipSpace(st + 1);
  const edits = [edit(input, stmt, stmt, `let ${fresh} = ${name}.clone();
${src.indentAt(stmt)}`)];
  for (const u of uses) {
    const at = bodyStart + (u.index ?? 0);
    edits.push(edit(input, at, at + name.length, fresh));
  }
  return edits;
};
var insertBeforeTry = (input) => {
  const call = input.params.call?.trim() ?? "";
  if (!/^\.[a-z_]\w*\(\)$/.test(call)) return [];
  const p = primary(input);
  if (!p || textOf(input, p) !== "?") return [];
  const before = input.src.masked.slice(Math.max(0, p.start - call.length), p.start);
  if (before === call || input.src.skipSpaceBack(p.start) !== p.start) return [];
  return [edit(input, p.start, p.start, call)];
};
var UNIT_MACROS = /^(?:print|println|eprint|eprintln|assert|assert_eq|assert_ne|debug_assert|debug_assert_eq|debug_assert_ne)!\s*[([{]/;
function discardsNothing(stmt) {
  const s = stmt.trim();
  if (/^let\b/.test(s) || s.endsWith("?") || UNIT_MACROS.test(s)) return true;
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if ("([{".includes(ch)) depth++;
    else if (")]}".includes(ch)) depth--;
    else if (ch === "=" && depth === 0) {
      const prev = s[i - 1] ?? "";
      const next = s[i + 1] ?? "";
      if (next === "=" || next === ">" || prev === "=" || prev === "!") return false;
      if (prev === "<" || prev === ">") return s[i - 2] === prev;
      return true;
    }
  }
  return false;
}
var appendUnitTail = (input) => {
  const value = input.params.value?.trim() ?? "";
  if (value !== "Ok(())") return [];
  const p = primary(input);
  if (!p) return [];
  const { src } = input;
  if (src.masked[p.start] === "{") return unitTailAfterBlock(input, p, value);
  const fn = scopesAt(src, p.start).find((s) => s.keyword === "fn" && p.start < s.headerEnd);
  if (!fn || src.masked[fn.headerEnd] !== "{") return [];
  const open = fn.headerEnd;
  const close = fn.end;
  const last = lastStatement(src, open, close);
  if (last === null) return [];
  if (last === "empty") {
    if (!src.text.slice(open + 1, close).includes("\n")) return [edit(input, open + 1, close, ` ${value} `)];
    const indent2 = src.indentAt(fn.start);
    return [edit(input, open + 1, close, `
${indent2}    ${value}
${indent2}`)];
  }
  const stmt = src.masked.slice(last.start, last.end);
  if (src.masked[last.end] === ";" ? !discardsNothing(stmt) : !/^\s*(?:pub(?:\([^)]*\))?\s+)?(?:fn|struct|enum|impl|mod|trait|use|const|static)\b/.test(stmt)) return [];
  const at = last.end + 1;
  const indent = src.lineStart(last.end) === src.lineStart(open) ? `${src.indentAt(fn.start)}    ` : src.indentAt(src.skipSpace(last.start));
  return [edit(input, at, at, `
${indent}${value}`)];
};
function unitTailAfterBlock(input, p, value) {
  const { src } = input;
  const close = src.closeOf(p.start);
  if (close < 0 || src.skipSpaceBack(p.end) - 1 !== close) return [];
  const fn = scopesAt(src, p.start).find((s) => s.keyword === "fn" && s.headerEnd < p.start);
  if (!fn || src.masked[fn.headerEnd] !== "{" || src.skipSpace(close + 1) !== fn.end) return [];
  const last = lastStatementOrTail(src, fn.headerEnd, fn.end);
  if (!last || last.end !== close || !/^\s*(?:if|for|while)\b/.test(src.masked.slice(last.start, p.start))) return [];
  if (/\belse\b/.test(src.masked.slice(last.start, p.start))) return [];
  return [edit(input, close + 1, close + 1, `
${src.indentAt(src.skipSpace(last.start))}${value}`)];
}
function lastStatementOrTail(src, open, close) {
  const m = src.masked;
  let start = open + 1;
  let last = null;
  for (let i = open + 1; i < close; i++) {
    const ch = m[i];
    if (ch === "(" || ch === "[" || ch === "{") {
      const j = src.closeOf(i);
      if (j < 0 || j > close) return null;
      if (ch === "{") {
        const rest = m.slice(src.skipSpace(j + 1), close);
        if (!/^(?:else\b|[.?])/.test(rest)) {
          last = { start, end: j };
          start = j + 1;
        }
      }
      i = j;
      continue;
    }
    if (ch === ";") {
      last = { start, end: i };
      start = i + 1;
    }
  }
  return m.slice(start, close).trim() === "" ? last : null;
}
function lastStatement(src, open, close) {
  const m = src.masked;
  let start = open + 1;
  let last = null;
  for (let i = open + 1; i < close; i++) {
    const ch = m[i];
    if (ch === "(" || ch === "[" || ch === "{") {
      const j = src.closeOf(i);
      if (j < 0 || j > close) return null;
      if (ch === "{") {
        const head = m.slice(start, i).trim();
        const rest = m.slice(src.skipSpace(j + 1), close);
        const blockStmt = head === "" || /^(?:for|while|loop|if|match|unsafe)\b/.test(head) || /^(?:pub(?:\([^)]*\))?\s+)?(?:fn|struct|enum|impl|mod|trait)\b/.test(head);
        if (blockStmt && !/^(?:else\b|[.?])/.test(rest)) {
          last = { start, end: j };
          start = j + 1;
        }
      }
      i = j;
      continue;
    }
    if (ch === ";") {
      last = { start, end: i };
      start = i + 1;
    }
  }
  if (m.slice(start, close).trim() !== "") return null;
  return last ?? (m.slice(open + 1, close).trim() === "" ? "empty" : null);
}
var LOSSLESS = {
  u8: ["u16", "u32", "u64", "u128", "usize", "i16", "i32", "i64", "i128", "isize", "f32", "f64"],
  u16: ["u32", "u64", "u128", "usize", "i32", "i64", "i128", "f32", "f64"],
  u32: ["u64", "u128", "i64", "i128", "f64"],
  u64: ["u128", "i128"],
  i8: ["i16", "i32", "i64", "i128", "isize", "f32", "f64"],
  i16: ["i32", "i64", "i128", "isize", "f32", "f64"],
  i32: ["i64", "i128", "f64"],
  i64: ["i128"],
  f32: ["f64"]
};
function isLosslessConversion(from, to) {
  return LOSSLESS[from]?.includes(to) ?? false;
}
var convertLossless = (input) => {
  const from = input.params.from?.trim() ?? "";
  const to = input.params.to?.trim() ?? "";
  if (!isLosslessConversion(from, to)) return [];
  return targets(input).flatMap((r) => {
    const text = textOf(input, r);
    if (text.trim() === "" || inPattern(input.src, r)) return [];
    if (new RegExp(`^-?(?:0x[0-9a-fA-F_]+|0o[0-7_]+|0b[01_]+|\\d[\\d_]*)_?${from}$`).test(text) && !from.startsWith("f")) {
      return [edit(input, r.end - from.length, r.end, to)];
    }
    if (isIdent(text) && isShorthandField(input.src, r)) return [edit(input, r.start, r.end, `${text}: ${to}::from(${text})`)];
    return [edit(input, r.start, r.start, `${to}::from(`), edit(input, r.end, r.end, ")")];
  });
};
var mapLosslessBeforeCall = (input) => {
  const from = input.params.from?.trim() ?? "";
  const to = input.params.to?.trim() ?? "";
  const byRef = input.params.ref === "&";
  if (!isLosslessConversion(from, to) || (input.params.ref ?? "") !== (byRef ? "&" : "")) return [];
  const p = primary(input);
  if (!p || !isIdent(textOf(input, p))) return [];
  const dot = input.src.skipSpaceBack(p.start) - 1;
  if (input.src.masked[dot] !== ".") return [];
  return [edit(input, dot, dot, byRef ? `.map(|&x| ${to}::from(x))` : `.map(${to}::from)`)];
};
var MUT_ACCESSORS = { get: "get_mut", first: "first_mut", last: "last_mut", front: "front_mut", back: "back_mut" };
var accessorToMut = (input) => {
  const name = input.params.name?.trim() ?? "";
  if (!isIdent(name)) return [];
  const p = primary(input);
  if (!p) return [];
  const { src } = input;
  const fn = scopesAt(src, p.start).find((sc) => sc.keyword === "fn");
  if (!fn) return [];
  const body = src.masked.slice(fn.headerEnd, p.start);
  const decl = new RegExp(`\\blet\\s+${name}\\s*=|\\b(?:if|while)\\s+let\\s+Some\\s*\\(\\s*${name}\\s*\\)\\s*=`, "g");
  let init = -1;
  let stop = ";";
  for (let m2 = decl.exec(body); m2; m2 = decl.exec(body)) {
    init = fn.headerEnd + m2.index + m2[0].length;
    stop = m2[0].startsWith("let") ? ";" : "{";
  }
  if (init < 0) return [];
  let end = init;
  while (end < p.start && src.masked[end] !== stop) {
    const ch = src.masked[end];
    end = ch === "(" || ch === "[" ? src.closeOf(end) + 1 : end + 1;
    if (end <= 0) return [];
  }
  const expr = src.masked.slice(init, end).trim();
  const m = /^(?:self\.)?[a-z_]\w*(?:\.[a-z_]\w*)*?\.(get|first|last|front|back)\s*\(/.exec(expr);
  if (!m) return [];
  const method = m[1];
  const open = src.skipSpace(init) + m[0].length - 1;
  const close = src.closeOf(open);
  if (close < 0) return [];
  if (method !== "get" !== (src.masked.slice(open + 1, close).trim() === "")) return [];
  const rest = src.text.slice(close + 1, end).trim();
  if (!/^(?:\.unwrap\(\)|\.expect\("(?:[^"\\]|\\.)*"\)|\?)?$/.test(rest)) return [];
  const at = open - method.length;
  return [edit(input, at, open, MUT_ACCESSORS[method])];
};
var removeMethodCall = (input) => {
  const method = input.params.method?.trim() ?? "";
  const p = primary(input);
  if (!p || !isIdent(method) || textOf(input, p) !== method) return [];
  const { src } = input;
  const dot = src.skipSpaceBack(p.start) - 1;
  if (src.masked[dot] !== ".") return [];
  const paren = src.skipSpace(p.end);
  if (src.masked[paren] !== "(") return [];
  const close = src.closeOf(paren);
  if (close < 0) return [];
  const args = src.text.slice(paren + 1, close).trim();
  if (args !== "" && !(input.params.args === "literal" && /^"(?:[^"\\]|\\.)*"$/s.test(args))) return [];
  return [edit(input, dot, close + 1, "")];
};
var renameShadowingLifetime = (input) => {
  const lt = input.params.lifetime?.trim() ?? "";
  if (!/^'[a-z_]\w*$/.test(lt) || lt === "'static" || lt === "'_") return [];
  const p = primary(input);
  if (!p || textOf(input, p) !== lt) return [];
  const { src } = input;
  const fn = scopesAt(src, p.start).find((s) => s.keyword === "fn" && s.generics !== null && s.generics[0] < p.start && p.start < s.generics[1]);
  if (!fn) return [];
  const region = src.masked.slice(fn.start, fn.end + 1);
  const name = lt.slice(1);
  const decls = [...region.matchAll(new RegExp(`(?:[<,]|\\bfor\\s*<)\\s*'${name}\\b(?!')`, "g"))];
  if (decls.length !== 1 || /\bfor\s*</.test(region)) return [];
  const fresh = freshLifetime(src.masked);
  const out = [];
  for (const m of region.matchAll(new RegExp(`'${name}\\b(?!')`, "g"))) {
    const at = fn.start + (m.index ?? 0);
    out.push(edit(input, at, at + lt.length, fresh));
  }
  return out;
};
var STD_MODULES = {
  "": ["alloc", "any", "arch", "array", "ascii", "backtrace", "borrow", "boxed", "cell", "char", "clone", "cmp", "collections", "convert", "default", "env", "error", "f32", "f64", "ffi", "fmt", "fs", "future", "hash", "hint", "i8", "i16", "i32", "i64", "i128", "io", "isize", "iter", "marker", "mem", "net", "num", "ops", "option", "os", "panic", "path", "pin", "prelude", "primitive", "process", "ptr", "rc", "result", "slice", "str", "string", "sync", "task", "thread", "time", "u8", "u16", "u32", "u64", "u128", "usize", "vec"],
  collections: ["binary_heap", "btree_map", "btree_set", "hash_map", "hash_set", "linked_list", "vec_deque"],
  sync: ["atomic", "mpsc"],
  os: ["fd", "raw", "unix", "windows", "linux", "wasi"],
  io: ["prelude"]
};
function isCrateRootFile(file) {
  return /^(?:lib|main)\.rs$|(?:^|\/)(?:src\/(?:lib|main)\.rs|src\/bin\/[^/]+\.rs|(?:tests|examples|benches)\/[^/]+\.rs|build\.rs)$/.test(file);
}
function pathItemNames(src, open, close) {
  const depth = src.braceDepth(open + 1);
  const body = src.masked.slice(open + 1, close);
  const names = [];
  const add = (re, group) => {
    for (const m of body.matchAll(re)) {
      if (src.braceDepth(open + 1 + (m.index ?? 0)) === depth) names.push(m[group] ?? "");
    }
  };
  add(/\b(?:mod|enum)\s+([A-Za-z_]\w*)/g, 1);
  add(/\buse\s[^;]*?\bas\s+([A-Za-z_]\w*)\s*;/g, 1);
  add(/\buse\s+(?:[\w]+::)+([A-Za-z_]\w*)\s*;/g, 1);
  return names.filter((n) => n !== "" && n !== "_");
}
var fixPathSegment = (input) => {
  const seg = input.params.segment?.trim() ?? "";
  const label = input.params.parent?.trim() ?? "";
  const p = primary(input);
  if (!p || !isIdent(seg) || textOf(input, p) !== seg) return [];
  const { src } = input;
  const imported = /^unresolved import `((?:[A-Za-z_]\w*::)+)([A-Za-z_]\w*)`$/.exec(input.diagnostic.message);
  const written = /((?:[A-Za-z_]\w*\s*::\s*)+)$/.exec(src.masked.slice(Math.max(0, p.start - 300), p.start));
  const parentPath = imported && imported[2] === seg ? imported[1] : written ? written[1] : null;
  let segs = parentPath !== null && parentPath !== void 0 ? parentPath.split("::").map((s) => s.trim()).filter((s) => s !== "") : label === "" ? [] : label.split("::");
  if (segs.length === 0) segs = ["crate"];
  let names = [];
  if (segs[0] === "std" || segs[0] === "core" || segs[0] === "alloc") {
    if (segs.length > 2) return [];
    names = [...STD_MODULES[segs[1] ?? ""] ?? []];
  } else {
    const mods = inlineModules(src);
    const here = moduleAt(src, p.start);
    const bodyOf = (m) => m ? [m.open, m.close] : [-1, src.text.length];
    const childOf = (parent, name) => {
      const [o, c] = bodyOf(parent);
      return mods.find((md) => md.name === name && md.open > o && md.close < c && src.braceDepth(md.open) === src.braceDepth(o + 1)) ?? null;
    };
    const starts = [];
    if (segs[0] === "crate") {
      if (!isCrateRootFile(input.file)) return [];
      starts.push(null);
      segs = segs.slice(1);
    } else if (segs[0] === "self") {
      starts.push(here);
      segs = segs.slice(1);
    } else {
      starts.push(here);
      if (isCrateRootFile(input.file) && here !== null) starts.push(null);
    }
    for (const start of starts) {
      let cur = start;
      let ok = true;
      for (const s of segs) {
        const next = childOf(cur, s);
        if (!next) {
          ok = false;
          break;
        }
        cur = next;
      }
      if (!ok) continue;
      const [o, c] = bodyOf(cur);
      names.push(...pathItemNames(src, o, c));
    }
  }
  if (names.includes(seg)) return [];
  const scored = [...new Set(names)].map((n) => [n, editDistance(seg, n, { transpositions: true })]).filter(([, dist]) => dist <= 2 && dist < seg.length);
  const best = Math.min(...scored.map(([, dist]) => dist));
  const closest = scored.filter(([, dist]) => dist === best);
  if (closest.length !== 1) return [];
  return [edit(input, p.start, p.end, closest[0]?.[0] ?? seg)];
};
var appendCall = (input) => {
  const call = input.params.call?.trim() ?? "";
  if (!/^(?:\.[a-z_]\w*\((?:[A-Za-z_][\w:]*)?\))+$/.test(call)) return [];
  return targets(input).flatMap((r) => appendPostfix(input, r, call));
};
var wrapCall = (input) => {
  const full = input.params.path?.trim() ?? "";
  let callee;
  if (/^(?:[iu](?:8|16|32|64|128|size)|f32|f64|char)::from$/.test(full)) callee = full;
  else {
    const m = /^((?:[a-z_]\w*::)+)([A-Z]\w*)::([a-z_]\w*)$/.exec(full);
    if (!m) return [];
    const [, mod, type, fn] = m;
    const modPath = mod.slice(0, -2).replace(/:/g, "\\:");
    const imported = new RegExp(`\\buse\\s+${modPath}::(?:${type}\\s*;|\\{[^}]*\\b${type}\\b(?!\\s+as)[^}]*\\})`).test(input.src.masked);
    callee = imported ? `${type}::${fn}` : full;
  }
  return targets(input).flatMap((r) => {
    const text = textOf(input, r);
    if (text.trim() === "" || inPattern(input.src, r)) return [];
    if (isIdent(text) && isShorthandField(input.src, r)) return [edit(input, r.start, r.end, `${text}: ${callee}(${text})`)];
    return [edit(input, r.start, r.start, `${callee}(`), edit(input, r.end, r.end, ")")];
  });
};
var castToMethod = (input) => {
  const method = input.params.method?.trim() ?? "";
  const type = input.params.type?.trim() ?? "";
  const p = primary(input);
  if (!p || !/^[a-z_]\w*$/.test(method) || !isIdent(type)) return [];
  const masked = input.src.masked.slice(p.start, p.end);
  const m = new RegExp(`\\s+as\\s+${type}$`).exec(masked);
  if (!m) return [];
  const operand = { start: p.start, end: p.start + m.index };
  const text = textOf(input, operand).trim();
  if (text === "" || /\bas\s*$/.test(text)) return [];
  if (method === "from") return [edit(input, operand.start, operand.start, `${type}::from(`), edit(input, operand.end, p.end, ")")];
  return isPostfixSafe(text) ? [edit(input, operand.end, p.end, `.${method}()`)] : [edit(input, operand.start, operand.start, "("), edit(input, operand.end, p.end, `).${method}()`)];
};
function staticItems(src) {
  const out = [];
  for (const m of src.masked.matchAll(/\bstatic\s+(?!mut\b)[A-Za-z_]\w*\s*:/g)) {
    const depth = src.braceDepth(m.index ?? 0);
    const typeStart = src.skipSpace((m.index ?? 0) + m[0].length);
    let i = typeStart;
    let angle = 0;
    while (i < src.masked.length && !(src.masked[i] === "=" && angle === 0)) {
      const ch = src.masked[i];
      if (ch === "<") angle++;
      else if (ch === ">" && src.masked[i - 1] !== "-") angle--;
      else if (ch === "(" || ch === "[" || ch === "{") i = src.closeOf(i);
      else if (ch === ";") break;
      if (i < 0) break;
      i++;
    }
    if (i < 0 || src.masked[i] !== "=") continue;
    const typeEnd = src.skipSpaceBack(i);
    const initStart = src.skipSpace(i + 1);
    let j = initStart;
    while (j < src.masked.length && src.masked[j] !== ";") {
      const ch = src.masked[j];
      if (ch === "(" || ch === "[" || ch === "{") j = src.closeOf(j);
      if (j < 0) break;
      j++;
    }
    if (j < 0 || src.braceDepth(j) !== depth) continue;
    out.push({ type: { start: typeStart, end: typeEnd }, init: { start: initStart, end: src.skipSpaceBack(j) } });
  }
  return out;
}
var lazyStatic = (input) => {
  const p = primary(input);
  if (!p) return [];
  const { src } = input;
  const item = staticItems(src).find((s) => s.init.start <= p.start && p.end <= s.init.end);
  if (!item) return [];
  const type = textOf(input, item.type);
  if (/\bLazyLock\b|\bOnceLock\b/.test(type) || /\bLazyLock\b/.test(textOf(input, item.init))) return [];
  const imported = /\buse\s+std::sync::(?:LazyLock\s*;|\{[^}]*\bLazyLock\b(?!\s+as)[^}]*\})/.test(src.masked);
  const lazy = imported ? "LazyLock" : "std::sync::LazyLock";
  return [
    edit(input, item.type.start, item.type.start, `${lazy}<`),
    edit(input, item.type.end, item.type.end, ">"),
    edit(input, item.init.start, item.init.start, `${lazy}::new(|| `),
    edit(input, item.init.end, item.init.end, ")")
  ];
};
var emptyStringNew = (input) => {
  const p = primary(input);
  if (!p) return [];
  const { src } = input;
  const text = src.text.slice(p.start, p.end);
  if (/^String\s*::\s*from\s*\(\s*""\s*\)$/.test(text)) return [edit(input, p.start, p.end, "String::new()")];
  const m = /^(?:to_string|to_owned|into)\s*\(\s*\)$/.exec(text);
  if (!m) return [];
  const dot = src.skipSpaceBack(p.start) - 1;
  if (src.masked[dot] !== ".") return [];
  const lit = src.skipSpaceBack(dot);
  if (src.text.slice(lit - 2, lit) !== '""' || /[\w"#]/.test(src.text[lit - 3] ?? "")) return [];
  return [edit(input, lit - 2, p.end, "String::new()")];
};
var ownedStringBinding = (input) => {
  const { src } = input;
  const target = input.matched.map((s) => rangeOf(input, s)).find((r) => r !== null);
  if (!target) return [];
  const name = textOf(input, target);
  if (!isIdent(name)) return [];
  const fn = scopesAt(src, target.start).find((s) => s.keyword === "fn");
  if (!fn) return [];
  const body = src.masked.slice(fn.headerEnd, target.start);
  const decl = new RegExp(`\\blet\\s+(mut\\s+)?${name}\\b\\s*(:)?`, "g");
  let last = null;
  for (let m = decl.exec(body); m; m = decl.exec(body)) last = m;
  if (!last || last[1] === void 0 || last[2] !== void 0) return [];
  const eq = src.skipSpace(fn.headerEnd + last.index + last[0].length);
  if (src.masked[eq] !== "=") return [];
  const litStart = src.skipSpace(eq + 1);
  const semi = src.masked.indexOf(";", litStart);
  if (semi < 0) return [];
  const lit = src.text.slice(litStart, src.skipSpaceBack(semi));
  if (!/^"(?:[^"\\]|\\.)*"$/s.test(lit)) return [];
  const litEnd = litStart + lit.length;
  return [edit(input, litStart, litEnd, lit === '""' ? "String::new()" : `String::from(${lit})`)];
};
var charOperandToStr = (input) => {
  const p = primary(input);
  if (!p || !/^[!=]=$/.test(textOf(input, p))) return [];
  const { src } = input;
  const at = src.skipSpace(p.end);
  const m = /^'(\\'|\\?[^'\\]|\\u\{[0-9a-fA-F]{1,6}\})'/u.exec(src.text.slice(at, at + 12));
  if (!m) return [];
  const end = at + m[0].length;
  if (!/^\s*(?:$|[),;{}\]]|&&|\|\||=>)/.test(src.masked.slice(end, end + 40))) return [];
  const body = m[1] ?? "";
  const inner = body === "\\'" ? "'" : body === '"' ? '\\"' : body;
  return [edit(input, at, end, `"${inner}"`)];
};
var fromOperand = (input) => {
  const to = input.params.to?.trim() ?? "";
  if (!/^(?:[iu](?:8|16|32|64|128|size)|f32|f64)$/.test(to)) return [];
  const p = primary(input);
  if (!p || !/^[-+*/]=?$/.test(textOf(input, p))) return [];
  const { src } = input;
  const at = src.skipSpace(p.end);
  if (src.masked[at] === "(") {
    const close = src.closeOf(at);
    if (close < 0) return [];
    return [edit(input, at, at, `${to}::from`)];
  }
  const m = /^[a-z_]\w*(?:\.[a-z_]\w*)*/.exec(src.masked.slice(at, at + 200));
  if (!m) return [];
  const end = at + m[0].length;
  if (/^\s*(?:[([.?]|as\b)/.test(src.masked.slice(end, end + 4))) return [];
  return [edit(input, at, at, `${to}::from(`), edit(input, end, end, ")")];
};
var formatMacro = (input) => {
  const p = primary(input);
  if (!p || textOf(input, p) !== "format") return [];
  const { src } = input;
  const open = src.skipSpace(p.end);
  if (src.masked[open] !== "(") return [];
  const close = src.closeOf(open);
  if (close < 0) return [];
  const path = /String\s*::\s*$/.exec(src.masked.slice(Math.max(0, p.start - 20), p.start));
  if (path) {
    const start = p.start - path[0].length;
    if (/[\w:]/.test(src.masked[start - 1] ?? "")) return [];
    return [edit(input, start, p.end, "format!")];
  }
  const dot = src.skipSpaceBack(p.start) - 1;
  if (src.masked[dot] !== ".") return [];
  const litEnd = src.skipSpaceBack(dot);
  if (src.masked[litEnd - 1] !== '"') return [];
  const litStart = src.masked.lastIndexOf('"', litEnd - 2);
  if (litStart < 0 || /[\w#]/.test(src.masked[litStart - 1] ?? "")) return [];
  const lit = src.text.slice(litStart, litEnd);
  if (!/^"(?:[^"\\]|\\.)*"$/s.test(lit)) return [];
  const args = src.text.slice(open + 1, close).trim();
  return [edit(input, litStart, close + 1, `format!(${lit}${args === "" ? "" : `, ${args}`})`)];
};
var OWNER_FILES = { string: /(?:^|\/)alloc\/src\/string\.rs$/, vec: /(?:^|\/)alloc\/src\/vec\/mod\.rs$/ };
var renameCall = (input) => {
  const from = input.params.from?.trim() ?? "";
  const to = input.params.to?.trim() ?? "";
  if (!isIdent(from) || !isIdent(to)) return [];
  const { src } = input;
  const method = input.matched.map((s) => rangeOf(input, s)).find((r) => r !== null && textOf(input, r) === from);
  const arg = primary(input);
  if (!method || !arg || src.masked[src.skipSpaceBack(method.start) - 1] !== ".") return [];
  const owner = OWNER_FILES[input.params.owner ?? ""];
  if (!owner || !(input.diagnostic.noteSpans ?? []).some((n) => n.label === "method defined here" && owner.test(n.file))) return [];
  const open = src.skipSpace(method.end);
  if (src.masked[open] !== "(" || src.skipSpace(open + 1) !== arg.start || src.skipSpace(arg.end) !== src.closeOf(open)) return [];
  const edits = [edit(input, method.start, method.end, to)];
  if (input.params.borrow === "true") edits.push(...prefixExpr(input, arg, "&"));
  return edits;
};
var replaceMethod = (input) => {
  const from = input.params.from?.trim() ?? "";
  const to = input.params.to?.trim() ?? "";
  if (!isIdent(from) || !/^[a-z_]\w*(?:::<[\w<>_, ]+>)?$/.test(to)) return [];
  const p = primary(input);
  if (!p || textOf(input, p) !== from) return [];
  const { src } = input;
  if (src.masked[src.skipSpaceBack(p.start) - 1] !== ".") return [];
  const open = src.skipSpace(p.end);
  if (src.masked[open] !== "(" || src.masked.slice(open + 1, src.closeOf(open)).trim() !== "") return [];
  return [edit(input, p.start, p.end, to)];
};
function noteRange(input, re) {
  const s = (input.diagnostic.noteSpans ?? []).find((n) => re.test(n.label ?? ""));
  return s ? rangeOf(input, s) : null;
}
function labelledRange(input, re) {
  const s = input.diagnostic.spans.find((n) => re.test(n.label ?? ""));
  return s ? rangeOf(input, s) : null;
}
function inInherentImpl(src, i) {
  const impl = scopesAt(src, i).find((s) => s.keyword === "impl");
  if (!impl) return false;
  return !/\bfor\b/.test(src.masked.slice(impl.generics ? impl.generics[1] + 1 : impl.start + 4, impl.headerEnd));
}
var borrowReceiverAtDefinition = (input) => {
  const r = noteRange(input, /takes ownership of the receiver `self`/);
  if (!r || textOf(input, r) !== "self") return [];
  const { src } = input;
  const before = src.masked.slice(Math.max(0, r.start - 8), r.start);
  if (/(?:\bmut\s+|&\s*)$/.test(before) || src.masked[src.skipSpace(r.end)] === ":") return [];
  if (src.masked[src.skipSpaceBack(r.start) - 1] !== "(") return [];
  if (/\bfn\s+into_\w*\s*(?:<[^(]*>)?\s*\($/.test(src.masked.slice(Math.max(0, r.start - 120), src.skipSpaceBack(r.start)))) return [];
  if (!inInherentImpl(src, r.start)) return [];
  const impl = scopesAt(src, r.start).find((s) => s.keyword === "impl");
  const selfType = impl ? /([A-Za-z_]\w*)\s*(?:<[^{]*)?$/.exec(src.masked.slice(impl.generics ? impl.generics[1] + 1 : impl.start + 4, impl.headerEnd).trim())?.[1] : void 0;
  if (!selfType || new RegExp(`\\bimpl\\b[^{;]*\\bDrop\\s+for\\s+${selfType}\\b`).test(src.masked)) return [];
  return [edit(input, r.start, r.start, "&")];
};
function deriveListAbove(src, kw) {
  const vis = /(?:\bpub\s*(?:\([^)]*\))?\s*)$/.exec(src.masked.slice(Math.max(0, kw - 30), kw));
  let at = src.skipSpaceBack(kw - (vis ? vis[0].length : 0));
  while (at > 0 && src.masked[at - 1] === "]") {
    const pair = src.pairs().find((q) => q.kind === "[" && q.close === at - 1);
    if (!pair || src.masked[pair.open - 1] !== "#") return null;
    const d = /^\[\s*derive\s*\(/.exec(src.masked.slice(pair.open, pair.close));
    if (d) {
      const open = pair.open + d[0].length - 1;
      const close = src.closeOf(open);
      return close > 0 ? [open, close] : null;
    }
    at = src.skipSpaceBack(pair.open - 1);
  }
  return null;
}
function removeFromDerive(input, list, name) {
  const { src } = input;
  const pieces = splitTopLevel(src.masked.slice(list[0] + 1, list[1]));
  const entries = pieces.map(([off, p]) => ({ start: list[0] + 1 + off, text: p })).filter((p) => p.text.trim() !== "");
  const k = entries.findIndex((p) => (p.text.trim().split("::").pop() ?? "") === name);
  if (k < 0) return [];
  if (entries.length === 1) {
    const hash = src.masked.lastIndexOf("#", list[0]);
    const close = src.closeOf(hash + 1);
    if (hash < 0 || close < 0) return [];
    const lineStart = src.lineStart(hash);
    const onlyThere = src.masked.slice(lineStart, hash).trim() === "" && src.masked[close + 1] === "\n";
    return onlyThere ? [edit(input, lineStart, close + 2, "")] : [edit(input, hash, src.skipSpace(close + 1), "")];
  }
  const entry = entries[k];
  const start = src.skipSpace(entry.start);
  const end = entry.start + entry.text.length;
  if (k < entries.length - 1) return [edit(input, start, src.skipSpace(end + 1), "")];
  const comma = src.masked.lastIndexOf(",", start);
  return [edit(input, comma, end, "")];
}
var removeDeriveTrait = (input) => {
  const p = primary(input);
  if (!p) return [];
  const { src } = input;
  const name = textOf(input, p);
  if (!isIdent(name)) return [];
  if (input.params.at === "primary") {
    const list2 = src.pairs().find((q) => q.kind === "(" && q.open < p.start && p.end <= q.close && /#\[\s*derive\s*$/.test(src.masked.slice(Math.max(0, q.open - 12), q.open)));
    if (!list2) return [];
    return removeFromDerive(input, [list2.open, list2.close], name);
  }
  const trait = input.params.trait?.trim() ?? "";
  if (!isIdent(trait)) return [];
  const kw = /\b(?:struct|enum|union)\s+$/.exec(src.masked.slice(Math.max(0, p.start - 20), p.start));
  if (!kw) return [];
  if (src.masked[src.skipSpace(p.end)] === "<") return [];
  const list = deriveListAbove(src, p.start - kw[0].length);
  return list ? removeFromDerive(input, list, trait) : [];
};
function fnParams(src, r) {
  const m = /\bfn\s+[A-Za-z_]\w*\s*(?:<[^(]*>\s*)?\(/.exec(src.masked.slice(r.start, r.end + 1));
  if (!m) return null;
  const open = r.start + m.index + m[0].length - 1;
  const close = src.closeOf(open);
  return close > 0 ? [open, close] : null;
}
var addReceiver = (input) => {
  const receiver = input.params.receiver?.trim() ?? "";
  if (!/^(?:&(?:'[a-z_]\w*\s+)?(?:mut\s+)?)?self$/.test(receiver)) return [];
  const p = primary(input);
  if (!p) return [];
  const params = fnParams(input.src, p);
  if (!params) return [];
  const inner = input.src.masked.slice(params[0] + 1, params[1]);
  if (/\bself\b/.test(inner)) return [];
  return [edit(input, params[0] + 1, params[0] + 1, inner.trim() === "" ? receiver : `${receiver}, `)];
};
var removeReceiver = (input) => {
  const p = primary(input);
  if (!p) return [];
  const { src } = input;
  const params = fnParams(src, p);
  if (!params) return [];
  const first = splitTopLevel(src.masked.slice(params[0] + 1, params[1]))[0];
  if (!first || !/^\s*(?:&(?:'[a-z_]\w*\s+)?(?:mut\s+)?|mut\s+)?self\s*$/.test(first[1])) return [];
  const start = params[0] + 1;
  const end = start + first[1].length;
  const next = src.masked[end] === "," ? src.skipSpace(end + 1) : end;
  return [edit(input, start, next, "")];
};
function squash(s) {
  return s.replace(/\s+/g, " ").replace(/\s*([<>(),&:])\s*/g, "$1").trim();
}
var paramsFromTrait = (input) => {
  const p = primary(input);
  const t = labelledRange(input, /^trait requires \d+ parameters?$/);
  if (!p || !t) return [];
  const { src } = input;
  const types = (pieces) => pieces.map((x) => /\bself$/.test(x.trim()) ? squash(x) : squash(x.slice(x.indexOf(":") + 1)));
  const implPieces = splitTopLevel(src.masked.slice(p.start, p.end)).map(([, x]) => x).filter((x) => x.trim() !== "");
  const traitPieces = splitTopLevel(src.text.slice(t.start, t.end)).map(([, x]) => x).filter((x) => x.trim() !== "");
  if (implPieces.length >= traitPieces.length) return [];
  const ti = types(traitPieces);
  if (types(implPieces).some((ty, k) => ty !== ti[k])) return [];
  const extra = [];
  for (const piece of traitPieces.slice(implPieces.length)) {
    const m = /^\s*(?:mut\s+)?([A-Za-z_]\w*)\s*:\s*([\s\S]+?)\s*$/.exec(piece);
    if (!m || /\bself\b/.test(piece)) return [];
    const name = m[1] === "_" || (m[1] ?? "").startsWith("_") ? m[1] ?? "_" : `_${m[1] ?? ""}`;
    extra.push(`${name}: ${m[2] ?? ""}`);
  }
  const sep = implPieces.length === 0 ? "" : ", ";
  const end = src.skipSpaceBack(p.end);
  return [edit(input, end, end, `${sep}${extra.join(", ")}`)];
};
var implGenericsFromDefinition = (input) => {
  const p = primary(input);
  if (!p) return [];
  const { src } = input;
  const name = textOf(input, p);
  if (!isIdent(name) || src.masked[src.skipSpace(p.end)] === "<") return [];
  const impl = scopesAt(src, p.start).find((s) => s.keyword === "impl");
  if (!impl || p.end > impl.headerEnd || impl.generics) return [];
  if (!/^impl\s/.test(src.masked.slice(impl.start, impl.start + 5))) return [];
  const defs2 = itemScopes(src).filter((s) => (s.keyword === "struct" || s.keyword === "enum" || s.keyword === "union") && s.name === name);
  if (defs2.length !== 1) return [];
  const g = defs2[0]?.generics;
  if (!g) return [];
  const decl = [];
  const args = [];
  for (const [, piece] of splitTopLevel(src.text.slice(g[0] + 1, g[1]))) {
    const text = piece.trim();
    if (text === "") continue;
    const noDefault = splitTopLevel(text, "=")[0]?.[1].trim() ?? "";
    const m = /^(?:const\s+)?('?[A-Za-z_]\w*)/.exec(noDefault);
    if (!m) return [];
    decl.push(noDefault);
    args.push(m[1] ?? "");
  }
  if (args.length === 0) return [];
  const implKw = impl.start + 4;
  return [edit(input, implKw, implKw, `<${decl.join(", ")}>`), edit(input, p.end, p.end, `<${args.join(", ")}>`)];
};
var debugPlaceholder = (input) => {
  const r = labelledRange(input, /^required by this formatting parameter$/);
  if (!r) return [];
  const text = textOf(input, r);
  const m = /^\{([A-Za-z_]\w*|\d+)?(?::([^}]*))?\}$/.exec(text);
  if (!m) return [];
  const spec = m[2];
  if (spec === void 0) return [edit(input, r.end - 1, r.end - 1, ":?")];
  if (/[?xXeEobp]$/.test(spec)) return [];
  return [edit(input, r.end - 1, r.end - 1, "?")];
};
var removeUnusedImplParam = (input) => {
  const p = primary(input);
  if (!p) return [];
  const { src } = input;
  const name = textOf(input, p);
  if (!/^[A-Z]\w*$/.test(name)) return [];
  const impl = scopesAt(src, p.start).find((s) => s.keyword === "impl");
  if (!impl?.generics || p.start < impl.generics[0] || p.end > impl.generics[1]) return [];
  const [open, close] = impl.generics;
  const uses = [...src.masked.slice(close + 1, impl.end).matchAll(new RegExp(`(?<![\\w'])${name}(?!\\w)`, "g"))];
  if (uses.length > 0) return [];
  const pieces = splitTopLevel(src.masked.slice(open + 1, close)).filter(([, x]) => x.trim() !== "");
  const k = pieces.findIndex(([off2, x]) => open + 1 + off2 + x.indexOf(x.trim()) === p.start);
  if (k < 0) return [];
  if (pieces.some(([, x], j) => j !== k && new RegExp(`(?<![\\w'])${name}(?!\\w)`).test(x))) return [];
  if (pieces.length === 1) return [edit(input, open, close + 1, "")];
  const [off, piece] = pieces[k];
  const start = open + 1 + off;
  const end = start + piece.length;
  if (k < pieces.length - 1) return [edit(input, src.skipSpace(start), src.skipSpace(end + 1), "")];
  return [edit(input, start - 1, end, "")];
};
function statementEnd(src, from, limit) {
  for (let i = from; i < limit; i++) {
    const ch = src.masked[i];
    if (ch === "(" || ch === "[" || ch === "{") {
      const close = src.closeOf(i);
      if (close < 0) return -1;
      i = close;
    } else if (ch === ";") return i;
  }
  return -1;
}
function isBareBlock(src, open) {
  const before = src.masked[src.skipSpaceBack(open) - 1];
  return before === ";" || before === "{" || before === "}";
}
var hoistBorrowedLocal = (input) => {
  const decl = labelledRange(input, /^binding `\w+` declared here$/);
  const dropped = labelledRange(input, /^`\w+` dropped here while still borrowed$/);
  if (!decl || !dropped) return [];
  const { src } = input;
  const name = textOf(input, decl);
  if (!isIdent(name)) return [];
  const head = /\blet\s+(?:mut\s+)?$/.exec(src.masked.slice(Math.max(0, decl.start - 12), decl.start));
  if (!head) return [];
  const letAt = decl.start - head[0].length;
  const block = src.enclosingBraces(letAt)[0];
  if (!block || block.close !== dropped.start || src.skipSpace(block.open + 1) !== letAt || !isBareBlock(src, block.open)) return [];
  const outer = src.enclosingBraces(block.open)[0];
  if (!outer) return [];
  const nameRe = new RegExp(`(?<![\\w'])${name}(?!\\w)`);
  if (nameRe.test(src.masked.slice(outer.open + 1, block.open)) || nameRe.test(src.masked.slice(block.close + 1, outer.close))) return [];
  const end = statementEnd(src, decl.end, block.close);
  if (end < 0) return [];
  const stmt = src.text.slice(letAt, end + 1);
  return [edit(input, block.open, block.open, `${stmt}
${src.indentAt(block.open)}`), edit(input, letAt, src.skipSpace(end + 1), "")];
};
var innerFnToClosure = (input) => {
  const p = primary(input);
  if (!p) return [];
  const { src } = input;
  const fns = scopesAt(src, p.start).filter((s) => s.keyword === "fn");
  const inner = fns[0];
  const outerFn = fns[1];
  if (!inner || !outerFn || inner.generics || src.masked[inner.headerEnd] !== "{") return [];
  if (!isBareBlock(src, inner.start)) return [];
  const m = /^fn\s+([a-z_]\w*)\s*\(/.exec(src.masked.slice(inner.start, inner.headerEnd));
  if (!m) return [];
  const name = m[1] ?? "";
  const open = inner.start + m[0].length - 1;
  const close = src.closeOf(open);
  if (close < 0 || close > inner.headerEnd) return [];
  const params = src.text.slice(open + 1, close).trim();
  if (/\bself\b/.test(params)) return [];
  const ret = src.text.slice(close + 1, inner.headerEnd).trim();
  if (ret !== "" && !/^->\s*[^{]+$/.test(ret)) return [];
  if (/\b(?:where|impl)\b/.test(ret)) return [];
  const nameRe = new RegExp(`(?<![\\w.:])${name}(?!\\w)`);
  if (nameRe.test(src.masked.slice(inner.headerEnd, inner.end))) return [];
  const outerBody = src.enclosingBraces(inner.start)[0];
  if (!outerBody || nameRe.test(src.masked.slice(outerBody.open + 1, inner.start))) return [];
  const head = `let ${name} = |${params}|${ret === "" ? "" : ` ${ret}`} `;
  return [edit(input, inner.start, inner.headerEnd, head), edit(input, inner.end + 1, inner.end + 1, ";")];
};
var addLifetimeBound = (input) => {
  const m = /^('[a-z_]\w*): ('[a-z_]\w*)$/.exec(input.params.bound?.trim() ?? "");
  const p = primary(input);
  if (!m || !p) return [];
  const [, short, long] = m;
  const { src } = input;
  for (const scope of scopesAt(src, p.start)) {
    if (!scope.generics || scope.keyword !== "fn" && scope.keyword !== "impl") continue;
    const [open, close] = scope.generics;
    for (const [off, piece] of splitTopLevel(src.masked.slice(open + 1, close))) {
      const d = new RegExp(`^\\s*${short}(?!\\w)(\\s*:\\s*[^,]*)?\\s*$`).exec(piece);
      if (!d) continue;
      if (d[1] !== void 0 && new RegExp(`${long}(?!\\w)`).test(d[1])) return [];
      const at = open + 1 + off + piece.trimEnd().length;
      return [edit(input, at, at, d[1] === void 0 ? `: ${long}` : ` + ${long}`)];
    }
  }
  return [];
};
var cloneAtNote = (input) => {
  let re;
  try {
    re = new RegExp(input.params.note ?? "^$");
  } catch {
    return [];
  }
  const r = noteRange(input, re);
  return r ? appendPostfix(input, r, ".clone()") : [];
};
var addDeriveCovering = (input) => {
  const list = (input.params.traits ?? "").split(",").map((t) => t.trim()).filter((t) => t !== "");
  if (list.length === 0 || list.some((t) => DERIVABLE[t] === void 0)) return [];
  const top = list.find((t) => list.every((u) => u === t || (DERIVABLE[t] ?? []).includes(u)));
  return top ? addDerive({ ...input, params: { ...input.params, trait: top } }) : [];
};
var takeOptionPlace = (input) => {
  const p = primary(input);
  if (!p) return [];
  const { src } = input;
  const text = textOf(input, p);
  if (!/^(?:self|[a-z_]\w*)(?:\.[a-z_]\w*)+$/.test(text)) return [];
  const before = src.masked.slice(Math.max(0, p.start - 200), p.start);
  const after = src.masked[src.skipSpace(p.end)];
  const letInit2 = /\blet\s+(?:mut\s+)?[a-z_]\w*\s*(?::[^=;{}]+)?=\s*$/.test(before) && after === ";";
  const returned = /\breturn\s+$/.test(before) && (after === ";" || after === "}");
  const tail = /[;{]\s*$/.test(before) && after === "}" && scopesAt(src, p.start)[0]?.keyword === "fn" && src.enclosingBraces(p.start)[0]?.close === scopesAt(src, p.start)[0]?.end;
  if (!letInit2 && !returned && !tail) return [];
  return [edit(input, p.end, p.end, ".take()")];
};
var ACTIONS = {
  insert_use: insertUse,
  add_bound: addBound,
  add_move_to_closure: addMoveToClosure,
  add_mut_to_binding: addMutToBinding,
  borrow_at_span: borrowAtSpan,
  clone_at_span: cloneAtSpan,
  to_owned_at_span: toOwnedAtSpan,
  into_at_span: intoAtSpan,
  deref_at_span: derefAtSpan,
  ref_binding: refBinding,
  missing_match_arms: missingMatchArms,
  missing_struct_fields: missingStructFields,
  make_pub: makePub,
  add_lifetime: addLifetime,
  remove_semicolon: removeSemicolon,
  replace_primary: replacePrimary,
  rename_declaration: renameDeclaration,
  hoist_temporary: hoistTemporary,
  insert_method_call: insertMethodCall,
  append_method_call: appendMethodCall,
  call_method: callMethod,
  remove_prefix: removePrefix,
  remove_arguments: removeArguments,
  remove_mut: removeMut,
  make_field_pub: makeFieldPub,
  declare_generic: declareGeneric,
  add_derive: addDerive,
  mut_ref_binding: mutRefBinding,
  add_return_type: addReturnType,
  add_semicolon: addSemicolon,
  lifetime_on_param: lifetimeOnParam,
  wrap_expr: wrapExpr,
  call_value: callValue,
  char_to_str: charToStr,
  make_async: makeAsync,
  replace_type: replaceType,
  add_rest_pattern: addRestPattern,
  clone_into_closure: cloneIntoClosure,
  insert_before_try: insertBeforeTry,
  append_unit_tail: appendUnitTail,
  convert_lossless: convertLossless,
  remove_method_call: removeMethodCall,
  map_lossless_before_call: mapLosslessBeforeCall,
  accessor_to_mut: accessorToMut,
  rename_shadowing_lifetime: renameShadowingLifetime,
  // Ownership, trait-impl signatures and derives (2026-12-05).
  borrow_receiver_at_definition: borrowReceiverAtDefinition,
  remove_derive_trait: removeDeriveTrait,
  add_receiver: addReceiver,
  remove_receiver: removeReceiver,
  params_from_trait: paramsFromTrait,
  impl_generics_from_definition: implGenericsFromDefinition,
  debug_placeholder: debugPlaceholder,
  remove_unused_impl_param: removeUnusedImplParam,
  hoist_borrowed_local: hoistBorrowedLocal,
  inner_fn_to_closure: innerFnToClosure,
  add_lifetime_bound: addLifetimeBound,
  clone_at_note: cloneAtNote,
  add_derive_covering: addDeriveCovering,
  fix_path_segment: fixPathSegment,
  append_call: appendCall,
  wrap_call: wrapCall,
  cast_to_method: castToMethod,
  lazy_static: lazyStatic,
  empty_string_new: emptyStringNew,
  owned_string_binding: ownedStringBinding,
  char_operand_to_str: charOperandToStr,
  from_operand: fromOperand,
  format_macro: formatMacro,
  rename_call: renameCall,
  replace_method: replaceMethod,
  take_option_place: takeOptionPlace
};
var ACTION_NAMES = Object.keys(ACTIONS);

// src/core/patterns/match-arms.ts
function nameWords(name) {
  return name.match(/[A-Z]+(?![a-z])\d*|[A-Z]?[a-z]+\d*|\d+/g) ?? [name];
}
var cap = (w) => (w[0] ?? "").toUpperCase() + w.slice(1).toLowerCase();
var TRANSFORMS = {
  identity: (_w, n) => n,
  lower: (_w, n) => n.toLowerCase(),
  upper: (_w, n) => n.toUpperCase(),
  snake: (w) => w.map((x) => x.toLowerCase()).join("_"),
  kebab: (w) => w.map((x) => x.toLowerCase()).join("-"),
  screaming_snake: (w) => w.map((x) => x.toUpperCase()).join("_"),
  screaming_kebab: (w) => w.map((x) => x.toUpperCase()).join("-"),
  words: (w) => w.join(" "),
  lower_words: (w) => w.map((x) => x.toLowerCase()).join(" "),
  title_words: (w) => w.map(cap).join(" "),
  camel: (w) => w.map((x, i) => i === 0 ? x.toLowerCase() : cap(x)).join("")
};
function parseMissing(pats) {
  const out = [];
  for (const p of pats) {
    const m = /^&*(?:[A-Za-z_]\w*::)*([A-Z]\w*)(?:\(((?:\s*_\s*,)*\s*_\s*)\)|\s*(\{\s*\.\.\s*\}))?$/.exec(p.trim());
    if (!m) return null;
    out.push({ name: m[1], payload: m[3] ? "struct" : m[2] !== void 0 ? m[2].split(",").length : null });
  }
  return out;
}
function splitComma(text, masked) {
  const out = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < masked.length; i++) {
    const c = masked[i];
    if (c === "(" || c === "[" || c === "{") depth++;
    else if (c === ")" || c === "]" || c === "}") depth--;
    else if (c === "," && depth === 0) {
      out.push(text.slice(from, i).trim());
      from = i + 1;
    }
  }
  const last = text.slice(from).trim();
  if (last !== "") out.push(last);
  return out;
}
var BINDING = /^(?:ref\s+)?(?:mut\s+)?([a-z_]\w*)$/;
function parsePattern(pat) {
  const m = /^(&\s*)?((?:[A-Za-z_]\w*\s*::\s*)*)([A-Z]\w*)\s*([({][\s\S]*[)}])?$/.exec(pat);
  if (!m) return null;
  const ref = m[1] !== void 0;
  const prefix = (m[2] ?? "").replace(/\s+/g, "");
  const variant = m[3];
  const inner = m[4];
  const bindings = /* @__PURE__ */ new Map();
  if (inner === void 0) return { ref, prefix, variant, payload: null, bindings, patText: pat };
  const body = inner.slice(1, -1);
  const parts = splitComma(body, new RustText(body).masked);
  if (inner.startsWith("(")) {
    if (parts.length === 1 && parts[0] === "..") return { ref, prefix, variant, payload: { kind: "tuple", items: parts, rest: true }, bindings, patText: pat };
    for (const [i, s] of parts.entries()) {
      if (s === "_") continue;
      const b = BINDING.exec(s);
      if (!b) return null;
      bindings.set(b[1], `B${i}`);
    }
    return { ref, prefix, variant, payload: { kind: "tuple", items: parts, rest: false }, bindings, patText: pat };
  }
  const fields = [];
  let rest = false;
  for (const s of parts) {
    if (s === "..") {
      rest = true;
      continue;
    }
    const f = /^(?:ref\s+)?(?:mut\s+)?([a-z_]\w*)\s*(?::\s*(.+))?$/s.exec(s);
    if (!f) return null;
    const field = f[1];
    const sub = (f[2] ?? s).trim();
    if (sub === "_") {
      fields.push({ field, sub });
      continue;
    }
    const b = BINDING.exec(sub);
    if (!b) return null;
    bindings.set(b[1], `F${field}`);
    fields.push({ field, sub });
  }
  return { ref, prefix, variant, payload: { kind: "struct", fields, rest }, bindings, patText: pat };
}
function readArms(src, open, close) {
  const arms = [];
  let i = src.skipSpace(open + 1);
  while (i < close) {
    const arrow = src.masked.indexOf("=>", i);
    if (arrow < 0 || arrow > close) return null;
    const patMasked = src.masked.slice(i, arrow);
    if (/\bif\b|\||@|\.\.=|\d\s*\.\./.test(patMasked)) return null;
    let patText = patMasked.trim();
    const attrs = /^(?:#\[[^\]]*\]\s*)+/.exec(patText);
    if (attrs) patText = patText.slice(attrs[0].length);
    const parsed = parsePattern(patText);
    if (!parsed) return null;
    if (attrs) parsed.conditional = true;
    const b = src.skipSpace(arrow + 2);
    let bodyEnd;
    if (src.masked[b] === "{") {
      bodyEnd = src.closeOf(b) + 1;
      if (bodyEnd <= 0) return null;
    } else {
      bodyEnd = b;
      while (bodyEnd < close && src.masked[bodyEnd] !== ",") {
        const ch = src.masked[bodyEnd];
        bodyEnd = "([{".includes(ch) ? src.closeOf(bodyEnd) + 1 : bodyEnd + 1;
        if (bodyEnd <= 0) return null;
      }
    }
    if (src.masked.slice(b, bodyEnd).replace(/\{[^]*\}/g, "").includes("=>")) return null;
    arms.push({ ...parsed, body: src.text.slice(b, bodyEnd).trim(), end: bodyEnd });
    let n = src.skipSpace(bodyEnd);
    if (src.masked[n] === ",") n = src.skipSpace(n + 1);
    i = n;
  }
  return arms;
}
function tokens(body) {
  const masked = new RustText(body).masked;
  const out = [];
  let from = 0;
  for (let i = 0; i < body.length; i++) {
    if (masked[i] !== '"') continue;
    const close = masked.indexOf('"', i + 1);
    if (close < 0) break;
    out.push({ code: true, text: body.slice(from, i + 1) }, { code: false, text: body.slice(i + 1, close) });
    from = close;
    i = close;
  }
  out.push({ code: true, text: body.slice(from) });
  return out;
}
function normalise(arm, t) {
  const spelled = t === null ? null : TRANSFORMS[t](nameWords(arm.variant), arm.variant);
  return tokens(arm.body).map((tok) => {
    if (!tok.code) {
      const named = tok.text.replace(/\{([a-z_]\w*)(?=[:}])/g, (all, id) => arm.bindings.has(id) ? `{\u27E6${arm.bindings.get(id) ?? ""}\u27E7` : all);
      return spelled ? named.split(spelled).join("\u27E6S\u27E7") : named;
    }
    return tok.text.replace(/[A-Za-z_]\w*/g, (id) => id === arm.variant ? "\u27E6N\u27E7" : arm.bindings.has(id) ? `\u27E6${arm.bindings.get(id) ?? ""}\u27E7` : id).replace(/\s+/g, " ");
  }).join("");
}
function instantiate(arm, t, variant) {
  const from = t === null ? null : TRANSFORMS[t](nameWords(arm.variant), arm.variant);
  const to = t === null ? null : TRANSFORMS[t](nameWords(variant), variant);
  return tokens(arm.body).map((tok) => {
    if (!tok.code) return from !== null && to !== null ? tok.text.split(from).join(to) : tok.text;
    return tok.text.replace(/[A-Za-z_]\w*/g, (id) => id === arm.variant ? variant : id);
  }).join("");
}
function patternShape(arm) {
  const p = arm.payload;
  const head = `${arm.ref ? "&" : ""}${arm.prefix}`;
  if (p === null) return `${head}V`;
  if (p.kind === "tuple") return `${head}V(${p.items.map((s) => s === "_" ? "_" : s.replace(/[a-z_]\w*$/, "b")).join(",")})`;
  return `${head}V{${p.fields.map((f) => `${f.field}:${f.sub === "_" ? "_" : f.sub.replace(/[a-z_]\w*$/, "b")}`).join(",")}${p.rest ? ",.." : ""}}`;
}
function payloadOf(arm) {
  const p = arm.payload;
  return p === null ? null : p.kind === "tuple" ? p.rest ? "rest" : p.items.length : "struct";
}
function patternFor(arm, miss, wild) {
  const head = `${arm.ref ? "&" : ""}${arm.prefix}${miss.name}`;
  if (!wild) return `${head}${arm.patText.replace(/^&?\s*(?:[A-Za-z_]\w*\s*::\s*)*[A-Z]\w*/, "")}`;
  if (miss.payload === null) return head;
  if (miss.payload === "struct") return `${head} { .. }`;
  return `${head}(${Array.from({ length: miss.payload }, () => "_").join(", ")})`;
}
var hasHole = (s) => s.includes("\u27E6");
function armFor(all, miss, fields, kind) {
  const arms = all.filter((a) => !a.conditional);
  const groups = [];
  const same = arms.filter((a) => payloadOf(a) === miss.payload && patternShape(a) === patternShape(arms.find((b) => payloadOf(b) === miss.payload)));
  if (same.length >= 2 && same.length === arms.filter((a) => payloadOf(a) === miss.payload).length) groups.push({ peers: same, wild: false });
  groups.push({ peers: [...arms], wild: true });
  for (const g of groups) {
    if (g.peers.length < 2) continue;
    const texts = /* @__PURE__ */ new Set();
    for (const t of [null, ...Object.keys(TRANSFORMS)]) {
      const keys = g.peers.map((a) => normalise(a, t));
      const k0 = keys[0];
      if (!hasHole(k0) || keys.some((k) => k !== k0)) continue;
      if (kind === "name" !== /⟦[NS]⟧/.test(k0)) continue;
      if (g.wild && /⟦[BF]/.test(k0)) continue;
      const first = g.peers[0];
      let pattern = patternFor(first, miss, g.wild);
      if (!g.wild && first.payload?.kind === "struct" && fields !== null) {
        const used = first.payload.fields.map((f) => f.field);
        if (used.some((f) => !fields.includes(f))) continue;
        if (!first.payload.rest && used.length !== fields.length) pattern = pattern.replace(/\s*\}$/, `${used.length > 0 ? "," : ""} .. }`);
      }
      texts.add(`${pattern} => ${instantiate(first, t, miss.name)}`);
    }
    if (texts.size === 1) return [...texts][0];
    if (texts.size > 1) return null;
  }
  return null;
}
function variantFields(src, at, name) {
  const m = new RegExp(`\\b${name}\\s*\\{`, "g");
  m.lastIndex = at;
  const hit = m.exec(src.masked);
  if (!hit) return null;
  const open = hit.index + hit[0].length - 1;
  const close = src.closeOf(open);
  if (close < 0) return null;
  return splitComma(src.text.slice(open + 1, close), src.masked.slice(open + 1, close)).map((f) => /^(?:#\[[^\]]*\]\s*)*(?:pub(?:\([^)]*\))?\s+)?([a-z_]\w*)\s*:/.exec(f.replace(/\/\/[^\n]*\n/g, ""))?.[1] ?? "").filter((f) => f !== "");
}

// src/core/patterns/graph-actions.ts
async function textOf2(input, file) {
  const have = input.ctx.files.get(file);
  if (have !== void 0) return new RustText(have);
  const read = await input.ctx.lookup?.readFile(file).catch(() => void 0);
  return read === void 0 ? void 0 : new RustText(read);
}
function mk(file, src, start, end, replacement) {
  return { file, byteStart: src.byteOf(start), byteEnd: src.byteOf(end), replacement };
}
function lineIndex(src, line) {
  let at = 0;
  for (let l = 1; l < line; l++) {
    const nl = src.text.indexOf("\n", at);
    if (nl < 0) return src.text.length;
    at = nl + 1;
  }
  return at;
}
function crateDirOf(file) {
  const m = /^(.*?)(?:^|\/)(?:src|tests|examples|benches)\//.exec(file);
  return m ? m[1] ?? "" : "";
}
async function defs(input, name, kinds) {
  if (!input.ctx.lookup) return [];
  return input.ctx.lookup.definitions(name, kinds).catch(() => []);
}
var KIND_WORDS = {
  function: ["fn", "method"],
  "associated function": ["method", "fn"],
  method: ["method", "fn"],
  constant: ["const"],
  static: ["static"],
  struct: ["struct"],
  "unit struct": ["struct"],
  "tuple struct": ["struct"],
  enum: ["enum"],
  trait: ["trait"],
  "type alias": ["type"],
  module: ["mod"],
  union: ["union"],
  macro: ["macro"]
};
var ITEM_KW = '(?:(?:const|async|unsafe|extern\\s+"[^"]*")\\s+)*fn|const|static|struct|enum|trait|type|mod|union';
function qualifier(src, span, name) {
  if (!span) return [];
  const start = src.indexOf(span.byteStart);
  const end = src.indexOf(span.byteEnd);
  const text = src.masked.slice(Math.max(0, start - 200), end);
  const m = new RegExp(`((?:[A-Za-z_]\\w*\\s*::\\s*)+)${name}\\s*$`).exec(text);
  return m ? (m[1] ?? "").split("::").map((s) => s.trim()).filter((s) => s !== "") : [];
}
function consistent(n, qual, name) {
  const last = qual[qual.length - 1];
  if (last === void 0 || ["crate", "self", "super", "Self"].includes(last)) return true;
  if (/^[A-Z]/.test(last)) return n.key.endsWith(`-${last}::${name}`);
  const stem = n.file.replace(/\.rs$/, "").split("/");
  const fileMod = stem[stem.length - 1] === "mod" ? stem[stem.length - 2] : stem[stem.length - 1];
  return fileMod === last || n.key.includes(`${last}::${name}`) || qual.length === 1 && (fileMod === "lib" || fileMod === "main");
}
function findItem(src, from, name) {
  const re = new RegExp(`(^|[\\s;{}\\]])((pub(?:\\s*\\([^)]*\\))?\\s+)?(?:${ITEM_KW})\\s+(?:r#)?${name}\\b)`, "g");
  re.lastIndex = Math.max(0, from - 1);
  const m = re.exec(src.masked);
  if (!m) return null;
  const at = m.index + (m[1] ?? "").length;
  if (src.masked.slice(from, at).split("\n").length > 12) return null;
  const vis = m[3];
  return { at, vis: vis ? [at, at + vis.length] : null, visText: vis ? vis.trim() : "" };
}
function visibilityEdit(file, src, at, vis, visText, cross) {
  const want = cross ? "pub" : "pub(crate)";
  const current = visText.replace(/\s+/g, "");
  if (current === "pub" || current === want) return null;
  if (vis) return mk(file, src, vis[0], vis[1], `${want} `);
  return mk(file, src, at, at, `${want} `);
}
function reexportVisibility(src, span) {
  if (!span) return null;
  const at = src.indexOf(span.byteStart);
  const head = /(?:^|[;{}\]])\s*(pub(?:\s*\([^)]*\))?)\s+use\b[^;]*$/.exec(src.masked.slice(Math.max(0, at - 4e3), at));
  const vis = head ? (head[1] ?? "").replace(/\s+/g, "") : null;
  return vis === "pub" || vis === "pub(crate)" ? vis : null;
}
function visibilityEditTo(file, src, at, vis, visText, want) {
  const current = visText.replace(/\s+/g, "");
  if (current === "pub" || current === want) return null;
  if (vis) return mk(file, src, vis[0], vis[1], `${want} `);
  return mk(file, src, at, at, `${want} `);
}
var makeVisible = async (input) => {
  const d = input.diagnostic;
  const useFile = d.primary?.file;
  if (!useFile) return [];
  const useSrc = await textOf2(input, useFile);
  if (!useSrc) return [];
  const field = input.params.field?.trim() ?? "";
  const structName = (input.params.struct ?? "").replace(/<.*$/s, "").split("::").pop() ?? "";
  const name = field !== "" ? structName : input.params.name?.trim() ?? "";
  if (!isIdent(name) || field !== "" && !isIdent(field)) return [];
  const kinds = field !== "" ? ["struct"] : KIND_WORDS[input.params.kind ?? ""] ?? ["fn", "method", "struct", "enum", "trait", "const", "static", "type", "mod", "union"];
  const sites = [];
  for (const s of input.matched) sites.push({ file: s.file, from: -s.byteStart - 1, crate: null });
  for (const s of d.noteSpans ?? []) if (/\bdefined here\b/.test(s.label ?? "")) sites.push({ file: s.file, from: -s.byteStart - 1, crate: null });
  const qual = field !== "" ? [] : qualifier(useSrc, d.primary, name);
  for (const n of await defs(input, name, kinds)) {
    if (field === "" && !consistent(n, qual, name)) continue;
    sites.push({ file: n.file, from: n.span.startLine, crate: n.crate });
  }
  const useCrate = d.packageName;
  const reexport = field === "" ? reexportVisibility(useSrc, d.primary) : null;
  const out = [];
  const seen = /* @__PURE__ */ new Set();
  for (const site of sites.slice(0, 6)) {
    const src = await textOf2(input, site.file);
    if (!src) continue;
    const from = site.from < 0 ? src.indexOf(-site.from - 1) : lineIndex(src, site.from);
    const cross = site.crate !== null && useCrate !== null ? site.crate !== useCrate : crateDirOf(site.file) !== crateDirOf(useFile);
    let e = null;
    if (field === "") {
      const item = findItem(src, from, name);
      if (!item) continue;
      e = reexport !== null && !cross ? visibilityEditTo(site.file, src, item.at, item.vis, item.visText, reexport) : visibilityEdit(site.file, src, item.at, item.vis, item.visText, cross);
    } else {
      const def = new RegExp(`\\bstruct\\s+${name}\\b[^{;(]*\\{`, "g");
      def.lastIndex = from;
      const m = def.exec(src.masked);
      if (!m || src.masked.slice(from, m.index).split("\n").length > 12) continue;
      const open = m.index + m[0].length - 1;
      const close = src.closeOf(open);
      if (close < 0) continue;
      for (const [off, piece] of splitTopLevel(src.masked.slice(open + 1, close))) {
        const f = new RegExp(`^(\\s*(?:#\\[[^\\]]*\\]\\s*)*)(pub(?:\\s*\\([^)]*\\))?\\s+)?${field}\\s*:`).exec(piece);
        if (!f) continue;
        const at = open + 1 + off + (f[1]?.length ?? 0);
        const vis = f[2];
        e = visibilityEdit(site.file, src, at, vis ? [at, at + vis.length] : null, vis?.trim() ?? "", cross);
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
function derivesOf(src, name) {
  const re = new RegExp(`\\b(?:struct|enum|union)\\s+${name}\\b`, "g");
  const hits = [...src.masked.matchAll(re)];
  if (hits.length !== 1) return null;
  const kw = hits[0]?.index ?? 0;
  const head = src.masked.slice(Math.max(0, kw - 600), kw);
  const attrs = /((?:#\[[^\]]*\]\s*)*)(?:pub(?:\s*\([^)]*\))?\s*)?$/.exec(head)?.[1] ?? "";
  const list = [];
  for (const m of attrs.matchAll(/#\[\s*derive\s*\(([^)]*)\)\s*\]/g)) for (const t of (m[1] ?? "").split(",")) if (t.trim() !== "") list.push(t.trim().split("::").pop() ?? "");
  return list;
}
var deriveAtDefinition = async (input) => {
  const typeName = (input.params.type ?? "").replace(/<.*$/s, "").split("::").pop() ?? "";
  const trait = input.params.trait ?? "";
  if (!isIdent(typeName) || !isIdent(trait)) return [];
  const files = /* @__PURE__ */ new Set();
  const primary2 = input.diagnostic.primary?.file;
  if (primary2) files.add(primary2);
  for (const n of await defs(input, typeName, ["struct", "enum", "union"])) files.add(n.file);
  const out = [];
  for (const file of files) {
    const src = await textOf2(input, file);
    if (!src) continue;
    const have = derivesOf(src, typeName);
    if (have === null) continue;
    const need = input.params.only_if_derives;
    if (need && !need.split(",").every((t) => have.includes(t.trim()))) continue;
    const edits = ACTIONS.add_derive({ file, src, diagnostic: input.diagnostic, matched: [], params: { type: typeName, trait } });
    if (edits.length > 0) out.push({ edits, atCause: true, note: `derive(${trait}) on ${typeName} in ${file}` });
  }
  return out;
};
function methodBody(src, from, to, name) {
  const re = new RegExp(`\\bfn\\s+${name}\\b`, "g");
  re.lastIndex = from;
  const m = re.exec(src.masked);
  if (!m || m.index >= to) return null;
  const scope = itemScopes(src).find((s) => s.start === m.index && s.keyword === "fn");
  if (!scope || src.masked[scope.headerEnd] !== "{") return null;
  return src.text.slice(scope.headerEnd + 1, scope.end).trim();
}
var traitMethodFromSiblings = async (input) => {
  const d = input.diagnostic;
  const names = [...(input.params.names ?? "").matchAll(/`([^`]+)`/g)].map((m) => m[1] ?? "").filter(isIdent);
  const p = d.primary;
  if (names.length === 0 || !p) return [];
  const implSrc = await textOf2(input, p.file);
  if (!implSrc) return [];
  const implAt = implSrc.indexOf(p.byteStart);
  const impl = itemScopes(implSrc).find((s) => s.keyword === "impl" && s.start <= implAt && implAt <= s.headerEnd);
  if (!impl || implSrc.masked[impl.headerEnd] !== "{") return [];
  const header = implSrc.masked.slice(impl.start, impl.headerEnd);
  const hm = /\bimpl\b(?:\s*<[^{]*?>)?\s+(?:[\w:]+::)?([A-Za-z_]\w*)(?:<[^{]*>)?\s+for\s+/.exec(header);
  const traitName = hm?.[1];
  if (!traitName) return [];
  const traitFiles = new Set(d.spans.filter((s) => !s.isPrimary && /from trait$/.test(s.label ?? "")).map((s) => s.file));
  for (const n of await defs(input, traitName, ["trait"])) traitFiles.add(n.file);
  let traitSrc;
  let traitScope;
  for (const f of traitFiles) {
    const s = await textOf2(input, f);
    const sc = s ? itemScopes(s).find((x) => x.keyword === "trait" && x.name === traitName) : void 0;
    if (s && sc) {
      traitSrc = s;
      traitScope = sc;
      break;
    }
  }
  if (!traitSrc || !traitScope) return [];
  const candidates = /* @__PURE__ */ new Set([p.file, ...traitFiles, ...input.ctx.files.keys()]);
  for (const n of await defs(input, `impl ${traitName} for`, ["impl"])) candidates.add(n.file);
  if (input.ctx.lookup) {
    for (const t of await defs(input, traitName, ["trait"])) {
      for (const e of await input.ctx.graph?.edgesIn(t.key, ["IMPLEMENTS"]).catch(() => []) ?? []) {
        const n = await input.ctx.graph?.getNode(e.src).catch(() => void 0);
        if (n?.file) candidates.add(n.file);
      }
    }
  }
  const additions = [];
  for (const name of names) {
    const sigRe = new RegExp(`\\bfn\\s+${name}\\b[^;{]*;`);
    const body = traitSrc.masked.slice(traitScope.headerEnd, traitScope.end);
    const sig = sigRe.exec(body);
    if (!sig) return [];
    const sigText = traitSrc.text.slice(traitScope.headerEnd + sig.index, traitScope.headerEnd + sig.index + sig[0].length - 1).trim();
    const bodies = [];
    for (const f of candidates) {
      const s = await textOf2(input, f);
      if (!s) continue;
      for (const sc of itemScopes(s)) {
        if (sc.keyword !== "impl" || f === p.file && sc.start === impl.start || s.masked[sc.headerEnd] !== "{") continue;
        if (!new RegExp(`\\b${traitName}\\b(?:<[^{]*>)?\\s+for\\b`).test(s.masked.slice(sc.start, sc.headerEnd))) continue;
        const b = methodBody(s, sc.headerEnd, sc.end, name);
        if (b !== null) bodies.push(b);
      }
    }
    const first = bodies[0];
    if (first === void 0 || bodies.length < 2 || bodies.some((b) => b.replace(/\s+/g, " ") !== first.replace(/\s+/g, " "))) return [];
    if (/\bself\s*\.\s*[A-Za-z_]\w*\b(?!\s*\()/.test(first) || /\b(?:todo|unimplemented|unreachable)!/.test(first)) return [];
    additions.push(`${sigText} {
        ${first.replace(/\n\s*/g, "\n        ")}
    }`);
  }
  return [{ edits: [addMethodsEdit(p.file, implSrc, impl, additions)], note: `body shared by every sibling impl of ${traitName}` }];
};
function implHeader(header) {
  let i = header.indexOf("impl") + 4;
  while (/\s/.test(header[i] ?? "")) i++;
  if (header[i] === "<") {
    const close = matchAngle(header, i);
    if (close < 0) return null;
    i = close + 1;
  }
  const path = /^\s*(?:::\s*)?(?:[A-Za-z_]\w*\s*::\s*)*([A-Za-z_]\w*)\s*/.exec(header.slice(i));
  if (!path) return null;
  i += path[0].length;
  let traitArgs = "";
  if (header[i] === "<") {
    const close = matchAngle(header, i);
    if (close < 0) return null;
    traitArgs = header.slice(i, close + 1).replace(/\s+/g, "");
    i = close + 1;
  }
  const rest = /^\s*for\s+([\s\S]*)$/.exec(header.slice(i));
  if (!rest) return null;
  const selfType = (rest[1] ?? "").replace(/\bwhere\b[\s\S]*$/, "").replace(/\s+/g, "");
  return selfType === "" ? null : { trait: path[1] ?? "", traitArgs, selfType };
}
function traitImpls(file, src) {
  const out = [];
  for (const scope of itemScopes(src)) {
    if (scope.keyword !== "impl" || src.masked[scope.headerEnd] !== "{") continue;
    const h = implHeader(src.masked.slice(scope.start, scope.headerEnd));
    if (h) out.push({ file, src, scope, ...h });
  }
  return out;
}
async function traitImplAt(input) {
  const p = input.diagnostic.primary;
  if (!p) return null;
  const src = await textOf2(input, p.file);
  if (!src) return null;
  const at = src.indexOf(p.byteStart);
  return traitImpls(p.file, src).find((t) => t.scope.start <= at && at <= t.scope.headerEnd) ?? null;
}
function missingNames(input) {
  const names = [...(input.params.names ?? "").matchAll(/`([^`]+)`/g)].map((m) => m[1] ?? "");
  return names.length > 0 && names.every(isIdent) ? names : null;
}
function paramNames(list) {
  const pieces = splitTopLevel(list).map(([, x]) => x.trim()).filter((x) => x !== "");
  let receiver = null;
  const first = pieces[0];
  if (first !== void 0 && /^(?:&\s*(?:'\w+\s+)?(?:mut\s+)?)?(?:mut\s+)?self\b/.test(first)) {
    receiver = first.replace(/\s+/g, "");
    pieces.shift();
  }
  const params = [];
  for (const piece of pieces) {
    const m = /^(?:mut\s+)?([A-Za-z_]\w*)\s*:/.exec(piece);
    if (!m) return null;
    params.push(m[1] === "_" ? null : m[1] ?? null);
  }
  return { receiver, params };
}
function implFns(src, impl) {
  const depth = src.braceDepth(impl.headerEnd + 1);
  const out = [];
  for (const fn of itemScopes(src)) {
    if (fn.keyword !== "fn" || fn.start <= impl.headerEnd || fn.start >= impl.end || src.braceDepth(fn.start) !== depth) continue;
    if (src.masked[fn.headerEnd] !== "{") return null;
    const po = src.masked.indexOf("(", fn.generics ? fn.generics[1] : fn.start);
    const pc = po < 0 ? -1 : src.closeOf(po);
    if (pc < 0 || pc > fn.headerEnd) return null;
    const names = paramNames(src.masked.slice(po + 1, pc));
    if (!names || names.params.some((x) => x === null)) return null;
    const body = src.text.slice(fn.headerEnd + 1, fn.end).trim();
    const masked = src.masked.slice(fn.headerEnd + 1, fn.end).trim();
    out.push({ name: fn.name, receiver: names.receiver, params: names.params, body, literal: body !== masked });
  }
  return out;
}
async function traitDecl(input, name) {
  const files = new Set(input.diagnostic.spans.filter((s) => !s.isPrimary && /from trait$/.test(s.label ?? "")).map((s) => s.file));
  for (const n of await defs(input, name, ["trait"])) files.add(n.file);
  for (const f of files) {
    const src = await textOf2(input, f);
    const scope = src ? itemScopes(src).find((x) => x.keyword === "trait" && x.name === name) : void 0;
    if (src && scope) return { src, scope };
  }
  return null;
}
async function missingSignature(input, trait, name, names = []) {
  let sig = null;
  const re = new RegExp(`(?:^|\\n)[ \\t]*((?:(?:unsafe|async|const)\\s+)*fn\\s+${name}\\b[^\\n]*?)\\s*\\{\\s*todo!\\(\\)\\s*\\}`);
  for (const s of input.diagnostic.suggestions) for (const e of s.edits) sig ??= re.exec(e.replacement)?.[1]?.trim() ?? null;
  if (sig === null) return null;
  const text = new RustText(sig);
  const head = new RegExp(`\\bfn\\s+${name}\\s*`).exec(text.masked);
  if (!head) return null;
  let open = head.index + head[0].length;
  if (text.masked[open] === "<") open = text.skipSpace(matchAngle(text.masked, open) + 1);
  if (text.masked[open] !== "(") return null;
  const close = text.closeOf(open);
  if (close < 0) return null;
  const parsed = paramNames(text.masked.slice(open + 1, close));
  if (!parsed) return null;
  let declared = [];
  const decl = parsed.params.some((x) => x === null) && names.length === 0 ? await traitDecl(input, trait) : null;
  if (decl) {
    const d = new RegExp(`\\bfn\\s+${name}\\b`).exec(decl.src.masked.slice(decl.scope.headerEnd, decl.scope.end));
    const at = d ? decl.scope.headerEnd + d.index : -1;
    const po = at < 0 ? -1 : decl.src.masked.indexOf("(", at);
    const pc = po < 0 ? -1 : decl.src.closeOf(po);
    declared = pc < 0 ? [] : paramNames(decl.src.masked.slice(po + 1, pc))?.params ?? [];
  }
  const params = parsed.params.map((p, k) => p ?? names[k] ?? declared[k] ?? `arg${k + 1}`);
  if (new Set(params).size !== params.length || params.some((p) => p === "self" || !isIdent(p))) return null;
  const pieces = splitTopLevel(text.text.slice(open + 1, close)).map(([, x]) => x.trim()).filter((x) => x !== "");
  const rebuilt = pieces.map((piece, k) => {
    const j = parsed.receiver !== null ? k - 1 : k;
    return j < 0 ? piece : piece.replace(/^(?:mut\s+)?[A-Za-z_]\w*\s*:/, `${params[j] ?? ""}:`);
  });
  return { sig: `${sig.slice(0, open + 1)}${rebuilt.join(", ")}${sig.slice(close)}`, receiver: parsed.receiver, params };
}
function addMethodsEdit(file, src, impl, methods) {
  const close = impl.end;
  const at = src.skipSpaceBack(close);
  const indent = `${src.indentAt(impl.start)}    `;
  const empty = src.masked.slice(impl.headerEnd + 1, close).trim() === "";
  const text = methods.map((a) => `
${indent}${a.replace(/\n {4}/g, `
${indent}`).replace(/^ {4}/, "")}`).join("\n");
  return mk(file, src, at, at, `${empty ? "" : "\n"}${text}
${src.indentAt(impl.start)}`.replace(/^\n\n/, "\n"));
}
function methodText(sig, body) {
  return `${sig} {
        ${body.replace(/\n\s*/g, "\n        ")}
    }`;
}
async function implFiles(input, impl, otherTrait) {
  const files = /* @__PURE__ */ new Set([impl.file, ...input.ctx.files.keys()]);
  const base = /^(?:[A-Za-z_]\w*::)*([A-Za-z_]\w*)/.exec(impl.selfType)?.[1] ?? "";
  if (isIdent(base)) for (const n of await defs(input, base, ["struct", "enum", "union"])) files.add(n.file);
  if (otherTrait !== null) for (const n of await defs(input, `impl ${otherTrait} for ${impl.selfType}`, ["impl"])) files.add(n.file);
  return [...files];
}
async function implsFor(input, impl, trait, traitArgs) {
  const out = [];
  for (const f of await implFiles(input, impl, trait)) {
    const src = f === impl.file ? impl.src : await textOf2(input, f);
    if (!src) continue;
    for (const t of traitImpls(f, src)) if ((trait === null || t.trait === trait) && t.selfType === impl.selfType && (traitArgs === null || t.traitArgs === traitArgs)) out.push(t);
  }
  return out;
}
var FWD_RECV = String.raw`self(?:\s*\.\s*\w+)+|\(\s*(?:\*{2,}\s*self(?:\s*\.\s*\w+)*|\*+\s*self(?:\s*\.\s*\w+)+)\s*\)`;
var FWD_FIRST = String.raw`&\s*(?:mut\s+)?\*{2,}\s*self|\*+\s*self|&\s*(?:mut\s+)?self(?:\s*\.\s*\w+)+|self(?:\s*\.\s*\w+)+`;
var FWD_PATH = String.raw`<[^;{}()]*?>|(?:[A-Za-z_]\w*\s*::\s*)*[A-Za-z_]\w*(?:\s*::\s*<[^;{}()]*?>|<[^;{}()]*?>)?`;
function forwardKey(f) {
  if (f.literal || f.receiver === null) return null;
  const args = f.params.map((p) => `\\s*${p}\\s*`).join(",");
  const body = f.body.replace(/;$/, "");
  const a = new RegExp(`^(${FWD_RECV})\\s*\\.\\s*${f.name}\\s*\\(${args || "\\s*"}\\)$`).exec(body);
  if (a) return `.|${(a[1] ?? "").replace(/\s+/g, "")}`;
  const b = new RegExp(`^(${FWD_PATH})\\s*::\\s*${f.name}\\s*\\(\\s*(${FWD_FIRST})\\s*${args ? `,${args}` : ""}\\)$`).exec(body);
  if (b) return `::|${(b[1] ?? "").replace(/\s+/g, " ").trim()}|${(b[2] ?? "").replace(/\s+/g, "")}`;
  return null;
}
function forwardCall(key, name, params) {
  const [kind, a = "", b = ""] = key.split("|");
  return kind === "." ? `${a}.${name}(${params.join(", ")})` : `${a}::${name}(${[b, ...params].join(", ")})`;
}
async function soleField(input, impl, field) {
  const name = /^(?:[A-Za-z_]\w*::)*([A-Za-z_]\w*)/.exec(impl.selfType)?.[1] ?? "";
  if (!isIdent(name)) return false;
  const files = /* @__PURE__ */ new Set([impl.file]);
  for (const n of await defs(input, name, ["struct"])) files.add(n.file);
  const found = [];
  for (const f of files) {
    const src = f === impl.file ? impl.src : await textOf2(input, f);
    if (!src) continue;
    for (const s of itemScopes(src)) {
      if (s.keyword !== "struct" || s.name !== name) continue;
      const from = s.generics ? s.generics[1] + 1 : s.start;
      const open = /[({]/.exec(src.masked.slice(from, s.headerEnd + 1));
      if (!open) continue;
      const o = from + open.index;
      const c = src.closeOf(o);
      if (c < 0) continue;
      const fields = splitTopLevel(src.masked.slice(o + 1, c)).map(([, x]) => x.trim()).filter((x) => x !== "");
      const state = fields.map((x, k) => [open[0] === "(" ? String(k) : /([A-Za-z_]\w*)\s*:/.exec(x.replace(/^(?:#\[[^\]]*\]\s*)*(?:pub(?:\s*\([^)]*\))?\s+)?/, ""))?.[1] ?? "", x]).filter(([, x]) => !/\bPhantomData\b/.test(x));
      found.push(state.length === 1 && state[0]?.[0] === field);
    }
  }
  return found.length === 1 && found[0] === true;
}
var traitMethodForward = async (input) => {
  const names = missingNames(input);
  const impl = await traitImplAt(input);
  if (!names || !impl) return [];
  const fns = implFns(impl.src, impl.scope);
  if (!fns || fns.length === 0) return [];
  const keys = fns.map(forwardKey);
  const key = keys[0];
  if (key === null || key === void 0 || keys.some((k) => k !== key)) return [];
  if (/^::\|Self\b/.test(key)) return [];
  if (fns.length < 2) {
    const [kind, recv = ""] = key.split("|");
    const pointer = /^(?:&|(?:(?:std|alloc)::(?:boxed|rc|sync)::)?(?:Box|Rc|Arc)<)/.test(impl.selfType);
    const deref = kind === "." && /^\(\*+self\)$/.test(recv);
    const field = kind === "." ? /^self\.(\w+)/.exec(recv)?.[1] : void 0;
    if (!(pointer && deref) && !(field !== void 0 && await soleField(input, impl, field))) return [];
  }
  const methods = [];
  for (const name of names) {
    const sig = await missingSignature(input, impl.trait, name);
    if (!sig || sig.receiver === null) return [];
    methods.push(methodText(sig.sig, forwardCall(key, name, sig.params)));
  }
  return [{ edits: [addMethodsEdit(impl.file, impl.src, impl.scope, methods)], note: `forwards like the impl's other ${fns.length === 1 ? "method" : "methods"}` }];
};
var MIRRORS = {
  DerefMut: ["deref_mut", "Deref", "deref"],
  AsMut: ["as_mut", "AsRef", "as_ref"],
  IndexMut: ["index_mut", "Index", "index"],
  BorrowMut: ["borrow_mut", "Borrow", "borrow"],
  Deref: ["deref", "DerefMut", "deref_mut"],
  AsRef: ["as_ref", "AsMut", "as_mut"],
  Index: ["index", "IndexMut", "index_mut"],
  Borrow: ["borrow", "BorrowMut", "borrow_mut"]
};
var MUT_METHODS = {
  as_ref: "as_mut",
  deref: "deref_mut",
  borrow: "borrow_mut",
  index: "index_mut",
  get: "get_mut",
  get_ref: "get_mut",
  first: "first_mut",
  last: "last_mut",
  as_slice: "as_mut_slice",
  as_str: "as_mut_str",
  as_deref: "as_deref_mut"
};
var SHARED_METHODS = Object.fromEntries(
  Object.entries(MUT_METHODS).filter(([k]) => k !== "get_ref").map(([k, v]) => [v, k])
);
var REF_NEUTRAL = /* @__PURE__ */ new Set(["unwrap"]);
function mirrorBody(body, toMut) {
  if (new RustText(body).masked !== body) return null;
  if (/\b(?:unsafe|as|static|const|fn|loop|while|for|return)\b|[|!'"]|::|&&/.test(body)) return null;
  let out = "";
  let i = 0;
  const prev = () => out.trimEnd().slice(-1);
  while (i < body.length) {
    const ch = body[i];
    if (ch === "&") {
      if (/[\w)\]]/.test(prev())) return null;
      const mut = /^&\s*mut\s+/.exec(body.slice(i));
      if (toMut === (mut !== null)) return null;
      out += toMut ? "&mut " : "&";
      i += mut ? mut[0].length : 1;
      while (body[i] === " ") i++;
      continue;
    }
    const word = /^[A-Za-z_]\w*/.exec(body.slice(i));
    if (word) {
      const w = word[0];
      const after = body.slice(i + w.length);
      const dotted = prev() === ".";
      if (w === "mut") return null;
      if (w === "ref") {
        const mut = /^\s+mut\b/.exec(after);
        if (toMut === (mut !== null)) return null;
        out += toMut ? "ref mut" : "ref";
        i += w.length + (mut ? mut[0].length : 0);
        continue;
      }
      if (/^\s*\(/.test(after)) {
        const mapped = toMut ? MUT_METHODS[w] : w === "get_mut" && /^\s*\(\s*\)/.test(after) ? void 0 : SHARED_METHODS[w];
        if (dotted && mapped !== void 0) out += mapped;
        else if (dotted && REF_NEUTRAL.has(w)) out += w;
        else if (!dotted && /^[A-Z]/.test(w)) out += w;
        else if (!dotted && ["match", "if", "else", "in", "let"].includes(w)) out += w;
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
var traitMethodMirror = async (input) => {
  const names = missingNames(input);
  const impl = await traitImplAt(input);
  const method = names?.[0];
  if (!names || names.length !== 1 || !impl || method === void 0) return [];
  const std = MIRRORS[impl.trait];
  const toMut = /_mut$/.test(method);
  let twin;
  let owners;
  if (std) {
    if (method !== std[0]) return [];
    twin = std[2];
    owners = await implsFor(input, impl, std[1], impl.traitArgs);
  } else {
    twin = toMut ? method.replace(/_mut$/, "") : `${method}_mut`;
    if (twin === "") return [];
    owners = (await implsFor(input, impl, null, null)).filter((t) => t.file !== impl.file || t.scope.start !== impl.scope.start);
  }
  const found = owners.flatMap((t) => (implFns(t.src, t.scope) ?? []).filter((f) => f.name === twin).map((f) => ({ t, f })));
  const only = found.length === 1 ? found[0] : void 0;
  const shared = /^&(?:'\w+)?self$/;
  const mutable = /^&(?:'\w+)?mutself$/;
  if (!only || only.f.literal || !(toMut ? shared : mutable).test(only.f.receiver ?? "")) return [];
  const body = mirrorBody(only.f.body, toMut);
  const sig = body === null ? null : await missingSignature(input, impl.trait, method, only.f.params);
  if (body === null || !sig || !(toMut ? mutable : shared).test(sig.receiver ?? "") || sig.params.join(",") !== only.f.params.join(",")) return [];
  const where = only.t.file !== impl.file ? ` in ${only.t.file}` : "";
  return [{ edits: [addMethodsEdit(impl.file, impl.src, impl.scope, [methodText(sig.sig, body)])], note: `mirrors ${only.t.trait}::${twin} of ${impl.selfType}${where}` }];
};
async function selfTypeDerives(input, impl, trait) {
  const name = /^(?:[A-Za-z_]\w*::)*([A-Za-z_]\w*)(<.*>)?$/.exec(impl.selfType)?.[1] ?? "";
  if (!isIdent(name)) return false;
  const files = /* @__PURE__ */ new Set([impl.file]);
  for (const n of await defs(input, name, ["struct", "enum", "union"])) files.add(n.file);
  for (const f of files) {
    const src = f === impl.file ? impl.src : await textOf2(input, f);
    if ((src ? derivesOf(src, name) : null)?.includes(trait)) return true;
  }
  return false;
}
async function isCopy(input, impl) {
  if ((await implsFor(input, impl, "Copy", "")).length > 0) return true;
  return selfTypeDerives(input, impl, "Copy");
}
async function hasOrdApartFromPartialOrd(input, impl) {
  const ords = await implsFor(input, impl, "Ord", "");
  if (ords.length === 1 && ords[0]) {
    const o = ords[0];
    return !/\bpartial_cmp\b/.test(o.src.masked.slice(o.scope.headerEnd, o.scope.end)) && /\bfn\s+cmp\b/.test(o.src.masked.slice(o.scope.headerEnd, o.scope.end));
  }
  if (ords.length > 1) return false;
  return selfTypeDerives(input, impl, "Ord");
}
var traitMethodCanonical = async (input) => {
  const names = missingNames(input);
  const impl = await traitImplAt(input);
  if (!names || names.length !== 1 || !impl) return [];
  let body = null;
  let sig = null;
  if (impl.trait === "Clone" && names[0] === "clone" && impl.traitArgs === "") {
    sig = await missingSignature(input, "Clone", "clone");
    if (sig?.receiver === "&self" && sig.params.length === 0 && await isCopy(input, impl)) body = "*self";
  } else if (impl.trait === "PartialOrd" && names[0] === "partial_cmp" && (impl.traitArgs === "" || impl.traitArgs === `<${impl.selfType}>` || impl.traitArgs === "<Self>")) {
    sig = await missingSignature(input, "PartialOrd", "partial_cmp", ["other"]);
    if (sig?.receiver === "&self" && sig.params.length === 1 && await hasOrdApartFromPartialOrd(input, impl)) body = `Some(self.cmp(${sig.params[0] ?? "other"}))`;
  }
  if (body === null || !sig) return [];
  return [{ edits: [addMethodsEdit(impl.file, impl.src, impl.scope, [methodText(sig.sig, body)])], note: impl.trait === "Clone" ? `${impl.selfType} is Copy` : `${impl.selfType} is Ord` }];
};
var armsLikeSiblings = async (input) => {
  const list = input.params.patterns ?? "";
  const kind = input.params.shape === "name" ? "name" : "bindings";
  const p = input.diagnostic.primary;
  if (!p || /\bmore\b/.test(list)) return [];
  const missing = parseMissing([...list.matchAll(/`([^`]+)`/g)].map((m) => m[1] ?? ""));
  if (!missing || missing.length === 0) return [];
  const src = await textOf2(input, p.file);
  if (!src) return [];
  const start = src.indexOf(p.byteStart);
  const end = src.indexOf(p.byteEnd);
  if (!/\bmatch\s*$/.test(src.masked.slice(Math.max(0, start - 10), start))) return [];
  const open = src.skipSpace(end);
  if (src.masked[open] !== "{") return [];
  const close = src.closeOf(open);
  if (close < 0) return [];
  const arms = readArms(src, open, close);
  if (!arms || arms.length < 2) return [];
  const added = [];
  for (const miss of missing) {
    let fields = null;
    const at = (input.diagnostic.noteSpans ?? []).find((s) => s.label === "not covered" && miss.payload === "struct");
    if (at) {
      const def = await textOf2(input, at.file);
      if (def) fields = variantFields(def, def.indexOf(at.byteStart), miss.name);
    }
    const arm = armFor(arms, miss, fields, kind);
    if (arm === null) return [];
    added.push(arm);
  }
  const last = arms[arms.length - 1];
  const after = src.skipSpace(last.end);
  const hasComma = src.masked[after] === ",";
  const insertAt = hasComma ? after + 1 : last.end;
  const indent = src.indentAt(src.lineStart(last.end) === src.lineStart(open) ? open : last.end);
  const multiline = src.masked.slice(open, close).includes("\n");
  const lead = hasComma || last.body.endsWith("}") ? "" : ",";
  const text = added.map((a) => `${multiline ? `
${indent}` : " "}${a}${a.endsWith("}") ? "" : ","}`).join("");
  return [{ edits: [mk(p.file, src, insertAt, insertAt, `${lead}${text}`)], note: kind === "name" ? "arms spell the variant as the existing ones do" : "arms mirror the existing ones" }];
};
var fieldsFromScope = async (input) => {
  const fields = [...(input.params.fields ?? "").matchAll(/`([^`]+)`/g)].map((m) => m[1] ?? "");
  const structName = (input.params.struct ?? "").replace(/<.*$/s, "").split("::").pop() ?? "";
  const p = input.diagnostic.primary;
  if (!p || fields.length === 0 || fields.some((f) => !isIdent(f)) || !isIdent(structName) || /other field/.test(input.params.fields ?? "")) return [];
  const src = await textOf2(input, p.file);
  if (!src) return [];
  const start = src.indexOf(p.byteStart);
  const end = src.indexOf(p.byteEnd);
  const open = src.skipSpace(end);
  if (src.masked[open] !== "{") return [];
  const close = src.closeOf(open);
  if (close < 0) return [];
  const inner = src.masked.slice(open + 1, close);
  if (inner.includes("..")) return [];
  const fn = scopesAt(src, start).find((s) => s.keyword === "fn");
  const inScope = (f) => {
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
    const files = /* @__PURE__ */ new Set([p.file]);
    for (const n of await defs(input, structName, ["struct"])) files.add(n.file);
    for (const f of files) {
      const s = await textOf2(input, f);
      if (!s) continue;
      const derives = derivesOf(s, structName);
      if ((derives ?? []).includes("Default") || new RegExp(`\\bimpl\\b[^{;]*\\bDefault\\s+for\\s+${structName}\\b`).test(s.masked)) hasDefault = true;
    }
    if (!hasDefault) return [];
  }
  const parts = [...locals, ...rest.length > 0 ? ["..Default::default()"] : []];
  const at = src.skipSpaceBack(close);
  const hasFields = inner.trim() !== "";
  const trailingComma = src.masked[at - 1] === ",";
  let replacement;
  if (inner.includes("\n")) {
    const indent = hasFields ? src.indentAt(at - 1) : `${src.indentAt(open)}    `;
    replacement = `${hasFields && !trailingComma ? "," : ""}${parts.map((x) => `
${indent}${x}${x.startsWith("..") ? "" : ","}`).join("")}`;
  } else if (!hasFields) {
    return [{ edits: [mk(p.file, src, open + 1, close, ` ${parts.join(", ")} `)], note: locals.length > 0 ? "fields from locals in scope" : "..Default::default()" }];
  } else {
    replacement = `${trailingComma ? "" : ","} ${parts.join(", ")}`;
  }
  return [{ edits: [mk(p.file, src, at, at, replacement)], note: locals.length > 0 ? "fields from locals in scope" : "..Default::default()" }];
};
var removeTry = async (input) => {
  const p = input.diagnostic.primary;
  if (!p) return [];
  const src = await textOf2(input, p.file);
  if (!src) return [];
  const end = src.indexOf(p.byteEnd);
  const q = src.masked[end - 1] === "?" ? end - 1 : src.masked[end] === "?" ? end : -1;
  if (q < 0) return [];
  if (input.params.require === "annotated_let") {
    if (src.masked[src.skipSpace(q + 1)] !== ";") return [];
    let k = q - 1;
    let depth = 0;
    for (; k >= 0; k--) {
      const ch = src.masked[k];
      if (")]}".includes(ch)) depth++;
      else if ("([{".includes(ch)) {
        if (depth === 0) break;
        depth--;
      } else if (ch === ";" && depth === 0) break;
    }
    if (!/^\s*let\s+(?:mut\s+)?[a-z_]\w*\s*:[^=]+=/.test(src.masked.slice(k + 1, q)) || /^\s*let\s+_\s*:/.test(src.masked.slice(k + 1, q))) return [];
  }
  return [{ edits: [mk(p.file, src, q, q + 1, "")] }];
};
function letInit(src, fnStart, before, name) {
  const re = new RegExp(`\\blet\\s+(?:mut\\s+)?${name}\\s*(?::[^=;]*)?=`, "g");
  re.lastIndex = fnStart;
  let found = null;
  for (let m = re.exec(src.masked); m && m.index < before; m = re.exec(src.masked)) {
    const s = src.skipSpace(m.index + m[0].length);
    let e = s;
    while (e < src.masked.length && src.masked[e] !== ";") {
      const ch = src.masked[e];
      e = "([{".includes(ch) ? src.closeOf(e) + 1 : e + 1;
      if (e <= 0) return null;
    }
    found = { start: s, end: src.skipSpaceBack(e) };
  }
  return found;
}
var restoreTry = async (input) => {
  const p = input.diagnostic.primary;
  if (!p) return [];
  const src = await textOf2(input, p.file);
  if (!src) return [];
  const start = src.indexOf(p.byteStart);
  const fn = scopesAt(src, start).find((s) => s.keyword === "fn");
  if (!fn) return [];
  const header = src.masked.slice(fn.start, fn.headerEnd);
  if (!/->\s*(?:[\w:]+::)?(?:Result|Option)\s*</.test(header) && !/->\s*(?:io|fmt|anyhow)::Result\b/.test(header)) return [];
  let local = input.params.local?.trim();
  if (local === "@matched") {
    const s = input.matched.find((x) => x.file === p.file);
    local = s ? src.text.slice(src.indexOf(s.byteStart), src.indexOf(s.byteEnd)).trim() : "";
  }
  let adjacentOnly = false;
  if (local === "@receiver") {
    const dot = src.skipSpaceBack(start) - 1;
    const recv = src.masked[dot] === "." ? /([A-Za-z_]\w*)\s*$/.exec(src.masked.slice(Math.max(0, dot - 100), dot)) : null;
    const before = recv ? src.masked.slice(0, dot - recv[0].length).trimEnd() : "";
    local = recv && !before.endsWith(".") && !before.endsWith("::") ? recv[1] ?? "" : "";
    adjacentOnly = true;
  }
  if (local !== void 0) {
    if (!isIdent(local)) return [];
    const init = letInit(src, fn.headerEnd, start, local);
    if (!init || src.masked[init.end - 1] === "?") return [];
    if (adjacentOnly) {
      const semi = src.masked.indexOf(";", init.end);
      const between = src.masked.slice(semi + 1, start);
      if (semi < 0 || /[;{}]/.test(between)) return [];
    }
    return [{ edits: [mk(p.file, src, init.end, init.end, "?")], atCause: true, note: `at the let of \`${local}\`` }];
  }
  const target = input.params.at === "matched" ? input.matched.find((x) => x.file === p.file) : p;
  if (!target) return [];
  const ts = src.indexOf(target.byteStart);
  const te = src.indexOf(target.byteEnd);
  if (src.masked[te - 1] === "?" || src.masked[src.skipSpace(te)] === "?") return [];
  const input2 = { file: p.file, src, diagnostic: input.diagnostic, matched: [], params: {} };
  const edits = appendPostfixEdits(input2, { start: ts, end: te }, "?");
  return edits.length > 0 ? [{ edits, ...target !== p ? { atCause: true } : {} }] : [];
};
var INT_RE = /^[iu](?:8|16|32|64|128|size)$/;
var paramTypeAtCallee = async (input) => {
  const d = input.diagnostic;
  const expected = input.params.expected ?? "";
  const found = input.params.found ?? "";
  const p = d.primary;
  const callee = input.matched[0];
  if (!p || !callee || !INT_RE.test(expected) || !INT_RE.test(found) || expected === found) return [];
  const useSrc = await textOf2(input, p.file);
  if (!useSrc || callee.file !== p.file) return [];
  const cs = useSrc.indexOf(callee.byteStart);
  const ce = useSrc.indexOf(callee.byteEnd);
  const calleeText = useSrc.masked.slice(cs, ce).replace(/\s+/g, "");
  const name = /([A-Za-z_]\w*)$/.exec(calleeText)?.[1] ?? "";
  if (!isIdent(name)) return [];
  const method = /\.\s*$/.test(useSrc.masked.slice(Math.max(0, cs - 3), cs));
  const open = useSrc.skipSpace(ce);
  if (useSrc.masked[open] !== "(") return [];
  const close = useSrc.closeOf(open);
  const at = useSrc.indexOf(p.byteStart);
  if (close < 0 || at < open || at > close) return [];
  let argIndex = -1;
  for (const [k, [off, piece]] of splitTopLevel(useSrc.masked.slice(open + 1, close)).entries()) {
    if (open + 1 + off <= at && at <= open + 1 + off + piece.length) argIndex = k;
  }
  if (argIndex < 0) return [];
  const qual = calleeText.split("::").slice(0, -1);
  const sites = /* @__PURE__ */ new Map();
  for (const n of await defs(input, name, method ? ["method"] : ["fn", "method"])) {
    if (!method && !consistent(n, qual, name)) continue;
    sites.set(n.file, [...sites.get(n.file) ?? [], n.span.startLine]);
  }
  const out = [];
  for (const [file, lines] of sites) {
    if (out.length > 0 || lines.length !== 1) break;
    const src = await textOf2(input, file);
    if (!src) continue;
    const from = lineIndex(src, lines[0]);
    const fn = itemScopes(src).find((sc) => sc.keyword === "fn" && sc.name === name && sc.start >= from);
    if (!fn) continue;
    const po = src.masked.indexOf("(", fn.generics ? fn.generics[1] : fn.start);
    const pc = po < 0 ? -1 : src.closeOf(po);
    if (pc < 0 || pc > fn.headerEnd) continue;
    const params = splitTopLevel(src.masked.slice(po + 1, pc)).filter(([, x]) => x.trim() !== "");
    const own = params.filter(([, x]) => !/^\s*(?:&\s*(?:'\w+\s+)?(?:mut\s+)?)?(?:mut\s+)?self\b/.test(x));
    const param = own[argIndex];
    if (!param || own.length !== splitTopLevel(useSrc.masked.slice(open + 1, close)).filter(([, x]) => x.trim() !== "").length) continue;
    const m = new RegExp(`:\\s*(${expected})\\s*$`).exec(param[1]);
    if (!m) continue;
    const tyAt = po + 1 + param[0] + param[1].lastIndexOf(expected);
    out.push({ edits: [mk(file, src, tyAt, tyAt + expected.length, found)], atCause: true, note: `parameter ${argIndex + 1} of \`${name}\` in ${file} becomes ${found}` });
  }
  return out;
};
function typeSegments(t) {
  return t.replace(/\s+/g, "").replace(/^::/, "").split("::");
}
function sameTypePath(written, printed) {
  const w = typeSegments(written);
  const p = typeSegments(printed);
  if (w.join("::") === p.join("::")) return true;
  if ([...w, ...p].some((x) => !isIdent(x))) return false;
  const [short, long] = w.length <= p.length ? [w, p] : [p, w];
  return short.every((x, i) => x === long[long.length - short.length + i]);
}
function tryAfter(src, start, end) {
  const text = src.text.slice(start, end);
  if (text === "?") return src.skipSpaceBack(start) === start ? start : -1;
  if (!isIdent(text)) return -1;
  let i = src.skipSpace(end);
  if (src.masked.startsWith("::<", i)) {
    const close2 = matchAngle(src.masked, i + 2);
    if (close2 < 0) return -1;
    i = src.skipSpace(close2 + 1);
  }
  if (src.masked[i] !== "(") return -1;
  const close = src.closeOf(i);
  if (close < 0) return -1;
  return src.masked[close + 1] === "?" ? close + 1 : -1;
}
var mapErrToVariant = async (input) => {
  const target = (input.params.target ?? "").trim();
  const source = (input.params.source ?? "").trim();
  const typeName = typeSegments(target).pop() ?? "";
  const p = input.diagnostic.primary;
  if (!p || !isIdent(typeName) || /[<>]/.test(target) || source === "") return [];
  const site = await textOf2(input, p.file);
  if (!site) return [];
  const q = tryAfter(site, site.indexOf(p.byteStart), site.indexOf(p.byteEnd));
  if (q < 0) return [];
  const files = /* @__PURE__ */ new Set([p.file]);
  for (const n of await defs(input, typeName, ["enum"])) files.add(n.file);
  let enums = 0;
  const variants = [];
  for (const file of files) {
    const src = file === p.file ? site : await textOf2(input, file);
    if (!src) continue;
    for (const m of src.masked.matchAll(new RegExp(`\\benum\\s+${typeName}\\s*(<|\\{)`, "g"))) {
      enums++;
      if (m[1] === "<") return [];
      const open = (m.index ?? 0) + m[0].length - 1;
      const close = src.closeOf(open);
      if (close < 0) return [];
      for (const [, piece] of splitTopLevel(src.masked.slice(open + 1, close))) {
        const v = /^\s*(?:#\s*\[[^\]]*\]\s*)*([A-Z]\w*)\s*\(\s*(?:#\s*\[[^\]]*\]\s*)*([^(),]+?)\s*,?\s*\)\s*$/.exec(piece);
        if (v && sameTypePath(v[2] ?? "", source)) variants.push(v[1] ?? "");
      }
    }
  }
  if (enums !== 1 || variants.length !== 1) return [];
  const fn = scopesAt(site, q).find((s) => s.keyword === "fn" && s.headerEnd < q);
  const written = fn ? new RegExp(`((?:[A-Za-z_]\\w*::)*)${typeName}\\b`).exec(site.masked.slice(fn.start, fn.headerEnd)) : null;
  const path = `${written?.[1] ?? ""}${typeName}::${variants[0] ?? ""}`;
  return [{ edits: [mk(p.file, site, q, q, `.map_err(${path})`)], note: `wrap the error in ${path}` }];
};
var GRAPH_ACTIONS = {
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
  map_err_to_variant: mapErrToVariant
};
var GRAPH_ACTION_NAMES = Object.keys(GRAPH_ACTIONS);

export {
  ACTIONS,
  ACTION_NAMES,
  GRAPH_ACTIONS,
  GRAPH_ACTION_NAMES
};
