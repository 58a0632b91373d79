/**
 * node-llama-cpp is an optional peer dependency (its platform builds are ~700 MB): only `--llm local`, `models pull`
 * and the GGUF embedder need it. This module is the one place that finds it and says what to install when it is not
 * there, as a typed error, before a worker is started or a download begins.
 */
import { RustgateError } from '../../core/errors.js';

/** The exact version rustgate is tested with (package.json pins the same as its optional peer). */
export const LLAMA_CPP_VERSION = '3.21.1';

/** The typed error for a missing node-llama-cpp, naming the install command for how rustgate was installed. */
export function llamaCppMissing(what: string, cause?: unknown): RustgateError {
  return new RustgateError(
    'LLM_UNAVAILABLE',
    `${what} needs node-llama-cpp, an optional dependency that is not installed`,
    `install it next to rustgate: \`npm i -E node-llama-cpp@${LLAMA_CPP_VERSION}\` (global install: \`npm i -g -E node-llama-cpp@${LLAMA_CPP_VERSION}\`), ` +
      'or use `--llm none` (patterns and rustc suggestions only) or `--llm openai`',
    { cause },
  );
}

/** True when `node-llama-cpp` resolves from this module (without loading it). */
export function hasLlamaCpp(): boolean {
  try {
    import.meta.resolve('node-llama-cpp');
    return true;
  } catch {
    return false;
  }
}

/** Throws LLM_UNAVAILABLE naming what to install when node-llama-cpp cannot be found; `what` names the feature. */
export function requireLlamaCpp(what: string): void {
  if (!hasLlamaCpp()) throw llamaCppMissing(what);
}

/** Imports node-llama-cpp, turning "not installed" into LLM_UNAVAILABLE; other load failures pass through. */
export async function importLlamaCpp(what: string): Promise<typeof import('node-llama-cpp')> {
  requireLlamaCpp(what);
  try {
    return await import('node-llama-cpp');
  } catch (e) {
    if ((e as { code?: string }).code === 'ERR_MODULE_NOT_FOUND' && String((e as Error).message).includes("'node-llama-cpp'")) throw llamaCppMissing(what, e);
    throw e;
  }
}
