import { createRequire as __rgCreateRequire } from 'node:module';
const require = __rgCreateRequire(import.meta.url);
import {
  hasNextest,
  impactedTestsExtension,
  parseCargoTest,
  parseNextest,
  runTests,
  testRunProblem
} from "./chunk-7MLGWDUL.js";
import "./chunk-C2TXHI23.js";
import "./chunk-MR43FRMH.js";
import "./chunk-YRYO5B6H.js";
import "./chunk-LM6P7DGY.js";
import "./chunk-AMJD2YOB.js";
export {
  hasNextest,
  impactedTestsExtension,
  parseCargoTest,
  parseNextest,
  runTests,
  testRunProblem
};
