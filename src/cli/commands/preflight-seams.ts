/**
 * Wires `--tests`, the rust-analyzer overlay and rustgate.yaml defaults into `rustgate preflight`, through the seams
 * of registerPreflight (src/cli/commands/preflight.ts). Flags given on the command line win over the file.
 * Registration adds flags only; the test runner, the LSP adapter and the config loader are loaded in the action, so
 * `--version`, `--help` and other commands never pay for them.
 */
import type { Command } from 'commander';
import type { PreflightExtension } from '../../app/preflight.js';
import type { PreflightCliSeams, PreflightFlags } from './preflight.js';

export function preflightSeams(): PreflightCliSeams {
  return {
    addOptions: (cmd: Command) => {
      cmd.option('--tests', 'also run the tests of the changed crates and of the crates that depend on them');
      cmd.option('--rust-analyzer <mode>', 'auto (use it when installed) or off; off by default in git hooks (--hook)');
    },
    extensions: async (flags: PreflightFlags): Promise<PreflightExtension[]> => {
      const [{ openConfig }, { preflightSettings }] = await Promise.all([import('../../config/open.js'), import('../../config/preflight.js')]);
      const s = preflightSettings(await openConfig(flags.repo), flags);
      // rustgate.yaml defaults for the flags left out (registerPreflight reads these after this call).
      flags.features = s.features;
      flags.allFeatures = s.allFeatures;
      flags.package = s.packages;
      flags.targets = s.targets;
      const exts: PreflightExtension[] = [];
      if (s.rustAnalyzer !== 'off') {
        const { rustAnalyzerExtension } = await import('../../adapters/lsp/index.js');
        exts.push(rustAnalyzerExtension({ mode: s.rustAnalyzer }));
      }
      if (s.tests) {
        const { impactedTestsExtension } = await import('../../adapters/cargo/test-runner.js');
        exts.push(impactedTestsExtension({ timeoutSeconds: s.testTimeoutSeconds, features: s.features, allFeatures: s.allFeatures }));
      }
      return exts;
    },
  };
}
