/**
 * The MCP server's stdio transport: newline-delimited JSON-RPC like the SDK's, with the guarantees the SDK's does
 * not give. Every line gets an answer or is a notification/response: a line over MAX_MESSAGE_BYTES is skipped to its
 * newline and answered -32600 (the server stays up and its memory stays bounded), unparsable JSON -32700, a message
 * that is not JSON-RPC 2.0 -32600, and a request whose `params` is not an object (null, an array, a string) or whose
 * well-known params have the wrong shape -32602 — before the SDK sees it, so it can never go unanswered or -32603.
 */
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';

/** The largest message (one line) the server reads: 4 MiB. Documented in docs/contract.md. */
export const MAX_MESSAGE_BYTES = 4 * 1024 * 1024;

type Id = string | number | null;

/** JSON-RPC error codes the transport answers by itself. */
export const RpcError = { Parse: -32700, InvalidRequest: -32600, InvalidParams: -32602 } as const;

/** The id of a request whose body could not be read completely: best effort from its first bytes, else null. */
function idFromPrefix(prefix: string): Id {
  const m = /"id"\s*:\s*(-?\d{1,15}|"(?:[^"\\]|\\.){0,200}")/.exec(prefix);
  if (!m || m[1] === undefined) return null;
  try {
    return JSON.parse(m[1]) as Id;
  } catch {
    return null;
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Checks a parsed message; returns the error to answer, or null when the SDK may have it. */
export function checkMessage(msg: unknown): { id: Id; code: number; message: string } | null {
  if (!isObject(msg) || msg.jsonrpc !== '2.0') {
    const id = isObject(msg) && (typeof msg.id === 'string' || typeof msg.id === 'number') ? msg.id : null;
    return { id, code: RpcError.InvalidRequest, message: 'not a JSON-RPC 2.0 message (expected an object with "jsonrpc": "2.0")' };
  }
  const hasId = 'id' in msg;
  if (hasId && msg.id !== null && typeof msg.id !== 'string' && typeof msg.id !== 'number') {
    return { id: null, code: RpcError.InvalidRequest, message: '"id" must be a string or a number' };
  }
  if (!('method' in msg)) {
    // A response to one of our requests: it needs a result or an error.
    return 'result' in msg || 'error' in msg ? null : { id: (msg.id as Id) ?? null, code: RpcError.InvalidRequest, message: 'a message needs "method" (request) or "result"/"error" (response)' };
  }
  const id = (msg.id as Id) ?? null;
  if (typeof msg.method !== 'string' || msg.method === '') return { id, code: RpcError.InvalidRequest, message: '"method" must be a non-empty string' };
  if ('params' in msg && !isObject(msg.params)) {
    return { id, code: RpcError.InvalidParams, message: `"params" must be an object (got ${msg.params === null ? 'null' : Array.isArray(msg.params) ? 'an array' : `a ${typeof msg.params}`})` };
  }
  const p = (msg.params ?? {}) as Record<string, unknown>;
  const bad = (why: string) => ({ id, code: RpcError.InvalidParams, message: `${msg.method}: ${why}` });
  switch (msg.method) {
    case 'initialize':
      if (typeof p.protocolVersion !== 'string') return bad('params.protocolVersion must be a string');
      if (!isObject(p.capabilities)) return bad('params.capabilities must be an object');
      if (!isObject(p.clientInfo) || typeof p.clientInfo.name !== 'string' || typeof p.clientInfo.version !== 'string') return bad('params.clientInfo must be an object with string name and version');
      break;
    case 'tools/call':
      if (typeof p.name !== 'string' || p.name === '') return bad('params.name must be the name of a tool');
      if ('arguments' in p && p.arguments !== undefined && !isObject(p.arguments)) return bad('params.arguments must be an object');
      break;
    case 'tools/list':
    case 'prompts/list':
    case 'resources/list':
    case 'resources/templates/list':
      if ('cursor' in p && p.cursor !== undefined && typeof p.cursor !== 'string') return bad('params.cursor must be a string');
      break;
    default:
      break;
  }
  return null;
}

/** Newline-delimited JSON-RPC over a readable and a writable stream, with a per-message size limit. */
export class GuardedStdioTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: (message: JSONRPCMessage) => void;

  private chunks: Buffer[] = [];
  private size = 0;
  /** Bytes of the oversized line being skipped, or -1 when reading normally. */
  private skipping = -1;
  private skippedPrefix = '';
  private closed = false;

  constructor(
    private readonly input: NodeJS.ReadableStream = process.stdin,
    private readonly output: NodeJS.WritableStream = process.stdout,
    private readonly maxBytes = MAX_MESSAGE_BYTES,
  ) {}

  private readonly onData = (chunk: Buffer): void => {
    let start = 0;
    while (start < chunk.length) {
      const nl = chunk.indexOf(10, start);
      const end = nl === -1 ? chunk.length : nl;
      const piece = chunk.subarray(start, end);
      if (this.skipping >= 0) {
        this.skipping += piece.length;
      } else if (this.size + piece.length > this.maxBytes) {
        // Too big: keep only enough to find the id, drop the rest until the newline.
        this.skippedPrefix = Buffer.concat([...this.chunks, piece]).subarray(0, 512).toString('utf8');
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

  private endLine(): void {
    if (this.skipping >= 0) {
      const mb = (this.maxBytes / 1024 / 1024).toFixed(0);
      this.reply(idFromPrefix(this.skippedPrefix), RpcError.InvalidRequest, `message too large: ${this.skipping} bytes; the limit is ${this.maxBytes} bytes (${mb} MiB) per message`);
      this.skipping = -1;
      this.skippedPrefix = '';
      return;
    }
    const line = Buffer.concat(this.chunks).toString('utf8').replace(/\r$/, '');
    this.chunks = [];
    this.size = 0;
    if (line.trim() === '') return;
    let msg: unknown;
    try {
      msg = JSON.parse(line);
    } catch (e) {
      this.reply(idFromPrefix(line.slice(0, 512)), RpcError.Parse, `parse error: ${(e as Error).message}`);
      return;
    }
    const problem = checkMessage(msg);
    if (problem) {
      // Only requests are answered; a broken notification or response has no one to answer.
      const isRequestLike = !isObject(msg) || 'id' in msg || !('method' in msg);
      if (isRequestLike) this.reply(problem.id, problem.code, problem.message);
      return;
    }
    this.onmessage?.(msg as JSONRPCMessage);
  }

  private reply(id: Id, code: number, message: string): void {
    this.write({ jsonrpc: '2.0', id, error: { code, message } });
  }

  private write(value: unknown): Promise<void> {
    return new Promise((resolve) => {
      if (this.closed) return resolve();
      const text = `${JSON.stringify(value)}\n`;
      if (this.output.write(text)) resolve();
      else this.output.once('drain', () => resolve());
    });
  }

  private readonly onError = (e: Error): void => this.onerror?.(e);
  private readonly onEnd = (): void => void this.close();

  /** Starts reading. */
  async start(): Promise<void> {
    this.input.on('data', this.onData);
    this.input.on('error', this.onError);
    this.input.on('end', this.onEnd);
  }

  /** Sends one message as one line. */
  async send(message: JSONRPCMessage): Promise<void> {
    await this.write(message);
  }

  /** Stops reading and reports the close once. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.input.off('data', this.onData);
    this.input.off('error', this.onError);
    this.input.off('end', this.onEnd);
    this.chunks = [];
    this.onclose?.();
  }
}
