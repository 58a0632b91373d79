/**
 * The model worker: a child process that owns node-llama-cpp. A malformed GGUF can abort the process that loads it
 * (SIGABRT), so rustgate never loads a model in its own process; the parent (local.ts) turns a dead worker into a
 * clear error. Speaks WorkerRequest/WorkerResponse over the fork IPC channel, one request at a time.
 */
import {
  getLlama,
  LlamaChatSession,
  LlamaCompletion,
  LlamaLogLevel,
  readGgufFileInfo,
  type Llama,
  type LlamaContext,
  type LlamaEmbeddingContext,
  type LlamaModel,
} from 'node-llama-cpp';
import type { CompleteRequest, CompleteResult, LoadInfo, LoadOptions, WorkerFailure, WorkerRequest, WorkerResponse } from './protocol.js';

const LOG_LINES = 40;
const log: string[] = [];
/** Lines ever kept (log itself is capped), so a wait can tell that new lines arrived. */
let logged = 0;
let llama: Llama | undefined;
let model: LlamaModel | undefined;
let context: LlamaContext | undefined;
let embedding: LlamaEmbeddingContext | undefined;
let options: LoadOptions | undefined;

/** An error that already knows which phase failed. */
class Failure extends Error {
  constructor(
    readonly kind: WorkerFailure['kind'],
    message: string,
  ) {
    super(message);
  }
}

function keepLog(level: LlamaLogLevel, message: string): void {
  // Keep warnings and worse: they carry the real cause behind "Failed to load model".
  if (level === LlamaLogLevel.warn || level === LlamaLogLevel.error || level === LlamaLogLevel.fatal) {
    const line = message.trim();
    if (line) {
      log.push(line);
      logged += 1;
    }
    if (log.length > LOG_LINES) log.shift();
  }
}

async function load(opts: LoadOptions): Promise<LoadInfo> {
  options = opts;
  // The JS GGUF reader gives a precise error for a bad header before llama.cpp sees the file.
  try {
    await readGgufFileInfo(opts.modelPath, { readTensorInfo: true });
  } catch (e) {
    throw new Failure('load', `not a readable GGUF file: ${(e as Error).message}`);
  }
  llama = await getLlama({
    gpu: false,
    build: 'never',
    logLevel: LlamaLogLevel.warn,
    logger: keepLog,
    maxThreads: opts.threads,
    progressLogs: false,
  });
  const logBefore = logged;
  try {
    model = await llama.loadModel({ modelPath: opts.modelPath, gpuLayers: 0, checkTensors: true });
  } catch (e) {
    // llama.cpp's log lines reach JS asynchronously; on a busy machine they can arrive after the rejection, and
    // they carry the cause, so wait briefly (at most 1 s) for them.
    for (let waited = 0; logged === logBefore && waited < 1000; waited += 25) await new Promise((r) => setTimeout(r, 25));
    throw new Failure('load', (e as Error).message);
  }
  const trained = model.trainContextSize;
  const contextSize = Math.max(64, Math.min(opts.contextSize, trained > 0 ? trained : opts.contextSize));
  context = await model.createContext({ contextSize, threads: opts.threads, sequences: 1 });
  const meta = model.fileInfo.metadata as { general?: { architecture?: string; name?: string }; tokenizer?: { chat_template?: string } };
  return {
    architecture: String(meta.general?.architecture ?? 'unknown'),
    name: meta.general?.name ?? null,
    trainedContextSize: trained,
    contextSize: context.contextSize,
    embeddingSize: model.embeddingVectorSize,
    hasChatTemplate: typeof meta.tokenizer?.chat_template === 'string' && meta.tokenizer.chat_template.length > 0,
    threads: opts.threads,
  };
}

function loaded(): { model: LlamaModel; context: LlamaContext; llama: Llama } {
  if (model === undefined || context === undefined || llama === undefined) throw new Failure('bad_request', 'no model loaded');
  return { model, context, llama };
}

async function complete(req: CompleteRequest): Promise<CompleteResult> {
  const { model: m, context: ctx, llama: l } = loaded();
  const started = Date.now();
  const grammar = req.schema === undefined ? undefined : await l.createGrammarForJsonSchema(req.schema as never);
  const sequence = ctx.getSequence();
  let text: string;
  try {
    const meta = m.fileInfo.metadata as { tokenizer?: { chat_template?: string } };
    if (meta.tokenizer?.chat_template) {
      // Instruct models: let the model's own chat template frame the system and user messages.
      const session = new LlamaChatSession({ contextSequence: sequence, systemPrompt: req.system, autoDisposeSequence: false });
      text = await session.prompt(req.prompt, { grammar, maxTokens: req.maxTokens, temperature: 0 });
      session.dispose({ disposeSequence: false });
    } else {
      // No template (e.g. the tiny test model): a plain completion avoids Llama2Chat's long default framing.
      const completion = new LlamaCompletion({ contextSequence: sequence, autoDisposeSequence: false });
      text = await completion.generateCompletion(`${req.system}\n\n${req.prompt}\n`, { grammar, maxTokens: req.maxTokens, temperature: 0 });
      completion.dispose({ disposeSequence: false });
    }
  } finally {
    sequence.dispose();
  }
  const result: CompleteResult = {
    text,
    promptTokens: m.tokenize(`${req.system}\n\n${req.prompt}\n`).length,
    completionTokens: m.tokenize(text).length,
    ms: Date.now() - started,
  };
  if (grammar !== undefined) {
    try {
      result.parsed = grammar.parse(text);
    } catch (e) {
      result.parseError = (e as Error).message;
    }
  }
  return result;
}

async function embed(texts: string[]): Promise<number[][]> {
  const { model: m } = loaded();
  embedding ??= await m.createEmbeddingContext({ contextSize: Math.min(options?.contextSize ?? 512, 2048), threads: options?.threads ?? 1 });
  const out: number[][] = [];
  for (const t of texts) out.push([...(await embedding.getEmbeddingFor(t)).vector]);
  return out;
}

async function handle(req: WorkerRequest): Promise<unknown> {
  switch (req.op) {
    case 'load':
      return load(req.options);
    case 'tokenize':
      return [...loaded().model.tokenize(req.text)];
    case 'complete':
      return complete(req.request);
    case 'embed':
      return embed(req.texts);
    case 'dispose':
      await embedding?.dispose();
      await context?.dispose();
      await model?.dispose();
      await llama?.dispose();
      return null;
  }
}

function reply(res: WorkerResponse): void {
  process.send?.(res);
}

let chain: Promise<void> = Promise.resolve();
process.on('message', (msg: WorkerRequest) => {
  chain = chain.then(async () => {
    log.length = 0;
    try {
      reply({ id: msg.id, ok: true, result: await handle(msg) });
    } catch (e) {
      const kind = e instanceof Failure ? e.kind : msg.op === 'load' ? 'load' : 'run';
      reply({ id: msg.id, ok: false, error: { kind, message: (e as Error).message ?? String(e), log: [...log] } });
    }
    if (msg.op === 'dispose') process.disconnect?.();
  });
});
// The parent going away ends the worker too (no orphaned model processes).
process.on('disconnect', () => process.exit(0));
