import { createRequire as __rgCreateRequire } from 'node:module';
const require = __rgCreateRequire(import.meta.url);
import {
  openConfig
} from "./chunk-VBXHXDJU.js";
import "./chunk-FCGSBGFK.js";
import "./chunk-AMJD2YOB.js";
export {
  openConfig
};
