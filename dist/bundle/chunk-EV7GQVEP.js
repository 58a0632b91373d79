import { createRequire as __rgCreateRequire } from 'node:module';
const require = __rgCreateRequire(import.meta.url);
import {
  defaultPatternDir,
  loadPatterns,
  packageRoot,
  parsePattern
} from "./chunk-WV7XI54U.js";
import "./chunk-FNBINZXZ.js";
import "./chunk-H2WUFI7S.js";
import "./chunk-I4KIIW5R.js";
import "./chunk-Q3WIQE64.js";
import "./chunk-5XHP4R5W.js";
import "./chunk-CS55E7MD.js";
import "./chunk-LM6P7DGY.js";
import "./chunk-AMJD2YOB.js";
export {
  defaultPatternDir,
  loadPatterns,
  packageRoot,
  parsePattern
};
