import { createRequire as __rgCreateRequire } from 'node:module';
const require = __rgCreateRequire(import.meta.url);
import {
  closestKeys,
  registerIsg,
  showNode
} from "./chunk-I4ZDFGIU.js";
import "./chunk-XT5B7XE7.js";
import "./chunk-V5IOIPMT.js";
import "./chunk-6CU5GOAN.js";
import "./chunk-DOST4UNZ.js";
import "./chunk-572GL467.js";
import "./chunk-LM6P7DGY.js";
import "./chunk-AMJD2YOB.js";
export {
  closestKeys,
  registerIsg,
  showNode
};
