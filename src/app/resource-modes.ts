/**
 * Resource modes of the fix pipeline: `standard` (current defaults), `low-mem` (the smallest fitting reasoner, a
 * 6K context, one model thread, a smaller retrieval cap, serial validation) and `offline` (never touch the network).
 * Chosen by `debug-bug --mode` or `fix.mode` in rustgate.yaml; the flag wins. Resolution is pure.
 */
import { RustgateError } from '../core/errors.js';
import { RESOURCE_MODES, type ResourceModeName } from '../config/schema.js';

/** What one run may use. `undefined` knobs keep the component's own default. */
export interface ResourcePlan {
  mode: ResourceModeName;
  /** Where the mode came from. */
  from: 'flag' | 'config' | 'default';
  /** True when nothing may touch the network (offline mode, or RUSTGATE_OFFLINE=1 in any mode). */
  offline: boolean;
  /** Memory the reasoner choice may assume (recommendModel's cap), bytes. */
  reasonerMemBytes: number;
  /** Model context window (tokens); undefined = LocalLlm's default. */
  contextSize: number | undefined;
  /** llama.cpp threads; undefined = LocalLlm's default. */
  modelThreads: number | undefined;
  /** ISG neighbours per hop when planning the fix scope. */
  retrievalCapPerHop: number;
  /** Candidate validations run at once (the search validates one at a time today). */
  validationParallelism: number;
  /** Whether a larger fallback model may be taken from the manifest (an explicit --fallback-model is always allowed). */
  escalateFromManifest: boolean;
}

/** Standard retrieval cap per hop (debug-bug's plan). */
export const STANDARD_RETRIEVAL_CAP = 30;
/** low-mem: at most 4 GiB (and at most half the machine) for the reasoner. */
const LOW_MEM_REASONER_CAP = 4 * 1024 ** 3;

function envOffline(env: NodeJS.ProcessEnv): boolean {
  const v = env.RUSTGATE_OFFLINE;
  return v === '1' || v === 'true';
}

/** The plan for `flag` (--mode), else the config's `fix.mode`, else standard. A bad flag is BAD_FLAG. */
export function resolveResourceMode(flag: string | undefined, configMode: ResourceModeName | null | undefined, env: NodeJS.ProcessEnv, totalMemBytes: number): ResourcePlan {
  if (flag !== undefined && !RESOURCE_MODES.includes(flag as ResourceModeName)) {
    throw new RustgateError('BAD_FLAG', `unknown --mode: ${flag}`, `Use --mode ${RESOURCE_MODES.join(', ')} (or set fix.mode in rustgate.yaml).`);
  }
  const mode: ResourceModeName = (flag as ResourceModeName | undefined) ?? configMode ?? 'standard';
  const from = flag !== undefined ? 'flag' : configMode != null ? 'config' : 'default';
  const offline = mode === 'offline' || envOffline(env);
  if (mode === 'low-mem') {
    return {
      mode,
      from,
      offline,
      reasonerMemBytes: Math.min(totalMemBytes / 2, LOW_MEM_REASONER_CAP),
      contextSize: 6144,
      modelThreads: 1,
      retrievalCapPerHop: 25,
      validationParallelism: 1,
      escalateFromManifest: false,
    };
  }
  return {
    mode,
    from,
    offline,
    reasonerMemBytes: totalMemBytes,
    contextSize: undefined,
    modelThreads: undefined,
    retrievalCapPerHop: STANDARD_RETRIEVAL_CAP,
    validationParallelism: 1,
    escalateFromManifest: true,
  };
}

/** True for a URL whose host is this machine (localhost, 127.0.0.0/8, ::1). */
export function isLoopbackUrl(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return false;
  }
  host = host.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host.endsWith('.localhost') || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** Refuses `--llm openai` in an offline plan unless RUSTGATE_OPENAI_BASE_URL points at this machine. */
export function checkLlmAllowed(plan: ResourcePlan, llm: string, env: NodeJS.ProcessEnv): void {
  if (!plan.offline || llm !== 'openai') return;
  const base = env.RUSTGATE_OPENAI_BASE_URL;
  if (base !== undefined && base !== '' && isLoopbackUrl(base)) return;
  const why = plan.mode === 'offline' ? `--mode offline${plan.from === 'config' ? ' (fix.mode in rustgate.yaml)' : ''}` : 'RUSTGATE_OFFLINE=1';
  throw new RustgateError(
    'BAD_FLAG',
    `--llm openai would reach ${base ? hostOf(base) : 'an unconfigured server'} over the network, which ${why} forbids`,
    'Point RUSTGATE_OPENAI_BASE_URL at a local server (http://127.0.0.1:PORT), use --llm local or none, or drop offline mode.',
  );
}
