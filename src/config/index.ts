/** rustgate's configuration: `rustgate.yaml` at the repository root. */
export { CONFIG_FILE, loadConfig, parseConfigText } from './load.js';
export { CONFIG_SCHEMA, DEFAULT_CONFIG, type RustgateConfig } from './schema.js';
