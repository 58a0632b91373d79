import { createRequire as __rgCreateRequire } from 'node:module';
const require = __rgCreateRequire(import.meta.url);
import {
  TEXT_DETECTORS,
  detectAntiPatterns,
  guidanceFor
} from "./chunk-5BIMJOMQ.js";
import "./chunk-6H5XGZCJ.js";
import "./chunk-D2JVZGW7.js";
import "./chunk-AMJD2YOB.js";
export {
  TEXT_DETECTORS,
  detectAntiPatterns,
  guidanceFor
};
