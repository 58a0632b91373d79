import { createRequire as __rgCreateRequire } from 'node:module';
const require = __rgCreateRequire(import.meta.url);
import {
  openBuiltStore
} from "./chunk-QRDFM2I3.js";
import "./chunk-RTTDQT2Z.js";
import "./chunk-7MLGWDUL.js";
import {
  DEFAULT_TOKEN_BUDGET,
  contextAntiPatterns,
  describeHits,
  namedInError,
  packParts,
  renderContext,
  sliceLines
} from "./chunk-WS3TDYVB.js";
import {
  loadPatterns
} from "./chunk-WV7XI54U.js";
import "./chunk-FNBINZXZ.js";
import "./chunk-H2WUFI7S.js";
import {
  matchDetector
} from "./chunk-I4KIIW5R.js";
import "./chunk-Q3WIQE64.js";
import "./chunk-5XHP4R5W.js";
import "./chunk-C2TXHI23.js";
import {
  openWorkspace
} from "./chunk-T6PCK566.js";
import {
  nodeJson
} from "./chunk-V5IOIPMT.js";
import "./chunk-CS55E7MD.js";
import {
  RELS
} from "./chunk-6CU5GOAN.js";
import "./chunk-LK6EHPNO.js";
import {
  storeDir
} from "./chunk-2PKMAFAA.js";
import "./chunk-MR43FRMH.js";
import "./chunk-YRYO5B6H.js";
import "./chunk-LDGAVYRV.js";
import "./chunk-2GN7T756.js";
import "./chunk-AGTEUQPZ.js";
import "./chunk-PYF7NPU6.js";
import "./chunk-YS7A56PW.js";
import {
  RustgateError
} from "./chunk-LM6P7DGY.js";
import "./chunk-KRZSXWDX.js";
import "./chunk-AMJD2YOB.js";

// src/app/context.ts
import { readFileSync } from "node:fs";
import path from "node:path";
function contextText(r) {
  return renderContext({ errors: r.errors, slices: r.slices, constraints: r.constraints, antiPatterns: r.anti_patterns, patternExamples: r.pattern_examples });
}
var SKIP_KINDS = /* @__PURE__ */ new Set(["crate", "feature", "mod"]);
var ERROR_CODE = /^E\d{4}$/;
async function constraintsOf(store, node) {
  const out = [];
  for (const b of node.bounds ?? []) out.push(`${node.key} requires ${b}`);
  for (const e of await store.edgesOut(node.key, ["REQUIRES_BOUND"])) out.push(`${node.key} REQUIRES_BOUND ${e.dst}${e.attr ? ` (${e.attr})` : ""}`);
  return [...new Set(out)];
}
async function buildContext(opts) {
  const progress = opts.onProgress ?? (() => void 0);
  const repo = await openWorkspace(opts.repo);
  const budget = opts.budget ?? DEFAULT_TOKEN_BUDGET;
  if (!Number.isInteger(budget) || budget < 200) throw new RustgateError("BAD_FLAG", `--budget must be an integer of at least 200 tokens (got ${String(opts.budget)})`, "for example --budget 3000");
  const isError = ERROR_CODE.test(opts.target);
  const errors = [];
  const notes = [];
  let seedKey;
  let errorWindow = null;
  progress("refreshing the ISG");
  const store = await openBuiltStore(repo.workspace, storeDir(repo.workspace));
  let hitDiagnostic = null;
  try {
    if (isError) {
      progress("checking the workspace");
      const { prepareValidationTree } = await import("./chunk-JS77HIV7.js");
      const tree = await prepareValidationTree({ repoRoot: repo.workspace });
      const state = await tree.validate(/* @__PURE__ */ new Map());
      const all = [...state.errors, ...state.warnings];
      const hit = all.find((d) => d.code === opts.target);
      if (!hit) {
        const codes = [...new Set(all.map((d) => d.code).filter((c) => c !== null))];
        throw new RustgateError("UNKNOWN_KEY", `no current diagnostic has code ${opts.target}`, codes.length > 0 ? `current codes: ${codes.join(", ")}` : "the workspace checks clean; pass an ISG key instead");
      }
      hitDiagnostic = hit;
      const p = hit.primary;
      const key = p ? (await store.nodeAt(p.file, p.lineStart).catch(() => void 0))?.key ?? null : null;
      errors.push({ code: hit.code, message: hit.message, file: p?.file ?? null, line: p?.lineStart ?? null, key });
      notes.push(...hit.notes.slice(0, 4).map((n) => `rustc: ${n}`));
      seedKey = key;
      if (seedKey === null && p) errorWindow = { file: p.file, line: p.lineStart };
    } else {
      seedKey = opts.target;
    }
    const texts = /* @__PURE__ */ new Map();
    const textOf = (file) => {
      if (!texts.has(file)) {
        try {
          texts.set(file, readFileSync(path.join(repo.workspace, file), "utf8"));
        } catch {
          texts.set(file, void 0);
        }
      }
      return texts.get(file);
    };
    const seeds = [];
    const neighbors = [];
    const definitions = [];
    const named = namedInError(hitDiagnostic ? [hitDiagnostic.message, ...hitDiagnostic.notes] : []);
    const constraints = [];
    let seedNode;
    if (seedKey !== null) {
      seedNode = await store.getNode(seedKey);
      if (!seedNode) {
        const wanted = seedKey.slice(seedKey.lastIndexOf("-") + 1);
        const near = (await store.allNodes()).filter((n) => n.name === wanted || n.key.endsWith(`-${wanted}`)).map((n) => n.key).slice(0, 3);
        throw new RustgateError("UNKNOWN_KEY", `no ISG node with key '${seedKey}'`, near.length > 0 ? `closest keys: ${near.map((k) => `'${k}'`).join(", ")}` : "run rustgate build-isg first");
      }
      const text = textOf(seedNode.file);
      if (text !== void 0) seeds.push({ key: seedNode.key, ...sliceLines(seedNode.file, text, seedNode.span.startLine, seedNode.span.endLine) });
      constraints.push(...await constraintsOf(store, seedNode));
      for (const h of await store.twoHop(seedNode.key, RELS, opts.neighborCap ?? 8, "both")) {
        if (SKIP_KINDS.has(h.kind)) continue;
        const n = await store.getNode(h.key);
        const t = n ? textOf(n.file) : void 0;
        if (!n || t === void 0) continue;
        (named.has(n.name.slice(n.name.lastIndexOf(":") + 1)) ? definitions : neighbors).push({ key: n.key, ...sliceLines(n.file, t, n.span.startLine, n.span.endLine) });
      }
    } else if (errorWindow) {
      const t = textOf(errorWindow.file);
      if (t !== void 0) {
        const start = Math.max(1, errorWindow.line - 15);
        seeds.push({ key: `${errorWindow.file}:${start}-${errorWindow.line + 15}`, ...sliceLines(errorWindow.file, t, start, errorWindow.line + 15) });
      }
    }
    constraints.push(...notes);
    const library = loadPatterns();
    const antiPatterns = [...seeds, ...definitions, ...neighbors].flatMap((s) => describeHits(contextAntiPatterns(s.text, s.file, library), s.key));
    const target = hitDiagnostic;
    const patternExamples = target === null ? [] : library.filter((p) => p.kind === "fix" && matchDetector(p, target).length > 0).map((p) => ({ id: p.id, description: p.title, before: p.example.before.trimEnd(), after: p.example.after.trimEnd() }));
    const bundle = await packParts({ errors, seeds, definitions, neighbors, constraints, antiPatterns, patternExamples }, { budget });
    return {
      for: opts.target,
      kind: isError ? "error" : "key",
      node: seedNode ? nodeJson(seedNode) : null,
      seeds: seeds.map((s) => s.key),
      neighbors: bundle.slices.filter((s) => s.role === "neighbor").map((s) => s.key),
      definitions: bundle.slices.filter((s) => s.role === "definition").map((s) => s.key),
      errors: bundle.errors,
      constraints: bundle.constraints,
      anti_patterns: bundle.antiPatterns,
      pattern_examples: bundle.patternExamples,
      slices: bundle.slices,
      dropped: bundle.dropped,
      tokens: bundle.tokens,
      budget: bundle.budget
    };
  } finally {
    await store.close();
  }
}
export {
  buildContext,
  contextText
};
