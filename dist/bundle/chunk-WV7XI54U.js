import { createRequire as __rgCreateRequire } from 'node:module';
const require = __rgCreateRequire(import.meta.url);
import {
  TEXT_DETECTORS
} from "./chunk-FNBINZXZ.js";
import {
  ACTION_NAMES,
  GRAPH_ACTION_NAMES
} from "./chunk-H2WUFI7S.js";
import {
  require_dist
} from "./chunk-Q3WIQE64.js";
import {
  require_ajv
} from "./chunk-5XHP4R5W.js";
import {
  RustgateError
} from "./chunk-LM6P7DGY.js";
import {
  __toESM
} from "./chunk-AMJD2YOB.js";

// src/adapters/patterns/load.ts
var import_ajv = __toESM(require_ajv(), 1);
var import_yaml = __toESM(require_dist(), 1);
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

// src/core/patterns/schema.ts
var regex = { type: "string", minLength: 1 };
var PATTERN_SCHEMA = {
  $schema: "http://json-schema.org/draft-07/schema#",
  title: "rustgate pattern",
  type: "object",
  additionalProperties: false,
  required: ["id", "title", "error_codes", "kind", "detector", "rationale", "example", "fixture"],
  properties: {
    id: { type: "string", pattern: "^[a-z][a-z0-9_]*$" },
    title: { type: "string", minLength: 1 },
    error_codes: { type: "array", items: { type: "string", pattern: "^(E\\d{4}|[a-z_]+)$" } },
    kind: { enum: ["fix", "anti_pattern"] },
    severity: { enum: ["info", "warning", "error"] },
    never_introduce: { type: "boolean" },
    report_existing: { type: "boolean" },
    confidence: { enum: ["high", "medium", "low"] },
    detector: {
      type: "object",
      additionalProperties: false,
      properties: {
        code: { type: "array", items: { type: "string" } },
        message: regex,
        label: regex,
        span_label: regex,
        help: regex,
        note: regex,
        unless: regex,
        requires: regex,
        suggestion: {
          type: "object",
          additionalProperties: false,
          minProperties: 1,
          properties: { message: regex, replacement: regex }
        },
        isg: {
          type: "object",
          additionalProperties: false,
          properties: { kind: { type: "array", items: { type: "string" } } }
        },
        text_detector: { enum: Object.keys(TEXT_DETECTORS) }
      }
    },
    template: {
      type: "object",
      additionalProperties: false,
      required: ["action"],
      properties: {
        action: { enum: [...ACTION_NAMES, ...GRAPH_ACTION_NAMES] },
        params: { type: "object", additionalProperties: { type: "string" } }
      }
    },
    rationale: { type: "string", minLength: 1 },
    example: {
      type: "object",
      additionalProperties: false,
      required: ["before", "after"],
      properties: { before: { type: "string" }, after: { type: "string" } }
    },
    fixture: { type: "string", pattern: "^test/fixtures/patterns/[a-z0-9_]+/?$" }
  },
  allOf: [
    { if: { properties: { kind: { const: "fix" } } }, then: { required: ["template"] } },
    { if: { properties: { kind: { const: "anti_pattern" } } }, then: { required: ["severity"] } },
    // A construct never reported in existing code must at least be guarded against fixes.
    { if: { required: ["report_existing"], properties: { report_existing: { const: false } } }, then: { required: ["never_introduce"], properties: { never_introduce: { const: true } } } },
    // Only a text detector can be re-run on a candidate's text: never_introduce needs one.
    { if: { required: ["never_introduce"], properties: { never_introduce: { const: true } } }, then: { properties: { kind: { const: "anti_pattern" }, detector: { required: ["text_detector"] } } } }
  ]
};
var REGEX_FIELDS = ["message", "label", "span_label", "help", "note", "unless", "requires"];

// src/adapters/patterns/load.ts
var __rgMetaUrl = new URL("./../adapters/patterns/load.js", import.meta.url).href;
function packageRoot() {
  let dir = path.dirname(fileURLToPath(__rgMetaUrl));
  for (let i = 0; i < 10; i++) {
    if (existsSync(path.join(dir, "package.json"))) return dir;
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  throw new RustgateError("INTERNAL", "cannot find the rustgate package root", "reinstall rustgate (package.json is missing)");
}
function defaultPatternDir() {
  return path.join(packageRoot(), "patterns");
}
var validator = null;
function validate(data) {
  if (!validator) validator = new import_ajv.Ajv({ allErrors: true, strict: false }).compile(PATTERN_SCHEMA);
  return validator(data) ? [] : [...validator.errors ?? []];
}
function invalid(file, field, why) {
  return new RustgateError("PATTERN_INVALID", `pattern file ${file}: ${field || "(root)"} ${why}`, `fix ${field || "the file"} in ${file} (see the pattern schema in src/core/patterns/schema.ts)`);
}
function parsePattern(text, file) {
  let data;
  try {
    data = (0, import_yaml.parse)(text);
  } catch (e) {
    throw invalid(file, "", `is not valid YAML: ${e.message.split("\n")[0] ?? ""}`);
  }
  const errors = validate(data);
  if (errors.length > 0) {
    const e = errors[0];
    const extra = e.keyword === "additionalProperties" ? ` (${String(e.params.additionalProperty)})` : "";
    throw invalid(file, e.instancePath.replace(/^\//, "").replace(/\//g, "."), `${e.message ?? "is invalid"}${extra}`);
  }
  const pattern = data;
  const det = pattern.detector;
  for (const field of REGEX_FIELDS) {
    const src = det[field];
    if (src === void 0) continue;
    try {
      new RegExp(src, "s");
    } catch (e) {
      throw invalid(file, `detector.${field}`, `is not a valid regex: ${e.message}`);
    }
  }
  for (const field of ["message", "replacement"]) {
    const src = det.suggestion?.[field];
    if (src === void 0) continue;
    try {
      new RegExp(src, "s");
    } catch (e) {
      throw invalid(file, `detector.suggestion.${field}`, `is not a valid regex: ${e.message}`);
    }
  }
  if (pattern.kind === "fix" && det.text_detector !== void 0) throw invalid(file, "detector.text_detector", "is only allowed for anti_pattern");
  const stem = path.basename(file).replace(/\.ya?ml$/, "");
  if (stem !== pattern.id) throw invalid(file, "id", `must equal the file name (${stem})`);
  return pattern;
}
function loadPatterns(dir = defaultPatternDir()) {
  const bundled = dir === defaultPatternDir();
  if (bundled && bundledPatterns) return [...bundledPatterns];
  const loaded = readPatternDir(dir);
  if (bundled) bundledPatterns = loaded;
  return [...loaded];
}
var bundledPatterns;
function readPatternDir(dir) {
  if (!existsSync(dir)) throw new RustgateError("PATTERN_INVALID", `pattern directory ${dir} does not exist`, "reinstall rustgate or pass an existing pattern directory");
  const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort();
  const out = files.map((f) => parsePattern(readFileSync(path.join(dir, f), "utf8"), path.join(dir, f)));
  const seen = /* @__PURE__ */ new Set();
  for (const p of out) {
    if (seen.has(p.id)) throw invalid(p.id, "id", "is duplicated");
    seen.add(p.id);
  }
  return out.sort((a, b) => a.id.localeCompare(b.id));
}

export {
  packageRoot,
  defaultPatternDir,
  parsePattern,
  loadPatterns
};
