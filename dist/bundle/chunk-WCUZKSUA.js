import { createRequire as __rgCreateRequire } from 'node:module';
const require = __rgCreateRequire(import.meta.url);
import {
  applyPatchTexts,
  contractDiagnostics,
  openBuiltStore,
  validateFix,
  withPatchedTree
} from "./chunk-RASB5WEO.js";
import "./chunk-RTTDQT2Z.js";
import "./chunk-Q2PXDGIQ.js";
import "./chunk-C2TXHI23.js";
import "./chunk-GNYJLMUI.js";
import "./chunk-LK6EHPNO.js";
import "./chunk-IOSFYIIA.js";
import "./chunk-OC2DO3VA.js";
import "./chunk-OV3MMKFQ.js";
import "./chunk-NS3E3N24.js";
import "./chunk-W3DBNHRR.js";
import "./chunk-YRYO5B6H.js";
import "./chunk-5JERG564.js";
import "./chunk-SU5Y64XQ.js";
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
