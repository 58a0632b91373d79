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
} from "./chunk-VKBMIUR4.js";
import "./chunk-OV3MMKFQ.js";
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
