import { createRequire as __rgCreateRequire } from 'node:module';
const require = __rgCreateRequire(import.meta.url);

// src/core/isg/types.ts
var NODE_KINDS = [
  "fn",
  "method",
  "struct",
  "enum",
  "union",
  "trait",
  "impl",
  "type",
  "const",
  "static",
  "macro",
  "mod",
  "crate",
  "feature"
];
var RELS = ["CALLS", "IMPLEMENTS", "USES", "DEPENDS", "REQUIRES_BOUND", "FEATURE_GATED_BY"];

export {
  NODE_KINDS,
  RELS
};
