/** The `fix:` section of `rustgate.yaml` with every default applied. Pure. */
import type { ResourceModeName, RustgateConfig } from './schema.js';

/** Default τ of the vector anti-pattern detector (cosine distance; see src/core/vectors/antipattern-vectors.ts). */
export const DEFAULT_FIX_ANTI_PATTERN_TAU = 0.2;

/** Default seconds a blocked pre-commit may spend on the zero-LLM fix search (`fix.gate_seconds`; 0 = off). */
export const DEFAULT_FIX_GATE_SECONDS = 5;

/**
 * Default extra configurations a candidate is validated in (`fix.validate_features`), for the selected packages that
 * declare features: one, `--no-default-features` with no feature enabled.
 */
export const DEFAULT_FIX_VALIDATE_FEATURES: readonly (readonly string[])[] = [[]];

/** Effective fix settings. `mode` stays null when the file does not choose one (the flag or `standard` decides). */
export interface FixSettings {
  llm: 'none' | 'local' | 'openai';
  antiPatternTau: number;
  mode: ResourceModeName | null;
  /** Seconds a blocked pre-commit may spend looking for a fix; 0 turns it off. */
  gateSeconds: number;
  /** Feature sets a candidate is also checked with (`--no-default-features --features SET`); [] = none. */
  validateFeatures: string[][];
}

/** The file's fix settings, defaults filled in. */
export function fixSettings(config: RustgateConfig): FixSettings {
  return {
    llm: config.fix.llm,
    antiPatternTau: config.fix.antiPatternTau ?? DEFAULT_FIX_ANTI_PATTERN_TAU,
    mode: config.fix.mode ?? null,
    gateSeconds: config.fix.gateSeconds ?? DEFAULT_FIX_GATE_SECONDS,
    validateFeatures: (config.fix.validateFeatures ?? DEFAULT_FIX_VALIDATE_FEATURES).map((set) => [...set]),
  };
}
