import { createRequire as __rgCreateRequire } from 'node:module';
const require = __rgCreateRequire(import.meta.url);
import "./chunk-AMJD2YOB.js";

// src/config/fix.ts
var DEFAULT_FIX_ANTI_PATTERN_TAU = 0.2;
var DEFAULT_FIX_GATE_SECONDS = 5;
var DEFAULT_FIX_VALIDATE_FEATURES = [[]];
function fixSettings(config) {
  return {
    llm: config.fix.llm,
    antiPatternTau: config.fix.antiPatternTau ?? DEFAULT_FIX_ANTI_PATTERN_TAU,
    mode: config.fix.mode ?? null,
    gateSeconds: config.fix.gateSeconds ?? DEFAULT_FIX_GATE_SECONDS,
    validateFeatures: (config.fix.validateFeatures ?? DEFAULT_FIX_VALIDATE_FEATURES).map((set) => [...set])
  };
}
export {
  DEFAULT_FIX_ANTI_PATTERN_TAU,
  DEFAULT_FIX_GATE_SECONDS,
  DEFAULT_FIX_VALIDATE_FEATURES,
  fixSettings
};
