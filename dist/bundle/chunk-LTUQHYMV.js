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
  worktreeChanges
} from "./chunk-OC2DO3VA.js";
import "./chunk-OV3MMKFQ.js";
import "./chunk-NS3E3N24.js";
import "./chunk-SU5Y64XQ.js";
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
  worktreeChanges
};
