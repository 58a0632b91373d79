/**
 * Wires `--tests`, the rust-analyzer overlay and rustgate.yaml defaults into `rustgate preflight`, through the seams
 * of registerPreflight (src/cli/commands/preflight.ts). Flags given on the command line win over the file.
 */
import type { Command } from 'commander';
import type { PreflightExtension } from '../../app/preflight.js';
import { impactedTestsExtension } from '../../adapters/cargo/test-runner.js';
import { rustAnalyzerExtension } from '../../adapters/lsp/index.js';
import type { PreflightCliSeams, PreflightFlags } from './preflight.js';
import { loadConfig, preflightSettings } from '../../config/index.js';

export function preflightSeams(): PreflightCliSeams {
  return {
    addOptions: (cmd: Command) => {
      cmd.option('--tests', 'also run the tests of the changed crates and of the crates that depend on them');
      cmd.option('--rust-analyzer <mode>', 'auto (use it when installed) or off');
    },
    extensions: (flags: PreflightFlags): PreflightExtension[] => {
      const s = preflightSettings(loadConfig(flags.repo), flags);
      // rustgate.yaml defaults for the flags left out (registerPreflight reads these after this call).
      flags.features = s.features;
      flags.allFeatures = s.allFeatures;
      flags.package = s.packages;
      const exts: PreflightExtension[] = [];
      if (s.rustAnalyzer !== 'off') exts.push(rustAnalyzerExtension({ mode: s.rustAnalyzer }));
      if (s.tests) exts.push(impactedTestsExtension({ timeoutSeconds: s.testTimeoutSeconds, features: s.features, allFeatures: s.allFeatures }));
      return exts;
    },
  };
}
