import { createRequire as __rgCreateRequire } from 'node:module';
const require = __rgCreateRequire(import.meta.url);
import {
  openConfig
} from "./chunk-DDPQLF5C.js";
import "./chunk-ZOMG4YA5.js";
import "./chunk-AMJD2YOB.js";
export {
  openConfig
};
