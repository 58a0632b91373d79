import { createRequire as __rgCreateRequire } from 'node:module';
const require = __rgCreateRequire(import.meta.url);
import {
  cargoInputsAbove,
  classifyChanges,
  isRustRelevant
} from "./chunk-OV3MMKFQ.js";
import "./chunk-AMJD2YOB.js";
export {
  cargoInputsAbove,
  classifyChanges,
  isRustRelevant
};
