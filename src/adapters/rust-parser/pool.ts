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
  const minFiles = opts.minFilesForWorkers ?? 200;
  const workers = opts.workers ?? (inputs.length >= minFiles ? 2 : 0);
  const out = new Map<string, FileFacts>();
  if (workers > 0 && inputs.length > 0) {
    try {
      return await parseInWorkers(inputs, workers, opts, out);
    } catch {
      // A worker died (native crash, out of memory): parse whatever is left on this thread.
    }
  }
  inputs.forEach((inp, i) => {
    if (!out.has(inp.file)) out.set(inp.file, parseRustSourceSafe(inp.text));
    opts.onFile?.(i + 1, inputs.length);
  });
  return out;
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

async function parseInWorkers(inputs: readonly ParseInput[], n: number, opts: ParseOptions, out: Map<string, FileFacts>): Promise<Map<string, FileFacts>> {
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
              w.postMessage({ id, files: batches[id] });
            };
            w.on('message', (msg: { id: number; results: { file: string; facts: FileFacts }[] }) => {
              for (const r of msg.results) out.set(r.file, r.facts);
              done += msg.results.length;
              opts.onFile?.(done, inputs.length);
              send();
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
  return out;
}
