import { createRequire as __rgCreateRequire } from 'node:module';
const require = __rgCreateRequire(import.meta.url);
import "./chunk-AMJD2YOB.js";

// src/mcp/transport.ts
var MAX_MESSAGE_BYTES = 4 * 1024 * 1024;
var RpcError = { Parse: -32700, InvalidRequest: -32600, InvalidParams: -32602 };
function idFromPrefix(prefix) {
  const m = /"id"\s*:\s*(-?\d{1,15}|"(?:[^"\\]|\\.){0,200}")/.exec(prefix);
  if (!m || m[1] === void 0) return null;
  try {
    return JSON.parse(m[1]);
  } catch {
    return null;
  }
}
function isObject(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
function checkMessage(msg) {
  if (!isObject(msg) || msg.jsonrpc !== "2.0") {
    const id2 = isObject(msg) && (typeof msg.id === "string" || typeof msg.id === "number") ? msg.id : null;
    return { id: id2, code: RpcError.InvalidRequest, message: 'not a JSON-RPC 2.0 message (expected an object with "jsonrpc": "2.0")' };
  }
  const hasId = "id" in msg;
  if (hasId && msg.id !== null && typeof msg.id !== "string" && typeof msg.id !== "number") {
    return { id: null, code: RpcError.InvalidRequest, message: '"id" must be a string or a number' };
  }
  if (!("method" in msg)) {
    return "result" in msg || "error" in msg ? null : { id: msg.id ?? null, code: RpcError.InvalidRequest, message: 'a message needs "method" (request) or "result"/"error" (response)' };
  }
  const id = msg.id ?? null;
  if (typeof msg.method !== "string" || msg.method === "") return { id, code: RpcError.InvalidRequest, message: '"method" must be a non-empty string' };
  if ("params" in msg && !isObject(msg.params)) {
    return { id, code: RpcError.InvalidParams, message: `"params" must be an object (got ${msg.params === null ? "null" : Array.isArray(msg.params) ? "an array" : `a ${typeof msg.params}`})` };
  }
  const p = msg.params ?? {};
  const bad = (why) => ({ id, code: RpcError.InvalidParams, message: `${msg.method}: ${why}` });
  switch (msg.method) {
    case "initialize":
      if (typeof p.protocolVersion !== "string") return bad("params.protocolVersion must be a string");
      if (!isObject(p.capabilities)) return bad("params.capabilities must be an object");
      if (!isObject(p.clientInfo) || typeof p.clientInfo.name !== "string" || typeof p.clientInfo.version !== "string") return bad("params.clientInfo must be an object with string name and version");
      break;
    case "tools/call":
      if (typeof p.name !== "string" || p.name === "") return bad("params.name must be the name of a tool");
      if ("arguments" in p && p.arguments !== void 0 && !isObject(p.arguments)) return bad("params.arguments must be an object");
      break;
    case "tools/list":
    case "prompts/list":
    case "resources/list":
    case "resources/templates/list":
      if ("cursor" in p && p.cursor !== void 0 && typeof p.cursor !== "string") return bad("params.cursor must be a string");
      break;
    default:
      break;
  }
  return null;
}
var GuardedStdioTransport = class {
  constructor(input = process.stdin, output = process.stdout, maxBytes = MAX_MESSAGE_BYTES) {
    this.input = input;
    this.output = output;
    this.maxBytes = maxBytes;
  }
  input;
  output;
  maxBytes;
  onclose;
  onerror;
  onmessage;
  chunks = [];
  size = 0;
  /** Bytes of the oversized line being skipped, or -1 when reading normally. */
  skipping = -1;
  skippedPrefix = "";
  closed = false;
  onData = (chunk) => {
    let start = 0;
    while (start < chunk.length) {
      const nl = chunk.indexOf(10, start);
      const end = nl === -1 ? chunk.length : nl;
      const piece = chunk.subarray(start, end);
      if (this.skipping >= 0) {
        this.skipping += piece.length;
      } else if (this.size + piece.length > this.maxBytes) {
        this.skippedPrefix = Buffer.concat([...this.chunks, piece]).subarray(0, 512).toString("utf8");
        this.skipping = this.size + piece.length;
        this.chunks = [];
        this.size = 0;
      } else {
        this.chunks.push(Buffer.from(piece));
        this.size += piece.length;
      }
      if (nl === -1) break;
      this.endLine();
      start = nl + 1;
    }
  };
  endLine() {
    if (this.skipping >= 0) {
      const mb = (this.maxBytes / 1024 / 1024).toFixed(0);
      this.reply(idFromPrefix(this.skippedPrefix), RpcError.InvalidRequest, `message too large: ${this.skipping} bytes; the limit is ${this.maxBytes} bytes (${mb} MiB) per message`);
      this.skipping = -1;
      this.skippedPrefix = "";
      return;
    }
    const line = Buffer.concat(this.chunks).toString("utf8").replace(/\r$/, "");
    this.chunks = [];
    this.size = 0;
    if (line.trim() === "") return;
    let msg;
    try {
      msg = JSON.parse(line);
    } catch (e) {
      this.reply(idFromPrefix(line.slice(0, 512)), RpcError.Parse, `parse error: ${e.message}`);
      return;
    }
    const problem = checkMessage(msg);
    if (problem) {
      const isRequestLike = !isObject(msg) || "id" in msg || !("method" in msg);
      if (isRequestLike) this.reply(problem.id, problem.code, problem.message);
      return;
    }
    this.onmessage?.(msg);
  }
  reply(id, code, message) {
    this.write({ jsonrpc: "2.0", id, error: { code, message } });
  }
  write(value) {
    return new Promise((resolve) => {
      if (this.closed) return resolve();
      const text = `${JSON.stringify(value)}
`;
      if (this.output.write(text)) resolve();
      else this.output.once("drain", () => resolve());
    });
  }
  onError = (e) => this.onerror?.(e);
  onEnd = () => void this.close();
  /** Starts reading. */
  async start() {
    this.input.on("data", this.onData);
    this.input.on("error", this.onError);
    this.input.on("end", this.onEnd);
  }
  /** Sends one message as one line. */
  async send(message) {
    await this.write(message);
  }
  /** Stops reading and reports the close once. */
  async close() {
    if (this.closed) return;
    this.closed = true;
    this.input.off("data", this.onData);
    this.input.off("error", this.onError);
    this.input.off("end", this.onEnd);
    this.chunks = [];
    this.onclose?.();
  }
};
export {
  GuardedStdioTransport,
  MAX_MESSAGE_BYTES,
  RpcError,
  checkMessage
};
