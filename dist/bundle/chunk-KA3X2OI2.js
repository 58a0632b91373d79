import { createRequire as __rgCreateRequire } from 'node:module';
const require = __rgCreateRequire(import.meta.url);
import {
  defaultPatternDir,
  loadPatterns,
  packageRoot,
  parsePattern
} from "./chunk-FNG5JERW.js";
import "./chunk-KBGEWRV7.js";
import "./chunk-3BDC6GBW.js";
import "./chunk-7RV2TFG3.js";
import "./chunk-5XHP4R5W.js";
import "./chunk-Q3WIQE64.js";
import "./chunk-LM6P7DGY.js";
import "./chunk-AMJD2YOB.js";
export {
  defaultPatternDir,
  loadPatterns,
  packageRoot,
  parsePattern
};
