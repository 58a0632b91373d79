import { createRequire as __rgCreateRequire } from 'node:module';
const require = __rgCreateRequire(import.meta.url);
import {
  detectAntiPatterns,
  introducedFindings,
  neverIntroduced
} from "./chunk-FNBINZXZ.js";

// src/core/context/anti-patterns.ts
function toHit(f, text) {
  return { id: f.patternId, message: f.message, line: f.line, excerpt: (text.split("\n")[f.line - 1] ?? "").trim().slice(0, 120) };
}
function contextAntiPatterns(text, file, patterns) {
  return detectAntiPatterns(text, file, neverIntroduced(patterns)).map((f) => toHit(f, text));
}
function introducedAntiPatterns(edits, slices, patterns) {
  const after = /* @__PURE__ */ new Map();
  for (const e of edits) {
    const text = after.get(e.key) ?? slices.get(e.key)?.text;
    if (text === void 0 || !text.includes(e.original)) continue;
    after.set(e.key, text.replace(e.original, () => e.replacement));
  }
  const out = [];
  for (const [key, text] of after) {
    const slice = slices.get(key);
    out.push(...introducedFindings(slice?.text ?? "", text, slice?.file ?? key, patterns).map((f) => toHit(f, text)));
  }
  return out;
}
function describeHits(hits, where) {
  return hits.map((h) => `${where}:${h.line}: ${h.message} (\`${h.excerpt}\`)`);
}

// src/core/context/anchored-edits.ts
var encoder = new TextEncoder();
function utf8Length(s) {
  return encoder.encode(s).length;
}
function occurrences(hay, needle, limit) {
  const found = [];
  let from = 0;
  while (found.length < limit) {
    const at = hay.indexOf(needle, from);
    if (at < 0) break;
    found.push(at);
    from = at + 1;
  }
  return found;
}
function short(s) {
  const one = s.replace(/\s+/g, " ");
  return JSON.stringify(one.length > 60 ? `${one.slice(0, 57)}...` : one);
}
function anchoredEditsToFileEdits(edits, slices, plannedKeys, plannedFiles) {
  const planned = new Set(plannedKeys);
  const files = plannedFiles === void 0 ? null : new Set(plannedFiles);
  if (edits.length === 0) return { rejected: "the model proposed no edits" };
  const out = [];
  for (const [i, e] of edits.entries()) {
    const where = `edit ${i + 1} (key ${JSON.stringify(e.key)})`;
    if (!planned.has(e.key)) return { rejected: `${where}: key is not in the planned scope` };
    const slice = slices.get(e.key);
    if (slice === void 0) return { rejected: `${where}: no code slice for this key` };
    if (files !== null && !files.has(slice.file)) return { rejected: `${where}: touches ${slice.file}, which is outside the planned files` };
    if (e.original.length === 0) return { rejected: `${where}: empty quote` };
    if (e.original === e.replacement) return { rejected: `${where}: replacement equals the quote` };
    const hits = occurrences(slice.text, e.original, 2);
    if (hits.length === 0) return { rejected: `${where}: quote ${short(e.original)} not found in the key's code` };
    if (hits.length > 1) return { rejected: `${where}: quote ${short(e.original)} occurs more than once in the key's code` };
    const at = hits[0] ?? 0;
    const byteStart = slice.byteStart + utf8Length(slice.text.slice(0, at));
    out.push({ file: slice.file, byteStart, byteEnd: byteStart + utf8Length(e.original), replacement: e.replacement });
  }
  out.sort((a, b) => a.file.localeCompare(b.file) || a.byteStart - b.byteStart);
  for (let i = 1; i < out.length; i++) {
    const prev = out[i - 1];
    const cur = out[i];
    if (prev !== void 0 && cur !== void 0 && prev.file === cur.file && cur.byteStart < prev.byteEnd) {
      return { rejected: `edits overlap in ${cur.file} at bytes ${cur.byteStart}..${prev.byteEnd}` };
    }
  }
  return { edits: out };
}
function sliceLines(file, text, startLine, endLine) {
  const lines = text.split(/(?<=\n)/);
  const first = Math.max(1, startLine);
  const last = Math.min(lines.length, Math.max(first, endLine));
  const before = lines.slice(0, first - 1).join("");
  return { file, byteStart: utf8Length(before), text: lines.slice(first - 1, last).join("") };
}

// src/core/context/pack.ts
var DEFAULT_TOKEN_BUDGET = 3e3;
var ESTIMATE_BYTES_PER_TOKEN = 2.6;
function estimateTokens(text) {
  return Math.ceil(new TextEncoder().encode(text).length / ESTIMATE_BYTES_PER_TOKEN);
}
function namedInError(texts) {
  const out = /* @__PURE__ */ new Set();
  for (const t of texts) {
    for (const m of t.matchAll(/`([^`]+)`/g)) {
      for (const w of (m[1] ?? "").split(/[^A-Za-z0-9_]+/)) if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(w) && w.length > 1) out.add(w);
    }
  }
  return out;
}
var SYSTEM_PROMPT = 'You fix Rust compile errors with the smallest correct edit. Answer with JSON only: {"edits":[{"key":KEY,"original":TEXT,"replacement":TEXT}],"confidence":"low"|"medium"|"high"}. "original" is copied exactly from the code of that key and occurs once in it; it is replaced by "replacement". Edit only the keys shown. Never use line numbers.';
function renderError(e) {
  const at = e.file === null ? "" : ` at ${e.file}${e.line === null ? "" : `:${e.line}`}`;
  const key = e.key === null ? "" : ` (key ${e.key})`;
  const msg = e.message.length > 400 ? `${e.message.slice(0, 397)}...` : e.message;
  return `- error${e.code ? `[${e.code}]` : ""}${at}${key}: ${msg}`;
}
function renderSlice(s, heading) {
  const more = s.truncated ? "\n// ... (rest of this item not shown)" : "";
  return `### ${heading} (${s.file})
\`\`\`rust
${s.text.replace(/\n$/, "")}${more}
\`\`\``;
}
function renderExample(p) {
  return `### ${p.id}: ${p.description}
before:
\`\`\`rust
${p.before}
\`\`\`
after:
\`\`\`rust
${p.after}
\`\`\``;
}
function renderSections(parts, headings, sliceHeading) {
  const out = ["## Errors", ...parts.errors.map(renderError)];
  if (parts.slices.length) out.push(headings.code, ...parts.slices.map((s) => renderSlice(s, sliceHeading(s))));
  if (parts.constraints.length) out.push("## Constraints", ...parts.constraints.map((c) => `- ${c}`));
  if (parts.antiPatterns.length) out.push(headings.antiPatterns, ...parts.antiPatterns.map((a) => `- ${a}`));
  if (parts.patternExamples.length) out.push("## Accepted fixes of the same kind", ...parts.patternExamples.map(renderExample));
  return out;
}
function renderUser(parts) {
  return [...renderSections(parts, { code: "## Code you may edit", antiPatterns: "## Anti-patterns found nearby (do not repeat them)" }, (s) => `key ${s.key}`), "## Answer", "JSON only, as described."].join("\n");
}
function renderContext(parts) {
  return renderSections(parts, { code: "## Code", antiPatterns: "## Anti-patterns found nearby" }, (s) => `${s.role} ${s.key}`).join("\n");
}
async function packContext(input, opts = {}) {
  const parts = await packParts(input, { ...opts, render: (p) => [SYSTEM_PROMPT, renderUser(p)] });
  return { ...parts, system: SYSTEM_PROMPT, user: renderUser(parts) };
}
async function packParts(input, opts = {}) {
  const budget = opts.budget ?? DEFAULT_TOKEN_BUDGET;
  const count = opts.countTokens ?? estimateTokens;
  const render = opts.render ?? ((p) => [renderContext(p)]);
  const measure = async (p) => {
    let n = 0;
    for (const t of render(p)) n += await count(t);
    return n;
  };
  const chosen = {
    errors: input.errors,
    slices: [],
    constraints: [],
    antiPatterns: [],
    patternExamples: []
  };
  const dropped = [];
  const total = () => measure(chosen);
  const tryAdd = async (add, undo, label) => {
    add();
    if (await total() <= budget) return true;
    undo();
    dropped.push(label);
    return false;
  };
  for (const [i, s] of input.seeds.entries()) {
    const whole = { ...s, role: "seed", truncated: false };
    if (await tryAdd(() => chosen.slices.push(whole), () => chosen.slices.pop(), `seed:${s.key}`)) continue;
    if (i > 0) continue;
    dropped.pop();
    const lines = s.text.split(/(?<=\n)/);
    let lo = 0;
    let hi = lines.length - 1;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      chosen.slices.push({ ...whole, text: lines.slice(0, mid).join(""), truncated: true });
      const fits = await total() <= budget;
      chosen.slices.pop();
      if (fits) lo = mid;
      else hi = mid - 1;
    }
    if (lo > 0) chosen.slices.push({ ...whole, text: lines.slice(0, lo).join(""), truncated: true });
    else dropped.push(`seed:${s.key}`);
  }
  const seen = new Set(chosen.slices.map((s) => s.key));
  for (const d of input.definitions ?? []) {
    if (seen.has(d.key)) continue;
    if (await tryAdd(() => chosen.slices.push({ ...d, role: "definition", truncated: false }), () => chosen.slices.pop(), `definition:${d.key}`)) seen.add(d.key);
  }
  for (const c of input.constraints) await tryAdd(() => chosen.constraints.push(c), () => chosen.constraints.pop(), `constraint:${c.slice(0, 40)}`);
  for (const a of input.antiPatterns) await tryAdd(() => chosen.antiPatterns.push(a), () => chosen.antiPatterns.pop(), `anti_pattern:${a.slice(0, 40)}`);
  for (const n of input.neighbors) {
    if (seen.has(n.key)) continue;
    if (await tryAdd(() => chosen.slices.push({ ...n, role: "neighbor", truncated: false }), () => chosen.slices.pop(), `neighbor:${n.key}`)) seen.add(n.key);
  }
  for (const p of input.patternExamples) await tryAdd(() => chosen.patternExamples.push(p), () => chosen.patternExamples.pop(), `example:${p.id}`);
  return { ...chosen, plannedKeys: chosen.slices.map((s) => s.key), tokens: await total(), budget, dropped };
}

export {
  contextAntiPatterns,
  introducedAntiPatterns,
  describeHits,
  anchoredEditsToFileEdits,
  sliceLines,
  DEFAULT_TOKEN_BUDGET,
  namedInError,
  renderContext,
  packContext,
  packParts
};
