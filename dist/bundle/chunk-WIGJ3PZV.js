import { createRequire as __rgCreateRequire } from 'node:module';
const require = __rgCreateRequire(import.meta.url);
import {
  blobId,
  differFromWorktree,
  inPlaceBlockers,
  isOwnPath,
  outsideChanges,
  parseNameStatusZ,
  parseRawZ,
  rangeChanges,
  resolveRange,
  stagedChanges,
  trackedCargoInputs,
  worktreeChanges
} from "./chunk-LDGAVYRV.js";
import "./chunk-2GN7T756.js";
import "./chunk-AGTEUQPZ.js";
import "./chunk-YS7A56PW.js";
import "./chunk-LM6P7DGY.js";
import "./chunk-AMJD2YOB.js";
export {
  blobId,
  differFromWorktree,
  inPlaceBlockers,
  isOwnPath,
  outsideChanges,
  parseNameStatusZ,
  parseRawZ,
  rangeChanges,
  resolveRange,
  stagedChanges,
  trackedCargoInputs,
  worktreeChanges
};
