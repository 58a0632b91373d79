/**
 * A GGUF model run by node-llama-cpp in a child process (worker.ts). The parent never loads model bytes: a
 * malformed file that aborts llama.cpp kills only the worker, and we report MODEL_INVALID with the cause. Every
 * request has a hard timeout; on expiry the worker is killed and the call fails with MODEL_TIMEOUT.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { RustgateError } from '../../core/errors.js';
import { requireLlamaCpp } from './llama-cpp.js';
import type { CompleteRequest, CompleteResult, LoadInfo, WorkerFailure, WorkerRequest, WorkerResponse } from './protocol.js';

/** How to run a local model. */
export interface LocalLlmOptions {
  /**
   * llama.cpp threads; default os.availableParallelism() − 1 (at least 1): one core stays free for cargo, which runs
   * beside the model in the fix loop. llama.cpp's threads spin, so oversubscribing cores is very slow on CPU
   * (measured on 2 busy cores: 16 tokens took ~2 s with 2 threads, ~10 ms with 1).
   */
  threads?: number;
  /** Context window in tokens; default 4096, clamped to the model's trained context. */
  contextSize?: number;
  /** Time allowed to load the model (ms); default 120 s. */
  loadTimeoutMs?: number;
  /** Time allowed for any other request (ms); default 120 s. */
  timeoutMs?: number;
}

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void; timer: NodeJS.Timeout; op: WorkerRequest['op'] };
type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

/** The worker module next to this one: worker.ts under tsx/vitest (source), worker.js in dist. */
function workerEntry(): { file: string; execArgv: string[] } {
  const here = fileURLToPath(import.meta.url);
  const ext = path.extname(here);
  const file = path.join(path.dirname(here), `worker${ext}`);
  if (ext !== '.ts') return { file, execArgv: [] };
  // Running from source: the child needs tsx to load TypeScript; resolve it from this package, not the cwd.
  const tsx = createRequire(import.meta.url).resolve('tsx');
  return { file, execArgv: ['--import', pathToFileURL(tsx).href] };
}

/** Renders a worker failure with the llama.cpp log lines that explain it. */
function describe(f: WorkerFailure): string {
  const tail = f.log.filter((l) => l.length > 0).slice(-6);
  return tail.length ? `${f.message} (llama.cpp: ${tail.join(' | ')})` : f.message;
}

/** A loaded local model. Create with `LocalLlm.open`, end with `close()`. */
export class LocalLlm {
  private nextId = 1;
  private pending = new Map<number, Pending>();
  private exited: string | null = null;
  private stderrTail: string[] = [];

  private constructor(
    private readonly child: ChildProcess,
    readonly modelPath: string,
    private readonly timeoutMs: number,
  ) {
    child.on('message', (msg: WorkerResponse) => this.onMessage(msg));
    child.stderr?.on('data', (chunk: Buffer) => {
      this.stderrTail.push(...chunk.toString('utf8').split('\n').filter((l) => l.trim()));
      this.stderrTail = this.stderrTail.slice(-10);
    });
    child.on('exit', (code, signal) => this.onExit(code, signal));
  }

  /** What the worker reported when the model loaded. */
  info!: LoadInfo;

  /** Starts a worker and loads `modelPath` in it; MODEL_MISSING / MODEL_INVALID / MODEL_TIMEOUT on failure. */
  static async open(modelPath: string, opts: LocalLlmOptions = {}): Promise<LocalLlm> {
    requireLlamaCpp('a local model (`--llm local`, the GGUF embedder)');
    const abs = path.resolve(modelPath);
    if (!existsSync(abs) || !statSync(abs).isFile()) {
      throw new RustgateError('MODEL_MISSING', `model file not found: ${abs}`, 'run `rustgate models pull <id>` (see `rustgate models list`) or pass `--model PATH` to a GGUF file');
    }
    const { file, execArgv } = workerEntry();
    const child = fork(file, [], { execArgv, stdio: ['ignore', 'ignore', 'pipe', 'ipc'], serialization: 'json' });
    const llm = new LocalLlm(child, abs, opts.timeoutMs ?? 120_000);
    const threads = Math.max(1, opts.threads ?? os.availableParallelism() - 1);
    try {
      llm.info = (await llm.request({ op: 'load', options: { modelPath: abs, threads, contextSize: opts.contextSize ?? 4096 } }, opts.loadTimeoutMs ?? 120_000)) as LoadInfo;
    } catch (e) {
      llm.kill();
      throw e;
    }
    return llm;
  }

  /** Token ids of `text` in the model's vocabulary. */
  async tokenize(text: string): Promise<number[]> {
    return (await this.request({ op: 'tokenize', text })) as number[];
  }

  /** Exact token count of `text` with the model's tokenizer. */
  async countTokens(text: string): Promise<number> {
    return (await this.tokenize(text)).length;
  }

  /** Greedy completion, JSON-schema-constrained when `req.schema` is set. */
  async complete(req: CompleteRequest): Promise<CompleteResult> {
    return (await this.request({ op: 'complete', request: req })) as CompleteResult;
  }

  /** One embedding vector per text. */
  async embed(texts: string[]): Promise<Float32Array[]> {
    const rows = (await this.request({ op: 'embed', texts })) as number[][];
    return rows.map((r) => Float32Array.from(r));
  }

  /** Frees the model and ends the worker. */
  async close(): Promise<void> {
    if (this.exited !== null) return;
    try {
      await this.request({ op: 'dispose' }, 10_000);
    } catch {
      // A worker that cannot dispose cleanly is killed below.
    }
    this.kill();
  }

  private kill(reason = 'stopped'): void {
    if (this.exited === null && this.child.exitCode === null) this.child.kill('SIGKILL');
    // Requests made after a kill fail at once instead of going to a dying process.
    this.exited ??= reason;
  }

  private request(req: WithoutId<WorkerRequest>, timeoutMs = this.timeoutMs): Promise<unknown> {
    if (this.exited !== null) {
      return Promise.reject(new RustgateError('MODEL_FAILED', `the model worker is not running (${this.exited})`, 'load the model again'));
    }
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        this.kill(`stopped after a ${req.op} timeout`);
        reject(
          new RustgateError('MODEL_TIMEOUT', `model ${req.op} took longer than ${timeoutMs} ms; the model worker was stopped`, 'use a smaller model or a larger timeout, or run with `--llm none`'),
        );
      }, timeoutMs);
      this.pending.set(id, { resolve, reject, timer, op: req.op });
      this.child.send({ ...req, id } as WorkerRequest);
    });
  }

  private onMessage(msg: WorkerResponse): void {
    const p = this.pending.get(msg.id);
    if (p === undefined) return;
    this.pending.delete(msg.id);
    clearTimeout(p.timer);
    if (msg.ok) {
      p.resolve(msg.result);
    } else if (msg.error.kind === 'load') {
      p.reject(new RustgateError('MODEL_INVALID', `cannot load model ${this.modelPath}: ${describe(msg.error)}`, 'the file is not a usable GGUF model: re-download it (`rustgate models pull <id>`) or pass another `--model PATH`'));
    } else {
      p.reject(new RustgateError('MODEL_FAILED', `model ${p.op} failed: ${describe(msg.error)}`, 'retry with `--llm none`, or report the model and the command'));
    }
  }

  private onExit(code: number | null, signal: NodeJS.Signals | null): void {
    if (this.exited !== null && this.pending.size === 0) return;
    this.exited = signal !== null ? `killed by ${signal}` : `exited with code ${code}`;
    const stderr = this.stderrTail.slice(-4).join(' | ');
    for (const [id, p] of this.pending) {
      this.pending.delete(id);
      clearTimeout(p.timer);
      const cause = `the model worker ${this.exited}${stderr ? ` (${stderr})` : ''}`;
      p.reject(
        p.op === 'load'
          ? new RustgateError('MODEL_INVALID', `cannot load model ${this.modelPath}: ${cause}`, 'the file is not a usable GGUF model: re-download it (`rustgate models pull <id>`) or pass another `--model PATH`')
          : new RustgateError('MODEL_FAILED', `model ${p.op} failed: ${cause}`, 'retry with `--llm none`, or report the model and the command'),
      );
    }
  }
}
