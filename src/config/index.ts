/** rustgate's configuration: `rustgate.yaml` at the repository root, and how it combines with flags. */
export { loadConfig, parseConfigText } from './load.js';
export { openConfig } from './open.js';
export { CONFIG_FILE } from './schema.js';
export { preflightSettings, type PreflightConfigFlags, type PreflightSettings } from './preflight.js';
export { CONFIG_SCHEMA, DEFAULT_CONFIG, type RustgateConfig } from './schema.js';
export { DEFAULT_FIX_ANTI_PATTERN_TAU, fixSettings, type FixSettings } from './fix.js';
export { CARGO_TARGET_KINDS, RESOURCE_MODES, type CargoTargetKind, type ResourceModeName } from './schema.js';
