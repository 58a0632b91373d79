import { createRequire as __rgCreateRequire } from 'node:module';
const require = __rgCreateRequire(import.meta.url);
import {
  applyPatchTexts,
  contractDiagnostics,
  openBuiltStore,
  validateFix,
  withPatchedTree
} from "./chunk-XTFU3EWZ.js";
import "./chunk-RTTDQT2Z.js";
import "./chunk-UO4GFE7U.js";
import "./chunk-C2TXHI23.js";
import "./chunk-CEAFG3XW.js";
import "./chunk-LK6EHPNO.js";
import "./chunk-2PKMAFAA.js";
import "./chunk-MR43FRMH.js";
import "./chunk-YRYO5B6H.js";
import "./chunk-VKBMIUR4.js";
import "./chunk-OV3MMKFQ.js";
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
