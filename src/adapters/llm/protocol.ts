/**
 * Messages between the parent (LocalLlm) and the model worker process. JSON only (IPC), so vectors travel as
 * number arrays. The worker handles one request at a time, in order.
 */

/** Options for loading a GGUF model in the worker. */
export interface LoadOptions {
  modelPath: string;
  /** CPU threads for llama.cpp (defaults in the parent to os.availableParallelism()). */
  threads: number;
  /** Context window in tokens (clamped by the worker to the model's trained context). */
  contextSize: number;
}

/** A text completion, optionally constrained by a JSON schema (llama.cpp grammar). */
export interface CompleteRequest {
  system: string;
  prompt: string;
  /** JSON schema in node-llama-cpp's GBNF subset; the output then parses as JSON or `parseError` says why not. */
  schema?: object;
  maxTokens: number;
}

export type WorkerRequest =
  | { id: number; op: 'load'; options: LoadOptions }
  | { id: number; op: 'tokenize'; text: string }
  | { id: number; op: 'complete'; request: CompleteRequest }
  | { id: number; op: 'embed'; texts: string[] }
  | { id: number; op: 'dispose' };

/** What `load` reports about the model. */
export interface LoadInfo {
  architecture: string;
  name: string | null;
  trainedContextSize: number;
  contextSize: number;
  embeddingSize: number;
  hasChatTemplate: boolean;
  threads: number;
}

/** What `complete` reports. */
export interface CompleteResult {
  text: string;
  promptTokens: number;
  completionTokens: number;
  /** Parsed JSON when a schema was given and the output satisfied it. */
  parsed?: unknown;
  /** Why the output did not satisfy the schema (the "model returned garbage" case). */
  parseError?: string;
  ms: number;
}

/** A failure inside the worker; `log` holds llama.cpp's warnings and errors (the real cause of "Failed to load model"). */
export interface WorkerFailure {
  kind: 'load' | 'run' | 'bad_request';
  message: string;
  log: string[];
}

export type WorkerResponse =
  | { id: number; ok: true; result: unknown }
  | { id: number; ok: false; error: WorkerFailure };
