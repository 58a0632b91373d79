import { createRequire as __rgCreateRequire } from 'node:module';
const require = __rgCreateRequire(import.meta.url);
import {
  TEXT_DETECTORS,
  detectAntiPatterns,
  guidanceFor,
  introducedFindings,
  neverIntroduced,
  reportedOnExistingCode
} from "./chunk-FNBINZXZ.js";
import "./chunk-I4KIIW5R.js";
import "./chunk-AMJD2YOB.js";
export {
  TEXT_DETECTORS,
  detectAntiPatterns,
  guidanceFor,
  introducedFindings,
  neverIntroduced,
  reportedOnExistingCode
};
