/**
 * The CozoDB engine behind the store: a tiny interface (run a script, export and import relations) so that the
 * native `cozo-node` engine can replace the wasm build later without touching `cozo-store.ts`.
 * Only this module knows how cozo-lib-wasm is loaded and how it reports errors.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** A JSON value as Cozo returns it. */
export type CozoValue = null | boolean | number | string | CozoValue[] | { [k: string]: CozoValue };

/** The rows of one query result, in the order of its `?[...]` head. */
export interface CozoRows {
  headers: string[];
  rows: CozoValue[][];
}

/** Relation name → its rows, as `export_relations` produces and `import_relations` consumes. */
export type CozoExport = Record<string, CozoRows>;

/** What the store needs from a Cozo engine. Async so an engine with real I/O can stand behind it. */
export interface CozoEngine {
  /** Runs a CozoScript; `params` are bound as `$name`. Throws when Cozo reports an error. */
  run(script: string, params?: Record<string, unknown>, immutable?: boolean): Promise<CozoRows>;
  exportRelations(relations: readonly string[]): Promise<CozoExport>;
  /** Puts the rows into existing relations (indices are maintained; triggers are not run). A string is that JSON. */
  importRelations(data: CozoExport | string): Promise<void>;
  /** Hint that about `bytes` of working memory are about to be needed (see WasmEngine). */
  reserve(bytes: number): void;
  close(): void;
}

/** An error reported by Cozo itself: a bug in our script or data, never an expected outcome. */
export class CozoError extends Error {
  readonly code: string | undefined;
  constructor(message: string, code: string | undefined, script: string) {
    super(`CozoDB: ${message}${code === undefined ? '' : ` [${code}]`} in script: ${script.slice(0, 200)}`);
    this.name = 'CozoError';
    this.code = code;
  }
}

interface WasmDb {
  run(script: string, params: string, immutable: boolean): string;
  export_relations(data: string): string;
  import_relations(data: string): string;
  free(): void;
}

/** `CozoDb.new()` is a static factory (calling `new CozoDb()` gives "null pointer passed to rust"). */
interface WasmDbClass {
  'new'(): WasmDb;
}

interface WasmModule {
  initSync(module: Uint8Array): {
    memory: { buffer: ArrayBuffer };
    __wbindgen_malloc(size: number, align: number): number;
    __wbindgen_free(ptr: number, size: number, align: number): void;
  };
  CozoDb: WasmDbClass;
}

interface WasmRuntime {
  CozoDb: WasmDbClass;
  memory: { buffer: ArrayBuffer };
  malloc(size: number): number;
  free(ptr: number, size: number): void;
}

let runtime: Promise<WasmRuntime> | undefined;

/**
 * cozo-lib-wasm's JS glue. The bundled CLI ships it in dist/bundle/vendor/ (scripts/build-action.mjs), where this module
 * sees itself at dist/bundle/store/; from source or a tsc build it is the installed package in node_modules.
 */
function wasmGluePath(): string {
  const shipped = fileURLToPath(new URL('../vendor/cozo-lib-wasm/cozo_lib_wasm.js', import.meta.url));
  return existsSync(shipped) ? shipped : createRequire(import.meta.url).resolve('cozo-lib-wasm/cozo_lib_wasm.js');
}

/** Loads and instantiates the wasm module once per process. */
function loadWasm(): Promise<WasmRuntime> {
  runtime ??= (async () => {
    const jsPath = wasmGluePath();
    const mod = (await import(pathToFileURL(jsPath).href)) as WasmModule;
    const out = mod.initSync(readFileSync(join(dirname(jsPath), 'cozo_lib_wasm_bg.wasm')));
    return {
      CozoDb: mod.CozoDb,
      memory: out.memory,
      malloc: (size) => out.__wbindgen_malloc(size, 8),
      free: (ptr, size) => out.__wbindgen_free(ptr, size, 8),
    };
  })();
  return runtime;
}

interface WasmReply {
  ok?: boolean;
  message?: string;
  code?: string;
  headers?: string[];
  rows?: CozoValue[][];
  data?: CozoExport;
}

/** The wasm build's memory cannot grow past about 2 GiB (measured: a 2 GiB malloc traps); reserve well below. */
const MAX_RESERVED_HEAP = 1.5 * 1024 * 1024 * 1024;

/**
 * cozo-lib-wasm 0.7.6. Measured: letting its allocator grow the wasm memory page by page made a 120k-row import take
 * 45 s of CPU instead of 1.2 s, so `reserve` grows the heap in one step (malloc + free of one big block; untouched
 * pages cost no RSS) before large writes.
 */
class WasmEngine implements CozoEngine {
  private db: WasmDb | undefined;

  constructor(private readonly rt: WasmRuntime) {
    this.db = rt.CozoDb.new();
  }

  private handle(): WasmDb {
    if (this.db === undefined) throw new Error('CozoDB engine used after close()');
    return this.db;
  }

  // async: every failure, including use after close, arrives as a rejected promise.
  async run(script: string, params: Record<string, unknown> = {}, immutable = false): Promise<CozoRows> {
    const reply = JSON.parse(this.handle().run(script, JSON.stringify(params), immutable)) as WasmReply;
    if (reply.ok !== true) throw new CozoError(reply.message ?? 'unknown error', reply.code, script);
    return { headers: reply.headers ?? [], rows: reply.rows ?? [] };
  }

  async exportRelations(relations: readonly string[]): Promise<CozoExport> {
    const reply = JSON.parse(this.handle().export_relations(JSON.stringify({ relations }))) as WasmReply;
    if (reply.ok !== true || reply.data === undefined) {
      throw new CozoError(reply.message ?? 'export failed', reply.code, 'export_relations');
    }
    return reply.data;
  }

  async importRelations(data: CozoExport | string): Promise<void> {
    const json = typeof data === 'string' ? data : JSON.stringify(data);
    const reply = JSON.parse(this.handle().import_relations(json)) as WasmReply;
    if (reply.ok !== true) throw new CozoError(reply.message ?? 'import failed', reply.code, 'import_relations');
  }

  reserve(bytes: number): void {
    const size = Math.ceil(bytes / 65536) * 65536;
    if (size <= 0 || this.rt.memory.buffer.byteLength + size > MAX_RESERVED_HEAP) return;
    try {
      const ptr = this.rt.malloc(size);
      this.rt.free(ptr, size);
    } catch {
      // Only a hint: a failed allocation traps inside wasm but leaves the allocator usable (checked).
    }
  }

  close(): void {
    this.db?.free();
    this.db = undefined;
  }
}

/** Opens a fresh, empty in-memory wasm Cozo database. */
export async function openWasmEngine(): Promise<CozoEngine> {
  return new WasmEngine(await loadWasm());
}
