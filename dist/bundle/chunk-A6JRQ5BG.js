import { createRequire as __rgCreateRequire } from 'node:module';
const require = __rgCreateRequire(import.meta.url);
import {
  ensureWorkDir,
  storeDir
} from "./chunk-DOST4UNZ.js";
import "./chunk-572GL467.js";
import "./chunk-AMJD2YOB.js";
export {
  ensureWorkDir,
  storeDir
};
