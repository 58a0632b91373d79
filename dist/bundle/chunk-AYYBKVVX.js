import { createRequire as __rgCreateRequire } from 'node:module';
const require = __rgCreateRequire(import.meta.url);
import {
  ensureWorkDir,
  storeDir
} from "./chunk-IOSFYIIA.js";
import "./chunk-NS3E3N24.js";
import "./chunk-AMJD2YOB.js";
export {
  ensureWorkDir,
  storeDir
};
