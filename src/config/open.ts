/**
 * The configuration for a command's hot path: when the repository has no `rustgate.yaml` (the common case) the
 * defaults come back without loading the YAML parser and the schema validator (≈ 60 ms of module loading, a fifth
 * of the pre-commit hook's fixed-cost budget); anything at that path — a file, a directory, a FIFO — goes through
 * `loadConfig` and its checks.
 */
import { lstatSync } from 'node:fs';
import path from 'node:path';
import { CONFIG_FILE, DEFAULT_CONFIG, type RustgateConfig } from './schema.js';

/** `loadConfig(root)`, loading the parser only when there is something to parse. */
export async function openConfig(root: string): Promise<RustgateConfig> {
  try {
    lstatSync(path.resolve(root, CONFIG_FILE));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return structuredClone(DEFAULT_CONFIG) as RustgateConfig;
  }
  const { loadConfig } = await import('./load.js');
  return loadConfig(root);
}
