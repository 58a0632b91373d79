import { createRequire as __rgCreateRequire } from 'node:module';
const require = __rgCreateRequire(import.meta.url);
import {
  preflightSeams
} from "./chunk-67ESQ3IZ.js";
import "./chunk-AMJD2YOB.js";
export {
  preflightSeams
};
