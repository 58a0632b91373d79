/** How `rustgate.yaml` and the command-line flags combine into the settings of one PreFlight run. Pure. */
import type { CargoTargetKind, RustgateConfig } from './schema.js';

/** The flags of `rustgate preflight` that have a configuration default (commander's camelCase names). */
export interface PreflightConfigFlags {
  features?: string[];
  allFeatures?: boolean;
  package?: string[];
  tests?: boolean;
  rustAnalyzer?: string;
  /** Invoked from a git hook: the rust-analyzer overlay (10–15 s to load) stays off unless asked for. */
  hook?: boolean;
}

/** Effective settings of one run. */
export interface PreflightSettings {
  features: string[];
  allFeatures: boolean;
  packages: string[];
  tests: boolean;
  testTimeoutSeconds: number;
  rustAnalyzer: 'auto' | 'off';
  budgetSeconds: number;
  /** 'all' (`--all-targets`) or the narrower list from `preflight.targets`. */
  targets: 'all' | CargoTargetKind[];
}

/**
 * A flag given on the command line wins over the file; a flag left out takes the file's value (or its default).
 * `--tests` turns tests on for this run; `preflight.tests.enabled: true` turns them on for every run. In a hook
 * (`--hook`) the rust-analyzer overlay is off unless `--rust-analyzer` is given on the command line.
 */
export function preflightSettings(config: RustgateConfig, flags: PreflightConfigFlags): PreflightSettings {
  const p = config.preflight;
  const ra = flags.rustAnalyzer === 'off' || flags.rustAnalyzer === 'auto' ? flags.rustAnalyzer : flags.hook === true ? 'off' : p.rustAnalyzer;
  return {
    features: flags.features && flags.features.length > 0 ? flags.features : p.features,
    allFeatures: flags.allFeatures === true || p.allFeatures,
    packages: flags.package && flags.package.length > 0 ? flags.package : p.packages,
    tests: flags.tests === true || p.tests.enabled,
    testTimeoutSeconds: p.tests.timeoutSeconds,
    rustAnalyzer: ra,
    budgetSeconds: p.budgetSeconds,
    targets: p.targets,
  };
}
