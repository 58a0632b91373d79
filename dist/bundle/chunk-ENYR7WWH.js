import { createRequire as __rgCreateRequire } from 'node:module';
const require = __rgCreateRequire(import.meta.url);
import {
  anchoredEditsToFileEdits,
  contextAntiPatterns,
  describeHits,
  introducedAntiPatterns,
  namedInError,
  packContext,
  sliceLines
} from "./chunk-WS3TDYVB.js";
import {
  loadPatterns
} from "./chunk-WV7XI54U.js";
import "./chunk-FNBINZXZ.js";
import "./chunk-H2WUFI7S.js";
import "./chunk-I4KIIW5R.js";
import {
  require_dist
} from "./chunk-Q3WIQE64.js";
import "./chunk-5XHP4R5W.js";
import "./chunk-CS55E7MD.js";
import {
  RELS
} from "./chunk-6CU5GOAN.js";
import {
  RustgateError
} from "./chunk-LM6P7DGY.js";
import {
  __toESM
} from "./chunk-AMJD2YOB.js";

// src/app/models.ts
var import_yaml = __toESM(require_dist(), 1);
import { createHash } from "node:crypto";
import { closeSync, constants as fsConstants, createReadStream, existsSync as existsSync2, fstatSync, mkdirSync, openSync, readFileSync, readSync, renameSync, rmSync, statSync as statSync2, writeFileSync } from "node:fs";
import os2 from "node:os";
import path2 from "node:path";
import { fileURLToPath as fileURLToPath2 } from "node:url";

// src/core/gguf/header.ts
var MAGIC = [71, 71, 85, 70];
var MAX_STRING = 1 << 20;
var MAX_TENSORS = 10000000n;
var MAX_KVS = 1000000n;
var FIXED = { 0: 1, 1: 1, 2: 2, 3: 2, 4: 4, 5: 4, 6: 4, 7: 1, 10: 8, 11: 8, 12: 8 };
var T_STRING = 8;
var T_ARRAY = 9;
var OutOfBytes = class extends Error {
};
var Reader = class {
  constructor(bytes) {
    this.bytes = bytes;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  bytes;
  view;
  pos = 0;
  need(n) {
    if (n < 0 || this.pos + n > this.bytes.byteLength) throw new OutOfBytes();
  }
  u32() {
    this.need(4);
    const v = this.view.getUint32(this.pos, true);
    this.pos += 4;
    return v;
  }
  u64() {
    this.need(8);
    const v = this.view.getBigUint64(this.pos, true);
    this.pos += 8;
    return v;
  }
  skip(n) {
    this.need(n);
    this.pos += n;
  }
  string() {
    const len = this.u64();
    if (len > BigInt(MAX_STRING)) return null;
    const n = Number(len);
    this.need(n);
    const s = new TextDecoder("utf-8", { fatal: false }).decode(this.bytes.subarray(this.pos, this.pos + n));
    this.pos += n;
    return s;
  }
};
function skipValue(r, type, depth = 0) {
  const fixed = FIXED[type];
  if (fixed !== void 0) {
    r.skip(fixed);
    return true;
  }
  if (type === T_STRING) return r.string() !== null;
  if (type === T_ARRAY && depth === 0) {
    const inner = r.u32();
    const count = r.u64();
    const innerFixed = FIXED[inner];
    if (innerFixed !== void 0) {
      const total = count * BigInt(innerFixed);
      if (total > BigInt(Number.MAX_SAFE_INTEGER)) return false;
      r.skip(Number(total));
      return true;
    }
    if (inner !== T_STRING) return false;
    for (let i = 0n; i < count; i++) if (r.string() === null) return false;
    return true;
  }
  return false;
}
function parseGgufHeader(bytes) {
  if (bytes.byteLength < 24) return { ok: false, problem: `too short for a GGUF header (${bytes.byteLength} bytes)` };
  if (!MAGIC.every((b, i) => bytes[i] === b)) return { ok: false, problem: "not a GGUF file (bad magic)" };
  const r = new Reader(bytes);
  r.skip(4);
  const version = r.u32();
  if (version !== 2 && version !== 3) return { ok: false, problem: `unsupported GGUF version ${version} (2 or 3 expected)` };
  const tensorCount = r.u64();
  const kvCount = r.u64();
  if (tensorCount > MAX_TENSORS) return { ok: false, problem: `implausible tensor count ${tensorCount}` };
  if (kvCount > MAX_KVS) return { ok: false, problem: `implausible metadata count ${kvCount}` };
  let architecture = null;
  try {
    for (let i = 0n; i < kvCount; i++) {
      const key = r.string();
      if (key === null) return { ok: false, problem: `metadata key ${i} is too long` };
      const type = r.u32();
      if (key === "general.architecture") {
        if (type !== T_STRING) return { ok: false, problem: "general.architecture is not a string" };
        architecture = r.string();
        if (architecture === null) return { ok: false, problem: "general.architecture is too long" };
        break;
      }
      if (!skipValue(r, type)) return { ok: false, problem: `metadata ${JSON.stringify(key.slice(0, 80))} has an unknown or oversized type ${type}` };
    }
  } catch (e) {
    if (!(e instanceof OutOfBytes)) throw e;
  }
  return { ok: true, header: { version, tensorCount, kvCount, architecture } };
}

// src/adapters/llm/llama-cpp.ts
var LLAMA_CPP_VERSION = "3.21.1";
function llamaCppMissing(what, cause) {
  return new RustgateError(
    "LLM_UNAVAILABLE",
    `${what} needs node-llama-cpp, an optional dependency that is not installed`,
    `install it next to rustgate: \`npm i -E node-llama-cpp@${LLAMA_CPP_VERSION}\` (global install: \`npm i -g -E node-llama-cpp@${LLAMA_CPP_VERSION}\`), or use \`--llm none\` (patterns and rustc suggestions only) or \`--llm openai\``,
    { cause }
  );
}
function hasLlamaCpp() {
  try {
    import.meta.resolve("node-llama-cpp");
    return true;
  } catch {
    return false;
  }
}
function requireLlamaCpp(what) {
  if (!hasLlamaCpp()) throw llamaCppMissing(what);
}
async function importLlamaCpp(what) {
  requireLlamaCpp(what);
  try {
    return await import("node-llama-cpp");
  } catch (e) {
    if (e.code === "ERR_MODULE_NOT_FOUND" && String(e.message).includes("'node-llama-cpp'")) throw llamaCppMissing(what, e);
    throw e;
  }
}

// src/adapters/llm/local.ts
import { fork } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
var __rgMetaUrl = new URL("./adapters/llm/local.js", import.meta.url).href;
function workerEntry() {
  const here = fileURLToPath(__rgMetaUrl);
  const ext = path.extname(here);
  const file = path.join(path.dirname(here), `worker${ext}`);
  if (ext !== ".ts") return { file, execArgv: [] };
  const tsx = createRequire(__rgMetaUrl).resolve("tsx");
  return { file, execArgv: ["--import", pathToFileURL(tsx).href] };
}
function describe(f) {
  const tail = f.log.filter((l) => l.length > 0).slice(-6);
  return tail.length ? `${f.message} (llama.cpp: ${tail.join(" | ")})` : f.message;
}
var LocalLlm = class _LocalLlm {
  constructor(child, modelPath, timeoutMs) {
    this.child = child;
    this.modelPath = modelPath;
    this.timeoutMs = timeoutMs;
    child.on("message", (msg) => this.onMessage(msg));
    child.stderr?.on("data", (chunk) => {
      this.stderrTail.push(...chunk.toString("utf8").split("\n").filter((l) => l.trim()));
      this.stderrTail = this.stderrTail.slice(-10);
    });
    child.on("exit", (code, signal) => this.onExit(code, signal));
  }
  child;
  modelPath;
  timeoutMs;
  nextId = 1;
  pending = /* @__PURE__ */ new Map();
  exited = null;
  stderrTail = [];
  /** What the worker reported when the model loaded. */
  info;
  /** Starts a worker and loads `modelPath` in it; MODEL_MISSING / MODEL_INVALID / MODEL_TIMEOUT on failure. */
  static async open(modelPath, opts = {}) {
    requireLlamaCpp("a local model (`--llm local`, the GGUF embedder)");
    const abs = path.resolve(modelPath);
    if (!existsSync(abs) || !statSync(abs).isFile()) {
      throw new RustgateError("MODEL_MISSING", `model file not found: ${abs}`, "run `rustgate models pull <id>` (see `rustgate models list`) or pass `--model PATH` to a GGUF file");
    }
    const { file, execArgv } = workerEntry();
    const child = fork(file, [], { execArgv, stdio: ["ignore", "ignore", "pipe", "ipc"], serialization: "json" });
    const llm = new _LocalLlm(child, abs, opts.timeoutMs ?? 12e4);
    const threads = Math.max(1, opts.threads ?? os.availableParallelism() - 1);
    try {
      llm.info = await llm.request({ op: "load", options: { modelPath: abs, threads, contextSize: opts.contextSize ?? 4096 } }, opts.loadTimeoutMs ?? 12e4);
    } catch (e) {
      llm.kill();
      throw e;
    }
    return llm;
  }
  /** Token ids of `text` in the model's vocabulary. */
  async tokenize(text) {
    return await this.request({ op: "tokenize", text });
  }
  /** Exact token count of `text` with the model's tokenizer. */
  async countTokens(text) {
    return (await this.tokenize(text)).length;
  }
  /** Greedy completion, JSON-schema-constrained when `req.schema` is set. */
  async complete(req) {
    return await this.request({ op: "complete", request: req });
  }
  /** One embedding vector per text. */
  async embed(texts) {
    const rows = await this.request({ op: "embed", texts });
    return rows.map((r) => Float32Array.from(r));
  }
  /** Frees the model and ends the worker. */
  async close() {
    if (this.exited !== null) return;
    try {
      await this.request({ op: "dispose" }, 1e4);
    } catch {
    }
    this.kill();
  }
  kill(reason = "stopped") {
    if (this.exited === null && this.child.exitCode === null) this.child.kill("SIGKILL");
    this.exited ??= reason;
  }
  request(req, timeoutMs = this.timeoutMs) {
    if (this.exited !== null) {
      return Promise.reject(new RustgateError("MODEL_FAILED", `the model worker is not running (${this.exited})`, "load the model again"));
    }
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        this.kill(`stopped after a ${req.op} timeout`);
        reject(
          new RustgateError("MODEL_TIMEOUT", `model ${req.op} took longer than ${timeoutMs} ms; the model worker was stopped`, "use a smaller model or a larger timeout, or run with `--llm none`")
        );
      }, timeoutMs);
      this.pending.set(id, { resolve, reject, timer, op: req.op });
      this.child.send({ ...req, id });
    });
  }
  onMessage(msg) {
    const p = this.pending.get(msg.id);
    if (p === void 0) return;
    this.pending.delete(msg.id);
    clearTimeout(p.timer);
    if (msg.ok) {
      p.resolve(msg.result);
    } else if (msg.error.kind === "load") {
      p.reject(new RustgateError("MODEL_INVALID", `cannot load model ${this.modelPath}: ${describe(msg.error)}`, "the file is not a usable GGUF model: re-download it (`rustgate models pull <id>`) or pass another `--model PATH`"));
    } else {
      p.reject(new RustgateError("MODEL_FAILED", `model ${p.op} failed: ${describe(msg.error)}`, "retry with `--llm none`, or report the model and the command"));
    }
  }
  onExit(code, signal) {
    if (this.exited !== null && this.pending.size === 0) return;
    this.exited = signal !== null ? `killed by ${signal}` : `exited with code ${code}`;
    const stderr = this.stderrTail.slice(-4).join(" | ");
    for (const [id, p] of this.pending) {
      this.pending.delete(id);
      clearTimeout(p.timer);
      const cause = `the model worker ${this.exited}${stderr ? ` (${stderr})` : ""}`;
      p.reject(
        p.op === "load" ? new RustgateError("MODEL_INVALID", `cannot load model ${this.modelPath}: ${cause}`, "the file is not a usable GGUF model: re-download it (`rustgate models pull <id>`) or pass another `--model PATH`") : new RustgateError("MODEL_FAILED", `model ${p.op} failed: ${cause}`, "retry with `--llm none`, or report the model and the command")
      );
    }
  }
};

// src/adapters/llm/model-source.ts
function createPacker(opts = {}) {
  return (input) => packContext(input, opts);
}
var DEFAULT_ESCALATION_THRESHOLD = 0.5;
var DEFAULT_ESCALATION_TIMEOUT_MS = 18e4;
var SKIP_KINDS = /* @__PURE__ */ new Set(["crate", "feature", "mod"]);
var NO_SILENCING = "Fix the cause: no unsafe code, transmute, #[allow(...)], todo!() or Box::leak to make the error go away.";
function createModelSource(reasoner, packer, opts = {}) {
  const escalated = /* @__PURE__ */ new Set();
  const patterns = opts.patterns ?? loadPatterns();
  let fallbackOpening;
  return {
    name: "llm",
    async propose(diagnosticIndex, ctx) {
      const d = ctx.diagnostics[diagnosticIndex];
      const primary = d?.primary;
      if (d === void 0 || primary == null) return [];
      const text = ctx.files.get(primary.file);
      if (text === void 0) return [];
      const slices = /* @__PURE__ */ new Map();
      const seeds = [];
      const neighbors = [];
      const definitions = [];
      const named = namedInError([d.message, ...d.notes]);
      const node = ctx.graph ? await ctx.graph.nodeAt(primary.file, primary.lineStart) : void 0;
      if (node !== void 0 && node.file === primary.file) {
        const s = sliceLines(node.file, text, node.span.startLine, node.span.endLine);
        slices.set(node.key, s);
        seeds.push({ key: node.key, ...s });
        const hops = await ctx.graph.twoHop(node.key, RELS, opts.neighborCap ?? 8, "both");
        for (const h of hops) {
          if (SKIP_KINDS.has(h.kind) || slices.has(h.key)) continue;
          const n = await ctx.graph.getNode(h.key);
          const nText = n === void 0 ? void 0 : ctx.files.get(n.file);
          if (n === void 0 || nText === void 0) continue;
          const ns = sliceLines(n.file, nText, n.span.startLine, n.span.endLine);
          slices.set(n.key, ns);
          (named.has(n.name.slice(n.name.lastIndexOf(":") + 1)) ? definitions : neighbors).push({ key: n.key, ...ns });
        }
      } else {
        const w = opts.windowLines ?? 15;
        const start = Math.max(1, primary.lineStart - w);
        const end = primary.lineEnd + w;
        const s = sliceLines(primary.file, text, start, end);
        const lineCount = s.text.split(/(?<=\n)/).filter((l) => l.length > 0).length;
        const key = `${primary.file}:${start}-${start + Math.max(lineCount, 1) - 1}`;
        slices.set(key, s);
        seeds.push({ key, ...s });
      }
      const extra = opts.extras ? await opts.extras(d, ctx) : {};
      const found = [...slices].flatMap(([key, s]) => describeHits(contextAntiPatterns(s.text, s.file, patterns), key));
      const bundle = await packer({
        errors: [{ code: d.code, message: d.message, file: primary.file, line: primary.lineStart, key: seeds[0]?.key ?? null }],
        seeds,
        definitions,
        neighbors,
        constraints: [NO_SILENCING, ...extra.constraints ?? [], ...d.notes.slice(0, 4).map((n) => `rustc: ${n}`)],
        antiPatterns: [...extra.antiPatterns ?? [], ...found],
        patternExamples: extra.patternExamples ?? []
      });
      const base = { diagnosticIndex, plannedKeys: bundle.plannedKeys, bundleTokens: bundle.tokens };
      if (bundle.plannedKeys.length === 0) {
        opts.onOutcome?.({ ...base, tokensUsed: 0, rejected: "no code fits the token budget", raw: "" });
        return [];
      }
      const first = await attempt(reasoner, "primary", diagnosticIndex, bundle, slices);
      opts.onOutcome?.({ ...base, ...first.log });
      const esc = opts.escalation;
      const threshold = esc?.threshold ?? DEFAULT_ESCALATION_THRESHOLD;
      if (esc === void 0 || first.candidate !== null && first.candidate.confidence >= threshold) return first.candidate ? [first.candidate] : [];
      if (escalated.has(diagnosticIndex)) return first.candidate ? [first.candidate] : [];
      escalated.add(diagnosticIndex);
      let second;
      try {
        const fallback = await withTimeout(openFallback(esc), esc.timeoutMs ?? DEFAULT_ESCALATION_TIMEOUT_MS, "opening the fallback model");
        second = await withTimeout(attempt(fallback, "fallback", diagnosticIndex, bundle, slices), esc.timeoutMs ?? DEFAULT_ESCALATION_TIMEOUT_MS, "the fallback model");
      } catch (e) {
        const reason = `fallback failed: ${e.message}`;
        opts.onOutcome?.({ ...base, tokensUsed: 0, rejected: reason, raw: "", attempt: "fallback", reasoner: fallbackName(esc), confidence: 0 });
        return first.candidate ? [first.candidate] : [];
      }
      opts.onOutcome?.({ ...base, ...second.log });
      return [second.candidate, first.candidate].filter((c) => c !== null);
    }
  };
  async function attempt(r, which, diagnosticIndex, bundle, slices) {
    const proposal = await r.propose(bundle);
    const log = { tokensUsed: proposal.tokensUsed, raw: proposal.raw, attempt: which, reasoner: r.name, confidence: proposal.rejected === null ? proposal.confidence : 0 };
    if (proposal.rejected !== null) return { candidate: null, log: { ...log, rejected: proposal.rejected } };
    const introduced = introducedAntiPatterns(proposal.edits, slices, patterns);
    if (introduced.length > 0) {
      return { candidate: null, log: { ...log, rejected: `the edit introduces an anti-pattern: ${introduced[0].id} (${introduced[0].message})` } };
    }
    const plannedFiles = bundle.slices.map((s) => s.file);
    const result = anchoredEditsToFileEdits(proposal.edits, slices, bundle.plannedKeys, plannedFiles);
    if ("rejected" in result) return { candidate: null, log: { ...log, rejected: result.rejected } };
    const touched = [...new Set(proposal.edits.map((e) => e.key))];
    const candidate = {
      id: `llm:${diagnosticIndex}:${which === "primary" ? 0 : 1}`,
      origin: "llm",
      patternId: null,
      description: `model edit of ${touched.join(", ")} (${r.name})`,
      edits: result.edits,
      touchedKeys: touched,
      targets: [diagnosticIndex],
      confidence: proposal.confidence,
      tokensUsed: proposal.tokensUsed
    };
    return { candidate, log: { ...log, rejected: null } };
  }
  function openFallback(esc) {
    fallbackOpening ??= esc.open();
    return fallbackOpening;
  }
}
function fallbackName(esc) {
  return esc.name ?? "fallback";
}
function withTimeout(p, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new RustgateError("MODEL_TIMEOUT", `${what} took longer than ${ms} ms`, "use a smaller fallback model or drop --fallback-model")), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

// src/core/context/proposal.ts
var CONFIDENCE_LEVELS = { low: 0.3, medium: 0.6, high: 0.85 };
var PROPOSAL_LIMITS = { maxEdits: 6, maxQuoteChars: 600 };
function proposalSchema(plannedKeys, strict = false) {
  const keys = plannedKeys.length > 0 ? [...plannedKeys] : [""];
  const edit = {
    type: "object",
    properties: {
      key: { enum: keys },
      original: { type: "string", maxLength: PROPOSAL_LIMITS.maxQuoteChars },
      replacement: { type: "string", maxLength: PROPOSAL_LIMITS.maxQuoteChars }
    }
  };
  const root = {
    type: "object",
    properties: {
      edits: { type: "array", items: edit, maxItems: PROPOSAL_LIMITS.maxEdits },
      confidence: { enum: Object.keys(CONFIDENCE_LEVELS) }
    }
  };
  if (strict) {
    edit.required = ["key", "original", "replacement"];
    edit.additionalProperties = false;
    root.required = ["edits", "confidence"];
    root.additionalProperties = false;
  }
  return root;
}
function parseProposal(text) {
  const fenced = /```(?:json)?\s*([\s\S]*?)```/.exec(text);
  const body = (fenced?.[1] ?? text).trim();
  let value;
  try {
    value = JSON.parse(body);
  } catch (e) {
    return { ok: false, reason: `answer is not JSON: ${e.message}` };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return { ok: false, reason: "answer is not a JSON object" };
  const obj = value;
  if (!Array.isArray(obj.edits)) return { ok: false, reason: 'answer has no "edits" array' };
  if (obj.edits.length > PROPOSAL_LIMITS.maxEdits) return { ok: false, reason: `answer has ${obj.edits.length} edits (at most ${PROPOSAL_LIMITS.maxEdits})` };
  const edits = [];
  for (const [i, raw] of obj.edits.entries()) {
    const e = raw;
    if (typeof e !== "object" || e === null || typeof e.key !== "string" || typeof e.original !== "string" || typeof e.replacement !== "string") {
      return { ok: false, reason: `edit ${i + 1} lacks string "key", "original" and "replacement"` };
    }
    edits.push({ key: e.key, original: e.original, replacement: e.replacement });
  }
  const word = obj.confidence;
  const confidence = typeof word === "string" && word in CONFIDENCE_LEVELS ? CONFIDENCE_LEVELS[word] : typeof word === "number" && word >= 0 && word <= 1 ? word : null;
  if (confidence === null) return { ok: false, reason: `answer has no valid "confidence" (${JSON.stringify(word)})` };
  return { ok: true, edits, confidence };
}

// src/adapters/llm/reasoner.ts
function fromText(raw, tokensUsed) {
  const parsed = parseProposal(raw);
  if (!parsed.ok) return { edits: [], confidence: 0, tokensUsed, rejected: parsed.reason, raw };
  return { edits: parsed.edits, confidence: parsed.confidence, tokensUsed, rejected: null, raw };
}
function createLocalReasoner(llm, opts = {}) {
  return {
    name: `local:${llm.modelPath}`,
    async propose(bundle) {
      const res = await llm.complete({ system: bundle.system, prompt: bundle.user, schema: proposalSchema(bundle.plannedKeys), maxTokens: opts.maxTokens ?? 512 });
      const tokens = res.promptTokens + res.completionTokens;
      if (res.parseError !== void 0) return { edits: [], confidence: 0, tokensUsed: tokens, rejected: `answer does not match the schema: ${res.parseError}`, raw: res.text };
      return fromText(res.text, tokens);
    },
    countTokens: (text) => llm.countTokens(text),
    close: () => llm.close()
  };
}
function chatCompletionsUrl(baseUrl) {
  const base = baseUrl.replace(/\/+$/, "").replace(/\/v1$/, "");
  return `${base}/v1/chat/completions`;
}
function createOpenAiReasoner(opts = {}) {
  const env = opts.env ?? process.env;
  const baseUrl = opts.baseUrl ?? env.RUSTGATE_OPENAI_BASE_URL;
  if (!baseUrl) {
    throw new RustgateError("MODEL_MISSING", "no OpenAI-compatible server configured", "set RUSTGATE_OPENAI_BASE_URL (e.g. http://127.0.0.1:8080 for llama-server) and, if needed, RUSTGATE_OPENAI_API_KEY");
  }
  const url = chatCompletionsUrl(baseUrl);
  const apiKey = opts.apiKey ?? env.RUSTGATE_OPENAI_API_KEY;
  const model = opts.model ?? env.RUSTGATE_OPENAI_MODEL ?? "local";
  const timeoutMs = opts.timeoutMs ?? 12e4;
  return {
    name: `openai:${model}`,
    async propose(bundle) {
      const body = {
        model,
        messages: [
          { role: "system", content: bundle.system },
          { role: "user", content: bundle.user }
        ],
        temperature: 0,
        max_tokens: opts.maxTokens ?? 1024,
        response_format: { type: "json_schema", json_schema: { name: "rustgate_edits", strict: true, schema: proposalSchema(bundle.plannedKeys, true) } }
      };
      const headers = { "content-type": "application/json" };
      if (apiKey) headers.authorization = `Bearer ${apiKey}`;
      let res;
      try {
        res = await fetch(url, { method: "POST", headers, body: JSON.stringify(body), signal: AbortSignal.timeout(timeoutMs) });
      } catch (e) {
        const err = e;
        if (err.name === "TimeoutError" || err.name === "AbortError") {
          throw new RustgateError("MODEL_TIMEOUT", `${url} did not answer within ${timeoutMs} ms`, "check the server, use a smaller model, or run with `--llm none`");
        }
        const cause = err.cause?.message ?? err.message;
        throw new RustgateError("MODEL_FAILED", `cannot reach ${url}: ${cause}`, "start the server or fix RUSTGATE_OPENAI_BASE_URL, or run with `--llm none`");
      }
      const text = await res.text();
      if (!res.ok) {
        throw new RustgateError("MODEL_FAILED", `${url} answered HTTP ${res.status}: ${text.slice(0, 200)}`, res.status === 401 || res.status === 403 ? "check RUSTGATE_OPENAI_API_KEY" : "check the server log and the model name (RUSTGATE_OPENAI_MODEL)");
      }
      let data;
      try {
        data = JSON.parse(text);
      } catch {
        return { edits: [], confidence: 0, tokensUsed: 0, rejected: "server response is not JSON", raw: text.slice(0, 2e3) };
      }
      const content = data.choices?.[0]?.message?.content;
      const tokens = typeof data.usage?.total_tokens === "number" ? data.usage.total_tokens : 0;
      if (typeof content !== "string") return { edits: [], confidence: 0, tokensUsed: tokens, rejected: "server response has no message content", raw: text.slice(0, 2e3) };
      return fromText(content, tokens);
    },
    close: async () => {
    }
  };
}

// src/app/models.ts
var __rgMetaUrl2 = new URL("./../app/models.js", import.meta.url).href;
function defaultManifestPath() {
  return path2.resolve(path2.dirname(fileURLToPath2(__rgMetaUrl2)), "..", "..", "models", "models.yaml");
}
function modelsDir(env = process.env) {
  return env.RUSTGATE_MODELS_DIR ? path2.resolve(env.RUSTGATE_MODELS_DIR) : path2.join(os2.homedir(), ".cache", "rustgate", "models");
}
function isOffline(opts = {}) {
  const v = (opts.env ?? process.env).RUSTGATE_OFFLINE;
  return opts.offline === true || v === "1" || v === "true";
}
var ROLES = ["reasoner", "embedding", "scout"];
function loadManifest(file = defaultManifestPath()) {
  let doc;
  try {
    doc = (0, import_yaml.parse)(readFileSync(file, "utf8"));
  } catch (e) {
    throw new RustgateError("BAD_CONFIG", `cannot read the model manifest ${file}: ${e.message}`, "reinstall rustgate or fix the YAML");
  }
  const list = doc?.models;
  if (!Array.isArray(list)) throw new RustgateError("BAD_CONFIG", `${file}: expected a "models" list`, "see models/models.yaml in the rustgate package");
  const seen = /* @__PURE__ */ new Set();
  return list.map((raw, i) => {
    const e = raw;
    const bad = (field, want) => {
      throw new RustgateError("BAD_CONFIG", `${file}: models[${i}].${field} must be ${want}`, "fix the manifest entry");
    };
    if (typeof e.id !== "string" || !/^[a-z0-9][a-z0-9._-]*$/.test(e.id)) bad("id", "a lowercase id");
    if (seen.has(e.id)) bad("id", "unique");
    seen.add(e.id);
    if (!ROLES.includes(e.role)) bad("role", ROLES.join("|"));
    if (typeof e.file !== "string" || e.file.includes("/") || !e.file.endsWith(".gguf")) bad("file", "a .gguf file name");
    if (e.format !== "gguf") bad("format", '"gguf"');
    if (e.size_bytes !== null && (typeof e.size_bytes !== "number" || e.size_bytes <= 0)) bad("size_bytes", "a positive number or null");
    if (e.sha256 !== null && (typeof e.sha256 !== "string" || !/^[0-9a-f]{64}$/.test(e.sha256))) bad("sha256", "64 hex digits or null");
    if (typeof e.source !== "string" || !e.source.startsWith("hf:")) bad("source", "an hf:<user>/<repo>/<file> URI");
    if (e.architecture !== void 0 && e.architecture !== null && (typeof e.architecture !== "string" || !/^[a-z0-9_.-]+$/.test(e.architecture))) bad("architecture", "a GGUF architecture name or null");
    return {
      id: e.id,
      role: e.role,
      file: e.file,
      format: "gguf",
      size_bytes: e.size_bytes ?? null,
      sha256: e.sha256 ?? null,
      source: e.source,
      min_ram_gb: typeof e.min_ram_gb === "number" ? e.min_ram_gb : 0,
      description: typeof e.description === "string" ? e.description : "",
      architecture: typeof e.architecture === "string" ? e.architecture : null
    };
  });
}
function recordedPath(dir) {
  return path2.join(dir, "verified.json");
}
function readRecorded(dir) {
  try {
    return JSON.parse(readFileSync(recordedPath(dir), "utf8"));
  } catch {
    return {};
  }
}
function writeRecorded(dir, rec) {
  mkdirSync(dir, { recursive: true });
  const tmp = `${recordedPath(dir)}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(rec, null, 2)}
`);
  renameSync(tmp, recordedPath(dir));
}
async function sha256File(file) {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk);
  return hash.digest("hex");
}
var MIN_MODEL_BYTES = 24;
var MAX_MODEL_BYTES = 512 * 1024 ** 3;
var HEADER_BYTES = 16 * 1024 * 1024;
async function inspectModelFile(file, expect = {}) {
  let fd;
  try {
    fd = openSync(file, fsConstants.O_RDONLY | fsConstants.O_NONBLOCK);
  } catch (e) {
    const code = e.code;
    if (code === "ENOENT") throw new RustgateError("MODEL_MISSING", `model file ${file} does not exist`, "pass an existing GGUF file, or `rustgate models pull ID`");
    throw new RustgateError("MODEL_INVALID", `cannot open model file ${file}: ${e.message}`, "check the path and its permissions");
  }
  let size;
  let head;
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) {
      const kind = st.isDirectory() ? "a directory" : st.isFIFO() ? "a FIFO" : st.isCharacterDevice() || st.isBlockDevice() ? "a device" : st.isSocket() ? "a socket" : "not a regular file";
      throw new RustgateError("MODEL_INVALID", `model path ${file} is ${kind}, not a GGUF file`, `replace ${file} with the model file (or remove it and \`rustgate models pull ID\`)`);
    }
    size = st.size;
    if (size < MIN_MODEL_BYTES || size > MAX_MODEL_BYTES) {
      throw new RustgateError("MODEL_INVALID", `model file ${file} is ${size} bytes, outside ${MIN_MODEL_BYTES}..${MAX_MODEL_BYTES}`, `replace ${file} with the real model file`);
    }
    const buf = Buffer.alloc(Math.min(size, HEADER_BYTES));
    const n = readSync(fd, buf, 0, buf.length, 0);
    head = buf.subarray(0, n);
  } catch (e) {
    closeSync(fd);
    throw e;
  }
  const hash = createHash("sha256");
  for await (const chunk of createReadStream("", { fd, start: 0, end: size - 1 })) hash.update(chunk);
  const parsed = parseGgufHeader(head);
  let problem = null;
  let architecture = null;
  if (!parsed.ok) problem = parsed.problem;
  else {
    architecture = parsed.header.architecture;
    if (architecture === null) problem = `no general.architecture in the first ${Math.min(size, HEADER_BYTES)} bytes`;
    else if (expect.architecture && architecture !== expect.architecture) problem = `architecture ${architecture}, the manifest entry expects ${expect.architecture}`;
  }
  return { size, sha256: hash.digest("hex"), architecture, problem };
}
function findEntry(entries, id) {
  const entry = entries.find((m) => m.id === id);
  if (entry === void 0) {
    throw new RustgateError("BAD_FLAG", `unknown model id "${id}"`, `choose one of: ${entries.map((m) => m.id).join(", ")} (see \`rustgate models list\`)`);
  }
  return entry;
}
function listModels(opts = {}) {
  const dir = modelsDir(opts.env);
  const rec = readRecorded(dir);
  const models = loadManifest(opts.manifestPath).map((m) => {
    const file = path2.join(dir, m.file);
    const present = existsSync2(file) && statSync2(file).isFile();
    const known = rec[m.id]?.file === m.file ? rec[m.id] : void 0;
    return {
      id: m.id,
      role: m.role,
      file: m.file,
      format: m.format,
      size_bytes: m.size_bytes ?? known?.size_bytes ?? (present ? statSync2(file).size : null),
      sha256: m.sha256 ?? known?.sha256 ?? null,
      present,
      path: file,
      source: m.source
    };
  });
  return { models, dir };
}
async function verifyModels(id, opts = {}) {
  const dir = modelsDir(opts.env);
  const entries = loadManifest(opts.manifestPath);
  const chosen = id === void 0 ? entries : [findEntry(entries, id)];
  const rec = readRecorded(dir);
  const rows = [];
  for (const m of chosen) {
    const file = path2.join(dir, m.file);
    const known = m.sha256 ?? (rec[m.id]?.file === m.file ? rec[m.id].sha256 : null);
    if (!existsSync2(file)) {
      if (id !== void 0) throw missingError(m, dir);
      rows.push({ id: m.id, file: m.file, status: "missing", expected_sha256: known, actual_sha256: null });
      continue;
    }
    const check = await inspectModelFile(file, { architecture: m.architecture });
    const actual = check.sha256;
    if (check.problem !== null) {
      rows.push({ id: m.id, file: m.file, status: "invalid", expected_sha256: known, actual_sha256: actual, architecture: check.architecture, problem: check.problem });
    } else if (m.size_bytes !== null && check.size !== m.size_bytes) {
      rows.push({ id: m.id, file: m.file, status: "mismatch", expected_sha256: known, actual_sha256: actual, architecture: check.architecture, problem: `size ${check.size}, the manifest says ${m.size_bytes}` });
    } else if (known === null) {
      rec[m.id] = { file: m.file, sha256: actual, size_bytes: check.size };
      rows.push({ id: m.id, file: m.file, status: "recorded", expected_sha256: null, actual_sha256: actual, architecture: check.architecture });
    } else {
      rows.push({ id: m.id, file: m.file, status: known === actual ? "ok" : "mismatch", expected_sha256: known, actual_sha256: actual, architecture: check.architecture });
    }
  }
  if (rows.some((r) => r.status === "recorded")) writeRecorded(dir, rec);
  return { ok: rows.every((r) => r.status !== "mismatch" && r.status !== "invalid"), models: rows };
}
function sourcePage(m) {
  const parts = m.source.slice("hf:".length).split("/");
  return `https://huggingface.co/${parts.slice(0, 2).join("/")}`;
}
function missingError(m, dir, offline = false) {
  const why = offline ? " and offline mode (--offline / RUSTGATE_OFFLINE=1) forbids downloading it" : "";
  return new RustgateError(
    "MODEL_MISSING",
    `model ${m.id} (${m.file}) is not in ${dir}${why}`,
    `run \`rustgate models pull ${m.id}\` on a connected machine, or copy ${m.file} from ${sourcePage(m)} into ${dir} (or set RUSTGATE_MODELS_DIR), or pass \`--model PATH\``
  );
}
async function pullModel(id, opts = {}) {
  const dir = modelsDir(opts.env);
  const m = findEntry(loadManifest(opts.manifestPath), id);
  const target = path2.join(dir, m.file);
  let downloaded = false;
  if (!existsSync2(target)) {
    if (isOffline(opts)) throw missingError(m, dir, true);
    mkdirSync(dir, { recursive: true });
    const { createModelDownloader } = await importLlamaCpp("`rustgate models pull`");
    try {
      const downloader = await createModelDownloader({
        modelUri: m.source,
        dirPath: dir,
        fileName: m.file,
        skipExisting: true,
        showCliProgress: false,
        deleteTempFileOnCancel: true,
        onProgress: opts.onProgress ? ({ downloadedSize, totalSize }) => opts.onProgress?.(downloadedSize, totalSize) : void 0
      });
      await downloader.download();
    } catch (e) {
      throw new RustgateError("MODEL_MISSING", `cannot download ${m.source}: ${e.message}`, `check the network, or copy ${m.file} from ${sourcePage(m)} into ${dir}`);
    }
    downloaded = true;
  }
  const check = await inspectModelFile(target, { architecture: m.architecture });
  if (check.problem !== null) {
    if (downloaded) rmSync(target, { force: true });
    throw new RustgateError("MODEL_INVALID", `${target} is not a valid ${m.id} model: ${check.problem}`, downloaded ? "the download was removed; pull again" : `delete ${target} and pull again`);
  }
  const sha = check.sha256;
  const rec = readRecorded(dir);
  const recorded = rec[m.id]?.file === m.file ? rec[m.id].sha256 : null;
  const expected = m.sha256 ?? recorded;
  if (expected !== null && expected !== sha) {
    if (downloaded) rmSync(target, { force: true });
    throw new RustgateError("MODEL_INVALID", `${m.file} has sha256 ${sha}, expected ${expected}`, downloaded ? "the download was removed; pull again" : `delete ${target} and pull again`);
  }
  if (expected === null) {
    rec[m.id] = { file: m.file, sha256: sha, size_bytes: check.size };
    writeRecorded(dir, rec);
  }
  return { id: m.id, path: target, downloaded, sha256: sha, verified: m.sha256 !== null ? "manifest" : recorded !== null ? "recorded" : "first_use" };
}
function resolveModelPath(idOrPath, role, opts = {}) {
  const entries = loadManifest(opts.manifestPath);
  const dir = modelsDir(opts.env);
  if (idOrPath !== void 0) {
    const byId = entries.find((m) => m.id === idOrPath);
    if (byId === void 0) return assertModelPathKind(path2.resolve(idOrPath));
    const file2 = path2.join(dir, byId.file);
    if (!existsSync2(file2)) throw missingError(byId, dir, isOffline(opts));
    return assertModelPathKind(file2);
  }
  const pick = recommendModel(entries, role, opts.totalMemBytes ?? os2.totalmem(), dir);
  if (pick === void 0) throw new RustgateError("MODEL_MISSING", `no ${role} model in the manifest`, "pass `--model PATH`");
  const file = path2.join(dir, pick.file);
  if (!existsSync2(file)) throw missingError(pick, dir, isOffline(opts));
  return assertModelPathKind(file);
}
function assertModelPathKind(file) {
  let st;
  try {
    st = statSync2(file);
  } catch {
    return file;
  }
  if (!st.isFile()) {
    const kind = st.isDirectory() ? "a directory" : st.isFIFO() ? "a FIFO" : st.isCharacterDevice() || st.isBlockDevice() ? "a device" : "not a regular file";
    throw new RustgateError("MODEL_INVALID", `model path ${file} is ${kind}, not a GGUF file`, `pass the path of a .gguf file (or a manifest id; see \`rustgate models list\`)`);
  }
  return file;
}
function recommendModel(entries, role, totalMemBytes, dir) {
  const ofRole = entries.filter((m) => m.role === role).sort((a, b) => a.min_ram_gb - b.min_ram_gb);
  const gb = totalMemBytes / 1024 ** 3;
  const present = dir === void 0 ? [] : ofRole.filter((m) => existsSync2(path2.join(dir, m.file)));
  for (const pool of [present, ofRole]) {
    const fits = pool.filter((m) => m.min_ram_gb <= gb);
    if (fits.length) return fits[fits.length - 1];
  }
  return ofRole[0];
}
async function openReasoner(mode, flags = {}) {
  if (mode === "none") return null;
  if (mode === "openai") return createOpenAiReasoner({ env: flags.env, model: flags.model, timeoutMs: flags.timeoutMs });
  requireLlamaCpp("`--llm local`");
  const file = resolveModelPath(flags.model, "reasoner", flags);
  const llm = await LocalLlm.open(file, { threads: flags.threads, contextSize: flags.contextSize, timeoutMs: flags.timeoutMs });
  return createLocalReasoner(llm);
}
async function openModelSource(mode, flags = {}) {
  const reasoner = await openReasoner(mode, flags);
  if (reasoner === null) return null;
  const packer = createPacker({ budget: flags.budget, countTokens: reasoner.countTokens ? (t) => reasoner.countTokens(t) : void 0 });
  const primaryPath = mode === "local" ? reasoner.name.replace(/^local:/, "") : null;
  const fallbackPath = fallbackModelPath(primaryPath, flags);
  let fallback;
  const escalation = fallbackPath === null ? void 0 : {
    name: `local:${fallbackPath}`,
    threshold: flags.escalationThreshold,
    timeoutMs: flags.escalationTimeoutMs,
    open: async () => {
      const llm = await LocalLlm.open(fallbackPath, { threads: flags.threads, contextSize: flags.contextSize, timeoutMs: flags.escalationTimeoutMs ?? flags.timeoutMs, loadTimeoutMs: flags.escalationTimeoutMs });
      fallback = createLocalReasoner(llm);
      return fallback;
    }
  };
  const source = createModelSource(reasoner, packer, { ...flags.source, ...escalation ? { escalation } : {} });
  return {
    source,
    reasoner,
    fallbackPath,
    close: async () => {
      await reasoner.close();
      await fallback?.close();
    }
  };
}
function fallbackModelPath(primaryPath, flags) {
  if (flags.fallbackModel !== void 0) return resolveModelPath(flags.fallbackModel, "reasoner", flags);
  if (primaryPath === null || flags.escalateFromManifest === false) return null;
  const dir = modelsDir(flags.env);
  const reasoners = loadManifest(flags.manifestPath).filter((m) => m.role === "reasoner").sort((a, b) => a.min_ram_gb - b.min_ram_gb);
  const current = reasoners.find((m) => path2.join(dir, m.file) === path2.resolve(primaryPath));
  if (current === void 0) return null;
  const larger = reasoners.find((m) => m.min_ram_gb > current.min_ram_gb && existsSync2(path2.join(dir, m.file)));
  return larger === void 0 ? null : path2.join(dir, larger.file);
}
export {
  defaultManifestPath,
  fallbackModelPath,
  inspectModelFile,
  isOffline,
  listModels,
  loadManifest,
  modelsDir,
  openModelSource,
  openReasoner,
  pullModel,
  recommendModel,
  resolveModelPath,
  sha256File,
  verifyModels
};
