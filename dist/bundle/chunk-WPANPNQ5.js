import { createRequire as __rgCreateRequire } from 'node:module';
const require = __rgCreateRequire(import.meta.url);
import {
  TEXT_DETECTORS,
  detectAntiPatterns,
  guidanceFor
} from "./chunk-JCWJNMDL.js";
import "./chunk-BPFSXKWR.js";
import "./chunk-AMJD2YOB.js";
export {
  TEXT_DETECTORS,
  detectAntiPatterns,
  guidanceFor
};
