import { createRequire as __rgCreateRequire } from 'node:module';
const require = __rgCreateRequire(import.meta.url);
import {
  defaultPatternDir,
  loadPatterns,
  packageRoot,
  parsePattern
} from "./chunk-5IB2TR63.js";
import "./chunk-5BIMJOMQ.js";
import "./chunk-UNFYVNO3.js";
import "./chunk-6H5XGZCJ.js";
import "./chunk-D2JVZGW7.js";
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
