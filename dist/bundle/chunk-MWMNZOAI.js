import { createRequire as __rgCreateRequire } from 'node:module';
const require = __rgCreateRequire(import.meta.url);
import {
  defaultOpenStore,
  registerDebugBug,
  renderDebugBugText
} from "./chunk-DPOCYLYP.js";
import "./chunk-XT5B7XE7.js";
import "./chunk-LM6P7DGY.js";
import "./chunk-AMJD2YOB.js";
export {
  defaultOpenStore,
  registerDebugBug,
  renderDebugBugText
};
