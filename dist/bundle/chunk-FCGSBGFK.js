import { createRequire as __rgCreateRequire } from 'node:module';
const require = __rgCreateRequire(import.meta.url);

// src/config/schema.ts
var CONFIG_FILE = "rustgate.yaml";
var RESOURCE_MODES = ["standard", "low-mem", "offline"];
var DEFAULTS = {
  file: null,
  preflight: {
    budgetSeconds: 20,
    features: [],
    allFeatures: false,
    packages: [],
    tests: { enabled: false, timeoutSeconds: 300 },
    rustAnalyzer: "auto",
    targets: "all"
  },
  fix: { llm: "none" }
};
var DEFAULT_CONFIG = Object.freeze(DEFAULTS);
var CONFIG_SCHEMA = {
  type: "object",
  additionalProperties: false,
  properties: {
    preflight: {
      type: "object",
      additionalProperties: false,
      properties: {
        budget_seconds: { type: "number", exclusiveMinimum: 0, default: 20, description: "a number of seconds greater than 0" },
        features: { type: "array", items: { type: "string", minLength: 1 }, default: [], description: "a list of Cargo feature names" },
        all_features: { type: "boolean", default: false, description: "true or false" },
        packages: { type: "array", items: { type: "string", minLength: 1 }, default: [], description: "a list of Cargo package names" },
        tests: {
          type: "object",
          additionalProperties: false,
          default: {},
          properties: {
            enabled: { type: "boolean", default: false, description: "true or false" },
            timeout_seconds: { type: "number", exclusiveMinimum: 0, default: 300, description: "a number of seconds greater than 0" }
          }
        },
        rust_analyzer: { enum: ["auto", "off"], default: "auto", description: "'auto' or 'off'" },
        targets: {
          type: "array",
          minItems: 1,
          uniqueItems: true,
          items: { enum: ["all", "lib", "bins", "tests", "examples", "benches"] },
          default: ["all"],
          description: "a list of 'all', 'lib', 'bins', 'tests', 'examples', 'benches'"
        }
      },
      default: {}
    },
    fix: {
      type: "object",
      additionalProperties: false,
      properties: {
        llm: { enum: ["none", "local", "openai"], default: "none", description: "'none', 'local' or 'openai'" },
        anti_pattern_tau: { type: "number", exclusiveMinimum: 0, maximum: 1, description: "a cosine distance in (0, 1], default 0.2" },
        mode: { enum: ["standard", "low-mem", "offline"], description: "'standard', 'low-mem' or 'offline'" },
        gate_seconds: { type: "number", minimum: 0, description: "seconds the blocked pre-commit may spend looking for a fix (0 turns it off), default 5" },
        validate_features: {
          type: "array",
          items: { type: "array", items: { type: "string", minLength: 1, pattern: "^[^\\s,]+$" } },
          description: "a list of feature sets, each a list of Cargo feature names checked with --no-default-features (default [[]]: --no-default-features alone; [] turns the extra checks off)"
        }
      },
      default: {}
    }
  }
};

export {
  CONFIG_FILE,
  RESOURCE_MODES,
  DEFAULT_CONFIG,
  CONFIG_SCHEMA
};
