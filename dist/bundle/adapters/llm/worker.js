import { createRequire as __rgCreateRequire } from 'node:module';
const require = __rgCreateRequire(import.meta.url);

// src/adapters/llm/worker.ts
import {
  getLlama,
  LlamaChatSession,
  LlamaCompletion,
  LlamaLogLevel,
  readGgufFileInfo
} from "node-llama-cpp";
var LOG_LINES = 40;
var log = [];
var logged = 0;
var llama;
var model;
var context;
var embedding;
var options;
var Failure = class extends Error {
  constructor(kind, message) {
    super(message);
    this.kind = kind;
  }
  kind;
};
function keepLog(level, message) {
  if (level === LlamaLogLevel.warn || level === LlamaLogLevel.error || level === LlamaLogLevel.fatal) {
    const line = message.trim();
    if (line) {
      log.push(line);
      logged += 1;
    }
    if (log.length > LOG_LINES) log.shift();
  }
}
async function load(opts) {
  options = opts;
  try {
    await readGgufFileInfo(opts.modelPath, { readTensorInfo: true });
  } catch (e) {
    throw new Failure("load", `not a readable GGUF file: ${e.message}`);
  }
  llama = await getLlama({
    gpu: false,
    build: "never",
    logLevel: LlamaLogLevel.warn,
    logger: keepLog,
    maxThreads: opts.threads,
    progressLogs: false
  });
  const logBefore = logged;
  try {
    model = await llama.loadModel({ modelPath: opts.modelPath, gpuLayers: 0, checkTensors: true });
  } catch (e) {
    for (let waited = 0; logged === logBefore && waited < 1e3; waited += 25) await new Promise((r) => setTimeout(r, 25));
    throw new Failure("load", e.message);
  }
  const trained = model.trainContextSize;
  const contextSize = Math.max(64, Math.min(opts.contextSize, trained > 0 ? trained : opts.contextSize));
  context = await model.createContext({ contextSize, threads: opts.threads, sequences: 1 });
  const meta = model.fileInfo.metadata;
  return {
    architecture: String(meta.general?.architecture ?? "unknown"),
    name: meta.general?.name ?? null,
    trainedContextSize: trained,
    contextSize: context.contextSize,
    embeddingSize: model.embeddingVectorSize,
    hasChatTemplate: typeof meta.tokenizer?.chat_template === "string" && meta.tokenizer.chat_template.length > 0,
    threads: opts.threads
  };
}
function loaded() {
  if (model === void 0 || context === void 0 || llama === void 0) throw new Failure("bad_request", "no model loaded");
  return { model, context, llama };
}
async function complete(req) {
  const { model: m, context: ctx, llama: l } = loaded();
  const started = Date.now();
  const grammar = req.schema === void 0 ? void 0 : await l.createGrammarForJsonSchema(req.schema);
  const sequence = ctx.getSequence();
  let text;
  try {
    const meta = m.fileInfo.metadata;
    if (meta.tokenizer?.chat_template) {
      const session = new LlamaChatSession({ contextSequence: sequence, systemPrompt: req.system, autoDisposeSequence: false });
      text = await session.prompt(req.prompt, { grammar, maxTokens: req.maxTokens, temperature: 0 });
      session.dispose({ disposeSequence: false });
    } else {
      const completion = new LlamaCompletion({ contextSequence: sequence, autoDisposeSequence: false });
      text = await completion.generateCompletion(`${req.system}

${req.prompt}
`, { grammar, maxTokens: req.maxTokens, temperature: 0 });
      completion.dispose({ disposeSequence: false });
    }
  } finally {
    sequence.dispose();
  }
  const result = {
    text,
    promptTokens: m.tokenize(`${req.system}

${req.prompt}
`).length,
    completionTokens: m.tokenize(text).length,
    ms: Date.now() - started
  };
  if (grammar !== void 0) {
    try {
      result.parsed = grammar.parse(text);
    } catch (e) {
      result.parseError = e.message;
    }
  }
  return result;
}
async function embed(texts) {
  const { model: m } = loaded();
  embedding ??= await m.createEmbeddingContext({ contextSize: Math.min(options?.contextSize ?? 512, 2048), threads: options?.threads ?? 1 });
  const out = [];
  for (const t of texts) out.push([...(await embedding.getEmbeddingFor(t)).vector]);
  return out;
}
async function handle(req) {
  switch (req.op) {
    case "load":
      return load(req.options);
    case "tokenize":
      return [...loaded().model.tokenize(req.text)];
    case "complete":
      return complete(req.request);
    case "embed":
      return embed(req.texts);
    case "dispose":
      await embedding?.dispose();
      await context?.dispose();
      await model?.dispose();
      await llama?.dispose();
      return null;
  }
}
function reply(res) {
  process.send?.(res);
}
var chain = Promise.resolve();
process.on("message", (msg) => {
  chain = chain.then(async () => {
    log.length = 0;
    try {
      reply({ id: msg.id, ok: true, result: await handle(msg) });
    } catch (e) {
      const kind = e instanceof Failure ? e.kind : msg.op === "load" ? "load" : "run";
      reply({ id: msg.id, ok: false, error: { kind, message: e.message ?? String(e), log: [...log] } });
    }
    if (msg.op === "dispose") process.disconnect?.();
  });
});
process.on("disconnect", () => process.exit(0));
