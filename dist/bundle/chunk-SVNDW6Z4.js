import { createRequire as __rgCreateRequire } from 'node:module';
const require = __rgCreateRequire(import.meta.url);
import {
  applyPatchTexts,
  contractDiagnostics,
  openBuiltStore,
  validateFix,
  withPatchedTree
} from "./chunk-QRDFM2I3.js";
import "./chunk-RTTDQT2Z.js";
import "./chunk-7MLGWDUL.js";
import "./chunk-C2TXHI23.js";
import "./chunk-T6PCK566.js";
import "./chunk-LK6EHPNO.js";
import "./chunk-2PKMAFAA.js";
import "./chunk-MR43FRMH.js";
import "./chunk-YRYO5B6H.js";
import "./chunk-LDGAVYRV.js";
import "./chunk-2GN7T756.js";
import "./chunk-AGTEUQPZ.js";
import "./chunk-PYF7NPU6.js";
import "./chunk-YS7A56PW.js";
import "./chunk-LM6P7DGY.js";
import "./chunk-KRZSXWDX.js";
import "./chunk-AMJD2YOB.js";
export {
  applyPatchTexts,
  contractDiagnostics,
  openBuiltStore,
  validateFix,
  withPatchedTree
};
