import { createRequire as __rgCreateRequire } from 'node:module';
const require = __rgCreateRequire(import.meta.url);
import {
  HOOK_MARKER,
  RUSTGATE_HOOKS,
  installHooks,
  openHookRepo,
  parsePushLines,
  planPush,
  shQuote,
  uninstallHooks
} from "./chunk-TGTN3Q7T.js";
import "./chunk-AGTEUQPZ.js";
import "./chunk-YS7A56PW.js";
import "./chunk-LM6P7DGY.js";
import "./chunk-AMJD2YOB.js";
export {
  HOOK_MARKER,
  RUSTGATE_HOOKS,
  installHooks,
  openHookRepo,
  parsePushLines,
  planPush,
  shQuote,
  uninstallHooks
};
