import { createRequire as __rgCreateRequire } from 'node:module';
const require = __rgCreateRequire(import.meta.url);
import {
  preflightReport,
  registerPreflight,
  scopeOf
} from "./chunk-A6ICDRLT.js";
import "./chunk-ZMDLB4TP.js";
import "./chunk-LM6P7DGY.js";
import "./chunk-AMJD2YOB.js";
export {
  preflightReport,
  registerPreflight,
  scopeOf
};
