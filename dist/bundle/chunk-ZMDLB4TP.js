import { createRequire as __rgCreateRequire } from 'node:module';
const require = __rgCreateRequire(import.meta.url);

// src/reporters/formats.ts
var REPORT_FORMATS = ["pretty", "json", "sarif", "github"];

export {
  REPORT_FORMATS
};
