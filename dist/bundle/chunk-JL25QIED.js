import { createRequire as __rgCreateRequire } from 'node:module';
const require = __rgCreateRequire(import.meta.url);
import {
  CARGO_DIR_INPUTS,
  cargoDirInput,
  cargoInputsAbove,
  classifyChanges,
  isRustRelevant
} from "./chunk-2GN7T756.js";
import "./chunk-AMJD2YOB.js";
export {
  CARGO_DIR_INPUTS,
  cargoDirInput,
  cargoInputsAbove,
  classifyChanges,
  isRustRelevant
};
