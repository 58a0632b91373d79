import { createRequire as __rgCreateRequire } from 'node:module';
const require = __rgCreateRequire(import.meta.url);
import {
  TEXT_DETECTORS,
  detectAntiPatterns,
  guidanceFor
} from "./chunk-KBGEWRV7.js";
import "./chunk-7RV2TFG3.js";
import "./chunk-AMJD2YOB.js";
export {
  TEXT_DETECTORS,
  detectAntiPatterns,
  guidanceFor
};
