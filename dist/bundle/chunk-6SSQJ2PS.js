import { createRequire as __rgCreateRequire } from 'node:module';
const require = __rgCreateRequire(import.meta.url);
import {
  closestKeys,
  registerIsg,
  showNode
} from "./chunk-EV7MHMJX.js";
import "./chunk-XT5B7XE7.js";
import "./chunk-V5IOIPMT.js";
import "./chunk-CS55E7MD.js";
import "./chunk-6CU5GOAN.js";
import "./chunk-2PKMAFAA.js";
import "./chunk-AGTEUQPZ.js";
import "./chunk-LM6P7DGY.js";
import "./chunk-AMJD2YOB.js";
export {
  closestKeys,
  registerIsg,
  showNode
};
