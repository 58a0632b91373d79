import { createRequire as __rgCreateRequire } from 'node:module';
const require = __rgCreateRequire(import.meta.url);
import {
  ensureWorkDir,
  storeDir
} from "./chunk-2PKMAFAA.js";
import "./chunk-AGTEUQPZ.js";
import "./chunk-AMJD2YOB.js";
export {
  ensureWorkDir,
  storeDir
};
