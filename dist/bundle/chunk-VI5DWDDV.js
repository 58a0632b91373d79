import { createRequire as __rgCreateRequire } from 'node:module';
const require = __rgCreateRequire(import.meta.url);
import {
  require_dist
} from "./chunk-Q3WIQE64.js";
import {
  require_ajv
} from "./chunk-5XHP4R5W.js";
import {
  CONFIG_FILE,
  CONFIG_SCHEMA,
  DEFAULT_CONFIG
} from "./chunk-FCGSBGFK.js";
import {
  RustgateError
} from "./chunk-LM6P7DGY.js";
import {
  __toESM
} from "./chunk-AMJD2YOB.js";

// src/config/load.ts
var import_ajv = __toESM(require_ajv(), 1);
var import_yaml = __toESM(require_dist(), 1);
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
var MAX_ALIASES = 50;
var MAX_CONFIG_BYTES = 1024 * 1024;
var ajv = new import_ajv.Ajv({ allErrors: true, useDefaults: true, strict: true, strictTuples: false });
var validate = ajv.compile(CONFIG_SCHEMA);
function loadConfig(root) {
  const file = path.resolve(root, CONFIG_FILE);
  let text;
  try {
    const st = statSync(file);
    if (st.isDirectory()) throw Object.assign(new Error(`${file} is a directory`), { code: "EISDIR" });
    if (!st.isFile()) throw new RustgateError("BAD_CONFIG", `${file} is not a regular file`, `Replace ${file} with a plain YAML file.`);
    if (st.size > MAX_CONFIG_BYTES) throw new RustgateError("BAD_CONFIG", `${file} is ${st.size} bytes; a configuration is at most ${MAX_CONFIG_BYTES}`, `Check that ${file} is the rustgate configuration.`);
    text = readFileSync(file, "utf8");
  } catch (e) {
    if (e instanceof RustgateError) throw e;
    const code = e.code;
    if (code === "ENOENT") return structuredClone(DEFAULT_CONFIG);
    if (code === "EISDIR") throw new RustgateError("BAD_CONFIG", `${file} is a directory, not a configuration file`, `Remove or rename the directory ${file}; rustgate.yaml must be a YAML file.`, { cause: e });
    throw new RustgateError("BAD_CONFIG", `cannot read ${file}: ${e.message}`, "Check the file permissions.", { cause: e });
  }
  return parseConfigText(text, file);
}
function parseConfigText(text, file) {
  const doc = (0, import_yaml.parseDocument)(text, { prettyErrors: true });
  if (doc.errors.length > 0) {
    const first = doc.errors[0];
    const line = first.linePos?.[0].line;
    throw new RustgateError(
      "BAD_CONFIG",
      `${file}${line === void 0 ? "" : `:${line}`}: not valid YAML: ${first.message.split("\n")[0]}`,
      `Fix the YAML syntax of ${path.basename(file)} (or delete it to use the defaults).`
    );
  }
  let value;
  try {
    value = doc.contents === null ? {} : doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (e) {
    const why = e instanceof Error ? e.message.split("\n")[0] : String(e);
    const cause = /resource exhaustion/i.test(why ?? "") ? `too many YAML alias expansions (more than ${MAX_ALIASES}; an alias bomb?)` : `bad YAML alias: ${why}`;
    throw new RustgateError("BAD_CONFIG", `${file}: ${cause}`, `Write the values out in ${path.basename(file)} instead of using YAML anchors and aliases (&name / *name).`, { cause: e });
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new RustgateError("BAD_CONFIG", `${file}: the top level must be a mapping (e.g. "preflight:")`, hintFor(file));
  }
  const data = value;
  if (!validate(data)) {
    const problems = (validate.errors ?? []).map(describeError);
    throw new RustgateError("BAD_CONFIG", `${file}: ${[...new Set(problems)].join("; ")}`, hintFor(file));
  }
  const raw = data;
  return {
    file,
    preflight: {
      budgetSeconds: raw.preflight.budget_seconds,
      features: raw.preflight.features,
      allFeatures: raw.preflight.all_features,
      packages: raw.preflight.packages,
      tests: { enabled: raw.preflight.tests.enabled, timeoutSeconds: raw.preflight.tests.timeout_seconds },
      rustAnalyzer: raw.preflight.rust_analyzer,
      targets: raw.preflight.targets.includes("all") ? "all" : raw.preflight.targets
    },
    fix: {
      llm: raw.fix.llm,
      ...raw.fix.anti_pattern_tau !== void 0 ? { antiPatternTau: raw.fix.anti_pattern_tau } : {},
      ...raw.fix.mode !== void 0 ? { mode: raw.fix.mode } : {},
      ...raw.fix.gate_seconds !== void 0 ? { gateSeconds: raw.fix.gate_seconds } : {},
      ...raw.fix.validate_features !== void 0 ? { validateFeatures: raw.fix.validate_features } : {}
    }
  };
}
function hintFor(file) {
  return `Edit ${path.basename(file)}: allowed keys are preflight.{budget_seconds, features, all_features, packages, tests.{enabled, timeout_seconds}, rust_analyzer, targets} and fix.{llm, anti_pattern_tau, mode, gate_seconds, validate_features}.`;
}
function keyPath(instancePath, extra) {
  const parts = instancePath.split("/").slice(1).map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"));
  if (extra !== void 0) parts.push(extra);
  return parts.reduce((acc, p) => /^\d+$/.test(p) ? `${acc}[${p}]` : acc === "" ? p : `${acc}.${p}`, "");
}
function expectedAt(schemaPath) {
  let node = CONFIG_SCHEMA;
  let found;
  for (const p of schemaPath.replace(/^#\//, "").split("/").slice(0, -1)) {
    if (node === null || typeof node !== "object") break;
    node = node[p];
    const d = node !== null && typeof node === "object" ? node.description : void 0;
    if (typeof d === "string") found = d;
  }
  return found;
}
function describeError(e) {
  if (e.keyword === "additionalProperties") {
    const key2 = keyPath(e.instancePath, String(e.params.additionalProperty));
    return `unknown key "${key2}"`;
  }
  const key = keyPath(e.instancePath) || "(top level)";
  const expected = expectedAt(e.schemaPath);
  return `"${key}" ${e.message ?? "is invalid"}${expected === void 0 ? "" : ` (expected ${expected})`}`;
}
export {
  loadConfig,
  parseConfigText
};
