import { createRequire as __rgCreateRequire } from 'node:module';
const require = __rgCreateRequire(import.meta.url);
import {
  checkWorkspaceDir,
  locateWorkspaceRoot,
  readWorkspace,
  runCargoMetadata,
  workspaceFromMetadata
} from "./chunk-MR43FRMH.js";
import "./chunk-YRYO5B6H.js";
import "./chunk-LM6P7DGY.js";
import "./chunk-AMJD2YOB.js";
export {
  checkWorkspaceDir,
  locateWorkspaceRoot,
  readWorkspace,
  runCargoMetadata,
  workspaceFromMetadata
};
