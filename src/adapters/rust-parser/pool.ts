/** Parses many files, in worker threads when there are enough of them to pay for the threads' start-up. */
import { Worker } from 'node:worker_threads';
import type { FileFacts } from '../../core/isg/facts.js';
import { parseRustSourceSafe } from './parse.js';

/** One file to parse: its workspace-relative name and (already validated) text. */
export interface ParseInput {
  file: string;
  text: string;
}

/** How parseFiles spreads the work. */
export interface ParseOptions {
  /** Worker threads to use; 0 parses on the calling thread. Default: 2 when at least `minFilesForWorkers` files. */
  workers?: number;
  minFilesForWorkers?: number;
  onFile?: (done: number, total: number) => void;
}

/** Parses every input file and returns facts by workspace-relative path. */
export async function parseFiles(inputs: readonly ParseInput[], opts: ParseOptions = {}): Promise<Map<string, FileFacts>> {
  const out = new Map<string, FileFacts>();
  await run(inputs, opts, false, (file, r) => out.set(file, typeof r === 'string' ? (JSON.parse(r) as FileFacts) : r));
  return out;
}

/**
 * Parses every input file and hands each file's facts to `onResult` as they arrive, both as JSON text (serialised in
 * the worker, ready to be cached) and decoded. Results come in completion order, not input order.
 */
export async function parseFilesJson(inputs: readonly ParseInput[], onResult: (file: string, json: string, facts: FileFacts) => void, opts: ParseOptions = {}): Promise<void> {
  await run(inputs, opts, true, (file, r) => {
    if (typeof r === 'string') onResult(file, r, JSON.parse(r) as FileFacts);
    else onResult(file, JSON.stringify(r), r);
  });
}

type Sink = (file: string, result: FileFacts | string) => void;

async function run(inputs: readonly ParseInput[], opts: ParseOptions, json: boolean, sink: Sink): Promise<void> {
  const minFiles = opts.minFilesForWorkers ?? 200;
  const workers = opts.workers ?? (inputs.length >= minFiles ? 2 : 0);
  const done = new Set<string>();
  const record: Sink = (file, r) => {
    done.add(file);
    sink(file, r);
  };
  if (workers > 0 && inputs.length > 0) {
    try {
      await parseInWorkers(inputs, workers, opts, json, record);
      return;
    } catch {
      // A worker died (native crash, out of memory): parse whatever is left on this thread.
    }
  }
  for (let i = 0; i < inputs.length; i++) {
    const inp = inputs[i] as ParseInput;
    if (!done.has(inp.file)) record(inp.file, parseRustSourceSafe(inp.text));
    opts.onFile?.(i + 1, inputs.length);
    // tree-sitter frees a tree only in a finalizer, which runs on the event loop: yield now and then, or native
    // memory grows with every file parsed (measured: 870 MB instead of 250 MB over 1,480 files).
    if (i % 32 === 31) await new Promise((r) => setImmediate(r));
  }
}

function startWorker(): Worker {
  // Under tsx/vitest this module is TypeScript source: the worker registers tsx's loader before importing it.
  if (import.meta.url.endsWith('.ts')) {
    const url = new URL('./worker.ts', import.meta.url).href;
    const boot = `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(url)}); });`;
    return new Worker(boot, { eval: true });
  }
  return new Worker(new URL('./worker.js', import.meta.url));
}

async function parseInWorkers(inputs: readonly ParseInput[], n: number, opts: ParseOptions, json: boolean, sink: Sink): Promise<void> {
  // Small batches balance uneven file sizes; each batch is a handful of files.
  const batches: { file: string; text: string }[][] = [];
  const size = 16;
  for (let i = 0; i < inputs.length; i += size) batches.push(inputs.slice(i, i + size).map(({ file, text }) => ({ file, text })));
  let next = 0;
  let done = 0;
  const pool = Array.from({ length: n }, () => startWorker());
  try {
    await Promise.all(
      pool.map(
        (w) =>
          new Promise<void>((resolve, reject) => {
            const send = (): void => {
              if (next >= batches.length) {
                resolve();
                return;
              }
              const id = next++;
              w.postMessage({ id, json, files: batches[id] });
            };
            w.on('message', (msg: { id: number; results: { file: string; facts?: FileFacts; json?: string }[] }) => {
              // Hand out the next batch first, so the worker parses while this thread decodes.
              send();
              for (const r of msg.results) sink(r.file, r.json ?? (r.facts as FileFacts));
              done += msg.results.length;
              opts.onFile?.(done, inputs.length);
            });
            w.on('error', reject);
            w.on('exit', (code) => {
              if (next < batches.length || code !== 0) reject(new Error(`parser worker exited with code ${code}`));
            });
            send();
          }),
      ),
    );
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
}
