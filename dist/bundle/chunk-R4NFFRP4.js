import { createRequire as __rgCreateRequire } from 'node:module';
const require = __rgCreateRequire(import.meta.url);
import {
  RUSTGATE_DIR,
  isRustgatePath,
  rustgatePaths,
  symlinkResolvesInside
} from "./chunk-AGTEUQPZ.js";
import "./chunk-AMJD2YOB.js";
export {
  RUSTGATE_DIR,
  isRustgatePath,
  rustgatePaths,
  symlinkResolvesInside
};
