/** The JSON schema of `rustgate.yaml` and the typed configuration it becomes. */

/** The configuration file name, at the repository root. */
export const CONFIG_FILE = 'rustgate.yaml';

/** The settings rustgate reads from `<repo>/rustgate.yaml`, after defaults are applied. */
export interface RustgateConfig {
  /** Absolute path of the file the settings came from, or null when there is none (all defaults). */
  file: string | null;
  preflight: {
    /** Time budget of the pre-commit gate, in seconds (reported, not enforced). */
    budgetSeconds: number;
    /** Cargo features to enable for `cargo check` / tests. */
    features: string[];
    allFeatures: boolean;
    /** Restrict checks to these packages (empty: the crates that own the changed files). */
    packages: string[];
    tests: { enabled: boolean; timeoutSeconds: number };
    /** 'auto': use rust-analyzer when it is installed; 'off': cargo check only. */
    rustAnalyzer: 'auto' | 'off';
    /** Cargo targets to check: 'all' (`--all-targets`, the default) or a narrower list (`--lib --tests` …). */
    targets: 'all' | CargoTargetKind[];
  };
  /**
   * `antiPatternTau` and `mode` are present only when the file sets them; `fixSettings` (fix.ts) applies their
   * defaults, so configurations written before they existed read back unchanged.
   */
  fix: { llm: 'none' | 'local' | 'openai'; antiPatternTau?: number; mode?: ResourceModeName; gateSeconds?: number; validateFeatures?: string[][] };
}

/** Cargo's target-selection flags a repository may narrow PreFlight to (`--lib`, `--bins`, …). */
export type CargoTargetKind = 'lib' | 'bins' | 'tests' | 'examples' | 'benches';
export const CARGO_TARGET_KINDS: readonly CargoTargetKind[] = ['lib', 'bins', 'tests', 'examples', 'benches'];

/** Resource modes of the fix pipeline (`fix.mode`, `debug-bug --mode`). */
export type ResourceModeName = 'standard' | 'low-mem' | 'offline';
export const RESOURCE_MODES: readonly ResourceModeName[] = ['standard', 'low-mem', 'offline'];

/** Defaults used for every key the file does not set (and for a missing file). */
const DEFAULTS: RustgateConfig = {
  file: null,
  preflight: {
    budgetSeconds: 20,
    features: [],
    allFeatures: false,
    packages: [],
    tests: { enabled: false, timeoutSeconds: 300 },
    rustAnalyzer: 'auto',
    targets: 'all',
  },
  fix: { llm: 'none' },
};
export const DEFAULT_CONFIG: Readonly<RustgateConfig> = Object.freeze(DEFAULTS);

/** JSON schema (draft-07, as ajv reads it) of the YAML file; snake_case keys as users write them. */
export const CONFIG_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    preflight: {
      type: 'object',
      additionalProperties: false,
      properties: {
        budget_seconds: { type: 'number', exclusiveMinimum: 0, default: 20, description: 'a number of seconds greater than 0' },
        features: { type: 'array', items: { type: 'string', minLength: 1 }, default: [], description: 'a list of Cargo feature names' },
        all_features: { type: 'boolean', default: false, description: 'true or false' },
        packages: { type: 'array', items: { type: 'string', minLength: 1 }, default: [], description: 'a list of Cargo package names' },
        tests: {
          type: 'object',
          additionalProperties: false,
          default: {},
          properties: {
            enabled: { type: 'boolean', default: false, description: 'true or false' },
            timeout_seconds: { type: 'number', exclusiveMinimum: 0, default: 300, description: 'a number of seconds greater than 0' },
          },
        },
        rust_analyzer: { enum: ['auto', 'off'], default: 'auto', description: "'auto' or 'off'" },
        targets: {
          type: 'array',
          minItems: 1,
          uniqueItems: true,
          items: { enum: ['all', 'lib', 'bins', 'tests', 'examples', 'benches'] },
          default: ['all'],
          description: "a list of 'all', 'lib', 'bins', 'tests', 'examples', 'benches'",
        },
      },
      default: {},
    },
    fix: {
      type: 'object',
      additionalProperties: false,
      properties: {
        llm: { enum: ['none', 'local', 'openai'], default: 'none', description: "'none', 'local' or 'openai'" },
        anti_pattern_tau: { type: 'number', exclusiveMinimum: 0, maximum: 1, description: 'a cosine distance in (0, 1], default 0.2' },
        mode: { enum: ['standard', 'low-mem', 'offline'], description: "'standard', 'low-mem' or 'offline'" },
        gate_seconds: { type: 'number', minimum: 0, description: 'seconds the blocked pre-commit may spend looking for a fix (0 turns it off), default 5' },
        validate_features: {
          type: 'array',
          items: { type: 'array', items: { type: 'string', minLength: 1, pattern: '^[^\\s,]+$' } },
          description: 'a list of feature sets, each a list of Cargo feature names checked with --no-default-features (default [[]]: --no-default-features alone; [] turns the extra checks off)',
        },
      },
      default: {},
    },
  },
} as const;

/** The file's shape after ajv applied the defaults. */
export interface RawConfig {
  preflight: {
    budget_seconds: number;
    features: string[];
    all_features: boolean;
    packages: string[];
    tests: { enabled: boolean; timeout_seconds: number };
    rust_analyzer: 'auto' | 'off';
    targets: Array<'all' | CargoTargetKind>;
  };
  fix: { llm: 'none' | 'local' | 'openai'; anti_pattern_tau?: number; mode?: ResourceModeName; gate_seconds?: number; validate_features?: string[][] };
}
