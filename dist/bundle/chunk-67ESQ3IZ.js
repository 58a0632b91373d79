import { createRequire as __rgCreateRequire } from 'node:module';
const require = __rgCreateRequire(import.meta.url);

// src/cli/commands/preflight-seams.ts
function preflightSeams() {
  return {
    addOptions: (cmd) => {
      cmd.option("--tests", "also run the tests of the changed crates and of the crates that depend on them");
      cmd.option("--rust-analyzer <mode>", "auto (use it when installed) or off; off by default in git hooks (--hook)");
    },
    extensions: async (flags) => {
      const [{ openConfig }, { preflightSettings }] = await Promise.all([import("./chunk-WTBKKSNF.js"), import("./chunk-LL3H45IK.js")]);
      const s = preflightSettings(await openConfig(flags.repo), flags);
      flags.features = s.features;
      flags.allFeatures = s.allFeatures;
      flags.package = s.packages;
      flags.targets = s.targets;
      const exts = [];
      if (s.rustAnalyzer !== "off") {
        const { rustAnalyzerExtension } = await import("./chunk-FR23UXZH.js");
        exts.push(rustAnalyzerExtension({ mode: s.rustAnalyzer }));
      }
      if (s.tests) {
        const { impactedTestsExtension } = await import("./chunk-4TZWAAO7.js");
        exts.push(impactedTestsExtension({ timeoutSeconds: s.testTimeoutSeconds, features: s.features, allFeatures: s.allFeatures }));
      }
      return exts;
    }
  };
}

export {
  preflightSeams
};
