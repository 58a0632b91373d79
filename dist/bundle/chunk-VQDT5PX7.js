import { createRequire as __rgCreateRequire } from 'node:module';
const require = __rgCreateRequire(import.meta.url);
import {
  ExitCode,
  RustgateError,
  isRustgateError
} from "./chunk-LM6P7DGY.js";
import "./chunk-AMJD2YOB.js";
export {
  ExitCode,
  RustgateError,
  isRustgateError
};
