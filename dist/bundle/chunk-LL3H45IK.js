import { createRequire as __rgCreateRequire } from 'node:module';
const require = __rgCreateRequire(import.meta.url);
import "./chunk-AMJD2YOB.js";

// src/config/preflight.ts
function preflightSettings(config, flags) {
  const p = config.preflight;
  const ra = flags.rustAnalyzer === "off" || flags.rustAnalyzer === "auto" ? flags.rustAnalyzer : flags.hook === true ? "off" : p.rustAnalyzer;
  return {
    features: flags.features && flags.features.length > 0 ? flags.features : p.features,
    allFeatures: flags.allFeatures === true || p.allFeatures,
    packages: flags.package && flags.package.length > 0 ? flags.package : p.packages,
    tests: flags.tests === true || p.tests.enabled,
    testTimeoutSeconds: p.tests.timeoutSeconds,
    rustAnalyzer: ra,
    budgetSeconds: p.budgetSeconds,
    targets: p.targets
  };
}
export {
  preflightSettings
};
