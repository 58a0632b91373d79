import { createRequire as __rgCreateRequire } from 'node:module';
const require = __rgCreateRequire(import.meta.url);
import {
  assertIndexResolved,
  assertNoOperationInProgress,
  openRepo,
  operationInProgress,
  unfinished
} from "./chunk-5JERG564.js";
import "./chunk-SU5Y64XQ.js";
import "./chunk-LM6P7DGY.js";
import "./chunk-AMJD2YOB.js";
export {
  assertIndexResolved,
  assertNoOperationInProgress,
  openRepo,
  operationInProgress,
  unfinished
};
