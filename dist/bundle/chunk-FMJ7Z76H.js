import { createRequire as __rgCreateRequire } from 'node:module';
const require = __rgCreateRequire(import.meta.url);
import {
  normalizeWs,
  parseRustSource,
  parseRustSourceSafe,
  splitPath,
  stripGenerics
} from "./chunk-7U7AS37J.js";
import "./chunk-AMJD2YOB.js";
export {
  normalizeWs,
  parseRustSource,
  parseRustSourceSafe,
  splitPath,
  stripGenerics
};
