/**
 * The Reasoner port: given a packed context bundle, a model proposes anchored edits. Two backends share it: a local
 * GGUF model (LocalLlm, grammar-constrained) and any OpenAI-compatible server (llama-server, Ollama, LM Studio, vLLM).
 * A malformed answer is a rejected proposal (data), never an exception; transport failures are RustgateErrors.
 */
import { RustgateError } from '../../core/errors.js';
import type { AnchoredEdit } from '../../core/context/anchored-edits.js';
import type { ContextBundle } from '../../core/context/pack.js';
import { parseProposal, proposalSchema } from '../../core/context/proposal.js';
import type { LocalLlm } from './local.js';

/** A model's proposal. `rejected` is non-null (and `edits` empty) when the answer was unusable. */
export interface Proposal {
  edits: AnchoredEdit[];
  confidence: number;
  tokensUsed: number;
  rejected: string | null;
  /** The model's raw answer, for the audit log. */
  raw: string;
}

/** Anything that turns a context bundle into a proposal. */
export interface Reasoner {
  /** `local:<file>` or `openai:<model>`. */
  readonly name: string;
  propose(bundle: ContextBundle): Promise<Proposal>;
  /** The model's tokenizer when the backend has one locally. */
  countTokens?(text: string): Promise<number>;
  close(): Promise<void>;
}

function fromText(raw: string, tokensUsed: number): Proposal {
  const parsed = parseProposal(raw);
  if (!parsed.ok) return { edits: [], confidence: 0, tokensUsed, rejected: parsed.reason, raw };
  return { edits: parsed.edits, confidence: parsed.confidence, tokensUsed, rejected: null, raw };
}

/** Options for the local reasoner. */
export interface LocalReasonerOptions {
  /** Upper bound on generated tokens (default 512). */
  maxTokens?: number;
}

/** A Reasoner over a loaded local model; output is constrained by the answer's JSON schema. */
export function createLocalReasoner(llm: LocalLlm, opts: LocalReasonerOptions = {}): Reasoner {
  return {
    name: `local:${llm.modelPath}`,
    async propose(bundle) {
      const res = await llm.complete({ system: bundle.system, prompt: bundle.user, schema: proposalSchema(bundle.plannedKeys), maxTokens: opts.maxTokens ?? 512 });
      const tokens = res.promptTokens + res.completionTokens;
      if (res.parseError !== undefined) return { edits: [], confidence: 0, tokensUsed: tokens, rejected: `answer does not match the schema: ${res.parseError}`, raw: res.text };
      return fromText(res.text, tokens);
    },
    countTokens: (text) => llm.countTokens(text),
    close: () => llm.close(),
  };
}

/** Options for an OpenAI-compatible server. Defaults come from the environment. */
export interface OpenAiReasonerOptions {
  /** e.g. `http://127.0.0.1:8080` (a trailing `/v1` is accepted); default RUSTGATE_OPENAI_BASE_URL. */
  baseUrl?: string;
  /** Bearer key; default RUSTGATE_OPENAI_API_KEY. Never logged or put in errors. */
  apiKey?: string;
  /** Model name sent to the server; default RUSTGATE_OPENAI_MODEL or `local`. */
  model?: string;
  maxTokens?: number;
  timeoutMs?: number;
  env?: NodeJS.ProcessEnv;
}

/** The chat-completions URL for a base URL given with or without `/v1`. */
export function chatCompletionsUrl(baseUrl: string): string {
  const base = baseUrl.replace(/\/+$/, '').replace(/\/v1$/, '');
  return `${base}/v1/chat/completions`;
}

/** A Reasoner that POSTs to `{baseUrl}/v1/chat/completions` with a json_schema response format. */
export function createOpenAiReasoner(opts: OpenAiReasonerOptions = {}): Reasoner {
  const env = opts.env ?? process.env;
  const baseUrl = opts.baseUrl ?? env.RUSTGATE_OPENAI_BASE_URL;
  if (!baseUrl) {
    throw new RustgateError('MODEL_MISSING', 'no OpenAI-compatible server configured', 'set RUSTGATE_OPENAI_BASE_URL (e.g. http://127.0.0.1:8080 for llama-server) and, if needed, RUSTGATE_OPENAI_API_KEY');
  }
  const url = chatCompletionsUrl(baseUrl);
  const apiKey = opts.apiKey ?? env.RUSTGATE_OPENAI_API_KEY;
  const model = opts.model ?? env.RUSTGATE_OPENAI_MODEL ?? 'local';
  const timeoutMs = opts.timeoutMs ?? 120_000;
  return {
    name: `openai:${model}`,
    async propose(bundle) {
      const body = {
        model,
        messages: [
          { role: 'system', content: bundle.system },
          { role: 'user', content: bundle.user },
        ],
        temperature: 0,
        max_tokens: opts.maxTokens ?? 1024,
        response_format: { type: 'json_schema', json_schema: { name: 'rustgate_edits', strict: true, schema: proposalSchema(bundle.plannedKeys, true) } },
      };
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (apiKey) headers.authorization = `Bearer ${apiKey}`;
      let res: Response;
      try {
        res = await fetch(url, { method: 'POST', headers, body: JSON.stringify(body), signal: AbortSignal.timeout(timeoutMs) });
      } catch (e) {
        const err = e as Error;
        if (err.name === 'TimeoutError' || err.name === 'AbortError') {
          throw new RustgateError('MODEL_TIMEOUT', `${url} did not answer within ${timeoutMs} ms`, 'check the server, use a smaller model, or run with `--llm none`');
        }
        const cause = (err.cause as Error | undefined)?.message ?? err.message;
        throw new RustgateError('MODEL_FAILED', `cannot reach ${url}: ${cause}`, 'start the server or fix RUSTGATE_OPENAI_BASE_URL, or run with `--llm none`');
      }
      const text = await res.text();
      if (!res.ok) {
        throw new RustgateError('MODEL_FAILED', `${url} answered HTTP ${res.status}: ${text.slice(0, 200)}`, res.status === 401 || res.status === 403 ? 'check RUSTGATE_OPENAI_API_KEY' : 'check the server log and the model name (RUSTGATE_OPENAI_MODEL)');
      }
      let data: { choices?: Array<{ message?: { content?: unknown } }>; usage?: { total_tokens?: unknown } };
      try {
        data = JSON.parse(text) as typeof data;
      } catch {
        return { edits: [], confidence: 0, tokensUsed: 0, rejected: 'server response is not JSON', raw: text.slice(0, 2000) };
      }
      const content = data.choices?.[0]?.message?.content;
      const tokens = typeof data.usage?.total_tokens === 'number' ? data.usage.total_tokens : 0;
      if (typeof content !== 'string') return { edits: [], confidence: 0, tokensUsed: tokens, rejected: 'server response has no message content', raw: text.slice(0, 2000) };
      return fromText(content, tokens);
    },
    close: async () => {},
  };
}
