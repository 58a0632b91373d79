import { createRequire as __rgCreateRequire } from 'node:module';
const require = __rgCreateRequire(import.meta.url);
import {
  assertIndexResolved,
  assertNoOperationInProgress,
  openRepo,
  operationInProgress,
  unfinished
} from "./chunk-PYF7NPU6.js";
import "./chunk-YS7A56PW.js";
import "./chunk-LM6P7DGY.js";
import "./chunk-AMJD2YOB.js";
export {
  assertIndexResolved,
  assertNoOperationInProgress,
  openRepo,
  operationInProgress,
  unfinished
};
