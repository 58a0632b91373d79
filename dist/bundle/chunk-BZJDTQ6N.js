import { createRequire as __rgCreateRequire } from 'node:module';
const require = __rgCreateRequire(import.meta.url);
import {
  hasErrors,
  isSummaryNoise,
  mapFindings,
  selectDiagnostics,
  toContractDiagnostic,
  toContractJson
} from "./chunk-KRZSXWDX.js";
import "./chunk-AMJD2YOB.js";
export {
  hasErrors,
  isSummaryNoise,
  mapFindings,
  selectDiagnostics,
  toContractDiagnostic,
  toContractJson
};
